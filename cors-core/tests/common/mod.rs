//! Shared helpers for the table-driven tests: building a [`cors_core::Request`] from string
//! slices, an owned mirror of [`cors_core::Decision`] to compare against, and the table runner.
#![allow(dead_code)] // each test crate uses a different subset

use std::collections::HashSet;
use std::fmt;

use cors_core::{ActualHeaders, AllowOrigin, Decision, Policy, PreflightHeaders, Rejection, Request, Single};

/// A request as the tests write it: the method and every line of the four CORS request headers.
/// Values are bytes so that hostile input (non-UTF-8, 100 KB) can be expressed too.
#[derive(Clone)]
pub struct Req {
    pub method: Vec<u8>,
    pub origin: Vec<Vec<u8>>,
    pub acrm: Vec<Vec<u8>>,
    pub acrh: Vec<Vec<u8>>,
    pub acrpn: Vec<Vec<u8>>,
}

fn lines<S: AsRef<[u8]>>(v: &[S]) -> Vec<Vec<u8>> {
    v.iter().map(|s| s.as_ref().to_vec()).collect()
}

/// `(method, Origin lines, ACRM lines, ACRH lines, ACRPN lines)`.
pub fn req(method: &str, origin: &[&str], acrm: &[&str], acrh: &[&str], acrpn: &[&str]) -> Req {
    Req {
        method: method.as_bytes().to_vec(),
        origin: lines(origin),
        acrm: lines(acrm),
        acrh: lines(acrh),
        acrpn: lines(acrpn),
    }
}

/// A request with the given method and Origin lines and no other CORS header.
pub fn actual(method: &str, origin: &[&str]) -> Req {
    req(method, origin, &[], &[], &[])
}

/// `GET` with one `Origin` line.
pub fn get(origin: &str) -> Req {
    actual("GET", &[origin])
}

/// `OPTIONS` with one `Origin` line, one ACRM line and the given ACRH lines.
pub fn preflight(origin: &str, acrm: &str, acrh: &[&str]) -> Req {
    req("OPTIONS", &[origin], &[acrm], acrh, &[])
}

impl Req {
    /// Replaces the Origin lines with raw bytes.
    pub fn origin_bytes(mut self, lines: Vec<Vec<u8>>) -> Self {
        self.origin = lines;
        self
    }
    /// Replaces the ACRM lines with raw bytes.
    pub fn acrm_bytes(mut self, lines: Vec<Vec<u8>>) -> Self {
        self.acrm = lines;
        self
    }
    /// Replaces the ACRH lines with raw bytes.
    pub fn acrh_bytes(mut self, lines: Vec<Vec<u8>>) -> Self {
        self.acrh = lines;
        self
    }
    /// Replaces the ACRPN lines.
    pub fn acrpn(mut self, lines: &[&str]) -> Self {
        self.acrpn = self::lines(lines);
        self
    }

    /// The [`cors_core::Request`] view of this request. Building it does not allocate.
    pub fn request(&self) -> Request<'_, impl Iterator<Item = &[u8]> + Clone + '_> {
        Request {
            method: &self.method,
            origin: Single::from_lines(self.origin.iter().map(Vec::as_slice)),
            request_method: Single::from_lines(self.acrm.iter().map(Vec::as_slice)),
            request_headers: self.acrh.iter().map(Vec::as_slice),
            request_private_network: Single::from_lines(self.acrpn.iter().map(Vec::as_slice)),
        }
    }
}

impl fmt::Debug for Req {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |v: &[Vec<u8>]| -> Vec<String> {
            v.iter()
                .map(|l| {
                    let s = String::from_utf8_lossy(l);
                    if s.len() > 80 {
                        format!(
                            "{}…({} bytes)",
                            &s[..s.char_indices().nth(60).map_or(s.len(), |(i, _)| i)],
                            l.len()
                        )
                    } else {
                        s.into_owned()
                    }
                })
                .collect()
        };
        f.debug_struct("Req")
            .field("method", &String::from_utf8_lossy(&self.method))
            .field("origin", &show(&self.origin))
            .field("acrm", &show(&self.acrm))
            .field("acrh", &show(&self.acrh))
            .field("acrpn", &show(&self.acrpn))
            .finish()
    }
}

/// Owned mirror of [`ActualHeaders`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    pub allow_origin: AllowOrigin,
    pub allow_credentials: bool,
    pub expose_headers: Option<String>,
}

/// Owned mirror of [`PreflightHeaders`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pre {
    pub status: u16,
    pub allow_origin: AllowOrigin,
    pub allow_credentials: bool,
    pub allow_method: bool,
    pub allow_headers: Option<String>,
    pub max_age: Option<String>,
    pub allow_private_network: bool,
}

/// Owned mirror of [`Decision`], so that tables can state the exact expected decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    NotCors(Option<Act>),
    Preflight(Pre),
    PreflightRejected { rejection: Rejection, status: u16 },
    Actual(Act),
    ActualRejected(Rejection),
}

impl From<ActualHeaders<'_>> for Act {
    fn from(h: ActualHeaders<'_>) -> Self {
        // Exhaustive on purpose: a new field must be added to the tables.
        let ActualHeaders {
            allow_origin,
            allow_credentials,
            expose_headers,
        } = h;
        Act {
            allow_origin,
            allow_credentials,
            expose_headers: expose_headers.map(|t| t.as_str().to_owned()),
        }
    }
}

impl From<PreflightHeaders<'_>> for Pre {
    fn from(h: PreflightHeaders<'_>) -> Self {
        let PreflightHeaders {
            status,
            allow_origin,
            allow_credentials,
            allow_method,
            allow_headers,
            max_age,
            allow_private_network,
        } = h;
        Pre {
            status,
            allow_origin,
            allow_credentials,
            allow_method,
            allow_headers: allow_headers.map(|t| t.as_str().to_owned()),
            max_age: max_age.map(|t| t.as_str().to_owned()),
            allow_private_network,
        }
    }
}

impl From<Decision<'_>> for Want {
    fn from(d: Decision<'_>) -> Self {
        match d {
            Decision::NotCors(h) => Want::NotCors(h.map(Act::from)),
            Decision::Preflight(h) => Want::Preflight(h.into()),
            Decision::PreflightRejected { rejection, status } => Want::PreflightRejected { rejection, status },
            Decision::Actual(h) => Want::Actual(h.into()),
            Decision::ActualRejected(r) => Want::ActualRejected(r),
        }
    }
}

// ---- expected decisions -------------------------------------------------------------------

/// Actual-response headers that mirror the request's Origin, no credentials, nothing exposed.
pub fn mirror() -> Act {
    Act {
        allow_origin: AllowOrigin::Mirror,
        allow_credentials: false,
        expose_headers: None,
    }
}

/// Actual-response headers with `ACAO: *`.
pub fn star() -> Act {
    Act {
        allow_origin: AllowOrigin::Any,
        allow_credentials: false,
        expose_headers: None,
    }
}

impl Act {
    pub fn creds(mut self) -> Self {
        self.allow_credentials = true;
        self
    }
    pub fn expose(mut self, text: &str) -> Self {
        self.expose_headers = Some(text.to_owned());
        self
    }
}

/// An allowed preflight with the defaults: 204, mirrored origin, nothing else.
pub fn pre() -> Pre {
    Pre {
        status: 204,
        allow_origin: AllowOrigin::Mirror,
        allow_credentials: false,
        allow_method: false,
        allow_headers: None,
        max_age: None,
        allow_private_network: false,
    }
}

impl Pre {
    pub fn any_origin(mut self) -> Self {
        self.allow_origin = AllowOrigin::Any;
        self
    }
    pub fn status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }
    pub fn creds(mut self) -> Self {
        self.allow_credentials = true;
        self
    }
    /// `Access-Control-Allow-Methods` echoes the ACRM.
    pub fn method(mut self) -> Self {
        self.allow_method = true;
        self
    }
    pub fn headers(mut self, text: &str) -> Self {
        self.allow_headers = Some(text.to_owned());
        self
    }
    pub fn max_age(mut self, text: &str) -> Self {
        self.max_age = Some(text.to_owned());
        self
    }
    pub fn pna(mut self) -> Self {
        self.allow_private_network = true;
        self
    }
}

impl From<Pre> for Want {
    fn from(p: Pre) -> Self {
        Want::Preflight(p)
    }
}

/// A refused preflight with the default status 403 (R19).
pub fn refused(rejection: Rejection) -> Want {
    Want::PreflightRejected { rejection, status: 403 }
}

/// An actual request passed on without CORS headers (R1).
pub fn undecorated(rejection: Rejection) -> Want {
    Want::ActualRejected(rejection)
}

/// An allowed actual request.
pub fn decorated(a: Act) -> Want {
    Want::Actual(a)
}

/// A request without Origin under a policy with dynamic origins: nothing but `Vary`.
pub fn not_cors() -> Want {
    Want::NotCors(None)
}

// ---- the table runner ---------------------------------------------------------------------

/// One named row: request in, exact decision out. Name the rule (`R20 …`) in `name`.
pub struct Case {
    pub name: &'static str,
    pub req: Req,
    pub want: Want,
}

pub fn case(name: &'static str, req: Req, want: impl Into<Want>) -> Case {
    Case {
        name,
        req,
        want: want.into(),
    }
}

/// Runs every row against `policy` and reports every mismatch at once.
pub fn check(policy: &Policy, cases: &[Case]) {
    assert!(!cases.is_empty(), "empty table");
    let mut names = HashSet::new();
    let mut failures = Vec::new();
    for c in cases {
        assert!(names.insert(c.name), "duplicate case name {:?}", c.name);
        let got = Want::from(policy.decide(c.req.request()));
        if got != c.want {
            failures.push(format!(
                "- {}\n    request: {:?}\n    got:     {:?}\n    want:    {:?}",
                c.name, c.req, got, c.want
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Builds a policy that the test expects to be valid.
pub fn build(b: cors_core::PolicyBuilder) -> Policy {
    b.build().unwrap_or_else(|e| panic!("policy should be valid: {e}"))
}
