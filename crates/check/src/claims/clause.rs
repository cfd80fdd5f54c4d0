//! The clause of a sentence that states an event: the words a date or status claim quotes, so
//! that "Manama and Doha restored relations on 12 April 2023, almost six years after Bahrain
//! became the first Arab country to cut ties with Qatar" makes two claims, each quoting its own
//! clause, not two claims quoting the whole sentence.

/// Words that open another clause after a comma: ", after …", ", ending 77 years of …",
/// ", though it only established ties …".
const AFTER_COMMA: &[&str] = &[
    "after",
    "almost",
    "although",
    "as",
    "barely",
    "before",
    "but",
    "following",
    "less",
    "more",
    "months",
    "nearly",
    "only",
    "since",
    "some",
    "though",
    "until",
    "weeks",
    "when",
    "whereas",
    "which",
    "while",
    "who",
    "years",
];

/// Words that open another clause with no comma before them: "… in 1995 when Banjul went back
/// to Taipei", "… six years after Bahrain became …".
const BARE: &[&str] = &["when", "while", "whereas", "though", "although", "but"];

/// Words that open a clause that precedes the act's own only on its left: "two weeks after
/// Israel inaugurated its own embassy" (the clause of "inaugurated" starts after "after").
const BARE_LEFT: &[&str] = &["after", "before", "since", "until", "following"];

/// Where each word of `s` starts and ends, in bytes.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || c == '\'' || c == '-' || c == '’';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Whether the word at `k` opens another clause, and on which side of the trigger that counts.
fn opens(s: &str, w: &[(usize, usize)], k: usize, left: bool) -> bool {
    let word = s[w[k].0..w[k].1].to_lowercase();
    let gap = &s[w[k - 1].1..w[k].0];
    let comma = gap.contains(',');
    let stop = gap.contains(';') || gap.contains(" — ") || gap.contains(" – ");
    if stop {
        return true;
    }
    if comma {
        // ", ending 77 years of ties", ", leaving Taiwan with 13 allies"
        let participle = word.len() > 4 && word.ends_with("ing") && word != "including";
        if AFTER_COMMA.contains(&word.as_str()) || participle {
            return true;
        }
    }
    // "all but three of the 193", "nothing but": no clause
    let all_but = word == "but"
        && !comma
        && matches!(
            s[w[k - 1].0..w[k - 1].1].to_lowercase().as_str(),
            "all" | "nothing" | "none" | "anything" | "everyone" | "everything"
        );
    if BARE.contains(&word.as_str()) && !all_but {
        return true;
    }
    // "after Bahrain became the first to cut ties": a clause with its own verb before the
    // trigger, not "the second country after Russia to recognise"
    if left && BARE_LEFT.contains(&word.as_str()) {
        return (k + 1..w.len())
            .take_while(|&j| !s[w[j - 1].1..w[j].0].contains(','))
            .take(8)
            .any(|j| {
                let x = &s[w[j].0..w[j].1];
                verb(x) || matches!(x, "became" | "becomes" | "become" | "dropped" | "cut")
            });
    }
    // "… in 1980 and cut those ties in 2003": "and" before a verb, not before a name, a
    // determiner or an adjective ("and the Gambia", "diplomatic and consular relations")
    if word == "and" {
        if let Some(&(ns, ne)) = w.get(k + 1) {
            return verb(&s[ns..ne]);
        }
    }
    false
}

/// Whether a word is a verb that opens a clause after "and": a past tense, an auxiliary, or an
/// adverb before one ("and then restored").
fn verb(word: &str) -> bool {
    const VERBS: &[&str] = &[
        "has", "have", "had", "was", "were", "is", "are", "will", "would", "did", "cut", "broke",
        "withdrew", "set", "sent", "took", "made", "gave", "began", "then", "later", "also",
        "again", "now", "still", "never", "soon",
    ];
    let lower = word.starts_with(|c: char| c.is_lowercase());
    lower && (VERBS.contains(&word) || (word.len() > 4 && word.ends_with("ed")))
}

/// The byte range, within `sentence`, of the clause holding the byte `at` (the trigger's
/// start). A clause shorter than three words stands for nothing alone: the sentence is kept.
pub(crate) fn span(sentence: &str, at: usize) -> (usize, usize) {
    let w = words(sentence);
    let Some(t) = w.iter().position(|&(s, e)| s <= at && at < e.max(s + 1)) else {
        return (0, sentence.len());
    };
    let mut first = 0;
    for k in (1..=t).rev() {
        if opens(sentence, &w, k, true) {
            first = k;
            break;
        }
    }
    // "…, almost six years after Bahrain became": the measure before "after" is the clause's
    if first > 0 && BARE_LEFT.contains(&sentence[w[first].0..w[first].1].to_lowercase().as_str()) {
        if let Some(j) = (first.saturating_sub(4).max(1)..first)
            .find(|&j| sentence[w[j - 1].1..w[j].0].contains(','))
        {
            first = j;
        }
    }
    // the word that opens the clause is its own ("after Bahrain became …"), unless it is "and"
    // or "but" before the verb
    if first > 0 {
        let word = sentence[w[first].0..w[first].1].to_lowercase();
        if matches!(word.as_str(), "and" | "but") && first < t {
            first += 1;
        }
    }
    // "Nicaragua, which ended official relations with Taipei in December, was …": a relative
    // clause is quoted with the state it tells of, up to its closing comma
    let relative = first > 0
        && matches!(
            sentence[w[first].0..w[first].1].to_lowercase().as_str(),
            "which" | "who"
        );
    if relative {
        first = (1..first)
            .rev()
            .find(|&k| opens(sentence, &w, k, true))
            .unwrap_or(0);
    }
    let mut last = w.len() - 1;
    for k in t + 1..w.len() {
        let comma = sentence[w[k - 1].1..w[k].0].contains(',');
        if opens(sentence, &w, k, false) || (relative && comma) {
            last = k - 1;
            break;
        }
    }
    if last < first + 2 {
        return (0, sentence.len());
    }
    (w[first].0, w[last].1)
}

#[cfg(test)]
mod tests {
    use super::span;

    fn clause<'a>(s: &'a str, trigger: &str) -> &'a str {
        let at = s.find(trigger).unwrap();
        let (a, b) = span(s, at);
        &s[a..b]
    }

    #[test]
    fn each_act_quotes_its_own_clause() {
        let s = "Manama and Doha restored relations on 12 April 2023, almost six years after Bahrain became the first Arab country to cut ties with Qatar when the Gulf crisis broke out.";
        assert_eq!(
            clause(s, "restored"),
            "Manama and Doha restored relations on 12 April 2023"
        );
        assert_eq!(
            clause(s, "cut"),
            "almost six years after Bahrain became the first Arab country to cut ties with Qatar"
        );
        let s = "China and the Gambia had first set up ties in 1974; Beijing suspended them in 1995 when Banjul went back to Taipei.";
        assert_eq!(
            clause(s, "set up"),
            "China and the Gambia had first set up ties in 1974"
        );
        assert_eq!(clause(s, "suspended"), "Beijing suspended them in 1995");
        let s = "South Korea is formally linked to all but three of the 193 UN member states.";
        assert_eq!(clause(s, "three"), s.trim_end_matches('.'));
        let s = "Kiribati first recognised Beijing in 1980 and cut those ties in 2003 to recognise Taipei.";
        assert_eq!(
            clause(s, "recognised"),
            "Kiribati first recognised Beijing in 1980"
        );
        assert_eq!(
            clause(s, "cut"),
            "cut those ties in 2003 to recognise Taipei"
        );
        let s = "Santo Domingo announced on 30 April that it now recognised the People's Republic, ending 77 years of formal ties with the Republic of China.";
        assert_eq!(
            clause(s, "recognised"),
            "Santo Domingo announced on 30 April that it now recognised the People's Republic"
        );
    }

    #[test]
    fn ranks_and_relative_clauses() {
        let s = "Nicaragua on Friday became the second country after Russia to recognise Abkhazia.";
        assert_eq!(
            clause(s, "recognise"),
            "Nicaragua on Friday became the second country after Russia to recognise Abkhazia"
        );
        let s = "Nicaragua, which ended official relations with Taipei in December, was the eighth country to cut ties with Taiwan since 2016, leaving it with 14 partners.";
        assert_eq!(
            clause(s, "ended"),
            "Nicaragua, which ended official relations with Taipei in December"
        );
    }

    #[test]
    fn names_and_dates_stay_in_the_clause() {
        // a list of names is no clause boundary, nor "and" before a determiner
        let s = "Argentina, Chile and the Dominican Republic recalled their ambassadors on Monday.";
        assert_eq!(clause(s, "recalled"), s.trim_end_matches('.'));
        // "diplomatic and consular relations" is one noun phrase
        let s = "Washington announced that it was restoring diplomatic and consular relations with Caracas after a rupture.";
        assert_eq!(
            clause(s, "restoring"),
            "Washington announced that it was restoring diplomatic and consular relations with Caracas after a rupture"
        );
        // "since" with its year is the act's own date on the right
        let s = "The two countries have had diplomatic relations since 1987.";
        assert_eq!(clause(s, "relations"), s.trim_end_matches('.'));
        // a participle between commas is no clause of its own
        let s = "Relations, cut in 2016, were restored.";
        assert_eq!(clause(s, "cut"), "Relations, cut in 2016, were restored");
        // too short a clause stands for nothing: the sentence
        let s = "Chile acted, but Peru cut ties.";
        assert_eq!(clause(s, "cut"), "Peru cut ties");
        let s = "Chile protested, but cut ties.";
        assert_eq!(span(s, s.find("cut").unwrap()), (0, s.len()));
    }
}
