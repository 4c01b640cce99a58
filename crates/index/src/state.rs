//! What a committed index already holds: the records the indexer needs to skip unchanged
//! files, find duplicates and versions, and clean up after changed or removed files.

use std::collections::HashMap;

use tantivy::{DocId, Searcher, SegmentReader};

use crate::document::{Kind, Stub};
use crate::error::Result;

/// One record of the index, as the indexer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub kind: Kind,
    pub stub: Stub,
}

/// The incremental-indexing facts about one source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileRec {
    pub size: u64,
    pub mtime_ns: u64,
    pub hash: String,
}

/// In-memory view of the index records, updated as the indexer adds and deletes.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub files: HashMap<String, FileRec>,
    records: Vec<Option<Record>>,
    by_source: HashMap<String, Vec<usize>>,
    /// Searchable dispatch per fingerprint.
    by_fp: HashMap<String, usize>,
    /// Searchable (latest) dispatch per update key.
    by_story: HashMap<String, usize>,
    /// Searchable dispatch per id.
    by_id: HashMap<String, usize>,
    /// Stub records (duplicates, versions) per `fp:…`, `story:…` and `id:…` key.
    stubs: HashMap<String, Vec<usize>>,
}

impl State {
    /// Reads every live record of the index from the column store.
    pub fn load(searcher: &Searcher) -> Result<State> {
        let mut state = State::default();
        for segment in searcher.segment_readers() {
            state.load_segment(segment)?;
        }
        Ok(state)
    }

    fn load_segment(&mut self, seg: &SegmentReader) -> Result<()> {
        let ff = seg.fast_fields();
        let str_col = |name: &str| ff.str(name);
        let (kind, id, source, fp, story, hash) = (
            str_col("kind")?,
            str_col("id")?,
            str_col("source")?,
            str_col("fingerprint")?,
            str_col("story")?,
            str_col("file_hash")?,
        );
        let (record, version, size, mtime) =
            (ff.u64("record")?, ff.u64("version")?, ff.u64("file_size")?, ff.u64("file_mtime")?);
        let (published, updated) = (ff.date("published")?, ff.date("updated")?);
        let get = |col: &Option<tantivy::columnar::StrColumn>, doc: DocId| -> String {
            let mut out = String::new();
            if let Some(col) = col
                && let Some(ord) = col.ords().first(doc)
            {
                let _ = col.ord_to_str(ord, &mut out);
            }
            out
        };
        for doc in seg.doc_ids_alive() {
            let Some(k) = Kind::parse(&get(&kind, doc)) else { continue };
            let src = get(&source, doc);
            if k == Kind::File {
                let rec = FileRec {
                    size: size.first(doc).unwrap_or(0),
                    mtime_ns: mtime.first(doc).unwrap_or(0),
                    hash: get(&hash, doc),
                };
                self.files.insert(src, rec);
                continue;
            }
            let stub = Stub {
                id: get(&id, doc),
                source: src,
                record: record.first(doc),
                fingerprint: get(&fp, doc),
                story: get(&story, doc),
                published: published.first(doc).map(|d| d.into_timestamp_secs()),
                updated: updated.first(doc).map(|d| d.into_timestamp_secs()),
                version: version.first(doc).map(|v| v as u32),
            };
            self.insert(Record { kind: k, stub });
        }
        Ok(())
    }

    /// Adds a record to the view.
    pub fn insert(&mut self, rec: Record) -> usize {
        let i = self.records.len();
        self.by_source.entry(rec.stub.source.clone()).or_default().push(i);
        if rec.kind == Kind::Dispatch {
            self.by_fp.insert(rec.stub.fingerprint.clone(), i);
            self.by_story.insert(rec.stub.story.clone(), i);
            self.by_id.insert(rec.stub.id.clone(), i);
        } else {
            self.link_stub(i, &rec);
        }
        self.records.push(Some(rec));
        i
    }

    fn link_stub(&mut self, i: usize, rec: &Record) {
        for key in stub_keys(&rec.stub.fingerprint, &rec.stub.story, base_id(&rec.stub.id)) {
            self.stubs.entry(key).or_default().push(i);
        }
    }

    /// Removes every record of a source file from the view and returns them.
    pub fn remove_source(&mut self, source: &str) -> Vec<Record> {
        let mut removed = Vec::new();
        for i in self.by_source.remove(source).unwrap_or_default() {
            if let Some(rec) = self.records[i].take() {
                self.unlink(i, &rec);
                removed.push(rec);
            }
        }
        removed
    }

    /// Removes one record from the view (the index side is the caller's).
    pub fn remove(&mut self, i: usize) -> Option<Record> {
        let rec = self.records.get_mut(i)?.take()?;
        self.unlink(i, &rec);
        Some(rec)
    }

    /// Turns a searchable dispatch into a version record with a new id (the index side is
    /// the caller's).
    pub fn demote(&mut self, i: usize, new_id: &str) {
        let Some(rec) = self.records[i].take() else { return };
        self.unlink(i, &rec);
        let mut demoted = Record { kind: Kind::Version, stub: rec.stub };
        demoted.stub.id = new_id.to_owned();
        self.link_stub(i, &demoted);
        self.records[i] = Some(demoted);
    }

    fn unlink(&mut self, i: usize, rec: &Record) {
        for (map, key) in [
            (&mut self.by_fp, &rec.stub.fingerprint),
            (&mut self.by_story, &rec.stub.story),
            (&mut self.by_id, &rec.stub.id),
        ] {
            if map.get(key) == Some(&i) {
                map.remove(key);
            }
        }
    }

    pub fn record(&self, i: usize) -> Option<&Record> {
        self.records.get(i).and_then(Option::as_ref)
    }

    /// The searchable dispatch with this fingerprint.
    pub fn by_fingerprint(&self, fp: &str) -> Option<usize> {
        self.by_fp.get(fp).copied()
    }

    /// The searchable dispatch with this update key.
    pub fn by_story(&self, story: &str) -> Option<usize> {
        self.by_story.get(story).copied()
    }

    /// The searchable dispatch with this id.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Sources of stubs (duplicates or versions) that point at a fingerprint or update key:
    /// when the dispatch they point at goes away, one of them must become searchable.
    pub fn stub_sources_for(&self, fp: &str, story: &str, id: &str) -> Vec<String> {
        let mut out: Vec<String> = stub_keys(fp, story, id)
            .iter()
            .filter_map(|k| self.stubs.get(k))
            .flatten()
            .filter_map(|&i| self.record(i))
            .filter(|r| r.kind != Kind::Dispatch)
            .map(|r| r.stub.source.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Number of records of each kind from a source.
    pub fn count_from(&self, source: &str, kind: Kind) -> usize {
        self.by_source.get(source).map_or(0, |ids| {
            ids.iter().filter(|&&i| self.record(i).is_some_and(|r| r.kind == kind)).count()
        })
    }

    /// Every source the view knows (files and records).
    pub fn sources(&self) -> Vec<String> {
        let mut out: Vec<String> =
            self.files.keys().chain(self.by_source.keys()).cloned().collect();
        out.sort();
        out.dedup();
        out
    }

    pub fn has_records_from(&self, source: &str) -> bool {
        self.by_source.get(source).is_some_and(|v| v.iter().any(|&i| self.records[i].is_some()))
    }
}

fn stub_keys(fp: &str, story: &str, id: &str) -> [String; 3] {
    [format!("fp:{fp}"), format!("story:{story}"), format!("id:{id}")]
}

/// The dispatch id a stub id was derived from (`<id>~dup…` / `<id>~v…`).
pub(crate) fn base_id(id: &str) -> &str {
    id.split_once('~').map_or(id, |(b, _)| b)
}
