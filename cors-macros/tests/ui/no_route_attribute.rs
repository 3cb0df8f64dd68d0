use actix_web::HttpResponse;
use cors_actix::cors;

#[cors(origins = any)]
async fn handler() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {}
