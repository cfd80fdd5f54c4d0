//! The nesting guard: a cheap, conservative bound on how deep the tree an HTML parser would
//! build from a page is, from the tags alone, so that pathological nesting is refused before the
//! parser and the extractor spend minutes on it.
//!
//! Every element counts, whatever its name, except void ones (`br`, `img`, ...); comments, the
//! doctype, processing instructions, CDATA and the text of scripts, styles and titles do not.
//! The count follows the parser where pages rely on it (a new `<li>` closes the open one, an end
//! tag closes what it matches) and errs deeper elsewhere: a formatting element closed implicitly
//! (`<p><b>x</p>`) stays counted, because the parser reopens it. It may count deeper than the
//! parser builds, never shallower.

use std::collections::HashMap;

/// Elements without content: never open.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text, not markup (in HTML, not inside `svg` or `math`).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Formatting elements: closed implicitly, the parser reopens them ("reconstruct the active
/// formatting elements"), three alike at most.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements a start tag may close through: between an open `li` and a new `<li>`, only these.
const PASSABLE: &[&str] = &[
    "p", "li", "dd", "dt", "option", "optgroup", "rb", "rp", "rt", "rtc", "tr", "td", "th", "div",
    "address", "span",
];

/// How far down the open elements a start tag looks for the element it closes.
const REACH: usize = 16;

/// What a start tag closes when it is open, and whether down to the deepest such element (table
/// rows and cells) or the nearest (list items, paragraphs).
fn closes(name: &str) -> (&'static [&'static str], bool) {
    match name {
        "p" => (&["p"], false),
        "li" => (&["li"], false),
        "dd" | "dt" => (&["dd", "dt"], false),
        "option" => (&["option"], false),
        "optgroup" => (&["optgroup", "option"], true),
        "tr" => (&["tr", "td", "th"], true),
        "td" | "th" => (&["td", "th"], true),
        "rb" | "rp" | "rt" | "rtc" => (&["rb", "rp", "rt", "rtc"], false),
        _ => (&[], false),
    }
}

/// The open elements as the count sees them.
#[derive(Default)]
struct Open<'a> {
    /// Name and attribute text of each open element, outermost first.
    stack: Vec<(&'a str, &'a str)>,
    /// How many of each name are open, so that an end tag finds its element in constant time.
    count: HashMap<&'a str, usize>,
    /// Formatting elements closed implicitly, by name and attributes (three alike at most).
    pending: HashMap<(&'a str, &'a str), usize>,
    pending_total: usize,
}

impl<'a> Open<'a> {
    fn depth(&self) -> usize {
        self.stack.len() + self.pending_total
    }

    fn foreign(&self) -> bool {
        self.count.get("svg").is_some_and(|&n| n > 0)
            || self.count.get("math").is_some_and(|&n| n > 0)
    }

    fn push(&mut self, name: &'a str, attrs: &'a str) {
        self.stack.push((name, attrs));
        *self.count.entry(name).or_default() += 1;
    }

    /// Pops the innermost element; `implicit` when not by its own end tag.
    fn pop(&mut self, implicit: bool) {
        let Some((name, attrs)) = self.stack.pop() else {
            return;
        };
        if let Some(c) = self.count.get_mut(name) {
            *c -= 1;
        }
        if implicit && FORMATTING.contains(&name) {
            let n = self.pending.entry((name, attrs)).or_default();
            if *n < 3 {
                *n += 1;
                self.pending_total += 1;
            }
        }
    }

    /// Pops down to and including the element at `index`.
    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index + 1 {
            self.pop(true);
        }
        self.pop(false);
    }

    fn start(&mut self, name: &'a str, attrs: &'a str) {
        let (targets, deepest) = closes(name);
        if !targets.is_empty() && !self.foreign() {
            let mut cut = None;
            for (k, (n, _)) in self.stack.iter().enumerate().rev().take(REACH) {
                if targets.contains(n) {
                    cut = Some(k);
                    if !deepest {
                        break;
                    }
                } else if !PASSABLE.contains(n) {
                    break;
                }
            }
            if let Some(k) = cut {
                self.pop_to(k);
            }
        }
        self.push(name, attrs);
    }

    fn end(&mut self, name: &'a str) {
        if self.count.get(name).is_some_and(|&n| n > 0) {
            if let Some(k) = self.stack.iter().rposition(|(n, _)| *n == name) {
                self.pop_to(k);
            }
        } else if FORMATTING.contains(&name) {
            // an end tag for a formatting element closed earlier: the parser forgets it
            if let Some(key) = self.pending.keys().find(|(n, _)| *n == name).copied() {
                let n = self.pending.get_mut(&key).expect("found");
                *n -= 1;
                self.pending_total -= 1;
                if *n == 0 {
                    self.pending.remove(&key);
                }
            }
        }
    }
}

/// Where and why a page is refused.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Deeper than the limit at this byte.
    Deep(usize),
    /// Past the work limit at this byte.
    Costly(usize),
}

/// The first place where `html` nests deeper than `limit`, as a byte offset; `None` when it
/// never does. One pass over the bytes; the open elements never exceed `limit`.
#[cfg(test)]
fn too_deep(html: &str, limit: usize) -> Option<usize> {
    match refusal(html, limit, usize::MAX) {
        Some(Refusal::Deep(at)) => Some(at),
        _ => None,
    }
}

/// Whether `html` nests deeper than `depth_limit`, or costs the parser more than `work_limit`:
/// each tag costs the depth it is read at, because the parser looks down the open elements for
/// it ("has an element in scope"), so that a thousand open elements and four million `</p>`
/// cost four billion steps (three minutes) though nothing is deeper than the limit.
pub(crate) fn refusal(html: &str, depth_limit: usize, work_limit: usize) -> Option<Refusal> {
    let limit = depth_limit;
    let mut work = 0usize;
    let low = html.to_ascii_lowercase();
    let bytes = low.as_bytes();
    let find = |from: usize, needle: &[u8]| -> Option<usize> {
        let from = from.min(bytes.len());
        memmem(&bytes[from..], needle).map(|k| from + k)
    };
    let mut open = Open::default();
    let mut i = 0;
    // the next `-->`, kept: comments ended by `--!>` must not each look to the end again
    let mut next_dashes = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b == b'<') {
        let lt = i + k;
        let rest = &bytes[lt + 1..];
        // comments; `<!-->` and `<!--->` are whole comments, as for the tokenizer
        if rest.starts_with(b"!--") {
            // `--!>` ends a comment too; looked for only before the first `-->`, so that each
            // byte is looked at a bounded number of times
            if next_dashes < lt + 2 {
                next_dashes = find(lt + 2, b"-->").unwrap_or(bytes.len());
            }
            let dashes = (next_dashes + 3).min(bytes.len());
            i = memmem(&bytes[lt + 2..dashes], b"--!>").map_or(dashes, |e| lt + 2 + e + 4);
            continue;
        }
        // the doctype, CDATA (a bogus comment outside svg and math), processing instructions:
        // to the first `>`, which ends them early rather than late
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            i = find(lt + 1, b">").map_or(bytes.len(), |e| e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = if closing {
                // `</3>` is a bogus comment
                find(lt + 1, b">").map_or(bytes.len(), |e| e + 1)
            } else {
                lt + 1
            };
            continue;
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
            .map_or(bytes.len(), |n| name_start + n);
        let name = &low[name_start..name_end];
        // the attributes, whose quoted values may hold `>`
        let mut j = name_end;
        let mut last = b' ';
        while j < bytes.len() && bytes[j] != b'>' {
            let b = bytes[j];
            if (b == b'"' || b == b'\'') && last == b'=' {
                j = bytes[j + 1..]
                    .iter()
                    .position(|&c| c == b)
                    .map_or(bytes.len(), |n| j + 1 + n);
                last = b;
            } else if !b.is_ascii_whitespace() {
                last = b;
            }
            j += 1;
        }
        let self_closing = last == b'/';
        let attrs = &low[name_end..j.min(bytes.len())];
        i = (j + 1).min(bytes.len());
        work += open.depth() + 1;
        if work > work_limit {
            return Some(Refusal::Costly(lt));
        }
        if closing {
            open.end(name);
            continue;
        }
        if VOID.contains(&name) || self_closing && open.foreign() {
            continue;
        }
        if name == "plaintext" && !open.foreign() {
            // the rest of the page is text
            break;
        }
        if RAW_TEXT.contains(&name) && !open.foreign() {
            // to the end tag: `</script` followed by a space, `/` or `>`
            let mut from = i;
            i = loop {
                let Some(e) = find(from, b"</").map(|e| e + 2) else {
                    break bytes.len();
                };
                let after = bytes.get(e + name.len());
                if bytes[e..].starts_with(name.as_bytes())
                    && after.is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
                {
                    break e;
                }
                from = e;
            };
            continue;
        }
        open.start(name, attrs);
        if open.depth() > limit {
            return Some(Refusal::Deep(lt));
        }
    }
    None
}

/// The first occurrence of `needle` in `hay`.
fn memmem(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = 0;
    while let Some(k) = hay[i..].iter().position(|&b| b == first) {
        let at = i + k;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nest(open: &str, close: &str, n: usize) -> String {
        format!(
            "<html><body>{}<p>deep</p>{}</body></html>",
            open.repeat(n),
            close.repeat(n)
        )
    }

    #[test]
    fn counts_every_element_name() {
        for name in [
            "nav", "dl", "header", "figure", "details", "x-widget", "div",
        ] {
            let deep = nest(&format!("<{name}>"), &format!("</{name}>"), 1001);
            assert!(too_deep(&deep, 1000).is_some(), "{name}");
            // html, body and the inner p make three more
            let fine = nest(
                &format!("<{name} class=\"a>b\">"),
                &format!("</{name}>"),
                997,
            );
            assert_eq!(too_deep(&fine, 1000), None, "{name}");
        }
    }

    #[test]
    fn comments_doctype_and_void_elements_do_not_count() {
        let unit = "<section><!-- a <div> in a comment -->";
        let deep = nest(unit, "</section>", 999);
        // html, body and 999 sections: the last section is the 1001st element
        assert_eq!(
            too_deep(&deep, 1000),
            Some("<html><body>".len() + 998 * unit.len())
        );
        assert_eq!(too_deep(&nest(unit, "</section>", 997), 1000), None);
        let flat = format!(
            "<!doctype html><html><body>{}<script>{}</script><style>{}</style></body></html>",
            "<br><img src=a.png><hr><meta charset=utf-8><link rel=x><input>".repeat(5000),
            "<div>".repeat(5000),
            "<div>".repeat(5000)
        );
        assert_eq!(too_deep(&flat, 1000), None);
        // comments ended by `--!>` with no `-->` anywhere: still one pass
        assert!(too_deep(&"<!-- a --!><i>".repeat(200_000), 1000).is_some());
        // `<!-->` ends where it starts: the tags after it count
        assert!(too_deep(&"<!--><div>".repeat(2000), 1000).is_some());
        // a quoted `</div>` in an attribute closes nothing
        assert!(too_deep(&"<div title=\"></div>\">".repeat(2000), 1000).is_some());
    }

    /// Issue 11: 997 open elements and then four million `</p>` took three and a half minutes
    /// to parse, though nothing was too deep.
    #[test]
    fn many_tags_deep_down_cost_too_much() {
        let html = format!(
            "<html><body>{}{}",
            "<figure>".repeat(997),
            "</p>".repeat(100_000)
        );
        // the opening tags cost 499,500 (each its depth plus one), each `</p>` 1,000: the
        // 31,501st passes 32 million
        assert_eq!(
            refusal(&html, 1000, 32_000_000),
            Some(Refusal::Costly(12 + 997 * 8 + 4 * 31_500))
        );
        assert_eq!(refusal(&html, 1000, 200_000_000), None);
        let flat = "<p>Seoul said so.</p>".repeat(100_000);
        assert_eq!(refusal(&flat, 1000, 32_000_000), None);
    }

    #[test]
    fn unclosed_elements_count_and_implied_ends_do_not() {
        assert!(too_deep(&"<article>".repeat(1001), 1000).is_some());
        assert!(too_deep(&"<li><ul>".repeat(600), 1000).is_some());
        // paragraphs, list items and table cells close each other, as pages rely on
        let items = format!(
            "<ul>{}</ul><table>{}</table>{}",
            "<li><p>item".repeat(5000),
            "<tr><td>a<td>b".repeat(5000),
            "<p>para".repeat(5000)
        );
        assert_eq!(too_deep(&items, 1000), None);
        // formatting closed implicitly is reopened by the parser: it stays counted
        let reopened: String = (0..1001).map(|k| format!("<p><b id={k}>x</p>")).collect();
        assert!(too_deep(&reopened, 1000).is_some());
        let alike = "<p><b>x</p>".repeat(5000);
        assert_eq!(too_deep(&alike, 1000), None);
    }
}
