use compactdir_core::store::AppointmentInput;
use tauri::State;

use super::dates::form_date;
use crate::error::AppError;
use crate::state::AppState;

/// Appoints a holder or an alternate (`input.role`); returns the appointment's id.
#[tauri::command]
pub fn appoint(state: State<'_, AppState>, input: AppointmentInput) -> Result<i64, AppError> {
    state.change(|s| s.appoint(input))
}

/// Corrects an appointment's group, term and selection; the person, seat and role stay.
#[tauri::command]
pub fn edit_appointment(
    state: State<'_, AppState>,
    appointment_id: i64,
    input: AppointmentInput,
) -> Result<(), AppError> {
    state.change(|s| s.edit_appointment(appointment_id, input))
}

/// Ends a term on `on`, the last day it runs; a bad date is refused beside the field.
#[tauri::command]
pub fn end_appointment(
    state: State<'_, AppState>,
    appointment_id: i64,
    on: String,
) -> Result<(), AppError> {
    let on = form_date("term_end", &on)?;
    state.change(|s| s.end_appointment(appointment_id, on))
}
