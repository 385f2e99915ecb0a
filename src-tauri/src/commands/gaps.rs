//! The Gaps screen: the representation matrix, the seat balance per partnership, the wards and
//! categories with no known group, and saving the matrix as a picture.

use std::path::PathBuf;

use compactdir_core::domain::balance::SeatBalance;
use compactdir_core::domain::coverage::DirectoryCoverage;
use compactdir_core::domain::gaps::{GapCell, GapMatrix};
use compactdir_core::export::output_file;
use tauri::State;

use crate::commands::partnerships::today;
use crate::error::AppError;
use crate::state::AppState;

// The three reports below are async so they run off the window's thread: on a directory of
// 1,000 partnerships they take about half a second each, and a sync command would freeze the
// window (typing, scrolling) for that long.

/// Partnerships by categories; `by_gaps` puts the partnerships with most gaps first, otherwise
/// they come by name.
#[tauri::command]
pub async fn gap_matrix(state: State<'_, AppState>, by_gaps: bool) -> Result<GapMatrix, AppError> {
    let mut m = state.with(|s| s.gaps(today()))?;
    if by_gaps {
        m.sort_by_gaps();
    }
    // Without the explanations (most of its size): a chosen cell's come from `gap_cell`.
    Ok(state.keep_gaps(m))
}

/// One cell of the matrix with its explanation and seats, when the user chooses it.
#[tauri::command]
pub async fn gap_cell(
    state: State<'_, AppState>,
    partnership_id: i64,
    category_id: i64,
) -> Result<GapCell, AppError> {
    state
        .kept_gaps(
            |s| s.gaps(today()),
            |m| m.cell(partnership_id, category_id).cloned(),
        )?
        .ok_or_else(|| AppError {
            code: "not_found",
            message: "That partnership or category is no longer in the matrix; open Gaps again."
                .into(),
            fields: Vec::new(),
        })
}

#[tauri::command]
pub async fn seat_balance(state: State<'_, AppState>) -> Result<Vec<SeatBalance>, AppError> {
    state.with(|s| s.seat_balance(today()))
}

#[tauri::command]
pub async fn directory_coverage(state: State<'_, AppState>) -> Result<DirectoryCoverage, AppError> {
    state.with(|s| s.directory_coverage())
}

/// Where a saved picture goes unless the user types another path: the documents folder.
fn default_path() -> PathBuf {
    super::documents().join(format!("representation-gaps-{}.svg", today()))
}

/// The path the picture form starts with.
#[tauri::command]
pub fn default_picture_path() -> String {
    default_path().display().to_string()
}

/// Writes the matrix picture (SVG text built by the window) to `path`; returns where it went.
/// An empty path means the documents folder. Only `.svg` files are written, so a mistyped path
/// cannot overwrite the directory file or anything else.
#[tauri::command]
pub fn save_picture(
    state: State<'_, AppState>,
    path: String,
    svg: String,
    replace: bool,
) -> Result<String, AppError> {
    let db = state.with(|s| Ok(s.path().to_path_buf()))?;
    write_picture(&db, &path, &svg, super::if_there(replace))
}

/// `save_picture` beside the directory file `db`.
fn write_picture(
    db: &std::path::Path,
    path: &str,
    svg: &str,
    if_there: output_file::IfThere,
) -> Result<String, AppError> {
    let path = if path.trim().is_empty() {
        default_path()
    } else {
        PathBuf::from(path.trim())
    };
    let is_svg = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    if !is_svg {
        return Err(invalid("The picture's file name must end in .svg."));
    }
    if !path.is_absolute() {
        return Err(invalid(
            "Type the whole path, starting from the top folder (for example /home/you/Documents/gaps.svg).",
        ));
    }
    if !path.parent().is_some_and(|p| p.is_dir()) {
        return Err(invalid(
            "That folder does not exist; choose a folder that does.",
        ));
    }
    if !svg.trim_start().starts_with("<svg") {
        return Err(AppError::internal("the picture was not an SVG image"));
    }
    output_file::check(&path, db, if_there, "picture_path")?;
    std::fs::write(&path, svg).map_err(|e| {
        AppError::storage(format!(
            "The picture could not be saved to {}: {e}.",
            path.display()
        ))
    })?;
    Ok(path.display().to_string())
}

fn invalid(message: &str) -> AppError {
    AppError {
        code: "invalid",
        message: message.to_string(),
        fields: vec![compactdir_core::FieldProblem {
            field: "picture_path".into(),
            message: message.to_string(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::write_picture;
    use compactdir_core::export::output_file::IfThere;

    fn save_picture(path: String, svg: String) -> Result<String, crate::error::AppError> {
        let db = std::env::temp_dir().join("compactdir-picture-directory.sqlite3");
        write_picture(&db, &path, &svg, IfThere::Replace)
    }

    #[test]
    fn writes_an_svg_and_refuses_other_names_relative_paths_and_missing_folders() {
        let dir = std::env::temp_dir().join(format!("compactdir-picture-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";

        let file = dir.join("gaps.SVG");
        let saved = save_picture(file.display().to_string(), svg.into()).unwrap();
        assert_eq!(saved, file.display().to_string());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), svg);

        let refused = |path: String| save_picture(path, svg.into()).unwrap_err();
        let e = refused(dir.join("directory.sqlite3").display().to_string());
        assert_eq!(
            (e.code, e.fields[0].field.as_str()),
            ("invalid", "picture_path")
        );
        assert!(e.message.contains(".svg"), "{}", e.message);
        assert!(refused("gaps.svg".into()).message.contains("whole path"));
        let missing = dir.join("no-such-folder").join("gaps.svg");
        assert!(refused(missing.display().to_string())
            .message
            .contains("does not exist"));
        assert!(!dir.join("directory.sqlite3").exists());
        let not_svg = save_picture(dir.join("x.svg").display().to_string(), "hello".into());
        assert_eq!(not_svg.unwrap_err().code, "internal");
        // A picture already there is asked about before it is replaced.
        let db = dir.join("directory.sqlite3");
        let asked = write_picture(&db, &file.display().to_string(), "<svg/>", IfThere::Ask);
        assert_eq!(asked.unwrap_err().code, "exists");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), svg);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
