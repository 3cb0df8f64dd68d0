use actix_web::{get, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["https://app.example.com"], preflight_rejection_status = 100)]
#[get("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
