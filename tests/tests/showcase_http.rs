//! Black-box test of the showcase server's fixed HTTP contract (`docs/showcase.md`), over raw
//! HTTP/1.1 on loopback. Every case is named and cites the rules of `docs/cors-protocol.md` it
//! checks (R1–R42, attack catalogue §3). Each test function starts its own showcase process (the
//! binary is built once per test process) and runs one table; all failures of a table are
//! reported together.
//!
//! Besides each case's own expectations, every response is checked against invariants that hold
//! whatever the request: at most one `Access-Control-Allow-Origin` line (R8), an ACAO that is `*`
//! or the request's own single `Origin` byte for byte (R7, §3 #1), never `*` with credentials
//! (R18), `Access-Control-Allow-Credentials` exactly `true` on one line if present (R14).

#[path = "showcase_http/wire.rs"]
mod wire;

use std::collections::HashSet;

use wire::{send, Request, Response, Showcase};

// -------------------------------------------------------------------------------------------------
// Origins of the contract
// -------------------------------------------------------------------------------------------------

/// Allowed on `/account` and `/devices`.
const APP: &str = "https://app.example.com";
/// Allowed on `/account` only.
const LOCAL: &str = "http://localhost:3000";
/// Allowed on `POST /items` and `DELETE /items/{id}`.
const ADMIN: &str = "https://admin.example.com";
/// An origin no allow-list names (fine for "any origin" policies).
const ANYONE: &str = "https://random.example.net";
/// A hostile origin.
const EVIL: &str = "https://evil.example";
/// Matches `https://*.example.org`.
const PARTNER: &str = "https://a.example.org";
/// Matches `https://*.example.org` with two labels.
const PARTNER2: &str = "https://a.b.example.org";

// -------------------------------------------------------------------------------------------------
// Cases and expectations
// -------------------------------------------------------------------------------------------------

/// One named exchange and what its response must satisfy.
struct Case {
    name: String,
    rule: &'static str,
    req: Request,
    expect: Vec<Expect>,
}

fn case(name: impl Into<String>, rule: &'static str, req: Request, expect: Vec<Expect>) -> Case {
    Case {
        name: name.into(),
        rule,
        req,
        expect,
    }
}

/// The CORS response headers; "no CORS headers" means none of them.
const CORS_HEADERS: [&str; 7] = [
    "access-control-allow-origin",
    "access-control-allow-credentials",
    "access-control-expose-headers",
    "access-control-allow-methods",
    "access-control-allow-headers",
    "access-control-max-age",
    "access-control-allow-private-network",
];

#[derive(Debug, Clone)]
enum Expect {
    /// Exactly this status.
    Status(u16),
    /// One of these statuses.
    StatusIn(&'static [u16]),
    /// An ok status, 200..=299 (R19).
    PreflightOk,
    /// Exactly one `Access-Control-Allow-Origin` line, byte-equal to this (R7, R8).
    Acao(&'static str),
    /// Exactly one `Access-Control-Allow-Credentials: true` (R14, R16).
    Acac,
    /// No `Access-Control-Allow-Credentials` (the policy has no credentials).
    NoAcac,
    /// `Access-Control-Expose-Headers` exposes each name (case-insensitively; `*` only counts
    /// without credentials: R17, R30).
    Aceh(&'static [&'static str]),
    /// No `Access-Control-Expose-Headers` (nothing exposed).
    NoAceh,
    /// `Access-Control-Allow-Methods` lets this method through: an item byte-equal to it, or `*`
    /// without credentials (R20, R24).
    AcamAllows(&'static str),
    /// No `Access-Control-Allow-Methods` (not a preflight response: R28).
    NoAcam,
    /// `Access-Control-Allow-Headers` covers each name: an item equal to it case-insensitively, or
    /// `*` without credentials and never for `Authorization` (R21, R22, R17).
    AcahCovers(&'static [&'static str]),
    /// No `Access-Control-Allow-Headers` (not a preflight response: R28).
    NoAcah,
    /// Exactly one `Access-Control-Max-Age` line with this value (R26).
    Acma(&'static str),
    /// No `Access-Control-Max-Age` (none configured).
    NoAcma,
    /// Exactly one `Access-Control-Allow-Private-Network: true` (R42).
    Acapn,
    /// No `Access-Control-Allow-Private-Network` (R42, §3 #28).
    NoAcapn,
    /// None of [`CORS_HEADERS`].
    NoCors,
    /// `Vary` (all lines) lists this token (R36).
    VaryHas(&'static str),
    /// `Vary` (all lines) does not list this token (R31, R36).
    VaryLacks(&'static str),
    /// Exactly one `Vary` line, listing every one of these tokens (R36: merged, not overwritten).
    OneVaryWith(&'static [&'static str]),
    /// The body, byte for byte.
    Body(&'static str),
    /// Exactly one line of this header, with this value.
    Header(&'static str, &'static str),
}

use Expect::*;

/// A refused preflight: 403 with no CORS headers (R19, §3).
fn refused() -> Vec<Expect> {
    vec![Status(403), NoCors]
}

/// Whether the response grants credentials (`*` is then never a wildcard: R17).
fn credentialed(res: &Response) -> bool {
    !res.all("access-control-allow-credentials").is_empty()
}

fn covers(res: &Response, header: &str, names: &[&str], star_for: impl Fn(&str) -> bool) -> Result<(), String> {
    let items = res.list(header);
    let star = items.iter().any(|i| i == "*") && !credentialed(res);
    for name in names {
        if !(items.iter().any(|i| i.eq_ignore_ascii_case(name)) || (star && star_for(name))) {
            return Err(format!("`{header}` {items:?} does not cover `{name}`"));
        }
    }
    Ok(())
}

fn vary_tokens(res: &Response) -> Vec<String> {
    res.list("vary")
}

impl Expect {
    fn check(&self, res: &Response) -> Result<(), String> {
        match self {
            Status(code) => (res.status == *code)
                .then_some(())
                .ok_or_else(|| format!("status {}, expected {code}", res.status)),
            StatusIn(codes) => codes
                .contains(&res.status)
                .then_some(())
                .ok_or_else(|| format!("status {}, expected one of {codes:?}", res.status)),
            PreflightOk => (200..=299)
                .contains(&res.status)
                .then_some(())
                .ok_or_else(|| format!("status {}, expected an ok status 200..=299", res.status)),
            Acao(origin) => {
                let v = res.one("access-control-allow-origin")?;
                (v == *origin)
                    .then_some(())
                    .ok_or_else(|| format!("Access-Control-Allow-Origin {v:?}, expected {origin:?}"))
            }
            Acac => {
                let v = res.one("access-control-allow-credentials")?;
                (v == "true")
                    .then_some(())
                    .ok_or_else(|| format!("Access-Control-Allow-Credentials {v:?}, expected \"true\""))
            }
            NoAcac => absent(res, "access-control-allow-credentials"),
            Aceh(names) => covers(res, "access-control-expose-headers", names, |_| true),
            NoAceh => absent(res, "access-control-expose-headers"),
            AcamAllows(method) => {
                let items = res.list("access-control-allow-methods");
                let star = items.iter().any(|i| i == "*") && !credentialed(res);
                (items.iter().any(|i| i == method) || star)
                    .then_some(())
                    .ok_or_else(|| {
                        format!("Access-Control-Allow-Methods {items:?} does not allow `{method}` (byte-exact)")
                    })
            }
            NoAcam => absent(res, "access-control-allow-methods"),
            AcahCovers(names) => covers(res, "access-control-allow-headers", names, |n| {
                !n.eq_ignore_ascii_case("authorization")
            }),
            Acma(age) => {
                let v = res.one("access-control-max-age")?;
                (v == *age)
                    .then_some(())
                    .ok_or_else(|| format!("Access-Control-Max-Age {v:?}, expected {age:?}"))
            }
            NoAcah => absent(res, "access-control-allow-headers"),
            NoAcma => absent(res, "access-control-max-age"),
            Acapn => {
                let v = res.one("access-control-allow-private-network")?;
                (v == "true")
                    .then_some(())
                    .ok_or_else(|| format!("Access-Control-Allow-Private-Network {v:?}"))
            }
            NoAcapn => absent(res, "access-control-allow-private-network"),
            NoCors => CORS_HEADERS.iter().try_for_each(|h| absent(res, h)),
            VaryHas(token) => {
                let tokens = vary_tokens(res);
                tokens
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(token))
                    .then_some(())
                    .ok_or_else(|| format!("Vary {tokens:?} lacks `{token}`"))
            }
            VaryLacks(token) => {
                let tokens = vary_tokens(res);
                (!tokens.iter().any(|t| t.eq_ignore_ascii_case(token)))
                    .then_some(())
                    .ok_or_else(|| format!("Vary {tokens:?} lists `{token}`"))
            }
            OneVaryWith(wanted) => {
                let line = res.one("vary")?;
                let tokens: Vec<&str> = line.split(',').map(str::trim).collect();
                match wanted
                    .iter()
                    .find(|w| !tokens.iter().any(|t| t.eq_ignore_ascii_case(w)))
                {
                    Some(missing) => Err(format!("Vary {line:?} lacks `{missing}`")),
                    None => Ok(()),
                }
            }
            Body(body) => (res.body == body.as_bytes())
                .then_some(())
                .ok_or_else(|| format!("body {:?}, expected {body:?}", String::from_utf8_lossy(&res.body))),
            Header(name, value) => {
                let v = res.one(name)?;
                (v == *value)
                    .then_some(())
                    .ok_or_else(|| format!("{name} {v:?}, expected {value:?}"))
            }
        }
    }
}

fn absent(res: &Response, name: &str) -> Result<(), String> {
    let lines = res.all(name);
    lines.is_empty().then_some(()).ok_or_else(|| {
        let values: Vec<_> = lines.iter().map(|v| String::from_utf8_lossy(v)).collect();
        format!("unexpected `{name}`: {values:?}")
    })
}

/// Checks that hold for every response, whatever the request.
fn invariants(req: &Request, res: &Response) -> Vec<String> {
    let mut problems = Vec::new();
    let acao = res.all("access-control-allow-origin");
    if acao.len() > 1 {
        problems.push(format!("R8: {} Access-Control-Allow-Origin lines", acao.len()));
    }
    let origins = req.values("origin");
    for value in &acao {
        let reflected = origins.len() == 1 && *value == origins[0];
        if *value != b"*" && !reflected {
            problems.push(format!(
                "R7/§3#1: Access-Control-Allow-Origin {:?} is neither `*` nor the request's single Origin",
                String::from_utf8_lossy(value)
            ));
        }
        if *value == b"*" && credentialed(res) {
            problems.push("R18: Access-Control-Allow-Origin `*` with Access-Control-Allow-Credentials".into());
        }
    }
    let acac = res.all("access-control-allow-credentials");
    if acac.len() > 1 || acac.iter().any(|v| *v != b"true") {
        problems.push(format!("R14: Access-Control-Allow-Credentials lines {acac:?}"));
    }
    problems
}

/// Starts a showcase, runs every case, and fails with every failing case listed.
fn run(table: &str, cases: Vec<Case>) {
    let mut names = HashSet::new();
    for c in &cases {
        assert!(
            names.insert(c.name.as_str()),
            "{table}: duplicate case name {:?}",
            c.name
        );
    }
    let mut server = Showcase::start();
    let mut failures = Vec::new();
    for c in &cases {
        match send(server.addr, &c.req) {
            Err(e) => failures.push(format!("[{}] ({}): no response: {e}", c.name, c.rule)),
            Ok(res) => {
                let mut problems: Vec<String> = c.expect.iter().filter_map(|e| e.check(&res).err()).collect();
                problems.extend(invariants(&c.req, &res));
                if !problems.is_empty() {
                    failures.push(format!(
                        "[{}] ({}):\n    - {}\n    response head:\n      {}",
                        c.name,
                        c.rule,
                        problems.join("\n    - "),
                        res.head().replace("\r\n", "\n      ")
                    ));
                }
            }
        }
    }
    if !server.is_running() {
        failures.push("the showcase exited during the run".into());
    }
    let stderr = server.stderr();
    if stderr.contains("panicked") {
        failures.push(format!("the showcase panicked; stderr:\n{stderr}"));
    }
    eprintln!("{table}: {} cases, {} failed", cases.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{table}: {} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

// -------------------------------------------------------------------------------------------------
// Requests
// -------------------------------------------------------------------------------------------------

fn req(method: &str, path: &str) -> Request {
    Request::new(method, path).header("Accept", "*/*")
}

/// An actual request from `origin`.
fn from(method: &str, path: &str, origin: &str) -> Request {
    req(method, path).header("Origin", origin)
}

/// A preflight as Chromium sends it (R5): `OPTIONS`, `Origin`, ACRM, and ACRH when `headers` is
/// not empty.
fn preflight(path: &str, origin: &str, method: &str, headers: &str) -> Request {
    let r = req("OPTIONS", path)
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method);
    if headers.is_empty() {
        r
    } else {
        r.header("Access-Control-Request-Headers", headers)
    }
}

/// Preflight and actual request from an origin the scope must refuse: the preflight fails with no
/// CORS headers (R19), the actual request is served (R1) without them, and `Vary: Origin` is still
/// there (R36).
fn refused_origin(
    cases: &mut Vec<Case>,
    scope: &str,
    path: &str,
    method: &str,
    origin: &'static str,
    rule: &'static str,
) {
    cases.push(case(
        format!("{scope}: preflight from {origin:?} refused"),
        rule,
        preflight(path, origin, method, ""),
        refused(),
    ));
    cases.push(case(
        format!("{scope}: GET from {origin:?} served without CORS headers"),
        rule,
        from("GET", path, origin),
        vec![Status(200), NoCors, VaryHas("Origin")],
    ));
}

// -------------------------------------------------------------------------------------------------
// The tables
// -------------------------------------------------------------------------------------------------

/// `/public/...`: any origin, no credentials, GET HEAD POST, Content-Type + X-Api-Key, exposes
/// X-Total-Count, max-age 600.
#[test]
fn public_scope() {
    let p = "/public/data";
    let cases = vec![
        case(
            "public: preflight POST content-type,x-api-key from any origin",
            "R19 R21 R26 R31",
            preflight(p, ANYONE, "POST", "content-type,x-api-key"),
            vec![
                PreflightOk,
                Acao("*"),
                NoAcac,
                AcahCovers(&["content-type", "x-api-key"]),
                Acma("600"),
                NoAcapn,
            ],
        ),
        case(
            "public: preflight GET from another origin",
            "R19 R26",
            preflight(p, LOCAL, "GET", "x-api-key"),
            vec![PreflightOk, Acao("*"), NoAcac, AcahCovers(&["x-api-key"]), Acma("600")],
        ),
        case(
            "public: preflight HEAD",
            "R19 R20",
            preflight(p, EVIL, "HEAD", "content-type"),
            vec![PreflightOk, Acao("*"), AcahCovers(&["content-type"]), Acma("600")],
        ),
        case(
            "public: header names match case-insensitively",
            "R21",
            preflight(p, ANYONE, "POST", "X-API-KEY,Content-Type"),
            vec![PreflightOk, Acao("*"), AcahCovers(&["x-api-key", "content-type"])],
        ),
        case(
            "public: preflight PUT refused",
            "R20",
            preflight(p, ANYONE, "PUT", ""),
            refused(),
        ),
        case(
            "public: preflight DELETE refused",
            "R20",
            preflight(p, ANYONE, "DELETE", ""),
            refused(),
        ),
        case(
            "public: preflight PATCH refused",
            "R20",
            preflight(p, ANYONE, "PATCH", ""),
            refused(),
        ),
        case(
            "public: header x-other refused",
            "R21",
            preflight(p, ANYONE, "GET", "content-type,x-other"),
            refused(),
        ),
        case(
            "public: Authorization refused (not listed)",
            "R21 R22",
            preflight(p, ANYONE, "GET", "authorization"),
            refused(),
        ),
        case(
            "public: GET /public/data from any origin",
            "R11 R30 R31 R36",
            from("GET", p, ANYONE),
            vec![
                Status(200),
                Body("public data"),
                Header("x-total-count", "42"),
                Acao("*"),
                NoAcac,
                Aceh(&["X-Total-Count"]),
                NoAcam,
                NoAcma,
                VaryLacks("Origin"),
            ],
        ),
        case(
            "public: GET /public/data without Origin still gets the static `*`",
            "R31 R36",
            req("GET", p),
            vec![
                Status(200),
                Body("public data"),
                Header("x-total-count", "42"),
                Acao("*"),
                VaryLacks("Origin"),
            ],
        ),
        case(
            "public: POST /public/data echoes the body length",
            "R1 R11",
            from("POST", p, ANYONE)
                .header("Content-Type", "text/plain")
                .body(b"hello world"),
            vec![
                Status(200),
                Body("11"),
                Acao("*"),
                NoAcac,
                Aceh(&["X-Total-Count"]),
                VaryLacks("Origin"),
            ],
        ),
        case(
            "public: GET /public/fail is a decorated 500",
            "R11 R35",
            from("GET", "/public/fail", ANYONE),
            vec![Status(500), Acao("*"), Aceh(&["X-Total-Count"]), VaryLacks("Origin")],
        ),
        case(
            "public: GET /public/missing is a decorated 404 from inside the scope",
            "R11 R35",
            from("GET", "/public/missing", ANYONE),
            vec![Status(404), Acao("*"), Aceh(&["X-Total-Count"]), VaryLacks("Origin")],
        ),
    ];
    run("public_scope", cases);
}

/// `/account/...`: app.example.com and localhost:3000, credentials, GET POST PUT DELETE,
/// Content-Type Authorization X-Requested-With, exposes X-Request-Id, max-age 3600.
#[test]
fn account_scope() {
    let p = "/account/me";
    let mut cases = vec![
        case(
            "account: preflight PUT with every allowed header from app.example.com",
            "R7 R14 R16 R17 R19 R20 R21 R26",
            preflight(p, APP, "PUT", "authorization,content-type,x-requested-with"),
            vec![
                PreflightOk,
                Acao(APP),
                Acac,
                AcamAllows("PUT"),
                AcahCovers(&["authorization", "content-type", "x-requested-with"]),
                Acma("3600"),
                NoAcapn,
            ],
        ),
        case(
            "account: preflight DELETE from localhost:3000",
            "R7 R16 R19 R20 R26",
            preflight(p, LOCAL, "DELETE", ""),
            vec![PreflightOk, Acao(LOCAL), Acac, AcamAllows("DELETE"), Acma("3600")],
        ),
        case(
            "account: preflight POST content-type from app.example.com",
            "R16 R19 R21",
            preflight(p, APP, "POST", "content-type"),
            vec![
                PreflightOk,
                Acao(APP),
                Acac,
                AcahCovers(&["content-type"]),
                Acma("3600"),
            ],
        ),
        case(
            "account: preflight GET authorization (listed by name, credentials)",
            "R17 R21 R22",
            preflight(p, LOCAL, "GET", "authorization"),
            vec![PreflightOk, Acao(LOCAL), Acac, AcahCovers(&["authorization"])],
        ),
        case(
            "account: preflight PATCH refused",
            "R20",
            preflight(p, APP, "PATCH", ""),
            refused(),
        ),
        case(
            "account: preflight lower-case `put` refused",
            "R20 R41",
            preflight(p, APP, "put", ""),
            refused(),
        ),
        case(
            "account: header x-api-key refused",
            "R21",
            preflight(p, APP, "PUT", "content-type,x-api-key"),
            refused(),
        ),
        case(
            "account: private network request refused",
            "R42 §3#28",
            preflight(p, APP, "GET", "").header("Access-Control-Request-Private-Network", "true"),
            vec![Status(403), NoCors, NoAcapn],
        ),
        case(
            "account: GET /account/me from app.example.com",
            "R7 R11 R14 R30 R36",
            from("GET", p, APP),
            vec![
                Status(200),
                Body("me"),
                Header("x-request-id", "7"),
                Acao(APP),
                Acac,
                Aceh(&["X-Request-Id"]),
                NoAcam,
                NoAcma,
                OneVaryWith(&["Accept-Encoding", "Origin"]),
            ],
        ),
        case(
            "account: GET /account/me from localhost:3000",
            "R7 R13 R14",
            from("GET", p, LOCAL),
            vec![
                Status(200),
                Body("me"),
                Acao(LOCAL),
                Acac,
                Aceh(&["X-Request-Id"]),
                OneVaryWith(&["Accept-Encoding", "Origin"]),
            ],
        ),
        case(
            "account: GET /account/me without Origin: handler's Vary merged with Origin",
            "R36",
            req("GET", p),
            vec![
                Status(200),
                Body("me"),
                Header("x-request-id", "7"),
                NoCors,
                OneVaryWith(&["Accept-Encoding", "Origin"]),
            ],
        ),
        case(
            "account: GET /account/denied is a decorated 401",
            "R11 R35",
            from("GET", "/account/denied", APP),
            vec![Status(401), Acao(APP), Acac, Aceh(&["X-Request-Id"]), VaryHas("Origin")],
        ),
        case(
            "account: GET /account/denied without Origin still varies",
            "R36",
            req("GET", "/account/denied"),
            vec![Status(401), NoCors, VaryHas("Origin")],
        ),
        case(
            "account: PUT /account/me",
            "R11",
            from("PUT", p, APP)
                .header("Content-Type", "application/json")
                .body(b"{}"),
            vec![Status(200), Acao(APP), Acac, VaryHas("Origin")],
        ),
        case(
            "account: DELETE /account/me",
            "R11",
            from("DELETE", p, LOCAL),
            vec![Status(200), Acao(LOCAL), Acac],
        ),
        case(
            "account: POST /account/me",
            "R11",
            from("POST", p, APP).body(b"x"),
            vec![Status(200), Acao(APP), Acac],
        ),
        case(
            "account: OPTIONS without ACRM is an actual request and reaches routing",
            "R2 R11 R28",
            from("OPTIONS", p, APP),
            vec![
                StatusIn(&[200, 405]),
                Acao(APP),
                Acac,
                Aceh(&["X-Request-Id"]),
                NoAcam,
                NoAcah,
                NoAcma,
                VaryHas("Origin"),
            ],
        ),
        case(
            "account: OPTIONS without ACRM from a refused origin reaches routing undecorated",
            "R1 R2 R36",
            from("OPTIONS", p, EVIL),
            vec![StatusIn(&[200, 405]), NoCors, VaryHas("Origin")],
        ),
        case(
            "account: OPTIONS with ACRM but no Origin is not a preflight",
            "R2",
            req("OPTIONS", p).header("Access-Control-Request-Method", "PUT"),
            vec![StatusIn(&[200, 405]), NoCors],
        ),
    ];
    for (origin, rule) in [
        (EVIL, "R13 §3#1"),
        ("http://app.example.com", "R7 §3#7"),
        ("https://app.example.com:8443", "§3#8"),
        ("https://app.example.com:443", "R4 §3#8"),
        ("http://localhost:3001", "§3#8"),
        ("http://127.0.0.1:3000", "R7 §5.1"),
        ("https://app.example.com.evil.net", "§3#4"),
        ("https://evilapp.example.com", "§3#3"),
        ("null", "R10 §3#2"),
    ] {
        refused_origin(&mut cases, "account", p, "PUT", origin, rule);
    }
    run("account_scope", cases);
}

/// `/partners/...`: `https://*.example.org`, no credentials, GET PATCH, any request header
/// (except Authorization, R22), nothing exposed, no max-age.
#[test]
fn partners_scope() {
    let p = "/partners/catalog";
    let mut cases = vec![
        case(
            "partners: preflight PATCH from a.example.org",
            "R7 R19 R20",
            preflight(p, PARTNER, "PATCH", ""),
            vec![PreflightOk, Acao(PARTNER), NoAcac, AcamAllows("PATCH"), NoAcma, NoAcapn],
        ),
        case(
            "partners: preflight from a.b.example.org (two labels) with arbitrary headers",
            "R13 R19 R21",
            preflight(p, PARTNER2, "GET", "content-type,x-anything,x-foo-bar"),
            vec![
                PreflightOk,
                Acao(PARTNER2),
                NoAcac,
                AcahCovers(&["content-type", "x-anything", "x-foo-bar"]),
                NoAcma,
            ],
        ),
        case(
            "partners: any header, any case",
            "R21",
            preflight(p, "https://deep.a.b.example.org", "PATCH", "X-Custom-1,x-trace-id"),
            vec![
                PreflightOk,
                Acao("https://deep.a.b.example.org"),
                AcamAllows("PATCH"),
                AcahCovers(&["x-custom-1", "x-trace-id"]),
            ],
        ),
        case(
            "partners: every requested header is allowed, Authorization by name (not by `*`)",
            "R21 R22",
            preflight(p, PARTNER, "GET", "authorization"),
            vec![PreflightOk, Acao(PARTNER), NoAcac, AcahCovers(&["authorization"])],
        ),
        case(
            "partners: Authorization among other headers",
            "R21 R22",
            preflight(p, PARTNER, "PATCH", "authorization,x-foo"),
            vec![
                PreflightOk,
                Acao(PARTNER),
                AcamAllows("PATCH"),
                AcahCovers(&["authorization", "x-foo"]),
            ],
        ),
        case(
            "partners: ACRM `patch` does not match PATCH",
            "R20 R41",
            preflight(p, PARTNER, "patch", ""),
            refused(),
        ),
        case(
            "partners: preflight PUT refused",
            "R20",
            preflight(p, PARTNER, "PUT", ""),
            refused(),
        ),
        case(
            "partners: preflight DELETE refused",
            "R20",
            preflight(p, PARTNER2, "DELETE", ""),
            refused(),
        ),
        case(
            "partners: GET /partners/catalog from a.example.org",
            "R7 R11 R15 R36",
            from("GET", p, PARTNER),
            vec![
                Status(200),
                Body("ok"),
                Acao(PARTNER),
                NoAcac,
                NoAceh,
                NoAcam,
                VaryHas("Origin"),
            ],
        ),
        case(
            "partners: PATCH /partners/catalog from a.b.example.org",
            "R7 R11",
            from("PATCH", p, PARTNER2),
            vec![
                Status(200),
                Body("ok"),
                Acao(PARTNER2),
                NoAcac,
                NoAceh,
                VaryHas("Origin"),
            ],
        ),
        case(
            "partners: GET without Origin still varies",
            "R36",
            req("GET", p),
            vec![Status(200), Body("ok"), NoCors, VaryHas("Origin")],
        ),
    ];
    for (origin, rule) in [
        ("https://example.org", "§3#3 (needs one label before .example.org)"),
        ("https://evilexample.org", "§3#3 (label boundary)"),
        ("http://a.example.org", "R7 §3#7 (scheme)"),
        ("https://a.example.org.evil.com", "§3#4 §3#5"),
        ("https://a.example.org:8443", "§3#8 (default port only)"),
        ("https://a.example.org/", "R4 §3#10"),
        ("https://A.example.org", "R4 §3#9"),
        ("https://.example.org", "R4 (empty label)"),
        ("https://a_example.org", "§3#6"),
    ] {
        refused_origin(&mut cases, "partners", p, "PATCH", origin, rule);
    }
    run("partners_scope", cases);
}

/// `/devices/...`: app.example.com, no credentials, GET PUT, Content-Type, max-age 60, private
/// network access.
#[test]
fn devices_scope() {
    let p = "/devices/status";
    let pna = "Access-Control-Request-Private-Network";
    let mut cases = vec![
        case(
            "devices: private-network preflight PUT is allowed",
            "R19 R20 R21 R26 R42",
            preflight(p, APP, "PUT", "content-type").header(pna, "true"),
            vec![
                PreflightOk,
                Acao(APP),
                NoAcac,
                AcamAllows("PUT"),
                AcahCovers(&["content-type"]),
                Acma("60"),
                Acapn,
            ],
        ),
        case(
            "devices: preflight without ACRPN gets no ACAPN",
            "R42 §3#28",
            preflight(p, APP, "PUT", ""),
            vec![PreflightOk, Acao(APP), AcamAllows("PUT"), Acma("60"), NoAcapn],
        ),
        case(
            "devices: ACRPN other than `true` gets no ACAPN",
            "R42",
            preflight(p, APP, "GET", "").header(pna, "false"),
            vec![NoAcapn],
        ),
        case(
            "devices: localhost:3000 is not allowed here",
            "R13",
            preflight(p, LOCAL, "PUT", "").header(pna, "true"),
            refused(),
        ),
        case(
            "devices: preflight DELETE refused",
            "R20",
            preflight(p, APP, "DELETE", ""),
            refused(),
        ),
        case(
            "devices: header x-api-key refused",
            "R21",
            preflight(p, APP, "PUT", "x-api-key"),
            refused(),
        ),
        case(
            "devices: GET /devices/status",
            "R7 R11 R36",
            from("GET", p, APP),
            vec![
                Status(200),
                Body("ok"),
                Acao(APP),
                NoAcac,
                NoAceh,
                NoAcapn,
                VaryHas("Origin"),
            ],
        ),
        case(
            "devices: ACAPN is never sent on an actual response",
            "R42",
            from("GET", p, APP).header(pna, "true"),
            vec![Status(200), Acao(APP), NoAcapn],
        ),
        case(
            "devices: PUT /devices/status",
            "R11",
            from("PUT", p, APP).body(b"on"),
            vec![Status(200), Body("ok"), Acao(APP)],
        ),
        case(
            "devices: GET without Origin still varies",
            "R36",
            req("GET", p),
            vec![Status(200), NoCors, VaryHas("Origin")],
        ),
    ];
    refused_origin(&mut cases, "devices", p, "PUT", EVIL, "R13 §3#1");
    run("devices_scope", cases);
}

/// `/items`: one policy per handler, declared with `#[cors(...)]`.
#[test]
fn items_handler_policies() {
    let cases = vec![
        case(
            "items: GET /items from any origin",
            "R11 R31",
            from("GET", "/items", ANYONE),
            vec![
                Status(200),
                Body("items"),
                Acao("*"),
                NoAcac,
                NoAceh,
                VaryLacks("Origin"),
            ],
        ),
        case(
            "items: GET /items from admin is still `*`, without credentials",
            "R18 R31",
            from("GET", "/items", ADMIN),
            vec![Status(200), Body("items"), Acao("*"), NoAcac],
        ),
        case(
            "items: preflight GET /items content-type from any origin",
            "R19 R21",
            preflight("/items", ANYONE, "GET", "content-type"),
            vec![PreflightOk, Acao("*"), NoAcac, AcahCovers(&["content-type"]), NoAcma],
        ),
        case(
            "items: preflight GET /items x-csrf-token refused (GET's own policy)",
            "R21",
            preflight("/items", ANYONE, "GET", "x-csrf-token"),
            refused(),
        ),
        case(
            "items: preflight POST /items from admin",
            "R14 R16 R19 R21 R26",
            preflight("/items", ADMIN, "POST", "content-type,x-csrf-token"),
            vec![
                PreflightOk,
                Acao(ADMIN),
                Acac,
                AcahCovers(&["content-type", "x-csrf-token"]),
                Acma("120"),
            ],
        ),
        case(
            "items: preflight POST /items from another origin refused",
            "R13 R19",
            preflight("/items", APP, "POST", "content-type"),
            refused(),
        ),
        case(
            "items: preflight POST /items from any origin refused",
            "R13 R19",
            preflight("/items", ANYONE, "POST", ""),
            refused(),
        ),
        case(
            "items: preflight POST /items with an unlisted header refused",
            "R21",
            preflight("/items", ADMIN, "POST", "x-other"),
            refused(),
        ),
        case(
            "items: POST /items from admin",
            "R11 R14 R30 R36",
            from("POST", "/items", ADMIN)
                .header("Content-Type", "application/json")
                .body(b"{}"),
            vec![
                Status(201),
                Header("x-item-id", "1"),
                Acao(ADMIN),
                Acac,
                Aceh(&["X-Item-Id"]),
                VaryHas("Origin"),
            ],
        ),
        case(
            "items: POST /items from another origin is served without CORS headers",
            "R1 R36",
            from("POST", "/items", APP).body(b"{}"),
            vec![Status(201), NoCors, VaryHas("Origin")],
        ),
        case(
            "items: POST /items without Origin varies",
            "R36",
            req("POST", "/items"),
            vec![Status(201), NoCors, VaryHas("Origin")],
        ),
        case(
            "items: preflight PUT /items (no handler) refused",
            "R19 R20",
            preflight("/items", ADMIN, "PUT", ""),
            refused(),
        ),
        case(
            "items: preflight PUT /items from any origin refused",
            "R19 R20",
            preflight("/items", ANYONE, "PUT", "content-type"),
            refused(),
        ),
        case(
            "items: preflight DELETE /items/42 from admin",
            "R14 R16 R19 R20",
            preflight("/items/42", ADMIN, "DELETE", ""),
            vec![PreflightOk, Acao(ADMIN), Acac, AcamAllows("DELETE"), NoAcma],
        ),
        case(
            "items: preflight DELETE /items/42 from another origin refused",
            "R13 R19",
            preflight("/items/42", APP, "DELETE", ""),
            refused(),
        ),
        case(
            "items: preflight DELETE /items/42 with a header refused (none allowed)",
            "R21",
            preflight("/items/42", ADMIN, "DELETE", "x-csrf-token"),
            refused(),
        ),
        case(
            "items: preflight PATCH /items/42 refused",
            "R20",
            preflight("/items/42", ADMIN, "PATCH", ""),
            refused(),
        ),
        case(
            "items: DELETE /items/42 from admin",
            "R11 R14 R36",
            from("DELETE", "/items/42", ADMIN),
            vec![Status(204), Acao(ADMIN), Acac, NoAceh, VaryHas("Origin")],
        ),
        case(
            "items: DELETE /items/42 from another origin is served without CORS headers",
            "R1 R36",
            from("DELETE", "/items/42", APP),
            vec![Status(204), NoCors, VaryHas("Origin")],
        ),
    ];
    run("items_handler_policies", cases);
}

/// `/internal/health`: no policy at all, never any CORS header.
#[test]
fn internal_no_policy() {
    let p = "/internal/health";
    let cases = vec![
        case(
            "internal: GET",
            "contract: no policy, never any CORS header",
            req("GET", p),
            vec![Status(200), Body("ok"), NoCors, VaryLacks("Origin")],
        ),
        case(
            "internal: GET with Origin",
            "contract: no policy, never any CORS header",
            from("GET", p, APP),
            vec![Status(200), Body("ok"), NoCors, VaryLacks("Origin")],
        ),
        case(
            "internal: preflight is not answered with CORS",
            "contract: no policy, never any CORS header",
            preflight(p, APP, "GET", "content-type"),
            vec![NoCors],
        ),
        case(
            "internal: preflight PUT from anywhere",
            "contract: no policy, never any CORS header",
            preflight(p, EVIL, "PUT", ""),
            vec![NoCors],
        ),
        case(
            "internal: OPTIONS without ACRM",
            "contract: no policy, never any CORS header",
            from("OPTIONS", p, APP),
            vec![NoCors],
        ),
        case(
            "internal: private network preflight",
            "R42",
            preflight(p, APP, "GET", "").header("Access-Control-Request-Private-Network", "true"),
            vec![NoCors],
        ),
    ];
    run("internal_no_policy", cases);
}

/// Hostile and non-browser input, sent as raw bytes (§3, R3, R4, R29).
#[test]
fn attacks_over_the_wire() {
    let p = "/account/me";
    let commas = ",".repeat(16 * 1024);
    let mut cases = vec![
        case(
            "attack: two Origin lines (allowed + evil) on a preflight",
            "R3 §3#13",
            req("OPTIONS", p)
                .header("Origin", APP)
                .header("Origin", EVIL)
                .header("Access-Control-Request-Method", "PUT"),
            refused(),
        ),
        case(
            "attack: two identical Origin lines on a preflight",
            "R3 R8 §3#13",
            req("OPTIONS", p)
                .header("Origin", APP)
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "PUT"),
            refused(),
        ),
        case(
            "attack: two Origin lines on an actual request",
            "R1 R3 §3#13",
            req("GET", p).header("Origin", APP).header("Origin", EVIL),
            vec![Status(200), NoCors, VaryHas("Origin")],
        ),
        case(
            "attack: two Origin lines on a pattern scope",
            "R3 §3#13",
            req("OPTIONS", "/partners/catalog")
                .header("Origin", PARTNER)
                .header("Origin", PARTNER2)
                .header("Access-Control-Request-Method", "PATCH"),
            refused(),
        ),
        case(
            "attack: two ACRM lines",
            "R3",
            req("OPTIONS", p)
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Method", "PUT"),
            refused(),
        ),
        case(
            "attack: two different ACRM lines",
            "R3",
            req("OPTIONS", p)
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Method", "DELETE"),
            refused(),
        ),
        case(
            "attack: ACRM with a space",
            "R20 §3#17",
            preflight(p, APP, "GET POST", ""),
            refused(),
        ),
        case("attack: empty ACRM", "R20 §3#17", preflight(p, APP, "", ""), refused()),
        case(
            "attack: ACRM not a token",
            "R20 §3#17",
            preflight(p, APP, "P(T", ""),
            refused(),
        ),
        case(
            "attack: ACRM `patch` vs `PATCH` on /partners: `PATCH` allowed byte-exactly",
            "R20",
            preflight("/partners/catalog", PARTNER, "PATCH", ""),
            vec![PreflightOk, Acao(PARTNER), AcamAllows("PATCH")],
        ),
        case(
            "attack: ACRM `patch` vs `PATCH` on /partners: `patch` refused",
            "R20",
            preflight("/partners/catalog", PARTNER, "patch", ""),
            refused(),
        ),
        case(
            "attack: 16 KiB ACRH of commas on an any-header scope",
            "R29 §3#14",
            preflight("/partners/catalog", PARTNER, "GET", &commas),
            refused(),
        ),
        case(
            "attack: 16 KiB ACRH of commas on a listed-headers scope",
            "R29 §3#14",
            preflight(p, APP, "PUT", &commas),
            refused(),
        ),
        case(
            "attack: a valid name followed by 16 KiB of commas",
            "R29 §3#14",
            preflight("/public/data", ANYONE, "POST", &format!("content-type{commas}")),
            refused(),
        ),
        case(
            "attack: the server still answers after the comma floods",
            "R29",
            from("GET", "/public/data", ANYONE),
            vec![Status(200), Body("public data"), Acao("*")],
        ),
        case(
            "attack: ACRH with an obs-text byte",
            "R23",
            preflight("/partners/catalog", PARTNER, "GET", "").header("Access-Control-Request-Headers", b"x-\xff"),
            refused(),
        ),
        case(
            "attack: ACRH with a non-token element",
            "R23",
            preflight("/partners/catalog", PARTNER, "GET", "x-foo, bad value"),
            refused(),
        ),
        case(
            "attack: obs-text byte 0xFF in Origin on a preflight",
            "R4 §3#12",
            req("OPTIONS", p)
                .header("Origin", b"https://app.example.com\xff")
                .header("Access-Control-Request-Method", "PUT"),
            refused(),
        ),
        case(
            "attack: obs-text byte 0xFF in Origin on an actual request",
            "R1 R4 §3#12",
            req("GET", p).header("Origin", b"https://app.example.com\xff"),
            vec![Status(200), Body("me"), NoCors, VaryHas("Origin")],
        ),
        case(
            "attack: obs-text host in Origin on a pattern scope",
            "R4 §3#12",
            req("GET", "/partners/catalog").header("Origin", b"https://\xffa.example.org"),
            vec![Status(200), NoCors, VaryHas("Origin")],
        ),
        case(
            "attack: 32 KiB Origin",
            "R29 §3#15",
            req("OPTIONS", p)
                .header("Origin", format!("https://{}.example.com", "a".repeat(32 * 1024)))
                .header("Access-Control-Request-Method", "PUT"),
            refused(),
        ),
        case(
            "attack: the server is still alive at the end",
            "R29",
            from("GET", p, APP),
            vec![Status(200), Body("me"), Acao(APP), Acac],
        ),
    ];
    // Origins a browser never sends (R4): refused on preflight, never reflected on actual requests.
    for (origin, rule) in [
        ("https://app.example.com/", "R4 R7 §3#10 (trailing slash)"),
        ("https://app.example.com/x", "R4 §3#10 (path)"),
        ("https://app.example.com?", "R4 §3#10 (query)"),
        ("https://APP.EXAMPLE.COM", "R4 §3#9 (upper case)"),
        ("HTTPS://app.example.com", "R4 §3#9 (upper-case scheme)"),
        ("https://App.example.com", "R4 §3#9 (mixed case)"),
        ("https://user@app.example.com", "R4 §3#11 (userinfo)"),
        ("https://app.example.com@evil.net", "§3#11 (userinfo, other host)"),
        ("https://user:pw@app.example.com", "R4 §3#11 (userinfo with password)"),
        ("null", "R10 §3#2"),
        ("", "§3#29 (empty)"),
        (
            "https://app.example.com https://evil.net",
            "§3#13 (space-separated list)",
        ),
        ("https://app.example.com,https://evil.net", "§3#13 (comma list)"),
        ("app.example.com", "R4 (no scheme)"),
        ("file://", "§3#30"),
    ] {
        refused_origin(&mut cases, "attack", p, "PUT", origin, rule);
    }
    cases.push(case(
        "attack: the server answers the last request normally",
        "R29",
        from("GET", p, LOCAL),
        vec![
            Status(200),
            Acao(LOCAL),
            Acac,
            OneVaryWith(&["Accept-Encoding", "Origin"]),
        ],
    ));
    run("attacks_over_the_wire", cases);
}
