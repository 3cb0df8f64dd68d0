use actix_web::{get, HttpResponse};
use cors_actix::cors;

// actix's attribute expands first and keeps #[cors] on the function it nests inside its service:
// #[cors] never sees the route.
#[get("/items")]
#[cors(origins = any)]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
