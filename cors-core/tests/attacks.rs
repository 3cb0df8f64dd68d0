//! The attack catalogue of `docs/cors-protocol.md` §3, row by row, for every row a server library
//! decides. Rows about the adapter (16 partly, 20, 24, 25: how headers are written and where the
//! middleware sits) are covered here only as far as the decision goes; rows 23 and 26 are about
//! how a policy is used, not about what the library computes.

mod common;

use common::*;
use cors_core::{Field, Policy, PolicyBuilder, Rejection::*};

const EXAMPLE: &str = "https://example.com";

/// One exact origin, one subdomain pattern, credentials: the usual target of these attacks.
fn target() -> Policy {
    build(
        Policy::builder()
            .allowed_origins([EXAMPLE, "https://api.example.com", "https://*.example.org"])
            .allowed_methods(["PUT"])
            .allowed_header("X-Foo")
            .supports_credentials(),
    )
}

/// `Origin` rows: the same origin is checked on an actual GET and on a preflight.
fn origin_rows(policy: &Policy, rows: &[(&'static str, &str, Option<cors_core::Rejection>)]) {
    let creds = policy.supports_credentials();
    let mut cases = Vec::new();
    for &(name, origin, rejection) in rows {
        let (actual_want, preflight_want) = match rejection {
            None => {
                let a = if creds { mirror().creds() } else { mirror() };
                let p = if creds { pre().creds() } else { pre() };
                (decorated(a), Want::from(p))
            }
            Some(r) => (undecorated(r), refused(r)),
        };
        cases.push(case(name, get(origin), actual_want));
        let preflight_name: &'static str = Box::leak(format!("{name} (preflight)").into_boxed_str());
        cases.push(case(preflight_name, preflight(origin, "GET", &[]), preflight_want));
    }
    check(policy, &cases);
}

fn problem_fields(b: PolicyBuilder) -> Vec<(Field, String)> {
    match b.build() {
        Ok(p) => panic!("expected a configuration error, got {p:?}"),
        Err(e) => e.problems().iter().map(|p| (p.field, p.value.clone())).collect(),
    }
}

#[test]
fn row01_arbitrary_origin_reflection() {
    origin_rows(
        &target(),
        &[
            ("§3.1 allowed origin is mirrored", EXAMPLE, None),
            (
                "§3.1 evil origin is not reflected",
                "https://evil.example",
                Some(OriginNotAllowed),
            ),
            (
                "§3.1 attacker subdomain of an unrelated site",
                "https://example.com.attacker.net",
                Some(OriginNotAllowed),
            ),
        ],
    );
    // "Fixing" `*` + credentials by reflecting every origin is not expressible (R18).
    assert_eq!(
        problem_fields(Policy::builder().allow_any_origin().supports_credentials()),
        [(Field::SupportsCredentials, "allow_any_origin".to_owned())]
    );
}

#[test]
fn row02_null_origin() {
    origin_rows(
        &target(),
        &[
            ("§3.2 null refused by default", "null", Some(NullOriginNotAllowed)),
            (
                "§3.2 file:// does not masquerade as null",
                "file://",
                Some(OriginMalformed),
            ),
        ],
    );
    // Never with credentials, even when opted in (R10).
    assert_eq!(
        problem_fields(
            Policy::builder()
                .allowed_origin(EXAMPLE)
                .dangerously_allow_null_origin()
                .supports_credentials()
        ),
        [(Field::AllowedOrigins, "null".to_owned())]
    );
    // Never as a plain origin string.
    assert_eq!(
        problem_fields(Policy::builder().allowed_origin("null")),
        [(Field::AllowedOrigins, "null".to_owned())]
    );
}

#[test]
fn row03_suffix_match() {
    origin_rows(
        &target(),
        &[
            (
                "§3.3 evilexample.com",
                "https://evilexample.com",
                Some(OriginNotAllowed),
            ),
            ("§3.3 notexample.com", "https://notexample.com", Some(OriginNotAllowed)),
            (
                "§3.3 hyphenated suffix",
                "https://not-example.com",
                Some(OriginNotAllowed),
            ),
            (
                "§3.3 pattern: evilexample.org",
                "https://evilexample.org",
                Some(OriginNotAllowed),
            ),
            (
                "§3.3 pattern: label boundary required",
                "https://aexample.org",
                Some(OriginNotAllowed),
            ),
            (
                "§3.3 pattern: base domain itself",
                "https://example.org",
                Some(OriginNotAllowed),
            ),
            ("§3.3 pattern: real subdomain", "https://a.example.org", None),
            ("§3.3 pattern: nested subdomain", "https://a.b.example.org", None),
            (
                "§3.3 exact: subdomain of an exact origin",
                "https://a.example.com",
                Some(OriginNotAllowed),
            ),
        ],
    );
}

#[test]
fn row04_prefix_match() {
    origin_rows(
        &target(),
        &[
            (
                "§3.4 allowed host as a prefix label",
                "https://example.com.evil.net",
                Some(OriginNotAllowed),
            ),
            (
                "§3.4 allowed host with a hyphenated tail",
                "https://example.com-evil.net",
                Some(OriginNotAllowed),
            ),
            (
                "§3.4 allowed host followed by a port",
                "https://example.com:8443",
                Some(OriginNotAllowed),
            ),
            (
                "§3.4 pattern host as a prefix",
                "https://a.example.org.evil.net",
                Some(OriginNotAllowed),
            ),
            (
                "§3.4 allowed origin plus extra text",
                "https://example.comevil",
                Some(OriginNotAllowed),
            ),
        ],
    );
}

#[test]
fn row05_unescaped_dot() {
    origin_rows(
        &target(),
        &[
            (
                "§3.5 dot replaced by a letter",
                "https://apiXexample.com",
                Some(OriginMalformed),
            ),
            (
                "§3.5 dot replaced by a lower-case letter",
                "https://apixexample.com",
                Some(OriginNotAllowed),
            ),
            (
                "§3.5 dot replaced by a hyphen",
                "https://api-example.com",
                Some(OriginNotAllowed),
            ),
            (
                "§3.5 unanchored end",
                "https://api.example.com.evil.net",
                Some(OriginNotAllowed),
            ),
            (
                "§3.5 pattern dot replaced",
                "https://aXexample.org",
                Some(OriginMalformed),
            ),
            (
                "§3.5 pattern dot replaced, lower case",
                "https://a-example.org",
                Some(OriginNotAllowed),
            ),
            ("§3.5 the real api host", "https://api.example.com", None),
        ],
    );
}

#[test]
fn row06_special_characters_in_hosts() {
    origin_rows(
        &target(),
        &[
            (
                "§3.6 underscore after the host",
                "https://example.com_.evil.net",
                Some(OriginNotAllowed),
            ),
            (
                "§3.6 backtick (Safari)",
                "https://example.com`.evil.net",
                Some(OriginMalformed),
            ),
            (
                "§3.6 closing brace",
                "https://example.com}.evil.net",
                Some(OriginMalformed),
            ),
            (
                "§3.6 percent-encoded backtick",
                "https://example.com%60.evil.net",
                Some(OriginMalformed),
            ),
            ("§3.6 ampersand", "https://example.com&.evil.net", Some(OriginMalformed)),
            (
                "§3.6 apostrophe",
                "https://example.com'.evil.net",
                Some(OriginMalformed),
            ),
            (
                "§3.6 exclamation mark",
                "https://example.com!.evil.net",
                Some(OriginMalformed),
            ),
            ("§3.6 plus", "https://example.com+.evil.net", Some(OriginMalformed)),
            ("§3.6 tilde", "https://example.com~.evil.net", Some(OriginMalformed)),
            (
                "§3.6 backslash",
                "https://example.com\\.evil.net",
                Some(OriginMalformed),
            ),
            (
                "§3.6 pattern: underscore after the base",
                "https://a.example.org_.evil.net",
                Some(OriginNotAllowed),
            ),
            (
                "§3.6 pattern: brace in the subdomain",
                "https://a}.example.org",
                Some(OriginMalformed),
            ),
            (
                "§3.6 pattern: underscore inside a subdomain label is a real subdomain",
                "https://a_b.example.org",
                None,
            ),
        ],
    );
}

#[test]
fn row07_scheme_confusion() {
    origin_rows(
        &target(),
        &[
            (
                "§3.7 http instead of https",
                "http://example.com",
                Some(OriginNotAllowed),
            ),
            ("§3.7 wss instead of https", "wss://example.com", Some(OriginNotAllowed)),
            ("§3.7 pattern over http", "http://a.example.org", Some(OriginNotAllowed)),
            ("§3.7 upper-case scheme", "HTTPS://example.com", Some(OriginMalformed)),
            ("§3.7 no scheme", "example.com", Some(OriginMalformed)),
            ("§3.7 scheme-relative", "//example.com", Some(OriginMalformed)),
        ],
    );
    // Insecure origins with credentials are a configuration error unless explicitly tolerated.
    assert_eq!(
        problem_fields(
            Policy::builder()
                .allowed_origin("http://example.com")
                .supports_credentials()
        ),
        [(Field::AllowedOrigins, "http://example.com".to_owned())]
    );
    assert_eq!(
        problem_fields(
            Policy::builder()
                .allowed_origin("http://*.example.com")
                .supports_credentials()
        ),
        [(Field::AllowedOrigins, "http://*.example.com".to_owned())]
    );
}

#[test]
fn row08_port_confusion() {
    origin_rows(
        &target(),
        &[
            ("§3.8 other port", "https://example.com:8443", Some(OriginNotAllowed)),
            (
                "§3.8 default port written",
                "https://example.com:443",
                Some(OriginMalformed),
            ),
            ("§3.8 port 0", "https://example.com:0", Some(OriginMalformed)),
            ("§3.8 port 65536", "https://example.com:65536", Some(OriginMalformed)),
            ("§3.8 leading zero", "https://example.com:0443", Some(OriginMalformed)),
            ("§3.8 empty port", "https://example.com:", Some(OriginMalformed)),
            ("§3.8 two ports", "https://example.com:80:80", Some(OriginMalformed)),
            ("§3.8 signed port", "https://example.com:+8443", Some(OriginMalformed)),
            (
                "§3.8 pattern with a port",
                "https://a.example.org:8443",
                Some(OriginNotAllowed),
            ),
        ],
    );
    let any_port = build(Policy::builder().allowed_origins(["http://localhost:*", "https://*.example.com:*"]));
    origin_rows(
        &any_port,
        &[
            ("§3.8 explicit port wildcard", "http://localhost:3000", None),
            ("§3.8 port wildcard, no port", "http://localhost", None),
            (
                "§3.8 port wildcard, other scheme",
                "https://localhost:3000",
                Some(OriginNotAllowed),
            ),
            (
                "§3.8 port wildcard, other host",
                "http://localhost.evil.net:3000",
                Some(OriginNotAllowed),
            ),
            ("§3.8 subdomains and any port", "https://a.example.com:8443", None),
            (
                "§3.8 port wildcard still refuses port 0",
                "http://localhost:0",
                Some(OriginMalformed),
            ),
        ],
    );
}

#[test]
fn row09_case() {
    origin_rows(
        &target(),
        &[
            ("§3.9 upper-case host", "https://EXAMPLE.com", Some(OriginMalformed)),
            ("§3.9 upper-case scheme", "HTTPS://example.com", Some(OriginMalformed)),
            ("§3.9 title case", "Https://Example.Com", Some(OriginMalformed)),
            (
                "§3.9 pattern upper-case subdomain",
                "https://A.example.org",
                Some(OriginMalformed),
            ),
        ],
    );
}

#[test]
fn row10_trailing_slash_path_query_fragment() {
    origin_rows(
        &target(),
        &[
            ("§3.10 trailing slash", "https://example.com/", Some(OriginMalformed)),
            ("§3.10 path", "https://example.com/x", Some(OriginMalformed)),
            ("§3.10 empty query", "https://example.com?", Some(OriginMalformed)),
            ("§3.10 query", "https://example.com?a=b", Some(OriginMalformed)),
            ("§3.10 empty fragment", "https://example.com#", Some(OriginMalformed)),
            ("§3.10 fragment", "https://example.com#x", Some(OriginMalformed)),
            (
                "§3.10 port then slash",
                "https://example.com:8443/",
                Some(OriginMalformed),
            ),
            (
                "§3.10 pattern with a trailing slash",
                "https://a.example.org/",
                Some(OriginMalformed),
            ),
        ],
    );
}

#[test]
fn row11_userinfo_and_parser_differentials() {
    origin_rows(
        &target(),
        &[
            (
                "§3.11 userinfo before an evil host",
                "https://example.com@evil.net",
                Some(OriginMalformed),
            ),
            (
                "§3.11 userinfo before the allowed host",
                "https://user:pass@example.com",
                Some(OriginMalformed),
            ),
            (
                "§3.11 fragment hiding the allowed host",
                "https://evil.net#@example.com",
                Some(OriginMalformed),
            ),
            (
                "§3.11 query hiding the allowed host",
                "https://evil.net?@example.com",
                Some(OriginMalformed),
            ),
            (
                "§3.11 path hiding the allowed host",
                "https://evil.net/@example.com",
                Some(OriginMalformed),
            ),
            (
                "§3.11 double userinfo",
                "foo@evil-host:80@expected-host",
                Some(OriginMalformed),
            ),
            (
                "§3.11 backslash confusion",
                "https://evil.net\\@example.com",
                Some(OriginMalformed),
            ),
        ],
    );
}

#[test]
fn row12_idn_and_punycode() {
    let policy = build(Policy::builder().allowed_origins([EXAMPLE, "https://xn--bcher-kva.example"]));
    origin_rows(
        &policy,
        &[
            (
                "§3.12 punycode origin as configured",
                "https://xn--bcher-kva.example",
                None,
            ),
            (
                "§3.12 homograph of example.com",
                "https://xn--exmple-cua.com",
                Some(OriginNotAllowed),
            ),
            (
                "§3.12 raw UTF-8 host of an allowed IDN",
                "https://bücher.example",
                Some(OriginMalformed),
            ),
            (
                "§3.12 Cyrillic a in example",
                "https://exаmple.com",
                Some(OriginMalformed),
            ),
            ("§3.12 fullwidth dot", "https://example。com", Some(OriginMalformed)),
        ],
    );
    // obs-text that is not UTF-8 (what `HeaderValue::to_str` refuses) must not panic.
    let latin1 = b"https://b\xfccher.example".to_vec();
    check(
        &policy,
        &[
            case(
                "§3.12 Latin-1 byte in Origin",
                get("x").origin_bytes(vec![latin1.clone()]),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.12 Latin-1 byte in a preflight Origin",
                preflight("x", "GET", &[]).origin_bytes(vec![latin1]),
                refused(OriginMalformed),
            ),
            case(
                "§3.12 lone 0xFF",
                get("x").origin_bytes(vec![vec![0xff]]),
                undecorated(OriginMalformed),
            ),
        ],
    );
    // Unicode in the configuration gets the punycode fix.
    assert_eq!(
        problem_fields(Policy::builder().allowed_origin("https://bücher.example")),
        [(Field::AllowedOrigins, "https://bücher.example".to_owned())]
    );
}

#[test]
fn row13_multiple_origins() {
    let p = target();
    check(
        &p,
        &[
            case(
                "§3.13 two lines, allowed first",
                actual("GET", &[EXAMPLE, "https://evil.net"]),
                undecorated(OriginRepeated),
            ),
            case(
                "§3.13 two lines, allowed last",
                actual("GET", &["https://evil.net", EXAMPLE]),
                undecorated(OriginRepeated),
            ),
            case(
                "§3.13 two allowed lines",
                actual("GET", &[EXAMPLE, "https://api.example.com"]),
                undecorated(OriginRepeated),
            ),
            case(
                "§3.13 two lines on a preflight",
                req("OPTIONS", &[EXAMPLE, "https://evil.net"], &["PUT"], &[], &[]),
                refused(OriginRepeated),
            ),
            case(
                "§3.13 RFC 6454 space-separated list",
                get("https://example.com https://evil.net"),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.13 comma-separated list",
                get("https://example.com,https://evil.net"),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.13 comma-space list",
                get("https://example.com, https://evil.net"),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.13 list on a preflight",
                preflight("https://example.com https://evil.net", "PUT", &[]),
                refused(OriginMalformed),
            ),
        ],
    );
}

#[test]
fn row14_acrh_with_thousands_of_elements() {
    let commas = ",".repeat(100_000);
    let many_empty_lines = vec![""; 1_000];
    let many_names: Vec<String> = (0..5_000).map(|i| format!("x-h{i}")).collect();
    let many_names = many_names.join(",");
    let list = target();
    let any = build(Policy::builder().allowed_origin(EXAMPLE).allow_any_header());
    check(
        &list,
        &[
            case(
                "§3.14 100,000 commas",
                preflight(EXAMPLE, "PUT", &[&commas]),
                refused(HeadersMalformed),
            ),
            case(
                "§3.14 1,000 empty lines",
                preflight(EXAMPLE, "PUT", &many_empty_lines),
                refused(HeadersMalformed),
            ),
            case(
                "§3.14 5,000 unlisted names stop at the first",
                preflight(EXAMPLE, "PUT", &[&many_names]),
                refused(HeaderNotAllowed),
            ),
            case(
                "§3.14 comma-space repeated",
                preflight(EXAMPLE, "PUT", &[&", ".repeat(50_000)]),
                refused(HeadersMalformed),
            ),
        ],
    );
    check(
        &any,
        &[
            case(
                "§3.14 100,000 commas under any header",
                preflight(EXAMPLE, "GET", &[&commas]),
                refused(HeadersMalformed),
            ),
            case(
                "§3.14 5,000 names under any header",
                preflight(EXAMPLE, "GET", &[&many_names]),
                pre().headers("*"),
            ),
        ],
    );
}

#[test]
fn row15_very_long_values() {
    let long_origin = format!("https://{}.example.com", "a".repeat(100 * 1024));
    let long_label = format!("https://{}.example.org", "a".repeat(64));
    let long_method = "A".repeat(100 * 1024);
    let any_method = build(Policy::builder().allowed_origin(EXAMPLE).allow_any_method());
    check(
        &target(),
        &[
            case("§3.15 100 KB Origin", get(&long_origin), undecorated(OriginMalformed)),
            case(
                "§3.15 100 KB Origin on a preflight",
                preflight(&long_origin, "PUT", &[]),
                refused(OriginMalformed),
            ),
            case(
                "§3.15 label longer than 63 bytes under a pattern",
                get(&long_label),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.15 100 KB ACRM",
                preflight(EXAMPLE, &long_method, &[]),
                refused(MethodMalformed),
            ),
        ],
    );
    check(
        &any_method,
        &[
            // Echoing it would put 100 KB into Access-Control-Allow-Methods (R29).
            case(
                "§3.15 100 KB ACRM under any method",
                preflight(EXAMPLE, &long_method, &[]),
                refused(MethodMalformed),
            ),
            case(
                "§3.15 65-byte ACRM under any method",
                preflight(EXAMPLE, &"M".repeat(65), &[]),
                refused(MethodMalformed),
            ),
            case(
                "§3.15 64-byte ACRM under any method",
                preflight(EXAMPLE, &"M".repeat(64), &[]),
                pre().method(),
            ),
        ],
    );
    assert_eq!(cors_core::method::MAX_LEN, 64);
}

#[test]
fn row16_header_injection() {
    let p = target();
    check(
        &p,
        &[
            case(
                "§3.16 CRLF in Origin",
                get("https://example.com\r\nSet-Cookie: x=1"),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.16 lone CR in Origin",
                get("https://example.com\rSet-Cookie: x=1"),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.16 lone LF in Origin",
                get("https://example.com\nx"),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.16 NUL in Origin",
                get("https://example.com\0"),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.16 tab in Origin",
                get("https://example.com\t"),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.16 DEL in Origin",
                get("https://example.com\x7f"),
                undecorated(OriginMalformed),
            ),
            case(
                "§3.16 CRLF in ACRM",
                preflight(EXAMPLE, "PUT\r\nX: y", &[]),
                refused(MethodMalformed),
            ),
            case(
                "§3.16 CRLF in ACRH",
                preflight(EXAMPLE, "PUT", &["x-foo\r\nX: y"]),
                refused(HeadersMalformed),
            ),
        ],
    );
}

#[test]
fn row17_invalid_acrm_tokens() {
    let any = build(Policy::builder().allowed_origin(EXAMPLE).allow_any_method());
    for policy in [&target(), &any] {
        check(
            policy,
            &[
                case(
                    "§3.17 two methods with a space",
                    preflight(EXAMPLE, "GET POST", &[]),
                    refused(MethodMalformed),
                ),
                case(
                    "§3.17 trailing tab",
                    preflight(EXAMPLE, "PUT\t", &[]),
                    refused(MethodMalformed),
                ),
                case(
                    "§3.17 leading space",
                    preflight(EXAMPLE, " PUT", &[]),
                    refused(MethodMalformed),
                ),
                case("§3.17 empty", preflight(EXAMPLE, "", &[]), refused(MethodMalformed)),
                case(
                    "§3.17 parenthesis",
                    preflight(EXAMPLE, "P(T", &[]),
                    refused(MethodMalformed),
                ),
                case(
                    "§3.17 comma list",
                    preflight(EXAMPLE, "PUT,DELETE", &[]),
                    refused(MethodMalformed),
                ),
                case(
                    "§3.17 quoted",
                    preflight(EXAMPLE, "\"PUT\"", &[]),
                    refused(MethodMalformed),
                ),
                case(
                    "§3.17 non-ASCII",
                    preflight(EXAMPLE, "PÜT", &[]),
                    refused(MethodMalformed),
                ),
            ],
        );
    }
}

#[test]
fn row18_no_unconditional_echo_of_acrh_or_acrm() {
    check(
        &target(),
        &[
            case(
                "§3.18 unlisted header is refused, not echoed",
                preflight(EXAMPLE, "PUT", &["x-evil"]),
                refused(HeaderNotAllowed),
            ),
            case(
                "§3.18 authorization with credentials must be listed",
                preflight(EXAMPLE, "PUT", &["authorization"]),
                refused(HeaderNotAllowed),
            ),
            case(
                "§3.18 unlisted method is refused, not echoed",
                preflight(EXAMPLE, "DELETE", &[]),
                refused(MethodNotAllowed),
            ),
            case(
                "§3.18 ACAH is the configured list",
                preflight(EXAMPLE, "PUT", &["X-FOO"]),
                pre().creds().method().headers("x-foo"),
            ),
        ],
    );
    let any = build(Policy::builder().allowed_origin(EXAMPLE).allow_any_header());
    check(
        &any,
        &[case(
            "§3.18 any header still refuses authorization",
            preflight(EXAMPLE, "GET", &["authorization"]),
            refused(AuthorizationNotAllowed),
        )],
    );
}

#[test]
fn row19_wildcard_and_credentials() {
    let base = || Policy::builder().allowed_origin(EXAMPLE).supports_credentials();
    let rows: [(&str, PolicyBuilder, &str); 4] = [
        (
            "§3.19 ACAO * + credentials",
            Policy::builder().allow_any_origin().supports_credentials(),
            "allow_any_origin",
        ),
        (
            "§3.19 ACAM * + credentials",
            base().allow_any_method(),
            "allow_any_method",
        ),
        (
            "§3.19 ACAH * + credentials",
            base().allow_any_header(),
            "allow_any_header",
        ),
        (
            "§3.19 ACEH * + credentials",
            base().expose_any_header(),
            "expose_any_header",
        ),
    ];
    for (name, b, value) in rows {
        assert_eq!(
            problem_fields(b),
            [(Field::SupportsCredentials, value.to_owned())],
            "{name}"
        );
    }
}

#[test]
fn row20_vary_is_needed_whenever_acao_depends_on_origin() {
    // The adapter adds `Vary: Origin` to every response of a policy that varies by origin (R36),
    // including undecorated ones; a `*` policy needs none.
    assert!(target().varies_by_origin(), "§3.20 allow-list");
    assert!(
        build(Policy::builder().allowed_origin(EXAMPLE)).varies_by_origin(),
        "§3.20 single origin"
    );
    assert!(
        !build(Policy::builder().allow_any_origin()).varies_by_origin(),
        "§3.20 any origin"
    );
    check(
        &target(),
        &[
            case(
                "§3.20 disallowed origin still passes to the app",
                get("https://evil.net"),
                undecorated(OriginNotAllowed),
            ),
            case(
                "§3.20 no Origin: not CORS, no static headers",
                actual("GET", &[]),
                not_cors(),
            ),
        ],
    );
}

#[test]
fn row21_public_suffix_patterns() {
    for pattern in [
        "https://*.com",
        "https://*.co.uk",
        "https://*.github.io",
        "https://*.herokuapp.com",
    ] {
        assert_eq!(
            problem_fields(Policy::builder().allowed_origin(pattern)),
            [(Field::AllowedOrigins, pattern.to_owned())],
            "§3.21 {pattern}"
        );
    }
    for pattern in [
        "https://*.example.com",
        "https://*.example.co.uk",
        "https://*.me.github.io",
        "http://*.localhost",
    ] {
        assert!(
            Policy::builder().allowed_origin(pattern).build().is_ok(),
            "§3.21 {pattern} is a private domain"
        );
    }
    let tolerated = build(
        Policy::builder()
            .allowed_origin("https://*.github.io")
            .dangerously_tolerate_subdomains_of_public_suffixes(),
    );
    origin_rows(
        &tolerated,
        &[
            (
                "§3.21 tolerated public-suffix pattern lets any site in",
                "https://attacker.github.io",
                None,
            ),
            (
                "§3.21 tolerated pattern still needs a subdomain",
                "https://github.io",
                Some(OriginNotAllowed),
            ),
        ],
    );
}

#[test]
fn row22_allow_list_implementation_bug() {
    let policy = build(Policy::builder().allowed_origins(["https://foo.com", "https://bar.com"]));
    origin_rows(
        &policy,
        &[
            ("§3.22 foo.com", "https://foo.com", None),
            ("§3.22 bar.com", "https://bar.com", None),
            ("§3.22 barfoo.com", "https://barfoo.com", Some(OriginNotAllowed)),
            ("§3.22 foobar.com", "https://foobar.com", Some(OriginNotAllowed)),
            ("§3.22 fobar.com", "https://fobar.com", Some(OriginNotAllowed)),
            ("§3.22 bar.co", "https://bar.co", Some(OriginNotAllowed)),
            ("§3.22 foo.co", "https://foo.co", Some(OriginNotAllowed)),
            ("§3.22 o.com", "https://o.com", Some(OriginNotAllowed)),
            (
                "§3.22 shared suffix, other scheme",
                "http://bar.com",
                Some(OriginNotAllowed),
            ),
            (
                "§3.22 both concatenated",
                "https://foo.comhttps://bar.com",
                Some(OriginMalformed),
            ),
        ],
    );
}

#[test]
fn row24_preflights_are_always_answered_here() {
    // Every preflight is decided by the library, allowed or refused, never passed on (R6).
    check(
        &target(),
        &[
            case(
                "§3.24 allowed preflight",
                preflight(EXAMPLE, "PUT", &[]),
                pre().creds().method(),
            ),
            case(
                "§3.24 refused origin",
                preflight("https://evil.net", "PUT", &[]),
                refused(OriginNotAllowed),
            ),
            case(
                "§3.24 refused method",
                preflight(EXAMPLE, "PATCH", &[]),
                refused(MethodNotAllowed),
            ),
            case(
                "§3.24 malformed origin",
                preflight("x", "PUT", &[]),
                refused(OriginMalformed),
            ),
        ],
    );
}

#[test]
fn row27_one_origin_and_one_method_per_response() {
    // ACAO mirrors the single request origin; ACAM echoes the single requested method.
    let p = build(
        Policy::builder()
            .allowed_origins([EXAMPLE, "https://other.example"])
            .allowed_methods(["PUT", "PATCH", "DELETE"]),
    );
    check(
        &p,
        &[
            case(
                "§3.27 ACAO is the request's own origin",
                preflight(EXAMPLE, "PATCH", &[]),
                pre().method(),
            ),
            case(
                "§3.27 safelisted method: no ACAM at all",
                preflight(EXAMPLE, "POST", &[]),
                pre(),
            ),
        ],
    );
}

#[test]
fn row28_pna_header_never_unconditional() {
    let on = build(Policy::builder().allowed_origin(EXAMPLE).allow_private_network_access());
    check(
        &on,
        &[
            case(
                "§3.28 configured but not requested",
                preflight(EXAMPLE, "GET", &[]),
                pre(),
            ),
            case(
                "§3.28 configured and requested",
                preflight(EXAMPLE, "GET", &[]).acrpn(&["true"]),
                pre().pna(),
            ),
            case(
                "§3.28 configured, actual request",
                get(EXAMPLE).acrpn(&["true"]),
                decorated(mirror()),
            ),
        ],
    );
    check(
        &target(),
        &[case(
            "§3.28 not configured",
            preflight(EXAMPLE, "GET", &[]).acrpn(&["true"]),
            refused(PrivateNetworkNotAllowed),
        )],
    );
}

#[test]
fn row29_empty_or_whitespace_origin() {
    origin_rows(
        &target(),
        &[
            ("§3.29 empty", "", Some(OriginMalformed)),
            ("§3.29 one space", " ", Some(OriginMalformed)),
            ("§3.29 spaces and tabs", " \t ", Some(OriginMalformed)),
            (
                "§3.29 allowed origin with trailing space",
                "https://example.com ",
                Some(OriginMalformed),
            ),
        ],
    );
    assert_eq!(
        problem_fields(Policy::builder().allowed_origin("")),
        [(Field::AllowedOrigins, String::new())]
    );
    assert_eq!(
        problem_fields(Policy::builder().allowed_origin(" ")),
        [(Field::AllowedOrigins, " ".to_owned())]
    );
}

#[test]
fn row30_non_http_schemes() {
    origin_rows(
        &target(),
        &[
            (
                "§3.30 chrome-extension",
                "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
                Some(OriginNotAllowed),
            ),
            ("§3.30 capacitor", "capacitor://localhost", Some(OriginNotAllowed)),
            ("§3.30 tauri", "tauri://localhost", Some(OriginNotAllowed)),
            ("§3.30 file without host", "file://", Some(OriginMalformed)),
            ("§3.30 file with a path", "file:///etc/passwd", Some(OriginMalformed)),
            ("§3.30 javascript", "javascript:alert(1)", Some(OriginMalformed)),
            ("§3.30 data", "data:text/html,x", Some(OriginMalformed)),
            (
                "§3.30 scheme with the allowed host",
                "ftp://example.com",
                Some(OriginNotAllowed),
            ),
        ],
    );
    let apps = build(Policy::builder().allowed_origins(["chrome-extension://abcdefghijklmnop", "tauri://localhost"]));
    origin_rows(
        &apps,
        &[
            (
                "§3.30 configured extension",
                "chrome-extension://abcdefghijklmnop",
                None,
            ),
            (
                "§3.30 other extension",
                "chrome-extension://abcdefghijklmnoq",
                Some(OriginNotAllowed),
            ),
            ("§3.30 configured tauri", "tauri://localhost", None),
            ("§3.30 tauri host over http", "http://localhost", Some(OriginNotAllowed)),
        ],
    );
}

#[test]
fn row31_ip_address_forms() {
    let p = build(Policy::builder().allowed_origins([
        "http://127.0.0.1:8080",
        "http://[::1]:8080",
        "http://[::ffff:7f00:1]",
    ]));
    origin_rows(
        &p,
        &[
            ("§3.31 canonical IPv4", "http://127.0.0.1:8080", None),
            ("§3.31 canonical IPv6", "http://[::1]:8080", None),
            (
                "§3.31 IPv4-mapped IPv6 as browsers serialize it",
                "http://[::ffff:7f00:1]",
                None,
            ),
            (
                "§3.31 IPv4-mapped IPv6 in dotted form",
                "http://[::ffff:127.0.0.1]",
                Some(OriginMalformed),
            ),
            ("§3.31 hex IPv4", "http://0x7f.1:8080", Some(OriginMalformed)),
            ("§3.31 short IPv4", "http://127.1:8080", Some(OriginMalformed)),
            ("§3.31 decimal IPv4", "http://2130706433:8080", Some(OriginMalformed)),
            ("§3.31 octal IPv4", "http://0177.0.0.1:8080", Some(OriginMalformed)),
            (
                "§3.31 zero-padded IPv4",
                "http://127.000.000.001:8080",
                Some(OriginMalformed),
            ),
            (
                "§3.31 partly compressed IPv6",
                "http://[0:0::1]:8080",
                Some(OriginMalformed),
            ),
            (
                "§3.31 uncompressed IPv6",
                "http://[0:0:0:0:0:0:0:1]:8080",
                Some(OriginMalformed),
            ),
            ("§3.31 zero-padded IPv6", "http://[::0001]:8080", Some(OriginMalformed)),
            ("§3.31 upper-case IPv6", "http://[::FFFF:7F00:1]", Some(OriginMalformed)),
            ("§3.31 IPv6 without brackets", "http://::1:8080", Some(OriginMalformed)),
            ("§3.31 IPv6 zone", "http://[fe80::1%25eth0]:8080", Some(OriginMalformed)),
            (
                "§3.31 other loopback IPv4",
                "http://127.0.0.2:8080",
                Some(OriginNotAllowed),
            ),
            (
                "§3.31 localhost is not 127.0.0.1",
                "http://localhost:8080",
                Some(OriginNotAllowed),
            ),
        ],
    );
    for text in [
        "http://127.1",
        "http://0x7f.0.0.1",
        "http://[0:0::1]",
        "http://[::ffff:127.0.0.1]",
    ] {
        assert_eq!(
            problem_fields(Policy::builder().allowed_origin(text)),
            [(Field::AllowedOrigins, text.to_owned())],
            "§3.31 config {text}"
        );
    }
}

#[test]
fn row32_patterns_are_structured_not_regex() {
    // A long chain of labels against a subdomain pattern: decided by one suffix comparison.
    let many_labels = format!("https://{}example.org", "a.".repeat(120));
    let too_many_labels = format!("https://{}example.org", "a.".repeat(200));
    let p = target();
    origin_rows(
        &p,
        &[
            ("§3.32 120 labels under the pattern", &many_labels, None),
            ("§3.32 host over 253 bytes", &too_many_labels, Some(OriginMalformed)),
            (
                "§3.32 regex metacharacters",
                "https://a.example.org.*",
                Some(OriginMalformed),
            ),
            (
                "§3.32 regex alternation",
                "https://a|b.example.org",
                Some(OriginMalformed),
            ),
        ],
    );
}
