//! The search page in headless Chromium, driven over the DevTools protocol: type a query, see
//! highlighted results, filter by person, open a dispatch with the keyboard, check that a
//! hostile dispatch stays text, and that the page fits a phone. Screenshots go to
//! `target/browser/`. Skips (with a message) when no Chromium is installed; `.ci/run`
//! installs Debian's `chromium`.

use std::io::ErrorKind;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

use crate::serve::Server;

/// `$DEPECHE_CHROMIUM`, else the first Chromium-like browser on the `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DEPECHE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .find_map(|name| std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file()))
}

/// One headless Chromium and one page in it.
struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
    _profile: tempfile::TempDir,
}

const DEADLINE: Duration = Duration::from_secs(10);

impl Browser {
    fn launch(bin: &Path) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--mute-audio",
                "--window-size=1280,1000",
                "--remote-debugging-port=0",
                "--lang=fr-FR",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        // Chromium writes the port it picked, and the browser's endpoint, into the profile.
        let port_file = profile.path().join("DevToolsActivePort");
        let start = Instant::now();
        let (port, endpoint) = loop {
            if let Ok(text) = std::fs::read_to_string(&port_file)
                && let Some((port, endpoint)) = text.split_once('\n')
                && !endpoint.trim().is_empty()
            {
                break (port.trim().to_owned(), endpoint.trim().to_owned());
            }
            assert!(start.elapsed() < Duration::from_secs(30), "Chromium did not start");
            std::thread::sleep(Duration::from_millis(50));
        };
        let stream = TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
        stream.set_read_timeout(Some(DEADLINE)).unwrap();
        let (ws, _) = tungstenite::client(format!("ws://127.0.0.1:{port}{endpoint}"), stream)
            .expect("DevTools websocket");
        let mut b = Browser { child, ws, session: String::new(), next_id: 0, _profile: profile };
        let target = b.call("Target.createTarget", json!({"url": "about:blank"}));
        let target = target["targetId"].as_str().unwrap().to_owned();
        let attached =
            b.call("Target.attachToTarget", json!({"targetId": target, "flatten": true}));
        b.session = attached["sessionId"].as_str().unwrap().to_owned();
        b.call("Page.enable", json!({}));
        // Focus and keyboard events behave as in a focused window, headless or not.
        b.call("Emulation.setFocusEmulationEnabled", json!({"enabled": true}));
        b
    }

    /// Sends a command (to the page once attached) and waits for its answer; events that
    /// arrive meanwhile are dropped.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            msg["sessionId"] = json!(self.session);
        }
        self.ws.send(Message::text(msg.to_string())).expect("send to Chromium");
        loop {
            let text = match self.ws.read() {
                Ok(Message::Text(t)) => t,
                Ok(_) => continue,
                Err(tungstenite::Error::Io(e))
                    if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
                {
                    panic!("{method}: no answer from Chromium")
                }
                Err(e) => panic!("{method}: {e}"),
            };
            let v: Value = serde_json::from_str(text.as_str()).unwrap();
            if v["id"] == json!(id) {
                assert!(v.get("error").is_none(), "{method}: {}", v["error"]);
                return v["result"].clone();
            }
        }
    }

    /// Evaluates JavaScript in the page and returns its value.
    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expr}: {}", r["exceptionDetails"]);
        r["result"]["value"].clone()
    }

    /// Waits until `expr` is truthy; on failure, saves a screenshot and says what it waited for.
    fn wait(&mut self, what: &str, expr: &str) -> Value {
        let start = Instant::now();
        loop {
            let v = self.eval(expr);
            if !(v.is_null() || v == json!(false) || v == json!(0) || v == json!("")) {
                return v;
            }
            if start.elapsed() > DEADLINE {
                let shot = self.screenshot("failure");
                let html = self.eval("document.body.innerText.slice(0, 2000)");
                panic!(
                    "waited {DEADLINE:?} for {what} ({expr}); page: {html}; see {}",
                    shot.display()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn goto(&mut self, url: &str) {
        self.call("Page.navigate", json!({"url": url}));
        self.wait("the page to load", "document.readyState === 'complete' && !!window.fetch");
    }

    /// Types like a person: focus, select what is there, insert the text.
    fn type_into(&mut self, selector: &str, text: &str) {
        self.eval(&format!(
            "(e => {{ e.focus(); e.select(); }})(document.querySelector({selector:?}))"
        ));
        self.call("Input.insertText", json!({"text": text}));
    }

    fn press(&mut self, key: &str, code: u32) {
        let text = if key == "Enter" { "\r" } else { "" };
        for kind in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code,
                       "nativeVirtualKeyCode": code, "text": if kind == "keyDown" { text } else { "" }}),
            );
        }
    }

    fn screenshot(&mut self, name: &str) -> PathBuf {
        let r = self.call("Page.captureScreenshot", json!({"format": "png"}));
        let dir = target_dir().join("browser");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, base64_decode(r["data"].as_str().unwrap())).unwrap();
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.session.clear();
        // Ask politely (closes every process of the browser), then make sure.
        self.next_id += 1;
        let close = json!({"id": self.next_id, "method": "Browser.close"});
        let _ = self.ws.send(Message::text(close.to_string()));
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("target"))
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = s.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n =
            chunk.iter().enumerate().fold(0u32, |n, (i, &c)| n | (val(c) as u32) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// Ids of the hits the page shows, in order.
const SHOWN_IDS: &str = "[...document.querySelectorAll('#resultats h2 a')]
    .map(a => new URL(a.href).searchParams.get('id'))";

#[test]
fn search_page_in_headless_chromium() {
    let Some(bin) = chromium() else {
        eprintln!(
            "skipped: no Chromium found (install Debian's `chromium`, or set DEPECHE_CHROMIUM)"
        );
        return;
    };
    let started = Instant::now();
    let server = Server::seed();
    let mut b = Browser::launch(&bin);

    // The landing page lists the newest dispatches, in French.
    b.goto(&server.url("/"));
    b.wait("the newest dispatches", "document.querySelectorAll('#resultats li').length === 10");
    assert_eq!(b.eval("document.documentElement.lang"), json!("fr"));
    assert_eq!(b.eval("document.activeElement.id"), json!("q"), "the search box has the focus");

    // Type a query and press Enter: highlighted results, the count and the time.
    b.type_into("#q", "otan russie");
    b.press("Enter", 13);
    b.wait("the query in the URL", "location.search === '?q=otan+russie'");
    b.wait("highlights", "document.querySelectorAll('#resultats mark').length > 2");
    let marks = b.eval(
        "[...document.querySelectorAll('#resultats mark')].map(m => m.textContent.toLowerCase())",
    );
    assert!(
        marks.as_array().unwrap().iter().all(|m| m == "otan" || m == "russie"),
        "highlights must be the query words: {marks}"
    );
    let status = b.eval("document.getElementById('etat').textContent");
    let api = server.get("/api/search?q=otan+russie").json();
    let total = api["total"].as_u64().unwrap();
    assert!(status.as_str().unwrap().starts_with(&format!("{total} dépêche")), "{status}");
    assert!(status.as_str().unwrap().ends_with(" ms"), "{status}");
    let ids: Vec<Value> = api["hits"].as_array().unwrap().iter().map(|h| h["id"].clone()).collect();
    assert_eq!(b.eval(SHOWN_IDS), json!(ids));
    b.screenshot("search");

    // Filter by person: suggestions come from /api/persons as one types.
    b.eval("document.getElementById('filtres').open = true");
    b.type_into("#person", "Lavr");
    b.wait(
        "person suggestions",
        "[...document.querySelectorAll('#personnes option')].some(o => o.value === 'Sergueï Lavrov')",
    );
    b.type_into("#person", "Sergueï Lavrov");
    b.eval("document.querySelector('#recherche button[type=submit]').click()");
    b.wait("the person filter in the URL", "location.search.includes('person=')");
    let api = server.get("/api/search?q=otan+russie&person=Sergue%C3%AF+Lavrov").json();
    let want: Vec<Value> =
        api["hits"].as_array().unwrap().iter().map(|h| h["id"].clone()).collect();
    assert!(!want.is_empty() && want != ids, "{api}");
    b.wait(
        "the filtered results",
        &format!("JSON.stringify({SHOWN_IDS}) === {:?}", json!(want).to_string()),
    );
    // Few dispatches have all three: the page says it fell back to "some of the words".
    assert_eq!(api["fallback"], json!(true));
    let notice = b.eval("document.querySelector('#avis li.repli')?.textContent");
    assert!(
        notice.as_str().is_some_and(|n| n.starts_with("Aucune dépêche ne contient tous les mots")),
        "{notice}"
    );

    // Open the first dispatch with the keyboard, read it, go back with Escape.
    let title = b.eval("document.querySelector('#resultats h2 a').textContent");
    b.eval("document.querySelector('#resultats h2 a').focus()");
    b.press("Enter", 13);
    b.wait("the dispatch view", "!document.getElementById('vue-depeche').hidden && !!document.querySelector('#vue-depeche h1')");
    assert_eq!(b.eval("document.querySelector('#vue-depeche h1').textContent"), title);
    assert_eq!(b.eval("document.activeElement.tagName"), json!("H1"));
    let paragraphs = b.eval("document.querySelectorAll('#vue-depeche > p').length");
    assert!(paragraphs.as_u64().unwrap() >= 3, "{paragraphs}");
    b.wait(
        "Sergueï Lavrov in the fields",
        "document.querySelector('#vue-depeche .champs').textContent.includes('Sergueï Lavrov')",
    );
    b.press("Escape", 27);
    b.wait(
        "the results again",
        "!document.getElementById('vue-resultats').hidden && location.search.includes('person=')",
    );

    // A dispatch full of markup stays text, in the results and in its own view.
    b.goto(&server.url("/?q=zanzibar"));
    b.wait("the hostile dispatch", "document.querySelectorAll('#resultats li').length === 1");
    let title = b.eval("document.querySelector('#resultats h2').textContent");
    assert!(title.as_str().unwrap().contains("<script>window.__xss = 'title'</script>"), "{title}");
    b.wait("its highlights", "document.querySelectorAll('#resultats mark').length > 0");
    b.eval("document.querySelector('#resultats h2 a').click()");
    b.wait(
        "its view",
        "document.querySelector('#vue-depeche h1')?.textContent.includes('<script>')",
    );
    let body = b.eval("document.getElementById('vue-depeche').textContent");
    for text in
        ["<img src=x onerror=", "<a href=\"javascript:", "<b>sans fin</b>", "<i onmouseover="]
    {
        assert!(body.as_str().unwrap().contains(text), "{text} shown as text");
    }
    let inert = b.eval(
        "window.__xss === undefined
         && document.querySelectorAll('main script, main img, main b, main i, [onerror], [onmouseover]').length === 0
         && ![...document.querySelectorAll('a')].some(a => a.href.startsWith('javascript:'))",
    );
    assert_eq!(inert, json!(true), "the hostile markup must stay inert");
    b.screenshot("xss-dispatch");

    // Phone width: nothing wider than the screen.
    b.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true}),
    );
    b.goto(&server.url("/?q=otan"));
    b.wait("results on a phone", "document.querySelectorAll('#resultats mark').length > 0");
    let fits = b.eval("document.documentElement.scrollWidth <= window.innerWidth");
    assert_eq!(fits, json!(true), "the page is wider than a phone");
    b.screenshot("phone");

    drop(b);
    drop(server);
    eprintln!("browser test: {:.1} s", started.elapsed().as_secs_f64());
}
