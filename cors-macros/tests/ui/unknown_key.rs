use actix_web::{get, HttpResponse};
use cors_actix::cors;

#[cors(orgins = ["https://app.example.com"], allowed_headers = ["Content-Type"], colour = "blue")]
#[get("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
