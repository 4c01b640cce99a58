//! Concurrent use: a second `depeche index` on an index being written fails at once with a
//! clear message; searches, stats and `depeche serve` keep working while the first run indexes
//! and commits.

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

    // `depeche serve` on the index being written.
    let mut server = Watched::spawn(
        depeche().arg("serve").arg("--index").arg(&idx).args(["--addr", "127.0.0.1:0"]),
    );
    let line = server.wait_for("serving", secs(60));
    let addr = line.split("http://").nth(1).unwrap().trim_end_matches('/').to_owned();

    // Searches while the first run goes on: always an answer, never more than was indexed.
    let (mut seen, mut served) = (Vec::new(), Vec::new());
    while !writer.exited() {
        let hits = search_total(&idx, "blé");
        let count = stats_count(&idx);
        assert!(hits <= N as u64 && count <= N as u64);
        seen.push(count);
        let total = served_total(&addr);
        assert!(total <= N as u64);
        served.push(total);
        std::thread::sleep(Duration::from_millis(200));
    }
    let out = writer.finish(secs(300));
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(!seen.is_empty(), "the run ended before any search was made");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "counts went down: {seen:?}");
    let distinct = |v: &[u64]| {
        let mut v = v.to_vec();
        v.dedup();
        v
    };
    eprintln!(
        "{} searches during the run saw {:?}; serve saw {:?}",
        seen.len(),
        distinct(&seen),
        distinct(&served)
    );
    assert_eq!(search_total(&idx, "blé"), N as u64);
    assert_eq!(stats_count(&idx), N as u64);
    // The server picks up the last commit too (it reloads within a second or so).
    let started = Instant::now();
    while served_total(&addr) != N as u64 {
        assert!(started.elapsed() < secs(30), "serve never saw the last commit: {served:?}");
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(served.windows(2).all(|w| w[0] <= w[1]), "served totals went down: {served:?}");
    assert!(!server.exited(), "serve stopped");
    server.kill9();

    // Once the first writer is gone, the second one goes through.
    let out = run(&mut second, secs(60));
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(stats_count(&idx), N as u64 + 10);
}

/// `GET /api/search?q=blé` on a running `depeche serve`: the total, after a 200.
fn served_total(addr: &str) -> u64 {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("connect to serve");
    stream.set_read_timeout(Some(secs(30))).unwrap();
    write!(
        stream,
        "GET /api/search?q=bl%C3%A9&mode=all HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read the response");
    let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    assert!(head.starts_with("HTTP/1.1 200"), "{response}");
    let json: serde_json::Value =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    json["total"].as_u64().expect("total")
}
