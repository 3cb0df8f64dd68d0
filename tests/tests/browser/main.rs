//! The browser suite: headless Chromium (Debian's `chromium`) loads test pages from the origins the
//! showcase policies name, and from origins they must refuse, and each page fetches the showcase API.
//! Every case asserts the browser's verdict (resolved or `TypeError`), what script could read
//! (status, body, exposed and hidden headers), what reached the API (preflights, actual requests,
//! cookies, `Access-Control-Request-*`), and for refusals Chromium's stated reason.
//!
//! How it drives Chromium: no WebDriver. Each page runs its cases and POSTs a JSON report to its
//! own origin; the suite starts one `chromium --headless=new … <page url>` per origin with a fresh
//! profile, waits (bounded) for the report, then kills the process group. Host names are mapped to
//! loopback listeners with `--host-resolver-rules`; HTTPS pages use a certificate made at start-up
//! and `--ignore-certificate-errors`. `--disable-web-security` is never used.
//!
//! The showcase runs in-process (see `servers.rs`) so that an outer middleware can record every
//! request, preflights included.
//!
//! A missing browser fails the suite. `CHROMIUM=/path` picks another binary.
//! `UPDATE_DEMO_SCREENSHOT=1` also writes the demo page's screenshot to `docs/demo.png`.

mod cases;
mod chromium;
mod demo;
mod runner;
mod servers;

use cases::Page;

#[test]
fn case_table() {
    let all = cases::all();
    assert!(
        all.len() >= 35,
        "the suite promises at least 35 cases, it has {}",
        all.len()
    );
    let mut ids: Vec<&str> = all.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(
        before,
        ids.len(),
        "case ids must be unique (they tag requests at the API)"
    );
    for page in Page::ALL {
        assert!(all.iter().any(|c| c.page == page), "no case runs on {page:?}");
    }
    for case in &all {
        assert!(
            case.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
            "{}: ids go into URLs unescaped",
            case.id
        );
    }
}

/// Exact origins of `/account` and `/devices`, `/public`, and the handler policies seen from a
/// non-admin origin; the preflight cache.
#[test]
fn from_app_example_com() {
    runner::run_pages(&[Page::App]);
}

/// The handler-level policies of `/items`, which only `https://admin.example.com` may write to.
#[test]
fn from_admin_example_com() {
    runner::run_pages(&[Page::Admin]);
}

/// The demo page's origin: credentialed `/account` with a cookie, and without one cross-site.
#[test]
fn from_localhost_3000() {
    runner::run_pages(&[Page::Localhost3000]);
}

/// The partners pattern `https://*.example.org`: subdomains in, methods and headers per the policy.
#[test]
fn from_partner_subdomains() {
    runner::run_pages(&[Page::Shop, Page::DeepShop]);
}

/// Look-alikes of the partners pattern: apex, suffix, prefix, scheme, port.
#[test]
fn from_partner_lookalikes() {
    runner::run_pages(&[Page::Apex, Page::Suffix, Page::Prefix, Page::HttpShop, Page::PortShop]);
}

/// Origins no credentialed policy names: same-site `evil.example.com`, and `http://app.example.com`.
#[test]
fn from_disallowed_origins() {
    runner::run_pages(&[Page::Evil, Page::HttpApp]);
}

/// The showcase's demo page, every button clicked; screenshot for `docs/demo.png`.
#[test]
fn demo_page() {
    demo::run();
}
