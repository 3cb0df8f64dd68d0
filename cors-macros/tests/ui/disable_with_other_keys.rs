use actix_web::{get, HttpResponse};
use cors_actix::cors;

#[cors(disable, origins = any)]
#[get("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
