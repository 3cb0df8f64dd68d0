use actix_web::{get, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["https://App.Example.com"])]
#[get("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
