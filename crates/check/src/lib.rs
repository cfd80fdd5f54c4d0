//! The checker: what an article claims, checked against the graph as of the article's date, and
//! what it reports, compared with what the graph knew before it.
//!
//! [`check`] takes the article's text, what the reader found in it, and a [`Graph`] built with the
//! knowledge to check against. It finds checkable claims — partner counts ("191 out of 193 UN
//! member states", "one of only 12 countries that recognise Taiwan"), exceptions ("with North
//! Korea and Bhutan remaining exceptions", "the only UN member without ties to…"), pair status
//! ("have no diplomatic relations"), dates ("have had relations since 1987"), durations
//! ("restored ties after seven years") and counts and lists limited to a group ("seven of them
//! are in Latin America and the Caribbean", "its only ally in Europe"; the graph must hold the
//! group memberships, [`Graph::with_memberships`]) — and gives each a [`Verdict`] with an explanation and the
//! facts, with their sources, behind it. Every asserted event gets an [`EventStatus`]: `new`,
//! `corroborated` or `conflict`.
//!
//! Like the reader, the checker is pure: the caller chooses the day and the knowledge.

mod claims;
pub mod eval;
mod events;
mod periods;
mod refute;

use diplograph_graph::{Cited, Graph};
use diplograph_model::{Date, Day};
use diplograph_read::{Lexicon, ReadEvent, Reading};

/// Whether the graph bears a claim out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    Refuted,
    /// The graph lacks the facts to decide; the explanation says which.
    NotEnoughInfo,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Refuted => "refuted",
            Verdict::NotEnoughInfo => "not_enough_info",
        }
    }
}

impl std::str::FromStr for Verdict {
    type Err = String;
    fn from_str(s: &str) -> Result<Verdict, String> {
        Ok(match s.trim() {
            "supported" => Verdict::Supported,
            "refuted" => Verdict::Refuted,
            "not_enough_info" => Verdict::NotEnoughInfo,
            other => return Err(format!("unknown verdict {other:?}")),
        })
    }
}

/// What a claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A number of partners or recognisers.
    Count,
    /// A state named as an exception to a count, or as "the only" one without ties.
    Exception,
    /// Whether two states have relations.
    PairStatus,
    /// When two states established, broke or restored relations.
    PairDate,
    /// How long a break lasted ("restored ties after seven years").
    Duration,
}

/// A fact behind a verdict, with its sources.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Evidence {
    /// The fact in words: "South Korea and Bhutan: establish 1987".
    pub fact: String,
    pub sources: Vec<Cited>,
}

/// A checkable claim of the article.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Claim {
    /// The words that make the claim, and their byte offsets in the text.
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub verdict: Verdict,
    pub explanation: String,
    pub evidence: Vec<Evidence>,
}

/// How an event the reader found compares with what the graph knew.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// The graph did not know it.
    New,
    /// The graph knew it, at a date that agrees at the stated precision.
    Corroborated,
    /// The graph knows a different date or status: both are kept.
    Conflict,
}

impl EventStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::New => "new",
            EventStatus::Corroborated => "corroborated",
            EventStatus::Conflict => "conflict",
        }
    }
}

/// An event with its status against the graph.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct CheckedEvent {
    #[serde(flatten)]
    pub event: ReadEvent,
    pub status: EventStatus,
    pub explanation: String,
    /// What the graph knew: the facts that corroborate or conflict.
    pub known: Vec<Evidence>,
}

/// What the checker made of one article.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Report {
    pub published: Option<Date>,
    /// The day the claims were checked as of.
    pub as_of: Date,
    pub claims: Vec<Claim>,
    pub events: Vec<CheckedEvent>,
}

/// Checks one article read by the reader against `graph` on `as_of`. Events are compared with
/// the same graph: build it from the knowledge before the article (see the CLI's `check`).
pub fn check(
    text: &str,
    reading: &Reading,
    graph: &Graph,
    as_of: Day,
    lexicon: &Lexicon,
) -> Report {
    let events = events::statuses(&reading.events, graph, reading.published);
    let mut claims = claims::find(text, graph, as_of, lexicon);
    claims.extend(claims::from_events(text, &events, graph, as_of, lexicon));
    claims.sort_by_key(|c| c.start);
    Report {
        published: reading.published,
        as_of: Date::from_day(as_of),
        claims,
        events,
    }
}

/// The days an article without a publication date may have been written on, for
/// [`check_within`]: from the last day of the latest event it dates (it was written after
/// what it reports) up to `today`. Without a dated event, from the UN's founding (24 October
/// 1945): a count or a list is then judged only where it holds, or fails, on every day of the
/// span, and the verdict is otherwise `not_enough_info`.
pub fn undated_period(reading: &Reading, today: Day) -> (Day, Day) {
    let floor = Day::new(1945, 10, 24).expect("a valid day");
    let from = reading
        .events
        .iter()
        .filter_map(|e| e.date)
        .map(|d| d.last_day())
        .filter(|&d| d <= today)
        .max()
        .unwrap_or(floor)
        .max(floor);
    (from, today)
}

/// Checks one article published on some day of `from..=to` (an article dated only by its month
/// or year): claims are checked as of the last day, and a claim whose verdict on the first day
/// differs is `not_enough_info`, with both verdicts explained: which day of the period the
/// article means is not known, and a verdict that depends on it is no verdict.
pub fn check_within(
    text: &str,
    reading: &Reading,
    graph: &Graph,
    (from, to): (Day, Day),
    lexicon: &Lexicon,
) -> Report {
    let mut report = check(text, reading, graph, to, lexicon);
    if from >= to {
        return report;
    }
    let early = check(text, reading, graph, from, lexicon);
    for c in &mut report.claims {
        let then = early
            .claims
            .iter()
            .find(|e| e.start == c.start && e.end == c.end && e.kind == c.kind);
        let differs = then.is_none_or(|e| e.verdict != c.verdict);
        if differs && c.verdict != Verdict::NotEnoughInfo {
            let before = then.map_or("not found".to_string(), |e| {
                format!("{}: {}", e.verdict.as_str(), e.explanation)
            });
            c.explanation = format!(
                "The article may have been written on any day of {}–{}, and the verdict depends on the day: on {from}, {before}; on {to}, {}: {}",
                from,
                to,
                c.verdict.as_str(),
                c.explanation
            );
            c.verdict = Verdict::NotEnoughInfo;
            if let Some(e) = then {
                c.evidence.extend(e.evidence.iter().cloned());
            }
        }
    }
    report
}

/// How each asserted or reported event compares with `graph` (build it from the knowledge
/// before the article), in an article published on `published`.
pub fn event_statuses(
    events: &[ReadEvent],
    graph: &Graph,
    published: Option<Date>,
) -> Vec<CheckedEvent> {
    events::statuses(events, graph, published)
}

/// A graph entry as evidence: "South Korea and Bhutan: establish 1987", with its sources.
pub(crate) fn entry_evidence(graph: &Graph, e: &diplograph_graph::Entry) -> Evidence {
    Evidence {
        fact: format!(
            "{} and {}: {} {}",
            name(graph, e.a),
            name(graph, e.b),
            e.event,
            e.date
        ),
        sources: e.sources.clone(),
    }
}

/// A state's short name for explanations.
pub(crate) fn name(graph: &Graph, code: diplograph_model::Code) -> String {
    graph
        .states()
        .get(code)
        .map_or(code.to_string(), |s| s.name.clone())
}
