//! The audit trail of a group, partnership or person, and undoing one change from it.

use compactdir_core::store::{AuditEntry, TrailOf};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// Newest first.
#[tauri::command]
pub fn audit_trail(
    state: State<'_, AppState>,
    of: TrailOf,
    id: i64,
) -> Result<Vec<AuditEntry>, AppError> {
    state.with(|s| s.audit_trail(of, id))
}

/// Undoes one change; the undo is itself a new row of the trail.
#[tauri::command]
pub fn undo_change(state: State<'_, AppState>, entry_id: i64) -> Result<(), AppError> {
    state.change(|s| s.undo_change(entry_id))
}
