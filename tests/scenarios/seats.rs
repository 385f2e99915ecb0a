//! A partnership secretary's year: building a partnership, appointing and ending terms, the
//! register of a meeting, and the seats spreadsheet imported whole or not at all.

use chrono::NaiveDate;
use compactdir_core::domain::flags::{Attended, FlagKind, FlagSettings};
use compactdir_core::domain::identifier::Identifier;
use compactdir_core::domain::partnership::{
    AttendanceMark, Kind, LawfulBasis, PartnershipInput, PersonInput, Role, SeatInput, Sector,
};
use compactdir_core::store::AppointmentInput;
use compactdir_core::{CoreError, Store};
use compactdir_tests::{group, TempDirectory};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Rows in the tables an appointment or import writes, read straight from the file.
fn counts(t: &TempDirectory) -> [i64; 4] {
    let c = rusqlite::Connection::open(&t.path).unwrap();
    ["partnerships", "seats", "people", "appointments"].map(|table| {
        c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    })
}

fn kinds_on(store: &Store, seat_id: i64, today: &str) -> Vec<FlagKind> {
    store
        .flags(day(today))
        .unwrap()
        .into_iter()
        .filter(|f| f.flag.seat_id == seat_id)
        .map(|f| f.flag.kind)
        .collect()
}

struct Board {
    partnership: i64,
    vcse_seat: i64,
    holder: i64,
}

/// A forum with one VCSE seat held by a person from a group, with an alternate.
fn build(store: &Store) -> Board {
    let partnership = store
        .save_partnership(PartnershipInput {
            name: "Ordsall  Community Forum".into(),
            kind: Kind::Forum,
            convenor: "Salford CVS".into(),
            meeting_pattern: "every other month".into(),
            settings: FlagSettings {
                report_back_days: 60,
                ..FlagSettings::default()
            },
            ..Default::default()
        })
        .unwrap();
    let vcse_seat = store
        .save_seat(SeatInput {
            partnership_id: partnership,
            label: "Community groups seat".into(),
            sector: Sector::Vcse,
            selection: "elected at the annual network meeting".into(),
            ..Default::default()
        })
        .unwrap();
    let group = store
        .save_group(group("Ordsall Tenants Association"))
        .unwrap();
    let person = store
        .save_person(
            PersonInput {
                name: "Grace Obi".into(),
                email: "grace@example.org".into(),
                lawful_basis: LawfulBasis::Consent,
                consent_date: Some("2026-01-10".into()),
                ..Default::default()
            },
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    let holder = store
        .appoint(AppointmentInput {
            seat_id: vcse_seat,
            person_id: Some(person),
            group_id: group.input.id,
            term_start: "2026-01-15".into(),
            term_end: Some("2027-01-14".into()),
            selection: "open_election".into(),
            openly_selected: true,
            ..Default::default()
        })
        .unwrap();
    store
        .appoint(AppointmentInput {
            seat_id: vcse_seat,
            new_person: "Tom Reid".into(),
            term_start: "2026-01-15".into(),
            selection: "open_nomination".into(),
            openly_selected: true,
            role: Role::Alternate,
            ..Default::default()
        })
        .unwrap();
    Board {
        partnership,
        vcse_seat,
        holder,
    }
}

#[test]
fn a_partnership_built_from_nothing_shows_its_seat_holder_alternate_and_flags() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    let today = day("2026-11-23");

    let page = store.get_partnership(b.partnership, today).unwrap();
    assert_eq!(page.name, "Ordsall Community Forum", "spacing tidied");
    assert_eq!(page.report_back_days, 60, "the forum's own interval");
    let seat = &page.seats[0];
    let holder = seat.holder.as_ref().unwrap();
    assert_eq!(holder.person, "Grace Obi");
    assert_eq!(holder.group.as_deref(), Some("Ordsall Tenants Association"));
    assert!(
        holder.group_class.is_some(),
        "the group's class comes with it"
    );
    assert_eq!(seat.alternate.as_ref().unwrap().person, "Tom Reid");
    let kinds: Vec<FlagKind> = seat.flags.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FlagKind::NoConstituency,
            FlagKind::TermEnding,
            FlagKind::ReportBackOverdue,
            FlagKind::NoDeclaration
        ],
        "a VCSE seat that says whom it speaks for nowhere, a term ending 14 January"
    );
    assert_eq!(
        seat.flags[2].message,
        "no report-back since the term began on 15 January 2026, 312 days ago; interval 60 days"
    );

    // Stating the constituency clears that flag; the thresholds are kept with the partnership.
    let mut input = store.seat_input(b.vcse_seat).unwrap();
    input.constituency = "Tenants' and residents' groups in Ordsall".into();
    store.save_seat(input).unwrap();
    assert!(!kinds_on(&store, b.vcse_seat, "2026-11-23").contains(&FlagKind::NoConstituency));
    assert_eq!(
        store
            .partnership_input(b.partnership)
            .unwrap()
            .settings
            .report_back_days,
        60
    );

    // Grace's record lists the seat; the seat's history lists holder and alternate.
    let grace = store.get_person(holder.person_id).unwrap();
    assert_eq!(grace.appointments.len(), 1);
    assert_eq!(grace.appointments[0].partnership, "Ordsall Community Forum");
    assert_eq!(store.seat_history(b.vcse_seat).unwrap().len(), 2);
}

#[test]
fn attendance_under_half_of_the_last_six_meetings_stands_out() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    let register = [
        ("2026-02-01", Attended::Present),
        ("2026-04-01", Attended::Present),
        ("2026-06-01", Attended::Apologies),
        ("2026-08-01", Attended::Absent),
        ("2026-10-01", Attended::Present),
        ("2026-11-01", Attended::Apologies),
    ];
    for (on, status) in register {
        store
            .record_attendance(
                b.partnership,
                day(on),
                &[AttendanceMark {
                    appointment_id: b.holder,
                    status,
                }],
                chrono::NaiveDate::MAX,
            )
            .unwrap();
    }
    assert!(
        !kinds_on(&store, b.vcse_seat, "2026-11-23").contains(&FlagKind::PoorAttendance),
        "3 of 6 is 50%: enough"
    );
    // Correcting the register of 1 October: 2 of the last 6.
    store
        .record_attendance(
            b.partnership,
            day("2026-10-01"),
            &[AttendanceMark {
                appointment_id: b.holder,
                status: Attended::Absent,
            }],
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    let flags = store.flags(day("2026-11-23")).unwrap();
    let poor = flags
        .iter()
        .find(|f| f.flag.kind == FlagKind::PoorAttendance)
        .expect("2 of 6 stands out");
    assert_eq!(
        poor.flag.message,
        "present at 2 of the last 6 meetings (2 with apologies); at least 50% expected"
    );
    let log = store.accountability_log(b.holder).unwrap();
    assert_eq!(log.attendance.len(), 6, "corrected, not doubled");

    // A meeting before the term began cannot be on the holder's record.
    let err = store
        .record_attendance(
            b.partnership,
            day("2025-12-01"),
            &[AttendanceMark {
                appointment_id: b.holder,
                status: Attended::Present,
            }],
            chrono::NaiveDate::MAX,
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("Grace Obi's term (15 January 2026 to 14 January 2027) did not cover a meeting on 1 December 2025"),
        "{err}"
    );
}

#[test]
fn the_three_refusals_say_which_and_why_and_save_nothing() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    let before = counts(&t);
    let attempt = AppointmentInput {
        seat_id: b.vcse_seat,
        new_person: "Priya Shah".into(),
        term_start: "2026-06-01".into(),
        term_end: Some("2027-05-31".into()),
        selection: "co_opted".into(),
        ..Default::default()
    };

    // 1. A term that ends before it starts.
    let backwards = AppointmentInput {
        term_start: "2027-06-01".into(),
        ..attempt.clone()
    };
    let err = store.appoint(backwards).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The term cannot end (31 May 2027) before it starts (1 June 2027)"
    );
    assert_eq!(counts(&t), before, "no new person half-saved");

    // 2. Two holders of one seat over the same dates, naming the one already there.
    let err = store.appoint(attempt.clone()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Community groups seat is already held by Grace Obi from 15 January 2026 to 14 January 2027 over those dates: choose a start after 14 January 2027, or correct that term"
    );
    assert_eq!(counts(&t), before);

    // 3. A seat that has ended (the forum abolished it at the end of March, once its holder's
    // and alternate's terms were ended by then).
    store.end_appointment(b.holder, day("2026-03-31")).unwrap();
    let alternate = store
        .seat_history(b.vcse_seat)
        .unwrap()
        .into_iter()
        .find(|a| a.role == Role::Alternate)
        .unwrap();
    store
        .end_appointment(alternate.id, day("2026-03-31"))
        .unwrap();
    let mut seat = store.seat_input(b.vcse_seat).unwrap();
    seat.ended_on = Some("2026-03-31".into());
    store.save_seat(seat).unwrap();
    let err = store.appoint(attempt).unwrap_err();
    assert!(matches!(err, CoreError::Invalid(_)));
    assert_eq!(
        err.to_string(),
        "Community groups seat ended on 31 March 2026: no one can be appointed to it after that"
    );
    assert_eq!(counts(&t), before);

    // Ending a term before it began is refused too.
    let err = store
        .end_appointment(b.holder, day("2025-12-31"))
        .unwrap_err();
    assert_eq!(err.fields()[0].field, "term_end");
}

#[test]
fn ending_a_term_shows_it_ended_and_frees_the_seat_for_the_next_holder() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    store.end_appointment(b.holder, day("2026-09-30")).unwrap();
    assert!(kinds_on(&store, b.vcse_seat, "2026-09-30").contains(&FlagKind::TermEnding));
    assert!(kinds_on(&store, b.vcse_seat, "2026-10-01").contains(&FlagKind::TermEnded));
    let next = store
        .appoint(AppointmentInput {
            seat_id: b.vcse_seat,
            new_person: "Priya Shah".into(),
            term_start: "2026-10-01".into(),
            selection: "open_election".into(),
            openly_selected: true,
            ..Default::default()
        })
        .unwrap();
    let page = store
        .get_partnership(b.partnership, day("2026-11-23"))
        .unwrap();
    assert_eq!(page.seats[0].holder.as_ref().unwrap().appointment_id, next);
    // Grace's term cannot now be stretched back over Priya's.
    let err = store
        .end_appointment(b.holder, day("2026-12-31"))
        .unwrap_err();
    assert!(
        err.to_string().contains("already held by Priya Shah"),
        "{err}"
    );
}

const HEADER: &str =
    "partnership,seat,sector,constituency,holder,holder_group,term_start,term_end,selection\n";

fn directory_with_groups(t: &TempDirectory) -> Store {
    let store = t.open();
    store
        .save_group(compactdir_core::domain::group::GroupInput {
            identifiers: vec![Identifier {
                scheme: "GB-CHC".into(),
                value: "1092385".into(),
            }],
            ..group("Salford Later Life Trust")
        })
        .unwrap();
    store
        .save_group(group("Ordsall Tenants Association"))
        .unwrap();
    store
}

#[test]
fn a_seats_spreadsheet_with_one_bad_row_saves_nothing_and_names_row_and_column() {
    let t = TempDirectory::new();
    let store = directory_with_groups(&t);
    let before = counts(&t);
    let csv = format!(
        "{HEADER}Older People's Partnership,VCSE seat 1,VCSE,Older people's groups,Ann Lee,1092385,01/04/2025,31/03/2027,Open election\n\
         Older People's Partnership,VCSE seat 2,VCSE,,Bob Hart,Ordsall Tennants Association,2026-01-01,,co-opted\n\
         Older People's Partnership,VCSE seat 1,VCSE,,Cara Dunn,,2026-01-01,,appointed\n"
    );
    let err = store.import_seats("seats.csv", csv.as_bytes()).unwrap_err();
    let messages: Vec<&str> = err.fields().iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "row 3, column holder_group: no group called \"Ordsall Tennants Association\" (or with that number) is in the directory: add it first, or leave the cell empty",
            "row 4, column term_start: VCSE seat 1 is already held by Ann Lee from 1 April 2025 to 31 March 2027 over those dates: choose a start after 31 March 2027, or correct that term",
        ],
        "a misspelt group and a second holder within the same file"
    );
    assert_eq!(counts(&t), before, "not even the good first row was kept");
}

#[test]
fn a_good_seats_spreadsheet_imports_whole_and_again_without_doubling() {
    let t = TempDirectory::new();
    let store = directory_with_groups(&t);
    let csv = format!(
        "{HEADER}Older People's Partnership,VCSE seat 1,VCSE,Older people's groups,Ann Lee,GB-CHC-1092385,01/04/2025,31/03/2027,Open election\n\
         Older People's Partnership,VCSE seat 2,VCSE,,Bob Hart,ordsall  tenants association,2026-01-01,,co-opted\n\
         Older People's Partnership,Adult social care,public,,,,,,\n\
         Housing Forum,Tenants' seat,residents,Council tenants,Ann Lee,,2026-02-01,2026-12-31,open nomination\n"
    );
    let summary = store.import_seats("seats.csv", csv.as_bytes()).unwrap();
    assert_eq!(summary.rows, 4);
    assert_eq!(
        summary.partnerships_created,
        ["Older People's Partnership", "Housing Forum"]
    );
    assert_eq!(summary.seats_created, 4);
    assert_eq!(
        summary.people_created, 2,
        "Ann Lee is one person on two seats"
    );
    assert_eq!(summary.appointments_created, 3);

    let today = day("2026-11-23");
    let rows = store.list_partnerships(today).unwrap();
    let older = rows
        .iter()
        .find(|p| p.name == "Older People's Partnership")
        .unwrap();
    assert_eq!(older.kind, "forum", "made as a forum, as the summary says");
    assert_eq!(older.vacant, 1);
    let page = store.get_partnership(older.id, today).unwrap();
    let ann = page.seats[0].holder.as_ref().unwrap();
    assert_eq!(
        ann.group.as_deref(),
        Some("Salford Later Life Trust"),
        "matched by charity number"
    );
    assert!(ann.openly_selected, "an open election is open");
    let bob = page.seats[1].holder.as_ref().unwrap();
    assert_eq!(bob.group.as_deref(), Some("Ordsall Tenants Association"));
    assert!(!bob.openly_selected, "co-opting is not");
    let flags = store.flags(today).unwrap();
    assert!(flags
        .iter()
        .any(|f| f.holder == "Bob Hart" && f.flag.kind == FlagKind::NotOpenlySelected));

    let before = counts(&t);
    let (imports, backups) = (
        store.seat_imports().unwrap().len(),
        store.backups().unwrap().len(),
    );
    let again = store.import_seats("seats.csv", csv.as_bytes()).unwrap();
    assert_eq!(again.appointments_created, 0);
    assert_eq!(again.appointments_already_recorded, 3);
    assert_eq!(counts(&t), before, "nothing doubled");
    // Nothing changed, so nothing is recorded to undo and no backup is taken.
    assert_eq!(again.import_id, None);
    assert_eq!(store.seat_imports().unwrap().len(), imports);
    assert_eq!(store.backups().unwrap().len(), backups);
}

#[test]
fn a_seats_spreadsheet_saved_by_excel_on_windows_imports_and_a_non_table_is_refused_for_what_it_is()
{
    let t = TempDirectory::new();
    let store = directory_with_groups(&t);
    let before = counts(&t);
    // Windows-1252 (the apostrophe is byte 0x92), semicolons, a title line above the column
    // names, and N/A for an empty cell: as Excel in a UK office saves "CSV".
    let mut file: Vec<u8> = b"Seats at 1 April 2026;;;\r\n".to_vec();
    file.extend_from_slice(HEADER.trim_end().replace(',', ";").as_bytes());
    file.extend_from_slice(b"\r\nOlder People\x92s Partnership;VCSE seat 1;VCSE;N/A;Ann Lee;1092385;01/04/2025;31/03/2027;Open election\r\n");
    let summary = store.import_seats("seats.csv", file.as_slice()).unwrap();
    assert_eq!(summary.rows, 1);
    assert_eq!(
        summary.partnerships_created,
        ["Older People\u{2019}s Partnership"],
        "the apostrophe read as Windows-1252"
    );
    assert_eq!(summary.appointments_created, 1);
    let after = counts(&t);
    assert_ne!(after, before);

    for (bytes, says) in [
        (&b""[..], "is empty"),
        (&b"\xEF\xBB\xBF\r\n\r\n"[..], "is empty"),
        (
            &b"partnership,seat,sector\r\n"[..],
            "has column names (partnership, seat, sector) but no rows",
        ),
        (
            &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..],
            "is not a text file (it looks like a PNG picture)",
        ),
        (&b"PK\x03\x04\x14\0\x06\0"[..], "save it as CSV"),
    ] {
        let err = store.import_seats("seats.csv", bytes).unwrap_err();
        let message = err.about_file("seats.csv").to_string();
        assert!(message.starts_with("seats.csv "), "{message}");
        assert!(message.contains(says), "{message}");
        assert_eq!(counts(&t), after, "nothing saved");
    }

    // A CSV of something else names its own columns, not the ones it lacks.
    let err = store
        .import_seats(
            "wards.csv",
            "wd22cd,wd22nm\nE05000650,Astley Bridge\n".as_bytes(),
        )
        .unwrap_err();
    let messages: Vec<&str> = err.fields().iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages[0],
        "row 1, column partnership: the file has no partnership column (its columns are: wd22cd, wd22nm)"
    );
}

#[test]
fn an_appointment_is_corrected_with_the_same_refusals_as_appointing() {
    let t = TempDirectory::new();
    let store = t.open();
    let board = build(&store);
    // An earlier holder of the same seat, whose term ended before Grace's began.
    let earlier = store
        .appoint(AppointmentInput {
            seat_id: board.vcse_seat,
            new_person: "Ruth Earlier".into(),
            term_start: "2024-01-15".into(),
            term_end: Some("2026-01-14".into()),
            selection: "open_election".into(),
            openly_selected: true,
            ..Default::default()
        })
        .unwrap();
    let edit = |term_start: &str, term_end: Option<&str>| {
        store.edit_appointment(
            board.holder,
            AppointmentInput {
                term_start: term_start.into(),
                term_end: term_end.map(Into::into),
                selection: "co_opted".into(),
                openly_selected: false,
                ..Default::default()
            },
        )
    };
    // Moving Grace's start back into Ruth's term is refused, naming Ruth; nothing changes.
    let refused = edit("2025-06-01", Some("2027-01-14"));
    assert!(
        matches!(&refused, Err(CoreError::Invalid(p)) if p.iter().any(|p| p.message.contains("Ruth Earlier"))),
        "{refused:?}"
    );
    assert!(matches!(
        edit("2026-03-01", Some("2026-02-01")),
        Err(CoreError::Invalid(p)) if p[0].field == "term_end"
    ));
    let before = store.seat_history(board.vcse_seat).unwrap();
    assert!(before
        .iter()
        .any(|a| a.id == board.holder && a.term_start == "2026-01-15"));
    // A correction that clashes with no one is saved; the person, seat and role stay.
    edit("2026-02-01", None).unwrap();
    let after = store.seat_history(board.vcse_seat).unwrap();
    let grace = after.iter().find(|a| a.id == board.holder).unwrap();
    assert_eq!(
        (
            grace.person.as_str(),
            grace.term_start.as_str(),
            grace.term_end.as_deref()
        ),
        ("Grace Obi", "2026-02-01", None)
    );
    assert!(!grace.openly_selected);
    assert!(after.iter().any(|a| a.id == earlier));
    assert!(matches!(
        store.edit_appointment(9999, AppointmentInput::default()),
        Err(CoreError::NotFound { .. })
    ));
}

/// The tester's finding: an alternate's term could only be ended. The correction a holder's term
/// has works on the alternate's appointment too: checked against the seat's other alternates (not
/// its holder, who sits beside them), and the alternate stays the alternate, now shown with the
/// group corrected in.
#[test]
fn an_alternates_term_is_corrected_as_a_holders_is() {
    let t = TempDirectory::new();
    let store = t.open();
    let board = build(&store);
    let today = day("2026-11-24");
    let seat = |store: &Store| {
        store
            .get_partnership(board.partnership, today)
            .unwrap()
            .seats
            .into_iter()
            .find(|s| s.id == board.vcse_seat)
            .unwrap()
    };
    let tom = seat(&store).alternate.unwrap();
    assert_eq!(
        (tom.person.as_str(), tom.group.as_deref()),
        ("Tom Reid", None)
    );
    // An earlier alternate, whose term ended before Tom's began.
    store
        .appoint(AppointmentInput {
            seat_id: board.vcse_seat,
            new_person: "Sam Before".into(),
            term_start: "2025-01-15".into(),
            term_end: Some("2026-01-14".into()),
            selection: "open_nomination".into(),
            openly_selected: true,
            role: Role::Alternate,
            ..Default::default()
        })
        .unwrap();
    let group = store
        .save_group(group("Ordsall Faith Forum"))
        .unwrap()
        .input
        .id;
    let correct = |start: &str, end: Option<&str>| {
        store.edit_appointment(
            tom.appointment_id,
            AppointmentInput {
                group_id: group,
                term_start: start.into(),
                term_end: end.map(Into::into),
                selection: "open_nomination".into(),
                openly_selected: true,
                ..Default::default()
            },
        )
    };
    // Back into Sam's term: refused, naming Sam (the holder, Grace, overlaps and is no clash).
    let refused = correct("2025-06-01", None);
    assert!(
        matches!(&refused, Err(CoreError::Invalid(p)) if p.iter().any(|p| p.message.contains("Sam Before"))),
        "{refused:?}"
    );
    correct("2026-02-01", Some("2027-01-14")).unwrap();
    let after = seat(&store);
    let tom = after.alternate.unwrap();
    assert_eq!(
        (
            tom.person.as_str(),
            tom.group.as_deref(),
            tom.term_start.as_str(),
            tom.term_end.as_deref()
        ),
        (
            "Tom Reid",
            Some("Ordsall Faith Forum"),
            "2026-02-01",
            Some("2027-01-14")
        )
    );
    assert_eq!(
        after.holder.unwrap().person,
        "Grace Obi",
        "the holder stays"
    );
    let history = store.seat_history(board.vcse_seat).unwrap();
    assert!(history
        .iter()
        .any(|a| a.id == tom.appointment_id && a.role == Role::Alternate));
}

/// A partnership already in the directory, with one seat and its constituency, for a seats file
/// to add to and change.
fn existing_board(store: &Store) -> (i64, i64) {
    let partnership = store
        .save_partnership(PartnershipInput {
            name: "Housing Forum".into(),
            kind: Kind::Forum,
            ..Default::default()
        })
        .unwrap();
    let seat = store
        .save_seat(SeatInput {
            partnership_id: partnership,
            label: "Tenants' seat".into(),
            sector: Sector::Residents,
            constituency: "Council tenants".into(),
            ..Default::default()
        })
        .unwrap();
    (partnership, seat)
}

const BOARD_FILE: &str = "Older People's Partnership,VCSE seat 1,VCSE,Older people's groups,Ann Lee,1092385,01/04/2025,31/03/2027,Open election\n\
     Older People's Partnership,VCSE seat 2,VCSE,,Bob Hart,Ordsall Tenants Association,2026-01-01,,co-opted\n\
     Older People's Partnership,Adult social care,public,,,,,,\n\
     Housing Forum,Tenants' seat,residents,Council and housing association tenants,,,,,\n\
     Housing Forum,Faith seat,VCSE,,,,,,\n";

#[test]
fn a_seats_import_is_in_the_history_of_changes_and_is_undone_as_one_step() {
    let t = TempDirectory::new();
    let mut store = directory_with_groups(&t);
    store.set_actor("Jo at the CVS");
    let (housing, tenants_seat) = existing_board(&store);
    let before = counts(&t);

    let summary = store
        .import_seats(
            "April seats.csv",
            format!("{HEADER}{BOARD_FILE}").as_bytes(),
        )
        .unwrap();
    assert_eq!(
        (
            summary.seats_created,
            summary.seats_updated,
            summary.people_created
        ),
        (4, 1, 2)
    );
    assert_ne!(counts(&t), before);

    // Each record it added or changed is in its partnership's History of changes, by who did it.
    let trail = store
        .audit_trail(compactdir_core::store::TrailOf::Partnership, housing)
        .unwrap();
    let said: Vec<(&str, &str, &str, &str)> = trail
        .iter()
        .map(|e| {
            (
                e.actor.as_str(),
                e.action.as_str(),
                e.what.as_str(),
                e.after.as_str(),
            )
        })
        .collect();
    assert!(
        said.contains(&(
            "Jo at the CVS",
            "changed",
            "Constituency (Tenants' seat)",
            "Council and housing association tenants"
        )),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|(who, action, what, _)| *who == "Jo at the CVS"
                && *action == "created"
                && what.contains("Faith seat")),
        "{said:?}"
    );

    // Each says which file's import made it; the forms' own changes say none.
    for e in &trail {
        use compactdir_core::store::Subject;
        let made_by_the_forms = (e.subject == Subject::Partnership && e.subject_id == housing)
            || (e.subject == Subject::Seat
                && e.action == "created"
                && e.subject_id == tenants_seat);
        let by_import = !made_by_the_forms;
        assert_eq!(
            e.imported_from.as_deref(),
            by_import.then_some("April seats.csv"),
            "{e:?}"
        );
    }

    // The import's record.
    let imports = store.seat_imports().unwrap();
    assert_eq!(imports.len(), 1);
    assert_eq!(Some(imports[0].id), summary.import_id);
    assert_eq!(imports[0].file_name, "April seats.csv");
    assert_eq!(imports[0].actor, "Jo at the CVS");
    assert_eq!(imports[0].summary, summary.to_string());
    assert_eq!(imports[0].undone_at, None);

    // Undone as one step: everything it added goes, the constituency it changed comes back.
    let undone = store.undo_seat_import(summary.import_id.unwrap()).unwrap();
    assert_eq!(
        undone,
        compactdir_core::store::SeatImportUndo {
            partnerships_removed: 1,
            seats_removed: 4,
            seats_restored: 1,
            people_removed: 2,
            appointments_removed: 2,
        }
    );
    assert_eq!(
        undone.to_string(),
        "1 partnership, 4 seats, 2 people and 2 appointments removed; 1 seat put back as it was"
    );
    assert_eq!(counts(&t), before, "the directory's rows are as they were");
    assert_eq!(
        store.seat_input(tenants_seat).unwrap().constituency,
        "Council tenants"
    );
    assert!(store.seat_imports().unwrap()[0].undone_at.is_some());
    let again = store
        .undo_seat_import(summary.import_id.unwrap())
        .unwrap_err()
        .to_string();
    let (said, when) = again.split_once(" on ").unwrap();
    assert_eq!(
        said,
        "The seats import of April seats.csv was already undone"
    );
    assert!(
        chrono::NaiveDateTime::parse_from_str(when, "%-d %B %Y at %H:%M UTC.").is_ok(),
        "when in words: {when}"
    );
}

#[test]
fn a_seat_a_file_adds_and_then_changes_is_removed_by_the_undo_not_counted_as_put_back() {
    let t = TempDirectory::new();
    let store = directory_with_groups(&t);
    let before = counts(&t);
    let summary = store
        .import_seats(
            "seats.csv",
            format!(
                "{HEADER}Carers' Forum,Carers' seat,VCSE,Unpaid carers,,,,,\n\
                 Carers' Forum,Carers' seat,VCSE,Young carers,,,,,\n"
            )
            .as_bytes(),
        )
        .unwrap();
    assert_eq!((summary.seats_created, summary.seats_updated), (1, 1));
    let undone = store.undo_seat_import(summary.import_id.unwrap()).unwrap();
    assert_eq!((undone.seats_removed, undone.seats_restored), (1, 0));
    assert_eq!(undone.to_string(), "1 partnership and 1 seat removed");
    assert_eq!(counts(&t), before);
}

#[test]
fn a_seats_import_that_has_been_built_on_is_not_undone_and_nothing_changes() {
    let t = TempDirectory::new();
    let store = directory_with_groups(&t);
    existing_board(&store);
    let summary = store
        .import_seats("seats.csv", format!("{HEADER}{BOARD_FILE}").as_bytes())
        .unwrap();
    let today = day("2026-11-23");
    let older = store
        .list_partnerships(today)
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Older People's Partnership")
        .unwrap();
    let page = store.get_partnership(older.id, today).unwrap();
    let ann = page.seats[0].holder.clone().unwrap();
    let bob = page.seats[1].holder.clone().unwrap();

    // Bob's appointment undone on its own from the History of changes: the import's undo
    // leaves it be.
    let bobs_row = store
        .audit_trail(compactdir_core::store::TrailOf::Person, bob.person_id)
        .unwrap()
        .into_iter()
        .find(|e| e.action == "created" && e.subject_id == bob.appointment_id)
        .unwrap();
    store.undo_change(bobs_row.id).unwrap();

    // Ann has reported back since: her appointment is now a record the import cannot take away.
    store
        .record_report_back(
            ann.appointment_id,
            day("2026-06-01"),
            "e-mail",
            "the forum",
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    let built_on = counts(&t);
    let err = store
        .undo_seat_import(summary.import_id.unwrap())
        .unwrap_err();
    assert!(matches!(err, CoreError::Conflict(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "The seats import of seats.csv cannot be undone, so nothing was changed: Appointment: Ann Lee to VCSE seat 1 from 1 April 2025 cannot be taken away because report-backs, declarations or attendance are recorded against it."
    );
    assert_eq!(counts(&t), built_on, "nothing changed");
    assert_eq!(store.seat_imports().unwrap()[0].undone_at, None);
}
