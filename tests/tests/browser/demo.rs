//! The demo page (`examples/static/demo.html`, served by the showcase's own frontend routes) at
//! `http://localhost:3000`, opened with `?autorun` so that it clicks every scenario's button; then
//! Chromium dumps the DOM and takes the screenshot (`--virtual-time-budget` lets every fetch finish
//! first). The suite checks each scenario's outcome and, for refusals, Chromium's reason.

use std::path::Path;
use std::time::Duration;

use crate::cases::{Verdict, Why};
use crate::chromium::{host_rules, Browser, Launch};
use crate::servers::servers;

const WINDOW: &str = "1280,2330";

/// Scenario id, path it fetches, the browser's verdict, and the status the demo server's replay
/// of the actual request must show (`not sent` after a refused preflight).
const EXPECTED: &[(&str, &str, Verdict, &str)] = &[
    ("allowed", "/public/data", Verdict::Allowed(200), "200"),
    (
        "blocked",
        "/partners/catalog",
        Verdict::Blocked(Why::NoAllowOrigin),
        "200",
    ),
    ("preflighted", "/account/me", Verdict::Allowed(200), "200"),
    (
        "preflight-refused",
        "/account/me",
        Verdict::Blocked(Why::Preflight),
        "not sent",
    ),
    ("credentialed", "/account/me", Verdict::Allowed(200), "200"),
    (
        "credentialed-wildcard",
        "/public/data",
        Verdict::Blocked(Why::WildcardWithCredentials),
        "200",
    ),
    ("items-get", "/items", Verdict::Allowed(200), "200"),
    ("items-post", "/items", Verdict::Blocked(Why::Preflight), "not sent"),
    ("exposed", "/account/me", Verdict::Allowed(200), "200"),
    ("error", "/account/denied", Verdict::Allowed(401), "401"),
];

pub fn run() {
    let servers = servers();
    // The committed screenshot shows the default deployment (API on 127.0.0.1:8080); the ordinary
    // run uses the suite's API on a free port.
    let update = std::env::var_os("UPDATE_DEMO_SCREENSHOT").is_some();
    let (api, frontend) = match update {
        true => ("http://127.0.0.1:8080".to_owned(), crate::servers::default_port_demo()),
        false => (format!("http://{}", servers.api_http), servers.demo),
    };
    let dir = tempfile::Builder::new()
        .prefix("cors-demo-")
        .tempdir()
        .expect("create a temp dir");
    let screenshot = dir.path().join("demo.png");
    let mut browser = Browser::launch(Launch {
        url: "http://localhost:3000/?autorun",
        host_rules: host_rules(servers, frontend.port()),
        dir: dir.path(),
        extra: vec![
            format!("--screenshot={}", screenshot.display()),
            format!("--window-size={WINDOW}"),
            "--virtual-time-budget=30000".to_owned(),
            "--dump-dom".to_owned(),
            "--hide-scrollbars".to_owned(),
            "--force-device-scale-factor=1".to_owned(),
        ],
    });
    let dom = browser.wait_for_exit(Duration::from_secs(60));
    let console = browser.console();
    drop(browser);
    let dom = dom.unwrap_or_else(|| {
        panic!(
            "Chromium did not finish the demo page within 60 s; console:\n{}",
            console.join("\n")
        )
    });

    let mut failures = Vec::new();
    if !dom.contains(&format!("<code id=\"api\">{api}</code>")) {
        failures.push(format!("the page does not show the API base {api}"));
    }
    if !dom.contains("data-done=\"true\"") {
        failures.push("the page did not finish running every scenario".to_owned());
    }
    let warning = dom
        .find("id=\"origin-warning\"")
        .map(|at| &dom[at..at + dom[at..].find('>').unwrap_or(0)]);
    if !warning.is_some_and(|tag| tag.contains(" hidden")) {
        failures.push("the page warns that it is not at http://localhost:3000".to_owned());
    }
    if dom.contains("class=\"unexpected\"") {
        failures.push("the page itself flags an unexpected outcome".to_owned());
    }
    for (id, path, verdict, wire) in EXPECTED {
        let Some(card) = opening_tag(&dom, id) else {
            failures.push(format!("[{id}] no card in the page"));
            continue;
        };
        let outcome = attribute(card, "data-outcome");
        let (want_outcome, want_status) = match verdict {
            Verdict::Allowed(status) => ("allowed", Some(status.to_string())),
            Verdict::Blocked(_) => ("blocked", None),
        };
        if outcome.as_deref() != Some(want_outcome) {
            failures.push(format!("[{id}] expected {want_outcome}, the card says {outcome:?}"));
        }
        if attribute(card, "data-status") != want_status {
            failures.push(format!(
                "[{id}] expected status {want_status:?}, the card says {:?}",
                attribute(card, "data-status")
            ));
        }
        if attribute(card, "data-wire").as_deref() != Some(*wire) {
            failures.push(format!(
                "[{id}] the replay should show {wire:?}, it shows {:?}",
                attribute(card, "data-wire")
            ));
        }
        if let Verdict::Blocked(why) = verdict {
            let at = format!("at '{api}{path}'");
            if !console.iter().any(|m| m.contains(&at) && why.stated_by(m)) {
                failures.push(format!(
                    "[{id}] expected Chromium to refuse {path} because of {why:?}; console:\n  {}",
                    console
                        .iter()
                        .filter(|m| m.contains(&at))
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("\n  ")
                ));
            }
        }
    }

    let png = std::fs::read(&screenshot).unwrap_or_default();
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") || png.len() < 20_000 {
        failures.push(format!(
            "no usable screenshot at {} ({} bytes)",
            screenshot.display(),
            png.len()
        ));
    }
    assert!(failures.is_empty(), "demo page:\n{}", failures.join("\n"));

    if update {
        let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/demo.png");
        std::fs::create_dir_all(target.parent().unwrap()).expect("create docs/");
        std::fs::write(&target, &png).expect("write docs/demo.png");
        eprintln!("wrote {}", target.display());
    }
}

/// The opening tag of the card whose `data-scenario` is `id`.
fn opening_tag<'a>(dom: &'a str, id: &str) -> Option<&'a str> {
    let at = dom.find(&format!("data-scenario=\"{id}\""))?;
    let start = dom[..at].rfind('<')?;
    let end = at + dom[at..].find('>')?;
    Some(&dom[start..end])
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    Some(tag[start..end].to_owned())
}
