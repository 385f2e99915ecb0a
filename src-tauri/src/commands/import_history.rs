//! The Import and export screen's list of earlier imports, groups and seats together, newest
//! first; each is undone by its own kind's command (`import_undo`, `undo_seat_import`).

use compactdir_core::store::EarlierImport;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn list_imports(state: State<'_, AppState>) -> Result<Vec<EarlierImport>, AppError> {
    list(state.inner())
}

fn list(state: &AppState) -> Result<Vec<EarlierImport>, AppError> {
    state.with(|s| s.earlier_imports())
}

#[cfg(test)]
mod tests {
    use super::*;
    use compactdir_core::store::ImportKind;
    use compactdir_tests::TempDirectory;

    /// A seats import saved, then undone: listed, then listed as undone, on the window's state
    /// over a real directory file.
    #[test]
    fn a_seats_import_is_listed_and_then_listed_as_undone() {
        let t = TempDirectory::new();
        let state = AppState::open(t.path.clone());
        let before = list(&state).unwrap().len();
        let id = state
            .change(|s| {
                s.import_seats(
                    "panel.csv",
                    "partnership,seat,sector\nOrdsall Residents Panel,Tenants' seat,residents\n"
                        .as_bytes(),
                )
            })
            .unwrap()
            .import_id
            .unwrap();
        let listed = list(&state).unwrap();
        assert_eq!(listed.len(), before + 1);
        assert_eq!(
            (listed[0].kind, listed[0].id, listed[0].file_name.as_str()),
            (ImportKind::Seats, id, "panel.csv")
        );
        assert_eq!(listed[0].undone_at, None);

        state.change(|s| s.undo_seat_import(id)).unwrap();
        assert!(list(&state).unwrap()[0].undone_at.is_some());
    }
}
