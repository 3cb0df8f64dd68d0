//! R1–R42 of `docs/cors-protocol.md`, one table of named cases per rule (or group of rules):
//! request in, exact [`cors_core::Decision`] out.

mod common;

use common::*;
use cors_core::{AllowOrigin, Field, Policy, PolicyBuilder, Rejection::*, PREFLIGHT_VARY};

const APP: &str = "https://app.example.com";
const ADMIN: &str = "https://admin.example.com";
const EVIL: &str = "https://evil.example";

/// Two exact origins, three methods, two headers, no credentials.
fn typical() -> Policy {
    build(
        Policy::builder()
            .allowed_origins([APP, ADMIN])
            .allowed_methods(["PUT", "PATCH", "DELETE"])
            .allowed_headers(["X-Foo", "Content-Type"]),
    )
}

/// The same policy with credentials.
fn credentialed() -> Policy {
    build(
        Policy::builder()
            .allowed_origins([APP, ADMIN])
            .allowed_methods(["PUT", "PATCH", "DELETE"])
            .allowed_headers(["X-Foo", "Content-Type"])
            .supports_credentials(),
    )
}

const ACAH: &str = "x-foo, content-type";

#[test]
fn r1_a_cors_request_is_any_request_with_origin_and_is_never_blocked() {
    check(
        &typical(),
        &[
            case(
                "R1 GET from an allowed origin is decorated",
                get(APP),
                decorated(mirror()),
            ),
            case(
                "R1 POST from an allowed origin is decorated",
                actual("POST", &[APP]),
                decorated(mirror()),
            ),
            // Your own pages' form POSTs carry your own Origin: never block, just no headers.
            case(
                "R1 POST from a disallowed origin is passed on undecorated",
                actual("POST", &[EVIL]),
                undecorated(OriginNotAllowed),
            ),
            case(
                "R1 DELETE from a disallowed origin is passed on undecorated",
                actual("DELETE", &[EVIL]),
                undecorated(OriginNotAllowed),
            ),
            case(
                "R1 GET without Origin is not a CORS request",
                actual("GET", &[]),
                not_cors(),
            ),
            case(
                "R1 PUT without Origin is not a CORS request",
                actual("PUT", &[]),
                not_cors(),
            ),
        ],
    );
}

#[test]
fn r2_only_options_with_origin_and_acrm_is_a_preflight() {
    check(
        &typical(),
        &[
            case(
                "R2 OPTIONS + Origin + ACRM is a preflight",
                preflight(APP, "PUT", &[]),
                pre().method(),
            ),
            // fetch(url, {method: 'OPTIONS'}): the real OPTIONS arrives without ACRM and must reach the app.
            case(
                "R2 OPTIONS + Origin without ACRM is an actual request",
                actual("OPTIONS", &[APP]),
                decorated(mirror()),
            ),
            case(
                "R2 OPTIONS + disallowed Origin without ACRM is an actual request",
                actual("OPTIONS", &[EVIL]),
                undecorated(OriginNotAllowed),
            ),
            case(
                "R2 OPTIONS without Origin nor ACRM is not CORS",
                actual("OPTIONS", &[]),
                not_cors(),
            ),
            case(
                "R2 OPTIONS + ACRM without Origin is not a preflight",
                req("OPTIONS", &[], &["PUT"], &[], &[]),
                not_cors(),
            ),
            case(
                "R2 OPTIONS + ACRM + ACRH without Origin is not a preflight",
                req("OPTIONS", &[], &["PUT"], &["x-foo"], &[]),
                not_cors(),
            ),
            case(
                "R2 GET carrying ACRM is not a preflight",
                req("GET", &[APP], &["PUT"], &["x-bar"], &[]),
                decorated(mirror()),
            ),
            // R41: only the upper-case method is OPTIONS; browsers always send it upper-cased.
            case(
                "R2 lower-case `options` is another method",
                req("options", &[APP], &["PUT"], &[], &[]),
                decorated(mirror()),
            ),
        ],
    );
}

#[test]
fn r3_repeated_origin_or_acrm_lines_are_invalid_split_acrh_is_tolerated() {
    check(
        &typical(),
        &[
            case(
                "R3 two Origin lines on GET",
                actual("GET", &[APP, EVIL]),
                undecorated(OriginRepeated),
            ),
            case(
                "R3 two identical Origin lines on GET",
                actual("GET", &[APP, APP]),
                undecorated(OriginRepeated),
            ),
            case(
                "R3 two Origin lines on a preflight",
                req("OPTIONS", &[APP, APP], &["PUT"], &[], &[]),
                refused(OriginRepeated),
            ),
            case(
                "R3 two ACRM lines",
                req("OPTIONS", &[APP], &["PUT", "DELETE"], &[], &[]),
                refused(MethodRepeated),
            ),
            case(
                "R3 two identical ACRM lines",
                req("OPTIONS", &[APP], &["PUT", "PUT"], &[], &[]),
                refused(MethodRepeated),
            ),
            case(
                "R3 ACRH split over two lines",
                preflight(APP, "PUT", &["x-foo", "content-type"]),
                pre().method().headers(ACAH),
            ),
            case(
                "R3 ACRH split with a disallowed name on the second line",
                preflight(APP, "PUT", &["x-foo", "x-bar"]),
                refused(HeaderNotAllowed),
            ),
        ],
    );
}

#[test]
fn r4_only_canonical_serialized_origins_match() {
    let policy = build(Policy::builder().allowed_origins([
        APP,
        "http://localhost:3000",
        "http://127.0.0.1:8080",
        "http://[::1]:8080",
        "https://xn--bcher-kva.example",
    ]));
    check(
        &policy,
        &[
            case("R4 domain", get(APP), decorated(mirror())),
            case(
                "R4 localhost with port",
                get("http://localhost:3000"),
                decorated(mirror()),
            ),
            case("R4 dotted-quad IPv4", get("http://127.0.0.1:8080"), decorated(mirror())),
            case(
                "R4 compressed IPv6 in brackets",
                get("http://[::1]:8080"),
                decorated(mirror()),
            ),
            case(
                "R4 punycode IDN",
                get("https://xn--bcher-kva.example"),
                decorated(mirror()),
            ),
            case(
                "R4 trailing slash",
                get("https://app.example.com/"),
                undecorated(OriginMalformed),
            ),
            case(
                "R4 upper-case scheme",
                get("HTTPS://app.example.com"),
                undecorated(OriginMalformed),
            ),
            case(
                "R4 default port written",
                get("https://app.example.com:443"),
                undecorated(OriginMalformed),
            ),
            case(
                "R4 uncompressed IPv6",
                get("http://[0:0:0:0:0:0:0:1]:8080"),
                undecorated(OriginMalformed),
            ),
            case(
                "R4 IPv4 short form",
                get("http://127.1:8080"),
                undecorated(OriginMalformed),
            ),
            case(
                "R4 raw Unicode host",
                get("https://bücher.example"),
                undecorated(OriginMalformed),
            ),
            case(
                "R4 other port of an allowed host",
                get("http://localhost:3001"),
                undecorated(OriginNotAllowed),
            ),
        ],
    );
}

#[test]
fn r7_r8_r9_acao_mirrors_only_after_an_exact_match() {
    check(
        &typical(),
        &[
            case("R7 exact match is mirrored", get(APP), decorated(mirror())),
            case(
                "R7 preflight exact match is mirrored",
                preflight(ADMIN, "DELETE", &[]),
                pre().method(),
            ),
            case(
                "R7 trailing dot",
                get("https://app.example.com."),
                undecorated(OriginMalformed),
            ),
            case(
                "R7 upper-case host is not folded",
                get("https://APP.example.com"),
                undecorated(OriginMalformed),
            ),
            case(
                "R7 leading space is not trimmed by the core",
                get(" https://app.example.com"),
                undecorated(OriginMalformed),
            ),
            case(
                "R7 quoted origin",
                get("\"https://app.example.com\""),
                undecorated(OriginMalformed),
            ),
            case(
                "R7 other subdomain",
                get("https://api.example.com"),
                undecorated(OriginNotAllowed),
            ),
            // R8: one origin per response: two lines never produce a (joined) mirror.
            case(
                "R8 two allowed Origin lines",
                actual("GET", &[APP, ADMIN]),
                undecorated(OriginRepeated),
            ),
            case("R9 empty Origin", get(""), undecorated(OriginMalformed)),
            case(
                "R9 empty Origin on a preflight",
                preflight("", "PUT", &[]),
                refused(OriginMalformed),
            ),
        ],
    );
}

#[test]
fn r10_null_is_refused_unless_dangerously_allowed() {
    check(
        &typical(),
        &[
            case(
                "R10 null refused on GET",
                get("null"),
                undecorated(NullOriginNotAllowed),
            ),
            case(
                "R10 null refused on a preflight",
                preflight("null", "PUT", &[]),
                refused(NullOriginNotAllowed),
            ),
            case(
                "R10 NULL is not the null origin",
                get("NULL"),
                undecorated(OriginMalformed),
            ),
        ],
    );
    let with_null = build(
        Policy::builder()
            .allowed_origin(APP)
            .dangerously_allow_null_origin()
            .allowed_method("PUT"),
    );
    check(
        &with_null,
        &[
            case(
                "R10 null allowed on GET when opted in",
                get("null"),
                decorated(mirror()),
            ),
            case(
                "R10 null allowed on a preflight when opted in",
                preflight("null", "PUT", &[]),
                pre().method(),
            ),
            case("R10 Null is case-sensitive", get("Null"), undecorated(OriginMalformed)),
            case("R10 null with spaces", get(" null"), undecorated(OriginMalformed)),
            case(
                "R10 opting in to null allows no other origin",
                get(EVIL),
                undecorated(OriginNotAllowed),
            ),
        ],
    );
    let null_only = build(Policy::builder().dangerously_allow_null_origin());
    check(
        &null_only,
        &[
            case("R10 null-only policy allows null", get("null"), decorated(mirror())),
            case(
                "R10 null-only policy refuses others",
                get(APP),
                undecorated(OriginNotAllowed),
            ),
        ],
    );
}

#[test]
fn r13_acao_is_computed_per_request() {
    let policy = build(Policy::builder().allowed_origins([APP, ADMIN, "https://*.example.org", "http://localhost:*"]));
    check(
        &policy,
        &[
            case("R13 first exact origin", get(APP), decorated(mirror())),
            case("R13 second exact origin", get(ADMIN), decorated(mirror())),
            case(
                "R13 subdomain pattern",
                get("https://a.example.org"),
                decorated(mirror()),
            ),
            case(
                "R13 deeper subdomain pattern",
                get("https://a.b.example.org"),
                decorated(mirror()),
            ),
            case(
                "R13 port pattern without port",
                get("http://localhost"),
                decorated(mirror()),
            ),
            case(
                "R13 port pattern with port",
                get("http://localhost:5173"),
                decorated(mirror()),
            ),
            case(
                "R13 pattern base itself is not a subdomain",
                get("https://example.org"),
                undecorated(OriginNotAllowed),
            ),
            case("R13 other origin", get(EVIL), undecorated(OriginNotAllowed)),
        ],
    );
    assert!(policy.varies_by_origin(), "R13/R36: an allow-list needs Vary: Origin");
}

#[test]
fn r14_r16_credentials_on_preflight_and_actual_responses() {
    check(
        &credentialed(),
        &[
            case(
                "R16 credentialed preflight",
                preflight(APP, "PUT", &["x-foo"]),
                pre().creds().method().headers(ACAH),
            ),
            case(
                "R16 credentialed preflight of a safelisted method",
                preflight(APP, "GET", &[]),
                pre().creds(),
            ),
            case("R14 credentialed actual GET", get(APP), decorated(mirror().creds())),
            case(
                "R14 credentialed actual POST",
                actual("POST", &[ADMIN]),
                decorated(mirror().creds()),
            ),
            case(
                "R14 disallowed origin gets no credentials",
                get(EVIL),
                undecorated(OriginNotAllowed),
            ),
            case(
                "R14 disallowed origin preflight",
                preflight(EVIL, "PUT", &[]),
                refused(OriginNotAllowed),
            ),
            case("R14 no Origin: nothing", actual("GET", &[]), not_cors()),
        ],
    );
    assert!(credentialed().supports_credentials());
    assert!(!typical().supports_credentials());
}

fn only_problem_fields(b: PolicyBuilder) -> Vec<(Field, String)> {
    match b.build() {
        Ok(p) => panic!("expected a configuration error, got {p:?}"),
        Err(e) => e.problems().iter().map(|p| (p.field, p.value.clone())).collect(),
    }
}

#[test]
fn r17_r18_wildcards_cannot_be_combined_with_credentials() {
    let base = || Policy::builder().allowed_origin(APP).supports_credentials();
    let cases: [(&str, PolicyBuilder, &str); 4] = [
        (
            "R18 any origin + credentials",
            Policy::builder().allow_any_origin().supports_credentials(),
            "allow_any_origin",
        ),
        (
            "R17 any method + credentials",
            base().allow_any_method(),
            "allow_any_method",
        ),
        (
            "R17 any header + credentials",
            base().allow_any_header(),
            "allow_any_header",
        ),
        (
            "R17 expose any header + credentials",
            base().expose_any_header(),
            "expose_any_header",
        ),
    ];
    for (name, builder, value) in cases {
        assert_eq!(
            only_problem_fields(builder),
            [(Field::SupportsCredentials, value.to_owned())],
            "{name}"
        );
    }
    // R17: with credentials the configured names are listed, never `*`.
    check(
        &credentialed(),
        &[case(
            "R17 credentialed ACAH lists names, not *",
            preflight(APP, "PATCH", &["content-type"]),
            pre().creds().method().headers(ACAH),
        )],
    );
}

#[test]
fn r19_preflight_and_rejection_statuses() {
    check(
        &typical(),
        &[
            case(
                "R19 default preflight status is 204",
                preflight(APP, "PUT", &[]),
                pre().status(204).method(),
            ),
            case(
                "R19 default rejection status is 403",
                preflight(EVIL, "PUT", &[]),
                Want::PreflightRejected {
                    rejection: OriginNotAllowed,
                    status: 403,
                },
            ),
        ],
    );
    let custom = build(
        Policy::builder()
            .allowed_origin(APP)
            .allowed_method("PUT")
            .preflight_status(200)
            .preflight_rejection_status(400),
    );
    check(
        &custom,
        &[
            case(
                "R19 configured preflight status 200",
                preflight(APP, "PUT", &[]),
                pre().status(200).method(),
            ),
            case(
                "R19 configured rejection status 400",
                preflight(APP, "DELETE", &[]),
                Want::PreflightRejected {
                    rejection: MethodNotAllowed,
                    status: 400,
                },
            ),
        ],
    );
    let edge = build(
        Policy::builder()
            .allowed_origin(APP)
            .preflight_status(299)
            .preflight_rejection_status(200),
    );
    check(
        &edge,
        &[
            case("R19 299 is an ok status", preflight(APP, "GET", &[]), pre().status(299)),
            case(
                "R19 a 200 rejection still carries no CORS headers",
                preflight(EVIL, "GET", &[]),
                Want::PreflightRejected {
                    rejection: OriginNotAllowed,
                    status: 200,
                },
            ),
        ],
    );
    for status in [199, 300, 302, 304, 404] {
        assert_eq!(
            only_problem_fields(Policy::builder().allowed_origin(APP).preflight_status(status)),
            [(Field::PreflightStatus, status.to_string())],
            "R19 preflight_status({status})"
        );
    }
}

#[test]
fn r20_methods_are_byte_exact_and_safelisted_ones_need_no_acam() {
    check(
        &typical(),
        &[
            case(
                "R20 PATCH listed, PATCH requested",
                preflight(APP, "PATCH", &[]),
                pre().method(),
            ),
            case(
                "R20 PATCH listed, patch requested",
                preflight(APP, "patch", &[]),
                refused(MethodNotAllowed),
            ),
            case(
                "R20 PUT listed, put requested",
                preflight(APP, "put", &[]),
                refused(MethodNotAllowed),
            ),
            case(
                "R20 PUT listed, Put requested",
                preflight(APP, "Put", &[]),
                refused(MethodNotAllowed),
            ),
            case("R20 DELETE listed", preflight(APP, "DELETE", &[]), pre().method()),
            case("R20 GET is safelisted: no ACAM", preflight(APP, "GET", &[]), pre()),
            case("R20 HEAD is safelisted: no ACAM", preflight(APP, "HEAD", &[]), pre()),
            case("R20 POST is safelisted: no ACAM", preflight(APP, "POST", &[]), pre()),
            case(
                "R20 POST with a listed header",
                preflight(APP, "POST", &["content-type"]),
                pre().headers(ACAH),
            ),
            case(
                "R20 get is not the safelisted GET",
                preflight(APP, "get", &[]),
                refused(MethodNotAllowed),
            ),
            case(
                "R20 OPTIONS not listed",
                preflight(APP, "OPTIONS", &[]),
                refused(MethodNotAllowed),
            ),
            case(
                "R20 unknown method",
                preflight(APP, "PROPFIND", &[]),
                refused(MethodNotAllowed),
            ),
            case(
                "R20 GET is safelisted even for actual requests",
                get(APP),
                decorated(mirror()),
            ),
        ],
    );
    let lower = build(Policy::builder().allowed_origin(APP).allowed_method("patch"));
    check(
        &lower,
        &[
            case(
                "R20 patch listed, patch requested",
                preflight(APP, "patch", &[]),
                pre().method(),
            ),
            case(
                "R20 patch listed, PATCH requested",
                preflight(APP, "PATCH", &[]),
                refused(MethodNotAllowed),
            ),
        ],
    );
    let any = build(Policy::builder().allowed_origin(APP).allow_any_method());
    check(
        &any,
        &[
            case(
                "R20 any method echoes patch",
                preflight(APP, "patch", &[]),
                pre().method(),
            ),
            case(
                "R20 any method echoes PROPFIND",
                preflight(APP, "PROPFIND", &[]),
                pre().method(),
            ),
            case("R20 any method: GET", preflight(APP, "GET", &[]), pre().method()),
        ],
    );
}

#[test]
fn r21_header_names_are_case_insensitive() {
    check(
        &typical(),
        &[
            case(
                "R21 lower case as browsers send",
                preflight(APP, "PUT", &["x-foo"]),
                pre().method().headers(ACAH),
            ),
            case(
                "R21 upper case",
                preflight(APP, "PUT", &["X-FOO"]),
                pre().method().headers(ACAH),
            ),
            case(
                "R21 mixed case",
                preflight(APP, "PUT", &["x-fOo,Content-TYPE"]),
                pre().method().headers(ACAH),
            ),
            case(
                "R21 sorted list as Chromium sends it",
                preflight(APP, "PUT", &["content-type,x-foo"]),
                pre().method().headers(ACAH),
            ),
            case(
                "R21 unlisted header",
                preflight(APP, "PUT", &["x-bar"]),
                refused(HeaderNotAllowed),
            ),
            case(
                "R21 one unlisted among listed",
                preflight(APP, "PUT", &["content-type,x-bar,x-foo"]),
                refused(HeaderNotAllowed),
            ),
            case(
                "R21 prefix of a listed name",
                preflight(APP, "PUT", &["x-fo"]),
                refused(HeaderNotAllowed),
            ),
            case(
                "R21 extension of a listed name",
                preflight(APP, "PUT", &["x-foo2"]),
                refused(HeaderNotAllowed),
            ),
            case("R21 no ACRH: no ACAH", preflight(APP, "PUT", &[]), pre().method()),
        ],
    );
}

#[test]
fn r22_authorization_must_be_listed_by_name() {
    let any = build(
        Policy::builder()
            .allowed_origin(APP)
            .allowed_method("PUT")
            .allow_any_header(),
    );
    check(
        &any,
        &[
            case(
                "R22 any header covers x-anything",
                preflight(APP, "PUT", &["x-anything,x-other"]),
                pre().method().headers("*"),
            ),
            case(
                "R22 any header does not cover authorization",
                preflight(APP, "PUT", &["authorization"]),
                refused(AuthorizationNotAllowed),
            ),
            case(
                "R22 nor Authorization",
                preflight(APP, "PUT", &["Authorization"]),
                refused(AuthorizationNotAllowed),
            ),
            case(
                "R22 nor authorization among others",
                preflight(APP, "PUT", &["content-type,authorization,x-foo"]),
                refused(AuthorizationNotAllowed),
            ),
            case(
                "R22 authorization-like names are covered",
                preflight(APP, "PUT", &["x-authorization"]),
                pre().method().headers("*"),
            ),
        ],
    );
    let any_and_auth = build(
        Policy::builder()
            .allowed_origin(APP)
            .allow_any_header()
            .allowed_header("Authorization"),
    );
    check(
        &any_and_auth,
        &[
            case(
                "R22 `*, authorization` idiom",
                preflight(APP, "GET", &["authorization,x-foo"]),
                pre().headers("*, authorization"),
            ),
            case(
                "R22 `*, authorization` idiom, other headers",
                preflight(APP, "GET", &["x-foo"]),
                pre().headers("*, authorization"),
            ),
        ],
    );
    let listed = build(
        Policy::builder()
            .allowed_origin(APP)
            .allowed_headers(["Authorization", "X-Foo"])
            .supports_credentials(),
    );
    check(
        &listed,
        &[
            case(
                "R22 listed authorization",
                preflight(APP, "GET", &["authorization"]),
                pre().creds().headers("authorization, x-foo"),
            ),
            case(
                "R22 listed authorization among other listed names",
                preflight(APP, "GET", &["x-foo,authorization"]),
                pre().creds().headers("authorization, x-foo"),
            ),
        ],
    );
    check(
        &typical(),
        &[case(
            "R22 authorization not in the list",
            preflight(APP, "PUT", &["authorization"]),
            refused(HeaderNotAllowed),
        )],
    );
}

#[test]
fn r23_acrh_list_syntax() {
    check(
        &typical(),
        &[
            case(
                "R23 OWS around elements",
                preflight(APP, "PUT", &[" x-foo ,\tcontent-type "]),
                pre().method().headers(ACAH),
            ),
            case(
                "R23 empty elements are ignored",
                preflight(APP, "PUT", &[",x-foo,,"]),
                pre().method().headers(ACAH),
            ),
            case(
                "R23 WPT request-headers.htm style",
                preflight(APP, "PUT", &[",X-FOO,content-TYPE, ,,,x-foo"]),
                pre().method().headers(ACAH),
            ),
            case(
                "R23 only empty elements: nothing requested",
                preflight(APP, "PUT", &[", ,"]),
                pre().method(),
            ),
            case(
                "R23 empty ACRH line: nothing requested",
                preflight(APP, "PUT", &[""]),
                pre().method(),
            ),
            case(
                "R23 non-token element fails the list",
                preflight(APP, "PUT", &["x-foo, bad value"]),
                refused(HeadersMalformed),
            ),
            case(
                "R23 @ is not a tchar",
                preflight(APP, "PUT", &["x-foo,b@d"]),
                refused(HeadersMalformed),
            ),
            case(
                "R23 quoted name",
                preflight(APP, "PUT", &["\"x-foo\""]),
                refused(HeadersMalformed),
            ),
            case(
                "R23 semicolon list",
                preflight(APP, "PUT", &["x-foo;content-type"]),
                refused(HeadersMalformed),
            ),
            case(
                "R23 non-token on a second line",
                preflight(APP, "PUT", &["x-foo", "x:y"]),
                refused(HeadersMalformed),
            ),
        ],
    );
}

#[test]
fn r25_forbidden_methods_and_headers_are_configuration_errors() {
    for m in ["CONNECT", "TRACE", "TRACK", "connect", "Trace"] {
        assert_eq!(
            only_problem_fields(Policy::builder().allowed_origin(APP).allowed_method(m)),
            [(Field::AllowedMethods, m.to_owned())],
            "R25 {m}"
        );
    }
    for h in [
        "Cookie",
        "Host",
        "Origin",
        "Sec-Fetch-Mode",
        "Proxy-Authorization",
        "access-control-request-method",
    ] {
        assert_eq!(
            only_problem_fields(Policy::builder().allowed_origin(APP).allowed_header(h)),
            [(Field::AllowedHeaders, h.to_owned())],
            "R25 {h}"
        );
    }
}

#[test]
fn r26_max_age() {
    let policy = |age: u64| build(Policy::builder().allowed_origin(APP).allowed_method("PUT").max_age(age));
    check(
        &policy(600),
        &[case(
            "R26 600",
            preflight(APP, "PUT", &[]),
            pre().method().max_age("600"),
        )],
    );
    check(
        &policy(0),
        &[case(
            "R26 0 means no caching",
            preflight(APP, "PUT", &[]),
            pre().method().max_age("0"),
        )],
    );
    check(
        &policy(86_400),
        &[case(
            "R26 86400 is the limit",
            preflight(APP, "PUT", &[]),
            pre().method().max_age("86400"),
        )],
    );
    check(
        &typical(),
        &[case(
            "R26 absent by default",
            preflight(APP, "PUT", &[]),
            pre().method(),
        )],
    );
    assert_eq!(
        only_problem_fields(Policy::builder().allowed_origin(APP).max_age(86_401)),
        [(Field::MaxAge, "86401".to_owned())]
    );
    assert_eq!(cors_core::MAX_AGE_LIMIT, 86_400);
}

#[test]
fn r29_acrh_work_is_bounded() {
    let commas = |n: usize| ",".repeat(n);
    check(
        &typical(),
        &[
            case(
                "R29 16 empty elements are tolerated",
                preflight(APP, "PUT", &[&commas(15)]),
                pre().method(),
            ),
            case(
                "R29 17 empty elements are refused",
                preflight(APP, "PUT", &[&commas(16)]),
                refused(HeadersMalformed),
            ),
            case(
                "R29 empty elements count across lines",
                preflight(APP, "PUT", &[&commas(8), &commas(8)]),
                refused(HeadersMalformed),
            ),
            // Stops at the first disallowed name: the malformed tail is never read.
            case(
                "R29 stops at the first disallowed name",
                preflight(APP, "PUT", &["x-bar,bad value"]),
                refused(HeaderNotAllowed),
            ),
        ],
    );
}

#[test]
fn r30_exposed_headers_on_actual_responses() {
    let policy = build(
        Policy::builder()
            .allowed_origin(APP)
            .expose_headers(["X-Total", "X-Request-Id"]),
    );
    check(
        &policy,
        &[
            case(
                "R30 expose on an allowed actual response",
                get(APP),
                decorated(mirror().expose("X-Total, X-Request-Id")),
            ),
            case(
                "R30 nothing for a disallowed origin",
                get(EVIL),
                undecorated(OriginNotAllowed),
            ),
            // R28: ACEH is meaningless on preflights (PreflightHeaders has no such field).
            case("R28 preflight carries no ACEH", preflight(APP, "GET", &[]), pre()),
        ],
    );
    let any = build(Policy::builder().allowed_origin(APP).expose_any_header());
    check(
        &any,
        &[case("R30 expose any", get(APP), decorated(mirror().expose("*")))],
    );
    let creds = build(
        Policy::builder()
            .allowed_origin(APP)
            .supports_credentials()
            .expose_header("X-Total"),
    );
    check(
        &creds,
        &[case(
            "R30 credentialed expose lists names",
            get(APP),
            decorated(mirror().creds().expose("X-Total")),
        )],
    );
    for h in ["Set-Cookie", "set-cookie2"] {
        assert_eq!(
            only_problem_fields(Policy::builder().allowed_origin(APP).expose_header(h)),
            [(Field::ExposeHeaders, h.to_owned())],
            "R30 {h}"
        );
    }
}

#[test]
fn r31_any_origin_policy_is_static() {
    let policy = build(
        Policy::builder()
            .allow_any_origin()
            .allowed_method("PUT")
            .expose_header("X-Total"),
    );
    let s = || star().expose("X-Total");
    check(
        &policy,
        &[
            case(
                "R31 no Origin still gets `*`",
                actual("GET", &[]),
                Want::NotCors(Some(s())),
            ),
            case(
                "R31 OPTIONS without Origin gets `*`",
                actual("OPTIONS", &[]),
                Want::NotCors(Some(s())),
            ),
            case("R31 any Origin gets `*`", get(EVIL), decorated(s())),
            case("R31 null gets `*`", get("null"), decorated(s())),
            case(
                "R31 malformed Origin gets `*`, never a mirror",
                get("https://EVIL.example/"),
                decorated(s()),
            ),
            // Static headers: the same answer whatever the Origin lines say.
            case(
                "R31 two Origin lines still get the static `*`",
                actual("GET", &[APP, EVIL]),
                decorated(s()),
            ),
            case(
                "R31 preflight gets `*`",
                preflight(EVIL, "PUT", &[]),
                pre().any_origin().method(),
            ),
            case(
                "R31 preflight method still checked",
                preflight(EVIL, "DELETE", &[]),
                refused(MethodNotAllowed),
            ),
            case(
                "R3 preflight with two Origin lines",
                req("OPTIONS", &[APP, EVIL], &["PUT"], &[], &[]),
                refused(OriginRepeated),
            ),
        ],
    );
    assert!(!policy.varies_by_origin(), "R31: `*` needs no Vary: Origin");
    assert_eq!(
        Want::from(policy.decide(get(APP).request())),
        decorated(Act {
            allow_origin: AllowOrigin::Any,
            ..s()
        })
    );
}

#[test]
fn r36_dynamic_origins_vary_by_origin() {
    let cases: [(&str, PolicyBuilder); 6] = [
        ("R36 single exact origin", Policy::builder().allowed_origin(APP)),
        (
            "R36 list of exact origins",
            Policy::builder().allowed_origins([APP, ADMIN]),
        ),
        (
            "R36 subdomain pattern",
            Policy::builder().allowed_origin("https://*.example.com"),
        ),
        (
            "R36 port pattern",
            Policy::builder().allowed_origin("http://localhost:*"),
        ),
        ("R36 null only", Policy::builder().dangerously_allow_null_origin()),
        (
            "R36 predicate",
            Policy::builder().allowed_origin_fn(|o| o.ends_with(".example.net")),
        ),
    ];
    for (name, b) in cases {
        assert!(build(b).varies_by_origin(), "{name}");
    }
    assert!(
        !build(Policy::builder().allow_any_origin()).varies_by_origin(),
        "R31 any origin"
    );
}

#[test]
fn r37_preflight_vary() {
    assert_eq!(
        PREFLIGHT_VARY,
        "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
    );
    assert_eq!(typical().preflight_vary(), PREFLIGHT_VARY);
    assert_eq!(
        build(Policy::builder().allow_any_origin()).preflight_vary(),
        PREFLIGHT_VARY
    );
    let pna = build(Policy::builder().allowed_origin(APP).allow_private_network_access());
    assert_eq!(
        pna.preflight_vary(),
        "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network"
    );
}

#[test]
fn r42_private_network_access_only_when_configured_and_exactly_true() {
    let on = build(
        Policy::builder()
            .allowed_origin(APP)
            .allowed_method("PUT")
            .allow_private_network_access(),
    );
    check(
        &on,
        &[
            case(
                "R42 ACRPN true",
                preflight(APP, "PUT", &[]).acrpn(&["true"]),
                pre().method().pna(),
            ),
            case(
                "R42 ACRPN True is not true",
                preflight(APP, "PUT", &[]).acrpn(&["True"]),
                pre().method(),
            ),
            case(
                "R42 ACRPN TRUE is not true",
                preflight(APP, "PUT", &[]).acrpn(&["TRUE"]),
                pre().method(),
            ),
            case(
                "R42 ACRPN false",
                preflight(APP, "PUT", &[]).acrpn(&["false"]),
                pre().method(),
            ),
            case(
                "R42 ACRPN with spaces",
                preflight(APP, "PUT", &[]).acrpn(&[" true"]),
                pre().method(),
            ),
            case(
                "R42 ACRPN twice",
                preflight(APP, "PUT", &[]).acrpn(&["true", "true"]),
                pre().method(),
            ),
            case("R42 no ACRPN", preflight(APP, "PUT", &[]), pre().method()),
            case(
                "R42 disallowed origin",
                preflight(EVIL, "PUT", &[]).acrpn(&["true"]),
                refused(OriginNotAllowed),
            ),
            case(
                "R42 never on actual responses",
                get(APP).acrpn(&["true"]),
                decorated(mirror()),
            ),
        ],
    );
    check(
        &typical(),
        &[
            case(
                "R42 not configured: ACRPN true refused",
                preflight(APP, "PUT", &[]).acrpn(&["true"]),
                refused(PrivateNetworkNotAllowed),
            ),
            case(
                "R42 not configured: ACRPN false ignored",
                preflight(APP, "PUT", &[]).acrpn(&["false"]),
                pre().method(),
            ),
            case(
                "R42 not configured: no ACRPN",
                preflight(APP, "PUT", &[]),
                pre().method(),
            ),
        ],
    );
}
