//! Regression tests for issue 11: HTML nested 100,000 deep with elements the first guard did not
//! count (`nav`, `dl`, `header`, `figure`, `details`, any name), with comments between the tags,
//! or never closed, ran for minutes in `Page::from_bytes`; now refused before parsing.

use diplograph_page::{Format, Page, PageError};

const DEEP: usize = 100_000;

fn refused(html: &str) -> (usize, String) {
    match Page::from_bytes(html.as_bytes(), Some(Format::Html)) {
        Err(e @ PageError::TooDeep { offset, limit }) => {
            assert_eq!(limit, 1000);
            (offset, e.to_string())
        }
        other => panic!("expected too deep, got {:?}", other.map(|p| p.text.len())),
    }
}

#[test]
fn deep_elements_of_any_name_are_refused() {
    for name in [
        "nav", "dl", "header", "figure", "details", "x-y", "summary", "b",
    ] {
        let html = format!(
            "<html><body>{}<p>Text</p>{}</body></html>",
            format!("<{name}>").repeat(DEEP),
            format!("</{name}>").repeat(DEEP)
        );
        let (offset, message) = refused(&html);
        // html, body, then the 999th element is the 1001st open
        assert_eq!(offset, 12 + 998 * (name.len() + 2), "{name}");
        assert_eq!(
            message,
            format!(
                "HTML nested more than 1000 elements deep (at byte {offset}): not a page a person reads"
            )
        );
    }
}

#[test]
fn deep_elements_between_comments_and_unclosed_are_refused() {
    let commented = format!(
        "<html><body>{}</body></html>",
        "<nav><!-- menu --><dl><!----><header>".repeat(DEEP / 3)
    );
    let (offset, _) = refused(&commented);
    assert!(commented[offset..].starts_with('<'));
    let unclosed = format!(
        "<!doctype html><html><body>{}",
        "<figure><details>".repeat(DEEP / 2)
    );
    let (offset, _) = refused(&unclosed);
    assert!(
        unclosed[offset..].starts_with("<figure>") || unclosed[offset..].starts_with("<details>")
    );
}

#[test]
fn a_long_flat_page_is_read() {
    let html = format!(
        "<html><head><title>t</title></head><body><article>{}</article></body></html>",
        "<p>South Korea established diplomatic relations with Syria on Thursday, the ministry said.</p>\n<br><img src=a.png>"
            .repeat(2000)
    );
    let page = Page::from_bytes(html.as_bytes(), Some(Format::Html)).unwrap();
    assert!(page
        .text
        .contains("South Korea established diplomatic relations with Syria"));
}

#[test]
fn many_end_tags_under_deep_nesting_are_refused() {
    // 997 open elements, then end tags the parser looks for down the whole stack: 210 s before
    let html = format!(
        "<html><body>{}{}",
        "<figure>".repeat(997),
        "</p>".repeat(40_000)
    );
    let e = Page::from_bytes(html.as_bytes(), Some(Format::Html)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "HTML too costly to parse: more than 32000000 tags times their depth by byte 133988"
    );
}
