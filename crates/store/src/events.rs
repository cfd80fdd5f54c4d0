//! Read events in the ledger: articles, the events they state, and which article says what.
//!
//! An article is stored once (keyed by its URL, or by a hash of its text when it has none).
//! An event is stored once: a second article stating the same type, actors (in either order for
//! symmetric types) and an agreeing date adds itself as a source; the event keeps the finest
//! date its sources give, and each source keeps its own. Dates that disagree make two events,
//! for the checker to report as a conflict.

use diplograph_model::{Code, Date};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::{field, Error, Ledger};

/// An article as ingested.
#[derive(Clone, Debug, Default)]
pub struct ArticleRecord {
    pub url: Option<String>,
    pub path: Option<String>,
    pub title: Option<String>,
    pub published: Option<Date>,
    /// The article's text, for the key when there is no URL.
    pub text_hash: u64,
}

impl ArticleRecord {
    fn key(&self) -> String {
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
}

/// What an ingest did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Ingested {
    pub articles: usize,
    /// Articles already in the ledger, skipped.
    pub already_read: usize,
    pub new_events: usize,
    /// Events already known from another article, now with one more source.
    pub corroborated: usize,
}

impl std::ops::AddAssign for Ingested {
    fn add_assign(&mut self, o: Ingested) {
        self.articles += o.articles;
        self.already_read += o.already_read;
        self.new_events += o.new_events;
        self.corroborated += o.corroborated;
    }
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct StoredSource {
    pub url: Option<String>,
    pub path: Option<String>,
    pub published: Option<String>,
    pub date: Option<String>,
    pub modality: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub rule: String,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct StoredEvent {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub actors: [Code; 2],
    pub date: Option<String>,
    pub modality: String,
    pub sources: Vec<StoredSource>,
}

impl Ledger {
    /// Stores a batch of articles and their events in one transaction: all of the batch or none.
    pub fn ingest(
        &mut self,
        batch: &[(ArticleRecord, Vec<EventRecord>)],
    ) -> Result<Ingested, Error> {
        let tx = self.conn.transaction()?;
        let mut out = Ingested::default();
        for (article, events) in batch {
            match insert_article(&tx, article, events.len())? {
                None => out.already_read += 1,
                Some(id) => {
                    out.articles += 1;
                    for e in events {
                        if insert_event(&tx, id, e)? {
                            out.new_events += 1;
                        } else {
                            out.corroborated += 1;
                        }
                    }
                }
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// Every stored event with its sources, oldest first.
    pub fn read_events(&self) -> Result<Vec<StoredEvent>, Error> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, type, a, b, date, modality FROM events ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut src = self.conn.prepare(
            "SELECT a.url, a.path, a.published, s.date, s.modality, s.quote, s.start, s.end, s.rule
             FROM event_sources s JOIN articles a ON a.id = s.article WHERE s.event = ?1 ORDER BY a.id",
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (id, kind, a, b, date, modality) = row?;
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
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            out.push(StoredEvent {
                id,
                kind,
                actors: [field(id, &a)?, field(id, &b)?],
                date,
                modality,
                sources,
            });
        }
        Ok(out)
    }

    /// How many articles the ledger has read.
    pub fn article_count(&self) -> Result<i64, Error> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }
}

fn insert_article(
    tx: &Transaction,
    a: &ArticleRecord,
    events: usize,
) -> Result<Option<i64>, Error> {
    let key = a.key();
    let known: Option<i64> = tx
        .query_row("SELECT id FROM articles WHERE key = ?1", [&key], |r| {
            r.get(0)
        })
        .optional()?;
    if known.is_some() {
        return Ok(None);
    }
    tx.execute(
        "INSERT INTO articles (key, url, path, title, published, events) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            key,
            a.url,
            a.path,
            a.title,
            a.published.map(|d| d.to_string()),
            events as i64
        ],
    )?;
    Ok(Some(tx.last_insert_rowid()))
}

/// Adds the event or a source to the event it repeats; true when the event is new.
fn insert_event(tx: &Transaction, article: i64, e: &EventRecord) -> Result<bool, Error> {
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
        let stored: Option<Date> = date.as_deref().map(|d| field(id, d)).transpose()?;
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
                tx.execute(
                    "UPDATE events SET date = ?1 WHERE id = ?2",
                    params![finer.map(|d| d.to_string()), id],
                )?;
            }
            if e.modality == "asserted" {
                tx.execute(
                    "UPDATE events SET modality = 'asserted' WHERE id = ?1",
                    [id],
                )?;
            }
            (id, false)
        }
        None => {
            tx.execute(
                "INSERT INTO events (type, a, b, date, modality) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    e.kind,
                    a.as_str(),
                    b.as_str(),
                    e.date.map(|d| d.to_string()),
                    e.modality
                ],
            )?;
            (tx.last_insert_rowid(), true)
        }
    };
    tx.execute(
        "INSERT OR IGNORE INTO event_sources (event, article, date, modality, quote, start, end, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            article,
            e.date.map(|d| d.to_string()),
            e.modality,
            e.quote,
            e.start as i64,
            e.end as i64,
            e.rule
        ],
    )?;
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: &str, a: &str, b: &str, date: Option<&str>) -> EventRecord {
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
                corroborated: 1
            }
        );
        let events = l.read_events().unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].date.as_deref(), Some("2025-04-10"));
        assert_eq!(events[0].sources.len(), 2);
        assert_eq!(events[0].sources[0].date.as_deref(), Some("2025-04"));
        assert_eq!(events[1].date.as_deref(), Some("2024-01-01"));
    }
}
