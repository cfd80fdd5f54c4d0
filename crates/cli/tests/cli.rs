//! End-to-end: the real binary in a temporary directory, with its own ledger; no network.
//! The acceptance points of the relations graph, asserted on the actual answers.

use std::path::{Path, PathBuf};

mod common;
use common::Env;

use serde_json::Value;

fn codes(v: &Value) -> Vec<String> {
    let mut c: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect();
    c.sort();
    c
}

#[test]
fn south_korea_around_syria_and_cuba() {
    let e = Env::new();
    let r = e.json(&["relations", "KOR", "--as-of", "2025-04-12", "--among", "un"]);
    assert_eq!(
        (
            r["state"].as_str(),
            r["as_of"].as_str(),
            r["among"].as_str()
        ),
        (Some("KOR"), Some("2025-04-12"), Some("un"))
    );
    assert_eq!(
        (r["count"].as_u64(), r["of"].as_u64()),
        (Some(191), Some(192))
    );
    assert_eq!(codes(&r["without"]), ["PRK"]);
    assert!(codes(&r["unknown"]).is_empty());
    assert_eq!(r["partners"].as_array().unwrap().len(), 191);

    let r = e.json(&["relations", "KOR", "--as-of", "2025-04-09", "--among", "un"]);
    assert_eq!(r["count"].as_u64(), Some(190));
    assert_eq!(codes(&r["without"]), ["PRK", "SYR"]);

    let r = e.json(&["relations", "KOR", "--as-of", "2024-02-13", "--among", "un"]);
    assert!(codes(&r["without"]).contains(&"CUB".to_string()));
    assert!(!e.db().exists(), "queries never create a ledger");
}

#[test]
fn pair_histories_with_sources() {
    let e = Env::new();
    let h = e.json(&["pair", "KOR", "BTN"]);
    let rel: Vec<&Value> = h["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] == "relations")
        .collect();
    assert_eq!(rel[0]["from"], "1987");
    assert_eq!(rel[0]["from_precision"], "year");
    assert!(rel[0]["to"].is_null());
    assert!(rel[0]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["url"] == "http://www.bbs.bt/news/?p=67778"));

    let h = e.json(&["pair", "KOR", "CUB"]);
    let last = h["history"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (
            last["status"].as_str(),
            last["from"].as_str(),
            last["from_precision"].as_str()
        ),
        (Some("relations"), Some("2024-02-14"), Some("day"))
    );

    let h = e.json(&["pair", "USA", "CUB"]);
    let steps: Vec<(String, String)> = h["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["from"].is_null())
        .map(|i| {
            (
                i["status"].as_str().unwrap().to_string(),
                i["from"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        steps.contains(&("severed".into(), "1961-01-03".into())),
        "{steps:?}"
    );
    assert!(
        steps.contains(&("relations".into(), "2015-07-20".into())),
        "{steps:?}"
    );
}

#[test]
fn who_deals_with_pyongyang_but_not_seoul() {
    let e = Env::new();
    let out = e.run(&[
        "exclusive",
        "PRK",
        "--rival",
        "KOR",
        "--as-of",
        "2025-04-12",
        "--among",
        "un",
        "--json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an empty answer is 'nothing found'"
    );
    let x: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(x["count"], 0);
    let x = e.json(&[
        "exclusive",
        "PRK",
        "--rival",
        "KOR",
        "--as-of",
        "2024-01-01",
        "--among",
        "un",
    ]);
    let s = codes(&x["states"]);
    assert!(
        s.contains(&"CUB".into()) && s.contains(&"SYR".into()),
        "{s:?}"
    );
    // Among all states, the non-members siding with Pyongyang alone appear too: Palestine
    // hosts a North Korean ambassador, the Sahrawi Republic has relations with Pyongyang
    // (both sides' Wikipedia tables) and none with Seoul, whose only non-UN partners are the
    // Holy See, Niue and the Cook Islands.
    let x = e.json(&[
        "exclusive",
        "PRK",
        "--rival",
        "KOR",
        "--as-of",
        "2025-04-12",
    ]);
    assert_eq!(codes(&x["states"]), ["ESH", "PSE"]);
}

#[test]
fn taiwan_recognizers_today() {
    let e = Env::new();
    let r = e.json(&["relations", "TWN", "--as-of", "2026-11-26"]);
    assert_eq!(r["count"], 12);
    assert_eq!(
        codes(&r["recognized_by"]),
        ["BLZ", "GTM", "HTI", "KNA", "LCA", "MHL", "PLW", "PRY", "SWZ", "TUV", "VAT", "VCT"]
    );
}

#[test]
fn lookup_is_forgiving_and_honest() {
    let e = Env::new();
    let s = e.json(&["states", "korea"]);
    let mut c: Vec<&str> = s
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap())
        .collect();
    c.sort();
    assert_eq!(c, ["KOR", "PRK"]);
    for (q, code) in [
        ("ROK", "KOR"),
        ("DPRK", "PRK"),
        ("Türkiye", "TUR"),
        ("Ivory Coast", "CIV"),
        ("Burma", "MMR"),
        ("Soviet Union", "RUS"),
    ] {
        let s = e.json(&["states", q]);
        assert_eq!(s[0]["code"], code, "{q}");
    }
    let out = e.run(&["states", "Korae"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("did you mean \"South Korea\" (KOR) or \"North Korea\" (PRK)?"));
}

#[test]
fn bad_input_is_one_clear_line_and_writes_nothing() {
    let e = Env::new();
    assert_eq!(
        e.fails(&["relations", "Korae"]),
        "diplograph: unknown state \"Korae\" (did you mean \"South Korea\" (KOR) or \"North Korea\" (PRK)?)"
    );
    assert_eq!(
        e.fails(&["relations", "KOR", "--as-of", "2024-02-30"]),
        "diplograph: --as-of: \"2024-02-30\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    );
    assert_eq!(
        e.fails(&["relations", "SSD", "--as-of", "2010-01-01"]),
        "diplograph: South Sudan (SSD) did not exist on 2010-01-01: it exists from 2011-07-09"
    );
    let missing = e.dir.path().join("missing.csv");
    let err = e.fails(&["import", "us-missions", missing.to_str().unwrap()]);
    assert!(err.starts_with("diplograph: cannot read"), "{err}");
    let junk = e.dir.path().join("junk.csv");
    std::fs::write(&junk, b"\x00\x01\xff binary").unwrap();
    let err = e.fails(&["import", "us-missions", junk.to_str().unwrap()]);
    assert!(err.contains("not UTF-8"), "{err}");
    let err = e.fails(&["add", "KOR", "SSD", "establish", "2005", "--citation", "x"]);
    assert!(err.contains("did not exist on 2005-12-31"), "{err}");
}

#[test]
fn added_facts_change_answers_and_are_kept_once() {
    let e = Env::new();
    let add = [
        "add",
        "Niue",
        "Afghanistan",
        "establish",
        "2026-05-04",
        "--url",
        "https://example.org/niue-afghanistan",
        "--publisher",
        "Example Wire",
        "--published",
        "2026-05-04",
        "--quote",
        "Niue and Afghanistan established diplomatic relations",
    ];
    let out = e.run(&add);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = e.run(&add);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("already in the ledger"));
    let h = e.json(&["pair", "NIU", "AFG"]);
    let last = h["history"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (last["status"].as_str(), last["from"].as_str()),
        (Some("relations"), Some("2026-05-04"))
    );
    // As it could have been known before the report, the pair has no facts.
    let out = e.run(&["pair", "NIU", "AFG", "--known-at", "2026-05-01"]);
    assert_eq!(out.status.code(), Some(1));
}

fn shared(p: &str) -> Option<PathBuf> {
    common::shared(&format!("data/{p}"))
}

/// The shipped US facts are what the importer makes of the reference data today.
#[test]
fn us_facts_regenerate_from_the_reference_data() {
    let (Some(csv), Some(guide)) = (
        shared("us_diplomatic_missions/mission_status_range_cow_v0.1.csv"),
        shared("historyatstate_rdcr/articles"),
    ) else {
        return;
    };
    let e = Env::new();
    let out = e.run(&[
        "import",
        "us-missions",
        csv.to_str().unwrap(),
        "--guide",
        guide.to_str().unwrap(),
        "--tsv",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let shipped = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/facts/us.facts.tsv"),
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        shipped,
        "run the import with --tsv into data/facts/us.facts.tsv"
    );
    // Into a ledger: once, then nothing new.
    let out = e.run(&[
        "import",
        "us-missions",
        csv.to_str().unwrap(),
        "--guide",
        guide.to_str().unwrap(),
    ]);
    // The shipped baseline holds these very facts: nothing is added, and no answer gets the
    // same source twice.
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("0 facts added, 303 already there"), "{s}");
    let h = e.json(&["pair", "USA", "CUB"]);
    for entry in h["history"].as_array().unwrap() {
        let sources = entry["sources"].as_array().unwrap();
        let mut seen: Vec<&Value> = sources.iter().map(|s| &s["origin"]).collect();
        seen.sort_by_key(|v| v.to_string());
        seen.dedup();
        assert_eq!(seen.len(), sources.len(), "a source twice: {entry}");
        let us: Vec<&Value> = sources
            .iter()
            .filter(|s| s["origin"]["file"] == "facts/us.facts.tsv")
            .collect();
        assert!(us.len() <= 1, "{entry}");
    }
    let out = e.run(&[
        "import",
        "us-missions",
        csv.to_str().unwrap(),
        "--guide",
        guide.to_str().unwrap(),
    ]);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("0 facts added, 303 already there"));
}

#[test]
fn dyad_year_export_uses_cow_codes() {
    let e = Env::new();
    let out = e.run(&[
        "export",
        "--format",
        "dyad-year",
        "--state",
        "KOR",
        "--from",
        "2023",
        "--to",
        "2025",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("ccode1,ccode2,gwcode1,gwcode2,iso1,iso2,year,relations,status\n"));
    // Cuba (COW 40) and South Korea (COW 732): none in 2023, relations from 2024.
    assert!(
        text.contains("40,732,40,732,CUB,KOR,2023,0,none\n"),
        "{text}"
    );
    assert!(text.contains("40,732,40,732,CUB,KOR,2024,1,relations\n"));
    assert!(text.contains("652,732,652,732,SYR,KOR,2024,0,none\n"));
    assert!(text.contains("652,732,652,732,SYR,KOR,2025,1,relations\n"));
}

/// Every source file says what it owns on its first line (rust-analyzer's tidy rule).
#[test]
fn every_file_opens_with_what_it_owns() {
    fn walk(dir: &Path, bad: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, bad);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                if !text.starts_with("//!") {
                    bad.push(p.display().to_string());
                }
            }
        }
    }
    let mut bad = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".."), &mut bad);
    assert!(bad.is_empty(), "files without a //! line: {bad:?}");
}
