//! The temporal relations graph: every state, every pair's facts over time, and the queries on
//! them — a state's partners as of a day, a pair's history, partner counts per year, and the
//! states that deal with one state but not its rival. Every answer reports its coverage.
//!
//! The main types are [`States`] (lookup), [`Graph`] (built from facts and set facts, optionally
//! as they could have been known on a day) and the answers [`Relations`], [`History`],
//! [`Exclusive`] and [`YearCount`].
//!
//! ```
//! use diplograph_graph::{Graph, Options};
//! use diplograph_model::Universe;
//! let b = diplograph_baseline::load().unwrap();
//! let g = Graph::build(b.states, &b.facts, &b.sets, &Options::default());
//! let kor = g.states().resolve("South Korea").unwrap().code;
//! let r = g.relations(kor, "2025-04-12".parse().unwrap(), Universe::Un).unwrap();
//! assert_eq!((r.count, r.of), (191, 192));
//! ```

mod groups;
mod pair;
mod states;

use std::sync::Arc;

use diplograph_model::{
    Code, Date, Day, Event, Fact, SetFact, SetMode, State, StateKind, Status, Universe,
};

pub use groups::GroupOn;
pub use pair::{Cited, Conflict, Entry, Pair, PairStatus};
pub use states::{fold, LookupError, States};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("{name} ({code}) did not exist on {day}: it exists from {begin}")]
    NotYet {
        code: Code,
        name: String,
        day: Day,
        begin: Date,
    },
    #[error("{name} ({code}) no longer existed on {day}: it ended on {end}")]
    Ended {
        code: Code,
        name: String,
        day: Day,
        end: Date,
    },
    /// A day inside one of the state's gaps (an occupation or annexation): strictly between the
    /// last day of one spell and the first of the next.
    #[error(
        "{name} ({code}) did not exist on {day}: it was not independent between {last} and {first}"
    )]
    InGap {
        code: Code,
        name: String,
        day: Day,
        last: Date,
        first: Date,
    },
    #[error("{0} and {0} are the same state: a pair needs two")]
    SamePair(Code),
}

/// How the graph is built.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Keep only facts whose source had published by this day: the graph as it could have been
    /// known then.
    pub known_at: Option<Day>,
}

/// What a pair's entries are made from: a fact, or a set fact's statement about the pair.
#[derive(Clone, Copy, Debug)]
enum Item {
    Fact(u32),
    /// A row of an indexed facts file, parsed when its pair is built.
    Row {
        file: u16,
        row: u32,
    },
    Set {
        set: u32,
        partner: bool,
    },
}

/// Every pair's items, sorted by pair: `keys[k]` owns `items[starts[k]..starts[k + 1]]`, and
/// its entries once asked for in `pairs[k]`. One sort instead of a map of vectors: the index is
/// built at every start.
#[derive(Debug, Default)]
struct Index {
    keys: Vec<(Code, Code)>,
    starts: Vec<u32>,
    items: Vec<Item>,
    pairs: Vec<std::sync::OnceLock<Box<Pair>>>,
}

impl Index {
    /// The packed key of a pair and an item's position: the pair (five bits a letter) above
    /// the position, so that one unstable sort groups pairs and keeps each pair's items in the
    /// order of the facts (merging is order-aware).
    fn pack((a, b): (Code, Code), position: usize) -> u64 {
        let letters = |c: Code| {
            c.as_str()
                .bytes()
                .fold(0u64, |k, x| k << 5 | (x.wrapping_sub(b'A') as u64 & 31))
        };
        (letters(a) << 15 | letters(b)) << 32 | position as u64
    }

    fn unpack(k: u64) -> (Code, Code) {
        let code = |v: u64| {
            let s: String = [10, 5, 0]
                .iter()
                .map(|sh| (b'A' + ((v >> sh) & 31) as u8) as char)
                .collect();
            s.parse::<Code>().expect("packed from a code")
        };
        (code(k >> 47 & 0x7fff), code(k >> 32 & 0x7fff))
    }

    fn new(mut sorted: Vec<(u64, Item)>) -> Index {
        sorted.sort_unstable_by_key(|&(k, _)| k);
        let mut ix = Index {
            keys: Vec::new(),
            starts: Vec::new(),
            items: Vec::with_capacity(sorted.len()),
            pairs: Vec::new(),
        };
        let mut last = u64::MAX;
        for (n, &(k, item)) in sorted.iter().enumerate() {
            if k >> 32 != last {
                last = k >> 32;
                ix.keys.push(Index::unpack(k));
                ix.starts.push(n as u32);
            }
            ix.items.push(item);
        }
        ix.starts.push(ix.items.len() as u32);
        ix.pairs = (0..ix.keys.len()).map(|_| Default::default()).collect();
        ix
    }

    fn find(&self, k: (Code, Code)) -> Option<usize> {
        self.keys.binary_search(&k).ok()
    }

    fn items(&self, at: usize) -> &[Item] {
        &self.items[self.starts[at] as usize..self.starts[at + 1] as usize]
    }
}

/// The relations graph.
#[derive(Debug)]
pub struct Graph {
    states: States,
    index: Index,
    facts: Arc<Vec<Fact>>,
    rows: Arc<Vec<diplograph_baseline::Rows>>,
    statements: Vec<std::sync::Arc<str>>,
    sets: Vec<SetFact>,
    /// Group memberships ([`Graph::with_memberships`]), none unless given.
    memberships: Arc<Vec<diplograph_model::Membership>>,
    /// Facts left out, and why (a code no state has).
    pub skipped: Vec<String>,
    pub known_at: Option<Day>,
}

fn key(a: Code, b: Code) -> (Code, Code) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn known(published: Option<Date>, known_at: Option<Day>) -> bool {
    match known_at {
        None => true,
        Some(k) => published.is_some_and(|p| p.last_day() <= k),
    }
}

impl Graph {
    /// Indexes the facts and set facts by pair; each pair's entries are merged, sorted and
    /// checked for conflicts the first time the pair is asked about, so that a query about one
    /// state does not pay for the other eighteen thousand pairs (see `bench/`).
    pub fn build<'a>(
        states: Vec<State>,
        facts: impl IntoIterator<Item = &'a Fact>,
        sets: &[SetFact],
        opts: &Options,
    ) -> Graph {
        let facts: Vec<Fact> = facts.into_iter().cloned().collect();
        Graph::build_shared(
            states,
            Arc::new(facts),
            |_| true,
            Arc::new(Vec::new()),
            sets,
            opts,
        )
    }

    /// As [`Graph::build`], over facts shared with other graphs (a process that builds several,
    /// one per article, copies none), keeping those `keep` accepts, and over the rows of
    /// indexed facts files, parsed only for the pairs asked about.
    pub fn build_shared(
        states: Vec<State>,
        facts: Arc<Vec<Fact>>,
        keep: impl Fn(&Fact) -> bool,
        rows: Arc<Vec<diplograph_baseline::Rows>>,
        sets: &[SetFact],
        opts: &Options,
    ) -> Graph {
        let states = States::new(states);
        let n_rows: usize = rows.iter().map(|r| r.rows.len()).sum();
        let mut raw: Vec<(u64, Item)> = Vec::with_capacity(facts.len() * 2 + n_rows * 2);
        let mut push = |k: (Code, Code), item: Item| {
            let at = raw.len();
            raw.push((Index::pack(k, at), item));
        };
        let mut skipped = Vec::new();
        for (i, f) in facts.iter().enumerate() {
            if !known(f.source.published, opts.known_at) || !keep(f) {
                continue;
            }
            let (Some(a), Some(b)) = (states.canonical(f.a), states.canonical(f.b)) else {
                skipped.push(format!(
                    "{}: no state has the code {} or {}",
                    f.origin, f.a, f.b
                ));
                continue;
            };
            push(key(a, b), Item::Fact(i as u32));
        }
        // After the facts: the embedded facts files come in this order too.
        for (fi, file) in rows.iter().enumerate() {
            for (ri, r) in file.rows.iter().enumerate() {
                if opts.known_at.is_some() && !known(file.published(r), opts.known_at) {
                    continue;
                }
                let (Some(a), Some(b)) = (states.canonical(r.a), states.canonical(r.b)) else {
                    skipped.push(format!(
                        "{}: no state has the code {} or {}",
                        file.file, r.a, r.b
                    ));
                    continue;
                };
                push(
                    key(a, b),
                    Item::Row {
                        file: fi as u16,
                        row: ri as u32,
                    },
                );
            }
        }
        let mut kept_sets = Vec::new();
        let mut statements = Vec::new();
        for s in sets {
            if !known(s.source.published, opts.known_at) {
                continue;
            }
            let Some(state) = states.canonical(s.state) else {
                skipped.push(format!("{}: no state has the code {}", s.origin, s.state));
                continue;
            };
            let mut s = s.clone();
            s.state = state;
            s.members = s
                .members
                .iter()
                .filter_map(|&m| states.canonical(m))
                .collect();
            let set = kept_sets.len() as u32;
            if s.mode == SetMode::Includes {
                // A list of partners speaks only of those it names.
                for &other in &s.members {
                    if other != state {
                        push(key(state, other), Item::Set { set, partner: true });
                    }
                }
            } else if s.mode != SetMode::Count {
                let day = s.as_of.last_day();
                for other in universe(&states, day, s.universe) {
                    if other.code == state {
                        continue;
                    }
                    let listed = s.members.contains(&other.code);
                    let partner = match s.mode {
                        SetMode::AllExcept => !listed,
                        SetMode::Exactly => listed,
                        SetMode::Count | SetMode::Includes => unreachable!(),
                    };
                    push(key(state, other.code), Item::Set { set, partner });
                }
            }
            statements.push(pair::set_statement(&s));
            kept_sets.push(s);
        }
        Graph {
            states,
            index: Index::new(raw),
            facts,
            rows,
            statements,
            sets: kept_sets,
            memberships: Arc::new(Vec::new()),
            skipped,
            known_at: opts.known_at,
        }
    }

    fn canonical(&self, c: Code) -> Code {
        self.states.canonical(c).unwrap_or(c)
    }

    /// A pair's entries, merged and checked, from its indexed facts and set facts.
    fn make_pair(&self, (a, b): (Code, Code), items: &[Item]) -> Pair {
        let mut p = Pair::default();
        for item in items {
            match *item {
                Item::Fact(i) => {
                    let f = &self.facts[i as usize];
                    p.add_fact(f, self.canonical(f.a), self.canonical(f.b));
                }
                Item::Row { file, row } => {
                    let rows = &self.rows[file as usize];
                    // Every row parses: the test suite parses them all (`baseline::load`).
                    if let Ok(f) = rows.fact(&rows.rows[row as usize]) {
                        p.add_fact(&f, self.canonical(f.a), self.canonical(f.b));
                    }
                }
                Item::Set { set, partner } => {
                    let s = &self.sets[set as usize];
                    let other = if s.state == a { b } else { a };
                    p.add(Entry::from_set_with(
                        s,
                        other,
                        partner,
                        self.statements[set as usize].clone(),
                    ));
                }
            }
        }
        p.finish();
        p
    }

    pub fn states(&self) -> &States {
        &self.states
    }

    pub fn pair(&self, a: Code, b: Code) -> Option<&Pair> {
        self.index.find(key(a, b)).map(|at| self.pair_at(at))
    }

    fn pair_at(&self, at: usize) -> &Pair {
        self.index.pairs[at]
            .get_or_init(|| Box::new(self.make_pair(self.index.keys[at], self.index.items(at))))
    }

    /// Every pair with at least one fact.
    pub fn pairs(&self) -> impl Iterator<Item = (&(Code, Code), &Pair)> {
        (0..self.index.keys.len()).map(|at| (&self.index.keys[at], self.pair_at(at)))
    }

    pub fn status(&self, a: Code, b: Code, day: Day) -> PairStatus {
        match self.pair(a, b) {
            Some(p) => p.status_on(day),
            None => PairStatus {
                status: Status::Unknown,
                basis: None,
                reason: Some("no fact about this pair".into()),
                since: None,
                carried_forward: false,
            },
        }
    }

    /// Fails when `code` did not exist on `day`.
    pub fn check_exists(&self, code: Code, day: Day) -> Result<&State, Error> {
        let s = self.states.get(code).expect("resolved codes only");
        if let Some(b) = s.begin {
            if day < b.first_day() {
                return Err(Error::NotYet {
                    code: s.code,
                    name: s.name.clone(),
                    day,
                    begin: b,
                });
            }
        }
        if let Some(e) = s.end {
            if day > e.last_day() {
                return Err(Error::Ended {
                    code: s.code,
                    name: s.name.clone(),
                    day,
                    end: e,
                });
            }
        }
        if let Some((last, first)) = s.gap_on(day) {
            return Err(Error::InGap {
                code: s.code,
                name: s.name.clone(),
                day,
                last,
                first,
            });
        }
        Ok(s)
    }

    /// A state's partners, non-partners and unknowns on `day` among a universe of states.
    pub fn relations(&self, code: Code, day: Day, among: Universe) -> Result<Relations, Error> {
        let state = self.check_exists(code, day)?;
        let mut r = Relations {
            state: state.code,
            name: state.name.clone(),
            as_of: Date::from_day(day),
            among,
            known_at: self.known_at.map(Date::from_day),
            count: 0,
            of: 0,
            partners: vec![],
            without: vec![],
            unknown: vec![],
            coverage: Coverage::default(),
            newest_evidence: None,
            carried_forward: 0,
            stated_counts: vec![],
            recognized_by: None,
            details: vec![],
            conflicts: vec![],
        };
        for other in universe(&self.states, day, among) {
            if other.code == state.code {
                continue;
            }
            r.of += 1;
            let st = self.status(state.code, other.code, day);
            match st.status {
                Status::Relations => r.partners.push(other.code),
                Status::Unknown => r.unknown.push(other.code),
                _ => r.without.push(other.code),
            }
            if let Some(p) = self.pair(state.code, other.code) {
                r.conflicts.extend(
                    p.conflicts
                        .iter()
                        .filter(|c| c.second.date.first_day() <= day)
                        .cloned(),
                );
            }
            r.details.push(Detail {
                state: other.code,
                name: other.name.clone(),
                status: st,
            });
        }
        r.count = r.partners.len();
        r.coverage = Coverage::new(r.of, r.unknown.len());
        r.carried_forward = r
            .details
            .iter()
            .filter(|d| d.status.carried_forward)
            .count();
        r.newest_evidence = r
            .details
            .iter()
            .filter_map(|d| d.status.basis.as_ref())
            .map(|b| b.date)
            .filter(|d| d.first_day() <= day)
            .max_by_key(|d| d.last_day());
        r.stated_counts = self
            .sets
            .iter()
            .filter(|s| {
                s.state == state.code && s.mode == SetMode::Count && s.as_of.first_day() <= day
            })
            .cloned()
            .collect();
        r.stated_counts.sort_by_key(|s| std::cmp::Reverse(s.as_of));
        // an observer's recognition (Palestine's) is as much the question as Kosovo's
        if matches!(state.kind, StateKind::Limited | StateKind::Observer) {
            // Recognition: a recognition fact, or (where states recognize by exchanging
            // ambassadors, as with Taiwan) relations.
            let mut by = Vec::new();
            for other in universe(&self.states, day, Universe::All) {
                let p = self.pair(state.code, other.code);
                let rec = p.and_then(|p| p.recognizes_on(other.code, state.code, day));
                let rel = self.status(state.code, other.code, day).status == Status::Relations;
                if rec == Some(true) || (rec.is_none() && rel) {
                    by.push(other.code);
                }
            }
            r.recognized_by = Some(by);
        }
        Ok(r)
    }

    /// States in relations with `a` but not with `rival` on `day`.
    pub fn exclusive(
        &self,
        a: Code,
        rival: Code,
        day: Day,
        among: Universe,
    ) -> Result<Exclusive, Error> {
        if a == rival {
            return Err(Error::SamePair(a));
        }
        self.check_exists(a, day)?;
        self.check_exists(rival, day)?;
        let mut x = Exclusive {
            state: a,
            rival,
            as_of: Date::from_day(day),
            among,
            count: 0,
            states: vec![],
            undetermined: vec![],
        };
        for other in universe(&self.states, day, among) {
            if other.code == a || other.code == rival {
                continue;
            }
            if self.status(a, other.code, day).status != Status::Relations {
                continue;
            }
            match self.status(rival, other.code, day).status {
                Status::Relations => {}
                Status::Unknown => x.undetermined.push(other.code),
                _ => x.states.push(other.code),
            }
        }
        x.count = x.states.len();
        Ok(x)
    }

    /// Partner counts at the end of each year (or on `until` in its own year), with the changes
    /// that happened in the year.
    pub fn timeline(&self, code: Code, from: i16, until: Day, among: Universe) -> Vec<YearCount> {
        let mut out = Vec::new();
        for (year, day) in year_ends(from, until) {
            let Ok(r) = self.relations(code, day, among) else {
                continue;
            };
            let mut changes = Vec::new();
            for other in universe(&self.states, day, Universe::All) {
                if let Some(p) = self.pair(code, other.code) {
                    for e in p
                        .entries
                        .iter()
                        .filter(|e| e.event.is_change() && e.date.year_number() == year)
                    {
                        changes.push(Change {
                            date: e.date,
                            event: e.event,
                            a: e.a,
                            b: e.b,
                        });
                    }
                }
            }
            changes.sort_by(|x, y| x.date.cmp(&y.date).then(x.b.cmp(&y.b)));
            out.push(YearCount {
                year,
                partners: r.count,
                without: r.without.len(),
                unknown: r.unknown.len(),
                of: r.of,
                changes,
            });
        }
        out
    }

    /// The first year any fact speaks of `code`.
    pub fn first_year(&self, code: Code) -> Option<i16> {
        self.index
            .keys
            .iter()
            .filter(|(a, b)| *a == code || *b == code)
            .filter_map(|&(a, b)| {
                self.pair(a, b)
                    .and_then(|p| p.entries.first().map(|e| e.date.year_number()))
            })
            .min()
    }

    /// A pair's history: status intervals with their sources, recognition facts, conflicts.
    pub fn history(&self, a: Code, b: Code) -> Result<History, Error> {
        if a == b {
            return Err(Error::SamePair(a));
        }
        let mut h = History {
            a,
            b,
            history: vec![],
            recognition: vec![],
            conflicts: vec![],
        };
        let Some(p) = self.pair(a, b) else {
            return Ok(h);
        };
        for e in p.entries.iter().filter(|e| e.set_aside.is_none()) {
            let Some(status) = e.event.status_after() else {
                h.recognition.push(e.clone());
                continue;
            };
            if let Some(last) = h.history.last_mut() {
                // A second restoration with no break between (sources that disagree on the
                // day) opens an interval of its own, so both dates show.
                let disputed_return = e.event == Event::Restore && last.event == Event::Restore;
                if last.status == status && !disputed_return {
                    for s in &e.sources {
                        if !last.sources.contains(s) {
                            last.sources.push(s.clone());
                        }
                    }
                    continue;
                }
                last.to = Some(e.date);
                last.to_precision = Some(e.date.precision().as_str());
            }
            let from_precision = if e.event.is_change() {
                e.date.precision().as_str()
            } else {
                "before"
            };
            h.history.push(Interval {
                status,
                event: e.event,
                from: Some(e.date),
                from_precision: Some(from_precision),
                to: None,
                to_precision: None,
                sources: e.sources.clone(),
            });
        }
        // Before a first establishment there were no relations: the establishment's own
        // sources say so.
        let first_change = p
            .entries
            .iter()
            .find(|e| e.event.status_after().is_some() && e.set_aside.is_none());
        if let (Some(first), Some(entry)) = (h.history.first(), first_change) {
            if first.event == Event::Establish && entry.event == Event::Establish {
                h.history.insert(
                    0,
                    Interval {
                        status: Status::None,
                        event: Event::NoRelations,
                        from: None,
                        from_precision: None,
                        to: first.from,
                        to_precision: first.from_precision,
                        sources: entry.sources.clone(),
                    },
                );
            }
        }
        h.conflicts = p.conflicts.clone();
        Ok(h)
    }
}

/// How much the graph knows on a day: every pair of a universe (or every pair with one state),
/// known or unknown, with an establishment date or without, by the kind of source that decides
/// it, and per state.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct CoverageReport {
    pub as_of: Date,
    pub among: Universe,
    pub known_at: Option<Date>,
    /// Pairs considered.
    pub pairs: usize,
    pub known: usize,
    pub unknown: usize,
    /// Share of pairs known, 0 to 1.
    pub share: f64,
    /// Pairs with a first establishment on record (dated at any precision).
    pub dated: usize,
    pub dated_share: f64,
    /// Known pairs by status.
    pub by_status: std::collections::BTreeMap<&'static str, usize>,
    /// Known pairs by the kind of source that decides them: `report`, `dataset`,
    /// `encyclopedia`, `ledger`.
    pub by_source: std::collections::BTreeMap<&'static str, usize>,
    /// Per state, least covered first.
    pub states: Vec<StateCoverage>,
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct StateCoverage {
    pub state: Code,
    pub name: String,
    pub of: usize,
    pub known: usize,
    pub unknown: usize,
    pub dated: usize,
    pub share: f64,
    pub dated_share: f64,
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        1.0
    } else {
        n as f64 / of as f64
    }
}

/// The kind of source an entry rests on, for coverage by source.
fn source_kind(e: &Entry) -> &'static str {
    let top = e.sources.iter().max_by_key(|c| pair::rank(c));
    match top {
        Some(c)
            if matches!(
                c.origin,
                diplograph_model::Origin::Ledger { .. } | diplograph_model::Origin::Read { .. }
            ) =>
        {
            "ledger"
        }
        Some(c) => match pair::rank(c) {
            3 => "report",
            2 => "dataset",
            _ => "encyclopedia",
        },
        None => "none",
    }
}

impl Graph {
    /// Coverage on `day` among a universe, of every pair or of the pairs with `state`.
    pub fn coverage(
        &self,
        day: Day,
        among: Universe,
        state: Option<Code>,
    ) -> Result<CoverageReport, Error> {
        if let Some(s) = state {
            self.check_exists(s, day)?;
        }
        let members: Vec<&State> = universe(&self.states, day, among).collect();
        let mut r = CoverageReport {
            as_of: Date::from_day(day),
            among,
            known_at: self.known_at.map(Date::from_day),
            pairs: 0,
            known: 0,
            unknown: 0,
            share: 0.0,
            dated: 0,
            dated_share: 0.0,
            by_status: Default::default(),
            by_source: Default::default(),
            states: Vec::new(),
        };
        let mut per: std::collections::BTreeMap<Code, StateCoverage> = members
            .iter()
            .filter(|s| state.is_none_or(|x| x == s.code))
            .map(|s| {
                (
                    s.code,
                    StateCoverage {
                        state: s.code,
                        name: s.name.clone(),
                        of: 0,
                        known: 0,
                        unknown: 0,
                        dated: 0,
                        share: 0.0,
                        dated_share: 0.0,
                    },
                )
            })
            .collect();
        for (i, x) in members.iter().enumerate() {
            for y in &members[i + 1..] {
                if state.is_some_and(|s| s != x.code && s != y.code) {
                    continue;
                }
                let st = self.status(x.code, y.code, day);
                let known = st.status != Status::Unknown;
                let dated = self.pair(x.code, y.code).is_some_and(|p| {
                    p.entries.iter().any(|e| {
                        e.event == Event::Establish
                            && e.set_aside.is_none()
                            && e.date.first_day() <= day
                    })
                });
                r.pairs += 1;
                if known {
                    r.known += 1;
                    *r.by_status.entry(st.status.as_str()).or_default() += 1;
                    let kind = st.basis.as_ref().map_or("none", source_kind);
                    *r.by_source.entry(kind).or_default() += 1;
                } else {
                    r.unknown += 1;
                }
                r.dated += dated as usize;
                for c in [x.code, y.code] {
                    if let Some(sc) = per.get_mut(&c) {
                        sc.of += 1;
                        sc.known += known as usize;
                        sc.unknown += (!known) as usize;
                        sc.dated += dated as usize;
                    }
                }
            }
        }
        r.share = share(r.known, r.pairs);
        r.dated_share = share(r.dated, r.pairs);
        r.states = per
            .into_values()
            .map(|mut s| {
                s.share = share(s.known, s.of);
                s.dated_share = share(s.dated, s.of);
                s
            })
            .collect();
        r.states.sort_by(|a, b| {
            a.share
                .total_cmp(&b.share)
                .then(a.dated_share.total_cmp(&b.dated_share))
                .then(a.state.cmp(&b.state))
        });
        Ok(r)
    }
}

/// The last day of each year from `from`, ending on `until` in its own year: the days a
/// year-by-year count is taken on.
pub fn year_ends(from: i16, until: Day) -> impl Iterator<Item = (i16, Day)> {
    (from..=until.year()).map(move |y| {
        let day = if y == until.year() {
            until
        } else {
            Day::new(y, 12, 31).expect("valid")
        };
        (y, day)
    })
}

/// The states of a universe on a day.
pub fn universe(states: &States, day: Day, among: Universe) -> impl Iterator<Item = &State> {
    states.all().iter().filter(move |s| match among {
        Universe::Un => s.un_member_on(day),
        Universe::Nonun => s.exists_on(day) && !s.un_member_on(day) && s.kind != StateKind::Former,
        Universe::All => s.exists_on(day) && (s.kind != StateKind::Former || s.begin.is_some()),
    })
}

/// How much of an answer rests on facts.
#[derive(Clone, Debug, Default, serde::Serialize, schemars::JsonSchema)]
pub struct Coverage {
    pub known: usize,
    pub unknown: usize,
    /// Share of pairs known, 0 to 1.
    pub share: f64,
}

impl Coverage {
    fn new(of: usize, unknown: usize) -> Coverage {
        let known = of - unknown;
        Coverage {
            known,
            unknown,
            share: if of == 0 {
                1.0
            } else {
                known as f64 / of as f64
            },
        }
    }
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Detail {
    pub state: Code,
    pub name: String,
    #[serde(flatten)]
    pub status: PairStatus,
}

/// The answer to "with whom does this state have relations on this day?".
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Relations {
    pub state: Code,
    pub name: String,
    pub as_of: Date,
    pub among: Universe,
    pub known_at: Option<Date>,
    /// Number of partners.
    pub count: usize,
    /// Number of states considered.
    pub of: usize,
    pub partners: Vec<Code>,
    pub without: Vec<Code>,
    pub unknown: Vec<Code>,
    pub coverage: Coverage,
    /// The newest evidence that decides a status in this answer (a fact's or a list's date).
    pub newest_evidence: Option<Date>,
    /// Statuses resting on a list or table older than the day asked about, carried forward.
    pub carried_forward: usize,
    /// Partner counts stated by sources (set facts that give only a number).
    pub stated_counts: Vec<SetFact>,
    /// For states with limited recognition: who recognizes them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recognized_by: Option<Vec<Code>>,
    pub details: Vec<Detail>,
    pub conflicts: Vec<Conflict>,
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Exclusive {
    pub state: Code,
    pub rival: Code,
    pub as_of: Date,
    pub among: Universe,
    pub count: usize,
    /// In relations with `state`, known not to be with `rival`.
    pub states: Vec<Code>,
    /// In relations with `state`; whether with `rival` is unknown.
    pub undetermined: Vec<Code>,
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Change {
    pub date: Date,
    pub event: Event,
    pub a: Code,
    pub b: Code,
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct YearCount {
    pub year: i16,
    pub partners: usize,
    pub without: usize,
    pub unknown: usize,
    pub of: usize,
    pub changes: Vec<Change>,
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Interval {
    pub status: Status,
    /// The event or attestation that opened the interval.
    pub event: Event,
    pub from: Option<Date>,
    /// `year`, `month`, `day`, or `before` when only "by then" is known.
    pub from_precision: Option<&'static str>,
    pub to: Option<Date>,
    pub to_precision: Option<&'static str>,
    pub sources: Vec<Cited>,
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct History {
    pub a: Code,
    pub b: Code,
    pub history: Vec<Interval>,
    pub recognition: Vec<Entry>,
    pub conflicts: Vec<Conflict>,
}
