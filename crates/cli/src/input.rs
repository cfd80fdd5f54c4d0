//! Files as inputs, safely: only regular files are opened (a FIFO without a writer, a device or
//! a socket would block or never end), every read is bounded, and folders are walked without
//! following a directory twice (a symlink loop ends the walk of that branch, not the program).

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

/// Why a file could not be read within its limit.
#[derive(Debug)]
pub enum Limited {
    Io(String),
    TooLarge(usize),
}

impl std::fmt::Display for Limited {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Limited::Io(e) => f.write_str(e),
            Limited::TooLarge(n) => write!(f, "over the size limit ({n} bytes or more)"),
        }
    }
}

/// What a path is, for an error message.
fn kind(t: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Opens a regular file (following symlinks); anything else is refused before it is opened.
pub fn open_regular(p: &Path) -> Result<std::fs::File, Limited> {
    let quoted = format!("{:?}", p.display().to_string());
    let meta =
        std::fs::metadata(p).map_err(|e| Limited::Io(format!("cannot read {quoted}: {e}")))?;
    if !meta.is_file() {
        return Err(Limited::Io(format!(
            "cannot read {quoted}: it is {}, not a regular file (pipe its content to `-` instead)",
            kind(meta.file_type())
        )));
    }
    std::fs::File::open(p).map_err(|e| Limited::Io(format!("cannot read {quoted}: {e}")))
}

/// Reads a regular file, or stdin for `-`, refusing more than `limit` bytes without reading
/// past them.
pub fn read_limited(p: &Path, limit: usize) -> Result<Vec<u8>, Limited> {
    let mut buf = Vec::new();
    let take = limit as u64 + 1;
    if p.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(take)
            .read_to_end(&mut buf)
            .map_err(|e| Limited::Io(format!("cannot read stdin: {e}")))?;
    } else {
        let f = open_regular(p)?;
        let size = f
            .metadata()
            .map_err(|e| Limited::Io(format!("cannot read {:?}: {e}", p.display().to_string())))?
            .len();
        if size > limit as u64 {
            return Err(Limited::TooLarge(size as usize));
        }
        f.take(take)
            .read_to_end(&mut buf)
            .map_err(|e| Limited::Io(format!("cannot read {:?}: {e}", p.display().to_string())))?;
    }
    if buf.len() > limit {
        return Err(Limited::TooLarge(buf.len()));
    }
    Ok(buf)
}

/// Reads a whole text file (at most `limit` bytes) for an import; an anyhow error otherwise.
pub fn read_text(p: &Path, limit: usize) -> Result<String> {
    let bytes = match read_limited(p, limit) {
        Ok(b) => b,
        Err(Limited::Io(e)) => bail!("{e}"),
        Err(Limited::TooLarge(n)) => bail!(
            "{:?} is {n} bytes or more, over the limit of {limit} for this input",
            p.display().to_string()
        ),
    };
    String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{:?} is not UTF-8 text", p.display().to_string()))
}

/// The files named: files as given, folders walked (in name order, keeping the files `keep`
/// accepts), `-` for stdin. A folder reached twice (a symlink loop, or two links to one
/// folder) is walked once.
pub fn files(inputs: &[PathBuf], keep: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        let quoted = format!("{:?}", p.display().to_string());
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &keep, &mut seen, &mut files)
                .map_err(|e| anyhow::anyhow!("cannot list {quoted}: {e}"))?,
            Ok(_) => files.push(p.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && p.symlink_metadata().is_err() => {
                bail!("no such file or folder {quoted}")
            }
            Err(e) => bail!("cannot read {quoted}: {e}"),
        }
    }
    Ok(files)
}

fn walk(
    dir: &Path,
    keep: &impl Fn(&Path) -> bool,
    seen: &mut HashSet<(u64, u64)>,
    out: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(dir)?;
    if !seen.insert((meta.dev(), meta.ino())) {
        return Ok(()); // walked already: a loop or a second link
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    entries.sort();
    for p in entries {
        // a dangling link or a link loop is left out, like any file that is not there
        let Ok(m) = std::fs::metadata(&p) else {
            continue;
        };
        if m.is_dir() {
            walk(&p, keep, seen, out)?;
        } else if m.is_file() && keep(&p) {
            out.push(p);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_loop_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::create_dir(&a).unwrap();
        std::fs::write(a.join("x.txt"), "text").unwrap();
        std::os::unix::fs::symlink(&a, a.join("again")).unwrap();
        std::os::unix::fs::symlink(a.join("self"), a.join("self")).unwrap();
        let found = files(&[dir.path().to_path_buf()], |_| true).unwrap();
        assert_eq!(found, vec![a.join("x.txt")]);
    }

    #[test]
    fn devices_and_fifos_are_refused_without_opening() {
        let e = read_limited(Path::new("/dev/zero"), 100).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot read \"/dev/zero\": it is a character device, not a regular file (pipe its content to `-` instead)"
        );
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let e = read_limited(&fifo, 100).unwrap_err().to_string();
        assert!(
            e.ends_with("it is a FIFO, not a regular file (pipe its content to `-` instead)"),
            "{e}"
        );
    }

    #[test]
    fn reads_stop_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("big.txt");
        std::fs::write(&f, vec![b'a'; 101]).unwrap();
        assert!(matches!(read_limited(&f, 100), Err(Limited::TooLarge(101))));
        assert_eq!(read_limited(&f, 101).unwrap().len(), 101);
    }
}
