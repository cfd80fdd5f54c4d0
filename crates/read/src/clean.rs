//! Cleaning: which paragraphs of a page are the article, read once.
//!
//! A page as people meet it repeats its body (a repost pasted twice), carries advertising and
//! promotion lines, a forum quote header ("Quote from Alex on April 11, 2025, 5:32 AM") and
//! trailing chrome ("Uploaded files:", "Share", "Related articles"). [`clean`] keeps the byte ranges
//! of the paragraphs worth reading and notes every one it drops; a header's date becomes the
//! publication date.

use std::collections::HashSet;

use diplograph_model::Day;

use crate::text::clip;
use crate::{dates, Note, NoteKind};

/// A paragraph kept for reading: a byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    pub segments: Vec<Segment>,
    /// The date of a header line ("Quote from ... on April 11, 2025"), if any.
    pub published: Option<Day>,
    /// The dateline that opens the first paragraph ("BEIJING, March 26 (Xinhua) —"): its year
    /// if it gives one, its month and day.
    pub dateline: Option<(Option<i16>, i8, i8)>,
    pub notes: Vec<Note>,
}

/// Lines that start like these are promotion, not reporting.
const PROMO_STARTS: &[&str] = &[
    "register ",
    "subscribe",
    "sign up",
    "join ",
    "click ",
    "download ",
    "follow us",
    "advertisement",
    "sponsored",
    "read more",
    "read also",
    "also read",
    "related:",
    "related articles",
    "related posts",
    "share this",
    "share on",
    "get the latest",
    "support our journalism",
    "we use cookies",
];

/// Words of promotion; a short line holding two of them is an advert.
const PROMO_WORDS: &[&str] = &[
    "register",
    "registration",
    "subscribe",
    "discount",
    "masterclass",
    "early bird",
    "co-invest",
    "newsletter",
    "webinar",
    "enroll",
    "enrol",
    "coupon",
    "promo",
    "sign up",
    "free trial",
    "advertise",
    "sponsored",
    "cookies",
];

/// Whole lines of page chrome.
const CHROME_LINES: &[&str] = &[
    "share",
    "tweet",
    "print",
    "email",
    "like",
    "reply",
    "quote",
    "comments",
    "leave a comment",
    "advertisement",
    "uploaded files:",
    "attachments:",
    "tags:",
    "related",
    "related articles",
    "more stories",
    "you may also like",
    "trending",
    "back to top",
];

/// Beginnings of header lines that name an author and a date rather than say anything.
const HEADER_STARTS: &[&str] = &[
    "quote from ",
    "posted by ",
    "posted on ",
    "published on ",
    "published: ",
    "originally posted",
];

/// Splits `text` into paragraphs and keeps the ones worth reading.
pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut seen: HashSet<u64> = HashSet::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let lead = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let start = line_start + lead;
        let end = start + line.len();
        let note = |kind, message: String| Note {
            kind,
            message,
            start,
            end,
        };
        // headers, chrome and adverts are short lines; long ones are reporting
        if line.len() <= 400 {
            if let Some(day) = header_date(line) {
                if out.published.is_none() {
                    out.published = Some(day);
                }
                out.notes.push(note(
                    NoteKind::Header,
                    format!("header line skipped (dated {day}): {:?}", clip(line, 60)),
                ));
                continue;
            }
            if is_chrome(line) {
                out.notes.push(note(
                    NoteKind::Chrome,
                    format!("page chrome skipped: {:?}", clip(line, 60)),
                ));
                continue;
            }
            if is_promo(line) {
                out.notes.push(note(
                    NoteKind::Chrome,
                    format!("promotion skipped: {:?}", clip(line, 60)),
                ));
                continue;
            }
        }
        if line.split_whitespace().nth(3).is_some() && !seen.insert(key(line)) {
            out.notes.push(note(
                NoteKind::Duplicate,
                format!("repeated paragraph skipped: {:?}", clip(line, 60)),
            ));
            continue;
        }
        if out.segments.is_empty() {
            out.dateline = dateline(line);
        }
        out.segments.push(Segment { start, end });
    }
    out
}

/// A dateline at the start of a paragraph: a place in capitals or a name, a comma, a month and
/// a day (and a year), an agency in brackets, a dash ("BEIJING, March 26 (Xinhua) —",
/// "Funafuti, Tuvalu, Feb 28 (AFP) -", "LA PAZ, Oct 31, 2023 (Reuters) -").
pub fn dateline(line: &str) -> Option<(Option<i16>, i8, i8)> {
    let mut cut = line.len().min(100);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &line[..cut];
    let sep = ["--", " - ", " — ", " – ", "—", "–"]
        .iter()
        .filter_map(|d| head.find(d))
        .min()?;
    let mut prefix = head[..sep].trim_end();
    if prefix.ends_with(')') {
        prefix = prefix[..prefix.rfind('(')?].trim_end();
    }
    let (place, when) = prefix.split_once(',')?;
    let place_ok = place.starts_with(char::is_uppercase)
        && place.len() <= 40
        && place.split_whitespace().count() <= 4;
    if !place_ok {
        return None;
    }
    // "Tuvalu, Feb 28": a country after the town
    let parts: Vec<&str> = when.split(',').map(str::trim).collect();
    let (k, year) = match parts.as_slice() {
        [md] => (*md, None),
        [a, b] if b.len() == 4 && b.parse::<i16>().is_ok() => (*a, b.parse().ok()),
        [_, md] => (*md, None),
        [_, md, y] if y.len() == 4 => (*md, y.parse().ok()),
        _ => return None,
    };
    let mut words = k.split_whitespace();
    let (m, d) = (words.next()?, words.next()?);
    if words.next().is_some() || !m.starts_with(char::is_uppercase) {
        return None;
    }
    let month = dates::month(m)?;
    let day: i8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

/// A hash (FNV-1a) of a paragraph's letters and digits, ASCII lowercased: the same paragraph
/// with other spacing or quotes is the same paragraph.
fn key(line: &str) -> u64 {
    diplograph_model::fnv1a(
        line.bytes()
            .filter(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
            .map(|b| b.to_ascii_lowercase()),
    )
}

fn starts_with_any(line: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        line.len() >= p.len() && line.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    })
}

fn header_date(line: &str) -> Option<Day> {
    if line.len() > 160 {
        return None;
    }
    if starts_with_any(line, HEADER_STARTS) {
        return dates::first_full_date(line);
    }
    // a byline ("By Jane Doe | January 15, 2024") or a line that is only a date and a time
    // ("15 February 2024 22:25 (UTC+04:00)", "Updated: Jan 15, 2024 5:32 AM GMT")
    let byline = starts_with_any(line, &["by "]) && line.len() <= 120;
    if byline || (line.len() <= 60 && only_a_date(line)) {
        return dates::first_full_date(line);
    }
    None
}

/// Whether a short line says nothing but a date and a time: its words are month and day
/// names, numbers, time zones and the words that introduce a date.
fn only_a_date(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "updated",
        "published",
        "posted",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "utc",
        "gmt",
        "est",
        "edt",
        "cet",
        "cest",
        "kst",
        "jst",
        "ist",
        "bst",
        "pst",
        "pdt",
        "at",
        "on",
        "last",
        "modified",
    ];
    line.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | ':' | '-' | '+' | '/' | '·')
    })
    .filter(|w| w.chars().any(char::is_alphabetic))
    .all(|w| {
        let l = w.to_ascii_lowercase();
        let l = l.trim_end_matches('.');
        dates::month(l).is_some()
            || WORDS.contains(&l)
            || WORDS.contains(&w.to_ascii_lowercase().as_str())
            || l.starts_with("utc")
            || l.starts_with("gmt")
            || matches!(
                l,
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "mon"
                    | "tue"
                    | "wed"
                    | "thu"
                    | "fri"
                    | "sat"
                    | "sun"
            )
    })
}

fn is_chrome(line: &str) -> bool {
    if line.len() > 40 {
        return false;
    }
    let lower = line.to_lowercase();
    let t = lower.trim_end_matches(['.', '!']);
    CHROME_LINES.contains(&t)
        || (t.ends_with(':') && !t.contains(". "))
        || t.chars().all(|c| !c.is_alphanumeric())
}

fn is_promo(line: &str) -> bool {
    static WORDS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    if starts_with_any(line, PROMO_STARTS) {
        return true;
    }
    let words = WORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(PROMO_WORDS)
            .expect("promotion words build an automaton")
    });
    let mut found = [false; 32];
    for m in words.find_overlapping_iter(line) {
        found[m.pattern().as_usize() % 32] = true;
    }
    found.iter().filter(|f| **f).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_header_promotion_chrome_and_repeats() {
        let text = "Title of the piece\nQuote from Ann on April 11, 2025, 5:32 AM\n\
            The first paragraph says something long enough.\n\
            Register for our Masterclass today for early bird discounts.\n\
            The first paragraph says something long enough.\nUploaded files:\n";
        let c = clean(text);
        let kept: Vec<&str> = c.segments.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            kept,
            [
                "Title of the piece",
                "The first paragraph says something long enough."
            ]
        );
        assert_eq!(c.published.unwrap().to_string(), "2025-04-11");
        let kinds: Vec<NoteKind> = c.notes.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            [
                NoteKind::Header,
                NoteKind::Chrome,
                NoteKind::Duplicate,
                NoteKind::Chrome
            ]
        );
    }

    #[test]
    fn long_paragraphs_are_reporting() {
        let long = "Seoul said so. ".repeat(40);
        assert_eq!(clean(&long).segments.len(), 1);
    }

    #[test]
    fn reporting_that_mentions_joining_is_kept() {
        let text = "Finland joined NATO in April 2023, ending decades of non-alignment.";
        assert_eq!(clean(text).segments.len(), 1);
    }
}
