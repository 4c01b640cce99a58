//! `kill -9` of `depeche index` before its first commit, then in the middle of a large run,
//! several times: the index still
//! opens, holds exactly what was committed (a prefix of the input, in walk order, with nothing
//! half-written), and a re-run completes to the exact expected count.

use std::io::{BufRead, Write};
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use depeche_tests::shared;

use super::{Watched, depeche, search_total, secs, stats_count, stored_dispatches};

const FILES: usize = 6;
const PER_FILE: usize = 1000;
const KILLS: usize = 3;

/// Writes `FILES` NDJSON files of `PER_FILE` real dispatches each, made unique (id, title and
/// first words carry the serial number), so that no two are duplicates or versions and the
/// expected index content after `n` dispatches is exactly `crash-00000 … crash-{n-1}`.
fn write_input(corpus: &Path, dir: &Path) {
    let reader =
        std::io::BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(corpus).unwrap()));
    let mut lines = reader.lines();
    for f in 0..FILES {
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(dir.join(format!("part-{f}.jsonl"))).unwrap(),
        );
        for i in 0..PER_FILE {
            let n = f * PER_FILE + i;
            let line = lines.next().expect("corpus long enough").unwrap();
            let d: serde_json::Value = serde_json::from_str(&line).unwrap();
            let body: String = d["body"].as_str().unwrap_or_default().chars().take(1200).collect();
            let rec = serde_json::json!({
                "id": format!("crash-{n:05}"),
                "title": format!("{} ({n})", d["title"].as_str().unwrap_or("Sans titre")),
                "lede": d["lede"],
                "body": format!("Dépêche numéro {n}. {body}"),
            });
            writeln!(out, "{rec}").unwrap();
        }
    }
}

/// A small xorshift generator: the kill points are random, and the seed is printed (and can be
/// set with `DEPECHE_CRASH_SEED`) so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Checks the index after a kill: it opens, `stats` agrees with what is stored, and what is
/// stored is exactly the first `n` dispatches of the input.
fn check_committed_prefix(idx: &Path) -> usize {
    let stored = stored_dispatches(idx);
    let n = stored.len();
    let mut ids: Vec<&str> = stored.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    let expected: Vec<String> = (0..n).map(|i| format!("crash-{i:05}")).collect();
    assert!(ids == expected, "after a kill the index holds {n} dispatches but not the first {n}");
    assert_eq!(stats_count(idx), n as u64, "stats after a kill");
    n
}

#[test]
fn kill_9_mid_run_leaves_the_last_commit_and_a_rerun_completes() {
    let Some(corpus) = shared("corpus/orangesum-dev.jsonl.gz") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let (src, idx) = (tmp.path().join("src"), tmp.path().join("idx"));
    std::fs::create_dir(&src).unwrap();
    write_input(&corpus, &src);
    let total = FILES * PER_FILE;

    let seed = std::env::var("DEPECHE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
        });
    eprintln!("kill points from DEPECHE_CRASH_SEED={seed}");
    let mut rng = Rng(seed);
    let index_cmd = || {
        let mut cmd = depeche();
        cmd.arg("index").arg(&src).arg("--index").arg(&idx);
        cmd.args(["--commit-every", "500", "--threads", "2", "--memory", "64"]);
        cmd
    };
    let started = Instant::now();
    let mut counts = Vec::new();
    // First as soon as the walk is done, before any commit: a new index that was never
    // committed must open (empty), not ask for a rebuild. Then at random points.
    for kill in 0..=KILLS {
        let mut child = Watched::spawn(&mut index_cmd());
        let delay = if kill == 0 {
            child.wait_for("files to read", secs(60));
            Duration::ZERO
        } else {
            // Anywhere from the start to well into the run (a full run takes 20 to 60 s here).
            Duration::from_millis(300 + rng.next() % 12_000)
        };
        let until = Instant::now() + delay;
        while Instant::now() < until && !child.exited() {
            std::thread::sleep(Duration::from_millis(10));
        }
        if child.exited() {
            // It finished first: nothing left to crash.
            let out = child.finish(secs(10));
            assert_eq!(out.code, Some(0), "{out:?}");
            break;
        }
        let pid = child.id();
        child.kill9();
        let n = check_committed_prefix(&idx);
        if kill == 0 {
            assert_eq!(n, 0, "killed before the first commit");
            assert_eq!(search_total(&idx, "numéro"), 0);
        }
        eprintln!("killed pid {pid} after {delay:?}: {n} dispatches committed");
        counts.push(n);
        if n > 0 {
            // The index serves searches as it is.
            assert!(search_total(&idx, "numéro") >= 1);
        }
    }

    let out = super::run(index_cmd().arg("--json"), secs(300));
    assert_eq!(out.code, Some(0), "the re-run completes: {out:?}");
    let summary = out.json();
    assert_eq!(summary["total"].as_u64(), Some(total as u64), "{summary}");
    let (indexed, unchanged) =
        (summary["indexed"].as_u64().unwrap(), summary["unchanged"].as_u64().unwrap());
    assert_eq!(indexed + unchanged, total as u64, "{summary}");
    assert_eq!(check_committed_prefix(&idx), total);
    eprintln!(
        "{KILLS} kills ({counts:?} committed at each), re-run: {indexed} indexed, {unchanged} \
         unchanged; {:.0?} in all",
        started.elapsed()
    );
}
