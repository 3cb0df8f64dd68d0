//! `/items`: each handler declares its own policy with `#[cors(...)]`. The same path has three
//! policies; `Cors::routes()` on the app answers each preflight with the policy of the handler
//! that serves the requested method.

use actix_web::{delete, get, post, web, HttpResponse};
use cors_actix::cors;

#[cors(origins = any, methods = ["GET"], headers = ["Content-Type"])]
#[get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().body("items")
}

#[cors(
    origins = ["https://admin.example.com"],
    credentials,
    methods = ["POST"],
    headers = ["Content-Type", "X-Csrf-Token"],
    expose = ["X-Item-Id"],
    max_age = 120
)]
#[post("/items")]
async fn create_item() -> HttpResponse {
    HttpResponse::Created().insert_header(("X-Item-Id", "1")).finish()
}

#[cors(origins = ["https://admin.example.com"], credentials, methods = ["DELETE"])]
#[delete("/items/{id}")]
async fn delete_item(_id: web::Path<String>) -> HttpResponse {
    HttpResponse::NoContent().finish()
}

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_items).service(create_item).service(delete_item);
}
