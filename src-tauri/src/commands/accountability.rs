use compactdir_core::domain::partnership::{AccountabilityLog, AttendanceMark};
use tauri::State;

use super::dates::form_date;
use super::partnerships::today;
use crate::error::AppError;
use crate::state::AppState;

/// `on` is the form's date text; a bad one is refused beside its field.
#[tauri::command]
pub fn record_report_back(
    state: State<'_, AppState>,
    appointment_id: i64,
    on: String,
    how: String,
    to_whom: String,
) -> Result<i64, AppError> {
    let on = form_date("on_date", &on)?;
    state.change(|s| s.record_report_back(appointment_id, on, &how, &to_whom, today()))
}

/// A declaration of interests; `what` empty records a nil declaration, which counts.
#[tauri::command]
pub fn record_declaration(
    state: State<'_, AppState>,
    appointment_id: i64,
    on: String,
    what: String,
) -> Result<i64, AppError> {
    let on = form_date("on_date", &on)?;
    state.change(|s| s.record_declaration(appointment_id, on, &what, today()))
}

/// The register of one meeting: who was present, sent apologies or was absent. All or nothing.
#[tauri::command]
pub fn record_attendance(
    state: State<'_, AppState>,
    partnership_id: i64,
    on: String,
    marks: Vec<AttendanceMark>,
) -> Result<i64, AppError> {
    let on = form_date("on_date", &on)?;
    state.change(|s| s.record_attendance(partnership_id, on, &marks, today()))
}

/// An appointment's report-backs, declarations and attendance, newest first.
#[tauri::command]
pub fn accountability_log(
    state: State<'_, AppState>,
    appointment_id: i64,
) -> Result<AccountabilityLog, AppError> {
    state.with(|s| s.accountability_log(appointment_id))
}
