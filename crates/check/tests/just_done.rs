//! An undated act told in the present perfect ("have restored relations") is the one the graph
//! has in the month before the article; told in the past tense, it may be another one (relations
//! are broken and restored more than once), and stays `new`.

use diplograph_check::{check, EventStatus};
use diplograph_model::{Date, Day};
use diplograph_read::read;

mod common;
use common::setup;

/// Colombia and Venezuela restored relations in August 2022.
const PERFECT: &str =
    "Bogotá and Caracas have restored full diplomatic relations after a three-year rupture.";
const PAST: &str =
    "Bogotá and Caracas restored full diplomatic relations after a three-year rupture.";

fn status_of(text: &str, day: &str) -> (EventStatus, String) {
    let (lex, graph) = setup();
    let day: Day = day.parse().unwrap();
    let r = read(text, Some(Date::from_day(day)), lex);
    let report = check(text, &r, graph, day, lex);
    let e = report
        .events
        .iter()
        .find(|e| e.event.kind.as_str() == "restore")
        .expect("a restoration");
    assert_eq!(e.event.date, None, "{text}");
    (e.status, e.explanation.clone())
}

#[test]
fn an_act_told_as_just_done_is_the_graphs_of_the_month_before() {
    let (status, why) = status_of(PERFECT, "2022-08-29");
    assert_eq!(status, EventStatus::Corroborated, "{why}");
    assert!(
        why.contains("just done") && why.contains("2022-08"),
        "{why}"
    );
}

#[test]
fn an_act_told_in_the_past_tense_may_be_another_one() {
    let (status, why) = status_of(PAST, "2022-08-29");
    assert_eq!(status, EventStatus::New, "{why}");
    assert!(why.contains("may be another one"), "{why}");
}

#[test]
fn an_act_told_as_just_done_long_after_the_graphs_is_not_it() {
    let (status, why) = status_of(PERFECT, "2024-03-01");
    assert_eq!(status, EventStatus::New, "{why}");
    assert!(why.contains("may be another one"), "{why}");
}
