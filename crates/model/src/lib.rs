//! diplograph's vocabulary: states' codes, dates that keep their precision, relation events and
//! statuses, facts and their sources. No I/O lives here.
//!
//! The main types are [`Code`] (a state's key, ISO 3166 alpha-3 where one exists), [`Date`] (a
//! year, a month or a day), [`Event`] (what a fact says happened), [`Status`] (what holds between
//! two states at a time), [`Fact`] and [`SetFact`] (a statement about one pair, or about a state's
//! whole partner set), [`Source`] (where a fact comes from) and [`Membership`] (a state's
//! membership of a group over time).
//!
//! ```
//! use diplograph_model::{Date, Precision};
//! let d: Date = "1987".parse().unwrap();
//! assert_eq!(d.precision(), Precision::Year);
//! assert_eq!(d.to_string(), "1987");
//! assert!(d.first_day() < "1987-06-01".parse::<Date>().unwrap().first_day());
//! ```

mod date;
mod fact;
mod group;
mod hash;
mod provenance;
mod state;

pub use date::{Date, DateError, Day, Precision};
pub use fact::{
    Code, CodeError, Event, EventError, Fact, Origin, SetFact, SetMode, Source, Status, Text,
    Universe,
};
pub use group::Membership;
pub use hash::fnv1a;
pub use provenance::{DateProblem, ProvenanceError};
pub use state::{Person, State, StateKind};
