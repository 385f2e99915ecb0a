//! `compactdir import groups` and `export groups` on the real binary: the suggested mapping
//! printed, rejected rows listed with reasons, a non-zero exit when nothing could be imported,
//! and the export coming back in as the same groups.

mod common;
use common::*;

#[test]
fn import_prints_the_mapping_and_summary_and_export_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let file = dir.path().join("groups.csv");
    std::fs::write(
        &file,
        "Organisation;Post code;Charity No\r\nOrdsall Tenants;M5 3PF;1123456\r\nBad Postcode Club;WA15 OHF;\r\n",
    )
    .unwrap();
    // Who imports is the COMPACTDIR_USER variable, as for every change.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_compactdir"))
        .arg("--db")
        .arg(&db)
        .args(["import", "groups", file.to_str().unwrap()])
        .env("COMPACTDIR_USER", "Pat at the CVS")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("separated by semicolons"), "{said}");
    assert!(said.contains("\"Organisation\" -> name"), "{said}");
    assert!(
        said.contains("read 2 rows: 1 added, 0 updated, 0 unchanged, 0 skipped, 1 rejected"),
        "{said}"
    );
    assert!(
        said.contains("rejected row 3, column Post code: WA15 OHF is not a UK postcode"),
        "{said}"
    );

    let again = compactdir(&db, &["import", "groups", file.to_str().unwrap()]);
    assert!(!again.status.success(), "nothing new: the match is skipped");
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing could be imported"));

    // Listed with who imported it, and taken back as one step (then put in again for the export).
    let list = compactdir(&db, &["import", "list"]);
    let listed = String::from_utf8_lossy(&list.stdout).to_string();
    let fields: Vec<&str> = listed.trim_end_matches('\n').split('\t').collect();
    assert_eq!(
        (fields[0], fields[1], fields[3], fields[4], fields[6]),
        ("1", "groups.csv", "Pat at the CVS", "1 added", ""),
        "{listed}"
    );
    let undo = compactdir(&db, &["import", "undo", "1"]);
    assert_eq!(
        String::from_utf8_lossy(&undo.stdout).trim_end(),
        "Import 1 undone: 1 group removed, 0 groups put back as they were."
    );
    let listed = String::from_utf8_lossy(&compactdir(&db, &["import", "list"]).stdout).to_string();
    assert!(listed.contains("\tundone 20"), "{listed}");
    let twice = compactdir(&db, &["import", "undo", "1"]);
    assert!(!twice.status.success());
    let said_twice = String::from_utf8_lossy(&twice.stderr);
    assert!(
        said_twice.contains("the import of groups.csv was already undone on ")
            && said_twice.contains(" at ")
            && said_twice.contains(" UTC"),
        "{said_twice}"
    );
    assert!(
        compactdir(&db, &["import", "groups", file.to_str().unwrap()])
            .status
            .success()
    );

    let export = dir.path().join("out.csv");
    assert!(compactdir(
        &db,
        &["export", "groups", "--out", export.to_str().unwrap()]
    )
    .status
    .success());
    let db2 = dir.path().join("e.sqlite3");
    let back = compactdir(&db2, &["import", "groups", export.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&back.stdout);
    assert!(said.contains("Compact Directory groups export"), "{said}");
    assert!(said.contains("1 added"), "{said}");

    let hsds = dir.path().join("hsds");
    let out = compactdir(&db2, &["export", "hsds", "--out", hsds.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(hsds.join("organizations.csv").exists());
}

/// `--on-match new` on the grants file: rows repeating an earlier row's number cannot be new
/// groups, so they are refused by row and column, naming that row (there are no group ids yet),
/// the command says which `--on-match` brings them in, and the other rows are imported.
#[test]
fn on_match_new_refuses_rows_whose_number_is_taken_and_imports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let rejected = dir.path().join("rejected.csv");
    let grants = real_data("360giving_trafford_council_vcs_grants.csv");
    let out = compactdir(
        &db,
        &[
            "import",
            "groups",
            grants.to_str().unwrap(),
            "--on-match",
            "new",
            "--rejected",
            rejected.to_str().unwrap(),
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}{err}");
    assert!(!err.contains("nothing was saved"), "{err}");
    assert!(
        said.contains("read 555 rows: 323 added, 0 updated, 0 unchanged, 0 skipped, 232 rejected"),
        "{said}"
    );
    assert!(
        said.contains(
            "rejected row 37, column Recipient Org:Charity Number: charity number (England and Wales) 1143362 is already on row 16 of this file"
        ),
        "{said}"
    );
    assert!(!said.contains("belongs to group"), "{said}");
    assert!(
        said.contains("232 rows could not be added as new groups")
            && said.contains("--on-match update"),
        "{said}"
    );
    let lines = std::fs::read_to_string(&rejected).unwrap().lines().count();
    assert_eq!(
        lines,
        1 + 232,
        "the refused rows are in the rejected-rows file"
    );
}

#[test]
fn an_import_that_saves_nothing_leaves_no_backup_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let backups = dir.path().join("d.sqlite3.backups");
    let taken = || std::fs::read_dir(&backups).map(|d| d.count()).unwrap_or(0);
    let rejected = dir.path().join("rejected.csv");
    std::fs::write(
        &rejected,
        "Organisation,Post code\nBad Postcode Club,WA15 OHF\n",
    )
    .unwrap();
    let seats = dir.path().join("seats.csv");
    std::fs::write(
        &seats,
        "partnership,seat,sector\nHousing Forum,Tenants seat,NOT A SECTOR\n",
    )
    .unwrap();
    let wards = real_data("ons_ward_to_lad_may2022_greater_manchester.csv");
    for args in [
        ["import", "groups", rejected.to_str().unwrap()],
        ["import", "seats", seats.to_str().unwrap()],
        ["import", "groups", wards.to_str().unwrap()],
    ] {
        let out = compactdir(&db, &args);
        assert!(!out.status.success(), "{args:?} saves nothing");
        assert_eq!(taken(), 0, "{args:?} left a backup");
    }
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "Organisation\nOrdsall Tenants\n").unwrap();
    assert!(
        compactdir(&db, &["import", "groups", good.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(taken(), 1, "one that saves takes its backup");
}
