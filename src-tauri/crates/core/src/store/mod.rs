//! The SQLite store: one file, opened with the pragmas the app depends on, migrated in numbered
//! steps. One module per area of the schema; each adds methods to [`Store`].

mod accountability;
mod appointments;
mod audit;
mod audit_undo;
mod backup;
mod bulk;
mod categories;
mod demo;
mod duplicates;
mod file_kind;
mod flags;
mod gaps;
mod group_export;
mod group_import;
mod groups;
mod import_batch;
mod import_history;
mod location;
mod lock;
mod merge;
pub mod migrations;
mod partnership_edit;
mod partnerships;
mod people;
mod privacy;
mod reference;
mod review_pack;
mod search;
mod seat_import;
mod seat_import_undo;
mod settings;
mod tx;
mod ward_list;

pub use audit::{AuditEntry, FromGroup, Subject, TrailOf};
pub use backup::{backup_dir, BackupFile, BackupReason};
pub use duplicates::{DuplicateScan, ReviewProgress};
pub use file_kind::refuse_what_is_not_a_directory_file;
pub use flags::FlagRow;
pub use group_export::{by_name, ExportedGroup};
pub use group_import::{
    Choice, Choices, ImportPlan, ImportRecord, ImportSummary, Match, MatchTarget, PlannedRow,
    Preview, Progress, Stage, UndoSummary,
};
pub use import_history::{groups_import_words, EarlierImport, ImportKind};
pub use lock::DirectoryLock;
pub use merge::{
    FieldPreview, MergeChoices, MergeField, MergeLogEntry, MergeOutcome, MergePreview, Pick,
};
pub use partnerships::{
    AppointmentInput, Holder, PartnershipPage, PartnershipRow, PersonRow, SeatRow,
};
pub use privacy::{Erasure, ReviewDue};
pub use reference::WardRow;
pub use review_pack::{review_as_of, ReviewPack, FIRST_REVIEW_YEAR};
pub use seat_import::SeatImportSummary;
pub use seat_import_undo::{SeatImportRecord, SeatImportUndo};
pub use settings::Settings;
pub use ward_list::{WardDistrict, WardListChange, WardsLoaded};

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::{CoreError, Result};

/// How long a writer waits for another before giving up (milliseconds).
pub const BUSY_TIMEOUT_MS: i64 = 5_000;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Who the audit trail says made each change.
    actor: String,
}

/// The pragmas read back from the open connection (a test checks them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pragmas {
    pub journal_mode: String,
    pub synchronous: i64,
    pub foreign_keys: i64,
    pub busy_timeout: i64,
    pub secure_delete: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct DirectorySummary {
    pub groups: i64,
    pub partnerships: i64,
    pub demo_loaded: bool,
    pub db_path: String,
}

impl Store {
    /// Opens (creating if needed) the directory file at `path`, sets and checks its pragmas,
    /// migrates it, and loads the default reference data into a new file.
    ///
    /// # Errors
    /// `Folder` or `NotADirectoryFile` (file untouched) when the path is a folder, or a file
    /// that is not a Compact Directory file; `Conflict` when the file is on a network share;
    /// `TooNew` (file untouched) when a newer version wrote it; `Damaged` (moved aside) when an
    /// SQLite file fails its check; `Io` when its folder cannot be made; `Pragma` when SQLite
    /// would not take a setting; `Storage` for anything else.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        // Before anything else: only a real SQLite file may be moved aside as damaged below.
        file_kind::refuse_what_is_not_a_directory_file(&path)?;
        location::refuse_network_share(&path)?;
        // Check and read the version through a read-only connection first, so a damaged or newer
        // file is dealt with before WAL mode or anything else is written to it.
        if path.exists()
            && std::fs::metadata(&path)
                .map(|m| m.len() > 0)
                .unwrap_or(false)
        {
            let ro = Connection::open_with_flags(
                &path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            // Checked read-only: a writable connection to a damaged file could checkpoint its
            // WAL into it, or delete the WAL on closing.
            if let Err(problem) = quick_check(&ro) {
                drop(ro);
                return Err(move_aside(&path, problem));
            }
            let found = migrations::schema_version(&ro)?;
            migrations::refuse_newer(found)?;
            file_kind::refuse_another_programs_database(&path, &ro, found)?;
            drop(ro);
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(crate::error::io_at(
                "make the folder for the directory file",
                dir,
            ))?;
        }
        let mut conn = Connection::open(&path)?;
        apply_pragmas(&conn)?;
        let version = migrations::schema_version(&conn)?;
        if version > 0 && version < migrations::latest_version() {
            // An upgrade rewrites the schema: keep a copy of the file as it was first.
            backup::backup_connection(
                &conn,
                &backup::backup_path(&path, BackupReason::BeforeMigration),
            )?;
        }
        migrations::migrate(&mut conn)?;
        let store = Store {
            conn,
            path,
            actor: audit::actor_from_env(),
        };
        store.load_reference_if_empty()?;
        Ok(store)
    }

    /// After a fault of the app's own (a panic caught at the edge): a transaction the fault left
    /// open is rolled back, so the next change starts clean and nothing half done is kept. The
    /// store's transactions roll back as they unwind; this is for one begun by hand.
    pub fn end_unfinished_change(&self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn pragmas(&self) -> Result<Pragmas> {
        let c = &self.conn;
        Ok(Pragmas {
            journal_mode: c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
            synchronous: c.query_row("PRAGMA synchronous", [], |r| r.get(0))?,
            foreign_keys: c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
            busy_timeout: c.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?,
            secure_delete: c.query_row("PRAGMA secure_delete", [], |r| r.get(0))?,
        })
    }

    pub fn schema_version(&self) -> Result<i64> {
        migrations::schema_version(&self.conn)
    }

    pub fn summary(&self) -> Result<DirectorySummary> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(DirectorySummary {
            groups: count("SELECT count(*) FROM groups")?,
            partnerships: count("SELECT count(*) FROM partnerships")?,
            demo_loaded: count(
                "SELECT (SELECT count(*) FROM groups WHERE is_demo = 1) + (SELECT count(*) FROM partnerships WHERE is_demo = 1)",
            )? > 0,
            db_path: self.path.display().to_string(),
        })
    }

    fn meta(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<()> {
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

/// SQLite's quick check (a file that is not a database at all was refused before it).
fn quick_check(conn: &Connection) -> std::result::Result<(), String> {
    let rows: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match rows {
        Ok(r) if r.len() == 1 && r[0] == "ok" => Ok(()),
        Ok(r) => Err(r.into_iter().take(3).collect::<Vec<_>>().join("; ")),
        Err(e) => Err(e.to_string()),
    }
}

/// Moves a damaged file and its -wal and -shm aside (never deletes them) and says so.
fn move_aside(path: &Path, problem: String) -> CoreError {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let moved = |suffix: &str| {
        let mut from = path.as_os_str().to_os_string();
        from.push(suffix);
        let mut to = path.as_os_str().to_os_string();
        to.push(format!(".damaged-{stamp}{suffix}"));
        (PathBuf::from(from), PathBuf::from(to))
    };
    let (_, main_to) = moved("");
    for suffix in ["", "-wal", "-shm"] {
        let (from, to) = moved(suffix);
        if from.exists() {
            if let Err(e) = std::fs::rename(&from, &to) {
                return CoreError::Io {
                    doing: "move aside the damaged file",
                    path: from.display().to_string(),
                    source: e,
                };
            }
        }
    }
    let advice = match backup::list_backups(path).ok().and_then(|b| b.into_iter().next()) {
        Some(b) => format!(
            "The newest backup is {} (taken {}): restore it from Backups in the app, or with `compactdir --db {} backup restore {}`.",
            b.path.display(),
            b.taken_at()
                .map(|t| t.format("%-d %B %Y at %H:%M UTC").to_string())
                .unwrap_or_else(|| b.taken.clone()),
            path.display(),
            b.path.display()
        ),
        None => "There is no backup of it; a new, empty directory will be made when you open it again.".to_string(),
    };
    CoreError::Damaged {
        path: path.display().to_string(),
        problem,
        moved_to: main_to.display().to_string(),
        advice,
    }
}

impl Store {
    /// A second connection to an open directory's file, read-only, for reading on another
    /// thread while the first works: no migrations, no lock, no writes.
    pub(crate) fn open_reader(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS as u64))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            actor: String::new(),
        })
    }
}

/// WAL so readers never block the writer; synchronous=FULL so a committed change survives power
/// loss; foreign keys on (SQLite's default is off); a busy timeout instead of instant failure;
/// secure_delete so deleted or overwritten personal data is zeroed, not left in free space.
fn apply_pragmas(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch(&format!(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}; PRAGMA secure_delete = ON; PRAGMA cache_size = -65536;"
    ))?;
    let check = |pragma: &'static str, expected: &str, found: String| -> Result<()> {
        if found.eq_ignore_ascii_case(expected) {
            Ok(())
        } else {
            Err(CoreError::Pragma {
                pragma,
                found,
                expected: expected.to_string(),
            })
        }
    };
    check("journal_mode", "wal", mode)?;
    let read =
        |p: &str| -> Result<i64> { Ok(conn.query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))?) };
    check("synchronous", "2", read("synchronous")?.to_string())?;
    check("foreign_keys", "1", read("foreign_keys")?.to_string())?;
    check(
        "busy_timeout",
        &BUSY_TIMEOUT_MS.to_string(),
        read("busy_timeout")?.to_string(),
    )?;
    check("secure_delete", "1", read("secure_delete")?.to_string())?;
    Ok(())
}

pub(crate) fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pragmas_are_set_on_every_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.sqlite3");
        for _ in 0..2 {
            let s = Store::open(&path).unwrap();
            assert_eq!(
                s.pragmas().unwrap(),
                Pragmas {
                    journal_mode: "wal".into(),
                    synchronous: 2,
                    foreign_keys: 1,
                    busy_timeout: BUSY_TIMEOUT_MS,
                    secure_delete: 1,
                }
            );
            assert_eq!(s.schema_version().unwrap(), migrations::latest_version());
        }
    }

    #[test]
    fn a_newer_file_is_refused_and_left_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.sqlite3");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch(
                "CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA user_version = 999;",
            )
            .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path)
            .err()
            .expect("a newer file must be refused");
        assert!(matches!(err, CoreError::TooNew { found: 999, .. }), "{err}");
        assert!(err.to_string().contains("has not been changed"));
        assert_eq!(std::fs::read(&path).unwrap(), before, "file untouched");
        assert!(
            !dir.path().join("newer.sqlite3-wal").exists(),
            "no WAL created"
        );
    }

    #[test]
    fn a_new_file_gets_the_default_reference_data() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path().join("sub/dir/new.sqlite3")).unwrap();
        let r = s.reference_data().unwrap();
        assert_eq!(
            r.categories.len(),
            16,
            "the sixteen categories of the Social Inclusion code"
        );
        assert_eq!(r.features.len(), 8, "the eight Appendix A features");
        assert_eq!(r.wards.len(), 20, "Salford's twenty wards");
    }
}
