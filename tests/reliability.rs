//! Reliability: hostile input, `kill -9` in the middle of a run, two writers, searches during
//! indexing, a full disk, a read-only index, a schema change, and the inputs the fuzzers found.
//!
//! The end-to-end cases drive the `depeche` binary as a child process, each with a deadline, so
//! a hang fails the test instead of stalling CI. The binary is built on first use (`cargo build
//! -p depeche-cli`, a no-op when it is up to date); `DEPECHE_BIN` points at another one.

mod concurrency;
mod crash;
mod fuzz_regressions;
mod hostile;
mod storage;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use depeche_index::{DepecheIndex, Schema};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// The `depeche` binary of the profile these tests were built with, built if needed.
pub fn depeche_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("DEPECHE_BIN") {
            return PathBuf::from(bin);
        }
        // The test binary is `target/<profile>/deps/integration-…`.
        let exe = std::env::current_exe().expect("current exe");
        let profile_dir = exe.parent().and_then(Path::parent).expect("target/<profile>");
        let target_dir = profile_dir.parent().expect("target dir");
        let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut build = Command::new(cargo);
        build
            .current_dir(&workspace)
            .args(["build", "--quiet", "-p", "depeche-cli", "--bin", "depeche"])
            .arg("--target-dir")
            .arg(target_dir);
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let status = build.status().expect("run cargo build");
        assert!(
            status.success(),
            "`cargo build -p depeche-cli` failed; the reliability tests need the depeche binary"
        );
        let bin = profile_dir.join("depeche");
        assert!(bin.is_file(), "{} is missing after the build", bin.display());
        snapshot(&bin)
    })
}

/// A hard link to the binary that this test process alone uses, so that a rebuild of
/// `target/<profile>/depeche` in the middle of the run (another `cargo build` in the same tree)
/// does not swap binaries between two steps of a test. Links of finished runs are removed.
fn snapshot(bin: &Path) -> PathBuf {
    let dir = bin.parent().expect("profile dir");
    const PREFIX: &str = "depeche-reliability-";
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix(PREFIX)
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let link = dir.join(format!("{PREFIX}{}", std::process::id()));
    let _ = std::fs::remove_file(&link);
    match std::fs::hard_link(bin, &link) {
        Ok(()) => link,
        Err(_) => bin.to_path_buf(),
    }
}

/// A `depeche` command.
pub fn depeche() -> Command {
    Command::new(depeche_bin())
}

/// What a finished child did.
#[derive(Debug)]
pub struct Output {
    /// Exit code (`None`: killed by a signal).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// The JSON the child printed on stdout.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }
}

/// Runs a command to completion with a deadline: on timeout the child is killed and the test
/// fails, with what it printed so far.
pub fn run(cmd: &mut Command, deadline: Duration) -> Output {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    wait(child, deadline, &format!("{cmd:?}"))
}

/// Waits for a started child (stdout and stderr piped) with a deadline.
pub fn wait(mut child: Child, deadline: Duration, what: &str) -> Output {
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for child") {
            break status;
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = err.join().unwrap_or_default();
            panic!("{what} did not finish within {deadline:?}; stderr:\n{stderr}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        code: status.code(),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// A running child whose stderr lines can be awaited (progress lines tell where it is).
pub struct Watched {
    child: Child,
    lines: std::sync::mpsc::Receiver<String>,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
    stdout: std::thread::JoinHandle<String>,
    what: String,
}

impl Watched {
    /// Starts `cmd` with its output captured.
    pub fn spawn(cmd: &mut Command) -> Watched {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
        let (tx, lines) = std::sync::mpsc::channel();
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let (pipe, all) = (child.stderr.take().expect("stderr"), stderr.clone());
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(pipe).lines().map_while(Result::ok) {
                all.lock().unwrap().push_str(&(line.clone() + "\n"));
                let _ = tx.send(line);
            }
        });
        let mut pipe = child.stdout.take().expect("stdout");
        let stdout = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = pipe.read_to_string(&mut s);
            s
        });
        Watched { child, lines, stderr, stdout, what: format!("{cmd:?}") }
    }

    /// Waits for a stderr line containing `needle`; fails the test after `deadline`, or when
    /// the child ends first.
    pub fn wait_for(&mut self, needle: &str, deadline: Duration) -> String {
        let started = Instant::now();
        loop {
            let left = deadline.saturating_sub(started.elapsed());
            match self.lines.recv_timeout(left.min(Duration::from_millis(100))) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!(
                    "{} ended before printing {needle:?}; stderr:\n{}",
                    self.what,
                    self.stderr.lock().unwrap()
                ),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) if left.is_zero() => {
                    let _ = self.child.kill();
                    panic!(
                        "{} did not print {needle:?} within {deadline:?}; stderr:\n{}",
                        self.what,
                        self.stderr.lock().unwrap()
                    )
                }
                Err(_) => {}
            }
        }
    }

    /// The process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Whether it has exited.
    pub fn exited(&mut self) -> bool {
        self.child.try_wait().ok().flatten().is_some()
    }

    /// Sends SIGKILL and reaps the child.
    pub fn kill9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits for the end, with a deadline (then the child is killed and the test fails).
    pub fn finish(mut self, deadline: Duration) -> Output {
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait for child") {
                break status;
            }
            if started.elapsed() > deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "{} did not finish within {deadline:?}; stderr:\n{}",
                    self.what,
                    self.stderr.lock().unwrap()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stdout = self.stdout.join().unwrap_or_default();
        // Let the stderr thread drain what is left.
        while self.lines.recv_timeout(Duration::from_millis(200)).is_ok() {}
        let stderr = self.stderr.lock().unwrap().clone();
        Output { code: status.code(), stdout, stderr }
    }
}

/// Whether this process runs as root (which reads mode-000 files and writes read-only
/// folders, so permission cases need a child without privileges).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            .is_some_and(|euid| euid == "0")
    })
}

/// The user a child runs as when privileges are dropped (`nobody`).
pub const NOBODY: u32 = 65534;

/// A `depeche` command that cannot bypass file permissions: as is for a normal user, under
/// `setpriv` as `nobody` for root. `None` (after saying why) when root cannot drop privileges
/// here; callers skip their permission checks then.
pub fn depeche_unprivileged() -> Option<Command> {
    if !is_root() {
        return Some(depeche());
    }
    static USABLE: OnceLock<bool> = OnceLock::new();
    let usable = *USABLE.get_or_init(|| {
        let ok = setpriv().arg(depeche_bin()).arg("--version").output().is_ok_and(|o| {
            o.status.success() && String::from_utf8_lossy(&o.stdout).contains("depeche")
        });
        if !ok {
            eprintln!(
                "skipped: root cannot run {} as nobody with setpriv (missing, or the binary's \
                 folders are closed to other users)",
                depeche_bin().display()
            );
        }
        ok
    });
    usable.then(|| {
        let mut cmd = setpriv();
        cmd.arg(depeche_bin());
        cmd
    })
}

fn setpriv() -> Command {
    let mut cmd = Command::new("setpriv");
    cmd.args([
        format!("--reuid={NOBODY}"),
        format!("--regid={NOBODY}"),
        "--clear-groups".into(),
        "--".into(),
    ]);
    cmd
}

/// Gives a folder tree to the unprivileged user of [`depeche_unprivileged`] (when root), and
/// opens the folders above it for traversal.
pub fn hand_over(dir: &Path) {
    if !is_root() {
        return;
    }
    for entry in walk(dir) {
        std::os::unix::fs::lchown(&entry, Some(NOBODY), Some(NOBODY))
            .unwrap_or_else(|e| panic!("chown {}: {e}", entry.display()));
    }
    open_ancestors(dir);
}

/// Lets every user traverse the folders above `dir` (temp dirs are created `0700`).
pub fn open_ancestors(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for a in dir.ancestors().skip(1) {
        if let Ok(meta) = std::fs::metadata(a) {
            let mode = meta.permissions().mode();
            if mode & 0o001 == 0 && a.starts_with(std::env::temp_dir()) {
                let _ = std::fs::set_permissions(a, std::fs::Permissions::from_mode(mode | 0o711));
            }
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// One searchable dispatch as stored: id, title, source key.
#[derive(Debug, Clone)]
pub struct Stored {
    pub id: String,
    pub title: String,
    pub source: String,
}

/// Every searchable dispatch of the index at `dir`, read with the library (so the check does
/// not depend on the CLI under test).
pub fn stored_dispatches(dir: &Path) -> Vec<Stored> {
    let index = DepecheIndex::open(dir, &Schema::embedded())
        .unwrap_or_else(|e| panic!("the index at {} does not open: {e}", dir.display()));
    let reader = index.tantivy().reader().unwrap();
    let searcher = reader.searcher();
    let schema = index.schema();
    let q = TermQuery::new(
        Term::from_field_text(schema.field("kind"), "dispatch"),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(&q, &TopDocs::with_limit(1_000_000).order_by_score()).unwrap();
    let text = |doc: &TantivyDocument, f: &str| {
        doc.get_first(schema.field(f)).and_then(|v| v.as_str()).unwrap_or_default().to_owned()
    };
    top.into_iter()
        .map(|(_, addr)| {
            let doc: TantivyDocument = searcher.doc(addr).unwrap();
            Stored {
                id: text(&doc, "id"),
                title: text(&doc, "title"),
                source: text(&doc, "source"),
            }
        })
        .collect()
}

/// The dispatch count `depeche stats --json` reports for an index.
pub fn stats_count(index: &Path) -> u64 {
    let out = run(depeche().arg("stats").arg("--json").arg("--index").arg(index), secs(60));
    assert_eq!(out.code, Some(0), "stats failed: {out:?}");
    out.json()["dispatches"].as_u64().expect("dispatches in stats --json")
}

/// The number of hits `depeche search --json` reports.
pub fn search_total(index: &Path, query: &str) -> u64 {
    let out = run(
        depeche().args(["search", "--json", "--all", query]).arg("--index").arg(index),
        secs(60),
    );
    assert_eq!(out.code, Some(0), "search {query:?} failed: {out:?}");
    out.json()["total"].as_u64().expect("total in search --json")
}

/// `n` small synthetic dispatches, one NDJSON file per 5,000, ids `{prefix}-{i}`.
pub fn write_feed(dir: &Path, prefix: &str, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for part in 0..n.div_ceil(5000) {
        let path = dir.join(format!("feed-{part:02}.jsonl"));
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
        for i in part * 5000..((part + 1) * 5000).min(n) {
            let d = serde_json::json!({
                "id": format!("{prefix}-{i:06}"),
                "title": format!("Marché {prefix} numéro {i} : les cours du blé progressent"),
                "body": format!(
                    "Sur le marché {prefix} {i}, les négociants ont vu le quintal de blé gagner {} euros \
                     lundi, portés par la demande à l'exportation.",
                    i % 17
                ),
                "date": "2024-03-04T08:00:00Z",
            });
            writeln!(out, "{d}").unwrap();
        }
    }
}

pub fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}
