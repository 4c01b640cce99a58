//! Errors of the query crate.

/// A crate-wide result alias.
pub type Result<T> = std::result::Result<T, Error>;

/// What can go wrong searching.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Opening the index failed.
    #[error(transparent)]
    Index(#[from] depeche_index::Error),
    /// The request is invalid (a limit too large, a bad date…).
    #[error("{0}")]
    InvalidRequest(String),
    /// Searching failed.
    #[error("search failed: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}
