use actix_web::{delete, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["https://app.example.com"], methods = ["delete"])]
#[delete("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
