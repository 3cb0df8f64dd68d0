//! Every rejection is a `tracing` event with target `cors` and the fields `origin`, `method`,
//! `path`, `reason` (and `preflight`), so "why does CORS fail?" is answered by the log. Allowed
//! requests log nothing.

mod common;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use actix_web::http::header::HeaderValue;
use actix_web::http::{Method, StatusCode};
use actix_web::{test, web, App, HttpResponse};
use common::*;
use cors_actix::Cors;
use tracing::field::{Field, Visit};
use tracing::{Level, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::Layer;

/// One captured event.
#[derive(Debug, Clone)]
struct Captured {
    target: String,
    level: Level,
    fields: BTreeMap<String, String>,
}

impl Captured {
    fn field(&self, name: &str) -> &str {
        self.fields
            .get(name)
            .map_or_else(|| panic!("event without field {name}: {self:?}"), String::as_str)
    }
}

/// A layer that keeps every event it sees.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<Captured>>>);

impl Capture {
    /// The `cors` events captured so far, draining them.
    fn take_cors(&self) -> Vec<Captured> {
        let mut all = self.0.lock().unwrap();
        let (cors, _rest): (Vec<_>, Vec<_>) = all.drain(..).partition(|e| e.target == "cors");
        cors
    }
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.0.insert(field.name().to_owned(), value.to_string());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl<S: Subscriber> Layer<S> for Capture {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        let meta = event.metadata();
        self.0.lock().unwrap().push(Captured {
            target: meta.target().to_owned(),
            level: *meta.level(),
            fields,
        });
    }
}

/// Installs a capturing subscriber for this thread (the test's actix runtime runs on it).
fn capture() -> (Capture, tracing::subscriber::DefaultGuard) {
    let capture = Capture::default();
    let guard = tracing::subscriber::set_default(tracing_subscriber::registry().with(capture.clone()));
    (capture, guard)
}

fn policy() -> Cors {
    Cors::builder()
        .allowed_origins([APP, ADMIN])
        .allowed_methods(["PUT"])
        .allowed_headers(["X-A"])
        .supports_credentials()
        .build()
        .unwrap()
}

macro_rules! app {
    () => {
        test::init_service(
            App::new()
                .wrap(policy())
                .default_service(web::to(|| async { HttpResponse::Ok().body("served") })),
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

/// Asserts one rejection event with these fields.
fn assert_one_rejection(events: &[Captured], origin: &str, method: &str, path: &str, reason: &str, preflight: bool) {
    assert_eq!(events.len(), 1, "expected one cors event for {reason}: {events:#?}");
    let e = &events[0];
    assert_eq!(e.field("origin"), origin, "{reason}");
    assert_eq!(e.field("method"), method, "{reason}");
    assert_eq!(e.field("path"), path, "{reason}");
    assert_eq!(e.field("reason"), reason);
    assert_eq!(e.field("preflight"), preflight.to_string(), "{reason}");
    assert!(e.field("message").starts_with("CORS: "), "{e:?}");
    // Anyone can cause a rejection: it must not be logged as an error of the server.
    assert!(e.level > Level::WARN, "rejections logged at {}: {e:?}", e.level);
}

#[actix_web::test]
async fn every_preflight_rejection_is_logged_with_its_reason() {
    let (capture, _guard) = capture();
    let app = app!();
    let cases: Vec<(test::TestRequest, &str, &str, &str)> = vec![
        // (request, logged origin, path, reason)
        (preflight("/a", EVIL, "PUT"), EVIL, "/a", "origin_not_allowed"),
        (preflight("/b", "null", "PUT"), "null", "/b", "null_origin_not_allowed"),
        (
            preflight("/c", "https://app.example.com/", "PUT"),
            "https://app.example.com/",
            "/c",
            "origin_malformed",
        ),
        (
            preflight("/d", APP, "PUT").append_header(("Origin", ADMIN)),
            APP,
            "/d",
            "origin_repeated",
        ),
        (preflight("/e", APP, "GET POST"), APP, "/e", "method_malformed"),
        (
            preflight("/f", APP, "PUT").append_header((ACRM, "PUT")),
            APP,
            "/f",
            "method_repeated",
        ),
        (preflight("/g", APP, "PATCH"), APP, "/g", "method_not_allowed"),
        (
            preflight("/h", APP, "PUT").insert_header((ACRH, "x-a, b@d")),
            APP,
            "/h",
            "headers_malformed",
        ),
        (
            preflight("/i", APP, "PUT").insert_header((ACRH, "x-a,x-b")),
            APP,
            "/i",
            "header_not_allowed",
        ),
        (
            preflight("/j", APP, "PUT").insert_header((ACRPN, "true")),
            APP,
            "/j",
            "private_network_not_allowed",
        ),
    ];
    for (req, origin, path, reason) in cases {
        let res = test::call_service(&app, req.to_request()).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{reason}");
        assert_one_rejection(&capture.take_cors(), origin, "OPTIONS", path, reason, true);
    }
}

#[actix_web::test]
async fn authorization_under_a_wildcard_is_logged() {
    let (capture, _guard) = capture();
    let cors = Cors::builder()
        .allowed_origin(APP)
        .allowed_method("PUT")
        .allow_any_header()
        .build()
        .unwrap();
    let app = test::init_service(
        App::new()
            .wrap(cors)
            .default_service(web::to(|| async { HttpResponse::Ok().finish() })),
    )
    .await;
    let req = preflight("/k", APP, "PUT").insert_header((ACRH, "authorization"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_one_rejection(
        &capture.take_cors(),
        APP,
        "OPTIONS",
        "/k",
        "authorization_not_allowed",
        true,
    );
}

#[actix_web::test]
async fn actual_request_rejections_are_logged_and_still_served() {
    let (capture, _guard) = capture();
    let app = app!();
    for (method, origin, reason) in [
        (Method::GET, EVIL, "origin_not_allowed"),
        (Method::POST, "null", "null_origin_not_allowed"),
        (Method::DELETE, "https://APP.example.com", "origin_malformed"),
    ] {
        let req = test::TestRequest::default()
            .method(method.clone())
            .uri("/items/1?q=x")
            .insert_header(("Origin", origin));
        let res = test::call_service(&app, req.to_request()).await;
        assert_eq!(res.status(), StatusCode::OK, "R1");
        assert_one_rejection(&capture.take_cors(), origin, method.as_str(), "/items/1", reason, false);
    }
}

#[actix_web::test]
async fn allowed_and_non_cors_requests_log_nothing() {
    let (capture, _guard) = capture();
    let app = app!();
    let requests = [
        test::TestRequest::get().uri("/x").insert_header(("Origin", APP)),
        test::TestRequest::get().uri("/x"),
        preflight("/x", ADMIN, "PUT").insert_header((ACRH, "x-a")),
        test::TestRequest::default()
            .method(Method::OPTIONS)
            .uri("/x")
            .insert_header((ACRM, "PUT")),
    ];
    for req in requests {
        let res = test::call_service(&app, req.to_request()).await;
        assert!(res.status().is_success());
    }
    assert_eq!(capture.take_cors().len(), 0);
}

#[actix_web::test]
async fn hostile_origins_are_logged_bounded_and_escaped() {
    // §3 row 15: an attacker-sized Origin must not be copied whole into the log.
    let (capture, _guard) = capture();
    let app = app!();
    let huge = format!("https://{}.example", "a".repeat(20_000));
    let res = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/x")
            .insert_header(("Origin", huge.as_str()))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let events = capture.take_cors();
    assert_eq!(events.len(), 1);
    let logged = events[0].field("origin");
    assert!(logged.len() <= 256 + 4, "logged {} bytes of Origin", logged.len());
    assert!(huge.starts_with(logged.trim_end_matches('…')), "{logged}");

    // Bytes that are not UTF-8 (obs-text) are logged lossily, without a panic.
    let raw = HeaderValue::from_bytes(b"https://caf\xe9.example").unwrap();
    let res = test::call_service(
        &app,
        preflight("/y", APP, "PUT").insert_header(("Origin", raw)).to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let events = capture.take_cors();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].field("reason"), "origin_malformed");
    assert!(events[0].field("origin").starts_with("https://caf"), "{events:?}");
}
