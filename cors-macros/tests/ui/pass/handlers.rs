//! Every key of `#[cors(...)]` on handlers, with every kind of actix route attribute.

use actix_web::{delete, get, head, options, patch, post, put, route, HttpResponse};
use cors_actix::cors;

#[cors(origins = any, methods = ["GET"], headers = ["Content-Type"])]
#[get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().body("items")
}

#[cors(origins = ["https://admin.example.com"], credentials, methods = ["POST"],
       headers = ["Content-Type", "X-Csrf-Token"], expose = ["X-Item-Id"], max_age = 120)]
#[post("/items")]
async fn create_item() -> HttpResponse {
    HttpResponse::Created().finish()
}

#[cors(disable)]
#[get("/public/secret")]
async fn secret() -> HttpResponse {
    HttpResponse::Ok().finish()
}

// Patterns, loopback http with credentials, flags written `= true` / `= false`, trailing comma.
#[cors(
    origins = ["https://*.example.org", "http://localhost:*", "http://127.0.0.1:8080"],
    credentials = true,
    methods = ["PUT", "PATCH"],
    headers = ["Authorization"],
    private_network = false,
)]
#[route("/items/{id}", method = "PUT", method = "PATCH", name = "item")]
async fn update_item() -> HttpResponse {
    HttpResponse::NoContent().finish()
}

// Wildcards everywhere, with Authorization named next to `any` (R22), and the statuses.
#[cors(origins = any, methods = any, headers = [any, "Authorization"], expose = any,
       preflight_status = 200, preflight_rejection_status = 404, private_network)]
#[actix_web::delete("/items/{id}")]
async fn delete_item() -> HttpResponse {
    HttpResponse::NoContent().finish()
}

// The dangerous options, each allowing what it names.
#[cors(origins = ["http://intranet.example", "https://*.github.io"], dangerously_allow_null_origin,
       dangerously_tolerate_insecure_origins, dangerously_tolerate_subdomains_of_public_suffixes,
       methods = ["PUT"], max_age = 0)]
#[put("/legacy", guard = "always")]
async fn legacy() -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[cors(origins = ["https://app.example.com"], dangerously_tolerate_insecure_origins = false)]
#[head("/items")]
async fn head_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[cors(origins = ["https://app.example.com"])]
#[options("/items/options",)]
async fn options_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[cors(origins = ["https://app.example.com"], methods = ["PATCH"])]
#[patch("/items/{id}/note")]
async fn patch_note() -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[cors(origins = ["https://app.example.com"], methods = ["DELETE"])]
#[delete("/items/{id}/note")]
async fn r#delete_note() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn always(_: &actix_web::guard::GuardContext<'_>) -> bool {
    true
}

fn main() {
    // A handler declared inside a function registers too.
    #[cors(origins = ["https://app.example.com"], methods = ["PUT"])]
    #[put("/local")]
    async fn local() -> HttpResponse {
        HttpResponse::Ok().finish()
    }

    let app = actix_web::App::new()
        .wrap(cors_actix::Cors::routes())
        .service(list_items)
        .service(create_item)
        .service(secret)
        .service(update_item)
        .service(delete_item)
        .service(legacy)
        .service(head_items)
        .service(options_items)
        .service(patch_note)
        .service(delete_note)
        .service(local);
    let _ = app;

    // trybuild names the crate; handlers are `crate::function`.
    let route = |handler: &str, method: &str| {
        cors_actix::registered_routes().find(|r| r.handler.ends_with(&format!("::{handler}")) && r.method == method)
    };
    assert_eq!(cors_actix::registered_routes().count(), 12);
    assert_eq!(route("local", "PUT").map(|r| r.pattern), Some("/local"));
    assert_eq!(route("update_item", "PUT").map(|r| (r.pattern, r.resource_name)), Some(("/items/{id}", "item")));
    assert_eq!(route("update_item", "PATCH").map(|r| (r.pattern, r.resource_name)), Some(("/items/{id}", "item")));
    assert_eq!(route("delete_note", "DELETE").map(|r| r.pattern), Some("/items/{id}/note"));
    assert!(route("secret", "GET").is_some_and(|r| (r.policy)().is_none()));
    let created = route("create_item", "POST");
    assert!(created.is_some_and(|r| r.resource_name.starts_with("cors:") && r.resource_name.contains(":create_item:")));
    assert!(created.and_then(|r| (r.policy)()).is_some_and(|p| p.supports_credentials()));
    let listed = route("list_items", "GET");
    assert_ne!(listed.map(|r| r.resource_name), created.map(|r| r.resource_name));
    assert!(route("options_items", "OPTIONS").is_some() && route("head_items", "HEAD").is_some());
}
