//! `depeche serve`: every endpoint over a real socket on an ephemeral port, the error shapes,
//! the caps, an index that shows up after the server started, and a commit while serving.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use depeche_index::{DepecheIndex, IndexOptions, NoProgress, Schema, index_paths};
use depeche_query::{Mode, Request, Searcher, Sort};
use depeche_server::{IndexHandle, Options};
use depeche_tests::data_dir;
use serde_json::Value;

/// A server on `127.0.0.1:0`, in its own thread and runtime; stopped on drop.
pub(crate) struct Server {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    pub fn start(index: IndexHandle, opts: Options) -> Server {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
                addr_tx.send(listener.local_addr().expect("addr")).expect("send addr");
                let shutdown = async {
                    let _ = stopped.await;
                };
                depeche_server::serve(listener, index, opts, shutdown).await.expect("serve");
            });
            rt.shutdown_timeout(Duration::from_secs(2));
        });
        let addr = addr_rx.recv_timeout(Duration::from_secs(10)).expect("server address");
        Server { addr, stop: Some(stop), thread: Some(thread) }
    }

    /// A server over the shared seed + fixtures index.
    pub fn seed() -> Server {
        Server::start(IndexHandle::from_searcher(seed_searcher()), Options::default())
    }

    pub fn get(&self, path: &str) -> Reply {
        request(self.addr, "GET", path, &[])
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| {
            panic!("not JSON ({e}): {}", &self.body[..self.body.len().min(300)])
        })
    }

    /// Checks the error shape and returns the code.
    fn error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.header("content-type"), Some("application/json"));
        let v = self.json();
        let e = &v["error"];
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        assert_eq!(v.as_object().map(|o| o.len()), Some(1), "{v}");
        e["code"].as_str().expect("code").to_owned()
    }
}

/// A minimal HTTP/1.1 client: one request per connection, so tests depend on nothing else.
pub(crate) fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> Reply {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (n, v) in headers {
        req.push_str(&format!("{n}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).expect("write");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|c| c.parse().ok());
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.iter().any(|(n, v)| n == "transfer-encoding" && v.contains("chunked")) {
        body = dechunk(&body);
    }
    Reply {
        status: status.expect("status line"),
        headers,
        body: String::from_utf8(body).expect("UTF-8 body"),
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else { return out };
        let size = std::str::from_utf8(&b[..eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok());
        let Some(size) = size.filter(|&n| n > 0) else { return out };
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
}

/// The bundled dispatches and the serve fixtures, indexed once per test process (in
/// cargo's test scratch folder: a `static` is never dropped, so no temporary directory).
pub(crate) fn seed_index() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
        remove_dead_indexes(scratch);
        let dir = scratch.join(format!("serve-index-{}", std::process::id()));
        let index = DepecheIndex::open_or_create(&dir, &Schema::embedded(), true).unwrap();
        let paths = [data_dir().join("dispatches"), data_dir().join("serve")];
        let summary = index_paths(&index, &paths, &opts(), &NoProgress).unwrap();
        assert!(summary.skipped.is_empty(), "{:?}", summary.skipped);
        dir
    })
}

/// Indexes of test processes that are gone.
fn remove_dead_indexes(scratch: &Path) {
    for entry in std::fs::read_dir(scratch).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("serve-index-")
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

pub(crate) fn seed_searcher() -> Searcher {
    Searcher::open(seed_index(), &Schema::embedded()).unwrap()
}

fn opts() -> IndexOptions {
    IndexOptions { threads: 2, memory_budget: 50 << 20, ..IndexOptions::default() }
}

/// `t` as the server writes it (through JSON text: an `f32` score reads back rounded).
macro_rules! as_json {
    ($t:expr) => {
        serde_json::from_str::<Value>(&serde_json::to_string(&$t).unwrap()).unwrap()
    };
}

/// The JSON without the timing, which differs between two runs of one search.
fn untimed(mut v: Value) -> Value {
    v.as_object_mut().unwrap().remove("took_us");
    v
}

fn poll(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn search_answers_what_the_library_answers() {
    let server = Server::seed();
    let searcher = seed_searcher();
    let ts = |s: &str| Some(s.parse().unwrap());
    let cases: Vec<(&str, Request)> = vec![
        ("q=lavrov", Request { facets: true, ..Request::new("lavrov") }),
        (
            "q=otan%20russie&limit=3",
            Request { facets: true, limit: 3, ..Request::new("otan russie") },
        ),
        (
            "person=Lavrov&sort=date",
            Request {
                person: Some("Lavrov".into()),
                sort: Sort::Date,
                facets: true,
                ..Request::default()
            },
        ),
        (
            "q=%22conseil+de+s%C3%A9curit%C3%A9%22&section=Monde&since=2020&until=2020-12&snippets=1",
            Request {
                section: Some("Monde".into()),
                since: ts("2020-01-01T00:00:00Z"),
                until: ts("2021-01-01T00:00:00Z"),
                snippets: 1,
                facets: true,
                ..Request::new("\"conseil de sécurité\"")
            },
        ),
        (
            "q=lavrov+zanzibar+pangolin&mode=any",
            Request { mode: Mode::Any, facets: true, ..Request::new("lavrov zanzibar pangolin") },
        ),
        ("q=lavrov+pangolin&facets=false", Request::new("lavrov pangolin")),
    ];
    for (qs, req) in cases {
        let reply = server.get(&format!("/api/search?{qs}"));
        assert_eq!(reply.status, 200, "{qs}: {}", reply.body);
        assert_eq!(reply.header("content-type"), Some("application/json"));
        let want = as_json!(searcher.search(&req).unwrap());
        assert_eq!(untimed(reply.json()), untimed(want), "{qs}");
    }
    // What the page relies on: highlights, facets, the fallback flag.
    let v = server.get("/api/search?q=lavrov").json();
    assert!(v["total"].as_u64().unwrap() >= 2, "{v}");
    assert!(v["facets"]["persons"]["Sergueï Lavrov"].as_u64().is_some(), "{v}");
    assert_eq!(v["notices"], serde_json::json!([]), "always present, empty here");
    let snippet = &v["hits"][0]["snippets"][0];
    let range = &snippet["highlights"][0];
    let text = snippet["text"].as_str().unwrap();
    // `[start, end]` byte offsets into `text`.
    let (s, e) = (range[0].as_u64().unwrap() as usize, range[1].as_u64().unwrap() as usize);
    assert_eq!(text[s..e].to_lowercase(), "lavrov");
    let v = server.get("/api/search?q=lavrov+pangolin").json();
    assert_eq!((v["mode"].as_str(), v["fallback"].as_bool()), (Some("any"), Some(true)), "{v}");
}

#[test]
fn pages_and_orders() {
    let server = Server::seed();
    let ids = |qs: &str| -> Vec<String> {
        let v = server.get(&format!("/api/search?{qs}")).json();
        v["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_owned()).collect()
    };
    let all = ids("q=otan&limit=6");
    assert!(all.len() >= 4, "{all:?}");
    assert_eq!(ids("q=otan&limit=2"), all[..2]);
    assert_eq!(ids("q=otan&limit=2&offset=2"), all[2..4]);
    let v = server.get("/api/search?sort=date&limit=20").json();
    let dates: Vec<&str> =
        v["hits"].as_array().unwrap().iter().filter_map(|h| h["published"].as_str()).collect();
    assert!(dates.len() >= 10 && dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // No query and no filter lists the whole index, newest first.
    let stats = server.get("/api/stats").json();
    assert_eq!(v["total"], stats["dispatches"]);
}

#[test]
fn dispatches_persons_stats_health() {
    let server = Server::seed();
    let searcher = seed_searcher();
    let reply = server.get("/api/dispatches/serve-xss-0001");
    assert_eq!(reply.status, 200, "{}", reply.body);
    let v = reply.json();
    assert_eq!(v, as_json!(searcher.get("serve-xss-0001").unwrap().unwrap()));
    // All fields, the hostile text kept as it is (the page escapes it).
    assert!(v["dispatch"]["title"].as_str().unwrap().contains("<script>window.__xss"), "{v}");
    assert_eq!(v["dispatch"]["body"].as_array().unwrap().len(), 2);
    for field in ["published", "section", "persons", "source", "format", "fingerprint"] {
        assert!(v["dispatch"].get(field).is_some(), "{field}: {v}");
    }
    assert_eq!(v["kind"], "dispatch");
    // Any id from a search opens.
    let hits = server.get("/api/search?q=stoltenberg").json();
    let id = hits["hits"][0]["id"].as_str().unwrap();
    let v = server.get(&format!("/api/dispatches/{id}")).json();
    assert_eq!(v["dispatch"]["id"], id);

    let persons = server.get("/api/persons?prefix=lav").json();
    let lavrov = persons.as_array().unwrap().iter().find(|p| p["name"] == "Sergueï Lavrov");
    assert!(lavrov.is_some_and(|p| p["dispatches"].as_u64() >= Some(2)), "{persons}");
    assert_eq!(persons, as_json!(searcher.persons(Some("lav"), 10).unwrap()));
    // The server answers prefixes from its own list: the same answers as the library.
    for (qs, prefix, limit) in [
        ("prefix=serguei%20l", Some("serguei l"), 10),
        ("prefix=SERGEI", Some("SERGEI"), 10),
        ("prefix=ma&limit=5", Some("ma"), 5),
        ("prefix=%C3%A9", Some("é"), 10),
        ("prefix=zzz", Some("zzz"), 10),
        ("prefix=-&limit=3", Some("-"), 3),
        ("limit=100", None, 100),
    ] {
        let got = server.get(&format!("/api/persons?{qs}")).json();
        assert_eq!(got, as_json!(searcher.persons(prefix, limit).unwrap()), "{qs}");
    }
    assert_eq!(server.get("/api/persons?limit=2").json().as_array().unwrap().len(), 2);

    let stats = server.get("/api/stats").json();
    let want = searcher.stats().unwrap();
    assert_eq!(stats["dispatches"].as_u64(), Some(want.dispatches));
    assert!(want.dispatches >= 40, "{stats}");
    assert_eq!(server.get("/health").json(), serde_json::json!({"status": "ok"}));
}

#[test]
fn errors_have_one_shape_and_caps_hold() {
    let server = Server::seed();
    let long_q = format!("/api/search?q={}", "a".repeat(1025));
    let long_id = format!("/api/dispatches/{}", "x".repeat(600));
    let cases: &[(&str, u16, &str, &str)] = &[
        ("/api/search?limit=abc", 400, "bad_parameter", "limit"),
        ("/api/search?limit=101", 400, "bad_parameter", "limit: 101 is more than 100"),
        ("/api/search?limit=-3", 400, "bad_parameter", "limit"),
        ("/api/search?offset=10001", 400, "bad_parameter", "offset"),
        ("/api/search?offset=1e9", 400, "bad_parameter", "offset"),
        ("/api/search?snippets=9", 400, "bad_parameter", "snippets"),
        ("/api/search?since=hier", 400, "bad_parameter", "since"),
        ("/api/search?until=2022-02-30", 400, "bad_parameter", "until"),
        ("/api/search?since=2022&until=2021", 400, "invalid_request", "since"),
        ("/api/search?sort=titre", 400, "bad_parameter", "sort"),
        ("/api/search?mode=peut-etre", 400, "bad_parameter", "mode"),
        ("/api/search?facets=peut-etre", 400, "bad_parameter", "facets"),
        ("/api/search?query=otan", 400, "bad_parameter", "unknown parameter \"query\""),
        ("/api/search?q=a&q=b", 400, "bad_parameter", "q: given more than once"),
        (&long_q, 400, "bad_parameter", "q: 1025 bytes"),
        ("/api/persons?prefix=lav&limit=1000", 400, "bad_parameter", "limit"),
        ("/api/persons?q=lav", 400, "bad_parameter", "unknown parameter"),
        (&long_id, 400, "bad_parameter", "id"),
        ("/api/dispatches/%FF%FE", 400, "bad_parameter", "id"),
        ("/api/dispatches/inconnue", 404, "not_found", "inconnue"),
        ("/api/dispatches/a%2Fb", 404, "not_found", "a/b"),
        ("/api/dispatches/", 404, "not_found", "no such endpoint"),
        ("/api/nope", 404, "not_found", "no such endpoint"),
        ("/../../etc/passwd", 404, "not_found", "no such endpoint"),
    ];
    for (path, status, code, message) in cases {
        let reply = server.get(path);
        assert_eq!(reply.error(*status), *code, "{path}: {}", reply.body);
        let got = reply.json()["error"]["message"].as_str().unwrap().to_owned();
        assert!(got.contains(message), "{path}: {got}");
    }
    let reply = request(server.addr, "POST", "/api/search?q=otan", &[("Content-Length", "0")]);
    assert_eq!(reply.error(405), "method_not_allowed");
    let reply = request(server.addr, "DELETE", "/api/dispatches/serve-xss-0001", &[]);
    assert_eq!(reply.error(405), "method_not_allowed");

    // At the caps, and hostile but valid queries: answers, not crashes.
    let at_cap = format!("/api/search?q={}", "a".repeat(1024));
    for path in [
        at_cap.as_str(),
        "/api/search?limit=100&offset=10000",
        "/api/search?q=%00%01%FF%FE((((%22%22%22-OR+OR+AND)))",
        "/api/search?q=title%3A+person%3A+section%3A+-+-+%22",
        "/api/search?q=%E2%80%AE%F0%9F%98%80%CC%81%CC%81%CC%81&person=%00",
        "/api/search?q=*&section=%3Cscript%3E",
        "/api/search?q=&person=&section=&since=&until=&sort=&limit=&offset=",
        "/api/persons?prefix=%FF%00",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        reply.json();
    }
    // A URI too long for the HTTP layer is refused, and the server keeps serving.
    let huge = format!("/api/search?q={}", "a".repeat(200_000));
    assert!((400..500).contains(&server.get(&huge).status));
    assert_eq!(server.get("/health").status, 200);
}

#[test]
fn page_and_assets_are_embedded_and_locked_down() {
    let server = Server::seed();
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(page.body.contains("<html lang=\"fr\">") && page.body.contains("Rechercher"));
    let csp = page.header("content-security-policy").expect("CSP");
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    for (path, kind) in [("/assets/app.js", "text/javascript"), ("/assets/app.css", "text/css")] {
        let r = server.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert!(r.header("content-type").is_some_and(|c| c.starts_with(kind)), "{path}");
        assert!(page.body.contains(path), "the page loads {path}");
    }
    // CORS is off by default…
    let r = request(server.addr, "GET", "/api/stats", &[("Origin", "https://example.org")]);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), None);
    drop(server);
    // …and allows exactly the origin given.
    let opts = Options { cors: Some("https://example.org".into()), ..Options::default() };
    let server = Server::start(IndexHandle::from_searcher(seed_searcher()), opts);
    let r = request(server.addr, "GET", "/api/stats", &[("Origin", "https://example.org")]);
    assert_eq!(r.header("access-control-allow-origin"), Some("https://example.org"));
    let r = request(server.addr, "GET", "/api/stats", &[("Origin", "https://evil.example")]);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), None);
}

#[test]
fn unavailable_until_the_index_exists_then_served() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    let schema = Schema::embedded();
    let retry = Options { retry_every: Duration::from_millis(100), ..Options::default() };
    let server = Server::start(IndexHandle::open(&path, &schema), retry);
    for p in ["/health", "/api/search?q=otan", "/api/stats", "/api/persons", "/api/dispatches/x"] {
        let reply = server.get(p);
        assert_eq!(reply.error(503), "index_unavailable", "{p}");
        assert!(reply.body.contains("no depeche index"), "{p}: {}", reply.body);
    }
    // Bad parameters are still a 400, whatever the index.
    assert_eq!(server.get("/api/search?limit=x").error(400), "bad_parameter");
    // The page itself is served, and says the index is not ready.
    assert_eq!(server.get("/").status, 200);

    let index = DepecheIndex::open_or_create(&path, &schema, false).unwrap();
    index_paths(&index, &[data_dir().join("serve")], &opts(), &NoProgress).unwrap();
    // It may open between two commits of that run: the reader then catches up by itself.
    poll("the server opens the new index", Duration::from_secs(10), || {
        let r = server.get("/api/search?q=zanzibar");
        r.status == 200 && r.json()["total"] == 1
    });
    assert_eq!(server.get("/health").status, 200);
}

#[test]
fn a_commit_while_serving_shows_up_without_restart() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::copy(data_dir().join("serve/xss.jsonl"), src.join("xss.jsonl")).unwrap();
    let path = dir.path().join("idx");
    let schema = Schema::embedded();
    let index = DepecheIndex::open_or_create(&path, &schema, false).unwrap();
    index_paths(&index, std::slice::from_ref(&src), &opts(), &NoProgress).unwrap();
    let server = Server::start(IndexHandle::open(&path, &schema), Options::default());
    let total = |q: &str| server.get(&format!("/api/search?q={q}")).json()["total"].as_u64();
    assert_eq!((total("zanzibar"), total("pangolins")), (Some(1), Some(0)));

    let late = serde_json::json!({
        "id": "serve-late-0001",
        "title": "Les pangolins de Tombouctou recensés",
        "body": "Un recensement des pangolins a été mené à Tombouctou cette semaine.",
        "date": "2022-03-02T10:00:00Z",
        "author": "AFP",
    });
    std::fs::write(src.join("late.jsonl"), format!("{late}\n")).unwrap();
    let summary = index_paths(&index, &[src], &opts(), &NoProgress).unwrap();
    assert_eq!(summary.indexed, 1);
    poll("the new dispatch is searchable", Duration::from_secs(10), || {
        total("pangolins") == Some(1)
    });
    assert_eq!(server.get("/api/dispatches/serve-late-0001").status, 200);
    assert_eq!(total("zanzibar"), Some(1));
}

#[test]
fn slow_clients_are_cut_off_and_slow_requests_time_out() {
    let opts = Options { header_timeout: Duration::from_millis(300), ..Options::default() };
    let server = Server::start(IndexHandle::from_searcher(seed_searcher()), opts);
    // Half a request line, then nothing: the server closes the connection.
    let mut s = TcpStream::connect(server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(b"GET /api/search?q=otan HTTP/1.1\r\nHost: x\r\n").unwrap();
    let started = Instant::now();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    assert!(started.elapsed() < Duration::from_secs(4), "the connection stayed open");
    drop(server);

    // A request that cannot finish in time gets a JSON 503, and the server goes on.
    let opts = Options { request_timeout: Duration::from_nanos(1), ..Options::default() };
    let server = Server::start(IndexHandle::from_searcher(seed_searcher()), opts);
    let timed_out = (0..10).any(|_| {
        let r = server.get("/api/search?q=otan+russie");
        r.status == 503 && r.error(503) == "timeout"
    });
    assert!(timed_out, "no request timed out");
    assert_eq!(server.get("/health").status, 200);
}

#[test]
fn concurrent_clients_all_get_answers() {
    let server = Server::seed();
    let queries = ["otan", "lavrov", "ukraine", "macron", "conseil", "zanzibar", "russie", "paris"];
    std::thread::scope(|scope| {
        for client in 0..16 {
            let server = &server;
            scope.spawn(move || {
                for i in 0..8 {
                    let q = queries[(client + i) % queries.len()];
                    let r = server.get(&format!("/api/search?q={q}&limit=5"));
                    assert_eq!(r.status, 200, "{q}: {}", r.body);
                }
            });
        }
    });
}
