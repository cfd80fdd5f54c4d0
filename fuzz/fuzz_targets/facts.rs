//! Fuzz target: the facts, set facts and people TSV parsers (`import facts` and the embedded
//! baseline share them): an error or rows, never a panic; every row's date storable.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(facts) = diplograph_baseline::parse_facts("fuzz.tsv", text) {
        for f in &facts {
            // building the day span must not panic
            let _ = (f.date.first_day(), f.date.last_day());
        }
    }
    let _ = diplograph_baseline::parse_sets("fuzz.tsv", text);
    let _ = diplograph_baseline::parse_people("fuzz.tsv", text);
});
