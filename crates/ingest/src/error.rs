//! Why a file or a record could not be ingested.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// A crate-wide result alias.
pub type Result<T> = std::result::Result<T, Error>;

/// A file (or one record of it) that yielded no dispatch, and why.
#[derive(Debug)]
pub struct Error {
    path: PathBuf,
    record: Option<u64>,
    kind: ErrorKind,
}

/// The reasons a file or record is skipped. Each has a short stable name ([`ErrorKind::reason`])
/// used to group skips in summaries.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] io::Error),
    /// Zero bytes, or only whitespace.
    #[error("empty file")]
    Empty,
    /// Binary content (an image, an executable, …).
    #[error("binary content ({0})")]
    Binary(String),
    /// Larger than the configured cap.
    #[error("too large: {size} bytes, limit is {limit}")]
    TooLarge {
        /// File size in bytes.
        size: u64,
        /// The cap in bytes.
        limit: u64,
    },
    /// The bytes could not be decoded to text.
    #[error("undecodable text: {0}")]
    Undecodable(String),
    /// Parsed, but holds no article (no title and no body, a package, a listing page…).
    #[error("not an article: {0}")]
    NotAnArticle(String),
    /// An item its publisher withdrew (IPTC status `canceled` or `withheld`): not to be
    /// served; `id` names the dispatch it withdraws, so an index can remove it.
    #[error("withdrawn by its publisher ({status})")]
    Withdrawn {
        /// `canceled` or `withheld`.
        status: String,
        /// The id of the withdrawn dispatch, when the item gives one.
        id: Option<String>,
    },
    /// The layout was recognized but is malformed.
    #[error("parse error: {0}")]
    Parse(String),
    /// A symbolic link leads back to one of its own ancestors.
    #[error("symbolic link loop back to {}", .0.display())]
    SymlinkLoop(PathBuf),
    /// The format was not recognized.
    #[error("unrecognized format: {0}")]
    Unrecognized(String),
}

impl ErrorKind {
    /// A short, stable name for the reason (`empty`, `binary`, `too-large`, …).
    pub fn reason(&self) -> &'static str {
        match self {
            ErrorKind::Io(_) => "unreadable",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary(_) => "binary",
            ErrorKind::TooLarge { .. } => "too-large",
            ErrorKind::Undecodable(_) => "undecodable",
            ErrorKind::NotAnArticle(_) => "not-an-article",
            ErrorKind::Withdrawn { .. } => "withdrawn",
            ErrorKind::Parse(_) => "parse-error",
            ErrorKind::SymlinkLoop(_) => "symlink-loop",
            ErrorKind::Unrecognized(_) => "unrecognized",
        }
    }
}

impl Error {
    /// An error about `path`.
    pub fn new(path: impl Into<PathBuf>, kind: ErrorKind) -> Error {
        Error { path: path.into(), record: None, kind }
    }

    /// An error about one record (line or element, 1-based) of `path`.
    pub fn record(path: impl Into<PathBuf>, record: u64, kind: ErrorKind) -> Error {
        Error { path: path.into(), record: Some(record), kind }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The record within the file, if the error concerns one record only.
    pub fn record_number(&self) -> Option<u64> {
        self.record
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}:{n}: {}", self.path.display(), self.kind),
            None => write!(f, "{}: {}", self.path.display(), self.kind),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
