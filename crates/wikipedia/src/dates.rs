//! Dates as Wikipedia's tables write them — `{{dts|6 March 1957}}`, `{{Date table
//! sorting|1957|3|6}}`, `{{Start date|1957|3|6}}`, "March 6, 1957", "1957", "c. 1957" — at the
//! precision they state, and a date cell read as its sequence of events ("6 March 1957, severed
//! 28 October 1973, restored 9 August 1994").

use diplograph_model::{Date, Day, Event};
use diplograph_read::{month, MONTHS};

use crate::markup::{self, Template};

/// Whether a template name is one of the date-sorting templates.
pub fn is_date_template(name: &str) -> bool {
    matches!(
        name,
        "dts"
            | "dtsort"
            | "date table sorting"
            | "start date"
            | "start date and age"
            | "date"
            | "sort date"
            | "sortdate"
    )
}

fn year_of(w: &str) -> Option<i16> {
    let w = w.trim_end_matches([',', '.']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1000..=2100).contains(y))
}

fn day_date(y: i16, m: i8, d: i8) -> Option<Date> {
    Day::new(y, m, d).ok().map(Date::from_day)
}

/// A date from a date template's parameters: `y|m|d`, `y|m`, `y`, or one text parameter.
pub fn from_template(t: &Template<'_>) -> Option<Date> {
    let pos: Vec<&str> = t
        .positional()
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let num = |s: &str| s.trim().parse::<i32>().ok();
    match pos.as_slice() {
        [y, m, d, ..] if num(y).is_some() => {
            let y = num(y)? as i16;
            let m = num(m).map(|m| m as i8).or_else(|| month(m))?;
            day_date(y, m, num(d)? as i8)
        }
        [y, m] if num(y).is_some() => {
            let y = num(y)? as i16;
            let m = num(m).map(|m| m as i8).or_else(|| month(m))?;
            Date::from_month(y, m)
        }
        [one, ..] => parse_text(&markup::plain(one)).map(|(d, _)| d),
        [] => None,
    }
}

/// The first date stated in plain text, with the byte range it covers. Words are tried in the
/// orders "6 March 1957", "March 6, 1957", "March 1957", "1957-03-06" and "1957".
pub fn parse_text(s: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let words: Vec<(usize, &str)> = word_spans(s);
    let mut skip_to = 0;
    for i in 0..words.len() {
        if i < skip_to {
            continue;
        }
        let w = |k: usize| words.get(i + k).map(|x| x.1);
        let end = |k: usize| {
            words[i].0..words[i + k].0 + words[i + k].1.trim_end_matches([',', '.']).len()
        };
        // ISO: 1957-03-06
        if let Some(d) = iso(words[i].1) {
            return Some((d, end(0)));
        }
        // 6 March 1957
        if let (Some(d), Some(m), Some(y)) = (
            w(0).and_then(day_num),
            w(1).and_then(month),
            w(2).and_then(year_of),
        ) {
            match day_date(y, m, d) {
                Some(date) => return Some((date, end(2))),
                // "31 February 1957" is no date at all, not February 1957.
                None => {
                    skip_to = i + 3;
                    continue;
                }
            }
        }
        if let Some(m) = w(0).and_then(month) {
            // March 6, 1957
            if let (Some(d), Some(y)) = (w(1).and_then(day_num), w(2).and_then(year_of)) {
                if let Some(date) = day_date(y, m, d) {
                    return Some((date, end(2)));
                }
            }
            // March 1957
            if let Some(y) = w(1).and_then(year_of) {
                if let Some(date) = Date::from_month(y, m) {
                    return Some((date, end(1)));
                }
            }
        }
        if let Some(y) = year_of(words[i].1) {
            // A year that is the end of a day or month phrase was taken above.
            return Some((Date::year(y), end(0)));
        }
    }
    None
}

fn iso(w: &str) -> Option<Date> {
    let w = w.trim_end_matches([',', '.']);
    let p: Vec<&str> = w.split('-').collect();
    match p.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            day_date(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

fn day_num(w: &str) -> Option<i8> {
    let w = w.trim_end_matches(',');
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    (w.len() <= 2 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn word_spans(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == ',' || c == '.';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    // "1957–1973" and "c.1957": split at dashes between digits and at a leading "c.".
    out.into_iter()
        .flat_map(|(st, w)| {
            let mut parts = Vec::new();
            let mut from = 0;
            for (i, c) in w.char_indices() {
                if c == '-' && iso(w).is_none() {
                    if i > from {
                        parts.push((st + from, &w[from..i]));
                    }
                    from = i + 1;
                }
            }
            if from < w.len() {
                parts.push((st + from, &w[from..]));
            }
            parts
        })
        .collect()
}

/// Renders a date in words, as a page shows it ("6 March 1957").
pub fn words(d: Date) -> String {
    let s = d.to_string();
    let p: Vec<&str> = s.split('-').collect();
    let name = |m: &str| {
        let i: usize = m.parse().unwrap_or(1);
        let n = MONTHS[i.clamp(1, 12) - 1];
        let mut c = n.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    };
    match p.as_slice() {
        [y, m, d] => format!("{} {} {}", d.trim_start_matches('0'), name(m), y),
        [y, m] => format!("{} {}", name(m), y),
        _ => s,
    }
}

/// What a date cell says, in order: each date with the event its words give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellDate {
    pub event: Event,
    pub date: Date,
}

/// What a table's date cell states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Nothing readable: empty, "—", "See …".
    Empty,
    /// "No diplomatic relations", "None", "Never established".
    NoRelations,
    /// One or more dated events; the first without a word of its own is the establishment.
    Dates(Vec<CellDate>),
    /// Words but no date a reader could take.
    Unreadable(String),
}

const NONE_WORDS: &[&str] = &[
    "no diplomatic relations",
    "no formal diplomatic relations",
    "no formal relations",
    "no relations",
    "no official relations",
    "not established",
    "never established",
    "none",
    "n/a",
];

fn event_word(before: &str) -> Option<Event> {
    let b = before.to_ascii_lowercase();
    let last = |words: &[&str]| words.iter().filter_map(|w| b.rfind(w)).max();
    let sever = last(&["sever", "broken", "broke", "cut", "terminat", "ended"]);
    let suspend = last(&["suspend", "frozen", "froze"]);
    let restore = last(&[
        "restor",
        "re-establish",
        "reestablish",
        "resum",
        "renew",
        "normali",
    ]);
    let recog = last(&["recogni"]);
    let est = last(&["establish"]);
    [
        (sever, Event::Sever),
        (suspend, Event::Suspend),
        (restore, Event::Restore),
        (recog, Event::Recognize),
        (est, Event::Establish),
    ]
    .into_iter()
    .filter_map(|(p, e)| p.map(|p| (p, e)))
    .max_by_key(|&(p, e)| (p, e != Event::Establish))
    .map(|(_, e)| e)
}

/// `s` without what stands in parentheses (an unclosed one runs to the end).
fn outside_parentheses(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect()
}

/// Reads a date cell (wikitext) into what it states.
pub fn read_cell(wikitext: &str) -> Cell {
    // Date templates first: their rendering is exact.
    let text = markup::plain(wikitext);
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if t.is_empty()
        || t.chars().all(|c| !c.is_alphanumeric())
        || lower.starts_with("see ")
        || lower == "see"
    {
        return Cell::Empty;
    }
    let mut out = Vec::new();
    let mut rest = t;
    let mut consumed = 0;
    while let Some((date, end)) = parse_text(rest) {
        // The words between the previous date and this one give its event; "(recognition)"
        // just after a date gives it too.
        let after = rest[end.end..].trim_start().to_ascii_lowercase();
        // "1979 (Taiwan Relations Act - unofficial)", "2018 (Taiwan Travel Act)": ties that are
        // not diplomatic relations, or a law's date
        let own = rest[end.end..].trim_start();
        let own = own
            .strip_prefix('(')
            .map_or("", |o| &o[..o.find(')').unwrap_or(o.len())]);
        if own
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| matches!(w, "unofficial" | "informal" | "non-diplomatic" | "Act"))
            // "1882 (Joseon)", "1844 (Qing)": a dynasty's relations, before the partner state
            || ["Joseon", "Korean Empire", "Qing"]
                .iter()
                .any(|d| own.contains(d))
        {
            consumed += end.end;
            rest = &t[consumed..];
            continue;
        }
        // the words before this date outside parentheses: "(… Act - unofficial)" holds no range
        let bare = outside_parentheses(&rest[..end.start]);
        let word = if after.starts_with("(recogni") {
            Some(Event::Recognize)
        } else {
            event_word(&rest[..end.start])
        };
        let event = match word {
            Some(e) => e,
            None if out.is_empty() => Event::Establish,
            None => match out.last() {
                // "1946–1975": a second date with no word ends what the first began.
                Some(CellDate {
                    event: Event::Establish | Event::Restore,
                    ..
                }) if bare.contains(['–', '-', '—']) || bare.contains("until") => Event::Sever,
                _ => Event::Establish,
            },
        };
        out.push(CellDate { event, date });
        consumed += end.end;
        rest = &t[consumed..];
    }
    if out.is_empty() {
        if NONE_WORDS
            .iter()
            .any(|w| lower == *w || lower.starts_with(w))
        {
            return Cell::NoRelations;
        }
        return Cell::Unreadable(t.to_string());
    }
    if NONE_WORDS.iter().any(|w| lower.starts_with(w)) {
        // "No diplomatic relations (1975)" is not an establishment.
        return Cell::NoRelations;
    }
    Cell::Dates(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn templates_keep_their_precision() {
        let t = |s| from_template(&Template::parse(s).unwrap());
        assert_eq!(t("{{dts|6 March 1957}}"), Some(d("1957-03-06")));
        assert_eq!(t("{{dts|March 1957}}"), Some(d("1957-03")));
        assert_eq!(t("{{Dts|1957}}"), Some(d("1957")));
        assert_eq!(t("{{Date table sorting|1957|3|6}}"), Some(d("1957-03-06")));
        assert_eq!(
            t("{{dts|format=dmy|1992|January|2}}"),
            Some(d("1992-01-02"))
        );
        assert_eq!(t("{{Start date|1992|1}}"), Some(d("1992-01")));
        assert_eq!(t("{{dts|31 February 1957}}"), None);
    }

    #[test]
    fn text_dates_in_every_order() {
        let p = |s| parse_text(s).map(|x| x.0);
        assert_eq!(parse_text("on 6 March 1957.").map(|x| x.1), Some(3..15));
        assert_eq!(p("March 6, 1957"), Some(d("1957-03-06")));
        assert_eq!(p("6 Mar 1957"), Some(d("1957-03-06")));
        assert_eq!(p("c. 1957"), Some(d("1957")));
        assert_eq!(p("1957-03-06"), Some(d("1957-03-06")));
        assert_eq!(p("Sept. 1991"), Some(d("1991-09")));
        assert_eq!(p("no date"), None);
        assert_eq!(words(d("1957-03-06")), "6 March 1957");
    }

    #[test]
    fn cells_read_as_event_sequences() {
        assert_eq!(
            read_cell("6 March 1957, severed 28 October 1973, restored 9 August 1994"),
            Cell::Dates(vec![
                CellDate {
                    event: Event::Establish,
                    date: d("1957-03-06")
                },
                CellDate {
                    event: Event::Sever,
                    date: d("1973-10-28")
                },
                CellDate {
                    event: Event::Restore,
                    date: d("1994-08-09")
                },
            ])
        );
        assert_eq!(
            read_cell("'''No diplomatic relations'''"),
            Cell::NoRelations
        );
        assert_eq!(read_cell("{{center|''None''}}"), Cell::NoRelations);
        assert_eq!(read_cell("See [[A–B relations]]"), Cell::Empty);
        assert_eq!(read_cell(""), Cell::Empty);
        assert!(matches!(read_cell("soon, perhaps"), Cell::Unreadable(_)));
        // a law's date and unofficial ties are no events of relations; a dash inside
        // parentheses is no range
        assert_eq!(
            read_cell("1911 (ended in 1979)<br />1979 (Taiwan Relations Act - unofficial)\n2018 (Taiwan Travel Act) - high-level working partnership"),
            Cell::Dates(vec![
                CellDate {
                    event: Event::Establish,
                    date: d("1911")
                },
                CellDate {
                    event: Event::Sever,
                    date: d("1979")
                },
            ])
        );
        assert_eq!(
            read_cell("''1882 (Joseon)''; 1949 (Republic)"),
            Cell::Dates(vec![CellDate {
                event: Event::Establish,
                date: d("1949")
            }])
        );
        assert_eq!(
            read_cell("1946 (by treaty - with the republic)\n1975"),
            Cell::Dates(vec![
                CellDate {
                    event: Event::Establish,
                    date: d("1946")
                },
                CellDate {
                    event: Event::Establish,
                    date: d("1975")
                },
            ])
        );
        assert_eq!(
            read_cell("15 April 1980 (recognition)"),
            Cell::Dates(vec![CellDate {
                event: Event::Recognize,
                date: d("1980-04-15")
            }])
        );
    }
}
