//! The actix-web middleware: [`Cors`] (the `Transform`) and [`CorsMiddleware`] (the service).

use std::cell::OnceCell;
use std::rc::Rc;
use std::sync::Arc;

use actix_service::{Service, Transform};
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{
    HeaderValue, ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, CONTENT_TYPE, ORIGIN,
};
use actix_web::http::{Method, StatusCode};
use actix_web::{Error, HttpResponse};
use cors_core::{Decision, Policy, PolicyBuilder, Rejection, Request, Single, PREFLIGHT_VARY};
use futures_util::future::{ready, Ready};

use crate::future::{CorsFuture, Finish};
use crate::response_headers::{self, ActualDecoration, ACCESS_CONTROL_REQUEST_PRIVATE_NETWORK};
use crate::routes::{registered_routes, HandlerCors, RouteIndex};
use crate::{log, vary};

/// CORS middleware for an actix-web `App`, `Scope` or `Resource`.
///
/// Build it from a validated [`Policy`] ([`Cors::new`], or [`Cors::builder`] whose `build()`
/// returns `Result<Cors, PolicyError>`), or with [`Cors::routes`] to serve only the policies that
/// handlers declare with `#[cors(...)]`. It is `Clone + Send + Sync`: build it once, outside
/// `HttpServer::new`.
///
/// Handlers annotated with `#[cors(...)]` always win over the middleware's own policy, whole; see
/// the crate documentation for the merge rules.
#[derive(Clone, Debug)]
pub struct Cors {
    policy: Option<SharedPolicy>,
}

/// A policy owned by the middleware, or a static one made by `cors_policy!`.
#[derive(Clone, Debug)]
enum SharedPolicy {
    Owned(Arc<Policy>),
    Static(&'static Policy),
}

impl std::ops::Deref for SharedPolicy {
    type Target = Policy;

    fn deref(&self) -> &Policy {
        match self {
            SharedPolicy::Owned(policy) => policy,
            SharedPolicy::Static(policy) => policy,
        }
    }
}

impl Cors {
    /// Starts a policy whose `build()` returns this middleware.
    ///
    /// ```
    /// let cors = cors_actix::Cors::builder()
    ///     .allowed_origin("https://app.example.com")
    ///     .allowed_methods(["GET", "POST"])
    ///     .build()
    ///     .expect("valid CORS policy");
    /// # let _ = cors;
    /// ```
    pub fn builder() -> PolicyBuilder<Cors> {
        PolicyBuilder::new()
    }

    /// The middleware for a compiled policy.
    pub fn new(policy: Policy) -> Self {
        Cors {
            policy: Some(SharedPolicy::Owned(Arc::new(policy))),
        }
    }

    /// The middleware for a static policy, such as one made by `cors_policy!`.
    pub fn from_static(policy: &'static Policy) -> Self {
        Cors {
            policy: Some(SharedPolicy::Static(policy)),
        }
    }

    /// The middleware with no policy of its own: it answers for handlers annotated with
    /// `#[cors(...)]` and leaves every other request alone. Put it on the `App`.
    pub fn routes() -> Self {
        Cors { policy: None }
    }

    /// The middleware's own policy, if it has one.
    pub fn policy(&self) -> Option<&Policy> {
        self.policy.as_deref()
    }
}

impl From<Policy> for Cors {
    fn from(policy: Policy) -> Self {
        Cors::new(policy)
    }
}

impl From<&'static Policy> for Cors {
    fn from(policy: &'static Policy) -> Self {
        Cors::from_static(policy)
    }
}

impl<S, B> Transform<S, ServiceRequest> for Cors
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = CorsMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(CorsMiddleware {
            service,
            policy: self.policy.clone(),
            routes: Rc::new(OnceCell::new()),
            any_routes: registered_routes().next().is_some(),
        }))
    }
}

/// The per-worker service created by [`Cors`].
pub struct CorsMiddleware<S> {
    service: S,
    policy: Option<SharedPolicy>,
    /// Built on the first request that needs it: the route map is only reachable from a request.
    routes: Rc<OnceCell<RouteIndex>>,
    /// Whether any handler in the program is annotated; if not, route resolution is skipped.
    any_routes: bool,
}

/// The policy that governs one request.
enum Governing<'a> {
    Policy(&'a Policy),
    /// No CORS at all for this request: pass it through untouched.
    Nothing,
    /// No policy can be chosen: a preflight is refused, an actual request is served without any
    /// CORS header (R1: never blocked).
    Refuse(Rejection),
}

impl<S> CorsMiddleware<S> {
    /// Finds the policy: the handler's own (by the method the request will be routed with), else
    /// the middleware's.
    fn governing(&self, req: &ServiceRequest, method: &[u8], preflight: bool) -> Governing<'_> {
        if self.any_routes {
            let index = match self.routes.get() {
                Some(index) => Some(index),
                None => RouteIndex::build(req.request()).map(|built| self.routes.get_or_init(|| built)),
            };
            if let Some(path) = index.and_then(|index| index.lookup(req.request())) {
                match path.for_method(method) {
                    Some(HandlerCors::Policy(policy)) => return Governing::Policy(policy),
                    // A handler without CORS: its actual responses carry none, and a preflight for it
                    // is refused here rather than handed to the application (R6).
                    Some(HandlerCors::Disabled) if preflight => {
                        return Governing::Refuse(Rejection::DisabledForHandler)
                    }
                    Some(HandlerCors::Disabled) => return Governing::Nothing,
                    Some(HandlerCors::Ambiguous) => return Governing::Refuse(Rejection::AmbiguousRoutePolicy),
                    // Annotated handlers live on this path, none for this method: another
                    // handler may still serve it under the middleware's own policy. Without
                    // one, no policy allows the preflight; an actual request goes to that
                    // handler untouched, like any unannotated one (R1, R35).
                    None if self.policy.is_none() && preflight => {
                        return Governing::Refuse(Rejection::NoHandlerForMethod)
                    }
                    None if self.policy.is_none() => return Governing::Nothing,
                    None => {}
                }
            }
        }
        match &self.policy {
            Some(policy) => Governing::Policy(policy),
            None => Governing::Nothing,
        }
    }
}

impl<S, B> Service<ServiceRequest> for CorsMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = CorsFuture<S::Future, B>;

    actix_service::forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        let headers = req.headers();
        // The preflight-only headers matter only on OPTIONS (R2): other requests skip the lookups.
        let options = req.method() == Method::OPTIONS;
        let lines = |name| {
            options
                .then(|| headers.get_all(name))
                .into_iter()
                .flatten()
                .map(HeaderValue::as_bytes)
        };
        // One lookup of `Origin`: its first line is what an allowed response mirrors (R7).
        let mut origin_lines = headers.get_all(ORIGIN);
        let origin = origin_lines.next();
        let request = Request {
            method: req.method().as_str().as_bytes(),
            origin: Single::from_lines(origin.into_iter().chain(origin_lines).map(HeaderValue::as_bytes)),
            request_method: Single::from_lines(lines(ACCESS_CONTROL_REQUEST_METHOD)),
            request_headers: lines(ACCESS_CONTROL_REQUEST_HEADERS),
            request_private_network: Single::from_lines(lines(ACCESS_CONTROL_REQUEST_PRIVATE_NETWORK)),
        };
        let preflight = request.is_preflight();
        // A preflight is routed by the method it asks about (the one the handler will serve).
        let routing_method = match request.request_method {
            Single::One(m) if preflight => m,
            _ => request.method,
        };

        let policy = match self.governing(&req, routing_method, preflight) {
            Governing::Policy(policy) => policy,
            Governing::Nothing => return CorsFuture::passthrough(self.service.call(req)),
            Governing::Refuse(rejection) if preflight => {
                log::rejected(&req, rejection, true);
                return CorsFuture::ready(reject_preflight(
                    req,
                    rejection,
                    StatusCode::FORBIDDEN,
                    Some(PREFLIGHT_VARY),
                ));
            }
            Governing::Refuse(rejection) => {
                // R1, R35: an actual request is never blocked, only left without CORS headers;
                // either candidate policy may depend on the Origin (R36).
                if request.origin.is_present() {
                    log::rejected(&req, rejection, false);
                }
                return CorsFuture::finish(self.service.call(req), Finish::Strip, true);
            }
        };

        match policy.decide(request) {
            Decision::Preflight(allowed) => {
                let mut res = HttpResponse::new(StatusCode::from_u16(allowed.status).unwrap_or(StatusCode::NO_CONTENT));
                let (Some(origin), Some(method)) = (origin, req.headers().get(ACCESS_CONTROL_REQUEST_METHOD)) else {
                    unreachable!("a preflight has Origin and Access-Control-Request-Method")
                };
                response_headers::preflight(res.headers_mut(), &allowed, origin, method);
                vary::merge(res.headers_mut(), policy.preflight_vary());
                CorsFuture::ready(req.into_response(res).map_into_right_body())
            }
            Decision::PreflightRejected { rejection, status } => {
                log::rejected(&req, rejection, true);
                let status = StatusCode::from_u16(status).unwrap_or(StatusCode::FORBIDDEN);
                CorsFuture::ready(reject_preflight(req, rejection, status, Some(policy.preflight_vary())))
            }
            Decision::Actual(allowed) | Decision::NotCors(Some(allowed)) => {
                let finish = match ActualDecoration::new(&allowed, origin) {
                    Some(decoration) => Finish::Allow(decoration),
                    None => Finish::Strip,
                };
                CorsFuture::finish(self.service.call(req), finish, policy.varies_by_origin())
            }
            Decision::NotCors(None) => {
                CorsFuture::finish(self.service.call(req), Finish::Leave, policy.varies_by_origin())
            }
            Decision::ActualRejected(rejection) => {
                // R1: never block an actual request, only leave it undecorated.
                log::rejected(&req, rejection, false);
                CorsFuture::finish(self.service.call(req), Finish::Strip, policy.varies_by_origin())
            }
        }
    }
}

fn reject_preflight<B>(
    req: ServiceRequest,
    rejection: Rejection,
    status: StatusCode,
    vary: Option<&'static str>,
) -> ServiceResponse<EitherBody<B>> {
    let mut res = HttpResponse::with_body(status, rejection.reason());
    res.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    if let Some(vary) = vary {
        vary::merge(res.headers_mut(), vary);
    }
    req.into_response(res.map_into_boxed_body()).map_into_right_body()
}
