//! Fuzz target: arbitrary bytes through the page checks (text or HTML) and the reader, with a
//! publication date drawn from the first bytes.
#![no_main]

use diplograph_fuzz::{check_reading, lexicon, published};
use diplograph_page::{Format, Page};
use diplograph_read::read;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (day, data) = published(data);
    // the next byte picks how the input is taken: sniffed, text, or HTML
    let (format, bytes) = match data.split_first() {
        Some((b, rest)) => (
            match b % 3 {
                0 => None,
                1 => Some(Format::Text),
                _ => Some(Format::Html),
            },
            rest,
        ),
        None => (None, data),
    };
    if let Ok(page) = Page::from_bytes(bytes, format) {
        let r = read(&page.text, day.or(page.published), lexicon());
        check_reading(&page.text, &r);
    }
});
