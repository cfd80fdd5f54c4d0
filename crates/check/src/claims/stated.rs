//! Counts a source stated: "145 of the 193 UN members recognise Palestine" (20 Minutes, 28 May
//! 2024) decides a claim of the same count a few days later, where the graph assembles fewer
//! recognitions pair by pair.
//!
//! A stated count is used only when it is recent (at most [`RECENT_DAYS`] before the day checked)
//! and the graph knows no change of the state's partners or recognisers since it: otherwise it
//! counts another set. It supports a claim, or leaves it undecided with both counts shown; it
//! never refutes one, since sources count by different conventions (UN members or all states,
//! recognitions withdrawn or "frozen").

use diplograph_graph::{Graph, Relations};
use diplograph_model::{Day, Event, SetFact, Universe};

use crate::refute::days;
use crate::{name, Evidence};
use diplograph_graph::Cited;

/// How old a stated count may be, in days before the day checked.
pub(crate) const RECENT_DAYS: i64 = 45;

/// The newest count a source stated of `rel`'s state in a universe the claim may mean, recent
/// and with no change the graph knows between it and `as_of`.
pub(crate) fn recent<'r>(
    graph: &Graph,
    rel: &'r Relations,
    as_of: Day,
    claimed: Universe,
    recognition: bool,
) -> Option<&'r SetFact> {
    let fits = |u: Universe| match claimed {
        Universe::Un => u == Universe::Un,
        // "145 countries recognise Palestine": sources often count UN members only
        Universe::All => u == Universe::All || (recognition && u == Universe::Un),
        Universe::Nonun => u == Universe::Nonun,
    };
    let stated = rel
        .stated_counts
        .iter()
        .filter(|s| s.count.is_some() && fits(s.universe))
        .find(|s| s.as_of.first_day() <= as_of)?;
    let since = stated.as_of.first_day();
    if days(as_of) - days(since.min(as_of)) > RECENT_DAYS + 31 {
        return None;
    }
    if days(as_of) - days(stated.as_of.last_day().min(as_of)) > RECENT_DAYS {
        return None;
    }
    // a change after the count was stated: the count is of another set
    let changed = graph.states().all().iter().any(|s| {
        graph.pair(rel.state, s.code).is_some_and(|p| {
            p.entries.iter().any(|e| {
                let relevant = if recognition {
                    matches!(e.event, Event::Recognize | Event::WithdrawRecognition)
                        && e.b == rel.state
                        || matches!(e.event, Event::Establish | Event::Sever | Event::Restore)
                } else {
                    matches!(
                        e.event,
                        Event::Establish | Event::Sever | Event::Restore | Event::Suspend
                    )
                };
                // a change inside the span of a count dated by its month may come after it
                relevant
                    && e.set_aside.is_none()
                    && e.date.last_day() > stated.as_of.first_day()
                    && e.date.first_day() <= as_of
            })
        })
    });
    (!changed).then_some(stated)
}

/// The stated count as evidence.
pub(crate) fn evidence(graph: &Graph, s: &SetFact) -> Evidence {
    Evidence {
        fact: format!(
            "{}: {} {} stated on {}",
            name(graph, s.state),
            s.count.unwrap_or(0),
            if s.universe == Universe::Un {
                "UN members"
            } else {
                "states"
            },
            s.as_of
        ),
        sources: vec![Cited {
            source: s.source.clone(),
            origin: s.origin.clone(),
            set_statement: None,
            date: Some(s.as_of),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_subtract() {
        let d = |y, m, dd| Day::new(y, m, dd).unwrap();
        assert_eq!(days(d(2024, 3, 1)) - days(d(2024, 2, 28)), 2);
        assert_eq!(days(d(2025, 1, 1)) - days(d(2024, 12, 31)), 1);
        assert_eq!(days(d(2024, 5, 29)) - days(d(2024, 4, 14)), 45);
    }
}
