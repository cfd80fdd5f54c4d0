//! Finding checkable claims and deciding them against the graph.
//!
//! Claims are found sentence by sentence in the paragraphs the reader kept (so a body pasted
//! twice is checked once), by patterns for counts, exceptions, "the only", and "no relations";
//! dates and durations come from the reader's own history events. Each verdict explains its
//! counting convention: "191 out of 193" counts the state itself among the 193.

use std::sync::OnceLock;

use diplograph_graph::{Graph, PairStatus, Relations};
use diplograph_model::{Code, Date, Day, Event, StateKind, Status, Universe};
use diplograph_read::{clean, text, Lexicon};
use regex::Regex;

mod clause;
mod durations;
pub(crate) mod groups;
mod only;
pub(crate) mod stated;

use crate::{entry_evidence, name, CheckedEvent, Claim, ClaimKind, EventStatus, Evidence, Verdict};

pub(crate) const NUMBER: &str = r"(\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a dozen|a hundred)";

pub(crate) fn number(s: &str) -> Option<usize> {
    let s = s.trim().to_lowercase();
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    if let Some(i) = WORDS.iter().position(|w| *w == s) {
        return Some(i);
    }
    Some(match s.as_str() {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "a dozen" => 12,
        "a hundred" => 100,
        // "twenty-seven", "forty one"
        _ => {
            let (tens, unit) = s.split_once(['-', ' '])?;
            let unit = WORDS[1..10].iter().position(|w| *w == unit.trim())? + 1;
            match number(tens)? {
                t @ (20 | 30 | 40 | 50 | 60 | 70 | 80 | 90) => t + unit,
                _ => return None,
            }
        }
    })
}

/// How a count compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cmp {
    Exactly,
    MoreThan,
    FewerThan,
    About,
}

fn cmp(word: Option<&str>) -> Cmp {
    match word.map(|w| w.trim().to_lowercase()).as_deref() {
        Some("more than" | "over" | "at least") => Cmp::MoreThan,
        Some("fewer than" | "less than" | "under") => Cmp::FewerThan,
        Some("nearly" | "almost" | "about" | "around" | "some" | "roughly" | "approximately") => {
            Cmp::About
        }
        _ => Cmp::Exactly,
    }
}

struct Patterns {
    /// "191 out of 193 United Nations member states"
    of_un: Regex,
    /// "relations with more than 160 countries"
    with_n: Regex,
    /// "one of only 12 countries that recognise Taiwan", "12 countries recognise Taiwan",
    /// "recognised by 104 UN member states", "Taiwan's 12 diplomatic allies"
    recognisers: Regex,
    recognised_by: Regex,
    allies: Regex,
    /// "the only UN member without diplomatic ties to Seoul"
    only: Regex,
    /// "the only UN member with which South Korea had no ties", "the last UN member apart from
    /// North Korea with which it has no ties"
    only_which: Regex,
    /// "have no diplomatic relations", "never established ties"
    none: Regex,
    /// "maintains relations with", "had kept up ties with"
    has: Regex,
    /// exception words
    except: Regex,
    /// "only three countries", "just four states", "the only three UN member states"
    only_n: Regex,
    /// clause boundaries: "; ", ", whereas", ", while", ", but"
    clause: Regex,
    /// "the 193rd country to set up relations with", "Seoul's 194th diplomatic partner"
    ordinal: Regex,
    /// "cuts Taiwan's diplomatic allies to 12", "Taiwan has 13 official allies", "17 countries
    /// in Taiwan's camp", "Taipei's partners are down to a dozen", "leaving Taiwan with 15"
    allies_n: Regex,
    /// "after seven years"
    after_years: Regex,
    /// "tally of diplomatic partners now stands at 191", "the number of its allies fell to 12"
    tally: Regex,
    /// "three states outside the UN", "two non-members"
    outside_un: Regex,
    /// "brings the number of countries recognising Taiwan down to 19": the state named inside
    number_of: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(&s.replace("{N}", NUMBER)).expect("claim pattern");
        Patterns {
            of_un: re(r"(?i)\b{N}\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+)?{N}\s+(?:united\s+nations|un|u\.n\.)\s*(?:member\s+)?(?:states|countries|nations|members)"),
            with_n: re(r"(?i)\b(?:relations|ties)\s+(?:with|to)\s+(more than|over|at least|fewer than|less than|under|nearly|almost|about|around|some|roughly|only|just|merely|a mere|all(?: the)?|all of the)?\s*{N}\s+(?:other\s+)?(?:countries|states|nations|un member states|united nations member states)"),
            recognisers: re(r"(?i)\b(?:(?:one of|among) (?:only |just |the )?)?(more than|over|at least|fewer than|less than|nearly|almost|about|around|some|only|just)?\s*{N}\s+(?:other\s+)?(?:countries|states|nations|governments|(?:un|u\.n\.|united nations)\s+(?:member\s+)?(?:states|countries|members|nations)|member\s+states)(?:,[^,]{1,60},)?(?:\s+(?:in\s+the\s+world|worldwide|around\s+the\s+world|across\s+the\s+globe))?\s+(?:that\s+|which\s+|to\s+)?(?:still\s+|now\s+|formally\s+|officially\s+|currently\s+)*(?:recogni[sz]es?\b|have recogni[sz]ed|(?:maintains?|keeps?|have|has) (?:formal |official |full )?(?:diplomatic )?(?:relations|ties) with|with (?:formal |official |full |diplomatic )*(?:relations|ties) (?:with|to))"),
            recognised_by: re(r"(?i)\brecogni[sz]ed\s+(?:\w+\s+)?by\s+(more than|over|at least|fewer than|less than|nearly|almost|about|around|some|only|just)?\s*{N}\s+(?:other\s+)?(?:countries|states|nations|governments|(?:un|u\.n\.|united nations)\s+(?:member\s+)?(?:states|countries|members|nations)|of\s+(?:the\s+|its\s+)?\d{1,3}\s+(?:(?:un|u\.n\.|united nations)\s+)?(?:member\s+)?(?:states|countries|members|nations))"),
            allies: re(r"(?i)(?:['’]s|\bits)\s+(?:remaining\s+|last\s+|only\s+)?{N}\s+(?:remaining\s+)?(?:formal\s+|diplomatic\s+)*(?:allies|partners)"),
            only: re(r"(?i)\bthe only (?:other |remaining )?(?:un member(?: state)?|u\.n\. member(?: state)?|united nations member(?: state)?|country|state|nation)\s+(?:still\s+|yet\s+)?(?:without|lacking|that (?:does not|doesn't|has not|hasn't|did not|had not) (?:have|maintain|established?)|with no|not to have)\s+(?:formal |official |full )?(?:diplomatic )?(?:relations|ties)\s+(?:with|to)"),
            only_which: re(r"(?i)\bthe (?:only|last|sole|one) (?:other |remaining )?(?:un member(?: state| country| nation)?|u\.n\. member(?: state| country)?|united nations member(?: state| country)?|country|state|nation)(?:\s+left)?(?:\s*,?\s+(?:apart from|except(?: for)?|besides|other than|save for|bar)\s+([^,;]{2,40}?)\s*,?)?\s+with which\s+"),
            none: re(r"(?i)\b(?:(?:have|has|had|maintain|maintains|keeps?|kept|enjoy) no|(?:do|does|did) not (?:have|maintain)|never (?:established|had)|lacks?|without) (?:formal |official |full )?(?:diplomatic )?(?:relations|ties)\b|\bno\s+longer\s+(?:has|have|had|maintains?|keeps?|enjoys?)\s+(?:formal |official |full )?(?:diplomatic )?(?:relations|ties)\b|\b(?:has|have|had) yet to (?:establish|forge|set up|open) (?:formal |official |full |diplomatic )*(?:relations|ties|links)\b"),
            except: re(r"(?i)\b(?:except(?:ion|ions)?|apart from|other than|save for|excluding|but not)\b"),
            only_n: re(r"(?i)\b(?:only|just|the\s+only)\s+{N}\s+(?:other\s+)?(?:un\s+member\s+states|u\.n\.\s+member\s+states|countries|states|nations)|\b{N}\s+(?:countries|states|nations|un member states)\s+(?:in the world\s+)?(?:with which|that|which|lack|lacking|have no|still lack|remain without)"),
            clause: re(r"(?i);|,\s*(?:whereas|while|but|although|though|even\s+though|and|which|who|since|because|as|given\s+that|after|when|despite|so|leaving|meaning|making|only)\b|\.\s"),
            ordinal: re(r"(?i)\b(\d{1,3})(?:st|nd|rd|th)\s+(?:country|state|nation|diplomatic partner|partner)\b"),
            allies_n: re(r"(?i)\ballies\s+to\s+{N}\b|\b(?:allies|partners)\b[^.;,]{0,25}?\b(?:down|reduced|fallen|dropped|shrunk)\s+to\s+(?:only\s+|just\s+|a\s+mere\s+)?{N}\b|\bdown\s+to\s+(?:only\s+|just\s+|a\s+mere\s+)?{N}\s+(?:remaining\s+)?(?:official\s+|formal\s+|diplomatic\s+)*(?:allies|partners)\b|\bleav(?:es|ing)\s+(?:\w+\s+){1,2}with\s+(?:only\s+|just\s+|a\s+mere\s+)?{N}\s*(?:[.;,]|$)|\bleav(?:es|ing)\s+(?:[\w'’.]+\s+){1,4}with\s+(?:only\s+|just\s+|a\s+mere\s+)?{N}\s+(?:remaining\s+)?(?:official\s+|formal\s+|diplomatic\s+)*(?:allies|partners)\b|(?:['’]s|\bits)\s+(?:diplomatic\s+|formal\s+|official\s+)*(?:partners|allies)\s+(?:up\s+|down\s+)?to\s+{N}\b|\b(?:has|have|had|with|keeps?)\s+(?:only\s+|just\s+)?{N}\s+(?:remaining\s+)?(?:official\s+|formal\s+|diplomatic\s+)*(?:allies|partners)\b|\b{N}\s+(?:countries|states|nations)\s+in\s+\w+['’]s\s+camp"),
            tally: re(r"(?i)\b(?:tally|number|count|total)\s+of\s+(?:its\s+|their\s+)?(?:diplomatic\s+|formal\s+|official\s+)*(?:partners|allies|relations)\s+(?:now\s+|has\s+|had\s+)?(?:stands?\s+at|stood\s+at|is|was|reached|reaches|rose\s+to|rises\s+to|fell\s+to|falls\s+to|dropped\s+to|drops\s+to)\s+{N}\b"),
            number_of: re(r"(?i)\b(?:number|count|tally|total)\s+of\s+(?:countries|states|nations|governments)\s+(?:that\s+|which\s+)?(?:still\s+|now\s+)?(?:recogni[sz]ing|recogni[sz]es?|with\s+(?:formal\s+|official\s+|full\s+)?(?:diplomatic\s+)?(?:ties|relations)\s+(?:with|to))\s+(?:[\w'’.-]+\s+){1,4}?(?:down\s+|up\s+)?to\s+(?:only\s+|just\s+|a\s+mere\s+)?{N}\b"),
            outside_un: re(r"(?i)\b{N}\s+(?:other\s+)?(?:states|countries|nations|partners)\s+(?:that\s+are\s+)?(?:outside\s+the\s+(?:un|u\.n\.|united\s+nations)|not\s+in\s+the\s+(?:un|united\s+nations))\b"),
            has: re(r"(?i)\b(?:maintain(?:s|ed)?|ha(?:ve|s|d)|enjoy(?:s|ed)?|kept up|keeps?(?: up)?|still ha(?:ve|s))\s+(?:full\s+|formal\s+|official\s+)?(?:diplomatic\s+)?(?:relations|ties)\s+with\b"),
            after_years: re(r"(?i)\bafter\s+(?:more than |nearly |almost |about |some )?{N}\s+years?\b|\bfirst time (?:in|after)\s+(?:more than |nearly |almost |about |some )?{N}\s+years\b|\bfirst time since\s+(\d{4})\b|\b{N}-year\s+(?:rupture|break|freeze|hiatus|estrangement|split|rift)"),
        }
    })
}

/// Where a claim stands in the text: byte offsets and the words.
#[derive(Clone, Copy)]
struct At<'t> {
    start: usize,
    end: usize,
    words: &'t str,
}

impl<'t> At<'t> {
    /// A regex match inside the sentence that starts at byte `ss` of `text`.
    fn of(text: &'t str, ss: usize, m: regex::Match) -> At<'t> {
        At::span(text, ss + m.start(), ss + m.end())
    }

    fn span(text: &'t str, start: usize, end: usize) -> At<'t> {
        // a pattern may take the space before its first word
        let start = start + (text[start..end].len() - text[start..end].trim_start().len());
        At {
            start,
            end,
            words: &text[start..end],
        }
    }

    fn claim(
        self,
        kind: ClaimKind,
        verdict: Verdict,
        explanation: String,
        evidence: Vec<Evidence>,
    ) -> Claim {
        Claim {
            text: self.words.to_string(),
            start: self.start,
            end: self.end,
            kind,
            verdict,
            explanation,
            evidence,
        }
    }
}

/// The sentences of the paragraphs the reader keeps.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let c = clean(text);
    c.segments
        .iter()
        .flat_map(|s| text::sentences(text, s.start, s.end))
        .collect()
}

fn evidence_of(graph: &Graph, st: &PairStatus) -> Vec<Evidence> {
    st.basis.iter().map(|e| entry_evidence(graph, e)).collect()
}

/// The states a sentence names, in text order: (start, end, state), byte offsets in the text.
struct Named(Vec<(usize, usize, Code)>);

impl Named {
    /// The last state named before byte `at`.
    fn before(&self, at: usize) -> Option<Code> {
        self.0.iter().rev().find(|x| x.1 <= at).map(|x| x.2)
    }

    /// The first state named from byte `at` on.
    fn after(&self, at: usize) -> Option<Code> {
        self.0.iter().find(|x| x.0 >= at).map(|x| x.2)
    }

    /// The state named right after byte `at` (within a few words: "… recognising Taipei", not
    /// "… recognising it, unlike Japan").
    fn right_after(&self, at: usize) -> Option<Code> {
        self.0
            .iter()
            .find(|x| x.0 >= at && x.0 <= at + 12)
            .map(|x| x.2)
    }

    /// The states named inside `from..to`.
    fn within(&self, from: usize, to: usize) -> Vec<(usize, usize, Code)> {
        self.0
            .iter()
            .filter(|x| x.0 >= from && x.1 <= to)
            .copied()
            .collect()
    }
}

/// Why a state is in the graph, if the graph knows it.
fn kind(graph: &Graph, code: Code) -> Option<StateKind> {
    graph.states().get(code).map(|s| s.kind)
}

/// The longest prefix of `s` of at most `n` bytes that ends on a character boundary.
fn floor(s: &str, n: usize) -> usize {
    (0..=n.min(s.len()))
        .rev()
        .find(|&k| s.is_char_boundary(k))
        .unwrap_or(0)
}

/// The sentence `s` with its asides that put the Holy See inside a count (", the Vatican among
/// them,", ", counting Vatican City,", ", including the Holy See,") blanked to spaces of the same
/// length, and where they were (byte ranges in `s`).
fn holy_see_asides(s: &str) -> (String, Vec<(usize, usize)>) {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i),\s*(?:(?:the\s+)?(?:vatican(?:\s+city)?|holy\s+see)\s+(?:among\s+them|included|too)|(?:counting|including)\s+(?:the\s+)?(?:vatican(?:\s+city)?|holy\s+see))\s*,")
            .expect("aside pattern")
    });
    let ranges: Vec<(usize, usize)> = r.find_iter(s).map(|m| (m.start(), m.end())).collect();
    if ranges.is_empty() {
        return (s.to_string(), ranges);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for &(a, b) in &ranges {
        out.push_str(&s[last..a]);
        out.extend(std::iter::repeat_n(' ', b - a));
        last = b;
    }
    out.push_str(&s[last..]);
    (out, ranges)
}

/// "… 11 countries and the Vatican": a count with the Holy See added to it, and where the
/// add-on's words end (relative to `rest`, the text after the count).
fn holy_see_addon(rest: &str) -> Option<usize> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:,\s*)?(?:and|plus|as well as)\s+(?:the\s+)?(?:vatican|holy see)\b")
            .expect("add-on pattern")
    });
    r.find(rest).map(|m| m.end())
}

/// The group a count is limited to, when its words name one: "three partners in the South
/// Pacific", "the third Arab state", "seven of them in Latin America". Such a count is never
/// compared with the whole partner set: `groups` decides it where the words name a group whose
/// memberships the graph holds.
///
/// The flag says whether the words follow the count ("12 countries in Africa"); words found
/// before it ("Taiwan, an Asian democracy, has 13 allies") may qualify the state, not the count,
/// so only the former are decided.
fn group_qualifier(s: &str, start: usize, end: usize) -> Option<(String, bool)> {
    static AFTER: OnceLock<Regex> = OnceLock::new();
    static INSIDE: OnceLock<Regex> = OnceLock::new();
    const REGIONS: &str = r"(?:the\s+)?(?:south\s+|southern\s+|north\s+|northern\s+|western\s+|west\s+|eastern\s+|east\s+|central\s+|south-east\s+|southeast\s+|sub-saharan\s+)?(?:pacific|latin\s+america|america|caribbean|africa|europe|asia|americas|oceania|middle\s+east|gulf|balkans|arab\s+world|region|continent|european\s+union|eu|sahel|maghreb|levant|scandinavia|indo-pacific)";
    let after = AFTER.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)^\s*(?:(?:that\s+are\s+|which\s+are\s+)?(?:in|from|of)\s+{REGIONS}\b)"
        ))
        .expect("qualifier pattern")
    });
    let inside = INSIDE.get_or_init(|| {
        Regex::new(r"(?i)\b(arab|african|european|eu|asian|latin\s+american|caribbean|pacific|muslim(?:-majority)?|islamic|western|nato|asean|commonwealth)\b")
            .expect("qualifier pattern")
    });
    if let Some(m) = after.find(&s[end..]) {
        return Some((m.as_str().trim().to_string(), true));
    }
    // "two partners in Oceania", "in the Horn": words after the count that name a place the
    // patterns above do not know still limit it; never compared with all partners
    static PLACE: OnceLock<Regex> = OnceLock::new();
    let place = PLACE.get_or_init(|| {
        Regex::new(r"^\s*(?:in|from)\s+(?:the\s+)?(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))*")
            .expect("place pattern")
    });
    if let Some(m) = place.find(&s[end..]) {
        return Some((m.as_str().trim().to_string(), false));
    }
    // "In Africa, Taiwan now keeps only four partners", "In Africa Taiwan is down to two": a
    // region opening the sentence
    static OPENING: OnceLock<Regex> = OnceLock::new();
    let opening = OPENING.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)^\s*(?:in|across|within|among\s+the\s+states\s+of)\s+({REGIONS})\b(?:\s*,|\s+(?-i:[A-Z]))"
        ))
        .expect("qualifier pattern")
    });
    if let Some(c) = opening.captures(&s[..start]) {
        return Some((format!("in {}", c[1].trim()), true));
    }
    // the words of the count itself, and the few before it ("the only three Arab states"),
    // not the subject of "leaves" ("The West African state's move leaves Taipei with 22")
    let leaves = s[start..]
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("leav"));
    let from = if leaves {
        start
    } else {
        floor(s, start.saturating_sub(24))
    };
    // "Only 12 nations, mainly in Central America and the Caribbean, now recognise Taipei":
    // an aside that describes most of them does not limit the count
    static MOSTLY: OnceLock<Regex> = OnceLock::new();
    let mostly = MOSTLY.get_or_init(|| {
        Regex::new(r"(?i),\s*(?:mainly|mostly|largely|chiefly|many|most\s+of\s+them)\b[^,]*,")
            .expect("aside pattern")
    });
    let words = mostly.replace_all(&s[from..end], "");
    inside.find(&words).map(|m| (m.as_str().to_string(), false))
}

/// A claim limited to a group the checker does not decide: an ordinal ("the third Arab
/// state"), or a count whose group words stand before it.
fn group_claim(at: At<'_>, group: &str) -> Claim {
    at.claim(
        ClaimKind::Count,
        Verdict::NotEnoughInfo,
        format!("the claim is limited to a group (\"{group}\"), or its words qualify the state; the checker does not compare it with all partners, nor rank partners within a group"),
        vec![],
    )
}

/// A count limited to a group ("relations with 12 countries in Africa"): decided on the
/// group's members when the words name one the graph holds.
fn group_count(
    graph: &Graph,
    as_of: Day,
    subject: Code,
    (n, c): (usize, Cmp),
    at: At<'_>,
    words: &str,
) -> Claim {
    let q = groups::Asked::count(subject, words, (n, c));
    groups::decide(graph, as_of, &q, ClaimKind::Count, at)
}

/// "the 18th state to withdraw its recognition", "the fifth country to switch", "the 117th
/// country to recognise Kosovo": an ordinal of events, not of partners.
fn event_ordinal(rest: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)^[^.;]{0,30}?\bto\s+(?:formally\s+|officially\s+)?(?:withdraw|take\s+back|revoke|rescind|derecogni[sz]e|recogni[sz]e|switch|cut|sever|break|drop|abandon|end|suspend|downgrade|leave|defect|ditch)")
            .expect("ordinal pattern")
    });
    r.is_match(rest)
}

/// Why a claim's subject is a guess, for [`soften`].
#[derive(Clone, Copy)]
enum Guess {
    /// carried from the previous sentence ("The island now has…")
    Carried,
    /// a pronoun with several states named before it ("…, bringing its allies to 15")
    Pronoun,
    /// a stand-in after the last state named ("After Panama's switch, the country now has…"),
    /// or a clause that names no state ("…, leaving formal ties with just 15 countries")
    StandIn,
}

/// A claim whose subject is a guess may be about another state than the one taken: it is never
/// refuted, and the explanation says which state was taken and why.
fn soften(claim: Option<&mut Claim>, graph: &Graph, subject: Code, guess: Guess) {
    let Some(c) = claim else { return };
    if c.verdict == Verdict::Refuted {
        let why = match guess {
            Guess::Carried => "The sentence does not name its subject; taken as {}, named in the sentence before",
            Guess::Pronoun => "The pronoun may stand for any of the states the sentence names before it; taken as {}",
            Guess::StandIn => "The clause does not name its subject (a pronoun, a stand-in such as \"the country\", or none); taken as {}, the last state named before it",
        };
        c.verdict = Verdict::NotEnoughInfo;
        c.explanation = format!(
            "{}, the claim would be refuted: {}",
            why.replace("{}", &name(graph, subject)),
            c.explanation
        );
    }
}

/// The state a possessive pronoun right before byte `at` of the sentence stands for ("Kiribati
/// cut ties with Taipei, bringing its allies to 15"), among the states named before it, and
/// whether that is sure: one state named, or one state with limited recognition among several
/// (whose "allies" are counted); otherwise the sentence's first state, the subject, unsure.
fn pronoun_owner(
    graph: &Graph,
    s: &str,
    before: &[(usize, usize, Code)],
    at: usize,
) -> Option<(Code, bool)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)\b(?:its|their)\s+(?:\w+\s+){0,2}$").expect("pronoun pattern")
    });
    if !r.is_match(&s[..floor(s, at)]) && !r.is_match(&s[..floor(s, (at + 4).min(s.len()))]) {
        return None;
    }
    let mut states: Vec<Code> = Vec::new();
    for x in before {
        if !states.contains(&x.2) {
            states.push(x.2);
        }
    }
    match states.as_slice() {
        [] => None,
        [one] => Some((*one, true)),
        [first, ..] => {
            let limited: Vec<Code> = states
                .iter()
                .copied()
                .filter(|&c| kind(graph, c) == Some(StateKind::Limited))
                .collect();
            match limited.as_slice() {
                [one] => Some((*one, true)),
                _ => Some((*first, false)),
            }
        }
    }
}

/// Whether a sentence goes on about the state the one before it was about: it opens with a
/// pronoun or a stand-in ("It now has…", "The island has…", "The kingdom…").
fn continues(sentence: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"^\s*(?:[\x22'“‘(\[]\s*)?(?:it|its|the\s+(?:island|kingdom|republic|country|nation|state|government|archipelago|territory))\b")
            .expect("continuation pattern")
    });
    r.is_match(&sentence.to_lowercase())
}

/// Whether the words between a state and its count make the state the subject of a verb that
/// holds the count: "Taiwan now has formal ties with 13", "Seoul, which …, maintains relations
/// with 191", "Nauru is down to ties with …".
fn holds(gap: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:\([^)]*\)\s*)?(?:,[^,]*,\s*)?(?:\w+\s+){0,3}?(?:has|have|had|maintains?|maintained|keeps?|kept|enjoys?|enjoyed|holds?|held|counts?|counted|remains?|remained|retains?|retained|boasts?|lists?|(?:is|are|was|were)\s+(?:\w+\s+)?(?:linked|tied|connected|down|left|recogni[sz]ed))\b")
            .expect("holding pattern")
    });
    r.is_match(gap)
}

/// What stands for a count's subject between the last state named and the count: "the island"
/// (Taiwan, once the article has named it), or another stand-in or pronoun at the head of a
/// clause ("; it now has…", ", the country now has…").
#[derive(Clone, Copy, PartialEq, Eq)]
enum StandIn {
    Island,
    Other,
}

fn stand_in(gap: &str) -> Option<StandIn> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[,;:]\s*|\b(?:and|but|while|whereas|so|leaving|leaves|left)\s+)(?:it|the\s+(?:kingdom|republic|country|nation|government|archipelago|territory))\b")
            .expect("stand-in pattern")
    });
    // "Beijing is isolating the self-ruled island, which has formal ties with …"
    static ISLAND: OnceLock<Regex> = OnceLock::new();
    let island = ISLAND.get_or_init(|| {
        Regex::new(r"(?i)\bthe\s+(?:self-ruled\s+|self-governing\s+|self-governed\s+|democratic\s+)?island\b")
            .expect("island pattern")
    });
    if island.is_match(gap) {
        Some(StandIn::Island)
    } else {
        r.is_match(gap).then_some(StandIn::Other)
    }
}

/// "… recognise Palestine" right after a count: where the verb ends, relative to `rest`.
fn recognise_after(rest: &str) -> Option<usize> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:,\s*)?(?:(?:that|which|who)\s+)?(?:now\s+|have\s+|had\s+|formally\s+|officially\s+|already\s+|still\s+)*recogni[sz](?:e[sd]?|ing)\b")
            .expect("recognise pattern")
    });
    r.find(rest).map(|m| m.end())
}

/// Where the claim's own words start in a clause that opens with a phrase of its own ("With
/// Oman's move, only Saudi Arabia …", "Now that Muscat has ties with the Holy See, Riyadh …"), or
/// where "only" starts the states it names: a byte offset into `clause`.
fn intro_end(clause: &str) -> Option<usize> {
    static INTRO: OnceLock<Regex> = OnceLock::new();
    static ONLY: OnceLock<Regex> = OnceLock::new();
    let intro = INTRO.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:with|after|following|now\s+that|since|unlike|like|besides|apart\s+from|as|when|before|once|thanks\s+to|in\s+the\s+wake\s+of)\b[^,;]*,")
            .expect("opening phrase pattern")
    });
    // "only Saudi Arabia", not "the only ones with which"
    let only = ONLY.get_or_init(|| {
        Regex::new(r"\b(?:[Oo]nly|ONLY)\s+(?:the\s+)?[A-Z]").expect("only pattern")
    });
    let from = intro.find(clause).map_or(0, |m| m.end());
    let k = only
        .find_iter(&clause[from..])
        .last()
        .map_or(from, |m| from + m.start());
    (k > 0).then_some(k)
}

/// Whether the words before a "has relations with" phrase make it a plan, a wish or a
/// condition, not a statement of fact: "will have full ties with", "the first Gulf state to
/// have ties with", "hopes to maintain relations with", "if it had relations with".
fn not_asserted(before: &str, words: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    static TO: OnceLock<Regex> = OnceLock::new();
    static VERB: OnceLock<Regex> = OnceLock::new();
    // "to have ties with": an infinitive, where "linked to all but three" is not
    let to = TO.get_or_init(|| Regex::new(r"(?i)\bto\s+(?:\w+\s+)?$").expect("to pattern"));
    let verb = VERB.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:have|has|maintain|keep|hold|enjoy|establish|recogni[sz]e|leave|reach|restore|open|forge|set\s+up|count|boast)\b")
            .expect("verb pattern")
    });
    if to.is_match(before) && verb.is_match(words) {
        return true;
    }
    // the words between the modal and the claim may only be ones that carry the claim on
    // ("would have", "would leave Taipei", "to keep just"), not another verb ("has no plan to
    // approach Bhutan, which has no ties …")
    const ON: &str = r"(?:(?:to|have|has|keep|keeps|hold|maintain|leave|leaves|be|become|reach|count|enjoy|boast|establish|recogni[sz]e|still|then|only|just|soon|formal|full|diplomatic|ties|relations|with|[A-Z][\w'’.-]*)\s+)";
    let r = R.get_or_init(|| {
        Regex::new(&format!(r"(?:\b(?i:will|would|could|might|may|should|shall|can|if|whether|unless|once)\s+{ON}{{0,3}}|\b(?i:plans?|planned|planning|agreed|agrees?|hopes?|hoped|seeks?|sought|wants?|wanted|intends?|intended|expected|poised|set)\s+{ON}{{0,3}})$"))
            .expect("assertion pattern")
    });
    r.is_match(before)
}

/// Whether the words before a count end in "recognised by" ("… is now recognised by 145 of the
/// 193 UN members").
fn recognised_before(before: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)\brecogni[sz]ed\s+(?:\w+\s+)?by\s+(?:(?:more than|over|at least|nearly|almost|about|around|some|only|just)\s+)?$")
            .expect("recognised-by pattern")
    });
    r.is_match(before)
}

/// The first number any of a match's groups holds ("twelve", "12").
fn first_number(caps: &regex::Captures) -> Option<usize> {
    caps.iter()
        .skip(1)
        .flatten()
        .find_map(|g| number(g.as_str()))
}

/// "Taipei's only diplomatic ally in Africa", "its sole partner in South America".
fn only_ally() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)(?:['’]s|\b(?:its|their))\s+(?:only|sole|single|last)\s+(?:remaining\s+)?(?:(?:diplomatic|formal|official)\s+)*(?:ally|partner|foothold)\s+(in\s+(?:the\s+)?(?:south\s+|southern\s+|north\s+|western\s+|eastern\s+|central\s+|sub-saharan\s+)?(?:pacific|latin\s+america|america|caribbean|africa|europe|asia|americas|oceania|middle\s+east))\b")
            .expect("only ally pattern")
    })
}

/// Finds and decides every pattern claim in the text.
pub(crate) fn find(text: &str, graph: &Graph, as_of: Day, lex: &Lexicon) -> Vec<Claim> {
    let p = patterns();
    let mut out = Vec::new();
    // the state whose partners the article counted last: "them" and "its" in "seven of them are
    // in Latin America", "its only ally in Europe"
    let mut topic: Option<Code> = None;
    // the subject of the previous sentence, for one that goes on about it ("It now has ties
    // with only 12 countries")
    let mut previous: Option<Code> = None;
    // every state the previous sentence named, for a pronoun ("… now recognise it")
    let mut previous_named: Vec<Code> = Vec::new();
    // Taiwan, once the article has named it: "the island" stands for it
    let mut taiwan: Option<Code> = None;
    for (ss, se) in sentences(text) {
        let first_here = out.len();
        // "Sixteen states, the Vatican among them, still recognise Taiwan": the aside says what
        // the count includes and stands between the count and its verb; it is blanked (offsets
        // kept) and the Holy See it names is no state the claim is about
        let (blanked, asides) = holy_see_asides(&text[ss..se]);
        let s = blanked.as_str();
        let mut named = Named(lex.states_in(text, ss, se));
        named
            .0
            .retain(|x| !asides.iter().any(|a| ss + a.0 <= x.0 && x.1 <= ss + a.1));
        let named = named;
        let at = |m: regex::Match| At::of(text, ss, m);
        let carried = previous.filter(|_| continues(s));
        // the previous sentence's subject, for "… no relations with it"
        let antecedent = previous;
        previous = named.0.first().map(|x| x.2).or(carried);
        let before_here =
            std::mem::replace(&mut previous_named, named.0.iter().map(|x| x.2).collect());
        let subject_before = |at: usize| named.before(at).or(carried);
        let taiwan_before = taiwan;
        if taiwan.is_none() {
            taiwan = named.0.iter().find(|x| x.2.as_str() == "TWN").map(|x| x.2);
        }
        // the subject of a count at byte `at`, and why it is a guess: the last state named
        // before it, unless a stand-in stands between them ("After Panama's switch, the island
        // now has…": Taiwan, once named)
        let subject_at = |at: usize| -> Option<(Code, Option<Guess>)> {
            let last = named.0.iter().rev().find(|x| x.1 <= at);
            let from = last.map_or(ss, |x| x.1);
            let taiwan = taiwan_before.or_else(|| {
                named
                    .0
                    .iter()
                    .find(|x| x.1 <= at && x.2.as_str() == "TWN")
                    .map(|x| x.2)
            });
            match (last, stand_in(&text[from..floor(text, at)])) {
                // sure only when no other state than Taiwan and China is named in the sentence
                // or the one before: "Nauru cut its ties with Taipei. The island now has…" may
                // be about Nauru, an island too
                (_, Some(StandIn::Island)) if taiwan.is_some() => {
                    let others = named
                        .0
                        .iter()
                        .filter(|x| x.1 <= at)
                        .map(|x| x.2)
                        .chain(before_here.iter().copied())
                        .any(|c| !matches!(c.as_str(), "TWN" | "CHN"));
                    taiwan.map(|t| (t, others.then_some(Guess::StandIn)))
                }
                (Some(x), Some(_)) => Some((x.2, Some(Guess::StandIn))),
                // a state named in an earlier clause is not sure to be this one's subject:
                // "Kiribati switched to Beijing, leaving formal ties with just 15 countries"
                (Some(x), None) if x.1 < ss + clause::span(s, at - ss).0 => {
                    Some((x.2, Some(Guess::StandIn)))
                }
                // the state is the subject of a verb that holds the count ("Taiwan now has
                // formal ties with 13", "Seoul, which …, maintains relations with 191"), not a
                // word of another phrase ("Panama's switch to Beijing left formal ties with 19")
                (Some(x), None) if !holds(&text[x.1..floor(text, at)]) => {
                    Some((x.2, Some(Guess::StandIn)))
                }
                (Some(x), None) => Some((x.2, None)),
                (None, _) => carried.map(|c| (c, Some(Guess::Carried))),
            }
        };
        // a count claim in the sentence: "maintains relations with 191 of 193" is no pair claim
        let mut counted = false;
        // the state the sentence's first count is about: "… and also with three states outside
        // the UN" goes on about it
        let mut count_subject: Option<Code> = None;
        // counts among UN members, with their exceptions
        for caps in p.of_un.captures_iter(s) {
            let m = caps.get(0).expect("match");
            let (Some(n), Some(of)) = (number(&caps[1]), number(&caps[2])) else {
                continue;
            };
            // "Zimbabwe is one of 41 UN member states recognising the SADR": the state is a
            // member of a set of `of`; the count is the set's, never the state's partners
            let one_of = caps[1].eq_ignore_ascii_case("one");
            let n = if one_of { of } else { n };
            // "recognised by 145 of the 193 UN members": the recognisers, read below
            if recognised_before(&s[..m.start()]) {
                continue;
            }
            // "145 of the 193 UN members recognise Palestine": recognitions, not relations
            if let Some(r) = recognise_after(&s[m.end()..]) {
                // the state recognised stands right after the verb ("recognise Palestine"), not
                // a pronoun ("recognise it") with a state named further on
                let object = named.after(ss + m.end() + r).filter(|_| {
                    let gap = &s[m.end() + r..];
                    let first = named
                        .0
                        .iter()
                        .find(|x| x.0 >= ss + m.end() + r)
                        .map_or(gap.len(), |x| x.0 - (ss + m.end() + r));
                    // nothing between but "the (State of)": not "it: Canada, …"
                    let between = gap[..floor(gap, first)].trim().to_lowercase();
                    matches!(between.as_str(), "" | "the" | "the state of" | "a")
                });
                // "… now recognise it": the state the sentence is about
                let pronoun = {
                    let gap = s[m.end() + r..].trim_start().to_lowercase();
                    gap.strip_prefix("it")
                        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
                };
                // … a state whose recognition is in question (limited recognition, an observer)
                let contested = |c: &Code| {
                    graph
                        .states()
                        .get(*c)
                        .is_some_and(|s| matches!(s.kind, StateKind::Limited | StateKind::Observer))
                };
                let object = object.or_else(|| {
                    pronoun
                        .then(|| {
                            named
                                .0
                                .iter()
                                .rev()
                                .filter(|x| x.1 <= ss + m.start())
                                .map(|x| x.2)
                                .chain(before_here.iter().rev().copied())
                                .find(contested)
                        })
                        .flatten()
                });
                // a count of recognisers with no state whose recognition is in question to
                // count them for is not a count of relations either
                let object = object.filter(contested);
                if object.is_none() {
                    continue;
                }
                if let Some(target) = object {
                    counted = true;
                    let end = named
                        .0
                        .iter()
                        .find(|x| x.2 == target && x.0 >= ss + m.end())
                        .map_or(ss + m.end(), |x| x.1);
                    out.push(recognisers_claim(
                        graph,
                        as_of,
                        target,
                        n,
                        Cmp::Exactly,
                        true,
                        At::span(text, ss + m.start(), end),
                    ));
                    continue;
                }
            }
            if one_of {
                continue;
            }
            let Some((subject, guess)) = subject_at(ss + m.start()) else {
                continue;
            };
            counted = true;
            count_subject = count_subject.or(Some(subject));
            topic = Some(subject);
            out.push(count_claim(
                graph,
                as_of,
                subject,
                Universe::Un,
                n,
                Some(of),
                Cmp::Exactly,
                at(m),
            ));
            if let Some(g) = guess {
                soften(out.last_mut(), graph, subject, g);
            }
            if p.except.is_match(&s[m.end()..]) {
                for (a, b, code) in named
                    .within(ss + m.end(), se)
                    .into_iter()
                    .filter(|x| x.2 != subject)
                {
                    out.push(exception_claim(
                        graph,
                        as_of,
                        subject,
                        code,
                        At::span(text, a, b),
                    ));
                }
            }
        }
        for caps in p.with_n.captures_iter(s) {
            let m = caps.get(0).expect("match");
            let Some(n) = number(&caps[2]) else { continue };
            let Some((subject, guess)) = subject_at(ss + m.start()) else {
                continue;
            };
            counted = true;
            count_subject = count_subject.or(Some(subject));
            let words = m.as_str().to_lowercase();
            let among = if words.contains("un member") || words.contains("united nations") {
                Universe::Un
            } else {
                Universe::All
            };
            let c = cmp(caps.get(1).map(|c| c.as_str()));
            topic = Some(subject);
            if let Some((g, after)) = group_qualifier(s, m.start(), m.end()) {
                out.push(if after {
                    group_count(graph, as_of, subject, (n, c), at(m), &g)
                } else {
                    group_claim(at(m), &g)
                });
                continue;
            }
            let (n, span) = match holy_see_addon(&s[m.end()..]) {
                Some(k) => (n + 1, At::span(text, ss + m.start(), ss + m.end() + k)),
                None => (n, at(m)),
            };
            out.push(count_claim(graph, as_of, subject, among, n, None, c, span));
            if let Some(g) = guess {
                soften(out.last_mut(), graph, subject, g);
            }
            // "… with 191 UN member states, every one except North Korea"
            if among == Universe::Un {
                let rest = &s[m.end()..];
                let clause_end = p
                    .clause
                    .find(&rest[1.min(rest.len())..])
                    .map_or(rest.len(), |c| c.start() + 1);
                if let Some(x) = p.except.find(&rest[..floor(rest, clause_end.max(60))]) {
                    for (a, b, code) in named
                        .within(ss + m.end() + x.end(), se)
                        .into_iter()
                        .filter(|y| y.2 != subject)
                        .take(1)
                    {
                        out.push(exception_claim(
                            graph,
                            as_of,
                            subject,
                            code,
                            At::span(text, a, b),
                        ));
                    }
                }
            }
        }
        // "… and also with three states outside the UN: the Holy See, Niue and the Cook Islands"
        for caps in p.outside_un.captures_iter(s) {
            let m = caps.get(0).expect("match");
            let Some(n) = first_number(&caps) else {
                continue;
            };
            let Some(subject) = count_subject.or_else(|| subject_before(ss + m.start())) else {
                continue;
            };
            counted = true;
            out.push(outside_un_claim(graph, as_of, subject, n, at(m)));
        }
        // "Seoul's tally of diplomatic partners now stands at 191"
        for caps in p.tally.captures_iter(s) {
            let m = caps.get(0).expect("match");
            let Some(n) = first_number(&caps) else {
                continue;
            };
            let Some((subject, guess)) = subject_at(ss + m.start()) else {
                continue;
            };
            counted = true;
            out.push(count_claim(
                graph,
                as_of,
                subject,
                Universe::All,
                n,
                None,
                Cmp::Exactly,
                at(m),
            ));
            if let Some(g) = guess {
                soften(out.last_mut(), graph, subject, g);
            }
        }
        // recognisers of a state: named after the count ("12 countries recognise Taiwan"),
        // before it ("recognised by 104 states"), or as the owner of the allies
        let recognisers = [
            (&p.recognisers, false, 0),
            (&p.recognised_by, true, 0),
            (&p.allies, true, 3),
            (&p.allies_n, true, 12),
            (&p.number_of, false, 0),
        ];
        for (re, target_before, slack) in recognisers {
            for caps in re.captures_iter(s) {
                let m = caps.get(0).expect("match");
                // an aside between the count and its verb ("19 countries, mostly small, keep
                // ties with Taipei") that adds the Holy See ("17 countries, plus the Vatican,
                // …") is an add-on, read below, not an aside
                let lower = m.as_str().to_lowercase();
                if lower.contains(',') && (lower.contains("vatican") || lower.contains("holy see"))
                {
                    continue;
                }
                let Some(n) = first_number(&caps) else {
                    continue;
                };
                // "145 of the 193 UN members recognise …" was read as one claim above
                if out
                    .iter()
                    .any(|c| c.start <= ss + m.start() && ss + m.start() < c.end)
                {
                    continue;
                }
                // "leaving Taiwan with 15" says what is counted only in the words around it
                let said_partners = {
                    let w = m.as_str().to_lowercase();
                    w.contains("allies") || w.contains("partners")
                };
                if m.as_str().to_lowercase().starts_with("leav")
                    && !said_partners
                    && !groups::about_partners(s)
                {
                    continue;
                }
                counted = true;
                let group = group_qualifier(s, m.start(), m.end());
                // "17 countries in Taiwan's camp": the state inside the words is the one counted
                let inside = named.within(ss + m.start(), ss + m.end());
                // "bringing its allies to 15": the owner is one of the states named before
                let owner = (target_before && inside.iter().all(|x| x.1 <= ss + m.start()))
                    .then(|| pronoun_owner(graph, s, &named.within(ss, ss + m.start()), m.start()))
                    .flatten();
                // a sentence that names no state before the count takes its subject as a
                // count's would ("That leaves the island with 15 allies": Taiwan, named before)
                let mut unnamed: Option<Guess> = None;
                let target = if let Some((t, _)) = owner {
                    Some(t)
                } else if let Some(x) = inside.last() {
                    Some(x.2)
                } else if target_before {
                    named
                        .before((ss + m.start() + slack).min(ss + m.end()))
                        .or_else(|| {
                            // the stand-in may be inside the match ("leaves the island with")
                            let (t, g) = subject_at(ss + m.end())?;
                            unnamed = Some(g.unwrap_or(Guess::StandIn));
                            Some(t)
                        })
                } else {
                    named.after(ss + m.end()).or_else(|| {
                        // "… 17 countries that formally recognise it", "… with ties to the
                        // island": Taiwan, where the article has named it and the sentence
                        // calls it "the island"
                        let after = s[m.end()..].trim_start().to_lowercase();
                        let island = after.starts_with("the island")
                            || after.starts_with("the self-ruled island")
                            || (after.starts_with("it")
                                && !after[2..].starts_with(char::is_alphanumeric)
                                && stand_in(&s[..m.start()]) == Some(StandIn::Island));
                        let taiwan = taiwan_before.or_else(|| {
                            named.0.iter().find(|x| x.2.as_str() == "TWN").map(|x| x.2)
                        });
                        let t = taiwan.filter(|_| island)?;
                        let others = named
                            .0
                            .iter()
                            .map(|x| x.2)
                            .chain(before_here.iter().copied())
                            .any(|c| !matches!(c.as_str(), "TWN" | "CHN"));
                        if others {
                            unnamed = Some(Guess::StandIn);
                        }
                        Some(t)
                    })
                };
                let c = cmp(caps
                    .get(1)
                    .filter(|g| number(g.as_str()).is_none())
                    .map(|g| g.as_str()));
                let (n, span) = match holy_see_addon(&s[m.end()..]) {
                    Some(k) => (n + 1, At::span(text, ss + m.start(), ss + m.end() + k)),
                    None => (n, at(m)),
                };
                let un_only = {
                    let w = m.as_str().to_lowercase();
                    w.contains("un member") || w.contains("united nations")
                };
                if let Some((g, after)) = group {
                    out.push(match target {
                        Some(t) if after && !un_only => {
                            group_count(graph, as_of, t, (n, c), at(m), &g)
                        }
                        _ => group_claim(at(m), &g),
                    });
                    topic = target.or(topic);
                    continue;
                }
                topic = target.or(topic);
                if let Some(t) = target {
                    out.push(recognisers_claim(graph, as_of, t, n, c, un_only, span));
                    if owner.is_some_and(|(_, sure)| !sure) {
                        soften(out.last_mut(), graph, t, Guess::Pronoun);
                    }
                    if let Some(g) = unnamed {
                        soften(out.last_mut(), graph, t, g);
                    }
                }
            }
        }
        // "Taipei's only diplomatic ally in Africa", "its sole partner in South America": one
        // partner in the group, the owner's
        let only_ally = only_ally();
        for caps in only_ally.captures_iter(s) {
            let m = caps.get(0).expect("match");
            if out
                .iter()
                .any(|c| c.start < ss + m.end() && ss + m.start() < c.end)
            {
                continue;
            }
            let possessive = !m.as_str().to_lowercase().starts_with("its")
                && !m.as_str().to_lowercase().starts_with("their");
            let owner_at = named.0.iter().rev().find(|x| x.1 == ss + m.start());
            let owner = if possessive {
                owner_at.map(|x| (x.2, None))
            } else {
                subject_at(ss + m.start()).map(|(c, g)| (c, Some(g.unwrap_or(Guess::Pronoun))))
            };
            // "the island's only remaining foothold": the island stands for Taiwan
            let owner = owner.or_else(|| {
                (possessive && s[..m.start()].to_lowercase().ends_with("the island"))
                    .then(|| subject_at(ss + m.start()))
                    .flatten()
            });
            let Some((subject, guess)) = owner else {
                continue;
            };
            counted = true;
            // the claim's words from the owner's name: "Taipei's only ally in Africa"
            let span = At::span(text, owner_at.map_or(ss + m.start(), |x| x.0), ss + m.end());
            out.push(group_count(
                graph,
                as_of,
                subject,
                (1, Cmp::Exactly),
                span,
                &caps[1],
            ));
            if let Some(g) = guess {
                soften(out.last_mut(), graph, subject, g);
            }
        }
        // events in a period: "the ninth ally Taipei has lost since May 2016"
        let periods = crate::periods::find(text, (ss, se), graph, as_of, lex, carried);
        counted |= !periods.is_empty();
        // "the 193rd country to set up relations with South Korea", "Seoul's 194th partner"
        for caps in p.ordinal.captures_iter(s) {
            let m = caps.get(0).expect("match");
            let Some(n) = number(&caps[1]) else { continue };
            if event_ordinal(&s[m.end()..]) {
                // an ordinal of events, not of partners: `periods` decides it
                counted = true;
                if !periods
                    .iter()
                    .any(|c| c.start <= ss + m.start() && ss + m.end() <= c.end)
                {
                    out.push(at(m).claim(
                        ClaimKind::Count,
                        Verdict::NotEnoughInfo,
                        format!("\"{}\" counts events (withdrawals, switches, breaks), not partners, and the sentence does not say from when", m.as_str()),
                        vec![],
                    ));
                }
                continue;
            }
            if let Some((g, _)) = group_qualifier(s, m.start(), m.end()) {
                counted = true;
                out.push(group_claim(at(m), &g));
                continue;
            }
            let possessive = named
                .0
                .iter()
                .rev()
                .find(|x| x.1 <= ss + m.start() && ss + m.start() - x.1 <= 3)
                .map(|x| x.2)
                .or_else(|| {
                    // "making Cuba its 193rd partner": "its" is the sentence's subject, the
                    // first state it names
                    let before = s[..m.start()].trim_end().to_lowercase();
                    (before.ends_with(" its") || before.ends_with(" their"))
                        .then(|| named.0.first().map(|x| x.2))
                        .flatten()
                });
            let after = named
                .0
                .iter()
                .find(|x| x.0 >= ss + m.end() && x.0 <= ss + m.end() + 60)
                .map(|x| x.2);
            if let Some(hub) = possessive.or(after) {
                counted = true;
                topic = Some(hub);
                out.push(count_claim(
                    graph,
                    as_of,
                    hub,
                    Universe::All,
                    n,
                    None,
                    Cmp::Exactly,
                    at(m),
                ));
            }
        }
        // "Twenty-seven countries have recognised Kosovo so far" is one count, read above as
        // the recognisers', not also a count of events with no start; and words that may count
        // events ("while he has been in office only five countries have recognised Kosovo")
        // never refute the count of recognisers
        let mut kept = Vec::new();
        for c in periods {
            let count = out[first_here..]
                .iter_mut()
                .find(|o| o.kind == ClaimKind::Count && o.start < c.end && c.start < o.end);
            match count {
                Some(o) if c.verdict == Verdict::NotEnoughInfo => {
                    let all = {
                        let l = s.to_lowercase();
                        ["so far", "to date", "in total", "in all", "altogether"]
                            .iter()
                            .any(|w| l.contains(w))
                    };
                    if o.verdict == Verdict::Refuted && !all {
                        o.verdict = Verdict::NotEnoughInfo;
                        o.explanation = format!(
                            "the words may count the recognitions of a period rather than all of them; as all of them, the claim would be refuted: {}",
                            o.explanation
                        );
                    }
                }
                _ => kept.push(c),
            }
        }
        out.extend(kept);
        // "X is the only UN member without ties to Y"
        let mut only_spans: Vec<(usize, usize)> = Vec::new();
        for m in p.only.find_iter(s) {
            only_spans.push((m.start(), m.end()));
            if let (Some(y), Some(x)) = (named.after(ss + m.end()), named.before(ss + m.start())) {
                let past = past_tense(&s[m.start()..m.end()]);
                out.push(only_claim(graph, as_of, (y, x, &[]), past, at(m)));
            }
        }
        // "X, the only UN member with which Y had no ties", "X was the last UN member apart
        // from North Korea with which it had no ties"
        for caps in p.only_which.captures_iter(s) {
            let m = caps.get(0).expect("match");
            let rest = &s[m.end()..];
            let Some(neg) = p.none.find(&rest[..floor(rest, 80)]) else {
                continue;
            };
            only_spans.push((m.start(), m.end() + neg.end()));
            let Some(o) = named.before(ss + m.start()) else {
                continue;
            };
            let except: Vec<Code> = caps
                .get(1)
                .map(|g| named.within(ss + g.start(), ss + g.end()))
                .unwrap_or_default()
                .into_iter()
                .map(|x| x.2)
                .collect();
            // whose ties: the state right after "with which", else, for "it", the sentence's
            // subject (or the one it carries on from) that is neither X nor set apart
            let pronoun = {
                let w = rest.trim_start().to_lowercase();
                [
                    "it ",
                    "they ",
                    "the country ",
                    "the kingdom ",
                    "the republic ",
                ]
                .iter()
                .any(|p| w.starts_with(p))
            };
            let hub = if pronoun {
                named
                    .0
                    .iter()
                    .map(|x| x.2)
                    .chain(carried)
                    .chain(before_here.iter().copied())
                    .find(|c| *c != o && !except.contains(c))
            } else {
                named.right_after(ss + m.end())
            };
            if let Some(h) = hub.filter(|h| *h != o) {
                let end = (ss + m.end()..=(ss + m.end() + 80).min(se))
                    .rev()
                    .find(|&k| text.is_char_boundary(k))
                    .unwrap_or(se);
                let end = (ss + m.end() + neg.end()).min(end);
                let past = past_tense(&text[ss + m.start()..end]);
                out.push(only_claim(
                    graph,
                    as_of,
                    (h, o, &except),
                    past,
                    At::span(text, ss + m.start(), end),
                ));
                counted = true;
            }
        }
        // "North Korea had kept up ties with Havana", "maintain relations with Kosovo and the
        // Holy See"
        if !counted {
            for m in p.has.find_iter(s) {
                // "has no", "not", "never", "no longer has"
                let negated = s[..m.start()].split_whitespace().rev().take(2).any(|w| {
                    matches!(w.to_lowercase().as_str(), "no" | "not" | "never" | "longer")
                });
                if negated || not_asserted(&s[..m.start()], m.as_str()) {
                    continue;
                }
                let (ms, me) = (ss + m.start(), ss + m.end());
                let ce = p.clause.find(&s[m.end()..]).map_or(se, |c| me + c.start());
                // "…, while it did maintain relations with Kosovo": "it" is the sentence's
                // subject, not the state named last
                let pronoun = s[..m.start()]
                    .split_whitespace()
                    .rev()
                    .take(3)
                    .any(|w| matches!(w.to_lowercase().as_str(), "it" | "they"));
                let subject = if pronoun {
                    named.0.first().map(|x| x.2)
                } else {
                    named.before(ms)
                };
                // "relations with every state on the Arabian Peninsula except Saudi Arabia": a
                // state after an exception word is the one without them, not a partner
                let excepted = p
                    .except
                    .find(&s[m.end()..floor(s, ce - ss)])
                    .map_or(ce, |x| me + x.start());
                let objects: Vec<_> = named
                    .within(me, ce)
                    .into_iter()
                    .filter(|x| Some(x.2) != subject && x.0 < excepted)
                    .collect();
                if let (Some(h), Some(last)) = (subject, objects.last()) {
                    // "had relations with Taiwan from 1984 to 1997": a past state, of its own time
                    let verb = m.as_str().to_lowercase();
                    let past = (verb.starts_with("had ")
                        || verb.starts_with("maintained")
                        || verb.starts_with("enjoyed")
                        || verb.starts_with("kept up"))
                        && !s[..m.start()]
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "has" | "have"));
                    let claim = if past {
                        had_relations_claim(
                            graph,
                            as_of,
                            h,
                            &objects,
                            past_span(&s[m.end()..floor(s, ce - ss)]),
                            At::span(text, ms, last.1),
                        )
                    } else {
                        has_relations_claim(graph, as_of, h, &objects, At::span(text, ms, last.1))
                    };
                    out.push(claim);
                }
            }
        }
        // "X and Y have no diplomatic relations"; "four countries lack relations with the
        // United States: Syria, North Korea, Iran and Bhutan"; "no relations with A, B and C"
        let none = p.none.find(s).filter(|m| {
            !only_spans
                .iter()
                .any(|(a, b)| m.start() < *b && *a < m.end())
        });
        // group-limited counts and lists, which a "no relations" or "only" reading of the same
        // words must not answer for the whole partner set
        let limited = groups::find(text, graph, as_of, &named, (ss, se), topic);
        let none = none.filter(|m| {
            !limited
                .iter()
                .any(|c| ss + m.start() < c.end && c.start < ss + m.end())
        });
        out.extend(limited);
        // "ending 85 years of relations", "a 54-year bond"
        out.extend(durations::find(text, graph, as_of, &named, (ss, se), s));
        // "only Nicaragua, Venezuela and Nauru recognise Abkhazia"
        out.extend(only::find(
            text,
            graph,
            as_of,
            &named,
            (ss, se),
            &before_here,
        ));
        if let Some(m) = none {
            out.extend(no_relations_claims(
                text,
                graph,
                as_of,
                (&named, antecedent, &before_here),
                s,
                (ss, se),
                m,
            ));
        }
        for c in &mut out[first_here..] {
            hedge(c, text, ss);
        }
    }
    dedupe(out)
}

/// A claim worded as a plan, a wish or a condition ("would have relations with 150 countries",
/// "If Nauru switches, Taiwan would keep 12 allies") states nothing about the day checked: it
/// is neither supported nor refuted, and the explanation says what the graph has.
fn hedge(c: &mut Claim, text: &str, ss: usize) {
    static R: OnceLock<Regex> = OnceLock::new();
    let conditional = R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:if|should|were|unless|once|whether|in\s+case)\b")
            .expect("conditional pattern")
    });
    if c.start < ss || c.verdict == Verdict::NotEnoughInfo {
        return;
    }
    let before = &text[ss..c.start];
    // the clause the claim stands in, up to its first words
    let clause = before
        .rfind([',', ';', ':'])
        .map_or(before, |k| &before[k + 1..]);
    let modal = not_asserted(before, &c.text);
    let condition = conditional.is_match(&text[ss..c.start.max(ss)]) && {
        // "If …, X would …": the main clause's verb is a modal
        let words = clause.to_lowercase();
        words.contains("would") || words.contains("could") || words.contains("might")
    };
    if modal || condition {
        let was = c.verdict.as_str();
        c.verdict = Verdict::NotEnoughInfo;
        c.explanation = format!(
            "The claim is worded as a plan, a possibility or a condition, not as a fact of the day; as a statement of fact it would be {was}: {}",
            c.explanation
        );
    }
}

/// The claims of a "no relations" phrase in the sentence `s` at `ss..se`: one pair, a list of
/// states each without relations, or, with "only N", exactly the states without relations.
#[allow(clippy::too_many_arguments)]
fn no_relations_claims(
    text: &str,
    graph: &Graph,
    as_of: Day,
    (named, antecedent, previous): (&Named, Option<Code>, &[Code]),
    s: &str,
    (ss, se): (usize, usize),
    m: regex::Match,
) -> Option<Claim> {
    let p = patterns();
    let (ms, me) = (ss + m.start(), ss + m.end());
    // only the clause of the claim: not "..., whereas North Korea had kept up ties"
    let cs = p
        .clause
        .find_iter(&s[..m.start()])
        .last()
        .map_or(ss, |c| ss + c.end());
    let ce = p.clause.find(&s[m.end()..]).map_or(se, |c| me + c.start());
    // "With Oman's move, only Saudi Arabia … has no ties", "After Oman, only …": an opening
    // phrase, or the words before "only", name no state of the claim
    let cs = intro_end(&text[cs..ms]).map_or(cs, |k| cs + k);
    let mut clause = named.within(cs, ce);
    // "Somaliland, a territory that broke away from Somalia, has no ties with Beijing": the
    // states inside an apposition are not in the claim
    let asides = asides(&s[..m.start()]);
    clause.retain(|x| !asides.iter().any(|&(a, b)| ss + a <= x.0 && x.1 <= ss + b));
    // "Bhutan, which has no diplomatic ties with the United States": the relative pronoun
    // stands for the state named right before it
    let relative = p.clause.find_iter(&s[..m.start()]).last().is_some_and(|c| {
        let w = c.as_str().to_lowercase();
        w.ends_with("which") || w.ends_with("who")
    });
    if relative && !clause.iter().any(|x| x.1 <= ms) {
        if let Some(x) = named.0.iter().rev().find(|x| x.1 <= cs && cs - x.1 <= 8) {
            clause.insert(0, *x);
        }
    }
    let after: Vec<_> = clause.iter().filter(|x| x.0 >= me).collect();
    let before: Vec<_> = clause.iter().filter(|x| x.1 <= ms).collect();
    // "Though Santiago and La Paz share a border, the two neighbours have had no relations since
    // 1978": the pair named before the clause, or in the sentence before
    if before.is_empty() && after.is_empty() {
        if let Some(t) = the_two(&text[cs..ms]) {
            let mut pair: Vec<Code> = Vec::new();
            for c in named
                .0
                .iter()
                .filter(|x| x.1 <= cs)
                .map(|x| x.2)
                .chain(previous.iter().copied())
            {
                if !pair.contains(&c) {
                    pair.push(c);
                }
            }
            if let [a, b] = pair.as_slice() {
                return Some(no_relations_claim(
                    graph,
                    as_of,
                    *a,
                    *b,
                    At::span(text, cs + t, me),
                ));
            }
            return None;
        }
    }
    let set = p.only_n.captures(s);
    // the hub: the state right after "with"/"to", else the subject before
    // "... no relations with the United States: Syria, Iran ..." (nothing before) or "Syria and
    // Iran have no relations with the United States" (one state after): the state after "with"
    // is the hub; "the United States has no relations with Iran, North Korea and Bhutan" lists
    // the others after it, and the subject is the hub
    let hub_after = after
        .first()
        .filter(|x| {
            let gap = text[me..x.0].trim().to_lowercase();
            matches!(gap.as_str(), "with" | "to" | "with the" | "to the")
        })
        .filter(|_| after.len() == 1 || before.is_empty());
    // "... leaving Syria, Kosovo and Cuba as the only three UN member states Seoul has yet to
    // forge links with": the list before, and its hub the subject right before the verb
    // "Vietnam, China and Saudi Arabia … have no full relations with it": the pronoun is the
    // hub, a state the sentence named before the claim's clause or the previous sentence's
    // subject; the states listed are never its pairs among themselves
    let pronoun = {
        let w = s[m.end()..].trim_start().to_lowercase();
        [
            "with it",
            "with them",
            "to it",
            "with the country",
            "with the island",
        ]
        .iter()
        .any(|p| {
            w.strip_prefix(p)
                .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
        })
    };
    if pronoun {
        let hub = named
            .0
            .iter()
            .find(|x| x.1 <= cs)
            .map(|x| x.2)
            .or(antecedent)?;
        clause.retain(|x| x.2 != hub);
        let Some(&[first, .., last]) = Some(clause.as_slice()).filter(|c| c.len() >= 2) else {
            return clause.first().map(|o| {
                no_relations_claim(graph, as_of, hub, o.2, At::span(text, o.0.min(ms), me))
            });
        };
        return Some(set_claim(
            graph,
            as_of,
            hub,
            &clause,
            None,
            false,
            At::span(text, first.0.min(ms), me.max(last.1)),
            s,
        ));
    }
    let hub = hub_after
        .or(before.last().filter(|_| {
            set.is_none() || after.len() >= 2 || (after.is_empty() && before.len() >= 2)
        }))
        .map(|x| x.2)?;
    let others: Vec<_> = clause.iter().filter(|x| x.2 != hub).copied().collect();
    match others.as_slice() {
        [first, .., last] => {
            let claimed = set.as_ref().and_then(first_number);
            let span = At::span(text, ms.min(first.0), me.max(last.1));
            Some(set_claim(
                graph,
                as_of,
                hub,
                &others,
                claimed,
                set.is_some(),
                span,
                s,
            ))
        }
        [o] => Some(no_relations_claim(
            graph,
            as_of,
            hub,
            o.2,
            At::span(text, ms.min(o.0), me.max(o.1)),
        )),
        [] => None,
    }
}

/// Where "the two (neighbours, countries, …)" opens the subject right before a verb at the end
/// of `s`, in bytes.
fn the_two(s: &str) -> Option<usize> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)\bthe\s+two(?:\s+(?:neighbou?rs|countries|nations|states|sides|governments|capitals|rivals))?\s+(?:\w+\s+){0,2}$")
            .expect("the two pattern")
    });
    r.find(s).map(|m| m.start())
}

/// The appositions and relative clauses closed before the end of `s` ("Somaliland, a territory
/// that broke away from Somalia, has…", "Bhutan — which … —"): byte ranges of their words. A
/// list ("Iran, North Korea and Bhutan") opens each item with a name, never with these words.
fn asides(s: &str) -> Vec<(usize, usize)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?:,|\s[—–]|\s-)\s*(?:a|an|which|who|whose|where|once|formerly|long|itself|the\s+[a-z])\b[^,—–]*?(?:,|[—–]\s|\s-\s)")
            .expect("aside pattern")
    });
    r.find_iter(s).map(|m| (m.start(), m.end())).collect()
}

/// One claim per (kind, words, verdict), at its first place.
fn dedupe(mut claims: Vec<Claim>) -> Vec<Claim> {
    let mut seen = std::collections::HashSet::new();
    claims.retain(|c| seen.insert((c.kind, c.text.to_lowercase(), c.verdict)));
    claims
}

#[allow(clippy::too_many_arguments)]
fn count_claim(
    graph: &Graph,
    as_of: Day,
    subject: Code,
    among: Universe,
    n: usize,
    of: Option<usize>,
    c: Cmp,
    at: At<'_>,
) -> Claim {
    match graph.relations(subject, as_of, among) {
        Ok(rel) => count_verdict(graph, as_of, rel, (n, of, c), at),
        Err(e) => at.claim(
            ClaimKind::Count,
            Verdict::NotEnoughInfo,
            e.to_string(),
            vec![],
        ),
    }
}

/// A count claim — the number `n`, of `of` when given ("191 of 193"), compared by `c` —
/// decided on the state's partners, counted by the claim's convention.
fn count_verdict(
    graph: &Graph,
    as_of: Day,
    mut rel: Relations,
    (n, of, c): (usize, Option<usize>, Cmp),
    at: At<'_>,
) -> Claim {
    let (subject, among) = (rel.state, rel.among);
    if among == Universe::All {
        // "countries", as foreign ministries count them: UN members, observers and states in
        // free association; not states with limited recognition (unless the state is one)
        let counted = |c: &Code| {
            graph
                .states()
                .get(*c)
                .is_some_and(|s| !matches!(s.kind, StateKind::Limited | StateKind::Former))
        };
        let subject_limited = graph
            .states()
            .get(subject)
            .is_some_and(|s| s.kind == StateKind::Limited);
        if !subject_limited {
            rel.partners.retain(counted);
            rel.without.retain(counted);
            rel.unknown.retain(counted);
            rel.count = rel.partners.len();
            rel.of = rel.partners.len() + rel.without.len() + rel.unknown.len();
        }
    }
    let who = name(graph, subject);
    let universe = if among == Universe::Un {
        "other UN members"
    } else {
        "other UN members, observers and states in free association"
    };
    // a long list is cut: the evidence and `relations` give every state
    const LISTED: usize = 15;
    let names = |codes: &[Code]| {
        let mut s = codes
            .iter()
            .take(LISTED)
            .map(|c| name(graph, *c))
            .collect::<Vec<_>>()
            .join(", ");
        if codes.len() > LISTED {
            s.push_str(&format!(" and {} more", codes.len() - LISTED));
        }
        s
    };
    let (count, unknown) = (rel.count, rel.unknown.len());
    let mut convention = String::new();
    if let Some(m) = of {
        let members = rel.of + 1;
        if m == members {
            convention = format!(" \"{m}\" counts {who} itself among the {m} UN members, so the most it can have is {}.", rel.of);
        } else if m != rel.of {
            convention = format!(" The UN had {members} members on {as_of}, not {m}.");
        }
    }
    let missing = if rel.without.is_empty() {
        String::new()
    } else {
        format!(" Without relations: {}.", names(&rel.without))
    };
    let unknown_note = if unknown == 0 {
        String::new()
    } else {
        format!(" Unknown to the graph: {}.", names(&rel.unknown))
    };
    let fact = format!(
        "On {as_of}, {who} has relations with {count} of the {} {universe}.{missing}{unknown_note}",
        rel.of
    );
    let evidence: Vec<Evidence> = rel
        .details
        .iter()
        .filter(|d| rel.without.contains(&d.state))
        .flat_map(|d| evidence_of(graph, &d.status))
        .collect();
    let slack = slack(&rel, n);
    let mut verdict = compare(count, unknown, n, c, slack);
    let holy_see = holy_see_apart(&rel.partners, count, n, c);
    if holy_see && verdict == Verdict::Refuted {
        verdict = if unknown == 0 && counts_countries(at.words) {
            Verdict::Supported
        } else {
            Verdict::NotEnoughInfo
        };
    }
    let explanation = match verdict {
        Verdict::Supported if holy_see => format!("{fact} {HOLY_SEE_COUNTED_APART}"),
        Verdict::NotEnoughInfo if holy_see => format!("{fact} {HOLY_SEE_APART}"),
        Verdict::NotEnoughInfo => format!("{fact} The graph cannot tell whether the claimed {n} holds: {unknown} pair(s) are unknown."),
        _ => format!("{fact}{convention}"),
    };
    let mut claim = at.claim(ClaimKind::Count, verdict, explanation, evidence);
    if of.is_none() {
        with_stated(graph, &rel, as_of, among, false, (n, c), &mut claim);
    }
    claim
}

/// Weighs a count a source stated shortly before `as_of` (see [`stated`]) into a count claim:
/// it supports a claim the graph cannot decide, turns a refutation it contradicts into
/// `not_enough_info` with both counts shown, and is named beside a verdict it agrees with.
fn with_stated(
    graph: &Graph,
    rel: &Relations,
    as_of: Day,
    among: Universe,
    recognition: bool,
    (n, c): (usize, Cmp),
    claim: &mut Claim,
) {
    let Some(s) = stated::recent(graph, rel, as_of, among, recognition) else {
        return;
    };
    let said = s.count.unwrap_or(0) as usize;
    let by_source = compare(said, 0, n, c, 0);
    let who = if s.source.publisher.is_empty() {
        "a source".to_string()
    } else {
        s.source.publisher.to_string()
    };
    let what = if recognition {
        "recognisers"
    } else {
        "partners"
    };
    let among = if s.universe == Universe::Un {
        " among UN members"
    } else {
        ""
    };
    let note = format!(
        "{who} stated {said} {what}{among} on {} (\"{}\").",
        s.as_of, s.source.quote
    );
    match (claim.verdict, by_source) {
        (Verdict::Supported, Verdict::Supported) => {
            claim.explanation = format!("{} {note}", claim.explanation);
        }
        (Verdict::NotEnoughInfo, Verdict::Supported) => {
            claim.verdict = Verdict::Supported;
            claim.explanation = format!(
                "{note} The graph knows no change since. ({})",
                claim.explanation
            );
        }
        (Verdict::Refuted, Verdict::Supported) => {
            claim.verdict = Verdict::NotEnoughInfo;
            claim.explanation = format!("The sources disagree: {} But {note}", claim.explanation);
        }
        _ => {
            claim.explanation = format!("{} Besides, {note}", claim.explanation);
        }
    }
    claim.evidence.insert(0, stated::evidence(graph, s));
}

/// Whether a claimed number `n` holds of a count the graph knows (`count`), given how many
/// pairs it does not know (`unknown`), which could each add one.
///
/// `slack` is how far the graph's own count may be off (see [`slack`]): a refutation needs the
/// claim to miss by more than that.
fn compare(count: usize, unknown: usize, n: usize, c: Cmp, slack: usize) -> Verdict {
    let tolerance = (n / 20).max(2);
    match c {
        Cmp::Exactly if count == n && unknown == 0 => Verdict::Supported,
        Cmp::Exactly if n + slack < count || n > count + unknown + slack => Verdict::Refuted,
        Cmp::MoreThan if count > n + slack => Verdict::Supported,
        Cmp::MoreThan if count + unknown + slack <= n => Verdict::Refuted,
        Cmp::FewerThan if count + unknown + slack < n => Verdict::Supported,
        Cmp::FewerThan if count >= n + slack => Verdict::Refuted,
        Cmp::About if count.abs_diff(n) <= tolerance && unknown == 0 => Verdict::Supported,
        Cmp::About if count.abs_diff(n) > tolerance + unknown + slack => Verdict::Refuted,
        _ => Verdict::NotEnoughInfo,
    }
}

/// How far a partner count the graph assembles may be off. A count a source states for the
/// whole set (a list, "all UN members except…") is exact; one assembled pair by pair from
/// tables that record only the first establishment may miss breaks and counting conventions
/// (observers, states in free association), so it refutes only a claim that misses by more
/// than 3 % (at least two).
fn slack(rel: &Relations, n: usize) -> usize {
    let from_lists = rel
        .details
        .iter()
        .filter(|d| rel.partners.contains(&d.state))
        .filter(|d| {
            d.status
                .basis
                .as_ref()
                .is_some_and(|b| b.sources.iter().any(|s| s.set_statement.is_some()))
        })
        .count();
    if rel.partners.is_empty() || from_lists * 10 >= rel.partners.len() * 9 {
        0
    } else {
        (n * 3 / 100).max(2)
    }
}

const HOLY_SEE_APART: &str = "The claim is one short of the graph's count, and the Holy See is among the partners: many count it apart from \"countries\" (\"11 countries and the Vatican\"), so the claim may hold by that convention.";

const HOLY_SEE_COUNTED_APART: &str = "The claim is one short of that count because it counts \"countries\" without the Holy See, one of the partners, as many sources do (\"11 countries and the Vatican\"); by that convention it holds.";

/// Whether a count's words count "countries" (or states, nations), which many take to leave
/// the Holy See out, rather than "allies" or "partners", which count it in.
fn counts_countries(words: &str) -> bool {
    let w = words.to_lowercase();
    (w.contains("countr") || w.contains("states") || w.contains("nations"))
        && !w.contains("allies")
        && !w.contains("partner")
        && !w.contains("vatican")
        && !w.contains("holy see")
}

/// Whether a claimed exact count is one short of the graph's only because the Holy See, a
/// partner, may be counted apart from "countries".
fn holy_see_apart(partners: &[Code], count: usize, n: usize, c: Cmp) -> bool {
    c == Cmp::Exactly && n + 1 == count && partners.iter().any(|p| p.as_str() == "VAT")
}

#[allow(clippy::too_many_arguments)]
fn recognisers_claim(
    graph: &Graph,
    as_of: Day,
    target: Code,
    n: usize,
    c: Cmp,
    un_only: bool,
    at: At<'_>,
) -> Claim {
    let rel = match graph.relations(target, as_of, Universe::All) {
        Ok(r) => r,
        Err(e) => {
            return at.claim(
                ClaimKind::Count,
                Verdict::NotEnoughInfo,
                e.to_string(),
                vec![],
            )
        }
    };
    let Some(by) = &rel.recognized_by else {
        // a state whose statehood is not in question: "three states recognise it as
        // Afghanistan's government" counts recognitions of a government, or of a claim, which
        // the graph does not hold; its partners decide only a count that matches
        let mut claim = count_verdict(graph, as_of, rel, (n, None, c), at);
        if claim.verdict == Verdict::Refuted {
            claim.verdict = Verdict::NotEnoughInfo;
            claim.explanation = format!("{} is not a state whose recognition is in question: a count of the states that recognise it may be of its government or of a claim, and one of its \"allies\" or \"partners\" may count by a convention (UN members only, or with the Holy See and states in free association) the graph does not hold, so its partners do not refute it. {}", name(graph, target), claim.explanation);
        }
        return claim;
    };
    // "recognised by 13 UN member states": the UN members among them
    let is_member = |x: &Code| {
        graph
            .states()
            .get(*x)
            .is_some_and(|s| s.kind == StateKind::Member)
    };
    // "12 of the 193 UN members recognise Taiwan" when eleven UN members and the Holy See do:
    // the Holy See counted in, loosely, is the same convention the other way round
    let holy_see_loosely = un_only && c == Cmp::Exactly && by.iter().any(|x| x.as_str() == "VAT");
    let by: Vec<Code> = by
        .iter()
        .copied()
        .filter(|x| !un_only || is_member(x))
        .collect();
    let partners = rel
        .partners
        .iter()
        .filter(|x| !un_only || is_member(x))
        .count();
    // limited recognition: count recognisers, not partners (for Taiwan, recognising it and
    // having relations with it are the same); a larger number than the graph knows is only
    // refuted where its coverage is complete
    let count = by.len().max(partners);
    let mut verdict = compare(count, 0, n, c, slack(&rel, n));
    let loosely = holy_see_loosely && n == count + 1;
    let holy_see = holy_see_apart(&rel.partners, count, n, c) || loosely;
    // "11 countries recognise Taiwan" when eleven UN members and the Holy See do: the Holy
    // See counted apart from "countries"
    let apart = holy_see && !loosely && counts_countries(at.words);
    if holy_see && verdict == Verdict::Refuted {
        verdict = if apart {
            Verdict::Supported
        } else {
            Verdict::NotEnoughInfo
        };
    }
    if verdict == Verdict::Refuted && n > count && !rel.unknown.is_empty() {
        verdict = Verdict::NotEnoughInfo;
    }
    // Kosovo, Palestine, the SADR: recognition is not the same as relations, and tallies of it
    // differ by source (withdrawals and freezes are disputed, some count recognitions ever
    // given): the graph's count refutes only a claim that misses it by more than a third
    let withdrawn = rel.details.iter().any(|d| {
        d.status.status == Status::Suspended
            || graph
                .pair(target, d.state)
                .and_then(|p| p.recognizes_on(d.state, target, as_of))
                == Some(false)
    });
    let tallies_differ = withdrawn
        || by.iter().any(|x| !rel.partners.contains(x))
        || rel.partners.iter().any(|x| !by.contains(x));
    let disputed =
        tallies_differ && verdict == Verdict::Refuted && 3 * n.abs_diff(count) <= n.max(count);
    if disputed {
        verdict = Verdict::NotEnoughInfo;
    }
    let among = if un_only { " UN member" } else { "" };
    let mut explanation = format!(
        "On {as_of}, the graph knows {count}{among} states that recognise {}. Recognitions the graph lacks would raise this count, so a refutation of a larger number is as strong as the graph's coverage.",
        name(graph, target)
    );
    if disputed {
        explanation = format!("{explanation} Tallies of its recognitions differ by source (withdrawals and freezes are disputed; some count every recognition ever given): a claimed {n} within a third of the graph's count is not refuted.");
    }
    if apart && verdict == Verdict::Supported {
        explanation = format!("{explanation} {HOLY_SEE_COUNTED_APART}");
    }
    if holy_see && verdict == Verdict::NotEnoughInfo {
        let convention = if loosely {
            "The claim counts one more UN member than the graph knows, and the Holy See, not a UN member, recognises it too: counted in loosely, the claim may hold by that convention."
        } else {
            HOLY_SEE_APART
        };
        explanation = format!("{explanation} {convention}");
    }
    let evidence = rel
        .details
        .iter()
        .filter(|d| by.contains(&d.state) || rel.partners.contains(&d.state))
        .flat_map(|d| evidence_of(graph, &d.status))
        .collect();
    let mut claim = at.claim(ClaimKind::Count, verdict, explanation, evidence);
    let among = if un_only { Universe::Un } else { Universe::All };
    with_stated(graph, &rel, as_of, among, true, (n, c), &mut claim);
    claim
}

/// "N states outside the UN": the partners that are not UN members (observers, states in free
/// association, states with limited recognition). Which of them a source counts is a
/// convention, so a count that does not match is never refuted.
fn outside_un_claim(graph: &Graph, as_of: Day, subject: Code, n: usize, at: At<'_>) -> Claim {
    let rel = match graph.relations(subject, as_of, Universe::All) {
        Ok(r) => r,
        Err(e) => {
            return at.claim(
                ClaimKind::Count,
                Verdict::NotEnoughInfo,
                e.to_string(),
                vec![],
            )
        }
    };
    let outside: Vec<Code> = rel
        .partners
        .iter()
        .copied()
        .filter(|&c| !matches!(kind(graph, c), Some(StateKind::Member | StateKind::Former)))
        .collect();
    let listed = outside
        .iter()
        .map(|c| name(graph, *c))
        .collect::<Vec<_>>()
        .join(", ");
    let fact = format!(
        "On {as_of}, {} has relations with {} states outside the UN: {}.",
        name(graph, subject),
        outside.len(),
        if listed.is_empty() {
            "none".to_string()
        } else {
            listed
        }
    );
    let evidence = rel
        .details
        .iter()
        .filter(|d| outside.contains(&d.state))
        .flat_map(|d| evidence_of(graph, &d.status))
        .collect();
    let (verdict, explanation) = if outside.len() == n && rel.unknown.is_empty() {
        (Verdict::Supported, fact)
    } else if outside.len() == n {
        (
            Verdict::Supported,
            format!(
                "{fact} ({} other pair(s) unknown to the graph, none of them outside the UN.)",
                rel.unknown.len()
            ),
        )
    } else {
        (
            Verdict::NotEnoughInfo,
            format!("{fact} Sources differ on which states outside the UN they count (observers, states in free association, states with limited recognition), so {n} is not refuted."),
        )
    };
    at.claim(ClaimKind::Count, verdict, explanation, evidence)
}

fn no_relations(st: &PairStatus) -> Option<bool> {
    match st.status {
        Status::Relations => Some(false),
        Status::None | Status::Severed | Status::Suspended => Some(true),
        Status::Unknown => None,
    }
}

/// The establishment or restoration that began the relations a pair has on `as_of`.
fn relations_since(
    graph: &Graph,
    a: Code,
    b: Code,
    as_of: Day,
) -> Option<&diplograph_graph::Entry> {
    graph.pair(a, b)?.entries.iter().rev().find(|e| {
        matches!(e.event, Event::Establish | Event::Restore) && e.date.last_day() <= as_of
    })
}

fn exception_claim(graph: &Graph, as_of: Day, subject: Code, other: Code, at: At<'_>) -> Claim {
    let st = graph.status(subject, other, as_of);
    let (who, whom) = (name(graph, subject), name(graph, other));
    let mut evidence = evidence_of(graph, &st);
    let (verdict, explanation) = match no_relations(&st) {
        Some(true) => (
            Verdict::Supported,
            format!(
                "On {as_of}, {who} and {whom} have no diplomatic relations ({}).",
                st.status.as_str()
            ),
        ),
        Some(false) => {
            let since = relations_since(graph, subject, other, as_of);
            if let Some(e) = since {
                evidence.insert(0, entry_evidence(graph, e));
            }
            (
                Verdict::Refuted,
                format!(
                    "{whom} is not an exception: {who} and {whom} have had diplomatic relations{} and still had them on {as_of}.",
                    since.map_or(String::new(), |e| format!(" since {} ({})", e.date, e.event))
                ),
            )
        }
        None => (
            Verdict::NotEnoughInfo,
            format!("The graph has no fact about {who} and {whom} by {as_of}."),
        ),
    };
    at.claim(ClaimKind::Exception, verdict, explanation, evidence)
}

/// Whether words are in the past tense ("was the last", "had no ties").
fn past_tense(words: &str) -> bool {
    words.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "was" | "were" | "had" | "remained" | "lacked" | "did"
        )
    })
}

/// "X is the only (or last) UN member without relations with Y", with the states the words set
/// apart ("apart from North Korea"). Said as X and Y establish relations — within a week of the
/// article, or within `SOON_DAYS` in the past tense ("was the last … with which it had no
/// ties") — the claim is of the day before.
fn only_claim(
    graph: &Graph,
    as_of: Day,
    (hub, only, except): (Code, Code, &[Code]),
    past: bool,
    at: At<'_>,
) -> Claim {
    let (h, o) = (name(graph, hub), name(graph, only));
    let mut day = as_of;
    let mut note = String::new();
    if no_relations(&graph.status(hub, only, as_of)) == Some(false) {
        let since = relations_since(graph, hub, only, as_of);
        let window = if past { SOON_DAYS } else { 7 };
        let recent = |e: &&diplograph_graph::Entry| {
            as_of
                .checked_sub(jiff::Span::new().days(window))
                .is_ok_and(|d| e.date.first_day() >= d)
        };
        if let Some(e) = since.filter(recent) {
            if let Ok(d) = e.date.first_day().checked_sub(jiff::Span::new().days(1)) {
                day = d;
                note = format!(
                    "{o} and {h} established relations on {}, within {window} days of the article: the claim is of the day before, {day}. ",
                    e.date
                );
            }
        }
    }
    let rel = graph.relations(hub, day, Universe::Un);
    let st = graph.status(hub, only, day);
    let set_apart: Vec<Code> = except
        .iter()
        .copied()
        .filter(|c| *c != only && *c != hub)
        .collect();
    let apart_with: Vec<String> = set_apart
        .iter()
        .filter(|c| no_relations(&graph.status(hub, **c, day)) == Some(false))
        .map(|c| name(graph, *c))
        .collect();
    let (verdict, explanation) = match (&rel, no_relations(&st)) {
        (_, Some(false)) => (
            Verdict::Refuted,
            format!(
                "{o} and {h} have relations on {day}{}.",
                relations_since(graph, hub, only, day)
                    .map_or(String::new(), |e| format!(" ({} {})", e.event, e.date))
            ),
        ),
        _ if !apart_with.is_empty() => (
            Verdict::NotEnoughInfo,
            format!(
                "The claim sets apart {}, which had relations with {h} on {day}: it counts by another convention.",
                apart_with.join(", ")
            ),
        ),
        (Ok(r), Some(true)) => {
            let others: Vec<String> = r
                .without
                .iter()
                .filter(|c| **c != only && !set_apart.contains(c))
                .map(|c| name(graph, *c))
                .collect();
            let apart = if set_apart.is_empty() {
                String::new()
            } else {
                format!(
                    " besides {}, which the claim sets apart",
                    set_apart
                        .iter()
                        .map(|c| name(graph, *c))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            if others.is_empty() && r.unknown.is_empty() {
                (
                    Verdict::Supported,
                    format!("On {day}, {o} is the only UN member without relations with {h}{apart}."),
                )
            } else if !others.is_empty() {
                (
                    Verdict::Refuted,
                    format!(
                        "{o} is not the only one: on {day}, {h} also has no relations with {}.",
                        others.join(", ")
                    ),
                )
            } else {
                (Verdict::NotEnoughInfo, format!("{o} has no relations with {h}, but the graph does not know {} other pair(s).", r.unknown.len()))
            }
        }
        _ => (
            Verdict::NotEnoughInfo,
            format!("The graph cannot tell whether {o} and {h} have relations on {day}."),
        ),
    };
    let mut evidence = evidence_of(graph, &st);
    if day != as_of {
        evidence.extend(evidence_of(graph, &graph.status(hub, only, as_of)));
    }
    at.claim(
        ClaimKind::Exception,
        verdict,
        format!("{note}{explanation}"),
        evidence,
    )
}

/// A list of states said to lack relations with `hub`: each must lack them; with "only" or a
/// number, the list must be exactly the states without relations.
#[allow(clippy::too_many_arguments)]
fn set_claim(
    graph: &Graph,
    as_of: Day,
    hub: Code,
    listed: &[(usize, usize, Code)],
    claimed: Option<usize>,
    exact: bool,
    at: At<'_>,
    sentence: &str,
) -> Claim {
    let h = name(graph, hub);
    // a state named twice in the list ("Syria ... Syria's") is one state of it
    let mut codes: Vec<Code> = Vec::new();
    for x in listed {
        if !codes.contains(&x.2) {
            codes.push(x.2);
        }
    }
    let mut with_relations = Vec::new();
    let mut unknown = Vec::new();
    let mut evidence = Vec::new();
    for c in &codes {
        let st = graph.status(hub, *c, as_of);
        match no_relations(&st) {
            Some(true) => evidence.extend(evidence_of(graph, &st)),
            Some(false) => {
                with_relations.push(name(graph, *c));
                if let Some(e) = relations_since(graph, hub, *c, as_of) {
                    evidence.push(entry_evidence(graph, e));
                }
            }
            None => unknown.push(name(graph, *c)),
        }
    }
    let mut problems = Vec::new();
    if !with_relations.is_empty() {
        problems.push(format!(
            "{h} has relations with {}",
            with_relations.join(", ")
        ));
    }
    let among = if sentence.to_lowercase().contains("un member")
        || sentence.to_lowercase().contains("united nations")
    {
        Universe::Un
    } else {
        Universe::All
    };
    let mut missing_unknown = 0;
    // "only three countries remain without ties": counted among UN members, as news counts;
    // states outside the UN without relations are named, not held against the list
    let mut outside = Vec::new();
    if exact {
        if let Ok(rel) = graph.relations(hub, as_of, Universe::All) {
            let member = |c: &Code| kind(graph, *c) == Some(StateKind::Member);
            let left_out: Vec<String> = rel
                .without
                .iter()
                .filter(|c| !codes.contains(c) && member(c))
                .map(|c| name(graph, *c))
                .collect();
            if !left_out.is_empty() {
                problems.push(format!(
                    "the list leaves out {}, which also had no relations with {h} on {as_of}",
                    left_out.join(", ")
                ));
            }
            missing_unknown = rel
                .unknown
                .iter()
                .filter(|c| !codes.contains(c) && member(c))
                .count();
            outside = rel
                .without
                .iter()
                .filter(|c| among == Universe::All && !codes.contains(c) && !member(c))
                .map(|c| name(graph, *c))
                .collect();
        }
        if let Some(n) = claimed {
            if n != codes.len() {
                problems.push(format!("it names {} states, not {n}", codes.len()));
            }
        }
    }
    let (verdict, explanation) = if !problems.is_empty() {
        (
            Verdict::Refuted,
            format!("Not so on {as_of}: {}.", problems.join("; ")),
        )
    } else if !unknown.is_empty() || missing_unknown > 0 {
        let mut what = unknown.join(", ");
        if missing_unknown > 0 {
            let more = format!("{missing_unknown} UN member(s) the list does not name");
            what = if what.is_empty() {
                more
            } else {
                format!("{what} (and {more})")
            };
        }
        (
            Verdict::NotEnoughInfo,
            format!("The graph does not know whether {h} had relations with {what} on {as_of}."),
        )
    } else {
        (
            Verdict::Supported,
            format!(
                "On {as_of}, {h} had no relations with any of {}{}.",
                codes
                    .iter()
                    .map(|c| name(graph, *c))
                    .collect::<Vec<_>>()
                    .join(", "),
                if exact {
                    ", and with no other UN member"
                } else {
                    ""
                }
            ),
        )
    };
    let explanation = if outside.is_empty() {
        explanation
    } else {
        format!(
            "{explanation} Counted among UN members: outside the UN, {h} also had none with {}.",
            outside.join(", ")
        )
    };
    at.claim(ClaimKind::Exception, verdict, explanation, evidence)
}

/// "X maintains relations with A and B": each pair must have relations on the day.
/// Days after a "has relations" claim within which relations the graph records make a
/// refutation premature.
const SOON_DAYS: i64 = 60;

fn has_relations_claim(
    graph: &Graph,
    as_of: Day,
    hub: Code,
    listed: &[(usize, usize, Code)],
    at: At<'_>,
) -> Claim {
    let h = name(graph, hub);
    let (mut without, mut unknown, mut evidence) = (Vec::new(), Vec::new(), Vec::new());
    for (_, _, c) in listed {
        let st = graph.status(hub, *c, as_of);
        match no_relations(&st) {
            Some(false) => evidence
                .extend(relations_since(graph, hub, *c, as_of).map(|e| entry_evidence(graph, e))),
            Some(true) => {
                without.push(name(graph, *c));
                evidence.extend(evidence_of(graph, &st));
            }
            None => unknown.push(name(graph, *c)),
        }
    }
    let names = listed
        .iter()
        .map(|x| name(graph, x.2))
        .collect::<Vec<_>>()
        .join(", ");
    // relations that follow within weeks: the article may speak of them ahead of the day
    let soon: Vec<String> = listed
        .iter()
        .filter_map(|(_, _, c)| {
            let later = as_of.checked_add(jiff::Span::new().days(SOON_DAYS)).ok()?;
            (graph.status(hub, *c, later).status == Status::Relations).then(|| name(graph, *c))
        })
        .filter(|n| without.contains(n))
        .collect();
    let (verdict, explanation) = if !without.is_empty() && !soon.is_empty() {
        (
            Verdict::NotEnoughInfo,
            format!(
                "On {as_of}, {h} had no relations with {} yet, but had them within {SOON_DAYS} days: the article may speak of them ahead of the day.",
                soon.join(", ")
            ),
        )
    } else if !without.is_empty() {
        (
            Verdict::Refuted,
            format!(
                "On {as_of}, {h} had no relations with {}.",
                without.join(", ")
            ),
        )
    } else if !unknown.is_empty() {
        (
            Verdict::NotEnoughInfo,
            format!(
                "The graph does not know whether {h} had relations with {} on {as_of}.",
                unknown.join(", ")
            ),
        )
    } else {
        (
            Verdict::Supported,
            format!("On {as_of}, {h} had relations with {names}."),
        )
    };
    at.claim(ClaimKind::PairStatus, verdict, explanation, evidence)
}

/// The years a past state is said to have held in ("from 1984 to 1997", "between 1990 and
/// 2005", "until 1997", "in 1990"): their first and last days.
fn past_span(clause: &str) -> Option<(Day, Day)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?i)\b(?:(?:from|between)\s+(?:\w+\s+){0,2}?(\d{4})\s+(?:to|until|till|through|and)\s+(?:\w+\s+){0,2}?(\d{4})|(until|till|in)\s+(?:\w+\s+){0,2}?(\d{4}))\b")
            .expect("span pattern")
    });
    let c = r.captures(clause)?;
    let year = |i: usize| -> Option<Date> {
        c.get(i)
            .and_then(|m| m.as_str().parse::<i16>().ok())
            .map(Date::year)
    };
    match (year(1), year(2), c.get(3), year(4)) {
        (Some(a), Some(b), _, _) if a.first_day() <= b.last_day() => {
            Some((a.first_day(), b.last_day()))
        }
        (_, _, Some(w), Some(y)) if w.as_str().eq_ignore_ascii_case("in") => {
            Some((y.first_day(), y.last_day()))
        }
        // "until 1997": the last year it held
        (_, _, Some(_), Some(y)) => Some((y.first_day(), y.first_day())),
        _ => None,
    }
}

/// "St Lucia had relations with Taipei from 1984 to 1997": a past state. Supported where the
/// graph has relations within the span (or, without one, at some time before the article);
/// never refuted, for a span's edges are loose ("from 1984" may mean its last months) and a
/// past state without a span has no day to be judged on.
fn had_relations_claim(
    graph: &Graph,
    as_of: Day,
    hub: Code,
    listed: &[(usize, usize, Code)],
    span: Option<(Day, Day)>,
    at: At<'_>,
) -> Claim {
    let h = name(graph, hub);
    let mut evidence = Vec::new();
    let mut held = Vec::new();
    let mut not_seen = Vec::new();
    for (_, _, c) in listed {
        let pair = graph.pair(hub, *c);
        let entries: Vec<&diplograph_graph::Entry> = pair
            .map(|p| {
                p.entries
                    .iter()
                    .filter(|e| e.set_aside.is_none() && e.date.last_day() <= as_of)
                    .collect()
            })
            .unwrap_or_default();
        // a day within the span (or before the article) on which the graph has relations
        let days: Vec<Day> = match span {
            Some((a, b)) => {
                let mut d = vec![a, b];
                d.extend(
                    entries
                        .iter()
                        .map(|e| e.date.last_day())
                        .filter(|d| a <= *d && *d <= b),
                );
                d
            }
            None => {
                let mut d: Vec<Day> = entries.iter().map(|e| e.date.last_day()).collect();
                d.push(as_of);
                d
            }
        };
        let on = days
            .into_iter()
            .map(|d| (d, graph.status(hub, *c, d)))
            .find(|(_, st)| st.status == Status::Relations);
        // a break within the span (or before the article) says relations held before it
        let broken = || {
            entries.iter().find(|e| {
                matches!(e.event, Event::Sever | Event::Suspend)
                    && span.is_none_or(|(a, b)| a < e.date.first_day() && e.date.first_day() <= b)
            })
        };
        match (on, broken()) {
            (Some((d, st)), _) => {
                held.push(format!("{} (on {d})", name(graph, *c)));
                evidence.extend(evidence_of(graph, &st));
            }
            (None, Some(e)) => {
                held.push(format!(
                    "{} (until the {} of {})",
                    name(graph, *c),
                    e.event,
                    e.date
                ));
                evidence.push(entry_evidence(graph, e));
            }
            (None, None) => not_seen.push(name(graph, *c)),
        }
    }
    let within = span.map_or(format!("before {as_of}"), |(a, b)| {
        if a.year() == b.year() {
            format!("in {}", a.year())
        } else {
            format!("within {}–{}", a.year(), b.year())
        }
    });
    let (verdict, explanation) = if not_seen.is_empty() {
        (
            Verdict::Supported,
            format!("{h} had relations {within} with {}.", held.join(", ")),
        )
    } else {
        (
            Verdict::NotEnoughInfo,
            format!(
                "The graph does not show {h} with relations {within} with {}: a past state is not refuted on the graph's dates alone.",
                not_seen.join(", ")
            ),
        )
    };
    at.claim(ClaimKind::PairStatus, verdict, explanation, evidence)
}

fn no_relations_claim(graph: &Graph, as_of: Day, a: Code, b: Code, at: At<'_>) -> Claim {
    let st = graph.status(a, b, as_of);
    let (x, y) = (name(graph, a), name(graph, b));
    let (verdict, explanation) = match no_relations(&st) {
        Some(true) => (
            Verdict::Supported,
            format!(
                "On {as_of}, {x} and {y} have no diplomatic relations ({}).",
                st.status.as_str()
            ),
        ),
        Some(false) => (
            Verdict::Refuted,
            format!(
                "On {as_of}, {x} and {y} have diplomatic relations{}.",
                relations_since(graph, a, b, as_of)
                    .map_or(String::new(), |e| format!(" ({} {})", e.event, e.date))
            ),
        ),
        None => (
            Verdict::NotEnoughInfo,
            format!(
                "The graph has no fact about {x} and {y} by {as_of}{}.",
                st.reason
                    .as_ref()
                    .map_or(String::new(), |r| format!(": {r}"))
            ),
        ),
    };
    at.claim(
        ClaimKind::PairStatus,
        verdict,
        explanation,
        evidence_of(graph, &st),
    )
}

/// Dates and durations the reader found: a dated relations event ("relations since 1987", "last
/// year… established relations", "restored relations on Monday") is a claim about a date;
/// "restored ties after seven years" is one about a duration.
pub(crate) fn from_events(
    text: &str,
    events: &[CheckedEvent],
    graph: &Graph,
    as_of: Day,
    lex: &Lexicon,
) -> Vec<Claim> {
    let p = patterns();
    let mut out = Vec::new();
    for e in events {
        let Some(kind) = e.event.kind.ledger_event() else {
            continue;
        };
        let ev = &e.event.evidence[0];
        // the claim quotes the clause that states the act, not the whole sentence
        let (cs, ce) = ev
            .text
            .find(&ev.trigger)
            .map_or((0, ev.text.len()), |at| clause::span(&ev.text, at));
        let (start, end) = (ev.start + cs, ev.start + ce);
        let quoted = ev.text[cs..ce].to_string();
        let Some(date) = e.event.date else {
            // an undated event is a claim that it happened by the article's day: supported
            // when the graph has it by then, otherwise undecided (never refuted: the article
            // gives no date to contradict)
            let dated_by = crate::events::happened_by(e, graph, as_of);
            // a break or restoration can recur: an undated one is the graph's only when the
            // graph's is recent, within a year before the article ("has resumed relations")
            let recent = dated_by.filter(|d| {
                as_of
                    .checked_sub(jiff::Span::new().days(366))
                    .is_ok_and(|year_before| d.last_day() >= year_before)
            });
            let repeatable = matches!(
                kind,
                Event::Sever | Event::Suspend | Event::Restore | Event::Interrupted
            );
            let status = if repeatable && recent.is_some() {
                EventStatus::Corroborated
            } else {
                e.status
            };
            let dated_by = if repeatable { recent } else { dated_by };
            // "Palau and the Marshall Islands still recognise Taipei": recognising one of the
            // two governments of China is having relations with it (and not with the other),
            // so the claim is the pair's status on the day
            if let Some(claim) = one_china_recognition(graph, e, as_of) {
                out.push(Claim {
                    text: quoted,
                    start,
                    end,
                    kind: ClaimKind::PairStatus,
                    verdict: claim.0,
                    explanation: claim.1,
                    evidence: claim.2,
                });
                continue;
            }
            let (verdict, explanation) = match (status, dated_by) {
                (EventStatus::Corroborated, Some(d)) => (
                    Verdict::Supported,
                    format!("the article gives no date; the graph has it on {d}, before the article's {as_of}"),
                ),
                (EventStatus::Corroborated, None) => (
                    Verdict::NotEnoughInfo,
                    format!("{}; the graph's is after the article's {as_of}, so it may be a later one", e.explanation),
                ),
                _ => (Verdict::NotEnoughInfo, e.explanation.clone()),
            };
            out.push(Claim {
                text: quoted,
                start,
                end,
                kind: ClaimKind::PairStatus,
                verdict,
                explanation,
                evidence: e.known.clone(),
            });
            continue;
        };
        // every dated relations event is a claim about a date, history ("since 1987") and news
        // ("restored relations on Monday") alike
        // a conflict is a refutation only on evidence that contradicts the date as worded
        let (verdict, explanation) = match e.status {
            EventStatus::Corroborated => (Verdict::Supported, e.explanation.clone()),
            EventStatus::Conflict => match crate::refute::pair_date(text, e, events, graph, lex) {
                Ok(()) => (Verdict::Refuted, e.explanation.clone()),
                Err(why) => (
                    Verdict::NotEnoughInfo,
                    format!("{}; not refuted: {why}", e.explanation),
                ),
            },
            EventStatus::New => (Verdict::NotEnoughInfo, e.explanation.clone()),
        };
        out.push(Claim {
            text: quoted,
            start,
            end,
            kind: ClaimKind::PairDate,
            verdict,
            explanation,
            evidence: e.known.clone(),
        });
        // "restored ties after seven years"
        if kind == Event::Restore {
            if let Some(caps) = p.after_years.captures(&ev.text) {
                let years = caps.iter().skip(1).flatten().find_map(|g| {
                    number(g.as_str()).filter(|n| *n < 200).or_else(|| {
                        // "for the first time since 1961": the years since then
                        g.as_str()
                            .parse::<i16>()
                            .ok()
                            .filter(|y| *y > 1800)
                            .map(|y| (date.year_number() - y).unsigned_abs() as usize)
                    })
                });
                let Some(years) = years else {
                    continue;
                };
                let m = caps.get(0).expect("match");
                out.push(duration_claim(
                    graph,
                    e,
                    date,
                    years,
                    At::span(text, ev.start + m.start(), ev.start + m.end()),
                ));
            }
        }
    }
    out
}

/// An undated recognition of Taiwan or of China by a third state: supported when the graph
/// has the two in relations on the day (the recognition is the relations), undecided otherwise
/// (a recognition may hold where the graph's coverage does not reach).
fn one_china_recognition(
    graph: &Graph,
    e: &CheckedEvent,
    as_of: Day,
) -> Option<(Verdict, String, Vec<Evidence>)> {
    let [by, of] = e.event.actors;
    let china = |c: Code| matches!(c.as_str(), "CHN" | "TWN");
    if e.event.kind.ledger_event() != Some(Event::Recognize) || !china(of) || china(by) {
        return None;
    }
    let st = graph.status(by, of, as_of);
    let (a, b) = (name(graph, by), name(graph, of));
    Some(match st.status {
        Status::Relations => (
            Verdict::Supported,
            format!(
                "recognising the government in {} is having diplomatic relations with it: the graph has {a} and {b} in relations on {as_of}{}",
                if of.as_str() == "TWN" { "Taipei" } else { "Beijing" },
                st.since.map_or(String::new(), |d| format!(" (since {d})"))
            ),
            evidence_of(graph, &st),
        ),
        _ => (
            Verdict::NotEnoughInfo,
            format!(
                "recognising the government in {} is having diplomatic relations with it; the graph does not have {a} and {b} in relations on {as_of} ({})",
                if of.as_str() == "TWN" { "Taipei" } else { "Beijing" },
                st.status.as_str()
            ),
            evidence_of(graph, &st),
        ),
    })
}

fn duration_claim(
    graph: &Graph,
    e: &CheckedEvent,
    restored: Date,
    years: usize,
    at: At<'_>,
) -> Claim {
    let [a, b] = e.event.actors;
    let breaks: Vec<_> = graph
        .pair(a, b)
        .map(|p| {
            p.entries
                .iter()
                .filter(|x| {
                    matches!(x.event, Event::Sever | Event::Suspend)
                        && x.date.last_day() < restored.first_day()
                })
                .collect()
        })
        .unwrap_or_default();
    let claim = |verdict, explanation: String, evidence| {
        at.claim(ClaimKind::Duration, verdict, explanation, evidence)
    };
    let Some(last) = breaks.last() else {
        return claim(
            Verdict::NotEnoughInfo,
            format!(
                "The graph knows no break between {} and {} before {restored}.",
                name(graph, a),
                name(graph, b)
            ),
            vec![],
        );
    };
    let gap = (restored.year_number() - last.date.year_number()).unsigned_abs() as usize;
    let evidence = vec![entry_evidence(graph, last)];
    if gap.abs_diff(years) <= 1 {
        claim(
            Verdict::Supported,
            format!(
                "Relations were broken on {} and restored on {restored}: about {gap} years.",
                last.date
            ),
            evidence,
        )
    } else {
        claim(Verdict::Refuted, format!("Relations were broken on {} and restored on {restored}: about {gap} years, not {years}.", last.date), evidence)
    }
}
