//! Compact Directory's core: the domain (groups, their Appendix A classification, partnerships,
//! seats) and the SQLite store, with no dependency on Tauri or WebKit, so the window, the
//! `compactdir` command line and the tests all share it and it builds and tests in seconds.
//!
//! How to use it: open a [`Store`] on a file (`Store::open`), then call its methods. Every error
//! is a [`CoreError`]; the edges (window, CLI) turn it into a sentence a user can act on.

pub mod domain;
pub mod error;
pub mod export;
pub mod id_map;
pub mod import;
pub mod parallel;
pub mod paths;
pub mod robustness;
pub mod seeds;
pub mod store;
pub mod synthetic;

pub use error::{CoreError, FieldProblem, WardsInUse};
pub use store::Store;
