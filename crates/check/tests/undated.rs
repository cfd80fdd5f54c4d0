//! Issue 13: an article without a publication date is judged over the days it may be from —
//! from its latest dated event (or the UN's founding) to today — so that a count true when it
//! was written is not refuted against today's graph.

use diplograph_check::{check_within, undated_period, ClaimKind, Verdict};
use diplograph_model::Day;
use diplograph_read::read;

mod common;
use common::setup;

fn day(s: &str) -> Day {
    s.parse().unwrap()
}

#[test]
fn an_undated_count_is_not_refuted_against_today() {
    let (lex, graph) = setup();
    let text = "Taiwan now has formal ties with just 15 countries, after Kiribati switched to \
        Beijing on Friday.";
    let r = read(text, None, lex);
    let today = day("2026-12-03");
    let period = undated_period(&r, today);
    assert_eq!(period, (day("1945-10-24"), today));
    let report = check_within(text, &r, graph, period, lex);
    let count = report
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Count && c.text.contains("15"))
        .expect("the count is found");
    assert_eq!(count.text, "ties with just 15 countries");
    assert_eq!(
        count.verdict,
        Verdict::NotEnoughInfo,
        "{}",
        count.explanation
    );
    assert!(
        count
            .explanation
            .starts_with("The article may have been written on any day of 1945-10-24–2026-12-03")
            && count.explanation.contains("on 2026-12-03, refuted"),
        "{}",
        count.explanation
    );
    // dated, the same sentence holds
    let pubd = day("2019-09-21");
    let r = read(text, Some(diplograph_model::Date::from_day(pubd)), lex);
    let report = check_within(text, &r, graph, (pubd, pubd), lex);
    let count = report
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Count && c.text.contains("15"))
        .unwrap();
    assert_eq!(count.verdict, Verdict::Supported, "{}", count.explanation);
}

#[test]
fn an_undated_article_is_from_after_its_latest_dated_event() {
    let (lex, _) = setup();
    let text = "South Korea and Cuba established diplomatic relations on 14 February 2024. \
        Seoul now has ties with 192 countries.";
    let r = read(text, None, lex);
    assert_eq!(
        undated_period(&r, day("2026-12-03")),
        (day("2024-02-14"), day("2026-12-03"))
    );
}
