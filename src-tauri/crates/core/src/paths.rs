//! Where the directory file lives when nobody says: the operating system's app-data folder.

use std::path::PathBuf;

/// The environment variable that names another directory file (the `--db` option wins over it).
pub const DB_ENV: &str = "COMPACTDIR_DB";

/// `--db` if given, else `$COMPACTDIR_DB`, else `<app data>/compact-directory/directory.sqlite3`
/// (on Linux `~/.local/share/compact-directory/directory.sqlite3`).
pub fn resolve_db_path(explicit: Option<PathBuf>) -> PathBuf {
    if let Some(p) = explicit {
        return p;
    }
    if let Some(p) = std::env::var_os(DB_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(p);
    }
    default_db_path()
}

pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("compact-directory")
        .join("directory.sqlite3")
}
