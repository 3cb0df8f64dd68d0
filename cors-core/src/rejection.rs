//! Why a request gets no CORS headers: a closed set of reasons, usable in logs and metrics.

use std::fmt;

/// Why a preflight was refused, or why an actual request is left undecorated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rejection {
    /// The `Origin` is well-formed but not allowed.
    OriginNotAllowed,
    /// `Origin: null` and the policy did not opt in (R10).
    NullOriginNotAllowed,
    /// The `Origin` value is not a serialized origin a browser would send (R4).
    OriginMalformed,
    /// More than one `Origin` line (R3).
    OriginRepeated,
    /// `Access-Control-Request-Method` is not a token, or is longer than 64 bytes (§3 rows 15, 17).
    MethodMalformed,
    /// More than one `Access-Control-Request-Method` line (R3).
    MethodRepeated,
    /// The requested method is not allowed (R20).
    MethodNotAllowed,
    /// `Access-Control-Request-Headers` is not a clean token list (R23, R29).
    HeadersMalformed,
    /// A requested header is not allowed (R21).
    HeaderNotAllowed,
    /// `Authorization` was requested and is not allowed by name (R22).
    AuthorizationNotAllowed,
    /// Private network access was requested and is not allowed (R42).
    PrivateNetworkNotAllowed,
    /// No handler serves the requested method on this path.
    NoHandlerForMethod,
    /// Two handlers declare policies for the same path and method.
    AmbiguousRoutePolicy,
    /// The handler that serves the requested method says `#[cors(disable)]`.
    DisabledForHandler,
}

impl Rejection {
    /// A stable snake-case name, for metrics labels and structured logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OriginNotAllowed => "origin_not_allowed",
            Self::NullOriginNotAllowed => "null_origin_not_allowed",
            Self::OriginMalformed => "origin_malformed",
            Self::OriginRepeated => "origin_repeated",
            Self::MethodMalformed => "method_malformed",
            Self::MethodRepeated => "method_repeated",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::HeadersMalformed => "headers_malformed",
            Self::HeaderNotAllowed => "header_not_allowed",
            Self::AuthorizationNotAllowed => "authorization_not_allowed",
            Self::PrivateNetworkNotAllowed => "private_network_not_allowed",
            Self::NoHandlerForMethod => "no_handler_for_method",
            Self::AmbiguousRoutePolicy => "ambiguous_route_policy",
            Self::DisabledForHandler => "disabled_for_handler",
        }
    }

    /// A one-line, human-readable reason (the body of a rejected preflight).
    pub fn reason(self) -> &'static str {
        match self {
            Self::OriginNotAllowed => "CORS: origin not allowed",
            Self::NullOriginNotAllowed => "CORS: the null origin is not allowed",
            Self::OriginMalformed => "CORS: Origin is not a serialized origin",
            Self::OriginRepeated => "CORS: more than one Origin header",
            Self::MethodMalformed => "CORS: Access-Control-Request-Method is not a method token",
            Self::MethodRepeated => "CORS: more than one Access-Control-Request-Method header",
            Self::MethodNotAllowed => "CORS: method not allowed",
            Self::HeadersMalformed => "CORS: Access-Control-Request-Headers is not a valid header-name list",
            Self::HeaderNotAllowed => "CORS: request header not allowed",
            Self::AuthorizationNotAllowed => "CORS: Authorization must be allowed by name",
            Self::PrivateNetworkNotAllowed => "CORS: private network access not allowed",
            Self::NoHandlerForMethod => "CORS: no handler for the requested method on this path",
            Self::AmbiguousRoutePolicy => "CORS: two handlers declare a policy for this path and method",
            Self::DisabledForHandler => "CORS: disabled for the handler of this method",
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reason())
    }
}
