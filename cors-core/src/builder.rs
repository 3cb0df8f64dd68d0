//! The policy a user writes. Nothing is checked here: [`PolicyBuilder::build`] checks everything at
//! once and reports every problem together.

use std::marker::PhantomData;
use std::sync::Arc;

use crate::error::PolicyError;
use crate::policy::Policy;

/// A declarative CORS policy, compiled by [`PolicyBuilder::build`].
///
/// The option names follow `actix-cors` where the meaning is the same. `T` is what `build`
/// returns: a [`Policy`], or anything made from one (such as a middleware).
///
/// ```
/// use cors_core::Policy;
///
/// let policy = Policy::builder()
///     .allowed_origin("https://app.example.com")
///     .allowed_origin("https://*.example.org")
///     .allowed_methods(["GET", "PUT"])
///     .allowed_header("Content-Type")
///     .max_age(600)
///     .build()
///     .unwrap();
/// # let _ = policy;
/// ```
#[must_use = "a builder does nothing until `build` is called"]
pub struct PolicyBuilder<T = Policy> {
    pub(crate) origins: Vec<String>,
    pub(crate) origin_predicates: Vec<crate::OriginPredicate>,
    pub(crate) any_origin: bool,
    pub(crate) null_origin: bool,
    pub(crate) methods: Vec<String>,
    pub(crate) any_method: bool,
    pub(crate) headers: Vec<String>,
    pub(crate) any_header: bool,
    pub(crate) expose: Vec<String>,
    pub(crate) expose_any: bool,
    pub(crate) max_age: Option<u64>,
    pub(crate) credentials: bool,
    pub(crate) private_network: bool,
    pub(crate) tolerate_insecure_origins: bool,
    pub(crate) tolerate_public_suffix_subdomains: bool,
    pub(crate) preflight_status: u16,
    pub(crate) rejection_status: u16,
    output: PhantomData<fn() -> T>,
}

impl<T> Default for PolicyBuilder<T> {
    fn default() -> Self {
        PolicyBuilder {
            origins: Vec::new(),
            origin_predicates: Vec::new(),
            any_origin: false,
            null_origin: false,
            methods: Vec::new(),
            any_method: false,
            headers: Vec::new(),
            any_header: false,
            expose: Vec::new(),
            expose_any: false,
            max_age: None,
            credentials: false,
            private_network: false,
            tolerate_insecure_origins: false,
            tolerate_public_suffix_subdomains: false,
            preflight_status: 204,
            rejection_status: 403,
            output: PhantomData,
        }
    }
}

impl<T: From<Policy>> PolicyBuilder<T> {
    /// An empty policy. It allows nothing, so `build` reports that the origin set is empty.
    pub fn new() -> Self {
        Self::default()
    }

    /// Allows one origin: an exact serialized origin (`https://app.example.com`) or a pattern,
    /// either `scheme://*.domain` (one or more labels before `.domain`) or `scheme://host:*`
    /// (any port). Write origins as browsers send them: lower case, no path, no default port.
    pub fn allowed_origin(mut self, origin: impl Into<String>) -> Self {
        self.origins.push(origin.into());
        self
    }

    /// Allows several origins or patterns; see [`Self::allowed_origin`].
    pub fn allowed_origins<I: IntoIterator<Item = S>, S: Into<String>>(mut self, origins: I) -> Self {
        self.origins.extend(origins.into_iter().map(Into::into));
        self
    }

    /// Allows the origins for which `predicate` returns `true`. It only ever sees well-formed,
    /// canonical serialized origins, and is asked only when no exact origin or pattern matched.
    pub fn allowed_origin_fn(mut self, predicate: impl Fn(&str) -> bool + Send + Sync + 'static) -> Self {
        self.origin_predicates.push(Arc::new(predicate));
        self
    }

    /// Allows every origin, answered with `Access-Control-Allow-Origin: *`. Cannot be combined
    /// with credentials (R18).
    pub fn allow_any_origin(mut self) -> Self {
        self.any_origin = true;
        self
    }

    /// Allows `Origin: null`, which sandboxed iframes, `data:` and `file:` documents and requests
    /// after a cross-origin redirect send: any site can produce it (R10). Never with credentials.
    pub fn dangerously_allow_null_origin(mut self) -> Self {
        self.null_origin = true;
        self
    }

    /// Allows these methods in preflights. Methods are case-sensitive (`PATCH` is not `patch`,
    /// R20); `GET`, `HEAD` and `POST` never need listing (R20).
    pub fn allowed_methods<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, methods: I) -> Self {
        self.methods.extend(methods.into_iter().map(|m| m.as_ref().to_owned()));
        self
    }

    /// Allows one method; see [`Self::allowed_methods`].
    pub fn allowed_method(self, method: impl AsRef<str>) -> Self {
        self.allowed_methods([method])
    }

    /// Allows any method (answered by echoing the requested method). Not with credentials (R17).
    pub fn allow_any_method(mut self) -> Self {
        self.any_method = true;
        self
    }

    /// Allows one request header (case-insensitive, R21).
    pub fn allowed_header(self, header: impl AsRef<str>) -> Self {
        self.allowed_headers([header])
    }

    /// Allows these request headers (case-insensitive, R21).
    pub fn allowed_headers<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, headers: I) -> Self {
        self.headers.extend(headers.into_iter().map(|h| h.as_ref().to_owned()));
        self
    }

    /// Allows any request header except `Authorization`, which must still be listed by name
    /// (R22). Not with credentials (R17).
    pub fn allow_any_header(mut self) -> Self {
        self.any_header = true;
        self
    }

    /// Lets script read these response headers (R30).
    pub fn expose_headers<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, headers: I) -> Self {
        self.expose.extend(headers.into_iter().map(|h| h.as_ref().to_owned()));
        self
    }

    /// Lets script read one response header (R30).
    pub fn expose_header(self, header: impl AsRef<str>) -> Self {
        self.expose_headers([header])
    }

    /// Lets script read every response header (`Access-Control-Expose-Headers: *`). Not with
    /// credentials, where `*` is only a header literally named `*` (R17, R30).
    pub fn expose_any_header(mut self) -> Self {
        self.expose_any = true;
        self
    }

    /// How long, in seconds, a browser may cache a preflight answer (0..=86400; Chromium caps it
    /// at 7200, Firefox at 86400: R26).
    pub fn max_age(mut self, seconds: impl Into<Option<u64>>) -> Self {
        self.max_age = seconds.into();
        self
    }

    /// Allows credentialed requests (cookies, `Authorization`, client certificates):
    /// `Access-Control-Allow-Credentials: true` on preflights and actual responses (R14, R16).
    pub fn supports_credentials(mut self) -> Self {
        self.credentials = true;
        self
    }

    /// Answers `Access-Control-Request-Private-Network: true` with
    /// `Access-Control-Allow-Private-Network: true` (legacy Private Network Access, R42).
    pub fn allow_private_network_access(mut self) -> Self {
        self.private_network = true;
        self
    }

    /// Accepts `http://` origins that are not loopback together with credentials, although any
    /// network attacker can impersonate them (§3 row 7).
    pub fn dangerously_tolerate_insecure_origins(mut self) -> Self {
        self.tolerate_insecure_origins = true;
        self
    }

    /// Accepts patterns such as `https://*.github.io` whose fixed part is a public suffix, which
    /// lets every site registered under it in (§3 row 21).
    pub fn dangerously_tolerate_subdomains_of_public_suffixes(mut self) -> Self {
        self.tolerate_public_suffix_subdomains = true;
        self
    }

    /// The status of an allowed preflight (200..=299, default 204).
    pub fn preflight_status(mut self, status: u16) -> Self {
        self.preflight_status = status;
        self
    }

    /// The status of a refused preflight (default 403). It carries no CORS headers, so the browser
    /// fails the request whatever the status; 200 hides the refusal from naive scanners.
    pub fn preflight_rejection_status(mut self, status: u16) -> Self {
        self.rejection_status = status;
        self
    }

    /// Validates the policy and compiles it. Every problem is reported, not just the first.
    pub fn build(self) -> Result<T, PolicyError> {
        crate::validate::compile(self).map(T::from)
    }
}
