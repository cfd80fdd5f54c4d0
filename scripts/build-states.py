#!/usr/bin/env python3
"""Rebuilds data/states-un.tsv from the reference datasets in ../shared/data.

The reference datasets stay outside the repository; this script restates the facts diplograph
needs (codes, names, capitals, demonyms, UN admission, existence dates) one state a row, and cites
for every row the dataset rows it came from. States the datasets lack (observers, states with
limited recognition, states in free association, former states) come from data/states-extra.tsv,
which carries its own sources.

Existence (`begin`, `gaps`) is a state's first independence, with the spells it lost between:
- `begin` is where the state's first spell in the Gleditsch-Ward list (manystates gwstates.csv)
  starts, or where the HUGGO spell overlapping it starts if that is earlier: both lists date the
  same first independence, and the earlier of their two dates is taken. GW opens on
  1816-01-01, so a first spell starting that day means "before 1816": the overlapping HUGGO spell
  gives the date when it starts earlier, or `begin` stays empty. HUGGO alone is a list of regimes
  (Iran from 1979, Japan from 1952, Kuwait from 1991), so its latest spell is never the begin.
  States GW leaves out (microstates; Yemen, which COW codes anew from 1990) take HUGGO's first
  spell.
- `gaps` (`last..first|...`, the last day of a spell and the first of the next; the state did
  not exist strictly between) are the breaks between the state's GW spells, and the breaks
  between HUGGO spells inside one GW spell (or, outside GW, after `begin`) unless HUGGO codes the
  break as a change of regime or union (Transformation, Unification, Dissolution): occupations and
  annexations (the Netherlands 1940-45, Kuwait 1990-91) are gaps; Japan 1945-52, which HUGGO
  codes as a transformation and GW does not break, is not.

Run from the repository root:  python3 scripts/build-states.py [../shared/data]
"""
import csv
import json
import sys
import unicodedata
from datetime import date

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


# States whose HUGGO spell is not their own first independence: HUGGO dates Czechia from 1918,
# Czechoslovakia's independence; diplograph, like COW and GW, keeps Czechoslovakia a state of its
# own (CSK in states-extra.tsv) and Czechia a new state from 1993.
GW_ONLY = {"CZE"}

# GW numbers a state's spells carry when they are not its COW number alone: GW ends Germany (255)
# in 1945 and continues it as the Federal Republic (260) from 1949.
GW_CODES = {"DEU": ["255", "260"]}

# Notes on a state's gaps, appended to its sources.
GAP_NOTES = {
    code: "gap 1940-1991 is the GW (and COW) convention that the Soviet annexation ended the state; most states never recognized the annexation"
    for code in ("EST", "LVA", "LTU")
}

# UN seats the admission table dates otherwise than diplograph's states hold them. Serbia continues
# Yugoslavia (see CONTINUATORS), an original member, and the UN counted the seat through 1992-2000
# (Tuvalu was the 189th member in 2000, and the Federal Republic's admission that year added none).
# Yemen's 1947 seat was the Yemen Arab Republic's (YAR in states-extra.tsv, COW 678) until the
# union of 1990, from which COW codes Yemen (679) anew.
UN_SEATS = {
    "SRB": (
        "1945-10-24",
        "UN Member States (en.wikisource.org/wiki/Page:UNITED_NATIONS_MEMBER_STATES.djvu/6) \"The Socialist Federal Republic of Yugoslavia was an original Member of the United Nations\"",
    ),
    "YEM": (
        "1990-05-22",
        "the admission table's 1947-09-30 is the Yemen Arab Republic's seat (YAR); filaw.com/nations/UNMemberStates.html \"On 22 May 1990, the two countries of Yemen and Democratic Yemen merged and were then represented as one Member State with the name \"Yemen\".\"",
    ),
}


def fold(s):
    s = s.replace("\u2019", "'").replace(" (the)", "")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower().strip()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def gw_date(s):
    """GW's DD.MM.YYYY as YYYY-MM-DD."""
    d, m, y = s.split(".")
    return f"{y}-{m}-{d}"


def valid(d):
    """A date diplograph can read (YYYY, YYYY-MM or YYYY-MM-DD); HUGGO also has "753 BC"."""
    return bool(d) and all(p.isdigit() for p in d.split("-")) and len(d.split("-")[0]) == 4


def first(d):
    """The first day a date may mean, as a comparable string."""
    return (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10]


def last(d):
    """The last day a date may mean, as a comparable string (months end on the 31st: only order
    matters here)."""
    return (d + "-12-31")[:10] if len(d) == 4 else (d + "-31")[:10]


def existence(iso3, cow_code, gw_by, huggo_all):
    """`begin`, `gaps` and the dataset rows they rest on (see the module doc)."""
    gw = sorted(
        ((j, gw_date(r["Start"]), gw_date(r["End"])) for c in GW_CODES.get(iso3, [cow_code]) for j, r in gw_by.get(c, [])),
        key=lambda t: t[1],
    )
    hug = sorted(
        ((j, h["Begin"], h["Basis"], h["End"], h["Grounds"]) for j, h in huggo_all.get(iso3, []) if valid(h["Begin"])),
        key=lambda t: first(t[1]),
    )
    used = set()
    if gw:
        j0, start, end = gw[0]
        used.add(f"gwstates.csv row {j0 + 2}")
        begin = "" if start == "1816-01-01" else start
        # spells that run into GW's first spell; one ending the day it opens is a predecessor
        over = [h for h in hug if first(h[1]) <= end and (h[3].startswith("9999") or start < last(h[3]))]
        if over and iso3 not in GW_ONLY and first(over[0][1]) < start:
            begin = over[0][1]
            used.add(f"HUGGO_states_clean.csv row {over[0][0] + 2}")
    elif hug:
        begin = hug[0][1]
        used.add(f"HUGGO_states_clean.csv row {hug[0][0] + 2}")
    else:
        return "", [], used
    gaps = []
    for (ja, _, ea), (jb, sb, _) in zip(gw, gw[1:]):
        gaps.append((ea, sb))
        used |= {f"gwstates.csv row {ja + 2}", f"gwstates.csv row {jb + 2}"}
    regime = ("Transformation", "Unification", "Dissolution")
    for a, b in zip(hug, hug[1:]):
        ea, sb = a[3], b[1]
        if ea.startswith("9999") or not valid(ea) or last(ea) >= first(sb) or first(ea) < first(begin or "0001"):
            continue
        if any(x.startswith(regime) for x in (a[4], b[2])):
            continue
        # one day apart ("1890-11-22" then "1890-11-23"): no day between, no gap
        if len(ea) == 10 and len(sb) == 10 and (date.fromisoformat(sb) - date.fromisoformat(ea)).days <= 1:
            continue
        if gw and not any(s <= first(ea) and last(sb) <= e for _, s, e in gw):
            continue  # a HUGGO break across a GW break: GW's dates stand
        gaps.append((ea, sb))
        used |= {f"HUGGO_states_clean.csv row {a[0] + 2}", f"HUGGO_states_clean.csv row {b[0] + 2}"}
    gaps.sort(key=lambda g: first(g[0]))
    return begin, gaps, used


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
    huggo_all = {}
    for i, r in enumerate(huggo):
        huggo_all.setdefault(r["stateID"], []).append((i, r))

    rows = []
    for i, r in enumerate(codes):
        iso3 = r["ISO3166-1-Alpha-3"]
        if iso3 not in admission:
            continue
        rows.append(state_row(i, r, iso3, admission, owid_by, cow_by, gw_by, huggo_all, info, names))

    # South Sudan is missing from the admission table; its admission date lives in states-extra.tsv.
    for i, r in enumerate(codes):
        if r["ISO3166-1-Alpha-3"] == "SSD":
            admission["SSD"] = (
                "2011-07-14",
                "UPI 2011-07-14 http://www.upi.com/Top_News/Special/2011/07/14/South-Sudan-becomes-UN-member/56561310661808/ "
                "\"The republic was admitted Thursday to the world body\"",
            )
            rows.append(state_row(i, r, "SSD", admission, owid_by, cow_by, gw_by, huggo_all, info, names))

    header = [
        "iso3", "iso2", "isonum", "cow", "gw", "wikidata", "kind", "name", "official_name", "capital",
        "demonym", "un_member_since", "begin", "end", "gaps", "aliases", "sources",
    ]
    with open("data/states-un.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# UN member states, rebuilt by scripts/build-states.py from ../shared/data; do not edit by hand\n")
        f.write("\t".join(header) + "\n")
        for row in sorted(rows, key=lambda x: x["iso3"]):
            f.write("\t".join(row[h] for h in header) + "\n")
    print(f"wrote {len(rows)} states to data/states-un.tsv")


def state_row(i, r, iso3, admission, owid_by, cow_by, gw_by, huggo_all, info, names):
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
    begin, gaps, used = existence(iso3, cow_code, gw_by, huggo_all)
    order = lambda x: (x.split(" row ")[0], int(x.rsplit(" ", 1)[1]))
    used = sorted(used - set(sources), key=order)
    sources.extend(used)
    wikidata = r["wikidata_id"].rsplit("/", 1)[-1] if r["wikidata_id"] else ""
    adm, adm_src = admission[iso3]
    if adm_src:
        sources.append(adm_src)
    if iso3 in UN_SEATS:
        adm, seat_src = UN_SEATS[iso3]
        sources.append(seat_src)
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
        sources = [x for x in sources if not x.startswith("HUGGO") and x not in used] + [src]
        begin, gaps = "", []
    if gaps and iso3 in GAP_NOTES:
        sources.append(GAP_NOTES[iso3])
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
        "gaps": "|".join(f"{a}..{b}" for a, b in gaps),
        "aliases": "|".join(a.replace("\t", " ") for a in aliases if a != name),
        "sources": "; ".join(sources),
    }


if __name__ == "__main__":
    main()
