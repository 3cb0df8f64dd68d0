//! Hostile input gets a bounded amount of work (R29, §3 rows 14–16): the decision is exact, nothing
//! panics, the user predicate is never asked about garbage, and list readers stop early. Work is
//! observed by counting what is consumed (lines read, predicate calls), never by timing.

mod common;

use std::cell::Cell;
use std::iter;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use common::*;
use cors_core::origin::Origin;
use cors_core::{Decision, Policy, Rejection, Rejection::*, Request, Single};

const APP: &str = "https://app.example.com";

fn list_policy() -> Policy {
    build(
        Policy::builder()
            .allowed_origins([APP, "https://*.example.org"])
            .allowed_methods(["PUT"])
            .allowed_headers(["X-Foo"]),
    )
}

/// A preflight from APP for PUT whose ACRH lines come from `lines`, counting how many are read.
fn preflight_with_lines<'a>(policy: &Policy, lines: impl Iterator<Item = &'a [u8]>) -> (Option<Rejection>, usize) {
    let read = Cell::new(0usize);
    let request = Request {
        method: b"OPTIONS",
        origin: Single::One(APP.as_bytes()),
        request_method: Single::One(b"PUT"),
        request_headers: lines.inspect(|_| read.set(read.get() + 1)),
        request_private_network: Single::Absent,
    };
    let decision = policy.decide(request);
    (decision.rejection(), read.get())
}

#[test]
fn r29_acrh_readers_stop_early_even_on_endless_input() {
    let p = list_policy();
    // Endless input terminates: the reader gives up on the 17th empty element (R29).
    assert_eq!(
        preflight_with_lines(&p, iter::repeat(b"".as_slice())),
        (Some(HeadersMalformed), 17)
    );
    assert_eq!(
        preflight_with_lines(&p, iter::repeat(b" \t ".as_slice())),
        (Some(HeadersMalformed), 17)
    );
    assert_eq!(
        preflight_with_lines(&p, iter::repeat(b",,,,".as_slice())),
        (Some(HeadersMalformed), 4)
    );
    // ... and at the first disallowed name or non-token element.
    assert_eq!(
        preflight_with_lines(&p, iter::repeat(b"x-bar".as_slice())),
        (Some(HeaderNotAllowed), 1)
    );
    assert_eq!(
        preflight_with_lines(
            &p,
            iter::once(b"x-foo".as_slice()).chain(iter::repeat(b"x-bar".as_slice()))
        ),
        (Some(HeaderNotAllowed), 2)
    );
    assert_eq!(
        preflight_with_lines(&p, iter::repeat(b"bad value".as_slice())),
        (Some(HeadersMalformed), 1)
    );
    let any = build(
        Policy::builder()
            .allowed_origin(APP)
            .allowed_method("PUT")
            .allow_any_header(),
    );
    assert_eq!(
        preflight_with_lines(&any, iter::repeat(b"authorization".as_slice())),
        (Some(AuthorizationNotAllowed), 1)
    );
    assert_eq!(
        preflight_with_lines(&any, iter::repeat(b"".as_slice())),
        (Some(HeadersMalformed), 17)
    );
    // A bounded number of allowed lines is read to the end.
    assert_eq!(
        preflight_with_lines(&p, (0..10_000).map(|_| b"x-foo".as_slice())),
        (None, 10_000)
    );
}

#[test]
fn r3_single_valued_headers_look_at_two_lines_at_most() {
    let read = Cell::new(0usize);
    let endless = iter::repeat(APP.as_bytes()).inspect(|_| read.set(read.get() + 1));
    assert_eq!(Single::from_lines(endless), Single::Repeated);
    assert_eq!(read.get(), 2);
    assert_eq!(Single::from_lines(iter::empty()), Single::Absent);
    assert_eq!(Single::from_lines(iter::once(b"x".as_slice())), Single::One(b"x"));
}

#[test]
fn r29_the_origin_predicate_only_sees_well_formed_unmatched_origins() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let policy = build(
        Policy::builder()
            .allowed_origins([APP, "https://*.example.org"])
            .allowed_origin_fn(move |o| {
                seen.fetch_add(1, Ordering::SeqCst);
                o == "https://predicate.example"
            })
            .allowed_method("PUT"),
    );
    let huge = format!("https://{}.example", "a".repeat(100 * 1024));
    let rows: Vec<(&str, Req, Want, usize)> = vec![
        ("R7 exact hit: no predicate call", get(APP), decorated(mirror()), 0),
        (
            "R13 pattern hit: no predicate call",
            get("https://a.example.org"),
            decorated(mirror()),
            0,
        ),
        (
            "R7 predicate hit",
            get("https://predicate.example"),
            decorated(mirror()),
            1,
        ),
        (
            "R7 predicate miss",
            get("https://other.example"),
            undecorated(OriginNotAllowed),
            1,
        ),
        (
            "R7 predicate on a preflight",
            preflight("https://predicate.example", "PUT", &[]),
            pre().method().into(),
            1,
        ),
        ("§3.15 100 KB origin", get(&huge), undecorated(OriginMalformed), 0),
        (
            "§3.9 upper case",
            get("https://PREDICATE.example"),
            undecorated(OriginMalformed),
            0,
        ),
        (
            "§3.10 trailing slash",
            get("https://predicate.example/"),
            undecorated(OriginMalformed),
            0,
        ),
        (
            "§3.12 non-UTF-8",
            get("x").origin_bytes(vec![b"https://\xff.example".to_vec()]),
            undecorated(OriginMalformed),
            0,
        ),
        ("R10 null", get("null"), undecorated(NullOriginNotAllowed), 0),
        (
            "R3 two lines",
            actual("GET", &["https://predicate.example", "https://predicate.example"]),
            undecorated(OriginRepeated),
            0,
        ),
        ("R1 no Origin", actual("GET", &[]), not_cors(), 0),
    ];
    let mut failures = Vec::new();
    for (name, r, want, expected_calls) in &rows {
        calls.store(0, Ordering::SeqCst);
        let got = Want::from(policy.decide(r.request()));
        let n = calls.load(Ordering::SeqCst);
        if got != *want || n != *expected_calls {
            failures.push(format!(
                "- {name}: got {got:?} with {n} call(s), want {want:?} with {expected_calls}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn r29_hostile_values_get_exact_decisions() {
    let kb100 = 100 * 1024;
    let long_token = "x".repeat(kb100);
    let long_name_then_garbage = format!("x-bar,{}", "(".repeat(kb100));
    let spaces = " ".repeat(kb100);
    let ows_name = format!("{}x-foo{}", " ".repeat(kb100), "\t".repeat(kb100));
    let brackets = format!("http://{}", "[".repeat(kb100));
    let colons = format!("https://a{}", ":".repeat(200));
    let ats = format!("https://{}a.example", "@".repeat(200));
    let labels = format!("https://{}example.org", "a.".repeat(121));
    let too_long_host = format!("https://a{}example.org", "a.".repeat(121));
    let p = list_policy();
    check(
        &p,
        &[
            case(
                "§3.15 100 KB ACRM",
                preflight(APP, &long_token, &[]),
                refused(MethodMalformed),
            ),
            case(
                "§3.15 100 KB ACRPN is ignored",
                preflight(APP, "PUT", &[]).acrpn(&[&long_token]),
                pre().method(),
            ),
            case(
                "§3.14 100 KB header name",
                preflight(APP, "PUT", &[&long_token]),
                refused(HeaderNotAllowed),
            ),
            case(
                "§3.14 disallowed name, then 100 KB of garbage",
                preflight(APP, "PUT", &[&long_name_then_garbage]),
                refused(HeaderNotAllowed),
            ),
            // R23: OWS is optional whitespace; 100 KB of it is one (empty) element, read in one pass.
            case(
                "R23 100 KB of spaces is one empty element",
                preflight(APP, "PUT", &[&spaces]),
                pre().method(),
            ),
            case(
                "R23 100 KB of OWS around an allowed name",
                preflight(APP, "PUT", &[&ows_name]),
                pre().method().headers("x-foo"),
            ),
            case("§3.15 100 KB of brackets", get(&brackets), undecorated(OriginMalformed)),
            case("§3.15 many colons", get(&colons), undecorated(OriginMalformed)),
            case("§3.11 many @", get(&ats), undecorated(OriginMalformed)),
            case("§3.32 253-byte host under a pattern", get(&labels), decorated(mirror())),
            case("§3.15 254-byte host", get(&too_long_host), undecorated(OriginMalformed)),
            case(
                "R4 unclosed IPv6 bracket",
                get("http://[::1"),
                undecorated(OriginMalformed),
            ),
            case(
                "R4 junk after IPv6 bracket",
                get("http://[::1]x"),
                undecorated(OriginMalformed),
            ),
            case("R4 empty brackets", get("http://[]"), undecorated(OriginMalformed)),
            case(
                "R4 only a closing bracket",
                get("http://]"),
                undecorated(OriginMalformed),
            ),
            case("R4 only a separator", get("://"), undecorated(OriginMalformed)),
            case(
                "R4 empty host with port",
                get("https://:443"),
                undecorated(OriginMalformed),
            ),
            case("R4 lone dot host", get("https://."), undecorated(OriginMalformed)),
            case(
                "R4 empty label",
                get("https://a..example.org"),
                undecorated(OriginMalformed),
            ),
            case(
                "R4 scheme of 65 letters",
                get(&format!("{}://a.example", "s".repeat(65))),
                undecorated(OriginMalformed),
            ),
            case(
                "R4 scheme of 64 letters",
                get(&format!("{}://a.example", "s".repeat(64))),
                undecorated(OriginNotAllowed),
            ),
            case(
                "R4 port of six digits",
                get("https://a.example:100000"),
                undecorated(OriginMalformed),
            ),
        ],
    );
}

#[test]
fn r29_every_single_byte_origin_is_decided_without_panicking() {
    let p = list_policy();
    for b in 0..=u8::MAX {
        let prefixed = [b"https://a.example.org".as_slice(), &[b]].concat();
        let inside = [b"https://a".as_slice(), &[b], b".example.org"].concat();
        for (what, bytes) in [("alone", vec![b]), ("appended", prefixed), ("inside", inside)] {
            let request = get("x").origin_bytes(vec![bytes.clone()]);
            let got = p.decide(request.request());
            let ok = match got {
                Decision::Actual(_) => Origin::parse(&bytes).is_ok(),
                Decision::ActualRejected(OriginMalformed) => Origin::parse(&bytes).is_err(),
                Decision::ActualRejected(OriginNotAllowed) => Origin::parse(&bytes).is_ok(),
                _ => false,
            };
            assert!(ok, "byte {b:#04x} {what}: {got:?}");
        }
    }
    // Spot checks, so that the loop above cannot pass by accepting everything.
    let parse = |s: &[u8]| Origin::parse(s).is_ok();
    assert!(parse(b"https://a-.example.org"));
    assert!(!parse(b"https://a.example.org/"));
    assert!(!parse(b"https://a.example.org\x00"));
    assert!(!parse(b"https://a\xc3.example.org"));
}
