//! The case table: which page (origin) runs which fetch, what the browser must decide, what script
//! must be able to read, and what the API must have seen (preflights, actual requests, cookies).
//! Rule numbers refer to /work/shared/docs/cors-protocol.md.

/// The origin a test page is served from. Every host name is mapped to a loopback listener.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Allowed by `/account` and `/devices`.
    App,
    /// The only origin of the `POST /items` and `DELETE /items/{id}` policies.
    Admin,
    /// `http://localhost:3000`: allowed by `/account` (the demo page's origin).
    Localhost3000,
    /// Matches the partners pattern `https://*.example.org`.
    Shop,
    /// Two labels before `.example.org`: also matches.
    DeepShop,
    /// Named by no policy, but same-site with `api.example.com` (so cookies go along).
    Evil,
    /// The apex of the partners pattern: not a subdomain.
    Apex,
    /// `evilexample.org`: ends with `example.org` without a label boundary (§3 row 3).
    Suffix,
    /// `shop.example.org.evil.net`: starts like a partner (§3 row 4).
    Prefix,
    /// `http://shop.example.org`: the pattern is https only (§3 row 7).
    HttpShop,
    /// `https://shop.example.org:8443`: the pattern has the default port only (§3 row 8).
    PortShop,
    /// `http://app.example.com`: the allowed origin with the wrong scheme.
    HttpApp,
}

impl Page {
    /// Every page, in the order tests list them.
    pub const ALL: [Page; 12] = [
        Page::App,
        Page::Admin,
        Page::Localhost3000,
        Page::Shop,
        Page::DeepShop,
        Page::Evil,
        Page::Apex,
        Page::Suffix,
        Page::Prefix,
        Page::HttpShop,
        Page::PortShop,
        Page::HttpApp,
    ];

    /// The page's serialized origin, as `location.origin` must report it.
    pub fn origin(self) -> &'static str {
        match self {
            Page::App => "https://app.example.com",
            Page::Admin => "https://admin.example.com",
            Page::Localhost3000 => "http://localhost:3000",
            Page::Shop => "https://shop.example.org",
            Page::DeepShop => "https://eu.shop.example.org",
            Page::Evil => "https://evil.example.com",
            Page::Apex => "https://example.org",
            Page::Suffix => "https://evilexample.org",
            Page::Prefix => "https://shop.example.org.evil.net",
            Page::HttpShop => "http://shop.example.org",
            Page::PortShop => "https://shop.example.org:8443",
            Page::HttpApp => "http://app.example.com",
        }
    }

    /// Where the page's fetches go unless a case says otherwise. Same host name as the page where
    /// cookies matter, so that a `SameSite=Lax` cookie is sent with credentialed fetches (§5.1).
    pub fn api(self) -> Api {
        match self {
            Page::Localhost3000 => Api::Localhost,
            _ => Api::Tls,
        }
    }

    /// The cookie the page's response sets, which credentialed fetches then carry to the API.
    /// `Domain=example.com` reaches `api.example.com`; the localhost cookie is host-only and cookies
    /// ignore ports, so it reaches `localhost:<api port>`.
    pub fn set_cookie(self) -> Option<&'static str> {
        match self {
            Page::App | Page::Admin | Page::Evil => {
                Some("sid=browser-suite; Domain=example.com; Path=/; Secure; SameSite=Lax")
            }
            Page::Localhost3000 => Some("sid=browser-suite; Path=/; SameSite=Lax"),
            _ => None,
        }
    }
}

/// How a page reaches the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// `https://api.example.com` (the HTTPS listener).
    Tls,
    /// `http://localhost:<port>`: same site as `http://localhost:3000`.
    Localhost,
    /// `http://127.0.0.1:<port>`: cross-site from `http://localhost:3000` (§5.1).
    Ip,
}

/// Why the browser must refuse a response, recognised in Chromium's console message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The preflight failed, so the actual request was never sent.
    Preflight,
    /// The actual response has no `Access-Control-Allow-Origin` (R9).
    NoAllowOrigin,
    /// `Access-Control-Allow-Origin: *` on a credentialed request (R14).
    WildcardWithCredentials,
    /// No `Access-Control-Allow-Credentials: true` on a credentialed request (R14).
    NoAllowCredentials,
}

impl Why {
    /// Whether a console message states this reason.
    pub fn stated_by(self, message: &str) -> bool {
        let preflight = message.contains("preflight");
        match self {
            Why::Preflight => preflight,
            Why::NoAllowOrigin => !preflight && message.contains("No 'Access-Control-Allow-Origin' header is present"),
            Why::WildcardWithCredentials => {
                !preflight
                    && message.contains("must not be the wildcard '*' when the request's credentials mode is 'include'")
            }
            Why::NoAllowCredentials => {
                !preflight && message.contains("'Access-Control-Allow-Credentials' header in the response is ''")
            }
        }
    }
}

/// What the browser must decide about a fetch.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The fetch resolves with this status.
    Allowed(u16),
    /// The fetch rejects with `TypeError: Failed to fetch`, for this reason.
    Blocked(Why),
}

/// One fetch (or one fetch repeated) from one page, and everything asserted about it.
#[derive(Debug, Clone)]
pub struct Case {
    /// Unique; also the `c` query parameter that tags the case's requests at the API.
    pub id: &'static str,
    /// Where the page runs.
    pub page: Page,
    /// Where the fetch goes.
    pub api: Api,
    /// `fetch` method, as written in script (`patch` stays lower case, R41).
    pub method: &'static str,
    /// Path on the API.
    pub path: &'static str,
    /// Request headers set by script.
    pub headers: Vec<(&'static str, &'static str)>,
    /// `credentials: 'include'`; otherwise the default `same-origin` (no cookies cross-origin).
    pub credentials: bool,
    /// Request body.
    pub body: Option<&'static str>,
    /// How many times the page runs the fetch (the second time after the page's pause, longer
    /// than Chromium's 5 s default preflight cache lifetime, R26).
    pub attempts: usize,
    /// Give each attempt its own URL (the preflight cache is keyed by URL, R27).
    pub distinct_urls: bool,
    /// The browser's decision, for every attempt.
    pub verdict: Verdict,
    /// Response body script must read.
    pub body_read: Option<&'static str>,
    /// Response headers script reads: `Some(value)` readable, `None` hidden (reads `null`; the
    /// suite also checks the API did send that header, so the `null` means "not exposed").
    pub reads: Vec<(&'static str, Option<&'static str>)>,
    /// Preflights the API must have received over all attempts.
    pub preflights: usize,
    /// Actual (non-preflight) requests the API must have received.
    pub actual: usize,
    /// Whether the actual requests carried the page's cookie (`None`: not checked).
    pub cookie: Option<bool>,
    /// The `Access-Control-Request-Method` the preflight must carry.
    pub acrm: Option<&'static str>,
    /// The `Access-Control-Request-Headers` the preflight must carry.
    pub acrh: Option<&'static str>,
}

impl Case {
    fn new(id: &'static str, page: Page, method: &'static str, path: &'static str) -> Case {
        Case {
            id,
            page,
            api: page.api(),
            method,
            path,
            headers: Vec::new(),
            credentials: false,
            body: None,
            attempts: 1,
            distinct_urls: false,
            verdict: Verdict::Allowed(200),
            body_read: None,
            reads: Vec::new(),
            preflights: 0,
            actual: 1,
            cookie: None,
            acrm: None,
            acrh: None,
        }
    }

    fn header(mut self, name: &'static str, value: &'static str) -> Case {
        self.headers.push((name, value));
        self
    }

    fn json(self, body: &'static str) -> Case {
        self.header("Content-Type", "application/json").body(body)
    }

    fn body(mut self, body: &'static str) -> Case {
        self.body = Some(body);
        self
    }

    fn credentials(mut self) -> Case {
        self.credentials = true;
        self
    }

    fn via(mut self, api: Api) -> Case {
        self.api = api;
        self
    }

    fn twice(mut self) -> Case {
        self.attempts = 2;
        self
    }

    fn twice_on_distinct_urls(mut self) -> Case {
        self.attempts = 2;
        self.distinct_urls = true;
        self
    }

    fn allowed(mut self, status: u16) -> Case {
        self.verdict = Verdict::Allowed(status);
        self
    }

    fn blocked(mut self, why: Why) -> Case {
        self.verdict = Verdict::Blocked(why);
        self
    }

    fn reads_body(mut self, body: &'static str) -> Case {
        self.body_read = Some(body);
        self
    }

    fn reads(mut self, header: &'static str, value: &'static str) -> Case {
        self.reads.push((header, Some(value)));
        self
    }

    fn hidden(mut self, header: &'static str) -> Case {
        self.reads.push((header, None));
        self
    }

    /// What the API must have received: preflights and actual requests, over all attempts.
    fn seen(mut self, preflights: usize, actual: usize) -> Case {
        self.preflights = preflights;
        self.actual = actual;
        self
    }

    fn cookie(mut self, sent: bool) -> Case {
        self.cookie = Some(sent);
        self
    }

    fn acrm(mut self, method: &'static str) -> Case {
        self.acrm = Some(method);
        self
    }

    fn acrh(mut self, headers: &'static str) -> Case {
        self.acrh = Some(headers);
        self
    }
}

/// Every case of the suite.
pub fn all() -> Vec<Case> {
    use Page::*;
    use Why::*;
    vec![
        // ---- https://app.example.com -------------------------------------------------------------
        // /public: any origin, no credentials, exposes X-Total-Count, max-age 600.
        Case::new("public-get", App, "GET", "/public/data")
            .reads_body("public data")
            .reads("X-Total-Count", "42") // R30: exposed
            .hidden("Access-Control-Allow-Origin") // R30: not exposed, not safelisted
            .cookie(false),
        Case::new("public-post-text-plain", App, "POST", "/public/data")
            .header("Content-Type", "text/plain")
            .body("hello")
            .reads_body("5") // R40: simple request, no preflight
            .seen(0, 1),
        Case::new("public-post-json", App, "POST", "/public/data")
            .json("{}")
            .reads_body("2")
            .seen(1, 1)
            .acrm("POST")
            .acrh("content-type"),
        Case::new("public-api-key-header", App, "GET", "/public/data")
            .header("X-Api-Key", "k")
            .reads("X-Total-Count", "42")
            .seen(1, 1)
            .acrh("x-api-key"),
        Case::new("public-put-refused", App, "PUT", "/public/data")
            .json("{}")
            .blocked(Preflight)
            .seen(1, 0)
            .acrm("PUT"), // R20
        Case::new("public-unlisted-header-refused", App, "GET", "/public/data")
            .header("X-Debug", "1")
            .blocked(Preflight) // R21
            .seen(1, 0),
        Case::new("public-authorization-refused", App, "GET", "/public/data")
            .header("Authorization", "Bearer t")
            .blocked(Preflight) // R22: not listed on /public
            .seen(1, 0)
            .acrh("authorization"),
        Case::new("public-credentialed-wildcard", App, "GET", "/public/data")
            .credentials()
            .blocked(WildcardWithCredentials) // R14, R18: `*` never works with credentials
            .seen(0, 1)
            .cookie(true),
        Case::new("public-error-500", App, "GET", "/public/fail").allowed(500), // R11, R35
        Case::new("public-unrouted-404", App, "GET", "/public/missing").allowed(404), // R11
        // /account: exact origins, credentials, exposes X-Request-Id, max-age 3600.
        Case::new("account-credentialed", App, "GET", "/account/me")
            .credentials()
            .reads_body("me")
            .reads("X-Request-Id", "7")
            .hidden("Vary")
            .hidden("Access-Control-Allow-Credentials")
            .cookie(true), // R14
        Case::new("account-without-credentials", App, "GET", "/account/me")
            .reads("X-Request-Id", "7")
            .cookie(false), // R15: ACAC is ignored
        Case::new("account-put-json", App, "PUT", "/account/me")
            .credentials()
            .json("{}")
            .seen(1, 1)
            .cookie(true) // R5, R16: the preflight carries no cookie, the actual request does
            .acrm("PUT"),
        Case::new("account-authorization", App, "GET", "/account/me")
            .credentials()
            .header("Authorization", "Bearer t")
            .reads_body("me")
            .seen(1, 1)
            .acrh("authorization"), // R22: listed by name
        Case::new("account-delete", App, "DELETE", "/account/me")
            .credentials()
            .seen(1, 1)
            .acrm("DELETE"),
        Case::new("account-error-401", App, "GET", "/account/denied")
            .credentials()
            .allowed(401)
            .cookie(true), // R11
        Case::new("account-patch-refused", App, "PATCH", "/account/me")
            .credentials()
            .blocked(Preflight)
            .seen(1, 0),
        // /devices: https://app.example.com only, no credentials, max-age 60.
        Case::new("devices-get", App, "GET", "/devices/status").reads_body("ok"),
        Case::new("devices-put-json", App, "PUT", "/devices/status")
            .json("{}")
            .seen(1, 1),
        Case::new("devices-credentialed-refused", App, "GET", "/devices/status")
            .credentials()
            .blocked(NoAllowCredentials) // R14: origin allowed, credentials not
            .seen(0, 1),
        // Policies that don't name app.example.com.
        Case::new("partners-from-app-refused", App, "GET", "/partners/catalog")
            .blocked(NoAllowOrigin)
            .seen(0, 1),
        Case::new("items-get-any-origin", App, "GET", "/items").reads_body("items"),
        Case::new("items-post-from-app-refused", App, "POST", "/items")
            .credentials()
            .json("{}")
            .blocked(Preflight) // handler policy: admin.example.com only
            .seen(1, 0),
        Case::new("items-simple-post-reaches-server", App, "POST", "/items")
            .header("Content-Type", "text/plain")
            .body("x")
            .blocked(NoAllowOrigin) // R26, R40: sent without consent, only the reading is refused
            .seen(0, 1),
        Case::new("internal-health-no-policy", App, "GET", "/internal/health")
            .blocked(NoAllowOrigin)
            .seen(0, 1),
        // The preflight cache (R26, R27): the second attempt comes after the page's pause, longer than
        // the 5 s a preflight is cached without Access-Control-Max-Age.
        Case::new("cache-public-max-age-600", App, "POST", "/public/data")
            .json("{}")
            .twice()
            .seen(1, 2),
        Case::new("cache-account-max-age-3600", App, "PUT", "/account/me")
            .credentials()
            .json("{}")
            .twice()
            .seen(1, 2)
            .cookie(true),
        Case::new("cache-devices-max-age-60", App, "PUT", "/devices/status")
            .json("{}")
            .twice()
            .seen(1, 2),
        Case::new("cache-keyed-by-url", App, "POST", "/public/data")
            .json("{}")
            .twice_on_distinct_urls()
            .seen(2, 2),
        Case::new("cache-refused-preflight-not-cached", App, "PUT", "/public/data")
            .json("{}")
            .twice()
            .blocked(Preflight)
            .seen(2, 0),
        // ---- https://admin.example.com: the handler-level policies of /items ---------------------
        Case::new("items-post-admin", Admin, "POST", "/items")
            .credentials()
            .json("{}")
            .header("X-Csrf-Token", "t")
            .allowed(201)
            .reads("X-Item-Id", "1")
            .hidden("Access-Control-Allow-Origin")
            .seen(1, 1)
            .cookie(true)
            .acrh("content-type,x-csrf-token"), // R5: sorted, lower case
        Case::new("items-post-admin-without-credentials", Admin, "POST", "/items")
            .json("{}")
            .allowed(201)
            .seen(1, 1)
            .cookie(false),
        Case::new("items-delete-admin", Admin, "DELETE", "/items/42")
            .credentials()
            .allowed(204)
            .seen(1, 1)
            .cookie(true),
        Case::new("items-get-admin", Admin, "GET", "/items").reads_body("items"),
        Case::new("items-post-unlisted-header-refused", Admin, "POST", "/items")
            .credentials()
            .json("{}")
            .header("X-Debug", "1")
            .blocked(Preflight) // R21
            .seen(1, 0),
        Case::new("cache-items-post-max-age-120", Admin, "POST", "/items")
            .credentials()
            .json("{}")
            .twice()
            .allowed(201)
            .seen(1, 2),
        Case::new("account-from-admin-refused", Admin, "GET", "/account/me")
            .credentials()
            .blocked(NoAllowOrigin)
            .seen(0, 1)
            .cookie(true),
        // ---- http://localhost:3000 (the demo page's origin), API at http://localhost:<port> ----------
        Case::new("localhost-account-cookie", Localhost3000, "GET", "/account/me")
            .credentials()
            .reads_body("me")
            .reads("X-Request-Id", "7")
            .cookie(true),
        Case::new("localhost-account-post-json", Localhost3000, "POST", "/account/me")
            .credentials()
            .json("{}")
            .seen(1, 1)
            .cookie(true),
        Case::new(
            "localhost-account-cross-site-no-cookie",
            Localhost3000,
            "GET",
            "/account/me",
        )
        .via(Api::Ip)
        .credentials()
        .reads("X-Request-Id", "7")
        .cookie(false), // §5.1: localhost -> 127.0.0.1 is cross-site, the Lax cookie stays home
        Case::new("localhost-items-post-refused", Localhost3000, "POST", "/items")
            .credentials()
            .json("{}")
            .blocked(Preflight)
            .seen(1, 0),
        Case::new("localhost-devices-refused", Localhost3000, "GET", "/devices/status")
            .blocked(NoAllowOrigin)
            .seen(0, 1),
        Case::new("localhost-public-get", Localhost3000, "GET", "/public/data").reads("X-Total-Count", "42"),
        // ---- https://shop.example.org: the partners pattern https://*.example.org -------------------
        Case::new("partners-get", Shop, "GET", "/partners/catalog")
            .reads_body("ok")
            .hidden("Access-Control-Allow-Origin"),
        Case::new("partners-patch", Shop, "PATCH", "/partners/catalog")
            .seen(1, 1)
            .acrm("PATCH"),
        Case::new("partners-patch-lower-case-refused", Shop, "patch", "/partners/catalog")
            .blocked(Preflight) // R20, R41: `patch` is not `PATCH`
            .seen(1, 0)
            .acrm("patch"),
        Case::new("partners-any-header", Shop, "GET", "/partners/catalog")
            .header("X-Anything", "1")
            .header("X-Trace", "2")
            .seen(1, 1)
            .acrh("x-anything,x-trace"),
        // R22: `*` alone would not cover Authorization; the policy names it next to any header.
        Case::new("partners-authorization-by-name", Shop, "GET", "/partners/catalog")
            .header("Authorization", "Bearer t")
            .seen(1, 1)
            .acrh("authorization"),
        Case::new("partners-delete-refused", Shop, "DELETE", "/partners/catalog")
            .blocked(Preflight)
            .seen(1, 0),
        Case::new("partners-credentialed-refused", Shop, "GET", "/partners/catalog")
            .credentials()
            .blocked(NoAllowCredentials)
            .seen(0, 1),
        Case::new("cache-partners-no-max-age", Shop, "PATCH", "/partners/catalog")
            .twice()
            .seen(2, 2),
        Case::new("account-from-shop-refused", Shop, "GET", "/account/me")
            .credentials()
            .blocked(NoAllowOrigin),
        Case::new("partners-deep-subdomain", DeepShop, "GET", "/partners/catalog").reads_body("ok"),
        // ---- origins no policy names (except /public and GET /items) ------------------------------
        Case::new("evil-account-cookie-sent-not-readable", Evil, "GET", "/account/me")
            .credentials()
            .blocked(NoAllowOrigin)
            .seen(0, 1)
            .cookie(true), // same-site, so the cookie goes; CORS only refuses the reading
        Case::new("evil-account-put-refused", Evil, "PUT", "/account/me")
            .credentials()
            .json("{}")
            .blocked(Preflight)
            .seen(1, 0),
        Case::new("evil-items-post-refused", Evil, "POST", "/items")
            .credentials()
            .json("{}")
            .blocked(Preflight)
            .seen(1, 0),
        Case::new("evil-items-delete-refused", Evil, "DELETE", "/items/1")
            .credentials()
            .blocked(Preflight)
            .seen(1, 0),
        Case::new("evil-public-get", Evil, "GET", "/public/data").reads("X-Total-Count", "42"),
        Case::new("evil-items-get", Evil, "GET", "/items").reads_body("items"),
        Case::new("partners-apex-refused", Apex, "GET", "/partners/catalog").blocked(NoAllowOrigin),
        Case::new("apex-public-get", Apex, "GET", "/public/data").reads_body("public data"),
        Case::new("partners-suffix-lookalike-refused", Suffix, "GET", "/partners/catalog").blocked(NoAllowOrigin),
        Case::new("partners-prefix-lookalike-refused", Prefix, "GET", "/partners/catalog").blocked(NoAllowOrigin),
        Case::new("partners-http-scheme-refused", HttpShop, "GET", "/partners/catalog").blocked(NoAllowOrigin),
        Case::new("partners-other-port-refused", PortShop, "GET", "/partners/catalog").blocked(NoAllowOrigin),
        Case::new("account-http-scheme-refused", HttpApp, "GET", "/account/me")
            .credentials()
            .blocked(NoAllowOrigin),
        Case::new("devices-http-scheme-refused", HttpApp, "PUT", "/devices/status")
            .json("{}")
            .blocked(Preflight)
            .seen(1, 0),
    ]
}
