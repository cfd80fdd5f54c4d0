//! Throughput of the reader, end to end in one process: page checks, cleaning, reading and JSON
//! output, on a fixed corpus built from the fixture articles in `tests/data` padded with neutral
//! news paragraphs, checking the expected event count as it times.
//!
//! `cargo bench -p diplograph-read --bench throughput` (one thread; figures per core).

use std::path::Path;
use std::time::Instant;

use diplograph_page::Page;
use diplograph_read::{read, Lexicon};

/// Paragraphs with state names and dates but nothing the rules should take as an event: most of
/// what a reader sees in real news.
const FILLER: &[&str] = &[
    "Markets in Frankfurt closed higher on Thursday as chipmakers rallied, while the won steadied against the dollar after a week of losses.",
    "Heavy rain is expected across northern Italy over the weekend, with forecasters warning of flooding in the Po valley and parts of Switzerland.",
    "The Brazilian squad arrived in Madrid on Monday evening ahead of the friendly, and the coach said two players would miss training with minor injuries.",
    "Inflation in Germany eased to 2.1 percent in March, the statistics office said, the lowest reading since the summer of 2021.",
    "Farmers in Kenya and Tanzania have reported a strong harvest this season, although transport costs to the coast remain high.",
    "The festival drew more than 40,000 visitors from Japan, Australia and Canada, organisers said, and will return in October next year.",
    "Shares of the Indian carrier fell 3 percent after it reported higher fuel costs for the quarter ending in December.",
    "A new high-speed rail line between Lyon and Turin is scheduled to open in 2032, according to the latest timetable published by the operator.",
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut articles: Vec<(String, Option<diplograph_model::Date>, usize)> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let text = std::fs::read_to_string(p).unwrap();
        let spec: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p.with_extension("json")).unwrap())
                .unwrap();
        let published = spec["published"]
            .as_str()
            .map(|s| s.parse::<diplograph_model::Date>().unwrap());
        let expected = spec["expect"]["events"].as_array().unwrap().len();
        // pad each fixture with filler after its own text, as a real page would be
        let mut body = text.clone();
        for (i, f) in FILLER.iter().enumerate() {
            if i % 2 == 0 {
                body.push_str(f);
                body.push('\n');
            }
        }
        articles.push((body, published, expected));
    }
    let b = diplograph_baseline::load().unwrap();
    let lex = Lexicon::new(&b.states, &b.people);
    let copies = 2000;
    let bytes_per_copy: usize = articles.iter().map(|a| a.0.len()).sum();
    let expected_per_copy: usize = articles.iter().map(|a| a.2).sum();
    let mut out = Vec::with_capacity(1 << 20);
    // warm up, then time
    for (text, published, _) in &articles {
        let page = Page::from_bytes(text.as_bytes(), None).unwrap();
        let _ = read(&page.text, *published, &lex);
    }
    let start = Instant::now();
    let mut events = 0;
    for _ in 0..copies {
        for (text, published, _) in &articles {
            let page = Page::from_bytes(text.as_bytes(), None).unwrap();
            let r = read(&page.text, *published, &lex);
            events += r.events.len();
            out.clear();
            serde_json::to_writer(&mut out, &r.events).unwrap();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(
        events,
        copies * expected_per_copy,
        "event count changed while timing"
    );
    let mb = (copies * bytes_per_copy) as f64 / 1e6;
    let n = copies * articles.len();
    println!(
        "dense corpus: {n} articles, {mb:.1} MB, {events} events in {secs:.2} s: {:.1} MB/s, {:.0} articles/s (one core)",
        mb / secs,
        n as f64 / secs
    );

    // news-like: one fixture article in ten, the rest filler-only pages of the same length
    let filler_page: String = FILLER
        .iter()
        .cycle()
        .take(24)
        .map(|p| format!("{p}\n"))
        .collect();
    let start = Instant::now();
    let (mut bytes, mut n, mut events) = (0usize, 0usize, 0usize);
    for round in 0..copies {
        for (i, (text, published, _)) in articles.iter().enumerate() {
            let t = if (round + i) % 10 == 0 {
                text.as_str()
            } else {
                filler_page.as_str()
            };
            let page = Page::from_bytes(t.as_bytes(), None).unwrap();
            let r = read(&page.text, *published, &lex);
            events += r.events.len();
            bytes += t.len();
            n += 1;
            out.clear();
            serde_json::to_writer(&mut out, &r.events).unwrap();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "news-like corpus: {n} articles, {mb:.1} MB, {events} events in {secs:.2} s: {:.1} MB/s, {:.0} articles/s (one core)",
        mb / secs,
        n as f64 / secs
    );
}
