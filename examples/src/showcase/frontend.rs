//! The demo page, served from its own origin (`http://localhost:3000` by default) so that its
//! fetches to the API are cross-origin.
//!
//! Routes:
//! - `GET /`: the page (`static/demo.html`, with `{{API}}` replaced by the API's base URL);
//! - `GET /inspect?method=…&path=…&origin=…[&acrh=…][&h=Name:value…][&body=…]`: replays one of the
//!   page's scenarios against the API from the server side (the preflight if `acrh` or the method
//!   calls for one, then the actual request unless the preflight was refused) and returns the status
//!   and headers of each response as JSON. The page shows them next to what the browser let script
//!   read, because `Access-Control-*` response headers are never readable by script. It only ever
//!   talks to the API's own address.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use actix_web::{web, HttpResponse};

const PAGE: &str = include_str!("../../static/demo.html");

/// Routes of the frontend server. `api` is the API's base URL, written into the page.
pub fn configure(cfg: &mut web::ServiceConfig, api: String) {
    let page = PAGE.replace("{{API}}", &api);
    cfg.route(
        "/",
        web::get().to(move || {
            let page = page.clone();
            async move { HttpResponse::Ok().content_type("text/html; charset=utf-8").body(page) }
        }),
    );
    cfg.route(
        "/inspect",
        web::get().to(move |query: web::Query<Vec<(String, String)>>| {
            let api = api.clone();
            async move {
                let json = match Replay::from_query(&query) {
                    Ok(replay) => web::block(move || replay.run(&api))
                        .await
                        .unwrap_or_else(|e| Err(e.to_string())),
                    Err(e) => Err(e),
                };
                match json {
                    Ok(json) => HttpResponse::Ok().content_type("application/json").body(json),
                    Err(e) => HttpResponse::BadRequest()
                        .content_type("application/json")
                        .body(format!("{{\"error\":{}}}", json_string(&e))),
                }
            }
        }),
    );
}

/// One scenario to replay, validated so that nothing but a well-formed request reaches the API.
struct Replay {
    method: String,
    path: String,
    origin: String,
    acrh: Option<String>,
    headers: Vec<(String, String)>,
    body: String,
}

impl Replay {
    fn from_query(query: &[(String, String)]) -> Result<Replay, String> {
        let one = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let method = one("method").ok_or("method is missing")?;
        let path = one("path").ok_or("path is missing")?;
        let origin = one("origin").ok_or("origin is missing")?;
        let acrh = one("acrh").filter(|v| !v.is_empty());
        let body = one("body").unwrap_or_default();
        let mut headers = Vec::new();
        for (_, h) in query.iter().filter(|(k, _)| k == "h") {
            let (name, value) = h.split_once(':').ok_or("h must be Name:value")?;
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
        let is_token = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        };
        let is_text = |s: &str| s.bytes().all(|b| (0x20..0x7f).contains(&b));
        if !is_token(&method) {
            return Err("method must be a token".into());
        }
        if !path.starts_with('/') || !path.bytes().all(|b| b.is_ascii_graphic()) {
            return Err("path must start with / and have no spaces".into());
        }
        if !is_text(&origin) || acrh.as_deref().is_some_and(|v| !is_text(v)) {
            return Err("origin and acrh must be printable ASCII".into());
        }
        if headers.iter().any(|(n, v)| !is_token(n) || !is_text(v)) {
            return Err("headers must be Name:value with a token name and printable value".into());
        }
        Ok(Replay {
            method,
            path,
            origin,
            acrh,
            headers,
            body,
        })
    }

    /// Sends the preflight (when the browser would) and the actual request (unless the preflight
    /// was refused), and describes both responses as JSON.
    fn run(&self, api: &str) -> Result<String, String> {
        let authority = api
            .strip_prefix("http://")
            .ok_or("the API is not plain http; nothing to inspect")?;
        let authority = authority.trim_end_matches('/');
        let safelisted = matches!(self.method.as_str(), "GET" | "HEAD" | "POST");
        let preflight = if !safelisted || self.acrh.is_some() {
            let mut lines = vec![format!("Access-Control-Request-Method: {}", self.method)];
            if let Some(acrh) = &self.acrh {
                lines.push(format!("Access-Control-Request-Headers: {acrh}"));
            }
            Some(exchange(authority, "OPTIONS", &self.path, &self.origin, &lines, "")?)
        } else {
            None
        };
        // The browser stops at a preflight without an ok status or without any CORS answer.
        let refused = preflight.as_ref().is_some_and(|p| {
            !(200..300).contains(&p.status) || !p.headers.iter().any(|(k, _)| k == "access-control-allow-origin")
        });
        let actual = if refused {
            None
        } else {
            let lines: Vec<String> = self.headers.iter().map(|(n, v)| format!("{n}: {v}")).collect();
            Some(exchange(
                authority,
                &self.method,
                &self.path,
                &self.origin,
                &lines,
                &self.body,
            )?)
        };
        let describe = |r: &Option<Response>| r.as_ref().map_or("null".to_owned(), Response::json);
        Ok(format!(
            "{{\"preflight\":{},\"actual\":{}}}",
            describe(&preflight),
            describe(&actual)
        ))
    }
}

struct Response {
    status: u16,
    /// Lower-case names, values as sent, in order.
    headers: Vec<(String, String)>,
}

impl Response {
    fn json(&self) -> String {
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|(k, v)| format!("[{},{}]", json_string(k), json_string(v)))
            .collect();
        format!("{{\"status\":{},\"headers\":[{}]}}", self.status, headers.join(","))
    }
}

/// One HTTP/1.1 exchange over a fresh connection (`Connection: close`).
fn exchange(
    authority: &str,
    method: &str,
    path: &str,
    origin: &str,
    lines: &[String],
    body: &str,
) -> Result<Response, String> {
    let fail = |e: std::io::Error| format!("{method} {path}: {e}");
    let mut stream = TcpStream::connect(authority).map_err(fail)?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).map_err(fail)?;
    stream.set_write_timeout(Some(Duration::from_secs(5))).map_err(fail)?;
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: {authority}\r\nOrigin: {origin}\r\nConnection: close\r\n");
    for line in lines {
        request.push_str(line);
        request.push_str("\r\n");
    }
    if !body.is_empty() || !matches!(method, "GET" | "HEAD" | "OPTIONS" | "DELETE") {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).map_err(fail)?;
    let mut raw = Vec::new();
    stream.take(1 << 20).read_to_end(&mut raw).map_err(fail)?;
    let raw = String::from_utf8_lossy(&raw);
    let head = raw.split("\r\n\r\n").next().unwrap_or_default();
    let mut head_lines = head.split("\r\n");
    let status = head_lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("{method} {path}: no HTTP status line in the answer"))?;
    let headers = head_lines
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Ok(Response { status, headers })
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
