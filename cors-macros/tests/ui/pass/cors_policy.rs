//! `cors_policy!` makes a `&'static Policy`, the same one on every evaluation.

use cors_actix::{cors_policy, Cors, Policy};

fn policy() -> &'static Policy {
    cors_policy!(origins = ["https://app.example.com"], methods = ["GET", "PUT"], max_age = 600)
}

fn main() {
    assert!(std::ptr::eq(policy(), policy()));
    let p: &'static Policy = cors_policy!(
        origins = ["https://app.example.com", "https://*.example.org"],
        credentials,
        headers = ["Content-Type", "X-Requested-With"],
        expose = ["X-Request-Id"],
    );
    assert!(p.supports_credentials());
    let _app = actix_web::App::new().wrap(Cors::from_static(policy())).wrap(Cors::from_static(p));
}
