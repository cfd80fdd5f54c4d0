//! How long relations lasted or have lasted: "ending 85 years of relations", "a 54-year bond",
//! "six decades of diplomatic ties", decided on the pair's establishment (or restoration) and,
//! where the words end the relations, its break.

use std::sync::OnceLock;

use diplograph_graph::{Entry, Graph};
use diplograph_model::{Code, Date, Day, Event, Status};
use regex::Regex;

use super::{number, At, Named, NUMBER};
use crate::{entry_evidence, name, Claim, ClaimKind, Verdict};

fn pattern() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let kinds = r"(?:(?:formal|official|diplomatic|close|uninterrupted|bilateral|friendly|long)\s+)*(?:relations|ties|friendship|partnership|alliance|relationship|bond|links)";
        let qual = r"more\s+than|over|nearly|almost|about|some|around|at\s+least";
        let holders = r"(?:relations|ties|friendship|partnership|alliance|relationship|bond|links|ally|partner)";
        Regex::new(
            &format!(
                concat!(
                    r"(?i)\b(?:({qual})\s+)?{NUMBER}\s+(years|decades)\s+of\s+{kinds}\b",
                    r"|\ba\s+{NUMBER}-(year|decade)(?:-old|-long)?\s+{kinds}\b",
                    // "a relationship of almost 80 years", "an ally of 21 years"
                    r"|\b{holders}\s+of\s+(?:({qual})\s+)?{NUMBER}\s+(years|decades)\b",
                    // "after 18 years as a partner of the Republic of China"
                    r"|\bafter\s+(?:({qual})\s+)?{NUMBER}\s+(years|decades)\s+as\s+(?:an?\s+|its\s+)?(?:ally|allies|partner|partners)\b",
                ),
                qual = qual,
                NUMBER = NUMBER,
                kinds = kinds,
                holders = holders,
            ),
        )
        .expect("duration pattern")
    })
}

/// Words that say the relations ended with the news ("ending", "throwing away", "after").
fn ended(before: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)\b(?:end(?:s|ed|ing)?|throw(?:s|n|ing)?\s+away|threw\s+away|after|los(?:t|es|ing)|dropp(?:ed|ing)|sever(?:s|ed|ing)?|cut(?:s|ting)?|break(?:s|ing)?|broke|ditch(?:es|ed|ing)?|abandon(?:s|ed|ing)?|scrap(?:s|ped|ping)?)\s+(?:(?:its|their|the|his|her|a|an|some|nearly|almost|more\s+than|over|about)\s+)*$")
            .expect("ending pattern")
    });
    r.is_match(before)
}

/// The duration claims of the sentence at `ss..se` (`s`, its words, asides blanked).
pub(super) fn find(
    text: &str,
    graph: &Graph,
    as_of: Day,
    named: &Named,
    (ss, se): (usize, usize),
    s: &str,
) -> Vec<Claim> {
    let mut out = Vec::new();
    for caps in pattern().captures_iter(s) {
        let m = caps.get(0).expect("match");
        let (n, unit) = match (caps.get(2), caps.get(4), caps.get(7), caps.get(10)) {
            (Some(n), ..) => (n.as_str(), &caps[3]),
            (_, Some(n), ..) => (n.as_str(), &caps[5]),
            (_, _, Some(n), _) => (n.as_str(), &caps[8]),
            (.., Some(n)) => (n.as_str(), &caps[11]),
            _ => continue,
        };
        let Some(n) = number(n) else { continue };
        let decades = unit.to_lowercase().starts_with("decade");
        let qualifier = caps
            .get(1)
            .or(caps.get(6))
            .or(caps.get(9))
            .map(|q| q.as_str().to_lowercase());
        let range = claimed_range(n, decades, qualifier.as_deref());
        let before = &s[..m.start()];
        // "after 18 years as a partner" ends them by its own words
        let ending = ended(before) || caps.get(10).is_some();
        let at = At::of(text, ss, m);
        let mut states = candidates(named, ss + m.start(), (ss, se));
        // "after 63 years of relations with Taiwan": the pair holds the state named after "with"
        let rest = s[m.end()..].trim_start();
        if rest.len() >= 5 && rest[..5].eq_ignore_ascii_case("with ") {
            if let Some(x) = named.right_after(ss + m.end()) {
                states.retain(|p| p.contains(&x));
            }
        }
        out.push(decide(
            graph,
            as_of,
            &states,
            ending,
            range,
            (n, decades),
            at,
        ));
    }
    out
}

/// The years a claimed duration allows, inclusive: "36 years" 35–37 (dates at year precision
/// may be a year apart), "six decades" 60–69, "more than 30 years" 30 on.
fn claimed_range(n: usize, decades: bool, qualifier: Option<&str>) -> (usize, usize) {
    let (lo, hi) = if decades {
        (n * 10, n * 10 + 9)
    } else {
        (n.saturating_sub(1), n + 1)
    };
    match qualifier.map(|q| q.split_whitespace().collect::<Vec<_>>().join(" ")) {
        Some(q) if q == "more than" || q == "over" || q == "at least" => (lo, usize::MAX),
        Some(q) if q == "nearly" || q == "almost" => {
            (lo.saturating_sub(if decades { 5 } else { 2 }), hi)
        }
        Some(_) => {
            let slack = (n / 10).max(1) * if decades { 10 } else { 1 };
            (lo.saturating_sub(slack), hi + slack)
        }
        None => (lo, hi),
    }
}

/// The pairs a duration may be about, most likely first: the sentence's first state with the
/// one named last before the words, then every other pair of the states it names.
fn candidates(named: &Named, at: usize, (ss, se): (usize, usize)) -> Vec<[Code; 2]> {
    let mut states: Vec<Code> = Vec::new();
    for x in named.within(ss, se) {
        if !states.contains(&x.2) {
            states.push(x.2);
        }
    }
    let mut pairs = Vec::new();
    if let (Some(first), Some(last)) = (states.first(), named.before(at)) {
        if *first != last {
            pairs.push([*first, last]);
        }
    }
    for (i, a) in states.iter().enumerate() {
        for b in &states[i + 1..] {
            if !pairs.iter().any(|p| p.contains(a) && p.contains(b)) {
                pairs.push([*a, *b]);
            }
        }
    }
    pairs
}

/// The stretch of relations the words measure for one pair: its start (establishment or
/// restoration), its end (the break the words report, or the article's day), and the pair's
/// first establishment, or why the pair is not the one meant.
struct Stretch<'g> {
    start: Option<&'g Entry>,
    first: Option<&'g Entry>,
    end: Date,
    end_entry: Option<&'g Entry>,
    /// Breaks before the start: the relations were interrupted, so another count is possible.
    interrupted: bool,
}

fn stretch<'g>(
    graph: &'g Graph,
    [a, b]: [Code; 2],
    as_of: Day,
    ending: bool,
) -> Option<Stretch<'g>> {
    let pair = graph.pair(a, b)?;
    let live = |e: &&Entry| e.set_aside.is_none() && e.date.first_day() <= as_of;
    let end_entry = if ending {
        // the break the article reports: within a year before its day
        let year_before = as_of.checked_sub(jiff::Span::new().days(366)).ok()?;
        Some(
            pair.entries
                .iter()
                .filter(live)
                .filter(|e| matches!(e.event, Event::Sever | Event::Suspend))
                .rfind(|e| e.date.last_day() >= year_before)?,
        )
    } else {
        // relations that go on: the pair has them on the day
        if graph.status(a, b, as_of).status != Status::Relations {
            return None;
        }
        None
    };
    let end = end_entry.map_or(Date::from_day(as_of), |e| e.date);
    let starts: Vec<&Entry> = pair
        .entries
        .iter()
        .filter(live)
        .filter(|e| matches!(e.event, Event::Establish | Event::Restore))
        .filter(|e| e.date.first_day() <= end.first_day())
        .collect();
    let start = starts.last().copied();
    let first = starts.first().copied();
    let interrupted = pair.entries.iter().filter(live).any(|e| {
        matches!(e.event, Event::Sever | Event::Suspend)
            && start.is_some_and(|s| e.date.first_day() < s.date.first_day())
    });
    Some(Stretch {
        start,
        first,
        end,
        end_entry,
        interrupted,
    })
}

fn decide(
    graph: &Graph,
    as_of: Day,
    pairs: &[[Code; 2]],
    ending: bool,
    (lo, hi): (usize, usize),
    (n, decades): (usize, bool),
    at: At<'_>,
) -> Claim {
    let claimed = if decades {
        format!("{n} decades")
    } else {
        format!("{n} years")
    };
    let nei = |why: String, evidence| {
        at.claim(ClaimKind::Duration, Verdict::NotEnoughInfo, why, evidence)
    };
    // words that may end the relations ("after 50 years of ties") are read as relations that go
    // on when no pair broke
    // the first pair as the words read; then, where no word before says the relations ended,
    // the first pair measured to a break the article reports ("Taiwan lost Dominica, an ally
    // of 21 years"); then the other pairs
    let first = pairs.first().and_then(|p| {
        stretch(graph, *p, as_of, ending)
            .or_else(|| {
                (!ending)
                    .then(|| stretch(graph, *p, as_of, true))
                    .flatten()
                    .filter(|s| s.end_entry.is_some())
            })
            .map(|s| (*p, s))
    });
    let found = first
        .or_else(|| {
            pairs
                .iter()
                .skip(1)
                .find_map(|p| stretch(graph, *p, as_of, ending).map(|s| (*p, s)))
        })
        .or_else(|| {
            pairs
                .iter()
                .filter(|_| ending)
                .find_map(|p| stretch(graph, *p, as_of, false).map(|s| (*p, s)))
        });
    // the pair measured is the one the words are most likely about (the first candidate, read
    // as the words read): only then may it refute them. "Taiwan lost Dominica, an ally of 21
    // years, when it set up relations with Beijing" is no claim about Dominica and China
    let likely = found
        .as_ref()
        .is_some_and(|(p, s)| pairs.first() == Some(p) && (s.end_entry.is_some() || !ending));
    let Some((pair, st)) = found else {
        return nei(
            if ending {
                format!("{claimed} of relations that end with the news: the graph knows no break within the year before {as_of} between the states the sentence names")
            } else {
                format!("{claimed} of relations: the graph knows no pair the sentence names with relations on {as_of}")
            },
            vec![],
        );
    };
    let (a, b) = (name(graph, pair[0]), name(graph, pair[1]));
    let Some(start) = st.start else {
        return nei(
            format!("The graph knows no date on which {a} and {b} established the relations {}, so it cannot measure {claimed}.", if ending { "that broke" } else { "they have on the day" }),
            st.end_entry.map(|e| vec![entry_evidence(graph, e)]).unwrap_or_default(),
        );
    };
    let years =
        |from: &Entry| (st.end.year_number() - from.date.year_number()).unsigned_abs() as usize;
    let gap = years(start);
    let until = match st.end_entry {
        Some(e) => format!("broken on {}", e.date),
        None => format!("on {as_of}"),
    };
    let mut evidence = vec![entry_evidence(graph, start)];
    evidence.extend(st.end_entry.map(|e| entry_evidence(graph, e)));
    let fits = |y: usize| lo <= y && y <= hi;
    let fact = format!(
        "{a} and {b}: relations from {} ({}) {until}, about {gap} years.",
        start.date, start.event
    );
    if fits(gap) {
        return at.claim(ClaimKind::Duration, Verdict::Supported, fact, evidence);
    }
    // counted from the first establishment, across a break
    if let Some(first) = st.first.filter(|f| !std::ptr::eq(*f, start)) {
        if fits(years(first)) {
            evidence.push(entry_evidence(graph, first));
            return at.claim(
                ClaimKind::Duration,
                Verdict::Supported,
                format!(
                    "{fact} Counted from the first establishment ({}), across the break, about {} years: the claim counts that way.",
                    first.date,
                    years(first)
                ),
                evidence,
            );
        }
    }
    // a refutation needs one unbroken stretch whose start two sources agree on, and a miss
    // wider than dates at year precision allow
    let agreed = start.sources.len() >= 2;
    let wide = gap + 2 < lo || gap > hi.saturating_add(2);
    if likely
        && !st.interrupted
        && st.first.is_some_and(|f| std::ptr::eq(f, start))
        && agreed
        && wide
    {
        return at.claim(
            ClaimKind::Duration,
            Verdict::Refuted,
            format!("{fact} Not {claimed}."),
            evidence,
        );
    }
    nei(
        format!(
            "{fact} The claim says {claimed}; {}, so it is not refuted.",
            if !likely {
                "the words may be about another pair than the one the graph could measure"
            } else if st.interrupted {
                "the relations were interrupted before, and a count may start elsewhere"
            } else if !agreed {
                "the graph has that start from one source only"
            } else {
                "the difference is within what dates at year precision allow"
            }
        ),
        evidence,
    )
}
