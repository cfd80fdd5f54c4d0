//! Claims about events in a period: "the ninth ally Taipei has lost since May 2016", "the
//! fifth country to switch recognition from Taipei to Beijing since 2016", "the ninth country to
//! recognise a Palestinian state since October 7", "six countries have cut ties with Taiwan
//! since 2016".
//!
//! The graph's events are counted: losses of a state (its partners' breaks and withdrawals of
//! recognition) or recognitions of it, each partner once, from the period's start to the day
//! checked. A count that matches is supported; one that does not is `not_enough_info` with the
//! graph's events listed, never refuted: a period's events are only as complete as the graph's
//! coverage of the state, and "since Tsai took office" may start on a day the sentence does not
//! give.

use std::sync::OnceLock;

use diplograph_graph::Graph;
use diplograph_model::{Code, Date, Day, Event, Precision, StateKind, Status, Universe};
use diplograph_read::{month, Lexicon};
use regex::Regex;

use crate::{entry_evidence, name, Claim, ClaimKind, Evidence, Verdict};

/// The longest prefix of `s` of at most `n` bytes that ends on a character boundary.
fn floor(s: &str, n: usize) -> usize {
    (0..=n.min(s.len()))
        .rev()
        .find(|&k| s.is_char_boundary(k))
        .unwrap_or(0)
}

const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

fn ordinal(s: &str) -> Option<usize> {
    let s = s.to_lowercase();
    if let Some(i) = ORDINALS.iter().position(|o| *o == s) {
        return Some(i + 1);
    }
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if let Ok(n) = digits.parse() {
        return Some(n);
    }
    crate::claims::number(&s)
}

/// What the events are, for the state they are about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Partners breaking off, switching away, withdrawing recognition.
    Losses,
    /// States recognising it.
    Recognitions,
    /// States withdrawing their recognition of it ("the 15th state to withdraw recognition of
    /// Kosovo"), counted from the start: a recognition is withdrawn once.
    Withdrawals,
    /// States establishing relations with it for the first time ("the fourth Arab country to
    /// normalise ties with Israel").
    Establishments,
}

struct Patterns {
    /// "the ninth ally Taipei has lost", "the 18th state to withdraw recognition of Kosovo",
    /// "the fifth country to switch recognition from Taipei to Beijing"
    ordinal: Regex,
    /// "six countries have switched to Beijing"
    cardinal: Regex,
    /// "Taiwan lost three allies in 2018": the state named before
    lost_n: Regex,
    loss: Regex,
    recognition: Regex,
    /// "to withdraw its recognition of", "revoked recognition", "derecognise"
    withdrawal: Regex,
    /// "to establish ties with", "to normalise relations with", "with ties to"
    establishment: Regex,
    /// "with active ties to", "with current relations with": relations held on the day, not
    /// once established ("with ties to" may mean either, and keeps every establishment)
    holding: Regex,
    /// "since Tsai Ing-wen took office in May 2016", "since 2016", "since October 7"
    since: Regex,
    /// "this year", "so far this year", "in 2018": a calendar year
    year: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let words = ORDINALS.join("|");
        let adj = crate::claims::groups::ADJ;
        let number = crate::claims::NUMBER;
        let months = "january|february|march|april|may|june|july|august|september|october|november|december";
        let re = |s: String| Regex::new(&s).expect("period pattern");
        Patterns {
            ordinal: re(format!(
                r"(?i)\b(?:the\s+|its\s+|their\s+)?(\d{{1,3}}(?:st|nd|rd|th)|{words})\s+(?:{adj}\s+|([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+)?(?:country|state|nation|ally|allies|government|partner|member\s+state|member)\b"
            )),
            establishment: re(r"(?i)\b(?:to\s+(?:formally\s+|officially\s+)?(?:establish|normali[sz]e|open|forge)|(?:with|to\s+have)\s+(?:formal\s+|full\s+|diplomatic\s+|active\s+|official\s+|normal\s+|current\s+)*(?:ties|relations)\s+(?:to|with))\b".to_string()),
            holding: re(r"(?i)^\s*(?:with|to\s+have)\s+(?:(?:formal|full|diplomatic|official)\s+)*(?:active|current|existing|normal)\s+(?:(?:formal|full|diplomatic|official)\s+)*(?:ties|relations)\s+(?:to|with)\b".to_string()),
            cardinal: re(format!(
                r"(?i)\b{number}\s+(?:(?:{adj})\s+)?(?:countries|states|nations|allies|governments)\s+(?:have\s+|had\s+)?(?:now\s+|so\s+far\s+|already\s+|since\s+then\s+)?(?:switched|cut|broken|dropped|abandoned|ditched|withdrawn|revoked|recogni[sz]ed|defected)\b"
            )),
            lost_n: re(format!(
                r"(?i)\b(?:lost|has\s+lost|have\s+lost|had\s+lost)\s+{number}\s+(?:of\s+its\s+)?(?:diplomatic\s+|formal\s+|official\s+)*(?:allies|partners)\b"
            )),
            loss: re(r"(?i)\b(?:to\s+)?(?:switch|switched|cut|break|broke|sever|drop|abandon|ditch|defect|withdraw|take\s+back|revoke|rescind|derecogni[sz]e|withdrawn|revoked|lost|lose|has\s+lost|have\s+lost)\b".to_string()),
            recognition: re(r"(?i)\bto\s+(?:formally\s+|officially\s+)?recogni[sz]e\b|\bhave\s+(?:now\s+)?recogni[sz]ed\b".to_string()),
            withdrawal: re(r"(?i)\b(?:withdr[ae]w[ns]?|withdrawing|revoked?|revoking|rescind(?:ed|s)?|take\s+back|took\s+back|annul(?:led|s)?|reverse[ds]?)\s+(?:its\s+|their\s+|the\s+)?recognition\b|\bderecogni[sz]e[sd]?\b".to_string()),
            year: re(r"(?i)\b(?:(?:so\s+far\s+|earlier\s+)?this\s+year|in\s+(\d{4}))\b".to_string()),
            since: re(format!(
                r"(?i)\b(?:since|after|following)\s+(?:[^,.;]{{0,60}}?\s)??(?:in\s+)?(?:({months})\s+(?:(\d{{1,2}})(?:st|nd|rd|th)?\b,?\s*)?)?(\d{{4}})\b|\b(?:since|after|following)\s+({months})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
            )),
        }
    })
}

/// The period's first day, when the sentence gives one: "since May 2016" is 2016-05-01,
/// "since 2016" 2016-01-01, "since October 7" (or "after October 7") the last 7 October on or
/// before `as_of`.
///
/// A day without a year takes the year the sentence names, if it names one ("began in November
/// 2023, … after October 7").
fn since(rest: &str, as_of: Day, year_named: Option<i16>) -> Option<(Date, usize)> {
    let c = patterns().since.captures(rest)?;
    let end = c.get(0).expect("match").end();
    let word = |i: usize| c.get(i).map(|g| g.as_str());
    let (m, d, y) = if c.get(3).is_some() {
        (word(1).and_then(month), word(2), word(3))
    } else {
        (word(4).and_then(month), word(5), None)
    };
    let d: Option<i8> = d.and_then(|d| d.parse().ok());
    let y: Option<i16> = y.and_then(|y| y.parse().ok());
    let day = |y: i16, m: i8, d: i8| Day::new(y, m, d).ok().map(Date::from_day);
    let date = match (y, m, d) {
        (Some(y), Some(m), Some(d)) => day(y, m, d)?,
        (Some(y), Some(m), None) => Date::from_month(y, m)?,
        (Some(y), None, _) => Date::year(y),
        (None, Some(m), Some(d)) => {
            if let Some(named) = year_named.and_then(|y| day(y, m, d)) {
                if named.first_day() <= as_of {
                    return Some((named, end));
                }
            }
            let this = day(as_of.year(), m, d)?;
            if this.first_day() <= as_of {
                this
            } else {
                day(as_of.year() - 1, m, d)?
            }
        }
        _ => return None,
    };
    Some((date, end))
}

/// The partners' events of `kind` about `target` from `from` to `to`, each partner once (its
/// first in the period), in date order.
fn events(
    graph: &Graph,
    target: Code,
    kind: Kind,
    from: Day,
    to: Day,
) -> Vec<(Code, &diplograph_graph::Entry)> {
    let mut out: Vec<(Code, &diplograph_graph::Entry)> = Vec::new();
    let full_member = graph
        .states()
        .get(target)
        .is_some_and(|s| !matches!(s.kind, StateKind::Limited | StateKind::Observer));
    for s in graph.states().all() {
        let Some(pair) = graph.pair(target, s.code) else {
            continue;
        };
        let first = pair.entries.iter().find(|e| {
            let fits = match kind {
                Kind::Losses => {
                    e.event == Event::Sever
                        || (e.event == Event::WithdrawRecognition && e.b == target)
                }
                // a state whose recognition is not in question ("the third Arab government to
                // recognise Israel") is recognised by establishing relations with it too
                Kind::Recognitions => {
                    e.event == Event::Recognize && e.b == target
                        || e.event == Event::Establish && full_member
                }
                Kind::Withdrawals => e.event == Event::WithdrawRecognition && e.b == target,
                Kind::Establishments => e.event == Event::Establish,
            };
            fits && e.set_aside.is_none()
                && e.date.first_day() >= from
                && e.date.last_day() <= to
                // a loss is of a partner: a break recorded where the graph already had no
                // relations the day before is no ally lost
                && (kind != Kind::Losses
                    || e.date.first_day().yesterday().is_ok_and(|d| {
                        !matches!(
                            graph.status(target, s.code, d).status,
                            Status::None | Status::Severed | Status::Suspended
                        )
                    }))
        });
        // "the second country to recognise Abkhazia": countries, not the other states with
        // limited recognition that recognise one another
        let country = !matches!(s.kind, StateKind::Limited | StateKind::Former);
        if let Some(e) = first.filter(|_| country || kind == Kind::Losses) {
            out.push((s.code, e));
        }
    }
    out.sort_by_key(|(_, e)| e.date);
    out
}

/// The claims about events in a period in the sentence at `ss..se` of `text`.
///
/// `carried` is the state the sentence before was about, when this one goes on about it ("It
/// is the tenth country to drop Taiwan since 2016").
pub(crate) fn find(
    text: &str,
    (ss, se): (usize, usize),
    graph: &Graph,
    as_of: Day,
    lex: &Lexicon,
    carried: Option<Code>,
) -> Vec<Claim> {
    let p = patterns();
    let s = &text[ss..se];
    let named = lex.states_in(text, ss, se);
    let year_named: Option<i16> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .find(|y| (1900..=as_of.year()).contains(y));
    let mut out = Vec::new();
    let found = p
        .ordinal
        .captures_iter(s)
        .map(|c| (c, true))
        .chain(p.cardinal.captures_iter(s).map(|c| (c, false)))
        .chain(p.lost_n.captures_iter(s).map(|c| (c, false)));
    for (caps, is_ordinal) in found {
        let m = caps.get(0).expect("match");
        let Some(n) = ordinal(&caps[1]) else { continue };
        // the words that say what happened, up to the clause's end
        let rest_end = s[m.end()..]
            .find([';', '.'])
            .map_or(s.len(), |k| m.end() + k);
        let rest = &s[m.end()..rest_end];
        let head = if is_ordinal { rest } else { m.as_str() };
        // "the fourth Arab country": the events of a group's members only
        let group = caps
            .get(2)
            .and_then(|g| crate::claims::groups::group_of(g.as_str()).map(|x| (x.0, x.1)));
        if caps.get(2).is_some() && group.is_none() {
            continue;
        }
        // "the first Muslim-majority country to recognise Israel", "the first G7 country to":
        // a group the checker holds no memberships of; found, and left undecided
        if let Some(words) = caps.get(3).filter(|_| is_ordinal) {
            let w = words.as_str().to_lowercase();
            let plain = matches!(
                w.as_str(),
                "such" | "other" | "foreign" | "sovereign" | "new" | "single" | "only"
            );
            let about = p.recognition.is_match(&rest[..floor(rest, 60)])
                || p.withdrawal.is_match(&rest[..floor(rest, 60)])
                || p.establishment.is_match(&rest[..floor(rest, 60)])
                || p.loss.is_match(&rest[..floor(rest, 40)]);
            if !plain && about {
                let end = ss + m.end() + rest.find([',', ';']).unwrap_or(rest.len());
                out.push(undecided(
                    text,
                    ss + m.start(),
                    end,
                    format!(
                        "the rank is among \"{}\" states, a group whose memberships the checker does not hold",
                        words.as_str()
                    ),
                ));
                continue;
            }
            if !plain {
                continue;
            }
        }
        // "35 countries had withdrawn their recognition of …": the noun after the verb
        let withdrawn = !is_ordinal
            && p.withdrawal
                .is_match(&s[m.start()..m.end() + floor(rest, 40)]);
        let kind = if p.withdrawal.is_match(head) || withdrawn {
            Kind::Withdrawals
        } else if p.recognition.is_match(head)
            || (!is_ordinal && head.to_lowercase().contains("recogni"))
        {
            Kind::Recognitions
        } else if p.loss.is_match(head) {
            Kind::Losses
        } else if is_ordinal
            && (group.is_some() || ORDINALS.contains(&caps[1].to_lowercase().as_str()))
            && p.establishment.is_match(&head[..floor(head, 50)])
        {
            // without a group, "the 193rd country to establish ties with Seoul" is a count of
            // partners, which `claims` decides; "the first country to establish relations with
            // the People's Republic" is a rank of establishments
            Kind::Establishments
        } else {
            continue;
        };
        // an ordinal of events needs a verb right after it ("to switch", "Taipei has lost")
        if is_ordinal && !p.loss.is_match(&rest[..floor(rest, 40)]) && kind == Kind::Losses {
            continue;
        }
        // a group's ordinal, a first establishment, the nth recognition or withdrawal of it may
        // count from the beginning
        let all_time = (group.is_some()
            || matches!(
                kind,
                Kind::Establishments | Kind::Withdrawals | Kind::Recognitions
            ) && (is_ordinal || kind == Kind::Withdrawals))
            .then(|| (Date::year(1), rest.find([',', ';']).unwrap_or(rest.len())));
        // "the third ally lost this year", "nine countries in 2024": one calendar year
        let in_year = || {
            let c = p.year.captures(&rest[..floor(rest, 60)])?;
            let y = match c.get(1) {
                Some(y) => y.as_str().parse().ok()?,
                None => as_of.year(),
            };
            (y <= as_of.year()).then(|| (Date::year(y), c.get(0).expect("match").end()))
        };
        let Some((from, since_end)) = since(rest, as_of, year_named).or_else(in_year).or(all_time)
        else {
            // "since Tsai took office": a period the sentence does not date
            if rest.to_lowercase().contains("since") || !is_ordinal {
                let end = ss + m.end() + rest.find(',').unwrap_or(rest.len());
                out.push(undecided(
                    text,
                    ss + m.start(),
                    end,
                    "the period's start is not given as a date, so the graph's events cannot be counted".into(),
                ));
            }
            continue;
        };
        let end = ss + m.end() + since_end;
        // the state the events are about: for losses the one named after the ordinal ("ally
        // Taipei has lost", "from Taipei to Beijing", "break with Taiwan"), the first one there;
        // for recognitions the one recognised
        // … after the verb for recognitions: "the second country after Russia to recognise
        // Abkhazia" is about Abkhazia
        let verb = match kind {
            Kind::Recognitions => p.recognition.find(rest).map(|v| v.start()),
            Kind::Withdrawals => p.withdrawal.find(rest).map(|v| v.start()),
            _ => None,
        }
        .unwrap_or(0);
        let after: Vec<Code> = named
            .iter()
            .filter(|x| x.0 >= ss + m.end() + verb && x.1 <= end)
            .map(|x| x.2)
            .collect();
        let before: Vec<Code> = named
            .iter()
            .filter(|x| x.1 <= ss + m.start())
            .map(|x| x.2)
            .collect();
        // "Taiwan lost three allies": the state named before the count
        let target = after.first().or_else(|| {
            (!is_ordinal && p.lost_n.is_match(m.as_str()))
                .then(|| before.last())
                .flatten()
        });
        let Some(&target) = target else {
            out.push(undecided(
                text,
                ss + m.start(),
                end,
                "the sentence does not name the state whose partners are counted".into(),
            ));
            continue;
        };
        // "the first country to establish relations with the People's Republic of China": its
        // partners are counted from its founding; relations with China dated before (Panama's
        // of 1909, France's of 1913) were with the governments it replaced
        let prc = target.as_str() == "CHN" && from < Date::from_day(prc_founding()) && {
            let r = rest.to_lowercase();
            r.contains("people's republic") || r.contains("people’s republic") || r.contains("prc")
        };
        let from = if prc {
            Date::from_day(prc_founding())
        } else {
            from
        };
        // a period given as a year ends with it
        let until = if from.precision() == Precision::Year
            && p.year.is_match(&rest[..floor(rest, 60)])
            && since(rest, as_of, year_named).is_none()
        {
            from.last_day().min(as_of)
        } else {
            as_of
        };
        let mut list = events(graph, target, kind, from.first_day(), until);
        // "the third Arab state with active ties to Israel": those that hold relations on the
        // day, not every state that once established them
        if kind == Kind::Establishments && p.holding.is_match(rest) {
            list.retain(|(c, _)| {
                graph.status(target, *c, until).status == Status::Relations || before.contains(c)
            });
        }
        // members as of the article's day, as people count them ("Egypt, the first Arab state
        // to make peace with Israel", though the League had suspended it then)
        if let Some((g, _)) = group {
            let members = graph.members(g, as_of);
            list.retain(|(c, _)| members.contains(c));
        }
        let mut what = match kind {
            Kind::Losses => format!(
                "partners {} lost (breaks, switches, withdrawn recognitions)",
                name(graph, target)
            ),
            Kind::Recognitions => format!("states that recognised {}", name(graph, target)),
            Kind::Withdrawals => format!(
                "states that withdrew their recognition of {}",
                name(graph, target)
            ),
            Kind::Establishments => {
                format!(
                    "states that established relations with {}",
                    name(graph, target)
                )
            }
        };
        if let Some((_, g)) = group {
            what = format!("{what}, members of {g} on {as_of}");
        }
        let shown: Vec<String> = list
            .iter()
            .enumerate()
            .map(|(i, (c, e))| format!("{}. {} ({})", i + 1, name(graph, *c), e.date))
            .collect();
        // a period with no start is all of the graph's history up to its end
        let span = if from.year_number() <= 1 {
            format!("Up to {until}")
        } else {
            format!("From {from} to {until}")
        };
        let fact = format!(
            "{span} the graph has {} {what}: {}.",
            list.len(),
            if shown.is_empty() {
                "none".to_string()
            } else {
                shown.join(", ")
            }
        );
        let evidence: Vec<Evidence> = list.iter().map(|(_, e)| entry_evidence(graph, e)).collect();
        // a stated count that decides the rank, shown first
        let mut extra: Option<Evidence> = None;
        let (verdict, explanation) = if is_ordinal {
            // the subject is the state named before the ordinal, other than the target
            let subject = before
                .iter()
                .rev()
                .find(|c| **c != target)
                .copied()
                .or(carried.filter(|c| *c != target));
            let position = subject.and_then(|sub| list.iter().position(|(c, _)| *c == sub));
            // a rank shared with another state on the same day is no rank
            let tied = position.is_some_and(|i| {
                list.iter()
                    .enumerate()
                    .any(|(k, (_, e))| k != i && e.date == list[i].1.date)
            });
            // recognisers the graph knows without a date: the rank cannot be told
            let undated: Vec<Code> = if kind == Kind::Establishments && from == Date::year(1) {
                // partners the graph knows without the day relations began
                let members = group.map(|(g, _)| graph.members(g, as_of));
                graph
                    .relations(target, until, Universe::All)
                    .map(|r| r.partners)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|c| !list.iter().any(|(x, _)| x == c))
                    .filter(|c| members.as_ref().is_none_or(|m| m.contains(c)))
                    .collect()
            } else if kind == Kind::Recognitions && from == Date::year(1) {
                let members = group.map(|(g, _)| graph.members(g, as_of));
                graph
                    .relations(target, until, Universe::All)
                    .ok()
                    .and_then(|r| r.recognized_by)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|c| !list.iter().any(|(x, _)| x == c))
                    .filter(|c| members.as_ref().is_none_or(|m| m.contains(c)))
                    .filter(|c| {
                        graph.states().get(*c).is_some_and(|s| {
                            !matches!(s.kind, StateKind::Limited | StateKind::Former)
                        })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            // a source's count of recognisers, stated just after the subject's recognition
            // and with no later one the graph knows: "Israel has become the 117th country"
            // (counts of all recognisers, so never for a rank within a group)
            let stated = match (kind, subject, position) {
                (Kind::Recognitions, Some(sub), Some(i)) if i + 1 != n && group.is_none() => {
                    stated_rank(graph, target, sub, n, as_of, &list)
                }
                _ => None,
            };
            // … or one stated before it that the claimed rank falls far short of: "the 86th"
            // when a source had counted 117 four years earlier
            let behind = match (kind, position) {
                (Kind::Recognitions, Some(i)) if i + 1 != n && group.is_none() => {
                    stated_before(graph, target, list[i].1.date.first_day(), n, as_of)
                }
                _ => None,
            };
            match (subject, position) {
                (Some(sub), Some(i)) if behind.is_some() => {
                    let (note, ev) = behind.expect("stated");
                    extra = Some(ev);
                    (
                        Verdict::Refuted,
                        format!("{note} {} recognised {} on {}, after that count, so it can be no earlier than the next one, not the {}. Recognitions are counted once, whatever was withdrawn since. ({fact})", name(graph, sub), name(graph, target), list[i].1.date, ordinal_word(n)),
                    )
                }
                (Some(sub), Some(_)) if stated.is_some() => {
                    let (note, ev) = stated.expect("stated");
                    extra = Some(ev);
                    (
                        Verdict::Supported,
                        format!("{note} {} is the newest recognition the graph knows before it. ({fact})", name(graph, sub)),
                    )
                }
                (Some(sub), Some(i)) if i + 1 == n && !tied && !undated.is_empty() => (
                    Verdict::NotEnoughInfo,
                    format!("{fact} By the graph {} is the {}, but the graph also knows that {} {} {} without knowing since when: any of them may come first.", name(graph, sub), ordinal_word(n), undated.iter().map(|c| name(graph, *c)).collect::<Vec<_>>().join(", "), if kind == Kind::Establishments { "have relations with" } else { "recognise(s)" }, name(graph, target)),
                ),
                (Some(sub), Some(i)) if i + 1 == n && !tied => (
                    Verdict::Supported,
                    format!("{fact} {} is the {}.", name(graph, sub), ordinal_word(n)),
                ),
                (Some(sub), Some(i)) => (
                    Verdict::NotEnoughInfo,
                    format!("{fact} By the graph {} is the {}, not the {}; events the graph lacks, or a period counted from another day, could make up the difference.", name(graph, sub), ordinal_word(i + 1), ordinal_word(n)),
                ),
                (Some(sub), None) => (
                    Verdict::NotEnoughInfo,
                    format!("{fact} The graph has no such event of {} in the period.", name(graph, sub)),
                ),
                (None, _) => (
                    Verdict::NotEnoughInfo,
                    format!("{fact} The sentence does not name who is the {}.", ordinal_word(n)),
                ),
            }
        } else if list.len() == n {
            (Verdict::Supported, fact)
        } else {
            (
                Verdict::NotEnoughInfo,
                format!("{fact} The claim says {n}; events the graph lacks could make up the difference."),
            )
        };
        let mut evidence = evidence;
        if let Some(ev) = extra {
            evidence.insert(0, ev);
        }
        out.push(Claim {
            text: text[ss + m.start()..end].to_string(),
            start: ss + m.start(),
            end,
            kind: ClaimKind::Count,
            verdict,
            explanation,
            evidence,
        });
    }
    out
}

/// A count of `target`'s recognisers a source stated recently (see
/// [`crate::claims::stated`]) that equals `n`, when `subject`'s recognition is the newest in
/// `list` up to the day it was stated: the words and the evidence.
fn stated_rank(
    graph: &Graph,
    target: Code,
    subject: Code,
    n: usize,
    as_of: Day,
    list: &[(Code, &diplograph_graph::Entry)],
) -> Option<(String, Evidence)> {
    let rel = graph.relations(target, as_of, Universe::All).ok()?;
    let s = crate::claims::stated::recent(graph, &rel, as_of, Universe::All, true)?;
    if s.count? as usize != n {
        return None;
    }
    let upto: Vec<_> = list
        .iter()
        .filter(|(_, e)| e.date.first_day() <= s.as_of.last_day())
        .collect();
    let (last, e) = upto.last()?;
    let tied = upto.iter().filter(|(_, x)| x.date == e.date).count() > 1;
    if *last != subject || tied {
        return None;
    }
    let note = format!(
        "{} stated {n} recognisers of {} on {} (\"{}\").",
        s.source.publisher,
        name(graph, target),
        s.as_of,
        s.source.quote
    );
    Some((note, crate::claims::stated::evidence(graph, s)))
}

/// The largest count of `target`'s recognisers a source stated before `before`, when a claimed
/// rank `n` falls short of it by more than a tenth (sources count by conventions that differ
/// by a few: UN members or all states): the words and the evidence.
fn stated_before(
    graph: &Graph,
    target: Code,
    before: Day,
    n: usize,
    as_of: Day,
) -> Option<(String, Evidence)> {
    let rel = graph.relations(target, as_of, Universe::All).ok()?;
    let s = rel
        .stated_counts
        .iter()
        .filter(|s| s.as_of.last_day() < before)
        .max_by_key(|s| s.count)?;
    let c = s.count? as usize;
    if n * 10 >= c * 9 {
        return None;
    }
    let note = format!(
        "{} stated {c} recognisers of {} on {} (\"{}\").",
        s.source.publisher,
        name(graph, target),
        s.as_of,
        s.source.quote
    );
    Some((note, crate::claims::stated::evidence(graph, s)))
}

fn ordinal_word(n: usize) -> String {
    match n {
        1..=20 => ORDINALS[n - 1].to_string(),
        _ => format!("{n}th"),
    }
}

fn undecided(text: &str, start: usize, end: usize, why: String) -> Claim {
    Claim {
        text: text[start..end].to_string(),
        start,
        end,
        kind: ClaimKind::Count,
        verdict: Verdict::NotEnoughInfo,
        explanation: format!("a rank or count of events: {why}"),
        evidence: vec![],
    }
}

/// The People's Republic of China's founding day (1 October 1949).
fn prc_founding() -> Day {
    Day::new(1949, 10, 1).expect("a valid day")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_start_where_the_sentence_says() {
        let day = Day::new(2024, 6, 21).unwrap();
        let at = |s: &str| since(s, day, None).map(|(d, _)| d.to_string());
        assert_eq!(
            at(" since Tsai Ing-wen took office in May 2016, leaving"),
            Some("2016-05".into())
        );
        assert_eq!(at(" since 2016"), Some("2016".into()));
        assert_eq!(at(" since October 7, bringing"), Some("2023-10-07".into()));
        assert_eq!(at(" since Tsai took office, leaving"), None);
        assert_eq!(
            at(" with Israel after October 7"),
            Some("2023-10-07".into())
        );
        let in_2023 = since(
            " after October 7",
            Day::new(2025, 12, 10).unwrap(),
            Some(2023),
        );
        assert_eq!(
            in_2023.map(|(d, _)| d.to_string()),
            Some("2023-10-07".into())
        );
    }

    #[test]
    fn ordinals_in_words_and_digits() {
        assert_eq!(ordinal("ninth"), Some(9));
        assert_eq!(ordinal("18th"), Some(18));
        assert_eq!(ordinal("six"), Some(6));
    }
}
