//! Side-by-side cost of CORS in an actix-web service: no middleware, `actix-cors` 0.7 and our
//! `cors_actix::Cors`, measured in one run with the same harness.
//!
//! Every variant is an `App` built once with `actix_web::test::init_service` on an `actix_rt`
//! system (a current-thread Tokio runtime). One iteration is `TestRequest` construction plus
//! `Service::call(req).await` plus dropping the response, identically for all variants, so the
//! difference between a variant and `no_middleware` is the middleware's own cost. The loop runs
//! inside a single `block_on` (`iter_custom`), so no per-iteration executor overhead is counted.
//!
//! Criterion measures each variant in its own ~2.5 s window. On a shared or noisy machine the
//! windows can run at different speeds, which skews the ratios between variants; so after the
//! criterion groups a paired pass (`paired/...`, printed to stdout, not a criterion benchmark)
//! runs the variants of each comparison in alternating chunks of 1,000 requests for 300 rounds and
//! reports medians of per-round differences and ratios. It honours a name filter given on the
//! command line (`-- paired` runs only it) and shrinks to 2 rounds of 2 requests under `cargo test`.
//!
//! Before measuring, each scenario is checked once (outside the timed loop) to do what its name
//! says, so a misconfigured variant cannot produce a flattering number. Nothing here asserts on
//! time.
//!
//! Run with `cargo bench -p cors-actix --bench middleware`; see BENCHMARKS.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use actix_rt::SystemRunner;
use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, ORIGIN,
};
use actix_web::http::Method;
use actix_web::test::{init_service, TestRequest};
use actix_web::{web, App, Error, HttpResponse};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

type Request = actix_http::Request;

/// The policy of the main comparison: three exact origins, credentials, one exposed header and a
/// max-age, the same for both middlewares.
const ORIGINS: [&str; 3] = [
    "https://app.example.com",
    "https://admin.example.com",
    "https://docs.example.com",
];
const ALLOWED_ORIGIN: &str = "https://app.example.com";
const DISALLOWED_ORIGIN: &str = "https://evil.example.net";
const METHODS: [&str; 3] = ["GET", "POST", "PUT"];
const HEADERS: [&str; 2] = ["content-type", "x-requested-with"];
const EXPOSED: &str = "x-request-id";
const MAX_AGE: u32 = 600;

/// `ORIGINS` padded to `n` exact origins with `https://tenant-<i>.example.com`.
fn origins(n: usize) -> Vec<String> {
    let mut list: Vec<String> = ORIGINS.iter().map(|o| o.to_string()).collect();
    list.extend((list.len()..n).map(|i| format!("https://tenant-{i}.example.com")));
    list
}

fn ours(origins: &[String]) -> cors_actix::Cors {
    cors_actix::Cors::builder()
        .allowed_origins(origins.iter().cloned())
        .supports_credentials()
        .allowed_methods(METHODS)
        .allowed_headers(HEADERS)
        .expose_headers([EXPOSED])
        .max_age(u64::from(MAX_AGE))
        .build()
        .expect("valid policy")
}

fn actix_cors(origins: &[String]) -> actix_cors::Cors {
    origins
        .iter()
        .fold(actix_cors::Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .supports_credentials()
        .allowed_methods(METHODS)
        .allowed_headers(HEADERS)
        .expose_headers([EXPOSED])
        .max_age(MAX_AGE as usize)
}

/// Marks responses that the handler produced, to tell them from preflight answers.
const HANDLER_MARK: &str = "x-handled";

async fn ok() -> HttpResponse {
    HttpResponse::Ok().insert_header((HANDLER_MARK, "1")).body("ok")
}

/// One scenario: how to build its request, and what the CORS variants must answer.
struct Scenario {
    name: &'static str,
    request: fn() -> Request,
    /// Whether a CORS middleware must put `Access-Control-Allow-Origin` on the response.
    allowed: bool,
    /// Whether a CORS middleware must answer it without running the handler.
    preflight: bool,
}

fn actual_allowed() -> Request {
    TestRequest::get()
        .uri("/")
        .insert_header((ORIGIN, ALLOWED_ORIGIN))
        .to_request()
}

fn actual_disallowed() -> Request {
    TestRequest::get()
        .uri("/")
        .insert_header((ORIGIN, DISALLOWED_ORIGIN))
        .to_request()
}

fn no_origin() -> Request {
    TestRequest::get().uri("/").to_request()
}

fn preflight() -> Request {
    TestRequest::default()
        .method(Method::OPTIONS)
        .uri("/")
        .insert_header((ORIGIN, ALLOWED_ORIGIN))
        .insert_header((ACCESS_CONTROL_REQUEST_METHOD, "PUT"))
        .insert_header((ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-requested-with"))
        .to_request()
}

const SCENARIOS: [Scenario; 4] = [
    Scenario {
        name: "actual_allowed",
        request: actual_allowed,
        allowed: true,
        preflight: false,
    },
    Scenario {
        name: "actual_disallowed",
        request: actual_disallowed,
        allowed: false,
        preflight: false,
    },
    Scenario {
        name: "no_origin",
        request: no_origin,
        allowed: false,
        preflight: false,
    },
    Scenario {
        name: "preflight_2_headers",
        request: preflight,
        allowed: true,
        preflight: true,
    },
];

/// Checks, once and untimed, that `app` answers the scenario as its name says. `cors` is false
/// for the service without middleware, which must simply run the handler.
fn check<S, B>(sys: &SystemRunner, app: &S, scenario: &Scenario, cors: bool, what: &str)
where
    S: Service<Request, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
{
    let res = sys.block_on(app.call((scenario.request)())).expect("service call");
    let status = res.status();
    assert!(status.is_success(), "{what}: status {status}");
    let acao = res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).map(|v| v.as_bytes());
    let expected = (cors && scenario.allowed).then_some(ALLOWED_ORIGIN.as_bytes());
    assert_eq!(acao, expected, "{what}: Access-Control-Allow-Origin");
    let handled = res.headers().contains_key(HANDLER_MARK);
    assert_eq!(handled, !(cors && scenario.preflight), "{what}: did the handler run?");
}

/// Measures `TestRequest` construction + `Service::call(req).await` + dropping the response.
fn measure<S, B>(sys: &SystemRunner, app: &S, request: fn() -> Request, iters: u64) -> Duration
where
    S: Service<Request, Response = ServiceResponse<B>, Error = Error>,
{
    sys.block_on(async {
        let start = Instant::now();
        for _ in 0..iters {
            let res = app.call(black_box(request())).await;
            black_box(res.is_ok());
            drop(black_box(res));
        }
        start.elapsed()
    })
}

/// One variant of a paired comparison: its name and how to run `n` requests through it.
type Run<'a> = (&'a str, &'a dyn Fn(u64) -> Duration);

/// Rounds and requests per round of the paired pass in benchmark mode.
const PAIRED_ROUNDS: usize = 300;
const PAIRED_CHUNK: u64 = 1_000;

/// Is this binary running as a benchmark (`cargo bench`), not as a test (`cargo test`)? The same
/// rule as criterion's.
fn bench_mode() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test")
}

/// Did the command line's filter (if any) ask for this paired comparison?
fn paired_wanted(name: &str) -> bool {
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// The paired pass: `rounds` rounds, each running `chunk` requests through every variant in turn
/// (the order rotates every round), so that all variants are measured under the same machine
/// conditions. Prints, per variant, the median over rounds of ns/request, the median over rounds
/// of the per-round difference from the first variant (the baseline) and of the per-round ratio to
/// it; then, for each `(a, b)` in `compare`, the median per-round ratio of `b` to `a`.
fn paired(name: &str, variants: &[Run<'_>], compare: &[(usize, usize)]) {
    let (rounds, chunk) = if bench_mode() {
        (PAIRED_ROUNDS, PAIRED_CHUNK)
    } else {
        (2, 2)
    };
    let mut per_request: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); variants.len()];
    // Untimed warm-up, then the measured rounds.
    for (_, run) in variants {
        run(chunk);
    }
    for round in 0..rounds {
        for k in 0..variants.len() {
            let i = (round + k) % variants.len();
            let elapsed = (variants[i].1)(chunk);
            per_request[i].push(elapsed.as_nanos() as f64 / chunk as f64);
        }
    }
    let ratio = |b: usize, a: usize| {
        let mut ratios: Vec<f64> = per_request[b].iter().zip(&per_request[a]).map(|(y, x)| y / x).collect();
        median(&mut ratios)
    };
    let base = variants[0].0;
    println!("paired/{name}: {rounds} rounds x {chunk} requests per variant, order rotated each round");
    println!(
        "  {:<18} {:>14} {:>16} {:>10}",
        "variant", "median ns/req", "minus baseline", "ratio"
    );
    for (i, (variant, _)) in variants.iter().enumerate() {
        let mut times = per_request[i].clone();
        let mut diffs: Vec<f64> = per_request[i].iter().zip(&per_request[0]).map(|(v, b)| v - b).collect();
        let (diff, r) = if i == 0 {
            (format!("({base})"), String::from("1"))
        } else {
            (format!("{:+.0}", median(&mut diffs)), format!("{:.3}", ratio(i, 0)))
        };
        println!("  {:<18} {:>14.0} {:>16} {:>10}", variant, median(&mut times), diff, r);
    }
    for &(a, b) in compare {
        println!("  {} / {}: {:.3}", variants[b].0, variants[a].0, ratio(b, a));
    }
}

fn middleware(c: &mut Criterion) {
    let sys = actix_rt::System::new();
    let three = origins(3);

    let plain = sys.block_on(init_service(App::new().route("/", web::to(ok))));
    let theirs = sys.block_on(init_service(
        App::new().wrap(actix_cors(&three)).route("/", web::to(ok)),
    ));
    let mine = sys.block_on(init_service(App::new().wrap(ours(&three)).route("/", web::to(ok))));

    for scenario in &SCENARIOS {
        check(
            &sys,
            &plain,
            scenario,
            false,
            &format!("{}/no_middleware", scenario.name),
        );
        check(&sys, &theirs, scenario, true, &format!("{}/actix_cors", scenario.name));
        check(&sys, &mine, scenario, true, &format!("{}/cors_actix", scenario.name));
    }

    for scenario in &SCENARIOS {
        let request = scenario.request;
        let mut group = c.benchmark_group(scenario.name);
        group.bench_function("no_middleware", |b| {
            b.iter_custom(|iters| measure(&sys, &plain, request, iters))
        });
        group.bench_function("actix_cors", |b| {
            b.iter_custom(|iters| measure(&sys, &theirs, request, iters))
        });
        group.bench_function("cors_actix", |b| {
            b.iter_custom(|iters| measure(&sys, &mine, request, iters))
        });
        group.finish();
    }

    // Exact-origin lookup against allow-lists of growing size; the request's origin is in every
    // list. actix-cors is included for reference.
    let sizes = [3, 100, 10_000];
    let mut sized = Vec::new();
    for n in sizes {
        let list = origins(n);
        let mine = sys.block_on(init_service(App::new().wrap(ours(&list)).route("/", web::to(ok))));
        let theirs = sys.block_on(init_service(App::new().wrap(actix_cors(&list)).route("/", web::to(ok))));
        check(
            &sys,
            &mine,
            &SCENARIOS[0],
            true,
            &format!("origin_list_size/cors_actix/{n}"),
        );
        check(
            &sys,
            &theirs,
            &SCENARIOS[0],
            true,
            &format!("origin_list_size/actix_cors/{n}"),
        );
        sized.push((n, mine, theirs));
    }
    let mut group = c.benchmark_group("origin_list_size");
    for (n, mine, theirs) in &sized {
        group.bench_function(BenchmarkId::new("cors_actix", n), |b| {
            b.iter_custom(|iters| measure(&sys, mine, actual_allowed, iters))
        });
        group.bench_function(BenchmarkId::new("actix_cors", n), |b| {
            b.iter_custom(|iters| measure(&sys, theirs, actual_allowed, iters))
        });
    }
    group.finish();

    // The same comparisons again, paired: criterion measures each variant in its own time window,
    // and on a shared (noisy) machine windows differ; here all variants share every window.
    for scenario in &SCENARIOS {
        let name = scenario.name;
        if !paired_wanted(&format!("paired/{name}")) {
            continue;
        }
        let request = scenario.request;
        paired(
            name,
            &[
                ("no_middleware", &|n| measure(&sys, &plain, request, n)),
                ("actix_cors", &|n| measure(&sys, &theirs, request, n)),
                ("cors_actix", &|n| measure(&sys, &mine, request, n)),
            ],
            &[(1, 2)],
        );
    }
    if paired_wanted("paired/origin_list_size") {
        let sys = &sys;
        let mut names = Vec::new();
        let mut runs: Vec<Box<dyn Fn(u64) -> Duration + '_>> = Vec::new();
        for (n, mine, _) in &sized {
            names.push(format!("cors_actix/{n}"));
            runs.push(Box::new(move |iters| measure(sys, mine, actual_allowed, iters)));
        }
        for (n, _, theirs) in &sized {
            names.push(format!("actix_cors/{n}"));
            runs.push(Box::new(move |iters| measure(sys, theirs, actual_allowed, iters)));
        }
        let variants: Vec<Run<'_>> = names
            .iter()
            .map(String::as_str)
            .zip(runs.iter().map(|r| &**r))
            .collect();
        paired("origin_list_size", &variants, &[(3, 0), (4, 1), (5, 2)]);
    }
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
    targets = middleware
}
criterion_main!(benches);
