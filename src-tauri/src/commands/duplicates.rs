//! The duplicate review screen: scan (with progress events for the bar), the queue's progress,
//! "not a duplicate", the side-by-side preview, merge and undo.

use compactdir_core::domain::duplicate_scan::{ScanOptions, ScanProgress};
use compactdir_core::store::{
    DuplicateScan, MergeChoices, MergeLogEntry, MergeOutcome, MergePreview, ReviewProgress,
};
use tauri::{AppHandle, Emitter, State};

use crate::error::AppError;
use crate::state::AppState;

/// The event the window listens to for the scan's progress bar.
pub const SCAN_PROGRESS_EVENT: &str = "duplicate-scan-progress";

/// Scans the whole directory. Async, so it runs off the window's thread and the progress events
/// reach the bar while it works; one event per stage and per whole percent, not per pair.
/// `start_review` begins a new queue, so "N of M reviewed" counts from now.
#[tauri::command]
pub async fn scan_duplicates(
    app: AppHandle,
    state: State<'_, AppState>,
    start_review: bool,
) -> Result<DuplicateScan, AppError> {
    state.with(|s| {
        if start_review {
            s.start_duplicate_review()?;
        }
        let mut last = None;
        s.find_duplicates(&ScanOptions::default(), &mut |p: ScanProgress| {
            let percent = (p.done * 100).checked_div(p.total).unwrap_or(100);
            if last != Some((p.stage, percent)) {
                last = Some((p.stage, percent));
                // A lost progress event only leaves the bar behind; the scan goes on.
                let _ = app.emit(SCAN_PROGRESS_EVENT, p);
            }
        })
    })
}

/// Where the queue stands, with `pending` pairs still to review.
#[tauri::command]
pub fn duplicate_review_progress(
    state: State<'_, AppState>,
    pending: usize,
) -> Result<ReviewProgress, AppError> {
    state.with(|s| s.review_progress(pending))
}

#[tauri::command]
pub fn mark_not_duplicate(state: State<'_, AppState>, a: i64, b: i64) -> Result<(), AppError> {
    state.with(|s| s.mark_not_duplicate(a, b))
}

#[tauri::command]
pub fn merge_preview(
    state: State<'_, AppState>,
    kept: i64,
    merged: i64,
) -> Result<MergePreview, AppError> {
    state.with(|s| s.merge_preview(kept, merged))
}

#[tauri::command]
pub fn merge_groups(
    state: State<'_, AppState>,
    kept: i64,
    merged: i64,
    choices: MergeChoices,
) -> Result<MergeOutcome, AppError> {
    state.change(|s| s.merge_groups(kept, merged, &choices))
}

/// Every merge, newest first: the screen offers to undo the latest even after the window restarts.
#[tauri::command]
pub fn merge_log(state: State<'_, AppState>) -> Result<Vec<MergeLogEntry>, AppError> {
    state.with(|s| s.merge_log())
}

/// `merge_id: None` undoes the latest merge not yet undone.
#[tauri::command]
pub fn undo_merge(
    state: State<'_, AppState>,
    merge_id: Option<i64>,
) -> Result<MergeLogEntry, AppError> {
    state.change(|s| s.undo_merge(merge_id))
}
