//! Whether a path can be a directory file, checked before anything is made, locked or moved
//! there. A folder, or a file that is not an SQLite database (a CSV given to `--db` by mistake),
//! is refused and left exactly as it is: only a real SQLite file that fails its checks on open is
//! damaged and moved aside.

use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use crate::error::{CoreError, Result};

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Refuses a folder, or a file that does not begin as an SQLite database does. A path with
/// nothing there, or an empty file, is fine: a new directory is made in it (SQLite itself takes
/// an empty file as an empty database).
///
/// # Errors
/// `Folder`; `NotADirectoryFile`; `Io` when the file is there but cannot be read.
pub fn refuse_what_is_not_a_directory_file(path: &Path) -> Result<()> {
    let io = crate::error::io_at("read", path);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(e)),
    };
    if meta.is_dir() {
        return Err(CoreError::Folder {
            path: path.display().to_string(),
        });
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let mut head = Vec::with_capacity(SQLITE_HEADER.len());
    std::fs::File::open(path)
        .and_then(|f| f.take(SQLITE_HEADER.len() as u64).read_to_end(&mut head))
        .map_err(io)?;
    // Shorter than the header counts too: no database is that small.
    if head != SQLITE_HEADER {
        return Err(CoreError::NotADirectoryFile {
            path: path.display().to_string(),
            why: "it is not an SQLite database",
        });
    }
    Ok(())
}

/// Refuses an SQLite database that another program made: it has tables but no schema version,
/// which a Compact Directory file never has (its first migration sets the version in the same
/// transaction as its tables). Upgrading it would write our tables into someone else's file.
pub(super) fn refuse_another_programs_database(
    path: &Path,
    ro: &Connection,
    version: i64,
) -> Result<()> {
    if version != 0 {
        return Ok(());
    }
    let objects: i64 = ro.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if objects > 0 {
        return Err(CoreError::NotADirectoryFile {
            path: path.display().to_string(),
            why: "it is an SQLite database of another program",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_there_an_empty_file_and_an_sqlite_file_pass() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("new.sqlite3");
        assert!(refuse_what_is_not_a_directory_file(&missing).is_ok());
        let empty = dir.path().join("empty.sqlite3");
        std::fs::write(&empty, b"").unwrap();
        assert!(refuse_what_is_not_a_directory_file(&empty).is_ok());
        let db = dir.path().join("db.sqlite3");
        Connection::open(&db)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        assert!(refuse_what_is_not_a_directory_file(&db).is_ok());
    }

    #[test]
    fn a_folder_text_and_a_file_too_short_for_the_header_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = refuse_what_is_not_a_directory_file(dir.path()).unwrap_err();
        assert!(matches!(err, CoreError::Folder { .. }), "{err}");
        for (name, bytes) in [
            (
                "names.csv",
                &b"name,postcode\nPendleton Over 50s,M6 5FX\n"[..],
            ),
            ("short", &b"SQLite"[..]),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let err = refuse_what_is_not_a_directory_file(&path).unwrap_err();
            assert!(
                matches!(err, CoreError::NotADirectoryFile { .. }),
                "{name}: {err}"
            );
        }
    }
}
