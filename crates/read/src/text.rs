//! Sentences and tokens with their byte offsets in the article; clipping text for display.

/// A word or a punctuation mark; offsets are into the whole text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "rep", "sen",
    "gov", "prof", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "amb", "pres", "min",
];

/// Byte ranges of the sentences in `text[start..end]`.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut s = start;
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // the terminator may be followed by closing quotes or brackets
            let mut j = i + 1;
            while j < end {
                let rest = &text[j..end];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | '”' | '’' | ']') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            // "… on 5 September 1996.Relations suspended …": lines joined with no space, a
            // full stop between a year or a word and a capitalised word
            let joined = b == b'.' && j == i + 1 && i > s && {
                let prev = text[s..i].chars().next_back();
                let mut next = text[j..end].chars();
                prev.is_some_and(|c| c.is_ascii_digit() || c.is_lowercase())
                    && next.next().is_some_and(char::is_uppercase)
                    && next.next().is_some_and(char::is_lowercase)
            };
            let next_space = j >= end || bytes[j].is_ascii_whitespace() || joined;
            if next_space && (b != b'.' || !abbreviation_before(text, s, i)) {
                let after = text[j..end].trim_start();
                let starts_new = after
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c));
                if starts_new {
                    out.push(trimmed(text, s, j));
                    s = j;
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    if !text[s..end].trim().is_empty() {
        out.push(trimmed(text, s, end));
    }
    out
}

fn trimmed(text: &str, s: usize, e: usize) -> (usize, usize) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (s + lead, e - trail)
}

/// Whether the word ending at `dot` is an abbreviation or an initial ("U.S.", "Mr.", "J.").
fn abbreviation_before(text: &str, from: usize, dot: usize) -> bool {
    let before = &text[from..dot];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if word.contains('.') {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
}

/// Tokens of `text[start..end]`: words (letters and digits, with inner hyphens, and dotted
/// capitals such as "U.S") and single punctuation marks; a possessive "'s" is one token.
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            let mut prev = c;
            while let Some(&(k, d)) = it.peek() {
                if d.is_alphanumeric() {
                    j = k + d.len_utf8();
                    prev = d;
                    it.next();
                    continue;
                }
                let next = s[k + d.len_utf8()..].chars().next();
                let joins = match d {
                    '-' | '‐' => {
                        prev.is_alphanumeric() && next.is_some_and(char::is_alphanumeric)
                    }
                    // "Saudi–Iranian ties" with an en dash, not the range "1990–2004"
                    '–' => prev.is_alphabetic() && next.is_some_and(char::is_alphabetic),
                    '.' => prev.is_uppercase() && next.is_some_and(char::is_uppercase),
                    // French elision, one word: "chargé d'affaires", "Côte d’Ivoire"
                    '\'' | '’' => {
                        j == i + c.len_utf8()
                            && matches!(c, 'd' | 'D' | 'l' | 'L')
                            && next.is_some_and(char::is_alphabetic)
                    }
                    _ => false,
                };
                if joins {
                    it.next();
                    continue;
                }
                break;
            }
            out.push(Tok {
                start: start + i,
                end: start + j,
                word: true,
            });
        } else if c == '\'' || c == '’' {
            let next = s[i + c.len_utf8()..].chars().next();
            let after = s[i + c.len_utf8()..].chars().nth(1);
            if matches!(next, Some('s') | Some('S')) && !after.is_some_and(char::is_alphanumeric) {
                it.next();
                out.push(Tok {
                    start: start + i,
                    end: start + i + c.len_utf8() + 1,
                    word: false,
                });
            } else {
                out.push(Tok {
                    start: start + i,
                    end: start + i + c.len_utf8(),
                    word: false,
                });
            }
        } else if !c.is_whitespace() {
            out.push(Tok {
                start: start + i,
                end: start + i + c.len_utf8(),
                word: false,
            });
        }
    }
    out
}

/// At most `n` characters of `s`, with "…" where it was cut: for notes and summaries.
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t, 0, t.len())
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let t = "U.S. officials met Mr. Cho on Monday. He left. \"Fine,\" she said.";
        assert_eq!(
            split(t),
            [
                "U.S. officials met Mr. Cho on Monday.",
                "He left.",
                "\"Fine,\" she said."
            ]
        );
    }

    #[test]
    fn splits_lines_joined_with_no_space() {
        let t =
            "Set up on 5 September 1996.Relations lapsed in 2021. Talks with the U.S.Navy went on.";
        assert_eq!(
            split(t),
            [
                "Set up on 5 September 1996.",
                "Relations lapsed in 2021.",
                "Talks with the U.S.Navy went on."
            ]
        );
    }

    #[test]
    fn an_en_dash_joins_words_but_not_years() {
        let t = "Saudi–Iranian ties, 1990–2004";
        let w: Vec<&str> = tokens(t, 0, t.len())
            .iter()
            .map(|k| &t[k.start..k.end])
            .collect();
        assert_eq!(w, ["Saudi–Iranian", "ties", ",", "1990", "–", "2004"]);
    }

    #[test]
    fn tokens_keep_hyphens_possessives_and_dotted_capitals() {
        let t = "Syria’s al-Shaibani met U.S. envoys";
        let w: Vec<&str> = tokens(t, 0, t.len())
            .iter()
            .map(|k| &t[k.start..k.end])
            .collect();
        assert_eq!(
            w,
            ["Syria", "’s", "al-Shaibani", "met", "U.S", ".", "envoys"]
        );
    }
}
