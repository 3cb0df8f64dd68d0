//! Workspace-level black-box tests live in `tests/`.
