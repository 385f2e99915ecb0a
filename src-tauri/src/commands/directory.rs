use compactdir_core::domain::reference::ReferenceData;
use compactdir_core::store::{DirectorySummary, Settings};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn directory_summary(state: State<'_, AppState>) -> Result<DirectorySummary, AppError> {
    state.with(|s| s.summary())
}

#[tauri::command]
pub fn reference_data(state: State<'_, AppState>) -> Result<ReferenceData, AppError> {
    state.with(|s| s.reference_data())
}

#[tauri::command]
pub fn remove_demo(state: State<'_, AppState>) -> Result<DirectorySummary, AppError> {
    state.change(|s| {
        s.remove_demo()?;
        s.summary()
    })
}

#[tauri::command]
pub fn settings(state: State<'_, AppState>) -> Result<Settings, AppError> {
    state.with(|s| s.settings())
}

#[tauri::command]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings, AppError> {
    state.with(|s| s.save_settings(settings))
}
