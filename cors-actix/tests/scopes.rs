//! Where the middleware can sit (`App::wrap`, `Scope::wrap`, `Resource::wrap`), what it decorates
//! there (404s, handler errors, redirects, errors from inner middleware: R11), how it shields
//! preflights from authentication (R6), and what nesting two policies does.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::{ErrorInternalServerError, ErrorUnauthorized};
use actix_web::http::header::{AUTHORIZATION, LOCATION};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{from_fn, Next};
use actix_web::{test, web, App, Error, HttpResponse};
use common::*;
use cors_actix::Cors;

fn cors() -> Cors {
    Cors::builder()
        .allowed_origins([APP, ADMIN])
        .allowed_methods(["PUT", "DELETE"])
        .allowed_header("Content-Type")
        .supports_credentials()
        .build()
        .unwrap()
}

fn get(path: &str, origin: &str) -> test::TestRequest {
    test::TestRequest::get().uri(path).insert_header(("Origin", origin))
}

fn preflight(path: &str, origin: &str) -> test::TestRequest {
    test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri(path)
        .insert_header(("Origin", origin))
        .insert_header((ACRM, "PUT"))
}

async fn ok() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

async fn fail_500() -> Result<HttpResponse, Error> {
    Err(ErrorInternalServerError("boom"))
}

async fn fail_401() -> Result<HttpResponse, Error> {
    Err(ErrorUnauthorized("who are you"))
}

async fn found() -> HttpResponse {
    HttpResponse::Found().insert_header((LOCATION, "/api/items")).finish()
}

/// Counts the requests the authentication middleware saw.
#[derive(Default)]
struct AuthCalls(AtomicUsize);

/// A typical authentication layer: no `Authorization`, no entry. It fails with an `Err`, which
/// actix turns into a response only after every middleware has returned.
async fn require_authorization(
    calls: web::Data<AuthCalls>,
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    calls.0.fetch_add(1, Ordering::SeqCst);
    if req.headers().contains_key(AUTHORIZATION) {
        next.call(req).await
    } else {
        Err(ErrorUnauthorized("Authorization required"))
    }
}

/// Asserts an allowed origin's decoration.
fn assert_granted(headers: &actix_web::http::header::HeaderMap, origin: &str, case: &str) {
    assert_eq!(lines(headers, ACAO), [origin], "{case}");
    assert_eq!(lines(headers, ACAC), ["true"], "{case}");
    assert_eq!(lines(headers, "vary"), ["Origin"], "{case}");
}

/// Asserts that a response carries no CORS at all, not even `Vary` (the middleware never saw it).
fn assert_untouched(headers: &actix_web::http::header::HeaderMap, case: &str) {
    assert_eq!(cors_headers(headers), Vec::<String>::new(), "{case}");
    assert!(!varies_on(headers, "Origin"), "{case}");
}

// ---------------------------------------------------------------------------------------------
// App::wrap

#[actix_web::test]
async fn r11_app_wrap_decorates_handler_errors_redirects_and_404s() {
    let app = test::init_service(
        App::new()
            .wrap(cors())
            .route("/api/items", web::get().to(ok))
            .route("/api/fail-500", web::get().to(fail_500))
            .route("/api/fail-401", web::get().to(fail_401))
            .route("/api/found", web::get().to(found))
            .service(web::redirect("/old", "/api/items")),
    )
    .await;
    let cases = [
        ("/api/items", StatusCode::OK),
        ("/api/fail-500", StatusCode::INTERNAL_SERVER_ERROR),
        ("/api/fail-401", StatusCode::UNAUTHORIZED),
        ("/api/found", StatusCode::FOUND),
        ("/old", StatusCode::TEMPORARY_REDIRECT),
        ("/nowhere", StatusCode::NOT_FOUND),
    ];
    for (path, status) in cases {
        let res = test::call_service(&app, get(path, APP).to_request()).await;
        assert_eq!(res.status(), status, "{path}: R35");
        assert_granted(res.headers(), APP, path);

        let res = test::call_service(&app, get(path, EVIL).to_request()).await;
        assert_eq!(res.status(), status, "{path}: R1");
        assert_eq!(cors_headers(res.headers()), Vec::<String>::new(), "{path}");
        assert_eq!(lines(res.headers(), "vary"), ["Origin"], "{path}: R36");
    }
}

// ---------------------------------------------------------------------------------------------
// Scope::wrap

#[actix_web::test]
async fn r11_scope_wrap_decorates_its_routes_errors_redirects_and_404s_only() {
    let app = test::init_service(
        App::new()
            .service(
                web::scope("/api")
                    .wrap(cors())
                    .route("/items", web::get().to(ok))
                    .route("/fail-500", web::get().to(fail_500))
                    .route("/fail-401", web::get().to(fail_401))
                    .route("/found", web::get().to(found)),
            )
            .route("/public", web::get().to(ok)),
    )
    .await;
    let cases = [
        ("/api/items", StatusCode::OK),
        ("/api/fail-500", StatusCode::INTERNAL_SERVER_ERROR),
        ("/api/fail-401", StatusCode::UNAUTHORIZED),
        ("/api/found", StatusCode::FOUND),
        // Unknown inside the scope: the scope's 404 passes through its middleware.
        ("/api/nowhere", StatusCode::NOT_FOUND),
    ];
    for (path, status) in cases {
        let res = test::call_service(&app, get(path, ADMIN).to_request()).await;
        assert_eq!(res.status(), status, "{path}");
        assert_granted(res.headers(), ADMIN, path);
    }
    // R6: preflights under the scope are answered there, known path or not.
    for path in ["/api/items", "/api/nowhere"] {
        let res = test::call_service(&app, preflight(path, APP).to_request()).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{path}");
        assert_eq!(lines(res.headers(), ACAO), [APP]);
        assert_eq!(lines(res.headers(), ACAM), ["PUT"]);
    }
    // Outside the scope: no CORS at all, not even Vary.
    for (path, status) in [("/public", StatusCode::OK), ("/nowhere", StatusCode::NOT_FOUND)] {
        let res = test::call_service(&app, get(path, APP).to_request()).await;
        assert_eq!(res.status(), status, "{path}");
        assert_untouched(res.headers(), path);
    }
    let res = test::call_service(&app, preflight("/public", APP).to_request()).await;
    // `App::route` puts the GET guard on the resource, so the router answers 404, undecorated.
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "the router's answer");
    assert_untouched(res.headers(), "preflight outside the scope");
}

// ---------------------------------------------------------------------------------------------
// Resource::wrap

#[actix_web::test]
async fn r6_resource_wrap_answers_preflights_for_a_get_only_resource() {
    let handler_calls = web::Data::new(AtomicUsize::new(0));
    let counted = handler_calls.clone();
    let app = test::init_service(
        App::new()
            .service(web::resource("/res").wrap(cors()).route(web::get().to(move || {
                counted.fetch_add(1, Ordering::SeqCst);
                ok()
            })))
            .service(web::resource("/err").wrap(cors()).route(web::get().to(fail_500)))
            .route("/bare", web::get().to(ok)),
    )
    .await;
    // The resource matches by path, so its middleware sees the OPTIONS before method routing.
    let res = test::call_service(&app, preflight("/res", APP).to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(lines(res.headers(), ACAO), [APP]);
    assert_eq!(handler_calls.load(Ordering::SeqCst), 0);

    let res = test::call_service(&app, get("/res", APP).to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_granted(res.headers(), APP, "/res");
    assert_eq!(handler_calls.load(Ordering::SeqCst), 1);

    // The resource's own 405 for another method, decorated (R11).
    let req = test::TestRequest::delete().uri("/res").insert_header(("Origin", APP));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_granted(res.headers(), APP, "405");

    let res = test::call_service(&app, get("/err", APP).to_request()).await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_granted(res.headers(), APP, "/err");

    let res = test::call_service(&app, get("/bare", APP).to_request()).await;
    assert_untouched(res.headers(), "/bare");
}

// ---------------------------------------------------------------------------------------------
// Errors from inner middleware, and authentication (R6, R11)

#[actix_web::test]
async fn r11_errors_from_an_inner_auth_middleware_are_decorated() {
    let auth_calls = web::Data::new(AuthCalls::default());
    let app = test::init_service(
        App::new()
            .app_data(auth_calls.clone())
            .wrap(from_fn(require_authorization))
            .wrap(cors()) // registered last: outermost
            .route("/api/items", web::get().to(ok)),
    )
    .await;

    // The auth layer fails with `Err`; the response actix makes from it carries the CORS headers,
    // so the page can read the 401 (R11, R35).
    let err = test::try_call_service(&app, get("/api/items", APP).to_request())
        .await
        .expect_err("an Err from the auth layer");
    let res = error_response(&err);
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_granted(res.headers(), APP, "401 from inner middleware");
    // actix may render an error more than once; the mapper must be idempotent (R8).
    let again = error_response(&err);
    assert_granted(again.headers(), APP, "401 rendered twice");

    // A disallowed origin's 401: nothing granted, Vary still there (R36).
    let err = test::try_call_service(&app, get("/api/items", EVIL).to_request())
        .await
        .expect_err("Err");
    let res = error_response(&err);
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
    assert_eq!(lines(res.headers(), "vary"), ["Origin"]);

    // With credentials the request gets through and is decorated as usual.
    let req = get("/api/items", APP).insert_header((AUTHORIZATION, "Bearer t"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_granted(res.headers(), APP, "authorized");
    assert_eq!(auth_calls.0.load(Ordering::SeqCst), 3);
}

#[actix_web::test]
async fn r6_preflights_never_reach_the_auth_middleware() {
    let auth_calls = web::Data::new(AuthCalls::default());
    let app = test::init_service(
        App::new()
            .app_data(auth_calls.clone())
            .wrap(from_fn(require_authorization))
            .wrap(cors())
            .route("/api/items", web::put().to(ok))
            .service(
                web::scope("/scoped")
                    .wrap(from_fn(require_authorization))
                    .route("/items", web::put().to(ok)),
            ),
    )
    .await;
    // A preflight never carries credentials (R5); it succeeds anyway.
    for path in ["/api/items", "/scoped/items"] {
        let req = preflight(path, APP).insert_header((ACRH, "content-type"));
        let res = test::call_service(&app, req.to_request()).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{path}");
        assert_eq!(lines(res.headers(), ACAO), [APP]);
        assert_eq!(lines(res.headers(), ACAC), ["true"]);
        // A refused preflight is also answered before authentication.
        let res = test::call_service(&app, preflight(path, EVIL).to_request()).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(
        auth_calls.0.load(Ordering::SeqCst),
        0,
        "R6: the auth layer saw a preflight"
    );
}

#[actix_web::test]
async fn r11_errors_from_auth_inside_a_wrapped_scope_are_decorated() {
    let auth_calls = web::Data::new(AuthCalls::default());
    let app = test::init_service(
        App::new().app_data(auth_calls.clone()).service(
            web::scope("/api")
                .wrap(from_fn(require_authorization))
                .wrap(cors())
                .route("/items", web::get().to(ok)),
        ),
    )
    .await;
    let err = test::try_call_service(&app, get("/api/items", ADMIN).to_request())
        .await
        .expect_err("Err");
    let res = error_response(&err);
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_granted(res.headers(), ADMIN, "401 in scope");

    let res = test::call_service(&app, preflight("/api/items", ADMIN).to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        auth_calls.0.load(Ordering::SeqCst),
        1,
        "only the actual request met the auth layer"
    );
}

// ---------------------------------------------------------------------------------------------
// Nested policies

const OUTER: &str = "https://outer.example.com";
const INNER: &str = "https://inner.example.com";

/// An `App`-level `Cors` for origin O and a `Scope`-level `Cors` for origin I inside it.
///
/// What happens: the outermost middleware governs, for preflights and actual requests alike, and
/// the inner policy has no effect of its own.
/// - A preflight is answered by the first `Cors` it meets, the outer one, and never reaches the
///   inner one: from O it succeeds with O's headers, from I it is refused.
/// - An actual request passes through both. From I, the inner one sets `ACAO: I`, then the outer
///   one, for which I is not allowed, removes every granting header (a disallowed origin gets
///   none, whoever set it). From O, the inner one grants nothing and the outer one sets `ACAO: O`.
/// - `Vary: Origin` is merged by both and appears once.
///
/// So preflight and actual request always agree (actix-cors grants I on actual requests but
/// refuses its preflights), and a scope cannot widen an app-wide policy by nesting a second
/// `Cors`: give the scope its own `Cors` without an app-level one, or use `#[cors(...)]`.
#[actix_web::test]
async fn nested_policies_the_outermost_governs() {
    let outer = Cors::builder()
        .allowed_origin(OUTER)
        .allowed_method("PUT")
        .build()
        .unwrap();
    let inner = Cors::builder()
        .allowed_origin(INNER)
        .allowed_method("PUT")
        .supports_credentials()
        .build()
        .unwrap();
    let app = test::init_service(
        App::new()
            .wrap(outer)
            .service(web::scope("/inner").wrap(inner).route("/items", web::get().to(ok)))
            .route("/outer", web::get().to(ok)),
    )
    .await;

    // Preflights: the outer policy's answer.
    let res = test::call_service(&app, preflight("/inner/items", OUTER).to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        cors_headers(res.headers()),
        [format!("{ACAM}: PUT"), format!("{ACAO}: {OUTER}")]
    );
    let res = test::call_service(&app, preflight("/inner/items", INNER).to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());

    // Actual requests: also the outer policy's answer.
    let res = test::call_service(&app, get("/inner/items", OUTER).to_request()).await;
    assert_eq!(cors_headers(res.headers()), [format!("{ACAO}: {OUTER}")]);
    assert_eq!(lines(res.headers(), "vary"), ["Origin"]);
    let res = test::call_service(&app, get("/inner/items", INNER).to_request()).await;
    assert_eq!(res.status(), StatusCode::OK, "R1: served all the same");
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
    assert_eq!(lines(res.headers(), "vary"), ["Origin"]);

    // Outside the scope, only the outer policy exists anyway.
    let res = test::call_service(&app, get("/outer", OUTER).to_request()).await;
    assert_eq!(cors_headers(res.headers()), [format!("{ACAO}: {OUTER}")]);
    let res = test::call_service(&app, get("/outer", INNER).to_request()).await;
    assert_eq!(cors_headers(res.headers()), Vec::<String>::new());
}
