//! Issue 11: dates the reader produces are always storable. On a publication day at the
//! calendar's edges (0001-01-01, 9999-12-31) relative dates that fall outside the years 1 to
//! 9999 are left undated with a note, and a publication date outside them is ignored.

use diplograph_read::{read, Lexicon, NoteKind};

fn lexicon() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let b = diplograph_baseline::load().unwrap();
        Lexicon::new(&b.states, &b.people)
    })
}

/// The date of the one event read from `sentence` published on `day`, and the notes.
fn dated(sentence: &str, day: &str) -> (Option<String>, Vec<String>) {
    let r = read(sentence, Some(day.parse().unwrap()), lexicon());
    assert_eq!(r.events.len(), 1, "{sentence} on {day}");
    for e in &r.events {
        if let Some(d) = e.date {
            assert!(
                (1..=9999).contains(&d.year_number()),
                "{sentence} on {day}: {d}"
            );
        }
    }
    let notes = r
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::UnresolvedDate)
        .map(|n| n.message.clone())
        .collect();
    (r.events[0].date.map(|d| d.to_string()), notes)
}

#[test]
fn relative_dates_at_the_first_day() {
    let day = "0001-01-01";
    let (d, notes) = dated(
        "South Korea established diplomatic relations with Syria last year.",
        day,
    );
    assert_eq!(d, None);
    assert_eq!(
        notes,
        ["\"last year\" falls in year 0, outside 1 to 9999: left undated"]
    );
    let (d, _) = dated(
        "South Korea established diplomatic relations with Syria on Thursday.",
        day,
    );
    assert_eq!(d, None);
    let (d, _) = dated(
        "South Korea established diplomatic relations with Syria in December.",
        day,
    );
    assert_eq!(d, None);
    let (d, _) = dated(
        "South Korea will establish diplomatic relations with Syria next month.",
        day,
    );
    assert_eq!(d.as_deref(), Some("0001-02"));
    let (d, _) = dated(
        "South Korea will establish diplomatic relations with Syria next year.",
        day,
    );
    assert_eq!(d.as_deref(), Some("0002"));
}

#[test]
fn relative_dates_at_the_last_day() {
    let day = "9999-12-31";
    let (d, notes) = dated(
        "South Korea will establish diplomatic relations with Syria next year.",
        day,
    );
    assert_eq!(d, None);
    assert_eq!(
        notes,
        ["\"next year\" falls in year 10000, outside 1 to 9999: left undated"]
    );
    let (d, _) = dated(
        "South Korea will establish diplomatic relations with Syria next month.",
        day,
    );
    assert_eq!(d, None);
    let (d, _) = dated(
        "South Korea will establish diplomatic relations with Syria on Thursday.",
        day,
    );
    assert_eq!(d, None);
    let (d, _) = dated(
        "South Korea established diplomatic relations with Syria last year.",
        day,
    );
    assert_eq!(d.as_deref(), Some("9998"));
    let (d, _) = dated(
        "South Korea established diplomatic relations with Syria on Thursday.",
        day,
    );
    assert_eq!(d.as_deref(), Some("9999-12-30"));
}

#[test]
fn a_publication_date_outside_the_years_is_ignored() {
    let text = "South Korea established diplomatic relations with Syria last year.";
    let r = read(text, Some("0000-06-01".parse().unwrap()), lexicon());
    assert_eq!(r.published, None);
    assert_eq!(r.events[0].date, None);
    assert_eq!(
        r.notes[0].message,
        "publication date 0000-06-01 is outside the years 1 to 9999: ignored"
    );
}
