//! The ingest scaling benchmark: one story republished by thousands of articles of one
//! publisher, stored as one event with a source per article; fails (exit 1) when the time grows
//! faster than linearly (more than 2.5 times per doubling, from the smallest size to the
//! largest, so that one noisy step on a shared machine does not decide) or the answer is wrong.
//!
//! `cargo run --release -p diplograph-store --example ledger_scaling [SIZES...]` (default 5000 10000
//! 20000 40000).

use std::time::Instant;

use diplograph_store::{ArticleRecord, EventRecord, EventState, Ledger};

/// Articles per transaction, as `ingest` commits them.
const BATCH: usize = 200;

fn run(n: usize) -> f64 {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut ledger = Ledger::open(&dir.path().join("ledger.sqlite")).expect("a new ledger");
    let event = EventRecord {
        kind: "establish".into(),
        actors: ["KOR".parse().unwrap(), "SYR".parse().unwrap()],
        symmetric: true,
        date: Some("2025-04-10".parse().unwrap()),
        modality: "asserted".into(),
        quote: "South Korea and Syria established diplomatic relations on Thursday.".into(),
        start: 0,
        end: 68,
        rule: "establish".into(),
        against_graph: EventState::Proposed,
    };
    let start = Instant::now();
    let mut batch = Vec::with_capacity(BATCH);
    for i in 0..n {
        batch.push((
            ArticleRecord {
                url: Some(format!("https://wire.example.org/{i}")),
                publisher: Some("wire.example.org".into()),
                published: Some("2025-04-11".parse().unwrap()),
                ..Default::default()
            },
            vec![event.clone()],
        ));
        if batch.len() == BATCH || i + 1 == n {
            ledger.ingest(&batch).expect("ingest");
            batch.clear();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    // the answer: one event, still a proposal (one publisher), with a source per article
    let events = events_of(&ledger);
    assert_eq!(events.len(), 1, "one event");
    assert_eq!(events[0].sources.len(), n, "a source per article");
    assert_eq!(events[0].status, EventState::Proposed);
    secs
}

fn events_of(ledger: &Ledger) -> Vec<diplograph_store::StoredEvent> {
    ledger.read_events().expect("events").rows
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number of articles"))
        .collect();
    let sizes = if sizes.is_empty() {
        vec![5_000, 10_000, 20_000, 40_000]
    } else {
        sizes
    };
    let mut last: Option<(usize, f64)> = None;
    let mut first: Option<(usize, f64)> = None;
    for n in sizes {
        let secs = run(n);
        let growth = last.map(|(m, t)| (secs / t) / (n as f64 / m as f64) * 2.0);
        println!(
            "{n:>7} sources of one event: {secs:>7.3} s{}",
            growth.map_or(String::new(), |g| format!("  ({g:.2}x per doubling)"))
        );
        first = first.or(Some((n, secs)));
        last = Some((n, secs));
    }
    let (Some((n0, t0)), Some((n1, t1))) = (first, last) else {
        return;
    };
    if n1 > n0 {
        let doublings = (n1 as f64 / n0 as f64).log2();
        let growth = (t1 / t0).powf(1.0 / doublings);
        println!("overall: {growth:.2}x per doubling from {n0} to {n1} (limit 2.5x)");
        if growth > 2.5 {
            eprintln!("scaling: time grows faster than linearly ({growth:.2}x per doubling)");
            std::process::exit(1);
        }
    }
}
