use actix_web::{put, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["https://app.example.com"], methods = ["PUT"], origins = ["https://admin.example.com"])]
#[put("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
