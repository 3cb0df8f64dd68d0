//! The response future: a concrete type, not a boxed one, so a request costs no extra allocation.

use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use actix_web::body::EitherBody;
use actix_web::dev::ServiceResponse;
use actix_web::Error;
use pin_project_lite::pin_project;

use crate::response_headers::{self, ActualDecoration};
use crate::vary;

/// What to do to the response of an actual request.
pub(crate) enum Finish {
    /// Allowed: set the CORS headers (R11: on every status, errors and redirects included).
    Allow(ActualDecoration),
    /// Disallowed origin: no granting header leaves, whoever set it.
    Strip,
    /// Not a CORS request under an origin-dependent policy: only `Vary`.
    Leave,
}

impl Finish {
    fn apply(&self, headers: &mut actix_web::http::header::HeaderMap, vary_origin: bool) {
        match self {
            Finish::Allow(decoration) => decoration.apply(headers),
            Finish::Strip => response_headers::strip(headers),
            Finish::Leave => {}
        }
        if vary_origin {
            // R36: on every response of an origin-dependent policy.
            vary::merge(headers, "Origin");
        }
    }
}

pin_project! {
    /// Future returned by [`crate::CorsMiddleware`].
    pub struct CorsFuture<F, B> {
        #[pin]
        state: State<F, B>,
    }
}

pin_project! {
    #[project = StateProj]
    enum State<F, B> {
        /// A preflight answered here, or a refusal.
        Ready { response: Option<ServiceResponse<EitherBody<B>>> },
        /// The inner service's response, decorated when it arrives.
        Inner { #[pin] future: F, finish: Finish, vary_origin: bool },
        /// No CORS for this request.
        Passthrough { #[pin] future: F },
    }
}

impl<F, B> CorsFuture<F, B> {
    pub(crate) fn ready(response: ServiceResponse<EitherBody<B>>) -> Self {
        CorsFuture {
            state: State::Ready {
                response: Some(response),
            },
        }
    }

    pub(crate) fn finish(future: F, finish: Finish, vary_origin: bool) -> Self {
        CorsFuture {
            state: State::Inner {
                future,
                finish,
                vary_origin,
            },
        }
    }

    pub(crate) fn passthrough(future: F) -> Self {
        CorsFuture {
            state: State::Passthrough { future },
        }
    }
}

impl<F, B> Future for CorsFuture<F, B>
where
    F: Future<Output = Result<ServiceResponse<B>, Error>>,
{
    type Output = Result<ServiceResponse<EitherBody<B>>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project().state.project() {
            StateProj::Ready { response } => {
                Poll::Ready(Ok(response.take().expect("CorsFuture polled after completion")))
            }
            StateProj::Passthrough { future } => {
                Poll::Ready(ready!(future.poll(cx)).map(ServiceResponse::map_into_left_body))
            }
            StateProj::Inner {
                future,
                finish,
                vary_origin,
            } => match ready!(future.poll(cx)) {
                Ok(mut res) => {
                    finish.apply(res.headers_mut(), *vary_origin);
                    Poll::Ready(Ok(res.map_into_left_body()))
                }
                Err(mut err) => {
                    // Errors from inner middleware become responses later, outside us; decorate
                    // that response when it is made (R11). Only this error path allocates.
                    let finish = std::mem::replace(finish, Finish::Leave);
                    let vary_origin = *vary_origin;
                    err.add_response_mapper(move |mut res| {
                        finish.apply(res.headers_mut(), vary_origin);
                        res
                    });
                    Poll::Ready(Err(err))
                }
            },
        }
    }
}
