#!/usr/bin/env python3
"""Rebuilds data/states.tsv from the reference datasets in ../shared/data.

The reference datasets stay outside the repository; this script restates the facts diplograph
needs (codes, names, capitals, demonyms, UN admission, existence dates) one state a row, and cites
for every row the dataset rows it came from. States the datasets lack (observers, states with
limited recognition, states in free association, former states) come from data/states-extra.tsv,
which carries its own sources.

Run from the repository root:  python3 scripts/build-states.py [../shared/data]
"""
import csv
import json
import sys
import unicodedata

import yaml

SHARED = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"

# Common English aliases people type and newspapers print. Each one must appear in the
# countrynames data set under the same ISO code (checked below), which is then its source.
ALIASES = {
    "KR": ["South Korea", "Korea, South", "Republic of Korea", "South Korean"],
    "KP": ["North Korea", "Korea, North", "DPRK", "DPR Korea", "North Korean"],
    "TR": ["Turkey", "Republic of Turkey"],
    "CI": ["Ivory Coast"],
    "MM": ["Burma"],
    "CZ": ["Czech Republic", "Czechia"],
    "SZ": ["Swaziland", "Eswatini"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "MK": ["Macedonia", "FYROM", "North Macedonia"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo"],
    "CG": ["Republic of the Congo"],
    "LA": ["Laos"],
    "RU": ["Russia"],
    "SY": ["Syria"],
    "US": ["America", "USA", "U.S.", "United States"],
    "GB": ["UK", "Britain", "Great Britain", "United Kingdom"],
    "IR": ["Iran"],
    "VN": ["Vietnam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
    "TL": ["East Timor"],
    "NL": ["Holland"],
    "AE": ["UAE", "Emirates"],
    "LY": ["Libya"],
    "ST": ["Sao Tome and Principe"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "PS": ["Palestine", "State of Palestine"],
    "TW": ["Taiwan", "Republic of China"],
    "XK": ["Kosovo", "Republic of Kosovo"],
    "EH": ["Sahrawi Arab Democratic Republic", "Western Sahara"],
    "KN": ["St Kitts and Nevis"],
    "LC": ["St Lucia"],
    "VC": ["St Vincent and the Grenadines"],
}


# Aliases countrynames lacks, each with its own source.
SOURCED_ALIASES = {
    "KOR": [("ROK", "CIA World Factbook 1995 (theodora.com/wfb/1995/korea_south/korea_south_government.html) \"Abbreviation: ROK\"")],
}

# Continuators: COW codes these states continuously (Russia 365 since 1816 through the USSR; Serbia
# 345 through Yugoslavia and Serbia and Montenegro), and so does diplograph: facts about the USSR
# are facts about Russia. Their HUGGO begin dates (1991, 2006) would wrongly hide that history.
CONTINUATORS = {
    "RUS": (["Soviet Union", "USSR"], "cow_statelist2024.csv row 104 (COW 365 Russia 1816-2024); owid countries_regions.csv row 289 (USSR)"),
    "SRB": (["Yugoslavia", "Serbia and Montenegro", "Federal Republic of Yugoslavia"], "cow_statelist2024.csv rows 93-94 (COW 345 Yugoslavia 1944-2006, Serbia 2006-); owid countries_regions.csv rows 284, 291"),
}


def fold(s):
    s = s.replace("\u2019", "'").replace(" (the)", "")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower().strip()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    codes = read_csv(f"{SHARED}/country-codes/country-codes.csv")
    owid = read_csv(f"{SHARED}/owid/countries_regions.csv")
    un = read_csv(f"{SHARED}/un_admission/un_member_admission_dates.csv")
    cow = read_csv(f"{SHARED}/us_diplomatic_missions/cow_statelist2024.csv")
    gw = read_csv(f"{SHARED}/manystates/gwstates.csv")
    huggo = read_csv(f"{SHARED}/manystates/HUGGO_states_clean.csv")
    with open(f"{SHARED}/packages/countryinfo/countries_merged.json", encoding="utf-8") as f:
        info = {c["ISO"]["alpha3"]: c for c in json.load(f) if c.get("ISO", {}).get("alpha3")}
    with open(f"{SHARED}/packages/countrynames/data.yaml", encoding="utf-8") as f:
        names = yaml.safe_load(f)

    # UN membership: match the admission table's English names against the UN terms.
    by_name = {}
    for i, r in enumerate(codes):
        for k in ("UNTERM English Short", "official_name_en", "CLDR display name", "UNTERM English Formal"):
            if r[k]:
                by_name.setdefault(fold(r[k]).removeprefix("the "), i)
    un_fixes = {
        "congo (republic of the)": "congo",
        "czech republic": "czechia",
        "swaziland": "eswatini",
        "the former yugoslav republic of macedonia": "north macedonia",
        "libyan arab jamahiriya": "libya",
        "turkey": "turkiye",
        "cape verde": "cabo verde",
    }
    admission = {}
    for j, r in enumerate(un):
        if not r["un_admission_date"]:
            continue  # the table's Taiwan row has no date: Taiwan is not a member
        key = fold(r["name_en"])
        key = un_fixes.get(key, key)
        if key not in by_name:
            sys.exit(f"unmatched UN member {r['name_en']!r}")
        iso3 = codes[by_name[key]]["ISO3166-1-Alpha-3"]
        admission[iso3] = (r["un_admission_date"], f"un_member_admission_dates.csv row {j + 2}")

    owid_by = {r["iso_alpha3"]: (i, r) for i, r in enumerate(owid) if r["iso_alpha3"]}
    cow_by = {}
    for i, r in enumerate(cow):
        cow_by.setdefault(r["ccode"], []).append((i, r))
    gw_by = {}
    for i, r in enumerate(gw):
        gw_by.setdefault(r["Cow Nr."], []).append((i, r))
    huggo_by = {}
    for i, r in enumerate(huggo):
        if r["End"].startswith("9999"):
            huggo_by[r["stateID"]] = (i, r)

    rows = []
    for i, r in enumerate(codes):
        iso3 = r["ISO3166-1-Alpha-3"]
        if iso3 not in admission:
            continue
        rows.append(state_row(i, r, iso3, admission, owid_by, cow_by, gw_by, huggo_by, info, names))

    # South Sudan is missing from the admission table; its admission date lives in states-extra.tsv.
    for i, r in enumerate(codes):
        if r["ISO3166-1-Alpha-3"] == "SSD":
            admission["SSD"] = (
                "2011-07-14",
                "UPI 2011-07-14 http://www.upi.com/Top_News/Special/2011/07/14/South-Sudan-becomes-UN-member/56561310661808/ "
                "\"The republic was admitted Thursday to the world body\"",
            )
            rows.append(state_row(i, r, "SSD", admission, owid_by, cow_by, gw_by, huggo_by, info, names))

    header = [
        "iso3", "iso2", "isonum", "cow", "gw", "wikidata", "kind", "name", "official_name", "capital",
        "demonym", "un_member_since", "begin", "end", "aliases", "sources",
    ]
    with open("data/states-un.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# UN member states, rebuilt by scripts/build-states.py from ../shared/data; do not edit by hand\n")
        f.write("\t".join(header) + "\n")
        for row in sorted(rows, key=lambda x: x["iso3"]):
            f.write("\t".join(row[h] for h in header) + "\n")
    print(f"wrote {len(rows)} states to data/states-un.tsv")


def state_row(i, r, iso3, admission, owid_by, cow_by, gw_by, huggo_by, info, names):
    sources = [f"country-codes.csv row {i + 2}"]
    iso2 = r["ISO3166-1-Alpha-2"]
    cow_code = ""
    if iso3 in owid_by:
        j, o = owid_by[iso3]
        if o["cow_code"]:
            cow_code = str(int(float(o["cow_code"])))
            sources.append(f"owid countries_regions.csv row {j + 2}")
    gw_code = ""
    if cow_code and cow_code in gw_by:
        j, _ = gw_by[cow_code][-1]
        gw_code = cow_code  # GW numbers follow COW's where the state exists in both lists
        sources.append(f"gwstates.csv row {j + 2}")
    begin = ""
    if iso3 in huggo_by:
        j, h = huggo_by[iso3]
        if len(h["Begin"]) == 10 or len(h["Begin"]) == 4:
            begin = h["Begin"]
            sources.append(f"HUGGO_states_clean.csv row {j + 2}")
    wikidata = r["wikidata_id"].rsplit("/", 1)[-1] if r["wikidata_id"] else ""
    adm, adm_src = admission[iso3]
    if adm_src:
        sources.append(adm_src)
    ci = info.get(iso3, {})
    demonym = ci.get("demonym", "") or ""
    if ci:
        sources.append(f"countryinfo countries_merged.json {iso3}")
    aliases = []
    for k in ("UNTERM English Short", "UNTERM English Formal", "official_name_en", "CLDR display name"):
        v = r[k].strip().replace(" (the)", "").removeprefix("the ")
        if v and v not in aliases:
            aliases.append(v)
    for v in [ci.get("name", "")] + list(ci.get("altSpellings", []) or []):
        if v and len(v) > 3 and all(ord(c) < 0x250 for c in v) and v not in aliases:
            aliases.append(v)
    curated = ALIASES.get(iso2, [])
    listed = {fold(x) for x in names.get(iso2, []) if isinstance(x, str)}
    for a in curated:
        if fold(a) not in listed:
            print(f"skipped alias {a!r} for {iso2}: not in countrynames, so unsourced", file=sys.stderr)
            continue
        if a not in aliases:
            aliases.append(a)
    if curated:
        sources.append(f"countrynames data.yaml {iso2}")
    for a, src in SOURCED_ALIASES.get(iso3, []):
        if a not in aliases:
            aliases.append(a)
            sources.append(src)
    if iso3 in CONTINUATORS:
        extra, src = CONTINUATORS[iso3]
        aliases.extend(a for a in extra if a not in aliases)
        sources = [x for x in sources if not x.startswith("HUGGO")] + [src]
        begin = ""
    name = r["CLDR display name"] or r["UNTERM English Short"]
    # CLDR's display names for these two are abbreviations; their common names are aliases above.
    name = {"US": "United States", "UK": "United Kingdom"}.get(name, name)
    if r["CLDR display name"] not in aliases and r["CLDR display name"] != name:
        aliases.append(r["CLDR display name"])
    return {
        "iso3": iso3,
        "iso2": iso2,
        "isonum": r["ISO3166-1-numeric"].zfill(3),
        "cow": cow_code,
        "gw": gw_code,
        "wikidata": wikidata,
        "kind": "member",
        "name": name,
        "official_name": (r["official_name_en"] or r["UNTERM English Formal"]).removeprefix("the "),
        "capital": r["Capital"],
        "demonym": demonym,
        "un_member_since": adm,
        "begin": begin,
        "end": "",
        "aliases": "|".join(a.replace("\t", " ") for a in aliases if a != name),
        "sources": "; ".join(sources),
    }


if __name__ == "__main__":
    main()
