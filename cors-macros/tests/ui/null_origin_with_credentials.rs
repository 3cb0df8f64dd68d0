use actix_web::{get, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["https://app.example.com"], dangerously_allow_null_origin, credentials)]
#[get("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
