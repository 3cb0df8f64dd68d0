use actix_web::{get, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["http://app.example.com"], credentials)]
#[get("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
