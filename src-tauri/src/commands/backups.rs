//! The backups beside the directory file, and restoring one (also when the file was damaged and
//! could not be opened: that is when a restore is most needed).

use compactdir_core::store::BackupFile;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// Newest first.
#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupFile>, AppError> {
    state.backups()
}

/// Restores the backup at `path` (only one of those listed: the window cannot name another
/// file), after backing up what is there now. Returns where that safety backup went.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> Result<String, AppError> {
    state.restore(&path)
}
