//! The rules: which sentences state which events, between whom, when, and how surely.
//!
//! A sentence is looked at closely only if it holds a trigger stem (one Aho–Corasick pass over
//! the article). Its tokens are then matched against the rules below: a trigger (a verb or noun
//! stem) and what must stand near it ("established" needs "relations" or "ties" within a few
//! words, and not "trade ties"). Actors are the states named in the sentence — by name, demonym,
//! capital used as a metonym, or a person introduced earlier with a nationality ("South Korean
//! Foreign Minister Cho Tae-yul", later "Cho") — but not a capital or country after "in" or "at",
//! which is where it happened. The subject is the nearest state before the trigger, the object the
//! first after it; "between A and B" and "A and B" are read as pairs; "the two leaders" refers to
//! the previous event's pair. Modality comes from cue words before the trigger; the date from the
//! nearest date expression in the sentence, resolved against the publication date.

use std::collections::{HashMap, HashSet};

use diplograph_model::{Code, Date};

use crate::clean::Segment;
use crate::dates::{self, Expr, Found};
use crate::lexicon::{self, FormKind, Lexicon};
use crate::text::{self, Tok};
use crate::{Budget, EventType, Evidence, Modality, Note, NoteKind, ReadEvent};

/// Stems whose presence makes a sentence a candidate; matched case-insensitively anywhere.
pub(crate) const TRIGGER_STEMS: &[&str] = &[
    "relation",
    "ties",
    "recogni",
    "ambassador",
    "envoy",
    "diplomat",
    "embass",
    "met ",
    "meet",
    "talks",
    "phone",
    "sign",
    "inked",
    "exercise",
    "drill",
    "patrol",
    "manoeuvre",
    "maneuver",
    "arms",
    "weapon",
    "troops",
    "personnel",
    "ammunition",
    "missile",
    "shells",
    "military aid",
    "military assistance",
    "tanks",
    "drones",
    "sanction",
    "persona non grata",
    "expel",
    "expuls",
    "pact",
    "treaty",
    "agreement",
    "communiqu",
    "accord",
    "memorandum",
    // dropping Taiwan is breaking with it ("Nauru dropped Taiwan")
    "dropped taiwan",
    "dropped taipei",
    "drops taiwan",
    "drop taiwan",
    "ditched taiwan",
    "ditched taipei",
    "ditch taiwan",
    "dumped taiwan",
    "dumped taipei",
    "abandoned taiwan",
    "abandoned taipei",
    "abandon taiwan",
    // meetings said otherwise ("sat down together")
    "sat down",
    // going over to another state ("Honduras switched to Beijing")
    "switched to",
    "switches to",
    "switching to",
    "switched its recognition to",
    "switched recognition to",
];

const RELATION_NOUNS: &[&str] = &["relations", "ties", "relationship"];
/// Verbs that attribute a sentence to a speaker.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "confirmed",
    "claimed",
    "stated",
    "alleged",
];
/// Verbs that undo a recognition when "recognition" follows them.
const WITHDRAW_STEMS: &[&str] = &[
    "withdr",
    "revok",
    "revoc",
    "rescind",
    "retract",
    "derecogni",
    "de-recogni",
    "revers",
    "suspen",
    "cancel",
    "annul",
    "freez",
    "froze",
];
const BLOCKING_MODIFIERS: &[&str] = &[
    "trade",
    "economic",
    "commercial",
    "business",
    "sporting",
    "sport",
    "sports",
    "cultural",
    "military",
    "defence",
    "defense",
    "security",
    "energy",
    "investment",
    "consular",
    "close",
    "closer",
    "strong",
    "stronger",
    "friendly",
    "warm",
    "good",
    "historic",
    "historical",
    "family",
    "personal",
    "people-to-people",
    "public",
    "press",
    "media",
    "industrial",
    "labour",
    "labor",
    "race",
    "romantic",
    "strategic",
    "educational",
    "academic",
    "tourism",
    "financial",
    "customer",
    "investor",
];
const ENVOY_NOUNS: &[&str] = &[
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "diplomat",
    "diplomats",
    "chargé",
    "charge",
    "attaché",
    "attache",
    "attachés",
    "attaches",
    "consul",
    "staff",
    "officials",
    "official",
    "employees",
    "representatives",
    "personnel",
    "commissioner",
];
const AGREEMENT_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "statement",
    "treaty",
    "treaties",
    "memorandum",
    "memoranda",
    "mou",
    "mous",
    "accord",
    "accords",
    "communique",
    "communiqué",
    "deal",
    "deals",
    "pact",
    "pacts",
    "protocol",
    "declaration",
    "convention",
    "charter",
];
const MILITARY_WORDS: &[&str] = &[
    "defence",
    "defense",
    "military",
    "security",
    "mutual-defence",
    "mutual-defense",
];
const DRILL_NOUNS: &[&str] = &[
    "exercise",
    "exercises",
    "drill",
    "drills",
    "patrol",
    "patrols",
    "manoeuvres",
    "maneuvers",
    "wargames",
    "war-games",
];
const AID_NOUNS: &[&str] = &[
    "arms",
    "weapons",
    "weaponry",
    "ammunition",
    "munitions",
    "missiles",
    "troops",
    "soldiers",
    "personnel",
    "shells",
    "tanks",
    "drones",
    "artillery",
    "rockets",
    "jets",
    "howitzers",
    "fighters",
    "warplanes",
    "helicopters",
    "interceptors",
    "launchers",
    "vehicles",
    "boats",
    "warships",
    "aid",
    "assistance",
    "equipment",
    "forces",
    "systems",
    "batteries",
    "s-400",
];
const AID_VERBS: &[&str] = &[
    "provid",
    "suppl",
    "sent",
    "send",
    "deliver",
    "ship",
    "transferr",
    "transfer",
    "gave",
    "give",
    "giving",
    "donat",
    "deploy",
    "dispatch",
    "furnish",
    "sold",
    "sell",
    "approv",
    "hand",
    "unveil",
    "announc",
];
/// Offices that introduce a person ("Foreign Minister Cho Tae-yul", "his counterpart, Asaad
/// al-Shaibani"). A sentence that holds one and a state is read for people even without a
/// trigger word (`lexicon::cues`).
pub(crate) const OFFICES: &[&str] = &[
    "minister",
    "president",
    "premier",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "emir",
    "prince",
    "sheikh",
    "leader",
    "counterpart",
    "counterparts",
    "ambassador",
    "envoy",
    "diplomat",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "strongman",
    "dictator",
    "ruler",
    "monarch",
    "commander",
    "general",
    "chief",
    "junta",
    "adviser",
    "advisor",
    "representative",
    "official",
    "lawmaker",
    "chief-of-staff",
];
/// Words that stand beside an office in a title: "Deputy Foreign Minister", "his counterpart".
const TITLE_FILLERS: &[&str] = &[
    "foreign",
    "prime",
    "defence",
    "defense",
    "state",
    "crown",
    "deputy",
    "vice",
    "supreme",
    "top",
    "army",
    "affairs",
    "of",
    "the",
    "interim",
    "acting",
    "former",
    "longtime",
    "new",
    "his",
    "her",
    "their",
    "its",
    "head",
    "military",
    "national",
    "security",
    "senior",
    "opposition",
    ",",
    "’s",
    "'s",
];

fn is_title(w: &str) -> bool {
    OFFICES.contains(&w) || TITLE_FILLERS.contains(&w)
}
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "el", "de", "da", "van", "von", "der", "du", "abu",
];
const LOCATION_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "within",
    "around",
    "into",
    "via",
];
/// Single-word state names that are also given names or surnames (Jordan, Chad, Georgia,
/// Israel): read as a person when another capitalised name stands beside them.
const PERSON_PRONE: &[&str] = &[
    "Jordan", "Chad", "Georgia", "Israel", "Kenya", "Sudan", "Jamaica",
];
/// Words after "Georgia" that mean the US state.
const US_STATE_CONTEXT: &[&str] = &[
    "senate",
    "house",
    "governor",
    "gov",
    "legislature",
    "voters",
    "republicans",
    "democrats",
    "tech",
    "bulldogs",
    "power",
    "supreme",
    "county",
    "state",
    "primary",
    "general",
    "national",
    "guard",
    "assembly",
    "secretary",
    "law",
    "sheriff",
    "peach",
    "election",
    "elections",
    "senator",
    "residents",
    "congressman",
    "congresswoman",
    "district",
    "court",
    "university",
];

/// A state named in a sentence: token range, state, how.
#[derive(Clone, Debug)]
struct Mention {
    first: usize,
    last: usize,
    code: Code,
    kind: FormKind,
    /// After "in", "at": the place where something happened, not an actor.
    place: bool,
    person: bool,
}

/// An event as one sentence states it.
struct Raw {
    kind: EventType,
    actors: [Code; 2],
    date: Option<Date>,
    modality: Modality,
    location: Option<String>,
    rule: &'static str,
    sentence: (usize, usize),
    trigger: (usize, usize),
    /// The date is when someone said so ("the ministry said on Friday"), not the event's own.
    said: bool,
}

/// Per-article state carried from sentence to sentence.
#[derive(Default)]
struct Context {
    /// Person name parts → state (None when two states claim the name).
    people: HashMap<String, Option<Code>>,
    /// States named unambiguously somewhere in the article, to resolve "Korea", "Congo".
    named: HashSet<Code>,
    /// The state whose government wrote the text, if known: the implied partner.
    home: Option<Code>,
    /// The last event's actors and date, for "the two leaders".
    last: Option<([Code; 2], Option<Date>)>,
    /// The pair the whole text is about, if known (see [`crate::read_about`]).
    topic: Option<[Code; 2]>,
}

pub(crate) fn extract(
    text: &str,
    segments: &[Segment],
    published: Option<Date>,
    (home, topic): (Option<Code>, Option<[Code; 2]>),
    lex: &Lexicon,
    budget: &Budget,
    notes: &mut Vec<Note>,
) -> Vec<ReadEvent> {
    let mut cx = Context {
        home,
        topic,
        last: topic.map(|t| (t, None)),
        ..Context::default()
    };
    let hits: Vec<Vec<lexicon::Hit>> = segments
        .iter()
        .map(|s| lexicon::scan(lex, text, s.start, s.end))
        .collect();
    for h in hits.iter().flatten() {
        if let [c] = lex.forms[h.form].codes.as_slice() {
            cx.named.insert(*c);
        }
    }
    let mut raws: Vec<Raw> = Vec::new();
    let mut noted_ambiguous = HashSet::new();
    let mut looked = 0usize;
    'article: for (seg, seg_hits) in segments.iter().zip(&hits) {
        let cues = lexicon::cues(lex, text, seg.start, seg.end);
        if cues.is_empty() || !cues.iter().any(|c| c.trigger) && seg_hits.is_empty() {
            continue;
        }
        for (ss, se) in pieces(text, seg.start, seg.end, budget.sentence_bytes, notes) {
            // cues and hits are in text order: the sentence's share by binary search, so that a
            // paragraph of many sentences is not scanned once per sentence
            let here = &cues[cues.partition_point(|c| c.start < ss)..];
            let here = &here[..here.partition_point(|c| c.start < se)];
            let candidate = here.iter().any(|c| c.trigger);
            let office = here.iter().any(|c| !c.trigger);
            let sent_hits: Vec<&lexicon::Hit> = seg_hits
                [seg_hits.partition_point(|h| h.start < ss)..]
                .iter()
                .take_while(|h| h.start < se)
                .filter(|h| h.end <= se)
                .collect();
            if !candidate && (!office || sent_hits.is_empty()) {
                continue;
            }
            looked += 1;
            if looked > budget.sentences {
                notes.push(Note {
                    kind: NoteKind::Budget,
                    message: format!(
                        "stopped after looking closely at {} sentences (the budget): the text from byte {ss} on is not read",
                        budget.sentences
                    ),
                    start: ss,
                    end: text.len(),
                });
                break 'article;
            }
            let toks = text::tokens(text, ss, se);
            let lw: Vec<String> = toks
                .iter()
                .map(|t| text[t.start..t.end].to_lowercase())
                .collect();
            let mut mentions = mentions(text, &toks, &lw, &sent_hits, lex, &cx, |form| {
                if noted_ambiguous.insert(form.to_string()) {
                    notes.push(Note {
                        kind: NoteKind::Ambiguous,
                        message: format!(
                            "{form:?} could name several states; not read as an actor"
                        ),
                        start: ss,
                        end: se,
                    });
                }
            });
            register_people(text, &toks, &lw, &mentions, &mut cx);
            if !candidate {
                continue;
            }
            add_people(text, &toks, &mut mentions, &cx);
            let found = dates::find(text, &toks);
            let s = Sentence {
                text,
                toks: &toks,
                lw: &lw,
                mentions: &mentions,
                dates: &found,
                span: (ss, se),
            };
            let before = raws.len();
            s.events(published, &mut cx, &mut raws, notes);
            if let Some(r) = raws[before..].last() {
                cx.last = Some((r.actors, r.date));
            }
        }
    }
    merge(text, raws, budget, notes)
}

/// The sentences of a paragraph, a sentence longer than `max` bytes cut into pieces of at most
/// `max` bytes between words (with a note), so that no run of text without a full stop is looked
/// at as one: the rules' cost grows with the square of a sentence's triggers and dates.
fn pieces(
    text: &str,
    start: usize,
    end: usize,
    max: usize,
    notes: &mut Vec<Note>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (ss, se) in text::sentences(text, start, end) {
        if se - ss <= max {
            out.push((ss, se));
            continue;
        }
        notes.push(Note {
            kind: NoteKind::Budget,
            message: format!(
                "a sentence of {} bytes read in pieces of at most {max} bytes (the budget)",
                se - ss
            ),
            start: ss,
            end: se,
        });
        let mut s = ss;
        while s < se {
            let mut cut = (s + max).min(se);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if cut < se {
                // between words, when there is a space in the piece's second half
                if let Some(w) = text[s..cut].rfind(char::is_whitespace) {
                    if w > (cut - s) / 2 {
                        cut = s + w;
                    }
                }
            }
            if cut <= s {
                // a piece smaller than one character: take the character
                cut = s + text[s..].chars().next().map_or(1, char::len_utf8);
            }
            let piece = &text[s..cut];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            if s + lead < cut - trail {
                out.push((s + lead, cut - trail));
            }
            s = cut;
        }
    }
    out
}

/// State mentions in a sentence, with places and person-name lookalikes told apart.
fn mentions(
    text: &str,
    toks: &[Tok],
    lw: &[String],
    hits: &[&lexicon::Hit],
    lex: &Lexicon,
    cx: &Context,
    mut ambiguous: impl FnMut(&str),
) -> Vec<Mention> {
    let mut out = Vec::new();
    for h in hits {
        let form = &lex.forms[h.form];
        let Some(first) = toks.iter().position(|t| t.start >= h.start) else {
            continue;
        };
        let last = toks
            .iter()
            .rposition(|t| t.end <= h.end)
            .unwrap_or(first)
            .max(first);
        let code = match form.codes.as_slice() {
            [] => continue, // "Latin America", "Gulf of Guinea": not a state
            [c] => *c,
            many => {
                let known: Vec<&Code> = many.iter().filter(|c| cx.named.contains(c)).collect();
                match known.as_slice() {
                    [c] => **c,
                    _ => {
                        ambiguous(&text[h.start..h.end]);
                        continue;
                    }
                }
            }
        };
        let word = &text[h.start..h.end];
        let prev_word = first
            .checked_sub(1)
            .map(|i| &text[toks[i].start..toks[i].end]);
        let next_word = toks.get(last + 1).map(|t| &text[t.start..t.end]);
        let capitalised =
            |w: Option<&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if PERSON_PRONE.contains(&word) {
            let prev_is_name = first > 0
                && capitalised(prev_word)
                && !is_title(&lw[first - 1])
                && !hits.iter().any(|o| {
                    o.end <= h.start
                        && o.end + 2 > h.start
                        && lex.forms[o.form].kind != FormKind::Person
                });
            let next_is_name = capitalised(next_word)
                && !next_word.is_some_and(|w| w == "s" || is_title(&w.to_lowercase()))
                && !hits.iter().any(|o| {
                    o.start > h.end
                        && o.start <= h.end + 2
                        && lex.forms[o.form].kind != FormKind::Person
                });
            if prev_is_name || next_is_name {
                continue;
            }
        }
        if word == "Georgia" {
            let next = lw.get(last + 1).map(String::as_str).unwrap_or("");
            let after_possessive = lw.get(last + 2).map(String::as_str).unwrap_or("");
            let prev2: Vec<&str> = lw[first.saturating_sub(3)..first]
                .iter()
                .map(String::as_str)
                .collect();
            if US_STATE_CONTEXT.contains(&next)
                || (next == "’s" || next == "'s") && US_STATE_CONTEXT.contains(&after_possessive)
                || prev2.ends_with(&["state", "of"])
                || prev_word == Some(",")
                    && first >= 2
                    && capitalised(Some(&text[toks[first - 2].start..toks[first - 2].end]))
                || prev2.contains(&"atlanta")
                || prev2.contains(&"u.s")
            {
                continue;
            }
        }
        // "Maduro's government in Venezuela" names the state, not a place
        let governed = first > 1
            && matches!(lw[first - 1].as_str(), "in" | "of")
            && matches!(
                lw[first - 2].as_str(),
                "government" | "regime" | "authorities" | "leadership" | "junta" | "administration"
            );
        let capital_of = form.kind == FormKind::Demonym
            && lw
                .get(last + 1)
                .is_some_and(|w| w == "capital" || w == "city")
            && first > 1
            && lw[first - 1] == "the"
            && LOCATION_PREPOSITIONS.contains(&lw[first - 2].as_str());
        let place = capital_of
            || !governed
                && first > 0
                && (LOCATION_PREPOSITIONS.contains(&lw[first - 1].as_str())
                    || (first > 1
                        && lw[first - 1] == "the"
                        && LOCATION_PREPOSITIONS.contains(&lw[first - 2].as_str())));
        let person = form.kind == FormKind::Person;
        // a family name after another first name is someone else: "Chad Johnson" is not Boris
        // ...and one followed by a name or "es" is a place or a thing: "Dar es Salaam", "Trump
        // Tower"
        if person
            && first == last
            && (capitalised(next_word)
                || next_word.is_some_and(|w| matches!(w, "es" | "el" | "al" | "de")))
            && !next_word.is_some_and(|w| is_title(&w.to_lowercase()))
        {
            continue;
        }
        if person
            && first == last
            && first > 0
            && capitalised(prev_word)
            && !is_title(&lw[first - 1])
        {
            continue;
        }
        out.push(Mention {
            first,
            last,
            code,
            kind: form.kind,
            place: place && !person,
            person,
        });
    }
    out
}

/// "South Korean Foreign Minister Cho Tae-yul", "his Syrian counterpart, Asaad al-Shaibani":
/// the name's parts now stand for the state.
fn register_people(
    text: &str,
    toks: &[Tok],
    lw: &[String],
    mentions: &[Mention],
    cx: &mut Context,
) {
    for m in mentions {
        if m.kind == FormKind::Capital || m.kind == FormKind::Person || m.place {
            continue;
        }
        let mut j = m.last + 1;
        let mut titles = 0;
        while j < toks.len() && is_title(&lw[j]) && titles < 6 {
            if toks[j].word {
                titles += 1;
            }
            j += 1;
        }
        let has_office = lw[m.last + 1..j]
            .iter()
            .any(|w| OFFICES.contains(&w.as_str()));
        if !has_office {
            continue;
        }
        let mut parts: Vec<String> = Vec::new();
        while j < toks.len() && toks[j].word && parts.len() < 4 {
            let w = &text[toks[j].start..toks[j].end];
            let upper = w.chars().next().is_some_and(char::is_uppercase);
            let particle = NAME_PARTICLES
                .iter()
                .any(|p| lw[j] == *p || lw[j].starts_with(&format!("{p}-")));
            if !(upper || particle) || mentions.iter().any(|o| o.first <= j && j <= o.last) {
                break;
            }
            parts.push(w.to_string());
            j += 1;
        }
        if parts.is_empty()
            || parts
                .iter()
                .all(|p| p.chars().all(|c| c.is_lowercase() || c == '-'))
        {
            continue;
        }
        let mut keys: Vec<String> = parts.clone();
        for p in &parts {
            if let Some((_, rest)) = p.split_once('-') {
                if NAME_PARTICLES
                    .iter()
                    .any(|q| p.to_lowercase().starts_with(&format!("{q}-")))
                {
                    keys.push(rest.to_string());
                }
            }
        }
        for k in keys {
            if k.chars().count() < 3 || NAME_PARTICLES.contains(&k.to_lowercase().as_str()) {
                continue;
            }
            let e = cx.people.entry(k).or_insert(Some(m.code));
            if *e != Some(m.code) {
                *e = None;
            }
        }
    }
}

/// Tokens naming a registered person become mentions of the person's state.
fn add_people(text: &str, toks: &[Tok], mentions: &mut Vec<Mention>, cx: &Context) {
    if cx.people.is_empty() {
        return;
    }
    for (i, t) in toks.iter().enumerate() {
        if !t.word || mentions.iter().any(|m| m.first <= i && i <= m.last) {
            continue;
        }
        let w = &text[t.start..t.end];
        let code = cx.people.get(w).copied().flatten().or_else(|| {
            let (p, rest) = w.split_once('-')?;
            NAME_PARTICLES
                .contains(&p.to_lowercase().as_str())
                .then(|| cx.people.get(rest).copied().flatten())
                .flatten()
        });
        if let Some(code) = code {
            mentions.push(Mention {
                first: i,
                last: i,
                code,
                kind: FormKind::Name,
                place: false,
                person: true,
            });
        }
    }
    mentions.sort_by_key(|m| m.first);
}

struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lw: &'a [String],
    mentions: &'a [Mention],
    dates: &'a [Found],
    span: (usize, usize),
}

/// What a rule found at a trigger: the type, the rule's name, the trigger's token range, and
/// where the object is expected ("to", "in", "on"...).
struct Match {
    kind: EventType,
    rule: &'static str,
    at: usize,
    end: usize,
    /// Token index of the noun that names the envoy, weapons...: the target's demonym stands
    /// before it ("40 Russian diplomats").
    noun: Option<usize>,
}

impl Sentence<'_> {
    fn w(&self, i: usize) -> &str {
        self.lw.get(i).map(String::as_str).unwrap_or("")
    }

    fn starts(&self, i: usize, stems: &[&str]) -> bool {
        let w = self.w(i);
        stems.iter().any(|s| w.starts_with(s))
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.w(i))
    }

    /// The first token in `i+1..=i+window` that is one of `words`, not crossing a clause mark.
    fn after(&self, i: usize, window: usize, words: &[&str]) -> Option<usize> {
        (i + 1..(i + 1 + window).min(self.toks.len()))
            .take_while(|&j| {
                !self.is(j, &[";", ":", "(", ")", "—", "–"])
                    && !self.is(j, &["and", "but", "while"])
                    || j == i + 1
            })
            .find(|&j| self.is(j, words))
    }

    /// Like [`Sentence::after`] inside a noun phrase: "a military and technical cooperation
    /// agreement" runs across "and".
    fn after_np(&self, i: usize, window: usize, words: &[&str]) -> Option<usize> {
        (i + 1..(i + 1 + window).min(self.toks.len()))
            .take_while(|&j| !self.is(j, &[";", ":", "(", ")", "—", "–", "."]))
            .find(|&j| self.is(j, words))
    }

    fn before(&self, i: usize, window: usize, words: &[&str]) -> Option<usize> {
        (i.saturating_sub(window)..i)
            .rev()
            .find(|&j| self.is(j, words))
    }

    /// The nouns an embassy goes by here: "missions" too where the sentence speaks of an
    /// embassy or diplomats ("shut its embassy in Australia and opened new missions in Zimbabwe"),
    /// not "peacekeeping missions".
    fn embassy_nouns(&self) -> Vec<&'static str> {
        let diplomatic = (0..self.toks.len()).any(|k| self.starts(k, &["embass", "diplomat"]));
        if diplomatic {
            vec!["embassy", "embassies", "mission", "missions"]
        } else {
            vec!["embassy", "embassies"]
        }
    }

    /// "Relations between Washington and Tehran were cut off": the relations noun of a passive
    /// whose subject names the pair, before a form of "be" right before the verb.
    fn between_before(&self, i: usize) -> Option<usize> {
        let be = (i.saturating_sub(3)..i)
            .rev()
            .find(|&k| self.is(k, &["were", "was", "been", "are", "is"]))?;
        let n = self.before(be, 9, RELATION_NOUNS)?;
        // … only with its own time right after the verb ("were cut off in 1979"): without it,
        // a date elsewhere in the sentence ("suspended between 1941 and 1974 and re-established
        // on May 14, 1974") or around it would be taken for the break's
        let dated = (i + 1..(i + 3).min(self.toks.len()))
            .find(|&j| self.is(j, &["in", "on"]))
            .is_some_and(|j| {
                self.dates
                    .iter()
                    .any(|d| d.first == j + 1 || d.first == j + 2)
            });
        (dated && n + 1 < be && self.is(n + 1, &["between"])).then_some(n)
    }

    /// A relations noun near a verb, not "trade ties" or "close relations".
    fn relation_noun(&self, i: usize, window: usize, passive: bool) -> Option<usize> {
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
            })?;
        let blocked = (n.saturating_sub(3)..n).any(|k| {
            self.is(k, BLOCKING_MODIFIERS)
                && !(k + 1..n).any(|m| self.is(m, &["diplomatic"]))
                // "diplomatic and consular relations" are diplomatic relations too
                && !(k >= 2 && self.is(k - 1, &["and"]) && self.is(k - 2, &["diplomatic"]))
        });
        (!blocked).then_some(n)
    }

    fn matches(&self) -> Vec<Match> {
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
                && self.after(i, 6, &["again"]).is_some());
            let establish = !restore
                && (self.starts(
                    i,
                    &["establish", "formalis", "formaliz", "normalis", "normaliz"],
                ) || (self.is(
                    i,
                    &[
                        "opened", "open", "opens", "opening", "launched", "launch", "set",
                    ],
                ) && (self.after(i, 3, &["diplomatic"]).is_some()
                    // "opened relations with Damascus in 1966"
                    || (self.is(i, &["opened", "open", "opens", "opening"])
                        && i + 1 < self.toks.len()
                        && self.is(i + 1, RELATION_NOUNS)))));
            if restore || establish {
                if let Some(noun) = self.relation_noun(i, 6, true) {
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
            let sever = self.starts(i, &["sever", "rupture", "terminat"])
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
            if sever && !noun_use {
                if let Some(_noun) = self.relation_noun(i, 5, true) {
                    push(&mut out, EventType::Sever, "sever.verb+relations", i, None);
                    continue;
                }
            }
            // "Nauru dropped Taiwan", "ditched Taipei": dropping Taiwan is breaking with it
            let taiwan_next = |k: usize| {
                self.mentions
                    .iter()
                    .any(|x| x.first == k && x.code.as_str() == "TWN" && !x.person)
            };
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
                && taiwan_next(i + 1)
            {
                push(&mut out, EventType::Sever, "sever.drop-taiwan", i, None);
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
            if self.starts(i, WITHDRAW_STEMS)
                && (w.starts_with("derecogni")
                    || w.starts_with("de-recogni")
                    || self.after(i, 4, &["recognition"]).is_some())
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
            // "Honduras switched to Beijing in 2023": relations with the state it went to
            if self.starts(i, &["switch"]) && self.after(i, 8, &["from"]).is_none() {
                let to = self.after(i, 4, &["to"]);
                let state_after = to.is_some_and(|t| {
                    self.mentions.iter().any(|x| {
                        (x.first == t + 1 || (x.first == t + 2 && self.is(t + 1, &["the"])))
                            && !x.place
                            && !x.person
                            && x.code.as_str() != "TWN"
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
            if self.starts(i, &["switch"])
                && self
                    .after(i, 4, &["recognition", "allegiance", "ties", "relations"])
                    .is_some()
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
                    EventType::Recognize,
                    "switch.recognition.to",
                    i,
                    None,
                );
                continue;
            }
            if w.starts_with("recogni")
                && !(i.saturating_sub(4)..i)
                    .any(|k| self.starts(k, WITHDRAW_STEMS) || self.starts(k, &["switch"]))
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
                    && self.after(i, 2, ENVOY_NOUNS).is_some()
                    && self.after_np(i, 9, &["back", "home"]).is_some())
                || (self.starts(i, &["bring", "brought"])
                    && self.after(i, 4, &["home", "back"]).is_some())
                || (self.starts(i, &["withdr", "pull"])
                    && self
                        .after(i, 3, &["ambassador", "envoy", "ambassadors", "envoys"])
                        .is_some())
                || (self.is(i, &["ordered", "orders", "told"])
                    && self.after(i, 8, &["home", "back"]).is_some()
                    && self.after(i, 6, &["its", "their", "his", "her"]).is_some());
            if recall {
                if let Some(noun) = self
                    .after(i, 5, ENVOY_NOUNS)
                    .or_else(|| self.before(i, 5, ENVOY_NOUNS))
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
            if w.starts_with("expel")
                || w.starts_with("expuls")
                || ((w == "persona" || w == "personae") && self.is(i + 1, &["non"]))
                || (self.is(
                    i,
                    &[
                        "ordered", "orders", "order", "told", "telling", "tells", "gave", "giving",
                        "asked", "asking",
                    ],
                ) && self.after(i, 16, &["leave", "depart", "go"]).is_some())
                || (self.is(
                    i,
                    &[
                        "kicks", "kicked", "kick", "kicking", "throws", "threw", "thrown",
                    ],
                ) && self.is(i + 1, &["out"]))
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
                        .or_else(|| self.before(i, 7, ENVOY_NOUNS))
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
                    || (w == "met" && self.is(i + 1, &["his", "her", "their", "the"]));
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
            // "held talks with", "the two ministers held talks", "a summit between"
            let talks = self.is(i, &["talks", "summit", "discussions", "consultations"])
                && (self.is(i + 1, &["with", "between"])
                    || self
                        .before(i, 3, &["held", "hold", "holds", "holding", "had"])
                        .is_some());
            // "sat down with", "hosted", "received", "welcomed", "greeted" a counterpart
            let hosted =
                (self.is(i, &["sat"]) && self.is(i + 1, &["down"]) && self.is(i + 2, &["with"]))
                    || (self.is(
                        i,
                        &[
                            "hosted", "hosts", "received", "receives", "welcomed", "welcomes",
                            "greeted", "greets",
                        ],
                    ) && self.toks.get(i + 1).is_some_and(|t| t.word));
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
                let ended = out.iter().any(|m| {
                    matches!(m.kind, EventType::Sever | EventType::Suspend)
                        && m.at < noun
                        && noun - m.at <= 4
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

    fn events(
        &self,
        published: Option<Date>,
        cx: &mut Context,
        raws: &mut Vec<Raw>,
        notes: &mut Vec<Note>,
    ) {
        let matches = self.matches();
        let mut used_objects: Vec<(Code, Code)> = Vec::new(); // (object, agent) of earlier triggers
        let mut seen: HashSet<(EventType, [Code; 2])> = HashSet::new();
        // the pair of this sentence's last event, for "…; the relations had been severed"
        let mut here: Option<[Code; 2]> = None;
        for m in &matches {
            let modality = self.modality(m.at);
            let (pairs, anaphoric) = self.actors(m, &used_objects, cx, here);
            let (mut date, said) = self.date(m.at, m.rule, modality, published, notes);
            if anaphoric && date.is_none() && self.dates.is_empty() {
                date = cx.last.and_then(|(_, d)| d);
            }
            let location = self
                .mentions
                .iter()
                .find(|x| {
                    // where it happened, not where a speaker sits: "the ministry in Seoul said"
                    let seat = x.first >= 2
                        && self.starts(
                            x.first - 2,
                            &[
                                "ministr",
                                "office",
                                "embass",
                                "government",
                                "official",
                                "spokes",
                                "consulate",
                                "mission",
                                "authorit",
                                "correspondent",
                                "reporter",
                            ],
                        );
                    x.place && !seat && x.first > m.at.saturating_sub(12)
                })
                .map(|x| self.text[self.toks[x.first].start..self.toks[x.last].end].to_string());
            for (a, b) in pairs {
                if a == b || !seen.insert((m.kind, [a, b])) {
                    continue;
                }
                used_objects.push((b, a));
                // a third state's word ("according to Belgrade", "South Korea's spy agency
                // told lawmakers") is a report, and the day it spoke is not the event's
                let (modality, date) = match self.third_party([a, b]) {
                    true if modality == Modality::Asserted => {
                        (Modality::Reported, if said { None } else { date })
                    }
                    _ => (modality, date),
                };
                here = Some([a, b]);
                raws.push(Raw {
                    kind: m.kind,
                    actors: [a, b],
                    date,
                    modality,
                    location: location.clone(),
                    rule: m.rule,
                    sentence: self.span,
                    trigger: (self.toks[m.at].start, self.toks[m.end].end),
                    said,
                });
            }
        }
    }

    /// Whether the sentence is attributed to a state that is neither actor: "according to
    /// Belgrade", "White House spokesman John Kirby said", "South Korea's intelligence service
    /// told lawmakers".
    fn third_party(&self, actors: [Code; 2]) -> bool {
        let other = |x: &&Mention| !actors.contains(&x.code) && !x.place;
        (0..self.toks.len()).any(|j| {
            let according = self.is(j, &["according"]) && self.is(j + 1, &["to"]);
            if according {
                return self
                    .mentions
                    .iter()
                    .filter(other)
                    .any(|x| x.first >= j + 2 && x.first <= j + 4);
            }
            if self.is(j, SPEECH_VERBS) {
                // the speaker stands just before the verb
                let last_before = self
                    .mentions
                    .iter()
                    .rfind(|x| x.last < j && x.last + 7 >= j);
                return last_before.is_some_and(|x| other(&x));
            }
            false
        })
    }

    /// The mention groups before and after a trigger: "A and B", "A, B and C".
    fn group_from(&self, ms: &[&Mention], idx: usize, forward: bool) -> Vec<Code> {
        let mut out = vec![ms[idx].code];
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
            let between_ok = hi >= lo
                && ((lo..hi).all(|j| {
                    self.is(
                        j,
                        &["and", ",", "&", "as", "well", "the", "’s", "'s", "both"],
                    )
                }) || self.offices_and(lo, hi))
                && !(lo..hi).all(|j| self.is(j, &["’s", "'s"]));
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
            if !out.contains(&ms[n].code) {
                out.push(ms[n].code);
            }
            k = n;
        }
        if !forward {
            out.reverse(); // text order: "Bhutan and South Korea"
        }
        out
    }

    /// "may" the modal, not "May" the name or the month ("Britain's Theresa May met …").
    fn modal_may(&self, j: usize) -> bool {
        self.is(j, &["may"]) && self.text[self.toks[j].start..].starts_with('m')
    }

    /// "the Ukrainian President and the British Prime Minister": between two states of a list,
    /// an office and a conjunction.
    fn offices_and(&self, lo: usize, hi: usize) -> bool {
        const TITLES: &[&str] = &["prime", "foreign", "defence", "defense", "deputy", "vice"];
        (lo..hi).any(|j| self.is(j, &["and", "&"]))
            && (lo..hi).any(|j| self.is(j, OFFICES))
            && (lo..hi).all(|j| {
                self.is(j, &["and", ",", "&", "the", "his", "her", "their"])
                    || self.is(j, OFFICES)
                    || self.is(j, TITLES)
            })
    }

    /// Whether a stand-in for a state ("the island", "the kingdom", "the Pacific nation") is the
    /// subject between `lo` and the trigger at `at`, with no state named there.
    fn stand_in_before(&self, lo: usize, at: usize) -> bool {
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
        })
    }

    /// The actor pairs of the event at a trigger, and whether they came from the previous event
    /// ("the two leaders").
    fn actors(
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
        });
        // "Those ties were broken after the 1959 revolution", "the relations had been severed
        // in 2019": relations already spoken of, in a sentence that names no state
        let (lo, hi) = self.clause_of(m);
        let relations_anaphor = !self
            .mentions
            .iter()
            .any(|x| !x.place && x.first >= lo && x.last < hi)
            && (m.at.saturating_sub(5)..(m.at + 4).min(self.toks.len())).any(|j| {
                self.is(j, &["those", "these", "the", "their", "such"])
                    && (self.is(j + 1, RELATION_NOUNS)
                        || (self.is(j + 1, &["diplomatic"]) && self.is(j + 2, RELATION_NOUNS)))
            });
        if let (true, Some((pair, _))) = (subject_anaphor, cx.last) {
            return (vec![(pair[0], pair[1])], true);
        }
        // … a past the statement recalls, whose time is its own, not the statement's
        if let (true, Some(pair)) = (relations_anaphor, here.or(cx.last.map(|l| l.0))) {
            return (vec![(pair[0], pair[1])], false);
        }
        // "Freetown withdrew that recognition": the recognition spoken of, by the state that
        // gave it
        if m.kind == EventType::WithdrawRecognition {
            let that = (m.at + 1..(m.at + 4).min(self.toks.len())).any(|j| {
                self.is(j, &["recognition"])
                    && self.is(j - 1, &["that", "this", "the", "its", "their"])
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
                match cx.last {
                    Some(_) if with_third => (Vec::new(), false),
                    Some((pair, _)) if anaphor => (vec![(pair[0], pair[1])], true),
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

    /// The tokens of the trigger's clause, between semicolons.
    fn clause_of(&self, m: &Match) -> (usize, usize) {
        let lo = (0..m.at)
            .rev()
            .find(|&j| self.is(j, &[";"]))
            .map_or(0, |j| j + 1);
        let hi = (m.end..self.toks.len())
            .find(|&j| self.is(j, &[";"]))
            .unwrap_or(self.toks.len());
        (lo, hi)
    }

    fn actor_pairs(&self, m: &Match, used: &[(Code, Code)], cx: &Context) -> Vec<(Code, Code)> {
        // only the trigger's clause: "147 countries recognise Palestine; the United States has
        // not" names no recogniser
        let (lo, hi) = self.clause_of(m);
        let all: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|x| x.first >= lo && x.last < hi)
            .collect();
        let actors: Vec<&Mention> = all.iter().copied().filter(|x| !x.place).collect();
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
            if let Some(by) =
                (m.end + 1..(m.end + 4).min(self.toks.len())).find(|&j| self.is(j, &["by"]))
            {
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
        let mut agents: Vec<Code> = match before_idx.last() {
            Some(&k) => {
                let g = self.group_from(&actors, k, false);
                // the nearest state before is the object of an earlier trigger: "cut ties
                // with Taipei and established relations with Beijing"; not the subject of a
                // clause of its own ("restored relations after Nauru dropped Taiwan")
                let f = actors[k].first;
                let own_clause = f > 0
                    && self.is(
                        f - 1,
                        &[
                            "after", "before", "when", "as", "since", "while", "because", "once",
                            "until",
                        ],
                    );
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
                _ => Vec::new(),
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
                if let Some(x) = all.iter().find(|x| {
                    x.last < noun
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
            // in Zimbabwe and Burkina Faso": each of a list
            if let Some(k) = all
                .iter()
                .position(|x| x.first > at.min(m.noun.unwrap_or(at)))
            {
                objects = if m.kind == EventType::RecallAmbassador {
                    vec![all[k].code]
                } else {
                    self.group_from(&all, k, true)
                };
            }
        }
        if m.rule == "switch.recognition.from"
            || m.rule == "switch.recognition.to"
            || m.rule == "establish.switch-to"
        {
            let word = if m.rule.ends_with("from") {
                "from"
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
                        "although",
                    ],
                ) || (self.is(j, &["as"]) && self.is(j - 1, &[","]))
            })
            .unwrap_or(self.toks.len());
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
            let with_object = after_idx.iter().any(|&k| {
                let f = actors[k].first;
                (f.saturating_sub(3)..f).any(|j| self.is(j, &["with", "and"]))
            });
            if !with_object {
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
        if agents.is_empty() && expelled_named {
            return Vec::new();
        }
        if agents.is_empty() && !objects.is_empty() {
            // no state before the trigger: "The formalisation of ties took place when South
            // Korean Foreign Minister Cho met his Syrian counterpart"
            agents = vec![objects.remove(0)];
            if objects.is_empty() {
                if let Some(&k) = after_idx.iter().find(|&&k| actors[k].code != agents[0]) {
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

    /// How the sentence puts the event at token `at`.
    fn modality(&self, at: usize) -> Modality {
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
        if any_stem(
            window.clone(),
            &[
                "denied",
                "deny",
                "denies",
                "denying",
                "dismissed",
                "refuted",
                "rejected",
                "rebuffed",
                "disputed",
            ],
        ) || window
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
            );
        if topic {
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
                    "discussed",
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
        let ranked = at >= 3
            && self.is(at - 1, &["to"])
            && self.is(
                at - 2,
                &["state", "country", "nation", "government", "states", "countries", "nations"],
            )
            && (at.saturating_sub(6)..at - 2).any(|k| {
                let w = self.w(k);
                matches!(w, "first" | "second" | "third" | "fourth" | "fifth" | "sixth" | "seventh" | "eighth" | "ninth" | "tenth" | "latest" | "last" | "only")
                    || (w.len() > 2
                        && w.as_bytes()[0].is_ascii_digit()
                        && (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th")))
            })
            // … said as done ("became", "has become"), not hoped for ("hopes to become")
            && (at.saturating_sub(8)..at).any(|k| {
                self.is(k, &["became", "becomes", "is", "was", "as"])
                    || (self.is(k, &["become", "been"])
                        && k > 0
                        && self.is(k - 1, &["has", "have", "had"]))
            });
        let infinitive = at > 0
            && self.is(at - 1, &["to"])
            && !ranked
            && !any(
                near(9),
                &[
                    "agreed", "decided", "voted", "moved", "went", "began", "started", "used",
                    "was", "were", "agree", "agrees", "decides",
                ],
            );
        if infinitive
            || any(
                near(6),
                &[
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
                ],
            )
        {
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

    /// The date of the event at token `at`: the nearest date expression in the sentence.
    fn date(
        &self,
        at: usize,
        rule: &str,
        modality: Modality,
        published: Option<Date>,
        notes: &mut Vec<Note>,
    ) -> (Option<Date>, bool) {
        // "the ministry said on Friday" dates the saying, not the event; a date across "after"
        // or "before" dates another event
        let speech = |d: &&Found| {
            let k = if d.first > 0 && self.is(d.first - 1, &["on", "in", "last", "this"]) {
                d.first - 1
            } else {
                d.first
            };
            k > 0
                && self.is(
                    k - 1,
                    &[
                        "said",
                        "says",
                        "announced",
                        "announces",
                        "told",
                        "stated",
                        "confirmed",
                        "added",
                        "reported",
                        "noted",
                        "tweeted",
                        "posted",
                        "wrote",
                        "declared",
                    ],
                )
        };
        let across = |d: &&Found| {
            let (lo, hi) = if d.first > at {
                (at, d.first)
            } else {
                (d.last, at)
            };
            (lo..hi).any(|j| {
                let conj = self.is(j, &["after", "before", "following", "until", "since"])
                    && !self.is(j + 1, &[",", "."])
                    && (j + 1 != d.first)
                    && !(j + 2 == d.first && self.is(j + 1, &["on", "in"]));
                conj || self.is(j, &[";"])
            })
        };
        // "the Vienna Convention on Diplomatic Relations of April 18, 1961": a date after "of"
        // dates the noun before it, unless that noun is the trigger's own
        let of_noun = |d: &&Found| {
            d.first > 1
                && self.is(d.first - 1, &["of"])
                && !self.is(d.first - 2, &["as"])
                && !(at + 1..d.first).all(|j| j + 3 > d.first)
        };
        // "restored ties cut in 2016": a date after a participle on the relations noun dates
        // that participle's event, not the trigger before it
        let participle = |d: &&Found| {
            d.first > at
                && (at + 1..d.first).any(|j| {
                    let p = j + 1;
                    self.is(j, &["ties", "relations", "links"])
                        && self.is(
                            p,
                            &["cut", "severed", "broken", "suspended", "frozen", "downgraded", "established", "ended"],
                        )
                        // the participle's own date is the first one after it
                        && self
                            .dates
                            .iter()
                            .filter(|x| x.first > p)
                            .min_by_key(|x| x.first)
                            .is_some_and(|x| x.first == d.first)
                })
        };
        // "Ecuador, which recognised the SADR in 1983, suspended that recognition on Tuesday": a
        // date inside a relative clause closed before the trigger dates that clause's event
        let relative = |d: &&Found| {
            d.last < at
                && (d.last + 1..at).any(|j| self.is(j, &[","]))
                && (d.first.saturating_sub(12)..d.first)
                    .any(|k| self.is(k, &["which", "who"]) && k > 0 && self.is(k - 1, &[","]))
        };
        let history = rule.starts_with("history");
        let usable = |d: &&Found| {
            !across(d) && !of_noun(d) && !participle(d) && !relative(d) && (d.since == history)
        };
        let Some(nearest) = self
            .dates
            .iter()
            .filter(|d| usable(d) && !speech(d))
            .chain(self.dates.iter().filter(|d| usable(d) && speech(d)))
            .min_by_key(|d| {
                let dist = if d.first > at {
                    d.first - at
                } else {
                    at - d.last
                };
                // a date after the trigger in the same clause reads first ("took place on
                // Thursday"), one before it second
                (speech(d), dist, d.first < at)
            })
        else {
            return (None, false);
        };
        let said = speech(&nearest);
        let future = modality == Modality::Planned;
        let r = dates::resolve(nearest.expr, published, future);
        let t = || &self.text[self.toks[nearest.first].start..self.toks[nearest.last].end];
        // nothing outside the years the ledger stores leaves the reader
        let r = match r {
            Some(d) if !dates::storable(&d) => {
                notes.push(Note {
                    kind: NoteKind::UnresolvedDate,
                    message: format!(
                        "{:?} falls in year {}, outside 1 to 9999: left undated",
                        t(),
                        d.year_number()
                    ),
                    start: self.span.0,
                    end: self.span.1,
                });
                None
            }
            r => r,
        };
        let coarse = published.filter(|p| p.precision() != diplograph_model::Precision::Day);
        if r.is_none() && dates::relative(nearest.expr) && (published.is_none() || coarse.is_some())
        {
            let why = match coarse {
                None => "no publication date".to_string(),
                Some(p) => format!("the publication date is only {p}"),
            };
            notes.push(Note {
                kind: NoteKind::UnresolvedDate,
                message: format!("{:?} left unresolved: {why}", t()),
                start: self.span.0,
                end: self.span.1,
            });
        }
        let r = match (r, nearest.expr) {
            (Some(d), Expr::Weekday(_))
                if !future && published.is_some_and(|p| d.first_day() > p.last_day()) =>
            {
                None
            }
            (r, _) => r,
        };
        (r, said)
    }
}

/// One event per article: the same type and actors with agreeing dates are one event with
/// several sentences of evidence. Events are indexed by type and actors, so that each mention is
/// compared only with the events it could be (at most `budget.events_per_pair` of them).
fn merge(text: &str, raws: Vec<Raw>, budget: &Budget, notes: &mut Vec<Note>) -> Vec<ReadEvent> {
    let mut events: Vec<ReadEvent> = Vec::new();
    // whether each event's date is only the day someone said so
    let mut said: Vec<bool> = Vec::new();
    // sentences stating each event past the evidence budget
    let mut more: Vec<usize> = Vec::new();
    let mut by_key: HashMap<(EventType, [Code; 2]), Vec<usize>> = HashMap::new();
    let (mut dropped, mut first_dropped) = (0usize, None);
    for r in raws {
        let evidence = || Evidence {
            text: text[r.sentence.0..r.sentence.1].to_string(),
            start: r.sentence.0,
            end: r.sentence.1,
            trigger: text[r.trigger.0..r.trigger.1].to_string(),
            modality: r.modality,
            rule: r.rule,
        };
        let compatible = |(e, e_said): (&ReadEvent, bool)| {
            let same_actors = e.actors == r.actors
                || r.kind.symmetric_match() && e.actors == [r.actors[1], r.actors[0]];
            // a date someone announced something on yields to the event's own date
            let agree = match (e.date, r.date) {
                (Some(a), Some(b)) => a.agrees_with(&b) || e_said != r.said,
                _ => true,
            };
            e.kind == r.kind
                && same_actors
                && agree
                && (e.modality.happened() == r.modality.happened()
                    || r.date.is_none()
                    || e.date.is_none())
        };
        let actors = if r.kind.symmetric_match() && r.actors[1] < r.actors[0] {
            [r.actors[1], r.actors[0]]
        } else {
            r.actors
        };
        let bucket = by_key.entry((r.kind, actors)).or_default();
        let found = bucket
            .iter()
            .copied()
            .find(|&k| compatible((&events[k], said[k])));
        if let Some(k) = found {
            let e = &mut events[k];
            if let Some(d) = r.date {
                let (date, was_said) = match e.date {
                    None => (d, r.said),
                    Some(_) if said[k] && !r.said => (d, false),
                    Some(x) if !said[k] && r.said => (x, false),
                    Some(x) => (x.finer(d), said[k] && r.said),
                };
                e.date = Some(date);
                said[k] = was_said;
            }
            if r.modality.happened() && (!e.modality.happened() || r.modality < e.modality) {
                e.modality = r.modality;
            }
            if e.location.is_none() {
                e.location = r.location;
            }
            // mentions come in text order: a sentence already kept is the last one kept
            let last = e.evidence.last().map(|x| x.start);
            if last < Some(r.sentence.0) {
                if e.evidence.len() < budget.evidence {
                    e.evidence.push(evidence());
                } else {
                    more[k] += 1;
                }
            }
            continue;
        }
        if events.len() >= budget.events || bucket.len() >= budget.events_per_pair {
            dropped += 1;
            first_dropped.get_or_insert(r.sentence);
            continue;
        }
        bucket.push(events.len());
        said.push(r.said && r.date.is_some());
        more.push(0);
        events.push(ReadEvent {
            kind: r.kind,
            actors: r.actors,
            date: r.date,
            modality: r.modality,
            location: r.location,
            rule: r.rule,
            evidence: vec![evidence()],
        });
    }
    for (e, &n) in events.iter().zip(&more).filter(|(_, n)| **n > 0) {
        let last = e.evidence.last().expect("an event has evidence");
        notes.push(Note {
            kind: NoteKind::Budget,
            message: format!(
                "{n} more sentences state the {} event of {} and {} (the budget keeps {})",
                e.kind.as_str(),
                e.actors[0],
                e.actors[1],
                budget.evidence
            ),
            start: last.end,
            end: last.end,
        });
    }
    if let Some((start, end)) = first_dropped {
        notes.push(Note {
            kind: NoteKind::Budget,
            message: format!(
                "{dropped} mentions of further events not kept (the budget keeps {} events, {} of one type between two states)",
                budget.events, budget.events_per_pair
            ),
            start,
            end,
        });
    }
    events.sort_by_key(|e| e.evidence[0].start);
    events
}
