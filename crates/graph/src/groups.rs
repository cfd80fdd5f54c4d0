//! Group memberships on a day: who belonged to the EU, the Arab League or an M49 region, and on
//! which rows of `data/groups.tsv` that rests.

use std::sync::Arc;

use diplograph_model::{Code, Day, Membership};

use crate::Graph;

/// A group's members on a day, from the membership rows.
#[derive(Clone, Debug)]
pub struct GroupOn<'g> {
    pub group: &'g str,
    pub day: Day,
    /// States that were members on the day, in code order.
    pub members: Vec<Code>,
    /// States whose rows cannot tell (a year-precision date around the day, the day of leaving).
    pub uncertain: Vec<Code>,
    /// The rows that decide, one per member or uncertain state.
    pub rows: Vec<&'g Membership>,
}

impl Graph {
    /// The graph with these group memberships (the baseline's `groups.tsv`). Memberships are
    /// reference data: `known_at` does not filter them.
    pub fn with_memberships(mut self, memberships: Arc<Vec<Membership>>) -> Graph {
        self.memberships = memberships;
        self
    }

    /// The members of `group` on `day`, in code order: states whose rows say they were members
    /// then (see [`Membership::on`]: a row with no `joined` date counts as a member on any day
    /// before `left`). States whose rows cannot tell are left out; [`Graph::group_on`] lists
    /// them.
    pub fn members(&self, group: &str, day: Day) -> Vec<Code> {
        self.group_on(group, day)
            .map(|g| g.members)
            .unwrap_or_default()
    }

    /// The group on `day`, with its uncertain members and the rows behind it; `None` when no
    /// row names the group.
    pub fn group_on<'g>(&'g self, group: &'g str, day: Day) -> Option<GroupOn<'g>> {
        let rows: Vec<&Membership> = self
            .memberships
            .iter()
            .filter(|m| m.group == group)
            .collect();
        if rows.is_empty() {
            return None;
        }
        let mut on = GroupOn {
            group,
            day,
            members: Vec::new(),
            uncertain: Vec::new(),
            rows: Vec::new(),
        };
        // a state with several periods: a member if one says so, uncertain if one cannot tell
        let mut states: Vec<Code> = rows.iter().map(|m| m.state).collect();
        states.sort();
        states.dedup();
        for s in states {
            let periods = rows.iter().filter(|m| m.state == s);
            let (mut yes, mut unsure) = (None, None);
            for m in periods {
                match m.on(day) {
                    Some(true) => yes = yes.or(Some(*m)),
                    None => unsure = unsure.or(Some(*m)),
                    Some(false) => {}
                }
            }
            if let Some(m) = yes {
                on.members.push(s);
                on.rows.push(m);
            } else if let Some(m) = unsure {
                on.uncertain.push(s);
                on.rows.push(m);
            }
        }
        Some(on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn graph() -> Graph {
        let b = diplograph_baseline::load().unwrap();
        Graph::build(b.states, &b.facts, &b.sets, &Options::default())
            .with_memberships(Arc::new(b.memberships))
    }

    fn day(s: &str) -> Day {
        s.parse().unwrap()
    }

    #[test]
    fn the_united_kingdom_in_the_eu() {
        let g = graph();
        let gbr: Code = "GBR".parse().unwrap();
        assert!(g.members("eu", day("2019-06-01")).contains(&gbr));
        assert_eq!(g.members("eu", day("2019-06-01")).len(), 28);
        assert!(!g.members("eu", day("2020-02-01")).contains(&gbr));
        assert_eq!(g.members("eu", day("2020-02-01")).len(), 27);
        let on_the_day = g.group_on("eu", day("2020-01-31")).unwrap();
        assert_eq!(on_the_day.uncertain, vec![gbr]);
        assert_eq!(g.members("eu", day("1972-12-31")).len(), 6);
    }

    #[test]
    fn suspensions_and_readmissions() {
        let g = graph();
        let syr: Code = "SYR".parse().unwrap();
        assert!(g.members("arab_league", day("2011-01-01")).contains(&syr));
        assert!(!g.members("arab_league", day("2015-01-01")).contains(&syr));
        assert!(g.members("arab_league", day("2024-01-01")).contains(&syr));
        assert_eq!(g.members("arab_league", day("2024-01-01")).len(), 22);
    }

    #[test]
    fn undated_regions_hold_on_any_day_and_unknown_groups_are_none() {
        let g = graph();
        let ca = g.members("m49_central_america", day("2023-03-26"));
        assert_eq!(ca.len(), 8);
        assert!(g.group_on("m49_atlantis", day("2023-03-26")).is_none());
    }
}
