//! Issue 11: the checker at the calendar's edges and on large articles. Articles published on
//! 0001-01-01 or 9999-12-31 that say "last year", "next year" or "restored ties after seven
//! years" are checked without a panic (a read date of year 10000 made `first_day` panic), and an
//! article of many event sentences is checked with the reader's budget.

use diplograph_check::{check, ClaimKind, Verdict};
use diplograph_read::read;

mod common;
use common::setup;

const ARTICLE: &str = "South Korea will establish diplomatic relations with Syria next year. \
    Cuba restored diplomatic relations with the United States last year, after seven years. \
    South Korea established diplomatic relations with Cuba on Thursday. \
    Seoul has relations with 191 of the 193 UN member states.";

#[test]
fn articles_at_the_calendar_edges_are_checked() {
    let (lex, graph) = setup();
    for day in ["0001-01-01", "9999-12-31"] {
        let day: diplograph_model::Day = day.parse().unwrap();
        let r = read(ARTICLE, Some(diplograph_model::Date::from_day(day)), lex);
        let report = check(ARTICLE, &r, graph, day, lex);
        assert_eq!(report.as_of.to_string(), day.to_string());
        for e in &report.events {
            if let Some(d) = e.event.date {
                assert!((1..=9999).contains(&d.year_number()), "{day}: {d}");
            }
        }
        assert!(report
            .claims
            .iter()
            .any(|c| c.kind == ClaimKind::Count && c.text.contains("191 of the 193")));
    }
}

#[test]
fn many_event_sentences_are_checked_within_the_budget() {
    let (lex, graph) = setup();
    let text: String = (0..20_000)
        .map(|k| {
            format!(
                "South Korea established diplomatic relations with Syria on {} April {}. ",
                1 + k % 28,
                1950 + k % 70
            )
        })
        .collect();
    let day: diplograph_model::Day = "2025-04-11".parse().unwrap();
    let r = read(&text, Some(diplograph_model::Date::from_day(day)), lex);
    // sixty-four dates of one pair, the rest counted in a note
    assert_eq!(r.events.len(), 64);
    let report = check(&text, &r, graph, day, lex);
    assert_eq!(report.events.len(), 64);
    // one date claim per dated relations event
    let dates: Vec<Verdict> = report
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::PairDate)
        .map(|c| c.verdict)
        .collect();
    assert_eq!(dates.len(), 64);
}

/// The words after an ordinal are looked at within a few bytes, cut on a character boundary:
/// "BOGOTÁ" straddling the cut panicked (found by the `check` fuzz target, 2026-12-02).
#[test]
fn an_ordinal_followed_by_accented_letters_is_checked() {
    let (lex, graph) = setup();
    let day: diplograph_model::Day = "2024-01-16".parse().unwrap();
    // accented letters (two bytes each) across the 40-byte cut, at odd and at even offsets
    for pad in ["", "x"] {
        let text = format!(
            "Nauru is the tenth ally to break{pad} with {} in 2024.",
            "Á".repeat(30)
        );
        let r = read(&text, Some(diplograph_model::Date::from_day(day)), lex);
        let report = check(&text, &r, graph, day, lex);
        for c in &report.claims {
            assert_eq!(&text[c.start..c.end], c.text);
        }
    }
}
