use compactdir_core::domain::classification::Suggestion;
use compactdir_core::domain::group::{self, FeatureAnswer, Group, GroupInput, GroupRow};
use compactdir_core::domain::search::Hit;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn list_groups(state: State<'_, AppState>) -> Result<Vec<GroupRow>, AppError> {
    state.with(|s| s.list_groups())
}

#[tauri::command]
pub fn get_group(state: State<'_, AppState>, id: i64) -> Result<Group, AppError> {
    state.with(|s| s.get_group(id))
}

/// Saves the group form. A new group that is probably one already in the directory is refused
/// with `likely_duplicate` (naming those groups) unless `allow_likely_duplicate`.
#[tauri::command]
pub fn save_group(
    state: State<'_, AppState>,
    input: GroupInput,
    allow_likely_duplicate: Option<bool>,
) -> Result<Group, AppError> {
    state.change(|s| s.save_group_from_form(input, allow_likely_duplicate.unwrap_or(false)))
}

#[tauri::command]
pub fn suggest_class(features: Vec<FeatureAnswer>) -> Suggestion {
    group::suggest_for(&features)
}

/// Search as you type: the best matches, best first, with positions to highlight.
#[tauri::command]
pub fn search_groups(
    state: State<'_, AppState>,
    query: String,
    limit: Option<usize>,
) -> Result<Vec<Hit>, AppError> {
    state.search(|index| index.search(&query, limit.unwrap_or(50).min(200)))
}

/// The "needs checking" queue, by the directory's own setting for how old is too old.
#[tauri::command]
pub fn needs_checking(state: State<'_, AppState>) -> Result<Vec<GroupRow>, AppError> {
    state.with(|s| {
        let months = s.settings()?.stale_months;
        s.needs_checking(chrono::Local::now().date_naive(), months)
    })
}

/// "Checked today" in one click.
#[tauri::command]
pub fn mark_checked(state: State<'_, AppState>, id: i64, by: String) -> Result<Group, AppError> {
    state.change(|s| s.mark_checked(id, chrono::Local::now().date_naive(), &by))
}
