//! Tests as data: every article in `tests/data` against the events its `.json` expects.

use std::path::Path;

use diplograph_page::Page;
use diplograph_read::{read, Lexicon};
use serde_json::{json, Value};

fn lexicon() -> Lexicon {
    let b = diplograph_baseline::load().unwrap();
    Lexicon::new(&b.states, &b.people)
}

/// The parts of a reading the fixtures pin down.
fn summary(r: &diplograph_read::Reading) -> Value {
    let events: Vec<Value> = r
        .events
        .iter()
        .map(|e| {
            json!({
                "type": e.kind.as_str(),
                "actors": e.actors,
                "date": e.date.map(|d| d.to_string()),
                "date_precision": e.date.map(|d| d.precision().as_str()),
                "modality": e.modality.as_str(),
                "evidence": e.evidence.len(),
            })
        })
        .collect();
    let notes: Vec<Value> = r
        .notes
        .iter()
        .map(|n| serde_json::to_value(n.kind).unwrap())
        .collect();
    json!({
        "published": r.published.map(|d| d.to_string()),
        "events": events,
        "notes": notes,
    })
}

#[test]
fn every_fixture_reads_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let lex = lexicon();
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if ext != "txt" && ext != "html" {
            continue;
        }
        // HTML goes through the page extractor, as `diplograph read` does
        let page = Page::from_bytes(&std::fs::read(&path).unwrap(), None).unwrap();
        let text = page.text;
        let spec: Value =
            serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap())
                .unwrap();
        let published = spec["published"]
            .as_str()
            .map(|s| s.parse().unwrap())
            .or(page.published);
        let got = summary(&read(&text, published, &lex));
        // evidence offsets point at the sentences they quote
        for e in read(&text, published, &lex).events {
            for ev in &e.evidence {
                assert_eq!(&text[ev.start..ev.end], ev.text, "{}", path.display());
            }
        }
        if got != spec["expect"] {
            failures.push(format!(
                "{}\n  expected {}\n  got      {}",
                path.display(),
                spec["expect"],
                got
            ));
        }
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
