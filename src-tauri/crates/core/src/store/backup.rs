//! Backups, taken with SQLite's online backup API (never a file copy, which could catch a
//! half-written page or miss the WAL), into a `backups` folder beside the directory file, kept in
//! rotation. Restoring first backs up the file being replaced.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use rusqlite::Connection;
use serde::Serialize;

use super::Store;
use crate::domain::rotation;
use crate::error::{CoreError, Result};

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    Daily,
    /// Asked for (`backup now`): kept as the event backups are, not rotated with the daily ones,
    /// so a second one the same day does not remove the first.
    OnRequest,
    BeforeMigration,
    BeforeRestore,
    BeforeImport,
    BeforeMerge,
}

impl BackupReason {
    fn as_str(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::OnRequest => "on-request",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::BeforeImport => "before-import",
            BackupReason::BeforeMerge => "before-merge",
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub taken: String,
    pub reason: String,
    /// For a backup taken before an import: the imported file's name, when known.
    pub import_file: Option<String>,
}

/// The two kinds of import, by the table that records them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ImportTable {
    Groups,
    Seats,
}

const STAMP: &str = "%Y%m%dT%H%M%S%.3f";

impl BackupFile {
    /// When it was taken (UTC), from its name.
    pub fn taken_at(&self) -> Option<NaiveDateTime> {
        NaiveDateTime::parse_from_str(&self.taken, STAMP).ok()
    }
}
/// Backups taken on request or before an import, merge, migration or restore: the newest this many of each kind
/// are kept (the daily ones rotate 7 daily, 4 weekly, 6 monthly).
const EVENT_BACKUPS_KEPT: usize = 10;

/// The backups folder of a directory file: `directory.sqlite3` -> `directory.sqlite3.backups/`.
pub fn backup_dir(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".backups");
    db.with_file_name(name)
}

/// Copies the database behind `conn` into `dest` with the online backup API.
pub(super) fn backup_connection(conn: &Connection, dest: &Path) -> Result<()> {
    let io = crate::error::io_at("write the backup", dest);
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir).map_err(&io)?;
    }
    let partial = dest.with_extension("partial");
    {
        let mut out = Connection::open(&partial)?;
        let backup = Backup::new(conn, &mut out)?;
        backup.run_to_completion(256, Duration::from_millis(5), None)?;
    }
    // Only a complete copy takes the backup's name.
    std::fs::rename(&partial, dest).map_err(&io)?;
    Ok(())
}

pub(super) fn backup_path(db: &Path, reason: BackupReason) -> PathBuf {
    let stamp = Utc::now().format(STAMP);
    backup_dir(db).join(format!("{stamp}-{}.sqlite3", reason.as_str()))
}

impl Store {
    /// Takes a backup now; returns where it went. Old ones are rotated out afterwards.
    pub fn backup(&self, reason: BackupReason) -> Result<PathBuf> {
        let dest = backup_path(&self.path, reason);
        backup_connection(&self.conn, &dest)?;
        self.rotate_backups()?;
        Ok(dest)
    }

    /// Takes a backup of the directory as last committed, while this connection is inside a
    /// transaction that has written but not committed: a second connection reads the file, and
    /// WAL shows it only committed pages. So an import backs up just before it commits, once it
    /// knows it will save something, and one that saves nothing leaves no backup behind.
    pub(super) fn backup_before_commit(&self, reason: BackupReason) -> Result<PathBuf> {
        let reader = Store::open_reader(&self.path)?;
        let dest = backup_path(&self.path, reason);
        backup_connection(&reader.conn, &dest)?;
        drop(reader);
        self.rotate_backups()?;
        Ok(dest)
    }

    /// The before-import backup, taken as `backup_before_commit` does, with its file name
    /// recorded on the import's row (`imports` or `seat_imports`, inside the same uncommitted
    /// transaction), so the backups list can name the import each such backup came before.
    pub(super) fn backup_before_import(&self, table: ImportTable, id: i64) -> Result<PathBuf> {
        let dest = self.backup_before_commit(BackupReason::BeforeImport)?;
        let name = dest.file_name().map(|n| n.to_string_lossy().to_string());
        let sql = match table {
            ImportTable::Groups => "UPDATE imports SET backup = ?1 WHERE id = ?2",
            ImportTable::Seats => "UPDATE seat_imports SET backup = ?1 WHERE id = ?2",
        };
        self.conn.execute(sql, rusqlite::params![name, id])?;
        Ok(dest)
    }

    /// A daily backup, unless one was taken today already.
    pub fn backup_daily_if_due(&self) -> Result<Option<PathBuf>> {
        let today = Utc::now().format("%Y%m%d").to_string();
        if self.backups()?.iter().any(|b| b.taken.starts_with(&today)) {
            return Ok(None);
        }
        self.backup(BackupReason::Daily).map(Some)
    }

    /// The backups beside the directory file at `db`, newest first, for when the file itself
    /// could not be opened (it was damaged and moved aside).
    pub fn backups_beside(db: &Path) -> Result<Vec<BackupFile>> {
        list_backups(db)
    }

    /// The backups beside this file, newest first, each before-import one with the file of the
    /// import it came before when this directory's records say (not for imports made before
    /// migration 13, nor for one whose record a restore has taken away).
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        let mut all = list_backups(&self.path)?;
        let mut before: std::collections::HashMap<String, String> = self
            .conn
            .prepare(
                "SELECT backup, file_name FROM imports WHERE backup IS NOT NULL
                 UNION ALL SELECT backup, file_name FROM seat_imports WHERE backup IS NOT NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for b in all.iter_mut().filter(|b| b.reason == "before-import") {
            let name = b.path.file_name().map(|n| n.to_string_lossy().to_string());
            b.import_file = name.and_then(|n| before.remove(&n));
        }
        Ok(all)
    }

    fn rotate_backups(&self) -> Result<()> {
        let all = list_backups(&self.path)?; // newest first
        let daily: Vec<&BackupFile> = all.iter().filter(|b| b.reason == "daily").collect();
        let times: Vec<NaiveDateTime> = daily
            .iter()
            .map(|b| NaiveDateTime::parse_from_str(&b.taken, STAMP).unwrap_or_default())
            .collect();
        let keep = rotation::keep(&times);
        let mut doomed: Vec<&BackupFile> = daily
            .iter()
            .enumerate()
            .filter(|(i, _)| !keep.contains(i))
            .map(|(_, b)| *b)
            .collect();
        let mut seen: std::collections::HashMap<&str, usize> = Default::default();
        for b in all.iter().filter(|b| b.reason != "daily") {
            let n = seen.entry(b.reason.as_str()).or_default();
            *n += 1;
            if *n > EVENT_BACKUPS_KEPT {
                doomed.push(b);
            }
        }
        for b in doomed {
            std::fs::remove_file(&b.path)
                .map_err(crate::error::io_at("remove the old backup", &b.path))?;
        }
        Ok(())
    }

    /// Replaces the directory's content with a backup's, after backing up what is there now.
    /// Returns the path of that safety backup.
    ///
    /// # Errors
    /// `Invalid` when the file is not a Compact Directory backup that passes an integrity check.
    pub fn restore(&mut self, from: &Path) -> Result<PathBuf> {
        let source = Connection::open_with_flags(from, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let ok: String = source
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .unwrap_or_else(|e| e.to_string());
        let version = super::migrations::schema_version(&source).unwrap_or(0);
        if ok != "ok" || version == 0 {
            return Err(CoreError::Invalid(vec![crate::error::FieldProblem::new(
                "file",
                format!(
                    "{} is not a Compact Directory backup that can be restored ({})",
                    from.display(),
                    if ok != "ok" { ok } else { "no schema".into() }
                ),
            )]));
        }
        super::migrations::refuse_newer(version)?;
        let safety = self.backup(BackupReason::BeforeRestore)?;
        let backup = Backup::new(&source, &mut self.conn)?;
        backup.run_to_completion(256, Duration::from_millis(5), None)?;
        drop(backup);
        super::migrations::migrate(&mut self.conn)?;
        Ok(safety)
    }
}

pub(super) fn list_backups(db: &Path) -> Result<Vec<BackupFile>> {
    let dir = backup_dir(db);
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(source) => {
            return Err(CoreError::Io {
                doing: "read the backups folder",
                path: dir.display().to_string(),
                source,
            })
        }
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".sqlite3") else {
            continue;
        };
        if let Some((taken, reason)) = stem.split_once('-') {
            if NaiveDateTime::parse_from_str(taken, STAMP).is_ok() {
                out.push(BackupFile {
                    path: e.path(),
                    taken: taken.to_string(),
                    reason: reason.to_string(),
                    import_file: None,
                });
            }
        }
    }
    out.sort_by(|a, b| b.taken.cmp(&a.taken).then(b.reason.cmp(&a.reason)));
    Ok(out)
}
