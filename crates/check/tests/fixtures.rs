//! Tests as data: every article in `tests/data` against the claims its `.json` expects, checked
//! against the embedded baseline as of the article's date.

use std::path::Path;

use diplograph_check::check;
use diplograph_graph::{Graph, Options};
use diplograph_read::{read, Lexicon};
use serde_json::{json, Value};

#[test]
fn every_fixture_checks_as_expected() {
    let b = diplograph_baseline::load().unwrap();
    let lex = Lexicon::new(&b.states, &b.people);
    let graph = Graph::build(b.states, &b.facts, &b.sets, &Options { known_at: None })
        .with_memberships(std::sync::Arc::new(b.memberships));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let text = std::fs::read_to_string(path).unwrap();
        let spec: Value =
            serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap())
                .unwrap();
        let day = spec["published"].as_str().unwrap().parse().unwrap();
        let reading = read(&text, Some(diplograph_model::Date::from_day(day)), &lex);
        let report = check(&text, &reading, &graph, day, &lex);
        let got: Vec<Value> = report
            .claims
            .iter()
            .map(|c| json!({"text": c.text, "kind": c.kind, "verdict": c.verdict}))
            .collect();
        // each explanation says what the verdict rests on
        for (c, want) in report.claims.iter().zip(spec["claims"].as_array().unwrap()) {
            let part = want["explains"].as_str().unwrap();
            if !c.explanation.contains(part) {
                failures.push(format!(
                    "{}: {:?} does not say {part:?}",
                    path.display(),
                    c.explanation
                ));
            }
        }
        let spec_claims: Vec<Value> = spec["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| json!({"text": c["text"], "kind": c["kind"], "verdict": c["verdict"]}))
            .collect();
        for c in &report.claims {
            assert_eq!(&text[c.start..c.end], c.text);
        }
        if got != spec_claims {
            failures.push(format!(
                "{}\n  expected {}\n  got      {}",
                path.display(),
                json!(spec_claims),
                json!(got)
            ));
        }
        checked += 1;
    }
    assert!(checked >= 3);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
