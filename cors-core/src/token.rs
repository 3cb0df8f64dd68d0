//! RFC 9110 `token` syntax, used by methods and header names (R23, R41).

/// Is `b` a `tchar` (RFC 9110 §5.6.2)?
#[inline]
pub(crate) const fn is_tchar(b: u8) -> bool {
    matches!(b,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`'
        | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
}

/// Is `s` a non-empty `token`?
#[inline]
pub(crate) fn is_token(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(|&b| is_tchar(b))
}

/// Optional whitespace: SP or HTAB.
#[inline]
pub(crate) const fn is_ows(b: u8) -> bool {
    b == b' ' || b == b'\t'
}
