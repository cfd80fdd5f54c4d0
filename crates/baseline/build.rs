//! Indexes the large facts files at build time, so that start-up reads a small table instead
//! of scanning megabytes of text: `src/scan.rs` finds the rows (the library shares it, and a
//! test checks the built index against a scan), and this writes 22 bytes a row.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/scan.rs"]
mod scan;

/// Facts files above this size are indexed (the same threshold as `INDEX_ABOVE` in lib.rs).
const INDEX_ABOVE: u64 = 4 << 20;

fn main() {
    let dir = Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../data/facts");
    let out = std::env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/scan.rs");
    let mut list = String::from("/// Row indexes of the large facts files, made by build.rs.\npub(crate) const INDEXES: &[(&str, &[u8])] = &[\n");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".facts.tsv"))
        .collect();
    names.sort();
    for p in names {
        println!("cargo:rerun-if-changed={}", p.display());
        if std::fs::metadata(&p).unwrap().len() <= INDEX_ABOVE {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let target = Path::new(&out).join(format!("{name}.rows"));
        std::fs::write(&target, encode(&text)).unwrap();
        writeln!(
            list,
            "    ({:?}, include_bytes!({:?})),",
            format!("facts/{name}"),
            target.display().to_string()
        )
        .unwrap();
    }
    list.push_str("];\n");
    std::fs::write(Path::new(&out).join("indexes.rs"), list).unwrap();
}

/// 22 bytes a row, little-endian: a (3), b (3), start, end, line (u32 each), published from,
/// to (u16 each). A code that is not three bytes is written as blanks, so that the row fails to
/// index at start-up with its line.
fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for r in scan::scan(text) {
        let code = |(x, y): (usize, usize)| match text.as_bytes().get(x..y) {
            Some(&[p, q, s]) => [p, q, s],
            _ => *b"   ",
        };
        out.extend_from_slice(&code(r.a));
        out.extend_from_slice(&code(r.b));
        out.extend_from_slice(&(r.start as u32).to_le_bytes());
        out.extend_from_slice(&(r.end as u32).to_le_bytes());
        out.extend_from_slice(&r.line.to_le_bytes());
        out.extend_from_slice(&r.published.0.to_le_bytes());
        out.extend_from_slice(&r.published.1.to_le_bytes());
    }
    out
}
