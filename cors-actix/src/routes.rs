//! Per-handler policies declared with `#[cors(...)]`, and how a request finds its handler's policy
//! before actix routes it.
//!
//! The attribute registers a [`RoutePolicy`] (handler, method, local pattern, policy) and gives the
//! handler's resource a unique name. actix knows a resource's full pattern (scope prefixes
//! included) only through its route map, so each worker builds a [`RouteIndex`] on its first
//! request: for every registered handler, `url_for(name)` with placeholder segments yields the
//! full pattern's *shape* (`/api/items/{}`). A request's shape comes from `match_pattern()`; one
//! hash lookup then gives the policies of every annotated handler on that path, by method.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use actix_web::HttpRequest;
use cors_core::Policy;

/// One handler's CORS declaration, submitted by `#[cors(...)]`. Not meant to be written by hand.
pub struct RoutePolicy {
    /// `module::function` of the handler.
    pub handler: &'static str,
    /// The unique name the attribute gave the handler's actix resource.
    pub resource_name: &'static str,
    /// The method the handler serves, as actix's route attribute declares it.
    pub method: &'static str,
    /// The path pattern as written on the handler (without scope prefixes).
    pub pattern: &'static str,
    /// The handler's policy; `None` when the attribute says `disable`.
    pub policy: fn() -> Option<&'static Policy>,
}

impl fmt::Debug for RoutePolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RoutePolicy")
            .field("handler", &self.handler)
            .field("method", &self.method)
            .field("pattern", &self.pattern)
            .field("policy", &(self.policy)())
            .finish()
    }
}

inventory::collect!(RoutePolicy);

/// Every handler policy compiled into this program, as declared (patterns without scope
/// prefixes). For full patterns as mounted in an app, see [`effective_routes`].
pub fn registered_routes() -> impl Iterator<Item = &'static RoutePolicy> {
    inventory::iter::<RoutePolicy>.into_iter()
}

/// What a request's handler declares.
#[derive(Debug, Clone, Copy)]
pub(crate) enum HandlerCors {
    /// The handler's own policy: it replaces any scope or app policy, whole.
    Policy(&'static Policy),
    /// `#[cors(disable)]`: no CORS for this handler.
    Disabled,
    /// Two handlers declare a policy for this path and method: refuse rather than guess.
    Ambiguous,
}

#[derive(Debug, Clone, Copy)]
enum Slot {
    One(&'static RoutePolicy),
    Ambiguous(&'static RoutePolicy),
}

impl Slot {
    fn resolve(self) -> HandlerCors {
        match self {
            Slot::One(route) => match (route.policy)() {
                Some(policy) => HandlerCors::Policy(policy),
                None => HandlerCors::Disabled,
            },
            Slot::Ambiguous(..) => HandlerCors::Ambiguous,
        }
    }
}

/// The annotated handlers on one full path pattern.
#[derive(Debug, Default)]
pub(crate) struct PathPolicies {
    by_method: Vec<(&'static str, Slot)>,
}

impl PathPolicies {
    /// The declaration of the handler serving `method` on this path, if it has one.
    pub(crate) fn for_method(&self, method: &[u8]) -> Option<HandlerCors> {
        self.by_method
            .iter()
            .find(|(m, _)| m.as_bytes() == method)
            .map(|(_, slot)| slot.resolve())
    }
}

/// One worker's index of annotated handlers by full-pattern shape.
#[derive(Debug, Default)]
pub(crate) struct RouteIndex {
    by_shape: HashMap<String, PathPolicies>,
    /// Full patterns already seen by this worker, mapped to their shape's entry (or none).
    /// Bounded by the number of resources in the app.
    seen: RefCell<HashMap<String, Option<String>>>,
}

impl RouteIndex {
    /// Builds the index from the route map of `req`'s app. Returns `None` when the map cannot be
    /// read yet (a request whose host makes `url_for` fail); the caller retries later.
    pub(crate) fn build(req: &HttpRequest) -> Option<Self> {
        let mut by_shape: HashMap<String, PathPolicies> = HashMap::new();
        for route in registered_routes() {
            let url = match req.url_for(route.resource_name, std::iter::repeat(PLACEHOLDER)) {
                Ok(url) => url,
                Err(actix_web::error::UrlGenerationError::ResourceNotFound) => continue, // not mounted here
                Err(_) => return None,
            };
            let shape = shape_of_url_path(url.path());
            let entry = by_shape.entry(shape.clone()).or_default();
            match entry.by_method.iter_mut().find(|(m, _)| *m == route.method) {
                Some((_, slot)) => {
                    let first = match *slot {
                        Slot::One(first) | Slot::Ambiguous(first) => first,
                    };
                    tracing::error!(
                        target: "cors",
                        path = %shape, method = route.method, first = first.handler, second = route.handler,
                        "two handlers declare a CORS policy for the same path and method; preflights for it are refused"
                    );
                    *slot = Slot::Ambiguous(first);
                }
                None => {
                    tracing::debug!(
                        target: "cors",
                        path = %shape, method = route.method, handler = route.handler,
                        policy = ?(route.policy)(),
                        "handler CORS policy"
                    );
                    entry.by_method.push((route.method, Slot::One(route)));
                }
            }
        }
        Some(RouteIndex {
            by_shape,
            seen: RefCell::default(),
        })
    }

    /// The annotated handlers on the path of `req`, if any.
    pub(crate) fn lookup(&self, req: &HttpRequest) -> Option<&PathPolicies> {
        if self.by_shape.is_empty() {
            return None;
        }
        let pattern = req.match_pattern()?;
        let mut seen = self.seen.borrow_mut();
        // Borrowed, not cloned: a pattern seen before costs no allocation beyond actix's own.
        let shape = seen.entry(pattern).or_insert_with_key(|pattern| {
            let shape = shape_of_pattern(pattern);
            self.by_shape.contains_key(&shape).then_some(shape)
        });
        self.by_shape.get(shape.as_deref()?)
    }

    /// Every annotated route of this app with its full pattern shape.
    pub(crate) fn routes(&self) -> impl Iterator<Item = (&str, &'static str, HandlerCors, &'static str)> {
        self.by_shape.iter().flat_map(|(shape, paths)| {
            paths.by_method.iter().map(move |(method, slot)| {
                let handler = match slot {
                    Slot::One(r) | Slot::Ambiguous(r) => r.handler,
                };
                (shape.as_str(), *method, slot.resolve(), handler)
            })
        })
    }
}

/// Stands in for each dynamic segment when asking actix for a handler's URL.
const PLACEHOLDER: &str = "__cors_segment__";

/// `/api/items/{id}` and `/api/items/{id:\d+}` both have the shape `/api/items/{}`; a tail
/// segment `{rest}*` has the shape `{}` too.
fn shape_of_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut depth = 0usize;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                if depth == 0 {
                    out.push_str("{}");
                }
                depth += 1;
            }
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 && chars.peek() == Some(&'*') {
                    chars.next();
                }
            }
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

/// The shape of a URL path that `url_for` built with [`PLACEHOLDER`] segments.
fn shape_of_url_path(path: &str) -> String {
    percent_decode(path).replace(PLACEHOLDER, "{}")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// One annotated route as mounted in an app.
#[derive(Debug, Clone)]
pub struct EffectiveRoute {
    /// The full path pattern, with each dynamic segment written `{}`.
    pub path: String,
    /// The method.
    pub method: &'static str,
    /// The handler (`module::function`).
    pub handler: &'static str,
    /// The policy, or `None` when CORS is disabled for the handler.
    pub policy: Option<&'static Policy>,
    /// `true` when another handler declares a policy for the same path and method.
    pub ambiguous: bool,
}

/// Lists the annotated routes of the app serving `req`, with their full path and effective
/// policy, sorted by path and method.
pub fn effective_routes(req: &HttpRequest) -> Vec<EffectiveRoute> {
    let Some(index) = RouteIndex::build(req) else {
        return Vec::new();
    };
    let mut routes: Vec<EffectiveRoute> = index
        .routes()
        .map(|(path, method, cors, handler)| EffectiveRoute {
            path: path.to_owned(),
            method,
            handler,
            policy: match cors {
                HandlerCors::Policy(p) => Some(p),
                _ => None,
            },
            ambiguous: matches!(cors, HandlerCors::Ambiguous),
        })
        .collect();
    routes.sort_by(|a, b| (&a.path, a.method).cmp(&(&b.path, b.method)));
    routes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape_of_pattern("/api/items/{id}"), "/api/items/{}");
        assert_eq!(shape_of_pattern("/api/items/{id:\\d{3}}/x"), "/api/items/{}/x");
        assert_eq!(shape_of_pattern("/files/{tail}*"), "/files/{}");
        assert_eq!(shape_of_url_path("/api/items/__cors_segment__"), "/api/items/{}");
        assert_eq!(shape_of_url_path("/a%20b/__cors_segment__"), "/a b/{}");
    }
}
