//! Answers that say how old their evidence is (issue 12): when a status began, what decides
//! it, whether it is carried forward from an older list, and a day after today said as such.

mod common;

use common::Env;

fn csv_rows(out: &[u8]) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(out);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn a_status_says_when_it_began_and_what_decides_it() {
    let e = Env::new();
    let out = e.run(&["relations", "KOR", "--as-of", "2025-04-12", "--csv"]);
    assert_eq!(out.status.code(), Some(0));
    let rows = csv_rows(&out.stdout);
    let row = |code: &str| rows.iter().find(|r| r["other"] == code).unwrap().clone();
    let cuba = row("CUB");
    assert_eq!(
        (cuba["status"].as_str(), cuba["since"].as_str()),
        ("relations", "2024-02-14")
    );
    // decided by South Korea's list of 2025-04-10 ("all 191 ... except North Korea"), a day
    // before the one asked about
    assert_eq!(
        (cuba["evidence"].as_str(), cuba["carried_forward"].as_str()),
        ("2025-04-10", "true")
    );
    let syria = row("SYR");
    assert_eq!(syria["since"], "2025-04-10");
    let bhutan = row("BTN");
    assert_eq!(
        (bhutan["status"].as_str(), bhutan["since"].as_str()),
        ("relations", "1987")
    );
}

#[test]
fn statuses_from_an_old_list_are_marked_carried_forward() {
    let e = Env::new();
    let v = e.json(&["relations", "TWN", "--as-of", "2026-06-01"]);
    assert_eq!(v["count"], 12);
    assert!(
        v["carried_forward"].as_u64().unwrap() > 0,
        "{}",
        v["carried_forward"]
    );
    assert!(v["newest_evidence"].as_str().unwrap() <= "2026-06-01");
    let details = v["details"].as_array().unwrap();
    let vatican = details.iter().find(|d| d["state"] == "VAT").unwrap();
    assert_eq!(vatican["status"], "relations");
    // the day after the last list it rests on: carried forward, not reported for that day
    let out = e.run(&["relations", "TWN", "--as-of", "2026-06-01"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("carried forward from lists or tables older than 2026-06-01"),
        "{text}"
    );
}

#[test]
fn a_day_after_today_is_the_last_known_state() {
    let e = Env::new();
    let out = e.run(&["relations", "KOR", "--as-of", "2999-01-01", "--among", "un"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("note: 2999-01-01 is after today")
            && err.contains("the last known state, carried forward"),
        "{err}"
    );
}

#[test]
fn a_stated_count_is_said_as_stated_and_recognitions_apart() {
    let e = Env::new();
    let out = e.run(&["relations", "XKX", "--as-of", "2025-06-01"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("stated by a source, not counted here: 117 states recognizing it as of 2021-02-01 (The Jerusalem Post"),
        "{text}"
    );
    assert!(text.contains("\nrecognized by "), "{text}");
    let v = e.json(&["relations", "PSE", "--as-of", "2025-06-01"]);
    let recognized = v["recognized_by"].as_array().unwrap().len();
    assert!(recognized > 100, "{recognized}");
    assert_ne!(v["count"].as_u64().unwrap() as usize, 0);
}
