//! The servers the browser talks to, all on 127.0.0.1, started once per test process:
//!
//! - the showcase API **in-process** (`Showcase::new()?.app()`), wrapped in an outer recording
//!   middleware so the suite can count preflights and see which requests carried a cookie (in-process
//!   rather than the real binary because the recorder has to sit outside the CORS layer); served
//!   twice: plain HTTP (reached as `http://localhost:PORT` and `http://127.0.0.1:PORT`) and HTTPS
//!   (reached as `https://api.example.com`);
//! - the page server, HTTP and HTTPS, which serves every test origin's page and collects reports;
//! - the showcase's own demo frontend (`frontend::configure`), for the demo-page test.
//!
//! The HTTPS listeners use a self-signed certificate made at start-up (Chromium runs with
//! `--ignore-certificate-errors`).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{mpsc, Arc, Condvar, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{from_fn, Next};
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use cors_examples::showcase::{frontend, Showcase};

/// Host names the certificate covers (Chromium ignores certificate errors anyway; a matching SAN
/// keeps the TLS handshake ordinary).
const CERT_NAMES: &[&str] = &[
    "api.example.com",
    "example.com",
    "*.example.com",
    "example.org",
    "*.example.org",
    "*.shop.example.org",
    "evilexample.org",
    "*.example.org.evil.net",
];

/// Where everything listens.
pub struct Servers {
    /// The showcase over plain HTTP.
    pub api_http: SocketAddr,
    /// The showcase over HTTPS (`https://api.example.com`).
    pub api_tls: SocketAddr,
    /// Test pages over plain HTTP (`http://localhost:3000`, `http://shop.example.org`, ...).
    pub pages_http: SocketAddr,
    /// Test pages over HTTPS (`https://app.example.com`, ...).
    pub pages_tls: SocketAddr,
    /// The showcase's demo frontend, whose page calls the API at `http://127.0.0.1:<api_http port>`.
    pub demo: SocketAddr,
}

/// The servers, started on first use and kept for the life of the test process.
pub fn servers() -> &'static Servers {
    static SERVERS: OnceLock<Servers> = OnceLock::new();
    SERVERS.get_or_init(start)
}

fn start() -> Servers {
    on_own_system(serve)
}

/// For the committed screenshot only: the showcase as its binary runs by default, the API on
/// `127.0.0.1:8080` (fails if that port is taken), and its demo frontend on a free port (Chromium
/// maps `localhost:3000` to it). Returns the frontend's address.
pub fn default_port_demo() -> SocketAddr {
    on_own_system(|| async {
        let showcase = Showcase::new().map_err(|e| std::io::Error::other(e.to_string()))?;
        let api = HttpServer::new(move || showcase.app())
            .workers(1)
            .disable_signals()
            .bind("127.0.0.1:8080")
            .map_err(|e| std::io::Error::other(format!("127.0.0.1:8080 (stop the showcase if it runs): {e}")))?;
        let (addr, demo) = demo_frontend("http://127.0.0.1:8080".to_owned())?;
        Ok((addr, vec![api.run(), demo]))
    })
}

/// Starts servers on a thread of their own with its own actix system, which lives as long as the
/// test process; returns what `make` reports once every listener is bound.
fn on_own_system<T, F, Fut>(make: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = std::io::Result<(T, Vec<actix_web::dev::Server>)>>,
{
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("browser-suite-servers".into())
        .spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                match make().await {
                    Ok((ready, running)) => {
                        let _ = tx.send(Ok(ready));
                        for server in running {
                            actix_web::rt::spawn(server);
                        }
                        std::future::pending::<()>().await;
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e.to_string()));
                    }
                }
            })
        })
        .expect("spawn a server thread");
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(Ok(ready)) => ready,
        Ok(Err(e)) => panic!("starting the servers failed: {e}"),
        Err(e) => panic!("the servers did not start within 30 s: {e}"),
    }
}

/// The showcase's own demo frontend (`frontend::configure`) on a free port, calling the API at
/// `api`: its address and the server to run.
fn demo_frontend(api: String) -> std::io::Result<(SocketAddr, actix_web::dev::Server)> {
    let server = HttpServer::new(move || {
        let api = api.clone();
        App::new().configure(move |cfg| frontend::configure(cfg, api))
    })
    .workers(1)
    .disable_signals()
    .bind("127.0.0.1:0")?;
    Ok((server.addrs()[0], server.run()))
}

async fn serve() -> std::io::Result<(Servers, Vec<actix_web::dev::Server>)> {
    let showcase = Showcase::new().map_err(|e| std::io::Error::other(e.to_string()))?;
    let api = HttpServer::new(move || showcase.app().wrap(from_fn(record)))
        .workers(2)
        .disable_signals()
        .bind("127.0.0.1:0")?
        .bind_rustls_0_23("127.0.0.1:0", tls_config())?;
    let (api_http, api_tls) = (api.addrs()[0], api.addrs()[1]);

    let pages = HttpServer::new(|| {
        App::new()
            .route("/page", web::get().to(page))
            .route("/report", web::post().to(report))
            .default_service(web::to(HttpResponse::NotFound))
    })
    .workers(1)
    .disable_signals()
    .bind("127.0.0.1:0")?
    .bind_rustls_0_23("127.0.0.1:0", tls_config())?;
    let (pages_http, pages_tls) = (pages.addrs()[0], pages.addrs()[1]);

    let (demo_addr, demo) = demo_frontend(format!("http://{api_http}"))?;

    let servers = Servers {
        api_http,
        api_tls,
        pages_http,
        pages_tls,
        demo: demo_addr,
    };
    Ok((servers, vec![api.run(), pages.run(), demo]))
}

fn tls_config() -> rustls::ServerConfig {
    let names: Vec<String> = CERT_NAMES.iter().map(|n| n.to_string()).collect();
    let certified = rcgen::generate_simple_self_signed(names).expect("generate a self-signed certificate");
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(certified.signing_key.serialize_der().into());
    rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)
        .expect("the generated certificate and key match")
}

// ---------------------------------------------------------------------------------------------
// What the API saw
// ---------------------------------------------------------------------------------------------

/// One request that reached the API, as the outermost middleware saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    /// `OPTIONS` with `Access-Control-Request-Method` (R2).
    pub preflight: bool,
    /// The request method as received.
    pub method: String,
    /// `Access-Control-Request-Method`, on preflights.
    pub acrm: Option<String>,
    /// `Access-Control-Request-Headers`, on preflights.
    pub acrh: Option<String>,
    /// Whether a `Cookie` header came along.
    pub cookie: bool,
    /// The response status.
    pub status: u16,
    /// Names of the response headers the API sent (lower case), to show that a header script
    /// could not read was really on the wire.
    pub response_headers: Vec<String>,
}

fn seen_log() -> &'static Mutex<HashMap<String, Vec<Seen>>> {
    static SEEN: OnceLock<Mutex<HashMap<String, Vec<Seen>>>> = OnceLock::new();
    SEEN.get_or_init(Default::default)
}

/// Every request the API received for a case key (the `c` query parameter of its URL).
pub fn seen(key: &str) -> Vec<Seen> {
    seen_log().lock().unwrap().get(key).cloned().unwrap_or_default()
}

/// The `c` query parameter, which names the case a request belongs to.
fn case_key(query: &str) -> Option<String> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("c="))
        .map(str::to_owned)
}

/// The outermost middleware of the API: records every request that carries a case key, including
/// the preflights the CORS layer answers itself.
async fn record(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(key) = case_key(req.query_string()) else {
        return next.call(req).await;
    };
    let text = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let acrm = text("access-control-request-method");
    let mut seen = Seen {
        preflight: req.method() == actix_web::http::Method::OPTIONS && acrm.is_some(),
        method: req.method().to_string(),
        acrh: text("access-control-request-headers"),
        acrm,
        cookie: req.headers().contains_key(header::COOKIE),
        status: 0,
        response_headers: Vec::new(),
    };
    let result = next.call(req).await;
    match &result {
        Ok(res) => {
            seen.status = res.status().as_u16();
            seen.response_headers = res.headers().keys().map(|k| k.as_str().to_owned()).collect();
        }
        Err(e) => seen.status = e.as_response_error().status_code().as_u16(),
    }
    seen_log().lock().unwrap().entry(key).or_default().push(seen);
    result
}

// ---------------------------------------------------------------------------------------------
// Test pages and their reports
// ---------------------------------------------------------------------------------------------

/// A page registered for one browser run: its HTML, an optional `Set-Cookie`, and the report the
/// page posts back.
struct Run {
    html: String,
    set_cookie: Option<String>,
    report: Option<String>,
}

struct Runs {
    runs: Mutex<HashMap<String, Run>>,
    reported: Condvar,
}

fn runs() -> &'static Runs {
    static RUNS: OnceLock<Runs> = OnceLock::new();
    RUNS.get_or_init(|| Runs {
        runs: Mutex::new(HashMap::new()),
        reported: Condvar::new(),
    })
}

/// Registers the page that `/page?run=<token>` serves (on every host name and both listeners).
pub fn register_page(token: &str, html: String, set_cookie: Option<String>) {
    runs().runs.lock().unwrap().insert(
        token.to_owned(),
        Run {
            html,
            set_cookie,
            report: None,
        },
    );
}

/// Waits for the report of a run, at most `timeout`.
pub fn wait_for_report(token: &str, timeout: Duration) -> Option<String> {
    let deadline = Instant::now() + timeout;
    let runs = runs();
    let mut guard = runs.runs.lock().unwrap();
    loop {
        if let Some(report) = guard.get(token).and_then(|run| run.report.clone()) {
            return Some(report);
        }
        let left = deadline.checked_duration_since(Instant::now())?;
        guard = runs.reported.wait_timeout(guard, left).unwrap().0;
    }
}

fn run_token(req: &HttpRequest) -> Option<String> {
    req.query_string()
        .split('&')
        .find_map(|pair| pair.strip_prefix("run="))
        .map(str::to_owned)
}

async fn page(req: HttpRequest) -> HttpResponse {
    let Some(token) = run_token(&req) else {
        return HttpResponse::BadRequest().finish();
    };
    let runs = runs().runs.lock().unwrap();
    let Some(run) = runs.get(&token) else {
        return HttpResponse::NotFound().finish();
    };
    let mut res = HttpResponse::Ok();
    res.content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"));
    if let Some(cookie) = &run.set_cookie {
        res.insert_header((header::SET_COOKIE, cookie.as_str()));
    }
    res.body(run.html.clone())
}

async fn report(req: HttpRequest, body: String) -> HttpResponse {
    let Some(token) = run_token(&req) else {
        return HttpResponse::BadRequest().finish();
    };
    let runs = runs();
    match runs.runs.lock().unwrap().get_mut(&token) {
        Some(run) => run.report = Some(body),
        None => return HttpResponse::NotFound().finish(),
    }
    runs.reported.notify_all();
    HttpResponse::NoContent().finish()
}
