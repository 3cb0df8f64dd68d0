//! Per-handler policies (`Cors::routes()`): the registrations `#[cors(...)]` makes are written out
//! here by hand (`cors-macros` is not a dependency of this crate's tests), on resources shaped as
//! actix's `#[get]`/`#[post]` make them (a named resource with a method guard).
//!
//! What is checked: the handler's policy governs its preflights and actual requests, and a route
//! policy can refuse a *preflight* but never block an *actual* request (R1, R35): an actual request
//! for a method no annotated handler serves goes to whichever handler serves it, untouched.

mod common;

use std::sync::OnceLock;

use actix_web::http::{Method, StatusCode};
use actix_web::{guard, test, web, App, HttpResponse};
use common::*;
use cors_actix::__private::inventory;
use cors_actix::{Cors, Policy, RoutePolicy};

fn items_policy() -> Option<&'static Policy> {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    Some(POLICY.get_or_init(|| {
        Policy::builder()
            .allowed_origin(APP)
            .allowed_method("PUT")
            .build()
            .unwrap()
    }))
}

fn other_policy() -> Option<&'static Policy> {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    Some(POLICY.get_or_init(|| Policy::builder().allowed_origin(ADMIN).build().unwrap()))
}

// `#[cors(origins = [APP], methods = ["PUT"])] #[get("/items")] async fn list_items()`
inventory::submit! {
    RoutePolicy { handler: "routes::list_items", resource_name: "cors-test:list_items", method: "GET", pattern: "/items", policy: items_policy }
}
// Two handlers declaring a policy for `GET /dup`: ambiguous.
inventory::submit! {
    RoutePolicy { handler: "routes::dup_a", resource_name: "cors-test:dup_a", method: "GET", pattern: "/dup", policy: items_policy }
}
inventory::submit! {
    RoutePolicy { handler: "routes::dup_b", resource_name: "cors-test:dup_b", method: "GET", pattern: "/dup", policy: other_policy }
}

macro_rules! app {
    () => {
        test::init_service(
            App::new()
                .wrap(Cors::routes())
                // Annotated: `#[cors(...)] #[get("/items")]`.
                .service(
                    web::resource("/items")
                        .name("cors-test:list_items")
                        .guard(guard::Get())
                        .to(|| async { HttpResponse::Ok().body("list") }),
                )
                // Not annotated: `#[post("/items")]`, a plain form target (same-origin POSTs carry
                // an Origin too, R1).
                .service(web::resource("/items").guard(guard::Post()).to(|| async {
                    HttpResponse::Created()
                        .insert_header(("Access-Control-Allow-Origin", "*"))
                        .body("created")
                }))
                .service(
                    web::resource("/dup")
                        .name("cors-test:dup_a")
                        .guard(guard::Get())
                        .to(|| async { HttpResponse::Ok().body("a") }),
                )
                .service(
                    web::resource("/dup")
                        .name("cors-test:dup_b")
                        .guard(guard::Get())
                        .to(|| async { HttpResponse::Ok().body("b") }),
                ),
        )
        .await
    };
}

fn preflight(path: &str, origin: &str, method: &str) -> test::TestRequest {
    test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri(path)
        .insert_header(("Origin", origin))
        .insert_header((ACRM, method))
}

#[actix_web::test]
async fn the_handlers_policy_governs_its_preflight_and_actual_requests() {
    let app = app!();
    let res = test::call_service(&app, preflight("/items", APP, "GET").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(lines(res.headers(), ACAO), [APP]);

    let res = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/items")
            .insert_header(("Origin", APP))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(lines(res.headers(), ACAO), [APP]);
    assert!(varies_on(res.headers(), "Origin"));

    let res = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/items")
            .insert_header(("Origin", EVIL))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK, "R1");
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
}

#[actix_web::test]
async fn r6_a_preflight_for_a_method_no_annotated_handler_serves_is_refused() {
    let app = app!();
    for method in ["PUT", "POST"] {
        let res = test::call_service(&app, preflight("/items", APP, method).to_request()).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{method}");
        assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
    }
}

#[actix_web::test]
async fn r1_an_actual_request_for_a_method_no_annotated_handler_serves_is_never_blocked() {
    let app = app!();
    // Same-origin form POST (Origin of the site itself), cross-origin POST, and no Origin at all:
    // the unannotated POST handler serves all three, and `Cors::routes()` leaves them alone.
    for origin in [Some("https://site.example"), Some(APP), None] {
        let mut req = test::TestRequest::post().uri("/items");
        if let Some(origin) = origin {
            req = req.insert_header(("Origin", origin));
        }
        let res = test::call_service(&app, req.to_request()).await;
        assert_eq!(res.status(), StatusCode::CREATED, "{origin:?}: R1, R35");
        // Untouched: the handler's own header stays, as for any handler outside CORS.
        assert_eq!(cors_headers(res.headers()), [format!("{ACAO}: *")], "{origin:?}");
        assert_eq!(test::read_body(res).await, "created");
    }
}

#[actix_web::test]
async fn r1_ambiguous_route_policies_refuse_preflights_but_never_block_actual_requests() {
    let app = app!();
    let res = test::call_service(&app, preflight("/dup", APP, "GET").to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());

    for origin in [Some(APP), Some(ADMIN), None] {
        let mut req = test::TestRequest::get().uri("/dup");
        if let Some(origin) = origin {
            req = req.insert_header(("Origin", origin));
        }
        let res = test::call_service(&app, req.to_request()).await;
        assert_eq!(res.status(), StatusCode::OK, "{origin:?}: R1");
        // Which policy applies is unknown: grant nothing, to anyone.
        assert_eq!(cors_headers(res.headers()), Vec::<String>::new(), "{origin:?}");
        assert!(varies_on(res.headers(), "Origin"), "{origin:?}: R36");
        assert_eq!(test::read_body(res).await, "a");
    }
}
