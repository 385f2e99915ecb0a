//! Numbered schema migrations. The schema version lives in the file (`PRAGMA user_version`);
//! each migration runs in one transaction with the version bump, so a failure leaves the file as
//! it was. A file from a newer version is refused before anything is written to it.
//!
//! Foreign keys are off while migrations run (SQLite can only change that outside a
//! transaction), so a migration may rebuild a table others point at without its `DROP TABLE`
//! deleting their rows; each migration's foreign keys are checked before it commits.

use rusqlite::Connection;

use crate::error::{CoreError, Result};

/// Migration N (1-based) is `MIGRATIONS[N - 1]`. Append only; never edit a released one.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_accountability.sql"),
    include_str!("migrations/003_privacy.sql"),
    include_str!("migrations/004_duplicates.sql"),
    include_str!("migrations/005_imports.sql"),
    include_str!("migrations/006_audit.sql"),
    include_str!("migrations/007_checks_as_equalities.sql"),
    include_str!("migrations/008_lighter_import_records.sql"),
    include_str!("migrations/009_lighter_numbers.sql"),
    include_str!("migrations/010_added_groups_as_a_range.sql"),
    include_str!("migrations/011_seat_imports.sql"),
    include_str!("migrations/012_who_imported.sql"),
    include_str!("migrations/013_import_counts_and_backups.sql"),
    include_str!("migrations/014_ward_list_changes.sql"),
    include_str!("migrations/015_charity_numbers_without_leading_zeros.sql"),
];

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a file whose schema is newer than this build understands.
pub fn refuse_newer(found: i64) -> Result<()> {
    if found > latest_version() {
        return Err(CoreError::TooNew {
            found,
            supported: latest_version(),
        });
    }
    Ok(())
}

/// Brings the schema up to date. Returns the versions applied.
pub fn migrate(conn: &mut Connection) -> Result<Vec<i64>> {
    let current = schema_version(conn)?;
    refuse_newer(current)?;
    if current == latest_version() {
        return Ok(Vec::new());
    }
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = apply_from(conn, current);
    // Back as it was even when a migration failed (its transaction has rolled back by now).
    conn.pragma_update(None, "foreign_keys", enforced)?;
    result
}

fn apply_from(conn: &mut Connection, current: i64) -> Result<Vec<i64>> {
    let mut applied = Vec::new();
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = index as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if broken > 0 {
            return Err(CoreError::Conflict(format!(
                "upgrading the directory file to schema {version} would leave {broken} rows \
                 pointing at rows that are not there, so that step was not made; the backup taken \
                 before the upgrade holds the file as it was"
            )));
        }
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        applied.push(version);
    }
    Ok(applied)
}
