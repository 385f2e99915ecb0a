//! Helpers shared by the scenario tests: a real directory file in a temporary folder.

use std::path::{Path, PathBuf};

use compactdir_core::domain::group::GroupInput;
use compactdir_core::domain::partnership::{Kind, PartnershipInput, SeatInput, Sector};
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

/// Adds a group with only a name; returns its id.
pub fn add_group(store: &Store, name: &str) -> i64 {
    store.save_group(group(name)).unwrap().input.id.unwrap()
}

/// A new forum called `forum` with one VCSE seat called `seat`; returns the seat's id.
pub fn forum_seat(store: &Store, forum: &str, seat: &str) -> i64 {
    let partnership_id = store
        .save_partnership(PartnershipInput {
            name: forum.into(),
            kind: Kind::Forum,
            ..Default::default()
        })
        .expect("the forum is saved");
    store
        .save_seat(SeatInput {
            partnership_id,
            label: seat.into(),
            sector: Sector::Vcse,
            ..Default::default()
        })
        .expect("the seat is saved")
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

/// The names of every group in the directory, in list order.
pub fn group_names(store: &Store) -> Vec<String> {
    store
        .list_groups()
        .expect("the directory lists")
        .into_iter()
        .map(|r| r.name)
        .collect()
}

/// What is in a folder, by name, so a test can say nothing was made or moved beside a file.
pub fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
