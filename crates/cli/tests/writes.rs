//! Writes that keep the ledger clean (issue 12): a source can be corrected, with what it
//! replaced kept; a fact cannot be in the future or reported before it happened.

mod common;

use common::Env;

fn add(e: &Env, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "add",
        "NIU",
        "CUB",
        "establish",
        "2016-09-29",
        "--url",
        "https://example.org/niue-cuba",
        "--publisher",
        "Example News",
    ];
    args.extend_from_slice(extra);
    e.run(&args)
}

#[test]
fn a_source_is_corrected_not_duplicated() {
    let e = Env::new();
    let out = add(
        &e,
        &["--published", "2016-09-30", "--quote", "established ties"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = add(
        &e,
        &[
            "--published",
            "2016-09-30",
            "--quote",
            "Niue and Cuba established diplomatic relations",
        ],
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        "corrected the source of NIU CUB establish 2016-09-29 (what it replaced is kept in the ledger)"
    );
    let v = e.json(&["pair", "NIU", "CUB"]);
    let text = v.to_string();
    assert!(
        text.contains("Niue and Cuba established diplomatic relations"),
        "{text}"
    );
    assert!(!text.contains("\"established ties\""), "{text}");
}

#[test]
fn future_facts_and_sources_before_their_event_are_refused() {
    let e = Env::new();
    let err = e.fails(&[
        "add",
        "NIU",
        "CUB",
        "establish",
        "2999-05-04",
        "--url",
        "https://example.org/x",
        "--quote",
        "established ties",
    ]);
    assert!(err.contains("is after today"), "{err}");
    let out = add(
        &e,
        &["--published", "2016-09-01", "--quote", "established ties"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim(),
        "diplograph: the source was published on 2016-09-01, before the event it reports (2016-09-29)"
    );
    assert!(!e.db().exists());
    // a report without a publication day is taken, with a note
    let out = add(&e, &["--quote", "established ties"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("cannot count towards two publishers"));
}
