//! Fuzz target: arbitrary bytes as HTML through the nesting guard, the extractor and the reader,
//! the page's own metadata date or one drawn from the first bytes.
#![no_main]

use diplograph_fuzz::{check_reading, lexicon, published};
use diplograph_page::{Format, Page};
use diplograph_read::read;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (day, bytes) = published(data);
    if let Ok(page) = Page::from_bytes(bytes, Some(Format::Html)) {
        if let Some(p) = page.published {
            assert!((1..=9999).contains(&p.year_number()), "metadata date {p}");
        }
        let r = read(&page.text, page.published.or(day), lexicon());
        check_reading(&page.text, &r);
    }
});
