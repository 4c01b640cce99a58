//! The one searcher the server shares, and opening it when the index shows up late.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use depeche_index::Schema;
use depeche_query::Searcher;

use crate::error::ApiError;

/// The index a server searches: either open, or a directory it keeps trying to open.
///
/// Cheap to clone. An open [`Searcher`] keeps one tantivy reader that reloads by itself on
/// each commit, so a `depeche index` run while serving shows up without a restart.
#[derive(Clone)]
pub struct IndexHandle {
    inner: Arc<Inner>,
}

struct Inner {
    /// Where to open from; `None` for a handle made from a searcher.
    source: Option<(PathBuf, Schema)>,
    slot: RwLock<Slot>,
}

enum Slot {
    Open(Box<Searcher>),
    /// Why it could not be opened the last time it was tried.
    Closed(String),
}

impl IndexHandle {
    /// A handle on an index already open.
    pub fn from_searcher(searcher: Searcher) -> IndexHandle {
        IndexHandle {
            inner: Arc::new(Inner {
                source: None,
                slot: RwLock::new(Slot::Open(Box::new(searcher))),
            }),
        }
    }

    /// A handle on the index at `path`, opened now when possible. When it is not (missing,
    /// being created, built with another schema), requests get a 503 and
    /// [`IndexHandle::try_open`] (which [`crate::serve`] calls every second) tries again.
    pub fn open(path: &Path, schema: &Schema) -> IndexHandle {
        let handle = IndexHandle {
            inner: Arc::new(Inner {
                source: Some((path.to_path_buf(), schema.clone())),
                slot: RwLock::new(Slot::Closed("not opened yet".into())),
            }),
        };
        handle.try_open();
        handle
    }

    /// Opens the index if it is not open yet; true when it is open. Blocking (reads files).
    pub fn try_open(&self) -> bool {
        if self.is_open() {
            return true;
        }
        let Some((path, schema)) = &self.inner.source else { return false };
        let slot = match Searcher::open(path, schema) {
            Ok(s) => Slot::Open(Box::new(s)),
            Err(e) => Slot::Closed(e.to_string()),
        };
        let open = matches!(slot, Slot::Open(_));
        *self.inner.slot.write().unwrap_or_else(|p| p.into_inner()) = slot;
        open
    }

    /// Whether the index is open.
    pub fn is_open(&self) -> bool {
        matches!(*self.inner.slot.read().unwrap_or_else(|p| p.into_inner()), Slot::Open(_))
    }

    /// The searcher, or the 503 that says why there is none.
    pub fn searcher(&self) -> Result<Searcher, ApiError> {
        match &*self.inner.slot.read().unwrap_or_else(|p| p.into_inner()) {
            Slot::Open(s) => Ok(Searcher::clone(s)),
            Slot::Closed(why) => {
                Err(ApiError::unavailable(format!("the index cannot be opened yet: {why}")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_index_is_unavailable_and_retried() {
        let dir = std::env::temp_dir().join(format!("depeche-server-none-{}", std::process::id()));
        let handle = IndexHandle::open(&dir, &Schema::embedded());
        assert!(!handle.is_open());
        let err = handle.searcher().err().expect("no searcher");
        assert_eq!(err.code, "index_unavailable");
        assert!(err.message.contains("no depeche index"), "{}", err.message);
        assert!(!handle.try_open());
    }
}
