use compactdir_core::domain::partnership::{
    report_back_problem, AccountabilityLog, AttendanceMark, RegisterEntry,
};
use compactdir_core::CoreError;
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
    // A bad date and an empty report-back are refused in one round.
    let on = match form_date("on_date", &on) {
        Ok(on) => on,
        Err(e) => {
            let fields = report_back_problem(&how, &to_whom)
                .into_iter()
                .chain(e.fields)
                .collect();
            return Err(CoreError::Invalid(fields).into());
        }
    };
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

/// Who a meeting's register lists: those in post on the meeting's day `on`. A date not yet
/// typed whole is refused beside its field, as when recording.
#[tauri::command]
pub fn register_on(
    state: State<'_, AppState>,
    partnership_id: i64,
    on: String,
) -> Result<Vec<RegisterEntry>, AppError> {
    let on = form_date("on_date", &on)?;
    state.with(|s| s.register_on(partnership_id, on))
}

/// An appointment's report-backs, declarations and attendance, newest first.
#[tauri::command]
pub fn accountability_log(
    state: State<'_, AppState>,
    appointment_id: i64,
) -> Result<AccountabilityLog, AppError> {
    state.with(|s| s.accountability_log(appointment_id))
}
