//! Turning a [`cors_core`] decision into response headers. Values are shared, never copied: the
//! mirrored `Origin` is the request's own header value, and the policy's values are pre-rendered.

use actix_web::http::header::{
    HeaderMap, HeaderName, HeaderValue, ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE,
};
use cors_core::{ActualHeaders, AllowOrigin, HeaderText, PreflightHeaders};

/// `Access-Control-Allow-Private-Network` (legacy Private Network Access, R42).
pub(crate) const ACCESS_CONTROL_ALLOW_PRIVATE_NETWORK: HeaderName =
    HeaderName::from_static("access-control-allow-private-network");
/// `Access-Control-Request-Private-Network`.
pub(crate) const ACCESS_CONTROL_REQUEST_PRIVATE_NETWORK: HeaderName =
    HeaderName::from_static("access-control-request-private-network");

/// Every header that grants something. None of them goes out to a disallowed origin.
const GRANTING: [HeaderName; 7] = [
    ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_ALLOW_CREDENTIALS,
    ACCESS_CONTROL_EXPOSE_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_MAX_AGE,
    ACCESS_CONTROL_ALLOW_PRIVATE_NETWORK,
];

const STAR: HeaderValue = HeaderValue::from_static("*");
const TRUE: HeaderValue = HeaderValue::from_static("true");

pub(crate) fn shared(text: &HeaderText) -> Option<HeaderValue> {
    // `Bytes` in, so no copy; the check cannot fail for a value a policy rendered.
    HeaderValue::from_maybe_shared(text.bytes().clone()).ok()
}

fn allow_origin(allow: AllowOrigin, origin: &HeaderValue) -> HeaderValue {
    match allow {
        AllowOrigin::Any => STAR,
        AllowOrigin::Mirror => origin.clone(),
    }
}

/// Owned header values for an actual response, computed before the inner service runs so that
/// the response future holds no borrow of the policy.
#[derive(Debug, Clone)]
pub(crate) struct ActualDecoration {
    allow_origin: HeaderValue,
    allow_credentials: bool,
    expose_headers: Option<HeaderValue>,
}

impl ActualDecoration {
    pub(crate) fn new(headers: &ActualHeaders<'_>, origin: Option<&HeaderValue>) -> Option<Self> {
        let allow_origin = match (headers.allow_origin, origin) {
            (AllowOrigin::Any, _) => STAR,
            (allow, Some(origin)) => allow_origin(allow, origin),
            (AllowOrigin::Mirror, None) => return None,
        };
        Some(ActualDecoration {
            allow_origin,
            allow_credentials: headers.allow_credentials,
            expose_headers: headers.expose_headers.and_then(shared),
        })
    }

    /// Sets (never appends: R8) the CORS headers; the middleware's values replace any the
    /// handler set.
    pub(crate) fn apply(&self, headers: &mut HeaderMap) {
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, self.allow_origin.clone());
        if self.allow_credentials {
            headers.insert(ACCESS_CONTROL_ALLOW_CREDENTIALS, TRUE);
        } else {
            headers.remove(ACCESS_CONTROL_ALLOW_CREDENTIALS);
        }
        if let Some(v) = &self.expose_headers {
            headers.insert(ACCESS_CONTROL_EXPOSE_HEADERS, v.clone());
        } else {
            headers.remove(ACCESS_CONTROL_EXPOSE_HEADERS);
        }
    }
}

/// Removes every granting header, whoever set it: a disallowed origin gets none.
pub(crate) fn strip(headers: &mut HeaderMap) {
    for name in GRANTING {
        headers.remove(name);
    }
}

/// Writes the headers of an allowed preflight.
pub(crate) fn preflight(
    out: &mut HeaderMap,
    decision: &PreflightHeaders<'_>,
    origin: &HeaderValue,
    request_method: &HeaderValue,
) {
    out.insert(ACCESS_CONTROL_ALLOW_ORIGIN, allow_origin(decision.allow_origin, origin));
    if decision.allow_credentials {
        out.insert(ACCESS_CONTROL_ALLOW_CREDENTIALS, TRUE);
    }
    if decision.allow_method {
        // R20: the method exactly as requested, which the policy matched byte for byte.
        out.insert(ACCESS_CONTROL_ALLOW_METHODS, request_method.clone());
    }
    if let Some(v) = decision.allow_headers.and_then(shared) {
        out.insert(ACCESS_CONTROL_ALLOW_HEADERS, v);
    }
    if let Some(v) = decision.max_age.and_then(shared) {
        out.insert(ACCESS_CONTROL_MAX_AGE, v);
    }
    if decision.allow_private_network {
        out.insert(ACCESS_CONTROL_ALLOW_PRIVATE_NETWORK, TRUE);
    }
}
