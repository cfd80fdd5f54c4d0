//! Lists of the states that recognise another: "besides Russia, only Nicaragua, Venezuela and
//! Nauru recognise Abkhazia", "only Nicaragua, Venezuela and Nauru had joined Russia in
//! recognising the two regions", "Northern Cyprus is recognised only by Turkey".
//!
//! The list is compared with the recognisers the graph knows on the day (countries only: not
//! the other states with limited recognition that recognise one another). The same set is
//! supported; a different one is `not_enough_info` with both sides shown, never refuted: a
//! recognition list is only as complete as the graph's coverage of it, and sources differ on
//! whether a recognition "frozen" or withdrawn still counts.

use std::sync::OnceLock;

use diplograph_graph::Graph;
use diplograph_model::{Code, Day, StateKind, Universe};
use regex::Regex;

use super::{evidence_of, At, Named};
use crate::{name, Claim, ClaimKind, Verdict};

struct Patterns {
    /// "only A, B and C (now|still) recognise X", "only A, B and C had joined D in recognising X"
    only_recognise: Regex,
    /// "X is recognised only by A, B and C", "recognised by only A and B"
    recognised_only_by: Regex,
    /// "besides D", "apart from D", "alongside D", "other than D": more recognisers, before
    besides: Regex,
    /// "joined D in recognising": more recognisers, inside
    joined: Regex,
    /// "… recognise the two regions", "… recognise them": the state with limited recognition
    /// named last before
    anaphor: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("recognisers pattern");
        Patterns {
            only_recognise: re(r"(?i)\bonly\s+([^.;:]{2,160}?)\s+(?:now\s+|still\s+|formally\s+|officially\s+|have\s+|had\s+|has\s+)*(?:recogni[sz]e[sd]?|joined\s+[^.;:]{2,60}?\s+in\s+recogni[sz]ing)\s+"),
            recognised_only_by: re(r"(?i)\brecogni[sz]ed\s+(?:only\s+by|by\s+only)\s+([^.;:]{2,160}?)(?:[.;:]|,\s+(?:which|who|a|an|the)\b|$)"),
            besides: re(r"(?i)\b(?:besides|apart\s+from|alongside|other\s+than|aside\s+from|in\s+addition\s+to|before)\s+([^,.;:]{2,80}),"),
            anaphor: re(r"(?i)^(?:the\s+two\s+(?:regions|territories|republics|entities|breakaway\s+regions)|both|them|it|the\s+(?:breakaway\s+)?(?:region|territory|republic|entity))\b"),
            joined: re(r"(?i)\bjoined\s+([^.;:]{2,60}?)\s+in\s+recogni[sz]ing\b"),
        }
    })
}

/// The recognisers a list claim names, the state recognised and the claim's words.
struct Listed {
    by: Vec<Code>,
    target: Code,
    start: usize,
    end: usize,
}

/// The list claims of the sentence at `ss..se` of `text`.
pub(super) fn find(
    text: &str,
    graph: &Graph,
    as_of: Day,
    named: &Named,
    (ss, se): (usize, usize),
    previous: &[Code],
) -> Vec<Claim> {
    let p = patterns();
    let s = &text[ss..se];
    let mut found: Vec<Listed> = Vec::new();
    for c in p.only_recognise.captures_iter(s) {
        let m = c.get(0).expect("match");
        let list = c.get(1).expect("list");
        let mut by: Vec<Code> = named
            .within(ss + list.start(), ss + list.end())
            .into_iter()
            .map(|x| x.2)
            .collect();
        if by.is_empty() {
            continue;
        }
        // "had joined Russia in recognising": Russia is one more
        if let Some(j) = p.joined.captures(m.as_str()) {
            let g = j.get(1).expect("joined");
            by.extend(
                named
                    .within(ss + m.start() + g.start(), ss + m.start() + g.end())
                    .into_iter()
                    .map(|x| x.2),
            );
        }
        // "Besides Moscow and Damascus, only …"
        if let Some(b) = p.besides.captures(&s[..m.start()]) {
            let g = b.get(1).expect("besides");
            by.extend(
                named
                    .within(ss + g.start(), ss + g.end())
                    .into_iter()
                    .map(|x| x.2),
            );
        }
        let limited = |c: &Code| {
            graph
                .states()
                .get(*c)
                .is_some_and(|s| s.kind == StateKind::Limited)
        };
        let anaphor = p.anaphor.is_match(&s[m.end()..]);
        let target = if anaphor {
            // the first state with limited recognition this sentence or the one before names
            named
                .0
                .iter()
                .filter(|x| x.1 <= ss + m.start())
                .map(|x| x.2)
                .chain(previous.iter().copied())
                .find(limited)
        } else {
            named.after(ss + m.end())
        };
        let Some(target) = target else {
            continue;
        };
        if by.contains(&target) {
            continue;
        }
        let end = if anaphor {
            ss + m.end() + p.anaphor.find(&s[m.end()..]).map_or(0, |a| a.end())
        } else {
            named
                .0
                .iter()
                .find(|x| x.0 >= ss + m.end())
                .map_or(ss + m.end(), |x| x.1)
        };
        found.push(Listed {
            by,
            target,
            start: ss + m.start(),
            end,
        });
    }
    for c in p.recognised_only_by.captures_iter(s) {
        let m = c.get(0).expect("match");
        let list = c.get(1).expect("list");
        let by: Vec<Code> = named
            .within(ss + list.start(), ss + list.end())
            .into_iter()
            .map(|x| x.2)
            .collect();
        let Some(target) = named.before(ss + m.start()) else {
            continue;
        };
        if by.is_empty() || by.contains(&target) {
            continue;
        }
        found.push(Listed {
            by,
            target,
            start: ss + m.start(),
            end: ss + list.end(),
        });
    }
    found
        .into_iter()
        .filter_map(|l| decide(text, graph, as_of, l))
        .collect()
}

fn decide(text: &str, graph: &Graph, as_of: Day, mut l: Listed) -> Option<Claim> {
    let at = At::span(text, l.start, l.end);
    let rel = graph.relations(l.target, as_of, Universe::All).ok()?;
    // a list of recognisers is about a state whose recognition is in question
    let known = rel.recognized_by.as_ref()?;
    let country = |c: &Code| {
        graph
            .states()
            .get(*c)
            .is_some_and(|s| !matches!(s.kind, StateKind::Limited | StateKind::Former))
    };
    let mut graph_by: Vec<Code> = known.iter().copied().filter(country).collect();
    graph_by.sort();
    l.by.sort();
    l.by.dedup();
    let names = |cs: &[Code]| {
        cs.iter()
            .map(|c| name(graph, *c))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let target = name(graph, l.target);
    let fact = format!(
        "On {as_of} the graph knows {} countries that recognise {target}: {}.",
        graph_by.len(),
        if graph_by.is_empty() {
            "none".to_string()
        } else {
            names(&graph_by)
        }
    );
    let evidence = rel
        .details
        .iter()
        .filter(|d| l.by.contains(&d.state) || graph_by.contains(&d.state))
        .flat_map(|d| evidence_of(graph, &d.status))
        .collect();
    let (verdict, explanation) = if graph_by == l.by {
        (
            Verdict::Supported,
            format!("{fact} The claim names the same {}.", l.by.len()),
        )
    } else {
        let missing: Vec<Code> =
            l.by.iter()
                .copied()
                .filter(|c| !graph_by.contains(c))
                .collect();
        let more: Vec<Code> = graph_by
            .iter()
            .copied()
            .filter(|c| !l.by.contains(c))
            .collect();
        let mut why = fact;
        if !missing.is_empty() {
            why.push_str(&format!(
                " The graph does not know that {} recognise(s) it.",
                names(&missing)
            ));
        }
        if !more.is_empty() {
            why.push_str(&format!(" The claim leaves out {}.", names(&more)));
        }
        why.push_str(" A recognition list is only as complete as the graph's coverage, so the claim is not refuted.");
        (Verdict::NotEnoughInfo, why)
    };
    Some(at.claim(ClaimKind::Exception, verdict, explanation, evidence))
}
