use actix_web::{post, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["https://app.example.com"], credentials, headers = any)]
#[post("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
