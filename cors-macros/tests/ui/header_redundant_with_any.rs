use actix_web::{post, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["https://app.example.com"], headers = [any, "Content-Type"])]
#[post("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
