//! The questions a view asks of a graph, each from names and days as a person gives them to the
//! answer a document is made of: states, relations, coverage, a pair's history, timelines and
//! exclusive partners.

use anyhow::Result;
use diplograph_graph::{CoverageReport, Exclusive, Graph, History, Relations, YearCount};
use diplograph_model::{Code, Day, State, Universe};

/// A state by code or name; an unknown name is an error that says what it may have meant.
pub fn resolve(g: &Graph, q: &str) -> Result<Code> {
    Ok(g.states().resolve(q)?.code)
}

/// The states whose codes or names match `query` (all of them for an empty one).
pub fn states<'g>(g: &'g Graph, query: &str) -> Vec<&'g State> {
    g.states().search(query)
}

/// A state's relations with every other state of `among` on `as_of`.
pub fn relations(g: &Graph, state: &str, as_of: Day, among: Universe) -> Result<Relations> {
    let code = resolve(g, state)?;
    Ok(g.relations(code, as_of, among)?)
}

/// How many pairs the graph can answer for on `as_of`, for one state or all.
pub fn coverage(
    g: &Graph,
    as_of: Day,
    among: Universe,
    state: Option<&str>,
) -> Result<CoverageReport> {
    let code = state.map(|s| resolve(g, s)).transpose()?;
    Ok(g.coverage(as_of, among, code)?)
}

/// A pair's history; with `as_of`, as it stood on that day.
pub fn pair(g: &Graph, a: &str, b: &str, as_of: Option<Day>) -> Result<History> {
    let (a, b) = (resolve(g, a)?, resolve(g, b)?);
    let mut h = g.history(a, b)?;
    if let Some(day) = as_of {
        until(&mut h, day);
    }
    Ok(h)
}

/// A pair's history as it stood on `day`: what began after it left out, an interval still open
/// then shown open, recognitions made by then.
fn until(h: &mut History, day: Day) {
    h.history
        .retain(|i| i.from.is_none_or(|d| d.first_day() <= day));
    for i in &mut h.history {
        if i.to.is_some_and(|d| d.first_day() > day) {
            i.to = None;
            i.to_precision = None;
        }
    }
    h.recognition.retain(|e| e.date.first_day() <= day);
}

/// A state's partners counted at the end of every year from `from` (default: its first year)
/// to `until`.
pub fn timeline(
    g: &Graph,
    state: &str,
    until: Day,
    among: Universe,
    from: Option<i16>,
) -> Result<(Code, Vec<YearCount>)> {
    let code = resolve(g, state)?;
    g.check_exists(code, until)?;
    let from = from.or_else(|| g.first_year(code)).unwrap_or(until.year());
    Ok((code, g.timeline(code, from, until, among)))
}

/// Exclusive partners at the end of every year.
pub type ExclusiveYears = Vec<(i16, Exclusive)>;

/// The states that deal with `state` and not `rival` on `as_of`; with `timeline_from`, the same
/// at the end of every year from then.
pub fn exclusive(
    g: &Graph,
    state: &str,
    rival: &str,
    as_of: Day,
    among: Universe,
    timeline_from: Option<i16>,
) -> Result<(Exclusive, Option<ExclusiveYears>)> {
    let (a, r) = (resolve(g, state)?, resolve(g, rival)?);
    let x = g.exclusive(a, r, as_of, among)?;
    let years = timeline_from.map(|from| {
        diplograph_graph::year_ends(from, as_of)
            .filter_map(|(y, d)| g.exclusive(a, r, d, among).ok().map(|x| (y, x)))
            .collect()
    });
    Ok((x, years))
}
