//! Where the shipped data comes from: every embedded file with its rows, origin, licence and
//! attribution (the table `data/README.md` gives), for `diplograph sources` and the server's
//! `/-/metadata.json`.

use diplograph_api::{DataFile, SourcesDoc};

/// The day the Wikipedia articles behind `wikipedia.facts.tsv` were taken.
pub const WIKIPEDIA_SNAPSHOT: &str = "2025-11-26";

const HAND: &str = "curated by hand from cited reporting, a source per row";
const OWN: &str = "MIT OR Apache-2.0; quotes remain their publishers'";
const PUBLISHER: &str = "the publisher named in each row";
const RECOGNITION: &str = "curated by hand from cited reporting, a source per row (rows that cite a table row or a Wikipedia article also carry a citation); gaps in notes/recognition-gaps.md";
const RECOGNITION_LICENCE: &str = "CC BY-SA 4.0 (rows whose publisher or citation names Wikipedia or a copy of it); the other rows MIT OR Apache-2.0, quotes remaining their publishers'";
const RECOGNITION_BY: &str = "Wikipedia contributors for the rows that name Wikipedia; the publisher named in each other row";
const STATES_BY: &str = "globalgov/manystates (HUGGO; Gleditsch and Ward); Correlates of War state list via brentonk/us_diplomatic_missions; datasets/country-codes; Our World in Data; OpenSanctions countrynames; countryinfo";
const WIKIPEDIA: &str = "English Wikipedia \"Foreign relations of X\" articles, snapshot 2025-11-26 (via benj3542/IP_graph @8755b2c), made by `diplograph import wikipedia`";
const WIKIPEDIA_LICENCE: &str = "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)";
const WIKIPEDIA_BY: &str = "Wikipedia contributors, the article named in each row";

/// File, origin, licence, attribution: the table in `data/README.md`, one entry a file.
const TABLE: &[(&str, &str, &str, &str)] = &[
    ("states-un.tsv", "rebuilt by scripts/build-states.py from datasets/country-codes @caa72d1 (ODC-PDDL), owid/owid-grapher @c7402d1 (MIT), UN admission dates (MIT), the COW state list 2024 in brentonk/us_diplomatic_missions @6b3b3ac (CC BY 4.0), globalgov/manystates @23d119a (CC BY 4.0), countryinfo 1.0.1 (MIT) and countrynames 1.17.0 (MIT); every row cites its dataset rows", "CC BY 4.0", STATES_BY),
    ("states-extra.tsv", "curated by hand; rows cite country-codes, owid, countrynames, the COW state list, manystates and UN documents, a source per row", "CC BY 4.0", STATES_BY),
    ("facts/korea.facts.tsv", HAND, OWN, PUBLISHER),
    ("facts/korea.sets.tsv", HAND, OWN, PUBLISHER),
    ("facts/taiwan.facts.tsv", HAND, OWN, PUBLISHER),
    ("facts/taiwan.sets.tsv", HAND, OWN, PUBLISHER),
    ("facts/world-2019.facts.tsv", HAND, OWN, PUBLISHER),
    ("facts/world-2023.facts.tsv", HAND, OWN, PUBLISHER),
    ("facts/ruptures.facts.tsv", HAND, OWN, PUBLISHER),
    ("facts/israel.facts.tsv", HAND, OWN, PUBLISHER),
    ("facts/holysee.facts.tsv", HAND, OWN, PUBLISHER),
    ("facts/holysee.sets.tsv", HAND, OWN, PUBLISHER),
    ("facts/recognition.facts.tsv", RECOGNITION, RECOGNITION_LICENCE, RECOGNITION_BY),
    ("facts/recognition.sets.tsv", RECOGNITION, RECOGNITION_LICENCE, RECOGNITION_BY),
    ("facts/us.facts.tsv", "made by `diplograph import us-missions` from the State Department guide, HistoryAtState/rdcr @f3c5354 (public domain + CC0), quoted, and the US diplomatic missions data, brentonk/us_diplomatic_missions @6b3b3ac (CC BY 4.0), cited by row", "CC BY 4.0 (the missions data's rows); the guide's text is public domain + CC0", "US Department of State, Office of the Historian; Brenton Kenkel, US diplomatic missions data"),
    ("facts/wikipedia.facts.tsv", WIKIPEDIA, WIKIPEDIA_LICENCE, WIKIPEDIA_BY),
    ("facts/wikipedia.sets.tsv", WIKIPEDIA, WIKIPEDIA_LICENCE, WIKIPEDIA_BY),
    ("groups.tsv", "memberships of states in groups (Arab League, EU, ASEAN, AU, UN regional groups) curated by hand from cited pages, a source per row; the `m49_*` rows made by scripts/build-groups-m49.py from country-codes, cited by row", "CC BY-SA 4.0 (rows that quote Wikipedia and its copies); the other curated rows MIT OR Apache-2.0, quotes remaining their publishers'; the `m49_*` rows ODC-PDDL (country-codes)", "Wikipedia contributors for the rows that name Wikipedia; the publisher named in each other row; datasets/country-codes for the `m49_*` rows"),
    ("reader/people.tsv", "curated by hand: heads of state and government and foreign ministers in office 2020-2026, a cited report per row", OWN, PUBLISHER),
    ("notes/", "the curators' notes on gaps and measurements (not embedded)", "MIT OR Apache-2.0; quoted Wikipedia rows CC BY-SA 4.0", "the sources each note names"),
];

/// Every data file with its rows, licence and attribution.
pub fn data_files() -> Vec<DataFile> {
    TABLE
        .iter()
        .map(|&(file, origin, licence, attribution)| DataFile {
            file,
            rows: diplograph_baseline::FILES
                .iter()
                .find(|(name, _)| *name == file)
                .map(|(_, text)| rows(text)),
            origin,
            licence,
            attribution,
        })
        .collect()
}

/// Data rows: lines that are neither empty nor comments, less the header.
fn rows(text: &str) -> usize {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count()
        .saturating_sub(1)
}

/// What `--version` prints: the build, the data's version and the Wikipedia snapshot.
pub fn long_version() -> String {
    format!(
        "{} (data {}, Wikipedia snapshot {WIKIPEDIA_SNAPSHOT})",
        env!("CARGO_PKG_VERSION"),
        diplograph_baseline::version()
    )
}

/// The code's licence.
pub const CODE_LICENCE: &str = "MIT OR Apache-2.0";

/// `sources`' document over `files` (from [`data_files`]) and the data `version`.
pub fn doc<'a>(version: &'a str, files: &'a [DataFile]) -> SourcesDoc<'a> {
    SourcesDoc {
        version,
        wikipedia_snapshot: WIKIPEDIA_SNAPSHOT,
        code_licence: CODE_LICENCE,
        files,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_has_a_licence_and_the_readme_names_it() {
        let readme = include_str!("../../../data/README.md");
        for (name, _) in diplograph_baseline::FILES {
            assert!(
                TABLE.iter().any(|t| t.0 == *name),
                "{name} has no entry in sources"
            );
            let short = name.rsplit('/').next().unwrap();
            assert!(
                readme.contains(short),
                "data/README.md does not name {name}"
            );
        }
    }

    #[test]
    fn rows_leave_out_comments_and_the_header() {
        assert_eq!(rows("# note\na\tb\nKOR\tCUB\n\nPRK\tSYR\n"), 2);
    }
}
