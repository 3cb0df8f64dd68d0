//! Heap allocations of one `Service::call` + await through the middleware, against the same app
//! without it. The middleware's own work on an actual request must cost no allocation at all: its
//! response future is a concrete type (not boxed), the decision is allocation-free, the header
//! values it sets are shared (`Bytes` reference counts) and `Vary` is a static value.
//!
//! Run with `cargo test -p cors-actix --test allocations -- --nocapture` to see the figures.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use actix_service::Service;
use actix_web::http::header::{HeaderName, HeaderValue, ORIGIN, VARY};
use actix_web::http::Uri;
use actix_web::http::{Method, StatusCode};
use actix_web::{test, web, App, HttpResponse};
use bytes::{Bytes, BytesMut};
use common::*;
use cors_actix::Cors;

// ---------------------------------------------------------------------------------------------
// A counting allocator: counts allocations of the current thread while its flag is set.

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

fn note(size: usize) {
    // `try_with`: the allocator is also called while thread-locals are being torn down.
    let _ = COUNTING.try_with(|counting| {
        if counting.get() {
            ALLOCATIONS.with(|n| n.set(n.get() + 1));
            BYTES.with(|b| b.set(b.get() + size));
        }
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        System.alloc_zeroed(layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        System.realloc(ptr, layout, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations (count, bytes) made on this thread by calling `f` and awaiting its future: the
/// synchronous part of `Service::call` (where the middleware decides) is counted too.
async fn counted<F: std::future::Future>(f: impl FnOnce() -> F) -> (F::Output, usize, usize) {
    ALLOCATIONS.with(|n| n.set(0));
    BYTES.with(|b| b.set(0));
    COUNTING.with(|c| c.set(true));
    let out = f().await;
    COUNTING.with(|c| c.set(false));
    (out, ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get))
}

// ---------------------------------------------------------------------------------------------
// Requests as the server would receive them.

/// Bytes as actix-http's HTTP/1 decoder holds them: a slice of the frozen read buffer, so cloning
/// them is a reference-count increment (`h1::decoder`: `src.split_to(len).freeze()`, then
/// `slice.slice(..)` per header value).
fn wire_bytes(value: &str) -> Bytes {
    let mut buf = BytesMut::with_capacity(1024);
    buf.extend_from_slice(value.as_bytes());
    let head = buf.split_to(value.len()).freeze();
    head.slice(..)
}

/// A header value as actix-http makes it (see [`wire_bytes`]).
fn wire(value: &str) -> HeaderValue {
    HeaderValue::from_maybe_shared(wire_bytes(value)).unwrap()
}

fn test_request(method: Method, headers: &[(&str, &str)]) -> test::TestRequest {
    let mut req = test::TestRequest::default().method(method);
    for (name, value) in headers {
        req = req.append_header((HeaderName::from_bytes(name.as_bytes()).unwrap(), wire(value)));
    }
    req
}

/// A request to `/r` with `wire` header values and a `wire` URI. (A `TestRequest` URI is copied
/// from a `&str`, and actix clones the URI into the request's path on every call: through
/// `TestRequest::uri` that clone allocates, as header values do, see
/// `test_request_header_values_cost_one_allocation_on_first_clone`.)
macro_rules! request {
    ($method:expr, $headers:expr) => {{
        let mut req = test_request($method, $headers).to_request();
        req.head_mut().uri = Uri::from_maybe_shared(wire_bytes("/r")).unwrap();
        req
    }};
}

const PREFLIGHT: [(&str, &str); 3] = [("origin", ADMIN), (ACRM, "PUT"), (ACRH, "content-type,x-a")];

// ---------------------------------------------------------------------------------------------

fn policy() -> Cors {
    Cors::builder()
        .allowed_origins([APP, ADMIN, "https://partner.example.net", "https://*.example.org"])
        .allowed_methods(["PUT", "DELETE"])
        .allowed_headers(["Content-Type", "X-A"])
        .expose_headers(["X-Request-Id", "X-Total"])
        .supports_credentials()
        .max_age(600)
        .build()
        .unwrap()
}

async fn handler() -> HttpResponse {
    HttpResponse::Ok().insert_header(("X-Total", "3")).body("ok")
}

macro_rules! app {
    (cors) => {
        test::init_service(
            App::new()
                .wrap(policy())
                .service(web::resource("/r").route(web::get().to(handler))),
        )
        .await
    };
    (bare) => {
        test::init_service(App::new().service(web::resource("/r").route(web::get().to(handler)))).await
    };
    // The floor: an outermost middleware that answers every request at once without allocating.
    // What this costs is what actix spends before any middleware runs (`AppInitService::call`
    // allocates the request-data `Rc` on every request).
    (floor) => {
        test::init_service(
            App::new()
                .wrap_fn(|req, _srv| std::future::ready(Ok(req.into_response(HttpResponse::NoContent().finish()))))
                .service(web::resource("/r").route(web::get().to(handler))),
        )
        .await
    };
    (vary) => {
        test::init_service(
            App::new()
                .wrap(policy())
                .service(web::resource("/r").route(web::get().to(vary_handler))),
        )
        .await
    };
    (vary_bare) => {
        test::init_service(App::new().service(web::resource("/r").route(web::get().to(vary_handler)))).await
    };
}

async fn vary_handler() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((VARY, HeaderValue::from_static("Accept-Encoding")))
        .body("ok")
}

const WARM_UP: usize = 16;
const RUNS: usize = 8;

/// Allocations of one call + await; the same in every run after warm-up (actix pools request and
/// response heads per thread, and the first calls fill the pools).
macro_rules! measure {
    ($app:expr, $make:expr, $check:expr) => {{
        for _ in 0..WARM_UP {
            let res = $app.call($make()).await.unwrap();
            $check(&res);
        }
        let mut figures = Vec::new();
        for _ in 0..RUNS {
            let req = $make();
            let (res, n, bytes) = counted(|| $app.call(req)).await;
            let res = res.unwrap();
            $check(&res);
            drop(res);
            figures.push((n, bytes));
        }
        assert!(
            figures.windows(2).all(|w| w[0] == w[1]),
            "allocations vary between runs: {figures:?}"
        );
        figures[0]
    }};
}

fn report(case: &str, with: (usize, usize), without: (usize, usize)) {
    eprintln!(
        "allocations | {case:<44} | with Cors {:>2} ({:>4} B) | without {:>2} ({:>4} B) | overhead {:+}",
        with.0,
        with.1,
        without.0,
        without.1,
        with.0 as isize - without.0 as isize
    );
}

#[actix_web::test]
async fn allowed_actual_request_from_an_exact_origin_costs_no_allocation() {
    let cors = app!(cors);
    let bare = app!(bare);
    let make = || request!(Method::GET, &[("origin", ADMIN)]);
    let with = measure!(cors, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(lines(res.headers(), ACAO), [ADMIN]);
        assert_eq!(lines(res.headers(), ACAC), ["true"]);
        assert_eq!(lines(res.headers(), ACEH), ["X-Request-Id, X-Total"]);
        assert_eq!(lines(res.headers(), "vary"), ["Origin"]);
    });
    let without = measure!(bare, make, |res: &actix_web::dev::ServiceResponse<_>| assert_eq!(
        res.status(),
        StatusCode::OK
    ));
    report("allowed actual request (exact origin)", with, without);
    assert_eq!(
        with.0, without.0,
        "the middleware allocated on an allowed actual request"
    );
}

#[actix_web::test]
async fn allowed_actual_request_from_a_pattern_origin_costs_no_allocation() {
    let cors = app!(cors);
    let bare = app!(bare);
    let make = || request!(Method::GET, &[("origin", "https://eu.api.example.org")]);
    let with = measure!(cors, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(lines(res.headers(), ACAO), ["https://eu.api.example.org"]);
    });
    let without = measure!(bare, make, |_: &actix_web::dev::ServiceResponse<_>| {});
    report("allowed actual request (pattern origin)", with, without);
    assert_eq!(
        with.0, without.0,
        "the middleware allocated on an allowed actual request"
    );
}

#[actix_web::test]
async fn disallowed_origin_costs_no_allocation() {
    let cors = app!(cors);
    let bare = app!(bare);
    let make = || request!(Method::GET, &[("origin", EVIL)]);
    let with = measure!(cors, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
        assert_eq!(lines(res.headers(), "vary"), ["Origin"]);
    });
    let without = measure!(bare, make, |_: &actix_web::dev::ServiceResponse<_>| {});
    report("disallowed origin", with, without);
    assert_eq!(with.0, without.0, "the middleware allocated on a disallowed origin");
}

#[actix_web::test]
async fn request_without_origin_costs_no_allocation() {
    let cors = app!(cors);
    let bare = app!(bare);
    let make = || request!(Method::GET, &[]);
    let with = measure!(cors, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(lines(res.headers(), "vary"), ["Origin"]);
    });
    let without = measure!(bare, make, |_: &actix_web::dev::ServiceResponse<_>| {});
    report("no Origin", with, without);
    assert_eq!(
        with.0, without.0,
        "the middleware allocated on a request without Origin"
    );
}

#[actix_web::test]
async fn allowed_preflight_costs_no_allocation() {
    let cors = app!(cors);
    let bare = app!(bare);
    let make = || request!(Method::OPTIONS, &PREFLIGHT);
    let with = measure!(cors, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(lines(res.headers(), ACAO), [ADMIN]);
        assert_eq!(lines(res.headers(), ACAM), ["PUT"]);
        assert_eq!(lines(res.headers(), ACAH), ["content-type, x-a"]);
        assert_eq!(lines(res.headers(), ACMA), ["600"]);
    });
    // Without CORS the same OPTIONS is routed to the GET-only resource: the router's 405.
    let without = measure!(bare, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    });
    let floor = app!(floor);
    let floor = measure!(floor, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
    });
    report("allowed preflight (answered by the middleware)", with, without);
    report("  the same against the floor (actix alone)", with, floor);
    // Answered from pooled response heads and shared values: the middleware allocates nothing,
    // only actix's own request set-up remains.
    assert_eq!(with, floor, "an allowed preflight allocated");
}

#[actix_web::test]
async fn refused_preflight_costs_no_allocation() {
    let cors = app!(cors);
    let make = || request!(Method::OPTIONS, &[("origin", EVIL), (ACRM, "PUT")]);
    let with = measure!(cors, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    });
    let floor = app!(floor);
    let floor = measure!(floor, make, |_: &actix_web::dev::ServiceResponse<_>| {});
    report("refused preflight vs the floor (no subscriber)", with, floor);
    assert_eq!(with, floor, "a refused preflight allocated");
}

/// Merging `Origin` into a `Vary` the handler set builds a new value: the one path of an actual
/// request where the middleware allocates, by design (`vary::merge`): exactly one, the `String`
/// the merged line is written into, which becomes the header value without a copy. (Appending a
/// separate `Vary: Origin` line, which RFC 9110 combines with the others, would cost none; the
/// one-line form is a choice, for clients that read only the first `Vary` line.)
#[actix_web::test]
async fn vary_merge_into_a_handler_vary_allocates_a_bounded_amount() {
    let cors = app!(vary);
    let bare = app!(vary_bare);
    let make = || request!(Method::GET, &[("origin", ADMIN)]);
    let with = measure!(cors, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(lines(res.headers(), "vary"), ["Accept-Encoding, Origin"]);
    });
    let without = measure!(bare, make, |_: &actix_web::dev::ServiceResponse<_>| {});
    report("allowed actual, handler set its own Vary", with, without);
    assert_eq!(
        with.0 - without.0,
        1,
        "Vary merge allocated {} times",
        with.0 - without.0
    );
}

/// Header values made by `TestRequest::insert_header((name, &str))` are `Bytes` copied from a
/// `Vec` ("promotable"): the first clone of such a value allocates its shared header (one small
/// allocation), a cost that values parsed by actix-http never have. The middleware clones the
/// `Origin` value into `Access-Control-Allow-Origin` (R7), so through `TestRequest` this shows up
/// as exactly one allocation: it is the test fixture's, not the middleware's.
#[actix_web::test]
async fn test_request_header_values_cost_one_allocation_on_first_clone() {
    let cors = app!(cors);
    let bare = app!(bare);
    let make = || {
        test::TestRequest::get()
            .uri("/r")
            .insert_header((ORIGIN, ADMIN))
            .to_request()
    };
    let with = measure!(cors, make, |res: &actix_web::dev::ServiceResponse<_>| {
        assert_eq!(lines(res.headers(), ACAO), [ADMIN]);
    });
    let without = measure!(bare, make, |_: &actix_web::dev::ServiceResponse<_>| {});
    report("allowed actual, TestRequest-made Origin value", with, without);
    assert_eq!(with.0, without.0 + 1);
}
