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

/// A file from the real public data in `../shared/data/real/` (beside the project).
pub fn real_data(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/real")
        .join(name);
    assert!(
        path.exists(),
        "{} is missing: the real data lives in shared/ beside the project",
        path.display()
    );
    path
}

/// The names of every group in the directory, in list order.
pub fn group_names(store: &Store) -> Vec<String> {
    store
        .list_groups()
        .expect("the directory lists")
        .into_iter()
        .map(|r| r.name)
        .collect()
}
