//! What the command-line tests share: running the real binary on a file, and finding the real
//! public data.
#![allow(dead_code)] // each test file uses its own part

use std::path::Path;
use std::process::{Command, Output};

/// Runs `compactdir --db DB ARGS...`, never reading the user's own file from the environment.
pub fn compactdir(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_compactdir"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("COMPACTDIR_DB")
        .output()
        .expect("compactdir runs")
}

/// A file from the real public data (found as the scenario tests find it).
#[allow(unused_imports)] // each test file uses its own part
pub use compactdir_tests::real_data;
