//! Fuzz target: one JSON Lines record (`diplograph_page::record`) and the reader on its page.
#![no_main]

use diplograph_fuzz::{check_reading, lexicon, published};
use diplograph_read::read;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (day, bytes) = published(data);
    let Ok(line) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(page) = diplograph_page::record(1, line) {
        if let Some(p) = page.published {
            assert!((1..=9999).contains(&p.year_number()), "record date {p}");
        }
        let r = read(&page.text, page.published.or(day), lexicon());
        check_reading(&page.text, &r);
    }
});
