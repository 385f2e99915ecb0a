//! Files given to the groups import that hold no groups at all: an empty file, a workbook or a
//! picture saved as .csv, and a real CSV of something else (the ONS wards lookup). Each is refused
//! for what it is, before any row is read, and the directory is left as it was.

use std::path::Path;

use compactdir_core::import::dialect::FileProblem;
use compactdir_core::import::mapping::Field;
use compactdir_core::{CoreError, Store};
use compactdir_tests::{group, group_names, real_data, TempDirectory};

/// The app's own icon: a real PNG file.
fn icon() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/icons/icon.png"))
        .expect("the app's icon")
}

/// The start of a real .xlsx: a zip archive whose first entry is `[Content_Types].xml`.
fn xlsx() -> Vec<u8> {
    let mut b = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
    b.extend_from_slice(&[0x62, 0xEE, 0x9D, 0x68, 0x5E, 0x01, 0x00, 0x00, 0x90, 0x04]);
    b.extend_from_slice(b"\x00\x00\x13\x00\x08\x02[Content_Types].xml \xA2\x04\x02(\xA0\x00\x02");
    b
}

/// The problem the store's preview and plan both give for `bytes`, checking it is the same.
fn refused(store: &Store, bytes: &[u8]) -> FileProblem {
    let problem = match store.preview_group_import(bytes) {
        Err(CoreError::ImportFile {
            file: None,
            problem,
        }) => problem,
        other => panic!("the preview should refuse the file: {other:?}"),
    };
    match store.plan_group_import("file.csv", bytes, &Default::default(), &mut |_| {}) {
        Err(CoreError::ImportFile { problem: p, .. }) => assert_eq!(p, problem),
        other => panic!("the plan should refuse the file: {other:?}"),
    }
    problem
}

#[test]
fn empty_files_workbooks_and_pictures_are_refused_for_what_they_are_and_change_nothing() {
    let dir = TempDirectory::new();
    let store = dir.open();
    store.save_group(group("Ordsall Tenants")).unwrap();
    let before = group_names(&store);

    for empty in [
        &b""[..],
        b"\xEF\xBB\xBF",
        b"\r\n\r\n\n",
        b"\xEF\xBB\xBF\r\n  \r\n",
    ] {
        assert_eq!(refused(&store, empty), FileProblem::Empty, "{empty:?}");
    }
    for names_only in [
        &b"Charity name,Postcode\r\n"[..],
        b"Charity name,Postcode\r\n,\r\nN/A,N/A\r\n",
    ] {
        assert_eq!(
            refused(&store, names_only),
            FileProblem::NoRows {
                columns: "Charity name, Postcode".into()
            },
            "{names_only:?}"
        );
    }
    assert_eq!(
        refused(&store, &xlsx()),
        FileProblem::Workbook("an Excel .xlsx or LibreOffice .ods workbook")
    );
    assert_eq!(
        refused(&store, &icon()),
        FileProblem::Binary("a PNG picture")
    );
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert_eq!(
        refused(&store, &noise),
        FileProblem::Binary("a binary file")
    );

    // The sentence names the file when the caller gives its name.
    let said = |bytes: &[u8]| {
        store
            .preview_group_import(bytes)
            .unwrap_err()
            .about_file("grants.csv")
            .to_string()
    };
    assert_eq!(
        said(b""),
        "grants.csv is empty: it has no column names and no rows"
    );
    assert_eq!(
        said(b"Charity name,Postcode\r\n"),
        "grants.csv has column names (Charity name, Postcode) but no rows under them: \
         there is nothing in it to import"
    );
    assert_eq!(
        said(&xlsx()),
        "grants.csv is not a text file (it looks like an Excel .xlsx or LibreOffice .ods workbook): \
         open it in the spreadsheet and save it as CSV (File, Save As, CSV), then import the CSV file"
    );
    assert_eq!(
        said(&icon()),
        "grants.csv is not a text file (it looks like a PNG picture): choose the spreadsheet saved as CSV instead"
    );
    assert!(
        !said(b"").contains("group's name"),
        "not a word of the name column"
    );

    assert_eq!(group_names(&store), before);
    assert!(store.imports().unwrap().is_empty());
}

/// The ONS ward lookup is a good CSV of wards, not groups: it is read and previewed (the window's
/// mapping step lets the user choose a column), but no column is suggested for the name, and
/// checking its rows without one says so with the file's columns.
#[test]
fn the_ons_wards_file_is_read_but_no_column_is_taken_for_a_groups_name() {
    let dir = TempDirectory::new();
    let store = dir.open();
    let bytes = std::fs::read(real_data("ons_ward_to_lad_may2022_greater_manchester.csv")).unwrap();
    let preview = store.preview_group_import(&bytes).expect("a good CSV");
    assert_eq!(preview.headers, ["wd22cd", "wd22nm", "lad22cd", "lad22nm"]);
    assert_eq!(preview.suggestion.mapping.column_for(Field::Name), None);
    match store.plan_group_import(
        "wards.csv",
        &bytes,
        &preview.suggestion.mapping,
        &mut |_| {},
    ) {
        Err(CoreError::Invalid(problems)) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].field, "name");
            assert_eq!(
                problems[0].message,
                "no column is chosen for the group's name (the file's columns are: wd22cd, wd22nm, \
                 lad22cd, lad22nm): choose the column that holds each group's name"
            );
        }
        other => panic!("the plan should be refused: {other:?}"),
    }
    assert!(store.imports().unwrap().is_empty());
    assert!(group_names(&store).is_empty());
}
