//! Read events in the ledger: articles, the events they state, and which article says what.
//!
//! An article is stored once (keyed by its URL, or by a hash of its text when it has none).
//! An event is stored once: a second article stating the same type, actors (in either order for
//! symmetric types) and an agreeing date adds itself as a source; the event keeps the finest
//! date its sources give, and each source keeps its own. Dates that disagree make two events,
//! for the checker to report as a conflict.

use diplograph_model::{Code, Date, Event, Fact, Origin, Source};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::rows::{get, parsed, scan};
use crate::{storable, Error, Ledger, Loaded};

/// An article as ingested.
#[derive(Clone, Debug, Default)]
pub struct ArticleRecord {
    pub url: Option<String>,
    pub path: Option<String>,
    pub title: Option<String>,
    pub published: Option<Date>,
    /// Who published it (a site's name or host); two different publishers accept an event.
    pub publisher: Option<String>,
    /// The article's text, for the key when there is no URL.
    pub text_hash: u64,
}

impl ArticleRecord {
    /// The article's key in the ledger: its URL, or a hash of its text when it has none. An
    /// article whose key [`Ledger::has_article`] knows was read before.
    pub fn key(&self) -> String {
        match &self.url {
            Some(u) => format!("url:{u}"),
            None => format!("text:{:016x}", self.text_hash),
        }
    }
}

/// One event an article states, with its evidence.
#[derive(Clone, Debug)]
pub struct EventRecord {
    pub kind: String,
    pub actors: [Code; 2],
    /// True when the actors' order carries no meaning (stored sorted).
    pub symmetric: bool,
    pub date: Option<Date>,
    pub modality: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub rule: String,
    /// How the event compares with the graph before this article.
    pub against_graph: EventState,
}

/// What `review` lists: events in these states, of a type, with a state, first seen since a
/// day; a page of `limit` from `offset`.
#[derive(Clone, Debug)]
pub struct ReviewFilter {
    pub statuses: Vec<EventState>,
    pub kind: Option<String>,
    pub state: Option<Code>,
    pub since: Option<Date>,
    pub limit: usize,
    pub offset: usize,
}

/// Where an event stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EventState {
    Proposed,
    Known,
    Conflict,
    Accepted,
    Rejected,
}

impl EventState {
    pub fn as_str(self) -> &'static str {
        match self {
            EventState::Proposed => "proposed",
            EventState::Known => "known",
            EventState::Conflict => "conflict",
            EventState::Accepted => "accepted",
            EventState::Rejected => "rejected",
        }
    }

    pub(crate) fn parse(s: &str) -> EventState {
        match s {
            "known" => EventState::Known,
            "conflict" => EventState::Conflict,
            "accepted" => EventState::Accepted,
            "rejected" => EventState::Rejected,
            _ => EventState::Proposed,
        }
    }
}

/// What an ingest did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Ingested {
    pub articles: usize,
    /// Articles already in the ledger, skipped.
    pub already_read: usize,
    pub new_events: usize,
    /// Events already known from another article, now with one more source.
    pub corroborated: usize,
    /// Proposals accepted because a second publisher reported them.
    pub accepted: usize,
}

impl std::ops::AddAssign for Ingested {
    fn add_assign(&mut self, o: Ingested) {
        self.articles += o.articles;
        self.already_read += o.already_read;
        self.new_events += o.new_events;
        self.corroborated += o.corroborated;
        self.accepted += o.accepted;
    }
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct StoredSource {
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub path: Option<String>,
    pub published: Option<String>,
    pub date: Option<String>,
    pub modality: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub rule: String,
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct StoredEvent {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub actors: [Code; 2],
    pub date: Option<String>,
    pub modality: String,
    pub status: EventState,
    pub reason: Option<String>,
    pub sources: Vec<StoredSource>,
}

impl Ledger {
    /// Stores a batch of articles and their events in one transaction: all of the batch or none.
    pub fn ingest(
        &mut self,
        batch: &[(ArticleRecord, Vec<EventRecord>)],
    ) -> Result<Ingested, Error> {
        for (article, events) in batch {
            storable_article(article, events)?;
        }
        let tx = self.write()?;
        let mut out = Ingested::default();
        for (article, events) in batch {
            match insert_article(&tx, article, events.len())? {
                None => out.already_read += 1,
                Some(id) => {
                    out.articles += 1;
                    for e in events {
                        let (new, accepted) =
                            insert_event(&tx, id, article.publisher.as_deref(), e)?;
                        if new {
                            out.new_events += 1;
                        } else {
                            out.corroborated += 1;
                        }
                        out.accepted += usize::from(accepted);
                    }
                }
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// Whether the article with this key ([`ArticleRecord::key`]) was read before: a rerun
    /// skips it without reading it again.
    pub fn has_article(&self, key: &str) -> Result<bool, Error> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE key = ?1")?
            .query_row([key], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Every stored event with its sources, oldest first, and the rows that do not parse.
    pub fn read_events(&self) -> Result<Loaded<StoredEvent>, Error> {
        self.events_where("1")
    }

    /// The events waiting for review: proposals and conflicts.
    pub fn to_review(&self) -> Result<Loaded<StoredEvent>, Error> {
        self.events_where("status IN ('proposed', 'conflict')")
    }

    /// The events a reviewer asks for, a page at a time, and how many match in all.
    pub fn review(&self, f: &ReviewFilter) -> Result<(Loaded<StoredEvent>, usize), Error> {
        let statuses: Vec<String> = f
            .statuses
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        let mut condition = format!("status IN ({})", statuses.join(", "));
        // every value below is validated (a type of letters and underscores, a state code, a
        // date), so it is written into the SQL as a literal
        if let Some(kind) = &f.kind {
            if !kind.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return Err(Error::BadFilter(format!("no event type {kind:?}")));
            }
            condition.push_str(&format!(" AND type = '{kind}'"));
        }
        if let Some(state) = f.state {
            condition.push_str(&format!(" AND (a = '{state}' OR b = '{state}')"));
        }
        if let Some(since) = f.since {
            condition.push_str(&format!(" AND first_seen >= '{}'", since.first_day()));
        }
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM events WHERE {condition}"),
            [],
            |r| r.get(0),
        )?;
        let page = format!(
            "id IN (SELECT id FROM events WHERE {condition} ORDER BY id LIMIT {} OFFSET {})",
            f.limit, f.offset
        );
        Ok((self.events_where(&page)?, total as usize))
    }

    /// One stored event, if there is such an id (and its row parses).
    pub fn event(&self, id: i64) -> Result<Option<StoredEvent>, Error> {
        Ok(self.events_where(&format!("id = {id}"))?.rows.pop())
    }

    /// How many read events stand in each state.
    pub fn review_summary(&self) -> Result<Vec<(EventState, usize)>, Error> {
        let mut stmt = self
            .conn
            .prepare("SELECT status, count(*) FROM events GROUP BY status ORDER BY status")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                EventState::parse(&r.get::<_, String>(0)?),
                r.get::<_, i64>(1)? as usize,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Accepts or rejects an event by hand; `reason` is kept, and every decision is recorded in
    /// order (`decisions`), so a decision can be revised and nothing is erased. An event the
    /// graph already knew (`known`) is not the reviewer's to decide.
    pub fn decide(&mut self, id: i64, accept: bool, reason: &str) -> Result<StoredEvent, Error> {
        let tx = self.write()?;
        let status: Option<String> = tx
            .query_row("SELECT status FROM events WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let to = if accept {
            EventState::Accepted
        } else {
            EventState::Rejected
        };
        let from = match status.as_deref().map(EventState::parse) {
            None => return Err(Error::NoSuchEvent(id)),
            Some(s) if s == to || s == EventState::Known => {
                return Err(Error::Decided {
                    id,
                    status: s.as_str(),
                })
            }
            Some(s) => s,
        };
        tx.execute(
            "UPDATE events SET status = ?1, reason = ?2, decided_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?3",
            params![to.as_str(), reason, id],
        )?;
        tx.execute(
            "INSERT INTO decisions (event, from_status, to_status, reason) VALUES (?1, ?2, ?3, ?4)",
            params![id, from.as_str(), to.as_str(), reason],
        )?;
        tx.commit()?;
        let mut read = self.events_where(&format!("id = {id}"))?;
        match (read.rows.pop(), read.skipped.pop()) {
            (Some(e), _) => Ok(e),
            (None, Some(bad)) => Err(Error::BadRow {
                id,
                message: bad.message,
            }),
            (None, None) => Err(Error::NoSuchEvent(id)),
        }
    }

    /// Accepted relations events with a date, as facts sourced to their first article, and the
    /// event rows that do not parse.
    pub fn accepted_facts(&self) -> Result<Loaded<Fact>, Error> {
        let events = self.events_where("status = 'accepted' AND date IS NOT NULL")?;
        let mut out = Loaded {
            rows: Vec::new(),
            skipped: events.skipped,
        };
        for e in events.rows {
            let Ok(event) = e.kind.parse::<Event>() else {
                continue; // meetings, agreements...: not relations facts
            };
            let Some(src) = e.sources.first() else {
                continue;
            };
            // both parsed when the row was read
            let Some(date) = e.date.as_deref().and_then(|d| d.parse::<Date>().ok()) else {
                continue;
            };
            let published = src.published.as_deref().and_then(|d| d.parse().ok());
            out.rows.push(Fact {
                a: e.actors[0],
                b: e.actors[1],
                event,
                date,
                source: Source {
                    url: src.url.clone().unwrap_or_default().into(),
                    publisher: src.publisher.clone().unwrap_or_default().into(),
                    published,
                    quote: src.quote.clone().into(),
                    citation: if src.url.is_some() {
                        String::new().into()
                    } else {
                        format!("article {}", src.path.clone().unwrap_or_default()).into()
                    },
                },
                origin: Origin::Read { event: e.id },
            });
        }
        Ok(out)
    }

    /// Events matching `condition` with their sources; an event whose row, or one of whose
    /// sources, does not parse is skipped and reported.
    fn events_where(&self, condition: &str) -> Result<Loaded<StoredEvent>, Error> {
        let mut src = self.conn.prepare(
            "SELECT a.url, a.path, a.published, s.date, s.modality, s.quote, s.start, s.end, s.rule, a.publisher
             FROM event_sources s JOIN articles a ON a.id = s.article WHERE s.event = ?1 ORDER BY a.id",
        )?;
        scan(
            &self.conn,
            "events",
            "type, a, b, date, modality, status, reason",
            condition,
            |id, r| {
                let date: Option<String> = get(r, 4)?;
                if let Some(d) = &date {
                    d.parse::<Date>().map_err(|e| e.to_string())?;
                }
                let status: String = get(r, 6)?;
                let sources = src
                    .query_map([id], |r| {
                        Ok(StoredSource {
                            url: r.get(0)?,
                            path: r.get(1)?,
                            published: r.get(2)?,
                            date: r.get(3)?,
                            modality: r.get(4)?,
                            quote: r.get(5)?,
                            start: r.get::<_, i64>(6)? as usize,
                            end: r.get::<_, i64>(7)? as usize,
                            rule: r.get(8)?,
                            publisher: r.get(9)?,
                        })
                    })
                    .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                    .map_err(|e| format!("its sources are unreadable ({e})"))?;
                for s in &sources {
                    if let Some(p) = &s.published {
                        p.parse::<Date>()
                            .map_err(|e| format!("a source's publication day: {e}"))?;
                    }
                }
                Ok(StoredEvent {
                    id,
                    kind: get(r, 1)?,
                    actors: [parsed(r, 2)?, parsed(r, 3)?],
                    date,
                    modality: get(r, 5)?,
                    status: EventState::parse(&status),
                    reason: get(r, 7)?,
                    sources,
                })
            },
        )
    }

    /// How many articles the ledger has read.
    pub fn article_count(&self) -> Result<i64, Error> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }
}

/// Refuses, before any transaction, an article or event whose date the ledger could not read
/// back (a year outside 1 to 9999).
fn storable_article(a: &ArticleRecord, events: &[EventRecord]) -> Result<(), Error> {
    let key = a.key();
    if let Some(p) = a.published {
        storable(p, || format!("the publication day of article {key:?}"))?;
    }
    for e in events {
        if let Some(d) = e.date {
            storable(d, || {
                format!(
                    "the date of {} {} {} in article {key:?}",
                    e.kind, e.actors[0], e.actors[1]
                )
            })?;
        }
    }
    Ok(())
}

fn insert_article(
    tx: &Transaction,
    a: &ArticleRecord,
    events: usize,
) -> Result<Option<i64>, Error> {
    let changed = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO articles (key, url, path, title, published, events, publisher) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            a.key(),
            a.url,
            a.path,
            a.title,
            a.published.map(|d| d.to_string()),
            events as i64,
            a.publisher
        ])?;
    Ok((changed == 1).then(|| tx.last_insert_rowid()))
}

/// Adds the event or a source to the event it repeats: (the event is new, a proposal was
/// accepted because a second publisher reported it). Every step is an index lookup, so an
/// event's ten-thousandth source costs what its first did.
fn insert_event(
    tx: &Transaction,
    article: i64,
    publisher: Option<&str>,
    e: &EventRecord,
) -> Result<(bool, bool), Error> {
    let [mut a, mut b] = e.actors;
    if e.symmetric && b < a {
        std::mem::swap(&mut a, &mut b);
    }
    let mut stmt = tx.prepare_cached(
        "SELECT id, date FROM events WHERE type = ?1 AND a = ?2 AND b = ?3 ORDER BY id",
    )?;
    let candidates = stmt
        .query_map(params![e.kind, a.as_str(), b.as_str()], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut found = None;
    for (id, date) in candidates {
        let stored = match date.as_deref().map(str::parse::<Date>) {
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err(_)) => continue, // a damaged row agrees with nothing
        };
        let agrees = match (stored, e.date) {
            (Some(x), Some(y)) => x.agrees_with(&y),
            _ => true,
        };
        if agrees {
            found = Some((id, stored));
            break;
        }
    }
    let (id, new) = match found {
        Some((id, stored)) => {
            let finer = match (stored, e.date) {
                (Some(x), Some(y)) => Some(x.finer(y)),
                (x, y) => x.or(y),
            };
            if finer != stored {
                tx.prepare_cached("UPDATE events SET date = ?1 WHERE id = ?2")?
                    .execute(params![finer.map(|d| d.to_string()), id])?;
            }
            if e.modality == "asserted" {
                tx.prepare_cached(
                    "UPDATE events SET modality = 'asserted' WHERE id = ?1 AND modality != 'asserted'",
                )?
                .execute([id])?;
            }
            (id, false)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO events (type, a, b, date, modality, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                e.kind,
                a.as_str(),
                b.as_str(),
                e.date.map(|d| d.to_string()),
                e.modality,
                e.against_graph.as_str()
            ])?;
            (tx.last_insert_rowid(), true)
        }
    };
    tx.prepare_cached(
        "INSERT OR IGNORE INTO event_sources (event, article, date, modality, quote, start, end, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        article,
        e.date.map(|d| d.to_string()),
        e.modality,
        e.quote,
        e.start as i64,
        e.end as i64,
        e.rule
    ])?;
    // The event keeps the first publisher that reported it (schema 4); a proposal that a
    // different one reports is accepted. No scan of the event's sources.
    let Some(publisher) = publisher.filter(|p| !p.is_empty()) else {
        return Ok((new, false));
    };
    let (status, first): (String, Option<String>) = tx
        .prepare_cached("SELECT status, publisher FROM events WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let Some(first) = first else {
        tx.prepare_cached("UPDATE events SET publisher = ?1 WHERE id = ?2")?
            .execute(params![publisher, id])?;
        return Ok((new, false));
    };
    if status != EventState::Proposed.as_str() || first == publisher {
        return Ok((new, false));
    }
    let mut both = [first.as_str(), publisher];
    both.sort_unstable();
    let accepted = tx.execute(
        "UPDATE events SET status = 'accepted', reason = ?1, decided_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = ?2 AND status = 'proposed'",
        params![format!("reported by 2 publishers: {}", both.join(", ")), id],
    )? == 1;
    Ok((new, accepted))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn ev(kind: &str, a: &str, b: &str, date: Option<&str>) -> EventRecord {
        EventRecord {
            kind: kind.into(),
            actors: [a.parse().unwrap(), b.parse().unwrap()],
            symmetric: kind == "establish",
            date: date.map(|d| d.parse().unwrap()),
            modality: "asserted".into(),
            quote: "q".into(),
            start: 0,
            end: 1,
            rule: "r".into(),
            against_graph: EventState::Proposed,
        }
    }

    fn article(url: &str, published: &str) -> ArticleRecord {
        ArticleRecord {
            url: Some(url.into()),
            published: Some(published.parse().unwrap()),
            ..Default::default()
        }
    }

    #[test]
    fn one_event_many_sources_and_articles_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("l.sqlite")).unwrap();
        let first = l
            .ingest(&[(
                article("u1", "2025-04-11"),
                vec![ev("establish", "KOR", "SYR", Some("2025-04"))],
            )])
            .unwrap();
        assert_eq!((first.articles, first.new_events), (1, 1));
        let second = l
            .ingest(&[
                (
                    article("u2", "2025-04-12"),
                    vec![ev("establish", "SYR", "KOR", Some("2025-04-10"))],
                ),
                (
                    article("u1", "2025-04-11"),
                    vec![ev("establish", "KOR", "SYR", None)],
                ),
                (
                    article("u3", "2025-04-12"),
                    vec![ev("establish", "KOR", "SYR", Some("2024-01-01"))],
                ),
            ])
            .unwrap();
        assert_eq!(
            second,
            Ingested {
                articles: 2,
                already_read: 1,
                new_events: 1,
                corroborated: 1,
                accepted: 0
            }
        );
        let events = l.read_events().unwrap().rows;
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].date.as_deref(), Some("2025-04-10"));
        assert_eq!(events[0].sources.len(), 2);
        assert_eq!(events[0].sources[0].date.as_deref(), Some("2025-04"));
        assert_eq!(events[1].date.as_deref(), Some("2024-01-01"));
    }

    #[test]
    fn two_publishers_accept_a_proposal_and_review_decides_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("l.sqlite")).unwrap();
        let by = |url: &str, publisher: Option<&str>| ArticleRecord {
            url: Some(url.into()),
            publisher: publisher.map(String::from),
            published: Some("2025-04-11".parse().unwrap()),
            ..Default::default()
        };
        let syria = || ev("establish", "KOR", "SYR", Some("2025-04-10"));
        let first = l
            .ingest(&[(by("u1", Some("yna.co.kr")), vec![syria()])])
            .unwrap();
        assert_eq!(first.accepted, 0);
        assert!(l.accepted_facts().unwrap().rows.is_empty());
        // the same publisher again is not independent; another one is
        let same = l
            .ingest(&[(by("u2", Some("yna.co.kr")), vec![syria()])])
            .unwrap();
        assert_eq!(same.accepted, 0);
        let other = l
            .ingest(&[(by("u3", Some("kbs.co.kr")), vec![syria()])])
            .unwrap();
        assert_eq!(other.accepted, 1);
        let facts = l.accepted_facts().unwrap().rows;
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].date.to_string(), "2025-04-10");
        assert_eq!(facts[0].source.url, "u1");
        assert!(matches!(facts[0].origin, Origin::Read { .. }));
        assert_eq!(
            l.read_events().unwrap().rows[0].reason.as_deref(),
            Some("reported by 2 publishers: kbs.co.kr, yna.co.kr")
        );

        // by hand: a rejection keeps the event and the reason; a decision is final
        l.ingest(&[(
            by("u4", None),
            vec![ev("establish", "BTN", "CHN", Some("2025"))],
        )])
        .unwrap();
        let pending = l.to_review().unwrap().rows;
        assert_eq!(pending.len(), 1);
        let id = pending[0].id;
        let rejected = l.decide(id, false, "no such establishment").unwrap();
        assert_eq!(rejected.status, EventState::Rejected);
        assert_eq!(rejected.reason.as_deref(), Some("no such establishment"));
        assert_eq!(
            l.decide(id, false, "again").unwrap_err().to_string(),
            format!("event #{id} is already rejected")
        );
        // a decision is revised, and both are kept in order
        let revised = l.decide(id, true, "the ministry confirmed it").unwrap();
        assert_eq!(revised.status, EventState::Accepted);
        let history: Vec<(String, String, String)> = l
            .conn
            .prepare(
                "SELECT from_status, to_status, reason FROM decisions WHERE event = ?1 ORDER BY id",
            )
            .unwrap()
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            history,
            vec![
                (
                    "proposed".into(),
                    "rejected".into(),
                    "no such establishment".into()
                ),
                (
                    "rejected".into(),
                    "accepted".into(),
                    "the ministry confirmed it".into()
                )
            ]
        );
        // filters and pages
        let f = ReviewFilter {
            statuses: vec![EventState::Accepted, EventState::Proposed],
            kind: Some("establish".into()),
            state: Some("BTN".parse().unwrap()),
            since: None,
            limit: 10,
            offset: 0,
        };
        let (page, total) = l.review(&f).unwrap();
        assert_eq!((page.rows.len(), total), (1, 1));
        assert_eq!(page.rows[0].id, id);
        let (page, total) = l
            .review(&ReviewFilter {
                offset: 1,
                ..f.clone()
            })
            .unwrap();
        assert_eq!((page.rows.len(), total), (0, 1));
        assert!(l
            .review(&ReviewFilter {
                kind: Some("x' OR 1=1 --".into()),
                ..f
            })
            .is_err());
        assert_eq!(
            l.decide(999, true, "").unwrap_err().to_string(),
            "no event #999 in the ledger"
        );
        assert_eq!(l.read_events().unwrap().rows.len(), 2);
    }

    #[test]
    fn reruns_know_read_articles_by_key() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("l.sqlite")).unwrap();
        let a = article("https://example.org/1", "2025-04-11");
        assert_eq!(a.key(), "url:https://example.org/1");
        let text = ArticleRecord {
            text_hash: 0xabc,
            ..Default::default()
        };
        assert_eq!(text.key(), "text:0000000000000abc");
        assert!(!l.has_article(&a.key()).unwrap());
        l.ingest(&[(a.clone(), vec![])]).unwrap();
        assert!(l.has_article(&a.key()).unwrap());
        assert!(!l.has_article(&text.key()).unwrap());
    }

    /// Regression (issue 11): an event row dated "0000" failed every ingest that met its pair
    /// and every command that read events.
    #[test]
    fn a_bad_event_row_is_skipped_and_ingest_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("l.sqlite")).unwrap();
        l.ingest(&[(
            article("u1", "2025-04-11"),
            vec![ev("establish", "KOR", "SYR", Some("2025-04-10"))],
        )])
        .unwrap();
        l.conn
            .execute("UPDATE events SET date = '0000', status = 'accepted'", [])
            .unwrap();
        let n = l
            .ingest(&[(
                article("u2", "2025-04-11"),
                vec![ev("establish", "KOR", "SYR", Some("2025-04-10"))],
            )])
            .unwrap();
        assert_eq!(n.new_events, 1);
        let events = l.read_events().unwrap();
        assert_eq!(events.rows.len(), 1);
        assert_eq!(events.rows[0].id, 2);
        assert_eq!(events.skipped.len(), 1);
        assert_eq!(
            events.skipped[0].to_string(),
            "ledger events row 1: \"0000\" is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        let accepted = l.accepted_facts().unwrap();
        assert!(accepted.rows.is_empty());
        assert_eq!(accepted.skipped.len(), 1);
    }
}
