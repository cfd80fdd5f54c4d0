//! What the guide's prose states about relations: its sentences, the dates they give (at the
//! precision they give them) and the sentences that say relations were established, severed,
//! suspended or restored, with the few words that say so.
//!
//! A dedicated reader of one well-edited corpus, not the general reader (`diplograph-read`):
//! every timeline section of the guide is about the United States and one state, so a statement
//! needs no actors, only its verb tied to "relations", its date and no word that makes it
//! unreal ("refused to establish", "the 70th anniversary of the establishment").

use std::ops::Range;
use std::sync::LazyLock;

use diplograph_model::{Date, Day, Event};
use regex::Regex;

use crate::guide::{GuideArticle, GuideSection};

/// A date found in text, with its byte span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FoundDate {
    pub date: Date,
    pub span: (usize, usize),
}

const MONTHS: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?P<approx>\b(?:on\ or\ (?:shortly\ )?(?:about|around|before|after)|about|around|circa|approximately|shortly\ (?:before|after))\s+)?
        (?:
            \b(?P<m1>{MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y1>\d{{4}})\b
          | \b(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTHS})\.?,?\s+(?P<y2>\d{{4}})\b
          | \b(?P<m3>{MONTHS})\.?,?\s+(?:of\s+)?(?P<y3>\d{{4}})\b
          | \b(?P<m4>{MONTHS})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\b
          | \b(?P<y5>1[6-9]\d\d|20\d\d)\b
        )"
    ))
    .expect("valid")
});

fn month_number(name: &str) -> i8 {
    let names = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    names
        .iter()
        .position(|m| name.starts_with(m))
        .map(|i| i as i8 + 1)
        .expect("matched a month name")
}

/// Every date `s` states, at the precision it states it: "March 6, 1957" is a day, "October
/// 1853" a month, "in 1822" a year. A day without a year ("on April 22") takes `year` when one
/// is given and is skipped otherwise. "On or about June 16, 1844" is only sure of its month.
pub fn dates_in(s: &str, year: Option<i16>) -> Vec<FoundDate> {
    let mut out = Vec::new();
    for c in DATE.captures_iter(s) {
        let whole = c.get(0).expect("match");
        let num = |k: &str| c.name(k).map(|m| m.as_str());
        let (y, m, d) = if let Some(y) = num("y1") {
            (y.parse().ok(), num("m1").map(month_number), num("d1"))
        } else if let Some(y) = num("y2") {
            (y.parse().ok(), num("m2").map(month_number), num("d2"))
        } else if let Some(y) = num("y3") {
            (y.parse().ok(), num("m3").map(month_number), None)
        } else if let Some(mo) = num("m4") {
            (year, Some(month_number(mo)), num("d4"))
        } else {
            (num("y5").and_then(|y| y.parse().ok()), None, None)
        };
        let Some(y) = y else { continue };
        let approx = c.name("approx").is_some();
        let date = match (m, d.and_then(|d| d.parse::<i8>().ok())) {
            (Some(m), Some(d)) if !approx => match Day::new(y, m, d) {
                Ok(day) => Date::from_day(day),
                Err(_) => continue,
            },
            (Some(m), _) => match Date::from_month(y, m) {
                Some(d) => d,
                None => continue,
            },
            (None, _) => Date::year(y),
        };
        out.push(FoundDate {
            date,
            span: (whole.start(), whole.end()),
        });
    }
    out
}

static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?P<end>[.!?][”"’]?)\s+(?P<next>[“"‘(]?[A-Z0-9])"#).expect("valid")
});

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "U.S", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Capt", "Ft", "No",
    "D.C", "Messrs", "Rev", "Hon", "Gov", "Sen", "Rep", "Prof", "Adm", "Maj", "Sgt", "Co", "Inc",
    "Ltd", "Bros", "vs", "Ave", "a.m", "p.m", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Pres",
];

/// The sentences of a paragraph, as byte ranges.
pub fn sentences(p: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for c in SENTENCE_END.captures_iter(p) {
        let (end, next) = (
            c.name("end").expect("group"),
            c.name("next").expect("group"),
        );
        let before = &p[start..end.start()];
        let last_word = before
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        let initial = last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase);
        if initial || ABBREVIATIONS.contains(&last_word) {
            continue;
        }
        out.push(start..end.end());
        start = next.start();
    }
    if start < p.len() {
        out.push(start..p.len());
    }
    out
}

/// The events the guide's statements are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Establish,
    Sever,
    Suspend,
    Restore,
}

impl Kind {
    /// Severances and suspensions are both breaks.
    fn class(self) -> Kind {
        match self {
            Kind::Suspend => Kind::Sever,
            k => k,
        }
    }

    pub fn event(self) -> Event {
        match self {
            Kind::Establish => Event::Establish,
            Kind::Sever => Event::Sever,
            Kind::Suspend => Event::Suspend,
            Kind::Restore => Event::Restore,
        }
    }
}

const RESTORE: &str = r"re-?establish(?:ed|ment|ing)?|resum(?:ed|ption|es|e|ing)|restor(?:ed|ation|es|e|ing)|renew(?:ed|al|ing)?|re-?open(?:ed|ing)";
const SEVER: &str = r"sever(?:ed|ance|ing|s)?|broke|broken|break(?:ing|s)?|ended|terminat(?:ed|ion|ing|es)|ceased|cessation|ruptured?";
const SUSPEND: &str = r"suspend(?:ed|ing|s)?|suspension|interrupt(?:ed|ion|ing|s)?";
const ESTABLISH: &str = r"establish(?:ed|ment|ing|es)?";

static VERB_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?i)\b(?P<v>{RESTORE}|{SEVER}|{SUSPEND}|{ESTABLISH})[”"]?(?:\s+off)?\s+(?:of\s+)?(?:the\s+)?(?:(?:full|normal|formal|official|bilateral|diplomatic|ambassadorial|their|its)\s+)*relations\b"#
    ))
    .expect("valid")
});

static RELATIONS_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\brelations\b(?:[^.;]|U\.S\.|D\.C\.){{0,80}}?\b(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:(?:first|formally|officially|again|then|thereby|finally)\s+)?(?P<v>{RESTORE}|{SEVER}|{SUSPEND}|{ESTABLISH})|(?P<vi>ended|ceased|lapsed|resumed))\b"
    ))
    .expect("valid")
});

/// Words before a verb that make its statement unreal: denied, refused, wished for, planned,
/// remembered.
static UNREAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:not|never|no|refused|refusing|declined|would|could|should|might|will|desire|desired|desiring|ready|await|awaiting|awaited|pending|intention|intended|hoped|sought|wished|proposed|anniversary|commemorating|commemorate|until|prior|before|opening\s+the\s+way|process)\b[^,;]*|\bto\s+(?:\w+\s+or\s+)?)$")
        .expect("valid")
});

/// Words after a statement that make it unreal: "Establishment of relations had to await ...".
static UNREAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^,;.]{0,30}?\b(?:had\s+to|would|could|was\s+to|were\s+to|awaited|depended|was\s+delayed)\b")
        .expect("valid")
});

static PARTNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\brelations\s+(?:with|between)\s+(?:the\s+)?(?P<who>[A-Z][^,.;]{0,40})")
        .expect("valid")
});

/// Each kind's verbs as a whole word, restorations first ("re-establish" before "establish").
static KINDS: LazyLock<[(Kind, Regex); 4]> = LazyLock::new(|| {
    let word = |p: &str| Regex::new(&format!(r"(?i)\b(?:{p})\b")).expect("valid");
    [
        (Kind::Restore, word(RESTORE)),
        (Kind::Suspend, word(SUSPEND)),
        (Kind::Sever, word(SEVER)),
        (Kind::Establish, word(ESTABLISH)),
    ]
});

fn kind_of_verb(v: &str) -> Kind {
    KINDS
        .iter()
        .find(|(_, re)| re.is_match(v))
        .map_or(Kind::Establish, |(k, _)| *k)
}

/// The relations event a sentence states, with the byte span of its verb and of the whole
/// statement ("relations ... were established", "severed diplomatic relations").
///
/// `names` are the article's state's names (its title): a sentence that gives relations with a
/// partner must name that state or the United States.
fn stated(sentence: &str, names: &[&str]) -> Option<(Kind, Range<usize>, Range<usize>)> {
    let mut best: Option<(Kind, Range<usize>, Range<usize>)> = None;
    for re in [&*VERB_FIRST, &*RELATIONS_FIRST] {
        for c in re.captures_iter(sentence) {
            let v = c.name("v").or_else(|| c.name("vi")).expect("a verb group");
            let before = &sentence[..v.start()];
            // "re-established" is a restoration, matched by its own pattern.
            if before.to_lowercase().ends_with("re-") {
                continue;
            }
            // "agreed to resume diplomatic relations on February 28, 1974" is the resumption.
            let agreed = before.to_lowercase().trim_end().ends_with("agreed to");
            if !agreed && UNREAL.is_match(tail(before, 60)) {
                continue;
            }
            let whole = c.get(0).expect("match");
            if UNREAL_AFTER.is_match(&sentence[whole.end()..]) {
                continue;
            }
            let cand = (kind_of_verb(v.as_str()), v.range(), whole.range());
            if best.as_ref().is_none_or(|b| cand.1.start < b.1.start) {
                best = Some(cand);
            }
        }
    }
    let (kind, verb, whole) = best?;
    // Relations between two other states ("Ramirez eventually broke relations with Germany and
    // Japan") are not the article's.
    if let Some(who) = PARTNER.captures(sentence).and_then(|c| c.name("who")) {
        let us = ["United States", "U.S", "America"];
        let ours = us.iter().chain(names).any(|n| who.as_str().contains(n));
        if !ours && !us.iter().any(|w| sentence.contains(w)) {
            return None;
        }
    }
    Some((kind, verb, whole))
}

/// The last `n` bytes of `s` or a little fewer, starting at a character.
fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// The relations events a section's heading names: "Establishment of Diplomatic Relations,
/// 1979", "Diplomatic Relations Severed by Algeria, 1967", "Establishment of Diplomatic
/// Relations with PRC/Termination of Diplomatic Relations with the Republic of China, 1979".
pub fn heading_kinds(heading: &str) -> Vec<Kind> {
    static NOT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)consular|commerc|anniversary|\bno\b|\bnot\b|never").expect("valid")
    });
    static ESTABLISHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[^-e])establishment\s+of\s+(?:\w+\s+)?(?:diplomatic\s+)?relations|relations\s+(?:were\s+)?established")
            .expect("valid")
    });
    if !heading.to_lowercase().contains("relations") || NOT.is_match(heading) {
        return Vec::new();
    }
    let has = |k: Kind| {
        KINDS
            .iter()
            .any(|(kind, re)| *kind == k && re.is_match(heading))
    };
    let mut out = Vec::new();
    if ESTABLISHED.is_match(heading) {
        out.push(Kind::Establish);
    }
    if has(Kind::Suspend) {
        out.push(Kind::Suspend);
    } else if has(Kind::Sever) {
        out.push(Kind::Sever);
    }
    if has(Kind::Restore) {
        out.push(Kind::Restore);
    }
    out
}

/// How a statement was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// A sentence of the prose states the event and its date.
    Prose,
    /// The heading names the event; the prose gives its day (the embassy's opening, the
    /// credentials presented) in the heading's year.
    HeadingAndProse,
    /// Only the heading: the event in the heading's year.
    Heading,
}

/// One event the guide states, with the words that state it.
#[derive(Clone, Debug)]
pub struct Statement {
    pub kind: Kind,
    pub date: Date,
    /// The guide's own words, trimmed to those that state the event.
    pub quote: String,
    /// The sentence (or heading) the statement stands in, for telling which state it is about.
    pub sentence: String,
    pub heading: String,
    pub basis: Basis,
    /// The section's place in the article, for keeping the guide's order within a year.
    pub order: usize,
}

/// Sections whose prose is read for statements even when their heading names no event: the
/// article's account of diplomatic relations, not its recognition, consular, treaty or
/// background sections (which tell of third states too).
fn relations_section(s: &GuideSection) -> bool {
    let id = s.section.to_lowercase();
    !["recog", "consular", "treat", "key", "issue", "event"]
        .iter()
        .any(|w| id.contains(w))
}

/// Trims a quote: from the sentence's start to the end of the words that state the event and
/// its date, cut at a word's end.
fn trim_quote(sentence: &str, end: usize) -> String {
    let mut end = end.min(sentence.len());
    while end < sentence.len() {
        let c = sentence[end..].chars().next().expect("in bounds");
        if c.is_alphanumeric() {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    sentence[..end]
        .trim_end_matches([',', ';', ':', ' '])
        .to_string()
}

/// Every relations event an article states, in the article's order.
pub fn statements(article: &GuideArticle) -> Vec<Statement> {
    // The title's words, cut to their first five letters so that "Syria" finds "Syrian Arab
    // Republic" and "Yemen" finds "Yemen Arab Republic".
    let stems: Vec<String> = article
        .title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && !["Republic", "Kingdom", "States", "Islands"].contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect();
    let names: Vec<&str> = stems.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for (order, s) in article.sections.iter().enumerate() {
        if s.section.to_lowercase().contains("consular")
            || s.heading.to_lowercase().contains("consular")
        {
            continue;
        }
        let named = heading_kinds(&s.heading);
        if named.is_empty() && !relations_section(s) {
            continue;
        }
        let single_year = s.years.filter(|(a, b)| a == b).map(|(a, _)| a);
        let in_window = |d: &Date| {
            s.years
                .is_none_or(|(a, b)| (a - 1..=b + 1).contains(&d.year_number()))
        };
        let mut found: Vec<Statement> = Vec::new();
        for p in &s.paragraphs {
            let ranges = sentences(p);
            for (i, r) in ranges.iter().enumerate() {
                let sentence = &p[r.clone()];
                let Some((kind, verb, whole)) = stated(sentence, &names) else {
                    continue;
                };
                let dates = dates_in(sentence, single_year);
                // The date nearest after the verb, else the nearest before it.
                let after = dates.iter().find(|d| d.span.0 >= verb.start);
                let before = dates.iter().rev().find(|d| d.span.1 <= verb.start);
                let (date, quote) = match after.or(before) {
                    Some(d) => (d.date, trim_quote(sentence, d.span.1.max(whole.end))),
                    None => {
                        // "This date marks the establishment ...", "On the same day, ...": the
                        // date of the sentence before.
                        let lower = sentence.to_lowercase();
                        let linked = ["this date", "that date", "the same day", "same date"]
                            .iter()
                            .any(|w| lower.contains(w));
                        let prev = i.checked_sub(1).map(|j| ranges[j].clone());
                        match (linked, prev) {
                            (true, Some(pr)) => {
                                let Some(d) = dates_in(&p[pr.clone()], single_year).pop() else {
                                    continue;
                                };
                                let both = &p[pr.start..r.end];
                                (d.date, trim_quote(both, r.start - pr.start + whole.end))
                            }
                            _ => continue,
                        }
                    }
                };
                if !in_window(&date) && kind != Kind::Establish {
                    continue;
                }
                found.push(Statement {
                    kind,
                    date,
                    quote,
                    sentence: sentence.to_string(),
                    heading: s.heading.clone(),
                    basis: Basis::Prose,
                    order,
                });
            }
        }
        // One statement of an event a section tells twice ("in early 1917", "On February 3,
        // 1917"): the finest date.
        let mut kept: Vec<Statement> = Vec::new();
        for f in found {
            match kept
                .iter_mut()
                .find(|k| k.kind.class() == f.kind.class() && k.date.agrees_with(&f.date))
            {
                Some(k) if f.date.precision() > k.date.precision() => *k = f,
                Some(_) => {}
                None => kept.push(f),
            }
        }
        let mut found = kept;
        // What the heading names and the prose does not state.
        for &kind in &named {
            let stated_here = found.iter().any(|f| {
                f.kind.class() == kind.class()
                    || (kind == Kind::Restore && f.kind == Kind::Establish)
            });
            if stated_here {
                continue;
            }
            let Some((from, to)) = s.years else { continue };
            let heading = s.heading.trim_end_matches('.').to_string();
            if let Some(st) = heading_and_prose(s, kind, order, single_year, &heading) {
                found.push(st);
                continue;
            }
            found.push(Statement {
                kind,
                date: Date::year(from),
                quote: heading.clone(),
                sentence: heading.clone(),
                heading: s.heading.clone(),
                basis: Basis::Heading,
                order,
            });
            // "Interruption of Relations, 1917-1922": relations came back in the last year.
            if matches!(kind, Kind::Sever | Kind::Suspend)
                && to != from
                && !named.contains(&Kind::Restore)
                && !found.iter().any(|f| f.kind == Kind::Restore)
            {
                found.push(Statement {
                    kind: Kind::Restore,
                    date: Date::year(to),
                    quote: heading.clone(),
                    sentence: heading.clone(),
                    heading: s.heading.clone(),
                    basis: Basis::Heading,
                    order,
                });
            }
        }
        out.extend(found);
    }
    out
}

/// An event the heading names ("Establishment of Diplomatic Relations and the American Embassy
/// in Barbados, 1966") and the prose dates by the act that made it ("The U.S. Embassy at
/// Bridgetown was established on November 30, 1966"): the first sentence with a day or month of
/// the heading's year and a verb of such an act for the event's kind.
fn heading_and_prose(
    s: &GuideSection,
    kind: Kind,
    order: usize,
    single_year: Option<i16>,
    heading: &str,
) -> Option<Statement> {
    static MADE: LazyLock<[(Kind, Regex); 3]> = LazyLock::new(|| {
        let re = |p: &str| Regex::new(&format!(r"(?i)\b(?:{p})\b")).expect("valid");
        [
            (
                Kind::Establish,
                re("established|opened|presented|accredited|raised|elevated|upgraded|agreed|announced|signed|received"),
            ),
            (
                Kind::Restore,
                re("re-?opened|resumed|re-?established|renewed|presented|accredited|agreed|signed|raised|elevated"),
            ),
            (
                Kind::Sever,
                re("severed|broke|closed|withdrew|recalled|declared\\s+war|abrogated|evacuated|suspended|interrupted|return"),
            ),
        ]
    });
    let made = &MADE
        .iter()
        .find(|(k, _)| *k == kind.class())
        .expect("every class")
        .1;
    let year = single_year?;
    let mut first = true;
    for p in &s.paragraphs {
        for r in sentences(p) {
            let sentence = &p[r];
            let was_first = std::mem::replace(&mut first, false);
            let Some(verb) = made.find(sentence) else {
                continue;
            };
            let agreed = sentence[..verb.start()]
                .to_lowercase()
                .trim_end()
                .ends_with("agreed to");
            if !agreed && UNREAL.is_match(&sentence[..verb.start()]) {
                continue;
            }
            // Breaks and restorations are the United States' own acts or answers to it; a
            // sentence about an armistice with the Allies or another state's break with a third
            // is not one.
            let us = ["United States", "U.S.", "American", "Washington"];
            if kind.class() != Kind::Establish && !us.iter().any(|w| sentence.contains(w)) {
                continue;
            }
            if let Some(who) = PARTNER.captures(sentence).and_then(|c| c.name("who")) {
                if !us.iter().any(|w| who.as_str().contains(w))
                    && !sentence.contains("United States")
                {
                    continue;
                }
            }
            let dates: Vec<FoundDate> = dates_in(sentence, Some(year))
                .into_iter()
                .filter(|d| {
                    d.date.year_number() == year
                        && d.date.precision() != diplograph_model::Precision::Year
                })
                .collect();
            // The date of the act: after its verb in the same clause ("was established on
            // November 30, 1966"), or opening the sentence ("On July 17, 1903, ... presented").
            let after = dates.iter().find(|d| {
                d.span.0 >= verb.start() && !sentence[verb.end()..d.span.0].contains(';')
            });
            let opening = dates
                .first()
                .filter(|d| d.span.0 <= 3 && d.span.1 <= verb.start());
            let Some(d) = after.or(opening) else {
                continue;
            };
            let words = trim_quote(sentence, d.span.1.max(verb.end()));
            let quote = if was_first {
                format!("{heading}. {words}")
            } else {
                format!("{heading}. … {words}")
            };
            return Some(Statement {
                kind,
                date: d.date,
                quote,
                sentence: sentence.to_string(),
                heading: s.heading.clone(),
                basis: Basis::HeadingAndProse,
                order,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Vec<String> {
        dates_in(s, Some(1914))
            .iter()
            .map(|d| d.date.to_string())
            .collect()
    }

    #[test]
    fn dates_keep_the_precision_the_text_gives() {
        assert_eq!(d("established on March 6, 1957, when"), ["1957-03-06"]);
        assert_eq!(d("on or about June 16, 1844"), ["1844-06"]);
        assert_eq!(d("in October 1853 and in 1822"), ["1853-10", "1822"]);
        assert_eq!(d("on 5 June 1939"), ["1939-06-05"]);
        assert_eq!(d("on Apr 30, 1990"), ["1990-04-30"]);
        assert_eq!(d("on April 22, when they"), ["1914-04-22"]);
        assert_eq!(d("On July 12, 1954 Secretary"), ["1954-07-12"]);
        assert!(dates_in("on April 22", None).is_empty());
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        let p = "The U.S. Legation was closed. Jon F. Gundersen arrived on Jan. 3. Then more.";
        let got: Vec<&str> = sentences(p).into_iter().map(|r| &p[r]).collect();
        assert_eq!(
            got,
            [
                "The U.S. Legation was closed.",
                "Jon F. Gundersen arrived on Jan. 3.",
                "Then more."
            ]
        );
    }

    fn st(s: &str) -> Option<(Kind, String)> {
        stated(s, &["Cuba", "Nicar", "Syria"]).map(|(k, _, w)| (k, s[w].to_string()))
    }

    #[test]
    fn statements_and_what_is_not_one() {
        assert_eq!(
            st("Diplomatic relations were established on December 25, 1991, when")
                .unwrap()
                .0,
            Kind::Establish
        );
        assert_eq!(
            st("The United States severed diplomatic relations with Cuba on January 3, 1961")
                .unwrap()
                .0,
            Kind::Sever
        );
        assert_eq!(
            st("The United States and Vietnam reestablished diplomatic relations on August 5, 1995").unwrap().0,
            Kind::Restore
        );
        assert_eq!(
            st("The United States re-established diplomatic relations with Nicaragua")
                .unwrap()
                .0,
            Kind::Restore
        );
        assert_eq!(
            st("Diplomatic relations with Syria ended and the Embassy")
                .unwrap()
                .0,
            Kind::Sever
        );
        assert_eq!(
            st("U.S.-Albanian diplomatic relations ended on June 5, 1939")
                .unwrap()
                .0,
            Kind::Sever
        );
        assert_eq!(
            st("Normal diplomatic relations were interrupted following")
                .unwrap()
                .0,
            Kind::Suspend
        );
        for no in [
            "the United States refused to recognize or establish relations with the PRC",
            "The year 2010 marks the 70th anniversary of the establishment of diplomatic relations",
            "expressing a desire to establish relations with the United States",
            "Ramirez eventually broke relations with Germany and Japan on January 26, 1944",
            "the Department instructed the Embassy to establish diplomatic relations",
            "The two countries have never established diplomatic relations.",
            "Establishment of relations had to await termination of the state of war on July 2, 1921",
        ] {
            assert_eq!(st(no), None, "{no}");
        }
    }

    #[test]
    fn headings_name_events() {
        use Kind::*;
        assert_eq!(
            heading_kinds("Establishment of Diplomatic Relations, 1979."),
            [Establish]
        );
        assert_eq!(
            heading_kinds("Diplomatic Relations Established, 1983."),
            [Establish]
        );
        assert_eq!(
            heading_kinds("Establishment of Diplomatic Relations with PRC/Termination of Diplomatic Relations with the Republic of China, 1979."),
            [Establish, Sever]
        );
        assert_eq!(
            heading_kinds(
                "Diplomatic Relations Reestablished and Establishment of American Embassy, 1956."
            ),
            [Restore]
        );
        assert_eq!(
            heading_kinds("U.S. Embassy Closed and Normal Relations Interrupted, 1975."),
            [Suspend]
        );
        assert_eq!(
            heading_kinds(
                "Cessation of Relations and Closure of the American Legation in Rome, 1867."
            ),
            [Sever]
        );
        assert!(heading_kinds("Establishment of Consular Relations, 1792.").is_empty());
        assert!(heading_kinds("No Diplomatic Relations Established.").is_empty());
        assert!(
            heading_kinds("70th Anniversary of Establishment of Diplomatic Relations.").is_empty()
        );
    }
}
