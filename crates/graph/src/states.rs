//! The registry of states: lookup by code, name, alias or demonym, forgiving but honest.

use rustc_hash::FxHashMap as HashMap;

use diplograph_model::{Code, State};

/// Codes that name a state diplograph keeps under its continuator's code, as the Correlates of
/// War does (Russia 365 continues the USSR; Serbia 345 continues Yugoslavia).
const CONTINUED_BY: &[(&str, &str)] = &[("SUN", "RUS"), ("YUG", "SRB"), ("SCG", "SRB")];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LookupError {
    #[error("unknown state {query:?}{}", did_you_mean(.suggestions))]
    Unknown {
        query: String,
        suggestions: Vec<String>,
    },
    #[error("ambiguous state {query:?}: it may mean {}; name one by its code", .candidates.join(" or "))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

fn did_you_mean(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", s.join(" or "))
    }
}

/// All states the graph knows.
#[derive(Debug, Clone)]
pub struct States {
    list: Vec<State>,
    by_code: HashMap<Code, usize>,
    /// Folded names, aliases and demonyms, each with the state it names.
    names: Vec<(String, usize)>,
}

/// Lowercase ASCII with diacritics and punctuation folded away: "Türkiye" -> "turkiye",
/// "Côte d’Ivoire" -> "cote d ivoire".
pub fn fold(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_ascii_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for w in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl States {
    pub fn new(list: Vec<State>) -> States {
        let mut by_code = HashMap::default();
        let mut names = Vec::new();
        for (i, s) in list.iter().enumerate() {
            by_code.insert(s.code, i);
            let mut push = |n: &str| {
                let f = fold(n);
                if !f.is_empty() && !names.iter().any(|(g, j)| *g == f && *j == i) {
                    names.push((f, i));
                }
            };
            push(&s.name);
            push(&s.official_name);
            push(&s.demonym);
            for a in &s.aliases {
                push(a);
            }
        }
        for (from, to) in CONTINUED_BY {
            if let (Ok(f), Some(&i)) = (
                from.parse::<Code>(),
                to.parse::<Code>().ok().and_then(|t| by_code.get(&t)),
            ) {
                by_code.insert(f, i);
            }
        }
        States {
            list,
            by_code,
            names,
        }
    }

    pub fn all(&self) -> &[State] {
        &self.list
    }

    /// The state a code names, following continuations (SUN -> RUS).
    pub fn get(&self, code: Code) -> Option<&State> {
        self.by_code.get(&code).map(|&i| &self.list[i])
    }

    /// The canonical code for a code (SUN -> RUS), if the code is known.
    pub fn canonical(&self, code: Code) -> Option<Code> {
        self.get(code).map(|s| s.code)
    }

    /// Every state the query may name, best matches first: an exact code, name or alias wins
    /// outright; otherwise every state with a name containing the query's words ("korea" finds
    /// both Koreas).
    pub fn search(&self, query: &str) -> Vec<&State> {
        let q = fold(query);
        if q.is_empty() {
            return self.list.iter().collect();
        }
        if let Ok(code) = query.trim().parse::<Code>() {
            if let Some(s) = self.get(code) {
                return vec![s];
            }
        }
        let upper = query.trim().to_ascii_uppercase();
        if let Some(s) = self
            .list
            .iter()
            .find(|s| !s.iso2.is_empty() && s.iso2 == upper)
        {
            return vec![s];
        }
        let mut exact: Vec<usize> = self
            .names
            .iter()
            .filter(|(n, _)| *n == q)
            .map(|&(_, i)| i)
            .collect();
        if !exact.is_empty() {
            exact.sort();
            exact.dedup();
            return exact.into_iter().map(|i| &self.list[i]).collect();
        }
        let words: Vec<&str> = q.split(' ').collect();
        let mut hits: Vec<usize> = self
            .names
            .iter()
            .filter(|(n, _)| {
                let nw: Vec<&str> = n.split(' ').collect();
                words.iter().all(|w| nw.iter().any(|x| x.starts_with(w)))
            })
            .map(|&(_, i)| i)
            .collect();
        hits.sort();
        hits.dedup();
        hits.into_iter().map(|i| &self.list[i]).collect()
    }

    /// Exactly one state for a query, or an error that says what it could have meant.
    pub fn resolve(&self, query: &str) -> Result<&State, LookupError> {
        let found = self.search(query);
        match found.len() {
            1 => Ok(found[0]),
            0 => Err(LookupError::Unknown {
                query: query.to_string(),
                suggestions: self.suggest(query),
            }),
            _ if fold(query).is_empty() => Err(LookupError::Unknown {
                query: query.to_string(),
                suggestions: Vec::new(),
            }),
            _ => Err(LookupError::Ambiguous {
                query: query.to_string(),
                candidates: found
                    .iter()
                    .map(|s| format!("{:?} ({})", s.name, s.code))
                    .collect(),
            }),
        }
    }

    /// Up to three names close to a misspelt query.
    fn suggest(&self, query: &str) -> Vec<String> {
        let q = fold(query);
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for (n, i) in &self.names {
            // Against the whole name and each of its words: "korae" is close to "korea" in
            // "south korea".
            let score = n
                .split(' ')
                .map(|w| strsim::jaro_winkler(&q, w))
                .fold(strsim::jaro_winkler(&q, n), f64::max);
            if score >= 0.85 {
                match scored.iter_mut().find(|(_, j)| j == i) {
                    Some(e) => e.0 = e.0.max(score),
                    None => scored.push((score, *i)),
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
            .iter()
            .take(3)
            .map(|&(_, i)| format!("{:?} ({})", self.list[i].name, self.list[i].code))
            .collect()
    }
}
