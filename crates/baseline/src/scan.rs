//! The row index of a facts file, shared by `build.rs` (which makes it at build time) and the
//! library (which reads it, and scans where no built index exists): each data row's place in
//! the text, its line, and where its `a`, `b` and `published` fields stand.

/// One data row of a facts file, as the index keeps it. Offsets of `a` and `b` are into the
/// text; `published` is relative to the row's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scanned {
    pub a: (usize, usize),
    pub b: (usize, usize),
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub published: (u16, u16),
}

/// Every data row of a facts file: comment lines, blank lines and the header are passed over.
pub fn scan(text: &str) -> Vec<Scanned> {
    let mut out = Vec::with_capacity(text.len() / 250);
    let mut seen_header = false;
    let mut start = 0usize;
    let ends = text
        .match_indices('\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    for (i, end) in ends.enumerate() {
        let line = i as u32 + 1;
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
        // The first seven tabs bound the fields an index needs (a, b, published).
        let mut bounds = [l.len(); 7];
        for (k, (i, _)) in l.match_indices('\t').take(7).enumerate() {
            bounds[k] = i;
        }
        let b_from = (bounds[0] + 1).min(l.len());
        let p_from = (bounds[5] + 1).min(l.len());
        out.push(Scanned {
            a: (at, at + bounds[0]),
            b: (at + b_from, at + bounds[1].max(b_from)),
            start: at,
            end: at + l.len(),
            line,
            published: (p_from as u16, bounds[6].max(p_from) as u16),
        });
    }
    out
}
