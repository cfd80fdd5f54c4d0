//! One pair's facts in date order, merged where sources agree, with the status they imply at
//! any day and the conflicts between them.

use diplograph_model::{Code, Date, Day, Event, Fact, Origin, SetFact, Source, Status};

/// A source with where it entered diplograph.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Cited {
    #[serde(flatten)]
    pub source: Source,
    pub origin: Origin,
    /// Set when the fact was derived from a statement about a whole partner set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_statement: Option<std::sync::Arc<str>>,
    /// The date this source gives, where entries merge sources of different precision.
    #[serde(skip)]
    pub date: Option<Date>,
}

/// One event or attestation about a pair, with every source that states it.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Entry {
    /// Who acted (for directed events) and the other state.
    pub a: Code,
    pub b: Code,
    pub event: Event,
    pub date: Date,
    pub sources: Vec<Cited>,
    /// Why this entry does not decide the status, when a source of higher precedence
    /// contradicts it (it is kept, and the conflict reported).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_aside: Option<String>,
}

/// How much weight a source carries when sources disagree: a dated report quoted from its
/// publisher (3) over a dataset row (2) over an encyclopedia's table or prose (1).
pub fn rank(c: &Cited) -> u8 {
    if c.source.publisher == "Wikipedia" {
        1
    } else if !c.source.url.is_empty() && !c.source.quote.is_empty() {
        3
    } else {
        2
    }
}

fn rank_name(r: u8) -> &'static str {
    match r {
        3 => "a dated report",
        2 => "a dataset",
        _ => "an encyclopedia table",
    }
}

/// The date of an entry whose sources agree: the sources of the highest precedence decide. A
/// report states its own date, so the finest of theirs stands; tables and encyclopedias agree
/// only at the coarser precision, so the coarsest of theirs stands (a table never refines a
/// report's date).
fn merged_date(sources: &[Cited]) -> Option<Date> {
    let top = sources.iter().map(rank).max()?;
    let dates = sources
        .iter()
        .filter(|c| rank(c) == top)
        .filter_map(|c| c.date);
    if top >= 3 {
        dates.reduce(|a, b| a.finer(b))
    } else {
        dates.reduce(|a, b| if b.precision() < a.precision() { b } else { a })
    }
}

impl Entry {
    /// The highest precedence among the entry's sources.
    pub fn rank(&self) -> u8 {
        self.sources.iter().map(rank).max().unwrap_or(0)
    }

    fn from_fact(f: &Fact, a: Code, b: Code) -> Entry {
        Entry {
            a,
            b,
            event: f.event,
            date: f.date,
            sources: vec![Cited {
                source: f.source.clone(),
                origin: f.origin.clone(),
                set_statement: None,
                date: Some(f.date),
            }],
            set_aside: None,
        }
    }

    /// The attestation a set fact makes about one state, with the set's statement (made once
    /// for all its members, see [`set_statement`]).
    pub fn from_set_with(
        s: &SetFact,
        other: Code,
        partner: bool,
        statement: std::sync::Arc<str>,
    ) -> Entry {
        Entry {
            a: s.state,
            b: other,
            event: if partner {
                Event::Relations
            } else {
                Event::NoRelations
            },
            date: s.as_of,
            sources: vec![Cited {
                source: s.source.clone(),
                origin: s.origin.clone(),
                set_statement: Some(statement),
                date: Some(s.as_of),
            }],
            set_aside: None,
        }
    }
}

/// What a set fact states, in words, for the entries derived from it.
pub fn set_statement(s: &SetFact) -> std::sync::Arc<str> {
    if s.mode == diplograph_model::SetMode::Includes {
        return format!(
            "{} lists this state among its diplomatic partners as of {}",
            s.state, s.as_of
        )
        .into();
    }
    {
        let statement = format!(
            "{} {} of {} as of {}{}",
            s.state,
            match s.mode {
                diplograph_model::SetMode::AllExcept => "has relations with all",
                diplograph_model::SetMode::Exactly =>
                    "has relations with exactly the listed states",
                diplograph_model::SetMode::Count => "has a stated number of partners",
                diplograph_model::SetMode::Includes => unreachable!("stated above"),
            },
            match s.universe {
                diplograph_model::Universe::Un => "the UN members",
                diplograph_model::Universe::Nonun => "the non-UN states",
                diplograph_model::Universe::All => "all states",
            },
            s.as_of,
            if s.members.is_empty() {
                String::new()
            } else {
                let list: Vec<&str> = s.members.iter().map(|c| c.as_str()).collect();
                format!(
                    "{} {}",
                    if s.mode == diplograph_model::SetMode::AllExcept {
                        " except"
                    } else {
                        ":"
                    },
                    list.join(", ")
                )
            }
        );
        statement.into()
    }
}

/// Two facts about a pair that cannot both be true. Both are kept.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Conflict {
    pub message: String,
    pub first: Entry,
    pub second: Entry,
}

/// The status of a pair on a day, and the facts behind it.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct PairStatus {
    pub status: Status,
    /// The entry that settles the status (absent when unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Entry>,
    /// Why the status is unknown, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When the current status began, where a recorded change says so (an establishment, a
    /// break, a restoration); absent when it rests on a list or table that only attests it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    /// The status rests on an attestation (a list or table saying what held on its day) older
    /// than the day asked about: carried forward, not reported for that day.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub carried_forward: bool,
}

/// A pair's entries, sorted by date.
#[derive(Clone, Debug, Default)]
pub struct Pair {
    pub entries: Vec<Entry>,
    pub conflicts: Vec<Conflict>,
    /// Spans in which sources of equal precedence disagree on whether relations had been
    /// established: from the earlier date up to the later one, the status is unknown.
    pub disputed: Vec<(Date, Date)>,
    /// Spans between two breaks years apart with no restoration recorded between them:
    /// relations were restored at some unrecorded time, so the status there is unknown.
    pub unrecorded: Vec<(Date, Date)>,
}

impl Pair {
    /// Adds a fact, merging it into an entry that states the same event at an agreeing date
    /// (the finer date wins; every source is kept).
    pub fn add_fact(&mut self, f: &Fact, a: Code, b: Code) {
        self.add(Entry::from_fact(f, a, b));
    }

    pub fn add(&mut self, e: Entry) {
        let same = |x: &Entry| {
            x.event == e.event
                && x.date.agrees_with(&e.date)
                && (!e.event.is_directed() || (x.a == e.a && x.b == e.b))
                // Attestations at different days are different statements; merge only the same day.
                && (e.event.is_change() || x.date == e.date)
        };
        if let Some(x) = self.entries.iter_mut().find(|x| same(x)) {
            for s in e.sources {
                if !x.sources.contains(&s) {
                    x.sources.push(s);
                }
            }
            x.date = merged_date(&x.sources).unwrap_or(x.date.finer(e.date));
            return;
        }
        self.entries.push(e);
    }

    /// Sorts entries (by date; on the same date a change before an attestation of its outcome,
    /// a first establishment first and an undated break last), finds conflicts, and sets aside
    /// what a source of higher precedence contradicts; call once all facts are in.
    pub fn finish(&mut self) {
        self.entries.sort_by(|x, y| {
            x.date
                .cmp(&y.date)
                .then(y.event.is_change().cmp(&x.event.is_change()))
                .then((x.event != Event::Establish).cmp(&(y.event != Event::Establish)))
                .then((x.event == Event::Interrupted).cmp(&(y.event == Event::Interrupted)))
        });
        self.conflicts.clear();
        self.disputed.clear();
        self.unrecorded.clear();
        for e in &mut self.entries {
            e.set_aside = None;
        }
        let affecting: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].event.status_after().is_some())
            .collect();
        // A pair is established once: two first establishments at different times disagree.
        let est: Vec<usize> = affecting
            .iter()
            .copied()
            .filter(|&i| self.entries[i].event == Event::Establish)
            .collect();
        let mut aside: Vec<(usize, String)> = Vec::new();
        for w in est.windows(2) {
            let (x, y) = (&self.entries[w[0]], &self.entries[w[1]]);
            let broken_between = affecting.iter().any(|&i| {
                let e = &self.entries[i];
                matches!(e.event, Event::Sever | Event::Suspend | Event::Interrupted)
                    && x.date < e.date
                    && e.date < y.date
            });
            if x.date.agrees_with(&y.date) || broken_between {
                continue;
            }
            let message = format!(
                "establishment dated {} and {} by different sources",
                x.date, y.date
            );
            self.disagree(w[0], w[1], message, &mut aside);
        }
        // Two restorations with no break between them date the same return differently.
        let mut last_restore: Option<usize> = None;
        for &i in &affecting {
            let e = &self.entries[i];
            match e.event {
                Event::Sever | Event::Suspend | Event::Interrupted | Event::NoRelations => {
                    last_restore = None
                }
                Event::Restore => {
                    if let Some(j) = last_restore {
                        let x = &self.entries[j];
                        if !x.date.agrees_with(&e.date) {
                            let message = format!(
                                "restoration dated {} and {} by different sources, with no break between",
                                x.date, e.date
                            );
                            self.disagree(j, i, message, &mut aside);
                        }
                    }
                    last_restore = Some(i);
                }
                _ => {}
            }
        }
        // Two breaks years apart with nothing between that restores or attests relations
        // ("broke off relations in September 2008", "breaking off ties" in January 2019): the
        // second says relations held again before it, restored on a day no source gives.
        let mut last_break: Option<usize> = None;
        for &i in &affecting {
            if aside.iter().any(|(j, _)| *j == i) {
                continue;
            }
            let e = &self.entries[i];
            match e.event {
                Event::Sever => {
                    if let Some(j) = last_break {
                        let x = &self.entries[j];
                        if e.date.first_day().year() - x.date.last_day().year() >= 2 {
                            self.unrecorded.push((x.date, e.date));
                        }
                    }
                    last_break = Some(i);
                }
                Event::Establish | Event::Restore | Event::Relations => last_break = None,
                _ => {}
            }
        }
        // An attestation that contradicts what the entries before it imply.
        let mut current: Option<usize> = None;
        for &i in &affecting {
            if aside.iter().any(|(j, _)| *j == i) {
                continue;
            }
            if let Some(ci) = current {
                let (c, e) = (&self.entries[ci], &self.entries[i]);
                let before = c.event.status_after();
                let now = e.event.status_after();
                // Only an attestation that contradicts a recorded change, or an attestation of
                // lower precedence, is a conflict: between two attestations of equal weight the
                // status may simply have changed unrecorded. A source that states both (a
                // dataset's deliberate attestation) is not in conflict with itself.
                let same_publisher = e.sources.iter().any(|x| {
                    c.sources
                        .iter()
                        .any(|y| y.source.publisher == x.source.publisher)
                });
                let differ = before.is_some_and(|b| b == Status::Relations)
                    != now.is_some_and(|n| n == Status::Relations)
                    && before != Some(Status::Unknown)
                    && now != Some(Status::Unknown);
                let lower = e.rank() < c.rank();
                let contradicts = !e.event.is_change()
                    && (c.event.is_change() || lower)
                    && !same_publisher
                    && c.date.last_day() < e.date.first_day()
                    && differ;
                if contradicts {
                    let mut message = format!(
                        "{} on {} says {}, but {} on {} left {}",
                        e.event,
                        e.date,
                        now.map(|s| s.as_str()).unwrap_or("?"),
                        c.event,
                        c.date,
                        before.map(|s| s.as_str()).unwrap_or("?")
                    );
                    if lower {
                        let why = format!(
                            "answered by {} ({} on {}) over {}",
                            rank_name(c.rank()),
                            c.event,
                            c.date,
                            rank_name(e.rank())
                        );
                        message.push_str(&format!("; {why}"));
                        aside.push((i, why));
                    }
                    self.conflicts.push(Conflict {
                        message,
                        first: c.clone(),
                        second: e.clone(),
                    });
                    if lower {
                        continue;
                    }
                }
            }
            current = Some(i);
        }
        for (i, why) in aside {
            self.entries[i].set_aside = Some(why);
        }
    }

    /// Two entries (`first` the earlier) that date the same happening differently: the one of
    /// higher precedence decides and the other is set aside, with the reason; between equals,
    /// the days from the earlier date to the later are disputed. The conflict is reported.
    fn disagree(
        &mut self,
        first: usize,
        second: usize,
        mut message: String,
        aside: &mut Vec<(usize, String)>,
    ) {
        let (x, y) = (&self.entries[first], &self.entries[second]);
        let (rx, ry) = (x.rank(), y.rank());
        if rx == ry {
            self.disputed.push((x.date, y.date));
        } else {
            let (keep, drop, rk, rd) = if rx > ry {
                (x, second, rx, ry)
            } else {
                (y, first, ry, rx)
            };
            let why = format!(
                "answered by {} ({}) over {}",
                rank_name(rk),
                keep.date,
                rank_name(rd)
            );
            message.push_str(&format!("; {why}"));
            aside.push((drop, why));
        }
        self.conflicts.push(Conflict {
            message,
            first: x.clone(),
            second: y.clone(),
        });
    }

    /// The status on `day`: the last fact known to have happened by then decides, and a fact
    /// whose date may or may not fall before `day` (a year-precision "1987" asked about mid-1987)
    /// makes the answer unknown unless it would not change it. Entries set aside by precedence
    /// do not decide; where sources of equal weight disagree on the establishment, the days
    /// between their dates are unknown.
    /// When the status that `basis` settles began: the date of the change that started the
    /// run of entries with that status ending at `basis`, if a change (not an attestation)
    /// started it.
    fn began(&self, basis: &Entry) -> Option<Date> {
        let mut since = None;
        let mut previous = None;
        for e in self
            .entries
            .iter()
            .filter(|e| e.event.status_after().is_some() && e.set_aside.is_none())
        {
            let status = e.event.status_after();
            if status != previous || since.is_none() && e.event.is_change() {
                since = e.event.is_change().then_some(e.date);
                previous = status;
            }
            if std::ptr::eq(e, basis) {
                return since;
            }
        }
        None
    }

    /// A conflict that puts the status on `day` in doubt: a change (an establishment, a break)
    /// that a later attestation of no lesser weight contradicts, `day` falling between them.
    /// Either the change is wrong or the status changed unrecorded in between: the status is
    /// unknown there ("relations since 1882" from a table row, where a 2016 briefing says the
    /// two have none).
    pub fn doubt_on(&self, day: Day) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| {
            c.first.event.is_change()
                && !c.second.event.is_change()
                && c.second.rank() >= c.first.rank()
                && c.first.date.first_day() <= day
                && day < c.second.date.first_day()
        })
    }

    pub fn status_on(&self, day: Day) -> PairStatus {
        if let Some((x, y)) = self
            .disputed
            .iter()
            .find(|(x, y)| x.first_day() <= day && day < y.first_day())
        {
            return PairStatus {
                status: Status::Unknown,
                basis: None,
                reason: Some(format!(
                    "sources disagree on when relations began ({x} or {y})"
                )),
                since: None,
                carried_forward: false,
            };
        }
        if let Some((x, y)) = self
            .unrecorded
            .iter()
            .find(|(x, y)| x.last_day() < day && day < y.first_day())
        {
            return PairStatus {
                status: Status::Unknown,
                basis: None,
                reason: Some(format!(
                    "relations were broken on {x} and again on {y}, restored between them on a day no source gives"
                )),
                since: None,
                carried_forward: false,
            };
        }
        if let Some(c) = self.doubt_on(day) {
            return PairStatus {
                status: Status::Unknown,
                basis: None,
                reason: Some(format!("its sources disagree: {}", c.message)),
                since: None,
                carried_forward: false,
            };
        }
        let mut current: Option<&Entry> = None;
        let mut straddling: Option<&Entry> = None;
        for e in self
            .entries
            .iter()
            .filter(|e| e.event.status_after().is_some() && e.set_aside.is_none())
        {
            if e.date.last_day() <= day {
                current = Some(e);
                straddling = None;
            } else if e.date.first_day() <= day {
                if current.and_then(|c| c.event.status_after()) != e.event.status_after() {
                    straddling = Some(e);
                }
            } else {
                // Established only later: no relations before that; nor before a report of no
                // relations that the first establishment follows ("no relations" in 2015, then
                // established in 2023)
                let first_establishment = || {
                    self.entries.iter().find(|x| {
                        x.set_aside.is_none()
                            && x.event.status_after().is_some()
                            && x.event != Event::NoRelations
                    })
                };
                let before_first = match e.event {
                    Event::Establish => Some(e),
                    Event::NoRelations => {
                        first_establishment().filter(|x| x.event == Event::Establish)
                    }
                    _ => None,
                };
                if let (None, Some(basis)) = (current, before_first) {
                    return PairStatus {
                        status: Status::None,
                        basis: Some(basis.clone()),
                        reason: None,
                        since: None,
                        carried_forward: false,
                    };
                }
                break;
            }
        }
        if let Some(s) = straddling {
            return PairStatus {
                status: Status::Unknown,
                basis: None,
                reason: Some(format!(
                    "{} is dated {} only; {} falls within that",
                    s.event, s.date, day
                )),
                since: None,
                carried_forward: false,
            };
        }
        match current {
            Some(c) if c.event == Event::Interrupted => PairStatus {
                status: Status::Unknown,
                basis: Some(c.clone()),
                reason: Some(format!(
                    "relations were broken at a time no source gives, after {}",
                    c.date
                )),
                since: None,
                carried_forward: false,
            },
            Some(c) => PairStatus {
                status: c.event.status_after().expect("filtered"),
                basis: Some(c.clone()),
                reason: None,
                since: self.began(c),
                carried_forward: !c.event.is_change() && c.date.last_day() < day,
            },
            None => PairStatus {
                status: Status::Unknown,
                basis: None,
                reason: Some("no fact about this pair".to_string()),
                since: None,
                carried_forward: false,
            },
        }
    }

    /// Whether `by` recognizes `of` on `day`, from recognition facts alone.
    pub fn recognizes_on(&self, by: Code, of: Code, day: Day) -> Option<bool> {
        let mut r = None;
        for e in &self.entries {
            if e.a == by && e.b == of && e.date.last_day() <= day {
                match e.event {
                    Event::Recognize => r = Some(true),
                    Event::WithdrawRecognition => r = Some(false),
                    _ => {}
                }
            }
        }
        r
    }
}
