//! Publication dates at their precision (issue 9): `read`, `ingest` and `check` accept a month
//! or a year where only that is known, resolve what it settles ("last year", "in December"),
//! leave what it does not ("on Thursday") unresolved with a note, and the checker gives no
//! verdict that depends on which day of the month the article was written.

mod common;

use common::Env;
use serde_json::Value;

/// Our own words: a relative weekday, "last year", and a month without a year.
const ARTICLE: &str =
    "Seoul and Havana established diplomatic relations on Wednesday, officials said. \
    Last year, South Korea opened an embassy in Budapest. \
    In December, Fiji recognised Kosovo.";

fn events(v: &Value) -> Vec<(String, String, String)> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                format!(
                    "{}-{}",
                    e["actors"][0].as_str().unwrap(),
                    e["actors"][1].as_str().unwrap()
                ),
                e["date"].as_str().unwrap_or("undated").to_string(),
            )
        })
        .collect()
}

#[test]
fn read_takes_a_publication_month_or_year_at_its_precision() {
    let env = Env::new();
    let file = env.dir.path().join("a.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let f = file.to_str().unwrap();
    // a day: everything resolves
    let day = env.json(&["read", f, "--published", "2024-02-15"]);
    assert_eq!(day["published"], "2024-02-15");
    let got = events(&day);
    assert!(
        got.contains(&("establish".into(), "KOR-CUB".into(), "2024-02-14".into())),
        "{got:?}"
    );
    // a month: "Wednesday" cannot be placed, "last year" and "December" can
    let month = env.json(&["read", f, "--published", "2024-02"]);
    assert_eq!(month["published"], "2024-02");
    let got = events(&month);
    assert!(
        got.contains(&("establish".into(), "KOR-CUB".into(), "undated".into())),
        "{got:?}"
    );
    assert!(
        got.iter().any(|e| e.0 == "open_embassy" && e.2 == "2023"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|e| e.0 == "recognize" && e.2 == "2023-12"),
        "{got:?}"
    );
    let notes = month["notes"].to_string();
    assert!(
        notes.contains("the publication date is only 2024-02"),
        "{notes}"
    );
    // a year: only "last year"
    let year = env.json(&["read", f, "--published", "2024"]);
    let got = events(&year);
    assert!(
        got.iter().any(|e| e.0 == "open_embassy" && e.2 == "2023"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|e| e.0 == "recognize" && e.2 == "undated"),
        "{got:?}"
    );
    // not a date at all is still an error that quotes it
    let err = env.fails(&["read", f, "--published", "2024-13"]);
    assert!(err.contains("2024-13"), "{err}");
}

#[test]
fn ingest_takes_a_month_in_json_lines() {
    let env = Env::new();
    let feed = env.dir.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        serde_json::json!({"url": "https://example.org/m", "published": "2024-02", "text": ARTICLE})
            .to_string() + "\n",
    )
    .unwrap();
    let out = env.json(&["ingest", feed.to_str().unwrap()]);
    assert_eq!(out["ingested"]["articles"], 1);
    assert_eq!(out["unreadable"], 0);
}

#[test]
fn check_gives_no_verdict_that_depends_on_the_day_of_the_month() {
    let env = Env::new();
    let file = env.dir.path().join("b.txt");
    // true on 1 February 2024, false from the 14th (Seoul and Havana established relations)
    std::fs::write(&file, "South Korea has no diplomatic relations with Cuba.").unwrap();
    let f = file.to_str().unwrap();
    let verdict = |published: &str| -> (String, String) {
        let v = env.json(&["check", f, "--published", published]);
        let c = &v["claims"][0];
        (
            c["verdict"].as_str().unwrap().to_string(),
            c["explanation"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(verdict("2024-02-10").0, "supported");
    assert_eq!(verdict("2024-02-20").0, "refuted");
    let (v, why) = verdict("2024-02");
    assert_eq!(v, "not_enough_info", "{why}");
    assert!(
        why.contains("2024-02-01") && why.contains("2024-02-29"),
        "{why}"
    );
    // a month on which the answer does not change keeps its verdict
    assert_eq!(verdict("2023-06").0, "supported");
    assert_eq!(verdict("2024-06").0, "refuted");
}
