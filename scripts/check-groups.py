# Checks data/groups.tsv: known state codes, valid dates, a source on every row, no duplicate or overlapping memberships.
"""Run from anywhere: python3 scripts/check-groups.py [data/groups.tsv]. Exits 1 on any error.

Errors: a state code in neither data/states-un.tsv nor data/states-extra.tsv; a `joined`,
`left` or `published` that is not YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date); `left`
before `joined`; a row with neither (source_url and quote) nor a citation; a row with a
`published` date but no source_url; a quote over 200 characters; a Wikipedia row without
"CC BY-SA 4.0" in its citation; a duplicate (group, state, joined); two periods of the same
state in the same group that overlap; an m49_* row not cited as a country-codes.csv row.
Warnings (printed, not fatal): a `joined` earlier than the state's `begin` in the state files.
"""
import datetime
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = ["group", "state", "joined", "left", "source_url", "publisher", "published", "quote", "citation"]
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
M49_CITE = re.compile(r"^country-codes\.csv row \d+ \(github datasets/country-codes @caa72d1\)$")


def states():
    known = {}
    for name in ("states-un.tsv", "states-extra.tsv"):
        with open(os.path.join(ROOT, "data", name), encoding="utf-8") as f:
            header = None
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols))
                known[row["iso3"]] = row.get("begin", "")
    return known


def parse(value):
    """Returns (start, end) ISO day strings covering the value's precision, or None if invalid."""
    m = DATE.match(value)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            day = datetime.date(int(y), int(mo), int(d)).isoformat()
            return day, day
        if mo:
            first = datetime.date(int(y), int(mo), 1)
            nxt = datetime.date(int(y) + (int(mo) == 12), int(mo) % 12 + 1, 1)
            return first.isoformat(), (nxt - datetime.timedelta(days=1)).isoformat()
        return f"{y}-01-01", f"{y}-12-31"
    except ValueError:
        return None


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data", "groups.tsv")
    known = states()
    errors, warnings = [], []
    seen = set()
    periods = {}
    header_seen = False
    rows = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen:
                if cols != HEADER:
                    errors.append(f"line {n}: header is not {HEADER}")
                header_seen = True
                continue
            if len(cols) != len(HEADER):
                errors.append(f"line {n}: {len(cols)} columns, want {len(HEADER)}")
                continue
            rows += 1
            r = dict(zip(HEADER, cols))
            where = f"line {n} ({r['group']} {r['state']})"
            if not re.match(r"^[a-z0-9_]+$", r["group"]):
                errors.append(f"{where}: group name not lower_snake_case")
            if r["state"] not in known:
                errors.append(f"{where}: state code not in states-un.tsv or states-extra.tsv")
            spans = {}
            for col in ("joined", "left", "published"):
                if r[col]:
                    span = parse(r[col])
                    if span is None:
                        errors.append(f"{where}: {col} {r[col]!r} is not a valid YYYY[-MM[-DD]] date")
                    spans[col] = span
            j, l = spans.get("joined"), spans.get("left")
            if j and l and l[1] < j[0]:
                errors.append(f"{where}: left {r['left']} before joined {r['joined']}")
            if not ((r["source_url"] and r["quote"]) or r["citation"]):
                errors.append(f"{where}: neither source_url + quote nor a citation")
            if r["published"] and not r["source_url"]:
                errors.append(f"{where}: published date without a source_url")
            if r["source_url"] and not r["published"] and not r["citation"]:
                errors.append(f"{where}: source page shows no date and the row has no citation")
            if len(r["quote"]) > 200:
                errors.append(f"{where}: quote is {len(r['quote'])} characters (max 200)")
            if r["publisher"] == "Wikipedia" and "CC BY-SA 4.0" not in r["citation"]:
                errors.append(f"{where}: Wikipedia row without CC BY-SA 4.0 in its citation")
            if r["group"].startswith("m49_") and not M49_CITE.match(r["citation"]):
                errors.append(f"{where}: m49 row not cited as a country-codes.csv row")
            key = (r["group"], r["state"], r["joined"])
            if key in seen:
                errors.append(f"{where}: duplicate (group, state, joined) {key}")
            seen.add(key)
            start = j[0] if j else "0000-01-01"
            end = l[1] if l else "9999-12-31"
            periods.setdefault((r["group"], r["state"]), []).append((start, end, n))
            begin = known.get(r["state"], "")
            if j and begin and j[1] < begin:
                warnings.append(f"{where}: joined {r['joined']} is before the state's begin {begin}")
    for (group, state), spans in periods.items():
        spans.sort()
        for (s1, e1, n1), (s2, e2, n2) in zip(spans, spans[1:]):
            if s2 <= e1:
                errors.append(f"lines {n1} and {n2} ({group} {state}): membership periods overlap")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{rows} rows, {len(errors)} errors, {len(warnings)} warnings")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
