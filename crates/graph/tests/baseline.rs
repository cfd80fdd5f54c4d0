//! The shipped baseline answers the questions users ask of it: South Korea's partners around the
//! Cuba and Syria establishments, the rivals' exclusive partners, Taiwan's recognizers.

use diplograph_graph::{Graph, Options};
use diplograph_model::{Code, Status, Universe};

fn graph() -> Graph {
    let b = diplograph_baseline::load().unwrap();
    let g = Graph::build(b.states, &b.facts, &b.sets, &Options::default());
    assert!(
        g.skipped.is_empty(),
        "baseline facts name unknown states: {:?}",
        g.skipped
    );
    g
}

fn c(s: &str) -> Code {
    s.parse().unwrap()
}

fn codes(v: &[Code]) -> Vec<&str> {
    v.iter().map(|c| c.as_str()).collect()
}

#[test]
fn south_korea_after_syria() {
    let g = graph();
    let r = g
        .relations(c("KOR"), "2025-04-12".parse().unwrap(), Universe::Un)
        .unwrap();
    assert_eq!((r.count, r.of), (191, 192));
    assert_eq!(codes(&r.without), ["PRK"]);
    assert!(r.unknown.is_empty(), "unknown: {:?}", r.unknown);
}

#[test]
fn south_korea_before_syria_and_cuba() {
    let g = graph();
    let r = g
        .relations(c("KOR"), "2025-04-09".parse().unwrap(), Universe::Un)
        .unwrap();
    assert_eq!(r.count, 190, "unknown: {:?}", r.unknown);
    let mut w = codes(&r.without);
    w.sort();
    assert_eq!(w, ["PRK", "SYR"]);
    let r = g
        .relations(c("KOR"), "2024-02-13".parse().unwrap(), Universe::Un)
        .unwrap();
    assert!(r.without.contains(&c("CUB")));
    assert_eq!(
        g.status(c("KOR"), c("CUB"), "2024-02-13".parse().unwrap())
            .status,
        Status::None
    );
    assert_eq!(
        g.status(c("KOR"), c("CUB"), "2024-02-14".parse().unwrap())
            .status,
        Status::Relations
    );
}

#[test]
fn pairs_keep_their_dates() {
    let g = graph();
    let h = g.history(c("KOR"), c("BTN")).unwrap();
    let rel = h
        .history
        .iter()
        .find(|i| i.status == Status::Relations)
        .unwrap();
    assert_eq!(rel.from.unwrap().to_string(), "1987");
    assert_eq!(rel.from_precision, Some("year"));
    assert_eq!(rel.sources[0].source.url, "http://www.bbs.bt/news/?p=67778");
    let h = g.history(c("KOR"), c("CUB")).unwrap();
    let rel = h
        .history
        .iter()
        .find(|i| i.status == Status::Relations)
        .unwrap();
    assert_eq!(rel.from.unwrap().to_string(), "2024-02-14");
}

#[test]
fn exclusive_partners_of_pyongyang() {
    let g = graph();
    let x = g
        .exclusive(
            c("PRK"),
            c("KOR"),
            "2025-04-12".parse().unwrap(),
            Universe::Un,
        )
        .unwrap();
    assert!(x.states.is_empty(), "{:?}", x.states);
    let x = g
        .exclusive(
            c("PRK"),
            c("KOR"),
            "2024-01-01".parse().unwrap(),
            Universe::Un,
        )
        .unwrap();
    assert!(
        x.states.contains(&c("CUB")) && x.states.contains(&c("SYR")),
        "{:?}",
        x.states
    );
}

#[test]
fn taiwan_recognizers() {
    let g = graph();
    let r = g
        .relations(c("TWN"), "2026-11-26".parse().unwrap(), Universe::All)
        .unwrap();
    let mut p = codes(&r.partners);
    p.sort();
    assert_eq!(
        p,
        ["BLZ", "GTM", "HTI", "KNA", "LCA", "MHL", "PLW", "PRY", "SWZ", "TUV", "VAT", "VCT"]
    );
    assert_eq!(r.recognized_by.as_ref().unwrap().len(), 12);
}
