//! One event per article: the mentions of the same event merged, with their evidence, within
//! the budget.

use std::collections::HashMap;

use diplograph_model::{Code, Date};

use super::Raw;
use crate::{Budget, EventType, Evidence, Modality, Note, NoteKind, ReadEvent};

/// One event per article: the same type and actors with agreeing dates are one event with
/// several sentences of evidence. Events are indexed by type and actors, so that each mention is
/// compared only with the events it could be (at most `budget.events_per_pair` of them).
pub(super) fn merge(
    text: &str,
    raws: Vec<Raw>,
    budget: &Budget,
    notes: &mut Vec<Note>,
) -> Vec<ReadEvent> {
    let mut events: Vec<ReadEvent> = Vec::new();
    // whether each event's date is only the day someone said so
    let mut said: Vec<bool> = Vec::new();
    // sentences stating each event past the evidence budget
    let mut more: Vec<usize> = Vec::new();
    let mut by_key: HashMap<(EventType, [Code; 2]), Vec<usize>> = HashMap::new();
    let (mut dropped, mut first_dropped) = (0usize, None);
    for r in raws {
        let evidence = || Evidence {
            text: text[r.sentence.0..r.sentence.1].to_string(),
            start: r.sentence.0,
            end: r.sentence.1,
            trigger: text[r.trigger.0..r.trigger.1].to_string(),
            modality: r.modality,
            rule: r.rule,
        };
        let compatible = |(e, e_said): (&ReadEvent, bool)| {
            let same_actors = e.actors == r.actors
                || r.kind.symmetric_match() && e.actors == [r.actors[1], r.actors[0]];
            // a date someone announced something on yields to the event's own date
            let agree = match (e.date, r.date) {
                // (within weeks of it: "said on Wednesday it is recalling its ambassador" and
                // "the last time it withdrew its envoy was in 2019" are two recalls)
                (Some(a), Some(b)) => {
                    a.agrees_with(&b)
                        || e_said != r.said && {
                            let gap = |x: Date, y: Date| {
                                (x.first_day() - y.last_day()).get_days().max(0)
                                    + (y.first_day() - x.last_day()).get_days().max(0)
                            };
                            gap(a, b) <= 45
                        }
                }
                _ => true,
            };
            // "Diplomatic ties were not severed" and, later, "… announced it was cutting
            // ties": a denial and an act are two statements, never one event
            let denies = |m: Modality| matches!(m, Modality::Negated | Modality::Denied);
            e.kind == r.kind
                && same_actors
                && agree
                && denies(e.modality) == denies(r.modality)
                && (e.modality.happened() == r.modality.happened()
                    || r.date.is_none()
                    || e.date.is_none())
        };
        let actors = if r.kind.symmetric_match() && r.actors[1] < r.actors[0] {
            [r.actors[1], r.actors[0]]
        } else {
            r.actors
        };
        let bucket = by_key.entry((r.kind, actors)).or_default();
        let found = bucket
            .iter()
            .copied()
            .find(|&k| compatible((&events[k], said[k])));
        if let Some(k) = found {
            let e = &mut events[k];
            // a plan's day is not the day of the act that happened: "the communique on resuming
            // relations" (a topic, read as planned) and "the two countries restore relations"
            let (e_happened, r_happened) = (e.modality.happened(), r.modality.happened());
            if r_happened && !e_happened && r.date.is_none() {
                e.date = None;
                said[k] = false;
            }
            if let Some(d) = r.date.filter(|_| r_happened || !e_happened) {
                let (date, was_said) = match e.date {
                    None => (d, r.said),
                    Some(_) if said[k] && !r.said => (d, false),
                    Some(x) if !said[k] && r.said => (x, false),
                    Some(x) => (x.finer(d), said[k] && r.said),
                };
                e.date = Some(date);
                said[k] = was_said;
            }
            if r.modality.happened() && (!e.modality.happened() || r.modality < e.modality) {
                e.modality = r.modality;
            }
            if e.location.is_none() {
                e.location = r.location;
            }
            // mentions come in text order: a sentence already kept is the last one kept
            let last = e.evidence.last().map(|x| x.start);
            if last < Some(r.sentence.0) {
                if e.evidence.len() < budget.evidence {
                    e.evidence.push(evidence());
                } else {
                    more[k] += 1;
                }
            }
            continue;
        }
        if events.len() >= budget.events || bucket.len() >= budget.events_per_pair {
            dropped += 1;
            first_dropped.get_or_insert(r.sentence);
            continue;
        }
        bucket.push(events.len());
        said.push(r.said && r.date.is_some());
        more.push(0);
        events.push(ReadEvent {
            kind: r.kind,
            actors: r.actors,
            date: r.date,
            modality: r.modality,
            location: r.location,
            rule: r.rule,
            evidence: vec![evidence()],
        });
    }
    for (e, &n) in events.iter().zip(&more).filter(|(_, n)| **n > 0) {
        let last = e.evidence.last().expect("an event has evidence");
        notes.push(Note {
            kind: NoteKind::Budget,
            message: format!(
                "{n} more sentences state the {} event of {} and {} (the budget keeps {})",
                e.kind.as_str(),
                e.actors[0],
                e.actors[1],
                budget.evidence
            ),
            start: last.end,
            end: last.end,
        });
    }
    if let Some((start, end)) = first_dropped {
        notes.push(Note {
            kind: NoteKind::Budget,
            message: format!(
                "{dropped} mentions of further events not kept (the budget keeps {} events, {} of one type between two states)",
                budget.events, budget.events_per_pair
            ),
            start,
            end,
        });
    }
    // China and Taiwan are recognised by having relations with them (each partner recognises
    // one of the two): "the Dominican Republic recognises China" in an article that tells it
    // establishing relations with China is that act under another name (a withdrawal of
    // recognition beside a break is kept: the texts tell both)
    let same_act = |e: &ReadEvent, kinds: &[EventType]| {
        events.iter().any(|o| {
            kinds.contains(&o.kind)
                && (o.actors == e.actors || o.actors == [e.actors[1], e.actors[0]])
        })
    };
    let told_otherwise: Vec<bool> = events
        .iter()
        .map(|e| {
            ONE_CHINA.contains(&e.actors[1].as_str())
                && match e.kind {
                    EventType::Recognize => {
                        same_act(e, &[EventType::Establish, EventType::Restore])
                    }
                    _ => false,
                }
        })
        .collect();
    let mut k = 0;
    events.retain(|e| {
        k += 1;
        !told_otherwise[k - 1] && !between_the_two_chinas(e)
    });
    events.sort_by_key(|e| e.evidence[0].start);
    events
}

/// The two governments whose recognition is relations with them (see the end of [`merge`]).
const ONE_CHINA: [&str; 2] = ["CHN", "TWN"];

/// Whether `e` puts relations or recognition between Beijing and Taipei themselves: each claims
/// to be China's government, and neither has recognised or held relations with the other since
/// 1949, so such an event is a misreading of a switch ("the two first set up ties in 1984, and
/// St Lucia switched to Beijing in 1997", "countries that recognise Taiwan instead of China").
/// Their meetings and talks are real and kept.
fn between_the_two_chinas(e: &ReadEvent) -> bool {
    e.kind.ledger_event().is_some()
        && ONE_CHINA.contains(&e.actors[0].as_str())
        && ONE_CHINA.contains(&e.actors[1].as_str())
}
