//! End-to-end: the checker and learning through the real binary — the Korea–Syria repost's
//! claims and events, knowledge time, review, ingesting twice, and a crash in the middle of an
//! ingest.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{shared, Env};

use serde_json::{json, Value};

/// (verdict, claim words) of each claim, in text order.
fn verdicts(v: &Value) -> Vec<(String, String)> {
    v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["verdict"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn statuses(v: &Value) -> Vec<Value> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| json!([e["type"], e["actors"], e["date"], e["status"]]))
        .collect()
}

#[test]
fn korea_syria_claims_and_events() {
    let Some(article) = shared("examples/articles/korea-syria-forum-repost.txt") else {
        return;
    };
    let path = article.display().to_string();
    let env = Env::new();
    let v = env.json(&["check", &path]);
    assert_eq!(v["published"], "2025-04-11");
    assert_eq!(v["as_of"], "2025-04-11");
    let claims = verdicts(&v);
    let find = |words: &str| {
        let hits: Vec<&(String, String)> = claims.iter().filter(|c| c.1 == words).collect();
        assert_eq!(hits.len(), 1, "{words:?} once in {claims:?}");
        hits[0].0.clone()
    };
    assert_eq!(
        find("191 out of 193 United Nations member states"),
        "supported"
    );
    assert_eq!(find("North Korea"), "supported");
    // each claim once, though the body is there twice
    assert_eq!(find("Bhutan"), "refuted");
    let by_text = |words: &str| {
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["text"] == words)
            .unwrap()
            .clone()
    };
    let count = by_text("191 out of 193 United Nations member states");
    assert!(
        count["explanation"]
            .as_str()
            .unwrap()
            .contains("counts South Korea itself"),
        "{}",
        count["explanation"]
    );
    let bhutan = by_text("Bhutan");
    assert!(bhutan["explanation"]
        .as_str()
        .unwrap()
        .contains("since 1987"));
    assert_eq!(
        bhutan["evidence"][0]["fact"],
        "South Korea and Bhutan: establish 1987"
    );
    assert_eq!(
        bhutan["evidence"][0]["sources"][0]["url"],
        "http://www.bbs.bt/news/?p=67778"
    );
    // the Cuba establishment "last year" is corroborated at its day
    let cuba = claims
        .iter()
        .position(|c| c.1.starts_with("Last year, South Korea also established"))
        .unwrap();
    assert_eq!(claims[cuba].0, "supported");
    assert_eq!(
        statuses(&v),
        vec![
            json!(["establish", ["KOR", "SYR"], "2025-04-10", "corroborated"]),
            json!(["meet", ["KOR", "SYR"], "2025-04-10", "new"]),
            json!(["sign_agreement", ["KOR", "SYR"], "2025-04-10", "new"]),
            json!(["establish", ["KOR", "CUB"], "2024", "corroborated"]),
            json!(["military_aid", ["PRK", "RUS"], null, "new"]),
        ]
    );
    assert_eq!(
        v["events"][3]["known"][0]["fact"],
        "South Korea and Cuba: establish 2024-02-14"
    );

    // as it could have been known on 2025-04-01: Syria is news, and the count does not hold
    let early = env.json(&["check", &path, "--known-at", "2025-04-01"]);
    assert_eq!(
        statuses(&early)[0],
        json!(["establish", ["KOR", "SYR"], "2025-04-10", "new"])
    );
    let count = early["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "count")
        .unwrap()
        .clone();
    assert_eq!(count["verdict"], "refuted");
    assert!(
        count["explanation"]
            .as_str()
            .unwrap()
            .contains("190 of the 192"),
        "{count}"
    );
    assert!(!env.db().exists(), "check wrote a ledger");
}

#[test]
fn learning_in_a_ledger_limited_to_earlier_knowledge() {
    let Some(article) = shared("examples/articles/korea-syria-forum-repost.txt") else {
        return;
    };
    let path = article.display().to_string();
    let env = Env::new();
    assert_eq!(
        env.run(&["init", "--known-at", "2025-04-01"]).status.code(),
        Some(0)
    );
    // an existing ledger is never turned into a replay, and a replay says so in every answer
    let again = env.run(&["init", "--known-at", "2024-01-01"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8(again.stderr)
        .unwrap()
        .contains("exists: --known-at makes a new ledger"));
    let out = env.run(&["relations", "KOR", "--as-of", "2025-04-12"]);
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("replays knowledge: it counts only baseline facts published by 2025-04-01"));
    let count = |env: &Env| {
        env.json(&["relations", "KOR", "--among", "un", "--as-of", "2025-04-12"])["count"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(count(&env), 190);
    let first = env.json(&["ingest", &path]);
    assert_eq!(first["ingested"]["new_events"], 4);
    // proposals wait for review; the Cuba establishment was known already
    let pending = env.json(&["review"]);
    assert_eq!(pending["summary"], json!({"known": 1, "proposed": 3}));
    let pending = pending["events"].clone();
    let kinds: Vec<Value> = pending
        .as_array()
        .unwrap()
        .iter()
        .map(|e| json!([e["type"], e["status"]]))
        .collect();
    assert_eq!(
        kinds,
        vec![
            json!(["establish", "proposed"]),
            json!(["meet", "proposed"]),
            json!(["sign_agreement", "proposed"])
        ]
    );
    assert_eq!(count(&env), 190, "a proposal changes nothing");
    let id = pending[0]["id"].as_i64().unwrap().to_string();
    let accepted = env.json(&["review", "accept", &id]);
    assert_eq!(accepted["events"][0]["status"], "accepted");
    assert_eq!(count(&env), 191);
    let pair = env.json(&["pair", "KOR", "SYR"]);
    let last = pair["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["status"], "relations");
    assert_eq!(last["from"], "2025-04-10");
    // a rejection keeps the event, with its reason
    let meet = pending[1]["id"].as_i64().unwrap().to_string();
    let rejected = env.json(&[
        "review",
        "reject",
        &meet,
        "--reason",
        "a meeting is not a relations fact",
    ]);
    assert_eq!(
        rejected["events"][0]["reason"],
        "a meeting is not a relations fact"
    );
    // a decision is revised only with a reason, and the filters find it
    let out = env.run(&["review", "accept", &meet]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim(),
        format!("diplograph: event #{meet} is rejected: revising a decision needs a --reason")
    );
    let revised = env.json(&["review", "accept", &meet, "--reason", "second look"]);
    assert_eq!(revised["events"][0]["status"], "accepted");
    let found = env.json(&[
        "review", "--status", "accepted", "--type", "meet", "--state", "Syria",
    ]);
    assert_eq!(found["matching"], 1);
    assert_eq!(found["events"][0]["reason"], "second look");
    let page = env.json(&[
        "review",
        "--status",
        "accepted,known,proposed",
        "--limit",
        "1",
        "--offset",
        "1",
    ]);
    assert_eq!(
        (
            page["matching"].as_u64(),
            page["events"].as_array().unwrap().len()
        ),
        (Some(4), 1)
    );
    // the same article again adds nothing
    let again = env.run(&["ingest", &path, "--json"]);
    assert_eq!(again.status.code(), Some(0), "nothing new is not an error");
    let again: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        again["ingested"],
        json!({"articles": 0, "already_read": 1, "new_events": 0, "corroborated": 0, "accepted": 0})
    );
}

#[test]
fn two_publishers_accept_without_review() {
    let env = Env::new();
    let feed = env.dir.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        concat!(
            r#"{"url": "https://www.example-wire.org/1", "published": "2026-11-20", "text": "Bhutan and Chile established diplomatic relations on 18 November 2026."}"#, "\n",
            r#"{"url": "https://news.example.net/2", "published": "2026-11-21", "text": "Chile and Bhutan formally established diplomatic ties on Wednesday."}"#, "\n",
        ),
    )
    .unwrap();
    let v = env.json(&["ingest", feed.to_str().unwrap()]);
    assert_eq!(v["ingested"]["accepted"], 1);
    let pair = env.json(&["pair", "BTN", "CHL"]);
    let h = pair["history"].as_array().unwrap();
    assert_eq!(h.last().unwrap()["from"], "2026-11-18");
    assert_eq!(
        h.last().unwrap()["sources"][0]["url"],
        "https://www.example-wire.org/1"
    );
}

/// How many articles a ledger holds (a cheap read while another process writes).
fn articles(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
        .unwrap_or(0)
}

/// The ledger's articles and how many event sources each has; every article must have exactly
/// the sources it recorded.
fn ledger_state(db: &Path) -> (i64, bool) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let articles: i64 = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    let whole: bool = conn
        .query_row(
            "SELECT count(*) = 0 FROM articles a WHERE a.events != (SELECT count(*) FROM event_sources s WHERE s.article = a.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (articles, whole)
}

#[test]
fn a_crash_mid_ingest_leaves_whole_articles() {
    let env = Env::new();
    let feed = env.dir.path().join("big.jsonl");
    let lines =
        common::establishments(12_000, |i| format!("https://site{}.example.org/{i}", i % 7));
    std::fs::write(&feed, lines).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["ingest", feed.to_str().unwrap()])
        .env("DIPLOGRAPH_DB", env.db())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait for some committed batches, then kill -9 in the middle
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let committed = env.db().exists() && articles(&env.db()) >= 400;
        if committed || start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the ingest finished before it could be killed"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let (articles, whole) = ledger_state(&env.db());
    assert!(articles > 0 && articles < 12_000, "{articles} articles");
    assert!(whole, "an article was left half-written");
    // batches commit about once a second and hold 200 articles at least: none is half there
    assert!(
        articles >= 200,
        "a batch was left half-written: {articles} articles"
    );
    // running it again finishes the job and ends where an uninterrupted run ends
    let out = env.run(&["ingest", feed.to_str().unwrap(), "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ingested"]["already_read"].as_i64().unwrap(), articles);
    let (all, whole) = ledger_state(&env.db());
    assert_eq!((all, whole), (12_000, true));
    let clean = Env::new();
    clean.json(&["ingest", feed.to_str().unwrap()]);
    let events = |db: &Path| -> Vec<(String, String, String, String, String)> {
        let conn = rusqlite::Connection::open(db).unwrap();
        let mut stmt = conn
            .prepare("SELECT type, a, b, ifnull(date, ''), status FROM events ORDER BY type, a, b")
            .unwrap();
        stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    assert_eq!(events(&env.db()), events(&clean.db()));
}

#[test]
fn claims_evaluation_figures() {
    let env = Env::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/claims");
    let v = env.json(&["eval", "--claims", dir.to_str().unwrap()]);
    let overall = &v["overall"];
    assert!(overall["claims"].as_u64().unwrap() >= 60);
    // a floor under the figures recorded in bench/, so that a regression is seen
    assert!(overall["accuracy"].as_f64().unwrap() >= 0.35, "{overall}");
    let refuted = &v["by_verdict"]["refuted"];
    assert!(refuted["right"].as_u64().unwrap() >= 10, "{refuted}");
}

/// Issue 13: an article with no publication date is checked as of today and says so, and an
/// undated restoration is not taken for the one the graph has from 2005.
#[test]
fn an_undated_article_says_which_day_it_was_checked_against() {
    let e = Env::new();
    let p = e.dir.path().join("undated.txt");
    std::fs::write(
        &p,
        "Nauru restored diplomatic ties with Taiwan on Monday, its government said.\n",
    )
    .unwrap();
    let path = p.display().to_string();
    let out = e.run(&["check", &path]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("(today: the article gives no publication date"),
        "{table}"
    );
    let v = e.json(&["check", &path]);
    assert_eq!(v["as_of_from"], "today");
    assert_eq!(v["published"], Value::Null);
    let ev = &v["events"][0];
    assert_eq!(ev["type"], "restore");
    assert_eq!(ev["status"], "new", "{ev}");
    assert!(
        ev["explanation"].as_str().unwrap().contains("2005-05-14"),
        "{ev}"
    );
    // with a date, the checker says where its day came from
    let v = e.json(&["check", &path, "--published", "2005-05-16"]);
    assert_eq!(v["as_of_from"], "published");
    assert_eq!(v["as_of"], "2005-05-16");
}

/// Issue 13: "the United States has no relations with Iran, North Korea and Bhutan" is one
/// hub and a list, not pairs among the listed states.
#[test]
fn a_list_after_with_belongs_to_the_subject() {
    let e = Env::new();
    let p = e.dir.path().join("list.txt");
    std::fs::write(
        &p,
        "The United States has no diplomatic relations with Iran, North Korea and Bhutan.\n",
    )
    .unwrap();
    let v = e.json(&[
        "check",
        &p.display().to_string(),
        "--published",
        "2024-01-10",
    ]);
    let c = &v["claims"][0];
    assert_eq!(c["verdict"], "supported", "{c}");
    let explanation = c["explanation"].as_str().unwrap();
    assert!(
        explanation.contains("Iran, North Korea, Bhutan"),
        "{explanation}"
    );
    assert_eq!(c["evidence"].as_array().unwrap().len(), 3, "{c}");
}
