//! Who is named: the states a sentence names (by name, demonym, capital, or a person learned
//! earlier in the article), places told apart from actors, and the people the article introduces.

use diplograph_model::Code;

use super::words::*;
use super::{Context, Mention};
use crate::lexicon::{self, FormKind, Lexicon};
use crate::text::Tok;

/// State mentions in a sentence, with places and person-name lookalikes told apart.
pub(super) fn mentions(
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
        // the tokens the hit lies in: a name inside a joined word ("Saudi-Iranian") is in that
        // word, not the next one
        let Some(first) = toks.iter().position(|t| t.end > h.start) else {
            continue;
        };
        let last = toks
            .iter()
            .rposition(|t| t.start < h.end)
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
                && !OPENING_WORDS.contains(&lw[first - 1].as_str())
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
        // "the one-China principle", "the One China policy": a policy's name, no mention of
        // the state (the lexicon may match "China" alone after the hyphen)
        let before = text
            .get(h.start.saturating_sub(4)..h.start)
            .unwrap_or("")
            .to_ascii_lowercase();
        if word.ends_with("China")
            && (before == "one-" || before == "one " || word.to_lowercase().starts_with("one"))
        {
            continue;
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
        // "hitting back at the Czech government's decision": a government, not a place
        let governing = form.kind == FormKind::Demonym
            && lw.get(last + 1).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "government"
                        | "authorities"
                        | "leadership"
                        | "officials"
                        | "side"
                        | "president"
                )
            });
        let place = capital_of
            || !governed
                && !governing
                && first > 0
                && (LOCATION_PREPOSITIONS.contains(&lw[first - 1].as_str())
                    || (first > 1
                        && lw[first - 1] == "the"
                        && LOCATION_PREPOSITIONS.contains(&lw[first - 2].as_str())));
        // "the independence of Georgia's two breakaway regions", "the former Serbian
        // province": a part of the state, where an act is aimed, not the state as an actor
        const PARTS: &[&str] = &[
            "breakaway",
            "separatist",
            "rebel",
            "region",
            "regions",
            "province",
            "provinces",
            "territory",
            "territories",
            "enclave",
            "enclaves",
        ];
        let part = |k: usize| lw.get(k).is_some_and(|w| PARTS.contains(&w.as_str()));
        let part_of = form.kind != FormKind::Person
            && lw.get(last + 1).is_some_and(|w| w == "'s" || w == "’s")
            && (last + 2..last + 5).any(part)
            || form.kind == FormKind::Demonym && part(last + 1);
        let place = place || part_of;
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
pub(super) fn register_people(
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
pub(super) fn add_people(text: &str, toks: &[Tok], mentions: &mut Vec<Mention>, cx: &Context) {
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
