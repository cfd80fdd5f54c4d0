//! Claims limited to a group ("seven of them are in Latin America and the Caribbean", "its only
//! ally in Europe", "the only EU members without relations with Pyongyang"), decided on the
//! group memberships of `data/groups.tsv` as of the claim's day.

use std::sync::OnceLock;

use diplograph_graph::{Cited, Graph};
use diplograph_model::{Code, Day, Universe};
use regex::Regex;

use super::{compare, evidence_of, number, At, Cmp, Named, NUMBER};
use crate::{name, Claim, ClaimKind, Evidence, Verdict};

/// What group words stand for: a group of `data/groups.tsv` with its name in explanations and
/// where its rows come from, or `None` for words no group stands for ("the Middle East", "the
/// Gulf"), which are left undecided.
pub(crate) fn group_of(words: &str) -> Option<(&'static str, &'static str, &'static str)> {
    const M49: &str = "UN M49 rows of data/groups.tsv, from datasets/country-codes";
    let w = words.to_lowercase();
    let w = w.trim().trim_start_matches("the ").trim();
    let has = |k: &str| w.contains(k);
    Some(if has("latin america") && has("caribbean") {
        (
            "m49_latin_america_caribbean",
            "Latin America and the Caribbean (UN M49)",
            M49,
        )
    } else if has("pacific") {
        ("m49_oceania", "Oceania (UN M49)", M49)
    } else if has("central america") {
        ("m49_central_america", "Central America (UN M49)", M49)
    } else if has("south america") {
        ("m49_south_america", "South America (UN M49)", M49)
    } else if has("caribbean") {
        ("m49_caribbean", "the Caribbean (UN M49)", M49)
    } else if w == "eu" || has("eu member") || has("european union") {
        (
            "eu",
            "the European Union",
            "the EU rows of data/groups.tsv, each dated by its source",
        )
    } else if has("europe") {
        ("m49_europe", "Europe (UN M49)", M49)
    } else if has("africa") {
        ("m49_africa", "Africa (UN M49)", M49)
    } else if has("arab") {
        (
            "arab_league",
            "the Arab League",
            "the Arab League rows of data/groups.tsv, each dated by its source",
        )
    } else if has("asean") {
        (
            "asean",
            "ASEAN",
            "the ASEAN rows of data/groups.tsv, each dated by its source",
        )
    } else if has("asia") {
        ("m49_asia", "Asia (UN M49)", M49)
    } else {
        return None;
    })
}

/// Which side of the subject's relations a claim counts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// States with relations (or, for a state of limited recognition, that recognise it).
    Partners,
    /// States without relations.
    Without,
}

/// A group-limited claim: about `subject`'s partners (or non-partners) among a group's members
/// on the day, with a number (`count`), a list (`listed`, exactly the set when `only`), or both.
pub(super) struct Asked {
    pub subject: Code,
    pub words: String,
    pub side: Side,
    pub count: Option<(usize, Cmp)>,
    pub listed: Vec<Code>,
    pub only: bool,
}

impl Asked {
    /// A count of `subject`'s partners in the group the words name.
    pub fn count(subject: Code, words: &str, n: (usize, Cmp)) -> Asked {
        Asked {
            subject,
            words: words.to_string(),
            side: Side::Partners,
            count: Some(n),
            listed: vec![],
            only: false,
        }
    }
}

/// Decides a group-limited claim. Supported when the count (and list) of the subject's partners
/// among the group's members on the day match; refuted only when every pair of the subject is
/// known, no member of the group is in doubt, every listed state is a member, and the claim is
/// contradicted as worded; otherwise `not_enough_info`, with both sides.
pub(super) fn decide(graph: &Graph, as_of: Day, q: &Asked, kind: ClaimKind, at: At<'_>) -> Claim {
    let nei = |why: String| at.claim(kind, Verdict::NotEnoughInfo, why, vec![]);
    let Some((key, label, from)) = group_of(&q.words) else {
        return nei(format!(
            "the claim is limited to \"{}\", which names no group the checker holds (only groups whose members are sourced data are compared)",
            q.words.trim()
        ));
    };
    let Some(group) = graph.group_on(key, as_of) else {
        return nei(format!("the graph holds no memberships of {label}"));
    };
    let rel = match graph.relations(q.subject, as_of, Universe::All) {
        Ok(r) => r,
        Err(e) => return nei(e.to_string()),
    };
    let who = name(graph, q.subject);
    let names = |codes: &[Code]| {
        if codes.is_empty() {
            "none".to_string()
        } else {
            codes
                .iter()
                .map(|c| name(graph, *c))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut partners = rel.partners.clone();
    partners.extend(rel.recognized_by.iter().flatten().copied());
    partners.sort();
    partners.dedup();
    let (side, other): (Vec<Code>, Vec<Code>) = match q.side {
        Side::Partners => (
            partners.clone(),
            pick(&rel.without, |c| !partners.contains(c)),
        ),
        Side::Without => (
            pick(&rel.without, |c| !partners.contains(c)),
            partners.clone(),
        ),
    };
    let unknown: Vec<Code> = pick(&rel.unknown, |c| !partners.contains(c));
    let found: Vec<Code> = pick(&group.members, |c| side.contains(c));
    // members the graph cannot place: unknown pairs, and states whose membership rows cannot
    // tell on the day that are on the counted side or unknown
    let mut open: Vec<Code> = pick(&group.members, |c| unknown.contains(c));
    open.extend(
        group
            .uncertain
            .iter()
            .filter(|c| side.contains(c) || unknown.contains(c)),
    );
    let not_members: Vec<Code> = pick(&q.listed, |c| !group.members.contains(c));
    let mut problems = Vec::new();
    let mut verdict_count = None;
    if let Some((n, c)) = q.count {
        let v = compare(found.len(), open.len(), n, c, 0);
        if v == Verdict::Refuted {
            problems.push(format!("{} counted, not {n}", found.len()));
        }
        verdict_count = Some(v);
    }
    let listed_missing: Vec<Code> = pick(&q.listed, |c| !found.contains(c));
    let listed_off: Vec<Code> = pick(&listed_missing, |c| other.contains(c));
    if !listed_off.is_empty() {
        problems.push(match q.side {
            Side::Partners => format!("{} had no relations with {who}", names(&listed_off)),
            Side::Without => format!("{} had relations with {who}", names(&listed_off)),
        });
    }
    let left_out: Vec<Code> = if q.only {
        pick(&found, |c| !q.listed.contains(c))
    } else {
        Vec::new()
    };
    if !left_out.is_empty() {
        problems.push(format!("the claim leaves out {}", names(&left_out)));
    }
    let what = match q.side {
        Side::Partners => {
            format!("{who}'s partners (states with diplomatic relations, or recognising it)")
        }
        Side::Without => format!("the states without diplomatic relations with {who}"),
    };
    let mut explanation = format!(
        "Counting {what} among the members of {label} on {as_of}, as {from}: {} ({}).",
        names(&found),
        found.len()
    );
    if !open.is_empty() {
        explanation.push_str(&format!(" Cannot place: {}.", names(&open)));
    }
    if !not_members.is_empty() {
        explanation.push_str(&format!(
            " Not members of {label} by these rows: {}.",
            names(&not_members)
        ));
    }
    // the claim's side, beside the graph's
    let claimed = {
        let mut w = Vec::new();
        if let Some((n, _)) = q.count {
            w.push(n.to_string());
        }
        if !q.listed.is_empty() {
            w.push(format!(
                "{}{}",
                if q.only { "only " } else { "" },
                names(&q.listed)
            ));
        }
        w.join(": ")
    };
    let complete = unknown.is_empty() && open.is_empty();
    let verdict = if !problems.is_empty() {
        if complete && not_members.is_empty() {
            explanation.push_str(&format!(
                " Not so: {}; every pair of {who} is known.",
                problems.join("; ")
            ));
            Verdict::Refuted
        } else {
            explanation.push_str(&format!(
                " The claim says {claimed} and differs ({}), but {}, so it is not refuted.",
                problems.join("; "),
                if !not_members.is_empty() {
                    "it may count the group by another convention".to_string()
                } else {
                    format!(
                        "the graph does not know {} pair(s) of {who}",
                        unknown.len() + open.len()
                    )
                }
            ));
            Verdict::NotEnoughInfo
        }
    } else if open.is_empty()
        && listed_missing.is_empty()
        && verdict_count.is_none_or(|v| v == Verdict::Supported)
    {
        Verdict::Supported
    } else {
        explanation.push_str(&format!(" The claim says {claimed}."));
        if !listed_missing.is_empty() {
            explanation.push_str(&format!(
                " The graph cannot tell for {}.",
                names(&listed_missing)
            ));
        }
        Verdict::NotEnoughInfo
    };
    // the deciding facts: membership rows and relations of the states the verdict rests on
    let mut shown: Vec<Code> = found.clone();
    shown.extend(q.listed.iter().chain(&open).copied());
    shown.sort();
    shown.dedup();
    let mut evidence: Vec<Evidence> = group
        .rows
        .iter()
        .filter(|m| shown.contains(&m.state))
        .map(|m| Evidence {
            fact: format!(
                "{}: member of {label}{}{}",
                name(graph, m.state),
                m.joined.map_or(String::new(), |d| format!(" from {d}")),
                m.left.map_or(String::new(), |d| format!(" until {d}"))
            ),
            sources: vec![Cited {
                source: m.source.clone(),
                origin: m.origin.clone(),
                set_statement: None,
                date: None,
            }],
        })
        .collect();
    for c in &shown {
        evidence.extend(evidence_of(graph, &graph.status(q.subject, *c, as_of)));
    }
    at.claim(kind, verdict, explanation, evidence)
}

/// The codes of `xs` that `keep` accepts, in order.
fn pick(xs: &[Code], keep: impl Fn(&Code) -> bool) -> Vec<Code> {
    xs.iter().filter(|c| keep(c)).copied().collect()
}

struct Forms {
    /// "seven of them are in Latin America and the Caribbean", "three in the Pacific"
    count_in: Regex,
    /// "its only ally in Europe", "its last in Africa"
    only_in: Regex,
    /// "are the only Central American states still recognising", "the only EU members without
    /// relations with"
    only_adj: Regex,
    /// "Eswatini is the last country in Africa with official relations with Taipei", "the last
    /// African state with ties to Taipei", "the only one in Africa": one member of a group alone
    /// on the subject's side
    only_one: Regex,
    /// "one of three Central American states"
    one_of: Regex,
    /// ", with Belize and Guatemala" after it
    with: Regex,
    /// "Taiwan's Pacific allies have been halved since 2019, from six to three"
    from_to: Regex,
    /// "11 of the EU's 27 members now recognise Palestine", "22 of the 27 EU countries have
    /// relations with Kosovo": the members of a group on the side of the state named after
    members_of: Regex,
}

const GROUP: &str = r"(latin\s+america\s+and\s+the\s+caribbean|(?:the\s+)?south\s+pacific|(?:the\s+)?pacific|central\s+america|south\s+america|(?:the\s+)?caribbean|europe|africa|asia|(?:the\s+)?middle\s+east|(?:the\s+)?gulf)";
pub(crate) const ADJ: &str = r"(central\s+american|south\s+american|caribbean|pacific|european|african|asian|arab|eu|asean|gulf|middle\s+eastern)";

fn forms() -> &'static Forms {
    static F: OnceLock<Forms> = OnceLock::new();
    F.get_or_init(|| {
        let re = |s: &str| {
            Regex::new(
                &s.replace("{N}", NUMBER)
                    .replace("{G}", GROUP)
                    .replace("{A}", ADJ),
            )
            .expect("group pattern")
        };
        Forms {
            count_in: re(r"(?i)\b{N}\s+(?:of\s+(?:them|which|these|those)\s+)?(?:are\s+|is\s+|were\s+|lie\s+)?in\s+{G}\b"),
            only_in: re(r"(?i)\b(?:its|their)\s+(?:only|last|sole|remaining|single)\s+(?:(?:formal\s+|diplomatic\s+|official\s+)*(?:ally|partner)\s+)?in\s+{G}\b"),
            only_adj: re(r"(?i)\bthe\s+only\s+(?:two\s+|three\s+|remaining\s+)?{A}\s+(?:member\s+states|members|states|countries|nations|allies)\s+(?:still\s+|that\s+still\s+|to\s+)?(recogni[sz]ing|recogni[sz]e|with(?:out)?\s+(?:formal\s+|diplomatic\s+|official\s+)*(?:relations|ties))"),
            from_to: re(r"(?i)(['’]s|\bits)\s+{A}\s+(?:diplomatic\s+|formal\s+)?(?:allies|partners)\b[^.;]{0,80}?\bsince\s+(\d{4})[^.;]{0,20}?\bfrom\s+{N}\s+to\s+{N}\b"),
            with: re(r"(?i)^,?\s*(?:along\s+)?with\s+"),
            members_of: re(r"(?i)\b{N}\s+(?:out\s+)?of\s+(?:the\s+|its\s+)?(?:(eu|european\s+union|arab\s+league|african\s+union|au|asean)['’]s\s+(\d{1,3})\s+(?:member\s+states|members|countries|states)|(\d{1,3})\s+(eu|european\s+union|arab\s+league|african\s+union|au|asean)\s+(?:member\s+states|members|countries|states|nations))\s+(?:now\s+|already\s+|still\s+|formally\s+|officially\s+)*(recogni[sz]e|have\s+recogni[sz]ed|(?:have|maintain|keep)\s+(?:formal\s+|full\s+|diplomatic\s+)*(?:relations|ties)\s+with)\b"),
            only_one: re(r"(?i)\b(?:the|its|their)\s+(only|last|sole|single)\s+(?:remaining\s+)?(?:{A}\s+)?(?:country|state|nation|ally|partner|capital|one|government)(?:\s+(?:left\s+)?in\s+{G})?(\s+(?:with|having|that\s+(?:still\s+)?(?:has|maintains|keeps))\s+(?:formal\s+|official\s+|full\s+|diplomatic\s+)*(?:relations|ties)\s+(?:with|to)\b|\s+(?:to\s+(?:still\s+)?recogni[sz]e|(?:still\s+)?recogni[sz]ing|that\s+(?:still\s+)?recogni[sz]es)\b)?"),
            one_of: re(r"(?i)\bone\s+of\s+(?:the\s+|only\s+|just\s+)*{N}\s+{A}\s+(?:states|countries|nations|allies)\b"),
        }
    })
}

/// Words that make a "N in <region>" a count of some state's partners.
pub(super) fn about_partners(s: &str) -> bool {
    let s = s.to_lowercase();
    [
        "of them",
        "of which",
        "ally",
        "allies",
        "partner",
        "recogni",
        "ties",
        "relations",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// The group-limited claims of the sentence `ss..se`. `topic` is the state whose partners the
/// article counted last ("them", "its").
pub(super) fn find(
    text: &str,
    graph: &Graph,
    as_of: Day,
    named: &Named,
    (ss, se): (usize, usize),
    topic: Option<Code>,
) -> Vec<Claim> {
    let f = forms();
    let s = &text[ss..se];
    let mut out = Vec::new();
    if let Some(subject) = topic.filter(|_| about_partners(s)) {
        // "seven of them are in …", and the counts that continue its list ("three in the
        // Pacific"); a bare "two in the Pacific" may count anything
        let mut chain = false;
        for caps in f.count_in.captures_iter(s) {
            let m = caps.get(0).expect("match");
            chain = chain || m.as_str().to_lowercase().contains(" of ");
            if !chain {
                continue;
            }
            let Some(n) = number(&caps[1]) else { continue };
            let q = Asked::count(subject, &caps[2], (n, Cmp::Exactly));
            out.push(decide(
                graph,
                as_of,
                &q,
                ClaimKind::Count,
                At::of(text, ss, m),
            ));
        }
    }
    // "11 of the EU's 27 members now recognise Palestine": the state named right after
    for caps in f.members_of.captures_iter(s) {
        let m = caps.get(0).expect("match");
        let Some(n) = number(&caps[1]) else { continue };
        let group = caps.get(2).or(caps.get(5)).expect("group").as_str();
        let Some(subject) = named.right_after(ss + m.end()) else {
            continue;
        };
        let end = named
            .0
            .iter()
            .find(|x| x.2 == subject && x.0 >= ss + m.end())
            .map_or(ss + m.end(), |x| x.1);
        let q = Asked::count(subject, group, (n, Cmp::Exactly));
        out.push(decide(
            graph,
            as_of,
            &q,
            ClaimKind::Count,
            At::span(text, ss + m.start(), end),
        ));
    }
    for caps in f.from_to.captures_iter(s) {
        let m = caps.get(0).expect("match");
        let owner = caps.get(1).expect("owner");
        let subject = if owner.as_str().to_lowercase() == "its" {
            topic
        } else {
            named.before(ss + owner.end()).filter(|_| {
                named
                    .0
                    .iter()
                    .any(|x| x.1 + 3 >= ss + owner.end() && x.1 <= ss + owner.end())
            })
        };
        let (Some(subject), Ok(year), Some(then), Some(now)) = (
            subject,
            caps[3].parse::<i16>(),
            number(&caps[4]),
            number(&caps[5]),
        ) else {
            continue;
        };
        let since = diplograph_model::Date::year(year).first_day();
        if since >= as_of {
            continue;
        }
        let asked = |n| Asked::count(subject, &caps[2], (n, Cmp::Exactly));
        let at = At::span(text, ss + caps.get(2).expect("group").start(), ss + m.end());
        let before = decide(graph, since, &asked(then), ClaimKind::Count, at);
        let after = decide(graph, as_of, &asked(now), ClaimKind::Count, at);
        // "since 2019" is counted from the year's first day, a convention: the count then never
        // refutes (the claim may count from later in the year), the count now may
        let verdict = match (before.verdict, after.verdict) {
            (_, Verdict::Refuted) => Verdict::Refuted,
            (Verdict::Supported, Verdict::Supported) => Verdict::Supported,
            _ => Verdict::NotEnoughInfo,
        };
        let mut evidence = before.evidence;
        evidence.extend(after.evidence);
        out.push(at.claim(
            ClaimKind::Count,
            verdict,
            format!(
                "From {then} on {since} (\"since {year}\" counted from the year's first day; a count then that differs is not a refutation) to {now} on {as_of}. Then: {} Now: {}",
                before.explanation, after.explanation
            ),
            evidence,
        ));
    }
    if let Some(subject) = topic {
        for caps in f.only_in.captures_iter(s) {
            let m = caps.get(0).expect("match");
            // "The Vatican is its only ally in Europe", "Eswatini its last in Africa"; not the
            // state whose ally it is ("Paraguay has ties with Taipei and is its sole partner in
            // South America": the sentence's subject, Paraguay)
            let right_before = named
                .0
                .iter()
                .rev()
                .find(|x| x.1 <= ss + m.start() && ss + m.start() - x.1 <= 8);
            let Some(x) = right_before.filter(|x| x.2 != subject).or_else(|| {
                right_before
                    .and(named.0.first())
                    .filter(|x| x.2 != subject && x.1 <= ss + m.start())
            }) else {
                continue;
            };
            let q = Asked {
                subject,
                words: caps[1].to_string(),
                side: Side::Partners,
                count: None,
                listed: vec![x.2],
                only: true,
            };
            out.push(decide(
                graph,
                as_of,
                &q,
                ClaimKind::Exception,
                At::span(text, x.0, ss + m.end()),
            ));
        }
    }
    for caps in f.only_adj.captures_iter(s) {
        let m = caps.get(0).expect("match");
        // the state right after the words ("… recognising Taipei", "… with Pyongyang"), not
        // one further on ("… recognising it, unlike Japan")
        let Some(subject) = named.right_after(ss + m.end()) else {
            continue;
        };
        // the states listed before "are the only", back to the clause's start
        let clause = super::patterns()
            .clause
            .find_iter(&s[..m.start()])
            .last()
            .map_or(ss, |c| ss + c.end());
        let listed = named.within(clause, ss + m.start());
        let Some(first) = listed.first() else {
            continue;
        };
        let side = if caps[2].to_lowercase().starts_with("without") {
            Side::Without
        } else {
            Side::Partners
        };
        let q = Asked {
            subject,
            words: caps[1].to_string(),
            side,
            count: None,
            listed: listed
                .iter()
                .map(|x| x.2)
                .filter(|c| *c != subject)
                .collect(),
            only: true,
        };
        let end = named
            .0
            .iter()
            .find(|x| x.0 >= ss + m.end())
            .map_or(ss + m.end(), |x| x.1);
        out.push(decide(
            graph,
            as_of,
            &q,
            ClaimKind::Exception,
            At::span(text, first.0, end),
        ));
    }
    for caps in f.only_one.captures_iter(s) {
        let m = caps.get(0).expect("match");
        let (Some(words), tail) = (caps.get(2).or(caps.get(3)), caps.get(4)) else {
            continue;
        };
        // read above as "its only ally in …" or "the only … states"
        if out
            .iter()
            .any(|c| c.start < ss + m.end() && ss + m.start() < c.end)
        {
            continue;
        }
        // whose side: the state right after the relation words, else the article's topic
        let subject = match tail {
            Some(_) => named.right_after(ss + m.end()),
            None => topic.filter(|_| about_partners(s)),
        };
        let Some(subject) = subject else { continue };
        // the one member: the state right before ("Eswatini is the last", "eSwatini, the
        // last"), not the subject
        let Some(x) = named.0.iter().rev().find(|x| {
            x.1 <= ss + m.start()
                && x.2 != subject
                && matches!(
                    text[x.1..ss + m.start()].trim().trim_matches(',').trim(),
                    "" | "is" | "was" | "remains" | "became" | "becomes" | "is now" | "was then"
                )
        }) else {
            continue;
        };
        let q = Asked {
            subject,
            words: words.as_str().to_string(),
            side: Side::Partners,
            count: None,
            listed: vec![x.2],
            only: true,
        };
        let end = if tail.is_some() {
            named
                .0
                .iter()
                .find(|y| y.0 >= ss + m.end())
                .map_or(ss + m.end(), |y| y.1)
        } else {
            ss + m.end()
        };
        let mut claim = decide(
            graph,
            as_of,
            &q,
            ClaimKind::Exception,
            At::span(text, x.0, end),
        );
        // "the last state in Africa to recognise it" may rank recognitions in time, not say
        // that it is the only one left: that reading is not refuted
        let in_time = caps[1].eq_ignore_ascii_case("last")
            && tail.is_some_and(|t| t.as_str().to_lowercase().contains("recogni"));
        if in_time && claim.verdict == Verdict::Refuted {
            claim.verdict = Verdict::NotEnoughInfo;
            claim.explanation = format!("{} \"The last … to recognise\" may also mean the latest to do so, which this does not contradict.", claim.explanation);
        }
        out.push(claim);
    }
    if let Some(subject) = topic {
        for caps in f.one_of.captures_iter(s) {
            let m = caps.get(0).expect("match");
            let Some(n) = number(&caps[1]) else { continue };
            // "Honduras is ... one of three Central American states, with Belize and Guatemala":
            // the sentence's first state, and those after "with"
            let mut listed: Vec<Code> = named.0.first().map(|x| x.2).into_iter().collect();
            let mut end = ss + m.end();
            let rest = &s[m.end()..];
            if let Some(w) = f.with.find(rest) {
                let stop = super::patterns()
                    .clause
                    .find(&rest[w.end()..])
                    .map_or(se, |c| ss + m.end() + w.end() + c.start());
                let stop = rest[w.end()..]
                    .find([',', ';', '.'])
                    .map_or(stop, |k| stop.min(ss + m.end() + w.end() + k));
                for x in named.within(ss + m.end(), stop) {
                    listed.push(x.2);
                    end = x.1;
                }
            }
            listed.retain(|c| *c != subject);
            listed.dedup();
            let q = Asked {
                subject,
                words: caps[2].to_string(),
                side: Side::Partners,
                count: Some((n, Cmp::Exactly)),
                listed,
                only: false,
            };
            out.push(decide(
                graph,
                as_of,
                &q,
                ClaimKind::Exception,
                At::span(text, ss + m.start(), end),
            ));
        }
    }
    out
}
