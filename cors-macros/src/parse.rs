//! Stage 1: tokens to a typed AST. Each key and each list literal keeps its tokens, so that the
//! later stages can point at exactly what the user wrote.
//!
//! Arguments are first read loosely (`key` or `key = <expression>`, separated by commas), then
//! typed key by key: an unknown key, a repeated key or a value of the wrong shape does not stop
//! the others from being checked, and every such error is reported together.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Ident, ItemFn, Lit, LitStr, Meta, Token};

/// Every key `#[cors(...)]` and `cors_policy!(...)` accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Origins,
    Methods,
    Headers,
    Expose,
    Credentials,
    MaxAge,
    PrivateNetwork,
    NullOrigin,
    InsecureOrigins,
    PublicSuffixes,
    PreflightStatus,
    PreflightRejectionStatus,
    Disable,
}

impl Key {
    pub(crate) const ALL: [Key; 13] = [
        Key::Origins,
        Key::Methods,
        Key::Headers,
        Key::Expose,
        Key::Credentials,
        Key::MaxAge,
        Key::PrivateNetwork,
        Key::NullOrigin,
        Key::InsecureOrigins,
        Key::PublicSuffixes,
        Key::PreflightStatus,
        Key::PreflightRejectionStatus,
        Key::Disable,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Key::Origins => "origins",
            Key::Methods => "methods",
            Key::Headers => "headers",
            Key::Expose => "expose",
            Key::Credentials => "credentials",
            Key::MaxAge => "max_age",
            Key::PrivateNetwork => "private_network",
            Key::NullOrigin => "dangerously_allow_null_origin",
            Key::InsecureOrigins => "dangerously_tolerate_insecure_origins",
            Key::PublicSuffixes => "dangerously_tolerate_subdomains_of_public_suffixes",
            Key::PreflightStatus => "preflight_status",
            Key::PreflightRejectionStatus => "preflight_rejection_status",
            Key::Disable => "disable",
        }
    }

    fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|key| key.name() == name)
    }

    /// An example list entry, for messages about list keys.
    fn example(self) -> &'static str {
        match self {
            Key::Origins => "\"https://app.example.com\"",
            Key::Methods => "\"PUT\"",
            Key::Headers => "\"Content-Type\"",
            _ => "\"X-Request-Id\"",
        }
    }
}

/// What the user wrote between the parentheses of `#[cors(...)]` or `cors_policy!(...)`.
pub(crate) enum Args {
    /// `disable`: no CORS for this handler.
    Disable(Ident),
    /// A policy.
    Policy(Box<PolicyArgs>),
}

/// A policy, key by key. `None` means the key was not written.
#[derive(Default)]
pub(crate) struct PolicyArgs {
    pub(crate) origins: Option<Entry<List>>,
    pub(crate) methods: Option<Entry<List>>,
    pub(crate) headers: Option<Entry<List>>,
    pub(crate) expose: Option<Entry<List>>,
    pub(crate) credentials: Option<Entry<bool>>,
    pub(crate) max_age: Option<Entry<Int<u64>>>,
    pub(crate) private_network: Option<Entry<bool>>,
    pub(crate) null_origin: Option<Entry<bool>>,
    pub(crate) insecure_origins: Option<Entry<bool>>,
    pub(crate) public_suffixes: Option<Entry<bool>>,
    pub(crate) preflight_status: Option<Entry<Int<u16>>>,
    pub(crate) preflight_rejection_status: Option<Entry<Int<u16>>>,
}

/// One `key` or `key = value`, typed.
pub(crate) struct Entry<T> {
    /// `key = value` as written, for errors about the whole entry.
    pub(crate) tokens: TokenStream,
    pub(crate) value: T,
}

/// `[..]` or `any`. Inside the brackets, `any` may stand next to names: `headers = [any,
/// "Authorization"]` allows any header plus `Authorization`, which a wildcard never covers (R22).
pub(crate) struct List {
    /// The `any` token, if written.
    pub(crate) any: Option<Ident>,
    /// The string literals, in order: the builder's problem indexes count these.
    pub(crate) items: Vec<LitStr>,
}

/// An integer value (errors about it point at its whole `key = value` entry).
pub(crate) struct Int<T> {
    pub(crate) value: T,
}

/// One call of the policy builder. [`PolicyArgs::calls`] is the single translation from keys to
/// builder options: validation applies these to a real builder at compile time, expansion
/// emits the same calls for run time.
pub(crate) enum Call<'a> {
    AllowedOrigins(&'a [LitStr]),
    AllowAnyOrigin,
    DangerouslyAllowNullOrigin,
    AllowedMethods(&'a [LitStr]),
    AllowAnyMethod,
    AllowedHeaders(&'a [LitStr]),
    AllowAnyHeader,
    ExposeHeaders(&'a [LitStr]),
    ExposeAnyHeader,
    SupportsCredentials,
    MaxAge(&'a Int<u64>),
    AllowPrivateNetworkAccess,
    DangerouslyTolerateInsecureOrigins,
    DangerouslyTolerateSubdomainsOfPublicSuffixes,
    PreflightStatus(&'a Int<u16>),
    PreflightRejectionStatus(&'a Int<u16>),
}

/// A list key, the call its `any` stands for, and the call its names stand for.
type ListCalls<'a> = (&'a Option<Entry<List>>, Call<'a>, fn(&'a [LitStr]) -> Call<'a>);

impl PolicyArgs {
    /// The builder calls this policy stands for, in a fixed order.
    pub(crate) fn calls<'a>(&'a self) -> Vec<Call<'a>> {
        let mut calls = Vec::new();
        let lists: [ListCalls<'a>; 4] = [
            (&self.origins, Call::AllowAnyOrigin, Call::AllowedOrigins),
            (&self.methods, Call::AllowAnyMethod, Call::AllowedMethods),
            (&self.headers, Call::AllowAnyHeader, Call::AllowedHeaders),
            (&self.expose, Call::ExposeAnyHeader, Call::ExposeHeaders),
        ];
        for (entry, any, names) in lists {
            if let Some(entry) = entry {
                if entry.value.any.is_some() {
                    calls.push(any);
                }
                if !entry.value.items.is_empty() {
                    calls.push(names(&entry.value.items));
                }
            }
        }
        let flags = [
            (&self.null_origin, Call::DangerouslyAllowNullOrigin),
            (&self.credentials, Call::SupportsCredentials),
            (&self.private_network, Call::AllowPrivateNetworkAccess),
            (&self.insecure_origins, Call::DangerouslyTolerateInsecureOrigins),
            (
                &self.public_suffixes,
                Call::DangerouslyTolerateSubdomainsOfPublicSuffixes,
            ),
        ];
        for (flag, call) in flags {
            if flag.as_ref().is_some_and(|entry| entry.value) {
                calls.push(call);
            }
        }
        if let Some(entry) = &self.max_age {
            calls.push(Call::MaxAge(&entry.value));
        }
        if let Some(entry) = &self.preflight_status {
            calls.push(Call::PreflightStatus(&entry.value));
        }
        if let Some(entry) = &self.preflight_rejection_status {
            calls.push(Call::PreflightRejectionStatus(&entry.value));
        }
        calls
    }

    /// The entry of a list key, by key.
    pub(crate) fn list(&self, key: Key) -> Option<&Entry<List>> {
        match key {
            Key::Origins => self.origins.as_ref(),
            Key::Methods => self.methods.as_ref(),
            Key::Headers => self.headers.as_ref(),
            Key::Expose => self.expose.as_ref(),
            _ => None,
        }
    }
}

/// `key` or `key = <expression>`, before typing.
struct RawEntry {
    key: Ident,
    value: Option<(Token![=], Expr)>,
}

impl Parse for RawEntry {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        // `parse_any` so that a keyword in key position is reported as an unknown key.
        let key = Ident::parse_any(input)?;
        let value = if input.peek(Token![=]) {
            Some((input.parse()?, input.parse()?))
        } else {
            None
        };
        Ok(RawEntry { key, value })
    }
}

impl ToTokens for RawEntry {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.key.to_tokens(tokens);
        if let Some((eq, value)) = &self.value {
            eq.to_tokens(tokens);
            value.to_tokens(tokens);
        }
    }
}

/// Collects errors so that every one is reported, not just the first.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(first) => first.combine(error),
            None => self.0 = Some(error),
        }
    }

    /// All the errors so far, then `last`.
    pub(crate) fn with(self, last: syn::Error) -> syn::Error {
        match self.0 {
            Some(mut error) => {
                error.combine(last);
                error
            }
            None => last,
        }
    }

    pub(crate) fn finish<T>(self, value: T) -> syn::Result<T> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(value),
        }
    }
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let raw = Punctuated::<RawEntry, Token![,]>::parse_terminated(input)?;
        let mut errors = Errors::default();
        let mut policy = PolicyArgs::default();
        let mut disable: Option<Ident> = None;
        let mut seen: Vec<Key> = Vec::new();
        for entry in &raw {
            let name = entry.key.unraw().to_string();
            let Some(key) = Key::from_name(&name) else {
                errors.push(unknown_key(&entry.key, &name));
                continue;
            };
            if seen.contains(&key) {
                errors.push(syn::Error::new(
                    entry.key.span(),
                    format!(
                        "duplicate key `{name}`; write each key once (lists take several values: `{name} = [a, b]`)"
                    ),
                ));
                continue;
            }
            seen.push(key);
            let result = match key {
                Key::Origins => typed(entry, list).map(|e| policy.origins = Some(e)),
                Key::Methods => typed(entry, list).map(|e| policy.methods = Some(e)),
                Key::Headers => typed(entry, list).map(|e| policy.headers = Some(e)),
                Key::Expose => typed(entry, list).map(|e| policy.expose = Some(e)),
                Key::Credentials => typed(entry, flag).map(|e| policy.credentials = Some(e)),
                Key::PrivateNetwork => typed(entry, flag).map(|e| policy.private_network = Some(e)),
                Key::NullOrigin => typed(entry, flag).map(|e| policy.null_origin = Some(e)),
                Key::InsecureOrigins => typed(entry, flag).map(|e| policy.insecure_origins = Some(e)),
                Key::PublicSuffixes => typed(entry, flag).map(|e| policy.public_suffixes = Some(e)),
                Key::MaxAge => typed(entry, int).map(|e| policy.max_age = Some(e)),
                Key::PreflightStatus => typed(entry, int).map(|e| policy.preflight_status = Some(e)),
                Key::PreflightRejectionStatus => typed(entry, int).map(|e| policy.preflight_rejection_status = Some(e)),
                Key::Disable => match &entry.value {
                    None => {
                        disable = Some(entry.key.clone());
                        Ok(())
                    }
                    Some(_) => Err(syn::Error::new_spanned(
                        entry,
                        "`disable` takes no value: write `#[cors(disable)]`",
                    )),
                },
            };
            if let Err(error) = result {
                errors.push(error);
            }
        }
        if let Some(disable) = &disable {
            let others: Vec<String> = seen
                .iter()
                .filter(|k| **k != Key::Disable)
                .map(|k| format!("`{}`", k.name()))
                .collect();
            if !others.is_empty() {
                errors.push(syn::Error::new(
                    disable.span(),
                    format!(
                        "`disable` turns CORS off for this handler, so it cannot be combined with {}; write `#[cors(disable)]` alone, or remove `disable`",
                        others.join(", ")
                    ),
                ));
            }
        }
        let args = match disable {
            Some(disable) => Args::Disable(disable),
            None => Args::Policy(Box::new(policy)),
        };
        errors.finish(args)
    }
}

/// Builder option names (cors-core's, actix-cors's) that users may write for a key.
const ALIASES: [(&str, Key); 12] = [
    ("allowed_origin", Key::Origins),
    ("allowed_origins", Key::Origins),
    ("allow_any_origin", Key::Origins),
    ("allowed_method", Key::Methods),
    ("allowed_methods", Key::Methods),
    ("allowed_header", Key::Headers),
    ("allowed_headers", Key::Headers),
    ("expose_header", Key::Expose),
    ("expose_headers", Key::Expose),
    ("exposed_headers", Key::Expose),
    ("supports_credentials", Key::Credentials),
    ("allow_private_network_access", Key::PrivateNetwork),
];

/// The key `name` most likely stands for: a builder option's name, a key inside a longer name
/// (`allow_credentials`), or a key a small typo away (`orgins`).
fn suggestion(name: &str) -> Option<Key> {
    if let Some((_, key)) = ALIASES.iter().find(|(alias, _)| *alias == name) {
        return Some(*key);
    }
    if let Some(key) = Key::ALL
        .into_iter()
        .filter(|k| name.contains(k.name()))
        .max_by_key(|k| k.name().len())
    {
        return Some(key);
    }
    Key::ALL
        .into_iter()
        .map(|k| (edit_distance(name, k.name()), k))
        .min_by_key(|(distance, _)| *distance)
        .filter(|(distance, k)| *distance <= 2.max(k.name().len() / 4))
        .map(|(_, k)| k)
}

fn unknown_key(key: &Ident, name: &str) -> syn::Error {
    let message = match suggestion(name) {
        Some(candidate) => format!("unknown key `{name}`; did you mean `{}`?", candidate.name()),
        None => {
            let all: Vec<&str> = Key::ALL.into_iter().map(Key::name).collect();
            format!("unknown key `{name}`; expected one of: {}", all.join(", "))
        }
    };
    syn::Error::new(key.span(), message)
}

/// Levenshtein distance, for "did you mean" suggestions between short ASCII names.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

fn typed<T>(entry: &RawEntry, read: fn(&str, Option<&Expr>) -> Result<T, ValueError>) -> syn::Result<Entry<T>> {
    let name = entry.key.unraw().to_string();
    let tokens = entry.to_token_stream();
    match read(&name, entry.value.as_ref().map(|(_, value)| value)) {
        Ok(value) => Ok(Entry { tokens, value }),
        Err(ValueError::Entry(message)) => Err(syn::Error::new_spanned(tokens, message)),
        Err(ValueError::At(error)) => Err(error),
    }
}

/// A value of the wrong shape: about the whole `key = value`, or about one token in it.
enum ValueError {
    Entry(String),
    At(syn::Error),
}

fn list(name: &str, value: Option<&Expr>) -> Result<List, ValueError> {
    let key = Key::from_name(name).unwrap_or(Key::Origins);
    let example = key.example();
    let expected = || format!("expected `{name} = [{example}, ...]` or `{name} = any`");
    let elems = match value {
        None => return Err(ValueError::Entry(format!("`{name}` needs a value: {}", expected()))),
        Some(Expr::Path(path)) if path.path.is_ident("any") => {
            return Ok(List {
                any: path.path.get_ident().cloned(),
                items: Vec::new(),
            });
        }
        Some(Expr::Array(array)) => &array.elems,
        Some(Expr::Lit(ExprLit { lit: Lit::Str(s), .. })) => {
            return Err(ValueError::At(syn::Error::new(
                s.span(),
                format!("`{name}` takes a list: write `{name} = [{}]`", s.to_token_stream()),
            )));
        }
        Some(other) => return Err(ValueError::At(syn::Error::new_spanned(other, expected()))),
    };
    let mut errors = Errors::default();
    let mut out = List {
        any: None,
        items: Vec::new(),
    };
    for elem in elems {
        match elem {
            Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) => out.items.push(s.clone()),
            Expr::Path(path) if path.path.is_ident("any") => {
                if out.any.is_some() {
                    errors.push(syn::Error::new_spanned(
                        elem,
                        "`any` is listed twice; remove the duplicate",
                    ));
                }
                out.any = path.path.get_ident().cloned();
            }
            Expr::Path(path) if path.path.get_ident().is_some() => errors.push(syn::Error::new_spanned(
                path,
                format!("`{name}` lists string literals: write \"{}\"", path.to_token_stream()),
            )),
            other => errors.push(syn::Error::new_spanned(
                other,
                format!("expected a string literal such as {example} (or `any`) in `{name}`"),
            )),
        }
    }
    errors.finish(out).map_err(ValueError::At)
}

fn flag(name: &str, value: Option<&Expr>) -> Result<bool, ValueError> {
    match value {
        None => Ok(true),
        Some(Expr::Lit(ExprLit { lit: Lit::Bool(b), .. })) => Ok(b.value),
        Some(other) => Err(ValueError::At(syn::Error::new_spanned(
            other,
            format!("`{name}` is a flag: write `{name}` (or `{name} = true`), or leave it out"),
        ))),
    }
}

fn int<T>(name: &str, value: Option<&Expr>) -> Result<Int<T>, ValueError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    let (what, example) = match name {
        "max_age" => ("a whole number of seconds", "600"),
        "preflight_status" => ("an HTTP status code", "204"),
        _ => ("an HTTP status code", "403"),
    };
    match value {
        None => Err(ValueError::Entry(format!(
            "`{name}` needs a value: write `{name} = {example}`"
        ))),
        Some(Expr::Lit(ExprLit { lit: Lit::Int(lit), .. })) => match lit.base10_parse::<T>() {
            Ok(value) => Ok(Int { value }),
            Err(_) => Err(ValueError::At(syn::Error::new(
                lit.span(),
                format!("`{name} = {lit}` is out of range for {what}; write e.g. `{name} = {example}`"),
            ))),
        },
        Some(Expr::Lit(ExprLit { lit: Lit::Str(s), .. })) => Err(ValueError::At(syn::Error::new(
            s.span(),
            format!(
                "`{name}` takes a number, not a string: write `{name} = {}`",
                s.value().trim()
            ),
        ))),
        Some(other) => Err(ValueError::At(syn::Error::new_spanned(
            other,
            format!("`{name}` takes {what} as an integer literal: write e.g. `{name} = {example}`"),
        ))),
    }
}

/// The actix route attribute a `#[cors(...)]` handler must carry below it.
pub(crate) struct Route {
    /// Index of the attribute in the function's attributes.
    pub(crate) index: usize,
    /// The path literal.
    pub(crate) path: LitStr,
    /// The methods: the attribute's own (`#[get]`), or `#[route]`'s `method = "..."` values.
    pub(crate) methods: Vec<String>,
    /// `name = "..."`, if the user gave one.
    pub(crate) name: Option<LitStr>,
}

/// The function under `#[cors(...)]` and its route attribute.
pub(crate) struct Handler {
    pub(crate) func: ItemFn,
    pub(crate) route: Route,
}

/// The message for a `#[cors(...)]` that does not sit above a route attribute.
pub(crate) const ORDER_MESSAGE: &str =
    "put #[cors(...)] above the actix route attribute (#[get(...)], #[post(...)], #[route(...)])";

/// The single-method route attributes of actix-web, and their method.
const METHOD_ATTRIBUTES: [(&str, &str); 9] = [
    ("get", "GET"),
    ("post", "POST"),
    ("put", "PUT"),
    ("delete", "DELETE"),
    ("patch", "PATCH"),
    ("head", "HEAD"),
    ("options", "OPTIONS"),
    ("connect", "CONNECT"),
    ("trace", "TRACE"),
];

/// What an attribute on the handler is, as far as `#[cors]` cares.
enum AttrKind {
    Method(&'static str),
    Route,
    Routes,
    Cors,
    Other,
}

/// `get` or `actix_web::get` (also `::actix_web::get`); likewise `cors` or `cors_actix::cors`.
fn attr_kind(attr: &Attribute) -> AttrKind {
    let path = attr.path();
    let Some(last) = path.segments.last() else {
        return AttrKind::Other;
    };
    let first = path.segments.first().map(|s| s.ident.to_string()).unwrap_or_default();
    let last = last.ident.to_string();
    let single = path.segments.len() == 1;
    let under = |krate: &str| single || (path.segments.len() == 2 && first == krate);
    if under("actix_web") {
        if let Some((_, method)) = METHOD_ATTRIBUTES.iter().find(|(name, _)| *name == last) {
            return AttrKind::Method(method);
        }
        match last.as_str() {
            "route" => return AttrKind::Route,
            "routes" => return AttrKind::Routes,
            _ => {}
        }
    }
    if last == "cors" && under("cors_actix") {
        return AttrKind::Cors;
    }
    AttrKind::Other
}

impl Parse for Handler {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let func: ItemFn = input.parse().map_err(|e| {
            let mut error = syn::Error::new(Span::call_site(), "#[cors(...)] goes on an actix-web handler function");
            error.combine(e);
            error
        })?;
        let mut route: Option<Route> = None;
        let mut errors = Errors::default();
        for (index, attr) in func.attrs.iter().enumerate() {
            match attr_kind(attr) {
                AttrKind::Other => {}
                AttrKind::Cors => errors.push(syn::Error::new_spanned(
                    attr,
                    "a handler has one CORS policy: merge the two #[cors(...)] attributes into one",
                )),
                AttrKind::Routes => errors.push(syn::Error::new_spanned(
                    attr,
                    "#[cors(...)] does not support #[routes]; use one #[route(path, method = \"..\", ...)], or one handler per path",
                )),
                kind @ (AttrKind::Method(_) | AttrKind::Route) => {
                    if route.is_some() {
                        errors.push(syn::Error::new_spanned(
                            attr,
                            "a second route attribute; for several methods on one path use #[route(path, method = \"..\", method = \"..\")]",
                        ));
                        continue;
                    }
                    match read_route(attr, index, kind) {
                        Ok(r) => route = Some(r),
                        Err(e) => errors.push(e),
                    }
                }
            }
        }
        let Some(route) = route else {
            return Err(errors.with(syn::Error::new(Span::call_site(), ORDER_MESSAGE)));
        };
        errors.finish(Handler { func, route })
    }
}

/// `("/path", name = "..", method = "..", guard = "..", wrap = "..")`, as actix-web reads it.
struct RouteArgs {
    path: LitStr,
    options: Punctuated<syn::MetaNameValue, Token![,]>,
}

impl Parse for RouteArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path = input.parse()?;
        let options = if input.is_empty() {
            Punctuated::new()
        } else {
            input.parse::<Token![,]>()?;
            Punctuated::parse_terminated(input)?
        };
        Ok(RouteArgs { path, options })
    }
}

fn read_route(attr: &Attribute, index: usize, kind: AttrKind) -> syn::Result<Route> {
    let Meta::List(list) = &attr.meta else {
        return Err(syn::Error::new_spanned(
            attr,
            "expected the route's path: #[get(\"/path\")]",
        ));
    };
    let args: RouteArgs = list.parse_args()?;
    let mut methods = match kind {
        AttrKind::Method(method) => vec![method.to_owned()],
        _ => Vec::new(),
    };
    let mut name = None;
    for option in &args.options {
        let Expr::Lit(ExprLit {
            lit: Lit::Str(value), ..
        }) = &option.value
        else {
            continue;
        };
        if option.path.is_ident("name") {
            name = Some(value.clone());
        } else if option.path.is_ident("method") {
            methods.push(value.value());
        }
    }
    Ok(Route {
        index,
        path: args.path,
        methods,
        name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("orgins", "origins"), 1);
        assert_eq!(edit_distance("method", "methods"), 1);
        assert_eq!(edit_distance("maxage", "max_age"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }

    #[test]
    fn suggestions() {
        let message = |name: &str| unknown_key(&Ident::new(name, Span::call_site()), name).to_string();
        assert_eq!(message("orgins"), "unknown key `orgins`; did you mean `origins`?");
        assert_eq!(
            message("allow_credentials"),
            "unknown key `allow_credentials`; did you mean `credentials`?"
        );
        assert_eq!(
            message("allowed_headers"),
            "unknown key `allowed_headers`; did you mean `headers`?"
        );
        assert!(message("color").starts_with("unknown key `color`; expected one of: origins, methods"));
    }

    #[test]
    fn calls_follow_keys() {
        let args: Args = syn::parse_quote!(origins = any, headers = [any, "Authorization"], max_age = 5);
        let Args::Policy(policy) = args else { panic!("a policy") };
        let calls = policy.calls();
        assert!(matches!(
            calls.as_slice(),
            [
                Call::AllowAnyOrigin,
                Call::AllowAnyHeader,
                Call::AllowedHeaders([_]),
                Call::MaxAge(Int { value: 5, .. })
            ]
        ));
    }
}
