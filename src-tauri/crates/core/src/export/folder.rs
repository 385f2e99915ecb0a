//! The folder an export writes its files into: made if it is not there, refused in words when
//! the path is a file (the system would only say "File exists"). Its files are written under
//! temporary names and put in place together (`Staged`), so a failure leaves no half of them.

use std::fs::File;
use std::path::{Path, PathBuf};

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

/// Makes the folders above `file` that are not there yet, as the folder exports make theirs.
///
/// # Errors
/// `Io` naming the folder that cannot be made.
pub fn make_parent_folder(file: &Path) -> Result<()> {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
            std::fs::create_dir_all(parent).map_err(io_at("make the folder", parent))
        }
        _ => Ok(()),
    }
}

/// The files of one export, written in its folder under temporary names (`.NAME.PID.partial`)
/// and renamed into place by `commit` only once every one is written; dropped before that (an
/// error on the way), the temporary files are removed and the folder holds nothing new.
pub struct Staged {
    folder: PathBuf,
    /// Each file's temporary path and the path it is put in place at.
    files: Vec<(PathBuf, PathBuf)>,
}

impl Staged {
    pub fn new(folder: &Path) -> Staged {
        Staged {
            folder: folder.to_path_buf(),
            files: Vec::new(),
        }
    }

    /// Creates the temporary file for `name`; returns it and the path it will have (the one to
    /// name in errors).
    ///
    /// # Errors
    /// `Io` naming the file's path when something not a file (a folder) is there under that
    /// name, or the temporary file cannot be made.
    pub fn create(&mut self, name: &str) -> Result<(File, PathBuf)> {
        let target = self.folder.join(name);
        refuse_a_folder_at(&target)?;
        let temp = self
            .folder
            .join(format!(".{name}.{}.partial", std::process::id()));
        let file = File::create(&temp).map_err(io_at("write to", &target))?;
        self.files.push((temp, target.clone()));
        Ok((file, target))
    }

    /// Puts every file in place, replacing any of the same name there.
    ///
    /// # Errors
    /// `Io` naming the file that could not be put in place; the temporary files not yet in place
    /// are removed.
    pub fn commit(mut self) -> Result<()> {
        // Checked again for all before any is renamed: a folder made meanwhile under one name
        // would otherwise leave the files before it in place and those after it not.
        for (_, target) in &self.files {
            refuse_a_folder_at(target)?;
        }
        while !self.files.is_empty() {
            let (temp, target) = self.files.remove(0);
            if let Err(e) = std::fs::rename(&temp, &target) {
                let _ = std::fs::remove_file(&temp);
                return Err(io_at("write to", &target)(e));
            }
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for (temp, _) in &self.files {
            let _ = std::fs::remove_file(temp);
        }
    }
}

fn refuse_a_folder_at(target: &Path) -> Result<()> {
    match std::fs::symlink_metadata(target) {
        Ok(m) if m.is_dir() => Err(io_at("write to", target)(std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        ))),
        _ => Ok(()),
    }
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

    #[test]
    fn staged_files_appear_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        std::fs::write(folder.join("a.csv"), "old").unwrap();
        let mut staged = Staged::new(folder);
        let (mut a, _) = staged.create("a.csv").unwrap();
        std::io::Write::write_all(&mut a, b"new").unwrap();
        staged.create("b.csv").unwrap();
        assert_eq!(
            std::fs::read_to_string(folder.join("a.csv")).unwrap(),
            "old"
        );
        assert!(
            !folder.join("b.csv").exists(),
            "nothing in place before commit"
        );
        staged.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(folder.join("a.csv")).unwrap(),
            "new"
        );
        assert!(folder.join("b.csv").exists());
        assert_eq!(
            std::fs::read_dir(folder).unwrap().count(),
            2,
            "no temporary left"
        );

        // Dropped before commit (a later file failed): nothing new, nothing changed.
        let mut staged = Staged::new(folder);
        let (mut a, _) = staged.create("a.csv").unwrap();
        std::io::Write::write_all(&mut a, b"newer").unwrap();
        staged.create("c.csv").unwrap();
        std::fs::create_dir(folder.join("d.csv")).unwrap();
        let err = staged.create("d.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "could not write to {}: it is a folder, not a file",
                folder.join("d.csv").display()
            )
        );
        drop(staged);
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.csv", "b.csv", "d.csv"]);
        assert_eq!(
            std::fs::read_to_string(folder.join("a.csv")).unwrap(),
            "new"
        );
    }
}
