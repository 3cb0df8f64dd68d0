//! The parts of an HTTP request that CORS looks at, borrowed from whatever server holds them.

/// A request header that must appear at most once (R3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Single<'r> {
    /// Not sent.
    Absent,
    /// Sent exactly once, with this value.
    One(&'r [u8]),
    /// Sent on more than one line.
    Repeated,
}

impl<'r> Single<'r> {
    /// Builds from an iterator over the header's lines, looking at two lines at most.
    pub fn from_lines(mut lines: impl Iterator<Item = &'r [u8]>) -> Self {
        match (lines.next(), lines.next()) {
            (None, _) => Single::Absent,
            (Some(v), None) => Single::One(v),
            (Some(_), Some(_)) => Single::Repeated,
        }
    }

    /// Was the header sent at all?
    pub fn is_present(&self) -> bool {
        !matches!(self, Single::Absent)
    }
}

/// What a CORS decision needs from a request. `L` yields the `Access-Control-Request-Headers`
/// lines (a split value is tolerated, R3).
#[derive(Debug, Clone)]
pub struct Request<'r, L> {
    /// The method, byte-exact.
    pub method: &'r [u8],
    /// `Origin`.
    pub origin: Single<'r>,
    /// `Access-Control-Request-Method`.
    pub request_method: Single<'r>,
    /// `Access-Control-Request-Headers` lines.
    pub request_headers: L,
    /// `Access-Control-Request-Private-Network`.
    pub request_private_network: Single<'r>,
}

impl<'r, L> Request<'r, L> {
    /// Is this a CORS-preflight request: `OPTIONS` with `Origin` and ACRM (R2)?
    pub fn is_preflight(&self) -> bool {
        self.method == b"OPTIONS" && self.origin.is_present() && self.request_method.is_present()
    }
}
