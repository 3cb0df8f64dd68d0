//! Examples of `cors-actix`, and the showcase server whose HTTP contract black-box suites test.
#![deny(missing_docs)]

pub mod showcase;
