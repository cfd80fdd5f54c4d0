//! A refutation is published as a correction (issue 13): no claim that is true, or that the
//! evidence cannot decide, may be judged refuted — on the development claims (`eval/claims`),
//! on the sets retired to development (`eval/claims-heldout` to `eval/claims-heldout-5`) and on
//! the held-out one (`eval/claims-heldout-6`: measured here, never tuned on).

use std::path::Path;

use diplograph_check::eval::{parse_cases, score, Case, Report};
use diplograph_check::Verdict;
use diplograph_graph::{Graph, Options};
use diplograph_read::Lexicon;

fn cases(dir: &str) -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../eval")
        .join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            let name = p.display().to_string();
            parse_cases(&name, &std::fs::read_to_string(p).unwrap()).unwrap()
        })
        .collect()
}

fn scored(dir: &str) -> Report {
    let b = diplograph_baseline::load().unwrap();
    let lex = Lexicon::new(&b.states, &b.people);
    let graph = Graph::build(b.states, &b.facts, &b.sets, &Options { known_at: None })
        .with_memberships(std::sync::Arc::new(b.memberships));
    score(&cases(dir), &graph, &lex).unwrap()
}

fn no_harm(dir: &str) -> Report {
    let r = scored(dir);
    let harmful: Vec<String> = r
        .harmful
        .iter()
        .map(|m| format!("{} ({} judged refuted): {:?}", m.id, m.expected, m.quote))
        .collect();
    assert!(harmful.is_empty(), "{dir}: {harmful:#?}");
    assert!(r.overall.claims > 100, "{dir}: {} claims", r.overall.claims);
    r
}

#[test]
fn no_true_claim_is_refuted_in_the_development_set() {
    let r = no_harm("claims");
    // and the refutations it does make are right
    let refuted = &r.confusion["refuted"];
    assert!(
        refuted.get("refuted").copied().unwrap_or(0) >= 10,
        "{refuted:?}"
    );
    assert_eq!(r.confusion["supported"].get("refuted"), None);
}

#[test]
fn no_true_claim_is_refuted_in_the_held_out_set() {
    no_harm("claims-heldout");
}

#[test]
fn no_true_claim_is_refuted_in_the_second_held_out_set() {
    no_harm("claims-heldout-2");
}

#[test]
fn no_true_claim_is_refuted_in_the_third_held_out_set() {
    no_harm("claims-heldout-3");
}

#[test]
fn no_true_claim_is_refuted_in_the_fourth_held_out_set() {
    no_harm("claims-heldout-4");
}

#[test]
fn no_true_claim_is_refuted_in_the_fifth_held_out_set() {
    no_harm("claims-heldout-5");
}

#[test]
fn no_true_claim_is_refuted_in_the_sixth_held_out_set() {
    no_harm("claims-heldout-6");
}

/// The examples issue 13 names, restated in `eval/claims/issue13.jsonl`: each gets its verdict
/// or `not_enough_info`, never the opposite one.
#[test]
fn the_issues_examples_get_their_verdict_or_not_enough_info() {
    let b = diplograph_baseline::load().unwrap();
    let lex = Lexicon::new(&b.states, &b.people);
    let graph = Graph::build(b.states, &b.facts, &b.sets, &Options { known_at: None })
        .with_memberships(std::sync::Arc::new(b.memberships));
    let all = cases("claims");
    let examples: Vec<Case> = all
        .into_iter()
        .filter(|c| c.id.starts_with("i13-") || c.id == "claim-018")
        .collect();
    assert_eq!(examples.len(), 9);
    let r = score(&examples, &graph, &lex).unwrap();
    for m in &r.misses {
        assert!(
            m.got == "not_enough_info" || (m.got == "not found" && m.id == "i13-006"),
            "{} expected {} got {}: {:?}",
            m.id,
            m.expected,
            m.got,
            m.quote
        );
    }
    // the list, the Vatican add-on, Taipei, and Seoul's only missing member are decided
    let decided = r.overall.right;
    assert!(decided >= 5, "{decided} of {}", r.overall.claims);
}

/// Every refutation names the facts, with their sources, that contradict the claim.
#[test]
fn every_refutation_names_its_evidence() {
    let b = diplograph_baseline::load().unwrap();
    let lex = Lexicon::new(&b.states, &b.people);
    let graph = Graph::build(b.states, &b.facts, &b.sets, &Options { known_at: None })
        .with_memberships(std::sync::Arc::new(b.memberships));
    let mut refuted = 0;
    for dir in [
        "claims",
        "claims-heldout",
        "claims-heldout-2",
        "claims-heldout-3",
        "claims-heldout-4",
        "claims-heldout-5",
        "claims-heldout-6",
    ] {
        for case in cases(dir) {
            let published = case
                .published
                .as_deref()
                .map(|p| p.parse::<diplograph_model::Date>().unwrap());
            let reading = diplograph_read::read(&case.text, published, &lex);
            let period = published.map_or_else(
                || {
                    diplograph_check::undated_period(
                        &reading,
                        diplograph_model::Date::year(2026).last_day(),
                    )
                },
                |p| (p.first_day(), p.last_day()),
            );
            let report = diplograph_check::check_within(&case.text, &reading, &graph, period, &lex);
            for c in report
                .claims
                .iter()
                .filter(|c| c.verdict == Verdict::Refuted)
            {
                refuted += 1;
                assert!(
                    c.evidence.iter().any(|e| !e.sources.is_empty()),
                    "{}: {:?} refuted without a sourced fact: {}",
                    case.id,
                    c.text,
                    c.explanation
                );
            }
        }
    }
    assert!(refuted >= 10, "{refuted} refutations");
}
