//! Rejections as `tracing` events (target `cors`), so "why is my CORS failing?" is answered by the
//! log: origin, method, path and a stable reason.

use std::fmt;

use actix_web::dev::ServiceRequest;
use actix_web::http::header::ORIGIN;
use cors_core::Rejection;

/// Origins are attacker-controlled: log at most this many bytes, lossily (§3 row 15).
const MAX_LOGGED_ORIGIN: usize = 256;

struct Bounded<'a>(&'a [u8]);

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cut = &self.0[..self.0.len().min(MAX_LOGGED_ORIGIN)];
        write!(f, "{}", String::from_utf8_lossy(cut).escape_debug())?;
        if cut.len() < self.0.len() {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// A refused preflight is logged at `info`: it is what makes a browser fail a request. An actual
/// request from a disallowed origin is logged at `debug`: it is served anyway (R1), and same-origin
/// form posts carry `Origin` too, so at `info` it would be noise.
pub(crate) fn rejected(req: &ServiceRequest, rejection: Rejection, preflight: bool) {
    let origin = req.headers().get(ORIGIN).map_or(&b""[..], |v| v.as_bytes());
    macro_rules! event {
        ($level:expr) => {
            tracing::event!(
                target: "cors",
                $level,
                origin = %Bounded(origin),
                method = %req.method(),
                path = req.path(),
                reason = rejection.as_str(),
                preflight,
                "{}",
                rejection.reason()
            )
        };
    }
    if preflight {
        event!(tracing::Level::INFO);
    } else {
        event!(tracing::Level::DEBUG);
    }
}
