//! The compiler's messages are part of the interface: each `tests/ui/*.rs` must fail to compile
//! with exactly its reviewed `.stderr`; each `tests/ui/pass/*.rs` must compile and run.
//! Regenerate with `TRYBUILD=overwrite cargo test -p cors-macros --test ui`, then review the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
