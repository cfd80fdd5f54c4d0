//! Property tests: the reader never panics, on arbitrary bytes (through the page checks) or on
//! arbitrary text, and every evidence span it returns is a real slice of the text it read.

use diplograph_page::Page;
use diplograph_read::{read, Lexicon};
use proptest::prelude::*;

fn lexicon() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let b = diplograph_baseline::load().unwrap();
        Lexicon::new(&b.states, &b.people)
    })
}

/// Words the rules care about, so that random text reaches them.
const WORDS: &[&str] = &[
    "South Korea",
    "Syria",
    "Seoul",
    "Damascus",
    "established",
    "diplomatic",
    "relations",
    "ties",
    "on",
    "Thursday",
    "in",
    "1987",
    "April 10, 2025",
    "with",
    "and",
    "not",
    "will",
    "met",
    "signed",
    "a",
    "joint",
    "statement",
    "expelled",
    "Russian",
    "diplomats",
    "recalled",
    "its",
    "ambassador",
    "from",
    "the two",
    "leaders",
    "’s",
    ",",
    ".",
    ";",
    "\n",
    "Quote from x on",
    "Korea",
    "Congo",
    "Jordan",
    "Georgia",
    "sanctions",
    "embassy",
    "opened",
    "U.S.",
    "since",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(page) = Page::from_bytes(&bytes, None) {
            let r = read(&page.text, None, lexicon());
            for e in r.events {
                for ev in e.evidence {
                    prop_assert_eq!(&page.text[ev.start..ev.end], ev.text.as_str());
                }
            }
        }
    }

    #[test]
    fn sentences_of_trigger_words_never_panic(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 0..80),
        day in 1u8..28,
    ) {
        let text = words.join(" ");
        let published = format!("2025-04-{day:02}").parse().ok();
        let r = read(&text, published, lexicon());
        for e in &r.events {
            prop_assert!(e.actors[0] != e.actors[1]);
            for ev in &e.evidence {
                prop_assert_eq!(&text[ev.start..ev.end], ev.text.as_str());
            }
        }
    }

    #[test]
    fn arbitrary_unicode_text_never_panics(text in "\\PC{0,400}") {
        let _ = read(&text, "2025-04-11".parse().ok(), lexicon());
    }
}
