//! Helpers shared by the scenario tests: a real directory file in a temporary folder.

use std::path::PathBuf;

use compactdir_core::domain::group::GroupInput;
use compactdir_core::Store;

pub struct TempDirectory {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TempDirectory {
    pub fn new() -> TempDirectory {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("directory.sqlite3");
        TempDirectory { dir, path }
    }

    pub fn open(&self) -> Store {
        Store::open(&self.path).expect("the directory file opens")
    }
}

impl Default for TempDirectory {
    fn default() -> Self {
        Self::new()
    }
}

pub fn group(name: &str) -> GroupInput {
    GroupInput {
        name: name.to_string(),
        ..Default::default()
    }
}
