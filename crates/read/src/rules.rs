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
//!
//! This file drives the article (sentence by sentence, carrying the `Context`) and holds the
//! sentence's token helpers; each stage has its own file: `words` (the word lists), `people`
//! (who is named), `triggers` (what happened), `actors` (who acted), `modality` (how surely),
//! `time` (when) and `merge` (one event per article).

use std::collections::{HashMap, HashSet};

use diplograph_model::{Code, Date};

use crate::clean::Segment;
use crate::dates::{self, Found};
use crate::lexicon::{self, FormKind, Lexicon};
use crate::text::{self, Tok};
use crate::{Budget, EventType, Modality, Note, NoteKind, ReadEvent};

mod actors;
mod merge;
mod modality;
mod people;
mod time;
mod triggers;
mod words;

use merge::merge;
use people::{add_people, mentions, register_people};
pub(crate) use words::{OFFICES, TRIGGER_STEMS};

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
    /// The last event's type: a statement that goes on about the same act.
    last_kind: Option<EventType>,
    /// The last sentence's last pair of an event that made or kept ties (established, restored,
    /// met, signed) and of one that cut them: "the two governments said they were establishing
    /// relations" after "Panama set up relations with China and cut its ties with Taiwan" is
    /// Panama and China.
    last_by_side: [Option<[Code; 2]>; 2],
    /// The last day the text named (in the sentences looked at), for "that day", "the next day".
    last_day: Option<Date>,
    /// The day of a statement made in the sentence looked at last ("announced on Thursday that
    /// …"), for an undated event in the next one that goes on with it ("…, the council said").
    statement_day: Option<Date>,
    /// The pair the whole text is about, if known (see [`crate::read_about`]).
    topic: Option<[Code; 2]>,
    /// The first state the sentence before named, and whether it told any act: "Algeria hit
    /// back on Monday. It recalled its ambassadors to Mali and Niger" is Algeria's recall.
    prev_subject: Option<Code>,
    prev_had_events: bool,
    /// Undated acts of the last sentence that had events, and how many sentences ago: "Mexico
    /// has moved to cut ties with Ecuador. … announced the break on Friday" dates the break.
    undated: (Vec<usize>, usize),
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
    // the states that acted in the last sentence, for a statement that goes on
    let mut acted_before: Vec<Code> = Vec::new();
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
                date_back(text, (ss, se), published, &mut cx, &mut raws);
                // a sentence with no act may still name the subject of the next ("Algeria hit
                // back on Monday. It recalled …")
                cx.prev_subject =
                    sent_hits
                        .iter()
                        .find_map(|h| match lex.forms[h.form].codes.as_slice() {
                            [c] => Some(*c),
                            _ => None,
                        });
                cx.prev_had_events = false;
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
                cx.prev_subject = mentions.iter().find(|x| !x.place).map(|x| x.code);
                cx.prev_had_events = false;
                continue;
            }
            add_people(text, &toks, &mut mentions, &cx);
            let found = dates::find(text, &toks);
            let mut s = Sentence {
                text,
                toks: &toks,
                lw: &lw,
                mentions: &mentions,
                dates: &found,
                span: (ss, se),
                relations_before: matches!(
                    cx.last_kind,
                    Some(
                        EventType::Establish
                            | EventType::Restore
                            | EventType::Sever
                            | EventType::Suspend
                    )
                ),
                comparatives: Vec::new(),
            };
            s.comparatives = s.as_did_spans();
            let before = raws.len();
            // the states that acted in the sentence before, whose statement this may go on with
            let spoken_of = std::mem::take(&mut acted_before);
            s.events(published, &mut cx, &mut raws, notes);
            // an undated event told as what someone said, right after a statement of a known
            // day, is dated by it (when it goes on about one of the same states: not "The
            // Dominican Republic announced …" after a paragraph on Panama)
            if let Some(day) = cx.statement_day.filter(|_| s.goes_on_with_statement()) {
                for r in raws[before..].iter_mut().filter(|r| {
                    r.date.is_none()
                        && r.modality.happened()
                        && !r.rule.starts_with("history")
                        && (spoken_of.is_empty() || r.actors.iter().any(|c| spoken_of.contains(c)))
                }) {
                    r.date = Some(day);
                }
            }
            cx.statement_day = s.statement_day(published, cx.last_day);
            // the last day this sentence names, for "that day" in the sentences after it
            // … not a deadline ("must leave by February 24")
            for f in found.iter().filter(|f| !time::deadline(&lw, f)) {
                if let Some(d) = dates::resolve_in(f.expr, published, false, cx.last_day)
                    .filter(|d| d.precision() == diplograph_model::Precision::Day)
                {
                    cx.last_day = Some(d);
                }
            }
            if raws.len() == before {
                date_back(text, (ss, se), published, &mut cx, &mut raws);
            } else {
                // … or dated only by the dateline ("Caracas, July 30 — Venezuela has told …")
                let dateline = s.dateline_day(published);
                let undated = (before..raws.len()).filter(|&k| {
                    let r = &raws[k];
                    (r.date.is_none() || r.date.is_some() && r.date == dateline)
                        && r.modality.happened()
                        && !r.rule.starts_with("history")
                });
                cx.undated = (undated.collect(), 0);
            }
            cx.prev_subject = mentions.iter().find(|x| !x.place).map(|x| x.code);
            cx.prev_had_events = raws.len() > before;
            // (not Beijing and Taipei between themselves: a switch misread, dropped later)
            acted_before = raws[before..]
                .iter()
                .filter(|r| {
                    !matches!(
                        [r.actors[0].as_str(), r.actors[1].as_str()],
                        ["CHN", "TWN"] | ["TWN", "CHN"]
                    )
                })
                .map(|r| r.actors[0])
                .collect();
            if let Some(r) = raws[before..].last() {
                cx.last = Some((r.actors, r.date));
                cx.last_kind = Some(r.kind);
            }
            // … the sides of the last sentence that told acts: a pair that cut ties paragraphs
            // ago is not "the two countries" of a pair that just made them
            if raws.len() > before {
                cx.last_by_side = [None, None];
            }
            for r in &raws[before..] {
                cx.last_by_side[usize::from(cuts(r.kind))] = Some(r.actors);
            }
        }
    }
    merge(text, raws, budget, notes)
}

/// Nouns that name an act told before: "the break", "the order", "the decision".
const ACT_NOUNS: &[&str] = &[
    "break",
    "rupture",
    "decision",
    "order",
    "move",
    "step",
    "expulsion",
    "expulsions",
    "recall",
    "announcement",
    "suspension",
    "severance",
    "measure",
    "measures",
    "withdrawal",
];

/// A sentence with no event of its own that names an act told in the sentence before it (or
/// the one before that) by a noun ("the break", "the order against the ambassador") and gives
/// a day for it ("announced the break on Friday evening", "was issued on Saturday", "the
/// decision …, the ministry wrote on Friday"): that act's day, for the undated events of
/// that sentence.
fn date_back(
    text: &str,
    (ss, se): (usize, usize),
    published: Option<Date>,
    cx: &mut Context,
    raws: &mut [Raw],
) {
    if cx.undated.0.is_empty() {
        return;
    }
    cx.undated.1 += 1;
    if cx.undated.1 > 2 {
        cx.undated.0.clear();
        return;
    }
    // most sentences name no act: a look for the nouns before tokenising
    let lower = text[ss..se].to_ascii_lowercase();
    if !ACT_NOUNS.iter().any(|n| lower.contains(n)) {
        return;
    }
    let toks = text::tokens(text, ss, se);
    let lw: Vec<String> = toks
        .iter()
        .map(|t| text[t.start..t.end].to_lowercase())
        .collect();
    let is = |j: usize, ws: &[&str]| lw.get(j).is_some_and(|w| ws.contains(&w.as_str()));
    // "the break", "this decision", "its order": the first such noun in the sentence
    let Some(noun) = (1..lw.len())
        .find(|&j| is(j, ACT_NOUNS) && is(j - 1, &["the", "this", "that", "its", "their"]))
    else {
        return;
    };
    // "the move came a day after Paris said it would…", "the break with Cuba in 1961": a date
    // of another act, or one across "after"/"before", is not the act's
    let found = dates::find(text, &toks);
    let day = found
        .iter()
        .filter(|d| d.first > noun && !d.since)
        .filter(|d| {
            !(noun..d.first)
                .any(|j| is(j, time::CONJUNCTIONS) || is(j, &["ago", "later", "earlier"]))
        })
        .find_map(|d| {
            dates::resolve_in(d.expr, published, false, cx.last_day)
                .filter(|r| r.precision() == diplograph_model::Precision::Day)
                .filter(|r| published.is_none_or(|p| r.first_day() <= p.last_day()))
        });
    if let Some(day) = day {
        for &k in &cx.undated.0 {
            if let Some(r) = raws.get_mut(k) {
                r.date = Some(day);
            }
        }
        cx.undated.0.clear();
    }
}

/// Whether an event cuts or lowers ties (a break, a recall, an expulsion, a sanction), rather
/// than making or keeping them.
fn cuts(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Sever
            | EventType::Suspend
            | EventType::WithdrawRecognition
            | EventType::RecallAmbassador
            | EventType::ExpelDiplomats
            | EventType::CloseEmbassy
            | EventType::Sanction
    )
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

struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lw: &'a [String],
    mentions: &'a [Mention],
    dates: &'a [Found],
    span: (usize, usize),
    /// The last act the article told changed relations (established, restored, broke,
    /// suspended them): "them" and "they" may stand for those relations ("Maduro had broken
    /// them off in 2019", "they were restored in 2020").
    relations_before: bool,
    /// The sentence's comparatives, ", as Colombia and Chile did" (see
    /// [`Sentence::as_did_spans`]), found once for all its triggers.
    comparatives: Vec<(usize, usize)>,
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

    fn events(
        &self,
        published: Option<Date>,
        cx: &mut Context,
        raws: &mut Vec<Raw>,
        notes: &mut Vec<Note>,
    ) {
        let matches = self.matches();
        // "Britain, Canada and Portugal had done so on Sunday": the last act told again, by
        // the states before the pro-verb, towards the same state
        let proverbs = if matches.is_empty() {
            self.proverbs()
        } else {
            Vec::new()
        };
        let mut from = 0;
        for (n, &(at, end)) in proverbs.iter().enumerate() {
            let (Some(kind), Some((pair, _))) = (cx.last_kind, cx.last) else {
                break;
            };
            let modality = self.modality(at);
            // the states since the pro-verb before: "Slovenia did the same on 4 June, and
            // Armenia followed suit"
            let ms: Vec<&Mention> = self
                .mentions
                .iter()
                .filter(|x| !x.place && x.first >= from && x.last < at)
                .collect();
            from = end + 1;
            let Some(k) = ms.len().checked_sub(1) else {
                continue;
            };
            let group = self.group_from(&ms, k, false);
            // the date in the pro-verb's own clause: from its first acting state up to the next
            // pro-verb ("Slovenia did the same on 4 June, and Armenia followed suit")
            let starts = ms[k + 1 - group.len().min(k + 1)].first;
            let upto = proverbs.get(n + 1).map_or(self.toks.len(), |p| p.0);
            let date = self
                .dates
                .iter()
                .filter(|d| d.first >= starts && d.last < upto)
                .min_by_key(|d| d.first.abs_diff(at))
                .and_then(|d| {
                    dates::resolve_in(
                        d.expr,
                        published,
                        modality == Modality::Planned,
                        cx.last_day,
                    )
                })
                .filter(dates::storable);
            let target = pair[1];
            for a in group {
                if a == target || a == pair[0] && kind.symmetric_match() {
                    continue;
                }
                raws.push(Raw {
                    kind,
                    actors: [a, target],
                    date,
                    modality,
                    location: None,
                    rule: "proverb.same-act",
                    sentence: self.span,
                    trigger: (self.toks[at].start, self.toks[end].end),
                    said: false,
                });
            }
        }
        let mut used_objects: Vec<(Code, Code)> = Vec::new(); // (object, agent) of earlier triggers
                                                              // an act once per sentence; two of a kind on different days are two ("spoke on
                                                              // Tuesday, their first call since they met in October")
        let mut seen: HashSet<(EventType, [Code; 2], Option<Date>)> = HashSet::new();
        // the pair of this sentence's last event, for "…; the relations had been severed"
        let mut here: Option<[Code; 2]> = None;
        let mut here_date: Option<Date> = None;
        let mut here_kind: Option<EventType> = None;
        for m in &matches {
            let modality = self.modality(m.at);
            let (mut pairs, anaphoric) = self.actors(m, &used_objects, cx, here);
            if let ([(a, b)], true) = (pairs.as_slice(), self.each_other(m)) {
                pairs.push((*b, *a));
            }
            // "recalled their ambassadors from Israel, as Colombia and Chile did": the same act
            // towards the same state, at the comparative's own time if it gives one ("did last
            // month"), else undated
            let (compared, compared_on) = self.did_the_same(m);
            let same: Vec<(Code, Code)> = match pairs.as_slice() {
                [.., (_, target)] if m.kind.directed() => compared
                    .into_iter()
                    .filter(|c| c != target && !pairs.iter().any(|p| p.0 == *c))
                    .map(|c| (c, *target))
                    .collect(),
                _ => Vec::new(),
            };
            let same_date =
                compared_on.and_then(|d| dates::resolve_in(d.expr, published, false, cx.last_day));
            let anchor = cx.last_day;
            let (mut date, said) = self.date(m.at, m.rule, modality, (published, anchor), notes);
            // "the two leaders" of this sentence's event ("received … on 17 September, and
            // after their talks the two leaders signed"): the same scene, the same day
            // (not another change of the relations: "had recognised the South Korean
            // government in 1949, but the two cut off their ties after the 1959 revolution")
            if anaphoric
                && date.is_none()
                && here.is_some()
                && pairs.first().map(|p| [p.0, p.1]) == here
                && !(m.kind.ledger_event().is_some()
                    && here_kind.is_some_and(|k| k != m.kind && k.ledger_event().is_some()))
            {
                date = here_date;
            } else if anaphoric
                && date.is_none()
                && self.dates.is_empty()
                // … but a change of the relations is the last act's scene only on its side and
                // not after another change: "established relations on 25 September 1897.
                // During the war, both countries severed them", "reopened its embassy on
                // Monday. … The two countries broke off relations at the start of the war" are
                // other acts; "closed its embassy on 7 September …; relations between the two
                // countries were suspended" is one scene
                && (m.kind.ledger_event().is_none()
                    || cx.last_kind.is_some_and(|k| {
                        cuts(k) == cuts(m.kind) && (k == m.kind || k.ledger_event().is_none())
                    }))
            {
                date = cx.last.and_then(|(_, d)| d);
            }
            // "has broken off relations with immediate effect": the day of the statement
            if date.is_none()
                && self.dates.is_empty()
                && modality == Modality::Asserted
                && self.immediate()
            {
                date = cx
                    .statement_day
                    .or(published)
                    .filter(|d| d.precision() == diplograph_model::Precision::Day);
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
                if a == b || !seen.insert((m.kind, [a, b], date)) {
                    continue;
                }
                used_objects.push((b, a));
                // a third state's word ("according to Belgrade", "South Korea's spy agency
                // told lawmakers") is a report, and the day it spoke is not the event's
                let (modality, date) = match self.third_party([a, b], m.at) {
                    true if modality == Modality::Asserted => {
                        (Modality::Reported, if said { None } else { date })
                    }
                    _ => (modality, date),
                };
                here = Some([a, b]);
                here_date = date;
                here_kind = Some(m.kind);
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
            for (a, b) in same {
                if a == b || !seen.insert((m.kind, [a, b], same_date)) {
                    continue;
                }
                raws.push(Raw {
                    kind: m.kind,
                    actors: [a, b],
                    date: same_date,
                    modality,
                    location: None,
                    rule: m.rule,
                    sentence: self.span,
                    trigger: (self.toks[m.at].start, self.toks[m.end].end),
                    said: false,
                });
            }
        }
    }
}
