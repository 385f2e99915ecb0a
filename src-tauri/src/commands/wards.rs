//! The ward list from the window, as `compactdir wards` does it: the districts loaded (with what
//! uses them) and the list's record, the districts of a file before loading it, loading a file's
//! wards for one district, and removing a district's wards. The rules are the core's.

use compactdir_core::import::wards::{self, FileDistrict};
use compactdir_core::store::{WardDistrict, WardListChange, WardsLoaded};
use serde::Serialize;
use tauri::State;

use super::import::read_named;
use crate::error::AppError;
use crate::state::AppState;

/// The ward list as the wards tool shows it.
#[derive(Debug, Serialize)]
pub struct WardList {
    pub districts: Vec<WardDistrict>,
    /// Loads and removals, newest first.
    pub changes: Vec<WardListChange>,
}

#[tauri::command]
pub fn ward_list(state: State<'_, AppState>) -> Result<WardList, AppError> {
    state.with(|s| {
        Ok(WardList {
            districts: s.ward_districts()?,
            changes: s.ward_list_changes()?,
        })
    })
}

/// The districts of the ward list at `path` (empty when it has no district column).
#[tauri::command]
pub async fn ward_file_districts(path: String) -> Result<Vec<FileDistrict>, AppError> {
    let (name, bytes) = read_named(&path, "path")?;
    Ok(wards::districts_in(&name, &bytes)?)
}

/// Loads the wards of `district` (all of them when none) from the list at `path`.
#[tauri::command]
pub async fn load_wards(
    state: State<'_, AppState>,
    path: String,
    district: Option<String>,
) -> Result<WardsLoaded, AppError> {
    let (name, bytes) = read_named(&path, "path")?;
    let rows = wards::read(&name, &bytes, district.as_deref())?;
    // `change`: the wards are in every form's choices and the gaps.
    state.change(|s| s.load_wards(&rows, &name))
}

/// Removes every ward of `district`; refused in words while anything uses one of them.
#[tauri::command]
pub fn remove_ward_district(
    state: State<'_, AppState>,
    district: String,
) -> Result<usize, AppError> {
    state.change(|s| s.remove_ward_district(&district))
}

/// How many wards removing `district`'s would remove, removing nothing; refused in the same
/// words as `remove_ward_district` while anything uses them, so the window says so at once
/// rather than asking first.
#[tauri::command]
pub fn check_ward_district_removal(
    state: State<'_, AppState>,
    district: String,
) -> Result<usize, AppError> {
    state.with(|s| s.check_ward_district_removal(&district))
}
