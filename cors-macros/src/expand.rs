//! Stage 3: the validated AST as code. A policy becomes a `static` built on first use from the
//! same builder calls that were validated; a handler keeps its actix route attribute, named so
//! that the middleware can find the resource, and registers one `RoutePolicy` per method.

use std::sync::atomic::{AtomicUsize, Ordering};

use proc_macro2::{Literal, TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{LitStr, Meta};

use crate::parse::{Call, Handler, PolicyArgs};

/// A `{ static POLICY: LazyLock<Policy> = ..; &*POLICY }` block of type `&'static Policy`.
pub(crate) fn policy(policy: &PolicyArgs) -> TokenStream {
    let calls = policy.calls().iter().map(call).collect::<TokenStream>();
    quote! {
        {
            static POLICY: ::std::sync::LazyLock<::cors_actix::Policy> = ::std::sync::LazyLock::new(|| {
                ::cors_actix::Policy::builder()
                    #calls
                    .build()
                    .unwrap_or_else(|e| ::core::unreachable!("policy validated at compile time: {}", e))
            });
            &*POLICY
        }
    }
}

/// The builder call for one [`Call`], as validation made it.
fn call(call: &Call<'_>) -> TokenStream {
    match call {
        Call::AllowedOrigins(items) => quote!(.allowed_origins([#(#items),*])),
        Call::AllowAnyOrigin => quote!(.allow_any_origin()),
        Call::DangerouslyAllowNullOrigin => quote!(.dangerously_allow_null_origin()),
        Call::AllowedMethods(items) => quote!(.allowed_methods([#(#items),*])),
        Call::AllowAnyMethod => quote!(.allow_any_method()),
        Call::AllowedHeaders(items) => quote!(.allowed_headers([#(#items),*])),
        Call::AllowAnyHeader => quote!(.allow_any_header()),
        Call::ExposeHeaders(items) => quote!(.expose_headers([#(#items),*])),
        Call::ExposeAnyHeader => quote!(.expose_any_header()),
        Call::SupportsCredentials => quote!(.supports_credentials()),
        Call::MaxAge(seconds) => {
            let mut lit = Literal::u64_suffixed(seconds.value);
            lit.set_span(seconds.lit.span());
            quote!(.max_age(#lit))
        }
        Call::AllowPrivateNetworkAccess => quote!(.allow_private_network_access()),
        Call::DangerouslyTolerateInsecureOrigins => quote!(.dangerously_tolerate_insecure_origins()),
        Call::DangerouslyTolerateSubdomainsOfPublicSuffixes => {
            quote!(.dangerously_tolerate_subdomains_of_public_suffixes())
        }
        Call::PreflightStatus(status) => {
            let mut lit = Literal::u16_suffixed(status.value);
            lit.set_span(status.lit.span());
            quote!(.preflight_status(#lit))
        }
        Call::PreflightRejectionStatus(status) => {
            let mut lit = Literal::u16_suffixed(status.value);
            lit.set_span(status.lit.span());
            quote!(.preflight_rejection_status(#lit))
        }
    }
}

/// Distinguishes the resource names generated in one compilation of one crate.
static RESOURCE_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The handler with its route attribute (named if it was not), and its registrations. `policy` is
/// `None` for `#[cors(disable)]`.
pub(crate) fn handler(handler: Handler, policy: Option<&PolicyArgs>) -> TokenStream {
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
        Some(args) => {
            let policy = self::policy(args);
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
