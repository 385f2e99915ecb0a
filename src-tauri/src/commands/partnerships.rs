use chrono::NaiveDate;
use compactdir_core::store::{AppointmentInput, PartnershipPage, PartnershipRow, PersonRow};
use compactdir_core::{CoreError, FieldProblem};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

fn today() -> NaiveDate {
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

#[tauri::command]
pub fn list_people(state: State<'_, AppState>) -> Result<Vec<PersonRow>, AppError> {
    state.with(|s| s.list_people())
}

#[tauri::command]
pub fn appoint(state: State<'_, AppState>, input: AppointmentInput) -> Result<i64, AppError> {
    state.change(|s| s.appoint(input))
}

/// `on` is the form's date text; a bad one is refused beside its field.
#[tauri::command]
pub fn record_report_back(
    state: State<'_, AppState>,
    appointment_id: i64,
    on: String,
    how: String,
    to_whom: String,
) -> Result<i64, AppError> {
    let on = NaiveDate::parse_from_str(on.trim(), "%Y-%m-%d").map_err(|_| {
        AppError::from(CoreError::Invalid(vec![FieldProblem::new(
            "on_date",
            format!("{} is not a date: use the form 2026-03-14", on.trim()),
        )]))
    })?;
    state.change(|s| s.record_report_back(appointment_id, on, &how, &to_whom))
}
