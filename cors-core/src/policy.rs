//! The compiled, immutable policy. Built only by [`crate::PolicyBuilder::build`], so a `Policy`
//! that exists is a valid one.

use std::fmt;

use crate::allowed_origins::AllowedOrigins;
use crate::builder::PolicyBuilder;
use crate::decision::{Decision, HeaderText};
use crate::request::Request;

/// A list of method or header names, built at start-up or written by the macros at compile time.
#[derive(Debug, Clone)]
pub(crate) enum Names {
    Owned(Vec<Box<str>>),
    Static(&'static [&'static str]),
}

impl Names {
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        let (owned, fixed): (&[Box<str>], &[&str]) = match self {
            Names::Owned(list) => (list, &[]),
            Names::Static(list) => (&[], list),
        };
        owned.iter().map(|s| &**s).chain(fixed.iter().copied())
    }
}

/// Allowed preflight methods.
#[derive(Debug, Clone)]
pub(crate) enum AllowedMethods {
    /// Any method token (never with credentials).
    Any,
    /// These methods, byte-exact (R20).
    List(Names),
}

/// Allowed request headers.
#[derive(Debug, Clone)]
pub(crate) enum AllowedHeaders {
    /// Any header; `Authorization` only if also listed (R22).
    Any { authorization: bool },
    /// These names, lower-cased.
    List(Names),
}

/// A validated, compiled CORS policy. Cheap to share (`Clone` copies the tables; wrap it in an
/// `Arc` to share one copy), `Send + Sync`, and evaluated per request by [`Policy::decide`].
#[derive(Clone)]
pub struct Policy {
    pub(crate) origins: AllowedOrigins,
    pub(crate) credentials: bool,
    pub(crate) methods: AllowedMethods,
    pub(crate) headers: AllowedHeaders,
    pub(crate) allow_headers: Option<HeaderText>,
    pub(crate) expose_headers: Option<HeaderText>,
    pub(crate) max_age: Option<HeaderText>,
    pub(crate) private_network: bool,
    pub(crate) preflight_status: u16,
    pub(crate) rejection_status: u16,
}

/// `Vary` for preflight responses (R37); the last token only when private network access is on.
pub const PREFLIGHT_VARY: &str = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
const PREFLIGHT_VARY_PNA: &str =
    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network";

impl Policy {
    /// Starts writing a policy.
    pub fn builder() -> PolicyBuilder<Policy> {
        PolicyBuilder::new()
    }

    /// Decides what to send for one request. Allocation-free.
    pub fn decide<'r, L>(&self, request: Request<'r, L>) -> Decision<'_>
    where
        L: IntoIterator<Item = &'r [u8]>,
    {
        if request.is_preflight() {
            self.decide_preflight(request)
        } else {
            self.decide_actual(&request)
        }
    }

    /// Does any header this policy sends depend on the request's `Origin`? Then every response it
    /// governs needs `Vary: Origin`, including those to requests without one (R36). An any-origin
    /// policy answers `*` to everyone and needs none (R31).
    pub fn varies_by_origin(&self) -> bool {
        !matches!(self.origins, AllowedOrigins::Any)
    }

    /// The `Vary` value for this policy's preflight responses (R37).
    pub fn preflight_vary(&self) -> &'static str {
        if self.private_network {
            PREFLIGHT_VARY_PNA
        } else {
            PREFLIGHT_VARY
        }
    }

    /// Does this policy allow credentialed requests?
    pub fn supports_credentials(&self) -> bool {
        self.credentials
    }
}

impl fmt::Debug for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("origins", &self.origins)
            .field("credentials", &self.credentials)
            .field("methods", &self.methods)
            .field("headers", &self.headers)
            .field("expose_headers", &self.expose_headers.as_ref().map(HeaderText::as_str))
            .field("max_age", &self.max_age.as_ref().map(HeaderText::as_str))
            .field("private_network", &self.private_network)
            .finish()
    }
}
