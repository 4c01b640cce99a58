//! Load check of `depeche serve`: starts the server on `127.0.0.1:0` over an index, reads a
//! query mix from the index itself (title words, persons, ids), runs N keep-alive clients for
//! a fixed time, and reports requests/s, latency percentiles, errors and the server's peak
//! RSS (`VmHWM`). Loopback only, bounded in time; the server is stopped at the end.
//!
//! ```sh
//! cargo build --release -p depeche-cli --example load -p depeche-server
//! target/release/examples/load --bin target/release/depeche --index /tmp/dev-index \
//!     --clients 16 --seconds 60
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

struct Args {
    bin: String,
    index: String,
    clients: usize,
    seconds: u64,
    /// Append `facets=false` to searches (the API computes facets by default).
    no_facets: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        bin: String::new(),
        index: String::new(),
        clients: 16,
        seconds: 60,
        no_facets: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--bin" => args.bin = value()?,
            "--index" => args.index = value()?,
            "--clients" => args.clients = value()?.parse().map_err(|_| "--clients: a number")?,
            "--seconds" => args.seconds = value()?.parse().map_err(|_| "--seconds: a number")?,
            "--no-facets" => args.no_facets = true,
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    if args.bin.is_empty() || args.index.is_empty() {
        return Err(
            "usage: load --bin DEPECHE --index DIR [--clients 16] [--seconds 60] [--no-facets]"
                .into(),
        );
    }
    if !(1..=256).contains(&args.clients) || !(1..=600).contains(&args.seconds) {
        return Err("--clients 1..=256, --seconds 1..=600".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("load: {e}");
            return ExitCode::from(2);
        }
    };
    let mut server = match Server::start(&args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("load: {e}");
            return ExitCode::from(2);
        }
    };
    let result = run(&args, &server);
    let (hwm, rss) = (server.status("VmHWM"), server.status("VmRSS"));
    server.stop();
    match result {
        Ok(report) => {
            println!("{report}");
            println!("server peak RSS (VmHWM) {hwm}, RSS at the end {rss}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("load: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args, server: &Server) -> Result<String, String> {
    let addr = server.addr;
    let mut probe = Client::new(addr);
    let mix = Mix::read(&mut probe)?;
    eprintln!(
        "load: {} words, {} persons, {} ids; {} clients for {} s on http://{addr}",
        mix.words.len(),
        mix.persons.len(),
        mix.ids.len(),
        args.clients,
        args.seconds
    );
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let per_client: Vec<(Vec<u32>, u64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..args.clients)
            .map(|c| {
                let mix = &mix;
                scope.spawn(move || {
                    let mut client = Client::new(addr);
                    let mut rng = 0x9E37_79B9_7F4A_7C15u64 ^ ((c as u64 + 1) << 32);
                    let mut latencies = Vec::new();
                    let mut errors = 0u64;
                    while Instant::now() < deadline {
                        let mut path = mix.pick(&mut rng);
                        if args.no_facets && path.starts_with("/api/search") {
                            path.push_str("&facets=false");
                        }
                        let t = Instant::now();
                        match client.get(&path) {
                            Ok((200, _)) => latencies.push(t.elapsed().as_micros() as u32),
                            Ok((status, body)) => {
                                errors += 1;
                                eprintln!("load: {status} for {path}: {}", trim(&body));
                            }
                            Err(e) => {
                                errors += 1;
                                eprintln!("load: {path}: {e}");
                                client = Client::new(addr);
                            }
                        }
                    }
                    (latencies, errors)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let errors: u64 = per_client.iter().map(|(_, e)| e).sum();
    let mut all: Vec<u32> = per_client.into_iter().flat_map(|(l, _)| l).collect();
    all.sort_unstable();
    if all.is_empty() {
        return Err(format!("no successful request ({errors} errors)"));
    }
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)] as f64 / 1000.0;
    Ok(format!(
        "{} requests in {elapsed:.1} s: {:.0} requests/s, {errors} errors; latency ms p50 {:.1}, \
         p90 {:.1}, p99 {:.1}, max {:.1}",
        all.len() as u64 + errors,
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.90),
        pct(0.99),
        all[all.len() - 1] as f64 / 1000.0,
    ))
}

fn trim(s: &str) -> &str {
    let end = s.char_indices().nth(200).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// What the clients ask: drawn from the index through the API.
struct Mix {
    words: Vec<String>,
    persons: Vec<String>,
    ids: Vec<String>,
}

impl Mix {
    fn read(client: &mut Client) -> Result<Mix, String> {
        let json = |client: &mut Client, path: &str| -> Result<Value, String> {
            let (status, body) = client.get(path).map_err(|e| format!("{path}: {e}"))?;
            if status != 200 {
                return Err(format!("{path}: {status} {}", trim(&body)));
            }
            serde_json::from_str(&body).map_err(|e| format!("{path}: {e}"))
        };
        let persons: Vec<String> = json(client, "/api/persons?limit=100")?
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["name"].as_str().map(str::to_owned))
            .collect();
        let latest = json(client, "/api/search?sort=date&limit=100&snippets=0&facets=false")?;
        let hits = latest["hits"].as_array().cloned().unwrap_or_default();
        let ids: Vec<String> =
            hits.iter().filter_map(|h| h["id"].as_str().map(str::to_owned)).collect();
        let mut words: Vec<String> = hits
            .iter()
            .filter_map(|h| h["title"].as_str())
            .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
            .filter(|w| w.chars().count() >= 5)
            .map(str::to_lowercase)
            .collect();
        words.sort();
        words.dedup();
        if words.len() < 10 || persons.is_empty() || ids.is_empty() {
            return Err("the index is too small for a query mix".into());
        }
        Ok(Mix { words, persons, ids })
    }

    /// One request path: mostly word searches, some person filters, some dispatch views.
    fn pick(&self, rng: &mut u64) -> String {
        let mut next = |n: usize| {
            // xorshift64: deterministic per client, no dependency.
            *rng ^= *rng << 13;
            *rng ^= *rng >> 7;
            *rng ^= *rng << 17;
            (*rng % n as u64) as usize
        };
        let word = |i: usize| enc(&self.words[i]);
        match next(100) {
            0..40 => format!("/api/search?q={}", word(next(self.words.len()))),
            40..65 => format!(
                "/api/search?q={}+{}",
                word(next(self.words.len())),
                word(next(self.words.len()))
            ),
            65..80 => format!(
                "/api/search?person={}&sort=date",
                enc(&self.persons[next(self.persons.len())])
            ),
            80..90 => format!(
                "/api/search?q={}&person={}",
                word(next(self.words.len())),
                enc(&self.persons[next(self.persons.len())])
            ),
            90..95 => {
                let prefix: String = self.words[next(self.words.len())].chars().take(2).collect();
                format!("/api/persons?prefix={}", enc(&prefix))
            }
            _ => format!("/api/dispatches/{}", enc(&self.ids[next(self.ids.len())])),
        }
    }
}

/// Percent-encodes everything but unreserved characters.
fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One keep-alive HTTP/1.1 connection.
struct Client {
    addr: SocketAddr,
    conn: Option<BufReader<TcpStream>>,
}

impl Client {
    fn new(addr: SocketAddr) -> Client {
        Client { addr, conn: None }
    }

    fn get(&mut self, path: &str) -> std::io::Result<(u16, String)> {
        if self.conn.is_none() {
            let s = TcpStream::connect(self.addr)?;
            s.set_nodelay(true)?;
            s.set_read_timeout(Some(Duration::from_secs(30)))?;
            self.conn = Some(BufReader::new(s));
        }
        let result = self.exchange(path);
        if result.is_err() {
            self.conn = None;
        }
        result
    }

    fn exchange(&mut self, path: &str) -> std::io::Result<(u16, String)> {
        let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_owned());
        let conn = self.conn.as_mut().expect("connected");
        write!(conn.get_mut(), "GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.addr)?;
        let mut line = String::new();
        conn.read_line(&mut line)?;
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("status line"))?;
        let (mut length, mut chunked, mut close) = (None, false, false);
        loop {
            line.clear();
            if conn.read_line(&mut line)? == 0 {
                return Err(bad("closed in headers"));
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((name, value)) = l.split_once(':') {
                let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
                match name.as_str() {
                    "content-length" => length = value.parse::<usize>().ok(),
                    "transfer-encoding" => chunked = value.contains("chunked"),
                    "connection" => close = value.eq_ignore_ascii_case("close"),
                    _ => {}
                }
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                line.clear();
                conn.read_line(&mut line)?;
                let size = usize::from_str_radix(line.trim(), 16).map_err(|_| bad("chunk size"))?;
                let mut chunk = vec![0; size + 2];
                conn.read_exact(&mut chunk)?;
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        } else if let Some(n) = length {
            body.resize(n, 0);
            conn.read_exact(&mut body)?;
        } else {
            conn.read_to_end(&mut body)?;
            close = true;
        }
        if close {
            self.conn = None;
        }
        Ok((status, String::from_utf8_lossy(&body).into_owned()))
    }
}

/// The `depeche serve` process under test.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(args: &Args) -> Result<Server, String> {
        let mut child = Command::new(&args.bin)
            .args(["serve", "--index", &args.index, "--addr", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", args.bin))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let mut lines = BufReader::new(stderr).lines();
        // "depeche: serving DIR on http://127.0.0.1:PORT/"
        let addr = loop {
            let Some(Ok(line)) = lines.next() else {
                let _ = child.kill();
                return Err("the server exited before listening".into());
            };
            eprintln!("{line}");
            if let Some(rest) = line.split("http://").nth(1)
                && let Ok(addr) = rest.trim_end_matches('/').parse::<SocketAddr>()
            {
                break addr;
            }
        };
        // Keep draining its messages so it never blocks on a full pipe.
        std::thread::spawn(move || lines.map_while(Result::ok).for_each(|l| eprintln!("{l}")));
        let server = Server { child, addr };
        let start = Instant::now();
        let mut probe = Client::new(addr);
        while !matches!(probe.get("/health"), Ok((200, _))) {
            if start.elapsed() > Duration::from_secs(30) {
                return Err("the server did not become healthy".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(server)
    }

    /// A line of `/proc/<pid>/status` (`VmHWM`, `VmRSS`).
    fn status(&self, key: &str) -> String {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(key))
                    .map(|l| l[key.len() + 1..].split_whitespace().collect::<Vec<_>>().join(" "))
            })
            .unwrap_or_else(|| "unknown".into())
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
