use actix_web::{get, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["null"])]
#[get("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
