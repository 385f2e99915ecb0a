//! The representation gaps matrix saved as a picture: the SVG the window draws, written where
//! the user says, as every single-file output is (`output_file`: never over the directory file
//! or its backups, asked about before replacing a file, missing folders made).

use std::io::Write;
use std::path::Path;

use super::output_file::{self, IfThere};
use crate::error::{io_at, CoreError, FieldProblem, Result};

/// Writes the picture `svg` at `path`, refusing (beside `field`) a name not ending in .svg, so a
/// mistyped path cannot write over a spreadsheet or the directory file, and a path that is not
/// whole: the window has no working folder a user knows of, so a relative path would land
/// somewhere unseen.
///
/// # Errors
/// `Invalid` at `field` for the name or path, at `svg` for text that is not an SVG picture; as
/// `output_file::create` for the directory's own files, a folder, a file there (`Ask`), or a
/// folder that cannot be made; `Io` when the picture cannot be written.
pub fn write_svg(
    path: &Path,
    svg: &str,
    directory_file: &Path,
    if_there: IfThere,
    field: &str,
) -> Result<()> {
    let refuse = |field: &str, message: String| {
        Err(CoreError::Invalid(vec![FieldProblem::new(field, message)]))
    };
    let is_svg = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    if !is_svg {
        return refuse(
            field,
            format!(
                "{} does not end in .svg: the picture's file name must end in .svg (for example gaps.svg)",
                path.display()
            ),
        );
    }
    if !path.is_absolute() {
        return refuse(
            field,
            format!(
                "type the whole path of {}, starting from the top folder (for example /home/you/Documents/gaps.svg)",
                path.display()
            ),
        );
    }
    if !svg.trim_start().starts_with("<svg") {
        return refuse(
            "svg",
            "the picture to save is not an SVG image, so nothing was written".into(),
        );
    }
    let mut file = output_file::create(path, directory_file, if_there, field)?;
    file.write_all(svg.as_bytes())
        .and_then(|()| file.flush())
        .map_err(io_at("write the picture to", path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";

    fn refused(e: CoreError) -> (String, String) {
        match e {
            CoreError::Invalid(p) => (p[0].field.clone(), p[0].message.clone()),
            e => panic!("not refused: {e}"),
        }
    }

    #[test]
    fn an_svg_is_written_and_missing_folders_on_the_way_are_made() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("directory.sqlite3");
        let file = dir.path().join("gaps.SVG");
        write_svg(&file, SVG, &db, IfThere::Ask, "picture_path").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), SVG);
        // A folder not made yet is made, as for every file an export writes.
        let deep = dir.path().join("reports/2026/gaps.svg");
        write_svg(&deep, SVG, &db, IfThere::Ask, "picture_path").unwrap();
        assert_eq!(std::fs::read_to_string(&deep).unwrap(), SVG);
    }

    #[test]
    fn other_names_relative_paths_and_text_that_is_not_svg_are_refused_and_nothing_written() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("directory.sqlite3");
        let csv = dir.path().join("groups.csv");
        let (field, message) =
            refused(write_svg(&csv, SVG, &db, IfThere::Replace, "picture_path").unwrap_err());
        assert_eq!(field, "picture_path");
        assert_eq!(
            message,
            format!(
                "{} does not end in .svg: the picture's file name must end in .svg (for example gaps.svg)",
                csv.display()
            )
        );
        let (field, message) = refused(
            write_svg(
                Path::new("gaps.svg"),
                SVG,
                &db,
                IfThere::Replace,
                "picture_path",
            )
            .unwrap_err(),
        );
        assert_eq!(field, "picture_path");
        assert!(
            message.starts_with("type the whole path of gaps.svg"),
            "{message}"
        );
        let file = dir.path().join("new/x.svg");
        let (field, _) =
            refused(write_svg(&file, "hello", &db, IfThere::Replace, "picture_path").unwrap_err());
        assert_eq!(field, "svg");
        assert!(!csv.exists() && !dir.path().join("new").exists());
    }

    #[test]
    fn the_directory_file_a_folder_and_a_picture_already_there_are_not_written_over() {
        let dir = tempfile::tempdir().unwrap();
        // A directory file whose name ends in .svg: the picture must still not go over it.
        let db = dir.path().join("directory.svg");
        let store = Store::open(&db).unwrap();
        let before = std::fs::read(&db).unwrap();
        let (field, message) =
            refused(write_svg(&db, SVG, &db, IfThere::Replace, "picture_path").unwrap_err());
        assert_eq!(field, "picture_path");
        assert!(message.contains("the directory file itself"), "{message}");
        assert_eq!(std::fs::read(&db).unwrap(), before);
        drop(store);

        let folder = dir.path().join("pictures.svg");
        std::fs::create_dir(&folder).unwrap();
        let (_, message) =
            refused(write_svg(&folder, SVG, &db, IfThere::Replace, "picture_path").unwrap_err());
        assert!(message.contains("is a folder"), "{message}");

        let there = dir.path().join("gaps.svg");
        std::fs::write(&there, "<svg>old</svg>").unwrap();
        let e = write_svg(&there, SVG, &db, IfThere::Ask, "picture_path").unwrap_err();
        assert_eq!(e.code(), "exists");
        assert_eq!(std::fs::read_to_string(&there).unwrap(), "<svg>old</svg>");
        write_svg(&there, SVG, &db, IfThere::Replace, "picture_path").unwrap();
        assert_eq!(std::fs::read_to_string(&there).unwrap(), SVG);
    }
}
