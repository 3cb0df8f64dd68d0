//! The showcase: one app with every policy shape the contract names.
//!
//! | path            | declared by            |
//! |-----------------|------------------------|
//! | `/public/...`   | middleware on a scope  |
//! | `/account/...`  | middleware on a scope  |
//! | `/partners/...` | middleware on a scope  |
//! | `/devices/...`  | middleware on a scope  |
//! | `/items...`     | attributes on handlers |
//! | `/internal/...` | no policy              |

pub mod args;
pub mod frontend;
mod items;
mod scopes;

use actix_web::{web, App};
use cors_actix::{Cors, PolicyError};

pub use scopes::ScopePolicies;

/// The showcase's policies, compiled once and shared by every worker.
#[derive(Debug, Clone)]
pub struct Showcase {
    scopes: ScopePolicies,
}

impl Showcase {
    /// Compiles every policy of the showcase.
    pub fn new() -> Result<Self, PolicyError> {
        Ok(Showcase {
            scopes: ScopePolicies::new()?,
        })
    }

    /// Adds every showcase route to an app, which must be wrapped in [`Cors::routes`] for the
    /// handler-level policies of `/items` (as [`Showcase::app`] does).
    pub fn configure(&self, cfg: &mut web::ServiceConfig) {
        self.scopes.configure(cfg);
        items::configure(cfg);
        cfg.service(web::resource("/internal/health").route(web::get().to(|| async { "ok" })));
    }

    /// The showcase app, as the binary serves it.
    pub fn app(
        &self,
    ) -> App<
        impl actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
            Error = actix_web::Error,
            InitError = (),
        >,
    > {
        App::new().wrap(Cors::routes()).configure(|cfg| self.configure(cfg))
    }
}
