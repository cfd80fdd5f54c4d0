//! What happened: the rules that find a trigger (a verb or noun stem) with what must stand
//! near it ("established" needs "relations" within a few words, not "trade ties"), one `Match`
//! per event a sentence may state.

use super::words::*;
use super::{Match, Sentence};
use crate::dates;
use crate::EventType;

impl Sentence<'_> {
    /// The nouns an embassy goes by here: "missions" too where the sentence speaks of an
    /// embassy or diplomats ("shut its embassy in Australia and opened new missions in Zimbabwe"),
    /// not "peacekeeping missions".
    pub(super) fn embassy_nouns(&self) -> Vec<&'static str> {
        let diplomatic = (0..self.toks.len()).any(|k| self.starts(k, &["embass", "diplomat"]));
        if diplomatic {
            vec!["embassy", "embassies", "mission", "missions"]
        } else {
            vec!["embassy", "embassies"]
        }
    }

    /// "Relations between Washington and Tehran were cut off": the relations noun of a passive
    /// whose subject names the pair, before a form of "be" right before the verb.
    pub(super) fn between_before(&self, i: usize) -> Option<usize> {
        let be = (i.saturating_sub(3)..i)
            .rev()
            .find(|&k| self.is(k, &["were", "was", "been", "are", "is"]))?;
        let n = self.before(be, 9, RELATION_NOUNS)?;
        // … only with its own time right after the verb ("were cut off in 1979"): without it,
        // a date elsewhere in the sentence ("suspended between 1941 and 1974 and re-established
        // on May 14, 1974") or around it would be taken for the break's
        // ("have been severed since 2018" is its own time too), or in a sentence with no date
        let dated = (i + 1..(i + 4).min(self.toks.len()))
            .find(|&j| self.is(j, &["in", "on", "since"]))
            .is_some_and(|j| {
                self.dates
                    .iter()
                    .any(|d| d.first == j + 1 || d.first == j + 2)
            })
            || self.dates.is_empty();
        (dated && n + 1 < be && self.is(n + 1, &["between"])).then_some(n)
    }

    /// "them" or "they" standing for relations the article spoke of: right after the verb
    /// ("had broken them off", "restored them in 2014", "after Sudan cut them") or as the
    /// subject of its passive ("they were restored only in 2020"); the token of the pronoun.
    pub(super) fn relations_pronoun(&self, i: usize) -> Option<usize> {
        if !self.relations_before && !(0..i).any(|j| self.is(j, RELATION_NOUNS)) {
            return None;
        }
        let after = (i + 1..(i + 3).min(self.toks.len()))
            .take_while(|&j| j == i + 1 || self.is(j - 1, &["off", "back"]))
            .find(|&j| self.is(j, &["them"]));
        // … "they" opening its clause ("…, and they were restored in 2020"), not "after they
        // were cut off"
        // (an adverb may stand between: "they were only restored in 2020")
        let aux = i >= 2
            && (self.is(i - 1, &["were", "been"])
                || i >= 3
                    && self.is(i - 2, &["were", "been"])
                    && self.is(i - 1, &["only", "later", "finally", "eventually", "then"]));
        let passive = aux
            .then(|| (i.saturating_sub(5)..i).find(|&j| self.is(j, &["they", "these"])))
            .flatten()
            .filter(|&j| j == 0 || self.is(j - 1, &[",", ";", "and", "but"]));
        after.or(passive)
    }

    /// A relations noun near a verb, not "trade ties" or "close relations".
    pub(super) fn relation_noun(&self, i: usize, window: usize, passive: bool) -> Option<usize> {
        // "restoring diplomatic and consular relations": an "and" after "diplomatic" joins two
        // kinds of the same relations
        let joined = || {
            let n = self.after_np(i, window, RELATION_NOUNS)?;
            (i + 1..n)
                .filter(|&j| self.is(j, &["and"]))
                .all(|j| j > 0 && self.is(j - 1, &["diplomatic"]))
                .then_some(n)
        };
        let n = self
            .after(i, window, RELATION_NOUNS)
            .or_else(joined)
            .or_else(|| passive.then(|| self.before(i, 4, RELATION_NOUNS)).flatten())
            .or_else(|| passive.then(|| self.between_before(i)).flatten())
            // "cut diplomatic links with Israel": links only when diplomatic
            .or_else(|| {
                self.after(i, window, &["links"])
                    .filter(|&n| n > 0 && self.is(n - 1, &["diplomatic"]))
            })
            .or_else(|| self.relations_pronoun(i))?;
        let blocked = (n.saturating_sub(3)..n).any(|k| {
            self.is(k, BLOCKING_MODIFIERS)
                && !(k + 1..n).any(|m| self.is(m, &["diplomatic"]))
                // "diplomatic and consular relations" are diplomatic relations too
                && !(k >= 2 && self.is(k - 1, &["and"]) && self.is(k - 2, &["diplomatic"]))
        });
        (!blocked).then_some(n)
    }

    /// The pro-verbs that tell the last act again: "did the same", "had done so", "followed
    /// suit" (token ranges).
    pub(super) fn proverbs(&self) -> Vec<(usize, usize)> {
        (0..self.toks.len())
            .filter_map(|i| {
                let so = self.is(i, &["did", "done", "do"])
                && (self.is(i + 1, &["so"])
                    || self.is(i + 1, &["the"]) && self.is(i + 2, &["same"]))
                // "to do so" after a plan or a refusal is read by modality; "did so to …" is not
                // another act
                && !self.is(i + 2, &["to"]);
                let suit =
                    self.is(i, &["followed", "follow", "follows"]) && self.is(i + 1, &["suit"]);
                (so || suit).then(|| {
                    (
                        i,
                        if self.is(i + 1, &["the"]) {
                            i + 2
                        } else {
                            i + 1
                        },
                    )
                })
            })
            .collect()
    }

    pub(super) fn matches(&self) -> Vec<Match> {
        let mut out = Vec::new();
        let n = self.toks.len();
        for i in 0..n {
            if !self.toks[i].word {
                continue;
            }
            let w = self.w(i);
            let push = |out: &mut Vec<Match>, kind, rule, end: usize, noun| {
                out.push(Match {
                    kind,
                    rule,
                    at: i,
                    end,
                    noun,
                })
            };
            // relations changes
            let restore = self.starts(
                i,
                &[
                    "restor",
                    "resum",
                    "re-establish",
                    "reestablish",
                    "reinstat",
                    "re-open",
                    "reopen",
                    "renew",
                ],
            ) || (self.starts(i, &["normalis", "normaliz"])
                && self.after(i, 6, &["again"]).is_some())
                // "agreed to return to full diplomatic relations"
                || (self.is(i, &["return", "returned", "returning", "returns"])
                    && self.is(i + 1, &["to"])
                    && self.after(i + 1, 3, RELATION_NOUNS).is_some());
            let establish = !restore
                && (self.starts(
                    i,
                    &["establish", "formalis", "formaliz", "normalis", "normaliz"],
                ) || (self.is(
                    i,
                    &[
                        "opened", "open", "opens", "opening", "launched", "launch", "set", "sets",
                        "setting", "forged", "forge", "forges", "forging",
                    ],
                ) && (self.after(i, 3, &["diplomatic"]).is_some()
                    // "had first set up ties in 1974", "set up relations", "were setting up"
                    || (self.is(i, &["set", "sets", "setting"]) && self.is(i + 1, &["up"]))
                    // "forged ties with Beijing in 1979"
                    || (self.is(i, &["forged", "forge", "forges", "forging"])
                        && self.is(i + 1, &["ties", "relations"]))
                    // "opened relations with Damascus in 1966"
                    || (self.is(i, &["opened", "open", "opens", "opening"])
                        && i + 1 < self.toks.len()
                        && self.is(i + 1, RELATION_NOUNS)))));
            if restore || establish {
                // "the resumption of relations, formalised in March": the act is the noun's
                let named_act = |noun: usize| {
                    noun >= 2
                        && self.is(noun - 1, &["of"])
                        && self.starts(
                            noun - 2,
                            &[
                                "resum",
                                "restor",
                                "re-establish",
                                "reestablish",
                                "normalis",
                                "normaliz",
                            ],
                        )
                };
                if let Some(noun) = self
                    .relation_noun(i, 6, true)
                    .filter(|&n| restore || n > i || !named_act(n))
                {
                    let kind = if restore {
                        EventType::Restore
                    } else {
                        EventType::Establish
                    };
                    let rule = if noun > i {
                        if restore {
                            "restore.verb+relations"
                        } else {
                            "establish.verb+relations"
                        }
                    } else if restore {
                        "restore.relations+verb"
                    } else {
                        "establish.relations+verb"
                    };
                    push(&mut out, kind, rule, i, None);
                    continue;
                }
            }
            // "diplomatic and consular relations with South Korea took effect on February 14":
            // relations that come into being
            if self.is(
                i,
                &[
                    "took", "take", "takes", "came", "come", "comes", "entered", "enter", "enters",
                ],
            ) && (self.after(i, 1, &["effect"]).is_some()
                || (self.after(i, 1, &["into"]).is_some()
                    && self.after(i, 2, &["force", "effect"]).is_some()))
            {
                if let Some(noun) = self.before(i, 8, RELATION_NOUNS) {
                    // "the rupture of diplomatic relations took effect": an end, not a start
                    let ended = (noun.saturating_sub(5)..noun).any(|k| {
                        self.starts(
                            k,
                            &[
                                "ruptur", "sever", "break", "suspen", "freez", "terminat", "end",
                                "cut", "downgrad", "clos",
                            ],
                        )
                    });
                    let blocked = ended
                        || (noun.saturating_sub(3)..noun).any(|k| self.is(k, BLOCKING_MODIFIERS))
                            && !(noun.saturating_sub(3)..noun).any(|k| self.is(k, &["diplomatic"]));
                    if !blocked {
                        push(
                            &mut out,
                            EventType::Establish,
                            "establish.relations+take-effect",
                            i,
                            None,
                        );
                        continue;
                    }
                }
            }
            // "The two-year break between Israel and Bolivia began in November 2023": a break
            // named by its noun, with the pair after "between", dated by "began"
            if self.is(i, &["began", "begun", "started", "came"]) {
                let noun = self.before(
                    i,
                    9,
                    &["break", "rupture", "severance", "breakdown", "freeze"],
                );
                let between = noun.and_then(|n| self.after(n, 2, &["between"]));
                if let (Some(n), Some(b)) = (noun, between) {
                    // … of relations: the sentence speaks of them, and no talks or trade break
                    let other = (n.saturating_sub(3)..i).any(|k| {
                        self.is(
                            k,
                            &[
                                "trade",
                                "talks",
                                "negotiations",
                                "ceasefire",
                                "truce",
                                "season",
                                "summer",
                                "commercial",
                                "flights",
                            ],
                        )
                    });
                    let diplomatic = (0..self.toks.len())
                        .any(|k| self.is(k, &["diplomatic", "relations", "ties", "relationship"]));
                    let relations_break = diplomatic && !other;
                    if relations_break && b < i {
                        push(&mut out, EventType::Sever, "sever.break-began", i, None);
                        continue;
                    }
                }
            }
            // not "several", "severe", "severely"
            // ("dissolving its diplomatic relations with Taiwan")
            let sever = self.starts(i, &["sever", "rupture", "terminat", "dissolv"])
                && !self.is(
                    i,
                    &["several", "severe", "severely", "severity", "severest"],
                )
                || self.is(
                    i,
                    &[
                        "cut",
                        "cuts",
                        "cutting",
                        "broke",
                        "break",
                        "breaks",
                        "breaking",
                        "broken",
                        "end",
                        "ended",
                        "ends",
                        "ending",
                        "breakdown",
                    ],
                );
            // "after a three-year break", "the breakdown of ties": a noun naming a past break,
            // not a new one
            let noun_use = self.is(i, &["break", "breaks", "breakdown", "rupture"])
                && i > 0
                && (self.is(
                    i - 1,
                    &[
                        "a",
                        "the",
                        "its",
                        "their",
                        "this",
                        "that",
                        "long",
                        "decade",
                        "decades",
                        "year",
                        "years",
                        "after",
                        "since",
                        "following",
                    ],
                ) || self.w(i - 1).ends_with("year"));
            // "dissolving its relations with Taiwan", but not "the relationship dissolved along
            // with the Soviet Union" (a state that ended, not a break)
            let dissolved = self.starts(i, &["dissolv"]);
            if sever && !noun_use {
                if let Some(_noun) = self
                    .relation_noun(i, 5, true)
                    .filter(|&n| !dissolved || n > i)
                {
                    push(&mut out, EventType::Sever, "sever.verb+relations", i, None);
                    continue;
                }
            }
            // "The Maldives broke with Iran in May 2016": breaking with a state is breaking off
            // relations with it (not "broke with tradition", nor "broke with Iran's line")
            // ("the first country to break with Israel" is a rank, read with its own rules)
            if self.is(i, &["broke", "break", "breaks", "breaking", "broken"])
                && self.is(i + 1, &["with"])
                && !(i > 0 && self.is(i - 1, &["to"]))
            {
                let k = if self.is(i + 2, &["the"]) {
                    i + 3
                } else {
                    i + 2
                };
                let state = self.mentions.iter().find(|x| x.first == k && !x.person);
                if state.is_some_and(|x| !self.is(x.last + 1, &["'s", "’s", "'", "’"])) {
                    push(&mut out, EventType::Sever, "sever.broke-with", i, None);
                    continue;
                }
            }
            // "Kiribati is the seventh ally Taiwan has lost since 2016": a partner lost is a
            // break with the state that lost it
            if self.is(i, &["lost", "loses", "losing"])
                && (i.saturating_sub(5)..i)
                    .any(|j| self.is(j, &["ally", "allies", "partner", "partners"]))
                && !self.is(i + 1, &["its", "their", "the", "a", "an", "to"])
            {
                push(&mut out, EventType::Sever, "sever.ally-lost", i, None);
                continue;
            }
            // "Nauru dropped Taiwan", "ditched Taipei": dropping Taiwan (or Beijing, for Taipei)
            // is breaking with it
            // the state (not one of its people) named at token `k` is one of `codes`
            let named_at = |k: usize, codes: &[&str]| {
                self.mentions
                    .iter()
                    .any(|x| x.first == k && codes.contains(&x.code.as_str()) && !x.person)
            };
            let taiwan_next = |k: usize| named_at(k, &["TWN"]);
            let china_or_taiwan_next = |k: usize| named_at(k, &["TWN", "CHN"]);
            if self.is(
                i,
                &[
                    "dropped",
                    "drops",
                    "drop",
                    "ditched",
                    "ditches",
                    "ditch",
                    "dumped",
                    "dumps",
                    "dump",
                    "abandoned",
                    "abandons",
                    "abandon",
                ],
            ) && i + 1 < n
                && china_or_taiwan_next(i + 1)
            {
                push(&mut out, EventType::Sever, "sever.drop-taiwan", i, None);
                // "dropped Taipei for Beijing", "had dropped Beijing for Taipei in 1997": and
                // took up relations with the other
                if self.is(i + 2, &["for"]) && china_or_taiwan_next(i + 3) {
                    push(
                        &mut out,
                        EventType::Establish,
                        "establish.drop-for",
                        i + 2,
                        None,
                    );
                }
                continue;
            }
            // "switched recognition from Taipei to Beijing": a break with the state it left
            // ("switched its recognition from …" is read by the recognition rules)
            if self.starts(i, &["switch"])
                && !(i + 1..(i + 4).min(n)).any(|k| self.starts(k, &["recogni"]))
                && (i + 1..(i + 5).min(n))
                    .any(|k| self.is(k, &["from"]) && k + 1 < n && taiwan_next(k + 1))
            {
                push(
                    &mut out,
                    EventType::Sever,
                    "sever.switch-from-taiwan",
                    i,
                    None,
                );
                continue;
            }
            if self.starts(i, &["suspen", "freez", "froze", "interrupt"])
                && self.relation_noun(i, 5, true).is_some()
            {
                push(
                    &mut out,
                    EventType::Suspend,
                    "suspend.verb+relations",
                    i,
                    None,
                );
                continue;
            }
            // "put relations with Venezuela on hold"
            if self.is(i, &["hold", "ice"]) && i > 0 && self.is(i - 1, &["on"]) {
                if let Some(noun) = self.before(i, 7, RELATION_NOUNS) {
                    let blocked =
                        (noun.saturating_sub(3)..noun).any(|k| self.is(k, BLOCKING_MODIFIERS));
                    if !blocked {
                        push(&mut out, EventType::Suspend, "suspend.on-hold", i, None);
                        continue;
                    }
                }
            }
            // recognition
            // … "was ending its recognition of the SADR"
            let ending = self.is(i, END_VERBS)
                && self.is(i + 1, &["its", "their", "the"])
                && self.is(i + 2, &["recognition"]);
            // "agreed to freeze their recognition and de-recognition campaigns": lobbying, no
            // recognition withdrawn
            let campaign = (i + 1..(i + 7).min(self.toks.len())).any(|j| {
                self.is(
                    j,
                    &[
                        "campaign",
                        "campaigns",
                        "drive",
                        "drives",
                        "efforts",
                        "lobbying",
                    ],
                )
            });
            if !campaign
                && (ending
                    || self.starts(i, WITHDRAW_STEMS)
                        && (w.starts_with("derecogni")
                            || w.starts_with("de-recogni")
                            || self.after(i, 4, &["recognition"]).is_some()))
            {
                push(
                    &mut out,
                    EventType::WithdrawRecognition,
                    "withdraw_recognition.verb",
                    i,
                    None,
                );
                continue;
            }
            // "Beijing had already won over Panama": Beijing's relations with the state it won
            if self.is(i, &["won", "wins", "win", "winning"])
                && self.is(i + 1, &["over"])
                && self.mentions.iter().any(|x| {
                    (x.first == i + 2 || x.first == i + 3 && self.is(i + 2, &["the"]))
                        && !x.place
                        && !x.person
                })
                && self
                    .mentions
                    .iter()
                    .any(|x| x.last < i && x.last + 4 >= i && x.code.as_str() == "CHN" && !x.person)
            {
                push(
                    &mut out,
                    EventType::Establish,
                    "establish.won-over",
                    i,
                    None,
                );
                continue;
            }
            // "Honduras switched to Beijing in 2023": relations with the state it went to; "Panama
            // moved to Beijing", "Costa Rica went over to Beijing" only towards Beijing (a
            // government that "moved to Paris" went somewhere)
            let went = self.is(i, &["moved", "moves", "defected", "defects"])
                // "went over to Beijing", not a trip ("went to Beijing in April")
                || self.is(i, &["went", "gone", "goes", "going"]) && self.is(i + 1, &["over"]);
            if (self.starts(i, &["switch"]) || went) && self.after(i, 8, &["from"]).is_none() {
                let to = self.after(i, 4, &["to"]);
                let state_after = to.is_some_and(|t| {
                    self.mentions.iter().any(|x| {
                        (x.first == t + 1 || (x.first == t + 2 && self.is(t + 1, &["the"])))
                            && !x.place
                            && !x.person
                            && x.code.as_str() != "TWN"
                            && (!went || x.code.as_str() == "CHN")
                    })
                });
                let noun_between = to.is_some_and(|t| {
                    (i + 1..t).all(|k| {
                        self.is(
                            k,
                            &[
                                "its",
                                "their",
                                "diplomatic",
                                "recognition",
                                "allegiance",
                                "ties",
                                "relations",
                                "sides",
                                "over",
                            ],
                        )
                    })
                });
                if state_after && noun_between {
                    push(
                        &mut out,
                        EventType::Establish,
                        "establish.switch-to",
                        i,
                        None,
                    );
                    continue;
                }
            }
            // "switched its recognition from Taipei to Beijing", "moved its diplomatic
            // recognition from Taiwan to China": the recognition withdrawn breaks the relations
            // too
            let moved = self.starts(
                i,
                &["switch", "moved", "moves", "moving", "shift", "transferr"],
            ) && self.after(i, 3, &["recognition", "allegiance"]).is_some();
            if (moved
                || self.starts(i, &["switch"])
                    && self
                        .after(i, 4, &["recognition", "allegiance", "ties", "relations"])
                        .is_some())
                && self.after(i, 8, &["from"]).is_some()
            {
                push(
                    &mut out,
                    EventType::WithdrawRecognition,
                    "switch.recognition.from",
                    i,
                    None,
                );
                push(
                    &mut out,
                    EventType::Sever,
                    "switch.recognition.from",
                    i,
                    None,
                );
                push(
                    &mut out,
                    EventType::Recognize,
                    "switch.recognition.to",
                    i,
                    None,
                );
                continue;
            }
            if w.starts_with("recogni")
                && !(i.saturating_sub(4)..i).any(|k| {
                    self.starts(k, WITHDRAW_STEMS)
                        || self.is(k, END_VERBS)
                        || self.starts(
                            k,
                            &["switch", "moved", "moves", "moving", "shift", "transferr"],
                        )
                })
                && self
                    .after(
                        i,
                        2,
                        &[
                            "importance",
                            "need",
                            "right",
                            "role",
                            "efforts",
                            "contribution",
                            "that",
                            "achievements",
                            "progress",
                        ],
                    )
                    .is_none()
                // "the recognition of those regions as independent republics", "recognised
                // the breakaway territories": no state recognised
                && !(self.is(i + 1, &["of", "the"])
                    && (i + 2..(i + 5).min(self.toks.len())).any(|k| {
                        self.is(
                            k,
                            &["regions", "region", "territories", "territory", "provinces", "enclaves"],
                        )
                    }))
            {
                push(&mut out, EventType::Recognize, "recognize.verb", i, None);
                continue;
            }
            // envoys and embassies
            let recall = (w.starts_with("recall") && !self.is(i + 1, &["that", "how", "when"]))
                || (self.is(i, &["called", "calling", "calls", "call"])
                    && self.after(i, 3, &["back", "home"]).is_some())
                // "called ambassador Jorge Carvajal back", "has called its ambassador, Diana
                // Mickevičienė, back from Beijing": the envoy, named, before "back"
                || (self.is(i, &["called", "calling", "calls", "call"])
                    // "called its own ambassador back"
                    && self.after(i, 3, ENVOY_NOUNS).is_some()
                    && self.after_np(i, 9, &["back", "home"]).is_some())
                // "summoned the Honduran ambassador in Israel back to Tegucigalpa"
                || (self.is(i, &["summoned", "summons", "summoning"])
                    && self.after_np(i, 12, &["back", "home"]).is_some())
                || (self.starts(i, &["bring", "brought"])
                    && (self.after(i, 4, &["home", "back"]).is_some()
                        // "is bringing its ambassador to Burkina Faso back"
                        || self.after(i, 3, ENVOY_NOUNS).is_some()
                            && self.after_np(i, 9, &["back", "home"]).is_some()))
                || (self.starts(i, &["withdr", "pull"])
                    && self
                        .after(i, 3, &["ambassador", "envoy", "ambassadors", "envoys"])
                        .is_some())
                || (self.is(i, &["ordered", "orders", "told"])
                    && self.after(i, 8, &["home", "back"]).is_some()
                    && self.after(i, 6, &["its", "their", "his", "her"]).is_some());
            if recall {
                // "summoned Roberto Martínez, the Honduran ambassador in Israel, back": the envoy
                // named before his office
                let named_first = self.is(i, &["summoned", "summons", "summoning", "called"]);
                if let Some(noun) = self
                    .after(i, 5, ENVOY_NOUNS)
                    .or_else(|| self.before(i, 5, ENVOY_NOUNS))
                    .or_else(|| named_first.then(|| self.after(i, 9, ENVOY_NOUNS)).flatten())
                {
                    push(
                        &mut out,
                        EventType::RecallAmbassador,
                        "recall.envoy",
                        i,
                        Some(noun),
                    );
                    continue;
                }
            }
            // "told Argentina, Chile and Peru to pull their representatives out": the envoys
            // named after "pull"
            let pull_out = self
                .is(
                    i,
                    &[
                        "ordered", "orders", "order", "told", "telling", "tells", "asked",
                    ],
                )
                .then(|| self.after_np(i, 24, &["pull", "withdraw"]))
                .flatten()
                .filter(|&k| {
                    k > 0 && self.is(k - 1, &["to"]) && self.after(k, 6, &["out"]).is_some()
                });
            if w.starts_with("expel")
                || w.starts_with("expuls")
                || ((w == "persona" || w == "personae") && self.is(i + 1, &["non"]))
                || (self.is(
                    i,
                    &[
                        "ordered", "orders", "order", "told", "telling", "tells", "gave", "giving",
                        "asked", "asking",
                    ],
                ) && (self.after(i, 16, &["leave", "depart", "go"]).is_some()
                    // "gave Belgian diplomats 48 hours to get out"
                    || self
                        .after(i, 16, &["out"])
                        .is_some_and(|k| self.is(k - 1, &["get"]))
                    // "told Argentina, Chile and Peru to leave": across the list's "and"
                    || self
                        .after_np(i, 24, &["leave", "depart"])
                        .is_some_and(|k| self.is(k - 1, &["to"]))
                    || pull_out.is_some()))
                // "ordered the Ugandan ambassador out of the country"
                || (self.is(i, &["ordered", "orders", "order", "ordering"])
                    && self.after(i, 8, &["out"]).is_some())
                // "sent Ethiopia's ambassador home": another state's envoy, named with it (not
                // its own, nor envoys whose state the sentence gives elsewhere)
                || (self.is(i, &["sent", "sends", "send", "sending"])
                    && self.after(i, 6, &["home", "packing"]).is_some()
                    && self.after(i, 4, ENVOY_NOUNS).is_some_and(|n| {
                        !(i + 1..n).any(|k| self.is(k, &["its", "their", "own"]))
                            && self.mentions.iter().any(|x| x.first > i && x.last < n)
                    }))
                || (self.is(
                    i,
                    &[
                        "kicks", "kicked", "kick", "kicking", "throws", "threw", "thrown",
                    ],
                ) && self.is(i + 1, &["out"]))
                // "strip the Iranian ambassador of his accreditation"
                || (self.starts(i, &["strip"]) && self.after(i, 8, &["accreditation"]).is_some())
                // "cut the number of Iranian diplomats in the country"
                || (self.starts(i, &["cut", "reduc", "slash"])
                    && self.is(i + 1, &["the"])
                    && self.is(i + 2, &["number", "size"])
                    && self.after(i, 6, ENVOY_NOUNS).is_some())
            {
                let persona = w.starts_with("persona");
                let noun = if persona {
                    // "declared 40 staff of German diplomatic missions personae non gratae",
                    // "40 members of the Russian embassy in Berlin persona non grata": the
                    // missions whose people are sent home
                    const SENT_HOME: &[&str] =
                        &["embassy", "embassies", "mission", "missions", "consulate"];
                    let envoy = self.before(i, 9, ENVOY_NOUNS);
                    let mission = self.before(i, 9, SENT_HOME);
                    envoy.max(mission).or(envoy)
                } else {
                    self.after(i, 7, ENVOY_NOUNS)
                        // "expelling a member of the Moldovan embassy's staff"
                        .or_else(|| {
                            self.after(i, 10, ENVOY_NOUNS)
                                .filter(|_| self.after(i, 3, &["member", "members"]).is_some())
                        })
                        .or_else(|| self.before(i, 7, ENVOY_NOUNS))
                        .or_else(|| pull_out.and_then(|k| self.after(k, 3, ENVOY_NOUNS)))
                        // "expel eighteen Russians": the people by their demonym
                        .or_else(|| {
                            (w.starts_with("expel"))
                                .then(|| {
                                    self.mentions.iter().find(|x| {
                                        x.kind == crate::lexicon::FormKind::Demonym
                                            && x.first > i
                                            && x.first <= i + 3
                                            && self.w(x.last).ends_with('s')
                                            && !self.is(x.last + 1, &["'s", "’s"])
                                    })
                                })
                                .flatten()
                                .map(|x| x.last)
                        })
                };
                if let Some(noun) = noun {
                    push(
                        &mut out,
                        EventType::ExpelDiplomats,
                        "expel.envoy",
                        i,
                        Some(noun),
                    );
                    continue;
                }
            }
            if self.is(
                i,
                &[
                    "open",
                    "opened",
                    "opens",
                    "opening",
                    "reopen",
                    "reopened",
                    "reopens",
                    "reopening",
                    "re-open",
                    "re-opened",
                    "re-opening",
                ],
            ) || w.starts_with("inaugurat")
                // "resumed operations at its embassy in the Ukrainian capital", "the embassy in
                // Tehran has resumed work"
                || (self.starts(i, &["resum", "restart"])
                    && self.after(i, 2, &["operations", "work", "activities", "activity"]).is_some())
            {
                if let Some(noun) = self
                    .after(i, 5, &self.embassy_nouns())
                    .or_else(|| self.before(i, 6, &["embassy", "embassies"]))
                {
                    push(
                        &mut out,
                        EventType::OpenEmbassy,
                        "open.embassy",
                        i,
                        Some(noun),
                    );
                    continue;
                }
            }
            if self.is(
                i,
                &[
                    "close",
                    "closed",
                    "closes",
                    "closing",
                    "closure",
                    "shut",
                    "shuts",
                    "shutting",
                    "shuttered",
                    "shutter",
                ],
            ) || (self.starts(i, &["suspen"])
                // "suspended the work of its embassy in Tehran"
                && self.after(i, 3, &["work", "operations", "activities"]).is_some())
            {
                if let Some(noun) = self
                    .after(i, 5, &self.embassy_nouns())
                    .or_else(|| self.before(i, 6, &["embassy", "embassies"]))
                {
                    push(
                        &mut out,
                        EventType::CloseEmbassy,
                        "close.embassy",
                        i,
                        Some(noun),
                    );
                    continue;
                }
            }
            // "President Marcos received Kamikawa", "Starmer welcomed Narendra Modi", "Biden and
            // Xi sat down together": a meeting, when a person of a state is received
            let received = self.is(
                i,
                &[
                    "received", "receives", "welcomed", "welcomes", "hosted", "hosts", "greeted",
                ],
            ) && self.mentions.iter().any(|x| {
                // the person received, not "welcomed Modi's decision"
                x.person
                    && x.first > i
                    && x.first <= i + 3
                    && !self.is(x.last + 1, &["'s", "’s", "'", "’"])
            });
            let sat_down = self.is(i, &["sat"])
                && self.is(i + 1, &["down"])
                && (self.is(i + 2, &["together", "with"]) || self.is(i + 3, &["together"]));
            if received || sat_down {
                push(&mut out, EventType::Meet, "meet.received", i, None);
                continue;
            }
            // meetings and agreements
            if self.is(i, &["met", "meet", "meets", "meeting"]) {
                let with = self.is(i + 1, &["with", "between"])
                    || (w == "met"
                        && self.toks.get(i + 1).is_some_and(|t| t.word)
                        && !self.is(
                            i + 1,
                            &["the", "a", "its", "their", "his", "her", "in", "on"],
                        ))
                    || (w == "met" && self.is(i + 1, &["his", "her", "their", "the"]))
                    // "since the two leaders met in October", "they last met in Geneva"
                    || (w == "met"
                        && i >= 1
                        && (i >= 2
                            && self.is(
                                i - 1,
                                &["leaders", "ministers", "presidents", "sides", "countries"],
                            )
                            && self.is(i - 2, &["two", "both"])
                            || self.is(i - 1, &["they"])
                            || i >= 2
                                && self.is(i - 1, &["last", "first"])
                                && self.is(i - 2, &["they"])))
                    // "Japan and China met in Seoul", "The leaders of Japan, China and South
                    // Korea met on Monday": states joined by "and" right before
                    || (w == "met"
                        && self.mentions.iter().any(|x| {
                            !x.place
                                && x.last < i
                                && x.first >= 1
                                && self.is(x.first - 1, &["and", "&"])
                                && (x.last + 1..i).all(|j| {
                                    self.is(
                                        j,
                                        &[
                                            "leaders", "ministers", "presidents", "officials",
                                            "premiers", "envoys", "delegations", "foreign",
                                            "defence", "defense", "'s", "’s", "have", "had",
                                            "finally", "first", "last",
                                        ],
                                    )
                                })
                                && self.mentions.iter().any(|y| {
                                    !y.place && y.last + 1 == x.first - 1 && y.code != x.code
                                })
                        }));
                if with {
                    push(&mut out, EventType::Meet, "meet.verb", i, None);
                    continue;
                }
            }
            // "telephoned his counterpart", "held a phone call with", "spoke by telephone with"
            let phoned = (self.is(i, &["telephoned", "phoned"])
                && self.toks.get(i + 1).is_some_and(|t| t.word))
                || (self.is(i, &["call", "conversation"])
                    && self.before(i, 2, &["phone", "telephone"]).is_some()
                    && self.is(i + 1, &["with", "between"]))
                || (self.is(i, &["spoke", "talked", "spoken"])
                    && self.after(i, 3, &["phone", "telephone"]).is_some());
            if phoned {
                push(&mut out, EventType::Meet, "meet.phone", i, None);
                continue;
            }
            // "visited Turkey", "left for a two-day visit to Turkey", "a state visit to Japan",
            // "is visiting China": the visitor's state meets the host's
            let state_within = |lo: usize, hi: usize| {
                self.mentions
                    .iter()
                    .any(|x| !x.person && x.first >= lo && x.first <= hi)
            };
            let visit = (self.is(i, &["visited"]) && state_within(i + 1, i + 2))
                || (self.is(i, &["visiting"])
                    && i > 0
                    && self.is(i - 1, &["is", "was", "are", "were", "been"])
                    && state_within(i + 1, i + 2))
                || (self.is(i, &["visit", "visits", "tour"])
                    && self.is(i + 1, &["to", "of"])
                    && state_within(i + 2, i + 3)
                    && !(i > 0 && self.is(i - 1, &["to"])));
            // "an invitation for a state visit to the United Kingdom": a visit offered; the
            // visitor named in the visit's own clause (a person, or a state that is not the
            // place someone speaks from): not "… in Seoul said, weeks after a ministry
            // delegation visited Damascus"
            let invited = || (i.saturating_sub(6)..i).any(|j| self.starts(j, &["invit"]));
            let visitor = || {
                self.mentions.iter().any(|x| {
                    !x.place
                        && x.last < i
                        && x.last + 10 >= i
                        && !(x.last..i)
                            .any(|j| self.is(j, &["after", "before", "when", "since", "said"]))
                })
            };
            if visit && !invited() && visitor() {
                push(&mut out, EventType::Meet, "meet.visit", i, None);
                continue;
            }
            // "held talks with", "the two ministers held talks", "a summit between"
            let talks = self.is(i, &["talks", "summit", "discussions", "consultations"])
                && (self.is(i + 1, &["with", "between"])
                    || self
                        .before(i, 3, &["held", "hold", "holds", "holding", "had"])
                        .is_some()
                    // "the summit that Li Keqiang, Shinzo Abe and Park Geun-hye held in Seoul"
                    || self.is(i + 1, &["that", "which"])
                        && (i + 2..(i + 25).min(self.toks.len()))
                            .take_while(|&j| !self.is(j, &[".", ";"]))
                            .any(|j| self.is(j, &["held", "hold"])));
            // "the drill, … hosted alternately by the two countries": an event hosted, not a
            // guest
            let event_hosted = || {
                const EVENTS: &[&str] = &[
                    "drill",
                    "drills",
                    "exercise",
                    "exercises",
                    "manoeuvres",
                    "maneuvers",
                    "games",
                    "tournament",
                ];
                (i.saturating_sub(8)..(i + 5).min(self.toks.len())).any(|j| self.is(j, EVENTS))
            };
            // a guest: "was welcomed by", "hosted his Emirati counterpart", "received Prime
            // Minister Modi"; not "welcomed the decision", "hosted the National Thanksgiving
            // Turkey Presentation"
            let guest = || {
                const BEFORE_GUEST: &[&str] =
                    &["his", "her", "their", "its", "the", "a", "visiting", "new"];
                self.is(i + 1, &["by"])
                    || self.mentions.iter().any(|x| {
                        !x.place
                            && x.first > i
                            && x.first <= i + 4
                            && (i + 1..x.first).all(|j| {
                                self.is(j, BEFORE_GUEST) || super::words::is_title(self.w(j))
                            })
                    })
            };
            // "sat down with", "hosted", "received", "welcomed", "greeted" a counterpart
            let hosted =
                (self.is(i, &["sat"]) && self.is(i + 1, &["down"]) && self.is(i + 2, &["with"]))
                    || (self.is(
                        i,
                        &[
                            "hosted", "hosts", "received", "receives", "welcomed", "welcomes",
                            "greeted", "greets",
                        ],
                    ) && self.toks.get(i + 1).is_some_and(|t| t.word)
                        // "hosted the first Sahrawi embassy": a mission, not a visitor
                        && !(i + 1..(i + 5).min(self.toks.len())).any(|j| {
                            self.starts(j, &["embass", "mission", "consulat", "office"])
                        })
                        && !event_hosted()
                        && guest());
            // "presented his credentials to", "accepted the credentials of the Taliban's
            // ambassador", "handed her letter of credence to": an envoy received by the head of
            // state
            let credentials = self.is(i, &["credentials", "credence"])
                && self
                    .before(
                        i,
                        5,
                        &[
                            "presented",
                            "presents",
                            "present",
                            "presenting",
                            "handed",
                            "hands",
                            "hand",
                            "handing",
                            "submitted",
                            "submits",
                            "accepted",
                            "accepts",
                            "received",
                            "receives",
                        ],
                    )
                    .is_some();
            if credentials {
                push(&mut out, EventType::Meet, "meet.credentials", i, None);
                continue;
            }
            if talks || hosted {
                push(
                    &mut out,
                    EventType::Meet,
                    if talks { "meet.talks" } else { "meet.hosted" },
                    i,
                    None,
                );
                continue;
            }
            if (w.starts_with("sign")
                && !w.starts_with("signal")
                && !w.starts_with("signific")
                && w != "signs"
                || self.is(i, &["inked", "inks", "concluded"]))
                && !self.is(i, &["signatories", "signatory"])
            {
                let noun = self.after_np(i, 7, AGREEMENT_NOUNS).or_else(|| {
                    // "a treaty with a mutual-assistance clause was signed"
                    let passive = i > 0 && self.is(i - 1, &["was", "were", "been", "be"]);
                    self.before(i, if passive { 10 } else { 4 }, AGREEMENT_NOUNS)
                });
                if let Some(noun) = noun {
                    push(
                        &mut out,
                        EventType::SignAgreement,
                        "sign.agreement",
                        i,
                        Some(noun),
                    );
                    let lo = i.min(noun).saturating_sub(2);
                    if (lo..=i.max(noun)).any(|k| self.is(k, MILITARY_WORDS)) {
                        push(
                            &mut out,
                            EventType::MilitaryCooperation,
                            "sign.defence-pact",
                            i,
                            Some(noun),
                        );
                    }
                    continue;
                }
            }
            // military
            if self.is(i, DRILL_NOUNS) {
                let joint = self
                    .before(i, 3, &["joint", "combined", "bilateral", "trilateral"])
                    .is_some();
                let held = self
                    .before(
                        i,
                        8,
                        &[
                            "held",
                            "hold",
                            "holds",
                            "holding",
                            "conducted",
                            "conduct",
                            "conducts",
                            "conducting",
                            "staged",
                            "stage",
                            "stages",
                            "staging",
                            "launched",
                            "launch",
                            "launches",
                            "began",
                            "begin",
                            "begins",
                            "kicked",
                            "started",
                            "start",
                            "starts",
                            "carried",
                            "wrapped",
                            "completed",
                            "concluded",
                            "flew",
                            "opened",
                            "opens",
                            "open",
                        ],
                    )
                    .is_some()
                    || self
                        .after(
                            i,
                            6,
                            &[
                                "began",
                                "begin",
                                "begins",
                                "started",
                                "kicked",
                                "ended",
                                "concluded",
                                "took",
                            ],
                        )
                        .is_some();
                // "U.S. and South Korean forces opened their annual exercise"
                let pair_before = self.mentions.windows(2).any(|w| {
                    w[1].last < i
                        && w[0].code != w[1].code
                        && (w[0].last + 1..w[1].first)
                            .all(|k| self.is(k, &["and", ",", "’s", "'s"]))
                });
                let joint = joint || pair_before && held;
                if joint && (held || self.before(i, 6, &["military", "naval", "air"]).is_some()) {
                    push(
                        &mut out,
                        EventType::MilitaryCooperation,
                        "military.joint-drills",
                        i,
                        None,
                    );
                    continue;
                }
            }
            if self.starts(i, AID_VERBS) {
                if let Some(noun) = self.after_np(i, 8, AID_NOUNS) {
                    let w_noun = self.w(noun);
                    let military = !matches!(
                        w_noun,
                        "aid"
                            | "assistance"
                            | "equipment"
                            | "forces"
                            | "systems"
                            | "vehicles"
                            | "boats"
                    ) || (noun.saturating_sub(3)..noun).any(|k| {
                        self.is(
                            k,
                            &[
                                "military",
                                "defence",
                                "defense",
                                "security",
                                "lethal",
                                "air-defence",
                                "air-defense",
                                "weapons",
                                "naval",
                                "armoured",
                                "armored",
                                "combat",
                            ],
                        )
                    }) || (noun + 1..(noun + 4).min(self.toks.len())).any(|k| {
                        // "armoured vehicles and weapons": a weapon in the same list
                        self.is(
                            k,
                            &[
                                "weapons",
                                "arms",
                                "ammunition",
                                "missiles",
                                "tanks",
                                "artillery",
                            ],
                        ) && (noun + 1..k).all(|j| self.is(j, &["and", ",", "other"]))
                    });
                    let humanitarian = (noun.saturating_sub(3)..noun).any(|k| {
                        self.is(
                            k,
                            &[
                                "humanitarian",
                                "economic",
                                "financial",
                                "food",
                                "medical",
                                "development",
                            ],
                        )
                    });
                    if military && !humanitarian {
                        push(
                            &mut out,
                            EventType::MilitaryAid,
                            "military_aid.verb+arms",
                            i,
                            Some(noun),
                        );
                        continue;
                    }
                }
            }
            if w.starts_with("blacklist") && !self.is(i + 1, &["of"]) {
                push(&mut out, EventType::Sanction, "sanction.blacklist", i, None);
                continue;
            }
            if w.starts_with("sanction") {
                let verb_use = matches!(w, "sanctioned" | "sanctioning" | "sanction")
                    && !self.is(
                        i.wrapping_sub(1),
                        &[
                            "the",
                            "new",
                            "of",
                            "for",
                            "international",
                            "western",
                            "us",
                            "u.s",
                            "eu",
                        ],
                    );
                let imposed = (i.saturating_sub(7)..i).any(|k| {
                    self.starts(
                        k,
                        &[
                            "impos", "slap", "levied", "levy", "announc", "unveil", "introduc",
                            "adopt", "placed", "place", "expand", "extend", "widen", "tighten",
                            "approv", "broaden", "step",
                        ],
                    )
                });
                if verb_use || imposed {
                    push(
                        &mut out,
                        EventType::Sanction,
                        if imposed {
                            "sanction.impose"
                        } else {
                            "sanction.verb"
                        },
                        i,
                        None,
                    );
                    continue;
                }
            }
        }
        // history: "have had diplomatic relations since 1987"
        for d in self
            .dates
            .iter()
            .filter(|d| d.since && !dates::relative(d.expr))
        {
            if let Some(noun) = (d.first.saturating_sub(5)..d.first)
                .rev()
                .find(|&k| self.is(k, RELATION_NOUNS))
            {
                if out
                    .iter()
                    .any(|m| m.kind == EventType::Establish || m.kind == EventType::Restore)
                {
                    continue;
                }
                let blocked =
                    (noun.saturating_sub(3)..noun).any(|k| self.is(k, BLOCKING_MODIFIERS));
                // "the eighth country to cut ties with Taiwan since 2016": the relations a
                // break ended, counted from a year, are no relations since it
                // … and "relations have been severed since 2018" is no establishment in 2018
                let ended = out.iter().any(|m| {
                    matches!(m.kind, EventType::Sever | EventType::Suspend)
                        && (m.at < noun && noun - m.at <= 4 || noun < m.at && m.at < d.first)
                });
                if !blocked && !ended {
                    out.push(Match {
                        kind: EventType::Establish,
                        rule: "history.relations-since",
                        at: noun,
                        end: noun,
                        noun: None,
                    });
                }
            }
        }
        out
    }
}
