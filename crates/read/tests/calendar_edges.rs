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

/// (sentence, relative words, publication day, the date read, a note's words)
type Case<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);

#[test]
fn relative_dates_at_the_calendar_edges() {
    let est = "South Korea established diplomatic relations with Syria";
    let will = "South Korea will establish diplomatic relations with Syria";
    // (sentence, publication day, date read, note)
    let cases: &[Case] = &[
        (
            est,
            "last year",
            "0001-01-01",
            None,
            Some("\"last year\" falls in year 0, outside 1 to 9999: left undated"),
        ),
        (
            est,
            "on Thursday",
            "0001-01-01",
            None,
            Some("\"Thursday\" falls in year 0, outside 1 to 9999: left undated"),
        ),
        (est, "in December", "0001-01-01", None, None),
        (will, "next month", "0001-01-01", Some("0001-02"), None),
        (will, "next year", "0001-01-01", Some("0002"), None),
        (
            will,
            "next year",
            "9999-12-31",
            None,
            Some("\"next year\" falls in year 10000, outside 1 to 9999: left undated"),
        ),
        (will, "next month", "9999-12-31", None, None),
        (will, "on Thursday", "9999-12-31", None, None),
        (est, "last year", "9999-12-31", Some("9998"), None),
        (est, "on Thursday", "9999-12-31", Some("9999-12-30"), None),
    ];
    for &(clause, when, day, date, note) in cases {
        let sentence = format!("{clause} {when}.");
        let (d, notes) = dated(&sentence, day);
        assert_eq!(d.as_deref(), date, "{sentence} on {day}");
        assert_eq!(
            notes.first().map(String::as_str),
            note,
            "{sentence} on {day}"
        );
    }
}

#[test]
fn a_publication_date_outside_the_years_is_ignored() {
    let text = "South Korea established diplomatic relations with Syria last year.";
    let day: diplograph_model::Day = "0000-06-01".parse().unwrap();
    let r = read(text, Some(diplograph_model::Date::from_day(day)), lexicon());
    assert_eq!(r.published, None);
    assert_eq!(r.events[0].date, None);
    assert_eq!(
        r.notes[0].message,
        "publication date 0000-06-01 is outside the years 1 to 9999: ignored"
    );
}

/// The CI fuzz run of d8842f2: a day named in the next sentence ("The move came on 30 July.")
/// dates the events left undated before it; in an article of March in the year 1 that day
/// fell in year 0 and left the reader. It does not any more, nor does one a statement
/// continues, nor "the day before" the first day of the calendar.
#[test]
fn a_day_from_the_next_sentence_or_an_anchor_stays_in_the_years() {
    let cases = [
        (
            "South Korea and Syria established diplomatic relations. The move came on 30 July.",
            "0001-03-05",
        ),
        (
            "South Korea said it had established diplomatic relations with Syria. \
             The announcement was made on 30 July.",
            "0001-03-05",
        ),
        (
            "The ministry said on 30 July that it was ready. South Korea and Syria \
             established diplomatic relations, the ministry said.",
            "0001-03-05",
        ),
        (
            "The talks ended on 1 January. South Korea and Syria established diplomatic \
             relations the day before.",
            "0001-01-05",
        ),
    ];
    for (text, day) in cases {
        let r = read(text, Some(day.parse().unwrap()), lexicon());
        assert_eq!(r.events.len(), 1, "{text}");
        assert_eq!(r.events[0].date, None, "{text} on {day}");
    }
    // the same day in a year that holds it still dates the event
    let r = read(cases[0].0, Some("2025-08-02".parse().unwrap()), lexicon());
    assert_eq!(
        r.events[0].date.map(|d| d.to_string()).as_deref(),
        Some("2025-07-30")
    );
}
