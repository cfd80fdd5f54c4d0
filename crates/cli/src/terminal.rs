//! What reaches a terminal: article text and URLs may hold escape sequences, so every byte the
//! binary prints passes through `Escaped`, which writes control characters (but line ends and
//! tabs) as visible `\x1b`-style escapes; error messages become one printable line.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when a write to the output failed because its reader went away (`| head`): whatever
/// error that write becomes on its way up (bare, inside a `serde_json` or `csv` error, or in a
/// message), the run then ends quietly.
static PIPE_CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether the output's reader went away during this run.
pub fn pipe_closed() -> bool {
    PIPE_CLOSED.load(Ordering::Relaxed)
}

/// Notes a broken pipe in a write's result on its way up.
fn noting<T>(r: io::Result<T>) -> io::Result<T> {
    if let Err(e) = &r {
        if e.kind() == io::ErrorKind::BrokenPipe {
            PIPE_CLOSED.store(true, Ordering::Relaxed);
        }
    }
    r
}

/// A writer that escapes control characters: C0 (but `\t`, `\n`, `\r`), DEL, and C1 (U+0080 to
/// U+009F, `0xC2 0x80..=0x9F` in UTF-8, which some terminals obey like ESC). JSON already
/// escapes them, so only text that came from an input is ever changed.
pub struct Escaped<W: Write> {
    inner: W,
    /// A `0xC2` byte that ended the last write, waiting to learn whether a C1 control follows.
    pending: bool,
}

impl<W: Write> Escaped<W> {
    pub fn new(inner: W) -> Escaped<W> {
        Escaped {
            inner,
            pending: false,
        }
    }
}

fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f
}

impl<W: Write> Write for Escaped<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        noting(self.write_escaped(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        noting(self.flush_pending())
    }
}

impl<W: Write> Escaped<W> {
    fn write_escaped(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        let mut i = 0;
        if self.pending {
            self.pending = false;
            match buf.first() {
                Some(&b @ 0x80..=0x9f) => {
                    write!(self.inner, "\\u{{{b:x}}}")?;
                    start = 1;
                    i = 1;
                }
                Some(_) => self.inner.write_all(&[0xc2])?,
                None => {
                    self.pending = true;
                    return Ok(0);
                }
            }
        }
        while i < buf.len() {
            let b = buf[i];
            if is_control(b) {
                self.inner.write_all(&buf[start..i])?;
                write!(self.inner, "\\x{b:02x}")?;
                i += 1;
                start = i;
            } else if b == 0xc2 {
                match buf.get(i + 1) {
                    Some(&c @ 0x80..=0x9f) => {
                        self.inner.write_all(&buf[start..i])?;
                        write!(self.inner, "\\u{{{c:x}}}")?;
                        i += 2;
                        start = i;
                    }
                    Some(_) => i += 2,
                    None => {
                        self.inner.write_all(&buf[start..i])?;
                        self.pending = true;
                        return Ok(buf.len());
                    }
                }
            } else {
                i += 1;
            }
        }
        self.inner.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush_pending(&mut self) -> io::Result<()> {
        if self.pending {
            self.pending = false;
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

/// An error as one printable line: its causes joined by ": ", a cause that its message
/// already holds left out (a `thiserror` message that quotes its source would say it twice),
/// line ends folded and control characters escaped.
pub fn one_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        let text = text.trim();
        if text.is_empty() || line.contains(text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(text);
    }
    printable_line(&line)
}

/// Prints a warning on stderr as one printable line, clipped: an error that quotes a whole
/// malformed record must not print megabytes.
pub fn warn(message: &str) {
    let line = printable_line(message);
    eprintln!("diplograph: {}", diplograph_read::text::clip(&line, 400));
}

/// Text on one line: line ends become "; " (blank lines dropped), control characters escaped.
pub fn printable_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, l) in s
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if n > 0 {
            out.push_str("; ");
        }
        for c in l.chars() {
            if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(parts: &[&[u8]]) -> String {
        let mut w = Escaped::new(Vec::new());
        for p in parts {
            w.write_all(p).unwrap();
        }
        w.flush().unwrap();
        String::from_utf8(w.inner).unwrap()
    }

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        assert_eq!(
            escaped(&[b"title: \x1b[2J\x1b]0;owned\x07 ok\n"]),
            "title: \\x1b[2J\\x1b]0;owned\\x07 ok\n"
        );
        // a C1 CSI, whole and split across two writes; other two-byte letters pass
        assert_eq!(escaped(&["a\u{9b}31m é".as_bytes()]), "a\\u{9b}31m é");
        assert_eq!(escaped(&[b"a\xc2", b"\x9b31m"]), "a\\u{9b}31m");
        assert_eq!(escaped(&[b"\xc2", b"\xa0"]), "\u{a0}");
        assert_eq!(escaped(&[b"tab\tand\r\n"]), "tab\tand\r\n");
    }

    #[test]
    fn errors_are_one_line_and_say_their_cause_once() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let e = anyhow::Error::new(io)
            .context(format!(
                "cannot read \"x\": {}",
                std::io::Error::from(std::io::ErrorKind::NotFound)
            ))
            .context("import");
        assert_eq!(one_line(&e), "import: cannot read \"x\": entity not found");
        let e = anyhow::anyhow!("bad\n\nvalue \u{1b}[31m");
        assert_eq!(one_line(&e), "bad; value \\u{1b}[31m");
    }
}
