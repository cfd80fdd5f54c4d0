//! Names as the text writes them: a form in another case ("eSwatini" beside "Eswatini") and a
//! longer form not written as such ("the kingdom of Eswatini" is no "Kingdom of Eswatini") must
//! not hide the state the words name.

use diplograph_read::{read, EventType, Lexicon};

fn lex() -> Lexicon {
    let b = diplograph_baseline::load().unwrap();
    Lexicon::new(&b.states, &b.people)
}

fn pairs(text: &str, lex: &Lexicon) -> Vec<(EventType, String, String, Option<String>)> {
    read(text, "2020-07-02".parse().ok(), lex)
        .events
        .iter()
        .map(|e| {
            (
                e.kind,
                e.actors[0].to_string(),
                e.actors[1].to_string(),
                e.date.map(|d| d.to_string()),
            )
        })
        .collect()
}

#[test]
fn a_form_in_another_case_or_inside_a_longer_one_still_names_its_state() {
    let lex = lex();
    let want = vec![(
        EventType::Sever,
        "SWZ".to_string(),
        "TWN".to_string(),
        Some("2020-06-29".to_string()),
    )];
    for text in [
        "Eswatini broke off relations with Taiwan on Monday.",
        "eSwatini broke off relations with Taiwan on Monday.",
        "The kingdom of Eswatini broke off relations with Taiwan on Monday.",
    ] {
        assert_eq!(pairs(text, &lex), want, "{text}");
    }
    // a lowercase word is still no state: "the chad of the ballot", "turkey and ham"
    assert!(pairs("Voters broke off relations with turkey on Monday.", &lex).is_empty());
}
