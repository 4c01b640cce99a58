//! Errors of the index crate.

use std::path::PathBuf;

/// A crate-wide result alias.
pub type Result<T> = std::result::Result<T, Error>;

/// What can go wrong opening, reading or writing an index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The schema file is invalid.
    #[error("schema {path}: {message}")]
    Schema {
        /// The schema file (or `<embedded>`).
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// The index was built with another schema or analyzer version.
    #[error(
        "the index at {path} was built with schema {found}, this depeche uses schema {expected}: \
         rebuild it with `depeche index --rebuild`"
    )]
    SchemaMismatch {
        /// The index directory.
        path: PathBuf,
        /// What the index records.
        found: String,
        /// What this build expects.
        expected: String,
    },
    /// No index at the given path.
    #[error("no depeche index at {0} (create one with `depeche index <PATH> --index {0}`)")]
    NotFound(PathBuf),
    /// Another process holds the index writer lock.
    #[error("the index at {0} is locked by another writer (is another `depeche index` running?)")]
    Locked(PathBuf),
    /// The disk is full.
    #[error(
        "no space left on device while writing the index at {0}; the previous commit is intact"
    )]
    DiskFull(PathBuf),
    /// A filesystem error.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An error from tantivy.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl Error {
    pub(crate) fn schema(path: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Schema { path: path.into(), message: message.into() }
    }

    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io { context: context.into(), source }
    }

    /// Whether this error means the storage ran out of space.
    pub fn is_disk_full(&self) -> bool {
        matches!(self, Error::DiskFull(_))
    }
}
