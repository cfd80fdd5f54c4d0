//! Fuzz target: arbitrary bytes through the page checks (text or HTML) and the reader.
#![no_main]

use std::sync::OnceLock;

use diplograph_page::{Format, Page};
use diplograph_read::{read, Lexicon};
use libfuzzer_sys::fuzz_target;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let b = diplograph_baseline::load().expect("baseline");
        Lexicon::new(&b.states, &b.people)
    })
}

fuzz_target!(|data: &[u8]| {
    // the first byte picks how the input is taken: sniffed, text, or HTML
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
        let r = read(&page.text, "2025-04-11".parse().ok(), lexicon());
        for e in r.events {
            for ev in e.evidence {
                assert_eq!(&page.text[ev.start..ev.end], ev.text);
            }
        }
    }
});
