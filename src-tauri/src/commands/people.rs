use compactdir_core::domain::partnership::{Person, PersonInput};
use std::io::Write;
use std::path::PathBuf;

use compactdir_core::error::io_at;
use compactdir_core::export::output_file;

use compactdir_core::store::{Erasure, PersonRow, ReviewDue};
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
    state.change(|s| s.save_person(input, super::partnerships::today()))
}

/// People past their review date, or with none (UK GDPR storage limitation).
#[tauri::command]
pub fn people_due_for_review(state: State<'_, AppState>) -> Result<Vec<ReviewDue>, AppError> {
    state.with(|s| s.people_due_for_review(chrono::Local::now().date_naive()))
}

/// Writes everything held about a person to a text file (a subject access request) and returns
/// where. An empty `path` means the documents folder (or home), named for the person and the day.
#[tauri::command]
pub fn export_subject_access(
    state: State<'_, AppState>,
    id: i64,
    path: String,
    replace: bool,
) -> Result<String, AppError> {
    let today = chrono::Local::now().date_naive();
    let path = if path.trim().is_empty() {
        super::documents().join(format!("subject-access-person-{id}-{today}.txt"))
    } else {
        PathBuf::from(path.trim())
    };
    state.with(|s| {
        let text = s.subject_access(id, today)?;
        let mut file = output_file::create(&path, s.path(), super::if_there(replace), "sar-path")?;
        file.write_all(text.as_bytes())
            .map_err(io_at("write to", &path))?;
        Ok(path.display().to_string())
    })
}

/// Erases a person, keeping a placeholder in their seats' history.
#[tauri::command]
pub fn erase_person(state: State<'_, AppState>, id: i64) -> Result<Erasure, AppError> {
    state.change(|s| s.erase_person(id))
}
