//! Runs the cases of one page in a fresh Chromium and checks every one of them: the browser's
//! verdict, what script could read, what the API received, and (for refusals) Chromium's reason.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::cases::{Api, Case, Page, Verdict};
use crate::chromium::{host_rules, Browser, Launch};
use crate::servers::{register_page, seen, servers, wait_for_report, Seen};

/// Pause before a case's second attempt: longer than Chromium's 5 s default preflight cache
/// lifetime, so a cached preflight can only be due to the server's `Access-Control-Max-Age`.
const PAUSE: Duration = Duration::from_millis(6000);
/// How long one page may take to report (its fetches time out after 10 s each).
const REPORT_TIMEOUT: Duration = Duration::from_secs(60);
/// How long to wait for the console messages of refused fetches after the report.
const CONSOLE_GRACE: Duration = Duration::from_secs(5);

const RUNNER: &str = include_str!("runner.js");

/// Runs the cases of each page (one Chromium per page) and panics with every failure at once.
pub fn run_pages(pages: &[Page]) {
    let all = crate::cases::all();
    let mut failures = Vec::new();
    let mut count = 0;
    for &page in pages {
        let cases: Vec<&Case> = all.iter().filter(|c| c.page == page).collect();
        assert!(!cases.is_empty(), "no cases for {page:?}");
        count += cases.len();
        failures.extend(run_page(page, &cases));
    }
    assert!(
        failures.is_empty(),
        "{} of {count} browser cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    eprintln!("{count} browser cases passed");
}

fn api_base(api: Api) -> String {
    let servers = servers();
    match api {
        Api::Tls => "https://api.example.com".to_owned(),
        Api::Localhost => format!("http://localhost:{}", servers.api_http.port()),
        Api::Ip => format!("http://127.0.0.1:{}", servers.api_http.port()),
    }
}

/// The URLs of a case's attempts. The `c` parameter comes last and tags the request at the API
/// and in Chromium's console messages.
fn urls(case: &Case) -> Vec<String> {
    let base = api_base(case.api);
    (0..case.attempts)
        .map(|n| match case.distinct_urls {
            true => format!("{base}{}?n={n}&c={}", case.path, case.id),
            false => format!("{base}{}?c={}", case.path, case.id),
        })
        .collect()
}

fn page_html(token: &str, cases: &[&Case]) -> String {
    let cases: Vec<Value> = cases
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "method": c.method,
                "urls": urls(c),
                "headers": c.headers.iter().map(|(k, v)| (k.to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
                "credentials": c.credentials,
                "body": c.body,
                "reads": c.reads.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
            })
        })
        .collect();
    // `<\/` keeps the JSON from closing the script element.
    let data = format!(
        "const RUN = {};\nconst PAUSE_MS = {};\nconst CASES = {};\n",
        json!(token),
        PAUSE.as_millis(),
        Value::Array(cases)
    )
    .replace("</", "<\\/");
    format!("<!doctype html>\n<meta charset=\"utf-8\">\n<title>cors browser suite</title>\n<script>\n{data}</script>\n<script>\n{RUNNER}</script>\n")
}

fn run_page(page: Page, cases: &[&Case]) -> Vec<String> {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let servers = servers();
    let token = format!("run{}-{}", RUNS.fetch_add(1, Ordering::Relaxed), std::process::id());
    register_page(&token, page_html(&token, cases), page.set_cookie().map(str::to_owned));
    let dir = tempfile::Builder::new()
        .prefix("cors-browser-")
        .tempdir()
        .expect("create a temp dir");
    let url = format!("{}/page?run={token}", page.origin());
    let started = Instant::now();
    let browser = Browser::launch(Launch {
        url: &url,
        host_rules: host_rules(servers, servers.pages_http.port()),
        dir: dir.path(),
        extra: Vec::new(),
    });
    let Some(report) = wait_for_report(&token, REPORT_TIMEOUT) else {
        return vec![format!(
            "{page:?}: no report from {url} within {REPORT_TIMEOUT:?}; console:\n  {}",
            browser.console().join("\n  ")
        )];
    };
    // Console messages are logged around the time the fetch rejects; give stragglers a moment.
    let refused: Vec<&&Case> = cases
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Blocked(_)))
        .collect();
    let grace = Instant::now() + CONSOLE_GRACE;
    let mut console = browser.console();
    while Instant::now() < grace && !refused.iter().all(|c| !messages_for(&console, c.id).is_empty()) {
        std::thread::sleep(Duration::from_millis(50));
        console = browser.console();
    }
    drop(browser);
    eprintln!(
        "{} ({} cases) ran in {:.1?}",
        page.origin(),
        cases.len(),
        started.elapsed()
    );

    let report: Value = match serde_json::from_str(&report) {
        Ok(report) => report,
        Err(e) => return vec![format!("{page:?}: unreadable report ({e}): {report}")],
    };
    let mut failures = Vec::new();
    if report["origin"] != page.origin() {
        failures.push(format!(
            "{page:?}: the page ran at origin {} instead of {}",
            report["origin"],
            page.origin()
        ));
    }
    if let Some(error) = report["error"].as_str() {
        failures.push(format!("{page:?}: the page's script failed: {error}"));
    }
    for case in cases {
        let problems = check(case, &report["results"][case.id], &seen(case.id), &console);
        if !problems.is_empty() {
            let messages = messages_for(&console, case.id);
            failures.push(format!(
                "[{}] from {} {} {}{}:\n  - {}\n  console: {}",
                case.id,
                page.origin(),
                case.method,
                api_base(case.api),
                case.path,
                problems.join("\n  - "),
                match messages.is_empty() {
                    true => "(no message)".to_owned(),
                    false => messages.join("\n           "),
                }
            ));
        }
    }
    failures
}

/// Console lines that mention a case's URL (`c=<id>` followed by a non-id character).
fn messages_for(console: &[String], id: &str) -> Vec<String> {
    let needle = format!("c={id}");
    console
        .iter()
        .filter(|line| {
            line.match_indices(&needle).any(|(i, _)| {
                !line[i + needle.len()..].starts_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
            })
        })
        .cloned()
        .collect()
}

/// Everything wrong with one case, empty when it passed.
fn check(case: &Case, results: &Value, seen: &[Seen], console: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    let attempts = results.as_array().cloned().unwrap_or_default();
    if attempts.len() != case.attempts {
        problems.push(format!(
            "expected {} attempt(s) in the report, got {results}",
            case.attempts
        ));
    }
    for (n, attempt) in attempts.iter().enumerate() {
        let label = if case.attempts > 1 {
            format!("attempt {}: ", n + 1)
        } else {
            String::new()
        };
        let verdict = attempt["verdict"].as_str().unwrap_or("?");
        match case.verdict {
            Verdict::Allowed(status) => {
                if verdict != "allowed" {
                    problems.push(format!(
                        "{label}expected the fetch to resolve, it was {verdict}: {}",
                        attempt["error"]
                    ));
                    continue;
                }
                if attempt["status"] != status {
                    problems.push(format!(
                        "{label}expected status {status}, script saw {}",
                        attempt["status"]
                    ));
                }
                if let Some(body) = case.body_read {
                    if attempt["body"] != body {
                        problems.push(format!(
                            "{label}expected body {body:?}, script read {}",
                            attempt["body"]
                        ));
                    }
                }
                for (name, expected) in &case.reads {
                    let read = attempt["reads"][*name].as_str();
                    if read != *expected {
                        problems.push(format!(
                            "{label}headers.get({name:?}) should be {}, script read {}",
                            expected.map_or("null".to_owned(), |v| format!("{v:?}")),
                            read.map_or("null".to_owned(), |v| format!("{v:?}")),
                        ));
                    }
                }
            }
            Verdict::Blocked(_) => {
                if verdict != "blocked" {
                    let what = match verdict {
                        "allowed" => format!("it resolved with status {}", attempt["status"]),
                        _ => format!("it ended with {}", attempt["error"]),
                    };
                    problems.push(format!(
                        "{label}expected the browser to refuse the response, but {what}"
                    ));
                }
            }
        }
    }
    if let Verdict::Blocked(why) = case.verdict {
        let messages = messages_for(console, case.id);
        if !messages.iter().any(|m| why.stated_by(m)) {
            problems.push(format!("expected Chromium to refuse it because of {why:?}"));
        }
    }

    // What reached the API.
    let preflights: Vec<&Seen> = seen.iter().filter(|s| s.preflight).collect();
    let actual: Vec<&Seen> = seen.iter().filter(|s| !s.preflight).collect();
    if preflights.len() != case.preflights {
        problems.push(format!(
            "the API should have received {} preflight(s), it got {}",
            case.preflights,
            preflights.len()
        ));
    }
    if actual.len() != case.actual {
        problems.push(format!(
            "the API should have received {} actual request(s), it got {}: {:?}",
            case.actual,
            actual.len(),
            actual
                .iter()
                .map(|s| format!("{} -> {}", s.method, s.status))
                .collect::<Vec<_>>()
        ));
    }
    if preflights.iter().any(|p| p.cookie) {
        problems.push("a preflight carried a cookie (R5: preflights are sent without credentials)".to_owned());
    }
    if let Some(cookie) = case.cookie {
        if let Some(s) = actual.iter().find(|s| s.cookie != cookie) {
            problems.push(format!(
                "the actual {} request {} a cookie",
                s.method,
                if cookie { "lacked" } else { "carried" }
            ));
        }
    }
    for p in &preflights {
        if let Some(acrm) = case.acrm {
            if p.acrm.as_deref() != Some(acrm) {
                problems.push(format!(
                    "the preflight's Access-Control-Request-Method was {:?}, not {acrm:?}",
                    p.acrm
                ));
            }
        }
        if let Some(acrh) = case.acrh {
            if p.acrh.as_deref() != Some(acrh) {
                problems.push(format!(
                    "the preflight's Access-Control-Request-Headers was {:?}, not {acrh:?}",
                    p.acrh
                ));
            }
        }
    }
    // A hidden header only proves something if the API sent it.
    for (name, expected) in &case.reads {
        let lower = name.to_ascii_lowercase();
        if expected.is_none() && !actual.iter().all(|s| s.response_headers.contains(&lower)) {
            problems.push(format!("the API did not send {name}, so reading null proves nothing"));
        }
    }
    problems
}
