//! Texts about one pair of states (`read_about`): a row of a table of relations, a bilateral
//! section. A sentence that names no state is about the pair; one that names a third state is not.

use diplograph_model::Code;
use diplograph_read::{read_about, EventType, Lexicon};

fn lex() -> Lexicon {
    let b = diplograph_baseline::load().unwrap();
    Lexicon::new(&b.states, &b.people)
}

fn code(s: &str) -> Code {
    s.parse().unwrap()
}

#[test]
fn a_sentence_naming_no_state_is_about_the_pair() {
    let lex = lex();
    let pair = [code("DZA"), code("PRT")];
    let r = read_about(
        "Both countries established diplomatic relations on 7 March 1975.\n Portugal has an embassy in Algiers.",
        None,
        pair,
        &lex,
    );
    let got: Vec<_> = r
        .events
        .iter()
        .map(|e| (e.kind, e.actors, e.date.map(|d| d.to_string())))
        .collect();
    assert_eq!(
        got,
        vec![(EventType::Establish, pair, Some("1975-03-07".to_string()))]
    );
    let r = read_about(
        "Relations were established on 9 June 1992.",
        None,
        [code("BRN"), code("KHM")],
        &lex,
    );
    assert_eq!(r.events.len(), 1);
    assert_eq!(r.events[0].actors, [code("BRN"), code("KHM")]);
    assert_eq!(
        r.events[0].date.map(|d| d.to_string()).as_deref(),
        Some("1992-06-09")
    );
}

#[test]
fn a_sentence_naming_a_third_state_is_not_about_the_pair() {
    let lex = lex();
    let r = read_about(
        "Both countries established diplomatic relations with Japan in 1952.",
        None,
        [code("AUS"), code("PHL")],
        &lex,
    );
    assert!(
        r.events
            .iter()
            .all(|e| e.actors != [code("AUS"), code("PHL")]),
        "{:?}",
        r.events
    );
}
