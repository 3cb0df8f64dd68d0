use actix_web::{put, HttpResponse};
use cors_actix::cors;

#[cors(methods = ["PUT"])]
#[put("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
