//! An article's structure: its sections (with their headings) and the tables in them, each row
//! split into cells at the top level only, so that `|` inside templates and references stays.

use crate::markup;

/// A heading and the text under it, up to the next heading of any level.
#[derive(Debug, Clone)]
pub struct Section<'a> {
    /// Headings from the top: `["Bilateral relations", "Africa", "Ghana"]`.
    pub path: Vec<String>,
    pub body: &'a str,
}

fn heading(line: &str) -> Option<(usize, String)> {
    let t = line.trim_end();
    let level = t.bytes().take_while(|&b| b == b'=').count();
    if !(2..=6).contains(&level) || !t.ends_with(&"=".repeat(level)) || t.len() <= 2 * level {
        return None;
    }
    let title = markup::plain(&t[level..t.len() - level]);
    Some((level, title.trim().to_string()))
}

/// The article's sections in order; text before the first heading is a section with an empty
/// path.
pub fn sections(article: &str) -> Vec<Section<'_>> {
    let mut out = Vec::new();
    let mut path: Vec<(usize, String)> = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for line in article.split_inclusive('\n') {
        if let Some((l, title)) = heading(line) {
            out.push(Section {
                path: path.iter().map(|(_, t)| t.clone()).collect(),
                body: &article[start..pos],
            });
            path.retain(|(pl, _)| *pl < l);
            path.push((l, title));
            start = pos + line.len();
        }
        pos += line.len();
    }
    out.push(Section {
        path: path.into_iter().map(|(_, t)| t).collect(),
        body: &article[start..],
    });
    out
}

/// One table: its header cells, its rows of cells (wikitext), and the text just before it.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    /// The wikitext of the paragraph before the table (its caption, in effect).
    pub intro: &'a str,
    pub header: Vec<String>,
    /// The header cells as written (a date column's heading may hold the table's reference).
    pub header_raw: Vec<&'a str>,
    pub rows: Vec<Vec<&'a str>>,
    /// Byte offset of the table in the text it was found in.
    pub start: usize,
    /// Set when the table was never closed (a truncated file): its rows are read all the same.
    pub unclosed: bool,
}

/// Every top-level table (`{| … |}`) in `text`; nested tables stay inside their cells.
pub fn tables(text: &str) -> Vec<Table<'_>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut open_at = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("{|") {
            if depth == 0 {
                open_at = pos;
            }
            depth += 1;
        } else if t.starts_with("|}") && depth > 0 {
            depth -= 1;
            if depth == 0 {
                out.push(parse_table(text, open_at, pos + line.len(), false));
            }
        }
        pos += line.len();
    }
    if depth > 0 {
        out.push(parse_table(text, open_at, text.len(), true));
    }
    out
}

/// Strips a cell's attributes (`style="…" | text`): the part before a top-level single `|`.
fn cell_content(c: &str) -> &str {
    let parts = markup::split_top(c, "|");
    if parts.len() >= 2 {
        let attr = parts[0];
        if attr.contains('=') && !attr.contains("{{") && !attr.contains("[[") {
            return c[attr.len() + 1..].trim();
        }
    }
    c.trim()
}

/// A table being read line by line: the cell in progress (a byte range of the body, so that
/// multi-line cells stay whole), the row in progress, and what is done.
struct Builder<'a> {
    body: &'a str,
    header: Vec<String>,
    header_raw: Vec<&'a str>,
    rows: Vec<Vec<&'a str>>,
    row: Vec<&'a str>,
    cell: Option<(usize, usize)>,
    header_cell: bool,
}

impl<'a> Builder<'a> {
    /// Ends the cell in progress: splits it at `||` (`!!` in a header) into its cells.
    fn flush(&mut self) {
        let Some((a, b)) = self.cell.take() else {
            return;
        };
        let sep = if self.header_cell { "!!" } else { "||" };
        for part in markup::split_top(&self.body[a..b], sep) {
            let content = cell_content(part);
            if self.header_cell {
                self.header.push(markup::plain(content).trim().to_string());
                self.header_raw.push(content);
            } else {
                self.row.push(content);
            }
        }
    }

    /// Ends the row in progress.
    fn end_row(&mut self) {
        self.flush();
        if !self.row.is_empty() {
            self.rows.push(std::mem::take(&mut self.row));
        }
    }

    /// Extends the cell in progress to the end of the line ending at `to`.
    fn extend(&mut self, to: usize) {
        if let Some((_, b)) = self.cell.as_mut() {
            *b = to;
        }
    }
}

fn parse_table<'a>(text: &'a str, start: usize, end: usize, unclosed: bool) -> Table<'a> {
    let body = &text[start..end];
    let intro = {
        let before = text[..start].trim_end();
        let para = before.rfind("\n\n").map_or(0, |i| i + 2);
        let para = before[para..].rfind("\n=").map_or(para, |i| para + i + 1);
        &before[para..]
    };
    let mut t = Builder {
        body,
        header: Vec::new(),
        header_raw: Vec::new(),
        rows: Vec::new(),
        row: Vec::new(),
        cell: None,
        header_cell: false,
    };
    let mut nested = 0usize;
    let mut next = 0;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let line_start = next;
        next += line.len();
        if i == 0 {
            continue; // the `{|` line with the table's attributes
        }
        let line_end = line_start + line.trim_end_matches('\n').len();
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        // A nested table stays inside the cell that holds it.
        if nested > 0 || trimmed.starts_with("{|") {
            if trimmed.starts_with("{|") {
                nested += 1;
            } else if trimmed.starts_with("|}") {
                nested -= 1;
            }
            t.extend(line_end);
            continue;
        }
        if trimmed.starts_with("|}") {
            break;
        }
        if trimmed.starts_with("|+") {
            continue; // a caption
        }
        if trimmed.starts_with("|-") {
            t.end_row();
        } else if trimmed.starts_with('|') || trimmed.starts_with('!') {
            t.flush();
            t.header_cell = trimmed.starts_with('!');
            t.cell = Some((line_start + lead + 1, line_end));
        } else {
            t.extend(line_end);
        }
    }
    t.end_row();
    Table {
        intro,
        header: t.header,
        header_raw: t.header_raw,
        rows: t.rows,
        start,
        unclosed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_table_rows_and_header() {
        let t = "List of countries which Ghana maintains diplomatic relations with:\n{| class=\"wikitable\"\n! colspan=\"3\" |[[File:x.svg]]\n|-\n!#\n!Country\n!Date\n|-\n|1\n|{{Flag|United Kingdom}}\n|{{dts|6 March 1957}}<ref name=\":0\">{{Cite book |title=T |year=1969}}</ref>\n|-\n|2\n|{{Flag|India}}\n|{{dts|6 March 1957}}\n|}\n";
        let tabs = tables(t);
        assert_eq!(tabs.len(), 1);
        let tab = &tabs[0];
        assert_eq!(tab.header, vec!["", "#", "Country", "Date"]);
        assert_eq!(tab.rows.len(), 2);
        assert_eq!(tab.rows[0][1], "{{Flag|United Kingdom}}");
        assert!(tab.rows[0][2].starts_with("{{dts|6 March 1957}}<ref"));
        assert!(tab.intro.starts_with("List of countries"));
        assert!(!tab.unclosed);
    }

    #[test]
    fn bilateral_rows_with_inline_cells_and_multiline_notes() {
        let t = "{| class=\"wikitable\"\n! style=\"width:15%;\"| Country !! style=\"width:12%;\"| Formal relations began !! Notes\n|- valign=\"top\"\n|{{flag|Israel}}||6 March 1957, severed 28 October 1973||See [[Ghana–Israel relations]]\n* Ghana has an embassy in [[Tel Aviv]].\n* Israel has an embassy in Accra.\n|}";
        let tab = &tables(t)[0];
        assert_eq!(
            tab.header,
            vec!["Country", "Formal relations began", "Notes"]
        );
        assert_eq!(tab.rows.len(), 1);
        assert_eq!(tab.rows[0][0], "{{flag|Israel}}");
        assert_eq!(tab.rows[0][1], "6 March 1957, severed 28 October 1973");
        assert!(tab.rows[0][2].ends_with("Israel has an embassy in Accra."));
    }

    #[test]
    fn truncated_tables_are_read_and_flagged() {
        let tab = &tables("{|\n|-\n|{{flag|Peru}}\n|1960\n|-\n|{{flag|Chi")[0];
        assert!(tab.unclosed);
        assert_eq!(tab.rows.len(), 2);
    }

    #[test]
    fn sections_carry_their_heading_path() {
        let a = "intro\n==Bilateral relations==\n===Africa===\n====Ghana====\ntext\n==See also==\n";
        let s = sections(a);
        let ghana = s.iter().find(|s| s.body.starts_with("text")).unwrap();
        assert_eq!(ghana.path, vec!["Bilateral relations", "Africa", "Ghana"]);
        assert_eq!(s.last().unwrap().path, vec!["See also"]);
    }
}
