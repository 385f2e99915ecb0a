//! The annual partnership review pack and the Open Referral UK tables, written from the window to
//! a folder, as the command line's `export review` and `export hsds` write them.

use std::path::PathBuf;

use compactdir_core::export::hsds::HsdsSummary;
use compactdir_core::store::{review_as_of, ReviewPack};
use compactdir_core::{CoreError, FieldProblem};
use tauri::State;

use crate::commands::partnerships::today;
use crate::error::AppError;
use crate::state::AppState;

/// Writes the review pack for `year` (as typed) into `folder`; an empty folder means one named
/// for the year in the documents folder. Returns what was written, and where.
#[tauri::command]
pub async fn export_review_pack(
    state: State<'_, AppState>,
    year: String,
    folder: String,
) -> Result<ReviewPack, AppError> {
    let today = today();
    let year = review_year(&year, today)?;
    let folder = folder_or(
        &folder,
        "review-folder",
        &format!("partnership-review-{year}"),
    )?;
    state.with(|s| s.export_review(year, &folder, today))
}

/// Writes organizations.csv and organization_identifiers.csv into `folder`; an empty folder means
/// one named for the day in the documents folder.
#[tauri::command]
pub async fn export_open_referral(
    state: State<'_, AppState>,
    folder: String,
) -> Result<OpenReferralExport, AppError> {
    let folder = folder_or(
        &folder,
        "hsds-folder",
        &format!("open-referral-{}", today()),
    )?;
    let summary = state.with(|s| s.export_hsds(&folder))?;
    Ok(OpenReferralExport {
        folder: folder.display().to_string(),
        summary,
    })
}

#[derive(serde::Serialize)]
pub struct OpenReferralExport {
    folder: String,
    #[serde(flatten)]
    summary: HsdsSummary,
}

/// The year as typed, refused beside its field unless it is a year whose review can be written.
fn review_year(text: &str, today: chrono::NaiveDate) -> Result<i32, AppError> {
    let t = text.trim();
    // Four digits at most; the core says why a year is too early or not begun yet.
    let year: i32 = match t.parse() {
        Ok(y) if (0..=9999).contains(&y) => y,
        _ if t.is_empty() => return Err(invalid("review-year", "Enter the year to review")),
        _ => {
            return Err(invalid(
                "review-year",
                format!("{t} is not a year: type it as 2026"),
            ))
        }
    };
    // The core says why a year cannot be reviewed (before 1900, not begun yet); shown beside
    // the year.
    review_as_of(year, today).map_err(|e| match e {
        CoreError::Conflict(why) => invalid("review-year", why),
        other => AppError::from(other),
    })?;
    Ok(year)
}

/// The folder as typed (a whole path, since the app has no working folder a user knows of), or
/// `default_name` in the documents folder when nothing was typed.
fn folder_or(text: &str, field: &str, default_name: &str) -> Result<PathBuf, AppError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(super::documents().join(default_name));
    }
    let path = PathBuf::from(t);
    if !path.is_absolute() {
        return Err(invalid(
            field,
            "Type the whole path of the folder, starting from the top (for example /home/you/Documents/review)",
        ));
    }
    if path.is_file() {
        return Err(invalid(
            field,
            format!("{t} is a file: choose a folder, or a name for a new one"),
        ));
    }
    Ok(path)
}

fn invalid(field: &str, message: impl Into<String>) -> AppError {
    AppError::from(CoreError::Invalid(vec![FieldProblem::new(field, message)]))
}

#[cfg(test)]
mod tests {
    use super::{folder_or, review_year};
    use chrono::NaiveDate;

    fn field_message(e: crate::error::AppError) -> (String, String) {
        let f = &e.fields[0];
        (f.field.clone(), f.message.clone())
    }

    #[test]
    fn a_year_is_read_or_refused_beside_its_field_in_words() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(review_year(" 2025 ", today).unwrap(), 2025);
        assert_eq!(review_year("2026", today).unwrap(), 2026);
        let (field, message) = field_message(review_year("2027", today).unwrap_err());
        assert_eq!(field, "review-year");
        assert!(message.contains("has not begun"), "{message}");
        let (field, message) = field_message(review_year("1899", today).unwrap_err());
        assert_eq!(field, "review-year");
        assert!(message.starts_with("1899 is before 1900"), "{message}");
        let (_, message) = field_message(review_year("twenty", today).unwrap_err());
        assert_eq!(message, "twenty is not a year: type it as 2026");
        let (_, message) = field_message(review_year("", today).unwrap_err());
        assert_eq!(message, "Enter the year to review");
    }

    #[test]
    fn a_folder_is_a_whole_path_or_the_documents_folder() {
        let documents = super::super::documents();
        assert_eq!(
            folder_or("  ", "review-folder", "partnership-review-2026").unwrap(),
            documents.join("partnership-review-2026")
        );
        let (field, message) = field_message(folder_or("review", "hsds-folder", "x").unwrap_err());
        assert_eq!(field, "hsds-folder");
        assert!(message.starts_with("Type the whole path"), "{message}");
        // The test binary itself: a file that is surely there.
        let typed = std::env::current_exe().unwrap().display().to_string();
        let (_, message) = field_message(folder_or(&typed, "hsds-folder", "x").unwrap_err());
        assert!(message.ends_with("is a file: choose a folder, or a name for a new one"));
    }
}
