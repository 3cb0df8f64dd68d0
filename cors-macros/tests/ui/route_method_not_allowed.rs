use actix_web::{put, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["https://app.example.com"], methods = ["GET"])]
#[put("/items/{id}")]
async fn replace_item() -> HttpResponse {
    HttpResponse::NoContent().finish()
}

fn main() {}
