//! The demo page, served from its own origin (`http://localhost:3000` by default) so that its
//! fetches to the API are cross-origin.

use actix_web::{web, HttpResponse};

const PAGE: &str = include_str!("../../static/demo.html");

/// Routes of the frontend server. `api` is the API's base URL, written into the page.
pub fn configure(cfg: &mut web::ServiceConfig, api: String) {
    let page = PAGE.replace("{{API}}", &api);
    cfg.route(
        "/",
        web::get().to(move || {
            let page = page.clone();
            async move { HttpResponse::Ok().content_type("text/html; charset=utf-8").body(page) }
        }),
    );
}
