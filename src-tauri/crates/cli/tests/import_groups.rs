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
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(
        lines[0], "id,file,when,who,read,added,updated,unchanged,skipped,rejected,undone",
        "{listed}"
    );
    let fields: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(
        (
            fields[0], fields[1], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8],
            fields[9], fields[10]
        ),
        (
            "1",
            "groups.csv",
            "Pat at the CVS",
            "2",
            "1",
            "0",
            "0",
            "0",
            "1",
            ""
        ),
        "{listed}"
    );
    let undo = compactdir(&db, &["import", "undo", "1"]);
    assert_eq!(
        String::from_utf8_lossy(&undo.stdout).trim_end(),
        "Import 1 undone: 1 group removed, 0 groups put back as they were."
    );
    let listed = String::from_utf8_lossy(&compactdir(&db, &["import", "list"]).stdout).to_string();
    let undone: Vec<&str> = listed.lines().nth(1).unwrap().split(',').collect();
    assert!(undone[10].starts_with("20"), "undone, with when: {listed}");
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

/// The grants file repeats 232 rows: the summary lists 20 and says how to see the rest, and
/// `--all-matches` lists every one, so a user can review what was skipped.
#[test]
fn all_matches_lists_every_matched_row() {
    let dir = tempfile::tempdir().unwrap();
    let grants = real_data("360giving_trafford_council_vcs_grants.csv");
    let matched_lines = |said: &str| {
        said.lines()
            .filter(|l| l.starts_with("  row ") && l.contains(" matches "))
            .count()
    };
    let first = compactdir(
        &dir.path().join("a.sqlite3"),
        &["import", "groups", grants.to_str().unwrap()],
    );
    let said = String::from_utf8_lossy(&first.stdout);
    assert!(first.status.success(), "{said}");
    assert_eq!(matched_lines(&said), 20, "{said}");
    assert!(
        said.contains("... and 212 more (--all-matches lists every one)"),
        "{said}"
    );
    let all = compactdir(
        &dir.path().join("b.sqlite3"),
        &[
            "import",
            "groups",
            grants.to_str().unwrap(),
            "--all-matches",
        ],
    );
    let said = String::from_utf8_lossy(&all.stdout);
    assert!(all.status.success(), "{said}");
    assert_eq!(matched_lines(&said), 232, "{said}");
    assert!(!said.contains("more (--all-matches"), "{said}");
    assert!(
        said.contains("  row 37: "),
        "row 37 repeats row 16's charity number: {said}"
    );
}

/// Writes `text` to `name` in `dir` and imports it into `db` with `args` after the file; returns
/// (success, stdout, stderr).
fn import_text(
    db: &std::path::Path,
    dir: &std::path::Path,
    name: &str,
    text: &str,
    args: &[&str],
) -> (bool, String, String) {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    let mut all = vec!["import", "groups", file.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = compactdir(db, &all);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Scout groups, brownies and age-group teams share a postcode and differ only by a number: a
/// name that close is not the same group when its numbers differ (5th is not 4th, under 13s are
/// not under 11s), so `--on-match update` adds them rather than merging them into another group.
/// A close name with the same numbers is still matched.
#[test]
fn names_alike_but_for_a_number_are_different_groups() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "scouts.csv",
        "Group name,Postcode\n1st Sale Scout Group,M33 2AG\n4th Sale Scout Group,M33 2AG\n\
         14th Sale Scout Group,M33 2AG\n2nd Urmston Brownies,M41 9AW\n\
         3rd Urmston Brownies,M41 9AW\nFlixton Under 9s Football,M41 6JQ\n\
         Flixton Under 11s Football,M41 6JQ\nSale Sharks Girls U12,M33 3NG\n\
         Sale Sharks Girls U14,M33 3NG\n",
        &[],
    );
    assert!(ok, "{said}{err}");
    assert!(said.contains("read 9 rows: 9 added"), "{said}");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "scouts_new.csv",
        "Group name,Postcode,Activities\n5th Sale Scout Group,M33 2AG,Camping\n\
         4th Urmston Brownies,M41 9AW,Crafts\nFlixton Under 13s Football,M41 6JQ,Football\n\
         Sale Sharks Girls U16,M33 3NG,Rugby\nSale Sharks Girl U12,M33 3NG,Rugby\n",
        &["--on-match", "update"],
    );
    assert!(ok, "{said}{err}");
    assert!(
        said.contains("read 5 rows: 4 added, 1 updated, 0 unchanged, 0 skipped, 0 rejected"),
        "{said}"
    );
    assert!(
        said.contains("Sale Sharks Girl U12") && said.contains("matches group 8"),
        "the same number, one letter missing, is still the group: {said}"
    );
    let list = compactdir(&db, &["groups", "list"]);
    let listed = String::from_utf8_lossy(&list.stdout);
    for name in [
        "5th Sale Scout Group",
        "4th Urmston Brownies",
        "Flixton Under 13s Football",
        "Sale Sharks Girls U16",
    ] {
        assert!(listed.contains(name), "{name} is a group: {listed}");
    }
    assert_eq!(listed.lines().count(), 1 + 13, "{listed}");
}

/// Same-name groups in different places are branches (a parent and toddler group in Sale and one
/// in Altrincham): a name alone matches only when the postcodes (else the wards) do not differ,
/// so `--on-match update` never moves a group to another branch's address. A row or group with
/// no postcode and no ward to tell them apart still matches by the same name.
#[test]
fn same_names_in_different_places_are_different_groups() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "branch1.csv",
        "Name,Postcode,Ward,Address,Activities\n\
         Parent and Toddler Group,M33 7XG,,St Annes Church Sale,Play\n\
         Luncheon Club,M41 9AW,,Urmston Methodist,Lunches\n\
         Friends of Peel Park,,Broughton,,Litter picks\n\
         Salford Women's Institute,,,,Talks\n",
        &[],
    );
    assert!(ok, "{said}{err}");
    assert!(said.contains("read 4 rows: 4 added"), "{said}");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "branch2.csv",
        "Name,Postcode,Ward,Address,Activities\n\
         Parent and Toddler Group,WA14 2EW,,Altrincham Library,Messy play\n\
         Luncheon Club,M32 0SR,,Stretford Hall,Hot meals\n\
         Friends of Peel Park,,Kersal & Broughton Park,,Bulb planting\n\
         Salford Women's Institute,M5 3PF,,,Crafts\n\
         Luncheon Club,M41 9AW,,,Hot lunches\n",
        &["--on-match", "update"],
    );
    assert!(ok, "{said}{err}");
    assert!(
        said.contains("read 5 rows: 3 added, 2 updated, 0 unchanged, 0 skipped, 0 rejected"),
        "{said}"
    );
    assert!(
        said.contains("row 5: Salford Women's Institute matches group 4")
            && said.contains("row 6: Luncheon Club matches group 2"),
        "{said}"
    );
    let list = compactdir(&db, &["groups", "list"]);
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(
        listed.contains("M33 7XG") && listed.contains("WA14 2EW"),
        "the Sale group stays in Sale: {listed}"
    );
    assert_eq!(listed.lines().count(), 1 + 7, "{listed}");
}

/// `--save-mapping` with an import that saves nothing (every row rejected) saved the mapping all
/// the same, so a failed import changed the directory file. Now the file is left byte for byte
/// as it was, the command says the mapping was not saved, and an import that saves keeps it.
#[test]
fn a_failed_import_does_not_save_its_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    assert!(compactdir(&db, &["backup", "now"]).status.success());
    let before = std::fs::read(&db).unwrap();
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "bad.csv",
        "Name of organisation,Post code\nBad Postcode Club,WA15 OHF\n",
        &["--save-mapping", "council list"],
    );
    assert!(!ok, "{said}{err}");
    assert!(
        err.contains("(the mapping \"council list\" was not saved either)"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "byte for byte");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "good.csv",
        "Name of organisation,Post code\nOrdsall Tenants,M5 3PF\n",
        &["--save-mapping", "council list"],
    );
    assert!(ok, "{said}{err}");
    assert!(
        said.contains("Mapping saved as \"council list\"."),
        "{said}"
    );
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "again.csv",
        "Name of organisation,Post code\nWeaste Club,M5 2JR\n",
        &["--mapping", "council list"],
    );
    assert!(ok && said.contains("1 added"), "{said}{err}");
}

/// A `--rejected` path that cannot be written (a folder, or a path through a file) stops the
/// import before anything is saved, saying so: not an import saved but reported as failed, which a
/// user would run again and find every row skipped (or, with `--on-match new`, added twice).
#[test]
fn a_rejected_file_that_cannot_be_written_stops_the_import_with_nothing_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let text = "Organisation,Post code\nOrdsall Tenants,M5 3PF\nBad Postcode Club,WA15 OHF\n";
    let a_file = dir.path().join("notes.txt");
    std::fs::write(&a_file, "not a folder").unwrap();
    let through_a_file = a_file.join("rej.csv");
    for (rejected, said_why) in [
        (
            dir.path().to_path_buf(),
            format!(
                "{} is a folder: add the new file's name to the end",
                dir.path().display()
            ),
        ),
        (
            through_a_file.clone(),
            format!(
                "could not make the folder {}: something of that name is already there",
                a_file.display()
            ),
        ),
    ] {
        let (ok, said, err) = import_text(
            &db,
            dir.path(),
            "groups.csv",
            text,
            &[
                "--rejected",
                rejected.to_str().unwrap(),
                "--save-mapping",
                "mine",
            ],
        );
        assert!(!ok, "{said}{err}");
        assert!(
            err.contains(&said_why) && err.contains("so nothing was imported from"),
            "{err}"
        );
        assert!(!said.contains("added"), "{said}");
        let list = compactdir(&db, &["import", "list"]);
        assert_eq!(
            String::from_utf8_lossy(&list.stdout).lines().count(),
            1,
            "nothing was imported: the header alone"
        );
        assert!(
            !dir.path().join("d.sqlite3.backups").exists(),
            "no backup: nothing was about to be saved"
        );
    }
    // The same import with a path that can be written saves the group and writes the file.
    let rejected = dir.path().join("rej.csv");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "groups.csv",
        text,
        &["--rejected", rejected.to_str().unwrap()],
    );
    assert!(ok, "{said}{err}");
    assert!(
        said.contains("1 added") && said.contains("1 rejected"),
        "{said}"
    );
    let written = std::fs::read_to_string(&rejected).unwrap();
    assert!(written.contains("Bad Postcode Club"), "{written}");
}

/// A `--rejected` file in folders not made yet: they are made, as for every file an export
/// writes, and the import goes on (before, it stopped saying there was no such folder).
#[test]
fn a_rejected_file_in_folders_not_made_yet_makes_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let text = "Organisation,Post code\nOrdsall Tenants,M5 3PF\nBad Postcode Club,WA15 OHF\n";
    let rejected = dir
        .path()
        .join("to correct")
        .join("march")
        .join("rejected.csv");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "groups.csv",
        text,
        &["--rejected", rejected.to_str().unwrap()],
    );
    assert!(ok, "{said}{err}");
    assert!(
        said.contains("1 added") && said.contains("1 rejected"),
        "{said}"
    );
    let written = std::fs::read_to_string(&rejected).unwrap();
    assert!(written.contains("Bad Postcode Club"), "{written}");
}

/// `--rejected` naming the file being imported (however the path is spelled) or the directory
/// file is refused in words before anything is read or saved, and the file is left as it was.
#[test]
fn a_rejected_file_that_is_the_input_or_the_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let text = "Organisation,Post code\nOrdsall Tenants,M5 3PF\nBad Postcode Club,WA15 OHF\n";
    let file = dir.path().join("mine.csv");
    std::fs::write(&file, text).unwrap();
    assert!(compactdir(&db, &["backup", "now"]).status.success());
    let db_before = std::fs::read(&db).unwrap();
    let same_file = dir.path().join(".").join("mine.csv");
    for (rejected, what) in [
        (&file, "the file being imported"),
        (&same_file, "the file being imported"),
        (&db, "the directory file itself"),
    ] {
        let out = compactdir(
            &db,
            &[
                "import",
                "groups",
                file.to_str().unwrap(),
                "--rejected",
                rejected.to_str().unwrap(),
            ],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{err}");
        assert!(
            err.contains(&format!(
                "--rejected {} is {what}: writing the rejected rows there would overwrite it, so nothing was imported",
                rejected.display()
            )),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            text,
            "the input is kept"
        );
        assert_eq!(
            std::fs::read(&db).unwrap(),
            db_before,
            "the directory is kept"
        );
    }
}

/// A quote opened and never closed used to take every later row into one cell, with "0 rejected"
/// and exit 0: now that row is rejected naming its row and column, so the rows it took can be
/// seen to be missing, and the rows before it go in.
#[test]
fn an_unclosed_quote_rejects_its_row_instead_of_swallowing_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "badquote.csv",
        "Name,Postcode,Activities\n\"The Friends\" of Longford Park,M32 8PR,Walks\n\
         Sale Youth,M33 7XG,Football\nUrmston Choir,M41 9AW,\"Singing\n\
         Stretford Art,M32 0SR,Painting\nPartington Pals,M31 4FL,Lunch\n",
        &[],
    );
    assert!(ok, "{said}{err}");
    assert!(
        said.contains("read 3 rows: 2 added, 0 updated, 0 unchanged, 0 skipped, 1 rejected"),
        "{said}"
    );
    assert!(
        said.contains(
            "rejected row 4, column Activities: a quote opened here is not closed before the next row: \
             the cell runs on over 2 lines that look like rows of their own, the first \
             'Stretford Art,M32 0SR,Painting'"
        ),
        "{said}"
    );
}

/// A comma in a cell that is not in quotes splits it: the row has filled cells beyond the last
/// column name. It used to be imported with the rest of the cell dropped (or rejected blaming
/// the postcode the shift put there); now it is rejected saying which cells are beyond, and
/// written to the rejected rows file with them.
#[test]
fn a_row_with_cells_beyond_the_column_names_is_rejected_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let rejected = dir.path().join("rej.csv");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "extra_cells.csv",
        "Name,Postcode,Activities,\nSale Youth Club,M33 7XG,Football, netball and cricket for 8-16s\n\
         Altrincham Choir,WA14 2EW,\"Singing, concerts\",,\n",
        &["--rejected", rejected.to_str().unwrap()],
    );
    assert!(ok, "{said}{err}");
    assert!(
        said.contains("read 2 rows: 1 added, 0 updated, 0 unchanged, 0 skipped, 1 rejected"),
        "{said}"
    );
    assert!(
        said.contains(
            "rejected row 2 has 4 cells but the row of column names has 3: ' netball and cricket \
             for 8-16s' is beyond the last column (Activities). Is a comma in a cell not in quotes?"
        ),
        "{said}"
    );
    let written = std::fs::read_to_string(&rejected).unwrap();
    assert!(
        written.contains("netball and cricket for 8-16s"),
        "{written}"
    );
}

/// Undoing a later import puts its groups back as the earlier import left them, updated time
/// and all, so the earlier import can then be undone too (newest first). Times are kept to the
/// second, so the steps are a second apart, as a user's are.
#[test]
fn after_a_later_import_is_undone_the_earlier_one_can_be_undone_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let pause = || std::thread::sleep(std::time::Duration::from_millis(1100));
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "undo_a.csv",
        "Name,Postcode\nSale Youth,M33 7XG\nUrmston Choir,M41 9AW\n",
        &[],
    );
    assert!(ok, "{said}{err}");
    pause();
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "undo_b.csv",
        "Name,Postcode,Website\nSale Youth,M33 7XG,https://saleyouth.example.org\n",
        &["--on-match", "update"],
    );
    assert!(ok, "{said}{err}");
    assert!(said.contains("1 updated"), "{said}");
    pause();
    let undo = compactdir(&db, &["import", "undo", "2"]);
    assert_eq!(
        String::from_utf8_lossy(&undo.stdout).trim_end(),
        "Import 2 undone: 0 groups removed, 1 group put back as it was."
    );
    pause();
    let undo = compactdir(&db, &["import", "undo", "1"]);
    assert!(
        undo.status.success(),
        "{}",
        String::from_utf8_lossy(&undo.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&undo.stdout).trim_end(),
        "Import 1 undone: 2 groups removed, 0 groups put back as they were."
    );
    let list = compactdir(&db, &["groups", "list"]);
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().count(), 1);
}

/// A repeated column name ("Organisation, Address, Address, Address, Postcode", a common layout)
/// used to hide the whole row of column names, and the import was refused saying no column
/// looks like a name. Now row 1 is the column names, the repeats are numbered, and the Address
/// columns are joined into the address.
#[test]
fn repeated_column_names_are_still_the_column_names_and_addresses_join() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let (ok, said, err) = import_text(
        &db,
        dir.path(),
        "dup_address.csv",
        "Organisation,Address,Address,Address,Postcode\n\
         Addr Group,1 High St,Sale,Cheshire,M33 7XG\nAddr Group 2,2 Low St,Urmston,,M41 9AW\n",
        &[],
    );
    assert!(ok, "{said}{err}");
    assert!(said.contains("column names in row 1"), "{said}");
    assert!(
        said.contains("\"Address (3)\" -> address") && said.contains("\"Address (4)\" -> address"),
        "{said}"
    );
    assert!(said.contains("read 2 rows: 2 added"), "{said}");
    let export = dir.path().join("out.csv");
    assert!(compactdir(
        &db,
        &["export", "groups", "--out", export.to_str().unwrap()]
    )
    .status
    .success());
    let exported = std::fs::read_to_string(&export).unwrap();
    assert!(
        exported.contains("1 High St, Sale, Cheshire") && exported.contains("2 Low St, Urmston"),
        "{exported}"
    );
}

/// Issue #8: `export groups`, a cell emptied and a name corrected in capitals only, then
/// `import groups --on-match update` into the same directory: the summary counts the row as
/// updated, says what it changes (the clearing too), the directory has the edit, and
/// `import undo` brings back the first export byte for byte.
#[test]
fn an_edited_export_comes_back_with_update_as_an_edit_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let file = dir.path().join("groups.csv");
    std::fs::write(
        &file,
        "Organisation,Email,Phone\r\nST JOHN'S CENTRE,office@stjohns.org.uk,0161 496 0001\r\nKersal Tenants,kersal@example.org,\r\n",
    )
    .unwrap();
    assert!(
        compactdir(&db, &["import", "groups", file.to_str().unwrap()])
            .status
            .success()
    );
    let first = dir.path().join("rt0.csv");
    let export = |to: &std::path::Path| {
        let out = compactdir(&db, &["export", "groups", "--out", to.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read(to).unwrap()
    };
    let before = export(&first);
    let text = String::from_utf8(before.clone()).unwrap();
    let edited = text
        .replace("ST JOHN'S CENTRE", "St John's Centre")
        .replace("office@stjohns.org.uk", "");
    let rt1 = dir.path().join("rt1.csv");
    std::fs::write(&rt1, edited).unwrap();
    let out = compactdir(
        &db,
        &[
            "import",
            "groups",
            rt1.to_str().unwrap(),
            "--on-match",
            "update",
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("This is a groups export of this directory: 2 rows have the id"),
        "{said}"
    );
    assert!(
        said.contains("name \"ST JOHN'S CENTRE\" → \"St John's Centre\""),
        "{said}"
    );
    assert!(
        said.contains("e-mail \"office@stjohns.org.uk\" will be cleared"),
        "{said}"
    );
    assert!(
        said.contains("its own row of the export: nothing to change"),
        "{said}"
    );
    assert!(
        said.contains("read 2 rows: 0 added, 1 updated, 1 unchanged, 0 skipped, 0 rejected"),
        "{said}"
    );
    let now = String::from_utf8(export(&dir.path().join("rt2.csv"))).unwrap();
    assert!(
        now.contains("St John's Centre") && !now.contains("ST JOHN'S"),
        "{now}"
    );
    assert!(!now.contains("office@stjohns.org.uk"), "{now}");

    let undo = compactdir(&db, &["import", "undo", "2"]);
    assert!(
        undo.status.success(),
        "{}",
        String::from_utf8_lossy(&undo.stderr)
    );
    assert_eq!(
        export(&dir.path().join("rt3.csv")),
        before,
        "undo brings the name and the e-mail back"
    );
}

#[test]
fn a_round_trip_says_what_it_clears_first_quotes_names_as_the_file_has_them_and_why_a_row_is_cautious(
) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let file = dir.path().join("groups.csv");
    std::fs::write(
        &file,
        "Organisation,Email\r\nKERSAL TENANTS,k@example.org\r\nOrdsall Youth,y@example.org\r\n",
    )
    .unwrap();
    assert!(
        compactdir(&db, &["import", "groups", file.to_str().unwrap()])
            .status
            .success()
    );
    let rt = dir.path().join("rt.csv");
    let out = compactdir(&db, &["export", "groups", "--out", rt.to_str().unwrap()]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(&rt).unwrap();
    assert!(text.contains("\n2,Ordsall Youth,"), "{text}");
    let edited = text
        .replace("k@example.org", "")
        .replace("\n2,Ordsall Youth,", "\n999,Ordsall Youth,");
    std::fs::write(&rt, edited).unwrap();
    let out = compactdir(
        &db,
        &[
            "import",
            "groups",
            rt.to_str().unwrap(),
            "--on-match",
            "update",
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    let summary = said
        .find("With --on-match update, 1 row changes its group; it clears 1 field.")
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        summary < said.find("2 rows match").unwrap(),
        "the count comes before the list: {said}"
    );
    assert!(
        said.contains(": KERSAL TENANTS matches group 1, Kersal Tenants ("),
        "the name as the file has it: {said}"
    );
    assert!(
        said.contains(
            "not its own row of the export: its id 999 is not this group's (2): only cells it fills are applied"
        ),
        "{said}"
    );
}
