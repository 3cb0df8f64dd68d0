//! CORS for actix-web, exact to the Fetch standard, on top of [`cors_core`].
//!
//! - [`Cors`] is a `Transform` for `App::wrap`, `Scope::wrap` and `Resource::wrap`. It answers
//!   preflights itself, before any inner middleware (authentication never sees one: R6), and
//!   decorates every response to an allowed actual request, errors and redirects included (R11).
//! - `#[cors(...)]` on a handler declares that handler's policy; [`Cors::routes`] on the `App`
//!   answers its preflights, which actix would otherwise route nowhere.
//!
//! Merge rules: a handler's `#[cors(...)]` replaces the scope's or app's policy for that handler,
//! whole; `#[cors(disable)]` removes CORS for it; preflight and actual request are always decided
//! by the same resolved policy.
#![deny(missing_docs)]

mod future;
mod log;
mod middleware;
mod response_headers;
pub mod routes;
mod vary;

pub use cors_core::{self as core, Decision, Policy, PolicyBuilder, PolicyError, Problem, Rejection};
pub use cors_macros::{cors, cors_policy};
pub use future::CorsFuture;
pub use middleware::{Cors, CorsMiddleware};
pub use routes::{effective_routes, registered_routes, EffectiveRoute, RoutePolicy};

#[doc(hidden)]
pub mod __private {
    pub use inventory;
}
