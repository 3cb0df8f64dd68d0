//! Methods as the Fetch standard sees them (R20, R24, R25, R41).

/// CORS-safelisted methods: a browser never needs `Access-Control-Allow-Methods` for these (R20).
pub const SAFELISTED: [&str; 3] = ["GET", "HEAD", "POST"];

/// Methods a page can never request (R25); matched case-insensitively.
pub const FORBIDDEN: [&str; 3] = ["CONNECT", "TRACE", "TRACK"];

/// Longest `Access-Control-Request-Method` accepted, and longest method a policy may list (R29,
/// §3 row 15: ACRM must be a short token). Registered methods are at most 17 bytes long; refusing
/// longer ones keeps an allow-any-method policy from echoing kilobytes into
/// `Access-Control-Allow-Methods`.
pub const MAX_LEN: usize = 64;

/// Methods browsers upper-case before sending (R41): `fetch(u, {method: "delete"})` sends `DELETE`.
pub const NORMALIZED: [&str; 6] = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

/// Is `method` (byte-exact, case-sensitive) CORS-safelisted?
#[inline]
pub fn is_safelisted(method: &[u8]) -> bool {
    SAFELISTED.iter().any(|m| m.as_bytes() == method)
}

/// Is `method` forbidden (case-insensitive)?
pub fn is_forbidden(method: &str) -> bool {
    FORBIDDEN.iter().any(|m| m.eq_ignore_ascii_case(method))
}

/// If `method` is a case variant of a normalized method that is not already upper case, the form a
/// browser actually sends (`get` -> `GET`).
pub fn normalized_form(method: &str) -> Option<&'static str> {
    NORMALIZED
        .iter()
        .find(|m| m.eq_ignore_ascii_case(method) && **m != method)
        .copied()
}
