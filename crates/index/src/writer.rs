//! `depeche index`: walk, ingest in parallel, deduplicate, write, commit.
//!
//! Files are walked first (so progress knows the total), compared with the file records of
//! the last commit (unchanged files are skipped), then read by one thread, parsed by a pool of
//! workers, and placed by one consumer thread in walk order, so the outcome (which copy of a
//! duplicate is the searchable one) does not depend on thread timing.
//!
//! Policy: identical dispatches (same fingerprint) are indexed once, the other copies
//! recorded as `duplicate` records; versions of one dispatch (same id, or same agency, title
//! and first publication day) are replaced by the latest, older ones kept as `version`
//! records. Every file gets a `file` record (size, mtime, content hash) committed with its
//! dispatches, so a crash leaves an index that a re-run completes exactly.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, bounded};
use depeche_ingest::{
    Dispatch, Error as IngestError, ErrorKind, Unit, WalkEntry, Walker, path_key,
};
use serde::Serialize;
use tantivy::directory::error::LockError;
use tantivy::{IndexWriter, Term};

use crate::document::{self, Kind, Stub};
use crate::error::{Error, Result};
use crate::open::{CommitInfo, DepecheIndex};
use crate::state::{FileRec, Record, State};

/// Settings of an indexing run.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Memory budget of the tantivy writer, in bytes (split across its threads).
    pub memory_budget: usize,
    /// Parsing workers and tantivy indexing threads.
    pub threads: usize,
    /// Commit every this many added records (in addition to the final commit).
    pub commit_every: Option<u64>,
    /// Remove dispatches whose source file is gone (under the walked paths).
    pub prune: bool,
    /// Group duplicates and versions (the default). Off, every dispatch is searchable on its
    /// own, as other engines index a corpus (used for side-by-side relevance runs).
    pub collapse: bool,
    /// Wait for segment merges before returning.
    pub merge: bool,
    /// Start from an empty index: every record goes, in the same commit as the new ones, so
    /// readers keep the previous commit until the run commits (`depeche index --rebuild`).
    pub start_empty: bool,
    /// Ingest settings.
    pub ingest: depeche_ingest::Options,
}

impl Default for IndexOptions {
    fn default() -> IndexOptions {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
        IndexOptions {
            memory_budget: 200 * 1024 * 1024,
            threads,
            commit_every: None,
            prune: false,
            collapse: true,
            merge: true,
            start_empty: false,
            ingest: depeche_ingest::Options::default(),
        }
    }
}

/// Progress of a run, for a progress bar or log lines.
#[derive(Debug, Clone, Copy)]
pub enum Event {
    /// The walk is done: what is to be read.
    Planned {
        /// Files to read (new or changed).
        files: u64,
        /// Their total size on disk.
        bytes: u64,
        /// Files skipped as unchanged.
        unchanged: u64,
    },
    /// Reading goes on.
    Progress {
        /// Files finished.
        files: u64,
        /// Bytes read.
        bytes: u64,
        /// Dispatches placed (indexed, duplicate or version).
        dispatches: u64,
    },
    /// A commit started (it may take a while on large runs).
    Committing,
}

/// Receives [`Event`]s.
pub trait Progress: Sync {
    /// Called from the indexing thread; keep it cheap.
    fn event(&self, event: Event);
}

/// No progress reporting.
pub struct NoProgress;

impl Progress for NoProgress {
    fn event(&self, _: Event) {}
}

/// What a run did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    /// Dispatches added to the index (new, changed, or newer versions).
    pub indexed: u64,
    /// Dispatches of files skipped as unchanged.
    pub unchanged: u64,
    /// Copies of an indexed dispatch, recorded as its other sources.
    pub duplicates: u64,
    /// Older versions replaced by a later one.
    pub versions: u64,
    /// Dispatches removed because their file is gone (`--prune`) or changed.
    pub removed: u64,
    /// Files read this run.
    pub files_read: u64,
    /// Files skipped as unchanged.
    pub files_unchanged: u64,
    /// Files and records that yielded nothing, with the reason.
    pub skipped: Vec<Skip>,
    /// Files left out on purpose (hidden, temporary).
    pub ignored: Vec<Ignored>,
    /// Bytes read.
    pub bytes: u64,
    /// Wall time, seconds.
    pub seconds: f64,
    /// Searchable dispatches in the index after the run.
    pub total: u64,
}

/// A file or record that could not be indexed.
#[derive(Debug, Clone, Serialize)]
pub struct Skip {
    /// The file.
    pub path: String,
    /// The record (line or element) within it, when only that record failed.
    pub record: Option<u64>,
    /// Short reason (`empty`, `binary`, `parse-error`, …).
    pub reason: String,
    /// The full message.
    pub message: String,
}

/// A file left out on purpose.
#[derive(Debug, Clone, Serialize)]
pub struct Ignored {
    /// The file or folder.
    pub path: String,
    /// Why.
    pub reason: String,
}

impl Summary {
    /// Skips grouped by reason, most frequent first.
    pub fn skips_by_reason(&self) -> Vec<(String, Vec<&Skip>)> {
        let mut groups: BTreeMap<&str, Vec<&Skip>> = BTreeMap::new();
        for s in &self.skipped {
            groups.entry(&s.reason).or_default().push(s);
        }
        let mut out: Vec<(String, Vec<&Skip>)> =
            groups.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        out
    }
}

impl From<&IngestError> for Skip {
    fn from(e: &IngestError) -> Skip {
        Skip {
            path: path_key(e.path()),
            record: e.record_number(),
            reason: e.kind().reason().to_owned(),
            message: e.to_string(),
        }
    }
}

/// A file to read.
struct Job {
    path: PathBuf,
    key: String,
    size: u64,
    mtime_ns: u64,
}

/// Reader → workers.
enum Work {
    Start { seq: u64, job: usize, hash: std::result::Result<String, IngestError> },
    Units { seq: u64, units: Vec<Unit> },
    Failed { seq: u64, error: IngestError },
    End { seq: u64, job: usize, bytes: u64 },
}

/// Workers → consumer, in any order; the consumer puts them back in `seq` order.
enum Done {
    Start { job: usize, hash: std::result::Result<String, IngestError> },
    Parsed { results: Vec<std::result::Result<Dispatch, IngestError>> },
    Failed { error: IngestError },
    End { job: usize, bytes: u64 },
}

/// Indexes `paths` (files or folders) into `index`.
pub fn index_paths(
    index: &DepecheIndex,
    paths: &[PathBuf],
    opts: &IndexOptions,
    progress: &dyn Progress,
) -> Result<Summary> {
    let started = Instant::now();
    let threads = opts.threads.max(1);
    let budget = opts.memory_budget.max(threads * 16 * 1024 * 1024);
    let writer: IndexWriter =
        index.tantivy().writer_with_num_threads(threads, budget).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(LockError::LockBusy, _) => {
                Error::Locked(index.path().to_path_buf())
            }
            e => map_write_error(index, e),
        })?;
    let reader =
        index.tantivy().reader_builder().reload_policy(tantivy::ReloadPolicy::Manual).try_into()?;
    let state = if opts.start_empty {
        writer.delete_all_documents().map_err(|e| map_write_error(index, e))?;
        State::default()
    } else {
        State::load(&reader.searcher())?
    };
    let mut run = Run {
        index,
        writer,
        state,
        opts,
        summary: Summary::default(),
        added: 0,
        redo: BTreeSet::new(),
    };

    // Walk everything first, so progress has a total.
    let mut jobs = Vec::new();
    let mut seen = HashSet::new();
    let mut roots = Vec::new();
    for root in paths {
        match std::fs::canonicalize(root) {
            Ok(r) => roots.push(r),
            Err(e) => run.summary.skipped.push(Skip {
                path: path_key(root),
                record: None,
                reason: "unreadable".into(),
                message: format!("{}: {e}", root.display()),
            }),
        }
    }
    for entry in Walker::new(&roots).iter() {
        match entry {
            WalkEntry::File(f) => {
                let key = path_key(&f.path);
                seen.insert(key.clone());
                jobs.push(Job { path: f.path, key, size: f.size, mtime_ns: f.mtime_ns });
            }
            WalkEntry::Ignored { path, reason } => {
                run.summary.ignored.push(Ignored { path: path_key(&path), reason: reason.into() })
            }
            WalkEntry::Error(e) => run.summary.skipped.push(Skip::from(&e)),
        }
    }

    // Unchanged files are skipped; touched-but-identical ones only get a fresh file record.
    let mut todo = Vec::new();
    for job in jobs {
        match run.state.files.get(&job.key).cloned() {
            Some(rec) if rec.size == job.size && rec.mtime_ns == job.mtime_ns => {
                run.unchanged(&job.key)
            }
            Some(rec)
                if rec.size == job.size && hash_file(&job.path).is_ok_and(|h| h == rec.hash) =>
            {
                run.unchanged(&job.key);
                run.file_record(&job.key, job.size, job.mtime_ns, &rec.hash)?;
            }
            _ => todo.push(job),
        }
    }
    progress.event(Event::Planned {
        files: todo.len() as u64,
        bytes: todo.iter().map(|j| j.size).sum(),
        unchanged: run.summary.files_unchanged,
    });

    // Files that disappeared from the walked folders.
    if opts.prune {
        for source in run.state.sources() {
            let under_roots = roots.iter().any(|r| source.starts_with(&path_key(r)));
            if under_roots && !seen.contains(&source) {
                let removed = run.forget_source(&source)?;
                run.summary.removed += removed;
            }
        }
    }

    run.process(todo, progress)?;
    // Copies and older versions whose searchable dispatch went away take its place.
    for _ in 0..3 {
        if run.redo.is_empty() {
            break;
        }
        let again: Vec<Job> = std::mem::take(&mut run.redo)
            .into_iter()
            .filter_map(|key| {
                let path = PathBuf::from(&key);
                let meta = std::fs::metadata(&path).ok()?;
                let mtime_ns = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos() as u64);
                Some(Job { path, key, size: meta.len(), mtime_ns })
            })
            .collect();
        run.process(again, progress)?;
    }

    progress.event(Event::Committing);
    run.commit()?;
    let Run { writer, mut summary, .. } = run;
    if opts.merge {
        writer.wait_merging_threads().map_err(|e| map_write_error(index, e))?;
    }
    reader.reload()?;
    summary.total = count_kind(&reader.searcher(), index, Kind::Dispatch)?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Counts live records of a kind.
pub(crate) fn count_kind(
    searcher: &tantivy::Searcher,
    index: &DepecheIndex,
    kind: Kind,
) -> Result<u64> {
    let term = Term::from_field_text(index.schema().field("kind"), kind.as_str());
    let q = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
    Ok(searcher.search(&q, &tantivy::collector::Count)? as u64)
}

struct Run<'a> {
    index: &'a DepecheIndex,
    writer: IndexWriter,
    state: State,
    opts: &'a IndexOptions,
    summary: Summary,
    /// Records added since the last commit.
    added: u64,
    /// Sources to read again: their copies or versions must replace a removed dispatch.
    redo: BTreeSet<String>,
}

impl Run<'_> {
    fn unchanged(&mut self, key: &str) {
        self.summary.files_unchanged += 1;
        self.summary.unchanged += self.state.count_from(key, Kind::Dispatch) as u64;
    }

    /// Reads, parses and places `jobs`.
    fn process(&mut self, jobs: Vec<Job>, progress: &dyn Progress) -> Result<()> {
        if jobs.is_empty() {
            return Ok(());
        }
        let jobs = Arc::new(jobs);
        let threads = self.opts.threads.max(1);
        let (work_tx, work_rx) = bounded::<Work>(threads * 2);
        // Bounded too: when tantivy's queue is full, parsing waits instead of piling up
        // parsed dispatches (with more parsing cores than indexing can follow, memory would
        // grow with the corpus). The consumer always drains this channel into its reorder
        // buffer, so a worker holding the next sequence number is never stuck behind later
        // ones.
        let (done_tx, done_rx) = bounded::<(u64, Done)>(threads * 4);
        let ingest = self.opts.ingest.clone();
        std::thread::scope(|scope| -> Result<()> {
            let reader_jobs = jobs.clone();
            scope.spawn(move || read_all(&reader_jobs, &ingest, work_tx));
            for _ in 0..threads {
                let (rx, tx) = (work_rx.clone(), done_tx.clone());
                scope.spawn(move || parse_all(rx, tx));
            }
            drop((work_rx, done_tx));
            let result = self.consume(&jobs, &done_rx, progress);
            // Unblock producers if the consumer stopped early on an error.
            drop(done_rx);
            result
        })
    }

    fn consume(
        &mut self,
        jobs: &[Job],
        done_rx: &Receiver<(u64, Done)>,
        progress: &dyn Progress,
    ) -> Result<()> {
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        let (mut files, mut bytes, mut placed) = (0u64, 0u64, 0u64);
        let mut last_report = Instant::now();
        let mut current_hash: Option<String> = None;
        for (seq, done) in done_rx.iter() {
            pending.insert(seq, done);
            while let Some(done) = pending.remove(&next) {
                next += 1;
                match done {
                    Done::Start { job, hash } => {
                        let key = &jobs[job].key;
                        if self.state.has_records_from(key) || self.state.files.contains_key(key) {
                            let removed = self.forget_source(key)?;
                            self.summary.removed += removed;
                        }
                        self.redo.remove(key);
                        current_hash = match hash {
                            Ok(h) => Some(h),
                            Err(e) => {
                                self.summary.skipped.push(Skip::from(&e));
                                None
                            }
                        };
                    }
                    Done::Parsed { results } => {
                        for r in results {
                            match r {
                                Ok(d) => {
                                    self.place(d)?;
                                    placed += 1;
                                }
                                Err(e) => {
                                    self.withdraw(&e);
                                    self.summary.skipped.push(Skip::from(&e));
                                }
                            }
                        }
                    }
                    Done::Failed { error } => {
                        self.withdraw(&error);
                        self.summary.skipped.push(Skip::from(&error));
                    }
                    Done::End { job, bytes: b } => {
                        let j = &jobs[job];
                        if let Some(hash) = current_hash.take() {
                            self.file_record(&j.key, j.size, j.mtime_ns, &hash)?;
                        }
                        files += 1;
                        bytes += b;
                        self.summary.files_read += 1;
                        self.summary.bytes += b;
                    }
                }
                if let Some(every) = self.opts.commit_every
                    && self.added >= every
                {
                    self.commit()?;
                }
                if last_report.elapsed() > Duration::from_millis(200) {
                    progress.event(Event::Progress { files, bytes, dispatches: placed });
                    last_report = Instant::now();
                }
            }
        }
        progress.event(Event::Progress { files, bytes, dispatches: placed });
        Ok(())
    }

    /// Adds a dispatch as searchable, as a duplicate, or as a version, and updates the view.
    fn place(&mut self, d: Dispatch) -> Result<()> {
        let schema = self.index.schema();
        let stub = stub_of(&d);
        if !self.opts.collapse {
            self.delete_id(&d.id);
            self.add(document::dispatch_document(schema, &d))?;
            self.state.insert(Record { kind: Kind::Dispatch, stub });
            self.summary.indexed += 1;
            return Ok(());
        }
        if let Some(i) = self.state.by_fingerprint(&d.fingerprint) {
            let canonical = self.state.record(i).map(|r| r.stub.id.clone()).unwrap_or_default();
            let mut dup = stub;
            // The copy's own id closes it, so `show` finds the dispatch from either id.
            dup.id = format!(
                "{canonical}~dup-{:016x}~{}",
                short_hash(&format!("{}|{:?}", dup.source, dup.record)),
                dup.id
            );
            self.add(document::stub_document(schema, Kind::Duplicate, &dup))?;
            self.state.insert(Record { kind: Kind::Duplicate, stub: dup });
            self.summary.duplicates += 1;
            return Ok(());
        }
        let other = self.state.by_id(&d.id).or_else(|| self.state.by_story(&d.story));
        if let Some(i) = other {
            let Some(existing) = self.state.record(i).cloned() else { return Ok(()) };
            self.summary.versions += 1;
            if newer(&stub, &existing.stub) {
                self.delete_id(&existing.stub.id);
                let old_id = version_id(&existing.stub);
                self.state.demote(i, &old_id);
                let mut old = existing.stub;
                old.id = old_id;
                self.add(document::stub_document(schema, Kind::Version, &old))?;
            } else {
                let mut old = stub;
                old.id = version_id(&old);
                self.add(document::stub_document(schema, Kind::Version, &old))?;
                self.state.insert(Record { kind: Kind::Version, stub: old });
                return Ok(());
            }
        }
        self.add(document::dispatch_document(schema, &d))?;
        self.state.insert(Record { kind: Kind::Dispatch, stub });
        self.summary.indexed += 1;
        Ok(())
    }

    /// Deletes every record of a source (dispatches, stubs, file record) and schedules for
    /// re-reading the files holding copies or older versions of its dispatches. Returns the
    /// number of searchable dispatches removed.
    fn forget_source(&mut self, key: &str) -> Result<u64> {
        let source = Term::from_field_text(self.index.schema().field("source"), key);
        self.writer.delete_term(source);
        self.state.files.remove(key);
        let removed = self.state.remove_source(key);
        let mut n = 0;
        for rec in removed.iter().filter(|r| r.kind == Kind::Dispatch) {
            n += 1;
            for other in
                self.state.stub_sources_for(&rec.stub.fingerprint, &rec.stub.story, &rec.stub.id)
            {
                if other != key {
                    self.redo.insert(other);
                }
            }
        }
        Ok(n)
    }

    fn file_record(&mut self, key: &str, size: u64, mtime_ns: u64, hash: &str) -> Result<()> {
        let id =
            Term::from_field_text(self.index.schema().field("id"), &document::file_record_id(key));
        self.writer.delete_term(id);
        self.add(document::file_document(self.index.schema(), key, size, mtime_ns, hash))?;
        self.state.files.insert(key.to_owned(), FileRec { size, mtime_ns, hash: hash.to_owned() });
        Ok(())
    }

    /// An item withdrawn by its publisher (canceled, withheld) takes the dispatch it names
    /// out of search: agencies send the kill as a new file, not by rewriting the old one.
    fn withdraw(&mut self, e: &IngestError) {
        let ErrorKind::Withdrawn { id: Some(id), .. } = e.kind() else { return };
        let Some(i) = self.state.by_id(id) else { return };
        if let Some(rec) = self.state.remove(i) {
            self.delete_id(&rec.stub.id);
            self.summary.removed += 1;
        }
    }

    fn delete_id(&mut self, id: &str) {
        self.writer.delete_term(Term::from_field_text(self.index.schema().field("id"), id));
    }

    fn add(&mut self, doc: tantivy::TantivyDocument) -> Result<()> {
        if let Err(e) = self.writer.add_document(doc) {
            // An indexing thread died (a write failed): joining the threads tells why.
            if let tantivy::TantivyError::ErrorInThread(_) = e
                && let Err(cause) = self.writer.prepare_commit().map(|p| p.abort())
            {
                return Err(map_write_error(self.index, cause));
            }
            return Err(map_write_error(self.index, e));
        }
        self.added += 1;
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        let info = CommitInfo::now(self.index.schema());
        let payload = serde_json::to_string(&info).unwrap_or_default();
        let mut prepared =
            self.writer.prepare_commit().map_err(|e| map_write_error(self.index, e))?;
        prepared.set_payload(&payload);
        prepared.commit().map_err(|e| map_write_error(self.index, e))?;
        self.added = 0;
        Ok(())
    }
}

fn stub_of(d: &Dispatch) -> Stub {
    Stub {
        id: d.id.clone(),
        source: d.source.path.clone(),
        record: d.source.record,
        fingerprint: d.fingerprint.clone(),
        story: d.story.clone(),
        published: d.published.map(|t| t.as_second()),
        updated: d.updated.map(|t| t.as_second()),
        version: d.version,
    }
}

/// Whether `a` is a later version than `b`: a higher revision number when both have one,
/// else a later update (or publication) time. Ties keep what is already indexed.
fn newer(a: &Stub, b: &Stub) -> bool {
    if let (Some(va), Some(vb)) = (a.version, b.version)
        && va != vb
    {
        return va > vb;
    }
    let time = |s: &Stub| s.updated.or(s.published);
    matches!((time(a), time(b)), (Some(ta), Some(tb)) if ta > tb)
        || matches!((time(a), time(b)), (Some(_), None))
}

fn version_id(s: &Stub) -> String {
    format!("{}~v-{}", s.id, &s.fingerprint[..s.fingerprint.len().min(12)])
}

fn short_hash(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

/// Content hash of a file (xxh3-128, hex).
pub(crate) fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(format!("{:032x}", hasher.digest128()))
}

/// Reader thread: hashes each file, splits it into units, batches small units.
fn read_all(jobs: &[Job], opts: &depeche_ingest::Options, tx: Sender<Work>) {
    const BATCH_BYTES: usize = 512 * 1024;
    const BATCH_UNITS: usize = 256;
    let mut seq = 0u64;
    let send = |w: Work| tx.send(w).is_ok();
    for (i, job) in jobs.iter().enumerate() {
        let hash = hash_file(&job.path).map_err(|e| IngestError::new(&job.path, ErrorKind::Io(e)));
        let hash_failed = hash.is_err();
        if !send(Work::Start { seq, job: i, hash }) {
            return;
        }
        seq += 1;
        let mut bytes = 0;
        if !hash_failed {
            match depeche_ingest::units(&job.path, opts) {
                Err(error) => {
                    if !send(Work::Failed { seq, error }) {
                        return;
                    }
                    seq += 1;
                }
                Ok(mut units) => {
                    let mut batch = Vec::new();
                    let mut batch_bytes = 0;
                    for unit in units.by_ref() {
                        match unit {
                            Ok(u) => {
                                batch_bytes += u.len();
                                batch.push(u);
                                if batch_bytes >= BATCH_BYTES || batch.len() >= BATCH_UNITS {
                                    if !send(Work::Units { seq, units: std::mem::take(&mut batch) })
                                    {
                                        return;
                                    }
                                    seq += 1;
                                    batch_bytes = 0;
                                }
                            }
                            Err(error) => {
                                if !batch.is_empty() {
                                    if !send(Work::Units { seq, units: std::mem::take(&mut batch) })
                                    {
                                        return;
                                    }
                                    seq += 1;
                                    batch_bytes = 0;
                                }
                                if !send(Work::Failed { seq, error }) {
                                    return;
                                }
                                seq += 1;
                            }
                        }
                    }
                    if !batch.is_empty() {
                        if !send(Work::Units { seq, units: batch }) {
                            return;
                        }
                        seq += 1;
                    }
                    bytes = units.bytes_read();
                }
            }
        }
        if !send(Work::End {
            seq,
            job: i,
            bytes: bytes.max(if hash_failed { 0 } else { job.size }),
        }) {
            return;
        }
        seq += 1;
    }
}

/// Worker thread: parses units. A parser that panics costs its unit only.
fn parse_all(rx: Receiver<Work>, tx: Sender<(u64, Done)>) {
    for work in rx.iter() {
        let msg = match work {
            Work::Start { seq, job, hash } => (seq, Done::Start { job, hash }),
            Work::Failed { seq, error } => (seq, Done::Failed { error }),
            Work::End { seq, job, bytes } => (seq, Done::End { job, bytes }),
            Work::Units { seq, units } => {
                let mut results = Vec::new();
                for unit in &units {
                    match std::panic::catch_unwind(AssertUnwindSafe(|| unit.parse())) {
                        Ok(r) => results.extend(r),
                        Err(_) => results.push(Err(IngestError::new(
                            unit.path(),
                            ErrorKind::Parse(
                                "internal error while parsing (please report this file)".into(),
                            ),
                        ))),
                    }
                }
                (seq, Done::Parsed { results })
            }
        };
        if tx.send(msg).is_err() {
            return;
        }
    }
}

fn map_write_error(index: &DepecheIndex, e: tantivy::TantivyError) -> Error {
    let text = e.to_string();
    // The I/O error, where tantivy kept it, else its OS code, where only its text is left
    // (errors of the indexing threads).
    let io = match &e {
        tantivy::TantivyError::IoError(io) => Some(std::io::Error::new(io.kind(), io.to_string())),
        tantivy::TantivyError::LockFailure(LockError::IoError(io), _) => {
            Some(std::io::Error::new(io.kind(), io.to_string()))
        }
        _ => text
            .split("(os error ")
            .nth(1)
            .and_then(|rest| rest.split(')').next()?.parse().ok())
            .map(std::io::Error::from_raw_os_error),
    };
    let Some(io) = io else { return Error::from(e) };
    use std::io::ErrorKind::{QuotaExceeded, StorageFull};
    if matches!(io.kind(), StorageFull | QuotaExceeded) || text.contains("No space left on device")
    {
        return Error::DiskFull(index.path().to_path_buf());
    }
    // Another write failure (file size limit, read-only or unwritable folder…), said plainly.
    let context = format!(
        "cannot write the index at {} (the previous commit is intact)",
        index.path().display()
    );
    Error::io(context, io)
}
