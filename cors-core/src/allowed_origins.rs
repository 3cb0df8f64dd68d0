//! The compiled set of allowed origins and the per-request origin check (R7–R10, R13, §3 1–13).

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use crate::origin::Origin;
use crate::origin_pattern::OriginPattern;

/// A user predicate on a validated serialized origin.
pub type OriginPredicate = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// Which origins a policy allows, in compiled form.
#[derive(Clone)]
pub(crate) enum AllowedOrigins {
    /// Every origin; answered with the literal `*` and never with credentials (R18).
    Any,
    /// An allow-list.
    List {
        exact: ExactOrigins,
        patterns: Cow<'static, [OriginPattern]>,
        predicates: Vec<OriginPredicate>,
        /// `Origin: null` allowed (explicit, dangerous opt-in, R10).
        null: bool,
    },
}

/// Exact serialized origins.
#[derive(Clone)]
pub(crate) enum ExactOrigins {
    /// Built at start-up: one hash lookup, independent of the list's size.
    Hashed(HashSet<Box<str>>),
    /// Built at compile time by the macros: sorted, found by binary search.
    Sorted(&'static [&'static str]),
}

impl ExactOrigins {
    #[inline]
    fn contains(&self, origin: &str) -> bool {
        match self {
            ExactOrigins::Hashed(set) => set.contains(origin),
            ExactOrigins::Sorted(list) => list.binary_search(&origin).is_ok(),
        }
    }

    /// The origins, sorted.
    pub(crate) fn sorted(&self) -> Vec<&str> {
        let mut all: Vec<&str> = match self {
            ExactOrigins::Hashed(set) => set.iter().map(|o| &**o).collect(),
            ExactOrigins::Sorted(list) => list.to_vec(),
        };
        all.sort_unstable();
        all
    }
}

/// The outcome of the origin check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OriginCheck {
    Allowed,
    NotAllowed,
    Malformed,
    Null,
}

impl AllowedOrigins {
    /// Checks one `Origin` value. Allocation-free; exact origins cost one hash of the value.
    pub(crate) fn check(&self, value: &[u8]) -> OriginCheck {
        let AllowedOrigins::List {
            exact,
            patterns,
            predicates,
            null,
        } = self
        else {
            return OriginCheck::Allowed;
        };
        if value == b"null" {
            return if *null { OriginCheck::Allowed } else { OriginCheck::Null };
        }
        // Configured origins are canonical, so a byte-exact hit needs no parsing (R7). Overlong
        // values are refused before they are hashed (R29).
        if value.len() <= crate::origin::MAX_ORIGIN_LEN {
            if let Ok(text) = std::str::from_utf8(value) {
                if exact.contains(text) {
                    return OriginCheck::Allowed;
                }
            }
        }
        if patterns.is_empty() && predicates.is_empty() {
            return match Origin::parse(value) {
                Ok(_) => OriginCheck::NotAllowed,
                Err(_) => OriginCheck::Malformed,
            };
        }
        let Ok(origin) = Origin::parse(value) else {
            return OriginCheck::Malformed;
        };
        if patterns.iter().any(|p| p.matches(&origin)) || predicates.iter().any(|f| f(origin.text)) {
            OriginCheck::Allowed
        } else {
            OriginCheck::NotAllowed
        }
    }
}

impl fmt::Debug for AllowedOrigins {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AllowedOrigins::Any => f.write_str("Any"),
            AllowedOrigins::List {
                exact,
                patterns,
                predicates,
                null,
            } => f
                .debug_struct("List")
                .field("exact", &exact.sorted())
                .field(
                    "patterns",
                    &patterns.iter().map(OriginPattern::as_str).collect::<Vec<_>>(),
                )
                .field("predicates", &predicates.len())
                .field("null", null)
                .finish(),
        }
    }
}
