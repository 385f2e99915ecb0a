//! Core errors as the UI receives them: a stable `code` to branch on, a sentence to show, and
//! the refused fields to put beside their inputs.

use compactdir_core::domain::group::LikelyDuplicate;
use compactdir_core::{CoreError, FieldProblem};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct AppError {
    pub code: &'static str,
    pub message: String,
    pub fields: Vec<FieldProblem>,
    /// With `likely_duplicate`: the groups already in the directory the new one may be, so the
    /// form can offer to open them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub likely_duplicates: Vec<LikelyDuplicate>,
}

impl AppError {
    pub fn internal(message: impl Into<String>) -> Self {
        AppError {
            code: "internal",
            message: message.into(),
            fields: Vec::new(),
            likely_duplicates: Vec::new(),
        }
    }
    pub fn storage(message: String) -> Self {
        AppError {
            code: "storage",
            message,
            fields: Vec::new(),
            likely_duplicates: Vec::new(),
        }
    }
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> Self {
        let message = match &e {
            CoreError::Invalid(fields) if fields.len() > 1 => {
                format!("There are {} problems to fix before saving.", fields.len())
            }
            // The storage error says itself that nothing was saved.
            CoreError::Io { .. } | CoreError::Pragma { .. } => {
                format!("Nothing was saved: {e}.")
            }
            // They start with a name, which keeps its own case.
            CoreError::ImportFile { .. }
            | CoreError::LikelyDuplicate(_)
            | CoreError::WardsInUse(_) => full_stop(e.to_string()),
            _ => sentence(&e.to_string()),
        };
        let likely_duplicates = match &e {
            CoreError::LikelyDuplicate(found) => found.clone(),
            _ => Vec::new(),
        };
        AppError {
            code: e.code(),
            message,
            fields: e.fields().to_vec(),
            likely_duplicates,
        }
    }
}

/// Capital first letter and a full stop, as a sentence on screen should have.
fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => full_stop(c.to_uppercase().chain(chars).collect()),
        None => String::new(),
    }
}

/// The words with a full stop at the end, unless they end a sentence already.
fn full_stop(mut s: String) -> String {
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_field_keeps_its_name_and_becomes_a_sentence() {
        let e = AppError::from(CoreError::Invalid(vec![FieldProblem::new(
            "postcode",
            "AB1 2CD is not a UK postcode",
        )]));
        assert_eq!(e.code, "invalid");
        assert_eq!(e.message, "AB1 2CD is not a UK postcode.");
        assert_eq!(e.fields[0].field, "postcode");
    }

    #[test]
    fn a_refused_change_says_once_that_nothing_was_saved() {
        let e = AppError::from(CoreError::from(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        )));
        assert_eq!(e.code, "storage");
        assert_eq!(
            e.message,
            "The database refused it (another program is using the directory file: try again in \
             a moment), so nothing was saved and the directory is as it was."
        );
    }

    #[test]
    fn a_file_with_nothing_to_import_is_named_as_written() {
        let e = AppError::from(CoreError::ImportFile {
            file: Some("wards.csv".into()),
            problem: compactdir_core::import::dialect::FileProblem::Empty,
        });
        assert_eq!(e.code, "invalid");
        assert_eq!(
            e.message,
            "wards.csv is empty: it has no column names and no rows."
        );
    }

    #[test]
    fn wards_in_use_are_a_conflict_said_with_the_districts_own_case() {
        let e = AppError::from(CoreError::WardsInUse(compactdir_core::WardsInUse {
            district: "bolton".into(),
            wards: 1,
            groups: 1,
            seats: 0,
            merges: 0,
            named: vec!["ST JOHN'S CENTRE".into()],
        }));
        assert_eq!(e.code, "conflict");
        assert_eq!(
            e.message,
            "bolton's wards cannot be removed: 1 of them is chosen by 1 group (ST JOHN'S CENTRE). Choose other wards for those first (or none), then try again."
        );
        let e = AppError::from(CoreError::NoSuchDistrict {
            district: "Atlantis".into(),
            known: vec!["Salford".into()],
        });
        assert_eq!(e.code, "not_found");
        assert_eq!(
            e.message,
            "There are no wards in the district Atlantis (the ward list's districts are: Salford)."
        );
    }

    #[test]
    fn a_likely_duplicate_names_the_groups_for_the_form_and_keeps_their_case() {
        let e = AppError::from(CoreError::LikelyDuplicate(vec![LikelyDuplicate {
            id: 7,
            name: "g-force".into(),
            shown_name: "g-force".into(),
            place: "at WA15 7DD".into(),
        }]));
        assert_eq!(e.code, "likely_duplicate");
        assert_eq!(
            e.message,
            "g-force is already in the directory at WA15 7DD. Is this the same group?"
        );
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["likely_duplicates"][0]["id"], 7);
        // Other errors do not carry the list at all.
        let other = serde_json::to_value(AppError::internal("x")).unwrap();
        assert!(other.get("likely_duplicates").is_none());
    }
}
