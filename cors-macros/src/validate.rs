//! Stage 2: the policy's rules, checked at compile time by the code that checks them at run time.
//!
//! The AST is applied to a real [`cors_core::PolicyBuilder`] and `build()` is called: no rule is
//! written here. Each [`Problem`] it reports becomes a `syn::Error` on the token the user wrote,
//! worded with the attribute's keys instead of the builder's method names.

use cors_core::{Field, Policy, PolicyBuilder, Problem};
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::LitStr;

use crate::parse::{Call, Errors, Key, PolicyArgs};

/// Builds the policy with cors-core and reports every problem, each on its own token. On a
/// handler, `route_methods` are the methods its route attribute serves: when `methods` is not
/// written they are the policy's methods, and when it is, each must be in it (or need no
/// preflight approval), since a preflight for the handler's own method would otherwise always be
/// refused.
pub(crate) fn validate(policy: &PolicyArgs, route_methods: &[String]) -> syn::Result<Policy> {
    let mut builder = policy.calls().iter().fold(Policy::builder(), apply);
    let needs_listing = |m: &&String| !cors_core::method::is_safelisted(m.as_bytes());
    // Reported only when the `methods` list has no problem of its own, which would be the cause.
    let mut unserved = Vec::new();
    match &policy.methods {
        None => builder = builder.allowed_methods(route_methods.iter().filter(needs_listing)),
        Some(entry) if entry.value.any.is_none() => {
            for method in route_methods.iter().filter(needs_listing) {
                if !entry.value.items.iter().any(|item| item.value() == *method) {
                    unserved.push(syn::Error::new_spanned(
                        &entry.tokens,
                        format!(
                            "this handler serves {method}, which `methods` does not allow, so every preflight for it would be refused; add \"{method}\", or leave `methods` out to allow the handler's own methods"
                        ),
                    ));
                }
            }
        }
        Some(_) => {}
    }
    let mut errors = Errors::default();
    let error = match builder.build() {
        Ok(policy) => {
            unserved.into_iter().for_each(|e| errors.push(e));
            return errors.finish(policy);
        }
        Err(error) => error,
    };
    if !error.problems().iter().any(|p| p.field == Field::AllowedMethods) {
        unserved.into_iter().for_each(|e| errors.push(e));
    }
    for problem in error.problems() {
        errors.push(syn::Error::new_spanned(
            offending_tokens(problem, policy),
            message(problem),
        ));
    }
    match errors.finish(()) {
        Err(e) => Err(e),
        // A `PolicyError` has at least one problem, so this is never reached; say what failed anyway.
        Ok(()) => Err(syn::Error::new(proc_macro2::Span::call_site(), error.to_string())),
    }
}

/// The builder call for one [`Call`]; expansion emits the same call as tokens.
fn apply(b: PolicyBuilder, call: &Call<'_>) -> PolicyBuilder {
    let values = |items: &[LitStr]| items.iter().map(LitStr::value).collect::<Vec<_>>();
    match call {
        Call::AllowedOrigins(items) => b.allowed_origins(values(items)),
        Call::AllowAnyOrigin => b.allow_any_origin(),
        Call::DangerouslyAllowNullOrigin => b.dangerously_allow_null_origin(),
        Call::AllowedMethods(items) => b.allowed_methods(values(items)),
        Call::AllowAnyMethod => b.allow_any_method(),
        Call::AllowedHeaders(items) => b.allowed_headers(values(items)),
        Call::AllowAnyHeader => b.allow_any_header(),
        Call::ExposeHeaders(items) => b.expose_headers(values(items)),
        Call::ExposeAnyHeader => b.expose_any_header(),
        Call::SupportsCredentials => b.supports_credentials(),
        Call::MaxAge(seconds) => b.max_age(seconds.value),
        Call::AllowPrivateNetworkAccess => b.allow_private_network_access(),
        Call::DangerouslyTolerateInsecureOrigins => b.dangerously_tolerate_insecure_origins(),
        Call::DangerouslyTolerateSubdomainsOfPublicSuffixes => b.dangerously_tolerate_subdomains_of_public_suffixes(),
        Call::PreflightStatus(status) => b.preflight_status(status.value),
        Call::PreflightRejectionStatus(status) => b.preflight_rejection_status(status.value),
    }
}

/// The key whose value sets `field`.
fn key_of(field: Field) -> Key {
    match field {
        Field::AllowedOrigins => Key::Origins,
        Field::AllowedMethods => Key::Methods,
        Field::AllowedHeaders => Key::Headers,
        Field::ExposeHeaders => Key::Expose,
        Field::MaxAge => Key::MaxAge,
        Field::SupportsCredentials => Key::Credentials,
        Field::PreflightStatus => Key::PreflightStatus,
        Field::PreflightRejectionStatus => Key::PreflightRejectionStatus,
    }
}

/// Where the problem is: the `index`-th literal of the key's list; the `any` a credentials
/// problem is about; otherwise the key's whole entry. Empty tokens mean the whole attribute.
fn offending_tokens(problem: &Problem, policy: &PolicyArgs) -> TokenStream {
    let key = key_of(problem.field);
    if let Some(index) = problem.index {
        if let Some(item) = policy.list(key).and_then(|entry| entry.value.items.get(index)) {
            return item.to_token_stream();
        }
    }
    if problem.field == Field::SupportsCredentials {
        // The value names the wildcard option that credentials cannot go with.
        let wildcard = match problem.value.as_str() {
            "allow_any_origin" => Some(Key::Origins),
            "allow_any_method" => Some(Key::Methods),
            "allow_any_header" => Some(Key::Headers),
            "expose_any_header" => Some(Key::Expose),
            _ => None,
        };
        if let Some(any) = wildcard
            .and_then(|k| policy.list(k))
            .and_then(|entry| entry.value.any.as_ref())
        {
            return any.to_token_stream();
        }
    }
    if problem.field == Field::AllowedOrigins && problem.value == "null" {
        // The null origin with credentials: the flag that allows it.
        if let Some(entry) = &policy.null_origin {
            return entry.tokens.clone();
        }
    }
    let entry = match key {
        Key::Origins | Key::Methods | Key::Headers | Key::Expose => policy.list(key).map(|e| &e.tokens),
        Key::MaxAge => policy.max_age.as_ref().map(|e| &e.tokens),
        Key::Credentials => policy.credentials.as_ref().map(|e| &e.tokens),
        Key::PreflightStatus => policy.preflight_status.as_ref().map(|e| &e.tokens),
        Key::PreflightRejectionStatus => policy.preflight_rejection_status.as_ref().map(|e| &e.tokens),
        _ => None,
    };
    entry.cloned().unwrap_or_default()
}

/// "origin \"https://x/\" has a path ...; write \"https://x\"", in the attribute's words.
fn message(problem: &Problem) -> String {
    let key = key_of(problem.field).name();
    let noun = match problem.field {
        Field::AllowedOrigins if problem.value.contains('*') => "origin pattern",
        Field::AllowedOrigins => "origin",
        Field::AllowedMethods => "method",
        Field::AllowedHeaders => "header",
        Field::ExposeHeaders => "exposed header",
        _ => key,
    };
    // cors-core's messages about one value have that value as their subject ("is listed twice"),
    // unless they name it themselves ("`*` is not an origin").
    let subject = match (problem.field, problem.index) {
        _ if problem.message.starts_with('`') => None,
        (_, Some(_)) => Some(format!("{noun} {:?}", problem.value)),
        (Field::MaxAge | Field::PreflightStatus | Field::PreflightRejectionStatus, None) => {
            Some(format!("`{key} = {}`", problem.value))
        }
        _ => None,
    };
    let what = match subject {
        Some(subject) => format!("{subject} {}", problem.message),
        None => problem.message.clone(),
    };
    format!("{}; {}", in_attribute_words(&what), in_attribute_words(&problem.fix))
}

/// Builder option names and how the attribute says them, longest first where one is the start of
/// another: the text is rewritten in a single left-to-right pass.
const WORDING: [(&str, &str); 24] = [
    (
        "add allowed_origin(\"https://app.example.com\")",
        "add `origins = [\"https://app.example.com\"]`",
    ),
    ("use allow_any_origin()", "write `origins = any`"),
    ("use allow_any_method()", "write `methods = any`"),
    ("use allow_any_header()", "write `headers = any`"),
    ("use expose_any_header()", "write `expose = any`"),
    (
        "use dangerously_allow_null_origin()",
        "add `dangerously_allow_null_origin`",
    ),
    (
        "call dangerously_tolerate_insecure_origins()",
        "add `dangerously_tolerate_insecure_origins`",
    ),
    (
        "call dangerously_tolerate_subdomains_of_public_suffixes()",
        "add `dangerously_tolerate_subdomains_of_public_suffixes`",
    ),
    ("allow_any_origin()", "`origins = any`"),
    ("allow_any_origin", "`origins = any`"),
    ("allow_any_method()", "`methods = any`"),
    ("allow_any_method", "`methods = any`"),
    ("allow_any_header()", "`headers = any`"),
    ("allow_any_header", "`headers = any`"),
    ("expose_any_header()", "`expose = any`"),
    ("expose_any_header", "`expose = any`"),
    ("supports_credentials()", "`credentials`"),
    ("supports_credentials", "`credentials`"),
    ("dangerously_allow_null_origin()", "`dangerously_allow_null_origin`"),
    ("dangerously_allow_null_origin", "`dangerously_allow_null_origin`"),
    (
        "dangerously_tolerate_insecure_origins()",
        "`dangerously_tolerate_insecure_origins`",
    ),
    (
        "dangerously_tolerate_insecure_origins",
        "`dangerously_tolerate_insecure_origins`",
    ),
    (
        "dangerously_tolerate_subdomains_of_public_suffixes()",
        "`dangerously_tolerate_subdomains_of_public_suffixes`",
    ),
    (
        "dangerously_tolerate_subdomains_of_public_suffixes",
        "`dangerously_tolerate_subdomains_of_public_suffixes`",
    ),
];

/// Rewrites builder wording for the attribute; drops cors-core's own "(or `origins = any` in the
/// attribute)" asides, which the rewrite makes redundant.
fn in_attribute_words(text: &str) -> String {
    let mut text = text.to_owned();
    while let Some(start) = text.find(" (or `") {
        let Some(len) = text[start..].find("` in the attribute)") else {
            break;
        };
        text.replace_range(start..start + len + "` in the attribute)".len(), "");
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text.as_str();
    'scan: while let Some(c) = rest.chars().next() {
        for (builder, attribute) in WORDING {
            if let Some(after) = rest.strip_prefix(builder) {
                out.push_str(attribute);
                rest = after;
                continue 'scan;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording() {
        assert_eq!(
            in_attribute_words("use allow_any_origin() (or `origins = any` in the attribute)"),
            "write `origins = any`"
        );
        assert_eq!(
            in_attribute_words("write \"https://a.example\", or call dangerously_tolerate_insecure_origins()"),
            "write \"https://a.example\", or add `dangerously_tolerate_insecure_origins`"
        );
        assert_eq!(
            in_attribute_words("drop dangerously_allow_null_origin or supports_credentials"),
            "drop `dangerously_allow_null_origin` or `credentials`"
        );
        assert_eq!(
            in_attribute_words("add allowed_origin(\"https://app.example.com\"), or allow_any_origin()"),
            "add `origins = [\"https://app.example.com\"]`, or `origins = any`"
        );
        assert_eq!(in_attribute_words("écrit «ça»"), "écrit «ça»");
    }

    #[test]
    fn every_problem_is_worded_without_builder_calls() {
        // Policies that trigger problems in every field; no message may still name a builder call.
        let policies = [
            quote::quote!(origins = any, credentials, methods = any, headers = any, expose = any),
            quote::quote!(
                origins = ["*", "null", "http://a.example", "https://*.com"],
                credentials,
                methods = ["*"],
                headers = ["*"],
                expose = ["*"]
            ),
            quote::quote!(
                dangerously_allow_null_origin,
                credentials,
                max_age = 90000,
                preflight_status = 302
            ),
            quote::quote!(),
        ];
        for tokens in policies {
            let Ok(crate::parse::Args::Policy(policy)) = syn::parse2(tokens) else {
                panic!("a policy")
            };
            let Err(error) = validate(&policy, &[]) else {
                panic!("problems expected")
            };
            for message in error.into_iter().map(|e| e.to_string()) {
                assert!(!message.contains("()"), "{message}");
                assert!(!message.contains(" supports_credentials"), "{message}");
            }
        }
    }
}
