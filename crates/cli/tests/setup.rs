//! End-to-end tests of what a newcomer meets first: `sources`, `--version`, `--help`,
//! `completions` and `man`, on the real binary.

mod common;

use common::Env;

fn stdout(env: &Env, args: &[&str]) -> String {
    let out = env.run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn sources_lists_every_file_with_its_rows_and_licence() {
    let env = Env::new();
    let v = env.json(&["sources"]);
    assert_eq!(v["wikipedia_snapshot"], "2025-11-26");
    assert_eq!(v["code_licence"], "MIT OR Apache-2.0");
    let files = v["files"].as_array().unwrap();
    let file = |name: &str| {
        files
            .iter()
            .find(|f| f["file"] == name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .clone()
    };
    assert_eq!(file("states-un.tsv")["rows"], 193);
    assert_eq!(file("states-un.tsv")["licence"], "CC BY 4.0");
    let us = file("facts/us.facts.tsv");
    assert_eq!(us["rows"], 303);
    assert!(us["licence"].as_str().unwrap().starts_with("CC BY 4.0"));
    assert!(us["origin"]
        .as_str()
        .unwrap()
        .contains("brentonk/us_diplomatic_missions @6b3b3ac"));
    let wiki = file("facts/wikipedia.facts.tsv");
    assert!(wiki["licence"]
        .as_str()
        .unwrap()
        .starts_with("CC BY-SA 4.0"));
    assert!(wiki["rows"].as_u64().unwrap() > 40_000);
    assert_eq!(
        file("facts/korea.facts.tsv")["origin"],
        "curated by hand from cited reporting, a source per row"
    );
    assert_eq!(file("notes/")["rows"], serde_json::Value::Null);
    assert_eq!(files.len(), 20);
    assert_eq!(file("facts/ruptures.facts.tsv")["rows"], 148);
    let groups = file("groups.tsv");
    assert!(groups["rows"].as_u64().unwrap() > 700, "{groups}");
    assert!(
        groups["licence"].as_str().unwrap().contains("CC BY-SA 4.0"),
        "{groups}"
    );
    assert!(!env.db().exists(), "sources wrote a ledger");

    let text = stdout(&env, &["sources"]);
    assert!(
        text.contains("facts/wikipedia.sets.tsv  185 rows"),
        "{text}"
    );
    assert!(text.contains("attribution: Wikipedia contributors"));
}

#[test]
fn version_names_the_data_and_the_wikipedia_snapshot() {
    let env = Env::new();
    let data = env.json(&["sources"])["version"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(data.len(), 16);
    let v = stdout(&env, &["--version"]);
    assert_eq!(
        v.trim(),
        format!("diplograph 0.1.0 (data {data}, Wikipedia snapshot 2025-11-26)")
    );
}

#[test]
fn completions_and_man_come_from_the_same_definitions() {
    let env = Env::new();
    let bash = stdout(&env, &["completions", "bash"]);
    assert!(bash.contains("relations"), "{bash}");
    assert!(bash.contains("--as-of"));
    let man = stdout(&env, &["man"]);
    // clap_mangen defines the apostrophe string (`.ie`/`.el ... Aq`) before the title header
    let first = man
        .lines()
        .find(|l| !(l.starts_with(".ie") || l.starts_with(".el")))
        .unwrap();
    assert!(first.starts_with(".TH diplograph 1"), "{first}");
    assert!(man.contains("relations"));
    let err = env.fails(&["completions", "tcsh"]);
    assert!(err.contains("invalid value 'tcsh'"), "{err}");
}
