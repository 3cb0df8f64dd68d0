//! Configuration errors: every problem of a policy, each naming the field, the value and the fix.

use std::fmt;

/// The part of a policy a [`Problem`] is about. [`Field::option`] is the builder method's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `allowed_origin`, `allow_any_origin`, `allowed_origin_fn`, `dangerously_allow_null_origin`.
    AllowedOrigins,
    /// `allowed_methods`, `allow_any_method`.
    AllowedMethods,
    /// `allowed_headers`, `allow_any_header`.
    AllowedHeaders,
    /// `expose_headers`, `expose_any_header`.
    ExposeHeaders,
    /// `max_age`.
    MaxAge,
    /// `supports_credentials`.
    SupportsCredentials,
    /// `preflight_status`.
    PreflightStatus,
    /// `preflight_rejection_status`.
    PreflightRejectionStatus,
}

impl Field {
    /// The builder option that sets this field.
    pub fn option(self) -> &'static str {
        match self {
            Field::AllowedOrigins => "allowed_origin",
            Field::AllowedMethods => "allowed_methods",
            Field::AllowedHeaders => "allowed_headers",
            Field::ExposeHeaders => "expose_headers",
            Field::MaxAge => "max_age",
            Field::SupportsCredentials => "supports_credentials",
            Field::PreflightStatus => "preflight_status",
            Field::PreflightRejectionStatus => "preflight_rejection_status",
        }
    }
}

/// One thing wrong with a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Which field.
    pub field: Field,
    /// Position of the offending value in that field's list, when the field is a list.
    pub index: Option<usize>,
    /// The offending value, as given.
    pub value: String,
    /// What is wrong with it.
    pub message: String,
    /// What to write instead.
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?}: {}; {}",
            self.field.option(),
            self.value,
            self.message,
            self.fix
        )
    }
}

/// A policy that cannot be compiled: all its problems, in the order the fields were checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    problems: Vec<Problem>,
}

impl PolicyError {
    pub(crate) fn new(problems: Vec<Problem>) -> Self {
        debug_assert!(!problems.is_empty());
        PolicyError { problems }
    }

    /// Every problem found.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "invalid CORS policy ({n} problem{}):", if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PolicyError {}
