//! The folder an export writes its files into: made if it is not there, refused in words when
//! the path is a file (the system would only say "File exists").

use std::path::Path;

use crate::error::{io_at, CoreError, FieldProblem, Result};

/// Makes `folder` (and the folders above it) unless it is there; `what` names what goes in it,
/// with its verb ("the review pack is", "the Open Referral UK tables are").
///
/// # Errors
/// `Invalid` (field `folder`) when the path is a file; `Io` when the folder cannot be made.
pub fn make_folder(folder: &Path, what: &str) -> Result<()> {
    if folder.exists() && !folder.is_dir() {
        return Err(CoreError::Invalid(vec![FieldProblem::new(
            "folder",
            format!(
                "{} is a file, not a folder: {what} written into a folder. Give the path of a folder (a new one is made if it does not exist)",
                folder.display()
            ),
        )]));
    }
    std::fs::create_dir_all(folder).map_err(io_at("make the folder", folder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_folder_is_made_and_a_file_is_refused_and_left() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("a/b");
        make_folder(&new, "the review pack is").unwrap();
        assert!(new.is_dir());
        make_folder(&new, "the review pack is").unwrap();
        let file = dir.path().join("groups.csv");
        std::fs::write(&file, "id,name\n").unwrap();
        let err = make_folder(&file, "the review pack is").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{} is a file, not a folder: the review pack is written into a folder. Give the path of a folder (a new one is made if it does not exist)",
                file.display()
            )
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "id,name\n");
    }
}
