//! Helpers shared by the integration tests: reading response headers the way a browser would.
#![allow(dead_code)]

use actix_web::http::header::HeaderMap;
use actix_web::HttpResponse;

pub const APP: &str = "https://app.example.com";
pub const ADMIN: &str = "https://admin.example.com";
pub const EVIL: &str = "https://evil.example.net";

pub const ACAO: &str = "access-control-allow-origin";
pub const ACAC: &str = "access-control-allow-credentials";
pub const ACAM: &str = "access-control-allow-methods";
pub const ACAH: &str = "access-control-allow-headers";
pub const ACEH: &str = "access-control-expose-headers";
pub const ACMA: &str = "access-control-max-age";
pub const ACAPN: &str = "access-control-allow-private-network";
pub const ACRM: &str = "access-control-request-method";
pub const ACRH: &str = "access-control-request-headers";
pub const ACRPN: &str = "access-control-request-private-network";

/// Every line of `name`, as text.
pub fn lines(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers
        .get_all(name)
        .map(|v| v.to_str().expect("visible ASCII").to_owned())
        .collect()
}

/// The value of a header that must appear on exactly one line (R8), or `None` if absent.
pub fn single(headers: &HeaderMap, name: &str) -> Option<String> {
    let all = lines(headers, name);
    assert!(all.len() <= 1, "{name} sent on {} lines: {all:?}", all.len());
    all.into_iter().next()
}

/// Every `Access-Control-*` header of a response, as `name: value`.
pub fn cors_headers(headers: &HeaderMap) -> Vec<String> {
    let mut out: Vec<String> = headers
        .iter()
        .filter(|(name, _)| name.as_str().starts_with("access-control-"))
        .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap_or("<opaque>")))
        .collect();
    out.sort();
    out
}

/// The `Vary` tokens of a response, across all its lines, in order.
pub fn vary_tokens(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all("vary")
        .flat_map(|v| {
            v.to_str()
                .expect("visible ASCII")
                .split(',')
                .map(|t| t.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Does `Vary` list `token` (case-insensitively)?
pub fn varies_on(headers: &HeaderMap, token: &str) -> bool {
    vary_tokens(headers).iter().any(|t| t.eq_ignore_ascii_case(token))
}

/// The headers of the response an `actix_web::Error` turns into, as the server would send it.
pub fn error_response(err: &actix_web::Error) -> HttpResponse {
    err.error_response()
}
