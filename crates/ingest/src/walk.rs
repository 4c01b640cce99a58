//! Walking the folders a user points at.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use crate::error::{Error, ErrorKind};

/// One thing found by the walk.
#[derive(Debug)]
pub enum WalkEntry {
    /// A file to ingest.
    File(FileInfo),
    /// A file or folder left out on purpose (hidden, temporary, …), with the reason.
    Ignored {
        /// What was left out.
        path: PathBuf,
        /// Why (`hidden`, `temporary file`, …).
        reason: &'static str,
    },
    /// Something that could not be walked (permission denied, symlink loop, vanished file).
    Error(Error),
}

/// A file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// The path, as found (under the root given by the user).
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u64,
}

/// Walks folders (and plain files) in a stable order.
///
/// Symbolic links are followed, loops are reported once and not entered, hidden and
/// temporary files are left out (and reported as such), and a file reachable through two
/// roots is yielded once. Paths given explicitly are always yielded, hidden or not.
#[derive(Debug, Clone)]
pub struct Walker {
    roots: Vec<PathBuf>,
    include_hidden: bool,
}

impl Walker {
    /// A walker over `roots`.
    pub fn new<P: AsRef<Path>>(roots: impl IntoIterator<Item = P>) -> Walker {
        Walker {
            roots: roots.into_iter().map(|p| p.as_ref().to_path_buf()).collect(),
            include_hidden: false,
        }
    }

    /// Whether hidden files and folders (names starting with `.`) are walked too.
    pub fn include_hidden(&mut self, yes: bool) -> &mut Walker {
        self.include_hidden = yes;
        self
    }

    /// Runs the walk.
    pub fn iter(&self) -> impl Iterator<Item = WalkEntry> + '_ {
        let mut seen = HashSet::new();
        self.roots.iter().flat_map(move |root| self.walk_root(root)).filter(move |e| match e {
            WalkEntry::File(f) => {
                seen.insert(std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone()))
            }
            _ => true,
        })
    }

    fn walk_root<'a>(&'a self, root: &'a Path) -> impl Iterator<Item = WalkEntry> + 'a {
        let include_hidden = self.include_hidden;
        let mut it = WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
        std::iter::from_fn(move || {
            loop {
                let entry = match it.next()? {
                    Ok(e) => e,
                    Err(err) => return Some(WalkEntry::Error(walk_error(root, err))),
                };
                let is_root = entry.depth() == 0;
                let name = entry.file_name().to_string_lossy();
                if !is_root {
                    let reason = if !include_hidden && name.starts_with('.') {
                        Some("hidden")
                    } else if is_temporary(&name) {
                        Some("temporary file")
                    } else if entry.file_type().is_file() && is_documentation(&name) {
                        Some("documentation file")
                    } else if entry.file_type().is_file() && is_asset(&name) {
                        Some("page asset or media file")
                    } else if entry.file_type().is_dir() && is_saved_page_folder(entry.path()) {
                        Some("resources of a saved page")
                    } else {
                        None
                    };
                    if let Some(reason) = reason {
                        if entry.file_type().is_dir() {
                            it.skip_current_dir();
                        }
                        return Some(WalkEntry::Ignored { path: entry.into_path(), reason });
                    }
                }
                if entry.file_type().is_dir() {
                    continue;
                }
                if !entry.file_type().is_file() {
                    return Some(WalkEntry::Ignored {
                        path: entry.into_path(),
                        reason: "not a regular file",
                    });
                }
                let meta = match entry.metadata() {
                    Ok(m) => m,
                    Err(err) => return Some(WalkEntry::Error(walk_error(root, err))),
                };
                let mtime_ns = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos() as u64);
                return Some(WalkEntry::File(FileInfo {
                    path: entry.into_path(),
                    size: meta.len(),
                    mtime_ns,
                }));
            }
        })
    }
}

fn walk_error(root: &Path, err: walkdir::Error) -> Error {
    let path = err.path().unwrap_or(root).to_path_buf();
    if let Some(ancestor) = err.loop_ancestor() {
        return Error::new(path, ErrorKind::SymlinkLoop(ancestor.to_path_buf()));
    }
    match err.into_io_error() {
        Some(io) => Error::new(path, ErrorKind::Io(io)),
        None => Error::new(path, ErrorKind::Io(std::io::Error::other("walk error"))),
    }
}

/// Editor backups, partial downloads and lock files.
fn is_temporary(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with('~')
        || (lower.starts_with('#') && lower.ends_with('#'))
        || lower.starts_with("~$")
        || [
            ".swp",
            ".swo",
            ".tmp",
            ".temp",
            ".part",
            ".partial",
            ".crdownload",
            ".download",
            ".lock",
        ]
        .iter()
        .any(|ext| lower.ends_with(ext))
        || matches!(lower.as_str(), "thumbs.db" | "desktop.ini")
}

/// Style sheets, scripts, fonts, images, audio and video: what a saved web page brings along,
/// never a dispatch. (Documents that may hold one, such as PDF, are read and reported.)
fn is_asset(name: &str) -> bool {
    let Some((_, ext)) = name.rsplit_once('.') else { return false };
    matches!(
        ext.to_ascii_lowercase().as_str(),
        "css"
            | "js"
            | "mjs"
            | "map"
            | "woff"
            | "woff2"
            | "ttf"
            | "otf"
            | "eot"
            | "png"
            | "jpg"
            | "jpeg"
            | "gif"
            | "webp"
            | "avif"
            | "bmp"
            | "ico"
            | "tif"
            | "tiff"
            | "mp3"
            | "mp4"
            | "m4a"
            | "webm"
            | "ogg"
            | "wav"
            | "mov"
            | "avi"
    )
}

/// The folder a browser saves a page's resources in (`Article_files`, `Article_fichiers`)
/// beside the page itself (`Article.html`).
fn is_saved_page_folder(dir: &Path) -> bool {
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else { return false };
    let Some(page) = ["_files", "_fichiers", "-Dateien", "_archivos", "_file"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
    else {
        return false;
    };
    ["html", "htm", "xhtml", "shtml"]
        .iter()
        .any(|ext| dir.with_file_name(format!("{page}.{ext}")).is_file())
}

/// README, LICENSE and the like: folders of dispatches often carry one, and it is not news.
fn is_documentation(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README" | "LICENSE" | "LICENCE" | "COPYING" | "CHANGELOG" | "NOTICE" | "AUTHORS"
    )
}

/// A UTF-8 spelling of a path for ids and index keys: valid UTF-8 as is, other bytes escaped
/// as `\xNN`, so two different paths never share a key.
pub fn path_key(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                let mut out = String::new();
                for chunk in bytes.utf8_chunks() {
                    out.push_str(chunk.valid());
                    for b in chunk.invalid() {
                        out.push_str(&format!("\\x{b:02X}"));
                    }
                }
                out
            }
        }
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names() {
        for name in
            ["a.txt~", "#a.txt#", "~$doc.docx", "a.swp", "x.part", "Thumbs.db", "f.crdownload"]
        {
            assert!(is_temporary(name), "{name}");
        }
        for name in ["a.txt", "dépêche.html", "part.html", "tmp.json"] {
            assert!(!is_temporary(name), "{name}");
        }
    }

    #[test]
    fn saved_page_resources_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["Article_files", "Dépêche_fichiers", "notes_files"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        for f in [
            "Article.html",
            "Article_files/ads.html",
            "Article_files/style.css",
            "Dépêche.htm",
            "Dépêche_fichiers/app.js",
            "notes_files/a.txt",
            "photo.JPG",
            "rapport.pdf",
            "feed.json",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let mut files = Vec::new();
        let mut ignored = Vec::new();
        for e in Walker::new([root]).iter() {
            match e {
                WalkEntry::File(f) => files.push(f.path.strip_prefix(root).unwrap().to_owned()),
                WalkEntry::Ignored { path, reason } => {
                    ignored.push((path.strip_prefix(root).unwrap().to_owned(), reason))
                }
                WalkEntry::Error(e) => panic!("{e}"),
            }
        }
        let files: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        // A `_files` folder without its page is walked: it may be anyone's folder.
        assert_eq!(
            files,
            ["Article.html", "Dépêche.htm", "feed.json", "notes_files/a.txt", "rapport.pdf"]
        );
        let reasons: Vec<(String, &str)> =
            ignored.iter().map(|(p, r)| (p.display().to_string(), *r)).collect();
        assert_eq!(
            reasons,
            [
                ("Article_files".to_owned(), "resources of a saved page"),
                ("Dépêche_fichiers".to_owned(), "resources of a saved page"),
                ("photo.JPG".to_owned(), "page asset or media file"),
            ]
        );
    }

    #[test]
    fn walk_is_sorted_skips_hidden_and_survives_loops() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/sub")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in
            ["b/sub/z.txt", "b/a.txt", "c.txt", ".hidden.txt", ".git/HEAD", "d.txt~", "README.md"]
        {
            std::fs::write(root.join(f), "x").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("b/loop")).unwrap();
        let entries: Vec<WalkEntry> = Walker::new([root]).iter().collect();
        let files: Vec<String> = entries
            .iter()
            .filter_map(|e| match e {
                WalkEntry::File(f) => {
                    Some(f.path.strip_prefix(root).unwrap().display().to_string())
                }
                _ => None,
            })
            .collect();
        assert_eq!(files, ["b/a.txt", "b/sub/z.txt", "c.txt"]);
        let ignored = entries.iter().filter(|e| matches!(e, WalkEntry::Ignored { .. })).count();
        assert_eq!(ignored, 4, "{entries:?}");
        #[cfg(unix)]
        assert!(
            entries
                .iter()
                .any(|e| matches!(e, WalkEntry::Error(err) if err.to_string().contains("loop")))
        );
    }

    #[test]
    fn overlapping_roots_yield_files_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let n = Walker::new([dir.path(), &dir.path().join("a.txt")])
            .iter()
            .filter(|e| matches!(e, WalkEntry::File(_)))
            .count();
        assert_eq!(n, 1);
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_path_keys_are_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(std::ffi::OsStr::from_bytes(b"/tmp/d\xe9p\xeache.txt"));
        assert_eq!(path_key(p), "/tmp/d\\xE9p\\xEAche.txt");
    }
}
