//! Date expressions in a sentence, and their resolution against the publication date.
//!
//! "on Thursday" is the latest Thursday on or before publication in a sentence about the past,
//! the next one after it in a sentence about plans; "last year" is the calendar year before;
//! "in December" is the latest December before publication (month precision); "in 1987" is a
//! year. Without a publication date, relative expressions stay unresolved.

use diplograph_model::{Date, Day, Precision};
use jiff::civil::Weekday;

use crate::text::Tok;

/// A date expression as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expr {
    Full(Day),
    MonthYear(i16, i8),
    /// A month and day without a year ("on 10 April").
    MonthDay(i8, i8),
    /// A month alone ("in December").
    Month(i8),
    Year(i16),
    Weekday(Weekday),
    Rel(Rel),
    /// "that day" (0), "the next day" (1), "the day before" (-1): a day counted from the last
    /// day the article named, which only the article can give (see [`resolve`]).
    Anaphor(i8),
    /// "two years later" (2), "a year earlier" (-1): a year counted from the last date the
    /// article named before it.
    YearsOn(i8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    Today,
    Yesterday,
    LastYear,
    ThisYear,
    NextYear,
    LastMonth,
    ThisMonth,
    NextMonth,
    /// "last week": the calendar week (Monday to Sunday) before the publication's.
    LastWeek,
    /// "this week", "earlier this week": the publication's week, up to its day.
    ThisWeek,
    NextWeek,
}

/// A date expression found in a sentence: token range and what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
    /// Introduced by "since": a standing state's start.
    pub since: bool,
}

/// Verbs of saying whose date is the saying's ("said on Friday", "announced Monday"), and
/// after which "that" opens what was said ("said the same evening that …").
pub(crate) const SAYING_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "announces",
    "told",
    "stated",
    "confirmed",
    "added",
    "reported",
    "noted",
    "tweeted",
    "posted",
    "wrote",
    "declared",
];

/// The months' English names, lowercase, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names ("March", "mar.", "Sept"), 1 to 12.
pub fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    // no allocation: every token of a sentence looked at is asked
    if w.len() < 3 || w.len() > 9 || !w.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let i = MONTHS.iter().position(|m| {
        m.eq_ignore_ascii_case(w)
            || (m.len() > w.len()
                && m.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                && (w.len() == 3 || w.eq_ignore_ascii_case("sept")))
    })?;
    Some(i as i8 + 1)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        "Sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn number(word: &str, lo: i64, hi: i64) -> Option<i64> {
    let w = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    if w.is_empty() || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = w.parse().ok()?;
    (lo..=hi).contains(&n).then_some(n)
}

fn year(word: &str) -> Option<i16> {
    (word.len() == 4)
        .then(|| number(word, 1500, 2199))
        .flatten()
        .map(|y| y as i16)
}

/// Every date expression in a sentence's tokens.
pub fn find(text: &str, toks: &[Tok]) -> Vec<Found> {
    let w = |i: usize| -> &str { toks.get(i).map(|t| &text[t.start..t.end]).unwrap_or("") };
    // each token lowercased once: the patterns look at a word and its neighbours many times
    let lw: Vec<String> = (0..toks.len()).map(|i| w(i).to_ascii_lowercase()).collect();
    let lower = |i: usize| -> &str { lw.get(i).map(String::as_str).unwrap_or("") };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let word = w(i);
        let prev = if i > 0 { lower(i - 1) } else { "" };
        // "since 1987", "relations date from 1987", "ties dating back to 1950"
        let prev2 = if i > 1 { lower(i - 2) } else { "" };
        let since = prev == "since"
            || matches!(prev, "from" | "to")
                && matches!(prev2, "date" | "dates" | "dated" | "dating" | "back");
        // Month-first: "April 10, 2025", "April 2025", "April 10", "in April"
        if let Some(m) = month(word).filter(|_| word.starts_with(char::is_uppercase)) {
            let is_may = word == "May";
            // "Oct. 25, 2005": an abbreviation's full stop is no break
            let n = if w(i + 1) == "." && word.len() <= 4 && number(w(i + 2), 1, 31).is_some() {
                i + 1
            } else {
                i
            };
            if let Some(d) = number(w(n + 1), 1, 31) {
                let (mut j, mut y) = (n + 1, None);
                let k = if w(n + 2) == "," { n + 3 } else { n + 2 };
                if let Some(yy) = year(w(k)) {
                    y = Some(yy);
                    j = k;
                }
                let expr = match y.and_then(|y| Day::new(y, m, d as i8).ok()) {
                    Some(day) => Expr::Full(day),
                    None if y.is_none() => Expr::MonthDay(m, d as i8),
                    None => {
                        i += 1;
                        continue;
                    }
                };
                out.push(Found {
                    first: i,
                    last: j,
                    expr,
                    since,
                });
                i = j + 1;
                continue;
            }
            if let Some(y) = year(w(i + 1)) {
                out.push(Found {
                    first: i,
                    last: i + 1,
                    expr: Expr::MonthYear(y, m),
                    since,
                });
                i += 2;
                continue;
            }
            if !is_may
                && matches!(
                    prev,
                    "in" | "since"
                        | "of"
                        | "during"
                        | "until"
                        | "by"
                        | "last"
                        | "next"
                        | "early"
                        | "late"
                        | "mid"
                        | "this"
                )
            {
                let expr = Expr::Month(m);
                out.push(Found {
                    first: i,
                    last: i,
                    expr,
                    since,
                });
                i += 1;
                continue;
            }
        }
        // Holidays that name a day: "New Year's Day 1979", "on Christmas Day"
        let holiday = match (lower(i), lower(i + 1), lower(i + 2), lower(i + 3)) {
            ("new", "year", "'s" | "’s", "day") => Some((1, 1, i + 3)),
            ("new", "year", "'s" | "’s", "eve") => Some((12, 31, i + 3)),
            ("christmas", "day" | "eve", _, _) => {
                Some((12, if lower(i + 1) == "day" { 25 } else { 24 }, i + 1))
            }
            _ => None,
        };
        if let Some((m, d, last)) = holiday {
            let k = if w(last + 1) == "," {
                last + 2
            } else {
                last + 1
            };
            let (expr, last) = match year(w(k)).and_then(|y| Day::new(y, m, d).ok()) {
                Some(day) => (Expr::Full(day), k),
                None => (Expr::MonthDay(m, d), last),
            };
            out.push(Found {
                first: i,
                last,
                expr,
                since,
            });
            i = last + 1;
            continue;
        }
        // Day-first: "10 April 2025", "10 April"
        if let Some(d) = number(word, 1, 31) {
            if let Some(m) = month(w(i + 1)).filter(|_| w(i + 1).starts_with(char::is_uppercase)) {
                if let Some(y) = year(w(i + 2)) {
                    if let Ok(day) = Day::new(y, m, d as i8) {
                        out.push(Found {
                            first: i,
                            last: i + 2,
                            expr: Expr::Full(day),
                            since,
                        });
                    }
                    i += 3;
                    continue;
                }
                out.push(Found {
                    first: i,
                    last: i + 1,
                    expr: Expr::MonthDay(m, d as i8),
                    since,
                });
                i += 2;
                continue;
            }
        }
        // ISO: 2025-04-10
        if word.len() == 10 && word.as_bytes()[4] == b'-' {
            if let Ok(day) = word.parse::<Day>() {
                out.push(Found {
                    first: i,
                    last: i,
                    expr: Expr::Full(day),
                    since,
                });
                i += 1;
                continue;
            }
        }
        if let Some(y) = year(word) {
            let next = lower(i + 1);
            if matches!(
                prev,
                "in" | "since"
                    | "of"
                    | "from"
                    | "during"
                    | "until"
                    | "year"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    // "restored step by step around 2014": the year, at its precision
                    | "around"
                    | "circa"
            ) && next != "s"
                && !w(i + 1).starts_with('-')
                // … not "around 2000 protesters"
                && !(matches!(prev, "around" | "circa")
                    && next.starts_with(char::is_alphanumeric)
                    && !matches!(next, "when" | "and" | "but" | "after" | "before" | "until"))
            {
                out.push(Found {
                    first: i,
                    last: i,
                    expr: Expr::Year(y),
                    since,
                });
                i += 1;
                continue;
            }
        }
        if let Some(wd) = weekday(word) {
            out.push(Found {
                first: i,
                last: i,
                expr: Expr::Weekday(wd),
                since,
            });
            i += 1;
            continue;
        }
        // "that day", "the same evening", "the next day", "a day later", "the day before"
        let anaphor = match (lower(i), lower(i + 1), lower(i + 2)) {
            ("that", "day" | "evening" | "morning" | "afternoon" | "night", _) => Some((0, 1)),
            ("that" | "the", "same", "day" | "evening" | "morning" | "afternoon" | "night") => {
                Some((0, 2))
            }
            ("the", "next" | "following", "day" | "morning") => Some((1, 2)),
            ("a", "day", "later") | ("the", "day", "after") => Some((1, 2)),
            ("a", "day", "earlier") | ("the", "previous", "day") => Some((-1, 2)),
            // a communique's "as of this day", "as from the same date"
            ("this", "day" | "date", _) if matches!(prev, "of" | "from") => Some((0, 1)),
            ("that", "date", _) => Some((0, 1)),
            ("the", "same", "date") => Some((0, 2)),
            ("the", "day", "before") if !matches!(lower(i + 3), "yesterday") => Some((-1, 2)),
            _ => None,
        };
        // "the same day that it became independent, on August 31": the day is the one the
        // clause names, not one told before; but in "said the same evening that his government
        // was …" the "that" is the saying's
        let said = SAYING_VERBS.contains(&prev);
        let anaphor = anaphor.filter(|(_, extra)| {
            said || !matches!(lower(i + extra + 1), "that" | "as" | "when" | "on")
        });
        // "two years later", "a year earlier"
        let count = match lower(i) {
            "a" | "one" => Some(1),
            "two" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            "five" => Some(5),
            "six" => Some(6),
            "seven" => Some(7),
            "eight" => Some(8),
            "nine" => Some(9),
            "ten" => Some(10),
            w => number(w, 1, 99),
        };
        let on = match (count, lower(i + 1), lower(i + 2)) {
            // "the following year", "the next year", "the previous year", "the same year"
            (_, "following" | "next", "year") if lower(i) == "the" => Some(1),
            (_, "previous", "year") if lower(i) == "the" => Some(-1),
            (_, "same", "year") if lower(i) == "the" => Some(0),
            (Some(1), "year", "later") => Some(1),
            (Some(1), "year", "earlier") => Some(-1),
            (Some(n), "years", "later") if n > 1 => Some(n as i8),
            (Some(n), "years", "earlier") if n > 1 => Some(-(n as i8)),
            _ => None,
        };
        if let Some(k) = on {
            out.push(Found {
                first: i,
                last: i + 2,
                expr: Expr::YearsOn(k),
                since,
            });
            i += 3;
            continue;
        }
        if let Some((k, extra)) = anaphor {
            out.push(Found {
                first: i,
                last: i + extra,
                expr: Expr::Anaphor(k),
                since,
            });
            i += 1 + extra;
            continue;
        }
        let rel = match (lower(i), lower(i + 1)) {
            ("yesterday", _) => Some((Rel::Yesterday, 0)),
            ("today", _) => Some((Rel::Today, 0)),
            ("last", "year") => Some((Rel::LastYear, 1)),
            ("this", "year") => Some((Rel::ThisYear, 1)),
            ("next", "year") => Some((Rel::NextYear, 1)),
            ("last", "month") => Some((Rel::LastMonth, 1)),
            ("this", "month") => Some((Rel::ThisMonth, 1)),
            ("next", "month") => Some((Rel::NextMonth, 1)),
            ("last", "week") => Some((Rel::LastWeek, 1)),
            ("this", "week") => Some((Rel::ThisWeek, 1)),
            ("next", "week") => Some((Rel::NextWeek, 1)),
            _ => None,
        };
        if let Some((r, extra)) = rel {
            out.push(Found {
                first: i,
                last: i + extra,
                expr: Expr::Rel(r),
                since,
            });
            i += 1 + extra;
            continue;
        }
        i += 1;
    }
    // "on Monday 22 September", "Thursday, Nov. 21, 2024": the weekday names the day the date
    // after it gives; the date alone is kept (it resolves where a weekday cannot, in an article
    // dated only by its month)
    if !out.iter().any(|f| matches!(f.expr, Expr::Weekday(_))) {
        return out;
    }
    let dated: Vec<usize> = out
        .iter()
        .filter(|f| matches!(f.expr, Expr::MonthDay(..) | Expr::Full(_)))
        .map(|f| f.first)
        .collect();
    out.retain(|f| {
        !(matches!(f.expr, Expr::Weekday(_))
            && (dated.contains(&(f.last + 1))
                || dated.contains(&(f.last + 2)) && lower(f.last + 1) == ","))
    });
    out
}

/// The years a date may have when it leaves the reader: those the ledger stores and
/// [`Date::first_day`] can build. "last year" read on 0001-01-01 or "next year" on 9999-12-31
/// fall outside and are left undated.
pub const YEARS: std::ops::RangeInclusive<i16> = 1..=9999;

/// Whether a date's year is in [`YEARS`].
pub fn storable(d: &Date) -> bool {
    YEARS.contains(&d.year_number())
}

/// Whether resolving the expression needs the publication date.
pub fn relative(e: Expr) -> bool {
    !matches!(e, Expr::Full(_) | Expr::MonthYear(..) | Expr::Year(_))
}

/// The date an expression names, given the publication date at its precision; `future` for
/// planned events. A publication month resolves "last year", "in December" and "this month"
/// but not "on Thursday"; a publication year only "last year" and the like: what the
/// publication date cannot settle stays unresolved, never guessed. Only dates in [`YEARS`]
/// come out: one at the calendar's edges ("last year" read in the year 1) is none; use
/// [`resolve_unbounded`] to say why.
pub fn resolve(e: Expr, published: Option<Date>, future: bool) -> Option<Date> {
    resolve_any(e, published, future).filter(storable)
}

/// [`resolve`], with `anchor`, the last day the article named before the expression, for
/// "that day" (the anchor), "the next day" and "the day before"; only a day counts from. Only
/// dates in [`YEARS`] come out.
pub fn resolve_in(
    e: Expr,
    published: Option<Date>,
    future: bool,
    anchor: Option<Date>,
) -> Option<Date> {
    resolve_unbounded(e, published, future, anchor).filter(storable)
}

/// [`resolve_in`] at the calendar's edges too: the year may fall outside [`YEARS`], for a note
/// that says so. Nothing it returns may leave the reader unchecked by [`storable`].
pub fn resolve_unbounded(
    e: Expr,
    published: Option<Date>,
    future: bool,
    anchor: Option<Date>,
) -> Option<Date> {
    match e {
        Expr::Anaphor(k) => anchor
            .filter(|a| a.precision() == Precision::Day)
            .and_then(|a| {
                a.first_day()
                    .checked_add(jiff::Span::new().days(i64::from(k)))
                    .ok()
            })
            .map(Date::from_day),
        Expr::YearsOn(k) => anchor.map(|a| Date::year(a.year_number() + i16::from(k))),
        e => resolve_any(e, published, future),
    }
}

/// [`resolve`] without the bound on years.
fn resolve_any(e: Expr, published: Option<Date>, future: bool) -> Option<Date> {
    match e {
        Expr::Full(d) => return Some(Date::from_day(d)),
        Expr::MonthYear(y, m) => return Date::from_month(y, m),
        Expr::Year(y) => return Some(Date::year(y)),
        // counted from an event of the article, not from its publication
        Expr::Anaphor(_) | Expr::YearsOn(_) => return None,
        _ => {}
    }
    let published = published?;
    match published.precision() {
        Precision::Day => resolve_from_day(e, published.first_day(), future),
        Precision::Month => {
            let (y, pm) = (published.year_number(), published.first_day().month());
            match e {
                Expr::Month(m) => Date::from_month(nearest_year(y, m.cmp(&pm), future), m),
                // "on 10 April" in an April article is that April's: a day of the month the
                // article appeared in (news gives the year of a day a year away)
                Expr::MonthDay(m, d) => {
                    let y = nearest_year(y, m.cmp(&pm), future);
                    Some(Date::from_day(Day::new(y, m, d).ok()?))
                }
                Expr::Rel(
                    Rel::LastYear
                    | Rel::ThisYear
                    | Rel::NextYear
                    | Rel::ThisMonth
                    | Rel::LastMonth
                    | Rel::NextMonth,
                ) => resolve_from_day(e, published.first_day(), future),
                _ => None,
            }
        }
        Precision::Year => match e {
            Expr::Rel(Rel::LastYear | Rel::ThisYear | Rel::NextYear) => {
                resolve_from_day(e, published.first_day(), future)
            }
            _ => None,
        },
    }
}

/// [`resolve`] for a publication day.
fn resolve_from_day(e: Expr, p: Day, future: bool) -> Option<Date> {
    let year = p.year();
    Some(match e {
        Expr::Full(d) => Date::from_day(d),
        Expr::MonthYear(y, m) => Date::from_month(y, m)?,
        Expr::Year(y) => Date::year(y),
        Expr::Anaphor(_) | Expr::YearsOn(_) => return None,
        Expr::MonthDay(m, d) => {
            let y = nearest_year(year, (m, d).cmp(&(p.month(), p.day())), future);
            Date::from_day(Day::new(y, m, d).ok()?)
        }
        Expr::Month(m) => Date::from_month(nearest_year(year, m.cmp(&p.month()), future), m)?,
        Expr::Weekday(wd) => {
            let mut d = p;
            if future {
                d = d.tomorrow().ok()?;
                while d.weekday() != wd {
                    d = d.tomorrow().ok()?;
                }
            } else {
                while d.weekday() != wd {
                    d = d.yesterday().ok()?;
                }
            }
            Date::from_day(d)
        }
        Expr::Rel(r) => match r {
            Rel::Today => Date::from_day(p),
            Rel::Yesterday => Date::from_day(p.yesterday().ok()?),
            Rel::LastYear => Date::year(year - 1),
            Rel::ThisYear => Date::year(year),
            Rel::NextYear => Date::year(year + 1),
            Rel::ThisMonth => Date::from_month(year, p.month())?,
            Rel::LastMonth => {
                let d = p.first_of_month().yesterday().ok()?;
                Date::from_month(d.year(), d.month())?
            }
            Rel::NextMonth => {
                let d = p.last_of_month().tomorrow().ok()?;
                Date::from_month(d.year(), d.month())?
            }
            // a week has no precision of its own: the month that holds all its days (up to the
            // publication day for this week), else the year, else nothing
            Rel::LastWeek | Rel::ThisWeek | Rel::NextWeek => {
                let monday = p
                    .checked_sub(
                        jiff::Span::new().days(i64::from(p.weekday().to_monday_zero_offset())),
                    )
                    .ok()?;
                let (from, to) = match r {
                    Rel::LastWeek => (
                        monday.checked_sub(jiff::Span::new().days(7)).ok()?,
                        monday.yesterday().ok()?,
                    ),
                    Rel::ThisWeek => (monday, p),
                    _ => (
                        monday.checked_add(jiff::Span::new().days(7)).ok()?,
                        monday.checked_add(jiff::Span::new().days(13)).ok()?,
                    ),
                };
                if (from.year(), from.month()) == (to.year(), to.month()) {
                    Date::from_month(from.year(), from.month())?
                } else if from.year() == to.year() {
                    Date::year(from.year())
                } else {
                    return None;
                }
            }
        },
    })
}

/// The year of a month (and day) without one: `order` is how it compares with the publication
/// date within the publication year. Past events take the latest such date on or before
/// publication, plans the next one on or after it.
fn nearest_year(year: i16, order: std::cmp::Ordering, future: bool) -> i16 {
    use std::cmp::Ordering::{Greater, Less};
    match (order, future) {
        (Greater, false) => year - 1,
        (Less, true) => year + 1,
        _ => year,
    }
}

/// The first full date in a line of text ("April 11, 2025, 5:32 AM", "11 April 2025",
/// "2025-04-11"): for header lines.
pub fn first_full_date(line: &str) -> Option<Day> {
    let toks = crate::text::tokens(line, 0, line.len());
    find(line, &toks).into_iter().find_map(|f| match f.expr {
        Expr::Full(d) => Some(d),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str, published: &str, future: bool) -> Option<String> {
        let toks = crate::text::tokens(s, 0, s.len());
        let f = find(s, &toks);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        resolve(f[0].expr, published.parse::<Date>().ok(), future).map(|d| d.to_string())
    }

    #[test]
    fn resolves_against_the_publication_date() {
        let p = "2025-04-11"; // a Friday
        assert_eq!(
            one("took place on Thursday", p, false).unwrap(),
            "2025-04-10"
        );
        assert_eq!(one("announced on Friday", p, false).unwrap(), "2025-04-11");
        assert_eq!(one("will meet on Friday", p, true).unwrap(), "2025-04-18");
        assert_eq!(one("Last year, Seoul", p, false).unwrap(), "2024");
        assert_eq!(one("ousted in December", p, false).unwrap(), "2024-12");
        assert_eq!(one("ties since 1987", p, false).unwrap(), "1987");
        assert_eq!(one("on 10 April 2025", p, false).unwrap(), "2025-04-10");
        assert_eq!(one("on April 10, 2025", p, false).unwrap(), "2025-04-10");
        assert_eq!(one("in February 2024", p, false).unwrap(), "2024-02");
        assert_eq!(one("on 14 February", p, false).unwrap(), "2025-02-14");
        assert_eq!(one("on 20 April", p, false).unwrap(), "2024-04-20");
        assert_eq!(one("earlier this month", p, false).unwrap(), "2025-04");
        assert_eq!(one("on Thursday", "", false), None);
        assert_eq!(one("as of Oct. 25, 2005", p, false).unwrap(), "2005-10-25");
        assert_eq!(one("on Sept. 3", p, false).unwrap(), "2024-09-03");
    }

    #[test]
    fn a_publication_month_or_year_resolves_only_what_it_can() {
        let m = "2025-04";
        assert_eq!(one("took place on Thursday", m, false), None);
        assert_eq!(one("announced yesterday", m, false), None);
        assert_eq!(one("Last year, Seoul", m, false).unwrap(), "2024");
        assert_eq!(one("ousted in December", m, false).unwrap(), "2024-12");
        assert_eq!(one("signed in April", m, false).unwrap(), "2025-04");
        assert_eq!(one("on 14 February", m, false).unwrap(), "2025-02-14");
        assert_eq!(one("on 20 May", m, false).unwrap(), "2024-05-20");
        // an April day in an April article is that April's (news gives the year of a day a
        // year away)
        assert_eq!(one("on 10 April", m, false).unwrap(), "2025-04-10");
        assert_eq!(one("will meet on 10 April", m, true).unwrap(), "2025-04-10");
        assert_eq!(one("earlier this month", m, false).unwrap(), "2025-04");
        assert_eq!(one("on 10 April 2025", m, false).unwrap(), "2025-04-10");
        let y = "2025";
        assert_eq!(one("Last year, Seoul", y, false).unwrap(), "2024");
        assert_eq!(one("ousted in December", y, false), None);
        assert_eq!(one("earlier this month", y, false), None);
        assert_eq!(one("ties since 1987", y, false).unwrap(), "1987");
        assert_eq!(one("ties since 1987", "", false).unwrap(), "1987");
    }

    #[test]
    fn a_week_is_the_month_or_year_that_holds_it() {
        let thu = "2021-05-06"; // a Thursday
        assert_eq!(one("met last week", thu, false).unwrap(), "2021"); // 26 April – 2 May
        assert_eq!(one("met earlier this week", thu, false).unwrap(), "2021-05");
        assert_eq!(one("will meet next week", thu, true).unwrap(), "2021-05");
        assert_eq!(
            one("met last week", "2021-05-20", false).unwrap(),
            "2021-05"
        );
        // 27 December 2021 – 2 January 2022: no month, no year holds it
        assert_eq!(one("met last week", "2022-01-05", false), None);
        assert_eq!(one("met last week", "2021-05", false), None);
    }

    /// The one date expression in `s`, resolved from `anchor` with no publication date.
    fn counted(s: &str, anchor: Option<Date>) -> Option<String> {
        let f = find(s, &crate::text::tokens(s, 0, s.len()));
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        resolve_in(f[0].expr, None, false, anchor).map(|d| d.to_string())
    }

    #[test]
    fn that_day_counts_from_the_last_day_named() {
        let toks = |s: &str| crate::text::tokens(s, 0, s.len());
        let anchor = "2022-03-09".parse::<Date>().ok();
        for (s, want) in [
            ("said the same evening that", Some("2022-03-09")),
            ("a day later", Some("2022-03-10")),
            ("the day before", Some("2022-03-08")),
            ("as of this day", Some("2022-03-09")),
        ] {
            assert_eq!(counted(s, anchor).as_deref(), want, "{s}");
        }
        // "the same day that it became independent": the day the clause names
        let s = "the same day that it became independent";
        assert!(find(s, &toks(s)).is_empty());
        // only a day counts from
        let f = find("that day", &toks("that day"));
        assert_eq!(
            resolve_in(f[0].expr, None, false, "2022-03".parse().ok()),
            None
        );
    }

    #[test]
    fn years_later_count_from_the_date_named_before() {
        let toks = |s: &str| crate::text::tokens(s, 0, s.len());
        let anchor = "2016".parse::<Date>().ok();
        for (s, want) in [
            ("two years later", Some("2018")),
            ("a year earlier", Some("2015")),
            ("the following year", Some("2017")),
            ("the previous year", Some("2015")),
            ("the same year", Some("2016")),
            ("12 years later", Some("2028")),
        ] {
            assert_eq!(counted(s, anchor).as_deref(), want, "{s}");
            // with nothing to count from, no date
            let f = find(s, &toks(s));
            assert_eq!(
                resolve_in(f[0].expr, "2024-01-01".parse().ok(), false, None),
                None
            );
        }
        // "around 2014" is a year; "around 2000 protesters" is a number
        assert_eq!(one("restored around 2014.", "", false).unwrap(), "2014");
        let s = "around 2000 protesters";
        assert!(find(s, &toks(s)).is_empty());
    }

    /// Issue 11: "next year" on 9999-12-31 made year 10000, whose first day panics in the
    /// checker; "last year" on 0001-01-01 made year 0, which the ledger refuses.
    #[test]
    fn edges_of_the_calendar_resolve_outside_the_storable_years() {
        let out = |s: &str, p: &str, future: bool| {
            let toks = crate::text::tokens(s, 0, s.len());
            let f = find(s, &toks);
            let p = p.parse().ok();
            let got = resolve_unbounded(f[0].expr, p, future, None);
            // what leaves for the rules is only ever a storable date
            assert_eq!(resolve(f[0].expr, p, future), got.filter(storable));
            got.map(|d| (storable(&d), d.year_number()))
        };
        assert_eq!(out("next year", "9999-12-31", false), Some((false, 10000)));
        assert_eq!(out("last year", "0001-01-01", false), Some((false, 0)));
        assert_eq!(out("last year", "9999-12-31", false), Some((true, 9998)));
        assert_eq!(out("in December", "0001-01-01", false), None);
        assert_eq!(out("in December", "9999-12-31", true), Some((true, 9999)));
        assert_eq!(out("in January", "9999-12-31", true), Some((false, 10000)));
        assert_eq!(out("on 14 February", "0001-01-01", false), Some((false, 0)));
        assert_eq!(out("next month", "9999-12-31", false), None);
        // the CI fuzz finding: "30 July" (or "the day before") in an article of the year 1
        // dated an event 0000-07-30 through the rules that date a statement's continuation
        assert_eq!(out("on 30 July", "0001-03-05", false), Some((false, 0)));
        let toks = crate::text::tokens("the day before", 0, 14);
        let f = find("the day before", &toks);
        let anchor = "0001-01-01".parse().ok();
        assert_eq!(resolve_in(f[0].expr, None, false, anchor), None);
        assert!(resolve_unbounded(f[0].expr, None, false, anchor).is_some());
        assert_eq!(out("on Thursday", "0001-01-01", false), Some((false, 0)));
        assert_eq!(out("on 0000-01-05", "2025-01-01", false), Some((false, 0)));
    }

    #[test]
    fn holidays_name_their_day() {
        assert_eq!(
            one(
                "relations established on New Year's Day 1979",
                "2019-09-28",
                false
            )
            .as_deref(),
            Some("1979-01-01")
        );
        assert_eq!(
            one("the embassy opened on Christmas Day", "2019-12-28", false).as_deref(),
            Some("2019-12-25")
        );
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        let s = "They may establish ties in 2026.";
        let toks = crate::text::tokens(s, 0, s.len());
        assert_eq!(find(s, &toks).len(), 1);
    }

    #[test]
    fn header_dates() {
        assert_eq!(
            first_full_date("Quote from Alex bobby on April 11, 2025, 5:32 AM")
                .unwrap()
                .to_string(),
            "2025-04-11"
        );
    }
}
