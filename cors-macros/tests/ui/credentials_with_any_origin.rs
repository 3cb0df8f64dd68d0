use actix_web::{post, HttpResponse};
use cors_actix::cors;

#[cors(origins = any, credentials, methods = ["POST"])]
#[post("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
