//! A bounded, allocation-free reader for `#token` comma lists such as
//! `Access-Control-Request-Headers` (R23, R29, attack catalogue §3 #14).
//!
//! Browsers send a clean, lower-cased, sorted list with no spaces (R5). Anything else is tolerated
//! within limits: the work is one pass over the bytes, nothing is collected, and the reader gives
//! up as soon as the input stops looking like something a browser or an honest proxy would send.

use crate::token::{is_ows, is_token};

/// Empty elements tolerated in one request (`a,,b` has one). Browsers send none; an intermediary
/// may add a few; thousands are an attack (rs/cors GHSA-vh9x-phq6-fx54).
pub(crate) const MAX_EMPTY_ELEMENTS: usize = 16;

/// Why a list could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListError {
    /// An element is not a `token`.
    NotAToken,
    /// More than [`MAX_EMPTY_ELEMENTS`] empty elements.
    TooManyEmptyElements,
}

/// Calls `visit` with every non-empty element of every line, in order, after trimming optional
/// whitespace. Stops early when `visit` returns `Err`, and returns that error.
pub(crate) fn for_each_element<'a, I, E>(
    lines: I,
    mut visit: impl FnMut(&'a [u8]) -> Result<(), E>,
) -> Result<(), Result<ListError, E>>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    let mut empty = 0usize;
    for line in lines {
        for raw in line.split(|&b| b == b',') {
            let element = trim_ows(raw);
            if element.is_empty() {
                empty += 1;
                if empty > MAX_EMPTY_ELEMENTS {
                    return Err(Ok(ListError::TooManyEmptyElements));
                }
                continue;
            }
            if !is_token(element) {
                return Err(Ok(ListError::NotAToken));
            }
            visit(element).map_err(Err)?;
        }
    }
    Ok(())
}

fn trim_ows(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if !is_ows(*first) {
            break;
        }
        s = rest;
    }
    while let [rest @ .., last] = s {
        if !is_ows(*last) {
            break;
        }
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(lines: &[&str]) -> Result<Vec<String>, ListError> {
        let mut out = Vec::new();
        for_each_element(lines.iter().map(|l| l.as_bytes()), |e| {
            out.push(String::from_utf8_lossy(e).into_owned());
            Ok::<(), ()>(())
        })
        .map_err(|e| e.unwrap())?;
        Ok(out)
    }

    #[test]
    fn r23_ows_and_empty_elements_are_tolerated() {
        assert_eq!(collect(&[" a ,\tb,,c "]).unwrap(), ["a", "b", "c"]);
        assert_eq!(
            collect(&[",y-lol,x-PriNT, ,,,Y-PRINT"]).unwrap(),
            ["y-lol", "x-PriNT", "Y-PRINT"]
        );
    }

    #[test]
    fn r3_split_lines_are_read_as_one_list() {
        assert_eq!(collect(&["a,b", "c"]).unwrap(), ["a", "b", "c"]);
    }

    #[test]
    fn r23_a_non_token_element_fails_the_list() {
        assert_eq!(collect(&["x-foo, bad value"]), Err(ListError::NotAToken));
        assert_eq!(collect(&["b@d"]), Err(ListError::NotAToken));
    }

    #[test]
    fn r29_thousands_of_commas_are_refused_early() {
        let hostile = ",".repeat(16 * 1024);
        assert_eq!(collect(&[&hostile]), Err(ListError::TooManyEmptyElements));
        assert!(collect(&[&",".repeat(MAX_EMPTY_ELEMENTS - 1)]).unwrap().is_empty());
    }
}
