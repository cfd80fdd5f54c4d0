//! One article through the pipeline: a page read with its publication date, checked against a
//! graph as of its day, and turned into the records the ledger stores. `read`, `check` and
//! `ingest` and the server's `POST /check` and `POST /ingest` all go through here.

use diplograph_check::{EventStatus, Report};
use diplograph_graph::Graph;
use diplograph_model::{Date, Day};
use diplograph_page::Page;
use diplograph_read::{read, Lexicon, Modality, ReadEvent, Reading};
use diplograph_store::{ArticleRecord, EventRecord, EventState};

use crate::Knowledge;

/// Reads a page with the publication date from the flag, else the page's metadata, else the
/// page's own header lines.
pub fn read_page(page: &Page, flag: Option<Date>, lex: &Lexicon) -> Reading {
    let mut r = read(&page.text, flag.or(page.published), lex);
    r.notes
        .extend(page.notes.iter().map(|n| diplograph_read::Note {
            kind: diplograph_read::NoteKind::Page,
            message: n.clone(),
            start: 0,
            end: 0,
        }));
    if flag.is_none() && page.published.is_some() {
        r.published_from = Some("metadata");
    }
    r
}

/// `read`'s document for one page.
pub fn reading_doc<'a>(
    source: &'a str,
    page: &'a Page,
    r: &'a Reading,
) -> diplograph_api::ReadDoc<'a> {
    diplograph_api::ReadDoc {
        source,
        url: page.url.as_deref(),
        format: page.format,
        title: page.title.as_deref(),
        published: r.published,
        published_from: r.published_from,
        events: &r.events,
        notes: &r.notes,
    }
}

/// What was asked of a check: the day to judge as of (else the publication date, else today),
/// the day knowledge is cut at, and a publication date given beside the article (a day, or a
/// month or year where only that is known).
#[derive(Clone, Copy, Debug, Default)]
pub struct CheckAsk {
    pub as_of: Option<Day>,
    pub known_at: Option<Day>,
    pub published: Option<Date>,
}

/// An article checked: what the reader found, and the checker's report.
pub struct Checked {
    pub reading: Reading,
    pub report: Report,
    /// Where the day judged as of came from: `as_of`, `published` or `today`.
    pub as_of_from: &'static str,
    pub known_at: Option<Day>,
}

impl Checked {
    /// `check`'s document.
    pub fn doc<'a>(&'a self, source: &'a str, page: &'a Page) -> diplograph_api::CheckDoc<'a> {
        diplograph_api::CheckDoc {
            source,
            url: page.url.as_deref(),
            published: self.reading.published,
            published_from: self.reading.published_from,
            as_of: self.report.as_of,
            as_of_from: self.as_of_from,
            known_at: self.known_at.map(Date::from_day),
            claims: &self.report.claims,
            events: &self.report.events,
        }
    }
}

/// Checks one page against `shared` (the graph as known at `ask.known_at`), or, for an article
/// whose events the ledger accepted, against the graph as it stood before that article.
pub fn check(
    knowledge: &Knowledge,
    shared: &Graph,
    page: &Page,
    ask: CheckAsk,
    lex: &Lexicon,
) -> Checked {
    let r = read_page(page, ask.published, lex);
    // the days the article may have been written on: one day, or a month or year of them
    let period = match (ask.as_of, r.published) {
        (Some(d), _) => (d, d),
        (None, Some(p)) => (p.first_day(), p.last_day()),
        // undated: after the latest event it dates, up to today
        (None, None) => diplograph_check::undated_period(&r, crate::today()),
    };
    let own;
    let graph = match page.url.as_deref() {
        Some(url) if knowledge.learned_from(url) => {
            own = knowledge.graph(ask.known_at, Some(url));
            &own
        }
        _ => shared,
    };
    let report = diplograph_check::check_within(&page.text, &r, graph, period, lex);
    let as_of_from = match (ask.as_of, r.published) {
        (Some(_), _) => "as_of",
        (None, Some(_)) => "published",
        (None, None) => "today",
    };
    Checked {
        reading: r,
        report,
        as_of_from,
        known_at: ask.known_at,
    }
}

/// The ledger's record of an article, before it is read (`published` is filled after).
pub fn article_record(page: &Page, path: Option<String>) -> ArticleRecord {
    ArticleRecord {
        url: page.url.clone(),
        path,
        title: page.title.clone(),
        published: None,
        publisher: page.publisher.clone(),
        text_hash: diplograph_model::fnv1a(page.text.bytes()),
    }
}

/// The records of a reading's asserted events, each marked against the curated `graph`
/// (known, conflict, or a proposal), and how many events were left out as not asserted.
pub fn event_records(r: &Reading, graph: &Graph) -> (Vec<EventRecord>, usize) {
    let asserted: Vec<ReadEvent> = r
        .events
        .iter()
        .filter(|e| e.modality == Modality::Asserted)
        .cloned()
        .collect();
    let not_asserted = r.events.len() - asserted.len();
    let mut events = Vec::new();
    for c in diplograph_check::event_statuses(&asserted, graph, r.published) {
        let e = &c.event;
        // the quote: the first evidence that is a sentence, not a headline
        let first = e
            .evidence
            .iter()
            .find(|v| v.text.trim_end().ends_with(['.', '!', '?', '"', '”']))
            .unwrap_or(&e.evidence[0]);
        events.push(EventRecord {
            kind: e.kind.as_str().to_string(),
            actors: e.actors,
            symmetric: e.kind.symmetric_match(),
            date: e.date,
            modality: e.modality.as_str().to_string(),
            quote: first.text.clone(),
            start: first.start,
            end: first.end,
            rule: e.rule.to_string(),
            against_graph: match c.status {
                EventStatus::New => EventState::Proposed,
                EventStatus::Corroborated => EventState::Known,
                EventStatus::Conflict => EventState::Conflict,
            },
        });
    }
    (events, not_asserted)
}
