//! `Vary`, merged into whatever the application already sent (R36, R37).
//!
//! Every existing `Vary` line is kept; our tokens are added only if missing (case-insensitively);
//! `Vary: *` is left alone, since it already varies on everything. When the response has no `Vary`
//! the value is a static one and nothing is allocated.

use actix_web::http::header::{HeaderMap, HeaderValue, VARY};

/// Adds `tokens` (a `, `-separated list) to the response's `Vary`.
pub(crate) fn merge(headers: &mut HeaderMap, tokens: &'static str) {
    let existing = || {
        headers
            .get_all(VARY)
            .flat_map(|v| v.to_str().unwrap_or("").split(','))
            .map(str::trim)
            .filter(|t| !t.is_empty())
    };
    let has = |token: &str| existing().any(|e| e.eq_ignore_ascii_case(token));
    let lines = headers.get_all(VARY).count();
    if lines == 0 {
        headers.insert(VARY, HeaderValue::from_static(tokens));
        return;
    }
    if has("*") || (lines == 1 && tokens.split(", ").all(has)) {
        return;
    }
    // One line with every token once. The only allocation of the middleware on an actual
    // request, and only when the application already sent a `Vary` without ours.
    let mut merged = String::with_capacity(headers.get_all(VARY).map(|v| v.len() + 2).sum::<usize>() + tokens.len());
    for token in existing().chain(tokens.split(", ")) {
        if !merged.split(", ").any(|m| m.eq_ignore_ascii_case(token)) {
            if !merged.is_empty() {
                merged.push_str(", ");
            }
            merged.push_str(token);
        }
    }
    // `Bytes::from(String)` takes the buffer over: no copy.
    if let Ok(value) = HeaderValue::from_maybe_shared(bytes::Bytes::from(merged)) {
        headers.insert(VARY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vary_after(existing: &[&str], tokens: &'static str) -> Vec<String> {
        let mut headers = HeaderMap::new();
        for v in existing {
            headers.append(VARY, HeaderValue::from_str(v).unwrap());
        }
        merge(&mut headers, tokens);
        headers.get_all(VARY).map(|v| v.to_str().unwrap().to_owned()).collect()
    }

    #[test]
    fn r36_inserted_when_absent() {
        assert_eq!(vary_after(&[], "Origin"), ["Origin"]);
    }

    #[test]
    fn r36_appended_to_every_existing_line() {
        assert_eq!(
            vary_after(&["Accept", "Accept-Encoding"], "Origin"),
            ["Accept, Accept-Encoding, Origin"]
        );
    }

    #[test]
    fn r36_deduplicated_case_insensitively() {
        assert_eq!(vary_after(&["origin, Accept"], "Origin"), ["origin, Accept"]);
        assert_eq!(vary_after(&["Accept, Accept"], "Origin"), ["Accept, Origin"]);
    }

    #[test]
    fn r36_star_is_respected() {
        assert_eq!(vary_after(&["*"], "Origin"), ["*"]);
    }

    #[test]
    fn r37_preflight_tokens() {
        assert_eq!(
            vary_after(&["Accept-Encoding"], cors_core::PREFLIGHT_VARY),
            ["Accept-Encoding, Origin, Access-Control-Request-Method, Access-Control-Request-Headers"]
        );
    }
}
