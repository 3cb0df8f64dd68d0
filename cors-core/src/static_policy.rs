//! Policies compiled at build time. `#[cors(...)]` and `cors_policy!` validate a policy with the
//! ordinary builder while the program compiles, read its compiled tables with
//! [`Policy::compiled_parts`], and write them back as a `static` through [`Policy::from_static`]:
//! nothing is parsed, validated or allocated at run time. Not meant to be written by hand.

use std::borrow::Cow;

use crate::allowed_origins::{AllowedOrigins, ExactOrigins};
use crate::decision::HeaderText;
use crate::origin::HostKind;
use crate::origin_pattern::{OriginPattern, PortRule};
use crate::policy::{AllowedHeaders, AllowedMethods, Names, Policy};

/// A compiled origin pattern as static data.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticPattern {
    /// As written.
    pub text: &'static str,
    /// Scheme.
    pub scheme: &'static str,
    /// Fixed part of the host.
    pub base: &'static str,
    /// Whether the base is an IP address (never true with `subdomains`).
    pub base_is_domain: bool,
    /// `*.` in front.
    pub subdomains: bool,
    /// `:*` at the end.
    pub any_port: bool,
    /// The explicit port, when not `any_port`.
    pub port: Option<u16>,
}

/// A whole compiled policy as static data.
#[doc(hidden)]
#[derive(Debug)]
pub struct StaticPolicy {
    /// `None`: any origin. Otherwise exact origins, sorted.
    pub exact_origins: Option<&'static [&'static str]>,
    /// `Origin: null` allowed.
    pub null_origin: bool,
    /// Credentials.
    pub credentials: bool,
    /// `None`: any method.
    pub methods: Option<&'static [&'static str]>,
    /// `None`: any header. Lower-cased.
    pub headers: Option<&'static [&'static str]>,
    /// `Authorization` listed next to any header.
    pub any_header_authorization: bool,
    /// Rendered `Access-Control-Allow-Headers`.
    pub allow_headers: Option<&'static str>,
    /// Rendered `Access-Control-Expose-Headers`.
    pub expose_headers: Option<&'static str>,
    /// Rendered `Access-Control-Max-Age`.
    pub max_age: Option<&'static str>,
    /// Private network access.
    pub private_network: bool,
    /// Preflight success status.
    pub preflight_status: u16,
    /// Preflight rejection status.
    pub rejection_status: u16,
}

/// A compiled origin pattern, owned: the fields of [`StaticPattern`].
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledPattern {
    /// As written.
    pub text: String,
    /// Scheme.
    pub scheme: String,
    /// Fixed part of the host.
    pub base: String,
    /// Whether the base is a domain.
    pub base_is_domain: bool,
    /// `*.` in front.
    pub subdomains: bool,
    /// `:*` at the end.
    pub any_port: bool,
    /// The explicit port, when not `any_port`.
    pub port: Option<u16>,
}

/// The same data, owned: what [`Policy::compiled_parts`] hands to the macros.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledParts {
    /// `None`: any origin. Otherwise exact origins, sorted.
    pub exact_origins: Option<Vec<String>>,
    /// Origin patterns.
    pub patterns: Vec<CompiledPattern>,
    /// `Origin: null` allowed.
    pub null_origin: bool,
    /// Whether the policy has origin predicates (which cannot be static).
    pub has_predicates: bool,
    /// Credentials.
    pub credentials: bool,
    /// `None`: any method.
    pub methods: Option<Vec<String>>,
    /// `None`: any header.
    pub headers: Option<Vec<String>>,
    /// `Authorization` listed next to any header.
    pub any_header_authorization: bool,
    /// Rendered `Access-Control-Allow-Headers`.
    pub allow_headers: Option<String>,
    /// Rendered `Access-Control-Expose-Headers`.
    pub expose_headers: Option<String>,
    /// Rendered `Access-Control-Max-Age`.
    pub max_age: Option<String>,
    /// Private network access.
    pub private_network: bool,
    /// Preflight success status.
    pub preflight_status: u16,
    /// Preflight rejection status.
    pub rejection_status: u16,
}

const fn text(value: Option<&'static str>) -> Option<HeaderText> {
    match value {
        Some(v) => Some(HeaderText::from_static(v)),
        None => None,
    }
}

impl Policy {
    /// Rebuilds a policy from the tables the macros wrote at compile time (`patterns` are made with
    /// [`OriginPattern::from_static`]). `const`, so the result can be a `static`.
    #[doc(hidden)]
    pub const fn from_static(p: &'static StaticPolicy, patterns: &'static [OriginPattern]) -> Policy {
        Policy {
            origins: match p.exact_origins {
                None => AllowedOrigins::Any,
                Some(exact) => AllowedOrigins::List {
                    exact: ExactOrigins::Sorted(exact),
                    patterns: Cow::Borrowed(patterns),
                    predicates: Vec::new(),
                    null: p.null_origin,
                },
            },
            credentials: p.credentials,
            methods: match p.methods {
                None => AllowedMethods::Any,
                Some(list) => AllowedMethods::List(Names::Static(list)),
            },
            headers: match p.headers {
                None => AllowedHeaders::Any {
                    authorization: p.any_header_authorization,
                },
                Some(list) => AllowedHeaders::List(Names::Static(list)),
            },
            allow_headers: text(p.allow_headers),
            expose_headers: text(p.expose_headers),
            max_age: text(p.max_age),
            private_network: p.private_network,
            preflight_status: p.preflight_status,
            rejection_status: p.rejection_status,
        }
    }

    /// The compiled tables, for the macros to write out as static data.
    #[doc(hidden)]
    pub fn compiled_parts(&self) -> CompiledParts {
        let (exact_origins, patterns, null_origin, has_predicates) = match &self.origins {
            AllowedOrigins::Any => (None, Vec::new(), false, false),
            AllowedOrigins::List {
                exact,
                patterns,
                predicates,
                null,
            } => (
                Some(exact.sorted().into_iter().map(str::to_owned).collect()),
                patterns
                    .iter()
                    .map(|p| {
                        let (any_port, port) = match p.port {
                            PortRule::Any => (true, None),
                            PortRule::Exact(port) => (false, port),
                        };
                        CompiledPattern {
                            text: p.text.to_string(),
                            scheme: p.scheme.to_string(),
                            base: p.base.to_string(),
                            base_is_domain: p.base_kind == HostKind::Domain,
                            subdomains: p.subdomains,
                            any_port,
                            port,
                        }
                    })
                    .collect(),
                *null,
                !predicates.is_empty(),
            ),
        };
        let owned = |list: &Names| list.iter().map(str::to_owned).collect::<Vec<_>>();
        CompiledParts {
            exact_origins,
            patterns,
            null_origin,
            has_predicates,
            credentials: self.credentials,
            methods: match &self.methods {
                AllowedMethods::Any => None,
                AllowedMethods::List(list) => Some(owned(list)),
            },
            headers: match &self.headers {
                AllowedHeaders::Any { .. } => None,
                AllowedHeaders::List(list) => Some(owned(list)),
            },
            any_header_authorization: matches!(self.headers, AllowedHeaders::Any { authorization: true }),
            allow_headers: self.allow_headers.as_ref().map(|t| t.as_str().to_owned()),
            expose_headers: self.expose_headers.as_ref().map(|t| t.as_str().to_owned()),
            max_age: self.max_age.as_ref().map(|t| t.as_str().to_owned()),
            private_network: self.private_network,
            preflight_status: self.preflight_status,
            rejection_status: self.rejection_status,
        }
    }
}

impl OriginPattern {
    /// A pattern from compile-time data (see [`Policy::from_static`]).
    #[doc(hidden)]
    pub const fn from_static(p: &'static StaticPattern) -> OriginPattern {
        OriginPattern {
            text: Cow::Borrowed(p.text),
            scheme: Cow::Borrowed(p.scheme),
            base: Cow::Borrowed(p.base),
            base_kind: if p.base_is_domain {
                HostKind::Domain
            } else {
                HostKind::Ipv4
            },
            subdomains: p.subdomains,
            port: if p.any_port {
                PortRule::Any
            } else {
                PortRule::Exact(p.port)
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Request, Single};

    static PATTERNS: [OriginPattern; 1] = [OriginPattern::from_static(&StaticPattern {
        text: "https://*.example.org",
        scheme: "https",
        base: "example.org",
        base_is_domain: true,
        subdomains: true,
        any_port: false,
        port: None,
    })];
    static PARTS: StaticPolicy = StaticPolicy {
        exact_origins: Some(&["http://localhost:3000", "https://app.example.com"]),
        null_origin: false,
        credentials: true,
        methods: Some(&["PUT"]),
        headers: Some(&["content-type", "x-a"]),
        any_header_authorization: false,
        allow_headers: Some("content-type, x-a"),
        expose_headers: Some("X-Request-Id"),
        max_age: Some("600"),
        private_network: false,
        preflight_status: 204,
        rejection_status: 403,
    };
    static STATIC: Policy = Policy::from_static(&PARTS, &PATTERNS);

    fn request<'a>(
        method: &'a str,
        origin: &'a str,
        acrm: Option<&'a str>,
        acrh: &'a [&'a [u8]],
    ) -> Request<'a, std::iter::Copied<std::slice::Iter<'a, &'a [u8]>>> {
        Request {
            method: method.as_bytes(),
            origin: Single::One(origin.as_bytes()),
            request_method: acrm.map_or(Single::Absent, |m| Single::One(m.as_bytes())),
            request_headers: acrh.iter().copied(),
            request_private_network: Single::Absent,
        }
    }

    #[test]
    fn a_static_policy_decides_like_the_built_one() {
        let built = Policy::builder()
            .allowed_origins([
                "https://app.example.com",
                "http://localhost:3000",
                "https://*.example.org",
            ])
            .supports_credentials()
            .allowed_methods(["PUT"])
            .allowed_headers(["Content-Type", "X-A"])
            .expose_headers(["X-Request-Id"])
            .max_age(600)
            .build()
            .unwrap();
        let parts = built.compiled_parts();
        assert_eq!(
            parts.exact_origins.as_deref(),
            PARTS
                .exact_origins
                .map(|o| o.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .as_deref()
        );
        assert_eq!(parts.allow_headers.as_deref(), PARTS.allow_headers);
        assert_eq!(parts.patterns[0].text, "https://*.example.org");
        for origin in [
            "https://app.example.com",
            "http://localhost:3000",
            "https://a.example.org",
            "https://evil.example",
            "https://example.org",
        ] {
            for (method, acrm, acrh) in [
                ("GET", None, &[][..]),
                ("OPTIONS", Some("PUT"), &[&b"x-a"[..]][..]),
                ("OPTIONS", Some("PATCH"), &[][..]),
                ("OPTIONS", Some("PUT"), &[&b"x-b"[..]][..]),
            ] {
                let static_decision = STATIC.decide(request(method, origin, acrm, acrh));
                let built_decision = built.decide(request(method, origin, acrm, acrh));
                assert_eq!(static_decision, built_decision, "{origin} {method} {acrm:?}");
            }
        }
    }
}
