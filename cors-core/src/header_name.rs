//! Header-name facts from the Fetch standard (R21, R22, R25, R30).

/// Forbidden request-header names (R25): a page can never set them, so listing one is a mistake.
const FORBIDDEN_REQUEST: [&str; 21] = [
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// Is `name` (any case) a forbidden request-header name, including the `proxy-` and `sec-` prefixes?
pub fn is_forbidden_request_header(name: &str) -> bool {
    let starts_with = |prefix: &str| {
        name.len() >= prefix.len() && name.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    FORBIDDEN_REQUEST.iter().any(|f| f.eq_ignore_ascii_case(name)) || starts_with("proxy-") || starts_with("sec-")
}

/// Response-header names a browser never exposes to script, whatever the policy says (R30).
pub fn is_never_exposed(name: &str) -> bool {
    name.eq_ignore_ascii_case("set-cookie") || name.eq_ignore_ascii_case("set-cookie2")
}

/// `Authorization` is never covered by a `*` in `Access-Control-Allow-Headers` (R22).
pub(crate) const AUTHORIZATION: &str = "authorization";
