//! Concurrent use: a second `depeche index` on an index being written fails at once with a
//! clear message; searches and stats keep working while the first run indexes and commits.

use std::time::{Duration, Instant};

use super::{Watched, depeche, run, search_total, secs, stats_count, write_feed};

#[test]
fn second_writer_fails_at_once_and_searches_work_during_indexing() {
    const N: usize = 20_000;
    let tmp = tempfile::tempdir().unwrap();
    let (src, other, idx) =
        (tmp.path().join("src"), tmp.path().join("other"), tmp.path().join("idx"));
    write_feed(&src, "conc", N);
    write_feed(&other, "autre", 10);

    let mut first = depeche();
    first.arg("index").arg(&src).arg("--index").arg(&idx);
    first.args(["--commit-every", "2000", "--threads", "1", "--memory", "64"]);
    let mut writer = Watched::spawn(&mut first);
    // The writer lock is taken before the walk; the index exists, never committed yet.
    writer.wait_for("files to read", secs(60));

    let started = Instant::now();
    let mut second = depeche();
    second.arg("index").arg(&other).arg("--index").arg(&idx);
    let out = run(&mut second, secs(30));
    let took = started.elapsed();
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(
        out.stderr.contains("locked by another writer"),
        "a clear message, not {:?}",
        out.stderr
    );
    assert!(took < Duration::from_secs(10), "the second writer waited {took:?}");

    // Searches while the first run goes on: always an answer, never more than was indexed.
    let mut seen = Vec::new();
    while !writer.exited() {
        let hits = search_total(&idx, "blé");
        let count = stats_count(&idx);
        assert!(hits <= N as u64 && count <= N as u64);
        seen.push(count);
        std::thread::sleep(Duration::from_millis(200));
    }
    let out = writer.finish(secs(300));
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(!seen.is_empty(), "the run ended before any search was made");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "counts went down: {seen:?}");
    eprintln!("{} searches during the run saw {:?}", seen.len(), {
        let mut s = seen.clone();
        s.dedup();
        s
    });
    assert_eq!(search_total(&idx, "blé"), N as u64);
    assert_eq!(stats_count(&idx), N as u64);

    // Once the first writer is gone, the second one goes through.
    let out = run(&mut second, secs(60));
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(stats_count(&idx), N as u64 + 10);
}
