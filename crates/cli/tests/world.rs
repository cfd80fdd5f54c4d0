//! The world graph from the real baseline: coverage of the UN members' pairs, the pairs issue 8
//! names, states before their current regime, and importing Wikipedia articles into a ledger.

mod common;

use std::path::Path;

use common::Env;
use serde_json::Value;

fn history(h: &Value) -> Vec<(String, String, String)> {
    h["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["status"].as_str().unwrap_or("").to_string(),
                i["event"].as_str().unwrap_or("").to_string(),
                i["from"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn coverage_of_the_un_members_pairs_on_the_snapshot_day() {
    let e = Env::new();
    let c = e.json(&["coverage", "--among", "un", "--as-of", "2025-11-26"]);
    assert_eq!(c["pairs"], 18528);
    let (known, dated) = (
        c["share"].as_f64().unwrap(),
        c["dated_share"].as_f64().unwrap(),
    );
    assert!(known >= 0.90, "known {known}");
    assert!(dated >= 0.80, "dated {dated}");
    assert_eq!(
        c["known"].as_u64().unwrap() + c["unknown"].as_u64().unwrap(),
        18528
    );
    let by_status: u64 = c["by_status"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_status, c["known"].as_u64().unwrap());
    // Every state, least covered first.
    let states = c["states"].as_array().unwrap();
    assert_eq!(states.len(), 193);
    assert!(states.iter().all(|s| s["of"] == 192));
    let shares: Vec<f64> = states
        .iter()
        .map(|s| s["share"].as_f64().unwrap())
        .collect();
    assert!(shares.windows(2).all(|w| w[0] <= w[1]));
    // One state's pairs; and the CSV has a row per state.
    let fra = e.json(&["coverage", "--state", "FRA", "--as-of", "2025-11-26"]);
    assert_eq!(fra["pairs"], 192);
    assert!(fra["known"].as_u64().unwrap() >= 185);
    let out = e.run(&["coverage", "--as-of", "2025-11-26", "--csv"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 194);
    // Before the UN existed there is nothing to cover, and that is 'nothing found'.
    assert_eq!(
        e.run(&["coverage", "--as-of", "1900-01-01"]).status.code(),
        Some(1)
    );
}

#[test]
fn ghana_and_israel_broke_in_1973_and_restored_ties() {
    let e = Env::new();
    let h = e.json(&["pair", "GHA", "ISR"]);
    let got = history(&h);
    assert_eq!(
        got,
        [
            ("none".into(), "none".into(), "".into()),
            ("relations".into(), "establish".into(), "1957-03-06".into()),
            ("severed".into(), "sever".into(), "1973-10-28".into()),
            ("relations".into(), "restore".into(), "1994-08-09".into()),
            ("relations".into(), "restore".into(), "2011-09".into()),
        ],
        "{h}"
    );
    // Ghana's table says 1994, Israel's article 2011: both kept, and the conflict reported.
    let conflicts: Vec<&str> = h["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["message"].as_str().unwrap())
        .collect();
    assert!(
        conflicts.contains(
            &"restoration dated 1994-08-09 and 2011-09 by different sources, with no break between"
        ),
        "{conflicts:?}"
    );
}

#[test]
fn united_states_and_china_from_1979_01_01() {
    let e = Env::new();
    let h = e.json(&["pair", "USA", "CHN"]);
    let last = history(&h).pop().unwrap();
    assert_eq!(
        last,
        ("relations".into(), "establish".into(), "1979-01-01".into()),
        "{h}"
    );
}

#[test]
fn states_exist_before_their_current_regime() {
    let e = Env::new();
    let r = e.json(&["relations", "IRN", "--as-of", "1975-06-30", "--among", "un"]);
    assert_eq!(r["of"], 137);
    assert!(r["count"].as_u64().unwrap() > 90, "{}", r["count"]);
    let r = e.json(&["relations", "FRA", "--among", "un"]);
    assert!(r["coverage"]["known"].as_u64().unwrap() >= 185);
}

#[test]
fn south_korea_answers_stay_as_they_were() {
    let e = Env::new();
    let r = e.json(&["relations", "KOR", "--as-of", "2025-04-12", "--among", "un"]);
    assert_eq!(
        (r["count"].as_u64(), r["of"].as_u64()),
        (Some(191), Some(192))
    );
    assert_eq!(r["without"], serde_json::json!(["PRK"]));
    let h = e.json(&["pair", "KOR", "BTN"]);
    assert_eq!(history(&h)[1].2, "1987");
    let h = e.json(&["pair", "KOR", "CUB"]);
    assert_eq!(history(&h).last().unwrap().2, "2024-02-14");
}

#[test]
fn wikipedia_articles_import_into_a_ledger_once() {
    let e = Env::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../wikipedia/tests/data");
    let dir = dir.to_str().unwrap();
    // Without a day for files that carry none, nothing is written.
    let err = e.fails(&["import", "wikipedia", dir]);
    assert!(
        err.contains("give the day it was taken (--snapshot YYYY-MM-DD)"),
        "{err}"
    );
    let out = e.run(&["import", "wikipedia", dir, "--snapshot", "2025-11-26"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("584 facts added, 0 already there"),
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("unknown state \"atlantis\""), "{stderr}");
    // Again: nothing new.
    let out = e.run(&["import", "wikipedia", dir, "--snapshot", "2025-11-26"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("0 facts added, 584 already there"),
        "{stdout}"
    );
}
