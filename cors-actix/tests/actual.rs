//! Actual (non-preflight) requests through a real actix-web `App`: what the middleware adds, what
//! it replaces, what it removes, and what it never touches (status, body).

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use actix_web::http::header::{HeaderValue, LOCATION, VARY};
use actix_web::http::{Method, StatusCode};
use actix_web::{test, web, App, HttpResponse};
use common::*;
use cors_actix::Cors;

/// An origin-dependent policy: several origins, credentials, exposed headers.
fn listed() -> Cors {
    Cors::builder()
        .allowed_origins([APP, ADMIN, "https://*.example.org"])
        .allowed_methods(["PUT"])
        .supports_credentials()
        .expose_headers(["X-Request-Id", "X-Total"])
        .build()
        .unwrap()
}

fn any_origin() -> Cors {
    Cors::builder()
        .allow_any_origin()
        .allowed_methods(["PUT"])
        .expose_headers(["X-Total"])
        .build()
        .unwrap()
}

/// Routes whose handlers set various headers and statuses themselves.
fn routes(cfg: &mut web::ServiceConfig, calls: Arc<AtomicUsize>) {
    let c = Arc::clone(&calls);
    cfg.route(
        "/plain",
        web::route().to(move || {
            c.fetch_add(1, Ordering::SeqCst);
            async { HttpResponse::Ok().insert_header(("X-Total", "3")).body("plain body") }
        }),
    )
    .route(
        "/own-cors",
        // A handler (or an older layer) that sets CORS headers itself.
        web::get().to(|| async {
            HttpResponse::Ok()
                .insert_header(("Access-Control-Allow-Origin", "*"))
                .append_header(("Access-Control-Allow-Origin", "https://evil.example.net"))
                .insert_header(("Access-Control-Allow-Credentials", "true"))
                .insert_header(("Access-Control-Expose-Headers", "X-Secret"))
                .insert_header(("X-Secret", "s3cr3t"))
                .body("own cors body")
        }),
    )
    .route(
        "/vary-lines",
        web::get().to(|| async {
            HttpResponse::Ok()
                .insert_header((VARY, "Accept"))
                .append_header((VARY, "Accept-Encoding"))
                .body("v")
        }),
    )
    .route(
        "/vary-origin",
        web::get().to(|| async {
            HttpResponse::Ok()
                .insert_header((VARY, "origin, Accept"))
                .append_header((VARY, "accept"))
                .body("v")
        }),
    )
    .route(
        "/vary-star",
        web::get().to(|| async { HttpResponse::Ok().insert_header((VARY, "*")).body("v") }),
    )
    .route(
        "/status/{code}",
        web::get().to(|path: web::Path<u16>| async move {
            let status = StatusCode::from_u16(path.into_inner()).unwrap();
            let mut res = HttpResponse::build(status);
            if status.is_redirection() {
                res.insert_header((LOCATION, "/plain"));
            }
            res.body(format!("status {}", status.as_u16()))
        }),
    );
}

macro_rules! app {
    ($cors:expr, $calls:expr) => {{
        let calls = Arc::clone(&$calls);
        test::init_service(App::new().wrap($cors).configure(move |cfg| routes(cfg, calls))).await
    }};
}

fn get(path: &str) -> test::TestRequest {
    test::TestRequest::get().uri(path)
}

fn calls() -> Arc<AtomicUsize> {
    Arc::new(AtomicUsize::new(0))
}

// ---------------------------------------------------------------------------------------------
// ACAO (R7, R31)

#[actix_web::test]
async fn r7_acao_mirrors_the_allowed_origin_exactly() {
    let calls = calls();
    let app = app!(listed(), calls);
    for origin in [APP, ADMIN, "https://deep.sub.example.org"] {
        let res = test::call_service(&app, get("/plain").insert_header(("Origin", origin)).to_request()).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(lines(res.headers(), ACAO), [origin]);
    }
}

#[actix_web::test]
async fn r31_any_origin_answers_star_to_everyone_without_vary_origin() {
    let calls = calls();
    let app = app!(any_origin(), calls);
    let with_origin = get("/plain").insert_header(("Origin", EVIL));
    let malformed_origin = get("/plain").insert_header(("Origin", "https://EVIL.example/"));
    for (case, req) in [
        ("with Origin", with_origin),
        ("without Origin", get("/plain")),
        ("malformed Origin", malformed_origin),
    ] {
        let res = test::call_service(&app, req.to_request()).await;
        assert_eq!(lines(res.headers(), ACAO), ["*"], "{case}");
        assert_eq!(lines(res.headers(), ACEH), ["X-Total"], "{case}");
        assert_eq!(single(res.headers(), ACAC), None, "{case}: R18");
        // R36: no Vary: Origin when ACAO is the literal `*`.
        assert!(
            !varies_on(res.headers(), "Origin"),
            "{case}: {:?}",
            vary_tokens(res.headers())
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Vary (R36)

#[actix_web::test]
async fn r36_vary_origin_on_every_response_of_an_origin_dependent_policy() {
    let calls = calls();
    let app = app!(listed(), calls);
    let cases = [
        ("allowed", get("/plain").insert_header(("Origin", APP))),
        ("no Origin", get("/plain")),
        ("disallowed", get("/plain").insert_header(("Origin", EVIL))),
        (
            "malformed",
            get("/plain").insert_header(("Origin", "https://app.example.com/")),
        ),
        ("null", get("/plain").insert_header(("Origin", "null"))),
        ("404", get("/nowhere").insert_header(("Origin", APP))),
        ("404 without Origin", get("/nowhere")),
    ];
    for (case, req) in cases {
        let res = test::call_service(&app, req.to_request()).await;
        assert_eq!(lines(res.headers(), "vary"), ["Origin"], "{case}");
    }
}

#[actix_web::test]
async fn r36_vary_is_merged_into_the_handlers_own_lines() {
    let calls = calls();
    let app = app!(listed(), calls);
    for origin in [Some(APP), Some(EVIL), None] {
        let mut req = get("/vary-lines");
        if let Some(origin) = origin {
            req = req.insert_header(("Origin", origin));
        }
        let res = test::call_service(&app, req.to_request()).await;
        // Both of the handler's lines survive (actix-cors loses the second), Origin is added once.
        assert_eq!(
            vary_tokens(res.headers()),
            ["Accept", "Accept-Encoding", "Origin"],
            "{origin:?}"
        );
    }
}

#[actix_web::test]
async fn r36_vary_origin_is_not_duplicated() {
    let calls = calls();
    let app = app!(listed(), calls);
    for req in [get("/vary-origin").insert_header(("Origin", APP)), get("/vary-origin")] {
        let res = test::call_service(&app, req.to_request()).await;
        // Already there (in another case): not added again; duplicates across lines folded.
        assert_eq!(
            vary_tokens(res.headers()),
            ["origin", "Accept"],
            "{:?}",
            lines(res.headers(), "vary")
        );
    }
}

#[actix_web::test]
async fn r36_vary_star_is_respected() {
    let calls = calls();
    let app = app!(listed(), calls);
    for req in [get("/vary-star").insert_header(("Origin", APP)), get("/vary-star")] {
        let res = test::call_service(&app, req.to_request()).await;
        assert_eq!(lines(res.headers(), "vary"), ["*"]);
    }
}

// ---------------------------------------------------------------------------------------------
// Disallowed origins (R1, §3 row 1)

#[actix_web::test]
async fn r1_disallowed_origin_is_served_but_granted_nothing() {
    let calls = calls();
    let app = app!(listed(), calls);
    let origins = [
        EVIL,
        "null",
        "https://app.example.com/",
        "https://APP.EXAMPLE.COM",
        "https://app.example.com.evil.net",
        "https://example.org",
    ];
    for (i, origin) in origins.into_iter().enumerate() {
        for method in [Method::GET, Method::POST, Method::DELETE] {
            let req = test::TestRequest::default()
                .method(method.clone())
                .uri("/plain")
                .insert_header(("Origin", origin));
            let res = test::call_service(&app, req.set_payload("form=1").to_request()).await;
            assert_eq!(res.status(), StatusCode::OK, "{origin} {method}: never blocked (R1)");
            assert_eq!(cors_headers(res.headers()), Vec::<String>::new(), "{origin} {method}");
            assert_eq!(
                single(res.headers(), "x-total").as_deref(),
                Some("3"),
                "the handler's own headers stay"
            );
            assert_eq!(test::read_body(res).await, "plain body");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 3 * (i + 1));
    }
}

#[actix_web::test]
async fn r1_handler_set_cors_headers_never_reach_a_disallowed_origin() {
    let calls = calls();
    let app = app!(listed(), calls);
    let res = test::call_service(&app, get("/own-cors").insert_header(("Origin", EVIL)).to_request()).await;
    // actix-cors leaks ACAC and ACEH here; none of the handler's grants may leave.
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
    assert!(varies_on(res.headers(), "Origin"));
    assert_eq!(test::read_body(res).await, "own cors body");
}

#[actix_web::test]
async fn r3_two_origin_lines_on_an_actual_request_grant_nothing() {
    let calls = calls();
    let app = app!(listed(), calls);
    let req = get("/plain")
        .insert_header(("Origin", APP))
        .append_header(("Origin", ADMIN));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
    assert!(varies_on(res.headers(), "Origin"));
}

// ---------------------------------------------------------------------------------------------
// One line each, the middleware's (R8, R14, R30)

#[actix_web::test]
async fn r8_the_middleware_replaces_handler_set_cors_headers() {
    let calls = calls();
    let app = app!(listed(), calls);
    let res = test::call_service(&app, get("/own-cors").insert_header(("Origin", ADMIN)).to_request()).await;
    // Exactly one line each (two lines, even identical, fail the browser's check), and the values
    // are the policy's, not the handler's.
    assert_eq!(lines(res.headers(), ACAO), [ADMIN]);
    assert_eq!(lines(res.headers(), ACAC), ["true"]);
    assert_eq!(lines(res.headers(), ACEH), ["X-Request-Id, X-Total"]);

    // A policy without credentials or exposed headers also takes the handler's away.
    let app = app!(Cors::builder().allowed_origin(ADMIN).build().unwrap(), calls);
    let res = test::call_service(&app, get("/own-cors").insert_header(("Origin", ADMIN)).to_request()).await;
    assert_eq!(cors_headers(res.headers()), [format!("{ACAO}: {ADMIN}")]);
}

#[actix_web::test]
async fn r14_credentials_grant_acac_true_with_the_exact_origin() {
    let calls = calls();
    let app = app!(listed(), calls);
    let res = test::call_service(&app, get("/plain").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(lines(res.headers(), ACAO), [APP]);
    assert_eq!(lines(res.headers(), ACAC), ["true"]);

    // Without Origin there is nothing to grant (actix-cors sends ACAC and ACEH anyway).
    let res = test::call_service(&app, get("/plain").to_request()).await;
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());

    let app = app!(Cors::builder().allowed_origin(APP).build().unwrap(), calls);
    let res = test::call_service(&app, get("/plain").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(single(res.headers(), ACAC), None, "R15");
}

#[actix_web::test]
async fn r30_exposed_headers_are_listed_on_actual_responses() {
    let calls = calls();
    let app = app!(listed(), calls);
    let res = test::call_service(&app, get("/plain").insert_header(("Origin", APP)).to_request()).await;
    let aceh = single(res.headers(), ACEH).expect("ACEH");
    // R23: a clean list; R17: no `*` with credentials.
    let names: Vec<&str> = aceh.split(',').map(str::trim).collect();
    assert_eq!(names, ["X-Request-Id", "X-Total"]);
    // R28: no preflight-only header on an actual response.
    for h in [ACAM, ACAH, ACMA] {
        assert_eq!(single(res.headers(), h), None, "{h}");
    }

    let app = app!(
        Cors::builder().allowed_origin(APP).expose_any_header().build().unwrap(),
        calls
    );
    let res = test::call_service(&app, get("/plain").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(lines(res.headers(), ACEH), ["*"]);
}

// ---------------------------------------------------------------------------------------------
// Statuses (R11, R32, R35)

#[actix_web::test]
async fn r35_statuses_are_never_rewritten_and_every_one_is_decorated() {
    let calls = calls();
    let app = app!(listed(), calls);
    for code in [200u16, 201, 204, 206, 302, 304, 400, 401, 403, 404, 409, 500, 503] {
        let res = test::call_service(
            &app,
            get(&format!("/status/{code}"))
                .insert_header(("Origin", APP))
                .to_request(),
        )
        .await;
        assert_eq!(res.status().as_u16(), code);
        // R11 (3xx included), R32 (304).
        assert_eq!(lines(res.headers(), ACAO), [APP], "{code}");
        assert_eq!(lines(res.headers(), ACAC), ["true"], "{code}");
        assert!(varies_on(res.headers(), "Origin"), "{code}");

        let res = test::call_service(
            &app,
            get(&format!("/status/{code}"))
                .insert_header(("Origin", EVIL))
                .to_request(),
        )
        .await;
        assert_eq!(
            res.status().as_u16(),
            code,
            "R1/R35: a disallowed origin does not change the status"
        );
        assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
    }
}

#[actix_web::test]
async fn r11_redirects_keep_their_location_and_are_decorated() {
    let calls = calls();
    let app = app!(listed(), calls);
    let res = test::call_service(&app, get("/status/302").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers().get(LOCATION), Some(&HeaderValue::from_static("/plain")));
    assert_eq!(lines(res.headers(), ACAO), [APP]);
}
