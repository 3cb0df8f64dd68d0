//! `#[cors(...)]` handlers served by `cors_actix::Cors`: what the attribute registers is what the
//! middleware answers, scope prefixes included.

use actix_web::dev::ServiceResponse;
use actix_web::http::{header, Method, StatusCode};
use actix_web::{get, post, test, web, App, HttpRequest, HttpResponse};
use cors_actix::{cors, cors_policy, effective_routes, Cors};

const ADMIN: &str = "https://admin.example.com";
const OTHER: &str = "https://evil.example";

#[cors(origins = any, methods = ["GET"], headers = ["Content-Type"])]
#[get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().body("items")
}

#[cors(origins = ["https://admin.example.com"], credentials, methods = ["POST"],
       headers = ["Content-Type", "X-Csrf-Token"], expose = ["X-Item-Id"], max_age = 120)]
#[post("/items")]
async fn create_item() -> HttpResponse {
    HttpResponse::Created().insert_header(("X-Item-Id", "1")).finish()
}

#[cors(disable)]
#[get("/secret")]
async fn secret() -> HttpResponse {
    HttpResponse::Ok().body("secret")
}

#[get("/open")]
async fn open() -> HttpResponse {
    HttpResponse::Ok().body("open")
}

// Two handlers with a policy for the same path and method: the middleware refuses to guess.
#[cors(origins = any)]
#[get("/dup")]
async fn dup_a() -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[cors(origins = ["https://app.example.com"])]
#[get("/dup")]
async fn dup_b() -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[get("/routes")]
async fn routes(req: HttpRequest) -> String {
    let mut out = String::new();
    for route in effective_routes(&req) {
        // Which of two ambiguous handlers is named depends on registration order.
        let handler = if route.ambiguous {
            "?"
        } else {
            route.handler.rsplit("::").next().unwrap_or_default()
        };
        let policy = match route.policy {
            Some(p) if p.supports_credentials() => "credentials",
            Some(_) => "policy",
            None => "none",
        };
        out += &format!(
            "{} {} {handler} {policy} ambiguous={}\n",
            route.method, route.path, route.ambiguous
        );
    }
    out
}

fn api() -> actix_web::Scope {
    web::scope("/api")
        .service(list_items)
        .service(create_item)
        .service(secret)
        .service(dup_a)
        .service(dup_b)
}

fn preflight(path: &str, origin: &str, method: &str) -> test::TestRequest {
    test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri(path)
        .insert_header((header::ORIGIN, origin))
        .insert_header((header::ACCESS_CONTROL_REQUEST_METHOD, method))
}

fn header<B>(res: &ServiceResponse<B>, name: header::HeaderName) -> Option<&str> {
    res.headers().get(name).and_then(|v| v.to_str().ok())
}

#[actix_web::test]
async fn handler_policies_answer_through_the_scope() {
    let app = test::init_service(App::new().wrap(Cors::routes()).service(api()).service(routes)).await;

    // POST /api/items allows the admin origin only.
    let res = test::call_service(&app, preflight("/api/items", OTHER, "POST").to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_ORIGIN), None);

    // GET /api/items allows any origin and Content-Type.
    let res = test::call_service(
        &app,
        preflight("/api/items", OTHER, "GET")
            .insert_header((header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type"))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_ORIGIN), Some("*"));
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_CREDENTIALS), None);

    let res = test::call_service(
        &app,
        preflight("/api/items", ADMIN, "POST")
            .insert_header((header::ACCESS_CONTROL_REQUEST_HEADERS, "x-csrf-token"))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_ORIGIN), Some(ADMIN));
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_CREDENTIALS), Some("true"));
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_METHODS), Some("POST"));
    assert_eq!(header(&res, header::ACCESS_CONTROL_MAX_AGE), Some("120"));

    // No handler serves PUT on this path.
    let res = test::call_service(&app, preflight("/api/items", ADMIN, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The actual POST from the admin origin.
    let res = test::call_service(
        &app,
        test::TestRequest::post()
            .uri("/api/items")
            .insert_header((header::ORIGIN, ADMIN))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_ORIGIN), Some(ADMIN));
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_CREDENTIALS), Some("true"));
    assert_eq!(header(&res, header::ACCESS_CONTROL_EXPOSE_HEADERS), Some("X-Item-Id"));

    // `#[cors(disable)]`: no CORS header at all.
    let res = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/api/secret")
            .insert_header((header::ORIGIN, ADMIN))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()
            .keys()
            .all(|name| !name.as_str().starts_with("access-control-")),
        "{:?}",
        res.headers()
    );

    // Two policies for GET /api/dup.
    let res = test::call_service(
        &app,
        preflight("/api/dup", "https://app.example.com", "GET").to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body = test::read_body(res).await;
    assert!(String::from_utf8_lossy(&body).contains("two handlers"), "{body:?}");

    // The routes as mounted: full paths, one line per method.
    let body = test::call_and_read_body(&app, test::TestRequest::get().uri("/routes").to_request()).await;
    assert_eq!(
        String::from_utf8_lossy(&body),
        "GET /api/dup ? none ambiguous=true\n\
         GET /api/items list_items policy ambiguous=false\n\
         POST /api/items create_item credentials ambiguous=false\n\
         GET /api/secret secret none ambiguous=false\n"
    );
}

#[actix_web::test]
async fn disable_removes_a_scope_policy() {
    // With a policy of its own, the middleware decorates every handler but the disabled one.
    let scope = web::scope("/api").service(secret).service(open);
    let app = test::init_service(
        App::new()
            .wrap(Cors::from_static(cors_policy!(origins = any)))
            .service(scope),
    )
    .await;

    let res = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/api/open")
            .insert_header((header::ORIGIN, OTHER))
            .to_request(),
    )
    .await;
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_ORIGIN), Some("*"));

    let res = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/api/secret")
            .insert_header((header::ORIGIN, OTHER))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, header::ACCESS_CONTROL_ALLOW_ORIGIN), None);
}
