use actix_web::{put, HttpResponse};
use cors_actix::cors;

#[cors(origins = "https://app.example.com", methods = [PUT], credentials = "yes", max_age = "600", preflight_status = 99999)]
#[put("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
