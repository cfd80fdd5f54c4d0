//! Indexes the large facts files at build time: for each row, its two states, its place in the
//! file and the place of its `published` field, so that start-up reads a small table instead of
//! scanning megabytes of text (`Rows` in src/lib.rs reads it; a test checks it against a scan).

use std::fmt::Write as _;
use std::path::Path;

/// Facts files above this size are indexed (the same threshold as `INDEX_ABOVE` in lib.rs).
const INDEX_ABOVE: u64 = 4 << 20;

fn main() {
    let dir = Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../data/facts");
    let out = std::env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed={}", dir.display());
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
        std::fs::write(&target, index(&text)).unwrap();
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

/// 22 bytes a row: a (3), b (3), start, end, line (u32 each), published from, to (u16 each),
/// little-endian; offsets as `Rows::index` computes them.
fn index(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut seen_header = false;
    let mut start = 0usize;
    let mut line = 0u32;
    let ends = text
        .match_indices('\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    for end in ends {
        line += 1;
        let l = text[start..end].trim_end_matches('\r');
        let at = start;
        start = end + 1;
        if l.starts_with('#') || l.trim().is_empty() {
            continue;
        }
        if !seen_header {
            seen_header = true;
            continue;
        }
        let mut bounds = [l.len(); 7];
        for (k, (i, _)) in l.match_indices('\t').take(7).enumerate() {
            bounds[k] = i;
        }
        let a = &l.as_bytes()[..bounds[0].min(3)];
        let b = l.as_bytes().get(bounds[0] + 1..bounds[1]).unwrap_or(b"");
        // A code that is not three bytes is written as blanks: the row fails to index at start.
        let code = |c: &[u8]| {
            if c.len() == 3 {
                [c[0], c[1], c[2]]
            } else {
                *b"   "
            }
        };
        out.extend_from_slice(&code(a));
        out.extend_from_slice(&code(b));
        out.extend_from_slice(&(at as u32).to_le_bytes());
        out.extend_from_slice(&((at + l.len()) as u32).to_le_bytes());
        out.extend_from_slice(&line.to_le_bytes());
        let from = (bounds[5] + 1).min(l.len());
        out.extend_from_slice(&(from as u16).to_le_bytes());
        out.extend_from_slice(&(bounds[6].max(from) as u16).to_le_bytes());
    }
    out
}
