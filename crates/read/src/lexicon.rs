//! The lexicon: every way a text names a state (name, alias, demonym, capital or seat), found in
//! one Aho–Corasick pass, plus the trigger words that make a sentence worth a closer look.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use diplograph_model::{Code, Person, State, StateKind};

use crate::rules::{OFFICES, TRIGGER_STEMS};

/// How a form names its state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    Name,
    Demonym,
    /// A capital or seat of government: a metonym for the state ("Seoul said"), or a place
    /// ("in Damascus").
    Capital,
    /// A leader or foreign minister, by full name, alias or distinctive surname ("Xi Jinping",
    /// "Xi").
    Person,
}

#[derive(Clone, Debug)]
pub(crate) struct Form {
    pub codes: Vec<Code>,
    pub kind: FormKind,
    /// Matched only as written: "Turkey" the state, not "turkey" the bird; all-capital text
    /// ("SOUTH KOREA") matches too.
    pub text: String,
}

/// Forms newsrooms use that the state list does not carry, and forms that name several states
/// and are resolved per article ("Korea", "Congo"). Names, not facts: no source needed.
/// Family names that are not read alone as the person: words ("May", "Hunt", "Christian"),
/// places ("Hague", "Medina", "Kerry") and names many people share ("Singh", "Rodríguez").
const NOT_SURNAMES: &[&str] = &[
    "May",
    "Hunt",
    "Christian",
    "Park",
    "Barry",
    "Barrow",
    "Abbott",
    "Hague",
    "Medina",
    "Lugo",
    "Kerry",
    "Santos",
    "Singh",
    "Mansour",
    "Rodríguez",
    "Rodriguez",
    "Fernández",
    "Fernandez",
    // family names that are words, days, places, groups or other famous people's names (the
    // leaders added on 2026-12-03: data/reader/people.tsv): matched only with a given name
    "Friday",
    "Drew",
    "Henry",
    "Pierre",
    "Philippe",
    "Martin",
    "Bishop",
    "Peters",
    "Payne",
    "Davis",
    "Smith",
    "Cohen",
    "Costa",
    "Montenegro",
    "Muscat",
    "Paz",
    "Lasso",
    "Granger",
    "França",
    "Frieden",
    "Blok",
    "Rama",
    "Boko",
    "Wagner",
    "Chapo",
    "Talon",
    "Bongo",
    "Selassie",
    "Kenyatta",
    "Sisulu",
    "Kabila",
    "Hussein",
    "Hassan",
    "Ahmed",
    "Mohamed",
    "Mohammed",
    "Mohamud",
    "Ali",
    "Rashid",
    "Saleh",
    "Idris",
    "Ibrahim",
    "Castro",
    "Moreno",
    "Castillo",
    "Hernández",
    "Hernandez",
    "Álvarez",
    "Alvarez",
    "Marin",
    "Higgins",
    "Baptiste",
    "Schmidt",
    "Turnbull",
    "Diop",
    "Coulibaly",
    "Traoré",
    "Traore",
    "Sall",
    "Barre",
];

const EXTRA_FORMS: &[(&str, &[&str], FormKind)] = &[
    ("U.S.", &["USA"], FormKind::Name),
    ("eSwatini", &["SWZ"], FormKind::Name),
    ("United States", &["USA"], FormKind::Name),
    ("U.K.", &["GBR"], FormKind::Name),
    ("Korea", &["KOR", "PRK"], FormKind::Name),
    ("Korean", &["KOR", "PRK"], FormKind::Demonym),
    ("Koreans", &["KOR", "PRK"], FormKind::Demonym),
    ("Congo", &["COG", "COD"], FormKind::Name),
    ("Congolese", &["COG", "COD"], FormKind::Demonym),
    ("Kremlin", &["RUS"], FormKind::Capital),
    ("White House", &["USA"], FormKind::Capital),
    ("State Department", &["USA"], FormKind::Capital),
    ("Pentagon", &["USA"], FormKind::Capital),
    ("Downing Street", &["GBR"], FormKind::Capital),
    ("Quai d'Orsay", &["FRA"], FormKind::Capital),
    ("Holy See", &["VAT"], FormKind::Name),
    ("Vatican", &["VAT"], FormKind::Name),
    ("Brasilia", &["BRA"], FormKind::Capital),
    ("Kyiv", &["UKR"], FormKind::Capital),
    ("Kiev", &["UKR"], FormKind::Capital),
    ("Ivory Coast", &["CIV"], FormKind::Name),
    ("Emirates", &["ARE"], FormKind::Name),
    ("Saudi", &["SAU"], FormKind::Demonym),
    ("Saudis", &["SAU"], FormKind::Demonym),
    ("Philippine", &["PHL"], FormKind::Demonym),
    ("Filipino", &["PHL"], FormKind::Demonym),
    ("Israeli", &["ISR"], FormKind::Demonym),
    ("Taipei", &["TWN"], FormKind::Capital),
    // the accented spelling, which no ordinary word shares ("Male" is weak), and the usual
    // demonym (the states table has "Maldivan")
    ("Malé", &["MDV"], FormKind::Capital),
    ("Maldivian", &["MDV"], FormKind::Demonym),
    ("Maldivians", &["MDV"], FormKind::Demonym),
    // the states table gives Djibouti's demonym as "Djibouti" (country-codes row 66)
    ("Djiboutian", &["DJI"], FormKind::Demonym),
    ("Djiboutians", &["DJI"], FormKind::Demonym),
    // seats of government besides the capital: manystates HUGGO_states_clean.csv, column
    // CapitalAlt, rows 54 (Bolivia: La Paz) and 33 (Burundi: Bujumbura)
    ("La Paz", &["BOL"], FormKind::Capital),
    ("Bujumbura", &["BDI"], FormKind::Capital),
    // the Sahrawi Arab Democratic Republic as news writes it, lowercase or spelled "Saharawi"
    ("Sahrawi republic", &["ESH"], FormKind::Name),
    ("Saharawi Republic", &["ESH"], FormKind::Name),
    ("Saharawi republic", &["ESH"], FormKind::Name),
    (
        "Saharawi Arab Democratic Republic",
        &["ESH"],
        FormKind::Name,
    ),
    // as "ROC" is the Republic of China's (a name in the states table)
    ("PRC", &["CHN"], FormKind::Name),
    // places and bodies whose names contain a state's: matched so that the state is not
    ("Latin America", &[], FormKind::Name),
    ("South America", &[], FormKind::Name),
    ("North America", &[], FormKind::Name),
    ("Central America", &[], FormKind::Name),
    ("Gulf of Guinea", &[], FormKind::Name),
    ("Gulf of Mexico", &[], FormKind::Name),
    ("Gulf of America", &[], FormKind::Name),
    ("New Guinea", &[], FormKind::Name),
    ("Korean Peninsula", &[], FormKind::Name),
    ("Korean War", &[], FormKind::Name),
    ("Sea of Japan", &[], FormKind::Name),
    ("South China Sea", &[], FormKind::Name),
    ("East China Sea", &[], FormKind::Name),
    ("Mexico City", &["MEX"], FormKind::Capital),
    ("Kuwait City", &["KWT"], FormKind::Capital),
    ("Panama City", &["PAN"], FormKind::Capital),
    ("Guatemala City", &["GTM"], FormKind::Capital),
    ("New York", &[], FormKind::Name),
    ("New Mexico", &[], FormKind::Name),
    ("Jordan River", &[], FormKind::Name),
    ("Jordan Valley", &[], FormKind::Name),
    // treaties, seas and papers named after a capital or a state: "in line with the Vienna
    // Convention on Diplomatic Relations" is no act with Austria
    ("Vienna Convention", &[], FormKind::Name),
    ("Vienna Conventions", &[], FormKind::Name),
    ("Geneva Convention", &[], FormKind::Name),
    ("Geneva Conventions", &[], FormKind::Name),
    ("Paris Agreement", &[], FormKind::Name),
    ("Minsk agreements", &[], FormKind::Name),
    ("Minsk Agreements", &[], FormKind::Name),
    ("Oslo Accords", &[], FormKind::Name),
    ("Warsaw Pact", &[], FormKind::Name),
    ("Rome Statute", &[], FormKind::Name),
    ("Washington Post", &[], FormKind::Name),
    ("Indian Ocean", &[], FormKind::Name),
    ("Arabian Peninsula", &[], FormKind::Name),
    ("Arabian Sea", &[], FormKind::Name),
    ("Gulf of Oman", &[], FormKind::Name),
    ("Soviet", &["RUS"], FormKind::Demonym),
    // where most embassies to Israel sit: "its ambassador in Tel Aviv" is its ambassador to
    // Israel
    ("Tel Aviv", &["ISR"], FormKind::Capital),
];

/// Capitals that are ordinary words or other places more often than they are a government.
const WEAK_CAPITALS: &[&str] = &["Male", "Victoria", "Kingston", "Georgetown", "Saint John's"];

/// Built once per process from the state list; shared by every article.
pub struct Lexicon {
    pub(crate) forms_ac: AhoCorasick,
    pub(crate) forms: Vec<Form>,
    /// Forms spelled with the same letters in another case ("Eswatini", "eSwatini"): the
    /// automaton matches letters whatever their case and reports one of them.
    case_twins: HashMap<usize, Vec<usize>>,
    pub(crate) triggers_ac: AhoCorasick,
    names: HashMap<Code, String>,
}

impl Lexicon {
    /// The lexicon of `states`, and of `people` (each speaking for a state).
    pub fn new(states: &[State], people: &[Person]) -> Lexicon {
        let mut by_text: HashMap<String, (Vec<Code>, FormKind, bool)> = HashMap::new();
        let mut add = |text: &str, code: Code, kind: FormKind, former: bool| {
            let text = text.trim();
            if text.chars().count() < 2 || text.contains(',') || text.contains('(') {
                return;
            }
            let e = by_text
                .entry(text.to_string())
                .or_insert_with(|| (Vec::new(), kind, former));
            if former && !e.2 {
                return; // a current state keeps the form ("Yemeni", "Prague")
            }
            if !former && e.2 {
                *e = (Vec::new(), kind, false);
            }
            if !e.0.contains(&code) {
                e.0.push(code);
            }
            if kind == FormKind::Name {
                e.1 = FormKind::Name;
            }
        };
        let mut names = HashMap::new();
        for s in states {
            let former = s.kind == StateKind::Former;
            names.insert(s.code, s.name.clone());
            add(&s.name, s.code, FormKind::Name, former);
            add(&s.official_name, s.code, FormKind::Name, former);
            for a in &s.aliases {
                add(a, s.code, FormKind::Name, former);
            }
            if !s.demonym.is_empty() {
                add(&s.demonym, s.code, FormKind::Demonym, former);
                if !s.demonym.ends_with('s') && !s.demonym.ends_with("ese") {
                    add(
                        &format!("{}s", s.demonym),
                        s.code,
                        FormKind::Demonym,
                        former,
                    );
                }
            }
            if !s.capital.is_empty() && !WEAK_CAPITALS.contains(&s.capital.as_str()) {
                add(&s.capital, s.code, FormKind::Capital, former);
            }
        }
        // people: full names and aliases always; the family name alone when no other person
        // or state shares it (family name first for Chinese, Korean and Vietnamese names)
        let mut surnames: HashMap<String, Vec<Code>> = HashMap::new();
        for p in people {
            let parts: Vec<&str> = p
                .name
                .split_whitespace()
                .filter(|w| !matches!(*w, "Jr." | "Jr" | "Sr." | "II" | "III" | "IV"))
                .collect();
            // "Tsai Ing-wen", "Wang Yi", "Park Geun-hye"; not "Joseph Wu", written the
            // western way
            // … and "Lee Hsien Loong", "Hun Sen" (Singapore's and Cambodia's leaders write the
            // family name first too; "Lawrence Wong" does not)
            let family_first = ["CHN", "TWN", "KOR", "PRK", "VNM", "SGP", "KHM"]
                .contains(&p.code.as_str())
                && (parts.len() == 2 && (parts[1].contains('-') || parts[0].chars().count() <= 4)
                    || parts.len() == 3 && parts[0].chars().count() <= 4);
            let family = if family_first {
                parts.first()
            } else {
                parts.last()
            };
            // short family names ("Dar", "Li") only where they come first
            let min = if family_first { 2 } else { 4 };
            if let Some(f) = family.filter(|f| {
                f.chars().count() >= min && parts.len() > 1 && !NOT_SURNAMES.contains(f)
            }) {
                surnames.entry(f.to_string()).or_default().push(p.code);
            }
        }
        for p in people {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                if !by_text.contains_key(n.as_str()) {
                    by_text.insert(n.clone(), (vec![p.code], FormKind::Person, false));
                }
            }
        }
        for (name, codes) in surnames {
            let unique = codes.iter().all(|c| *c == codes[0]);
            if unique && !by_text.contains_key(&name) {
                by_text.insert(name, (vec![codes[0]], FormKind::Person, false));
            }
        }
        let mut forms: Vec<Form> = Vec::new();
        for (text, (codes, kind, _)) in by_text {
            if EXTRA_FORMS.iter().any(|(t, _, _)| *t == text) {
                continue;
            }
            forms.push(Form { codes, kind, text });
        }
        for (text, codes, kind) in EXTRA_FORMS {
            let codes: Vec<Code> = codes.iter().filter_map(|c| c.parse().ok()).collect();
            {
                forms.push(Form {
                    codes,
                    kind: *kind,
                    text: text.to_string(),
                });
            }
        }
        forms.sort_by(|a, b| a.text.cmp(&b.text));
        let forms_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(forms.iter().map(|f| f.text.as_str()))
            .expect("state forms build an automaton");
        let triggers_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .ascii_case_insensitive(true)
            .build(TRIGGER_STEMS.iter().chain(OFFICES))
            .expect("trigger stems build an automaton");
        let mut by_letters: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in forms.iter().enumerate() {
            by_letters.entry(f.text.to_lowercase()).or_default().push(i);
        }
        let case_twins = by_letters
            .into_values()
            .filter(|ids| ids.len() > 1)
            .flat_map(|ids| {
                ids.iter()
                    .map(|&i| (i, ids.iter().copied().filter(|&j| j != i).collect()))
                    .collect::<Vec<_>>()
            })
            .collect();
        Lexicon {
            forms_ac,
            forms,
            case_twins,
            triggers_ac,
            names,
        }
    }

    /// The state's short name, for readable output.
    pub fn name(&self, code: Code) -> &str {
        self.names.get(&code).map(String::as_str).unwrap_or("?")
    }

    /// The states named in `text[start..end]` by a name, alias, demonym or capital that means
    /// one state only (people and ambiguous forms left out), with their byte ranges.
    pub fn states_in(&self, text: &str, start: usize, end: usize) -> Vec<(usize, usize, Code)> {
        scan(self, text, start, end)
            .into_iter()
            .filter_map(|h| {
                let f = &self.forms[h.form];
                match (f.kind, f.codes.as_slice()) {
                    (FormKind::Person, _) => None,
                    (_, [c]) => Some((h.start, h.end, *c)),
                    _ => None,
                }
            })
            .collect()
    }

    /// How many forms the lexicon matches.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// A state form found in the text.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub form: usize,
}

/// Forms in `text[start..end]`, as written (or in capitals), on word boundaries.
pub(crate) fn scan(lex: &Lexicon, text: &str, start: usize, end: usize) -> Vec<Hit> {
    let hay = &text[start..end];
    let mut out = Vec::new();
    let written = |id: usize, got: &str| {
        let t = &lex.forms[id].text;
        got == t || got == t.to_uppercase()
    };
    let mut pos = 0;
    while let Some(m) = lex
        .forms_ac
        .find(aho_corasick::Input::new(hay).range(pos..))
    {
        let (s, e) = (m.start(), m.end());
        let got = &hay[s..e];
        // the form as written, or its twin in another case ("eSwatini")
        let id = m.pattern().as_usize();
        let form = std::iter::once(id)
            .chain(lex.case_twins.get(&id).into_iter().flatten().copied())
            .find(|&i| written(i, got));
        let before = hay[..s].chars().next_back();
        let after = hay[e..].chars().next();
        let bounded = !(before.is_some_and(char::is_alphanumeric)
            || after.is_some_and(char::is_alphanumeric));
        match form {
            Some(form) if bounded => {
                out.push(Hit {
                    start: start + s,
                    end: start + e,
                    form,
                });
                pos = e;
            }
            Some(_) => pos = e,
            // not a form as written ("the kingdom of Eswatini" is no "Kingdom of Eswatini"):
            // a shorter form may start inside it, so look again from the next word
            None => {
                pos = hay[s..e].find(char::is_whitespace).map_or(e, |k| s + k + 1);
            }
        }
    }
    // "Bogotá", "Asunción", "N’Djamena": forms with letters the state list spells plain
    if !hay.is_ascii() && hay.chars().any(foldable) {
        let found = out.len();
        let (folded, at) = fold(hay);
        for m in lex.forms_ac.find_iter(&folded) {
            let (s, e) = (at[m.start()], at[m.end()]);
            // the plain pass found what is spelled plain
            if hay[s..e].is_ascii()
                || out[..found]
                    .iter()
                    .any(|h| h.start < start + e && start + s < h.end)
            {
                continue;
            }
            let form = &lex.forms[m.pattern().as_usize()];
            let got = &folded[m.start()..m.end()];
            if got != form.text && got != form.text.to_uppercase() {
                continue;
            }
            let before = hay[..s].chars().next_back();
            let after = hay[e..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            out.push(Hit {
                start: start + s,
                end: start + e,
                form: m.pattern().as_usize(),
            });
        }
        out.sort_by_key(|h| h.start);
    }
    out
}

/// A letter with a diacritic (Latin-1 Supplement to Latin Extended-B), or a curly apostrophe.
fn foldable(c: char) -> bool {
    matches!(
        c,
        '\u{C0}'..='\u{24F}' | '\u{2018}' | '\u{2019}' | '\u{2BB}'
    )
}

/// `s` with its foldable characters spelled plain ("Bogotá" → "Bogota", "N’Djamena" →
/// "N'Djamena"), and for each byte of the result (and its end) the byte of `s` it comes from.
fn fold(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut at = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        let plain = if foldable(c) {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{2BB}' => Some("'"),
                _ => deunicode::deunicode_char(c).filter(|p| p.is_ascii() && !p.is_empty()),
            }
        } else {
            None
        };
        match plain {
            Some(p) => {
                out.push_str(p);
                at.extend(std::iter::repeat_n(i, p.len()));
            }
            None => {
                out.push(c);
                at.extend(std::iter::repeat_n(i, c.len_utf8()));
            }
        }
    }
    at.push(s.len());
    (out, at)
}

/// A trigger or office word found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cue {
    pub start: usize,
    pub trigger: bool,
}

/// Trigger and office words in `text[start..end]`. Trigger stems match anywhere ("established"
/// holds "establish"); offices only at the start of a word ("speaking" holds no king).
pub(crate) fn cues(lex: &Lexicon, text: &str, start: usize, end: usize) -> Vec<Cue> {
    let hay = &text[start..end];
    lex.triggers_ac
        .find_iter(hay)
        .filter_map(|m| {
            let trigger = m.pattern().as_usize() < TRIGGER_STEMS.len();
            let word_start = !hay[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            (trigger || word_start).then_some(Cue {
                start: start + m.start(),
                trigger,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding_keeps_the_way_back_to_the_text() {
        let s = "in Bogotá, N’Djamena";
        let (f, at) = fold(s);
        assert_eq!(f, "in Bogota, N'Djamena");
        assert_eq!(at.len(), f.len() + 1);
        let b = f.find("Bogota").unwrap();
        assert_eq!(&s[at[b]..at[b + "Bogota".len()]], "Bogotá");
        let n = f.find("N'Djamena").unwrap();
        assert_eq!(&s[at[n]..at[n + "N'Djamena".len()]], "N’Djamena");
    }
}
