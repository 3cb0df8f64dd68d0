//! What to send for one request: the output of [`crate::Policy::decide`].

use bytes::Bytes;

use crate::rejection::Rejection;

/// A pre-rendered header value owned by a compiled policy. Cloning the [`Bytes`] is a reference
/// count increment, so a server can put it on a response without copying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderText(Bytes);

impl HeaderText {
    pub(crate) fn new(text: String) -> Self {
        let bytes = Bytes::from(text);
        // A `Bytes` made from a `Vec` allocates its shared header on the first clone; do it now,
        // at compile time, so that no request ever pays for it.
        drop(bytes.clone());
        HeaderText(bytes)
    }

    pub(crate) const fn from_static(text: &'static str) -> Self {
        HeaderText(Bytes::from_static(text.as_bytes()))
    }

    /// The value as text (always visible ASCII).
    pub fn as_str(&self) -> &str {
        // Only ever built from `String`s or `&str`s.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The value as shared bytes.
    pub fn bytes(&self) -> &Bytes {
        &self.0
    }
}

/// What to put in `Access-Control-Allow-Origin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllowOrigin {
    /// The literal `*` (any-origin policy, never with credentials: R17, R18).
    Any,
    /// The request's own `Origin` value, byte for byte (R7). The decision only says so after an
    /// allow-list match, so nothing unchecked is ever reflected (§3 row 1).
    Mirror,
}

/// Headers for an allowed preflight (R19). Sent with `status` and an empty body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreflightHeaders<'p> {
    /// The success status (200..=299).
    pub status: u16,
    /// `Access-Control-Allow-Origin`.
    pub allow_origin: AllowOrigin,
    /// `Access-Control-Allow-Credentials: true` (R16).
    pub allow_credentials: bool,
    /// Send `Access-Control-Allow-Methods` with the request's `Access-Control-Request-Method`,
    /// byte for byte (R20). `false` for safelisted methods, which need none.
    pub allow_method: bool,
    /// `Access-Control-Allow-Headers`, when headers were requested.
    pub allow_headers: Option<&'p HeaderText>,
    /// `Access-Control-Max-Age`.
    pub max_age: Option<&'p HeaderText>,
    /// `Access-Control-Allow-Private-Network: true` (R42).
    pub allow_private_network: bool,
}

/// Headers for a response to an allowed actual request (or, for an any-origin policy, to any
/// request: R31).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActualHeaders<'p> {
    /// `Access-Control-Allow-Origin`.
    pub allow_origin: AllowOrigin,
    /// `Access-Control-Allow-Credentials: true`.
    pub allow_credentials: bool,
    /// `Access-Control-Expose-Headers` (R30).
    pub expose_headers: Option<&'p HeaderText>,
}

/// The decision for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision<'p> {
    /// No `Origin`: not a CORS request (R1). An any-origin policy still sends its static headers
    /// (R31); other policies send nothing but `Vary`.
    NotCors(Option<ActualHeaders<'p>>),
    /// An allowed preflight: answer it with these headers, without calling the application (R6).
    Preflight(PreflightHeaders<'p>),
    /// A refused preflight: answer it with `status`, no CORS headers and the reason.
    PreflightRejected {
        /// Why.
        rejection: Rejection,
        /// The configured rejection status (403 by default).
        status: u16,
    },
    /// An allowed actual request: pass it on and add these headers to whatever comes back (R11).
    Actual(ActualHeaders<'p>),
    /// An actual request whose origin is not allowed: pass it on, never block it (R1), and send no
    /// `Access-Control-*` header.
    ActualRejected(Rejection),
}

impl Decision<'_> {
    /// The rejection, if this decision is one.
    pub fn rejection(&self) -> Option<Rejection> {
        match self {
            Decision::PreflightRejected { rejection, .. } | Decision::ActualRejected(rejection) => Some(*rejection),
            _ => None,
        }
    }
}
