//! Every configuration error of `PolicyBuilder::build`, one named row each: the problem names the
//! field, the offending value as given, and a fix that says what to write instead.

use cors_core::{Field, Policy, PolicyBuilder, PolicyError, Problem};

const APP: &str = "https://app.example.com";

struct Row {
    name: &'static str,
    builder: fn() -> PolicyBuilder,
    field: Field,
    index: Option<usize>,
    value: &'static str,
    /// Every one of these must appear in the fix.
    fix_has: &'static [&'static str],
    /// None of these may appear in the fix.
    fix_lacks: &'static [&'static str],
}

fn origin(text: &'static str) -> PolicyBuilder {
    Policy::builder().allowed_origin(text)
}

fn app() -> PolicyBuilder {
    Policy::builder().allowed_origin(APP)
}

fn problems(b: PolicyBuilder) -> Vec<Problem> {
    match b.build() {
        Ok(p) => panic!("expected a configuration error, got {p:?}"),
        Err(e) => e.problems().to_vec(),
    }
}

fn run(rows: &[Row]) {
    let mut failures = Vec::new();
    let mut names = std::collections::HashSet::new();
    for row in rows {
        assert!(names.insert(row.name), "duplicate row {}", row.name);
        let found = match (row.builder)().build() {
            Ok(_) => {
                failures.push(format!("- {}: built without error", row.name));
                continue;
            }
            Err(e) => e.problems().to_vec(),
        };
        if found.len() != 1 {
            failures.push(format!("- {}: expected exactly one problem, got {found:#?}", row.name));
            continue;
        }
        let p = &found[0];
        let mut wrong = Vec::new();
        if p.field != row.field {
            wrong.push(format!("field {:?} != {:?}", p.field, row.field));
        }
        if p.index != row.index {
            wrong.push(format!("index {:?} != {:?}", p.index, row.index));
        }
        if p.value != row.value {
            wrong.push(format!("value {:?} != {:?}", p.value, row.value));
        }
        if p.message.is_empty() {
            wrong.push("empty message".to_owned());
        }
        for s in row.fix_has {
            if !p.fix.contains(s) {
                wrong.push(format!("fix {:?} lacks {s:?}", p.fix));
            }
        }
        for s in row.fix_lacks {
            if p.fix.contains(s) {
                wrong.push(format!("fix {:?} contains {s:?}", p.fix));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("- {}: {}", row.name, wrong.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[allow(clippy::too_many_arguments)]
fn row(
    name: &'static str,
    builder: fn() -> PolicyBuilder,
    field: Field,
    index: Option<usize>,
    value: &'static str,
    fix_has: &'static [&'static str],
    fix_lacks: &'static [&'static str],
) -> Row {
    Row {
        name,
        builder,
        field,
        index,
        value,
        fix_has,
        fix_lacks,
    }
}

#[test]
fn malformed_origins() {
    run(&[
        row(
            "R4 upper-case host",
            || origin("https://EXAMPLE.com"),
            Field::AllowedOrigins,
            Some(0),
            "https://EXAMPLE.com",
            &["\"https://example.com\""],
            &[],
        ),
        row(
            "R4 upper-case scheme",
            || origin("HTTPS://example.com"),
            Field::AllowedOrigins,
            Some(0),
            "HTTPS://example.com",
            &["\"https://example.com\""],
            &[],
        ),
        row(
            "R4 default https port",
            || origin("https://example.com:443"),
            Field::AllowedOrigins,
            Some(0),
            "https://example.com:443",
            &["\"https://example.com\""],
            &["443"],
        ),
        row(
            "R4 default http port",
            || origin("http://localhost:80"),
            Field::AllowedOrigins,
            Some(0),
            "http://localhost:80",
            &["\"http://localhost\""],
            &[":80"],
        ),
        row(
            "R4 non-ASCII host",
            || origin("https://bücher.example"),
            Field::AllowedOrigins,
            Some(0),
            "https://bücher.example",
            &["xn--bcher-kva.example", "\"https://xn--bcher-kva.example\""],
            &[],
        ),
        row(
            "R4 non-ASCII host with port",
            || origin("https://bücher.example:8443"),
            Field::AllowedOrigins,
            Some(0),
            "https://bücher.example:8443",
            &["\"https://xn--bcher-kva.example:8443\""],
            &[],
        ),
        row(
            "R4 trailing slash",
            || origin("https://example.com/"),
            Field::AllowedOrigins,
            Some(0),
            "https://example.com/",
            &["\"https://example.com\""],
            &[],
        ),
        row(
            "R4 path",
            || origin("https://example.com/app"),
            Field::AllowedOrigins,
            Some(0),
            "https://example.com/app",
            &["\"https://example.com\""],
            &["/app"],
        ),
        row(
            "R4 query",
            || origin("https://example.com?x=1"),
            Field::AllowedOrigins,
            Some(0),
            "https://example.com?x=1",
            &["\"https://example.com\""],
            &["x=1"],
        ),
        row(
            "R4 fragment",
            || origin("https://example.com#top"),
            Field::AllowedOrigins,
            Some(0),
            "https://example.com#top",
            &["\"https://example.com\""],
            &["top"],
        ),
        row(
            "R4 userinfo",
            || origin("https://user:pw@example.com"),
            Field::AllowedOrigins,
            Some(0),
            "https://user:pw@example.com",
            &["\"https://example.com\""],
            &["user"],
        ),
        row(
            "R4 missing scheme",
            || origin("example.com"),
            Field::AllowedOrigins,
            Some(0),
            "example.com",
            &["\"https://example.com\""],
            &[],
        ),
        row(
            "R4 invalid scheme",
            || origin("1http://example.com"),
            Field::AllowedOrigins,
            Some(0),
            "1http://example.com",
            &["scheme://host[:port]"],
            &[],
        ),
        row(
            "R4 port 0",
            || origin("https://example.com:0"),
            Field::AllowedOrigins,
            Some(0),
            "https://example.com:0",
            &["between 1 and 65535"],
            &[],
        ),
        row(
            "R4 port 65536",
            || origin("https://example.com:65536"),
            Field::AllowedOrigins,
            Some(0),
            "https://example.com:65536",
            &["between 1 and 65535"],
            &[],
        ),
        row(
            "R4 invalid host",
            || origin("https://ex%41mple.com"),
            Field::AllowedOrigins,
            Some(0),
            "https://ex%41mple.com",
            &["lower-case domain"],
            &[],
        ),
        row(
            "§3.31 non-canonical IPv4",
            || origin("http://127.1:8080"),
            Field::AllowedOrigins,
            Some(0),
            "http://127.1:8080",
            &["dotted-quad IPv4"],
            &[],
        ),
        row(
            "§3.31 non-canonical IPv6",
            || origin("http://[0:0::1]"),
            Field::AllowedOrigins,
            Some(0),
            "http://[0:0::1]",
            &["compressed IPv6"],
            &[],
        ),
        row(
            "§3.13 two origins in one entry",
            || origin("https://a.example https://b.example"),
            Field::AllowedOrigins,
            Some(0),
            "https://a.example https://b.example",
            &["one origin per entry"],
            &[],
        ),
        row(
            "§3.29 empty origin",
            || origin(""),
            Field::AllowedOrigins,
            Some(0),
            "",
            &["scheme://host[:port]"],
            &[],
        ),
        row(
            "R4 index of the bad entry",
            || Policy::builder().allowed_origins([APP, "https://x.example/"]),
            Field::AllowedOrigins,
            Some(1),
            "https://x.example/",
            &["\"https://x.example\""],
            &[],
        ),
    ]);
}

#[test]
fn wildcards_null_and_patterns() {
    run(&[
        row(
            "R18 `*` as an origin",
            || origin("*"),
            Field::AllowedOrigins,
            Some(0),
            "*",
            &["allow_any_origin()"],
            &[],
        ),
        row(
            "R10 `null` as an origin",
            || origin("null"),
            Field::AllowedOrigins,
            Some(0),
            "null",
            &["dangerously_allow_null_origin()"],
            &[],
        ),
        row(
            "R10 `NULL` as an origin",
            || origin("NULL"),
            Field::AllowedOrigins,
            Some(0),
            "NULL",
            &["dangerously_allow_null_origin()"],
            &[],
        ),
        row(
            "R10 null origin with credentials",
            || app().dangerously_allow_null_origin().supports_credentials(),
            Field::AllowedOrigins,
            None,
            "null",
            &["dangerously_allow_null_origin", "supports_credentials"],
            &[],
        ),
        row(
            "§3.5 misplaced wildcard",
            || origin("https://foo*.example.com"),
            Field::AllowedOrigins,
            Some(0),
            "https://foo*.example.com",
            &["scheme://*.domain", "scheme://host:*"],
            &[],
        ),
        row(
            "§3.5 wildcard inside a label",
            || origin("https://*example.com"),
            Field::AllowedOrigins,
            Some(0),
            "https://*example.com",
            &["scheme://*.domain"],
            &[],
        ),
        row(
            "§3.5 wildcard scheme",
            || origin("*://example.com"),
            Field::AllowedOrigins,
            Some(0),
            "*://example.com",
            &["scheme://*.domain"],
            &[],
        ),
        row(
            "§3.31 wildcard IP address",
            || origin("https://*.1.2.3.4"),
            Field::AllowedOrigins,
            Some(0),
            "https://*.1.2.3.4",
            &["exact origins"],
            &[],
        ),
        row(
            "R4 pattern with a path",
            || origin("https://*.example.com/"),
            Field::AllowedOrigins,
            Some(0),
            "https://*.example.com/",
            &["\"https://*.example.com\""],
            &[],
        ),
        row(
            "§3.21 pattern over .com",
            || origin("https://*.com"),
            Field::AllowedOrigins,
            Some(0),
            "https://*.com",
            &[
                "dangerously_tolerate_subdomains_of_public_suffixes()",
                "https://*.yourdomain.com",
            ],
            &[],
        ),
        row(
            "§3.21 pattern over .co.uk",
            || origin("https://*.co.uk"),
            Field::AllowedOrigins,
            Some(0),
            "https://*.co.uk",
            &[
                "dangerously_tolerate_subdomains_of_public_suffixes()",
                "*.yourdomain.co.uk",
            ],
            &[],
        ),
        row(
            "§3.21 pattern over github.io",
            || origin("https://*.github.io"),
            Field::AllowedOrigins,
            Some(0),
            "https://*.github.io",
            &[
                "dangerously_tolerate_subdomains_of_public_suffixes()",
                "*.yourdomain.github.io",
            ],
            &[],
        ),
        row(
            "R31 origin predicate next to allow_any_origin",
            || Policy::builder().allow_any_origin().allowed_origin_fn(|_| true),
            Field::AllowedOrigins,
            None,
            "allowed_origin_fn",
            &["drop allowed_origin_fn or allow_any_origin"],
            &[],
        ),
        row(
            "R31 origin listed next to allow_any_origin",
            || Policy::builder().allow_any_origin().allowed_origin(APP),
            Field::AllowedOrigins,
            Some(0),
            APP,
            &["remove it", "allow_any_origin"],
            &[],
        ),
    ]);
}

#[test]
fn credentials() {
    run(&[
        row(
            "R18 credentials + allow_any_origin",
            || Policy::builder().allow_any_origin().supports_credentials(),
            Field::SupportsCredentials,
            None,
            "allow_any_origin",
            &["list the allowed origins"],
            &[],
        ),
        row(
            "R17 credentials + allow_any_method",
            || app().allow_any_method().supports_credentials(),
            Field::SupportsCredentials,
            None,
            "allow_any_method",
            &["list the allowed methods"],
            &[],
        ),
        row(
            "R17 credentials + allow_any_header",
            || app().allow_any_header().supports_credentials(),
            Field::SupportsCredentials,
            None,
            "allow_any_header",
            &["list the allowed headers"],
            &[],
        ),
        row(
            "R17 credentials + expose_any_header",
            || app().expose_any_header().supports_credentials(),
            Field::SupportsCredentials,
            None,
            "expose_any_header",
            &["list the exposed headers"],
            &[],
        ),
        row(
            "§3.7 http origin with credentials",
            || origin("http://app.example.com").supports_credentials(),
            Field::AllowedOrigins,
            Some(0),
            "http://app.example.com",
            &["\"https://app.example.com\"", "dangerously_tolerate_insecure_origins()"],
            &[],
        ),
        row(
            "§3.7 http origin with port and credentials",
            || origin("http://app.example.com:8080").supports_credentials(),
            Field::AllowedOrigins,
            Some(0),
            "http://app.example.com:8080",
            &[
                "\"https://app.example.com:8080\"",
                "dangerously_tolerate_insecure_origins()",
            ],
            &[],
        ),
        row(
            "§3.7 http pattern with credentials",
            || origin("http://*.example.com").supports_credentials(),
            Field::AllowedOrigins,
            Some(0),
            "http://*.example.com",
            &["https", "dangerously_tolerate_insecure_origins()"],
            &[],
        ),
        row(
            "§3.7 http IP origin with credentials",
            || origin("http://192.168.1.10:8080").supports_credentials(),
            Field::AllowedOrigins,
            Some(0),
            "http://192.168.1.10:8080",
            &["dangerously_tolerate_insecure_origins()"],
            &[],
        ),
    ]);
}

#[test]
fn methods() {
    run(&[
        row(
            "R25 CONNECT",
            || app().allowed_method("CONNECT"),
            Field::AllowedMethods,
            Some(0),
            "CONNECT",
            &["remove it"],
            &[],
        ),
        row(
            "R25 TRACE",
            || app().allowed_method("TRACE"),
            Field::AllowedMethods,
            Some(0),
            "TRACE",
            &["remove it"],
            &[],
        ),
        row(
            "R25 TRACK",
            || app().allowed_method("TRACK"),
            Field::AllowedMethods,
            Some(0),
            "TRACK",
            &["remove it"],
            &[],
        ),
        row(
            "R25 trace in lower case",
            || app().allowed_method("trace"),
            Field::AllowedMethods,
            Some(0),
            "trace",
            &["remove it"],
            &[],
        ),
        row(
            "R41 lower-case get",
            || app().allowed_method("get"),
            Field::AllowedMethods,
            Some(0),
            "get",
            &["\"GET\""],
            &[],
        ),
        row(
            "R41 lower-case delete",
            || app().allowed_method("delete"),
            Field::AllowedMethods,
            Some(0),
            "delete",
            &["\"DELETE\""],
            &[],
        ),
        row(
            "R41 title-case Put",
            || app().allowed_method("Put"),
            Field::AllowedMethods,
            Some(0),
            "Put",
            &["\"PUT\""],
            &[],
        ),
        row(
            "R41 lower-case options",
            || app().allowed_method("options"),
            Field::AllowedMethods,
            Some(0),
            "options",
            &["\"OPTIONS\""],
            &[],
        ),
        row(
            "R23 method with a space",
            || app().allowed_method("GET POST"),
            Field::AllowedMethods,
            Some(0),
            "GET POST",
            &["method name such as"],
            &[],
        ),
        row(
            "R23 method with a parenthesis",
            || app().allowed_method("P(T"),
            Field::AllowedMethods,
            Some(0),
            "P(T",
            &["method name such as"],
            &[],
        ),
        row(
            "R23 empty method",
            || app().allowed_method(""),
            Field::AllowedMethods,
            Some(0),
            "",
            &["method name such as"],
            &[],
        ),
        row(
            "R24 `*` as a method",
            || app().allowed_method("*"),
            Field::AllowedMethods,
            Some(0),
            "*",
            &["allow_any_method()"],
            &[],
        ),
        row(
            "R29 method over 64 bytes",
            || app().allowed_method("X".repeat(65)),
            Field::AllowedMethods,
            Some(0),
            "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            &["shorter"],
            &[],
        ),
        row(
            "duplicate method",
            || app().allowed_methods(["PUT", "PATCH", "PUT"]),
            Field::AllowedMethods,
            Some(2),
            "PUT",
            &["remove the duplicate"],
            &[],
        ),
    ]);
}

#[test]
fn headers() {
    run(&[
        row(
            "R25 Cookie",
            || app().allowed_header("Cookie"),
            Field::AllowedHeaders,
            Some(0),
            "Cookie",
            &["remove it"],
            &[],
        ),
        row(
            "R25 Sec-Foo",
            || app().allowed_header("Sec-Foo"),
            Field::AllowedHeaders,
            Some(0),
            "Sec-Foo",
            &["remove it"],
            &[],
        ),
        row(
            "R25 Proxy-Authorization",
            || app().allowed_header("Proxy-Authorization"),
            Field::AllowedHeaders,
            Some(0),
            "Proxy-Authorization",
            &["remove it"],
            &[],
        ),
        row(
            "R25 Host",
            || app().allowed_header("host"),
            Field::AllowedHeaders,
            Some(0),
            "host",
            &["remove it"],
            &[],
        ),
        row(
            "R25 Access-Control-Request-Headers",
            || app().allowed_header("Access-Control-Request-Headers"),
            Field::AllowedHeaders,
            Some(0),
            "Access-Control-Request-Headers",
            &["remove it"],
            &[],
        ),
        row(
            "R23 header with a space",
            || app().allowed_header("X Foo"),
            Field::AllowedHeaders,
            Some(0),
            "X Foo",
            &["header name such as"],
            &[],
        ),
        row(
            "R23 header with a colon",
            || app().allowed_header("X-Foo:"),
            Field::AllowedHeaders,
            Some(0),
            "X-Foo:",
            &["header name such as"],
            &[],
        ),
        row(
            "R23 empty header",
            || app().allowed_header(""),
            Field::AllowedHeaders,
            Some(0),
            "",
            &["header name such as"],
            &[],
        ),
        row(
            "R17 `*` as a header",
            || app().allowed_header("*"),
            Field::AllowedHeaders,
            Some(0),
            "*",
            &["allow_any_header()"],
            &[],
        ),
        row(
            "R22 header redundant with allow_any_header",
            || app().allow_any_header().allowed_header("X-Foo"),
            Field::AllowedHeaders,
            Some(0),
            "X-Foo",
            &["only Authorization"],
            &[],
        ),
        row(
            "R21 duplicate header, other case",
            || app().allowed_headers(["X-Foo", "x-foo"]),
            Field::AllowedHeaders,
            Some(1),
            "x-foo",
            &["remove the duplicate"],
            &[],
        ),
        row(
            "R30 Set-Cookie exposed",
            || app().expose_header("Set-Cookie"),
            Field::ExposeHeaders,
            Some(0),
            "Set-Cookie",
            &["remove it"],
            &[],
        ),
        row(
            "R30 Set-Cookie2 exposed",
            || app().expose_header("set-cookie2"),
            Field::ExposeHeaders,
            Some(0),
            "set-cookie2",
            &["remove it"],
            &[],
        ),
        row(
            "R30 `*` exposed",
            || app().expose_header("*"),
            Field::ExposeHeaders,
            Some(0),
            "*",
            &["expose_any_header()"],
            &[],
        ),
        row(
            "R23 exposed header with a space",
            || app().expose_header("X Total"),
            Field::ExposeHeaders,
            Some(0),
            "X Total",
            &["header name such as"],
            &[],
        ),
        row(
            "R30 duplicate exposed header",
            || app().expose_headers(["X-Total", "X-TOTAL"]),
            Field::ExposeHeaders,
            Some(1),
            "X-TOTAL",
            &["remove the duplicate"],
            &[],
        ),
    ]);
}

#[test]
fn origins_lists_and_scalars() {
    run(&[
        row(
            "duplicate origin",
            || Policy::builder().allowed_origins([APP, "https://b.example", APP]),
            Field::AllowedOrigins,
            Some(2),
            APP,
            &["remove the duplicate"],
            &[],
        ),
        row(
            "duplicate pattern",
            || Policy::builder().allowed_origins(["https://*.example.com", "https://*.example.com"]),
            Field::AllowedOrigins,
            Some(1),
            "https://*.example.com",
            &["remove the duplicate"],
            &[],
        ),
        row(
            "empty origin set",
            || Policy::builder().allowed_method("PUT"),
            Field::AllowedOrigins,
            None,
            "",
            &["allowed_origin(", "allow_any_origin()"],
            &[],
        ),
        row(
            "R26 max_age 86401",
            || app().max_age(86_401),
            Field::MaxAge,
            None,
            "86401",
            &["86400"],
            &[],
        ),
        row(
            "R26 max_age u64::MAX",
            || app().max_age(u64::MAX),
            Field::MaxAge,
            None,
            "18446744073709551615",
            &["86400"],
            &[],
        ),
        row(
            "R19 preflight_status 302",
            || app().preflight_status(302),
            Field::PreflightStatus,
            None,
            "302",
            &["204"],
            &[],
        ),
        row(
            "R19 preflight_status 199",
            || app().preflight_status(199),
            Field::PreflightStatus,
            None,
            "199",
            &["204"],
            &[],
        ),
        row(
            "R19 preflight_status 300",
            || app().preflight_status(300),
            Field::PreflightStatus,
            None,
            "300",
            &["204"],
            &[],
        ),
        row(
            "R19 rejection status 100",
            || app().preflight_rejection_status(100),
            Field::PreflightRejectionStatus,
            None,
            "100",
            &["403"],
            &[],
        ),
        row(
            "R19 rejection status 600",
            || app().preflight_rejection_status(600),
            Field::PreflightRejectionStatus,
            None,
            "600",
            &["403"],
            &[],
        ),
    ]);
}

#[test]
fn valid_configurations_that_look_close_to_errors() {
    let ok: Vec<(&str, PolicyBuilder)> = vec![
        (
            "§3.7 http://localhost:3000 with credentials",
            origin("http://localhost:3000").supports_credentials(),
        ),
        (
            "§3.7 http://127.0.0.1:8080 with credentials",
            origin("http://127.0.0.1:8080").supports_credentials(),
        ),
        (
            "§3.7 http://[::1]:8080 with credentials",
            origin("http://[::1]:8080").supports_credentials(),
        ),
        (
            "§3.7 http://app.localhost with credentials",
            origin("http://app.localhost").supports_credentials(),
        ),
        (
            "§3.7 http://localhost:* with credentials",
            origin("http://localhost:*").supports_credentials(),
        ),
        (
            "§3.7 tolerated insecure origin",
            origin("http://app.example.com")
                .supports_credentials()
                .dangerously_tolerate_insecure_origins(),
        ),
        (
            "§3.7 tolerated insecure pattern",
            origin("http://*.example.com")
                .supports_credentials()
                .dangerously_tolerate_insecure_origins(),
        ),
        ("§3.7 http origin without credentials", origin("http://app.example.com")),
        (
            "§3.21 tolerated *.com",
            origin("https://*.com").dangerously_tolerate_subdomains_of_public_suffixes(),
        ),
        (
            "§3.21 tolerated *.github.io",
            origin("https://*.github.io").dangerously_tolerate_subdomains_of_public_suffixes(),
        ),
        ("§3.21 own domain pattern", origin("https://*.example.co.uk")),
        (
            "R10 null origin only",
            Policy::builder().dangerously_allow_null_origin(),
        ),
        ("predicate only", Policy::builder().allowed_origin_fn(|_| false)),
        (
            "R22 Authorization next to allow_any_header",
            app().allow_any_header().allowed_header("Authorization"),
        ),
        ("R20 lower-case custom method", app().allowed_method("patch")),
        ("R29 64-byte method", app().allowed_method("X".repeat(64))),
        ("R26 max_age 86400", app().max_age(86_400)),
        ("R19 preflight_status 200", app().preflight_status(200)),
        ("R19 preflight_status 299", app().preflight_status(299)),
        ("R19 rejection status 200", app().preflight_rejection_status(200)),
        ("R30 exposed Content-Length", app().expose_header("Content-Length")),
        ("canonical IPv4-mapped IPv6", origin("http://[::ffff:7f00:1]")),
        ("IDN in punycode", origin("https://xn--bcher-kva.example")),
    ];
    let failures: Vec<String> = ok
        .into_iter()
        .filter_map(|(name, b)| b.build().err().map(|e| format!("- {name}: {e}")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn several() -> PolicyError {
    Policy::builder()
        .allowed_origins(["https://EXAMPLE.com", "https://example.com/"])
        .allowed_methods(["get", "TRACE"])
        .allowed_header("Cookie")
        .expose_header("Set-Cookie")
        .max_age(100_000)
        .preflight_status(302)
        .preflight_rejection_status(100)
        .build()
        .unwrap_err()
}

#[test]
fn every_problem_is_reported_at_once() {
    let e = several();
    let got: Vec<(Field, Option<usize>, &str)> = e
        .problems()
        .iter()
        .map(|p| (p.field, p.index, p.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Field::AllowedOrigins, Some(0), "https://EXAMPLE.com"),
            (Field::AllowedOrigins, Some(1), "https://example.com/"),
            (Field::AllowedMethods, Some(0), "get"),
            (Field::AllowedMethods, Some(1), "TRACE"),
            (Field::AllowedHeaders, Some(0), "Cookie"),
            (Field::ExposeHeaders, Some(0), "Set-Cookie"),
            (Field::MaxAge, None, "100000"),
            (Field::PreflightStatus, None, "302"),
            (Field::PreflightRejectionStatus, None, "100"),
        ]
    );
    // Credentials with all four wildcards: four problems, not just the first.
    let wild = problems(
        Policy::builder()
            .allow_any_origin()
            .allow_any_method()
            .allow_any_header()
            .expose_any_header()
            .supports_credentials(),
    );
    let values: Vec<&str> = wild.iter().map(|p| p.value.as_str()).collect();
    assert_eq!(
        values,
        [
            "allow_any_origin",
            "allow_any_method",
            "allow_any_header",
            "expose_any_header"
        ]
    );
    assert!(wild.iter().all(|p| p.field == Field::SupportsCredentials));
}

#[test]
fn display_names_field_value_and_fix() {
    let e = several();
    let text = e.to_string();
    assert!(text.starts_with("invalid CORS policy (9 problems):"), "{text}");
    assert_eq!(text.lines().count(), 10, "{text}");
    for p in e.problems() {
        let line = p.to_string();
        assert!(line.starts_with(p.field.option()), "{line}");
        assert!(line.contains(&format!("{:?}", p.value)), "{line}");
        assert!(line.contains(&p.message), "{line}");
        assert!(line.contains(&p.fix), "{line}");
        assert!(text.contains(&line), "{text}\nlacks {line}");
    }
    let one = origin("https://EXAMPLE.com").build().unwrap_err().to_string();
    assert!(one.starts_with("invalid CORS policy (1 problem):"), "{one}");
    assert!(one.contains("allowed_origin"), "{one}");
    assert!(one.contains("\"https://EXAMPLE.com\""), "{one}");
    assert!(one.contains("write \"https://example.com\""), "{one}");
    // `PolicyError` is a std error.
    let boxed: Box<dyn std::error::Error> = Box::new(several());
    assert!(boxed.to_string().contains("preflight_status \"302\""));
}

#[test]
fn field_options_name_the_builder_methods() {
    let all = [
        (Field::AllowedOrigins, "allowed_origin"),
        (Field::AllowedMethods, "allowed_methods"),
        (Field::AllowedHeaders, "allowed_headers"),
        (Field::ExposeHeaders, "expose_headers"),
        (Field::MaxAge, "max_age"),
        (Field::SupportsCredentials, "supports_credentials"),
        (Field::PreflightStatus, "preflight_status"),
        (Field::PreflightRejectionStatus, "preflight_rejection_status"),
    ];
    for (field, option) in all {
        assert_eq!(field.option(), option);
    }
}
