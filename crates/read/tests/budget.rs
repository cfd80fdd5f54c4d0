//! The reader's budget per article (issue 11): evidence, events, sentences looked at closely and
//! sentence length are bounded, and reaching a bound leaves a note instead of a hang.

use diplograph_read::{read, read_within, Budget, Lexicon, NoteKind, Reading};

fn lexicon() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let b = diplograph_baseline::load().unwrap();
        Lexicon::new(&b.states, &b.people)
    })
}

const SENTENCE: &str = "South Korea established diplomatic relations with Syria on 10 April 2025. ";

fn budget_notes(r: &Reading) -> Vec<&str> {
    r.notes
        .iter()
        .filter(|n| n.kind == NoteKind::Budget)
        .map(|n| n.message.as_str())
        .collect()
}

#[test]
fn evidence_is_capped_and_the_rest_counted() {
    let text = SENTENCE.repeat(100);
    let r = read(&text, "2025-04-11".parse().ok(), lexicon());
    assert_eq!(r.events.len(), 1);
    assert_eq!(r.events[0].evidence.len(), 32);
    assert_eq!(r.events[0].evidence[31].start, 31 * SENTENCE.len());
    assert_eq!(
        budget_notes(&r),
        ["68 more sentences state the establish event of KOR and SYR (the budget keeps 32)"]
    );
}

#[test]
fn events_of_one_pair_are_capped() {
    // a hundred establishments of the same pair at a hundred different years
    let text: String = (0..100)
        .map(|k| {
            format!(
                "South Korea established diplomatic relations with Syria in {}. ",
                1900 + k
            )
        })
        .collect();
    let r = read(&text, "2025-04-11".parse().ok(), lexicon());
    assert_eq!(r.events.len(), 64);
    assert_eq!(r.events[63].date.unwrap().to_string(), "1963");
    assert_eq!(
        budget_notes(&r),
        ["36 mentions of further events not kept (the budget keeps 1000 events, 64 of one type between two states)"]
    );
}

#[test]
fn reading_stops_after_the_sentence_budget() {
    let text: String = (0..20)
        .map(|k| {
            format!(
                "South Korea established diplomatic relations with Syria in {}. ",
                1900 + k
            )
        })
        .collect();
    let budget = Budget {
        sentences: 5,
        ..Budget::DEFAULT
    };
    let r = read_within(&text, None, None, lexicon(), &budget);
    assert_eq!(r.events.len(), 5);
    let at = 5 * text.len() / 20;
    assert_eq!(
        budget_notes(&r),
        [format!(
            "stopped after looking closely at 5 sentences (the budget): the text from byte {at} on is not read"
        )]
    );
}

#[test]
fn a_sentence_without_full_stop_is_read_in_pieces() {
    let clause = "South Korea established diplomatic relations with Syria on 10 April 2025, ";
    let text = clause.repeat(100);
    let r = read(&text, "2025-04-11".parse().ok(), lexicon());
    assert_eq!(r.events.len(), 1);
    assert_eq!(r.events[0].date.unwrap().to_string(), "2025-04-10");
    // every piece is at most the budget's size and cut between words
    assert!(r.events[0].evidence.iter().all(|e| e.text.len() <= 1000));
    assert!(r.events[0]
        .evidence
        .iter()
        .all(|e| text[e.end..].starts_with(' ') && text[..e.start].ends_with(' ') || e.start == 0));
    assert!(r.events[0].evidence.len() > 1);
    assert_eq!(
        budget_notes(&r)[0],
        format!(
            "a sentence of {} bytes read in pieces of at most 1000 bytes (the budget)",
            text.trim_end().len()
        )
    );
}

#[test]
fn notes_are_capped() {
    // every paragraph after the first is a repeat, each with a note; the first is a meeting
    // whose "today" no publication date resolves, one note more
    let text = "South Korea and Syria met in Seoul today to talk about trade.\n".repeat(3000);
    let r = read(&text, None, lexicon());
    assert_eq!(r.events.len(), 1);
    assert_eq!(r.notes.len(), 1001);
    assert_eq!(
        r.notes.last().unwrap().message,
        "2000 more notes not kept (the budget keeps 1000)"
    );
}
