//! Scopes whose policy is a middleware built with the builder.

use actix_web::error::{ErrorInternalServerError, ErrorUnauthorized};
use actix_web::{web, HttpResponse, Result};
use cors_actix::{Cors, PolicyError};

/// The middlewares of the four scopes, built once and shared by every worker.
#[derive(Debug, Clone)]
pub struct ScopePolicies {
    public: Cors,
    account: Cors,
    partners: Cors,
    devices: Cors,
}

impl ScopePolicies {
    /// Compiles the scope policies; each is validated by `build()`.
    pub fn new() -> Result<Self, PolicyError> {
        Ok(ScopePolicies {
            public: Cors::builder()
                .allow_any_origin()
                .allowed_methods(["GET", "HEAD", "POST"])
                .allowed_headers(["Content-Type", "X-Api-Key"])
                .expose_headers(["X-Total-Count"])
                .max_age(600)
                .build()?,
            account: Cors::builder()
                .allowed_origins(["https://app.example.com", "http://localhost:3000"])
                .supports_credentials()
                .allowed_methods(["GET", "POST", "PUT", "DELETE"])
                .allowed_headers(["Content-Type", "Authorization", "X-Requested-With"])
                .expose_headers(["X-Request-Id"])
                .max_age(3600)
                .build()?,
            partners: Cors::builder()
                .allowed_origin("https://*.example.org")
                .allowed_methods(["GET", "PATCH"])
                // "Every requested header is allowed": any header, plus Authorization, which a
                // wildcard never covers and must be named (R22).
                .allow_any_header()
                .allowed_header("Authorization")
                .build()?,
            devices: Cors::builder()
                .allowed_origin("https://app.example.com")
                .allowed_methods(["GET", "PUT"])
                .allowed_header("Content-Type")
                .max_age(60)
                .allow_private_network_access()
                .build()?,
        })
    }

    /// Mounts the four scopes.
    pub fn configure(&self, cfg: &mut web::ServiceConfig) {
        let ScopePolicies {
            public,
            account,
            partners,
            devices,
        } = self.clone();
        cfg.service(
            web::scope("/public")
                .wrap(public)
                .service(
                    web::resource("/data")
                        .route(web::get().to(public_data))
                        .route(web::head().to(public_data))
                        .route(web::post().to(echo_length)),
                )
                .route("/fail", web::get().to(fail)),
        )
        .service(
            web::scope("/account")
                .wrap(account)
                .service(
                    web::resource("/me")
                        .route(web::get().to(me))
                        .route(web::put().to(ok))
                        .route(web::delete().to(ok))
                        .route(web::post().to(ok)),
                )
                .route("/denied", web::get().to(denied)),
        )
        .service(
            web::scope("/partners").wrap(partners).service(
                web::resource("/catalog")
                    .route(web::get().to(ok))
                    .route(web::patch().to(ok)),
            ),
        )
        .service(
            web::scope("/devices").wrap(devices).service(
                web::resource("/status")
                    .route(web::get().to(ok))
                    .route(web::put().to(ok)),
            ),
        );
    }
}

async fn public_data() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("X-Total-Count", "42"))
        .body("public data")
}

async fn echo_length(body: web::Bytes) -> String {
    body.len().to_string()
}

async fn fail() -> Result<HttpResponse> {
    Err(ErrorInternalServerError("the handler failed"))
}

async fn me() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("X-Request-Id", "7"))
        .insert_header(("Vary", "Accept-Encoding"))
        .body("me")
}

async fn denied() -> Result<HttpResponse> {
    Err(ErrorUnauthorized("not signed in"))
}

async fn ok() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}
