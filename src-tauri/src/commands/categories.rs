use compactdir_core::domain::reference::Category;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn add_category(state: State<'_, AppState>, name: String) -> Result<Category, AppError> {
    state.change(|s| s.add_category(&name))
}

#[tauri::command]
pub fn rename_category(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<Category, AppError> {
    state.change(|s| s.rename_category(id, &name))
}

#[tauri::command]
pub fn set_category_retired(
    state: State<'_, AppState>,
    id: i64,
    retired: bool,
) -> Result<Category, AppError> {
    state.change(|s| s.set_category_retired(id, retired))
}
