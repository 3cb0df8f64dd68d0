//! `Policy::decide` allocates nothing, and its cost does not grow with the number of exact origins
//! (R29, §3 rows 14–15): counted with a global allocator, never with wall-clock timings.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use common::*;
use cors_core::{Policy, Rejection::*};

/// Counts allocations made by the current thread while `COUNTING` is set, so that the test
/// harness and tests running on other threads do not interfere.
struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn note_allocation() {
    // `try_with`: the allocator may run while thread-locals are being torn down.
    let _ = COUNTING.try_with(|counting| {
        if counting.get() {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        }
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        System.realloc(ptr, layout, new_size)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (usize, T) {
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|c| c.set(true));
    let out = f();
    COUNTING.with(|c| c.set(false));
    (ALLOCATIONS.with(Cell::get), out)
}

const ORIGINS: usize = 100_000;

fn origin(i: usize) -> String {
    format!("https://app{i}.example.com")
}

/// 100,000 exact origins, a subdomain pattern and two port patterns.
fn big_policy() -> Policy {
    build(
        Policy::builder()
            .allowed_origins((0..ORIGINS).map(origin))
            .allowed_origin("https://*.example.org")
            .allowed_origin("http://localhost:*")
            .allowed_origin("http://127.0.0.1:*")
            .allowed_methods(["PUT", "PATCH"])
            .allowed_headers(["X-Foo", "Content-Type"])
            .expose_header("X-Total")
            .max_age(600)
            .supports_credentials(),
    )
}

/// Runs every case with allocation counting, checks its decision exactly, and requires zero
/// allocations for all of them.
fn assert_allocation_free(policy: &Policy, cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let request = c.req.request();
        let (n, decision) = allocations(|| policy.decide(request));
        let got = Want::from(decision);
        if got != c.want {
            failures.push(format!("{}: got {got:?}, want {:?}", c.name, c.want));
        }
        if n != 0 {
            failures.push(format!("{}: {n} allocation(s)", c.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_counter_counts() {
    // Guards against a counter that silently reads zero.
    let (n, v) = allocations(|| Vec::<u8>::with_capacity(16));
    assert!(n >= 1, "the counting allocator saw {n} allocations");
    drop(v);
    let (n, ()) = allocations(|| ());
    assert_eq!(n, 0);
}

#[test]
fn decide_is_allocation_free_with_100k_origins() {
    let policy = big_policy();
    let first = origin(0);
    let last = origin(ORIGINS - 1);
    let commas = ",".repeat(16 * 1024);
    let cases = [
        case(
            "R7 allowed exact origin (first)",
            get(&first),
            decorated(mirror().creds().expose("X-Total")),
        ),
        case(
            "R7 allowed exact origin (last)",
            get(&last),
            decorated(mirror().creds().expose("X-Total")),
        ),
        case(
            "R13 pattern-matched origin",
            get("https://a.b.example.org"),
            decorated(mirror().creds().expose("X-Total")),
        ),
        case(
            "R13 port pattern",
            get("http://localhost:8080"),
            decorated(mirror().creds().expose("X-Total")),
        ),
        case(
            "R13 IPv4 port pattern",
            get("http://127.0.0.1:9000"),
            decorated(mirror().creds().expose("X-Total")),
        ),
        case(
            "R1 disallowed origin",
            get("https://app100000.example.com"),
            undecorated(OriginNotAllowed),
        ),
        case(
            "R1 disallowed origin under the pattern's scheme",
            get("http://a.example.org"),
            undecorated(OriginNotAllowed),
        ),
        case(
            "R4 disallowed IPv4 origin",
            get("http://192.168.0.1:8080"),
            undecorated(OriginNotAllowed),
        ),
        case(
            "R4 disallowed IPv6 origin",
            get("http://[2001:db8::1]:8080"),
            undecorated(OriginNotAllowed),
        ),
        case(
            "R4 disallowed IPv4-mapped IPv6 origin",
            get("http://[::ffff:7f00:1]"),
            undecorated(OriginNotAllowed),
        ),
        case(
            "R4 malformed origin",
            get("https://APP0.example.com/"),
            undecorated(OriginMalformed),
        ),
        case("R10 null", get("null"), undecorated(NullOriginNotAllowed)),
        case("R1 no Origin", actual("GET", &[]), not_cors()),
        case(
            "R16 allowed preflight",
            preflight(&last, "PATCH", &["content-type,x-foo"]),
            pre().creds().method().headers("x-foo, content-type").max_age("600"),
        ),
        case(
            "R29 hostile ACRH: 16 KiB of commas",
            preflight(&first, "PUT", &[&commas]),
            refused(HeadersMalformed),
        ),
        case(
            "R20 refused method",
            preflight(&first, "DELETE", &[]),
            refused(MethodNotAllowed),
        ),
    ];
    assert_allocation_free(&policy, &cases);
}

#[test]
fn decide_is_allocation_free_with_hostile_acrh_under_allow_any_header() {
    let policy = build(
        Policy::builder()
            .allowed_origins((0..ORIGINS).map(origin))
            .allowed_origin("https://*.example.org")
            .allow_any_header(),
    );
    let names: Vec<String> = (0..2_000).map(|i| format!("x-allowed-looking-header-{i}")).collect();
    let one_line = names.join(",");
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let commas = ",".repeat(16 * 1024);
    let cases = [
        case(
            "R29 2,000 names on one line",
            preflight(&origin(7), "GET", &[&one_line]),
            pre().headers("*"),
        ),
        case(
            "R29 2,000 names on 2,000 lines",
            preflight("https://x.example.org", "GET", &name_refs),
            pre().headers("*"),
        ),
        case(
            "R29 16 KiB of commas",
            preflight(&origin(7), "GET", &[&commas]),
            refused(HeadersMalformed),
        ),
        case(
            "R22 authorization after 2,000 names",
            preflight(&origin(7), "GET", &[&one_line, "authorization"]),
            refused(AuthorizationNotAllowed),
        ),
    ];
    assert_allocation_free(&policy, &cases);
}

#[test]
fn decide_is_allocation_free_for_a_one_origin_policy_too() {
    // Same requests against one origin: the decisions match the 100,000-origin policy's, and
    // neither allocates, so the per-request work does not depend on the list's size.
    let small = build(Policy::builder().allowed_origin(origin(5)).allowed_method("PUT"));
    let cases = [
        case("R7 allowed", get(&origin(5)), decorated(mirror())),
        case("R1 disallowed", get(&origin(6)), undecorated(OriginNotAllowed)),
        case(
            "R20 allowed preflight",
            preflight(&origin(5), "PUT", &[]),
            pre().method(),
        ),
    ];
    assert_allocation_free(&small, &cases);
}
