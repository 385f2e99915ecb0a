//! The Gaps screen: the representation matrix, the seat balance per partnership, the wards and
//! categories with no known group, and saving the matrix as a picture.

use std::path::PathBuf;

use compactdir_core::domain::balance::SeatBalance;
use compactdir_core::domain::coverage::DirectoryCoverage;
use compactdir_core::domain::gaps::{GapCell, GapMatrix};
use compactdir_core::export::{output_file, picture};
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
    let mut m = state.with(|s| s.gaps_as_shown(today()))?;
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
            |s| s.gaps_as_shown(today()),
            |m| m.cell(partnership_id, category_id).cloned(),
        )?
        .ok_or_else(|| AppError {
            code: "not_found",
            message: "That partnership or category is no longer in the matrix; open Gaps again."
                .into(),
            fields: Vec::new(),
            likely_duplicates: Vec::new(),
        })
}

#[tauri::command]
pub async fn seat_balance(state: State<'_, AppState>) -> Result<Vec<SeatBalance>, AppError> {
    state.with(|s| s.seat_balance_as_shown(today()))
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
/// An empty path means the documents folder. The core's rules apply (`export::picture`): only
/// `.svg` files, a whole path, never over the directory file, asked before replacing a file,
/// folders on the way made.
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
    picture::write_svg(&path, svg, db, if_there, "picture_path")?;
    Ok(path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::write_picture;
    use compactdir_core::export::output_file::IfThere;

    /// The core's rules reach the window as a code to branch on and a sentence beside the path;
    /// the rules themselves are tested in the core (`export::picture`).
    #[test]
    fn the_picture_is_written_by_the_cores_rules_and_refusals_come_back_beside_the_path() {
        let dir = std::env::temp_dir().join(format!("compactdir-picture-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("directory.sqlite3");
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
        let save = |path: &std::path::Path, svg: &str, if_there| {
            write_picture(&db, &path.display().to_string(), svg, if_there)
        };

        // A folder not made yet is made, as for every file an export writes.
        let file = dir.join("no-such-folder").join("gaps.SVG");
        assert_eq!(
            save(&file, svg, IfThere::Ask).unwrap(),
            file.display().to_string()
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), svg);

        let e = save(&dir.join("directory.sqlite3"), svg, IfThere::Replace).unwrap_err();
        assert_eq!(
            (e.code, e.fields[0].field.as_str()),
            ("invalid", "picture_path")
        );
        assert!(
            e.message.starts_with('/') && e.message.ends_with("(for example gaps.svg)."),
            "{}",
            e.message
        );
        let e = write_picture(&db, "gaps.svg", svg, IfThere::Replace).unwrap_err();
        assert!(
            e.message.starts_with("Type the whole path"),
            "{}",
            e.message
        );
        let e = save(&dir.join("x.svg"), "hello", IfThere::Replace).unwrap_err();
        assert_eq!((e.code, e.fields[0].field.as_str()), ("invalid", "svg"));
        assert!(!db.exists() && !dir.join("x.svg").exists());
        // A picture already there is asked about before it is replaced.
        let e = save(&file, "<svg/>", IfThere::Ask).unwrap_err();
        assert_eq!(e.code, "exists");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), svg);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
