//! Articles from disk: a folder of `*.json` files (each one JSON string, the article's wikitext,
//! as in `../shared/data/wikipedia_foreign_relations`), raw `*.wiki` files, or MediaWiki XML
//! exports (`Special:Export`), each page with its title and revision day.

use std::path::{Path, PathBuf};

use diplograph_model::Day;

use crate::{Article, Error};

/// The largest file read (an article is under a megabyte; an export of every article under
/// two hundred).
pub const MAX_FILE: u64 = 256 << 20;

/// Reads every article under `path` (a file or a folder, walked one level deep and into its
/// subfolders, no link followed twice). Files that cannot be read become notes; the rest load.
pub fn load(path: &Path) -> Result<(Vec<Article>, Vec<String>), Error> {
    let mut files = Vec::new();
    let meta = std::fs::metadata(path).map_err(|e| Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    if meta.is_dir() {
        collect(path, &mut files, 0)?;
    } else {
        files.push(path.to_path_buf());
    }
    files.sort();
    let mut articles = Vec::new();
    let mut notes = Vec::new();
    for f in files {
        match load_file(&f) {
            Ok(mut a) => articles.append(&mut a),
            Err(e) => notes.push(e.to_string()),
        }
    }
    Ok((articles, notes))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<(), Error> {
    if depth > 2 {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
        path: dir.display().to_string(),
        message: e.to_string(),
    })?;
    for e in entries.flatten() {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            collect(&p, out, depth + 1)?;
        } else if ft.is_file()
            && matches!(
                p.extension().and_then(|x| x.to_str()),
                Some("json" | "xml" | "wiki")
            )
        {
            out.push(p);
        }
    }
    Ok(())
}

/// A title from a file name: underscores are spaces, and a trailing `_country_` (how some
/// collections write a disambiguation) is `(country)`.
fn title_from_file(p: &Path) -> String {
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let stem = match (stem.rfind(" _"), stem.ends_with('_')) {
        (Some(i), true) if i + 2 < stem.len() - 1 => {
            format!("{} ({})", &stem[..i], &stem[i + 2..stem.len() - 1])
        }
        _ => stem.to_string(),
    };
    stem.replace('_', " ")
}

fn load_file(p: &Path) -> Result<Vec<Article>, Error> {
    let name = p.display().to_string();
    let io = |e: std::io::Error| Error::Io {
        path: name.clone(),
        message: e.to_string(),
    };
    let len = std::fs::metadata(p).map_err(io)?.len();
    if len > MAX_FILE {
        return Err(Error::Input {
            file: name,
            message: format!("{len} bytes is over the {MAX_FILE}-byte limit"),
        });
    }
    let bytes = std::fs::read(p).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Input {
        file: name.clone(),
        message: format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
    })?;
    let file = p
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    match p.extension().and_then(|x| x.to_str()) {
        Some("json") => {
            let wikitext: String = serde_json::from_str(&text).map_err(|e| Error::Input {
                file: name.clone(),
                message: format!("not a JSON string of wikitext: {e}"),
            })?;
            Ok(vec![Article {
                title: title_from_file(p),
                file,
                text: wikitext,
                revision: None,
            }])
        }
        Some("xml") => parse_export(&file, &text),
        _ => Ok(vec![Article {
            title: title_from_file(p),
            file,
            text,
            revision: None,
        }]),
    }
}

/// The pages of a MediaWiki XML export: title, the last revision's timestamp (its day) and text.
pub fn parse_export(file: &str, xml: &str) -> Result<Vec<Article>, Error> {
    use quick_xml::events::Event as X;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let (mut title, mut text, mut stamp) = (String::new(), String::new(), String::new());
    let err = |pos: u64, e: &dyn std::fmt::Display| Error::Input {
        file: file.to_string(),
        message: format!("byte {pos}: not a MediaWiki export: {e}"),
    };
    loop {
        let pos = r.buffer_position();
        match r.read_event() {
            Err(e) => return Err(err(pos, &e)),
            Ok(X::Eof) => break,
            Ok(X::Start(s)) => {
                let n = String::from_utf8_lossy(s.local_name().as_ref()).into_owned();
                if n == "page" {
                    title.clear();
                    text.clear();
                    stamp.clear();
                }
                path.push(n);
            }
            Ok(X::End(_)) => {
                if path.pop().as_deref() == Some("page") && !title.is_empty() {
                    out.push(Article {
                        title: std::mem::take(&mut title),
                        file: file.to_string(),
                        text: std::mem::take(&mut text),
                        revision: stamp.get(..10).and_then(|d| d.parse::<Day>().ok()),
                    });
                }
            }
            Ok(X::Text(t)) => {
                let v = t.decode().map_err(|e| err(pos, &e))?;
                push(path.last(), &v, &mut title, &mut text, &mut stamp);
            }
            Ok(X::GeneralRef(r)) => {
                // Entities such as &amp; inside text come as references of their own.
                let v = match r.as_ref() {
                    b"amp" => "&".to_string(),
                    b"lt" => "<".to_string(),
                    b"gt" => ">".to_string(),
                    b"quot" => "\"".to_string(),
                    b"apos" => "'".to_string(),
                    other => {
                        let name = String::from_utf8_lossy(other);
                        let code = name
                            .strip_prefix("#x")
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()));
                        code.and_then(char::from_u32)
                            .map(String::from)
                            .unwrap_or_default()
                    }
                };
                push(path.last(), &v, &mut title, &mut text, &mut stamp);
            }
            Ok(X::CData(t)) => {
                if path.last().map(String::as_str) == Some("text") {
                    text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Ok(_) => {}
        }
    }
    if out.is_empty() {
        return Err(Error::Input {
            file: file.to_string(),
            message: "no <page> with a <title> in this export".to_string(),
        });
    }
    Ok(out)
}

fn push(tag: Option<&String>, v: &str, title: &mut String, text: &mut String, stamp: &mut String) {
    match tag.map(String::as_str) {
        Some("title") => title.push_str(v),
        Some("text") => text.push_str(v),
        Some("timestamp") => stamp.push_str(v),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_pages_keep_title_day_and_text() {
        let xml = r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/"><page><title>Foreign relations of Ghana</title><revision><timestamp>2025-11-20T10:00:00Z</timestamp><text xml:space="preserve">==Diplomatic relations== &amp; more
{|
|-
|{{flag|India}}
|{{dts|6 March 1957}}
|}</text></revision></page></mediawiki>"#;
        let a = parse_export("export.xml", xml).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title, "Foreign relations of Ghana");
        assert_eq!(a[0].revision, Some("2025-11-20".parse().unwrap()));
        assert!(a[0].text.contains("{{flag|India}}"));
    }

    #[test]
    fn titles_from_file_names() {
        let t = |s: &str| title_from_file(Path::new(s));
        assert_eq!(
            t("x/Foreign relations of Georgia _country_.json"),
            "Foreign relations of Georgia (country)"
        );
        assert_eq!(
            t("Foreign_relations_of_Ghana.wiki"),
            "Foreign relations of Ghana"
        );
    }

    #[test]
    fn a_file_that_is_not_an_export_says_so() {
        let e = parse_export("x.xml", "<html><body>hi</body></html>").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.xml: no <page> with a <title> in this export"
        );
        assert!(parse_export("y.xml", "<mediawiki><page><title>A</ti")
            .unwrap_err()
            .to_string()
            .starts_with("y.xml: "));
    }
}
