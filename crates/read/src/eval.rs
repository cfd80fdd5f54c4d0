//! Scoring the reader on labelled passages (`eval/reader/*.jsonl`, format in its README).
//!
//! A predicted event matches a labelled one when type, actors (ordered for directed types) and
//! date (value and precision) agree. Only predictions that happened (asserted or reported)
//! count; modality accuracy is reported over the matches. The same passages are also scored
//! with the date left out of the match (`date_ignored`), so that a wrong or missing date is told
//! apart from a missed event.

use std::collections::BTreeMap;

use diplograph_model::{Code, Date};

use crate::{read, EventType, Lexicon, Modality};

/// One labelled passage.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Case {
    pub id: String,
    pub published: Option<String>,
    pub text: String,
    pub events: Vec<Expected>,
    #[serde(default)]
    pub negative: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, serde::Deserialize)]
pub struct Expected {
    #[serde(rename = "type")]
    pub kind: String,
    pub actors: Vec<String>,
    pub date: Option<String>,
    #[serde(default)]
    pub modality: Option<String>,
}

/// A case the scorer could not use.
#[derive(Debug, thiserror::Error)]
#[error("case {id:?}: {message}")]
pub struct CaseError {
    pub id: String,
    pub message: String,
}

#[derive(Clone, Copy, Debug, Default, serde::Serialize, schemars::JsonSchema)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A miss or a false alarm, for the user to look at.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Mistake {
    pub id: String,
    /// `missed` (labelled, not found) or `spurious` (found, not labelled).
    pub kind: &'static str,
    pub event: String,
}

#[derive(Clone, Debug, Default, serde::Serialize, schemars::JsonSchema)]
pub struct Report {
    pub passages: usize,
    pub negatives: usize,
    /// Negative passages on which the reader asserted or reported something.
    pub negatives_with_events: Vec<String>,
    pub overall: Counts,
    pub by_type: BTreeMap<String, Counts>,
    /// The same, matching type and actors only: the events found whatever their date.
    pub overall_date_ignored: Counts,
    pub by_type_date_ignored: BTreeMap<String, Counts>,
    pub modality_correct: usize,
    pub modality_checked: usize,
    pub mistakes: Vec<Mistake>,
}

struct Key {
    kind: EventType,
    actors: [Code; 2],
    date: Option<Date>,
    modality: Option<Modality>,
}

impl Key {
    fn matches(&self, other: &Key) -> bool {
        self.same_event(other) && self.date == other.date
    }

    /// Type and actors agree, whatever the dates.
    fn same_event(&self, other: &Key) -> bool {
        self.kind == other.kind
            && (self.actors == other.actors
                || self.kind.symmetric_match() && self.actors == [other.actors[1], other.actors[0]])
    }

    fn show(&self) -> String {
        format!(
            "{} {}-{} {}{}",
            self.kind.as_str(),
            self.actors[0],
            self.actors[1],
            self.date.map_or("undated".to_string(), |d| d.to_string()),
            self.modality
                .map_or(String::new(), |m| format!(" ({})", m.as_str()))
        )
    }
}

fn expected_key(id: &str, e: &Expected) -> Result<Key, CaseError> {
    let err = |message: String| CaseError {
        id: id.to_string(),
        message,
    };
    let kind: EventType = e.kind.parse().map_err(err)?;
    let [a, b] = e.actors.as_slice() else {
        return Err(err(format!("expected two actors, got {:?}", e.actors)));
    };
    let code = |s: &str| s.parse::<Code>().map_err(|x| err(x.to_string()));
    let date = match &e.date {
        Some(d) => Some(d.parse::<Date>().map_err(|x| err(x.to_string()))?),
        None => None,
    };
    let modality = match &e.modality {
        Some(m) => Some(m.parse::<Modality>().map_err(err)?),
        None => None,
    };
    Ok(Key {
        kind,
        actors: [code(a)?, code(b)?],
        date,
        modality,
    })
}

/// Reads every case and scores what the reader finds against the labels.
pub fn score(cases: &[Case], lexicon: &Lexicon) -> Result<Report, CaseError> {
    let mut rep = Report::default();
    for t in EventType::ALL {
        rep.by_type
            .insert(t.as_str().to_string(), Counts::default());
        rep.by_type_date_ignored
            .insert(t.as_str().to_string(), Counts::default());
    }
    for case in cases {
        rep.passages += 1;
        let published = match &case.published {
            Some(p) => Some(p.parse::<diplograph_model::Date>().map_err(|_| CaseError {
                id: case.id.clone(),
                message: format!("bad published date {p:?}"),
            })?),
            None => None,
        };
        let gold: Vec<Key> = case
            .events
            .iter()
            .map(|e| expected_key(&case.id, e))
            .collect::<Result<_, _>>()?;
        if case.negative.is_some() {
            rep.negatives += 1;
        }
        let reading = read(&case.text, published, lexicon);
        let predicted: Vec<Key> = reading
            .events
            .iter()
            .filter(|e| e.modality.happened())
            .map(|e| Key {
                kind: e.kind,
                actors: e.actors,
                date: e.date,
                modality: Some(e.modality),
            })
            .collect();
        if case.negative.is_some() && !predicted.is_empty() {
            rep.negatives_with_events.push(case.id.clone());
        }
        // date left out: each labelled event against the predictions of its type and actors
        let mut taken = vec![false; predicted.len()];
        for g in &gold {
            let slot = rep
                .by_type_date_ignored
                .get_mut(g.kind.as_str())
                .expect("all types");
            match (0..predicted.len()).find(|&k| !taken[k] && predicted[k].same_event(g)) {
                Some(k) => {
                    taken[k] = true;
                    slot.tp += 1;
                    rep.overall_date_ignored.tp += 1;
                }
                None => {
                    slot.fn_ += 1;
                    rep.overall_date_ignored.fn_ += 1;
                }
            }
        }
        for (k, p) in predicted.iter().enumerate() {
            if !taken[k] {
                let slot = rep
                    .by_type_date_ignored
                    .get_mut(p.kind.as_str())
                    .expect("all types");
                slot.fp += 1;
                rep.overall_date_ignored.fp += 1;
            }
        }
        let mut used = vec![false; predicted.len()];
        for g in &gold {
            let slot = rep.by_type.get_mut(g.kind.as_str()).expect("all types");
            match (0..predicted.len()).find(|&k| !used[k] && predicted[k].matches(g)) {
                Some(k) => {
                    used[k] = true;
                    slot.tp += 1;
                    rep.overall.tp += 1;
                    if let Some(m) = g.modality {
                        rep.modality_checked += 1;
                        if predicted[k].modality == Some(m) {
                            rep.modality_correct += 1;
                        }
                    }
                }
                None => {
                    slot.fn_ += 1;
                    rep.overall.fn_ += 1;
                    rep.mistakes.push(Mistake {
                        id: case.id.clone(),
                        kind: "missed",
                        event: g.show(),
                    });
                }
            }
        }
        for (k, p) in predicted.iter().enumerate() {
            if !used[k] {
                let slot = rep.by_type.get_mut(p.kind.as_str()).expect("all types");
                slot.fp += 1;
                rep.overall.fp += 1;
                rep.mistakes.push(Mistake {
                    id: case.id.clone(),
                    kind: "spurious",
                    event: p.show(),
                });
            }
        }
    }
    Ok(rep)
}

/// Parses a JSON Lines file of cases; errors name the line.
pub fn parse_cases(name: &str, content: &str) -> Result<Vec<Case>, CaseError> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Case = serde_json::from_str(line).map_err(|e| CaseError {
            id: format!("{name}:{}", i + 1),
            message: e.to_string(),
        })?;
        out.push(case);
    }
    Ok(out)
}
