//! Where a preflight is decided (R2, R6, R19–R29, R42).

use crate::allowed_origins::OriginCheck;
use crate::decision::{AllowOrigin, Decision, PreflightHeaders};
use crate::header_list::for_each_element;
use crate::header_name::AUTHORIZATION;
use crate::method::is_safelisted;
use crate::policy::{AllowedHeaders, AllowedMethods, Policy};
use crate::rejection::Rejection;
use crate::request::{Request, Single};
use crate::token::is_token;

impl Policy {
    pub(crate) fn decide_preflight<'r, L>(&self, request: Request<'r, L>) -> Decision<'_>
    where
        L: IntoIterator<Item = &'r [u8]>,
    {
        match self.check_preflight(request) {
            Ok(headers) => Decision::Preflight(headers),
            Err(rejection) => Decision::PreflightRejected {
                rejection,
                status: self.rejection_status,
            },
        }
    }

    fn check_preflight<'r, L>(&self, request: Request<'r, L>) -> Result<PreflightHeaders<'_>, Rejection>
    where
        L: IntoIterator<Item = &'r [u8]>,
    {
        let allow_origin = self.check_origin(request.origin)?;

        // R3, R20, R29: one ACRM line, a short token, allowed byte-exactly or safelisted.
        let method = match request.request_method {
            Single::One(m) => m,
            Single::Repeated => return Err(Rejection::MethodRepeated),
            Single::Absent => unreachable!("a preflight has Access-Control-Request-Method"),
        };
        if method.len() > crate::method::MAX_LEN || !is_token(method) {
            return Err(Rejection::MethodMalformed);
        }
        let listed = match &self.methods {
            AllowedMethods::Any => true,
            AllowedMethods::List(list) => list.iter().any(|m| m.as_bytes() == method),
        };
        if !listed && !is_safelisted(method) {
            return Err(Rejection::MethodNotAllowed);
        }

        let any_requested = self.check_request_headers(request.request_headers)?;

        // R42: answer a private-network request only when configured, and only with `true`.
        let allow_private_network = match request.request_private_network {
            Single::One(b"true") if self.private_network => true,
            Single::One(b"true") => return Err(Rejection::PrivateNetworkNotAllowed),
            _ => false,
        };

        Ok(PreflightHeaders {
            status: self.preflight_status,
            allow_origin,
            allow_credentials: self.credentials,
            allow_method: listed,
            allow_headers: if any_requested {
                self.allow_headers.as_ref()
            } else {
                None
            },
            max_age: self.max_age.as_ref(),
            allow_private_network,
        })
    }

    /// The origin check shared by preflights and actual requests (R3, R4, R7–R10).
    pub(crate) fn check_origin(&self, origin: Single<'_>) -> Result<AllowOrigin, Rejection> {
        let value = match origin {
            Single::One(v) => v,
            Single::Repeated => return Err(Rejection::OriginRepeated),
            Single::Absent => return Err(Rejection::OriginMalformed),
        };
        if !self.varies_by_origin() {
            return Ok(AllowOrigin::Any);
        }
        match self.origins.check(value) {
            OriginCheck::Allowed => Ok(AllowOrigin::Mirror),
            OriginCheck::NotAllowed => Err(Rejection::OriginNotAllowed),
            OriginCheck::Null => Err(Rejection::NullOriginNotAllowed),
            OriginCheck::Malformed => Err(Rejection::OriginMalformed),
        }
    }

    /// R21–R23, R29: every requested name allowed, in one bounded pass without allocating.
    /// Returns whether any header was requested.
    fn check_request_headers<'r, L>(&self, lines: L) -> Result<bool, Rejection>
    where
        L: IntoIterator<Item = &'r [u8]>,
    {
        let mut any = false;
        let result = for_each_element(lines, |name| {
            any = true;
            match &self.headers {
                AllowedHeaders::Any { authorization } => {
                    if !authorization && name.eq_ignore_ascii_case(AUTHORIZATION.as_bytes()) {
                        return Err(Rejection::AuthorizationNotAllowed);
                    }
                }
                AllowedHeaders::List(list) => {
                    if !list.iter().any(|allowed| allowed.as_bytes().eq_ignore_ascii_case(name)) {
                        return Err(Rejection::HeaderNotAllowed);
                    }
                }
            }
            Ok(())
        });
        match result {
            Ok(()) => Ok(any),
            Err(Ok(_list_error)) => Err(Rejection::HeadersMalformed),
            Err(Err(rejection)) => Err(rejection),
        }
    }
}
