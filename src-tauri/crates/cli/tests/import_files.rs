//! `compactdir import groups` given files that hold no groups: an empty file, a workbook or a
//! picture saved as .csv, and the real ONS wards lookup. Each is refused naming the file and what
//! is wrong with it (never "choose which column holds the group's name" alone), with a non-zero
//! exit, and nothing is saved.

mod common;
use common::*;

use std::path::Path;

/// Imports `file` into a fresh directory file in `dir`; returns (success, stdout, stderr), having
/// checked that nothing was imported and no backup taken.
fn import(dir: &Path, file: &Path) -> (bool, String, String) {
    let db = dir.join("d.sqlite3");
    let out = compactdir(&db, &["import", "groups", file.to_str().unwrap()]);
    let listed = compactdir(&db, &["import", "list"]);
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout).lines().count(),
        1,
        "nothing was imported: the header alone"
    );
    assert!(
        !dir.join("d.sqlite3.backups").exists(),
        "no backup was taken"
    );
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_empty_file_is_said_to_be_empty() {
    for (name, bytes) in [
        ("empty.csv", &b""[..]),
        ("bom-only.csv", b"\xEF\xBB\xBF"),
        ("blank-lines.csv", b"\r\n\r\n   \n"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let (ok, _, err) = import(dir.path(), &file);
        assert!(!ok, "{name}");
        assert_eq!(
            err,
            format!(
                "compactdir: {} is empty: it has no column names and no rows\n",
                file.display()
            )
        );
    }
}

#[test]
fn a_file_of_column_names_alone_is_said_to_have_no_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("template.csv");
    std::fs::write(&file, "Charity name,Postcode\r\n").unwrap();
    let (ok, out, err) = import(dir.path(), &file);
    assert!(!ok);
    assert_eq!(out, "", "refused before any mapping is printed");
    assert_eq!(
        err,
        format!(
            "compactdir: {} has column names (Charity name, Postcode) but no rows under them: \
             there is nothing in it to import\n",
            file.display()
        )
    );
}

#[test]
fn a_workbook_or_a_picture_renamed_csv_is_said_not_to_be_a_text_file() {
    let dir = tempfile::tempdir().unwrap();
    // The start of a real .xlsx (a zip archive), and the app's own icon (a real PNG).
    let xlsx = dir.path().join("grants.xlsx.csv");
    let mut zip = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
    zip.extend_from_slice(b"\x62\xEE\x9D\x68\x5E\x01\x00\x00\x90\x04\x00\x00\x13\x00\x08\x02");
    zip.extend_from_slice(b"[Content_Types].xml");
    std::fs::write(&xlsx, zip).unwrap();
    let png = dir.path().join("logo.csv");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../icons/icon.png"),
        &png,
    )
    .unwrap();
    let noise = dir.path().join("noise.csv");
    std::fs::write(
        &noise,
        (0..4096u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    for (file, looks) in [
        (&xlsx, "an Excel .xlsx or LibreOffice .ods workbook"),
        (&png, "a PNG picture"),
        (&noise, "a binary file"),
    ] {
        let (ok, _, err) = import(dir.path(), file);
        assert!(!ok);
        assert!(
            err.starts_with(&format!(
                "compactdir: {} is not a text file (it looks like {looks}): ",
                file.display()
            )),
            "{err}"
        );
        assert!(
            err.contains("save it as CSV") || err.contains("saved as CSV"),
            "{err}"
        );
        assert!(!err.contains("group's name"), "{err}");
    }
}

/// The ONS wards lookup is a CSV, but of wards: the message says no column looks like a group's
/// name, lists the file's columns and how to choose one here (the mappings there are, or renaming
/// the column).
#[test]
fn a_csv_of_something_else_says_no_column_looks_like_a_name_and_how_to_choose_one() {
    let dir = tempfile::tempdir().unwrap();
    let wards = real_data("ons_ward_to_lad_may2022_greater_manchester.csv");
    let (ok, out, err) = import(dir.path(), &wards);
    assert!(!ok);
    assert!(
        out.contains("column names in row 1") && out.contains("(no column is recognised)"),
        "{out}"
    );
    assert!(
        err.starts_with(&format!(
            "compactdir: no column of {} looks like a group's name (its columns are: wd22cd, wd22nm, lad22cd, lad22nm), so nothing was imported.\n",
            wards.display()
        )),
        "{err}"
    );
    assert!(err.contains("--mapping NAME"), "{err}");
    assert!(
        err.contains("\"Compact Directory groups export\", \"360Giving grants\", \"Charity Commission register\""),
        "the mappings there are: {err}"
    );
    assert!(
        err.contains("rename that column in the file to \"name\""),
        "{err}"
    );
}
