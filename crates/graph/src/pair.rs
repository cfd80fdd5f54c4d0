//! One pair's facts in date order, merged where sources agree, with the status they imply at
//! any day and the conflicts between them.

use diplograph_model::{Code, Date, Day, Event, Fact, Origin, SetFact, Source, Status};

/// A source with where it entered diplograph.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Cited {
    #[serde(flatten)]
    pub source: Source,
    pub origin: Origin,
    /// Set when the fact was derived from a statement about a whole partner set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_statement: Option<String>,
}

/// One event or attestation about a pair, with every source that states it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Entry {
    /// Who acted (for directed events) and the other state.
    pub a: Code,
    pub b: Code,
    pub event: Event,
    pub date: Date,
    pub sources: Vec<Cited>,
}

impl Entry {
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
            }],
        }
    }

    pub fn from_set(s: &SetFact, other: Code, partner: bool) -> Entry {
        let statement = format!(
            "{} {} of {} as of {}{}",
            s.state,
            match s.mode {
                diplograph_model::SetMode::AllExcept => "has relations with all",
                diplograph_model::SetMode::Exactly =>
                    "has relations with exactly the listed states",
                diplograph_model::SetMode::Count => "has a stated number of partners",
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
            }],
        }
    }
}

/// Two facts about a pair that cannot both be true. Both are kept.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Conflict {
    pub message: String,
    pub first: Entry,
    pub second: Entry,
}

/// The status of a pair on a day, and the facts behind it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct PairStatus {
    pub status: Status,
    /// The entry that settles the status (absent when unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Entry>,
    /// Why the status is unknown, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A pair's entries, sorted by date.
#[derive(Clone, Debug, Default)]
pub struct Pair {
    pub entries: Vec<Entry>,
    pub conflicts: Vec<Conflict>,
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
            x.date = x.date.finer(e.date);
            for s in e.sources {
                if !x.sources.contains(&s) {
                    x.sources.push(s);
                }
            }
            return;
        }
        self.entries.push(e);
    }

    /// Sorts entries (by date; on the same date a change before an attestation of its outcome)
    /// and finds conflicts; call once all facts are in.
    pub fn finish(&mut self) {
        self.entries.sort_by(|x, y| {
            x.date
                .cmp(&y.date)
                .then(y.event.is_change().cmp(&x.event.is_change()))
        });
        self.conflicts.clear();
        let affecting: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| e.event.status_after().is_some())
            .collect();
        // A pair is established once: two first establishments at different times disagree.
        let est: Vec<&&Entry> = affecting
            .iter()
            .filter(|e| e.event == Event::Establish)
            .collect();
        for w in est.windows(2) {
            if !w[0].date.agrees_with(&w[1].date)
                && !affecting.iter().any(|e| {
                    matches!(e.event, Event::Sever | Event::Suspend)
                        && w[0].date < e.date
                        && e.date < w[1].date
                })
            {
                self.conflicts.push(Conflict {
                    message: format!(
                        "establishment dated {} and {} by different sources",
                        w[0].date, w[1].date
                    ),
                    first: (*w[0]).clone(),
                    second: (*w[1]).clone(),
                });
            }
        }
        // An attestation that contradicts what the changes before it imply.
        let mut current: Option<&Entry> = None;
        for e in &affecting {
            if let Some(c) = current {
                let before = c.event.status_after();
                let now = e.event.status_after();
                // Only an attestation that contradicts a recorded change is a conflict: between
                // two attestations the status may simply have changed unrecorded.
                // A source that states both (a dataset's deliberate attestation) is not in
                // conflict with itself.
                let same_publisher = e.sources.iter().any(|x| {
                    c.sources
                        .iter()
                        .any(|y| y.source.publisher == x.source.publisher)
                });
                let contradicts = !e.event.is_change()
                    && c.event.is_change()
                    && !same_publisher
                    && c.date.last_day() < e.date.first_day()
                    && before.is_some_and(|b| b == Status::Relations)
                        != now.is_some_and(|n| n == Status::Relations);
                if contradicts {
                    self.conflicts.push(Conflict {
                        message: format!(
                            "{} on {} says {}, but {} on {} left {}",
                            e.event,
                            e.date,
                            now.map(|s| s.as_str()).unwrap_or("?"),
                            c.event,
                            c.date,
                            before.map(|s| s.as_str()).unwrap_or("?")
                        ),
                        first: (*c).clone(),
                        second: (*e).clone(),
                    });
                }
            }
            current = Some(e);
        }
    }

    /// The status on `day`: the last fact known to have happened by then decides, and a fact
    /// whose date may or may not fall before `day` (a year-precision "1987" asked about mid-1987)
    /// makes the answer unknown unless it would not change it.
    pub fn status_on(&self, day: Day) -> PairStatus {
        let mut current: Option<&Entry> = None;
        let mut straddling: Option<&Entry> = None;
        for e in self
            .entries
            .iter()
            .filter(|e| e.event.status_after().is_some())
        {
            if e.date.last_day() <= day {
                current = Some(e);
                straddling = None;
            } else if e.date.first_day() <= day {
                if current.and_then(|c| c.event.status_after()) != e.event.status_after() {
                    straddling = Some(e);
                }
            } else {
                if current.is_none() && e.event == Event::Establish {
                    // Established only later: no relations before that.
                    return PairStatus {
                        status: Status::None,
                        basis: Some(e.clone()),
                        reason: None,
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
            };
        }
        match current {
            Some(c) => PairStatus {
                status: c.event.status_after().expect("filtered"),
                basis: Some(c.clone()),
                reason: None,
            },
            None => PairStatus {
                status: Status::Unknown,
                basis: None,
                reason: Some("no fact about this pair".to_string()),
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
