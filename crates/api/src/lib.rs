//! The JSON contract: one serde type per document that `--json` prints (and that the HTTP API
//! will return), and the JSON Schema generated from those same types.
//!
//! A command builds its document from these types and serialises it; nothing prints JSON
//! assembled by hand. [`schema`] gives a document's schema by name, [`DOCUMENTS`] lists them,
//! and `docs/schema.json` is [`all_schemas`] written out (a test keeps it equal).
//!
//! States are keyed by role, the same key for the same role everywhere: `state` for the state
//! a document is about, `a`/`b` for the two states of a pair fact, `actors` for an event's two
//! states (the first acts on the second), `code` inside a state's own record.

use std::collections::BTreeMap;

use diplograph_graph::{CoverageReport, Exclusive, History, Relations, YearCount};
use diplograph_model::{Code, Date, Event, Precision, State, Status};
use schemars::{JsonSchema, Schema};
use serde::Serialize;

/// `relations`, `coverage`: the graph's own answers are documents as they stand.
pub type RelationsDoc = Relations;
pub type CoverageDoc = CoverageReport;
/// `states`: the states that match, each with its codes, names and dates.
pub type StatesDoc<'a> = Vec<&'a State>;

/// `pair`: a pair's history, and its status on the day asked about.
#[derive(Serialize, JsonSchema)]
pub struct PairDoc<'a> {
    #[serde(flatten)]
    pub history: &'a History,
    /// The day the status is given for (`--as-of`, else today).
    pub as_of: Date,
    pub status: Status,
}

/// `timeline`: a state's partners counted at the end of every year.
#[derive(Serialize, JsonSchema)]
pub struct TimelineDoc<'a> {
    pub state: Code,
    pub years: &'a [YearCount],
}

/// `exclusive`: the states that deal with one state and not its rival, and with `--timeline`
/// their number at the end of every year.
#[derive(Serialize, JsonSchema)]
pub struct ExclusiveDoc<'a> {
    #[serde(flatten)]
    pub exclusive: &'a Exclusive,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Vec<ExclusiveYear<'a>>>,
}

#[derive(Serialize, JsonSchema)]
pub struct ExclusiveYear<'a> {
    pub year: i16,
    pub count: usize,
    pub states: &'a [Code],
    pub undetermined: &'a [Code],
}

/// `export --format json`: one element per source of a pair fact.
pub type ExportDoc<'a> = Vec<ExportedFact<'a>>;

#[derive(Serialize, JsonSchema)]
pub struct ExportedFact<'a> {
    pub a: Code,
    pub b: Code,
    pub event: Event,
    pub date: Date,
    pub date_precision: Precision,
    pub source: &'a diplograph_graph::Cited,
}

/// `read`: what the reader made of one article.
#[derive(Serialize, JsonSchema)]
pub struct ReadDoc<'a> {
    /// The input: a file's path, `-`, or `FILE:LINE` for a JSON Lines record.
    pub source: &'a str,
    pub url: Option<&'a str>,
    pub format: diplograph_page::Format,
    pub title: Option<&'a str>,
    pub published: Option<Date>,
    /// Where `published` came from: `given` (the flag or the record), `metadata`, `text` (a header
    /// line or byline), `dateline` (its day within a publication month or year, or its own year).
    pub published_from: Option<&'a str>,
    pub events: &'a [diplograph_read::ReadEvent],
    pub notes: &'a [diplograph_read::Note],
}

/// `check`: an article's claims and events checked against the graph.
#[derive(Serialize, JsonSchema)]
pub struct CheckDoc<'a> {
    pub source: &'a str,
    pub url: Option<&'a str>,
    pub published: Option<Date>,
    pub published_from: Option<&'a str>,
    /// The day claims are checked as of: `--as-of`, else the publication day, else today.
    pub as_of: Date,
    /// Where `as_of` came from: `as_of` (the flag), `published`, or `today` (the article gives
    /// no publication date).
    pub as_of_from: &'a str,
    /// The day knowledge is cut at (`--known-at`), if any.
    pub known_at: Option<Date>,
    pub claims: &'a [diplograph_check::Claim],
    pub events: &'a [diplograph_check::CheckedEvent],
}

/// `ingest`: what one run stored.
#[derive(Serialize, JsonSchema)]
pub struct IngestDoc<'a> {
    pub ledger: &'a str,
    pub ingested: diplograph_store::Ingested,
    /// Events the articles did not assert (planned, reported, denied...), not stored.
    pub not_asserted_skipped: usize,
    /// Inputs or records that could not be read.
    pub unreadable: usize,
}

/// True and false positives and negatives, with the ratios rounded to three places.
#[derive(Serialize, JsonSchema)]
pub struct CountsDoc {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl From<&diplograph_read::eval::Counts> for CountsDoc {
    fn from(c: &diplograph_read::eval::Counts) -> CountsDoc {
        CountsDoc {
            tp: c.tp,
            fp: c.fp,
            fn_: c.fn_,
            precision: round3(c.precision()),
            recall: round3(c.recall()),
            f1: round3(c.f1()),
        }
    }
}

/// `eval DIR`: the reader scored on labelled passages.
#[derive(Serialize, JsonSchema)]
pub struct ReaderEvalDoc<'a> {
    pub passages: usize,
    /// Passages that state no event (hard negatives).
    pub negatives: usize,
    /// The hard negatives the reader found an event in, by id.
    pub negatives_with_events: &'a [String],
    pub overall: CountsDoc,
    pub by_type: BTreeMap<String, CountsDoc>,
    /// Matching type and actors only: the events found whatever their date ("F1 with the date
    /// right" is `overall`).
    pub overall_date_ignored: CountsDoc,
    pub by_type_date_ignored: BTreeMap<String, CountsDoc>,
    pub modality_accuracy: f64,
    /// With `--mistakes`: every false positive and negative.
    pub mistakes: Option<&'a [diplograph_read::eval::Mistake]>,
}

/// `eval --guide DIR`: the reader scored on the State Department guide's dated headings.
#[derive(Serialize, JsonSchema)]
pub struct GuideEvalDoc {
    pub articles: usize,
    pub unmapped_articles: usize,
    pub sections: usize,
    pub overall: CountsDoc,
    pub by_type: BTreeMap<String, CountsDoc>,
}

/// `eval --wikipedia DIR`: the reader scored on Wikipedia's row notes, labelled by the
/// establishment date the same row's table gives.
#[derive(Serialize, JsonSchema)]
pub struct WikipediaEvalDoc {
    pub articles: usize,
    /// Rows with a dated establishment and notes.
    pub rows: usize,
    /// Of those, rows whose notes speak of establishing relations: the labelled passages.
    pub labelled: usize,
    pub overall: CountsDoc,
    pub by_type: BTreeMap<String, CountsDoc>,
    /// Establishments found for the row's pair whatever their date, and of those with the
    /// table's year.
    pub pair_found: usize,
    pub year_right: usize,
    /// Other relations events the notes tell of (breaks, restorations, recognitions), which
    /// the table does not label and which are not scored.
    pub unlabelled: usize,
}

#[derive(Serialize, JsonSchema)]
pub struct TallyDoc {
    pub claims: usize,
    pub found: usize,
    pub right: usize,
    pub accuracy: f64,
}

impl From<&diplograph_check::eval::Tally> for TallyDoc {
    fn from(t: &diplograph_check::eval::Tally) -> TallyDoc {
        let accuracy = if t.claims == 0 {
            1.0
        } else {
            t.right as f64 / t.claims as f64
        };
        TallyDoc {
            claims: t.claims,
            found: t.found,
            right: t.right,
            accuracy: round3(accuracy),
        }
    }
}

/// `eval --claims DIR`: the checker's verdicts scored on labelled claims.
#[derive(Serialize, JsonSchema)]
pub struct ClaimsEvalDoc<'a> {
    pub passages: usize,
    pub overall: TallyDoc,
    pub by_kind: BTreeMap<String, TallyDoc>,
    pub by_verdict: BTreeMap<String, TallyDoc>,
    /// Labelled verdict -> the checker's verdict (or `not found`) -> claims.
    pub confusion: &'a BTreeMap<String, BTreeMap<String, usize>>,
    /// True or undecidable claims judged refuted: the harmful direction.
    pub harmful: &'a [diplograph_check::eval::Miss],
    /// With `--mistakes`: every labelled claim not found or judged otherwise.
    pub misses: Option<&'a [diplograph_check::eval::Miss]>,
}

/// `review`: events the ledger holds, filtered and paged, with counts by status.
#[derive(Serialize, JsonSchema)]
pub struct ReviewDoc<'a> {
    /// Events in the whole ledger by status (`proposed`, `known`, `conflict`, ...).
    pub summary: BTreeMap<&'a str, usize>,
    /// Events that match the filters, before paging.
    pub matching: usize,
    pub offset: usize,
    pub events: &'a [diplograph_store::StoredEvent],
}

/// `statuses` (the server's map): a state's status with every other state on a day, one line
/// each with the date it began and the one fact that settles it. A projection of `relations`.
#[derive(Serialize, JsonSchema)]
pub struct StatusesDoc<'a> {
    pub state: Code,
    pub name: &'a str,
    pub as_of: Date,
    pub among: diplograph_model::Universe,
    pub known_at: Option<Date>,
    pub count: usize,
    pub of: usize,
    pub coverage: &'a diplograph_graph::Coverage,
    pub statuses: Vec<StatusLine<'a>>,
}

/// One other state's status in [`StatusesDoc`].
#[derive(Serialize, JsonSchema)]
pub struct StatusLine<'a> {
    pub state: Code,
    pub name: &'a str,
    pub status: Status,
    /// When the status began, where a recorded change says so.
    pub since: Option<Date>,
    /// The fact that settles the status, with its first source (none when unknown).
    pub evidence: Option<StatusEvidence<'a>>,
}

/// The settling fact of a [`StatusLine`].
#[derive(Serialize, JsonSchema)]
pub struct StatusEvidence<'a> {
    pub event: Event,
    pub date: Date,
    pub url: &'a str,
    pub publisher: &'a str,
    pub quote: &'a str,
    /// A dataset row or an encyclopedia's table, when the source is not a report.
    pub citation: &'a str,
}

impl<'a> StatusesDoc<'a> {
    pub fn of(r: &'a Relations) -> StatusesDoc<'a> {
        StatusesDoc {
            state: r.state,
            name: &r.name,
            as_of: r.as_of,
            among: r.among,
            known_at: r.known_at,
            count: r.count,
            of: r.of,
            coverage: &r.coverage,
            statuses: r
                .details
                .iter()
                .map(|d| StatusLine {
                    state: d.state,
                    name: &d.name,
                    status: d.status.status,
                    since: d.status.since,
                    evidence: d.status.basis.as_ref().map(|b| {
                        let s = b.sources.first().map(|c| &c.source);
                        StatusEvidence {
                            event: b.event,
                            date: b.date,
                            url: s.map_or("", |s| &s.url),
                            publisher: s.map_or("", |s| &s.publisher),
                            quote: s.map_or("", |s| &s.quote),
                            citation: s.map_or("", |s| &s.citation),
                        }
                    }),
                })
                .collect(),
        }
    }
}

/// Every HTTP answer that is not a success: `ok` is false, `status` the HTTP status.
#[derive(Serialize, JsonSchema)]
pub struct ErrorDoc {
    pub ok: bool,
    /// One lowercase line that quotes the offending value.
    pub error: String,
    pub status: u16,
}

/// `sources`: the data version and where each shipped data file comes from.
#[derive(Serialize, JsonSchema)]
pub struct SourcesDoc<'a> {
    pub version: &'a str,
    pub wikipedia_snapshot: &'a str,
    pub code_licence: &'a str,
    pub files: &'a [DataFile],
}

/// One shipped data file (or family), as `data/README.md` describes it.
#[derive(Serialize, JsonSchema, Debug)]
pub struct DataFile {
    pub file: &'static str,
    /// Data rows (header and comment lines left out); none for files not embedded.
    pub rows: Option<usize>,
    pub origin: &'static str,
    pub licence: &'static str,
    pub attribution: &'static str,
}

/// Every document: its name (the command that prints it) and what it is.
pub const DOCUMENTS: &[(&str, &str)] = &[
    ("states", "states --json: the states that match a query"),
    ("relations", "relations --json: a state's partners on a day"),
    (
        "coverage",
        "coverage --json: how much of the graph is known and dated",
    ),
    (
        "pair",
        "pair --json: a pair's history and its status on a day",
    ),
    (
        "timeline",
        "timeline --json: a state's partners at the end of every year",
    ),
    (
        "exclusive",
        "exclusive --json: partners of one state and not of its rival",
    ),
    (
        "export",
        "export --format json: every source of every pair fact",
    ),
    (
        "read",
        "read --json: one article's events (JSON Lines for several)",
    ),
    (
        "check",
        "check --json: one article's claims and events checked (JSON Lines for several)",
    ),
    ("ingest", "ingest --json: what a run stored"),
    (
        "eval",
        "eval --json: the reader scored on labelled passages",
    ),
    (
        "eval-guide",
        "eval --guide --json: the reader scored on the guide's headings",
    ),
    (
        "eval-wikipedia",
        "eval --wikipedia --json: the reader scored on Wikipedia's row notes",
    ),
    (
        "eval-claims",
        "eval --claims --json: the checker scored on labelled claims",
    ),
    (
        "review",
        "review --json: the ledger's events, filtered and paged",
    ),
    (
        "sources",
        "sources --json: the data version and each data file's origin and licence",
    ),
    (
        "statuses",
        "GET /states/{code}/statuses.json: a state's status with every other state on a day (the map)",
    ),
    (
        "error",
        "every HTTP error: {\"ok\": false, \"error\": \"…\", \"status\": N}",
    ),
];

/// The schema of `T` as it is written out: a field skipped when empty is not required.
fn of<T: JsonSchema>() -> Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// The schema of the document `name` (one of [`DOCUMENTS`]).
pub fn schema(name: &str) -> Option<Schema> {
    Some(match name {
        "states" => of::<StatesDoc<'static>>(),
        "relations" => of::<RelationsDoc>(),
        "coverage" => of::<CoverageDoc>(),
        "pair" => of::<PairDoc<'static>>(),
        "timeline" => of::<TimelineDoc<'static>>(),
        "exclusive" => of::<ExclusiveDoc<'static>>(),
        "export" => of::<ExportDoc<'static>>(),
        "read" => of::<ReadDoc<'static>>(),
        "check" => of::<CheckDoc<'static>>(),
        "ingest" => of::<IngestDoc<'static>>(),
        "eval" => of::<ReaderEvalDoc<'static>>(),
        "eval-guide" => of::<GuideEvalDoc>(),
        "eval-wikipedia" => of::<WikipediaEvalDoc>(),
        "eval-claims" => of::<ClaimsEvalDoc<'static>>(),
        "review" => of::<ReviewDoc<'static>>(),
        "sources" => of::<SourcesDoc<'static>>(),
        "statuses" => of::<StatusesDoc<'static>>(),
        "error" => of::<ErrorDoc>(),
        _ => return None,
    })
}

/// Every document's schema, by name, in one JSON object (what `docs/schema.json` holds).
pub fn all_schemas() -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (name, _) in DOCUMENTS {
        let s = schema(name).expect("every listed document has a schema");
        m.insert(name.to_string(), s.to_value());
    }
    serde_json::Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_document_has_a_schema_and_no_other_name_does() {
        for (name, _) in DOCUMENTS {
            assert!(schema(name).is_some(), "{name}");
        }
        assert!(schema("relation").is_none());
    }
}
