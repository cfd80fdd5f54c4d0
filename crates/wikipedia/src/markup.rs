//! Wikitext primitives: comments, references, templates and links found with their nesting,
//! splitting at the top level only, and the plain text a reader of the page sees.

use std::collections::HashMap;

/// Removes `<!-- … -->` comments; an unclosed comment runs to the end, as MediaWiki renders it.
pub fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i + 4..].find("-->") {
            Some(j) => rest = &rest[i + 4 + j + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

fn starts_ci(s: &str, i: usize, pat: &str) -> bool {
    s.len() >= i + pat.len() && s.as_bytes()[i..i + pat.len()].eq_ignore_ascii_case(pat.as_bytes())
}

/// Where a `<ref …>` starting at `i` ends: after `/>` or after its `</ref>`; the rest of the
/// text when it is never closed.
fn ref_end(s: &str, i: usize) -> usize {
    let Some(gt) = s[i..].find('>') else {
        return s.len();
    };
    let open_end = i + gt + 1;
    if s[..open_end].ends_with("/>") {
        return open_end;
    }
    let lower_close = s[open_end..]
        .char_indices()
        .find(|&(k, _)| starts_ci(s, open_end + k, "</ref"))
        .map(|(k, _)| open_end + k);
    match lower_close {
        Some(c) => s[c..].find('>').map_or(s.len(), |g| c + g + 1),
        None => s.len(),
    }
}

/// Where the construct opening at `i` ends (`{{…}}`, `[[…]]` or `<ref…>`), nesting included;
/// `None` when `i` opens none of them or it is never closed.
pub fn construct_end(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    if starts_ci(s, i, "<ref") && matches!(b.get(i + 4), Some(b' ' | b'>' | b'/')) {
        return Some(ref_end(s, i));
    }
    let (open, close) = if s[i..].starts_with("{{") {
        ("{{", "}}")
    } else if s[i..].starts_with("[[") {
        ("[[", "]]")
    } else {
        return None;
    };
    let mut depth = 0usize;
    let mut k = i;
    while k < s.len() {
        if s[k..].starts_with(open) {
            depth += 1;
            k += 2;
        } else if s[k..].starts_with(close) {
            depth -= 1;
            k += 2;
            if depth == 0 {
                return Some(k);
            }
        } else if let Some(e) =
            (s[k..].starts_with("<ref") || s[k..].starts_with("<REF")).then(|| ref_end(s, k))
        {
            k = e.max(k + 1);
        } else {
            k += s[k..].chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// Splits `s` at each `sep` that stands outside templates, links and references.
pub fn split_top<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < s.len() {
        if let Some(e) = construct_end(s, k) {
            k = e;
        } else if s[k..].starts_with(sep) {
            out.push(&s[start..k]);
            k += sep.len();
            start = k;
        } else {
            k += s[k..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push(&s[start..]);
    out
}

/// A template call: its name (lowercase, trimmed) and its parameters as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template<'a> {
    pub name: String,
    pub params: Vec<&'a str>,
}

impl<'a> Template<'a> {
    /// Parses `{{name|p1|k=v}}` given with its braces.
    pub fn parse(call: &'a str) -> Option<Template<'a>> {
        let inner = call.strip_prefix("{{")?.strip_suffix("}}")?;
        let mut parts = split_top(inner, "|");
        let name = parts.remove(0).trim().to_lowercase().replace('_', " ");
        Some(Template {
            name,
            params: parts,
        })
    }

    /// Parameters without a `key=`, trimmed.
    pub fn positional(&self) -> Vec<&'a str> {
        self.params
            .iter()
            .filter(|p| key_of(p).is_none())
            .map(|p| p.trim())
            .collect()
    }

    /// The value of a named parameter, trimmed.
    pub fn named(&self, key: &str) -> Option<&'a str> {
        self.params.iter().find_map(|p| {
            let k = key_of(p)?;
            k.eq_ignore_ascii_case(key)
                .then(|| p[p.find('=').expect("keyed") + 1..].trim())
        })
    }
}

/// The key of a `key=value` parameter, when the `=` stands before any nested construct.
fn key_of(p: &str) -> Option<&str> {
    let eq = p.find('=')?;
    let k = &p[..eq];
    (!k.contains("{{") && !k.contains("[[") && !k.contains('<') && !k.trim().is_empty())
        .then(|| k.trim())
}

/// Every top-level template call in `s`, with its byte range.
pub fn templates(s: &str) -> Vec<(std::ops::Range<usize>, Template<'_>)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < s.len() {
        if s[k..].starts_with("{{") {
            if let Some(e) = construct_end(s, k) {
                if let Some(t) = Template::parse(&s[k..e]) {
                    out.push((k..e, t));
                }
                k = e;
                continue;
            }
        } else if let Some(e) = construct_end(s, k) {
            k = e;
            continue;
        }
        k += s[k..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// A reference in a cell: its name, and its body where written here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub name: Option<String>,
    pub body: Option<String>,
}

fn ref_name(open_tag: &str) -> Option<String> {
    let i = open_tag.to_ascii_lowercase().find("name")?;
    let rest = open_tag[i + 4..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let name: String = if let Some(q) = rest.strip_prefix('"') {
        q.split('"').next()?.to_string()
    } else if let Some(q) = rest.strip_prefix('\'') {
        q.split('\'').next()?.to_string()
    } else {
        rest.split(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .next()?
            .to_string()
    };
    let name = name.trim().to_string();
    (!name.is_empty()).then_some(name)
}

/// Every `<ref>` in `s`, in order.
pub fn refs(s: &str) -> Vec<Ref> {
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(i) = s[k..].find("<ref").map(|i| k + i) {
        if !matches!(s.as_bytes().get(i + 4), Some(b' ' | b'>' | b'/')) {
            k = i + 4;
            continue;
        }
        let end = ref_end(s, i);
        let tag_end = s[i..end].find('>').map_or(end, |g| i + g + 1);
        let open = &s[i..tag_end];
        let body = (!open.ends_with("/>")).then(|| {
            let close = s[tag_end..end].rfind("</").map_or(end, |c| tag_end + c);
            s[tag_end..close].to_string()
        });
        out.push(Ref {
            name: ref_name(open),
            body,
        });
        k = end.max(i + 4);
    }
    out
}

/// The bodies of named references defined anywhere in an article, for `<ref name="x" />`.
pub fn named_refs(article: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for r in refs(article) {
        if let (Some(n), Some(b)) = (r.name, r.body) {
            out.entry(n).or_insert(b);
        }
    }
    out
}

/// Templates whose text is their first positional parameter.
const WRAPPERS: &[&str] = &[
    "nowrap",
    "small",
    "big",
    "center",
    "nobr",
    "resize",
    "smaller",
    "larger",
    "abbr",
    "nobold",
    "noitalic",
    "lang-en",
    "sic",
    "ubl",
    "hlist",
    "plainlist",
    "flatlist",
];

fn render_template(t: &Template<'_>, out: &mut String) {
    let pos = t.positional();
    let name = t.name.as_str();
    if name.starts_with("flag") || name.starts_with("#invoke:flag") || name == "country" {
        if matches!(name, "flagicon" | "flagdeco" | "flagicon image") {
            return;
        }
        if let Some(p) = pos.iter().find(|p| !p.is_empty()) {
            out.push_str(&plain(p));
        }
    } else if crate::dates::is_date_template(name) {
        if let Some(d) = crate::dates::from_template(t) {
            out.push_str(&crate::dates::words(d));
        }
    } else if name == "lang" || name.starts_with("lang-") && name != "lang-en" {
        if let Some(p) = pos.last() {
            out.push_str(&plain(p));
        }
    } else if WRAPPERS.contains(&name) {
        for (i, p) in pos.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&plain(p));
        }
    }
}

fn render_link(inner: &str, out: &mut String) {
    let parts = split_top(inner, "|");
    let target = parts[0].trim();
    let lower = target.to_ascii_lowercase();
    if ["file:", "image:", "category:", ":category:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return;
    }
    out.push_str(&plain(parts.last().copied().unwrap_or(target).trim()));
}

/// The text a reader of the rendered page sees: references, comments, tables of contents and
/// citation templates dropped; flags, dates and wrappers rendered; links as their labels;
/// `<br>` and list items as line breaks.
pub fn plain(s: &str) -> String {
    let s = if s.contains("<!--") {
        std::borrow::Cow::Owned(strip_comments(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    let s = s.as_ref();
    let mut out = String::with_capacity(s.len());
    let mut k = 0;
    while k < s.len() {
        let rest = &s[k..];
        if rest.starts_with("{{") || rest.starts_with("[[") || starts_ci(s, k, "<ref") {
            if let Some(e) = construct_end(s, k) {
                if rest.starts_with("{{") {
                    if let Some(t) = Template::parse(&s[k..e]) {
                        render_template(&t, &mut out);
                    }
                } else if rest.starts_with("[[") {
                    render_link(&s[k + 2..e - 2], &mut out);
                }
                k = e;
                continue;
            }
        }
        if rest.starts_with("[http") || rest.starts_with("[//") {
            if let Some(close) = rest.find(']') {
                let inner = &rest[1..close];
                if let Some(sp) = inner.find(' ') {
                    out.push_str(&plain(&inner[sp + 1..]));
                }
                k += close + 1;
                continue;
            }
        }
        if rest.starts_with("''") {
            k += rest.bytes().take_while(|&c| c == b'\'').count();
            continue;
        }
        if rest.starts_with('<') {
            if let Some(gt) = rest.find('>') {
                let tag = rest[1..gt].trim().to_ascii_lowercase();
                let is_tag = tag
                    .trim_start_matches('/')
                    .starts_with(|c: char| c.is_ascii_alphabetic());
                if is_tag && gt < 200 {
                    if tag.starts_with("br") || tag == "p" || tag == "/p" {
                        out.push('\n');
                    }
                    k += gt + 1;
                    continue;
                }
            }
        }
        if rest.starts_with('&') {
            let ent = [
                ("&nbsp;", " "),
                ("&ndash;", "–"),
                ("&mdash;", "—"),
                ("&amp;", "&"),
                ("&#39;", "'"),
                ("&quot;", "\""),
            ]
            .iter()
            .find(|(e, _)| rest.starts_with(e));
            if let Some((e, r)) = ent {
                out.push_str(r);
                k += e.len();
                continue;
            }
        }
        let c = rest.chars().next().expect("non-empty");
        // List items and definition lines start a new line of their own.
        if matches!(c, '*' | '#' | ':' | ';')
            && (k == 0 || s.as_bytes()[k - 1] == b'\n')
            && s.as_bytes().get(k + 1).is_some_and(|&n| n != b'\n')
        {
            k += 1;
            continue;
        }
        out.push(c);
        k += c.len_utf8();
    }
    // Squeeze runs of spaces that dropped references leave behind.
    let mut squeezed = String::with_capacity(out.len());
    let mut last_space = false;
    for c in out.chars() {
        if c == ' ' || c == '\t' {
            if !last_space {
                squeezed.push(' ');
            }
            last_space = true;
        } else {
            squeezed.push(c);
            last_space = false;
        }
    }
    squeezed.replace(" .", ".").replace(" ,", ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_respects_templates_links_and_refs() {
        let row = "{{flag|Israel}}||6 March 1957<ref>{{cite web|url=x|title=a||b}}</ref>||See [[Ghana–Israel relations|x]]";
        let cells = split_top(row, "||");
        assert_eq!(cells.len(), 3);
        assert_eq!(cells[0], "{{flag|Israel}}");
        assert!(cells[1].starts_with("6 March 1957<ref>"));
        assert_eq!(cells[2], "See [[Ghana–Israel relations|x]]");
    }

    #[test]
    fn templates_have_names_positional_and_named_parameters() {
        let t = Template::parse("{{Dts|format=dmy|1957|3|6}}").unwrap();
        assert_eq!(t.name, "dts");
        assert_eq!(t.positional(), vec!["1957", "3", "6"]);
        assert_eq!(t.named("format"), Some("dmy"));
    }

    #[test]
    fn plain_renders_what_a_reader_sees() {
        let s = "Relations were '''broken''' by [[Ghana]] on {{dts|28 October 1973}}.<ref name=\"a\">{{cite web|url=u}}</ref> See [[Ghana–Israel relations|the article]].<!-- hidden -->";
        assert_eq!(
            plain(s),
            "Relations were broken by Ghana on 28 October 1973. See the article."
        );
        assert_eq!(plain("{{flag|Soviet Union}}"), "Soviet Union");
        assert_eq!(
            plain("[https://example.org Ministry list] and {{flagicon|Peru}} [[Peru]]"),
            "Ministry list and Peru"
        );
    }

    #[test]
    fn refs_keep_names_and_bodies() {
        let s = r#"a<ref name=":0">{{Cite book|title=T}}</ref> b<ref name=":0" /> c<ref>{{cite web|url=u}}</ref>"#;
        let r = refs(s);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].name.as_deref(), Some(":0"));
        assert_eq!(r[1].body, None);
        assert_eq!(r[2].body.as_deref(), Some("{{cite web|url=u}}"));
        assert_eq!(named_refs(s)[":0"], "{{Cite book|title=T}}");
    }

    #[test]
    fn unclosed_constructs_do_not_hang_or_panic() {
        for s in [
            "{{flag|X",
            "[[Ghana",
            "<ref>never closed",
            "<!-- open",
            "{{a|{{b}}",
        ] {
            let _ = plain(s);
            let _ = split_top(s, "||");
            let _ = templates(s);
        }
    }
}
