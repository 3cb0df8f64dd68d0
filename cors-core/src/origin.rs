//! Serialized origins (R4): `scheme "://" host [ ":" port ]`, exactly as a browser writes them.
//!
//! One strict parser serves both sides: a request's `Origin` value, where anything a browser would
//! not send is simply not allowed (§3 rows 4–13, 29–31), and a policy's configured origins, where
//! each failure becomes a [`crate::Problem`] that says what to write instead.

use std::fmt::{self, Write as _};
use std::net::{Ipv4Addr, Ipv6Addr};

/// Longest scheme accepted (bounds the work on hostile input, R29).
const MAX_SCHEME_LEN: usize = 64;
/// Longest host accepted: a DNS name is at most 253 bytes; a bracketed IPv6 address is shorter.
const MAX_HOST_LEN: usize = 253;
/// Longest serialized origin: scheme, `://`, host, `:`, five port digits.
pub(crate) const MAX_ORIGIN_LEN: usize = MAX_SCHEME_LEN + 3 + MAX_HOST_LEN + 6;

/// What kind of host an origin has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    /// A DNS name such as `app.example.com`.
    Domain,
    /// A dotted-quad IPv4 address.
    Ipv4,
    /// A bracketed IPv6 address.
    Ipv6,
}

/// A syntactically valid, canonical serialized origin, borrowed from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin<'a> {
    /// The whole serialized origin.
    pub text: &'a str,
    /// `https`, `http`, ...
    pub scheme: &'a str,
    /// The host, with brackets for IPv6.
    pub host: &'a str,
    /// The explicit port, if any (never the scheme's default port).
    pub port: Option<u16>,
    /// What the host is.
    pub host_kind: HostKind,
}

/// Why a text is not a canonical serialized origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginSyntax {
    /// Nothing at all.
    Empty,
    /// Longer than any real origin.
    TooLong,
    /// Bytes outside ASCII (e.g. a raw Unicode host).
    NonAscii,
    /// Spaces, commas or control characters (e.g. a list of origins).
    InvalidCharacter,
    /// No `scheme://`.
    MissingScheme,
    /// The scheme is not `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
    InvalidScheme,
    /// Upper-case letters in the scheme or host.
    UpperCase,
    /// `user@` before the host.
    Userinfo,
    /// A `/` after the host, including a lone trailing slash.
    Path,
    /// A `?` after the host.
    Query,
    /// A `#` after the host.
    Fragment,
    /// No host.
    EmptyHost,
    /// A host that is not a lower-case DNS name, a canonical IPv4 address or a canonical IPv6 address.
    InvalidHost,
    /// A port that is not 1..=65535 written without leading zeros.
    InvalidPort,
    /// The scheme's default port written out (`https://a.com:443`).
    DefaultPort,
}

impl OriginSyntax {
    /// A short description of the problem.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Empty => "is empty",
            Self::TooLong => "is longer than any serialized origin",
            Self::NonAscii => "contains non-ASCII characters; browsers send hosts in punycode",
            Self::InvalidCharacter => "contains spaces or control characters; an origin is one scheme://host[:port]",
            Self::MissingScheme => "has no scheme (expected scheme://host[:port])",
            Self::InvalidScheme => "has an invalid scheme",
            Self::UpperCase => "has upper-case letters, which browsers never send",
            Self::Userinfo => "has userinfo (user@), which browsers never send in an origin",
            Self::Path => "has a path or trailing slash, which an origin never has",
            Self::Query => "has a query, which an origin never has",
            Self::Fragment => "has a fragment, which an origin never has",
            Self::EmptyHost => "has no host",
            Self::InvalidHost => "has a host that is not a canonical domain, IPv4 or IPv6 address",
            Self::InvalidPort => "has a port that is not 1..=65535 without leading zeros",
            Self::DefaultPort => "writes out the scheme's default port, which browsers omit",
        }
    }
}

/// The port a scheme implies when none is written.
pub(crate) fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

impl<'a> Origin<'a> {
    /// Parses a canonical serialized origin. `null` is not an origin here: callers handle it.
    pub fn parse(bytes: &'a [u8]) -> Result<Self, OriginSyntax> {
        if bytes.is_empty() {
            return Err(OriginSyntax::Empty);
        }
        if bytes.len() > MAX_ORIGIN_LEN {
            return Err(OriginSyntax::TooLong);
        }
        if !bytes.is_ascii() {
            return Err(OriginSyntax::NonAscii);
        }
        if !bytes.iter().all(|b| (0x21..0x7f).contains(b)) {
            return Err(OriginSyntax::InvalidCharacter);
        }
        // Checked above: printable ASCII is valid UTF-8.
        let text = std::str::from_utf8(bytes).map_err(|_| OriginSyntax::NonAscii)?;
        let separator = bytes
            .windows(3)
            .position(|w| w == b"://")
            .ok_or(OriginSyntax::MissingScheme)?;
        let (scheme, rest) = (&text[..separator], &text[separator + 3..]);
        validate_scheme(scheme)?;

        // The authority ends at the first '/', '?' or '#'; what follows is never part of an origin.
        let end = rest
            .bytes()
            .position(|b| matches!(b, b'/' | b'?' | b'#'))
            .unwrap_or(rest.len());
        let authority = &rest[..end];
        if authority.bytes().any(|b| b == b'@') {
            return Err(OriginSyntax::Userinfo);
        }
        match rest.as_bytes().get(end) {
            Some(b'/') => return Err(OriginSyntax::Path),
            Some(b'?') => return Err(OriginSyntax::Query),
            Some(b'#') => return Err(OriginSyntax::Fragment),
            _ => {}
        }

        let (host, port_text) = split_host_port(authority)?;
        let host_kind = validate_host(host)?;
        let port = match port_text {
            None => None,
            Some(p) => Some(parse_port(p)?),
        };
        if port.is_some() && port == default_port(scheme) {
            return Err(OriginSyntax::DefaultPort);
        }
        Ok(Origin {
            text,
            scheme,
            host,
            port,
            host_kind,
        })
    }

    /// Is this origin on the loopback interface (`localhost`, `*.localhost`, 127.0.0.0/8, `[::1]`)?
    /// Such origins are potentially trustworthy even over `http` (§5.1).
    pub fn is_loopback(&self) -> bool {
        is_loopback_host(self.host, self.host_kind)
    }

    /// Is the scheme one that protects the origin from a network attacker?
    pub fn is_secure_scheme(&self) -> bool {
        !matches!(self.scheme, "http" | "ws")
    }
}

pub(crate) fn is_loopback_host(host: &str, kind: HostKind) -> bool {
    match kind {
        HostKind::Domain => host == "localhost" || host.ends_with(".localhost"),
        HostKind::Ipv4 => host.starts_with("127."),
        HostKind::Ipv6 => host == "[::1]",
    }
}

fn validate_scheme(scheme: &str) -> Result<(), OriginSyntax> {
    let b = scheme.as_bytes();
    if b.is_empty() || b.len() > MAX_SCHEME_LEN || !b[0].is_ascii_alphabetic() {
        return Err(OriginSyntax::InvalidScheme);
    }
    if !b
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
    {
        return Err(OriginSyntax::InvalidScheme);
    }
    if b.iter().any(u8::is_ascii_uppercase) {
        return Err(OriginSyntax::UpperCase);
    }
    Ok(())
}

fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), OriginSyntax> {
    if authority.starts_with('[') {
        let close = authority.find(']').ok_or(OriginSyntax::InvalidHost)?;
        let (host, after) = authority.split_at(close + 1);
        return match after {
            "" => Ok((host, None)),
            _ => after
                .strip_prefix(':')
                .map(|p| (host, Some(p)))
                .ok_or(OriginSyntax::InvalidHost),
        };
    }
    Ok(match authority.bytes().position(|b| b == b':') {
        Some(colon) => (&authority[..colon], Some(&authority[colon + 1..])),
        None => (authority, None),
    })
}

fn parse_port(p: &str) -> Result<u16, OriginSyntax> {
    let b = p.as_bytes();
    if b.is_empty() || b.len() > 5 || b[0] == b'0' || !b.iter().all(u8::is_ascii_digit) {
        return Err(OriginSyntax::InvalidPort);
    }
    p.parse::<u16>().map_err(|_| OriginSyntax::InvalidPort)
}

fn validate_host(host: &str) -> Result<HostKind, OriginSyntax> {
    if host.is_empty() {
        return Err(OriginSyntax::EmptyHost);
    }
    if host.len() > MAX_HOST_LEN {
        return Err(OriginSyntax::TooLong);
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        if inner.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(OriginSyntax::UpperCase);
        }
        // Browsers write IPv6 as the URL standard serializes it: compressed, lower-case hex, and
        // never the dotted form that std prints for IPv4-mapped addresses (`::ffff:7f00:1`).
        let addr: Ipv6Addr = inner.parse().map_err(|_| OriginSyntax::InvalidHost)?;
        return if displays_as(UrlIpv6(addr), inner) {
            Ok(HostKind::Ipv6)
        } else {
            Err(OriginSyntax::InvalidHost)
        };
    }
    if host.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(OriginSyntax::UpperCase);
    }
    // One pass over the bytes: labels of 1..=63 lower-case letters, digits, `-` or `_`. This runs
    // for every origin that no exact entry matched, so it avoids `str::split`'s searchers.
    let (mut label_len, mut last_label) = (0usize, 0usize);
    for (i, b) in host.bytes().enumerate() {
        if b == b'.' {
            if label_len == 0 {
                return Err(OriginSyntax::InvalidHost);
            }
            label_len = 0;
            last_label = i + 1;
        } else if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' {
            label_len += 1;
            if label_len > 63 {
                return Err(OriginSyntax::InvalidHost);
            }
        } else {
            return Err(OriginSyntax::InvalidHost);
        }
    }
    if label_len == 0 {
        return Err(OriginSyntax::InvalidHost);
    }
    // A URL parser turns a host whose last label is numeric into an IPv4 address (`127.1` is
    // `127.0.0.1`), so such a host is only canonical as a plain dotted quad.
    let last = &host[last_label..];
    let numeric = last.bytes().all(|b| b.is_ascii_digit()) || last.starts_with("0x");
    if numeric {
        let addr: Ipv4Addr = host.parse().map_err(|_| OriginSyntax::InvalidHost)?;
        return if displays_as(addr, host) {
            Ok(HostKind::Ipv4)
        } else {
            Err(OriginSyntax::InvalidHost)
        };
    }
    Ok(HostKind::Domain)
}

/// Does `value` display exactly as `text`? Compares while formatting, so that checking a
/// request's IP-literal origin allocates nothing (`Policy::decide` is allocation-free).
fn displays_as(value: impl fmt::Display, text: &str) -> bool {
    struct Expect<'a>(&'a [u8]);
    impl fmt::Write for Expect<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0 = self.0.strip_prefix(s.as_bytes()).ok_or(fmt::Error)?;
            Ok(())
        }
    }
    let mut expect = Expect(text.as_bytes());
    write!(expect, "{value}").is_ok() && expect.0.is_empty()
}

/// The URL standard's IPv6 serializer (without brackets): the first longest run of two or more
/// zero pieces becomes `::`, every other piece is lower-case hex without leading zeros.
struct UrlIpv6(Ipv6Addr);

impl fmt::Display for UrlIpv6 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pieces = self.0.segments();
        let (mut compress, mut longest, mut run) = (None, 1, 0);
        for (i, &piece) in pieces.iter().enumerate() {
            run = if piece == 0 { run + 1 } else { 0 };
            if run > longest {
                longest = run;
                compress = Some(i + 1 - run);
            }
        }
        let mut i = 0;
        while i < pieces.len() {
            if Some(i) == compress {
                f.write_str(if i == 0 { "::" } else { ":" })?;
                i += longest;
                continue;
            }
            write!(f, "{:x}", pieces[i])?;
            if i != pieces.len() - 1 {
                f.write_char(':')?;
            }
            i += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> OriginSyntax {
        Origin::parse(s.as_bytes()).unwrap_err()
    }

    #[test]
    fn r4_canonical_origins_parse() {
        for ok in [
            "https://example.com",
            "http://localhost:3000",
            "https://xn--bcher-kva.example",
            "http://127.0.0.1:8080",
            "http://[::1]:8080",
            "chrome-extension://abcdef",
            "https://a_b.example.com",
        ] {
            let o = Origin::parse(ok.as_bytes()).unwrap_or_else(|e| panic!("{ok}: {e:?}"));
            assert_eq!(o.text, ok);
        }
    }

    #[test]
    fn r4_non_canonical_forms_are_rejected() {
        assert_eq!(err("https://example.com/"), OriginSyntax::Path);
        assert_eq!(err("https://example.com/x"), OriginSyntax::Path);
        assert_eq!(err("https://example.com?"), OriginSyntax::Query);
        assert_eq!(err("https://example.com#"), OriginSyntax::Fragment);
        assert_eq!(err("https://example.com@evil.net"), OriginSyntax::Userinfo);
        assert_eq!(err("https://evil.net#@example.com"), OriginSyntax::Fragment);
        assert_eq!(err("https://EXAMPLE.com"), OriginSyntax::UpperCase);
        assert_eq!(err("HTTPS://example.com"), OriginSyntax::UpperCase);
        assert_eq!(err("https://example.com:443"), OriginSyntax::DefaultPort);
        assert_eq!(err("http://example.com:80"), OriginSyntax::DefaultPort);
        assert_eq!(err("https://example.com:0"), OriginSyntax::InvalidPort);
        assert_eq!(err("https://example.com:65536"), OriginSyntax::InvalidPort);
        assert_eq!(err("https://example.com:080"), OriginSyntax::InvalidPort);
        assert_eq!(err("example.com"), OriginSyntax::MissingScheme);
        assert_eq!(err("https://bücher.example"), OriginSyntax::NonAscii);
        assert_eq!(err("http://0x7f.1"), OriginSyntax::InvalidHost);
        assert_eq!(err("http://127.1"), OriginSyntax::InvalidHost);
        assert_eq!(err("http://[0:0::1]"), OriginSyntax::InvalidHost);
        assert_eq!(err("https://example.com}.evil.net"), OriginSyntax::InvalidHost);
        assert_eq!(err("https://a.com https://b.com"), OriginSyntax::InvalidCharacter);
        assert_eq!(err(""), OriginSyntax::Empty);
        assert_eq!(
            err(&format!("https://{}.com", "a".repeat(100_000))),
            OriginSyntax::TooLong
        );
    }
}
