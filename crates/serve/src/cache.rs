//! Answers kept for the snapshot they were made from: the graph does not change between
//! ledger writes, so a data route's answer for the same question (path and query, and today's
//! date, which a missing `_as_of` stands for) is the same bytes until the next reload. Bounded
//! in bytes; the oldest answers leave first; a reload empties it.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode};

/// One kept answer.
#[derive(Clone)]
pub struct Kept {
    pub status: StatusCode,
    pub kind: Option<HeaderValue>,
    pub body: Bytes,
}

#[derive(Default)]
struct Inner {
    generation: u64,
    map: HashMap<String, Kept>,
    order: VecDeque<String>,
    bytes: usize,
}

pub struct Cache {
    budget: usize,
    inner: Mutex<Inner>,
}

impl Cache {
    /// A cache of at most `budget` bytes of answers (0: none kept).
    pub fn new(budget: usize) -> Cache {
        Cache {
            budget,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The answer kept for `key` from snapshot `generation`.
    pub fn get(&self, generation: u64, key: &str) -> Option<Kept> {
        let inner = self.lock();
        if inner.generation != generation {
            return None;
        }
        inner.map.get(key).cloned()
    }

    /// Keeps an answer made from snapshot `generation`; answers from an older snapshot go.
    /// An answer larger than an eighth of the budget is not kept.
    pub fn put(&self, generation: u64, key: String, kept: Kept) {
        let size = kept.body.len() + key.len();
        if size > self.budget / 8 {
            return;
        }
        let mut inner = self.lock();
        if inner.generation != generation {
            if generation < inner.generation {
                return; // made from a snapshot already replaced
            }
            *inner = Inner {
                generation,
                ..Inner::default()
            };
        }
        if inner.map.contains_key(&key) {
            return;
        }
        while inner.bytes + size > self.budget {
            let Some(old) = inner.order.pop_front() else {
                break;
            };
            if let Some(k) = inner.map.remove(&old) {
                inner.bytes -= k.body.len() + old.len();
            }
        }
        inner.bytes += size;
        inner.order.push_back(key.clone());
        inner.map.insert(key, kept);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(n: usize) -> Kept {
        Kept {
            status: StatusCode::OK,
            kind: None,
            body: Bytes::from(vec![b'x'; n]),
        }
    }

    #[test]
    fn the_oldest_answers_leave_first_and_a_new_snapshot_empties_it() {
        let c = Cache::new(1000);
        c.put(1, "a".into(), kept(99));
        c.put(1, "b".into(), kept(99));
        assert!(c.get(1, "a").is_some());
        for k in ["c", "d", "e", "f", "g", "h", "i", "j"] {
            c.put(1, k.into(), kept(99));
        }
        // ten answers of 100 bytes fit; the eleventh pushes out the first
        c.put(1, "k".into(), kept(99));
        assert!(c.get(1, "a").is_none());
        assert!(c.get(1, "b").is_some());
        assert!(c.get(2, "b").is_none(), "an answer from another snapshot");
        c.put(2, "z".into(), kept(10));
        assert!(c.get(2, "b").is_none());
        assert!(c.get(2, "z").is_some());
        // an answer from the older snapshot is not kept beside the newer ones
        c.put(1, "old".into(), kept(10));
        assert!(c.get(1, "old").is_none() && c.get(2, "old").is_none());
        // too large for the budget
        c.put(2, "big".into(), kept(500));
        assert!(c.get(2, "big").is_none());
    }
}
