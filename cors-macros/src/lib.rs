//! CORS policies declared on actix-web handlers, checked at compile time.
//!
//! Use these through `cors-actix` (`use cors_actix::cors;`): the expansion names `::cors_actix`,
//! so the crate must be a direct dependency under that name.
//!
//! - [`macro@cors`] declares one handler's policy: `#[cors(...)]` goes **above** actix's route
//!   attribute.
//! - [`cors_policy!`] makes a whole policy as a `&'static cors_actix::Policy`.
//!
//! Both run `cors_core::PolicyBuilder::build()` while compiling, the very code that validates a
//! policy at run time, and report every problem at once, each on the token to change.
//!
//! ```
//! use actix_web::{get, post, App, HttpResponse};
//! use cors_actix::{cors, Cors};
//!
//! #[cors(origins = any, methods = ["GET"], headers = ["Content-Type"])]
//! #[get("/items")]
//! async fn list_items() -> HttpResponse {
//!     HttpResponse::Ok().body("items")
//! }
//!
//! #[cors(origins = ["https://admin.example.com"], credentials, methods = ["POST"],
//!        headers = ["Content-Type", "X-Csrf-Token"], expose = ["X-Item-Id"], max_age = 120)]
//! #[post("/items")]
//! async fn create_item() -> HttpResponse {
//!     HttpResponse::Created().insert_header(("X-Item-Id", "1")).finish()
//! }
//!
//! #[cors(disable)]
//! #[get("/public/secret")]
//! async fn secret() -> HttpResponse {
//!     HttpResponse::Ok().finish()
//! }
//!
//! // `Cors::routes()` answers the preflights of annotated handlers, which actix would route
//! // nowhere (no handler serves OPTIONS).
//! let app = App::new().wrap(Cors::routes()).service(list_items).service(create_item).service(secret);
//!
//! // A whole policy as a static, e.g. for a scope or an app:
//! let policy: &'static cors_actix::Policy =
//!     cors_actix::cors_policy!(origins = ["https://app.example.com"], methods = ["GET", "PUT"], max_age = 600);
//! let app = App::new().wrap(Cors::from_static(policy));
//! ```
//!
//! # Keys
//!
//! | key | builder option |
//! |---|---|
//! | `origins = ["https://app.example.com", "https://*.example.org", "http://localhost:*"]` | `allowed_origins` (exact origins and patterns) |
//! | `origins = any` | `allow_any_origin` |
//! | `methods = ["PUT"]` / `methods = any` | `allowed_methods` / `allow_any_method` |
//! | `headers = ["Content-Type"]` / `headers = any` | `allowed_headers` / `allow_any_header` |
//! | `headers = [any, "Authorization"]` | both: a wildcard never covers `Authorization` (R22) |
//! | `expose = ["X-Request-Id"]` / `expose = any` | `expose_headers` / `expose_any_header` |
//! | `credentials` (or `credentials = true`) | `supports_credentials` |
//! | `max_age = 600` | `max_age` |
//! | `private_network` | `allow_private_network_access` |
//! | `dangerously_allow_null_origin` | the same |
//! | `dangerously_tolerate_insecure_origins` | the same |
//! | `dangerously_tolerate_subdomains_of_public_suffixes` | the same |
//! | `preflight_status = 200` | `preflight_status` |
//! | `preflight_rejection_status = 404` | `preflight_rejection_status` |
//! | `disable` (alone; `#[cors]` only) | no CORS for this handler |
//!
//! Flags also take `= true` / `= false`. In a list, `any` may stand next to names, as the
//! builder allows both.
//!
//! # Order with actix's route attributes
//!
//! Attributes expand from the top down, so `#[cors(...)]` must come first to see the route:
//! `#[get]`, `#[post]`, `#[put]`, `#[delete]`, `#[patch]`, `#[head]`, `#[options]`,
//! `#[connect]`, `#[trace]` or `#[route(path, method = "..", ...)]`, also written
//! `#[actix_web::get(...)]`. It reads the path and the method(s) from it and, when the route has
//! no `name = "..."`, gives it a unique one (`cors:<crate>:<function>:<n>`) by which the
//! middleware finds the resource once scopes are applied. If you call `url_for` with the
//! handler's name, give the route a `name` yourself: `#[cors]` keeps it.
//!
//! # Compile errors
//!
//! ```compile_fail
//! use actix_web::{post, HttpResponse};
//! use cors_actix::cors;
//!
//! #[cors(origins = any, credentials, methods = ["POST"])]
//! #[post("/items")]
//! async fn create_item() -> HttpResponse {
//!     HttpResponse::Created().finish()
//! }
//! # fn main() {}
//! ```
//!
//! ```text
//! error: credentials cannot be combined with any origin: browsers refuse `*` with credentials and reflecting every origin hands every site your users' data (R18); list the allowed origins explicitly, or drop `credentials`
//!  --> src/main.rs:4:18
//!   |
//! 4 | #[cors(origins = any, credentials, methods = ["POST"])]
//!   |                  ^^^
//! ```
#![deny(missing_docs)]

mod expand;
mod parse;
mod validate;

use proc_macro::TokenStream;

use crate::parse::{Args, Errors, Handler};

/// Declares the CORS policy of one actix-web handler; put it above the route attribute.
///
/// ```
/// use actix_web::{route, HttpResponse};
/// use cors_actix::cors;
///
/// #[cors(origins = ["https://app.example.com", "https://*.example.org"], methods = ["PUT", "PATCH"])]
/// #[route("/items/{id}", method = "PUT", method = "PATCH")]
/// async fn update_item() -> HttpResponse {
///     HttpResponse::NoContent().finish()
/// }
/// ```
///
/// The handler's policy replaces any scope or app policy for it, whole; `#[cors(disable)]`
/// removes CORS from it. Wrap the `App` in `cors_actix::Cors::routes()` (or any `Cors`) so that
/// its preflights are answered. See the [crate documentation](crate) for the keys.
#[proc_macro_attribute]
pub fn cors(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = proc_macro2::TokenStream::from(item);
    let mut errors = Errors::default();
    let args = syn::parse2::<Args>(args.into()).map_err(|e| errors.push(e)).ok();
    let handler = syn::parse2::<Handler>(item.clone()).map_err(|e| errors.push(e)).ok();
    let route_methods = handler.as_ref().map_or(&[][..], |h| &h.route.methods[..]);
    let compiled = match &args {
        Some(Args::Policy(policy)) => validate::validate(policy, route_methods)
            .map_err(|e| errors.push(e))
            .ok(),
        _ => None,
    };
    let expanded = match (args, handler) {
        (Some(Args::Disable(_)), Some(handler)) => errors.finish(expand::handler(handler, None)),
        (Some(Args::Policy(_)), Some(handler)) => match compiled {
            Some(policy) => errors.finish(expand::handler(handler, Some(&policy))),
            None => errors.finish(proc_macro2::TokenStream::new()),
        },
        _ => errors.finish(proc_macro2::TokenStream::new()),
    };
    match expanded {
        Ok(tokens) => tokens.into(),
        // The item stays, unchanged, so that the only errors are these.
        Err(error) => {
            let mut tokens = error.to_compile_error();
            tokens.extend(item);
            tokens.into()
        }
    }
}

/// A whole CORS policy, validated at compile time, as a `&'static cors_actix::Policy`.
///
/// ```
/// use cors_actix::{cors_policy, Cors, Policy};
///
/// let policy: &'static Policy = cors_policy!(
///     origins = ["https://app.example.com", "http://localhost:*"],
///     methods = ["GET", "PUT"],
///     headers = ["Content-Type"],
///     max_age = 600,
/// );
/// let middleware = Cors::from_static(policy);
/// # let _ = middleware;
/// ```
///
/// It takes the keys of [`macro@cors`], except `disable`.
#[proc_macro]
pub fn cors_policy(input: TokenStream) -> TokenStream {
    let expanded = syn::parse2::<Args>(input.into()).and_then(|args| match args {
        Args::Policy(policy) => validate::validate(&policy, &[]).map(|policy| expand::policy(&policy)),
        Args::Disable(disable) => Err(syn::Error::new(
            disable.span(),
            "`disable` applies to one handler: write #[cors(disable)] above its route attribute",
        )),
    });
    match expanded {
        Ok(tokens) => tokens.into(),
        // One expression, whatever the number of errors.
        Err(error) => {
            let errors = error.to_compile_error();
            quote::quote!({ #errors }).into()
        }
    }
}
