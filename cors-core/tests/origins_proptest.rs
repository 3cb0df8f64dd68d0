//! Property tests for the origin parser and the allow-list (R4, R7, §3 rows 3–13 and 22): random
//! input never panics, and the policy's exact-set decision equals a naive `HashSet<String>` oracle,
//! including for near-misses built by mutating and splicing allowed origins
//! (jub0bs/cors GHSA-vhxv-fg4m-p2w8: allow `https://foo.com` and `https://bar.com`, get
//! `https://barfoo.com`). Both compiled forms are checked: the builder's hash set and the sorted
//! slice the attribute macros write at compile time.

mod common;

use std::collections::HashSet;

use common::*;
use cors_core::origin::Origin;
use cors_core::{AllowOrigin, Decision, OriginPattern, Policy, StaticPattern, StaticPolicy};
use proptest::prelude::*;

/// Labels from a tiny alphabet, so that generated origins share prefixes and suffixes.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "foo",
            "bar",
            "foobar",
            "barfoo",
            "o",
            "f",
            "co",
            "com",
            "xn--bcher-kva",
            "a-b",
            "a_b"
        ])
        .prop_map(str::to_owned),
        "[a-z0-9]{1,6}",
    ]
}

/// A canonical serialized origin: scheme, 1–4 labels, optional non-default port.
fn valid_origin() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["http", "https"]),
        prop::collection::vec(label(), 1..4),
        prop::sample::select(vec!["com", "co", "org", "example"]),
        prop::option::of(prop_oneof![Just(8080u16), Just(3000u16), 1u16..=65535]),
    )
        .prop_map(|(scheme, labels, tld, port)| {
            let mut s = format!("{scheme}://{}.{tld}", labels.join("."));
            let default = if scheme == "https" { 443 } else { 80 };
            if let Some(p) = port.filter(|&p| p != default) {
                s.push_str(&format!(":{p}"));
            }
            s
        })
}

/// Text that looks somewhat like an origin, to reach deep into the parser.
fn origin_ish() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9+.-]{0,8}(://)?[\\[\\]a-zA-Z0-9.:@/?#%_ ,*-]{0,40}"
}

/// Mutations of allowed origins: edits, truncations, splices of two allowed origins, case flips
/// and the suffixes of §3 rows 8–11.
fn mutate(allowed: &[String], op: u8, a: usize, b: usize, pos: usize, pos2: usize, byte: u8) -> String {
    let x = allowed[a % allowed.len()].as_bytes();
    let y = allowed[b % allowed.len()].as_bytes();
    let i = pos % (x.len() + 1);
    let j = pos2 % (y.len() + 1);
    let ins = b"./:@-_aAz0#?%"[byte as usize % 13];
    let bytes: Vec<u8> = match op % 10 {
        0 if i < x.len() => [&x[..i], &x[i + 1..]].concat(), // delete
        1 => [&x[..i], &[ins], &x[i..]].concat(),            // insert
        2 if i < x.len() => [&x[..i], &[ins], &x[i + 1..]].concat(), // replace
        3 => [&x[..i], &y[j..]].concat(),                    // splice x's head to y's tail
        4 => [y, &x[i..]].concat(),                          // y followed by a tail of x
        5 => x[..i].to_vec(),                                // truncate
        6 => x
            .iter()
            .enumerate()
            .map(|(k, c)| if k == i { c.to_ascii_uppercase() } else { *c })
            .collect(),
        7 => {
            let suffixes: [&[u8]; 7] = [b"/", b":443", b":80", b".", b"?", b"#", b" "];
            [x, suffixes[byte as usize % 7]].concat()
        }
        8 => {
            // barfoo: y's host glued in front of x's host.
            let host_start = |o: &[u8]| o.windows(3).position(|w| w == b"://").map_or(0, |p| p + 3);
            let (hx, hy) = (host_start(x), host_start(y));
            let y_label_end = y[hy..].iter().position(|&c| c == b'.').map_or(y.len(), |p| hy + p);
            [&x[..hx], &y[hy..y_label_end], &x[hx..]].concat()
        }
        _ => x.to_vec(), // unchanged: must be allowed
    };
    String::from_utf8(bytes).expect("ASCII in, ASCII out")
}

fn mirrored(d: &Decision<'_>) -> bool {
    matches!(d, Decision::Actual(h) if h.allow_origin == AllowOrigin::Mirror)
        || matches!(d, Decision::Preflight(h) if h.allow_origin == AllowOrigin::Mirror)
}

/// The policy's decision for `candidate`, on an actual request and on a preflight, compared with
/// the oracle.
fn agrees_with_oracle(policy: &Policy, oracle: &HashSet<String>, candidate: &str) -> Result<(), TestCaseError> {
    let expected = oracle.contains(candidate);
    let actual = policy.decide(get(candidate).request());
    prop_assert_eq!(mirrored(&actual), expected, "GET {:?}: {:?}", candidate, actual);
    let pf = policy.decide(preflight(candidate, "GET", &[]).request());
    prop_assert_eq!(mirrored(&pf), expected, "preflight {:?}: {:?}", candidate, pf);
    Ok(())
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn leak_list(v: Option<Vec<String>>) -> Option<&'static [&'static str]> {
    v.map(|v| &*Box::leak(v.into_iter().map(leak_str).collect::<Vec<_>>().into_boxed_slice()))
}

/// The same policy in the form the macros write at compile time (`compiled_parts` ->
/// `from_static`), whose exact origins are a sorted slice searched by bisection instead of a hash
/// set. Leaks a little memory per call, which is fine in a test.
fn static_twin(policy: &Policy) -> Policy {
    let parts = policy.compiled_parts();
    let patterns: Vec<OriginPattern> = parts
        .patterns
        .into_iter()
        .map(|c| {
            let p = Box::leak(Box::new(StaticPattern {
                text: leak_str(c.text),
                scheme: leak_str(c.scheme),
                base: leak_str(c.base),
                base_is_domain: c.base_is_domain,
                subdomains: c.subdomains,
                any_port: c.any_port,
                port: c.port,
            }));
            OriginPattern::from_static(p)
        })
        .collect();
    let parts = Box::leak(Box::new(StaticPolicy {
        exact_origins: leak_list(parts.exact_origins),
        null_origin: parts.null_origin,
        credentials: parts.credentials,
        methods: leak_list(parts.methods),
        headers: leak_list(parts.headers),
        any_header_authorization: parts.any_header_authorization,
        allow_headers: parts.allow_headers.map(leak_str),
        expose_headers: parts.expose_headers.map(leak_str),
        max_age: parts.max_age.map(leak_str),
        private_network: parts.private_network,
        preflight_status: parts.preflight_status,
        rejection_status: parts.rejection_status,
    }));
    Policy::from_static(parts, Box::leak(patterns.into_boxed_slice()))
}

proptest! {
    // No regression file: integration tests have no lib.rs next to them for proptest to find.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// R4: arbitrary bytes never panic the parser; what it accepts is canonical and round-trips.
    #[test]
    fn parser_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(o) = Origin::parse(&bytes) {
            prop_assert_eq!(o.text.as_bytes(), &bytes[..]);
            let port = o.port.map(|p| format!(":{p}")).unwrap_or_default();
            prop_assert_eq!(format!("{}://{}{}", o.scheme, o.host, port), o.text);
            prop_assert!(!o.text.bytes().any(|b| b.is_ascii_uppercase()));
        }
    }

    #[test]
    fn parser_never_panics_on_origin_like_text(text in origin_ish()) {
        if let Ok(o) = Origin::parse(text.as_bytes()) {
            prop_assert_eq!(o.text, text.as_str());
            prop_assert!(!text.contains(['/', '?', '#', '@', ' ', ',']) || text.matches('/').count() == 2);
        }
    }

    /// Generated canonical origins always parse (the generator and the parser agree on R4).
    #[test]
    fn canonical_origins_parse(text in valid_origin()) {
        let o = Origin::parse(text.as_bytes());
        prop_assert!(o.is_ok(), "{:?}: {:?}", text, o);
    }

    /// R3/R4: `decide` never panics on arbitrary request headers.
    #[test]
    fn decide_never_panics(
        origins in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..60), 0..3),
        acrm in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..12), 0..3),
        acrh in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..40), 0..4),
        options in any::<bool>(),
    ) {
        let policy = build(Policy::builder().allowed_origins(["https://foo.com", "https://*.bar.com"]).allowed_method("PUT").allowed_header("X-Foo"));
        let r = req(if options { "OPTIONS" } else { "GET" }, &[], &[], &[], &[])
            .origin_bytes(origins.clone())
            .acrm_bytes(acrm)
            .acrh_bytes(acrh);
        let d = policy.decide(r.request());
        if mirrored(&d) {
            prop_assert_eq!(origins.len(), 1);
            let o = Origin::parse(&origins[0]);
            prop_assert!(o.is_ok());
        }
    }

    /// §3.22: the exact set behaves like `HashSet::contains` for random strings.
    #[test]
    fn exact_set_matches_oracle_for_random_text(
        allowed in prop::collection::hash_set(valid_origin(), 1..20),
        candidates in prop::collection::vec(prop_oneof![valid_origin(), origin_ish()], 1..20),
    ) {
        let policy = build(Policy::builder().allowed_origins(allowed.iter().cloned()));
        let sorted = static_twin(&policy);
        for c in allowed.iter().chain(&candidates) {
            agrees_with_oracle(&policy, &allowed, c)?;
            agrees_with_oracle(&sorted, &allowed, c)?;
        }
    }

    /// §3.22: ... and for mutations and splices of the allowed origins themselves.
    #[test]
    fn exact_set_matches_oracle_for_mutations(
        allowed in prop::collection::hash_set(valid_origin(), 1..12),
        edits in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>(), any::<usize>(), any::<u8>()), 1..24),
    ) {
        let list: Vec<String> = allowed.iter().cloned().collect();
        let policy = build(Policy::builder().allowed_origins(list.iter().cloned()));
        let sorted = static_twin(&policy);
        for (op, a, b, pos, pos2, byte) in edits {
            let candidate = mutate(&list, op, a, b, pos, pos2, byte);
            agrees_with_oracle(&policy, &allowed, &candidate)?;
            agrees_with_oracle(&sorted, &allowed, &candidate)?;
        }
    }

    /// §3.3: a subdomain pattern matches exactly the origins with the same scheme and port whose
    /// host ends with `.` + base (one or more whole labels in front).
    #[test]
    fn subdomain_pattern_matches_label_oracle(
        base in "(foo|bar|foobar|o)\\.(com|org)",
        scheme in prop::sample::select(vec!["http", "https"]),
        sub in prop::collection::vec(label(), 0..3),
        port in prop::option::of(prop::sample::select(vec![":8443", ":3000"])),
        other in valid_origin(),
        use_other in any::<bool>(),
    ) {
        let policy = build(Policy::builder().allowed_origin(format!("https://*.{base}")));
        let sorted = static_twin(&policy);
        let candidate = if use_other {
            other
        } else {
            let sub: String = sub.iter().map(|l| format!("{l}.")).collect();
            format!("{scheme}://{sub}{base}{}", port.unwrap_or(""))
        };
        let expected = candidate
            .strip_prefix("https://")
            .is_some_and(|host| !host.contains(':') && host.len() > base.len() + 1 && host.ends_with(&format!(".{base}")));
        for p in [&policy, &sorted] {
            let d = p.decide(get(&candidate).request());
            prop_assert_eq!(mirrored(&d), expected, "{:?} vs *.{}: {:?}", candidate, base, d);
        }
    }
}

#[test]
fn mutations_cover_the_barfoo_row() {
    // The mutation generator really produces the GHSA-vhxv-fg4m-p2w8 near-miss.
    let allowed = vec!["https://foo.com".to_owned(), "https://bar.com".to_owned()];
    assert_eq!(mutate(&allowed, 8, 0, 1, 0, 0, 0), "https://barfoo.com");
    assert_eq!(mutate(&allowed, 9, 1, 0, 0, 0, 0), "https://bar.com");
    assert_eq!(mutate(&allowed, 3, 0, 1, 11, 11, 0), "https://foo.com");
    let oracle: HashSet<String> = allowed.iter().cloned().collect();
    let policy = build(Policy::builder().allowed_origins(allowed.iter().cloned()));
    for candidate in [
        "https://barfoo.com",
        "https://foo.com",
        "https://bar.com",
        "https://foobar.com",
    ] {
        agrees_with_oracle(&policy, &oracle, candidate).unwrap();
    }
}
