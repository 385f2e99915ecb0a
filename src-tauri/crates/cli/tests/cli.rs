//! The real `compactdir` binary, run as a script would, on a real file in a temporary folder.

mod common;
use common::*;
use std::process::Command;

#[test]
fn demo_load_then_groups_list_prints_the_directory_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let load = compactdir(&db, &["demo", "load"]);
    assert!(
        load.status.success(),
        "{}",
        String::from_utf8_lossy(&load.stderr)
    );
    assert!(String::from_utf8_lossy(&load.stdout).starts_with("Loaded the demo directory: "));

    let list = compactdir(&db, &["groups", "list"]);
    assert!(list.status.success());
    let mut reader = csv::Reader::from_reader(list.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[1], "name");
    assert_eq!(&headers[4], "class");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(
        rows.len() > 100,
        "the demo's groups are listed: {}",
        rows.len()
    );
    assert!(
        rows.iter()
            .all(|r| ["community", "voluntary", "mixed", "unclassified"].contains(&&r[4])),
        "every row has a class"
    );

    // Loading twice is refused with a sentence, and the exit code says so.
    let again = compactdir(&db, &["demo", "load"]);
    assert!(!again.status.success());
    assert_eq!(
        String::from_utf8_lossy(&again.stderr).trim(),
        "compactdir: the demo directory is already loaded"
    );
}

#[test]
fn the_environment_variable_names_the_file_when_no_option_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("from-env.sqlite3");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_compactdir"))
            .args(args)
            .env("COMPACTDIR_DB", &db)
            .output()
            .unwrap()
    };
    let out = run(&["demo", "load"]);
    assert!(out.status.success());
    assert!(db.exists(), "the file named by COMPACTDIR_DB was created");
    assert!(run(&["groups", "list"]).status.success());
}

/// A mistyped `--db` on a command that only reads made a new, empty directory file and wrote an
/// empty review pack from it, exit 0. It is refused instead, naming the path, and nothing is
/// made: neither the file nor the pack's folder.
#[test]
fn a_command_that_only_reads_refuses_a_path_with_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo.sqlite3");
    let pack = dir.path().join("pack");
    for args in [
        &[
            "export",
            "review",
            "--year",
            "2026",
            "--out",
            pack.to_str().unwrap(),
        ][..],
        &["groups", "list"],
        &["report", "flags"],
        &["import", "list"],
    ] {
        let out = compactdir(&typo, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            err.starts_with(&format!(
                "compactdir: there is no directory file at {}, so there is nothing to read",
                typo.display()
            )),
            "{args:?}: {err}"
        );
        assert!(!typo.exists(), "{args:?} made no directory file");
        assert!(!pack.exists(), "{args:?} wrote no pack");
    }
    // Once there is a directory at that path, the pack is written, its day said in words.
    assert!(compactdir(&typo, &["demo", "load"]).status.success());
    let out = compactdir(
        &typo,
        &[
            "export",
            "review",
            "--year",
            "2025",
            "--out",
            pack.to_str().unwrap(),
            "--today",
            "2026-11-24",
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(
        said.starts_with("Review pack for 2025 (judged as at 31 December 2025) written to"),
        "{said}"
    );
    assert!(pack.join("partnerships.csv").exists());
}

#[test]
fn a_newer_file_is_refused_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("newer.sqlite3");
    assert!(compactdir(&db, &["backup", "now"]).status.success());
    // Stamp it with a far newer schema version than this build knows.
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let out = compactdir(&db, &["groups", "list"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("written by a newer version"));
}

#[test]
fn a_csv_or_a_folder_given_as_db_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("mycsv.csv");
    std::fs::copy(
        real_data("ons_ward_to_lad_may2022_greater_manchester.csv"),
        &csv,
    )
    .unwrap();
    let before = std::fs::read(&csv).unwrap();
    let out = compactdir(&csv, &["groups", "list"]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "compactdir: {} is not a Compact Directory file (it is not an SQLite database): \
             nothing was changed. Give the path of the directory file with --db (or COMPACTDIR_DB)",
            csv.display()
        )
    );
    assert_eq!(std::fs::read(&csv).unwrap(), before, "byte for byte");
    let folder = dir.path().join("adir");
    std::fs::create_dir(&folder).unwrap();
    let out = compactdir(&folder, &["groups", "list"]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "compactdir: {} is a folder, not a directory file: give the path of a file (a new \
             one is made if it does not exist)",
            folder.display()
        )
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["adir", "mycsv.csv"], "nothing moved or made");
}

#[test]
fn a_missing_import_file_or_an_out_that_is_a_file_is_named_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let stderr = |args: &[&str]| {
        let out = compactdir(&db, args);
        assert!(!out.status.success(), "{args:?} must fail");
        String::from_utf8_lossy(&out.stderr).trim().to_string()
    };
    let missing = dir.path().join("nonexist.csv");
    let missing = missing.to_str().unwrap();
    for kind in ["groups", "seats"] {
        assert_eq!(
            stderr(&["import", kind, missing]),
            format!(
                "compactdir: could not read the file to import {missing}: there is no such file or folder"
            )
        );
    }
    let file = dir.path().join("groups.csv");
    std::fs::write(&file, "id,name\n").unwrap();
    let file = file.to_str().unwrap();
    assert_eq!(
        stderr(&[
            "export",
            "review",
            "--year",
            "2025",
            "--out",
            file,
            "--today",
            "2026-11-24"
        ]),
        format!(
            "compactdir: {file} is a file, not a folder: the review pack is written into a folder. \
             Give the path of a folder (a new one is made if it does not exist)"
        )
    );
    assert_eq!(
        stderr(&["export", "hsds", "--out", file]),
        format!(
            "compactdir: {file} is a file, not a folder: the Open Referral UK tables are written \
             into a folder. Give the path of a folder (a new one is made if it does not exist)"
        )
    );
    assert_eq!(
        std::fs::read_to_string(file).unwrap(),
        "id,name\n",
        "left as it was"
    );
    let folder = dir.path().to_str().unwrap();
    assert_eq!(
        stderr(&["export", "groups", "--out", folder]),
        format!(
            "compactdir: {folder} is a folder: add the new file's name to the end (for example {folder}/groups.csv)"
        )
    );
}

/// A slip of tab-completion (`--out directory.sqlite3`) used to truncate the directory file and
/// lose everything in it; now each export that writes one file refuses the directory's own files.
#[test]
fn an_export_never_writes_over_the_directory_file_or_its_backups() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    assert!(compactdir(&db, &["demo", "load"]).status.success());
    assert!(compactdir(&db, &["backup", "now"]).status.success());
    let groups_before = compactdir(&db, &["groups", "list"]).stdout;
    assert!(groups_before.len() > 1000);
    let backup = std::fs::read_dir(dir.path().join("d.sqlite3.backups"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let backup_before = std::fs::read(&backup).unwrap();
    let db_s = db.to_str().unwrap();
    let wal = format!("{db_s}-wal");
    let backup_s = backup.to_str().unwrap();
    // Through a folder not there yet: it would be made, and its `..` is the directory's folder.
    let through_missing = format!("{}/nothere/../d.sqlite3", dir.path().display());
    for (args, what) in [
        (
            vec!["export", "groups", "--out", &through_missing],
            "the directory file itself",
        ),
        (
            vec!["people", "export", "1", "--out", &through_missing],
            "the directory file itself",
        ),
        (
            vec!["export", "groups", "--out", db_s],
            "the directory file itself",
        ),
        (
            vec!["people", "export", "1", "--out", db_s],
            "the directory file itself",
        ),
        (
            vec!["export", "groups", "--out", &wal],
            "the directory file's write-ahead log",
        ),
        (
            vec!["export", "groups", "--out", backup_s],
            "in the directory file's backups folder",
        ),
    ] {
        let out = compactdir(&db, &args);
        assert!(!out.status.success(), "{args:?} must fail");
        let path = args[args.len() - 1];
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim(),
            format!(
                "compactdir: {path} is {what}: writing there would destroy the directory. Choose another file name"
            )
        );
    }
    assert_eq!(compactdir(&db, &["groups", "list"]).stdout, groups_before);
    assert_eq!(std::fs::read(&backup).unwrap(), backup_before);
    // A folder not there yet is made, as the review pack's is.
    let deep = dir.path().join("reviews/2026/groups.csv");
    let out = compactdir(&db, &["export", "groups", "--out", deep.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&deep).unwrap().len() > 1000);
}

#[test]
fn a_listing_whose_reader_stops_early_ends_quietly() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    assert!(compactdir(&db, &["demo", "load"]).status.success());
    assert!(compactdir(&db, &["backup", "now"]).status.success());
    // A CSV listing, and one printed a line at a time.
    for args in [&["groups", "list"][..], &["backup", "list"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_compactdir"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("COMPACTDIR_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before it writes, as `| head -0` would: every write then fails.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "{args:?}: nothing said"
        );
        #[cfg(unix)]
        let by_sigpipe = std::os::unix::process::ExitStatusExt::signal(&out.status) == Some(13);
        #[cfg(not(unix))]
        let by_sigpipe = false;
        assert!(
            out.status.success() || by_sigpipe,
            "{args:?}: ends as other tools do, not with a failure: {:?}",
            out.status
        );
    }
}

#[test]
fn an_import_whose_reader_stops_says_so_and_saves_nothing_half_done() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let csv = dir.path().join("groups.csv");
    std::fs::write(&csv, "Organisation,Postcode\r\nHope Allotments,M6 5FX\r\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_compactdir"))
        .arg("--db")
        .arg(&db)
        .args(["import", "groups"])
        .arg(&csv)
        .env_remove("COMPACTDIR_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // As `| head -0`: the import's first line of output already fails.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("compactdir: the program reading this command's output stopped before the command finished"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let listed = compactdir(&db, &["groups", "list"]);
    assert!(
        !String::from_utf8_lossy(&listed.stdout).contains("Hope Allotments"),
        "nothing was saved"
    );
}

#[test]
fn a_command_that_only_reads_refuses_an_empty_file_and_leaves_it_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("touched.sqlite3");
    std::fs::write(&db, "").unwrap();
    for args in [
        &["groups", "list"][..],
        &["export", "review", "--year", "2025", "--out", "pack"],
    ] {
        let out = compactdir(&db, args);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("there is no directory file at"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "{args:?}");
    }
    // A command that adds to it makes the directory there, as before.
    assert!(compactdir(&db, &["demo", "load"]).status.success());
    assert!(std::fs::metadata(&db).unwrap().len() > 0);
}

#[test]
fn wards_load_takes_a_district_from_the_real_ons_lookup_and_is_idempotent() {
    let ons = real_data("ons_ward_to_lad_may2022_greater_manchester.csv");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let ons = ons.to_str().unwrap();
    let out = compactdir(&db, &["wards", "load", ons, "--district", "Trafford"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A new file has Salford's 20; Trafford's 21 wards of May 2022 are added beside them.
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Read 21 wards"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let again = compactdir(&db, &["wards", "load", ons, "--district", "Trafford"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 added, 0 renamed"));
    let none = compactdir(&db, &["wards", "load", ons, "--district", "Atlantis"]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("has no wards in the district Atlantis"));
}

#[test]
fn wards_list_and_remove_a_district_refused_while_the_demo_uses_it() {
    let ons = real_data("ons_ward_to_lad_may2022_greater_manchester.csv");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let text = |out: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let out = compactdir(
        &db,
        &[
            "wards",
            "load",
            ons.to_str().unwrap(),
            "--district",
            "Trafford",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = compactdir(&db, &["demo", "load"]);
    assert!(out.status.success(), "{}", text(&out));
    let list = compactdir(&db, &["wards", "list"]);
    let said = text(&list);
    assert!(list.status.success(), "{said}");
    let lines: Vec<&str> = said.lines().collect();
    assert!(
        lines[0].starts_with("Salford: 20 wards, used by 120 groups and "),
        "{said}"
    );
    assert_eq!(
        lines[1], "Trafford: 21 wards, used by 0 groups and 0 seats",
        "{said}"
    );

    // The demo's groups and seats use Salford's wards: refused, naming some, nothing removed.
    let refused = compactdir(&db, &["wards", "remove", "--district", "Salford"]);
    assert!(!refused.status.success());
    let said = text(&refused);
    assert!(
        said.contains(
            "Salford's wards cannot be removed: 20 of them are chosen by 120 groups and "
        ),
        "{said}"
    );
    // Groups named as the window shows them, the way to find the rest, and a full stop.
    assert!(
        said.trim_end().ends_with(
            "To find the groups, filter the Directory by ward (a group's own ward) or sort it by its Ward column; the wards a group serves are on its page."
        ),
        "{said}"
    );
    let named = said.split_once(" seats (").unwrap().1;
    assert!(!named.contains("ST ") && !named.contains("CLUB"), "{said}");
    assert!(text(&compactdir(&db, &["wards", "list"])).contains("Salford: 20 wards"));

    let out = compactdir(&db, &["wards", "remove", "--district", "trafford"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(text(&out).trim(), "Removed Trafford's wards (21 wards).");
    let said = text(&compactdir(&db, &["wards", "list"]));
    assert!(!said.contains("Trafford"), "{said}");
    let none = compactdir(&db, &["wards", "remove", "--district", "Trafford"]);
    assert!(!none.status.success());
    assert!(
        text(&none).contains(
            "there are no wards in the district Trafford (the ward list's districts are: Salford)"
        ),
        "{}",
        text(&none)
    );
}

/// The real ONS lookup as users' spreadsheets save it: Windows-1252 from Excel on Windows (its
/// apostrophes typed as curly ones, the byte 0x92), and semicolon-separated from a European Excel.
/// Before, the first was refused as "invalid utf-8" and the second as having no ward columns.
#[test]
fn wards_load_reads_the_real_ons_lookup_saved_as_windows_1252_or_with_semicolons() {
    let ons = std::fs::read_to_string(real_data("ons_ward_to_lad_may2022_greater_manchester.csv"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");

    let cp1252: Vec<u8> = ons
        .replace("\n", "\r\n")
        .bytes()
        .flat_map(|b| if b == b'\'' { vec![0x92] } else { vec![b] })
        .collect();
    assert!(std::str::from_utf8(&cp1252).is_err(), "not UTF-8");
    let windows = dir.path().join("wards-windows.csv");
    std::fs::write(&windows, cp1252).unwrap();
    let out = compactdir(
        &db,
        &[
            "wards",
            "load",
            windows.to_str().unwrap(),
            "--district",
            "Oldham",
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.starts_with("Read 20 wards from "), "{said}");
    let names = |db: &std::path::Path| {
        let conn = rusqlite::Connection::open(db).unwrap();
        let mut q = conn
            .prepare("SELECT name FROM wards WHERE district = ?1 ORDER BY name")
            .unwrap();
        let rows = q
            .query_map(["Oldham"], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect::<Vec<_>>();
        rows
    };
    assert!(
        names(&db).contains(&"St Mary\u{2019}s".to_string()),
        "{:?}",
        names(&db)
    );

    // Semicolons, written from the real rows by a CSV writer (so "Wardle, Shore & West
    // Littleborough" keeps its comma).
    let mut reader = csv::Reader::from_reader(ons.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    writer.write_record(reader.headers().unwrap()).unwrap();
    for record in reader.records() {
        writer.write_record(&record.unwrap()).unwrap();
    }
    let semicolons = dir.path().join("wards-semicolons.csv");
    std::fs::write(&semicolons, writer.into_inner().unwrap()).unwrap();
    let out = compactdir(
        &db,
        &[
            "wards",
            "load",
            semicolons.to_str().unwrap(),
            "--district",
            "rochdale",
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.starts_with("Read 20 wards from "), "{said}");
    assert!(said.ends_with(": 20 added, 0 renamed.\n"), "{said}");

    // One ward is "1 ward".
    let one = dir.path().join("one.csv");
    std::fs::write(&one, ons.lines().take(2).collect::<Vec<_>>().join("\n")).unwrap();
    let out = compactdir(&db, &["wards", "load", one.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("Read 1 ward from {}: 1 added, 0 renamed.\n", one.display())
    );

    // A file that is not there, and a district the list does not have, are said in words.
    let missing = dir.path().join("no-such-wards.csv");
    let out = compactdir(&db, &["wards", "load", missing.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "compactdir: could not read the ward list {}: there is no such file or folder",
            missing.display()
        )
    );
    let out = compactdir(
        &db,
        &[
            "wards",
            "load",
            semicolons.to_str().unwrap(),
            "--district",
            "Atlantis",
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "compactdir: {} has no wards in the district Atlantis (its districts are: Bolton, Bury, Manchester, Oldham, Rochdale, Salford, Stockport, Tameside, Trafford, Wigan)",
            semicolons.display()
        )
    );
}

#[test]
fn backup_now_list_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    assert!(compactdir(&db, &["demo", "load"]).status.success());
    let now = compactdir(&db, &["backup", "now"]);
    assert!(now.status.success());
    // A second the same day keeps the first: they are not rotated as daily backups.
    assert!(compactdir(&db, &["backup", "now"]).status.success());
    let list = String::from_utf8(compactdir(&db, &["backup", "list"]).stdout).unwrap();
    assert_eq!(
        list.lines().filter(|l| l.contains(",on-request,")).count(),
        2,
        "{list}"
    );
    let path = list
        .lines()
        .nth(1)
        .expect("one backup listed")
        .split(',')
        .nth(2)
        .unwrap()
        .to_string();
    let removed = compactdir(&db, &["demo", "remove"]);
    assert!(String::from_utf8_lossy(&removed.stdout).starts_with("Removed the demo directory ("));
    let again = compactdir(&db, &["demo", "remove"]);
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).trim_end(),
        "There was no demo directory to remove: nothing was changed."
    );
    let restored = compactdir(&db, &["backup", "restore", &path]);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let groups = compactdir(&db, &["groups", "list"]).stdout;
    assert!(
        groups.split(|b| *b == b'\n').count() > 100,
        "the demo is back from the backup"
    );
}

#[test]
fn report_flags_prints_every_flag_as_csv_with_reasons_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.sqlite3");
    assert!(compactdir(&db, &["demo", "load"]).status.success());
    let out = compactdir(&db, &["report", "flags", "--today", "2026-11-23"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["partnership", "seat", "holder", "group", "flag", "message"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(rows
        .iter()
        .any(|r| &r[4] == "vacant" && &r[5] == "no one holds this seat"));
    assert!(rows.iter().any(|r| &r[4] == "term_ended"
        && r[5].starts_with("term ended ")
        && r[5].ends_with(" ago")));
    let bad = compactdir(&db, &["report", "flags", "--today", "yesterday"]);
    assert!(
        !bad.status.success(),
        "a word that is not a date is refused"
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("“yesterday” is not a date"));
}

fn csv_rows(out: &std::process::Output) -> (Vec<String>, Vec<csv::StringRecord>) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().iter().map(String::from).collect();
    (headers, reader.records().map(|r| r.unwrap()).collect())
}

#[test]
fn report_gaps_balance_and_coverage_print_the_matrix_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(compactdir(&db, &["demo", "load"]).status.success());

    let (headers, rows) = csv_rows(&compactdir(
        &db,
        &["report", "gaps", "--today", "2026-11-23"],
    ));
    assert_eq!(
        headers,
        [
            "partnership",
            "category",
            "status",
            "reserved_vacant",
            "via"
        ]
    );
    assert_eq!(rows.len(), 10 * 16, "one row per partnership and category");
    assert!(rows
        .iter()
        .all(|r| ["covered", "weak", "missing"].contains(&&r[2])));
    let lgbt = rows
        .iter()
        .find(|r| {
            &r[0] == "Equality and Diversity Forum"
                && &r[1] == "Lesbian, gay, bisexual and transgender people"
        })
        .unwrap();
    assert_eq!((&lgbt[2], &lgbt[3]), ("missing", "yes"));
    assert_eq!(
        &lgbt[4],
        "no filled seat speaks for them; reserved, vacant: Lesbian, gay, bisexual and transgender people"
    );
    assert!(rows.iter().any(|r| &r[2] == "weak"
        && r[4].starts_with("only ")
        && r[4].contains(", held by ")
        && r[4].contains("term ended ")));

    let (headers, rows) = csv_rows(&compactdir(
        &db,
        &["report", "balance", "--today", "2026-11-23"],
    ));
    assert_eq!(headers[0], "partnership");
    assert_eq!(headers.last().unwrap(), "warnings");
    // "Vacant" here counts VCSE and residents' seats only, and says so.
    assert_eq!(headers[4], "vcse_residents_vacant");
    assert_eq!(rows.len(), 10);
    let safety = rows
        .iter()
        .find(|r| &r[0] == "Community Safety Partnership")
        .unwrap();
    let warnings = &safety[headers.len() - 1];
    assert!(warnings.contains("none by a community group") && warnings.contains("002, 6.10"));
    assert!(warnings.contains("no faith or BME group") && warnings.contains("002, 6.19"));

    let (headers, rows) = csv_rows(&compactdir(&db, &["report", "coverage"]));
    assert_eq!(headers, ["ward", "category", "groups_elsewhere"]);
    let nowhere: Vec<_> = rows
        .iter()
        .filter(|r| &r[1] == "People with sensory impairments")
        .collect();
    assert_eq!(nowhere.len(), 20, "no ward has a group for it");
    assert!(nowhere.iter().all(|r| &r[2] == "0"));

    let bad = compactdir(&db, &["report", "gaps", "--today", "tomorrow"]);
    assert!(
        !bad.status.success(),
        "a date not in YYYY-MM-DD form is refused"
    );
}

#[test]
fn people_review_export_and_erase_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    assert!(compactdir(&db, &["demo", "load"]).status.success());
    let out = compactdir(&db, &["people", "review", "--today", "2026-11-23"]);
    let review = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(review.starts_with("id,name,lawful_basis,review_date,reason"));
    let first: Vec<&str> = review
        .lines()
        .nth(1)
        .expect("someone is due")
        .split(',')
        .collect();
    let (id, name) = (first[0], first[1]);
    assert!(review.contains("has passed"), "{review}");

    let sar = dir.path().join("sar.txt");
    let out = compactdir(
        &db,
        &["people", "export", id, "--out", sar.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&sar).unwrap().contains(name));

    let out = compactdir(&db, &["people", "erase", id]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Erased person {id}")));
    let after = compactdir(&db, &["people", "export", id]);
    let text = String::from_utf8_lossy(&after.stdout);
    assert!(!text.contains(name) && text.contains(&format!("Erased person {id}")));

    // Again: said as already done, not as a new erasure.
    let again = compactdir(&db, &["people", "erase", id]);
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .starts_with(&format!("Person {id} was already erased (")),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );

    let out = compactdir(&db, &["people", "erase", "99999"]);
    assert!(!out.status.success());
}

#[test]
fn history_lists_a_change_with_who_and_undo_change_puts_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let id = {
        let mut store = compactdir_core::Store::open(&db).unwrap();
        store.set_actor("Pat at the CVS");
        let g = store
            .save_group(compactdir_core::domain::group::GroupInput {
                name: "Irlams o' th' Height Bowls".into(),
                ..Default::default()
            })
            .unwrap();
        let mut input = g.input;
        input.phone = "0161 496 0123".into();
        store.save_group(input).unwrap().input.id.unwrap()
    };

    let out = compactdir(&db, &["history", "group", &id.to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (header, rows) = csv_rows(&out);
    assert_eq!(
        header,
        [
            "entry",
            "at",
            "who",
            "action",
            "what",
            "before",
            "after",
            "undone_by",
            "imported_from",
            "merged_from"
        ]
    );
    assert_eq!(rows.len(), 2, "the change, then the addition");
    assert_eq!(
        (
            &rows[0][2],
            &rows[0][3],
            &rows[0][4],
            &rows[0][5],
            &rows[0][6]
        ),
        (
            "Pat at the CVS",
            "changed",
            "Phone",
            "Not recorded",
            "0161 496 0123"
        )
    );
    assert_eq!(&rows[1][3], "created");

    let entry = rows[0][0].to_string();
    let out = compactdir(&db, &["undo-change", &entry]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = compactdir_core::Store::open(&db).unwrap();
    assert_eq!(store.get_group(id).unwrap().input.phone, "");
    drop(store);
    let again = compactdir(&db, &["undo-change", &entry]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already been undone"));
}

/// The tester's finding: the listings printed on standard output (saved with `> file.csv` and
/// opened in a spreadsheet) wrote `=SUM(1,1)` as it was, where every export neutralises it.
/// Every cell of every listing now goes through the same neutralisation.
#[test]
fn listings_on_standard_output_cannot_start_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let groups = dir.path().join("g.csv");
    std::fs::write(
        &groups,
        "name,postcode\n\"=SUM(1,1)\",M5 4WT\n\"=SUM(1,1) Ltd\",M5 4WT\n",
    )
    .unwrap();
    let out = compactdir(
        &db,
        &[
            "import",
            "groups",
            groups.to_str().unwrap(),
            "--on-match",
            "new",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seats = dir.path().join("s.csv");
    std::fs::write(
        &seats,
        "partnership,seat,sector,constituency,holder,holder_group,term_start,selection\n\
         \"=SUM(1,1)\",\"=SUM(1,1)\",vcse,=cmd,-Dash Person,\"=SUM(1,1)\",2026-02-01,appointed\n",
    )
    .unwrap();
    let out = compactdir(&db, &["import", "seats", seats.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    for args in [
        &["report", "flags", "--today", "2026-11-23"][..],
        &["report", "gaps", "--today", "2026-11-23"],
        &["report", "balance", "--today", "2026-11-23"],
        &["groups", "list"],
        &["duplicates"],
        &["history", "partnership", "1"],
    ] {
        let out = compactdir(&db, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !out.stdout.starts_with(b"\xEF\xBB\xBF"),
            "{args:?}: no BOM on a pipe"
        );
        let cells: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.stdout.as_slice())
            .records()
            .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
            .collect();
        // (The history names them inside its sentences.)
        assert!(
            args[0] == "history" || cells.iter().any(|c| c == "'=SUM(1,1)"),
            "{args:?} names the partnership or group: {cells:?}"
        );
        for c in &cells {
            assert!(
                !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{args:?}: {c:?} could run as a formula"
            );
        }
    }
}

/// The tester's finding: `export groups --out newdir/sub/g.csv` failed with "there is no such
/// file or folder" where the review pack and the Open Referral export make their folders.
#[test]
fn export_groups_makes_the_folders_above_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    assert!(compactdir(&db, &["demo", "load"]).status.success());
    let file = dir.path().join("newdir/sub/g.csv");
    let out = compactdir(&db, &["export", "groups", "--out", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.starts_with("\u{feff}id,name,"), "{written}");
    assert_eq!(written.lines().count(), 121, "the demo's 120 groups");
}

#[test]
fn a_mistaken_argument_is_said_as_other_errors_are() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    assert!(compactdir(&db, &["demo", "load"]).status.success());
    for (args, said) in [
        (
            &["report", "flags", "--today", "2026-02-30"][..],
            "there is no 30 February 2026: check the day and the month",
        ),
        (
            &["duplicates", "--threshold", "-0.1"],
            "-0.1 is not a score from 0 to 1",
        ),
        (
            &["merge", "1"],
            "the following required arguments were not provided: <MERGED>",
        ),
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
    ] {
        let out = compactdir(&db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("compactdir: "), "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
        assert_eq!(
            stderr.lines().count(),
            1,
            "{args:?}: one sentence: {stderr}"
        );
    }
    // The forms' other way of writing a day is taken.
    let out = compactdir(&db, &["report", "flags", "--today", "14/03/2026"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Help is still help.
    let help = compactdir(&db, &["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: compactdir"));
}
