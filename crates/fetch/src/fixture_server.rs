//! A fixture HTTP server on 127.0.0.1 for tests: invented pages, redirects (and a loop), gzip,
//! wrong and missing charsets, 404 and 500, slow and stalled answers, an endless body, a binary,
//! a consent wall and a page whose text changes between fetches. It listens on a free port, serves
//! each connection on a thread of its own, and stops when dropped. Nothing here reaches any other
//! host.
//!
//! Also run as a program by the end-to-end tests: `fixture_server` prints its base address.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// An invented article page, with `title` and `paragraphs`.
pub fn article_page(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta property=\"og:site_name\" content=\"The Harbour Wire\"></head>\
         <body><article><h1>{title}</h1>\n{body}</article></body></html>"
    )
}

/// The paragraphs of the fixture article at `/article`.
pub const ARTICLE_PARAGRAPHS: &[&str] = &[
    "The Eastbrook harbour council approved the new night ferry line on Tuesday after a debate that ran past midnight.",
    "Councillor Mara Fenwick said the line would carry about 1,200 passengers a night once it opens in May.",
    "Opponents warned that the fares, set at 4.50 crowns, would be too high for the shift workers the line is meant to serve.",
    "The harbour master, Tomas Reyel, said two boats would run every forty minutes between the pier and the island.",
];

/// A running fixture server; stops when dropped.
pub struct FixtureServer {
    base: String,
    stop: Arc<AtomicBool>,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl std::fmt::Debug for FixtureServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FixtureServer")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl FixtureServer {
    /// Starts a server on a free port of 127.0.0.1.
    pub fn start() -> std::io::Result<FixtureServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let base = format!("http://{}", listener.local_addr()?);
        let stop = Arc::new(AtomicBool::new(false));
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let (stop_flag, hit_counts) = (Arc::clone(&stop), Arc::clone(&hits));
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stop_flag.load(Ordering::Acquire) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (stop_flag, hit_counts) = (Arc::clone(&stop_flag), Arc::clone(&hit_counts));
                thread::spawn(move || serve(stream, &hit_counts, &stop_flag));
            }
        });
        Ok(FixtureServer { base, stop, hits })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The full address of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// How many requests `path` has had.
    pub fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .map(|h| h.get(path).copied().unwrap_or(0))
            .unwrap_or(0)
    }

    /// Blocks until the process is killed (for the end-to-end tests' server process).
    pub fn serve_forever(&self) {
        while !self.stop.load(Ordering::Acquire) {
            thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for FixtureServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

/// One answer: status line, headers, body.
struct Answer {
    status: &'static str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn new(status: &'static str, content_type: &str, body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    fn html(body: impl Into<Vec<u8>>) -> Answer {
        Answer::new("200 OK", "text/html; charset=utf-8", body)
    }

    fn redirect(to: &str) -> Answer {
        let mut answer = Answer::new("302 Found", "text/plain", "moved");
        answer.headers.push(("Location".into(), to.into()));
        answer
    }
}

fn serve(mut stream: TcpStream, hits: &Mutex<HashMap<String, usize>>, stop: &AtomicBool) {
    let Ok(reader_stream) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(reader_stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => {}
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    let hit = {
        let mut hits = hits.lock().unwrap_or_else(|e| e.into_inner());
        let count = hits.entry(path.clone()).or_insert(0);
        *count += 1;
        *count
    };
    match path.as_str() {
        "/slow" => {
            // Headers only after a long wait.
            sleep_unless_stopped(Duration::from_secs(30), stop);
            let _ = write_answer(&mut stream, &Answer::html(article_page("Slow", &["Late."])));
        }
        "/stall" => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n<html><body><p>The start of a page that never ends";
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.flush();
            sleep_unless_stopped(Duration::from_secs(30), stop);
        }
        "/endless" => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>";
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            let chunk = "<p>More and more and more text that never stops.</p>\n".repeat(1000);
            while !stop.load(Ordering::Acquire) {
                if stream.write_all(chunk.as_bytes()).is_err() {
                    return;
                }
            }
        }
        _ => {
            let answer = route(&path, hit);
            let _ = write_answer(&mut stream, &answer);
        }
    }
}

fn sleep_unless_stopped(total: Duration, stop: &AtomicBool) {
    let step = Duration::from_millis(100);
    let mut slept = Duration::ZERO;
    while slept < total && !stop.load(Ordering::Acquire) {
        thread::sleep(step);
        slept += step;
    }
}

fn route(path: &str, hit: usize) -> Answer {
    let article = || article_page("Night ferry line approved", ARTICLE_PARAGRAPHS);
    match path {
        "/article" | "/article?utm_source=feed" => Answer::html(article()),
        "/plain" => Answer::new(
            "200 OK",
            "text/plain; charset=utf-8",
            "Ferry fares set\n\nThe harbour council set the night ferry fare at 4.50 crowns on Wednesday, after a vote of seven to two.\n\nThe first boat sails in May.",
        ),
        "/gzip" => {
            let mut answer = Answer::html(gzip(article().as_bytes()));
            answer
                .headers
                .push(("Content-Encoding".into(), "gzip".into()));
            answer
        }
        "/latin1-header" => {
            // The header says windows-1252; the page's own meta tag wrongly says UTF-8.
            let page = article_page(
                "Café owners back the ferry",
                &["The café owners of Eastbrook said the night ferry would bring customers to the pier after ten o’clock, and that they would stay open later."],
            );
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
            Answer::new("200 OK", "text/html; charset=windows-1252", bytes.into_owned())
        }
        "/latin1-undeclared" => {
            let page = article_page(
                "Café owners back the ferry",
                &["The café owners of Eastbrook said the night ferry would bring customers to the pier after ten o’clock, and that they would stay open later."],
            )
            .replace("<meta charset=\"utf-8\">", "");
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
            Answer::new("200 OK", "text/html", bytes.into_owned())
        }
        "/moved" => Answer::redirect("/redirect/2"),
        "/redirect/0" => Answer::redirect("/article"),
        "/loop-a" => Answer::redirect("/loop-b"),
        "/loop-b" => Answer::redirect("/loop-a"),
        "/to-ftp" => Answer::redirect("ftp://127.0.0.1/file"),
        "/missing" => Answer::new("404 Not Found", "text/html", "<h1>Not found</h1>"),
        "/broken" => Answer::new("500 Internal Server Error", "text/html", "<h1>Oops</h1>"),
        "/image" => Answer::new("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        "/huge" => {
            let mut answer = Answer::html("tiny");
            answer
                .headers
                .push(("X-Declared-Length".into(), "1".into()));
            answer
        }
        "/consent" => Answer::html(article_page(
            "Before you continue",
            &[
                "We use cookies and data to deliver and maintain our services and to measure audience engagement.",
                "If you choose to accept all, we will also use cookies for personalised advertising. Select reject all to decline. Manage your cookie preferences or accept all cookies to continue.",
            ],
        )),
        "/paywall" => Answer::html(article_page(
            "Subscribe to continue reading",
            &["This article is for subscribers only. Subscribe now to keep reading, or log in if you already have an account."],
        )),
        "/changing" => {
            let mut paragraphs: Vec<&str> = ARTICLE_PARAGRAPHS.to_vec();
            if hit >= 2 {
                paragraphs.push("Update: the council later said the first boat would sail in June, not May, because the new pier is not finished.");
            }
            let mut page = article_page("Night ferry line approved", &paragraphs);
            page = page.replace(
                "</head>",
                "<link rel=\"canonical\" href=\"https://harbourwire.example/ferry-line\"></head>",
            );
            Answer::html(page)
        }
        other => {
            if let Some(n) = other
                .strip_prefix("/redirect/")
                .and_then(|n| n.parse::<usize>().ok())
            {
                return Answer::redirect(&format!("/redirect/{}", n - 1));
            }
            Answer::new("404 Not Found", "text/html", "<h1>Not found</h1>")
        }
    }
}

fn write_answer(stream: &mut TcpStream, answer: &Answer) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {}\r\n", answer.status);
    for (name, value) in &answer.headers {
        if name == "X-Declared-Length" {
            // A body declared far larger than the cap, to be refused before it is read.
            head.push_str("Content-Length: 1000000000000\r\n");
            continue;
        }
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let declares_length = answer.headers.iter().any(|(n, _)| n == "X-Declared-Length");
    if !declares_length {
        head.push_str(&format!("Content-Length: {}\r\n", answer.body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    if !declares_length {
        stream.write_all(&answer.body)?;
    }
    stream.flush()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}
