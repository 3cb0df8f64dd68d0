//! Compiling a [`PolicyBuilder`] into a [`Policy`]: every rule a configuration must obey, checked in
//! one place. The attribute macros run this same code at compile time.

use std::collections::HashSet;

use std::borrow::Cow;

use crate::allowed_origins::{AllowedOrigins, ExactOrigins};
use crate::builder::PolicyBuilder;
use crate::decision::HeaderText;
use crate::error::{Field, PolicyError, Problem};
use crate::header_name::{is_forbidden_request_header, is_never_exposed, AUTHORIZATION};
use crate::method;
use crate::origin::{is_loopback_host, Origin, OriginSyntax};
use crate::origin_pattern::{OriginPattern, PatternSyntax};
use crate::policy::{AllowedHeaders, AllowedMethods, Names, Policy};
use crate::token::is_token;

/// Browsers cap `Access-Control-Max-Age` at 86400 s at most (Firefox; Chromium at 7200 s, R26).
pub const MAX_AGE_LIMIT: u64 = 86_400;

struct Problems(Vec<Problem>);

impl Problems {
    fn push(&mut self, field: Field, index: Option<usize>, value: &str, message: &str, fix: impl Into<String>) {
        self.0.push(Problem {
            field,
            index,
            value: value.to_owned(),
            message: message.to_owned(),
            fix: fix.into(),
        });
    }
}

pub(crate) fn compile<T>(b: PolicyBuilder<T>) -> Result<Policy, PolicyError> {
    let mut p = Problems(Vec::new());
    let origins = origins(&b, &mut p);
    let methods = methods(&b, &mut p);
    let (headers, allow_headers) = headers(&b, &mut p);
    let expose_headers = expose(&b, &mut p);
    let max_age = max_age(&b, &mut p);
    statuses(&b, &mut p);
    if !p.0.is_empty() {
        return Err(PolicyError::new(p.0));
    }
    Ok(Policy {
        origins,
        credentials: b.credentials,
        methods,
        headers,
        allow_headers,
        expose_headers,
        max_age,
        private_network: b.private_network,
        preflight_status: b.preflight_status,
        rejection_status: b.rejection_status,
    })
}

fn origins<T>(b: &PolicyBuilder<T>, p: &mut Problems) -> AllowedOrigins {
    let f = Field::AllowedOrigins;
    if b.any_origin {
        if b.credentials {
            p.push(Field::SupportsCredentials, None, "allow_any_origin", "credentials cannot be combined with any origin: browsers refuse `*` with credentials and reflecting every origin hands every site your users' data (R18)", "list the allowed origins explicitly, or drop supports_credentials");
        }
        for (i, o) in b.origins.iter().enumerate() {
            p.push(
                f,
                Some(i),
                o,
                "is redundant: allow_any_origin already allows every origin",
                "remove it, or drop allow_any_origin",
            );
        }
        if !b.origin_predicates.is_empty() {
            p.push(
                f,
                None,
                "allowed_origin_fn",
                "is never asked: allow_any_origin already allows every origin",
                "drop allowed_origin_fn or allow_any_origin",
            );
        }
        return AllowedOrigins::Any;
    }
    if b.null_origin && b.credentials {
        p.push(
            f,
            None,
            "null",
            "the null origin cannot be combined with credentials: any site can send Origin: null (R10)",
            "drop dangerously_allow_null_origin or supports_credentials",
        );
    }
    if b.origins.is_empty() && b.origin_predicates.is_empty() && !b.null_origin {
        p.push(
            f,
            None,
            "",
            "no origin is allowed, so the policy would refuse every request",
            "add allowed_origin(\"https://app.example.com\"), or allow_any_origin()",
        );
    }
    let mut exact = HashSet::with_capacity(b.origins.len());
    let mut patterns = Vec::new();
    for (i, text) in b.origins.iter().enumerate() {
        let index = Some(i);
        if text == "*" {
            p.push(
                f,
                index,
                text,
                "`*` is not an origin",
                "use allow_any_origin() (or `origins = any` in the attribute)",
            );
            continue;
        }
        if text.eq_ignore_ascii_case("null") {
            p.push(
                f,
                index,
                text,
                "`null` is not allowed as an origin string: any site can send it (R10)",
                "use dangerously_allow_null_origin() if you really mean it",
            );
            continue;
        }
        if text.contains('*') {
            match OriginPattern::parse(text) {
                Ok(pattern) => {
                    check_pattern(&pattern, b, index, p);
                    if patterns.contains(&pattern) {
                        p.push(f, index, text, "is listed twice", "remove the duplicate");
                    } else {
                        patterns.push(pattern);
                    }
                }
                Err(PatternSyntax::MisplacedWildcard) => p.push(f, index, text, "`*` may only stand for whole leftmost labels (`https://*.example.com`) or the whole port (`http://localhost:*`)", "write the pattern as scheme://*.domain or scheme://host:*"),
                Err(PatternSyntax::WildcardIpAddress) => p.push(f, index, text, "an IP address has no subdomains", "list the exact origins instead"),
                Err(PatternSyntax::Origin(e)) => p.push(f, index, text, e.describe(), origin_fix(text, e)),
            }
            continue;
        }
        match Origin::parse(text.as_bytes()) {
            Ok(origin) => {
                if b.credentials && !origin.is_secure_scheme() && !origin.is_loopback() && !b.tolerate_insecure_origins
                {
                    p.push(f, index, text, "is an insecure http origin allowed with credentials: a network attacker can impersonate it (§3 row 7)", format!("write \"https://{}\", or call dangerously_tolerate_insecure_origins()", &text[text.find("://").map_or(0, |i| i + 3)..]));
                }
                if !exact.insert(Box::<str>::from(text.as_str())) {
                    p.push(f, index, text, "is listed twice", "remove the duplicate");
                }
            }
            Err(e) => p.push(f, index, text, e.describe(), origin_fix(text, e)),
        }
    }
    AllowedOrigins::List {
        exact: ExactOrigins::Hashed(exact),
        patterns: Cow::Owned(patterns),
        predicates: b.origin_predicates.clone(),
        null: b.null_origin,
    }
}

fn check_pattern<T>(pattern: &OriginPattern, b: &PolicyBuilder<T>, index: Option<usize>, p: &mut Problems) {
    let f = Field::AllowedOrigins;
    let text = pattern.as_str();
    if pattern.subdomains && !b.tolerate_public_suffix_subdomains && is_public_suffix(&pattern.base) {
        p.push(f, index, text, "covers every site under a public suffix, each owned by someone else (§3 row 21)", format!("name your own domain (`{}://*.yourdomain.{}`), or call dangerously_tolerate_subdomains_of_public_suffixes()", pattern.scheme, pattern.base));
    }
    let insecure = matches!(&*pattern.scheme, "http" | "ws") && !is_loopback_host(&pattern.base, pattern.base_kind);
    if b.credentials && insecure && !b.tolerate_insecure_origins {
        p.push(
            f,
            index,
            text,
            "is an insecure http pattern allowed with credentials: a network attacker can impersonate it (§3 row 7)",
            "use https, or call dangerously_tolerate_insecure_origins()",
        );
    }
}

/// Is `domain` itself a public suffix (`com`, `co.uk`, `github.io`)? `localhost` is not: it is
/// the machine itself.
fn is_public_suffix(domain: &str) -> bool {
    if domain == "localhost" {
        return false;
    }
    psl::suffix_str(domain) == Some(domain)
}

/// What to write instead of a malformed origin.
fn origin_fix(text: &str, e: OriginSyntax) -> String {
    let (scheme, rest) = text.split_once("://").unwrap_or(("https", text));
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let scheme_lc = scheme.to_ascii_lowercase();
    match e {
        OriginSyntax::MissingScheme => format!("write \"https://{text}\""),
        OriginSyntax::UpperCase => format!("write \"{}\"", format!("{scheme}://{rest}").to_ascii_lowercase()),
        OriginSyntax::Path | OriginSyntax::Query | OriginSyntax::Fragment | OriginSyntax::Userinfo => {
            format!("write \"{scheme_lc}://{}\"", host_port.to_ascii_lowercase())
        }
        OriginSyntax::DefaultPort => {
            let host = host_port.rsplit_once(':').map_or(host_port, |(h, _)| h);
            format!("write \"{scheme_lc}://{}\"", host.to_ascii_lowercase())
        }
        OriginSyntax::NonAscii => {
            let (host, port) = match host_port.rsplit_once(':') {
                Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => (h, Some(port)),
                _ => (host_port, None),
            };
            match idna::domain_to_ascii(host) {
                Ok(ascii) => {
                    let port = port.map(|p| format!(":{p}")).unwrap_or_default();
                    format!("write the punycode form \"{scheme_lc}://{ascii}{port}\"")
                }
                Err(_) => "write the host in punycode (xn--...)".to_owned(),
            }
        }
        OriginSyntax::InvalidPort => "write a port between 1 and 65535 without leading zeros".to_owned(),
        OriginSyntax::InvalidHost => {
            "write a lower-case domain, a dotted-quad IPv4 address or a compressed IPv6 address in brackets".to_owned()
        }
        OriginSyntax::InvalidCharacter => "write one origin per entry, without spaces".to_owned(),
        OriginSyntax::Empty | OriginSyntax::EmptyHost | OriginSyntax::InvalidScheme | OriginSyntax::TooLong => {
            "write an origin as scheme://host[:port], e.g. \"https://app.example.com\"".to_owned()
        }
    }
}

fn methods<T>(b: &PolicyBuilder<T>, p: &mut Problems) -> AllowedMethods {
    let f = Field::AllowedMethods;
    if b.any_method && b.credentials {
        p.push(
            Field::SupportsCredentials,
            None,
            "allow_any_method",
            "with credentials `*` is not a wildcard for methods (R17)",
            "list the allowed methods explicitly",
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, m) in b.methods.iter().enumerate() {
        let index = Some(i);
        if m == "*" {
            p.push(
                f,
                index,
                m,
                "`*` is not a method",
                "use allow_any_method() (or `methods = any` in the attribute)",
            );
        } else if !is_token(m.as_bytes()) {
            p.push(
                f,
                index,
                m,
                "is not a valid method token",
                "write a method name such as \"PUT\"",
            );
        } else if m.len() > method::MAX_LEN {
            p.push(
                f,
                index,
                m,
                "is longer than any Access-Control-Request-Method this library accepts (64 bytes, R29)",
                "write a shorter method name",
            );
        } else if method::is_forbidden(m) {
            p.push(
                f,
                index,
                m,
                "is a forbidden method that no browser can send (R25)",
                "remove it",
            );
        } else if let Some(upper) = method::normalized_form(m) {
            p.push(
                f,
                index,
                m,
                "is never sent in this case: browsers upper-case it (R41)",
                format!("write \"{upper}\""),
            );
        } else if seen.contains(&m.as_str()) {
            p.push(f, index, m, "is listed twice", "remove the duplicate");
        }
        seen.push(m);
    }
    if b.any_method {
        AllowedMethods::Any
    } else {
        AllowedMethods::List(Names::Owned(b.methods.iter().map(|m| Box::from(m.as_str())).collect()))
    }
}

/// Checks a list of header names; returns them lower-cased.
fn header_names(
    names: &[String],
    f: Field,
    p: &mut Problems,
    check: impl Fn(&str) -> Option<(&'static str, &'static str)>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let index = Some(i);
        let lower = name.to_ascii_lowercase();
        if !is_token(name.as_bytes()) {
            p.push(
                f,
                index,
                name,
                "is not a valid header name",
                "write a header name such as \"X-Request-Id\"",
            );
        } else if let Some((message, fix)) = check(name) {
            p.push(f, index, name, message, fix);
        } else if out.contains(&lower) {
            p.push(
                f,
                index,
                name,
                "is listed twice (header names are case-insensitive)",
                "remove the duplicate",
            );
        }
        out.push(lower);
    }
    out
}

fn headers<T>(b: &PolicyBuilder<T>, p: &mut Problems) -> (AllowedHeaders, Option<HeaderText>) {
    let f = Field::AllowedHeaders;
    if b.any_header && b.credentials {
        p.push(
            Field::SupportsCredentials,
            None,
            "allow_any_header",
            "with credentials `*` is not a wildcard for headers (R17)",
            "list the allowed headers explicitly",
        );
    }
    let names = header_names(&b.headers, f, p, |name| {
        if name == "*" {
            Some((
                "`*` is not a header name",
                "use allow_any_header() (or `headers = any` in the attribute)",
            ))
        } else if is_forbidden_request_header(name) {
            Some((
                "is a forbidden request header that scripts can never set (R25)",
                "remove it",
            ))
        } else if b.any_header && !name.eq_ignore_ascii_case(AUTHORIZATION) {
            Some((
                "is redundant: allow_any_header already allows it",
                "remove it; only Authorization needs listing next to allow_any_header (R22)",
            ))
        } else {
            None
        }
    });
    if b.any_header {
        let authorization = names.iter().any(|n| n == AUTHORIZATION);
        let rendered = HeaderText::from_static(if authorization { "*, authorization" } else { "*" });
        (AllowedHeaders::Any { authorization }, Some(rendered))
    } else if names.is_empty() {
        (AllowedHeaders::List(Names::Static(&[])), None)
    } else {
        let rendered = HeaderText::new(names.join(", "));
        (
            AllowedHeaders::List(Names::Owned(names.into_iter().map(Box::from).collect())),
            Some(rendered),
        )
    }
}

fn expose<T>(b: &PolicyBuilder<T>, p: &mut Problems) -> Option<HeaderText> {
    let f = Field::ExposeHeaders;
    if b.expose_any && b.credentials {
        p.push(
            Field::SupportsCredentials,
            None,
            "expose_any_header",
            "with credentials `*` exposes only a header literally named `*` (R17, R30)",
            "list the exposed headers explicitly",
        );
    }
    header_names(&b.expose, f, p, |name| {
        if name == "*" {
            Some((
                "`*` is not a header name",
                "use expose_any_header() (or `expose = any` in the attribute)",
            ))
        } else if is_never_exposed(name) {
            Some(("is never exposed to script by any browser (R30)", "remove it"))
        } else {
            None
        }
    });
    if b.expose_any {
        Some(HeaderText::from_static("*"))
    } else if b.expose.is_empty() {
        None
    } else {
        Some(HeaderText::new(b.expose.join(", ")))
    }
}

fn max_age<T>(b: &PolicyBuilder<T>, p: &mut Problems) -> Option<HeaderText> {
    let age = b.max_age?;
    if age > MAX_AGE_LIMIT {
        p.push(
            Field::MaxAge,
            None,
            &age.to_string(),
            "is longer than any browser caches a preflight (Firefox caps at 86400 s, Chromium at 7200 s: R26)",
            format!("write a value up to {MAX_AGE_LIMIT}, e.g. 7200"),
        );
    }
    Some(HeaderText::new(age.to_string()))
}

fn statuses<T>(b: &PolicyBuilder<T>, p: &mut Problems) {
    if !(200..=299).contains(&b.preflight_status) {
        p.push(
            Field::PreflightStatus,
            None,
            &b.preflight_status.to_string(),
            "is not an ok status, so browsers would fail every preflight (R19)",
            "use 204 (the default) or 200",
        );
    }
    if !(200..=599).contains(&b.rejection_status) {
        p.push(
            Field::PreflightRejectionStatus,
            None,
            &b.rejection_status.to_string(),
            "is not a final HTTP status",
            "use 403 (the default)",
        );
    }
}
