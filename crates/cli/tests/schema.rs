//! End-to-end: every `--json` document validates against the schema the binary publishes
//! (`diplograph schema NAME`, generated from the serde types in `crates/api`), and
//! `docs/schema.json` is that schema as shipped (issue 12).

mod common;
use common::{establishments, shared, Env};

use serde_json::Value;

/// The schema the binary prints for `name`, compiled.
fn validator(e: &Env, name: &str) -> jsonschema::Validator {
    let out = e.run(&["schema", name]);
    assert_eq!(out.status.code(), Some(0), "schema {name}");
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|err| panic!("schema {name}: {err}"))
}

/// Runs `args` (which ask for JSON), and checks each document printed (one, or JSON Lines)
/// against the schema `name`; returns the documents.
fn valid(e: &Env, name: &str, args: &[&str]) -> Vec<Value> {
    let out = e.run(args);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<Value> = match serde_json::from_str(&text) {
        Ok(v) => vec![v],
        Err(_) => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|err| panic!("{args:?}: {err}")))
            .collect(),
    };
    assert!(!docs.is_empty(), "{args:?} printed no document");
    let v = validator(e, name);
    for d in &docs {
        let errors: Vec<String> = v
            .iter_errors(d)
            .map(|err| format!("{} at {}", err, err.instance_path()))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{args:?} against {name}: {errors:#?}");
    }
    docs
}

fn file(e: &Env, name: &str, text: &str) -> String {
    let p = e.dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

const ARTICLE: &str = "SEOUL, April 11 (Wire) -- South Korea and Syria established diplomatic relations on Thursday in Damascus, the foreign ministry said. Seoul now has ties with 191 of the 193 UN member states, North Korea being the exception. Bhutan also remains an exception.";

#[test]
fn every_query_document_matches_its_schema() {
    let e = Env::new();
    let states = valid(&e, "states", &["states", "korea", "--json"]);
    let codes: Vec<&str> = states[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"KOR") && codes.contains(&"PRK"),
        "{codes:?}"
    );
    for s in ["KOR", "Palestine", "Taiwan", "Kosovo", "Holy See"] {
        valid(&e, "relations", &["relations", s, "--json"]);
    }
    let r = valid(
        &e,
        "relations",
        &["relations", "KOR", "--as-of", "2025-06-01", "--json"],
    );
    assert_eq!(r[0]["state"], "KOR");
    valid(&e, "coverage", &["coverage", "--json"]);
    valid(&e, "coverage", &["coverage", "--state", "KOR", "--json"]);
    let p = valid(&e, "pair", &["pair", "KOR", "SYR", "--json"]);
    assert_eq!(p[0]["status"], "relations");
    valid(
        &e,
        "pair",
        &["pair", "USA", "CHN", "--as-of", "1980", "--json"],
    );
    valid(&e, "pair", &["pair", "Taiwan", "Honduras", "--json"]);
    valid(
        &e,
        "timeline",
        &["timeline", "KOR", "--from", "2020", "--json"],
    );
    valid(
        &e,
        "exclusive",
        &["exclusive", "KOR", "--rival", "PRK", "--json"],
    );
    let x = valid(
        &e,
        "exclusive",
        &[
            "exclusive",
            "KOR",
            "--rival",
            "PRK",
            "--timeline",
            "--from",
            "2022",
            "--json",
        ],
    );
    assert!(x[0]["timeline"].as_array().is_some_and(|t| !t.is_empty()));
    let facts = valid(
        &e,
        "export",
        &["export", "--format", "json", "--state", "KOR"],
    );
    assert!(facts[0].as_array().is_some_and(|f| f.len() > 100));
    let s = valid(&e, "sources", &["sources", "--json"]);
    assert_eq!(s[0]["code_licence"], "MIT OR Apache-2.0");
}

#[test]
fn every_reading_document_matches_its_schema() {
    let e = Env::new();
    let one = file(&e, "article.txt", ARTICLE);
    let r = valid(
        &e,
        "read",
        &["read", &one, "--published", "2025-04-11", "--json"],
    );
    assert_eq!(r[0]["events"][0]["date"], "2025-04-10");
    let c = valid(
        &e,
        "check",
        &["check", &one, "--published", "2025-04-11", "--json"],
    );
    assert!(c[0]["claims"].as_array().is_some_and(|c| !c.is_empty()));
    // several inputs: JSON Lines, each line a document
    let feed = file(
        &e,
        "feed.jsonl",
        &establishments(6, |i| format!("https://example.org/{i}")),
    );
    assert_eq!(valid(&e, "read", &["read", &feed, "--json"]).len(), 6);
    assert_eq!(valid(&e, "check", &["check", &feed, "--json"]).len(), 6);
    let html = file(
        &e,
        "page.html",
        &format!("<html><head><title>Ties</title><meta property=\"article:published_time\" content=\"2025-04-11\"></head><body><p>{ARTICLE}</p></body></html>"),
    );
    valid(&e, "read", &["read", &html, "--json"]);
    let i = valid(&e, "ingest", &["ingest", &feed, "--json"]);
    assert_eq!(i[0]["ingested"]["articles"], 6);
    let rv = valid(&e, "review", &["review", "--json"]);
    assert!(rv[0]["events"].as_array().is_some_and(|v| !v.is_empty()));
    valid(&e, "review", &["review", "--status", "accepted", "--json"]);
}

#[test]
fn every_evaluation_document_matches_its_schema() {
    let e = Env::new();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval");
    let reader = format!("{root}/reader");
    let claims = format!("{root}/claims");
    let r = valid(&e, "eval", &["eval", &reader, "--mistakes", "--json"]);
    assert!(r[0]["overall"]["tp"].as_u64().is_some_and(|n| n > 0));
    let c = valid(
        &e,
        "eval-claims",
        &["eval", "--claims", &claims, "--mistakes", "--json"],
    );
    assert!(c[0]["overall"]["claims"].as_u64().is_some_and(|n| n > 0));
    if let Some(guide) = shared("historyatstate_rdcr/articles") {
        valid(
            &e,
            "eval-guide",
            &["eval", "--guide", &guide.display().to_string(), "--json"],
        );
    }
    if let Some(wiki) = shared("wikipedia_foreign_relations") {
        valid(
            &e,
            "eval-wikipedia",
            &["eval", "--wikipedia", &wiki.display().to_string(), "--json"],
        );
    }
}

#[test]
fn the_shipped_schema_file_is_what_the_binary_prints() {
    let e = Env::new();
    let out = e.run(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/schema.json");
    let shipped: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        printed == shipped,
        "docs/schema.json is stale: run `diplograph schema > docs/schema.json`"
    );
    let names: Vec<&String> = printed.as_object().unwrap().keys().collect();
    assert!(names.len() >= 15, "{names:?}");
    // a name that is no document is refused with the ones that are
    let err = e.fails(&["schema", "relation"]);
    assert!(err.contains("relations"), "{err}");
}
