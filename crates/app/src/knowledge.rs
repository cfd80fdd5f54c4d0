//! What graphs are built from, read once per process: the embedded baseline and a ledger's
//! facts, sets and accepted events; a graph as known on a day is built from it on demand.

use std::path::Path;

use anyhow::{Context, Result};
use diplograph_graph::{Graph, Options};
use diplograph_model::{Date, Day, Fact, Origin, Person, SetFact, State};
use diplograph_store::{Ledger, Loaded};

/// The ledger setting that limits the baseline to what its sources had published by a day
/// (`init --known-at`): a ledger that replays how knowledge grew.
pub const BASELINE_KNOWN_AT: &str = "baseline_known_at";

/// What graphs are built from, read once per process: the embedded baseline (limited to a
/// ledger's `baseline_known_at`), the ledger's facts, and the events it accepted from articles.
pub struct Knowledge {
    states: Vec<State>,
    people: Vec<Person>,
    memberships: std::sync::Arc<Vec<diplograph_model::Membership>>,
    facts: std::sync::Arc<Vec<Fact>>,
    rows: std::sync::Arc<Vec<diplograph_baseline::Rows>>,
    sets: Vec<SetFact>,
    /// What loading noticed: a ledger that replays knowledge, rows skipped as unreadable.
    notes: Vec<String>,
}

impl Knowledge {
    pub fn load(db: &Path) -> Result<Knowledge> {
        let b = diplograph_baseline::load_indexed().context("the embedded baseline is broken")?;
        let (mut facts, mut sets, mut rows) = (b.facts, b.sets, b.rows);
        let mut notes = Vec::new();
        if let Some(l) = Ledger::open_read_only(db)? {
            if let Some(cutoff) = l.setting(BASELINE_KNOWN_AT)? {
                let cutoff = crate::day(&cutoff, "the ledger's baseline_known_at")?;
                // said with every answer: the cut is the ledger's, not the command's
                notes.push(format!(
                    "note: ledger {} replays knowledge: it counts only baseline facts published by {cutoff} (made by `init --known-at`)",
                    db.display()
                ));
                let known = |p: Option<Date>| p.is_none_or(|p| p.last_day() <= cutoff);
                facts.retain(|f| known(f.source.published));
                sets.retain(|f| known(f.source.published));
                for r in &mut rows {
                    let kept: Vec<_> = r
                        .rows
                        .iter()
                        .filter(|row| known(r.published(row)))
                        .copied()
                        .collect();
                    r.rows = kept;
                }
            }
            facts.extend(rows_of(l.facts()?, &mut notes));
            facts.extend(rows_of(l.accepted_facts()?, &mut notes));
            sets.extend(rows_of(l.sets()?, &mut notes));
        }
        Ok(Knowledge {
            states: b.states,
            people: b.people,
            memberships: std::sync::Arc::new(b.memberships),
            facts: std::sync::Arc::new(facts),
            rows: std::sync::Arc::new(rows),
            sets,
            notes,
        })
    }

    /// The graph as known on `known_at`, leaving out what the ledger learned from the article
    /// at `article_url`: the graph as it stood before that article.
    pub fn graph(&self, known_at: Option<Day>, article_url: Option<&str>) -> Graph {
        let learned_from = |f: &Fact| {
            matches!(f.origin, Origin::Read { .. })
                && article_url.is_some_and(|u| f.source.url == u)
        };
        Graph::build_shared(
            self.states.clone(),
            self.facts.clone(),
            |f| !learned_from(f),
            self.rows.clone(),
            &self.sets,
            &Options { known_at },
        )
        .with_memberships(self.memberships.clone())
    }

    /// The graph of curated facts only (the baseline, facts added and imported), without the
    /// events the ledger accepted from articles: what `ingest` compares read events with.
    pub fn curated_graph(&self) -> Graph {
        Graph::build_shared(
            self.states.clone(),
            self.facts.clone(),
            |f| !matches!(f.origin, Origin::Read { .. }),
            self.rows.clone(),
            &self.sets,
            &Options { known_at: None },
        )
        .with_memberships(self.memberships.clone())
    }

    /// Whether the ledger accepted events from the article at `url`.
    pub fn learned_from(&self, url: &str) -> bool {
        self.facts
            .iter()
            .any(|f| matches!(f.origin, Origin::Read { .. }) && f.source.url == url)
    }

    pub fn lexicon(&self) -> diplograph_read::Lexicon {
        diplograph_read::Lexicon::new(&self.states, &self.people)
    }

    pub fn states(&self) -> &[State] {
        &self.states
    }

    /// What loading noticed, one line each, for the view to say (stderr, a log).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }
}

/// The rows that parsed; a note for each one skipped.
pub fn rows_of<T>(loaded: Loaded<T>, notes: &mut Vec<String>) -> Vec<T> {
    notes.extend(
        loaded
            .skipped
            .iter()
            .map(|b| format!("ledger {} row {} skipped: {}", b.table, b.id, b.message)),
    );
    loaded.rows
}
