//! The import wizard and the groups export. The file is read here, by path, so a file chosen in
//! the native dialog and one typed into the path field take the same road.
//!
//! The checked plan stays in Rust between the steps, under a token, rather than going to the
//! window and back: a long file's plan is tens of megabytes of JSON, and the rows saved must be
//! exactly the rows checked, not whatever the window sends back. The window gets what it shows:
//! counts, the rejected rows and the matched rows.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use compactdir_core::error::io_at;
use compactdir_core::export::groups::rejected_rows;
use compactdir_core::export::output_file::{self, IfThere};

use super::if_there;
use compactdir_core::import::groups::RejectedRow;
use compactdir_core::import::mapping::{Field, Mapping, NamedMapping, Suggestion};
use compactdir_core::store::{Choices, ImportPlan, ImportSummary, Match, Progress, UndoSummary};
use compactdir_core::{CoreError, FieldProblem};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::error::AppError;
use crate::state::AppState;

/// The event the window listens to for the progress bar.
pub const PROGRESS_EVENT: &str = "import-progress";

/// The file being imported and, once checked, its plan. One at a time: choosing another file
/// starts again.
#[derive(Default)]
pub struct ImportSession {
    inner: Mutex<Option<Pending>>,
    next_token: Mutex<u64>,
}

struct Pending {
    token: u64,
    file_name: String,
    /// Shared, so a check takes the file without copying it or holding the session's lock.
    bytes: Arc<[u8]>,
    plan: Option<ImportPlan>,
    /// Once the plan is imported, every row it rejected: the check's, and those refused while
    /// saving (a new group with a number that is already a group's), as the summary lists them.
    rejected_by_import: Option<Vec<RejectedRow>>,
}

impl ImportSession {
    fn get<T>(&self, token: u64, f: impl FnOnce(&mut Pending) -> T) -> Result<T, AppError> {
        let mut guard = self
            .inner
            .lock()
            .map_err(|_| AppError::internal("the app hit an earlier error; restart it"))?;
        match guard.as_mut() {
            Some(p) if p.token == token => Ok(f(p)),
            _ => Err(AppError::from(CoreError::Conflict(
                "this import was started again with another file: choose the file again".into(),
            ))),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct FieldOption {
    pub key: &'static str,
    pub label: &'static str,
}

/// Step 1: what was found about the file, its first rows, and what the mapping step offers.
#[derive(Debug, Serialize)]
pub struct ImportPreview {
    pub token: u64,
    pub file_name: String,
    pub encoding: &'static str,
    pub delimiter: &'static str,
    pub header_row: Option<usize>,
    pub headers: Vec<String>,
    pub first_rows: Vec<Vec<String>>,
    pub suggestion: Suggestion,
    pub mappings: Vec<NamedMapping>,
    pub fields: Vec<FieldOption>,
}

#[derive(Debug, Serialize)]
pub struct MatchedRow {
    pub row: usize,
    pub shown_name: String,
    /// The name as the file has it (stored form), so the row can be found in the spreadsheet.
    pub name: String,
    #[serde(rename = "match")]
    pub matched: Match,
    /// For a row of this directory's own export matched to the group with its id: what updating
    /// will change, in words (`e-mail "x@y.org" will be cleared`); empty when nothing.
    pub edit: Option<Vec<String>>,
    /// For a matched row of the directory's own export whose id is not its group's: why it is
    /// updated cautiously.
    pub cautious: Option<String>,
}

/// Step 3: the checked file, without the rows that need no decision.
#[derive(Debug, Serialize)]
pub struct ImportCheck {
    pub token: u64,
    pub read: usize,
    /// Rows that passed their checks (matched or not).
    pub to_import: usize,
    pub matched: Vec<MatchedRow>,
    pub rejected: Vec<RejectedRow>,
    /// The file is this directory's groups export read with its own mapping.
    pub round_trip: bool,
    /// For the directory's own export: "12 rows change their group; 3 of them clear a field (5
    /// fields)", shown before the rows.
    pub edits_in_words: Option<String>,
}

fn path_of(path: &str, field: &str) -> Result<PathBuf, AppError> {
    let p = path.trim();
    if p.is_empty() {
        return Err(invalid(field, "Enter the path of a file, or choose one"));
    }
    Ok(PathBuf::from(p))
}

fn invalid(field: &str, message: impl Into<String>) -> AppError {
    AppError::from(CoreError::Invalid(vec![FieldProblem::new(field, message)]))
}

/// A file that could not be read or written, in the core's words (`CoreError::Io`: "could not
/// read the file to import /x.csv: there is no such file or folder"), beside `field` so the
/// window shows it at the path.
fn io_problem(field: &str, doing: &'static str, path: &Path, e: std::io::Error) -> AppError {
    invalid(field, io_at(doing, path)(e).to_string())
}

/// The file at the path typed or chosen, whole, and its name for the messages about it; a path
/// that cannot be read is refused beside `field`. The seats import reads its file this way too.
pub(super) fn read_named(path: &str, field: &str) -> Result<(String, Vec<u8>), AppError> {
    let path = path_of(path, field)?;
    let bytes =
        std::fs::read(&path).map_err(|e| io_problem(field, "read the file to import", &path, e))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((file_name, bytes))
}

fn emit(app: &AppHandle, p: Progress) {
    // A lost progress event only leaves the bar behind; the import goes on.
    let _ = app.emit(PROGRESS_EVENT, p);
}

/// Reads the file at `path` and starts a new import with it.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    session: State<'_, ImportSession>,
    path: String,
) -> Result<ImportPreview, AppError> {
    preview(state.inner(), session.inner(), &path)
}

/// `import_preview`, on the app's state.
fn preview(
    state: &AppState,
    session: &ImportSession,
    path: &str,
) -> Result<ImportPreview, AppError> {
    let (file_name, bytes) = read_named(path, "path")?;
    // An empty file, a workbook or a picture is refused by its name, beside the path.
    let (preview, mappings) = state.with(|s| {
        let preview = s
            .preview_group_import(&bytes)
            .map_err(|e| e.about_file(file_name.clone()))?;
        Ok((preview, s.mappings()?))
    })?;
    let token = {
        let mut next = session
            .next_token
            .lock()
            .map_err(|_| AppError::internal("the app hit an earlier error; restart it"))?;
        *next += 1;
        *next
    };
    // Not kept, the next step would wrongly say the import was started again with another file.
    *session
        .inner
        .lock()
        .map_err(|_| AppError::internal("the app hit an earlier error; restart it"))? =
        Some(Pending {
            token,
            file_name: file_name.clone(),
            bytes: bytes.into(),
            plan: None,
            rejected_by_import: None,
        });
    Ok(ImportPreview {
        token,
        file_name,
        encoding: preview.dialect.encoding.label(),
        delimiter: preview.dialect.delimiter.label(),
        header_row: preview.dialect.header_row,
        headers: preview.headers,
        first_rows: preview.first_rows,
        suggestion: preview.suggestion,
        mappings,
        fields: Field::ALL
            .iter()
            .map(|f| FieldOption {
                key: f.key(),
                label: f.label(),
            })
            .collect(),
    })
}

/// Checks every row with the confirmed mapping; writes nothing.
#[tauri::command]
pub async fn import_check(
    app: AppHandle,
    state: State<'_, AppState>,
    session: State<'_, ImportSession>,
    token: u64,
    mapping: Mapping,
) -> Result<ImportCheck, AppError> {
    check(state.inner(), session.inner(), token, &mapping, &mut |p| {
        emit(&app, p)
    })
}

/// `import_check`, on the app's state.
fn check(
    state: &AppState,
    session: &ImportSession,
    token: u64,
    mapping: &Mapping,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportCheck, AppError> {
    let (file_name, bytes) = session.get(token, |p| (p.file_name.clone(), Arc::clone(&p.bytes)))?;
    let plan = state.with(|s| {
        s.plan_group_import(&file_name, &bytes, mapping, progress)
            .map_err(|e| e.about_file(file_name.clone()))
    })?;
    let check = ImportCheck {
        token,
        read: plan.read,
        to_import: plan.rows.len(),
        matched: plan
            .rows
            .iter()
            .filter_map(|r| {
                r.matched.as_ref().map(|m| MatchedRow {
                    row: r.line.row,
                    shown_name: r.shown_name.clone(),
                    name: r.line.input.name.clone(),
                    matched: m.clone(),
                    edit: r
                        .edit
                        .as_ref()
                        .map(|e| e.iter().map(ToString::to_string).collect()),
                    cautious: r.cautious.clone(),
                })
            })
            .collect(),
        rejected: plan.rejected.clone(),
        round_trip: plan.round_trip,
        edits_in_words: plan.edits_in_words(),
    };
    session.get(token, |p| {
        p.plan = Some(plan);
        p.rejected_by_import = None;
    })?;
    Ok(check)
}

/// Writes the rejected rows to `path` as a CSV to correct and import again, as the command
/// line's `--rejected FILE` does: before the import, the rows the check rejected; after it, those
/// and the rows refused while saving. Returns how many rows it wrote.
#[tauri::command]
pub fn import_save_rejected(
    state: State<'_, AppState>,
    session: State<'_, ImportSession>,
    token: u64,
    path: String,
    replace: bool,
) -> Result<usize, AppError> {
    save_rejected(
        state.inner(),
        session.inner(),
        token,
        &path,
        if_there(replace),
    )
}

/// `import_save_rejected`, on the app's state.
fn save_rejected(
    state: &AppState,
    session: &ImportSession,
    token: u64,
    path: &str,
    if_there: IfThere,
) -> Result<usize, AppError> {
    let path = path_of(path, "rejected-path")?;
    let (csv, count) = session
        .get(token, |p| {
            p.plan.as_ref().map(|plan| {
                let rejected = p.rejected_by_import.as_deref().unwrap_or(&plan.rejected);
                (rejected_rows(&plan.headers, rejected), rejected.len())
            })
        })?
        .ok_or_else(|| AppError::from(CoreError::Conflict("check the file first".into())))?;
    let mut file =
        state.with(|s| output_file::create(&path, s.path(), if_there, "rejected-path"))?;
    file.write_all(&csv)
        .map_err(|e| io_problem("rejected-path", "write the rejected rows to", &path, e))?;
    Ok(count)
}

/// Saves the checked rows as chosen, in one transaction.
#[tauri::command]
pub async fn import_apply(
    app: AppHandle,
    state: State<'_, AppState>,
    session: State<'_, ImportSession>,
    token: u64,
    choices: Choices,
) -> Result<ImportSummary, AppError> {
    apply(state.inner(), session.inner(), token, &choices, &mut |p| {
        emit(&app, p)
    })
}

/// `import_apply`, on the app's state: the summary's rejected rows are kept for
/// `import_save_rejected`.
fn apply(
    state: &AppState,
    session: &ImportSession,
    token: u64,
    choices: &Choices,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportSummary, AppError> {
    let plan = session
        .get(token, |p| p.plan.clone())?
        .ok_or_else(|| AppError::from(CoreError::Conflict("check the file first".into())))?;
    let summary = state.change(|s| s.apply_group_import(&plan, choices, progress))?;
    // Another file chosen meanwhile has its own rows to save: the import is done all the same.
    let _ = session.get(token, |p| {
        p.rejected_by_import = Some(summary.rejected.clone());
    });
    Ok(summary)
}

/// Takes a whole import back.
#[tauri::command]
pub fn import_undo(state: State<'_, AppState>, id: i64) -> Result<UndoSummary, AppError> {
    state.change(|s| s.undo_import(id))
}

/// Saves the mapping under a name for the next file like this one.
#[tauri::command]
pub fn save_import_mapping(
    state: State<'_, AppState>,
    name: String,
    mapping: Mapping,
) -> Result<Vec<NamedMapping>, AppError> {
    state.with(|s| {
        s.save_mapping(&name, &mapping)?;
        s.mappings()
    })
}

/// Writes groups.csv to `path`; returns how many groups it holds.
#[tauri::command]
pub fn export_groups_csv(
    state: State<'_, AppState>,
    path: String,
    replace: bool,
) -> Result<usize, AppError> {
    export_groups(state.inner(), &path, if_there(replace))
}

/// `export_groups_csv`, on the app's state.
fn export_groups(state: &AppState, path: &str, if_there: IfThere) -> Result<usize, AppError> {
    let path = path_of(path, "export-path")?;
    state.with(|s| {
        let file = output_file::create(&path, s.path(), if_there, "export-path")?;
        s.export_groups(file, &path.display().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use compactdir_core::store::Choice;

    /// A folder of its own for one test, removed at the end.
    struct Folder(PathBuf);

    impl Folder {
        fn new(test: &str) -> Folder {
            let dir = std::env::temp_dir()
                .join(format!("compactdir-import-{test}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            Folder(dir)
        }
        fn path(&self, name: &str) -> String {
            self.0.join(name).display().to_string()
        }
    }

    impl Drop for Folder {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// A file that is not there is said in the core's words, beside the path: not "could not be
    /// used", worded here apart from every other message about a file.
    #[test]
    fn a_file_that_is_not_there_is_refused_beside_the_path_in_the_cores_words() {
        let dir = Folder::new("missing");
        let state = AppState::open(dir.0.join("directory.sqlite3"));
        let session = ImportSession::default();
        let missing = dir.path("no-such-file.csv");
        let e = preview(&state, &session, &missing).unwrap_err();
        assert_eq!((e.code, e.fields[0].field.as_str()), ("invalid", "path"));
        assert_eq!(
            e.fields[0].message,
            format!("could not read the file to import {missing}: there is no such file or folder")
        );
        assert_eq!(
            e.message,
            format!(
                "Could not read the file to import {missing}: there is no such file or folder."
            )
        );
    }

    /// The window's steps on a file: the rejected-rows file saved at the check has the check's
    /// rejected rows; saved after the import, it also has the row refused while saving (chosen as
    /// new with a number an earlier row has), written as the command line's `--rejected` writes it.
    #[test]
    fn after_the_import_the_rejected_rows_file_has_the_rows_refused_while_saving_too() {
        let dir = Folder::new("rejected");
        let state = AppState::open(dir.0.join("directory.sqlite3"));
        let session = ImportSession::default();
        let file = dir.path("groups.csv");
        std::fs::write(
            &file,
            "Organisation,Charity number,Postcode\r\n\
             Weaste Tenants,1187654,M5 3PF\r\n\
             Weaste Tenants Association,1187654,M5 4WT\r\n\
             Bad Postcode Group,,XX9\r\n",
        )
        .unwrap();
        let preview = preview(&state, &session, &file).unwrap();
        let checked = check(
            &state,
            &session,
            preview.token,
            &preview.suggestion.mapping,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(checked.rejected.len(), 1);
        assert_eq!(checked.matched.len(), 1, "row 3 has row 2's number");

        let at_check = dir.path("at-check.csv");
        assert_eq!(
            save_rejected(&state, &session, preview.token, &at_check, IfThere::Ask).unwrap(),
            1
        );

        let every_row_new = Choices {
            on_match: Choice::New,
            ..Default::default()
        };
        let summary = apply(&state, &session, preview.token, &every_row_new, &mut |_| {}).unwrap();
        assert_eq!((summary.added, summary.rejected.len()), (1, 2));

        let after = dir.path("after-import.csv");
        assert_eq!(
            save_rejected(&state, &session, preview.token, &after, IfThere::Ask).unwrap(),
            2
        );
        let saved = std::fs::read(&after).unwrap();
        assert_eq!(
            saved,
            rejected_rows(&preview.headers, &summary.rejected),
            "the command line's rejected-rows file"
        );
        let text = String::from_utf8(saved).unwrap();
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines[0],
            "row,problems,Organisation,Charity number,Postcode"
        );
        assert!(
            lines[1].starts_with("3,\"row 3, column Charity number: charity number (England and Wales) 1187654 is already on row 2 of this file")
                && lines[1].ends_with(",Weaste Tenants Association,1187654,M5 4WT"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].starts_with("4,\"row 4, column Postcode: XX9 is not a UK postcode"),
            "{}",
            lines[2]
        );
        assert_eq!(lines.len(), 3);
        let before = std::fs::read_to_string(&at_check).unwrap();
        assert_eq!(before.lines().count(), 2, "the check's one rejected row");
    }

    /// An empty file, a picture saved as .csv and a real CSV of wards, read in the window: the
    /// first two are refused by name, as written; the wards file is read (its mapping step lets
    /// the user choose a column) with no column suggested for the name.
    /// A typed path is the only road to the directory's own file from the window (the native
    /// dialog asks before replacing anything itself): it is refused, and a file already there is
    /// asked about before it is replaced.
    #[test]
    fn the_window_asks_before_replacing_a_file_and_never_writes_over_the_directory() {
        let dir = Folder::new("export-guard");
        let db = dir.0.join("directory.sqlite3");
        let state = AppState::open(db.clone());
        let db_before = std::fs::read(&db).unwrap();
        let err = export_groups(&state, &db.display().to_string(), IfThere::Replace).unwrap_err();
        assert_eq!(err.code, "invalid");
        assert_eq!(err.fields[0].field, "export-path");
        assert!(
            err.fields[0].message.ends_with(
                "is the directory file itself: writing there would destroy the directory. Choose another file name"
            ),
            "{}",
            err.fields[0].message
        );
        assert_eq!(std::fs::read(&db).unwrap(), db_before);

        let mine = dir.path("mine.csv");
        std::fs::write(&mine, "the user's own file").unwrap();
        let err = export_groups(&state, &mine, IfThere::Ask).unwrap_err();
        assert_eq!(err.code, "exists");
        assert_eq!(
            std::fs::read_to_string(&mine).unwrap(),
            "the user's own file"
        );
        export_groups(&state, &mine, IfThere::Replace).unwrap();
        assert!(std::fs::read_to_string(&mine)
            .unwrap()
            .contains("charity_number"));
        assert_eq!(if_there(false), IfThere::Ask);
        assert_eq!(if_there(true), IfThere::Replace);
    }

    #[test]
    fn files_with_no_groups_are_refused_by_name_or_read_with_no_name_column() {
        let dir = Folder::new("files");
        let state = AppState::open(dir.0.join("directory.sqlite3"));
        let session = ImportSession::default();
        let empty = dir.path("Empty.csv");
        std::fs::write(&empty, b"\xEF\xBB\xBF\r\n\r\n").unwrap();
        let e = preview(&state, &session, &empty).unwrap_err();
        assert_eq!(
            e.message,
            "Empty.csv is empty: it has no column names and no rows."
        );
        let png = dir.path("logo.csv");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("icons/icon.png"),
            &png,
        )
        .unwrap();
        let e = preview(&state, &session, &png).unwrap_err();
        assert_eq!(
            e.message,
            "logo.csv is not a text file (it looks like a PNG picture): choose the spreadsheet saved as CSV instead."
        );
        let wards = compactdir_tests::real_data("ons_ward_to_lad_may2022_greater_manchester.csv");
        let p = preview(&state, &session, &wards.display().to_string()).unwrap();
        assert_eq!(p.headers, ["wd22cd", "wd22nm", "lad22cd", "lad22nm"]);
        assert!(p.suggestion.mapping.columns.is_empty());
    }
}
