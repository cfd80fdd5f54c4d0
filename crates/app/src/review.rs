//! A person's decision on an event the ledger holds (accept, reject, revise), with the rules
//! both views keep: a rejection and a revision need a reason.

use std::io::Write;

use anyhow::{bail, Result};
use diplograph_store::{EventState, Ledger, StoredEvent};

/// Accepts or rejects event `id`; the event as decided, and a note to say (an undated event
/// accepted changes no answer). `field` names where a reason is given (`--reason`).
pub fn decide(
    l: &mut Ledger,
    id: i64,
    accept: bool,
    reason: Option<String>,
    field: &str,
) -> Result<(StoredEvent, Option<String>)> {
    let before = l.event(id)?;
    let decided = before
        .as_ref()
        .is_some_and(|e| matches!(e.status, EventState::Accepted | EventState::Rejected));
    let reason = match reason {
        Some(r) if !r.trim().is_empty() => r,
        _ if decided => bail!(
            "event #{id} is {}: revising a decision needs a {field}",
            before.map_or("decided", |e| e.status.as_str())
        ),
        _ if !accept => bail!("a rejection needs a {field}"),
        _ => "accepted by hand".to_string(),
    };
    let e = l.decide(id, accept, &reason)?;
    let note = (accept && e.date.is_none()).then(|| {
        format!(
            "note: event #{id} has no date: accepting it changes no answer until a source dates it"
        )
    });
    Ok((e, note))
}

/// Ledger events as CSV, one row each: `review --csv` and the server's `/review.csv`.
pub fn write_csv(w: &mut impl Write, events: &[StoredEvent]) -> Result<()> {
    let header = [
        "id", "status", "type", "a", "b", "date", "sources", "reason",
    ]
    .map(String::from);
    crate::output::csv_records(
        w,
        std::iter::once(header).chain(events.iter().map(|e| {
            [
                e.id.to_string(),
                e.status.as_str().to_string(),
                e.kind.clone(),
                e.actors[0].to_string(),
                e.actors[1].to_string(),
                e.date.clone().unwrap_or_default(),
                e.sources.len().to_string(),
                e.reason.clone().unwrap_or_default(),
            ]
        })),
    )
}
