//! `review`: the read events waiting for a decision, filtered and a page at a time with a
//! summary, and `review accept|reject ID`, which may revise an earlier decision (with a reason;
//! every decision is kept in order).

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use diplograph_model::Date;
use diplograph_store::{EventState, Ledger, ReviewFilter, StoredEvent};

use crate::{Found, ReviewAction};
use diplograph_app::output::Out;

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Proposed,
    Conflict,
    Accepted,
    Rejected,
    Known,
}

impl Status {
    fn state(self) -> EventState {
        match self {
            Status::Proposed => EventState::Proposed,
            Status::Conflict => EventState::Conflict,
            Status::Accepted => EventState::Accepted,
            Status::Rejected => EventState::Rejected,
            Status::Known => EventState::Known,
        }
    }
}

/// Which events `review` lists.
#[derive(Args, Debug, Clone)]
pub struct Filter {
    /// Events in these states (repeat or separate with commas; default: proposed, conflict).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub status: Vec<Status>,
    /// Only events of this type (establish, sever, meet, ...).
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Only events involving this state (a name or code).
    #[arg(long)]
    pub state: Option<String>,
    /// Only events first read on or after this day.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// How many events to list.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// How many matching events to pass over first (for the next page).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
}

pub fn review(
    db: &Path,
    action: Option<ReviewAction>,
    filter: &Filter,
    out: Out,
    w: &mut impl Write,
) -> Result<Found> {
    let opened = match action {
        None => Ledger::open_read_only(db)?,
        Some(_) => Ledger::open_existing(db)?,
    };
    let Some(mut l) = opened else {
        bail!(
            "no ledger at {:?}: ingest articles first",
            db.display().to_string()
        );
    };
    let accept = matches!(action, Some(ReviewAction::Accept { .. }));
    let (shown, total) = match action {
        None => {
            let states = if filter.status.is_empty() {
                vec![EventState::Proposed, EventState::Conflict]
            } else {
                filter.status.iter().map(|s| s.state()).collect()
            };
            let state = match &filter.state {
                Some(s) => Some(crate::commands::load(db, None)?.states().resolve(s)?.code),
                None => None,
            };
            let since = filter
                .since
                .as_deref()
                .map(|s| {
                    s.parse::<Date>()
                        .map_err(|e| anyhow::anyhow!("--since: {e}"))
                })
                .transpose()?;
            let (page, total) = l.review(&ReviewFilter {
                statuses: states,
                kind: filter.kind.clone(),
                state,
                since,
                limit: filter.limit,
                offset: filter.offset,
            })?;
            (crate::ledger::rows(page), total)
        }
        Some(ReviewAction::Accept { id, reason }) | Some(ReviewAction::Reject { id, reason }) => {
            let (e, note) = diplograph_app::review::decide(&mut l, id, accept, reason, "--reason")?;
            if let Some(n) = note {
                crate::terminal::warn(&n);
            }
            (vec![e], 1)
        }
    };
    let summary = l.review_summary()?;
    print(w, out, &shown, total, filter.offset, &summary)?;
    Ok(Found::nothing_if(shown.is_empty()))
}

fn print(
    w: &mut impl Write,
    out: Out,
    shown: &[StoredEvent],
    total: usize,
    offset: usize,
    summary: &[(EventState, usize)],
) -> Result<()> {
    match out {
        Out::Json => {
            serde_json::to_writer_pretty(
                &mut *w,
                &diplograph_api::ReviewDoc {
                    summary: summary.iter().map(|(s, n)| (s.as_str(), *n)).collect(),
                    matching: total,
                    offset,
                    events: shown,
                },
            )?;
            writeln!(w)?;
        }
        Out::Csv => diplograph_app::review::write_csv(w, shown)?,
        Out::Table => {
            let counts: Vec<String> = summary
                .iter()
                .map(|(s, n)| format!("{n} {}", s.as_str()))
                .collect();
            writeln!(w, "ledger: {}", counts.join(", "))?;
            for e in shown {
                writeln!(
                    w,
                    "#{:<5} {:<10} {:<20} {}-{}  {:<10}  {} source(s){}",
                    e.id,
                    e.status.as_str(),
                    e.kind,
                    e.actors[0],
                    e.actors[1],
                    e.date.as_deref().unwrap_or("undated"),
                    e.sources.len(),
                    e.reason
                        .as_ref()
                        .map_or(String::new(), |r| format!("  ({r})"))
                )?;
                for s in e.sources.iter().take(3) {
                    let whence = s.url.as_deref().or(s.path.as_deref()).unwrap_or("-");
                    writeln!(w, "        {whence}: {}", s.quote)?;
                }
                if e.sources.len() > 3 {
                    writeln!(w, "        and {} more source(s)", e.sources.len() - 3)?;
                }
            }
            match (shown.len(), total) {
                (0, 0) => writeln!(w, "nothing to review")?,
                (n, t) if offset + n < t => writeln!(
                    w,
                    "showing {}-{} of {t}: --offset {} for the next {}",
                    offset + 1,
                    offset + n,
                    offset + n,
                    n
                )?,
                _ => {}
            }
        }
    }
    Ok(())
}
