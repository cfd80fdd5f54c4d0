//! Prose about a pair: the breaks, suspensions and restorations that a row's notes or a
//! bilateral section state (read with the project's reader, and by a topic rule for sentences
//! that name neither state), breaks spoken of without a date, and lists of states without
//! relations.

use diplograph_graph::States;
use diplograph_model::{Code, Date, Day, Event};
use diplograph_read::{EventType, Lexicon, Modality};

use crate::extract::resolve;
use crate::{markup, table};

/// A sentence that speaks of a break in relations between `home` and `partner`, without a
/// date. A break whose nearest named state, before or after its words, is a third one is that
/// state's: "Taiwan then broke relations on 7 June" in the notes of China's row with Costa Rica,
/// "Panama has severed diplomatic relationship with the Republic of China".
pub(crate) fn speaks_of_break(
    text: &str,
    home: Code,
    partner: Code,
    lexicon: &Lexicon,
) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    const BREAK: &[&str] = &[
        "severed",
        "broke off",
        "broken off",
        "cut off diplomatic",
        "cut diplomatic",
        "cut ties",
        "suspended diplomatic",
        "suspended relations",
        "suspended ties",
        "relations were broken",
        "relations were severed",
        "relations were suspended",
        "broke diplomatic",
        "broke relations",
        "broke ties",
    ];
    let mut at: Vec<usize> = BREAK
        .iter()
        .flat_map(|w| lower.match_indices(w).map(|(i, _)| i))
        .collect();
    at.sort_unstable();
    at.into_iter().find_map(|at| {
        // The sentence holding it, as the page renders it.
        let start = text[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
        let end = text[at..]
            .find(['.', '\n'])
            .map_or(text.len(), |i| at + i + 1);
        let named = lexicon.states_in(text, start, end);
        let before = named.iter().rev().find(|h| h.1 <= at);
        let after = named.iter().find(|h| h.0 > at);
        let third = |h: &(usize, usize, Code)| h.2 != home && h.2 != partner;
        // a third state before the break is a party to it unless it stands in a list beside
        // one of the pair ("The Egyptian government, along with those of Saudi Arabia, Bahrain
        // and the UAE, broke off relations with Qatar"): not when it is the object ("relations
        // with Taiwan is severed") or one of a pair ("ties between Seoul and Taipei")
        let object = |h: &(usize, usize, Code)| {
            let lead = lower[start..h.0].trim_end();
            lead.ends_with("with") || lead.ends_with("with the")
        };
        let third_before = before.filter(|h| third(h)).is_some_and(|h| {
            object(h)
                || lower[start..h.0].contains("between")
                || !named.iter().any(|x| x.1 <= h.0 && !third(x))
        });
        // after it, a third state that is the object ("severed ties with South Korea"), not a
        // topic ("broken off for some years over the Western Sahara")
        let third_after = after.is_some_and(|h| third(h) && object(h));
        // "never formally severed", "have not been broken off", "continued to maintain full
        // relations", "negotiations … broken off", "this was denied"; "not resumed until 1946"
        // tells a break
        let sentence = &lower[start..end];
        let words: Vec<&str> = sentence
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        let denied = words.iter().enumerate().any(|(i, w)| match *w {
            "not" => !words[i..].iter().take(5).any(|w| *w == "until"),
            "never" | "denied" | "negotiations" | "talks" => true,
            _ => false,
        }) || sentence.contains("n't ")
            || sentence.contains("continued to maintain");
        (!third_before && !third_after && !denied).then(|| text[start..end].trim().to_string())
    })
}

/// A section's text without its tables (their rows are read as rows).
pub(crate) fn prose_without_tables(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut last = 0;
    for t in table::tables(body) {
        out.push_str(&body[last..t.start.max(last)]);
        let end = body[t.start..]
            .find("\n|}")
            .map_or(body.len(), |i| t.start + i + 3);
        last = end;
    }
    if last < body.len() {
        out.push_str(&body[last..]);
    }
    out
}

pub(crate) type Read = (Event, Code, Code, Date, String);

/// The dated breaks, suspensions and restorations between `home` and `partner` that a text
/// asserts, as the reader finds them.
pub(crate) fn read_breaks(
    text: &str,
    home: Code,
    partner: Code,
    snapshot: Day,
    lexicon: &Lexicon,
) -> Vec<Read> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    if ![
        "sever",
        "broke",
        "broken",
        "suspend",
        "restor",
        "resum",
        "re-establish",
        "reestablish",
        "cut",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return Vec::new();
    }
    let r = diplograph_read::read_as(
        text,
        Some(diplograph_model::Date::from_day(snapshot)),
        Some(home),
        lexicon,
    );
    let mut out = topic_breaks(text, home, partner, snapshot, lexicon);
    let of_pair = |e: &diplograph_read::ReadEvent| {
        e.actors.contains(&home) && e.actors.contains(&partner) && e.modality == Modality::Asserted
    };
    // "Relations were temporarily suspended around 2004 …, but these were restored soon
    // after": a break the text ends without a date, and with no dated restoration, is no
    // break that lasts
    // (where in the text: the trigger's place, for two acts in one sentence)
    let at = |e: &diplograph_read::ReadEvent| {
        e.evidence
            .first()
            .map(|v| v.start + v.text.find(&v.trigger).unwrap_or(0))
    };
    let restored = |dated: bool| {
        r.events
            .iter()
            .filter(|e| e.kind == EventType::Restore && e.date.is_some() == dated && of_pair(e))
            .filter_map(at)
            .max()
    };
    let dated_restore =
        restored(true).is_some() || out.iter().any(|r: &Read| r.0 == Event::Restore);
    let ended_undated = restored(false).filter(|_| !dated_restore);
    for e in &r.events {
        if matches!(e.kind, EventType::Sever | EventType::Suspend)
            && ended_undated.is_some_and(|end| at(e).is_some_and(|a| a < end))
        {
            continue;
        }
        let event = match e.kind {
            EventType::Sever => Event::Sever,
            EventType::Suspend => Event::Suspend,
            EventType::Restore => Event::Restore,
            _ => continue,
        };
        let pair = [e.actors[0], e.actors[1]];
        if !(pair.contains(&home) && pair.contains(&partner)) || e.modality != Modality::Asserted {
            continue;
        }
        let Some(date) = e.date else { continue };
        if out
            .iter()
            .any(|r: &Read| r.0 == event && r.3.agrees_with(&date))
        {
            continue;
        }
        // The reader resolves relative dates against the snapshot; prose about history never
        // dates a break after the page was taken.
        if date.first_day() > snapshot {
            continue;
        }
        let quote = e
            .evidence
            .first()
            .map(|ev| ev.text.trim().to_string())
            .unwrap_or_default();
        out.push((event, e.actors[0], e.actors[1], date, quote));
    }
    out
}

/// Sentences of a section or a row's notes that are about the pair by their place: "Diplomatic
/// relations were restored in September 2011." under the heading "Ghana" of Israel's article
/// names neither state, yet speaks of the two. A sentence with one break or restoration word,
/// one date, no negation and no third state counts; the reader's own events come first.
fn topic_breaks(
    text: &str,
    home: Code,
    partner: Code,
    snapshot: Day,
    lexicon: &Lexicon,
) -> Vec<Read> {
    let mut out = Vec::new();
    for (a, b) in diplograph_read::text::sentences(text, 0, text.len()) {
        let sentence = &text[a..b];
        let lower = sentence.to_ascii_lowercase();
        if !(lower.contains("relations") || lower.contains("ties")) {
            continue;
        }
        let negated = [" not ", " never ", "n't ", " no ", " without "]
            .iter()
            .any(|w| lower.contains(w));
        let planned = [
            " will ",
            " would ",
            " plan",
            " agreed to",
            " intend",
            " could ",
        ]
        .iter()
        .any(|w| lower.contains(w));
        // "cut diplomatic relations with the Gaddafi regime": a government, not the state
        let regime = [" regime", " junta"].iter().any(|w| lower.contains(w));
        // "downgraded ties … and suspended military co-operation", "suspended high-level
        // bilateral relations", "re-established ambassador-level relations": a lower level or
        // another field of relations, not the diplomatic relations themselves; "called upon
        // the president to break off relations": a demand
        let lesser = LESSER.iter().any(|w| lower.contains(w));
        if negated || planned || regime || lesser {
            continue;
        }
        let words: &[(&[&str], Event)] = &[
            (
                &[
                    "were severed",
                    "was severed",
                    "were broken",
                    "broke off",
                    "severed",
                    "cut off",
                    "broke",
                    "broken",
                ],
                Event::Sever,
            ),
            (&["were suspended", "suspended"], Event::Suspend),
            (
                &[
                    "were restored",
                    "restored",
                    "re-established",
                    "reestablished",
                    "resumed",
                    "renewed",
                    "normalized",
                    "normalised",
                ],
                Event::Restore,
            ),
        ];
        let found: Vec<Event> = words
            .iter()
            .filter(|(ws, _)| ws.iter().any(|w| has_words(&lower, w)))
            .map(|(_, e)| *e)
            .collect();
        let [event] = found[..] else { continue };
        let Some((date, _)) = crate::dates::parse_text(sentence) else {
            continue;
        };
        // Exactly one date: a second one may belong to the other event of a sentence.
        let after_first = crate::dates::parse_text(sentence)
            .map(|(_, r)| &sentence[r.end..])
            .and_then(crate::dates::parse_text);
        if after_first.is_some() || date.first_day() > snapshot {
            continue;
        }
        let named: Vec<Code> = lexicon.states_in(text, a, b).iter().map(|h| h.2).collect();
        if named.iter().any(|&c| c != home && c != partner) {
            continue;
        }
        // Who broke them off: the one of the two the sentence names, when it names one.
        let (x, y) = match (named.contains(&home), named.contains(&partner)) {
            (false, true) => (partner, home),
            _ => (home, partner),
        };
        out.push((event, x, y, date, sentence.trim().to_string()));
    }
    out
}

/// Words of a sentence about a lower level or another field of relations, or a demand: no
/// break or restoration of the relations themselves (see `topic_breaks`).
const LESSER: &[&str] = &[
    "downgrad",
    "high-level",
    "ambassador-level",
    "ambassadorial level",
    "military co-operation",
    "military cooperation",
    "called on",
    "called upon",
    "urged",
];

/// Whether `words` stand in `text` as whole words: "broke" in "broke off", not in "brokering
/// talks" (which made China's 2003 talks on North Korea a break of relations).
fn has_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The states a list of "countries without diplomatic relations" names: every state flagged or
/// linked in a section headed so, or in the bullet lines right after a sentence saying so.
pub(crate) fn without_lists(
    path: &[String],
    body: &str,
    states: &States,
) -> Vec<(Code, &'static str)> {
    const SAYS: &[&str] = &[
        "without diplomatic relations",
        "no diplomatic relations",
        "not established diplomatic relations",
        "not yet established diplomatic relations",
        "does not have diplomatic relations with",
        "does not maintain diplomatic relations with",
        "has no diplomatic relations with",
    ];
    let headed = path.iter().any(|h| {
        let h = h.to_ascii_lowercase();
        SAYS.iter().any(|w| h.contains(w)) && !h.contains("recogni")
    });
    let names = |text: &str| -> Vec<Code> {
        let mut out = Vec::new();
        for (_, t) in markup::templates(text) {
            if t.name.starts_with("flag") {
                if let Some(p) = t.positional().first() {
                    if let Ok(c) = resolve(states, &markup::plain(p)) {
                        out.push(c);
                    }
                }
            }
        }
        let mut k = 0;
        while let Some(i) = text[k..].find("[[").map(|i| k + i) {
            let Some(e) = markup::construct_end(text, i) else {
                break;
            };
            let target = markup::split_top(&text[i + 2..e - 2], "|")[0];
            if let Ok(c) = resolve(states, &markup::plain(target)) {
                out.push(c);
            }
            k = e;
        }
        out
    };
    let mut out = Vec::new();
    if headed {
        let without_tables = prose_without_tables(body);
        for c in names(&without_tables) {
            out.push((c, "a list of states without diplomatic relations"));
        }
        return out;
    }
    let lines: Vec<&str> = body.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        let lower = markup::plain(l).to_ascii_lowercase();
        let t = lower.trim_end();
        if !(t.ends_with(':') && SAYS.iter().any(|w| t.contains(w))) {
            continue;
        }
        for b in lines[i + 1..]
            .iter()
            .take_while(|b| b.starts_with('*') || b.trim().is_empty())
        {
            for c in names(b) {
                out.push((c, "a list of states it has no diplomatic relations with"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::has_words;

    /// "brokering talks" is no break ("broke"), nor is an "unbroken" treaty; "ties broken on
    /// January 3, 1961" is.
    #[test]
    fn break_words_are_whole_words() {
        let t = "china was instrumental at brokering talks with north korea";
        assert!(!has_words(t, "broke"));
        assert!(!has_words("the oldest unbroken bilateral treaty", "broken"));
        assert!(has_words(
            "with diplomatic ties broken on january 3, 1961.",
            "broken"
        ));
        assert!(has_words("relations were severed.", "were severed"));
        assert!(has_words("they broke off relations", "broke off"));
    }

    /// Which sentences `topic_breaks` leaves alone before looking for break words: a lower
    /// level of relations or another field of them, and demands (the words of [`LESSER`]).
    #[test]
    fn a_lower_level_is_no_break() {
        let lesser = |s: &str| super::LESSER.iter().any(|w| s.contains(w));
        assert!(lesser(
            "turkey downgraded ties with israel and suspended military co-operation"
        ));
        assert!(lesser("relations at the ambassadorial level were restored"));
        assert!(!lesser(
            "since the 2013 military coup, relations were severed"
        ));
    }
}
