//! What requests share: the knowledge and the graph built from it (reloaded when the ledger
//! changes on disk, a CLI ingest included), graphs as known on past days, the write lock and
//! the start-up settings.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

use diplograph_app::Knowledge;
use diplograph_graph::Graph;
use diplograph_model::Day;
use diplograph_read::Lexicon;

use crate::reply::Fail;
use crate::Limits;

/// The ledger files' sizes and modification times: a change means a write happened.
type Stamp = [Option<(SystemTime, u64)>; 2];

fn stamp(db: &Path) -> Stamp {
    let of = |p: &Path| {
        std::fs::metadata(p)
            .ok()
            .map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()))
    };
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    [of(db), of(Path::new(&wal))]
}

/// Numbers snapshots in the order they were loaded.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Knowledge as loaded at one moment, and the graphs built from it.
pub struct Snapshot {
    /// Which load this is: later loads have larger numbers.
    pub generation: u64,
    pub knowledge: Knowledge,
    /// The graph as known now.
    pub graph: Graph,
    pub lex: Lexicon,
    stamp: Stamp,
    /// Graphs as known on earlier days (`_known_at`), the last few asked for.
    known_at: Mutex<Vec<(Day, Arc<Graph>)>>,
    /// The curated graph `POST /ingest` compares read events with, built on first use.
    curated: std::sync::OnceLock<Graph>,
}

/// How many `_known_at` graphs are kept.
const KNOWN_AT_KEPT: usize = 4;

impl Snapshot {
    fn load(db: &Path) -> anyhow::Result<Snapshot> {
        let generation = GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let stamp = stamp(db);
        let knowledge = Knowledge::load(db)?;
        for n in knowledge.notes() {
            eprintln!("diplograph: {n}");
        }
        let graph = knowledge.graph(None, None);
        let lex = knowledge.lexicon();
        Ok(Snapshot {
            generation,
            knowledge,
            graph,
            lex,
            stamp,
            known_at: Mutex::new(Vec::new()),
            curated: std::sync::OnceLock::new(),
        })
    }

    /// The graph as known on `known_at` (now when none).
    pub fn graph_at(&self, known_at: Option<Day>) -> GraphRef<'_> {
        let Some(day) = known_at else {
            return GraphRef::Now(&self.graph);
        };
        let mut kept = self.known_at.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, g)) = kept.iter().find(|(d, _)| *d == day) {
            return GraphRef::Then(g.clone());
        }
        let g = Arc::new(self.knowledge.graph(Some(day), None));
        if kept.len() >= KNOWN_AT_KEPT {
            kept.remove(0);
        }
        kept.push((day, g.clone()));
        GraphRef::Then(g)
    }

    pub fn curated(&self) -> &Graph {
        self.curated.get_or_init(|| self.knowledge.curated_graph())
    }
}

/// A graph borrowed from the snapshot or shared from its cache.
pub enum GraphRef<'a> {
    Now(&'a Graph),
    Then(Arc<Graph>),
}

impl std::ops::Deref for GraphRef<'_> {
    type Target = Graph;
    fn deref(&self) -> &Graph {
        match self {
            GraphRef::Now(g) => g,
            GraphRef::Then(g) => g,
        }
    }
}

/// What every request sees.
pub struct Shared {
    pub db: PathBuf,
    pub token: Option<String>,
    pub limits: Limits,
    snapshot: RwLock<Arc<Snapshot>>,
    /// One reload at a time.
    reloading: tokio::sync::Mutex<()>,
    /// One write at a time from this server (SQLite serialises writers across processes).
    pub writing: tokio::sync::Mutex<()>,
    pub permits: Arc<tokio::sync::Semaphore>,
    /// Answers of data routes, for the snapshot they were made from.
    pub cache: crate::cache::Cache,
}

impl Shared {
    pub fn load(db: PathBuf, token: Option<String>, limits: Limits) -> anyhow::Result<Shared> {
        let s = Snapshot::load(&db)?;
        Ok(Shared {
            permits: Arc::new(tokio::sync::Semaphore::new(limits.concurrent)),
            cache: crate::cache::Cache::new(limits.cache_bytes),
            db,
            token,
            limits,
            snapshot: RwLock::new(Arc::new(s)),
            reloading: tokio::sync::Mutex::new(()),
            writing: tokio::sync::Mutex::new(()),
        })
    }

    fn held(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The knowledge as the ledger holds it now: reloaded first when the ledger's files changed
    /// since it was loaded (a write by this server or by a CLI `ingest`).
    pub async fn current(self: &Arc<Self>) -> Result<Arc<Snapshot>, Fail> {
        let s = self.held();
        if stamp(&self.db) == s.stamp {
            return Ok(s);
        }
        let _one = self.reloading.lock().await;
        let s = self.held();
        if stamp(&self.db) == s.stamp {
            return Ok(s); // another request reloaded it
        }
        let me = self.clone();
        let fresh = tokio::task::spawn_blocking(move || Snapshot::load(&me.db))
            .await
            .map_err(|e| Fail::from(anyhow::anyhow!("reloading the ledger failed: {e}")))??;
        let fresh = Arc::new(fresh);
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = fresh.clone();
        Ok(fresh)
    }
}
