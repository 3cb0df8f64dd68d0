//! The cost of one [`Policy::decide`], without any web framework: an actual request from an exact
//! origin, from a pattern origin and from a disallowed origin, an allowed preflight, and two hostile
//! `Access-Control-Request-Headers` values (16 KiB of commas; 2,000 allowed names).
//!
//! Each scenario is checked once, untimed, to produce the decision its name says. Nothing here
//! asserts on time. Run with `cargo bench -p cors-core --bench decide`; see BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use cors_core::{Decision, Policy, Request, Single};
use criterion::{criterion_group, criterion_main, Criterion};

fn policy() -> Policy {
    Policy::builder()
        .allowed_origins([
            "https://app.example.com",
            "https://admin.example.com",
            "https://docs.example.com",
        ])
        .allowed_origin("https://*.example.org")
        .supports_credentials()
        .allowed_methods(["GET", "POST", "PUT"])
        .allowed_headers(["content-type", "x-requested-with"])
        .expose_headers(["x-request-id"])
        .max_age(600)
        .build()
        .expect("valid policy")
}

/// An actual `GET` from `origin`.
fn actual(origin: &[u8]) -> Request<'_, [&[u8]; 0]> {
    Request {
        method: b"GET",
        origin: Single::One(origin),
        request_method: Single::Absent,
        request_headers: [],
        request_private_network: Single::Absent,
    }
}

/// A `PUT` preflight from an allowed exact origin, asking for `acrh` (one line).
fn preflight(acrh: &[u8]) -> Request<'_, [&[u8]; 1]> {
    Request {
        method: b"OPTIONS",
        origin: Single::One(b"https://app.example.com"),
        request_method: Single::One(b"PUT"),
        request_headers: [acrh],
        request_private_network: Single::Absent,
    }
}

fn decide(c: &mut Criterion) {
    let policy = policy();
    let commas = ",".repeat(16 * 1024);
    // 2,000 names, every one allowed: the reader has to walk all of them (about 29 KiB).
    let names = vec!["content-type,x-requested-with"; 1_000].join(",");

    // Untimed sanity checks: each case is what its name says.
    assert!(matches!(
        policy.decide(actual(b"https://app.example.com")),
        Decision::Actual(_)
    ));
    assert!(matches!(
        policy.decide(actual(b"https://tenant-42.example.org")),
        Decision::Actual(_)
    ));
    assert!(matches!(
        policy.decide(actual(b"https://evil.example.net")),
        Decision::ActualRejected(_)
    ));
    assert!(matches!(
        policy.decide(preflight(b"content-type,x-requested-with")),
        Decision::Preflight(_)
    ));
    assert!(matches!(
        policy.decide(preflight(commas.as_bytes())),
        Decision::PreflightRejected { .. }
    ));
    assert!(matches!(
        policy.decide(preflight(names.as_bytes())),
        Decision::Preflight(_)
    ));

    let mut group = c.benchmark_group("decide");
    group.bench_function("actual_exact_origin", |b| {
        b.iter(|| black_box(policy.decide(black_box(actual(b"https://app.example.com")))))
    });
    group.bench_function("actual_pattern_origin", |b| {
        b.iter(|| black_box(policy.decide(black_box(actual(b"https://tenant-42.example.org")))))
    });
    group.bench_function("actual_disallowed_origin", |b| {
        b.iter(|| black_box(policy.decide(black_box(actual(b"https://evil.example.net")))))
    });
    group.bench_function("preflight_2_headers", |b| {
        b.iter(|| black_box(policy.decide(black_box(preflight(b"content-type,x-requested-with")))))
    });
    group.bench_function("preflight_acrh_16KiB_commas", |b| {
        b.iter(|| black_box(policy.decide(black_box(preflight(commas.as_bytes())))))
    });
    group.bench_function("preflight_acrh_2000_names", |b| {
        b.iter(|| black_box(policy.decide(black_box(preflight(names.as_bytes())))))
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500))
        .sample_size(30)
}

criterion_group! {
    name = benches;
    config = config();
    targets = decide
}
criterion_main!(benches);
