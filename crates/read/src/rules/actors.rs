//! Who acted: the pair of states a trigger is about, from the states its clause names, lists
//! ("A, B and C"), "between A and B", passives with "by", the pair spoken of before ("the two
//! countries", "those ties") and the text's own state or pair.

use diplograph_model::Code;

use super::words::*;
use super::{Context, Match, Mention, Sentence};
use crate::dates::Found;
use crate::EventType;

impl Sentence<'_> {
    /// Whether the sentence is attributed to a state that is neither actor: "according to
    /// Belgrade", "White House spokesman John Kirby said", "South Korea's intelligence service
    /// told lawmakers".
    ///
    /// The speech verb nearest the trigger at `at` is the one that tells it ("New Zealand
    /// announced the closure of its embassy, and Portugal said it had closed its own").
    pub(super) fn third_party(&self, actors: [Code; 2], at: usize) -> bool {
        let other = |x: &&Mention| !actors.contains(&x.code) && !x.place;
        let according = (0..self.toks.len()).any(|j| {
            self.is(j, &["according"])
                && self.is(j + 1, &["to"])
                && self
                    .mentions
                    .iter()
                    .filter(other)
                    .any(|x| x.first >= j + 2 && x.first <= j + 4)
        });
        if according {
            return true;
        }
        let mut order: Vec<usize> = (0..self.toks.len())
            .filter(|&j| self.is(j, SPEECH_VERBS))
            .collect();
        order.sort_by_key(|&j| j.abs_diff(at));
        // the nearest speech verb whose speaker is a state decides
        order
            .into_iter()
            .find_map(|j| {
                // the speaker stands just before the verb, with the states listed with it ("The
                // UAE, Bahrain and Egypt announced …": Egypt speaks for all three)
                // (not across a comma: "… from Taipei to Beijing, Foreign Minister Joseph Wu
                // announced" is Taiwan's minister)
                let idx = self
                    .mentions
                    .iter()
                    .rposition(|x| x.last < j && x.last + 7 >= j)
                    .filter(|&k| !(self.mentions[k].last + 1..j).any(|t| self.is(t, &[","])))?;
                if !other(&&self.mentions[idx]) {
                    return Some(false);
                }
                let ms: Vec<&Mention> = self.mentions.iter().collect();
                Some(
                    !self
                        .group_from(&ms, idx, false)
                        .iter()
                        .any(|c| actors.contains(c)),
                )
            })
            .unwrap_or(false)
    }

    /// The mention groups before and after a trigger: "A and B", "A, B and C".
    pub(super) fn group_from(&self, ms: &[&Mention], idx: usize, forward: bool) -> Vec<Code> {
        let conjoined = |lo: usize, hi: usize| {
            (lo..hi).any(|j| self.is(j, &["and", "&", "well", "both"])) || self.offices_and(lo, hi)
        };
        let mut out = vec![ms[idx].code];
        // forward, whether an "and" closed the list ("Fiji, Samoa and Tonga")
        let mut closed = false;
        let mut k = idx;
        loop {
            let next = if forward {
                k.checked_add(1)
            } else {
                k.checked_sub(1)
            };
            let Some(n) = next.filter(|&n| n < ms.len()) else {
                break;
            };
            let (lo, hi) = if forward {
                (ms[k].last + 1, ms[n].first)
            } else {
                (ms[n].last + 1, ms[k].first)
            };
            // "Saudi-Iranian", "Saudi–Iranian", "Israel/Palestine": a pair joined into one word
            let dashed =
                hi + 1 == lo || hi > lo && (lo..hi).all(|j| self.is(j, &["-", "–", "‐", "/"]));
            let between_ok = dashed
                || hi >= lo
                && ((lo..hi).all(|j| {
                    self.is(
                        j,
                        &["and", ",", "&", "as", "well", "the", "’s", "'s", "both"],
                    )
                }) || self.offices_and(lo, hi)
                    || self.described(lo, hi))
                && !(lo..hi).all(|j| self.is(j, &["’s", "'s"]))
                // a list ends with "and": "…peace with Israel, Saudi Arabia broke ties" is an
                // opening phrase and its subject, not the list "Israel, Saudi Arabia"
                && (forward || k != idx || conjoined(lo, hi));
            if !between_ok || ms[n].person && ms[n].code == ms[k].code {
                // "Syrian counterpart, Asaad al-Shaibani": one actor twice; not "China and
                // Nauru restored relations after Nauru dropped Taiwan", a clause of its own
                let clause = (lo..hi).any(|j| {
                    self.is(
                        j,
                        &[
                            "after", "before", "when", "as", "since", "while", "because", "once",
                            "until",
                        ],
                    )
                });
                if ms[n].code == ms[k].code && hi <= lo + 3 && !clause {
                    k = n;
                    continue;
                }
                break;
            }
            if forward {
                // a comma after "and" has closed the list: what follows is another clause
                if closed && !conjoined(lo, hi) {
                    break;
                }
                // ", and" after a single state opens a clause ("closed their embassies in
                // Tehran, and Portugal said …"): a list of two takes no comma
                if out.len() == 1
                    && (lo..hi).any(|j| self.is(j, &[","]))
                    && (lo..hi).any(|j| self.is(j, &["and"]))
                {
                    break;
                }
                closed |= conjoined(lo, hi);
            }
            if !out.contains(&ms[n].code) {
                out.push(ms[n].code);
            }
            k = n;
        }
        // "… with Israel, Qatar broke off relations": commas with no "and" after them join an
        // opening phrase to its clause, not the items of a list
        if forward && !closed {
            out.truncate(1);
        }
        if !forward {
            out.reverse(); // text order: "Bhutan and South Korea"
        }
        out
    }

    /// "the Ukrainian President and the British Prime Minister": between two states of a list,
    /// an office and a conjunction.
    pub(super) fn offices_and(&self, lo: usize, hi: usize) -> bool {
        const TITLES: &[&str] = &["prime", "foreign", "defence", "defense", "deputy", "vice"];
        (lo..hi).any(|j| self.is(j, &["and", "&"]))
            && (lo..hi).any(|j| self.is(j, OFFICES))
            && (lo..hi).all(|j| {
                self.is(j, &["and", ",", "&", "the", "his", "her", "their"])
                    || self.is(j, OFFICES)
                    || self.is(j, TITLES)
            })
    }

    /// "China and the island state of Sao Tome and Principe", "Japan and the Kingdom of
    /// Tonga": between two states of a list, a conjunction and a descriptor that ends in "of"
    /// ("the (…) state / nation / country / kingdom / republic of").
    pub(super) fn described(&self, lo: usize, hi: usize) -> bool {
        const NOUNS: &[&str] = &[
            "state",
            "nation",
            "country",
            "kingdom",
            "republic",
            "emirate",
            "sultanate",
            "principality",
            "archipelago",
        ];
        let Some(the) = (lo..hi).find(|&j| self.is(j, &["the"])) else {
            return false;
        };
        hi >= the + 3
            && hi <= the + 6
            && (lo..the).any(|j| self.is(j, &["and", "&"]))
            && (lo..the).all(|j| self.is(j, &["and", ",", "&"]))
            && self.is(hi - 1, &["of"])
            && self.is(hi - 2, NOUNS)
            && (the + 1..hi - 2).all(|j| self.toks.get(j).is_some_and(|t| t.word))
    }

    /// Whether a stand-in for a state ("the island", "the kingdom", "the Pacific nation", "the
    /// Andean country") is the subject between `lo` and the trigger at `at`, with no state named
    /// there.
    pub(super) fn stand_in_before(&self, lo: usize, at: usize) -> bool {
        (lo..at).any(|j| {
            self.is(j, &["the"])
                && (j + 1..(j + 3).min(at)).any(|k| {
                    self.is(
                        k,
                        &[
                            "island",
                            "kingdom",
                            "archipelago",
                            "republic",
                            "emirate",
                            "nation",
                        ],
                    ) && !self.is(k + 1, &["of", "'s", "’s"])
                })
                // "the Andean country", "the Gulf state": a place's adjective before it
                || (self.is(j + 2, &["country", "state"])
                    && j + 2 < at
                    && self.toks.get(j + 1).is_some_and(|t| {
                        t.word && self.text[t.start..t.end].starts_with(char::is_uppercase)
                    })
                    && !self.is(j + 3, &["of", "'s", "’s"]))
        })
    }

    /// The actor pairs of the event at a trigger, and whether they came from the previous event
    /// ("the two leaders").
    pub(super) fn actors(
        &self,
        m: &Match,
        used: &[(Code, Code)],
        cx: &Context,
        here: Option<[Code; 2]>,
    ) -> (Vec<(Code, Code)>, bool) {
        // "both countries established relations with Japan": not with each other
        let with_third = self.mentions.iter().any(|x| {
            !x.place
                && x.first > m.at
                && x.first <= m.at + 6
                && self.is(x.first.saturating_sub(1), &["with"])
        });
        // "The two countries first established relations in 1949": the pair named before
        let subject_anaphor = (m.at.saturating_sub(5)..m.at).any(|j| {
            self.is(j, &["two", "both"])
                && (self.is(
                    j + 1,
                    &[
                        "countries",
                        "sides",
                        "nations",
                        "governments",
                        "states",
                        "capitals",
                        "leaders",
                        "ministers",
                        "presidents",
                    ],
                )
                    // "The two had first set up ties in 1949"
                    || (j > 0
                        && self.is(j - 1, &["the"])
                        && self.is(
                            j + 1,
                            &[
                                "had", "have", "has", "first", "later", "then", "were", "once",
                                "established", "set", "cut", "broke", "restored", "agreed",
                            ],
                        )))
                && !self.mentions.iter().any(|x| x.first > j && x.first < m.at)
                && !with_third
        }) || (m.kind == EventType::Meet
            && m.at >= 1
            && (self.is(m.at - 1, &["they"])
                || m.at >= 2
                    && self.is(m.at - 2, &["they"])
                    && self.is(m.at - 1, &["last", "first"]))
            && !with_third);
        // "Those ties were broken after the 1959 revolution", "the relations had been severed
        // in 2019": relations already spoken of, in a sentence that names no state
        let (lo, hi) = self.clause_of(m);
        // … up to a clause of its own: "Those relations were established in 1978, when Panama
        // became the first country in the Americas to recognise the SADR"
        let own_end = (m.end + 1..hi)
            .find(|&j| {
                self.is(
                    j,
                    &[
                        "when", "after", "before", "while", "because", "which", "although",
                    ],
                )
            })
            .unwrap_or(hi);
        let relations_anaphor = !self
            .mentions
            .iter()
            .any(|x| !x.place && x.first >= lo && x.last < own_end)
            && (m.at.saturating_sub(5)..(m.at + 4).min(self.toks.len())).any(|j| {
                self.is(j, &["those", "these", "the", "their", "such"])
                    && (self.is(j + 1, RELATION_NOUNS)
                        || (self.is(j + 1, &["diplomatic"]) && self.is(j + 2, RELATION_NOUNS)))
                    // "…; ties were restored in 2016": the bare noun opening its clause
                    || j == lo
                        && lo > 0
                        && self.is(j, RELATION_NOUNS)
                        && self.is(j + 1, &["were", "had"])
            });
        // "…spoke by telephone, their first call since the two leaders met": the pair of this
        // sentence's event, else of the last event on the same side (making or cutting ties)
        if let (true, Some(pair)) = (subject_anaphor, here) {
            return (vec![(pair[0], pair[1])], true);
        }
        if let (true, Some((pair, _))) = (subject_anaphor, cx.last) {
            let pair = cx.last_by_side[usize::from(super::cuts(m.kind))].unwrap_or(pair);
            return (vec![(pair[0], pair[1])], true);
        }
        // … and with no act before to point to, and no state the text is written by or about,
        // not the states of a clause after it ("The two countries threw out each other's
        // ambassadors in 2018, after Israeli forces killed 60 Palestinians")
        if subject_anaphor && cx.home.is_none() && cx.topic.is_none() {
            return (Vec::new(), false);
        }
        // "Saudi Arabia restored the relations Iraq cut in 1990": the relations of the act
        // before, cut by the state between them and the verb
        if let Some(pair) = here {
            if let Some(x) = self.mentions.iter().find(|x| {
                !x.place
                    && x.last + 1 == m.at
                    && x.first >= 1
                    && self.is(x.first - 1, RELATION_NOUNS)
                    && pair.contains(&x.code)
            }) {
                let other = if pair[0] == x.code { pair[1] } else { pair[0] };
                return (vec![(x.code, other)], false);
            }
        }
        // "Maduro had broken them off in 2019", "seven years after Sudan cut them", "they were
        // restored in 2020": the relations last spoken of; a state the clause names is the one
        // of that pair that acted
        if self.relations_pronoun(m.at).is_some() {
            if let Some(pair) = here.or(cx.last.map(|l| l.0)) {
                // the pronoun's own clause before the verb: "…, seven years after Sudan cut
                // them", not "… ruptured when Cuba turned towards North Korea"
                let from = (lo..m.at)
                    .rev()
                    .find(|&j| {
                        self.is(
                            j,
                            &[",", ";", "after", "before", "when", "since", "while", "and"],
                        )
                    })
                    .map_or(lo, |j| j + 1);
                let mut named: Vec<Code> = self
                    .mentions
                    .iter()
                    .filter(|x| !x.place && x.first >= from && x.last < m.at)
                    .map(|x| x.code)
                    .collect();
                named.sort();
                named.dedup();
                match named.as_slice() {
                    [] => return (vec![(pair[0], pair[1])], false),
                    [x] if pair.contains(x) => {
                        let other = if pair[0] == *x { pair[1] } else { pair[0] };
                        return (vec![(*x, other)], false);
                    }
                    _ => {}
                }
            }
        }
        // … a past the statement recalls, whose time is its own, not the statement's
        if let (true, Some(pair)) = (relations_anaphor, here.or(cx.last.map(|l| l.0))) {
            return (vec![(pair[0], pair[1])], false);
        }
        // "Freetown withdrew that recognition": the recognition spoken of, by the state that
        // gave it
        if m.kind == EventType::WithdrawRecognition {
            // … not "its recognition of, and relations with, the Republic of China": that names
            // what it recognised
            let that = (m.at + 1..(m.at + 4).min(self.toks.len())).any(|j| {
                self.is(j, &["recognition"])
                    && self.is(j - 1, &["that", "this", "the", "its", "their"])
                    && !self.is(j + 1, &["of"])
            });
            let (lo, hi) = self.clause_of(m);
            // the states that act, not the one a report is attributed to ("according to
            // Belgrade")
            let named: Vec<Code> = self
                .mentions
                .iter()
                .filter(|x| !x.place && x.first >= lo && x.last < hi && x.first < m.at)
                .filter(|x| !(x.first >= 2 && self.is(x.first - 2, &["according"])))
                .map(|x| x.code)
                .collect();
            if let (true, Some(agent), Some(pair)) =
                (that, named.first(), here.or(cx.last.map(|l| l.0)))
            {
                if pair[0] == *agent {
                    return (vec![(pair[0], pair[1])], false);
                }
            }
        }
        let p = self.actor_pairs(m, used, cx);
        {
            {
                if !p.is_empty() {
                    // the acting state taken from a stand-in ("the island"): the statement
                    // goes on, and so does its time
                    let carried = cx
                        .last
                        .is_some_and(|(pair, _)| p.iter().all(|(a, _)| *a == pair[0]))
                        && !self.mentions.iter().any(|x| !x.place && x.last < m.at)
                        && self.stand_in_before(0, m.at);
                    return (p, carried);
                }
                let anaphor = (0..self.toks.len()).any(|j| {
                    self.is(j, &["two", "both"])
                        && self.is(
                            j + 1,
                            &[
                                "leaders",
                                "countries",
                                "sides",
                                "nations",
                                "governments",
                                "ministers",
                                "states",
                                "men",
                                "officials",
                                "capitals",
                                "parties",
                            ],
                        )
                });
                // "Colombia recalled its ambassador from Israel. Chile's president said the same
                // evening that his government was recalling its envoy", "… Chile and Honduras
                // have recalled their ambassadors": states that act with no target, right after
                // an act of the same kind (or a recall after a break), act towards its target
                let ms: Vec<&Mention> = self
                    .mentions
                    .iter()
                    .filter(|x| !x.place && x.first >= lo && x.last < m.at)
                    .collect();
                let agents = ms
                    .len()
                    .checked_sub(1)
                    .map(|k| self.group_from(&ms, k, false))
                    .unwrap_or_default();
                // … in a reported statement or with its own envoys ("their ambassadors"), and no
                // other target spoken of ("broke off relations with a neighbour" is not the last
                // one's)
                let reported = (lo..m.at).any(|j| self.is(j, SPEECH_VERBS));
                let own_envoy = (m.at..(m.end + 3).min(self.toks.len())).any(|j| {
                    self.is(j, &["its", "their"])
                        && self.starts(j + 1, &["ambassador", "envoy", "diplomat", "top"])
                });
                let other_target = (m.end + 1..(m.end + 5).min(self.toks.len()))
                    .any(|j| self.is(j, &["with", "from", "to", "in", "against"]));
                let kin = |k: EventType| {
                    matches!(
                        k,
                        EventType::RecallAmbassador
                            | EventType::Sever
                            | EventType::Suspend
                            | EventType::ExpelDiplomats
                    )
                };
                let follows =
                    cx.last_kind == Some(m.kind) || kin(m.kind) && cx.last_kind.is_some_and(kin);
                // "… and Bolivia has cut ties": a break with no object at all
                let bare = matches!(m.kind, EventType::Sever | EventType::Suspend)
                    && (m.at..(m.at + 6).min(self.toks.len()))
                        .find(|&j| self.is(j, RELATION_NOUNS))
                        .is_some_and(|n| {
                            n + 1 >= self.toks.len()
                                || self.is(
                                    n + 1,
                                    &[",", ".", ";", "and", "while", "but", "altogether"],
                                )
                                // "Bolivia broke off relations on 1 November"
                                || self.is(n + 1, &["on", "in"])
                                    && self.dates.iter().any(|d| d.first == n + 2)
                        });
                let same_act = follows
                    && m.kind.directed()
                    && (reported || own_envoy || bare)
                    && !other_target
                    // the acting states stand right before the act ("and Bolivia has cut ties")
                    && (reported || ms.last().is_some_and(|x| x.last + 5 >= m.at));
                if let (true, Some((pair, _))) = (same_act, cx.last) {
                    let target = pair[1];
                    let pairs: Vec<(Code, Code)> = agents
                        .iter()
                        .filter(|a| **a != target && **a != pair[0])
                        .map(|a| (*a, target))
                        .collect();
                    if !pairs.is_empty() {
                        return (pairs, false);
                    }
                    // "Sudan cut ties with the UAE. … Sudan was withdrawing its ambassador": the
                    // state that acted last acts again towards the same state, with its envoys
                    // (a break said again is told with its modality: "a rupture was not off
                    // the table")
                    if agents == [pair[0]]
                        && matches!(
                            m.kind,
                            EventType::RecallAmbassador | EventType::ExpelDiplomats
                        )
                    {
                        return (vec![(pair[0], target)], false);
                    }
                }
                // "Chile … restore relations with La Paz. Bolivia first broke off relations in
                // 1962", "The Andean country had already cut ties in 2009": an act on relations
                // that names no partner, by one of the pair last spoken of (or by a stand-in for
                // it), is with the other; a verb's act, not a noun's ("the Saudi-Iranian
                // resumption of relations")
                let partnerless = matches!(
                    m.kind,
                    EventType::Sever
                        | EventType::Suspend
                        | EventType::Restore
                        | EventType::Establish
                ) && !["ion", "ment", "ance"]
                    .iter()
                    .any(|e| self.w(m.at).ends_with(e))
                    && (m.at..(m.at + 6).min(hi)).any(|j| self.is(j, RELATION_NOUNS))
                    && !self
                        .mentions
                        .iter()
                        .any(|x| !x.place && x.first > m.at && x.first < hi)
                    && !(m.at..hi).any(|j| self.is(j, &["with", "between"]));
                if let (true, Some(pair)) = (partnerless, here.or(cx.last.map(|l| l.0))) {
                    match ms.last() {
                        Some(x)
                            if x.last + 5 >= m.at && ms.iter().all(|y| pair.contains(&y.code)) =>
                        {
                            let other = if pair[0] == x.code { pair[1] } else { pair[0] };
                            return (vec![(x.code, other)], false);
                        }
                        None if self.stand_in_before(lo, m.at) => {
                            return (vec![(pair[0], pair[1])], false);
                        }
                        _ => {}
                    }
                }
                let same_side = cx.last_by_side[usize::from(super::cuts(m.kind))];
                match cx.last {
                    Some(_) if with_third => (Vec::new(), false),
                    Some((pair, _)) if anaphor => {
                        let pair = same_side.unwrap_or(pair);
                        (vec![(pair[0], pair[1])], true)
                    }
                    // a text about one pair: a sentence that names no other state is about it
                    _ => match cx.topic {
                        Some(t) if self.mentions.iter().all(|x| x.place || t.contains(&x.code)) => {
                            (vec![(t[0], t[1])], false)
                        }
                        _ => (Vec::new(), false),
                    },
                }
            }
        }
    }

    /// The comparatives of the sentence, ", as Colombia, Chile and Honduras did": the token
    /// ranges from "as" to the verb, holding only states and the words of a list.
    pub(super) fn as_did_spans(&self) -> Vec<(usize, usize)> {
        (1..self.toks.len())
            .filter(|&j| {
                self.is(j, &["as"])
                    && self.is(j - 1, &[","])
                    && self.mentions.iter().any(|x| !x.place && x.first == j + 1)
            })
            .filter_map(|j| {
                let end = (j + 1..(j + 14).min(self.toks.len()))
                    .find(|&k| self.is(k, &["did", "had", "have", "has", "do", "does"]))?;
                (j + 1..end)
                    .all(|k| {
                        self.is(k, &["and", ",", "the", "&"])
                            || self.mentions.iter().any(|x| x.first <= k && k <= x.last)
                    })
                    .then_some((j, end))
            })
            .collect()
    }

    /// The states a comparative right after the act at `m` says did the same ("recalled their
    /// ambassadors from Israel, as Colombia, Chile and Honduras did"), and the comparative's
    /// own date if it gives one ("as Colombia and Chile did last month").
    pub(super) fn did_the_same(&self, m: &Match) -> (Vec<Code>, Option<&Found>) {
        let Some(&(lo, hi)) = self
            .comparatives
            .iter()
            .find(|&&(lo, _)| lo > m.end && lo <= m.end + 8)
        else {
            return (Vec::new(), None);
        };
        let mut out: Vec<Code> = self
            .mentions
            .iter()
            .filter(|x| !x.place && x.first > lo && x.last < hi)
            .map(|x| x.code)
            .collect();
        out.dedup();
        let date = self
            .dates
            .iter()
            .find(|d| d.first > hi && d.first <= hi + 3 && !self.is(d.first - 1, &[","]));
        (out, date)
    }

    /// Whether a directed act is done by each of two states to the other: "expelled each
    /// other's envoys".
    pub(super) fn each_other(&self, m: &Match) -> bool {
        m.kind.directed()
            && (m.at + 1..(m.end + 4).min(self.toks.len()))
                .any(|j| self.is(j, &["each"]) && self.is(j + 1, &["other"]))
    }

    /// Where a clause of its own begins after token `at`: "and", "but", "while" or a semicolon
    /// followed by a state and its verb ("and Bolivia has cut ties"); the sentence's end if none.
    pub(super) fn next_clause(&self, at: usize) -> usize {
        (at + 1..self.toks.len())
            .find(|&j| {
                // ", and as part of the deal the US cut …": after a comma, the clause's
                // subject may come a few words later
                let reach = if j > 0 && self.is(j - 1, &[","]) {
                    8
                } else {
                    2
                };
                self.is(j, &["and", "but", "while", "whereas", ";"])
                    && self
                        .mentions
                        .iter()
                        .find(|x| x.first > j)
                        .filter(|x| {
                            x.first == j + 1
                                || x.first == j + 2 && self.is(j + 1, &["the"])
                                || reach > 2 && x.first <= j + reach
                        })
                        .is_some_and(|x| {
                            let v = self.w(x.last + 1);
                            matches!(
                                v,
                                "has"
                                    | "have"
                                    | "had"
                                    | "was"
                                    | "were"
                                    | "is"
                                    | "are"
                                    | "will"
                                    | "would"
                                    | "did"
                                    // past tenses that do not end in "-ed"
                                    | "cut"
                                    | "broke"
                                    | "withdrew"
                                    | "sent"
                                    | "took"
                                    | "made"
                                    | "gave"
                                    | "began"
                                    | "split"
                                    | "quit"
                                    | "kept"
                                    | "held"
                                    | "met"
                            ) || v.len() > 3 && v.ends_with("ed")
                        })
            })
            .unwrap_or(self.toks.len())
    }

    /// The tokens of the trigger's clause, between semicolons.
    pub(super) fn clause_of(&self, m: &Match) -> (usize, usize) {
        let lo = (0..m.at)
            .rev()
            .find(|&j| self.is(j, &[";"]))
            .map_or(0, |j| j + 1);
        let hi = (m.end..self.toks.len())
            .find(|&j| self.is(j, &[";"]))
            .unwrap_or(self.toks.len());
        (lo, hi)
    }

    pub(super) fn actor_pairs(
        &self,
        m: &Match,
        used: &[(Code, Code)],
        cx: &Context,
    ) -> Vec<(Code, Code)> {
        // only the trigger's clause: "147 countries recognise Palestine; the United States has
        // not" names no recogniser
        let (lo, hi) = self.clause_of(m);
        let all: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|x| x.first >= lo && x.last < hi)
            .collect();
        // "Kiribati is the seventh ally Taiwan has lost since 2016, after Burkina Faso, the
        // Dominican Republic and Panama": the state that lost is named right before the verb,
        // the one lost opens the sentence, and those listed after "after" were lost before it
        if m.rule == "sever.ally-lost" {
            let Some(loser) = all
                .iter()
                .rev()
                .find(|x| !x.place && x.last < m.at && x.last + 3 >= m.at)
                .map(|x| x.code)
            else {
                return Vec::new();
            };
            let mut lost: Vec<Code> = all
                .iter()
                .find(|x| !x.place && x.last < m.at && x.code != loser)
                .map(|x| x.code)
                .into_iter()
                .collect();
            if let Some(after) = (m.end..self.toks.len()).find(|&j| self.is(j, &["after"])) {
                if let Some(k) = all
                    .iter()
                    .position(|x| x.first > after && x.first <= after + 3)
                {
                    lost.extend(self.group_from(&all, k, true));
                }
            }
            lost.retain(|c| *c != loser);
            lost.dedup();
            return lost.into_iter().map(|c| (c, loser)).collect();
        }
        // "… relations with the Republic of China as the government of China": the state after
        // "as the government of" says what a state named before it was recognised as, it is no
        // party (but "recognised the Carranza government as the government of Mexico" names
        // no state before: Mexico is the party)
        let as_government_of = |x: &&Mention| {
            x.first >= 3
                && self.is(x.first - 1, &["of"])
                && self.is(x.first - 2, &["government"])
                && (x.first.saturating_sub(7)..x.first - 2)
                    .rfind(|&j| self.is(j, &["as"]))
                    .is_some_and(|a| {
                        all.iter()
                            .any(|y| !y.place && y.first > m.at && y.last < a && y.code != x.code)
                    })
        };
        // "…, as Bolivia did, or recalled their ambassadors": states a comparative says did
        // the same are no party to another act
        let actors: Vec<&Mention> = all
            .iter()
            .copied()
            .filter(|x| !x.place && !as_government_of(x))
            .filter(|x| {
                !self
                    .comparatives
                    .iter()
                    .any(|&(lo, hi)| x.first > lo && x.last < hi)
            })
            .collect();
        let at = m.at;
        // "between A and B"
        if let Some(b) = (at.saturating_sub(4)..(at + 8).min(self.toks.len()))
            .find(|&j| self.is(j, &["between"]))
        {
            let after: Vec<&Mention> = actors.iter().copied().filter(|x| x.first > b).collect();
            if after.len() >= 2 && after[0].code != after[1].code {
                return vec![(after[0].code, after[1].code)];
            }
        }
        let before_idx: Vec<usize> = (0..actors.len()).filter(|&k| actors[k].last < at).collect();
        let after_idx: Vec<usize> = (0..actors.len())
            .filter(|&k| actors[k].first > m.end)
            .collect();
        // passive with "by": "Kosovo was recognised by Spain", "… by the United States,
        // France and Germany": each state of the list acts
        if m.kind.directed() {
            // within the clause: "Palestine was formally recognised as a state on 28 May by
            // Norway, Ireland and Spain"
            let by = (m.end + 1..(m.end + 10).min(self.toks.len()))
                .take_while(|&j| !self.is(j, &[",", ";", ".", "and", "but", "which", "after"]))
                .find(|&j| self.is(j, &["by"]));
            if let Some(by) = by {
                let agent = actors
                    .iter()
                    .position(|x| x.first == by + 1 || x.first == by + 2);
                // "condemned the recognition of Kosovo by Palau": the state after "of" is the
                // patient, not the subject that condemns
                let of_state = actors.iter().find(|x| {
                    x.first > m.end && x.last < by && (m.end..x.first).any(|j| self.is(j, &["of"]))
                });
                let patient = of_state
                    .map(|x| x.code)
                    .or_else(|| before_idx.last().map(|&k| actors[k].code));
                if let (Some(a), Some(p)) = (agent, patient) {
                    return self
                        .group_from(&actors, a, true)
                        .into_iter()
                        .filter(|&c| c != p)
                        .map(|c| (c, p))
                        .collect();
                }
            }
        }
        // "In 1949 Turkey became the first … to recognise Israel. It broke off diplomatic ties
        // in 2010 after Israeli commandos …": "It" opening the sentence, with no state before
        // the trigger, is the state that acted last, and the act is with the same partner
        // unless the clause names another
        let it_opening = before_idx.is_empty() && lo == 0 && self.is(0, &["it"]) && at <= 4;
        let it_subject = it_opening && cx.last.is_some() && cx.prev_had_events;
        // … or, after a sentence that told no act, the state that sentence named first
        let it_previous = it_opening && !it_subject;
        // a state inside an apposition to the state before it is not the subject: the state
        // whose comma opens it ("Paraguay, Taipei's only partner in South America, has had
        // relations"; "Sao Tome, a former Portuguese colony off Gabon, set up relations")
        let apposed = |k: usize| -> Option<usize> {
            // the apposition closes with a comma before the trigger
            if !(actors[k].last + 1..at).any(|j| self.is(j, &[","])) {
                return None;
            }
            // and opens with the comma after an earlier state, with no comma in between
            let open = (0..actors[k].first).rev().find(|&j| self.is(j, &[","]))?;
            let owner = (0..k).rev().find(|&h| actors[h].last + 1 == open)?;
            let first = open + 1;
            let opens = first == actors[k].first
                || self.is(first, &["a", "an", "the", "once", "formerly"])
                    && first + 12 >= actors[k].first;
            // not a list: "the United Kingdom, Canada and Australia on Sunday, …"
            let list = (first..actors[k].first).any(|j| self.is(j, &["and", "&"]));
            (opens && !list).then_some(owner)
        };
        // "Serbia claims 9 countries withdrew recognition of Kosovo", "Belgrade says several
        // states have revoked it": the state speaks; the act is the counted states' own
        let speaks_of_others = |k: usize| {
            (actors[k].last + 1..at).any(|j| {
                self.is(j, SPEECH_VERBS)
                    || self.is(
                        j,
                        &["claims", "claim", "insists", "insisted", "argues", "argued"],
                    )
            }) && (actors[k].last + 1..at)
                .any(|j| self.is(j, &["countries", "states", "nations", "governments"]))
                && !(actors[k].last + 1..at)
                    .any(|j| self.is(j, &["it", "its", "they", "their", "we", "our"]))
        };
        // "Morocco called its envoy home, after the Mbeki government recognised the SADR": the
        // trigger inside a subordinate clause with a subject of its own (no comma closing it
        // before the trigger; not "after recognising", not "after it recognised")
        const SUBORDINATORS: &[&str] = &["after", "before", "when", "because", "although", "until"];
        let subordinated = |k: usize| {
            (actors[k].last + 1..at).any(|j| {
                self.is(j, SUBORDINATORS)
                    && j + 1 < at
                    && !(j + 1..at).any(|t| {
                        // a subject that points back ("when the neighbours' defence chiefs
                        // signed", "after their ministers met") is the same states'
                        self.is(
                            t,
                            &[
                                ",",
                                "it",
                                "they",
                                "he",
                                "she",
                                "we",
                                "its",
                                "their",
                                "his",
                                "her",
                                "two",
                                "both",
                                "neighbours",
                                "neighbours'",
                                "neighbors",
                                "neighbors'",
                                // … or a stand-in for the state named last ("after the island
                                // nation set up ties with Taiwan")
                                "island",
                                "nation",
                                "country",
                                "kingdom",
                                "republic",
                                "archipelago",
                                // … or the act's own noun ("after embassies opened in Qatar")
                                "embassies",
                                "embassy",
                                "missions",
                                "ties",
                                "relations",
                            ],
                        ) || self.dates.iter().any(|d| d.first <= t && t <= d.last)
                    })
            })
        };
        let subject = before_idx
            .last()
            .map(|&k| apposed(k).unwrap_or(k))
            .filter(|&k| !speaks_of_others(k) && !subordinated(k));
        let mut agents: Vec<Code> = match subject {
            Some(k) => {
                let g = self.group_from(&actors, k, false);
                // the nearest state before is the object of an earlier trigger: "cut ties
                // with Taipei and established relations with Beijing"; not the subject of a
                // clause of its own ("restored relations after Nauru dropped Taiwan")
                let f = actors[k].first;
                // (or that opens a relative clause of its own: "… with Burkina Faso, which had
                // first set up ties with Taipei in 1961")
                let l = actors[k].last;
                let own_clause = f > 0
                    && self.is(
                        f - 1,
                        &[
                            "after", "before", "when", "as", "since", "while", "because", "once",
                            "until",
                        ],
                    )
                    || self.is(l + 1, &[","]) && self.is(l + 2, &["which", "who"]);
                match used
                    .iter()
                    .find(|(obj, _)| g.len() == 1 && *obj == g[0] && !own_clause)
                {
                    Some((_, agent)) => vec![*agent],
                    None => g,
                }
            }
            // "A government statement said the island was severing ties with Taipei": a
            // stand-in for the state that acted in the sentence before
            None => match cx.last {
                Some((pair, _)) if self.stand_in_before(lo, at) => vec![pair[0]],
                Some((pair, _)) if it_subject => vec![pair[0]],
                _ => match cx.prev_subject {
                    Some(c) if it_previous => vec![c],
                    _ => Vec::new(),
                },
            },
        };
        // the target: after a preposition for directed types
        let mut objects: Vec<Code> = Vec::new();
        // the expelled state is named by its diplomats ("two Russian embassy officials"): a
        // state named later is not the one that expels them
        let mut expelled_named = false;
        if m.kind == EventType::ExpelDiplomats || m.kind == EventType::RecallAmbassador {
            if let Some(noun) = m.noun {
                // "expelled 40 Russian diplomats": the demonym before the noun; with the
                // trigger after the noun ("declared five Swedish diplomats persona non grata"),
                // the demonym within the few words before it
                let from = if at > noun {
                    noun.saturating_sub(4)
                } else {
                    at
                };
                // (or the demonym is the noun: "expel eighteen Russians")
                if let Some(x) = all.iter().find(|x| {
                    x.last <= noun
                        && x.last + 3 >= noun
                        && x.first >= from
                        && m.kind == EventType::ExpelDiplomats
                }) {
                    objects.push(x.code);
                    expelled_named = true;
                    if agents.contains(&x.code) {
                        agents.retain(|c| *c != x.code);
                        if agents.is_empty() {
                            if let Some(&k) =
                                before_idx.iter().rev().find(|&&k| actors[k].code != x.code)
                            {
                                agents.push(actors[k].code);
                            }
                        }
                    }
                }
            }
        }
        if matches!(
            m.kind,
            EventType::OpenEmbassy | EventType::CloseEmbassy | EventType::RecallAmbassador
        ) && objects.is_empty()
        {
            // "opened its embassy in Kyiv": here the place is the target; "opened new missions
            // in Zimbabwe and Burkina Faso": each of a list; not a state that opens a clause of
            // its own ("… recalled their ambassadors and Bolivia has cut ties")
            // (nor in a clause of its own after a comma: "called its envoy home in 2004, after
            // the Mbeki government recognised the SADR")
            let subordinate = (at + 1..self.toks.len())
                .find(|&j| {
                    self.is(
                        j,
                        &["after", "before", "when", "because", "since", "following", "as"],
                    ) && self.is(j - 1, &[","])
                        // (not "…, as well as Chile")
                        && !self.is(j + 1, &["well"])
                })
                .unwrap_or(self.toks.len());
            let stop = self.next_clause(at).min(subordinate);
            // "summoned Roberto Martínez, the Honduran ambassador in Israel, back": the
            // envoy's own state (the demonym right before the noun) is the one that recalls
            let envoys_own = |x: &&Mention| {
                m.kind == EventType::RecallAmbassador
                    && m.noun
                        .is_some_and(|n| x.last < n && x.last + 3 >= n && x.first > at)
            };
            if let Some(own) = all.iter().find(|x| envoys_own(x)) {
                if agents.is_empty() {
                    agents.push(own.code);
                }
            }
            if let Some(k) = all.iter().position(|x| {
                x.first > at.min(m.noun.unwrap_or(at)) && x.first < stop && !envoys_own(x)
            }) {
                // one envoy is recalled from one state; "its ambassadors to Mali and Niger" from
                // each of the list
                let plural = m
                    .noun
                    .is_some_and(|n| self.is(n, &["ambassadors", "envoys"]));
                objects = if m.kind == EventType::RecallAmbassador && !plural {
                    vec![all[k].code]
                } else {
                    self.group_from(&all, k, true)
                };
                // the list ends with the clause: "recalled their ambassadors from Israel, as
                // Colombia and Chile did"
                objects.retain(|c| {
                    all.iter()
                        .any(|x| x.code == *c && x.first >= all[k].first && x.first < stop)
                });
            }
        }
        // "Eighteen members of Russia's embassy staff have been told to leave the Czech
        // Republic": the state to be left expels the one named before
        if m.kind == EventType::ExpelDiplomats
            && at >= 1
            && self.is(at - 1, &["been", "were", "was", "be"])
        {
            if let Some(k) =
                (at + 1..(at + 6).min(self.toks.len())).find(|&j| self.is(j, &["leave", "depart"]))
            {
                let host = all.iter().find(|x| {
                    !x.person && (x.first == k + 1 || x.first == k + 2 && self.is(k + 1, &["the"]))
                });
                let guest = all.iter().rev().find(|x| !x.place && x.last < at);
                if let (Some(h), Some(g)) = (host, guest) {
                    if h.code != g.code {
                        return vec![(h.code, g.code)];
                    }
                }
            }
        }
        // "Kenya's first ambassador to Morocco handed her credentials": the envoy's state and
        // the one it is sent to
        if m.rule == "meet.credentials" {
            let posted = (0..self.toks.len()).find_map(|n| {
                if !self.is(n, super::words::ENVOY_NOUNS) || !self.is(n + 1, &["to"]) {
                    return None;
                }
                let to = all.iter().find(|x| !x.person && x.first == n + 2)?;
                let from = all.iter().rev().find(|x| {
                    x.last < n && x.last + 4 >= n && !(x.last + 1..n).any(|j| self.is(j, &[","]))
                })?;
                (from.code != to.code).then_some((from.code, to.code))
            });
            if let Some(pair) = posted {
                return vec![pair];
            }
        }
        // "the latest to abandon Taiwan": the state dropped is the one right after the verb
        if m.rule == "sever.drop-taiwan" {
            if let Some(x) = all.iter().find(|x| x.first == m.end + 1 && !x.person) {
                objects = vec![x.code];
                agents.retain(|c| *c != x.code);
            }
        }
        if m.rule == "switch.recognition.from"
            || m.rule == "switch.recognition.to"
            || m.rule == "establish.switch-to"
            || m.rule == "establish.drop-for"
        {
            let word = if m.rule.ends_with("from") {
                "from"
            } else if m.rule.ends_with("for") {
                "for"
            } else {
                "to"
            };
            if let Some(p) = (at..self.toks.len()).find(|&j| self.is(j, &[word])) {
                if let Some(x) = all.iter().find(|x| x.first > p) {
                    objects = vec![x.code];
                }
            }
        }
        // "South Korea and Cuba set up relations ... at the United Nations": a pair before the
        // trigger is the pair, unless "with" names another
        // with a subject before the trigger, the object stands in the trigger's clause: not in
        // "..., after Tegucigalpa ended its relationship with Taiwan"
        let clause_end = (m.end + 1..self.toks.len())
            .find(|&j| {
                self.is(
                    j,
                    &[
                        ";", "after", "before", "while", "when", "which", "whereas", "but", "who",
                        "although", "since",
                    ],
                ) || (self.is(j, &["as"]) && self.is(j - 1, &[","]))
            })
            .unwrap_or(self.toks.len())
            .min(self.next_clause(m.end));
        let after_idx: Vec<usize> = if agents.is_empty() {
            after_idx
        } else {
            after_idx
                .into_iter()
                .filter(|&k| actors[k].last < clause_end)
                .collect()
        };
        // "three states withdrew their recognition of Kosovo: Suriname, Burundi and Lesotho":
        // no state before the trigger, and the list after the colon acts on the state before it
        if agents.is_empty() && objects.is_empty() && m.kind.directed() {
            if let Some(colon) = (m.end..self.toks.len()).find(|&j| self.is(j, &[":"])) {
                let target = after_idx.iter().find(|&&k| actors[k].last < colon);
                let listed = after_idx.iter().find(|&&k| actors[k].first > colon);
                if let (Some(&t), Some(&l)) = (target, listed) {
                    let p = actors[t].code;
                    return self
                        .group_from(&actors, l, true)
                        .into_iter()
                        .filter(|&c| c != p)
                        .map(|c| (c, p))
                        .collect();
                }
            }
        }
        if objects.is_empty() && agents.len() >= 2 && m.kind.symmetric_match() {
            // (past a comma, "with" the relations: not "held talks on the territory, with
            // Brazil's envoy acting as interlocutor")
            let with_object = after_idx.iter().any(|&k| {
                let f = actors[k].first;
                (f.saturating_sub(3)..f).any(|j| {
                    self.is(j, &["with", "and"])
                        && (!(m.end..j).any(|t| self.is(t, &[","]))
                            || (j.saturating_sub(3)..j).any(|t| self.is(t, RELATION_NOUNS)))
                })
            });
            if !with_object {
                // "the leaders of Japan, China and South Korea met": each pair of them met
                if m.kind == EventType::Meet && agents.len() > 2 {
                    return agents
                        .iter()
                        .enumerate()
                        .flat_map(|(k, a)| agents[k + 1..].iter().map(|b| (*a, *b)))
                        .collect();
                }
                return vec![(agents[0], agents[1])];
            }
        }
        if objects.is_empty() {
            if let Some(&k) = after_idx
                .iter()
                .find(|&&k| !agents.contains(&actors[k].code))
            {
                objects = self.group_from(&actors, k, true);
            }
        }
        // "cut diplomatic relations with the Gaddafi regime": a break with a government, not
        // with the state (which the same state soon recognised under another)
        if matches!(
            m.kind,
            EventType::Sever | EventType::Suspend | EventType::Restore | EventType::Establish
        ) {
            let regimes: Vec<Code> = actors
                .iter()
                .filter(|x| {
                    x.person && x.first > at && self.is(x.last + 1, &["regime", "junta", "régime"])
                })
                .map(|x| x.code)
                .collect();
            objects.retain(|c| !regimes.contains(c));
        }
        if let (true, true, Some((pair, _))) = (it_subject, objects.is_empty(), cx.last) {
            if agents == [pair[0]] && after_idx.is_empty() {
                return vec![(pair[0], pair[1])];
            }
        }
        if agents.is_empty() && expelled_named {
            return Vec::new();
        }
        // "after embassies opened in the United Arab Emirates, Turkey and Indonesia": places
        // where someone unnamed opened them, not the first place opening in the others
        let places_only = !objects.is_empty()
            && matches!(m.kind, EventType::OpenEmbassy | EventType::CloseEmbassy)
            && all
                .iter()
                .find(|x| x.first > at && objects.contains(&x.code))
                .is_some_and(|x| x.place);
        if agents.is_empty() && places_only {
            return Vec::new();
        }
        if agents.is_empty() && !objects.is_empty() {
            // no state before the trigger: "The formalisation of ties took place when South
            // Korean Foreign Minister Cho met his Syrian counterpart"
            agents = vec![objects.remove(0)];
            if objects.is_empty() {
                // … within the trigger's clause: not "Only 19 states still recognise Taipei,
                // while Beijing has relations with more than 170"
                // (a clause that says when it took place goes on: "The formalisation of ties
                // took place on Thursday, when South Korean Foreign Minister Cho met his Syrian
                // counterpart")
                let contrast = (m.end + 1..self.toks.len())
                    .find(|&j| self.is(j, &[";", "while", "whereas", "although"]))
                    .unwrap_or(self.toks.len());
                if let Some(&k) = after_idx
                    .iter()
                    .find(|&&k| actors[k].code != agents[0] && actors[k].last < contrast)
                {
                    objects = self.group_from(&actors, k, true);
                }
            }
        }
        if objects.is_empty() && agents.len() >= 2 && !m.kind.directed() {
            return vec![(agents[0], agents[1])];
        }
        if objects.is_empty() && agents.len() >= 2 && m.kind.symmetric_match() {
            return vec![(agents[0], agents[1])];
        }
        // a text by one government names only the other state
        if let Some(home) = cx.home.filter(|_| m.kind.symmetric_match()) {
            let named: Vec<Code> = agents
                .iter()
                .chain(&objects)
                .copied()
                .filter(|c| *c != home)
                .collect();
            if let [other] = named.as_slice() {
                // in the text's order where the text names both ("Maldives decided to sever
                // ties with Qatar" in Qatar's article)
                if objects.contains(&home) && agents.contains(other) {
                    return vec![(*other, home)];
                }
                return vec![(home, *other)];
            }
            // ...or names it only as the place: "the American Legation in Switzerland"
            let places: Vec<Code> = all
                .iter()
                .filter(|x| x.place && x.code != home)
                .map(|x| x.code)
                .collect();
            if named.is_empty() && !places.is_empty() && places.iter().all(|c| *c == places[0]) {
                return vec![(home, places[0])];
            }
        }
        // "Cuba's relations with South Korea took effect", "Cuba said relations with South
        // Korea took effect": the state after "with" is one side, the one before the
        // relations the other
        if objects.is_empty() && agents.len() == 1 && m.rule == "establish.relations+take-effect" {
            if let [.., k0, k1] = before_idx.as_slice() {
                let f = actors[*k1].first;
                let with_relations = f >= 2
                    && self.is(f - 1, &["with"])
                    && (f.saturating_sub(5)..f - 1).any(|j| self.is(j, RELATION_NOUNS))
                    && (actors[*k0].last..f).any(|j| self.is(j, RELATION_NOUNS));
                if with_relations && actors[*k0].code != actors[*k1].code {
                    return vec![(actors[*k0].code, actors[*k1].code)];
                }
            }
        }
        // "Ethiopia and Eritrea had thrown out each other's envoys": the one to the other (the
        // other way round is added with the event, see [`Sentence::each_other`])
        if let ([a, b], true, true) = (agents.as_slice(), objects.is_empty(), self.each_other(m)) {
            return vec![(*a, *b)];
        }
        if agents.is_empty() || objects.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for a in &agents {
            for b in &objects {
                out.push((*a, *b));
            }
        }
        out
    }
}
