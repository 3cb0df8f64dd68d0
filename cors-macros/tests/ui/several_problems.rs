use actix_web::{post, HttpResponse};
use cors_actix::cors;

#[cors(origins = ["https://App.example.com/", "*"], credentials, methods = ["get", "TRACE"], headers = any, max_age = 90000)]
#[post("/items")]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
