use compactdir_core::domain::partnership::{Person, PersonInput};
use compactdir_core::store::PersonRow;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn list_people(state: State<'_, AppState>) -> Result<Vec<PersonRow>, AppError> {
    state.with(|s| s.list_people())
}

/// A person's details with every seat they hold or have held.
#[tauri::command]
pub fn get_person(state: State<'_, AppState>, id: i64) -> Result<Person, AppError> {
    state.with(|s| s.get_person(id))
}

/// Saves a person's details (name, contact, lawful basis); returns their id.
#[tauri::command]
pub fn save_person(state: State<'_, AppState>, input: PersonInput) -> Result<i64, AppError> {
    state.change(|s| s.save_person(input))
}
