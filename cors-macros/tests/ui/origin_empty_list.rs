use actix_web::{put, HttpResponse};
use cors_actix::cors;

#[cors(origins = [], methods = ["PUT"])]
#[put("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
