//! Events against the graph: `new`, `corroborated` (same event, agreeing date), or `conflict`
//! (the graph has the event at another date, or a status the event contradicts).

use diplograph_graph::{Entry, Graph};
use diplograph_model::{Date, Day, Event, Precision};
use diplograph_read::ReadEvent;

use crate::{entry_evidence, name, CheckedEvent, EventStatus};

/// The status of every asserted or reported event. Only relations events (establish, restore,
/// sever, suspend, recognize, withdraw_recognition) are in the graph; the others are `new` to it.
pub(crate) fn statuses(
    events: &[ReadEvent],
    graph: &Graph,
    published: Option<Date>,
) -> Vec<CheckedEvent> {
    events
        .iter()
        .filter(|e| e.modality.happened())
        .map(|e| status(e, graph, published))
        .collect()
}

/// How many days before publication an act told as just done ("have restored relations") may
/// have happened: news reports what happened in the days before it.
const JUST_DONE_DAYS: i64 = 31;

/// Whether the article tells the act as just done, in the present perfect: "Bogotá and Caracas
/// have restored relations", "Mexico has formally broken off ties".
fn just_done(e: &ReadEvent) -> bool {
    let adverb = |w: &str| {
        matches!(
            w,
            "now" | "formally" | "officially" | "just" | "finally" | "also" | "again"
        )
    };
    before_trigger(e, |words| {
        let before: Vec<&String> = words.iter().rev().take(3).collect();
        match before.as_slice() {
            [h, ..] if *h == "has" || *h == "have" => true,
            [a, h, ..] if adverb(a) && (*h == "has" || *h == "have") => true,
            _ => false,
        }
    })
}

/// Whether `test` holds of the lowercased words before the trigger in any sentence that
/// states `e`.
fn before_trigger(e: &ReadEvent, test: impl Fn(&[String]) -> bool) -> bool {
    e.evidence.iter().any(|v| {
        v.text.find(&v.trigger).is_some_and(|at| {
            let words: Vec<String> = v.text[..at]
                .split_whitespace()
                .map(|w| w.to_lowercase())
                .collect();
            test(&words)
        })
    })
}

/// How many days an act may fall from the day the article says it was announced or agreed.
const ANNOUNCED_DAYS: i32 = 7;

/// Whether the article's date for `e` is the day it was announced or agreed: a verb of saying
/// or agreeing right before the date in the clause that tells the act ("announced on Monday
/// that …", "agreed on Thursday to establish …", "said on Wednesday that they are restoring").
fn announced(e: &ReadEvent) -> bool {
    before_trigger(e, |words| {
        // the verb, then "on" and the day ("on Monday", "on 23 March") within a few words
        words.iter().enumerate().any(|(i, w)| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "announced" | "said" | "agreed" | "declared" | "confirmed" | "announces" | "says"
            ) && words.get(i + 1).is_some_and(|x| x == "on")
                && words.len() - i <= 12
        })
    })
}

fn status(e: &ReadEvent, graph: &Graph, published: Option<Date>) -> CheckedEvent {
    let [a, b] = e.actors;
    let done = |status, explanation: String, known| CheckedEvent {
        event: e.clone(),
        status,
        explanation,
        known,
    };
    let Some(kind) = e.kind.ledger_event() else {
        return done(
            EventStatus::New,
            format!("the graph keeps no {} events", e.kind.as_str()),
            vec![],
        );
    };
    let Some(pair) = graph.pair(a, b) else {
        return done(
            EventStatus::New,
            format!(
                "the graph has no fact about {} and {}",
                name(graph, a),
                name(graph, b)
            ),
            vec![],
        );
    };
    // a break is one event whoever the source names first ("Saudi Arabia severed relations with
    // Iran" is the row of Iran's table); who recognised whom is not
    let one_sided = matches!(kind, Event::Recognize | Event::WithdrawRecognition);
    let same_kind = |x: &&Entry| same_act(x.event, kind) && (!one_sided || (x.a == a && x.b == b));
    let agreeing: Vec<&Entry> = pair
        .entries
        .iter()
        .filter(same_kind)
        .filter(|x| e.date.is_none_or(|d| d.agrees_with(&x.date)))
        .collect();
    // an undated break or restoration may be another one than the graph's: relations can be
    // broken and restored more than once ("restored ties on Monday" in an undated article is
    // not the restoration of 2002)
    let repeatable = matches!(
        kind,
        Event::Sever | Event::Suspend | Event::Restore | Event::Interrupted
    );
    // "… have restored full relations" in an article of 29 August, where the graph has the
    // restoration in the month before: the act the article reports as just done
    let recent: Vec<&Entry> = match published.filter(|_| e.date.is_none() && just_done(e)) {
        Some(p) => agreeing
            .iter()
            .copied()
            .filter(|x| {
                x.date.first_day() <= p.last_day()
                    && p.first_day()
                        .checked_sub(jiff::Span::new().days(JUST_DONE_DAYS))
                        .is_ok_and(|from| from <= x.date.last_day())
            })
            .collect(),
        None => Vec::new(),
    };
    if let [x] = recent.as_slice() {
        return done(
            EventStatus::Corroborated,
            format!(
                "the article tells it as just done, without a date; the graph has it on {}, within {JUST_DONE_DAYS} days before the article ({})",
                x.date,
                published.map_or(String::new(), |p| p.to_string())
            ),
            vec![entry_evidence(graph, x)],
        );
    }
    if e.date.is_none() && repeatable && !agreeing.is_empty() {
        let dates: Vec<String> = agreeing.iter().map(|x| x.date.to_string()).collect();
        return done(
            EventStatus::New,
            format!(
                "the article gives no date; the graph has a {kind} of {} and {} on {}, which may be another one",
                name(graph, a),
                name(graph, b),
                dates.join(", ")
            ),
            agreeing.iter().map(|x| entry_evidence(graph, x)).collect(),
        );
    }
    // the graph's sources disagree on the date of this very act: one has the article's date,
    // another one months away, with no other act of the pair between them (Egypt's table has
    // Iran's break in 1980, Iran's table on 1979-04-30): both sides shown, never a confirmation
    // (a year against a day in another year: two stages of one act, an agreement and the
    // ambassadors' return, both have days or months of their own)
    if let (Some(d), Some(x)) = (
        e.date,
        agreeing
            .iter()
            .find(|x| x.date.precision() == Precision::Year && x.event == kind),
    ) {
        let apart = pair.entries.iter().filter(same_kind).find(|y| {
            y.event == kind
                && y.date.precision() == Precision::Day
                && !d.agrees_with(&y.date)
                && crate::refute::gap_days(&x.date, &y.date) > crate::refute::STAGES_DAYS
                && (x.date.year_number() - y.date.year_number()).abs() <= 2
                && !pair.entries.iter().any(|z| {
                    z.event != y.event
                        && !same_act(z.event, kind)
                        && z.date.first_day() > x.date.first_day().min(y.date.first_day())
                        && z.date.last_day() < x.date.last_day().max(y.date.last_day())
                })
        });
        if let Some(y) = apart {
            return done(
                EventStatus::Conflict,
                format!(
                    "the graph's sources disagree on the date of this {kind}: {} (as the article) and {}",
                    x.date, y.date
                ),
                vec![entry_evidence(graph, x), entry_evidence(graph, y)],
            );
        }
    }
    if let Some(x) = agreeing.first() {
        let mut how = match e.date {
            Some(d) if d.precision() < x.date.precision() => {
                format!("the graph has it on {}, within the article's {d}", x.date)
            }
            Some(_) => format!("the graph has it on {}", x.date),
            None => format!("the article gives no date; the graph has it on {}", x.date),
        };
        if x.event != kind {
            let word = if x.event == Event::Suspend {
                "suspension"
            } else {
                "severance"
            };
            how.push_str(&format!(" (its source calls it a {word})"));
        }
        return done(
            EventStatus::Corroborated,
            how,
            agreeing.iter().map(|x| entry_evidence(graph, x)).collect(),
        );
    }
    // A day apart: the day a government announced an act and the day it took effect, or the
    // same hour told in two time zones ("Taipei said on Wednesday that it was ending relations"
    // where the graph has São Tomé's announcement of the Tuesday)
    // the one entry of the kind dated to the day, `days` (or, with `within`, at most `days`)
    // from the article's day `d`
    let days_off = |d: Date, days: i32, within: bool| -> Option<&Entry> {
        let near: Vec<&Entry> = pair
            .entries
            .iter()
            .filter(same_kind)
            .filter(|x| {
                let gap = (x.date.first_day() - d.first_day()).get_days().abs();
                x.date.precision() == Precision::Day && (gap == days || within && gap <= days)
            })
            .collect();
        match near.as_slice() {
            [x] => Some(*x),
            _ => None,
        }
    };
    if let Some(d) = e.date.filter(|d| d.precision() == Precision::Day) {
        if let Some(x) = days_off(d, 1, false) {
            let side = if x.date.first_day() < d.first_day() {
                "earlier"
            } else {
                "later"
            };
            return done(
                EventStatus::Corroborated,
                format!(
                    "the graph has it on {}, a day {side} than the article's {d}: an act announced one day and taking effect the next, or told in another time zone",
                    x.date
                ),
                vec![entry_evidence(graph, x)],
            );
        }
    }
    // Within a week of a day the article gives as the one an act was announced or agreed
    // ("announced on Monday that his government had established relations", "agreed on
    // Thursday to establish full relations", where the graph has the act six days before or
    // after): the article dates the announcement, and the graph's act is the one it announced
    if let Some(d) = e
        .date
        .filter(|d| d.precision() == Precision::Day && announced(e))
    {
        if let Some(x) = days_off(d, ANNOUNCED_DAYS, true) {
            let days = (x.date.first_day() - d.first_day()).get_days();
            let side = if days < 0 { "before" } else { "after" };
            return done(
                EventStatus::Corroborated,
                format!(
                    "the graph has it on {}, {} days {side} the announcement or agreement the article dates {d}",
                    x.date,
                    days.abs()
                ),
                vec![entry_evidence(graph, x)],
            );
        }
    }
    // The same day under another name: "Nauru switched to Beijing" or "established ties with
    // China" where the graph has a restoration (relations that had existed before); "switched
    // recognition from Taipei to Beijing" where the graph keeps the partners of Taiwan and China
    // as relations (withdrawing recognition is the break, recognising the establishment)
    let also: &[Event] = match kind {
        Event::Establish => &[Event::Restore],
        Event::WithdrawRecognition => &[Event::Sever],
        Event::Recognize => &[Event::Establish, Event::Restore],
        _ => &[],
    };
    if let Some(d) = e.date.filter(|_| !also.is_empty()) {
        let same_day: Vec<&Entry> = pair
            .entries
            .iter()
            .filter(|x| also.contains(&x.event) && d.agrees_with(&x.date))
            .collect();
        if let Some(x) = same_day.first() {
            let how = match (kind, x.event) {
                (Event::Establish, _) => "as a restoration: they had had relations before",
                (_, Event::Sever) => "as relations broken: they keep no separate recognition",
                _ => "as relations established: they keep no separate recognition",
            };
            return done(
                EventStatus::Corroborated,
                format!(
                    "the graph has it on {} {how} ({} and {})",
                    x.date,
                    name(graph, a),
                    name(graph, b)
                ),
                same_day.iter().map(|x| entry_evidence(graph, x)).collect(),
            );
        }
    }
    let other: Vec<&Entry> = pair.entries.iter().filter(same_kind).collect();
    if !other.is_empty() {
        let dates: Vec<String> = other.iter().map(|x| x.date.to_string()).collect();
        return done(
            EventStatus::Conflict,
            format!(
                "the article dates it {}; the graph has it on {}",
                e.date.map_or("-".to_string(), |d| d.to_string()),
                dates.join(", ")
            ),
            other.iter().map(|x| entry_evidence(graph, x)).collect(),
        );
    }
    // a first establishment when the graph knows relations earlier is a conflict too
    if let (Event::Establish, Some(d)) = (kind, e.date) {
        let earlier: Vec<&Entry> = pair
            .entries
            .iter()
            .filter(|x| {
                matches!(
                    x.event,
                    Event::Establish | Event::Relations | Event::Restore
                ) && x.date.last_day() < d.first_day()
            })
            .collect();
        if !earlier.is_empty() {
            return done(
                EventStatus::Conflict,
                format!(
                    "the article dates the establishment {d}, but the graph has relations by {}",
                    earlier[0].date
                ),
                earlier.iter().map(|x| entry_evidence(graph, x)).collect(),
            );
        }
    }
    done(
        EventStatus::New,
        format!(
            "the graph knows no {} between {} and {}",
            e.kind.as_str(),
            name(graph, a),
            name(graph, b)
        ),
        vec![],
    )
}

/// The day the graph has an undated event `e` happen by `as_of`: the latest entry of its kind
/// between its states whose date begins on or before that day.
pub(crate) fn happened_by(e: &CheckedEvent, graph: &Graph, as_of: Day) -> Option<Date> {
    let kind = e.event.kind.ledger_event()?;
    let [a, b] = e.event.actors;
    let one_sided = matches!(kind, Event::Recognize | Event::WithdrawRecognition);
    graph
        .pair(a, b)?
        .entries
        .iter()
        .filter(|x| same_act(x.event, kind) && (!one_sided || (x.a == a && x.b == b)))
        // a month or year that holds the day counts: "2022-08" for an article of 29 August
        .filter(|x| x.set_aside.is_none() && x.date.first_day() <= as_of)
        .map(|x| x.date)
        .max()
}

/// Whether the graph's `entry` event may be the act an article tells as `told`: the same kind,
/// or a break told as a severance where its source says suspension, or the reverse ("Canada
/// cut ties with Iran" of the day its minister said relations were suspended). Sources use the
/// two words for one act; a break's date is what they agree on.
fn same_act(entry: Event, told: Event) -> bool {
    let is_break = |e| matches!(e, Event::Sever | Event::Suspend);
    entry == told || is_break(entry) && is_break(told)
}
