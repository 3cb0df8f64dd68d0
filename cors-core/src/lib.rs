//! A Fetch-exact CORS policy engine, independent of any web framework.
//!
//! - [`PolicyBuilder`]: the policy a user writes.
//! - [`PolicyBuilder::build`]: validation, reporting every problem as a [`PolicyError`].
//! - [`Policy`]: the compiled form; [`Policy::decide`] turns a [`Request`] into a [`Decision`].
//!
//! Rule numbers (R1–R42) refer to the project's protocol notes, derived from the Fetch standard.
//!
//! ```
//! use cors_core::{Decision, Policy, Request, Single};
//!
//! let policy = Policy::builder()
//!     .allowed_origin("https://app.example.com")
//!     .allowed_methods(["PUT"])
//!     .build()
//!     .unwrap();
//! let preflight = Request {
//!     method: b"OPTIONS",
//!     origin: Single::One(b"https://app.example.com"),
//!     request_method: Single::One(b"PUT"),
//!     request_headers: [],
//!     request_private_network: Single::Absent,
//! };
//! assert!(matches!(policy.decide(preflight), Decision::Preflight(_)));
//! ```
#![deny(missing_docs)]

mod actual;
mod allowed_origins;
mod builder;
mod decision;
mod error;
mod header_list;
pub mod header_name;
pub mod method;
pub mod origin;
mod origin_pattern;
mod policy;
mod preflight;
mod rejection;
mod request;
mod static_policy;
mod token;
mod validate;

pub use allowed_origins::OriginPredicate;
pub use builder::PolicyBuilder;
pub use decision::{ActualHeaders, AllowOrigin, Decision, HeaderText, PreflightHeaders};
pub use error::{Field, PolicyError, Problem};
pub use origin_pattern::OriginPattern;
pub use policy::{Policy, PREFLIGHT_VARY};
pub use rejection::Rejection;
pub use request::{Request, Single};
#[doc(hidden)]
pub use static_policy::{CompiledParts, CompiledPattern, StaticPattern, StaticPolicy};
pub use validate::MAX_AGE_LIMIT;
