//! Where an actual (non-preflight) request is decided (R1, R11, R14, R30, R31, R36).

use crate::decision::{ActualHeaders, AllowOrigin, Decision};
use crate::policy::Policy;
use crate::request::{Request, Single};

impl Policy {
    pub(crate) fn decide_actual<L>(&self, request: &Request<'_, L>) -> Decision<'_> {
        let headers = |allow_origin| ActualHeaders {
            allow_origin,
            allow_credentials: self.credentials,
            expose_headers: self.expose_headers.as_ref(),
        };
        if !self.varies_by_origin() {
            // R31: an any-origin policy is static: the same `*` headers on every response,
            // whatever the Origin says, so a cache can never serve one client another's answer.
            let static_headers = headers(AllowOrigin::Any);
            return match request.origin {
                Single::Absent => Decision::NotCors(Some(static_headers)),
                _ => Decision::Actual(static_headers),
            };
        }
        if request.origin == Single::Absent {
            return Decision::NotCors(None);
        }
        match self.check_origin(request.origin) {
            Ok(allow_origin) => Decision::Actual(headers(allow_origin)),
            Err(rejection) => Decision::ActualRejected(rejection),
        }
    }
}
