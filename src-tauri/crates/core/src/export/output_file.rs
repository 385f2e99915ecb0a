//! The file an export writes (groups.csv, a person's subject access file, the gaps picture, the
//! rejected rows): never the directory file itself, its write-ahead log or shared memory, or
//! anything in its backups folder (a slip of tab-completion must not be able to overwrite the
//! directory), never a folder, and, when asked, never a file already there without the user's
//! say-so. Missing folders on the way are made, as the pack and the Open Referral export do.

use std::fs::File;
use std::path::{Component, Path, PathBuf};

use crate::error::{io_at, CoreError, FieldProblem, Result};
use crate::store::backup_dir;

/// What to do when a file is already at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfThere {
    /// Write over it (the command line, as other tools' `--out` do).
    Replace,
    /// Refuse with `CoreError::Exists`, so the window can ask first.
    Ask,
}

/// Creates the file at `path` for writing, after refusing (in words, beside `field`) a path that
/// is a folder or belongs to the directory file `directory_file`.
///
/// # Errors
/// `Invalid` (at `field`) for a folder or the directory's own files; `Exists` when a file is
/// there and `if_there` is `Ask`; `Io` when the folder or file cannot be made.
pub fn create(path: &Path, directory_file: &Path, if_there: IfThere, field: &str) -> Result<File> {
    check(path, directory_file, if_there, field)?;
    crate::export::folder::make_parent_folder(path)?;
    File::create(path).map_err(io_at("write to", path))
}

/// `create`'s refusals alone, for a writer that writes the file itself.
///
/// # Errors
/// As `create`, apart from the `Io` of making it.
pub fn check(path: &Path, directory_file: &Path, if_there: IfThere, field: &str) -> Result<()> {
    let refuse = |message: String| Err(CoreError::Invalid(vec![FieldProblem::new(field, message)]));
    let shown = path.display();
    if path.is_dir() {
        return refuse(format!(
            "{shown} is a folder: add the new file's name to the end (for example {})",
            path.join("groups.csv").display()
        ));
    }
    if let Some(what) = belongs_to_directory(path, directory_file) {
        return refuse(format!(
            "{shown} is {what}: writing there would destroy the directory. Choose another file name"
        ));
    }
    if if_there == IfThere::Ask && path.exists() {
        return Err(CoreError::Exists {
            path: shown.to_string(),
        });
    }
    Ok(())
}

/// Whether `a` and `b` name one file: through `..`, a link or a hard link, or (the file not
/// made yet) the same name in the same folder.
pub fn same_place(a: &Path, b: &Path) -> bool {
    same_file(a, b) || resolved(a).is_some_and(|x| resolved(b).is_some_and(|y| x == y))
}

/// What of the directory's own `path` is, in words, if it is one of them.
pub fn belongs_to_directory(path: &Path, directory_file: &Path) -> Option<&'static str> {
    let target = resolved(path)?;
    let db = resolved(directory_file)?;
    if same_place(path, directory_file) {
        return Some("the directory file itself");
    }
    for (suffix, what) in [
        ("-wal", "the directory file's write-ahead log"),
        ("-shm", "the directory file's shared memory"),
        ("-journal", "the directory file's journal"),
    ] {
        let mut name = db.as_os_str().to_os_string();
        name.push(suffix);
        if target.as_os_str() == name {
            return Some(what);
        }
    }
    let backups = resolved(&backup_dir(directory_file))?;
    target
        .starts_with(&backups)
        .then_some("in the directory file's backups folder")
}

/// The path with its folders' links and `..` resolved (the file, and folders on the way, need not
/// exist yet). The deepest part that is there is resolved by the system; the rest, not there yet
/// and so not a link, is applied by its words: `missing/../directory.sqlite3` is the directory
/// file, since `create` makes `missing` before writing.
fn resolved(path: &Path) -> Option<PathBuf> {
    let mut not_there = Vec::new();
    let mut base = path;
    loop {
        let probe = if base.as_os_str().is_empty() {
            Path::new(".")
        } else {
            base
        };
        if let Ok(mut out) = probe.canonicalize() {
            for part in not_there.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(name) => out.push(name),
                    _ => {}
                }
            }
            return Some(out);
        }
        not_there.push(base.components().next_back()?);
        base = base.parent()?;
    }
}

/// Two names of one file (a hard link): the same device and inode.
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn message(e: CoreError) -> String {
        match e {
            CoreError::Invalid(p) => format!("{}: {}", p[0].field, p[0].message),
            e => e.to_string(),
        }
    }

    #[test]
    fn the_directory_file_its_log_and_its_backups_are_refused_and_left_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("directory.sqlite3");
        let store = Store::open(&db).unwrap();
        store.backup(crate::store::BackupReason::Daily).unwrap();
        let backup = std::fs::read_dir(backup_dir(&db))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let before = std::fs::read(&db).unwrap();
        let backup_before = std::fs::read(&backup).unwrap();

        // The same file by its own name, through `..`, through a link, and its neighbours.
        let link = dir.path().join("link.sqlite3");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        let hard = dir.path().join("hard.sqlite3");
        std::fs::hard_link(&db, &hard).unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let cases = [
            (db.clone(), "the directory file itself"),
            (
                sub.join("../directory.sqlite3"),
                "the directory file itself",
            ),
            (link, "the directory file itself"),
            (hard, "the directory file itself"),
            (dir.path().join("directory.sqlite3-wal"), "write-ahead log"),
            (dir.path().join("directory.sqlite3-shm"), "shared memory"),
            (backup.clone(), "backups folder"),
            (backup_dir(&db).join("new.csv"), "backups folder"),
            // Through a folder that is not there yet: `create` would make it, so its `..` is
            // the directory's own folder.
            (
                dir.path().join("missing/../directory.sqlite3"),
                "the directory file itself",
            ),
            (
                PathBuf::from(format!(
                    "{}/missing/a/../../directory.sqlite3-wal",
                    dir.path().display()
                )),
                "write-ahead log",
            ),
            (
                dir.path()
                    .join("missing/../directory.sqlite3.backups/x/../new.csv"),
                "backups folder",
            ),
        ];
        for (path, what) in cases {
            for if_there in [IfThere::Replace, IfThere::Ask] {
                let err = message(create(&path, &db, if_there, "out").unwrap_err());
                assert!(err.starts_with("out: "), "{err}");
                assert!(err.contains(what), "{}: {err}", path.display());
                assert!(err.contains("would destroy the directory"), "{err}");
            }
        }
        assert_eq!(std::fs::read(&db).unwrap(), before);
        assert_eq!(std::fs::read(&backup).unwrap(), backup_before);
        drop(store);
        Store::open(&db).unwrap();
    }

    #[test]
    fn a_folder_is_refused_a_file_there_is_asked_about_and_missing_folders_are_made() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("directory.sqlite3");
        let err = message(create(dir.path(), &db, IfThere::Replace, "out").unwrap_err());
        assert!(
            err.contains("is a folder: add the new file's name"),
            "{err}"
        );

        let there = dir.path().join("mine.csv");
        std::fs::write(&there, "keep me").unwrap();
        let err = create(&there, &db, IfThere::Ask, "out").unwrap_err();
        assert!(matches!(err, CoreError::Exists { .. }), "{err}");
        assert_eq!(err.code(), "exists");
        assert_eq!(std::fs::read_to_string(&there).unwrap(), "keep me");
        create(&there, &db, IfThere::Replace, "out").unwrap();
        assert_eq!(std::fs::read_to_string(&there).unwrap(), "");

        let deep = dir.path().join("a/b/groups.csv");
        create(&deep, &db, IfThere::Ask, "out").unwrap();
        assert!(deep.is_file());
    }

    #[test]
    fn a_backups_folder_not_made_yet_and_relative_paths_through_missing_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("directory.sqlite3");
        let store = Store::open(&db).unwrap();
        let before = std::fs::read(&db).unwrap();
        assert!(!backup_dir(&db).exists(), "no backup taken yet");
        let err = message(
            create(
                &backup_dir(&db).join("groups.csv"),
                &db,
                IfThere::Replace,
                "out",
            )
            .unwrap_err(),
        );
        assert!(err.contains("backups folder"), "{err}");
        assert!(!backup_dir(&db).exists(), "nothing made");

        // The same, by a path relative to the working folder, as a command line is given it.
        let here = std::env::current_dir().unwrap();
        let relative = |p: &Path| {
            let mut up = PathBuf::new();
            for _ in here.components().skip(1) {
                up.push("..");
            }
            up.join(p.strip_prefix("/").unwrap())
        };
        for path in [
            relative(&dir.path().join("nothere/../directory.sqlite3")),
            relative(&dir.path().join("nothere/../directory.sqlite3-shm")),
        ] {
            let err = message(create(&path, &db, IfThere::Replace, "out").unwrap_err());
            assert!(
                err.contains("would destroy the directory"),
                "{}: {err}",
                path.display()
            );
        }
        assert!(
            !dir.path().join("nothere").exists(),
            "no folder made for a refused path"
        );
        assert_eq!(std::fs::read(&db).unwrap(), before);
        drop(store);
        Store::open(&db).unwrap();
    }
}
