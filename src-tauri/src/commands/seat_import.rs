//! The seats spreadsheet, imported from the window as `compactdir import seats` does it: the file
//! is read here by path (typed or chosen in the native dialog), the core checks every row and
//! saves all of them or none; an import is taken back as one step by `undo_seat_import`.

use compactdir_core::store::{SeatImportSummary, SeatImportUndo};
use serde::Serialize;
use tauri::State;

use super::import::read_named;
use crate::error::AppError;
use crate::state::AppState;

/// Imports the seats file at `path`. A refused file comes back as the core gives it: every row's
/// problem as a field problem ("row N, column C: why", on the column's name), or one sentence
/// naming the file when it has no table to read; nothing is saved either way.
#[tauri::command]
pub async fn import_seats(
    state: State<'_, AppState>,
    path: String,
) -> Result<SeatImportSummary, AppError> {
    import(state.inner(), &path)
}

/// `import_seats`, on the app's state.
fn import(state: &AppState, path: &str) -> Result<SeatImportSummary, AppError> {
    let (file_name, bytes) = read_named(path, "path")?;
    // `change`: new seats and holders are new rows for the search, the gaps and every list.
    state.change(|s| {
        s.import_seats(&file_name, bytes.as_slice())
            .map_err(|e| e.about_file(file_name))
    })
}

/// What undoing a seats import did: the counts, and the same in words for the window to say.
#[derive(Debug, Serialize)]
pub struct SeatImportUndone {
    #[serde(flatten)]
    pub counts: SeatImportUndo,
    /// "1 partnership, 3 seats and 2 appointments removed; 1 seat put back as it was".
    pub words: String,
}

/// Takes a whole seats import back; refused in words, changing nothing, when something since
/// depends on what it added.
#[tauri::command]
pub async fn undo_seat_import(
    state: State<'_, AppState>,
    id: i64,
) -> Result<SeatImportUndone, AppError> {
    undo(state.inner(), id)
}

/// `undo_seat_import`, on the app's state.
fn undo(state: &AppState, id: i64) -> Result<SeatImportUndone, AppError> {
    // `change`: the seats and people it takes away leave the search, the gaps and every list.
    let counts = state.change(|s| s.undo_seat_import(id))?;
    Ok(SeatImportUndone {
        words: counts.to_string(),
        counts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use compactdir_tests::TempDirectory;

    const HEADER: &str =
        "partnership,seat,sector,constituency,holder,holder_group,term_start,term_end,selection\r\n";

    /// The directory's size as the window's lists show it: partnerships, seats, people, and
    /// seats with a holder today.
    fn sizes(state: &AppState) -> [usize; 4] {
        state
            .with(|s| {
                let today = crate::commands::partnerships::today();
                let rows = s.list_partnerships(today)?;
                let seats = rows.iter().map(|p| p.seats).sum();
                let vacant: usize = rows.iter().map(|p| p.vacant).sum();
                Ok([rows.len(), seats, s.list_people()?.len(), seats - vacant])
            })
            .unwrap()
    }

    fn write(t: &TempDirectory, name: &str, text: &str) -> String {
        let path = t.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    /// A new partnership's seats, held by people from groups of the demo directory (by name and
    /// by charity number), a vacant seat, and a new constituency for a demo partnership's seat.
    #[test]
    fn a_seats_file_imports_whole_and_its_holders_are_on_the_partnership() {
        let t = TempDirectory::new();
        let state = AppState::open(t.path.clone());
        let before = sizes(&state);
        let file = write(
            &t,
            "ordsall.csv",
            &format!(
                "{HEADER}Ordsall Residents Panel,Tenants' seat,residents,Council tenants in Ordsall,Priya Shah,Trinity Estate Residents Association,2026-01-05,2028-01-04,open election\r\n\
                 Ordsall Residents Panel,Voluntary sector seat,VCSE,,Sam Ojo,1092385,05/01/2026,,open nomination\r\n\
                 Ordsall Residents Panel,Council seat,public,,,,,,\r\n\
                 Older People's Partnership,NHS community services,public,People using NHS community services,,,,,\r\n"
            ),
        );
        let summary = import(&state, &file).unwrap();
        assert_eq!(
            summary,
            SeatImportSummary {
                import_id: summary.import_id,
                rows: 4,
                partnerships_created: vec!["Ordsall Residents Panel".into()],
                seats_created: 3,
                seats_updated: 1,
                people_created: 2,
                appointments_created: 2,
                appointments_already_recorded: 0,
            }
        );
        let [p, seats, people, held] = before;
        assert_eq!(sizes(&state), [p + 1, seats + 3, people + 2, held + 2]);

        let page = state
            .with(|s| {
                let today = crate::commands::partnerships::today();
                let id = s
                    .list_partnerships(today)?
                    .into_iter()
                    .find(|r| r.name == "Ordsall Residents Panel")
                    .expect("the new partnership is listed")
                    .id;
                s.get_partnership(id, today)
            })
            .unwrap();
        let holders: Vec<(String, Option<String>, Option<String>)> = page
            .seats
            .iter()
            .map(|seat| {
                let h = seat.holder.as_ref();
                (
                    seat.label.clone(),
                    h.map(|h| h.person.clone()),
                    h.and_then(|h| h.group.clone()),
                )
            })
            .collect();
        assert_eq!(
            holders,
            [
                (
                    "Tenants' seat".into(),
                    Some("Priya Shah".into()),
                    Some("Trinity Estate Residents Association".into())
                ),
                (
                    "Voluntary sector seat".into(),
                    Some("Sam Ojo".into()),
                    Some("Salford Later Life Trust".into())
                ),
                ("Council seat".into(), None, None),
            ],
            "the group by name, and by its charity number"
        );

        // Taken back as one step: the directory's lists are as they were before.
        let undone = undo(&state, summary.import_id.unwrap()).unwrap();
        assert_eq!(
            undone.words,
            "1 partnership, 3 seats, 2 people and 2 appointments removed; 1 seat put back as it was"
        );
        assert_eq!(sizes(&state), before);
        let again = undo(&state, summary.import_id.unwrap()).unwrap_err();
        assert_eq!(again.code, "conflict");
        assert!(
            again.message.contains("was already undone"),
            "{}",
            again.message
        );
    }

    /// One bad row among good ones: every problem comes back on its column, saying its row, and
    /// not even the good rows are kept.
    #[test]
    fn a_file_with_a_bad_row_is_refused_by_row_and_column_and_saves_nothing() {
        let t = TempDirectory::new();
        let state = AppState::open(t.path.clone());
        let before = sizes(&state);
        let file = write(
            &t,
            "seats.csv",
            &format!(
                "{HEADER}Ordsall Residents Panel,Tenants' seat,residents,,Priya Shah,,2026-01-05,,open election\r\n\
                 Ordsall Residents Panel,Voluntary sector seat,VCSE,,Sam Ojo,,2026-06-01,2026-01-31,open nomination\r\n\
                 Ordsall Residents Panel,Faith seat,VCSE,,Ruth Adler,No Such Group,2026-01-05,,invited\r\n"
            ),
        );
        let e = import(&state, &file).unwrap_err();
        assert_eq!(e.code, "invalid");
        assert_eq!(e.message, "There are 2 problems to fix before saving.");
        let problems: Vec<(&str, &str)> = e
            .fields
            .iter()
            .map(|p| (p.field.as_str(), p.message.as_str()))
            .collect();
        assert_eq!(
            problems,
            [
                (
                    "term_end",
                    "row 3, column term_end: the term cannot end (31 January 2026) before it starts (1 June 2026)"
                ),
                (
                    "holder_group",
                    "row 4, column holder_group: no group called \"No Such Group\" (or with that number) is in the directory: add it first, or leave the cell empty"
                ),
            ]
        );
        assert_eq!(sizes(&state), before, "not even row 2 was kept");
    }

    /// A file with nothing to import is refused in a sentence that names it, with no field of its
    /// own, so the window puts it beside the path; a path with no file is refused beside it too.
    #[test]
    fn an_empty_file_or_a_missing_one_is_refused_naming_it() {
        let t = TempDirectory::new();
        let state = AppState::open(t.path.clone());
        let before = sizes(&state);

        let empty = write(&t, "Seats April.csv", "\u{feff}\r\n\r\n");
        let e = import(&state, &empty).unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str(), e.fields.len()),
            (
                "invalid",
                "Seats April.csv is empty: it has no column names and no rows.",
                0
            )
        );

        let header_only = write(&t, "template.csv", HEADER);
        let e = import(&state, &header_only).unwrap_err();
        assert!(
            e.message
                .starts_with("template.csv has column names (partnership, seat, sector, "),
            "{}",
            e.message
        );

        let missing = t.dir.path().join("no-such-file.csv");
        let e = import(&state, &missing.display().to_string()).unwrap_err();
        assert_eq!(e.fields[0].field, "path");
        assert_eq!(
            e.fields[0].message,
            format!(
                "could not read the file to import {}: there is no such file or folder",
                missing.display()
            )
        );
        let e = import(&state, "  ").unwrap_err();
        assert_eq!(e.fields[0].field, "path");
        assert_eq!(sizes(&state), before);
    }
}
