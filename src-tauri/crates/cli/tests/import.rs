//! `compactdir import seats` and `report flags` on the real binary: a spreadsheet in, its seats'
//! flags out; a bad spreadsheet refused whole with every row's problem on standard error.

mod common;
use common::*;

use std::path::Path;

const HEADER: &str =
    "partnership,seat,sector,constituency,holder,holder_group,term_start,term_end,selection\n";

fn seats_in(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM seats", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn import_seats_then_report_flags_shows_why_each_seat_stands_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let file = dir.path().join("seats.csv");
    std::fs::write(
        &file,
        format!(
            "{HEADER}Carers' Forum,Carers' seat,VCSE,Unpaid carers,Dee Marsh,,2025-12-01,2026-12-31,invited\n\
             Carers' Forum,Second carers' seat,VCSE,,,,,,\n"
        ),
    )
    .unwrap();
    let out = compactdir(&db, &["import", "seats", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Imported 2 rows: 2 seats added"), "{said}");
    assert!(
        said.contains(
            "New partnerships, made as forums (set their kind in the app): Carers' Forum."
        ),
        "{said}"
    );

    let report = compactdir(&db, &["report", "flags", "--today", "2026-11-23"]);
    assert!(report.status.success());
    let mut reader = csv::Reader::from_reader(report.stdout.as_slice());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let has = |seat: &str, flag: &str, message: &str| {
        rows.iter()
            .any(|r| r[0] == "Carers' Forum" && r[1] == seat && r[4] == flag && r[5] == message)
    };
    assert!(
        has("Second carers' seat", "vacant", "no one holds this seat"),
        "{rows:?}"
    );
    assert!(has(
        "Second carers' seat",
        "no_constituency",
        "no constituency stated: whom does this seat speak for?"
    ));
    assert!(has(
        "Carers' seat",
        "term_ending",
        "term ends 31 December 2026, in 38 days"
    ));
    assert!(has(
        "Carers' seat",
        "not_openly_selected",
        "Dee Marsh was invited, not through an open and transparent process"
    ));
    assert!(has(
        "Carers' seat",
        "report_back_overdue",
        "no report-back since the term began on 1 December 2025, 357 days ago; interval 90 days"
    ));
}

#[test]
fn a_bad_seats_spreadsheet_is_refused_whole_with_every_row_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let file = dir.path().join("seats.csv");
    std::fs::write(
        &file,
        format!(
            "{HEADER}Carers' Forum,Carers' seat,VCSE,Unpaid carers,Dee Marsh,,2025-12-01,,invited\n\
             Carers' Forum,Seat 2,VCSE,,Eli Ward,,2026-02-30,,appointed\n\
             Carers' Forum,Seat 3,charity,,,,,,\n"
        ),
    )
    .unwrap();
    let out = compactdir(&db, &["import", "seats", file.to_str().unwrap()]);
    assert!(!out.status.success(), "a bad file exits non-zero");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("was not imported (nothing was saved): 2 problems"),
        "{err}"
    );
    assert!(
        err.contains("  row 3, column term_start: \"2026-02-30\" is not a date"),
        "{err}"
    );
    assert!(
        err.contains("  row 4, column sector: \"charity\" is not a sector"),
        "{err}"
    );
    assert_eq!(seats_in(&db), 0, "not even the good first row");

    let missing = compactdir(&db, &["import", "seats", "no-such-file.csv"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-file.csv"));
}

#[test]
fn a_seats_import_is_listed_and_undone_as_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let file = dir.path().join("carers.csv");
    std::fs::write(
        &file,
        format!(
            "{HEADER}Carers' Forum,Carers' seat,VCSE,Unpaid carers,Dee Marsh,,2025-12-01,2026-12-31,invited\n\
             Carers' Forum,Second carers' seat,VCSE,,,,,,\n"
        ),
    )
    .unwrap();
    let out = compactdir(&db, &["import", "seats", file.to_str().unwrap()]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("(seats import 1: `import seats-undo 1` takes it back)"),
        "{said}"
    );
    assert_eq!(seats_in(&db), 2);

    // Each change is in the partnership's history, saying which file's import made it.
    let history = compactdir(&db, &["history", "partnership", "1"]);
    let mut reader = csv::Reader::from_reader(history.stdout.as_slice());
    let from: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[8].to_string())
        .collect();
    assert_eq!(from.len(), 4, "the partnership, two seats, one appointment");
    assert!(from.iter().all(|f| f == "carers.csv"), "{from:?}");

    let list = compactdir(&db, &["import", "seats-list"]);
    let listed = String::from_utf8_lossy(&list.stdout);
    let mut reader = csv::Reader::from_reader(listed.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["id", "file", "when", "who", "saved", "undone"]
    );
    let fields = reader.records().next().unwrap().unwrap();
    assert_eq!(&fields[0], "1", "{listed}");
    assert_eq!(&fields[1], "carers.csv", "{listed}");
    assert!(
        fields[4].starts_with("Imported 2 rows: 2 seats added"),
        "{listed}"
    );
    assert_eq!(&fields[5], "", "not undone yet: {listed}");

    let undo = compactdir(&db, &["import", "seats-undo", "1"]);
    assert!(
        undo.status.success(),
        "{}",
        String::from_utf8_lossy(&undo.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&undo.stdout).trim_end(),
        "Seats import 1 undone: 1 partnership, 2 seats, 1 person and 1 appointment removed."
    );
    assert_eq!(seats_in(&db), 0);
    let listed = compactdir(&db, &["import", "seats-list"]);
    let listed = String::from_utf8_lossy(&listed.stdout).to_string();
    let undone = csv::Reader::from_reader(listed.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap();
    assert!(undone[5].starts_with("20"), "undone, with when: {listed}");

    let again = compactdir(&db, &["import", "seats-undo", "1"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("was already undone"));
    let unknown = compactdir(&db, &["import", "seats-undo", "7"]);
    assert!(!unknown.status.success());
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("seats import 7"),
        "{}",
        String::from_utf8_lossy(&unknown.stderr)
    );
}
