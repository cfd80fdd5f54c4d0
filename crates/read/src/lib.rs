//! The reader: from an article's text to dated, sourced diplomatic events.
//!
//! [`read`] takes the text of one article (already extracted from HTML, see `diplograph-page`),
//! the publication date if known, and a [`Lexicon`] built from the state list. It returns a
//! [`Reading`]: the events, each once, with every sentence that states it (byte offsets into the
//! text), the rule that fired, its modality and its date at the precision the text gives; plus
//! notes on what was skipped (advertising, a quote header, a body pasted twice) and what could not
//! be resolved (a relative date without a publication date, an ambiguous "Korea").
//!
//! The reader is pure: no clock, no I/O, no SQL. It is deterministic, and linear in the text for
//! everything but the sentences that hold a trigger word.
//!
//! ```
//! use diplograph_read::{read, Lexicon, Modality};
//! let b = diplograph_baseline::load().unwrap();
//! let lexicon = Lexicon::new(&b.states, &b.people);
//! let published = "2025-04-11".parse().ok();
//! let r = read("South Korea and Syria established diplomatic relations on Thursday.", published, &lexicon);
//! assert_eq!(r.events.len(), 1);
//! assert_eq!(r.events[0].kind.as_str(), "establish");
//! assert_eq!(r.events[0].date.unwrap().to_string(), "2025-04-10");
//! assert_eq!(r.events[0].modality, Modality::Asserted);
//! ```

mod clean;
mod dates;
pub mod eval;
mod lexicon;
mod rules;
pub mod text;

use diplograph_model::{Code, Date, Day, Precision};

pub use clean::{clean, Cleaned, Segment};
pub use dates::{month, MONTHS};
pub use lexicon::Lexicon;

/// What kind of event a passage reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    Establish,
    Restore,
    Sever,
    Suspend,
    Recognize,
    WithdrawRecognition,
    RecallAmbassador,
    ExpelDiplomats,
    OpenEmbassy,
    CloseEmbassy,
    Meet,
    SignAgreement,
    MilitaryCooperation,
    MilitaryAid,
    Sanction,
}

impl EventType {
    pub const ALL: [EventType; 15] = [
        EventType::Establish,
        EventType::Restore,
        EventType::Sever,
        EventType::Suspend,
        EventType::Recognize,
        EventType::WithdrawRecognition,
        EventType::RecallAmbassador,
        EventType::ExpelDiplomats,
        EventType::OpenEmbassy,
        EventType::CloseEmbassy,
        EventType::Meet,
        EventType::SignAgreement,
        EventType::MilitaryCooperation,
        EventType::MilitaryAid,
        EventType::Sanction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Establish => "establish",
            EventType::Restore => "restore",
            EventType::Sever => "sever",
            EventType::Suspend => "suspend",
            EventType::Recognize => "recognize",
            EventType::WithdrawRecognition => "withdraw_recognition",
            EventType::RecallAmbassador => "recall_ambassador",
            EventType::ExpelDiplomats => "expel_diplomats",
            EventType::OpenEmbassy => "open_embassy",
            EventType::CloseEmbassy => "close_embassy",
            EventType::Meet => "meet",
            EventType::SignAgreement => "sign_agreement",
            EventType::MilitaryCooperation => "military_cooperation",
            EventType::MilitaryAid => "military_aid",
            EventType::Sanction => "sanction",
        }
    }

    /// The CAMEO code and PLOVER category, after the PLOVER project's own conversion table
    /// (openeventdata/PLOVER, `CAMEO2PLOVER-2021.txt`): 050 "engage in diplomatic cooperation"
    /// and 054 "grant diplomatic recognition" are SUPPORT, 161 "reduce or break diplomatic
    /// relations" and 166 "expel or withdraw" are SANCTION, 163 "impose embargo, boycott, or
    /// sanctions" is COERCE, 040 "consult" CONSULT, 057 "sign formal agreement" SUPPORT, 062
    /// "cooperate militarily" COOPERATE, 072 "provide military aid" AID.
    pub fn cameo(self) -> (&'static str, &'static str) {
        match self {
            EventType::Establish | EventType::Restore | EventType::OpenEmbassy => {
                ("050", "SUPPORT")
            }
            EventType::Recognize => ("054", "SUPPORT"),
            EventType::Sever
            | EventType::Suspend
            | EventType::WithdrawRecognition
            | EventType::RecallAmbassador
            | EventType::CloseEmbassy => ("161", "SANCTION"),
            EventType::ExpelDiplomats => ("166", "SANCTION"),
            EventType::Meet => ("040", "CONSULT"),
            EventType::SignAgreement => ("057", "SUPPORT"),
            EventType::MilitaryCooperation => ("062", "COOPERATE"),
            EventType::MilitaryAid => ("072", "AID"),
            EventType::Sanction => ("163", "COERCE"),
        }
    }

    /// Whether the actors play different roles: the first acts on the second. `sever` and
    /// `suspend` name who acted first but change a status that belongs to the pair, so they are
    /// matched without order (see [`EventType::symmetric_match`]).
    pub fn directed(self) -> bool {
        !matches!(
            self,
            EventType::Establish
                | EventType::Restore
                | EventType::Meet
                | EventType::SignAgreement
                | EventType::MilitaryCooperation
        )
    }

    /// Whether two events of this type with the actors swapped are the same event.
    pub fn symmetric_match(self) -> bool {
        !self.directed() || matches!(self, EventType::Sever | EventType::Suspend)
    }

    /// The relations event this type records in the ledger, if it changes relations or
    /// recognition.
    pub fn ledger_event(self) -> Option<diplograph_model::Event> {
        use diplograph_model::Event;
        Some(match self {
            EventType::Establish => Event::Establish,
            EventType::Restore => Event::Restore,
            EventType::Sever => Event::Sever,
            EventType::Suspend => Event::Suspend,
            EventType::Recognize => Event::Recognize,
            EventType::WithdrawRecognition => Event::WithdrawRecognition,
            _ => return None,
        })
    }
}

impl std::str::FromStr for EventType {
    type Err = String;
    fn from_str(s: &str) -> Result<EventType, String> {
        EventType::ALL
            .into_iter()
            .find(|t| t.as_str() == s.trim())
            .ok_or_else(|| format!("unknown event type {s:?}"))
    }
}

impl serde::Serialize for EventType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl schemars::JsonSchema for EventType {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EventType".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = EventType::ALL.iter().map(|e| e.as_str()).collect();
        schemars::json_schema!({ "type": "string", "enum": names })
    }
}

/// How the text puts an event: as fact, as someone's account, or as something that did not
/// happen (yet).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact; a government announcing its own act is asserted.
    Asserted,
    /// A third party's unconfirmed account ("intelligence agencies have reported that...").
    Reported,
    /// Intended or expected ("plans to", "will open next month").
    Planned,
    /// Conditional or possible ("could establish ties if...").
    Hypothetical,
    /// Denied by someone ("denied reports that...").
    Denied,
    /// Stated not to have happened ("has yet to", "never recognised").
    Negated,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Denied => "denied",
            Modality::Negated => "negated",
        }
    }

    /// Whether an event with this modality happened according to the text.
    pub fn happened(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported)
    }
}

impl std::str::FromStr for Modality {
    type Err = String;
    fn from_str(s: &str) -> Result<Modality, String> {
        Ok(match s.trim() {
            "asserted" => Modality::Asserted,
            "reported" => Modality::Reported,
            "planned" => Modality::Planned,
            "hypothetical" => Modality::Hypothetical,
            "denied" => Modality::Denied,
            "negated" => Modality::Negated,
            other => return Err(format!("unknown modality {other:?}")),
        })
    }
}

/// One sentence that states an event.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Evidence {
    /// The sentence, as it stands in the text.
    pub text: String,
    /// Byte offsets of the sentence in the text given to [`read`].
    pub start: usize,
    pub end: usize,
    /// The trigger word or phrase inside the sentence.
    pub trigger: String,
    pub modality: Modality,
    pub rule: &'static str,
}

/// An event the text states, once per article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadEvent {
    pub kind: EventType,
    /// The two states; for directed types the first acts on the second.
    pub actors: [Code; 2],
    /// At the precision the text gives; `None` when it gives none or it could not be resolved.
    pub date: Option<Date>,
    pub modality: Modality,
    /// Where it happened, when the text says ("in Damascus").
    pub location: Option<String>,
    /// The rule that fired on the first evidence.
    pub rule: &'static str,
    /// Every sentence stating the event, in text order.
    pub evidence: Vec<Evidence>,
}

/// How a [`ReadEvent`] is written out: the one definition of its JSON shape and schema.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[schemars(rename = "ReadEvent")]
struct ReadEventDoc<'a> {
    #[serde(rename = "type")]
    kind: EventType,
    /// The two states; for directed types the first acts on the second.
    actors: [Code; 2],
    date: Option<Date>,
    date_precision: Option<Precision>,
    modality: Modality,
    location: Option<&'a str>,
    evidence: &'a [Evidence],
    /// The CAMEO code this event type maps to.
    cameo: &'static str,
    /// The PLOVER event type it maps to.
    plover: &'static str,
    rule: &'static str,
}

impl serde::Serialize for ReadEvent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (cameo, plover) = self.kind.cameo();
        let doc = ReadEventDoc {
            kind: self.kind,
            actors: self.actors,
            date: self.date,
            date_precision: self.date.map(|d| d.precision()),
            modality: self.modality,
            location: self.location.as_deref(),
            evidence: &self.evidence,
            cameo,
            plover,
            rule: self.rule,
        };
        serde::Serialize::serialize(&doc, s)
    }
}

impl schemars::JsonSchema for ReadEvent {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        ReadEventDoc::schema_name()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ReadEventDoc::json_schema(g)
    }
}

/// Something the reader skipped or could not resolve, for the user to see.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Note {
    pub kind: NoteKind,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// A paragraph already read earlier in the article.
    Duplicate,
    /// Advertising, promotion or page chrome.
    Chrome,
    /// A forum or feed header; it may carry the publication date.
    Header,
    /// A relative date with no publication date to resolve it against.
    UnresolvedDate,
    /// A name that could mean several states.
    Ambiguous,
    /// A limit of the article's [`Budget`] was reached: the rest was read in part or not at all.
    Budget,
    /// Said of the page before reading (a metadata date outside the calendar, ignored).
    Page,
}

/// Limits on the work one article may cost, so that no input (up to the page's 16 MB) is read
/// for more than a few seconds. A real article stays far inside every one; when one is reached
/// the reader stops or truncates and says so in a [`NoteKind::Budget`] note, never hangs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// Sentences looked at closely (those holding a trigger or an office word).
    pub sentences: usize,
    /// Bytes of one sentence looked at as one: a longer run without a full stop is read in
    /// pieces of at most this many bytes, cut between words.
    pub sentence_bytes: usize,
    /// Events kept; a mention of an event not yet kept is dropped past this.
    pub events: usize,
    /// Events kept of one type between one pair of states (at dates that do not agree).
    pub events_per_pair: usize,
    /// Sentences of evidence kept per event; the rest are counted in a note.
    pub evidence: usize,
    /// Notes kept; the rest are counted in one note.
    pub notes: usize,
}

impl Budget {
    /// What [`read`] uses: far past the longest article in the fixtures; 16 MB of the worst
    /// shapes read in about a second or two (bench/runs/2026-12-01-budget.md).
    pub const DEFAULT: Budget = Budget {
        sentences: 5_000,
        sentence_bytes: 1_000,
        events: 1_000,
        events_per_pair: 64,
        evidence: 32,
        notes: 1_000,
    };
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::DEFAULT
    }
}

/// What the reader made of one article.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Reading {
    /// The publication date: given, or found in the page ("Quote from ... on April 11, 2025").
    pub published: Option<Date>,
    /// Where `published` came from: `given`, `text` (a header or byline) or `dateline`.
    pub published_from: Option<&'static str>,
    pub events: Vec<ReadEvent>,
    pub notes: Vec<Note>,
}

/// Reads one article. `published` is the publication date when the caller knows it (flag,
/// metadata); otherwise the reader looks for one in the page's header lines.
pub fn read(text: &str, published: Option<Date>, lexicon: &Lexicon) -> Reading {
    read_as(text, published, None, lexicon)
}

/// Like [`read`], for a text written by one state's government (a ministry's press release,
/// the State Department's guide): where a sentence names only the other state ("Diplomatic
/// relations were established on May 4, 1935, when Hornibrook presented his credentials to the
/// Afghan government"), `home` is the second actor.
pub fn read_as(
    text: &str,
    published: Option<Date>,
    home: Option<Code>,
    lexicon: &Lexicon,
) -> Reading {
    read_within(text, published, home, lexicon, &Budget::DEFAULT)
}

/// Like [`read`], for a text about one pair of states (a bilateral section, a row of a table of
/// relations, an article titled "X–Y relations"): a sentence that names no state ("Both
/// countries established diplomatic relations on 7 March 1975", "Relations were established on 9
/// June 1992") is about the pair.
pub fn read_about(
    text: &str,
    published: Option<Date>,
    topic: [Code; 2],
    lexicon: &Lexicon,
) -> Reading {
    read_framed(
        text,
        published,
        None,
        Some(topic),
        lexicon,
        &Budget::DEFAULT,
    )
}

/// Like [`read_as`], within `budget` instead of [`Budget::DEFAULT`].
pub fn read_within(
    text: &str,
    published: Option<Date>,
    home: Option<Code>,
    lexicon: &Lexicon,
    budget: &Budget,
) -> Reading {
    read_framed(text, published, home, None, lexicon, budget)
}

fn read_framed(
    text: &str,
    published: Option<Date>,
    home: Option<Code>,
    topic: Option<[Code; 2]>,
    lexicon: &Lexicon,
    budget: &Budget,
) -> Reading {
    let cleaned = clean(text);
    let mut notes = cleaned.notes;
    // a publication date outside the years the ledger stores dates nothing
    let published = published.filter(|d| {
        let ok = dates::storable(d);
        if !ok {
            notes.push(Note {
                kind: NoteKind::UnresolvedDate,
                message: format!("publication date {d} is outside the years 1 to 9999: ignored"),
                start: 0,
                end: 0,
            });
        }
        ok
    });
    let (published, published_from) = match (published, cleaned.published) {
        (Some(d), _) => (Some(d), Some("given")),
        (None, Some(d)) => (Some(Date::from_day(d)), Some("text")),
        (None, None) => (None, None),
    };
    // the dateline's day ("BEIJING, March 26 (Xinhua) —") within a publication month or year
    // makes it a day; with its own year it dates an article that has no other date
    let (published, published_from) = match (published, cleaned.dateline) {
        (Some(p), Some((y, m, d))) if p.precision() != Precision::Day => {
            match Day::new(y.unwrap_or(p.year_number()), m, d)
                .ok()
                .filter(|day| p.first_day() <= *day && *day <= p.last_day())
            {
                Some(day) => (Some(Date::from_day(day)), Some("dateline")),
                None => (Some(p), published_from),
            }
        }
        (None, Some((Some(y), m, d))) => match Day::new(y, m, d) {
            Ok(day) if dates::storable(&Date::from_day(day)) => {
                (Some(Date::from_day(day)), Some("dateline"))
            }
            _ => (None, None),
        },
        (p, _) => (p, published_from),
    };
    let events = rules::extract(
        text,
        &cleaned.segments,
        published,
        (home, topic),
        lexicon,
        budget,
        &mut notes,
    );
    notes.sort_by_key(|n| n.start);
    notes.dedup_by(|a, b| a.kind == b.kind && a.start == b.start && a.message == b.message);
    if notes.len() > budget.notes {
        // the budget's own notes are kept wherever they fall
        let before = notes.len();
        let mut k = 0;
        notes.retain(|n| {
            k += 1;
            k <= budget.notes || n.kind == NoteKind::Budget
        });
        notes.push(Note {
            kind: NoteKind::Budget,
            message: format!(
                "{} more notes not kept (the budget keeps {})",
                before - notes.len(),
                budget.notes
            ),
            start: text.len(),
            end: text.len(),
        });
    }
    Reading {
        published,
        published_from,
        events,
        notes,
    }
}
