use chrono::NaiveDate;
use compactdir_core::domain::partnership::PartnershipInput;
use compactdir_core::store::{PartnershipPage, PartnershipRow};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The day flags are judged on: the computer's own date.
pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub fn list_partnerships(state: State<'_, AppState>) -> Result<Vec<PartnershipRow>, AppError> {
    state.with(|s| s.list_partnerships(today()))
}

#[tauri::command]
pub fn get_partnership(state: State<'_, AppState>, id: i64) -> Result<PartnershipPage, AppError> {
    state.with(|s| s.get_partnership(id, today()))
}

/// A partnership as its form shows it, thresholds included.
#[tauri::command]
pub fn partnership_input(
    state: State<'_, AppState>,
    id: i64,
) -> Result<PartnershipInput, AppError> {
    state.with(|s| s.partnership_input(id))
}

/// Adds (`id: null`) or updates a partnership; returns its id.
#[tauri::command]
pub fn save_partnership(
    state: State<'_, AppState>,
    input: PartnershipInput,
) -> Result<i64, AppError> {
    state.change(|s| s.save_partnership(input))
}

/// Every problem saving `input` would meet, saving nothing: the form asks when a threshold it
/// could not send as a number stops it from saving, so that all problems show in one round.
#[tauri::command]
pub fn partnership_problems(
    state: State<'_, AppState>,
    input: PartnershipInput,
) -> Result<Vec<compactdir_core::FieldProblem>, AppError> {
    state.with(|s| s.partnership_problems(input))
}
