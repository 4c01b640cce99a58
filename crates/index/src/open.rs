//! Opening and creating index directories, with the checks that keep an index and the
//! software reading it in agreement.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::Index;
use tantivy::directory::MmapDirectory;

use crate::analyzer;
use crate::error::{Error, Result};
use crate::schema::Schema;

/// What every commit records (tantivy's commit payload), so a reader can tell whether the
/// index was built by a compatible depeche.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitInfo {
    /// [`Schema::signature`] of the schema the index was built with.
    pub schema: String,
    /// The depeche version that committed.
    pub depeche: String,
    /// When the commit happened (RFC 3339).
    pub committed_at: String,
}

impl CommitInfo {
    pub(crate) fn now(schema: &Schema) -> CommitInfo {
        CommitInfo {
            schema: schema.signature(),
            depeche: env!("CARGO_PKG_VERSION").to_owned(),
            committed_at: jiff::Timestamp::now().to_string(),
        }
    }
}

/// An open index: the tantivy index with depeche's analyzers registered, and its schema.
#[derive(Clone)]
pub struct DepecheIndex {
    index: Index,
    schema: Schema,
    path: PathBuf,
}

/// Doc store block size. A hit's stored fields are read by decompressing its whole block:
/// tantivy's default (16 KiB, several dispatches) made that a quarter of a search's time.
const DOCSTORE_BLOCK_BYTES: usize = 4096;

impl DepecheIndex {
    /// Opens an existing index, checking that it was built with `schema` (and this analyzer
    /// version). An index built otherwise is an error that tells the user to rebuild.
    pub fn open(path: &Path, schema: &Schema) -> Result<DepecheIndex> {
        if !path.join("meta.json").is_file() {
            return Err(Error::NotFound(path.to_path_buf()));
        }
        let dir = MmapDirectory::open(path).map_err(|e| {
            Error::io(
                format!("cannot open {}", path.display()),
                std::io::Error::other(e.to_string()),
            )
        })?;
        let index = Index::open(dir)?;
        let found = Self::recorded_signature(&index)?;
        let expected = schema.signature();
        // Created but never committed (a first run still going, or killed before its first
        // commit): no signature yet, nothing in it, fine if its fields are ours.
        let never_committed = found.is_none() && index.load_metas()?.segments.is_empty();
        let signed = never_committed || found.as_deref() == Some(expected.as_str());
        if !signed || index.schema() != *schema.tantivy() {
            return Err(Error::SchemaMismatch {
                path: path.to_path_buf(),
                found: found.unwrap_or_else(|| "unknown".to_owned()),
                expected,
            });
        }
        analyzer::register(index.tokenizers());
        Ok(DepecheIndex { index, schema: schema.clone(), path: path.to_path_buf() })
    }

    /// Opens the index at `path`, creating it (and the directory) when there is none.
    /// With `rebuild`, an existing index that this schema cannot open (another schema or
    /// analyzer version) is removed first; one it can open is kept for the writer to empty
    /// ([`crate::IndexOptions::start_empty`]), so readers keep its last commit meanwhile.
    pub fn open_or_create(path: &Path, schema: &Schema, rebuild: bool) -> Result<DepecheIndex> {
        if rebuild && path.join("meta.json").is_file() {
            match DepecheIndex::open(path, schema) {
                Ok(index) => return Ok(index),
                Err(_) => remove_index_files(path)?,
            }
        }
        if path.join("meta.json").is_file() {
            return DepecheIndex::open(path, schema);
        }
        std::fs::create_dir_all(path)
            .map_err(|e| Error::io(format!("cannot create {}", path.display()), e))?;
        let dir = MmapDirectory::open(path).map_err(|e| {
            Error::io(
                format!("cannot open {}", path.display()),
                std::io::Error::other(e.to_string()),
            )
        })?;
        let settings = tantivy::IndexSettings {
            docstore_blocksize: DOCSTORE_BLOCK_BYTES,
            // Small blocks made the dedicated compression thread wake up for each one (two
            // context switches per 4 KiB); compressing them in the indexing thread is cheaper.
            docstore_compress_dedicated_thread: false,
            ..tantivy::IndexSettings::default()
        };
        let index = Index::create(dir, schema.tantivy().clone(), settings)?;
        analyzer::register(index.tokenizers());
        Ok(DepecheIndex { index, schema: schema.clone(), path: path.to_path_buf() })
    }

    /// The schema signature the last commit recorded, if any.
    fn recorded_signature(index: &Index) -> Result<Option<String>> {
        let metas = index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str::<CommitInfo>(p).ok())
            .map(|c| c.schema))
    }

    /// The last commit's information.
    pub fn commit_info(&self) -> Result<Option<CommitInfo>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.as_deref().and_then(|p| serde_json::from_str(p).ok()))
    }

    /// The tantivy index (analyzers registered).
    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// The schema.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// The index directory.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Removes tantivy's files from an index directory, leaving anything else the user put there.
fn remove_index_files(path: &Path) -> Result<()> {
    let entries = std::fs::read_dir(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name == "meta.json"
            || name == ".managed.json"
            || name.starts_with(".tantivy")
            || name.split_once('.').is_some_and(|(stem, _)| {
                // Segment files: `<32 hex digits>.<ext>` (deletes: `<id>.<opstamp>.del`).
                stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit())
            });
        if ours {
            std::fs::remove_file(entry.path())
                .map_err(|e| Error::io(format!("cannot remove {}", entry.path().display()), e))?;
        }
    }
    Ok(())
}
