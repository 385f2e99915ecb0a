//! What the command-line tests share: running the real binary on a file, and finding the real
//! public data.
#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};
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

/// A file from the real public data: `$COMPACTDIR_REAL_DATA` when set (`.ci/test` sets it), else
/// `shared/data/real/` in the nearest folder above the project that has one.
pub fn real_data(name: &str) -> PathBuf {
    let root = std::env::var_os("COMPACTDIR_REAL_DATA")
        .map(PathBuf::from)
        .or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .map(|a| a.join("shared/data/real"))
                .find(|p| p.is_dir())
        })
        .expect(
            "the real data was not found: set COMPACTDIR_REAL_DATA to the shared/data/real folder",
        );
    let path = root.join(name);
    assert!(
        path.exists(),
        "{} is missing from the real data",
        path.display()
    );
    path
}
