//! The application layer both views call, the command line and `diplograph serve`: knowledge
//! loaded once ([`Knowledge`]), questions asked of a graph ([`answer`]), articles read, checked
//! and ingested ([`article`]), and answers written as tables, JSON or CSV ([`output`]).
//!
//! A command and a request take the same path through here, so the CLI's `--json` and the API
//! return the same documents (the types of `diplograph-api`).

pub mod answer;
pub mod article;
pub mod knowledge;
pub mod output;
pub mod review;
pub mod sources;

use anyhow::{Context, Result};
use diplograph_model::{Date, Day};

pub use knowledge::Knowledge;

/// A day from a date given by a person: a year or month means its last day. `what` names where
/// it came from (`--as-of`, `_as_of`) for the error.
pub fn day(s: &str, what: &str) -> Result<Day> {
    let d: Date = s.parse().with_context(|| what.to_string())?;
    Ok(d.last_day())
}

/// Today, in the system's time zone.
pub fn today() -> Day {
    jiff::Zoned::now().date()
}
