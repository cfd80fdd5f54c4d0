# Rebuilds the M49 region/sub-region/intermediate-region rows (groups m49_*) of data/groups.tsv from country-codes.csv.
"""The hand-curated rows of data/groups.tsv (every group not named m49_*) are kept as they are;
the m49_* rows are dropped and written anew, one row per state and M49 area, from the columns
Region Name, Sub-region Name and Intermediate Region Name of the public-domain (ODC-PDDL)
dataset github datasets/country-codes @caa72d1, as laid in ../shared/data/country-codes.

Only states whose ISO alpha-3 code is in data/states-un.tsv or data/states-extra.tsv get rows.
Rows are cited as dataset rows, counted as scripts/build-states.py counts them: the header is
row 1, so the first data row (Afghanistan) is row 2. The areas carry no dates: `joined` and
`left` stay empty (M49 describes the present classification).

Group names: "m49_" + the area name in lower case, words joined by "_", "and"/"the" dropped
(Latin America and the Caribbean -> m49_latin_america_caribbean).

Run from the repository root: python3 scripts/build-groups-m49.py [path/to/country-codes.csv]
"""
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CSV = os.path.join(ROOT, "..", "shared", "data", "country-codes", "country-codes.csv")
OUT = os.path.join(ROOT, "data", "groups.tsv")
HEADER = ["group", "state", "joined", "left", "source_url", "publisher", "published", "quote", "citation"]
COMMENT = "# group memberships, curated from cited sources; see data/README.md"
CITE = "country-codes.csv row {n} (github datasets/country-codes @caa72d1)"


def slug(name):
    words = [w for w in re.split(r"[^a-z0-9]+", name.lower()) if w and w not in ("and", "the")]
    return "m49_" + "_".join(words)


def known_states():
    codes = set()
    for name in ("states-un.tsv", "states-extra.tsv"):
        with open(os.path.join(ROOT, "data", name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("iso3\t"):
                    continue
                codes.add(line.split("\t", 1)[0])
    return codes


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CSV
    states = known_states()
    kept = []
    if os.path.exists(OUT):
        with open(OUT, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#") or line.startswith("group\t"):
                    continue
                if line.split("\t", 1)[0].startswith("m49_"):
                    continue
                kept.append(line)
    m49 = []
    with open(src, encoding="utf-8", newline="") as f:
        for i, r in enumerate(csv.DictReader(f)):
            iso3 = r["ISO3166-1-Alpha-3"].strip()
            if iso3 not in states:
                continue
            for col in ("Region Name", "Sub-region Name", "Intermediate Region Name"):
                area = r[col].strip()
                if area:
                    m49.append((slug(area), iso3, CITE.format(n=i + 2)))
    m49.sort()
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(COMMENT + "\n")
        f.write("\t".join(HEADER) + "\n")
        for line in kept:
            f.write(line + "\n")
        for group, iso3, cite in m49:
            f.write("\t".join([group, iso3, "", "", "", "", "", "", cite]) + "\n")
    groups = sorted({g for g, _, _ in m49})
    print(f"kept {len(kept)} curated rows; wrote {len(m49)} m49 rows in {len(groups)} groups")


if __name__ == "__main__":
    main()
