//! Label-aware origin patterns: `https://*.example.com` (one or more labels before `.example.com`,
//! same scheme and port) and `http://localhost:*` (any port). Compiled into a structured matcher,
//! never a regex or a string prefix/suffix test on raw input (§3 rows 3–6, 32).

use std::borrow::Cow;

use crate::origin::{HostKind, Origin, OriginSyntax};

/// Which ports a pattern accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PortRule {
    /// Exactly this explicit port, or none (the scheme's default).
    Exact(Option<u16>),
    /// Any port, including none.
    Any,
}

/// A compiled origin pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginPattern {
    pub(crate) text: Cow<'static, str>,
    pub(crate) scheme: Cow<'static, str>,
    /// The fixed part of the host (`example.com` in `*.example.com`).
    pub(crate) base: Cow<'static, str>,
    pub(crate) base_kind: HostKind,
    pub(crate) subdomains: bool,
    pub(crate) port: PortRule,
}

/// Why a pattern is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PatternSyntax {
    /// `*` somewhere other than a whole leftmost label or the whole port.
    MisplacedWildcard,
    /// `*.` in front of an IP address.
    WildcardIpAddress,
    /// The rest of the pattern is not an origin.
    Origin(OriginSyntax),
}

impl OriginPattern {
    /// Parses a pattern; the text must contain at least one `*`.
    pub(crate) fn parse(text: &str) -> Result<Self, PatternSyntax> {
        let (scheme, rest) = text
            .split_once("://")
            .ok_or(PatternSyntax::Origin(OriginSyntax::MissingScheme))?;
        let (subdomains, rest) = match rest.strip_prefix("*.") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let (any_port, rest) = match rest.strip_suffix(":*") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        if rest.contains('*') || scheme.contains('*') || !(subdomains || any_port) {
            return Err(PatternSyntax::MisplacedWildcard);
        }
        // What remains must be an ordinary origin; reuse the one strict parser.
        let plain = format!("{scheme}://{rest}");
        let origin = Origin::parse(plain.as_bytes()).map_err(PatternSyntax::Origin)?;
        if subdomains && origin.host_kind != HostKind::Domain {
            return Err(PatternSyntax::WildcardIpAddress);
        }
        Ok(OriginPattern {
            text: Cow::Owned(text.to_owned()),
            scheme: Cow::Owned(origin.scheme.to_owned()),
            base: Cow::Owned(origin.host.to_owned()),
            base_kind: origin.host_kind,
            subdomains,
            port: if any_port {
                PortRule::Any
            } else {
                PortRule::Exact(origin.port)
            },
        })
    }

    /// Does the (already validated) request origin match? Allocation-free.
    #[inline]
    pub(crate) fn matches(&self, origin: &Origin<'_>) -> bool {
        if origin.scheme != &*self.scheme {
            return false;
        }
        if let PortRule::Exact(port) = self.port {
            if origin.port != port {
                return false;
            }
        }
        if !self.subdomains {
            return origin.host == &*self.base;
        }
        // One or more whole labels in front of the base: `a.example.com`, `a.b.example.com`, but
        // neither `example.com` nor `evilexample.com` (§3 row 3).
        let host = origin.host.as_bytes();
        let base = self.base.as_bytes();
        origin.host_kind == HostKind::Domain
            && host.len() > base.len() + 1
            && host.ends_with(base)
            && host[host.len() - base.len() - 1] == b'.'
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, origin: &str) -> bool {
        let p = OriginPattern::parse(pattern).unwrap();
        Origin::parse(origin.as_bytes()).map(|o| p.matches(&o)).unwrap_or(false)
    }

    #[test]
    fn subdomain_patterns_are_label_aware() {
        let p = "https://*.example.org";
        assert!(m(p, "https://a.example.org"));
        assert!(m(p, "https://a.b.example.org"));
        assert!(!m(p, "https://example.org"));
        assert!(!m(p, "https://evilexample.org"));
        assert!(!m(p, "https://a.example.org.evil.net"));
        assert!(!m(p, "http://a.example.org"));
        assert!(!m(p, "https://a.example.org:8443"));
        assert!(!m(p, "https://a.example.org_.evil.net"));
    }

    #[test]
    fn port_patterns() {
        let p = "http://localhost:*";
        assert!(m(p, "http://localhost"));
        assert!(m(p, "http://localhost:3000"));
        assert!(!m(p, "https://localhost:3000"));
        assert!(!m(p, "http://localhost.evil.net:3000"));
        assert!(m("https://*.example.com:*", "https://a.example.com:8443"));
    }

    #[test]
    fn malformed_patterns() {
        assert_eq!(
            OriginPattern::parse("https://foo*.example.com"),
            Err(PatternSyntax::MisplacedWildcard)
        );
        assert_eq!(
            OriginPattern::parse("https://*example.com"),
            Err(PatternSyntax::MisplacedWildcard)
        );
        assert_eq!(
            OriginPattern::parse("*://example.com"),
            Err(PatternSyntax::MisplacedWildcard)
        );
        assert_eq!(
            OriginPattern::parse("https://*.1.2.3.4"),
            Err(PatternSyntax::WildcardIpAddress)
        );
        assert_eq!(
            OriginPattern::parse("https://*.example.com/"),
            Err(PatternSyntax::Origin(OriginSyntax::Path))
        );
    }
}
