//! Stage 3: the validated AST as code. A policy becomes a `static` built on first use from the
//! same builder calls that were validated; a handler keeps its actix route attribute, named so
//! that the middleware can find the resource, and registers one `RoutePolicy` per method.

use std::sync::atomic::{AtomicUsize, Ordering};

use cors_core::{CompiledParts, Policy};
use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{LitStr, Meta};

use crate::parse::Handler;

/// A `{ static POLICY: Policy = ..; &POLICY }` block of type `&'static Policy`: the compiled
/// tables of the policy validated at compile time, written out as static data. Nothing is
/// parsed, validated or allocated at run time.
pub(crate) fn policy(policy: &Policy) -> TokenStream {
    let CompiledParts {
        exact_origins,
        patterns,
        null_origin,
        has_predicates: _, // the attribute cannot express predicates
        credentials,
        methods,
        headers,
        any_header_authorization,
        allow_headers,
        expose_headers,
        max_age,
        private_network,
        preflight_status,
        rejection_status,
    } = policy.compiled_parts();
    let list = |items: Option<Vec<String>>| match items {
        Some(items) => quote!(::core::option::Option::Some(&[#(#items),*])),
        None => quote!(::core::option::Option::None),
    };
    let text = |value: Option<String>| match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    };
    let exact_origins = list(exact_origins);
    let methods = list(methods);
    let headers = list(headers);
    let (allow_headers, expose_headers, max_age) = (text(allow_headers), text(expose_headers), text(max_age));
    let pattern_count = patterns.len();
    let patterns = patterns.iter().map(|p| {
        let (text, scheme, base) = (&p.text, &p.scheme, &p.base);
        let (base_is_domain, subdomains, any_port) = (p.base_is_domain, p.subdomains, p.any_port);
        let port = match p.port {
            Some(port) => quote!(::core::option::Option::Some(#port)),
            None => quote!(::core::option::Option::None),
        };
        quote! {
            ::cors_actix::core::OriginPattern::from_static(&::cors_actix::core::StaticPattern {
                text: #text,
                scheme: #scheme,
                base: #base,
                base_is_domain: #base_is_domain,
                subdomains: #subdomains,
                any_port: #any_port,
                port: #port,
            })
        }
    });
    quote! {
        {
            static PATTERNS: [::cors_actix::core::OriginPattern; #pattern_count] = [#(#patterns),*];
            static PARTS: ::cors_actix::core::StaticPolicy = ::cors_actix::core::StaticPolicy {
                exact_origins: #exact_origins,
                null_origin: #null_origin,
                credentials: #credentials,
                methods: #methods,
                headers: #headers,
                any_header_authorization: #any_header_authorization,
                allow_headers: #allow_headers,
                expose_headers: #expose_headers,
                max_age: #max_age,
                private_network: #private_network,
                preflight_status: #preflight_status,
                rejection_status: #rejection_status,
            };
            static POLICY: ::cors_actix::Policy = ::cors_actix::Policy::from_static(&PARTS, &PATTERNS);
            &POLICY
        }
    }
}

/// Distinguishes the resource names generated in one compilation of one crate.
static RESOURCE_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The handler with its route attribute (named if it was not), and its registrations. `policy` is
/// `None` for `#[cors(disable)]`.
pub(crate) fn handler(handler: Handler, policy: Option<&Policy>) -> TokenStream {
    let Handler { mut func, route } = handler;
    let function = func.sig.ident.to_string();
    let function = function.strip_prefix("r#").unwrap_or(&function).to_owned();
    let resource_name = match route.name {
        Some(name) => name,
        None => {
            let crate_name = std::env::var("CARGO_CRATE_NAME").unwrap_or_default();
            let n = RESOURCE_COUNTER.fetch_add(1, Ordering::Relaxed);
            let name = LitStr::new(&format!("cors:{crate_name}:{function}:{n}"), route.path.span());
            if let Some(Meta::List(list)) = func.attrs.get_mut(route.index).map(|attr| &mut attr.meta) {
                let trailing_comma =
                    matches!(list.tokens.clone().into_iter().last(), Some(TokenTree::Punct(p)) if p.as_char() == ',');
                if !trailing_comma {
                    list.tokens.extend(quote!(,));
                }
                list.tokens.extend(quote!(name = #name));
            }
            name
        }
    };
    let body = match policy {
        Some(compiled) => {
            let policy = self::policy(compiled);
            quote!(::core::option::Option::Some(#policy))
        }
        None => quote!(::core::option::Option::None),
    };
    let pattern = &route.path;
    let registrations = route.methods.iter().map(|method| {
        quote! {
            ::cors_actix::__private::inventory::submit! {
                ::cors_actix::RoutePolicy {
                    handler: ::core::concat!(::core::module_path!(), "::", #function),
                    resource_name: #resource_name,
                    method: #method,
                    pattern: #pattern,
                    policy: __cors_policy,
                }
            }
        }
    });
    let mut out = func.into_token_stream();
    out.extend(quote! {
        const _: () = {
            fn __cors_policy() -> ::core::option::Option<&'static ::cors_actix::Policy> {
                #body
            }
            #(#registrations)*
        };
    });
    out
}
