//! Preflights through a real actix-web `App`: answered by the middleware itself (R6), with the
//! exact headers a browser checks (R7, R16, R19–R26, R37, R42), and refused with a reason and no
//! CORS header at all.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use actix_web::http::header::CONTENT_TYPE;
use actix_web::http::{Method, StatusCode};
use actix_web::{test, web, App, HttpResponse};
use common::*;
use cors_actix::Cors;

/// An app whose every handler counts its calls; `/items` serves any method (so a preflight passed
/// on would reach it), `/get-only` serves GET only (so a passed-on OPTIONS would be a 405).
macro_rules! app {
    ($cors:expr, $calls:expr) => {{
        let any = Arc::clone(&$calls);
        let get = Arc::clone(&$calls);
        test::init_service(
            App::new()
                .wrap($cors)
                .service(web::resource("/items").to(move || {
                    any.fetch_add(1, Ordering::SeqCst);
                    async { HttpResponse::Ok().body("handler") }
                }))
                .service(web::resource("/get-only").route(web::get().to(move || {
                    get.fetch_add(1, Ordering::SeqCst);
                    async { HttpResponse::Ok().body("handler") }
                }))),
        )
        .await
    }};
}

fn policy() -> cors_core::PolicyBuilder<Cors> {
    Cors::builder()
        .allowed_origins([APP, ADMIN])
        .allowed_methods(["PUT", "DELETE", "PATCH"])
        .allowed_headers(["X-A", "x-b", "Content-Type"])
}

fn preflight(path: &str, origin: &str, method: &str) -> test::TestRequest {
    test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri(path)
        .insert_header(("Origin", origin))
        .insert_header((ACRM, method))
}

fn calls() -> Arc<AtomicUsize> {
    Arc::new(AtomicUsize::new(0))
}

// ---------------------------------------------------------------------------------------------
// Answered by the middleware (R6, R19)

#[actix_web::test]
async fn r6_allowed_preflight_is_answered_without_calling_the_handler() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    for path in ["/items", "/get-only", "/no-such-route"] {
        let res = test::call_service(&app, preflight(path, APP, "PUT").to_request()).await;
        // R19: an ok status; R6: not the router's 404/405, not the handler's 200.
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{path}");
        assert_eq!(single(res.headers(), ACAO).as_deref(), Some(APP), "{path}");
        let body = test::read_body(res).await;
        assert!(body.is_empty(), "{path}: preflight body {body:?}");
    }
    assert_eq!(calls.load(Ordering::SeqCst), 0, "a handler ran for a preflight (R6)");
}

#[actix_web::test]
async fn r6_rejected_preflight_is_answered_without_calling_the_handler() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", EVIL, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        calls.load(Ordering::SeqCst),
        0,
        "a handler ran for a rejected preflight (R6)"
    );
}

#[actix_web::test]
async fn r6_a_handler_that_would_panic_is_never_reached_by_a_preflight() {
    // R6: no side effects of the application on a preflight.
    let app = test::init_service(App::new().wrap(policy().build().unwrap()).route(
        "/danger",
        web::route().to(|| async {
            panic!("the application ran for a preflight");
            #[allow(unreachable_code)]
            HttpResponse::Ok().finish()
        }),
    ))
    .await;
    let res = test::call_service(&app, preflight("/danger", ADMIN, "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

#[actix_web::test]
async fn r19_preflight_status_is_204_by_default_and_configurable() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    let app = app!(policy().preflight_status(200).build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(single(res.headers(), ACAO).as_deref(), Some(APP));
    assert!(test::read_body(res).await.is_empty());
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

// ---------------------------------------------------------------------------------------------
// Refusals (R19 failure shape, R37)

/// Asserts the shape of every refused preflight: the status, a one-line `text/plain` reason, no
/// `Access-Control-*` header at all, and the preflight `Vary` (R37).
async fn assert_refused(
    res: actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
    status: StatusCode,
) -> String {
    assert_eq!(res.status(), status);
    assert_eq!(
        cors_headers(res.headers()),
        Vec::<String>::new(),
        "a refused preflight grants nothing"
    );
    let content_type = single(res.headers(), CONTENT_TYPE.as_str()).expect("content-type");
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    for token in [
        "Origin",
        "Access-Control-Request-Method",
        "Access-Control-Request-Headers",
    ] {
        assert!(
            varies_on(res.headers(), token),
            "R37: Vary lacks {token}: {:?}",
            vary_tokens(res.headers())
        );
    }
    let body = test::read_body(res).await;
    let reason = String::from_utf8(body.to_vec()).expect("utf-8 reason");
    assert!(!reason.trim().is_empty(), "empty reason");
    assert!(
        !reason.contains('\n') && !reason.contains('\r'),
        "reason on more than one line: {reason:?}"
    );
    reason
}

#[actix_web::test]
async fn r19_refused_preflight_is_403_with_a_one_line_reason_and_no_cors_headers() {
    let calls = calls();
    let app = app!(policy().supports_credentials().max_age(600).build().unwrap(), calls);
    let cases: [(&str, test::TestRequest); 6] = [
        ("origin not allowed", preflight("/items", EVIL, "PUT")),
        ("method not allowed (R20)", preflight("/items", APP, "PROPFIND")),
        (
            "header not allowed (R21)",
            preflight("/items", APP, "PUT").insert_header((ACRH, "x-a,x-secret")),
        ),
        (
            "malformed ACRH (R23)",
            preflight("/items", APP, "PUT").insert_header((ACRH, "x-a, bad value")),
        ),
        ("malformed ACRM (§3 row 17)", preflight("/items", APP, "GET POST")),
        ("null origin (R10)", preflight("/items", "null", "PUT")),
    ];
    let mut reasons = Vec::new();
    for (case, req) in cases {
        let res = test::call_service(&app, req.to_request()).await;
        eprintln!("{case}");
        reasons.push(assert_refused(res, StatusCode::FORBIDDEN).await);
    }
    // The reasons say why, differently for each case.
    let mut distinct = reasons.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), reasons.len(), "{reasons:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[actix_web::test]
async fn r19_rejection_status_is_configurable_and_still_grants_nothing() {
    let calls = calls();
    let app = app!(policy().preflight_rejection_status(200).build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", EVIL, "PUT").to_request()).await;
    // A 200 without ACAO still fails the browser's CORS check (R9).
    assert_refused(res, StatusCode::OK).await;
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[actix_web::test]
async fn r22_authorization_is_refused_under_a_header_wildcard_unless_listed() {
    let calls = calls();
    let app = app!(
        Cors::builder()
            .allowed_origin(APP)
            .allowed_method("PUT")
            .allow_any_header()
            .build()
            .unwrap(),
        calls
    );
    let res = test::call_service(
        &app,
        preflight("/items", APP, "PUT")
            .insert_header((ACRH, "authorization,x-a"))
            .to_request(),
    )
    .await;
    assert_refused(res, StatusCode::FORBIDDEN).await;

    let res = test::call_service(
        &app,
        preflight("/items", APP, "PUT")
            .insert_header((ACRH, "x-anything,x-a"))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(single(res.headers(), ACAH).as_deref(), Some("*"));

    let app = app!(
        Cors::builder()
            .allowed_origin(APP)
            .allowed_method("PUT")
            .allow_any_header()
            .allowed_header("Authorization")
            .build()
            .unwrap(),
        calls
    );
    let res = test::call_service(
        &app,
        preflight("/items", APP, "PUT")
            .insert_header((ACRH, "authorization,x-a"))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let acah = single(res.headers(), ACAH).unwrap();
    assert!(
        acah.split(',').any(|t| t.trim().eq_ignore_ascii_case("authorization")),
        "R22: {acah}"
    );
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

// ---------------------------------------------------------------------------------------------
// What is (not) a preflight (R2)

#[actix_web::test]
async fn r2_options_without_acrm_reaches_routing_and_is_decorated_like_an_actual_request() {
    let calls = calls();
    let app = app!(
        policy()
            .supports_credentials()
            .expose_header("X-Total")
            .build()
            .unwrap(),
        calls
    );

    // A route that serves OPTIONS: the handler runs (e.g. `fetch(url, {method: 'OPTIONS'})`).
    let req = test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri("/items")
        .insert_header(("Origin", APP));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    assert_eq!(single(res.headers(), ACAO).as_deref(), Some(APP));
    assert_eq!(single(res.headers(), ACAC).as_deref(), Some("true"));
    assert_eq!(single(res.headers(), ACEH).as_deref(), Some("X-Total"));
    // R28: no preflight-only header on an actual response.
    assert_eq!(single(res.headers(), ACAM), None);
    assert!(varies_on(res.headers(), "Origin"));
    assert_eq!(test::read_body(res).await, "handler");

    // A GET-only route: the router's 405, decorated (R11, R35).
    let req = test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri("/get-only")
        .insert_header(("Origin", APP));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(single(res.headers(), ACAO).as_deref(), Some(APP));
    assert!(varies_on(res.headers(), "Origin"));
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[actix_web::test]
async fn r2_options_with_acrm_but_without_origin_is_not_a_preflight() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    let req = test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri("/items")
        .insert_header((ACRM, "PUT"));
    let res = test::call_service(&app, req.to_request()).await;
    // It reached the handler, got its status, and no CORS header (R1), but Vary: Origin (R36).
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
    assert!(varies_on(res.headers(), "Origin"));

    let req = test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri("/get-only")
        .insert_header((ACRM, "PUT"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// Repeated request headers (R3)

#[actix_web::test]
async fn r3_two_origin_lines_are_refused() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    // Even two allowed (and even two identical) origins: browsers send exactly one.
    for second in [ADMIN, APP] {
        let req = preflight("/items", APP, "PUT").append_header(("Origin", second));
        let res = test::call_service(&app, req.to_request()).await;
        assert_refused(res, StatusCode::FORBIDDEN).await;
    }
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[actix_web::test]
async fn r3_two_acrm_lines_are_refused() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    for second in ["PUT", "DELETE"] {
        let req = preflight("/items", APP, "PUT").append_header((ACRM, second));
        let res = test::call_service(&app, req.to_request()).await;
        assert_refused(res, StatusCode::FORBIDDEN).await;
    }
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[actix_web::test]
async fn r3_acrh_split_over_two_lines_is_tolerated() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    let req = preflight("/items", APP, "PUT")
        .insert_header((ACRH, "content-type,x-a"))
        .append_header((ACRH, "x-b"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let acah = single(res.headers(), ACAH).expect("ACAH");
    for name in ["content-type", "x-a", "x-b"] {
        assert!(
            acah.split(',').any(|t| t.trim().eq_ignore_ascii_case(name)),
            "{name} not in {acah}"
        );
    }
    // ...and a name not allowed on the second line is still caught.
    let req = preflight("/items", APP, "PUT")
        .insert_header((ACRH, "x-a"))
        .append_header((ACRH, "x-secret"));
    assert_refused(test::call_service(&app, req.to_request()).await, StatusCode::FORBIDDEN).await;
}

// ---------------------------------------------------------------------------------------------
// The granting headers (R7, R16, R20, R21, R26)

#[actix_web::test]
async fn r7_acao_mirrors_the_allowed_origin_byte_for_byte() {
    let calls = calls();
    let app = app!(
        Cors::builder()
            .allowed_origins([APP, "https://*.example.org", "http://localhost:*"])
            .allowed_method("PUT")
            .build()
            .unwrap(),
        calls
    );
    for origin in [APP, "https://a.b.example.org", "http://localhost:5173"] {
        let res = test::call_service(&app, preflight("/items", origin, "PUT").to_request()).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{origin}");
        assert_eq!(single(res.headers(), ACAO).as_deref(), Some(origin));
    }
    // Near misses are refused, never reflected (§3 rows 3, 4, 9, 10).
    for origin in [
        "https://app.example.com/",
        "https://APP.example.com",
        "https://app.example.com.evil.net",
        "https://example.org",
    ] {
        let res = test::call_service(&app, preflight("/items", origin, "PUT").to_request()).await;
        assert_refused(res, StatusCode::FORBIDDEN).await;
    }
}

#[actix_web::test]
async fn r7_any_origin_preflight_answers_star() {
    let calls = calls();
    let app = app!(
        Cors::builder()
            .allow_any_origin()
            .allowed_method("PUT")
            .build()
            .unwrap(),
        calls
    );
    let res = test::call_service(&app, preflight("/items", EVIL, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(single(res.headers(), ACAO).as_deref(), Some("*"));
    assert_eq!(single(res.headers(), ACAC), None, "R18");
    assert_eq!(single(res.headers(), ACAM).as_deref(), Some("PUT"));
}

#[actix_web::test]
async fn r20_acam_echoes_the_requested_method_byte_exactly() {
    let calls = calls();
    // `PATCH` is not `patch` (R20, R41: browsers send non-normalized methods as written).
    let app = app!(policy().build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", APP, "PATCH").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(lines(res.headers(), ACAM), ["PATCH"]);
    let res = test::call_service(&app, preflight("/items", APP, "patch").to_request()).await;
    assert_refused(res, StatusCode::FORBIDDEN).await;

    let app = app!(
        Cors::builder()
            .allowed_origin(APP)
            .allowed_methods(["patch"])
            .build()
            .unwrap(),
        calls
    );
    let res = test::call_service(&app, preflight("/items", APP, "patch").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(lines(res.headers(), ACAM), ["patch"]);
    let res = test::call_service(&app, preflight("/items", APP, "PATCH").to_request()).await;
    assert_refused(res, StatusCode::FORBIDDEN).await;

    // Any method: the echo keeps the request's case.
    let app = app!(
        Cors::builder().allowed_origin(APP).allow_any_method().build().unwrap(),
        calls
    );
    for method in ["patch", "PATCH", "Chicken", "PUT"] {
        let res = test::call_service(&app, preflight("/items", APP, method).to_request()).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{method}");
        assert_eq!(lines(res.headers(), ACAM), [method]);
    }
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[actix_web::test]
async fn r20_safelisted_methods_need_no_listing() {
    let calls = calls();
    let app = app!(
        Cors::builder()
            .allowed_origin(APP)
            .allowed_method("PUT")
            .build()
            .unwrap(),
        calls
    );
    for method in ["GET", "HEAD", "POST"] {
        let res = test::call_service(&app, preflight("/items", APP, method).to_request()).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{method}");
        assert_eq!(single(res.headers(), ACAO).as_deref(), Some(APP));
    }
    // Case matters for safelisting too: `get` is not `GET` (R20, case-sensitive set).
    let res = test::call_service(&app, preflight("/items", APP, "get").to_request()).await;
    assert_refused(res, StatusCode::FORBIDDEN).await;
}

#[actix_web::test]
async fn r21_acah_covers_the_requested_names_case_insensitively() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    // Browsers send lower-case, sorted names (R5); a proxy may change the case or spacing.
    for acrh in ["content-type,x-a,x-b", "X-A, X-B", " x-b ,\tx-a", "x-a,,x-b"] {
        let res = test::call_service(
            &app,
            preflight("/items", APP, "PUT").insert_header((ACRH, acrh)).to_request(),
        )
        .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{acrh}");
        let acah = single(res.headers(), ACAH).expect("ACAH");
        // R23: a clean `token, token` list, no empty elements.
        assert!(
            acah.split(',').all(|t| !t.trim().is_empty() && !t.trim().contains(' ')),
            "{acah}"
        );
        for requested in acrh.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            assert!(
                acah.split(',').any(|t| t.trim().eq_ignore_ascii_case(requested)),
                "R21: {requested} not in {acah}"
            );
        }
    }
    // No header requested: no ACAH.
    let res = test::call_service(&app, preflight("/items", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(single(res.headers(), ACAH), None);
}

#[actix_web::test]
async fn r26_max_age_only_when_configured() {
    let calls = calls();
    let app = app!(policy().max_age(600).build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", APP, "PUT").to_request()).await;
    assert_eq!(lines(res.headers(), ACMA), ["600"]);

    let app = app!(policy().max_age(0).build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", APP, "PUT").to_request()).await;
    assert_eq!(lines(res.headers(), ACMA), ["0"]);

    let app = app!(policy().build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", APP, "PUT").to_request()).await;
    assert_eq!(single(res.headers(), ACMA), None);
}

#[actix_web::test]
async fn r16_credentials_are_granted_on_the_preflight_too() {
    let calls = calls();
    let app = app!(policy().supports_credentials().build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", ADMIN, "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // R14: the exact origin, never `*`, and exactly `true`, each on one line (R8).
    assert_eq!(lines(res.headers(), ACAO), [ADMIN]);
    assert_eq!(lines(res.headers(), ACAC), ["true"]);
    // R17: no wildcard anywhere with credentials.
    for h in [ACAM, ACAH] {
        assert!(lines(res.headers(), h).iter().all(|v| v != "*"));
    }

    let app = app!(policy().build().unwrap(), calls);
    let res = test::call_service(&app, preflight("/items", ADMIN, "DELETE").to_request()).await;
    assert_eq!(single(res.headers(), ACAC), None, "R15: no ACAC without credentials");
}

#[actix_web::test]
async fn r28_no_expose_headers_on_a_preflight() {
    let calls = calls();
    let app = app!(
        policy()
            .supports_credentials()
            .expose_header("X-Total")
            .build()
            .unwrap(),
        calls
    );
    let res = test::call_service(&app, preflight("/items", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(single(res.headers(), ACEH), None);
}

// ---------------------------------------------------------------------------------------------
// Private network access (R42)

#[actix_web::test]
async fn r42_private_network_only_when_requested_with_true_and_configured() {
    let calls = calls();
    let app = app!(policy().allow_private_network_access().build().unwrap(), calls);
    let res = test::call_service(
        &app,
        preflight("/items", APP, "PUT")
            .insert_header((ACRPN, "true"))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(lines(res.headers(), ACAPN), ["true"]);
    assert!(varies_on(res.headers(), "Access-Control-Request-Private-Network"));

    // Not asked, or asked with anything but `true`: no ACAPN (actix-cors answers `ACRPN: false`).
    for acrpn in [None, Some("false"), Some("TRUE"), Some("1")] {
        let mut req = preflight("/items", APP, "PUT");
        if let Some(v) = acrpn {
            req = req.insert_header((ACRPN, v));
        }
        let res = test::call_service(&app, req.to_request()).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{acrpn:?}");
        assert_eq!(single(res.headers(), ACAPN), None, "{acrpn:?}");
    }

    // Actual requests never get it, even if they carry ACRPN.
    let req = test::TestRequest::get()
        .uri("/items")
        .insert_header(("Origin", APP))
        .insert_header((ACRPN, "true"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(single(res.headers(), ACAO).as_deref(), Some(APP));
    assert_eq!(single(res.headers(), ACAPN), None);
}

#[actix_web::test]
async fn r42_private_network_is_refused_when_not_configured() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    let res = test::call_service(
        &app,
        preflight("/items", APP, "PUT")
            .insert_header((ACRPN, "true"))
            .to_request(),
    )
    .await;
    assert_refused(res, StatusCode::FORBIDDEN).await;
    // Without the request header the same preflight passes, and never carries ACAPN.
    let res = test::call_service(&app, preflight("/items", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(single(res.headers(), ACAPN), None);
    assert!(!varies_on(res.headers(), "Access-Control-Request-Private-Network"));
}

// ---------------------------------------------------------------------------------------------
// Vary (R37)

#[actix_web::test]
async fn r37_allowed_preflight_varies_on_origin_acrm_and_acrh_once_each() {
    let calls = calls();
    let app = app!(policy().build().unwrap(), calls);
    let res = test::call_service(
        &app,
        preflight("/items", APP, "PUT")
            .insert_header((ACRH, "x-a"))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        vary_tokens(res.headers()),
        [
            "Origin",
            "Access-Control-Request-Method",
            "Access-Control-Request-Headers"
        ],
        "lines: {:?}",
        lines(res.headers(), "vary")
    );
}
