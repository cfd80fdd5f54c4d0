//! Scoring the checker on labelled claims (`eval/claims/*.jsonl`, format in its README).
//!
//! A labelled claim is found when the checker reports a claim whose words overlap the labelled
//! quote; it is right when the verdicts agree. Accuracy is right over all labelled claims, so
//! a claim the checker does not find counts against it.

use std::collections::BTreeMap;

use diplograph_graph::Graph;
use diplograph_model::Date;
use diplograph_read::{read, Lexicon};

use crate::{check_within, undated_period, Verdict};

#[derive(Clone, Debug, serde::Deserialize)]
pub struct Case {
    pub id: String,
    pub published: Option<String>,
    pub text: String,
    pub claims: Vec<Labelled>,
}

#[derive(Clone, Debug, serde::Deserialize)]
pub struct Labelled {
    pub quote: String,
    pub kind: String,
    pub verdict: String,
}

#[derive(Debug, thiserror::Error)]
#[error("case {id:?}: {message}")]
pub struct CaseError {
    pub id: String,
    pub message: String,
}

#[derive(Clone, Debug, Default, serde::Serialize, schemars::JsonSchema)]
pub struct Tally {
    pub claims: usize,
    pub found: usize,
    pub right: usize,
}

#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Miss {
    pub id: String,
    pub quote: String,
    pub expected: String,
    /// The checker's verdict, or `not found`.
    pub got: String,
}

#[derive(Clone, Debug, Default, serde::Serialize, schemars::JsonSchema)]
pub struct Report {
    pub passages: usize,
    pub overall: Tally,
    pub by_kind: BTreeMap<String, Tally>,
    pub by_verdict: BTreeMap<String, Tally>,
    /// Labelled verdict -> the checker's (or `not found`) -> claims.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// True or undecidable claims the checker refuted: the harmful direction, a correction
    /// that should not be published.
    pub harmful: Vec<Miss>,
    pub misses: Vec<Miss>,
}

pub fn parse_cases(name: &str, content: &str) -> Result<Vec<Case>, CaseError> {
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| CaseError {
                id: format!("{name}:{}", i + 1),
                message: e.to_string(),
            })
        })
        .collect()
}

/// Checks every case against `graph` as of its publication date (the last day of a partial one).
pub fn score(cases: &[Case], graph: &Graph, lexicon: &Lexicon) -> Result<Report, CaseError> {
    let mut rep = Report::default();
    for case in cases {
        rep.passages += 1;
        let published: Option<Date> = match &case.published {
            Some(p) => Some(p.parse().map_err(|_| CaseError {
                id: case.id.clone(),
                message: format!("bad published date {p:?}"),
            })?),
            None => None,
        };
        let reading = read(&case.text, published, lexicon);
        // an article dated by its month or year is judged over the whole period
        // without one, over the days from its latest dated event to the end of 2026 (a fixed
        // "today", so that scores do not drift with the clock)
        let period = published
            .map(|d| (d.first_day(), d.last_day()))
            .unwrap_or_else(|| undated_period(&reading, Date::year(2026).last_day()));
        let report = check_within(&case.text, &reading, graph, period, lexicon);
        for l in &case.claims {
            let expected: Verdict = l.verdict.parse().map_err(|m| CaseError {
                id: case.id.clone(),
                message: m,
            })?;
            let Some(at) = case.text.find(&l.quote) else {
                return Err(CaseError {
                    id: case.id.clone(),
                    message: format!("quote {:?} is not in the text", l.quote),
                });
            };
            let (qs, qe) = (at, at + l.quote.len());
            // the claim whose words best match the labelled ones (overlap over union), so that
            // a whole sentence reported as a date claim does not stand in for a count inside it
            let found = report
                .claims
                .iter()
                .filter(|c| c.start < qe && qs < c.end)
                .max_by_key(|c| {
                    let overlap = c.end.min(qe) - c.start.max(qs);
                    let union = c.end.max(qe) - c.start.min(qs);
                    (overlap * 1000 / union.max(1), std::cmp::Reverse(c.start))
                });
            let right = found.is_some_and(|c| c.verdict == expected);
            for t in [
                &mut rep.overall,
                rep.by_kind.entry(l.kind.clone()).or_default(),
                rep.by_verdict.entry(l.verdict.clone()).or_default(),
            ] {
                t.claims += 1;
                t.found += usize::from(found.is_some());
                t.right += usize::from(right);
            }
            let got = found.map_or("not found", |c| c.verdict.as_str());
            *rep.confusion
                .entry(expected.as_str().to_string())
                .or_default()
                .entry(got.to_string())
                .or_default() += 1;
            if !right {
                let miss = Miss {
                    id: case.id.clone(),
                    quote: l.quote.clone(),
                    expected: l.verdict.clone(),
                    got: got.to_string(),
                };
                if expected != Verdict::Refuted && got == Verdict::Refuted.as_str() {
                    rep.harmful.push(miss.clone());
                }
                rep.misses.push(miss);
            }
        }
        // a refutation the best match above did not show ("seven countries" read inside
        // "Twenty-seven countries", beside a claim that matched the label better) is harmful
        // too when the labelled claim it overlaps most is not refuted
        for c in report
            .claims
            .iter()
            .filter(|c| c.verdict == Verdict::Refuted)
        {
            let label = case
                .claims
                .iter()
                .filter_map(|l| {
                    let qs = case.text.find(&l.quote)?;
                    let qe = qs + l.quote.len();
                    (c.start < qe && qs < c.end).then(|| {
                        let overlap = c.end.min(qe) - c.start.max(qs);
                        let union = c.end.max(qe) - c.start.min(qs);
                        (overlap * 1000 / union.max(1), l)
                    })
                })
                .max_by_key(|x| x.0)
                .map(|x| x.1);
            let Some(l) = label else { continue };
            if l.verdict == Verdict::Refuted.as_str()
                || rep
                    .harmful
                    .iter()
                    .any(|m| m.id == case.id && m.quote == l.quote)
            {
                continue;
            }
            rep.harmful.push(Miss {
                id: case.id.clone(),
                quote: l.quote.clone(),
                expected: l.verdict.clone(),
                got: format!("refuted as {:?}", c.text),
            });
        }
    }
    Ok(rep)
}
