//! Worst cases for the budget per article: one input of a pathological shape, up to the page's
//! 16 MB, through `Page::from_bytes`, the reader and the checker, with the time of each stage and
//! what the budget left (events, budget notes). `bench/budget.sh` runs every case under
//! `/usr/bin/time` for the memory.
//!
//! `cargo run --release -p diplograph-check --example budget -- CASE [MB]`

use std::time::Instant;

use diplograph_check::check;
use diplograph_graph::{Graph, Options};
use diplograph_page::{Format, Page, MAX_BYTES};
use diplograph_read::{read, Lexicon, NoteKind};

/// An input of `bytes` bytes (or a little less) of the shape `case`, and how to take it.
fn input(case: &str, bytes: usize) -> (String, Format) {
    let fill = |unit: &str| unit.repeat(bytes / unit.len());
    match case {
        "deep-nav" => (fill("<nav>"), Format::Html),
        "deep-comments" => (fill("<dl><!-- x --><header>"), Format::Html),
        // just under the nesting limit, then end tags the parser looks for down the whole stack
        "deep-999-endp" => {
            let head = format!("<html><body>{}", "<figure>".repeat(997));
            let tail = "</p>".repeat((bytes - head.len()) / 4);
            (head + &tail, Format::Html)
        }
        "flat-html" => (
            format!(
                "<html><body><article>{}</article></body></html>",
                "<p>South Korea established diplomatic relations with Syria on 10 April 2025.</p>"
                    .repeat((bytes - 100) / 82)
            ),
            Format::Html,
        ),
        "events" => (
            fill("South Korea established diplomatic relations with Syria on 10 April 2025. "),
            Format::Text,
        ),
        "pairs" => {
            let names = [
                "France", "Japan", "Brazil", "Kenya", "Chile", "Norway", "Egypt", "Peru", "Canada",
                "India", "Ghana", "Italy", "Mexico", "Spain", "Cuba", "Fiji",
            ];
            let mut s = String::with_capacity(bytes);
            let mut k = 0usize;
            while s.len() + 100 < bytes {
                let (a, b) = (names[k % 16], names[(k / 16 + 1 + k) % 16]);
                if a != b {
                    s.push_str(&format!(
                        "{a} established diplomatic relations with {b} on {} April {}. ",
                        1 + k % 28,
                        1900 + k % 120
                    ));
                }
                k += 1;
            }
            (s, Format::Text)
        }
        "one-line" => (
            fill("South Korea established diplomatic relations with Syria on 10 April 2025, "),
            Format::Text,
        ),
        "state-names" => (
            fill("South Korea Syria France Japan Brazil Seoul Damascus "),
            Format::Text,
        ),
        other => panic!("unknown case {other:?}"),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().expect("a case");
    let mb: usize = args.next().map_or(16, |a| a.parse().expect("MB"));
    let bytes = (mb << 20).min(MAX_BYTES);
    let b = diplograph_baseline::load().expect("baseline");
    let lex = Lexicon::new(&b.states, &b.people);
    let graph = Graph::build(b.states, &b.facts, &b.sets, &Options { known_at: None })
        .with_memberships(std::sync::Arc::new(b.memberships));
    let (text, format) = input(&case, bytes);
    let t = Instant::now();
    let page = Page::from_bytes(text.as_bytes(), Some(format));
    let page_s = t.elapsed().as_secs_f64();
    let page = match page {
        Ok(p) => p,
        Err(e) => {
            println!(
                "{case}: {} bytes, page {page_s:.3} s: refused: {e}",
                text.len()
            );
            return;
        }
    };
    let day: diplograph_model::Day = "2025-04-11".parse().unwrap();
    let t = Instant::now();
    let r = read(
        &page.text,
        Some(diplograph_model::Date::from_day(day)),
        &lex,
    );
    let read_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let report = check(&page.text, &r, &graph, day, &lex);
    let check_s = t.elapsed().as_secs_f64();
    let budget = r
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Budget)
        .count();
    println!(
        "{case}: {} bytes, page {page_s:.3} s, read {read_s:.3} s, check {check_s:.3} s; {} events, {} claims, {budget} budget notes of {} notes",
        text.len(),
        r.events.len(),
        report.claims.len(),
        r.notes.len()
    );
    if let Some(n) = r.notes.iter().find(|n| n.kind == NoteKind::Budget) {
        println!("  first budget note: {}", n.message);
    }
}
