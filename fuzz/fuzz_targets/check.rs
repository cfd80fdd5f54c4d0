//! Fuzz target: the checker (claim finder and event statuses) on arbitrary text read by the
//! reader, as of a day drawn from the first bytes.
#![no_main]

use diplograph_fuzz::{check_reading, graph, lexicon, published};
use diplograph_read::read;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (day, bytes) = published(data);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let r = read(text, day, lexicon());
    check_reading(text, &r);
    let fallback = diplograph_model::Day::constant(2025, 4, 11);
    let period = r
        .published
        .map_or((fallback, fallback), |d| (d.first_day(), d.last_day()));
    let report = diplograph_check::check_within(text, &r, graph(), period, lexicon());
    for c in &report.claims {
        assert!(c.start <= c.end && c.end <= text.len());
        assert_eq!(&text[c.start..c.end], c.text);
    }
});
