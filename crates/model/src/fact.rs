//! Facts about pairs of states and about whole partner sets, with their sources.

use std::fmt;
use std::str::FromStr;

use crate::Date;

/// A state's key: ISO 3166-1 alpha-3 where one exists ("KOR"), a user-assigned code otherwise
/// ("XKX" Kosovo, "XAB" Abkhazia).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code([u8; 3]);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0:?} is not a state code (expected three letters, like \"KOR\")")]
pub struct CodeError(pub String);

impl Code {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ascii by construction")
    }
}

impl FromStr for Code {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Code, CodeError> {
        let b = s.trim().as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_alphabetic) {
            return Err(CodeError(s.to_string()));
        }
        Ok(Code([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_uppercase(),
            b[2].to_ascii_uppercase(),
        ]))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "description": "a state's code: ISO 3166 alpha-3, or a code diplograph assigns (X..)"
        })
    }
}

/// What a fact says happened between two states, or held on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    /// Relations established for the first time.
    Establish,
    /// Relations restored after a break.
    Restore,
    /// Relations severed; `a` is the state that cut them.
    Sever,
    /// Relations suspended; `a` is the state that suspended them.
    Suspend,
    /// `a` recognizes `b` as a state.
    Recognize,
    /// `a` withdraws its recognition of `b`.
    WithdrawRecognition,
    /// Attestation: the two states had relations on the date.
    Relations,
    /// Attestation: the two states had no relations on the date.
    NoRelations,
    /// Relations were broken at some time after the date, which no source gives: the status is
    /// unknown from then until a later fact settles it.
    Interrupted,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown event {0:?} (expected one of establish, restore, sever, suspend, recognize, withdraw_recognition, relations, none, interrupted)")]
pub struct EventError(pub String);

impl Event {
    pub const ALL: [Event; 9] = [
        Event::Establish,
        Event::Restore,
        Event::Sever,
        Event::Suspend,
        Event::Recognize,
        Event::WithdrawRecognition,
        Event::Relations,
        Event::NoRelations,
        Event::Interrupted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::Establish => "establish",
            Event::Restore => "restore",
            Event::Sever => "sever",
            Event::Suspend => "suspend",
            Event::Recognize => "recognize",
            Event::WithdrawRecognition => "withdraw_recognition",
            Event::Relations => "relations",
            Event::NoRelations => "none",
            Event::Interrupted => "interrupted",
        }
    }

    /// The relations status the event leaves behind; recognition events leave it alone.
    pub fn status_after(self) -> Option<Status> {
        match self {
            Event::Establish | Event::Restore | Event::Relations => Some(Status::Relations),
            Event::Sever => Some(Status::Severed),
            Event::Suspend => Some(Status::Suspended),
            Event::NoRelations => Some(Status::None),
            Event::Interrupted => Some(Status::Unknown),
            Event::Recognize | Event::WithdrawRecognition => None,
        }
    }

    /// Whether the event is something that happened (a change), rather than a statement of
    /// what held on a date.
    pub fn is_change(self) -> bool {
        !matches!(self, Event::Relations | Event::NoRelations)
    }

    /// Whether `a` and `b` play different roles (who severed, who recognizes whom).
    pub fn is_directed(self) -> bool {
        matches!(
            self,
            Event::Sever | Event::Suspend | Event::Recognize | Event::WithdrawRecognition
        )
    }
}

impl FromStr for Event {
    type Err = EventError;
    fn from_str(s: &str) -> Result<Event, EventError> {
        if let Some(e) = Event::ALL.into_iter().find(|e| e.as_str() == s) {
            return Ok(e);
        }
        let t = s.trim().to_ascii_lowercase().replace('-', "_");
        Event::ALL
            .into_iter()
            .find(|e| e.as_str() == t || (t == "no_relations" && *e == Event::NoRelations))
            .ok_or_else(|| EventError(s.to_string()))
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl schemars::JsonSchema for Event {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Event".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = Event::ALL.iter().map(|e| e.as_str()).collect();
        schemars::json_schema!({ "type": "string", "enum": names })
    }
}

/// What holds between two states at a time.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Formal diplomatic relations.
    Relations,
    /// Relations suspended.
    Suspended,
    /// Relations severed (broken off) and not restored.
    Severed,
    /// No relations, never established (or, from an attestation, none at the time).
    None,
    /// The graph holds no fact that settles it.
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Relations => "relations",
            Status::Suspended => "suspended",
            Status::Severed => "severed",
            Status::None => "none",
            Status::Unknown => "unknown",
        }
    }

    /// Known not to be in relations.
    pub fn is_without(self) -> bool {
        matches!(self, Status::Suspended | Status::Severed | Status::None)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Text of a source: borrowed from the embedded baseline (no copy at start-up, none when a
/// fact is cloned into the graph), owned when it comes from a ledger or an import.
pub type Text = std::borrow::Cow<'static, str>;

/// Where a fact comes from: a report (URL, publisher, publication date and the few words that
/// state the fact) or a dataset row (in `citation`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
pub struct Source {
    #[serde(skip_serializing_if = "str::is_empty")]
    pub url: Text,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub publisher: Text,
    /// When the source published the fact: the graph's "known at" time.
    pub published: Option<Date>,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub quote: Text,
    /// A dataset and row ("mission_status_range_cow_v0.1.csv row 272"), when the fact comes from
    /// a dataset rather than a report.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub citation: Text,
}

/// Where a fact entered diplograph: the shipped baseline (file and line) or the user's ledger.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    Baseline {
        file: Text,
        line: usize,
    },
    Ledger {
        id: i64,
    },
    /// An event the reader found in an article, accepted into the ledger (`events.id`).
    Read {
        event: i64,
    },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Baseline { file, line } => write!(f, "{file}:{line}"),
            Origin::Ledger { id } => write!(f, "ledger #{id}"),
            Origin::Read { event } => write!(f, "read event #{event}"),
        }
    }
}

/// One fact about a pair of states.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
pub struct Fact {
    pub a: Code,
    pub b: Code,
    pub event: Event,
    pub date: Date,
    pub source: Source,
    pub origin: Origin,
}

/// Which states a set fact speaks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Universe {
    /// The UN member states.
    Un,
    /// The states that are not UN members.
    Nonun,
    /// Every state.
    All,
}

impl FromStr for Universe {
    type Err = String;
    fn from_str(s: &str) -> Result<Universe, String> {
        match s.trim() {
            "un" => Ok(Universe::Un),
            "nonun" => Ok(Universe::Nonun),
            "all" => Ok(Universe::All),
            other => Err(format!(
                "unknown universe {other:?} (expected un, nonun or all)"
            )),
        }
    }
}

impl Universe {
    pub fn as_str(self) -> &'static str {
        match self {
            Universe::Un => "un",
            Universe::Nonun => "nonun",
            Universe::All => "all",
        }
    }
}

/// How a set fact states the partner set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SetMode {
    /// Relations with every state of the universe except `members` (and itself).
    AllExcept,
    /// Relations with exactly `members` within the universe.
    Exactly,
    /// Only a number of partners is stated.
    Count,
    /// Relations with at least `members`: a list of partners that says nothing of the rest.
    Includes,
}

impl FromStr for SetMode {
    type Err = String;
    fn from_str(s: &str) -> Result<SetMode, String> {
        match s.trim() {
            "all_except" => Ok(SetMode::AllExcept),
            "exactly" => Ok(SetMode::Exactly),
            "count" => Ok(SetMode::Count),
            "includes" => Ok(SetMode::Includes),
            other => Err(format!(
                "unknown set mode {other:?} (expected all_except, exactly, includes or count)"
            )),
        }
    }
}

impl SetMode {
    pub fn as_str(self) -> &'static str {
        match self {
            SetMode::AllExcept => "all_except",
            SetMode::Exactly => "exactly",
            SetMode::Count => "count",
            SetMode::Includes => "includes",
        }
    }
}

/// A statement about a state's whole partner set on a date: "South Korea has relations with all
/// 191 UN members except North Korea" (AP, 10 April 2025).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
pub struct SetFact {
    pub state: Code,
    pub as_of: Date,
    pub universe: Universe,
    pub mode: SetMode,
    pub members: Vec<Code>,
    pub count: Option<u32>,
    pub source: Source,
    pub origin: Origin,
}
