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

macro_rules! row {
    ($name:literal, $builder:expr, $field:ident, $index:expr, $value:expr, has $has:expr $(, lacks $lacks:expr)?) => {
        Row {
            name: $name,
            builder: || $builder,
            field: Field::$field,
            index: $index,
            value: $value,
            fix_has: &$has,
            fix_lacks: &[$($lacks)?],
        }
    };
}

#[test]
fn malformed_origins() {
    run(&[
        row!(
            "R4 upper-case host",
            origin("https://EXAMPLE.com"),
            AllowedOrigins,
            Some(0),
            "https://EXAMPLE.com",
            has["\"https://example.com\""]
        ),
        row!(
            "R4 upper-case scheme",
            origin("HTTPS://example.com"),
            AllowedOrigins,
            Some(0),
            "HTTPS://example.com",
            has["\"https://example.com\""]
        ),
        row!("R4 default https port", origin("https://example.com:443"), AllowedOrigins, Some(0), "https://example.com:443", has ["\"https://example.com\""], lacks "443"),
        row!("R4 default http port", origin("http://localhost:80"), AllowedOrigins, Some(0), "http://localhost:80", has ["\"http://localhost\""], lacks ":80"),
        row!("R4 non-ASCII host", origin("https://bücher.example"), AllowedOrigins, Some(0), "https://bücher.example", has ["xn--bcher-kva.example", "\"https://xn--bcher-kva.example\""]),
        row!(
            "R4 non-ASCII host with port",
            origin("https://bücher.example:8443"),
            AllowedOrigins,
            Some(0),
            "https://bücher.example:8443",
            has["\"https://xn--bcher-kva.example:8443\""]
        ),
        row!(
            "R4 trailing slash",
            origin("https://example.com/"),
            AllowedOrigins,
            Some(0),
            "https://example.com/",
            has["\"https://example.com\""]
        ),
        row!("R4 path", origin("https://example.com/app"), AllowedOrigins, Some(0), "https://example.com/app", has ["\"https://example.com\""], lacks "/app"),
        row!("R4 query", origin("https://example.com?x=1"), AllowedOrigins, Some(0), "https://example.com?x=1", has ["\"https://example.com\""], lacks "x=1"),
        row!("R4 fragment", origin("https://example.com#top"), AllowedOrigins, Some(0), "https://example.com#top", has ["\"https://example.com\""], lacks "top"),
        row!("R4 userinfo", origin("https://user:pw@example.com"), AllowedOrigins, Some(0), "https://user:pw@example.com", has ["\"https://example.com\""], lacks "user"),
        row!(
            "R4 missing scheme",
            origin("example.com"),
            AllowedOrigins,
            Some(0),
            "example.com",
            has["\"https://example.com\""]
        ),
        row!(
            "R4 invalid scheme",
            origin("1http://example.com"),
            AllowedOrigins,
            Some(0),
            "1http://example.com",
            has["scheme://host[:port]"]
        ),
        row!(
            "R4 port 0",
            origin("https://example.com:0"),
            AllowedOrigins,
            Some(0),
            "https://example.com:0",
            has["between 1 and 65535"]
        ),
        row!(
            "R4 port 65536",
            origin("https://example.com:65536"),
            AllowedOrigins,
            Some(0),
            "https://example.com:65536",
            has["between 1 and 65535"]
        ),
        row!(
            "R4 invalid host",
            origin("https://ex%41mple.com"),
            AllowedOrigins,
            Some(0),
            "https://ex%41mple.com",
            has["lower-case domain"]
        ),
        row!(
            "§3.31 non-canonical IPv4",
            origin("http://127.1:8080"),
            AllowedOrigins,
            Some(0),
            "http://127.1:8080",
            has["dotted-quad IPv4"]
        ),
        row!(
            "§3.31 non-canonical IPv6",
            origin("http://[0:0::1]"),
            AllowedOrigins,
            Some(0),
            "http://[0:0::1]",
            has["compressed IPv6"]
        ),
        row!(
            "§3.13 two origins in one entry",
            origin("https://a.example https://b.example"),
            AllowedOrigins,
            Some(0),
            "https://a.example https://b.example",
            has["one origin per entry"]
        ),
        row!(
            "§3.29 empty origin",
            origin(""),
            AllowedOrigins,
            Some(0),
            "",
            has["scheme://host[:port]"]
        ),
        row!(
            "R4 index of the bad entry",
            Policy::builder().allowed_origins([APP, "https://x.example/"]),
            AllowedOrigins,
            Some(1),
            "https://x.example/",
            has["\"https://x.example\""]
        ),
    ]);
}

#[test]
fn wildcards_null_and_patterns() {
    run(&[
        row!(
            "R18 `*` as an origin",
            origin("*"),
            AllowedOrigins,
            Some(0),
            "*",
            has["allow_any_origin()"]
        ),
        row!(
            "R10 `null` as an origin",
            origin("null"),
            AllowedOrigins,
            Some(0),
            "null",
            has["dangerously_allow_null_origin()"]
        ),
        row!(
            "R10 `NULL` as an origin",
            origin("NULL"),
            AllowedOrigins,
            Some(0),
            "NULL",
            has["dangerously_allow_null_origin()"]
        ),
        row!("R10 null origin with credentials", app().dangerously_allow_null_origin().supports_credentials(), AllowedOrigins, None, "null", has ["dangerously_allow_null_origin", "supports_credentials"]),
        row!("§3.5 misplaced wildcard", origin("https://foo*.example.com"), AllowedOrigins, Some(0), "https://foo*.example.com", has ["scheme://*.domain", "scheme://host:*"]),
        row!(
            "§3.5 wildcard inside a label",
            origin("https://*example.com"),
            AllowedOrigins,
            Some(0),
            "https://*example.com",
            has["scheme://*.domain"]
        ),
        row!(
            "§3.5 wildcard scheme",
            origin("*://example.com"),
            AllowedOrigins,
            Some(0),
            "*://example.com",
            has["scheme://*.domain"]
        ),
        row!(
            "§3.31 wildcard IP address",
            origin("https://*.1.2.3.4"),
            AllowedOrigins,
            Some(0),
            "https://*.1.2.3.4",
            has["exact origins"]
        ),
        row!(
            "R4 pattern with a path",
            origin("https://*.example.com/"),
            AllowedOrigins,
            Some(0),
            "https://*.example.com/",
            has["\"https://*.example.com\""]
        ),
        row!("§3.21 pattern over .com", origin("https://*.com"), AllowedOrigins, Some(0), "https://*.com", has ["dangerously_tolerate_subdomains_of_public_suffixes()", "https://*.yourdomain.com"]),
        row!("§3.21 pattern over .co.uk", origin("https://*.co.uk"), AllowedOrigins, Some(0), "https://*.co.uk", has ["dangerously_tolerate_subdomains_of_public_suffixes()", "*.yourdomain.co.uk"]),
        row!("§3.21 pattern over github.io", origin("https://*.github.io"), AllowedOrigins, Some(0), "https://*.github.io", has ["dangerously_tolerate_subdomains_of_public_suffixes()", "*.yourdomain.github.io"]),
        row!("R31 origin listed next to allow_any_origin", Policy::builder().allow_any_origin().allowed_origin(APP), AllowedOrigins, Some(0), APP, has ["remove it", "allow_any_origin"]),
    ]);
}

#[test]
fn credentials() {
    run(&[
        row!(
            "R18 credentials + allow_any_origin",
            Policy::builder().allow_any_origin().supports_credentials(),
            SupportsCredentials,
            None,
            "allow_any_origin",
            has["list the allowed origins"]
        ),
        row!(
            "R17 credentials + allow_any_method",
            app().allow_any_method().supports_credentials(),
            SupportsCredentials,
            None,
            "allow_any_method",
            has["list the allowed methods"]
        ),
        row!(
            "R17 credentials + allow_any_header",
            app().allow_any_header().supports_credentials(),
            SupportsCredentials,
            None,
            "allow_any_header",
            has["list the allowed headers"]
        ),
        row!(
            "R17 credentials + expose_any_header",
            app().expose_any_header().supports_credentials(),
            SupportsCredentials,
            None,
            "expose_any_header",
            has["list the exposed headers"]
        ),
        row!("§3.7 http origin with credentials", origin("http://app.example.com").supports_credentials(), AllowedOrigins, Some(0), "http://app.example.com", has ["\"https://app.example.com\"", "dangerously_tolerate_insecure_origins()"]),
        row!("§3.7 http origin with port and credentials", origin("http://app.example.com:8080").supports_credentials(), AllowedOrigins, Some(0), "http://app.example.com:8080", has ["\"https://app.example.com:8080\"", "dangerously_tolerate_insecure_origins()"]),
        row!("§3.7 http pattern with credentials", origin("http://*.example.com").supports_credentials(), AllowedOrigins, Some(0), "http://*.example.com", has ["https", "dangerously_tolerate_insecure_origins()"]),
        row!(
            "§3.7 http IP origin with credentials",
            origin("http://192.168.1.10:8080").supports_credentials(),
            AllowedOrigins,
            Some(0),
            "http://192.168.1.10:8080",
            has["dangerously_tolerate_insecure_origins()"]
        ),
    ]);
}

#[test]
fn methods() {
    run(&[
        row!(
            "R25 CONNECT",
            app().allowed_method("CONNECT"),
            AllowedMethods,
            Some(0),
            "CONNECT",
            has["remove it"]
        ),
        row!(
            "R25 TRACE",
            app().allowed_method("TRACE"),
            AllowedMethods,
            Some(0),
            "TRACE",
            has["remove it"]
        ),
        row!(
            "R25 TRACK",
            app().allowed_method("TRACK"),
            AllowedMethods,
            Some(0),
            "TRACK",
            has["remove it"]
        ),
        row!(
            "R25 trace in lower case",
            app().allowed_method("trace"),
            AllowedMethods,
            Some(0),
            "trace",
            has["remove it"]
        ),
        row!(
            "R41 lower-case get",
            app().allowed_method("get"),
            AllowedMethods,
            Some(0),
            "get",
            has["\"GET\""]
        ),
        row!(
            "R41 lower-case delete",
            app().allowed_method("delete"),
            AllowedMethods,
            Some(0),
            "delete",
            has["\"DELETE\""]
        ),
        row!(
            "R41 title-case Put",
            app().allowed_method("Put"),
            AllowedMethods,
            Some(0),
            "Put",
            has["\"PUT\""]
        ),
        row!(
            "R41 lower-case options",
            app().allowed_method("options"),
            AllowedMethods,
            Some(0),
            "options",
            has["\"OPTIONS\""]
        ),
        row!(
            "R23 method with a space",
            app().allowed_method("GET POST"),
            AllowedMethods,
            Some(0),
            "GET POST",
            has["method name such as"]
        ),
        row!(
            "R23 method with a parenthesis",
            app().allowed_method("P(T"),
            AllowedMethods,
            Some(0),
            "P(T",
            has["method name such as"]
        ),
        row!(
            "R23 empty method",
            app().allowed_method(""),
            AllowedMethods,
            Some(0),
            "",
            has["method name such as"]
        ),
        row!(
            "R24 `*` as a method",
            app().allowed_method("*"),
            AllowedMethods,
            Some(0),
            "*",
            has["allow_any_method()"]
        ),
        row!(
            "R29 method over 64 bytes",
            app().allowed_method("X".repeat(65)),
            AllowedMethods,
            Some(0),
            "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            has["shorter"]
        ),
        row!(
            "duplicate method",
            app().allowed_methods(["PUT", "PATCH", "PUT"]),
            AllowedMethods,
            Some(2),
            "PUT",
            has["remove the duplicate"]
        ),
    ]);
}

#[test]
fn headers() {
    run(&[
        row!(
            "R25 Cookie",
            app().allowed_header("Cookie"),
            AllowedHeaders,
            Some(0),
            "Cookie",
            has["remove it"]
        ),
        row!(
            "R25 Sec-Foo",
            app().allowed_header("Sec-Foo"),
            AllowedHeaders,
            Some(0),
            "Sec-Foo",
            has["remove it"]
        ),
        row!(
            "R25 Proxy-Authorization",
            app().allowed_header("Proxy-Authorization"),
            AllowedHeaders,
            Some(0),
            "Proxy-Authorization",
            has["remove it"]
        ),
        row!(
            "R25 Host",
            app().allowed_header("host"),
            AllowedHeaders,
            Some(0),
            "host",
            has["remove it"]
        ),
        row!(
            "R25 Access-Control-Request-Headers",
            app().allowed_header("Access-Control-Request-Headers"),
            AllowedHeaders,
            Some(0),
            "Access-Control-Request-Headers",
            has["remove it"]
        ),
        row!(
            "R23 header with a space",
            app().allowed_header("X Foo"),
            AllowedHeaders,
            Some(0),
            "X Foo",
            has["header name such as"]
        ),
        row!(
            "R23 header with a colon",
            app().allowed_header("X-Foo:"),
            AllowedHeaders,
            Some(0),
            "X-Foo:",
            has["header name such as"]
        ),
        row!(
            "R23 empty header",
            app().allowed_header(""),
            AllowedHeaders,
            Some(0),
            "",
            has["header name such as"]
        ),
        row!(
            "R17 `*` as a header",
            app().allowed_header("*"),
            AllowedHeaders,
            Some(0),
            "*",
            has["allow_any_header()"]
        ),
        row!(
            "R22 header redundant with allow_any_header",
            app().allow_any_header().allowed_header("X-Foo"),
            AllowedHeaders,
            Some(0),
            "X-Foo",
            has["only Authorization"]
        ),
        row!(
            "R21 duplicate header, other case",
            app().allowed_headers(["X-Foo", "x-foo"]),
            AllowedHeaders,
            Some(1),
            "x-foo",
            has["remove the duplicate"]
        ),
        row!(
            "R30 Set-Cookie exposed",
            app().expose_header("Set-Cookie"),
            ExposeHeaders,
            Some(0),
            "Set-Cookie",
            has["remove it"]
        ),
        row!(
            "R30 Set-Cookie2 exposed",
            app().expose_header("set-cookie2"),
            ExposeHeaders,
            Some(0),
            "set-cookie2",
            has["remove it"]
        ),
        row!(
            "R30 `*` exposed",
            app().expose_header("*"),
            ExposeHeaders,
            Some(0),
            "*",
            has["expose_any_header()"]
        ),
        row!(
            "R23 exposed header with a space",
            app().expose_header("X Total"),
            ExposeHeaders,
            Some(0),
            "X Total",
            has["header name such as"]
        ),
        row!(
            "R30 duplicate exposed header",
            app().expose_headers(["X-Total", "X-TOTAL"]),
            ExposeHeaders,
            Some(1),
            "X-TOTAL",
            has["remove the duplicate"]
        ),
    ]);
}

#[test]
fn origins_lists_and_scalars() {
    run(&[
        row!(
            "duplicate origin",
            Policy::builder().allowed_origins([APP, "https://b.example", APP]),
            AllowedOrigins,
            Some(2),
            APP,
            has["remove the duplicate"]
        ),
        row!(
            "duplicate pattern",
            Policy::builder().allowed_origins(["https://*.example.com", "https://*.example.com"]),
            AllowedOrigins,
            Some(1),
            "https://*.example.com",
            has["remove the duplicate"]
        ),
        row!("empty origin set", Policy::builder().allowed_method("PUT"), AllowedOrigins, None, "", has ["allowed_origin(", "allow_any_origin()"]),
        row!(
            "R26 max_age 86401",
            app().max_age(86_401),
            MaxAge,
            None,
            "86401",
            has["86400"]
        ),
        row!(
            "R26 max_age u64::MAX",
            app().max_age(u64::MAX),
            MaxAge,
            None,
            "18446744073709551615",
            has["86400"]
        ),
        row!(
            "R19 preflight_status 302",
            app().preflight_status(302),
            PreflightStatus,
            None,
            "302",
            has["204"]
        ),
        row!(
            "R19 preflight_status 199",
            app().preflight_status(199),
            PreflightStatus,
            None,
            "199",
            has["204"]
        ),
        row!(
            "R19 preflight_status 300",
            app().preflight_status(300),
            PreflightStatus,
            None,
            "300",
            has["204"]
        ),
        row!(
            "R19 rejection status 100",
            app().preflight_rejection_status(100),
            PreflightRejectionStatus,
            None,
            "100",
            has["403"]
        ),
        row!(
            "R19 rejection status 600",
            app().preflight_rejection_status(600),
            PreflightRejectionStatus,
            None,
            "600",
            has["403"]
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
