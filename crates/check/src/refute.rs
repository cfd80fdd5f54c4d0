//! When a disagreement between an article and the graph is strong enough to refute the article.
//!
//! A refutation is published as a correction, so it needs evidence that contradicts the claim
//! as worded. An article's date for an event disagreeing with the graph's is not enough by
//! itself: the event may be another one of its kind (relations broken twice), another stage of
//! the same one (announced, signed, in force), or the date may belong to something else the
//! sentence names (a convention "of April 18, 1961"); and the graph's own date may rest on one
//! publisher, or on sources that disagree among themselves. Each of these makes the verdict
//! `not_enough_info`, with both sides shown; [`pair_date`] says which.

use std::sync::OnceLock;

use diplograph_graph::{Entry, Graph};
use diplograph_model::{Date, Day, Event};
use diplograph_read::Lexicon;
use regex::Regex;

use crate::{name, CheckedEvent};

/// How far apart, in days, two stages of one agreement can fall (an announcement and the
/// signing, the signing and the exchange of notes): UAE–Israel, announced 13 August 2020 and
/// signed 15 September 2020.
pub(crate) const STAGES_DAYS: i64 = 92;

/// Years within which the graph's break or restoration is taken for the one the article dates.
const SAME_EVENT_YEARS: i16 = 2;

pub(crate) fn days(d: Day) -> i64 {
    // leap days of the years before this one, then the day of this year
    let y = i64::from(d.year());
    y * 365 + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400 + i64::from(d.day_of_year())
}

/// Days between two dates at their precision: zero when their spans overlap.
pub(crate) fn gap_days(a: &Date, b: &Date) -> i64 {
    gap(a, b)
}

/// Days between two dates at their precision: zero when their spans overlap.
fn gap(a: &Date, b: &Date) -> i64 {
    let (a0, a1) = (days(a.first_day()), days(a.last_day()));
    let (b0, b1) = (days(b.first_day()), days(b.last_day()));
    if a1 < b0 {
        b0 - a1
    } else if b1 < a0 {
        a0 - b1
    } else {
        0
    }
}

/// The distinct publishers behind an entry: "AP (via CityNews Toronto)" is AP; a dataset row
/// without a publisher counts by its citation's dataset.
pub(crate) fn publishers(e: &Entry) -> Vec<String> {
    let mut out: Vec<String> = e
        .sources
        .iter()
        .map(|s| {
            let p = if s.source.publisher.trim().is_empty() {
                s.source
                    .citation
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_string()
            } else {
                s.source.publisher.to_string()
            };
            p.split(" (").next().unwrap_or("").trim().to_lowercase()
        })
        .filter(|p| !p.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn treaty() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)\b(convention|treaty|charter|protocol|accords?|act|declaration|resolution|communiqu[eé])\b[^;]{0,80}?\b(\d{4})\b")
            .expect("treaty pattern")
    })
}

fn clause_boundary() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i);|:\s|,\s*(?:and|but|while|whereas|although|though|which|who|after|before|when|as)\b|\s(?:and|but)\s+(?:then\s+)?(?:it|they|he|she)\s")
            .expect("clause pattern")
    })
}

/// The byte span, in the article, of the clause of the event's first sentence that holds its
/// trigger word.
fn trigger_clause(e: &CheckedEvent) -> (usize, usize) {
    let ev = &e.event.evidence[0];
    let s = ev.text.as_str();
    let t = s
        .to_lowercase()
        .find(&ev.trigger.to_lowercase())
        .unwrap_or(0);
    let mut start = 0;
    let mut end = s.len();
    for m in clause_boundary().find_iter(s) {
        if m.end() <= t {
            start = m.end();
        } else if m.start() >= t + ev.trigger.len() {
            end = m.start();
            break;
        }
    }
    (ev.start + start, ev.start + end)
}

/// `Ok` when the article's date for `e`, which the graph has at another date (`e.status` is a
/// conflict), may be published as refuted; otherwise why not.
pub(crate) fn pair_date(
    text: &str,
    e: &CheckedEvent,
    all: &[CheckedEvent],
    graph: &Graph,
    lex: &Lexicon,
) -> Result<(), String> {
    let Some(kind) = e.event.kind.ledger_event() else {
        return Err("the graph keeps no such events".into());
    };
    let Some(date) = e.event.date else {
        return Err("the article gives no date".into());
    };
    // the article itself tells another act of the kind between the two, on the graph's date:
    // "have established relations at the level of nunciature and embassy … had already set up
    // relations in 1990, with mere representative offices" tells two stages, and the graph's
    // one contradicts neither
    let pair_of = |x: &CheckedEvent| {
        let [p, q] = x.event.actors;
        (p.min(q), p.max(q))
    };
    if let Some(other) = all.iter().find(|x| {
        x.event.kind == e.event.kind
            && pair_of(x) == pair_of(e)
            && x.event.date != e.event.date
            && matches!(x.status, crate::EventStatus::Corroborated)
    }) {
        return Err(format!(
            "the article tells two of them, this one and the one of {} that the graph has: another stage or level of the relations",
            other.event.date.map_or("no date".to_string(), |d| d.to_string())
        ));
    }
    let [a, b] = e.event.actors;
    let Some(pair) = graph.pair(a, b) else {
        return Err("the graph has no fact about the pair".into());
    };
    let same: Vec<&Entry> = pair
        .entries
        .iter()
        .filter(|x| {
            x.event == kind
                && (!matches!(kind, Event::Recognize | Event::WithdrawRecognition)
                    || (x.a == a && x.b == b))
        })
        .collect();
    // one of the graph's sources has the article's date, another one months away
    if let Some(x) = same.iter().find(|x| x.date.agrees_with(&date)) {
        let others: Vec<String> = same
            .iter()
            .filter(|y| !y.date.agrees_with(&date))
            .map(|y| y.date.to_string())
            .collect();
        return Err(format!(
            "the graph's own sources disagree: one has {} as the article does, another {}",
            x.date,
            others.join(", ")
        ));
    }
    let dates = |xs: &[&Entry]| {
        xs.iter()
            .map(|x| x.date.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    // the entries the article's date disagrees with
    let deciding: Vec<&Entry> = if same.is_empty() {
        // an establishment later than relations the graph already has
        pair.entries
            .iter()
            .filter(|x| {
                matches!(
                    x.event,
                    Event::Establish | Event::Relations | Event::Restore
                ) && x.date.last_day() < date.first_day()
            })
            .collect()
    } else {
        same.clone()
    };
    let Some(first) = deciding.first() else {
        return Err("the graph has no dated fact it disagrees with".into());
    };
    if matches!(
        kind,
        Event::Sever | Event::Suspend | Event::Restore | Event::Interrupted
    ) {
        let near = same
            .iter()
            .any(|x| (x.date.year_number() - date.year_number()).abs() <= SAME_EVENT_YEARS);
        if !near {
            return Err(format!(
                "relations can be broken and restored more than once: the graph has this {kind} on {}, and may lack the one the article dates {date}",
                dates(&same)
            ));
        }
    }
    if !same.is_empty() {
        if let Some(x) = same.iter().find(|x| gap(&x.date, &date) <= STAGES_DAYS) {
            return Err(format!(
                "an announcement, a signing and an entry into force can fall on different days: the article's {date} is within three months of the graph's {}",
                x.date
            ));
        }
        let mut distinct: Vec<String> = same.iter().map(|x| x.date.to_string()).collect();
        distinct.dedup();
        if distinct.len() > 1 {
            return Err(format!(
                "the graph's own sources disagree on the date: {}",
                distinct.join(", ")
            ));
        }
    }
    let who = publishers(first);
    if who.len() < 2 {
        return Err(format!(
            "the graph's {} rests on one publisher ({})",
            first.date,
            who.first().map_or("a dataset", String::as_str)
        ));
    }
    // the date and both states must stand in the clause that states the event
    let (cs, ce) = trigger_clause(e);
    let clause = &text[cs..ce];
    let year = date.year_number().to_string();
    if !clause.contains(&year) {
        return Err(format!(
            "the article's {date} is not stated in the clause that reports the event (\"{}\")",
            clause.trim()
        ));
    }
    let named: Vec<_> = lex
        .states_in(text, cs, ce)
        .into_iter()
        .map(|x| x.2)
        .collect();
    for c in [a, b] {
        if !named.contains(&c) {
            return Err(format!(
                "{} is not named in the clause that dates the event (\"{}\")",
                name(graph, c),
                clause.trim()
            ));
        }
    }
    if let Some(m) = treaty().captures_iter(clause).find(|c| c[2] == year) {
        return Err(format!(
            "the {year} in the sentence may date the {} it names, not the event",
            m[1].to_lowercase()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_respect_precision() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(gap(&d("2020-08-13"), &d("2020-08-13")), 0);
        assert_eq!(gap(&d("2020-08"), &d("2020-08-31")), 0);
        let g = gap(&d("2020-08-13"), &d("2020-09-15"));
        assert!((32..=34).contains(&g), "{g}");
        assert!(gap(&d("1990"), &d("1992-08-24")) > 365);
    }
}
