//! How surely: asserted, reported, planned, denied or hypothetical, from cue words around the
//! trigger ("will", "agreed to", "denied", "if").

use super::Sentence;
use crate::Modality;

impl Sentence<'_> {
    /// "may" the modal, not "May" the name or the month ("Britain's Theresa May met …").
    pub(super) fn modal_may(&self, j: usize) -> bool {
        self.is(j, &["may"]) && self.text[self.toks[j].start..].starts_with('m')
    }

    /// How the sentence puts the event at token `at`.
    pub(super) fn modality(&self, at: usize) -> Modality {
        let start = (0..at)
            .rev()
            .find(|&j| self.is(j, &[";"]))
            .map(|j| j + 1)
            .unwrap_or(0);
        let window = start..at;
        let near = |n: usize| at.saturating_sub(n).max(start)..at;
        let any = |r: std::ops::Range<usize>, words: &[&str]| r.clone().any(|j| self.is(j, words));
        let any_stem =
            |r: std::ops::Range<usize>, stems: &[&str]| r.clone().any(|j| self.starts(j, stems));
        // a denial, not "after the disputed election" (an adjective)
        let denial = |j: usize| {
            self.starts(j, DENY_STEMS)
                && !(self.starts(j, &["disputed", "rejected"])
                    && j > 0
                    && self.is(j - 1, &["the", "a", "an", "its", "their", "his", "her"]))
        };
        if window.clone().any(denial)
            || window
                .clone()
                .any(|j| self.is(j, &["pushed"]) && self.is(j + 1, &["back"]))
        {
            return Modality::Denied;
        }
        let negation = near(7).any(|j| {
            self.is(
                j,
                &[
                    "not", "never", "neither", "nor", "refused", "declined", "failed",
                ],
            ) && !self.is(j + 1, &["only", "just", "merely"])
        }) || near(4).any(|j| {
            self.is(
                j,
                &[
                    "not", "never", "no", "neither", "nor", "without", "refused", "declined",
                    "failed",
                ],
            ) || (self.is(j, &["t"]) && j > 0 && self.is(j - 1, &["’", "'"]))
        }) || any(near(4), &["yet"]) && !any(near(4), &["and"]);
        if negation {
            return Modality::Negated;
        }
        // a gerund or noun as the subject takes the main verb's mood: "Cutting ties would be
        // Tehran's only option if..."
        let nominal = self.w(at).ends_with("ing") || !self.w(at).ends_with("ed");
        let main_clause = (at + 1..self.toks.len().min(at + 14))
            .take_while(|&j| !self.is(j, &[";"]))
            .any(|j| self.is(j, &["would", "could", "might", "if", "unless"]) || self.modal_may(j));
        if nominal
            && (start..at).all(|j| {
                !self.toks[j].word
                    || self.is(j, &["or", "and", "the", "a", "an"])
                    || self.starts(
                        j,
                        &[
                            "downgrad",
                            "sever",
                            "cut",
                            "break",
                            "restor",
                            "establish",
                            "formalis",
                            "formaliz",
                            "normalis",
                            "normaliz",
                        ],
                    )
            })
            && main_clause
        {
            return Modality::Hypothetical;
        }
        // "will travel to Brazil ..., holding bilateral discussions": a future verb governs the
        // trigger unless a verb in the past stands between them
        let will = (at.saturating_sub(30).max(start)..at)
            .rev()
            .find(|&j| self.is(j, &["will", "shall", "’ll", "'ll"]));
        if let Some(k) = will {
            let past_between = (k + 1..at).any(|j| {
                let w = self.w(j);
                w.len() > 3
                    && w.ends_with("ed")
                    && !matches!(
                        w,
                        "need"
                            | "speed"
                            | "indeed"
                            | "based"
                            | "aimed"
                            | "expected"
                            | "planned"
                            | "scheduled"
                    )
            });
            if !past_between {
                return Modality::Planned;
            }
        }
        if any(window.clone(), &["if", "unless", "whether"])
            || near(5).any(|j| self.modal_may(j))
            || any(
                near(5),
                &[
                    "could",
                    "might",
                    "would",
                    "should",
                    "possible",
                    "possibly",
                    "potential",
                    "potentially",
                    "considering",
                    "consider",
                    "considers",
                    "mulling",
                    "mulls",
                    "weighing",
                    "weighs",
                    "explore",
                    "exploring",
                    "explored",
                    // "agreed to review establishing relations", "to study restoring ties"
                    "review",
                    "reviewing",
                    "study",
                    "studying",
                    "examine",
                    "examining",
                    "discuss",
                    "discussing",
                ],
            )
        {
            return Modality::Hypothetical;
        }
        // a gerund or noun as a topic: "feedback on normalising relations", "talks about
        // establishing ties"
        let topic = at > 0
            && self.is(
                at - 1,
                &[
                    "on",
                    "about",
                    "over",
                    "regarding",
                    "toward",
                    "towards",
                    "for",
                ],
            )
            && !self.is(
                at,
                &[
                    "met",
                    "signed",
                    "established",
                    "severed",
                    "recognised",
                    "recognized",
                ],
            )
            // "signed a joint communique on resuming diplomatic relations": the document
            // signed is the act
            && !(at >= 2
                && self.starts(at - 2, &["communiq"])
                && (at.saturating_sub(8)..at - 2).any(|j| self.starts(j, &["sign", "ink"])));
        // "its interest in re-establishing relations", "the aim of normalising ties"
        let aim = at >= 2
            && self.is(at - 1, &["in", "of"])
            && self.starts(
                at - 2,
                &[
                    "interest",
                    "intent",
                    "aim",
                    "goal",
                    "prospect",
                    "possibilit",
                    "hope",
                    "view",
                ],
            );
        if topic || aim {
            return Modality::Planned;
        }
        // "a suspension of ties had been proposed"
        let end = (at + 1..self.toks.len())
            .find(|&j| self.is(j, &[";", ","]))
            .unwrap_or(self.toks.len());
        let after_cue = (at + 1..end.min(at + 10)).any(|j| {
            self.is(
                j,
                &[
                    "proposed",
                    "planned",
                    "expected",
                    "mooted",
                    "envisaged",
                    "considered",
                    "scheduled",
                ],
            ) && self.is(j - 1, &["been", "be", "is", "was", "are", "were", "being"])
        });
        if after_cue {
            return Modality::Planned;
        }
        // "agreed to normalise ties": a process agreed on, not relations established
        if at > 0 && self.is(at - 1, &["to"]) && self.starts(at, &["normalis", "normaliz"]) {
            return Modality::Planned;
        }
        // "became the 13th state to withdraw its recognition", "the first country to recognise":
        // a rank of something done
        // … with the noun qualified by a place: "the first country in the Americas to
        // recognise the SADR", "the first state in the world to …"
        let noun = (at.saturating_sub(6)..at.saturating_sub(1))
            .rev()
            .find(|&k| {
                self.is(
                    k,
                    &[
                        "state",
                        "country",
                        "nation",
                        "government",
                        "states",
                        "countries",
                        "nations",
                    ],
                ) && (k + 1..at - 1).all(|j| {
                    self.is(j, &["in", "the", "of", "world", "region", "continent"])
                        || self.text[self.toks[j].start..self.toks[j].end]
                            .starts_with(char::is_uppercase)
                })
            });
        let ranked = at >= 3
            && self.is(at - 1, &["to"])
            && noun.is_some_and(|n| {
                (n.saturating_sub(4)..n).any(|k| {
                let w = self.w(k);
                matches!(w, "first" | "second" | "third" | "fourth" | "fifth" | "sixth" | "seventh" | "eighth" | "ninth" | "tenth" | "latest" | "last" | "only")
                    || (w.len() > 2
                        && w.as_bytes()[0].is_ascii_digit()
                        && (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th")))
                })
            })
            // … said as done ("became", "has become"), not hoped for ("hopes to become")
            && (at.saturating_sub(8)..at).any(|k| {
                self.is(k, &["became", "becomes", "is", "was", "as"])
                    || (self.is(k, &["become", "been"])
                        && k > 0
                        && self.is(k - 1, &["has", "have", "had"]))
            });
        // "the latest to abandon Taiwan", "the first to recognise it": a rank of what was done
        let ranked = ranked
            || at >= 3
                && self.is(at - 1, &["to"])
                && self.is(
                    at - 2,
                    &[
                        "latest", "first", "last", "second", "third", "fourth", "fifth",
                    ],
                )
                && self.is(at - 3, &["the"]);
        let infinitive = at > 0
            && self.is(at - 1, &["to"])
            && !ranked
            && !any(
                near(9),
                &[
                    "agreed", "decided", "voted", "moved", "went", "began", "started", "used",
                    "was", "were", "agree", "agrees", "decides", "decision",
                ],
            );
        // "used a broadcast on Monday to announce that his country had set up relations": what
        // is announced as done is done, whatever the announcing was
        // (or "was the first to announce it had closed its embassy")
        let done_since = |k: usize| {
            (k + 1..at).any(|t| {
                self.is(t, &["that"]) && (t + 1..at).any(|j| self.is(j, &["had", "has", "have"]))
                    || self.is(t, &["it", "they", "he", "she", "we"])
                        && self.is(t + 1, &["had", "has", "have"])
            })
        };
        let cue_near = |words: &[&str]| near(6).rev().find(|&j| self.is(j, words));
        if infinitive || cue_near(PLAN_CUES).is_some_and(|k| !done_since(k)) {
            return Modality::Planned;
        }
        let reported = any_stem(
            0..self.toks.len(),
            &["reportedly", "allegedly", "purportedly"],
        ) || any(
            window.clone(),
            &["intelligence", "sources", "unnamed", "anonymous", "leaked"],
        ) || any(
            window.clone(),
            &[
                "reported",
                "reports",
                "report",
                "claimed",
                "claims",
                "believed",
                "suspected",
                "accused",
                "accuses",
            ],
        ) && any(window.clone(), &["that", "of", "to"])
            || (at..self.toks.len()).any(|j| self.is(j, &["sources", "intelligence"]));
        if reported {
            return Modality::Reported;
        }
        Modality::Asserted
    }
}

/// Words that make an act ahead a plan: "will", "plans to", "is set to", "to announce".
const PLAN_CUES: &[&str] = &[
    "will",
    "shall",
    "’ll",
    "'ll",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "intending",
    "expected",
    "expects",
    "due",
    "aim",
    "aims",
    "aiming",
    "seek",
    "seeks",
    "seeking",
    "hope",
    "hopes",
    "hoping",
    "want",
    "wants",
    "ready",
    "prepare",
    "prepares",
    "preparing",
    "propose",
    "proposed",
    "proposes",
    "pledge",
    "pledged",
    "pledges",
    "promise",
    "promised",
    "promises",
    "vow",
    "vowed",
    "vows",
    "upcoming",
    "scheduled",
    "towards",
    "toward",
    "set",
    "announce",
    "intention",
    "offered",
    "offer",
    "threatened",
    "threatens",
    "threaten",
    "urged",
    "urges",
    "called",
    "calls",
    "demanded",
    "demands",
    "asked",
    "push",
    "pushing",
    "would-be",
];

/// Verbs that deny what follows: "denied breaking off ties", "rejected reports that …".
const DENY_STEMS: &[&str] = &[
    "denied",
    "deny",
    "denies",
    "denying",
    "dismissed",
    "refuted",
    "rejected",
    "rebuffed",
    "disputed",
];
