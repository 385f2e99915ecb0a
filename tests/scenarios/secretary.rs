//! A secretary's corrections that must not leave the record contradicting itself (second review,
//! findings 2, 3, 5, 6, 9, 10): abolishing a seat under its holder, a register for a past
//! meeting, an empty report-back, a term corrected past its records, and a trail that says which
//! seat each change is about.

use chrono::NaiveDate;
use compactdir_core::domain::flags::{Attended, FlagSettings};
use compactdir_core::domain::partnership::{
    AttendanceMark, Kind, PartnershipInput, Role, SeatInput, Sector,
};
use compactdir_core::store::{AppointmentInput, TrailOf};
use compactdir_core::{CoreError, Store};
use compactdir_tests::TempDirectory;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-24";

struct Board {
    partnership: i64,
    trinity: i64,
    carers: i64,
    health: i64,
    pat: i64,
    aisha: i64,
    joan: i64,
    mo: i64,
}

fn appoint(store: &Store, seat: i64, who: &str, from: &str, to: Option<&str>, role: Role) -> i64 {
    store
        .appoint(AppointmentInput {
            seat_id: seat,
            new_person: who.into(),
            term_start: from.into(),
            term_end: to.map(str::to_string),
            selection: "open_election".into(),
            openly_selected: true,
            role,
            ..Default::default()
        })
        .unwrap()
}

/// The tester's Health Inequalities Partnership, cut down: a residents' seat held by Pat Byrne
/// (open-ended) with Aisha Khan as alternate, a carers' seat Joan Platt held until 30 June 2026,
/// and a health seat Mo Rahman has held since 1 March 2026, with meetings from August.
fn build(store: &Store) -> Board {
    let partnership = store
        .save_partnership(PartnershipInput {
            name: "Health Inequalities Partnership".into(),
            kind: Kind::Strategic,
            settings: FlagSettings::default(),
            ..Default::default()
        })
        .unwrap();
    let seat = |label: &str, sector: Sector| {
        store
            .save_seat(SeatInput {
                partnership_id: partnership,
                label: label.into(),
                sector,
                constituency: "Carers and residents".into(),
                ..Default::default()
            })
            .unwrap()
    };
    let trinity = seat("Residents' seat (Trinity)", Sector::Residents);
    let carers = seat("Carers seat", Sector::Vcse);
    let health = seat("Health seat", Sector::Vcse);
    let pat = appoint(
        store,
        trinity,
        "Pat Byrne",
        "2025-11-01",
        None,
        Role::Holder,
    );
    let aisha = appoint(
        store,
        trinity,
        "Aisha Khan",
        "2026-01-01",
        None,
        Role::Alternate,
    );
    let joan = appoint(
        store,
        carers,
        "Joan Platt",
        "2024-06-01",
        Some("2026-06-30"),
        Role::Holder,
    );
    let mo = appoint(store, health, "Mo Rahman", "2026-03-01", None, Role::Holder);
    let today = day(TODAY);
    for on in ["2026-08-15", "2026-09-15", "2026-10-15"] {
        let marks = [pat, aisha, mo].map(|a| AttendanceMark {
            appointment_id: a,
            status: Attended::Present,
        });
        store
            .record_attendance(partnership, day(on), &marks, today)
            .unwrap();
    }
    store
        .record_report_back(
            mo,
            day("2026-10-01"),
            "Written update",
            "Carers' network",
            today,
        )
        .unwrap();
    store
        .record_report_back(pat, day("2026-11-20"), "Residents' meeting", "", today)
        .unwrap();
    Board {
        partnership,
        trinity,
        carers,
        health,
        pat,
        aisha,
        joan,
        mo,
    }
}

fn messages(e: CoreError) -> Vec<(String, String)> {
    match e {
        CoreError::Invalid(p) => p.into_iter().map(|p| (p.field, p.message)).collect(),
        e => panic!("refused by field, not {e}"),
    }
}

fn seat_labels(store: &Store, partnership: i64) -> Vec<String> {
    store
        .get_partnership(partnership, day(TODAY))
        .unwrap()
        .seats
        .into_iter()
        .map(|s| s.label)
        .collect()
}

#[test]
fn a_seat_is_not_abolished_under_its_holder_or_before_records_kept_on_it() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);

    // A mistyped year (2026 for 2027) would take a filled seat off the page: refused, naming both.
    let mut input = store.seat_input(b.trinity).unwrap();
    input.ended_on = Some("2026-01-01".into());
    let refused = messages(store.save_seat(input.clone()).unwrap_err());
    assert_eq!(
        refused,
        [
            (
                "ended_on".to_string(),
                "Pat Byrne holds this seat (from 1 November 2025, no end set): end their term first, on or before the day the seat is abolished".to_string()
            ),
            (
                "ended_on".to_string(),
                "Aisha Khan is this seat's alternate (from 1 January 2026, no end set): end their term first, on or before the day the seat is abolished".to_string()
            ),
        ]
    );
    assert_eq!(store.seat_input(b.trinity).unwrap().ended_on, None);
    assert!(seat_labels(&store, b.partnership).contains(&"Residents' seat (Trinity)".into()));

    // Joan's term ended on 30 June 2026: the seat may be abolished that day, not before.
    let mut carers = store.seat_input(b.carers).unwrap();
    carers.ended_on = Some("2026-06-29".into());
    assert!(messages(store.save_seat(carers.clone()).unwrap_err())[0]
        .1
        .starts_with("Joan Platt holds this seat (from 1 June 2024 to 30 June 2026)"));
    // A record kept after that day (from before the terms checked their records) stops it too.
    let c = rusqlite::Connection::open(&t.path).unwrap();
    c.execute(
        "INSERT INTO report_backs (appointment_id, on_date, how, to_whom) VALUES (?1, '2026-07-05', 'Email', '')",
        [b.joan],
    )
    .unwrap();
    carers.ended_on = Some("2026-06-30".into());
    assert_eq!(
        messages(store.save_seat(carers.clone()).unwrap_err()),
        [(
            "ended_on".to_string(),
            "The report-back of 5 July 2026 (Joan Platt) would fall after the seat is abolished on 30 June 2026: abolish it on or after 5 July 2026".to_string()
        )]
    );
    c.execute(
        "DELETE FROM report_backs WHERE appointment_id = ?1",
        [b.joan],
    )
    .unwrap();
    store.save_seat(carers).unwrap();
    assert!(!seat_labels(&store, b.partnership).contains(&"Carers seat".into()));
}

#[test]
fn a_meetings_register_lists_who_was_in_post_on_its_day() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    let names = |on: &str| -> Vec<(String, Role)> {
        store
            .register_on(b.partnership, day(on))
            .unwrap()
            .into_iter()
            .map(|e| (e.person, e.role))
            .collect()
    };
    // February: Joan still held the carers' seat; Mo was not yet appointed.
    assert_eq!(
        names("2026-02-15"),
        [
            ("Pat Byrne".to_string(), Role::Holder),
            ("Aisha Khan".to_string(), Role::Alternate),
            ("Joan Platt".to_string(), Role::Holder),
        ]
    );
    assert_eq!(
        names("2026-11-01"),
        [
            ("Pat Byrne".to_string(), Role::Holder),
            ("Aisha Khan".to_string(), Role::Alternate),
            ("Mo Rahman".to_string(), Role::Holder),
        ]
    );
    // So the February meeting can be recorded, and its register then shows the marks.
    let marks: Vec<AttendanceMark> = store
        .register_on(b.partnership, day("2026-02-15"))
        .unwrap()
        .iter()
        .map(|e| AttendanceMark {
            appointment_id: e.appointment_id,
            status: if e.appointment_id == b.joan {
                Attended::Apologies
            } else {
                Attended::Present
            },
        })
        .collect();
    store
        .record_attendance(b.partnership, day("2026-02-15"), &marks, day(TODAY))
        .unwrap();
    let register = store.register_on(b.partnership, day("2026-02-15")).unwrap();
    assert_eq!(
        register.iter().map(|e| e.recorded).collect::<Vec<_>>(),
        [
            Some(Attended::Present),
            Some(Attended::Present),
            Some(Attended::Apologies)
        ]
    );
    assert!(store
        .register_on(b.partnership, day("2026-03-01"))
        .unwrap()
        .iter()
        .all(|e| e.recorded.is_none()));
    // No one is listed before anyone held a seat, nor a holder after their seat's last day.
    assert!(store
        .register_on(b.partnership, day("2020-01-01"))
        .unwrap()
        .is_empty());
    store.end_appointment(b.mo, day("2026-12-31")).unwrap();
    let mut health = store.seat_input(b.health).unwrap();
    health.ended_on = Some("2026-12-31".into());
    store.save_seat(health).unwrap();
    assert!(names("2026-12-31").contains(&("Mo Rahman".to_string(), Role::Holder)));
    assert!(!names("2027-01-05").iter().any(|(n, _)| n == "Mo Rahman"));
}

#[test]
fn a_report_back_needs_how_or_to_whom() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    let today = day(TODAY);
    let count = || store.accountability_log(b.pat).unwrap().report_backs.len();
    let before = count();
    // An Enter pressed by accident: refused beside "How", with the date's problem in the same round.
    assert_eq!(
        messages(
            store
                .record_report_back(b.pat, day("2026-11-25"), " ", "", today)
                .unwrap_err()
        ),
        [
            (
                "how".to_string(),
                "Say how they reported back or to whom".to_string()
            ),
            (
                "on_date".to_string(),
                "25 November 2026 has not come yet: record a report-back once it has been made"
                    .to_string()
            ),
        ]
    );
    assert_eq!(count(), before, "nothing saved");
    store
        .record_report_back(b.pat, day("2026-11-21"), "", "Trinity residents", today)
        .unwrap();
    store
        .record_report_back(b.pat, day("2026-11-22"), "Newsletter", "", today)
        .unwrap();
    assert_eq!(count(), before + 2);
}

#[test]
fn a_term_is_not_corrected_or_ended_past_the_records_kept_on_it() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    let correction = |start: &str, end: Option<&str>| AppointmentInput {
        term_start: start.into(),
        term_end: end.map(str::to_string),
        selection: "open_election".into(),
        openly_selected: true,
        ..Default::default()
    };
    assert_eq!(
        messages(
            store
                .edit_appointment(b.mo, correction("2026-10-15", None))
                .unwrap_err()
        ),
        [(
            "term_start".to_string(),
            "The report-back of 1 October 2026 and the meetings of 15 August and 15 September 2026 would fall outside the term (before it starts on 15 October 2026): start it on or before 15 August 2026".to_string()
        )]
    );
    assert_eq!(
        messages(
            store
                .edit_appointment(b.mo, correction("2026-03-01", Some("2026-09-30")))
                .unwrap_err()
        ),
        [(
            "term_end".to_string(),
            "The report-back of 1 October 2026 and the meeting of 15 October 2026 would fall outside the term (after it ends on 30 September 2026): end it on or after 15 October 2026".to_string()
        )]
    );
    // End term says the same.
    assert_eq!(
        messages(store.end_appointment(b.mo, day("2026-09-30")).unwrap_err())[0].0,
        "term_end"
    );
    assert_eq!(
        store.seat_history(b.health).unwrap()[0].term_start,
        "2026-03-01"
    );
    assert_eq!(store.seat_history(b.health).unwrap()[0].term_end, None);
    // A correction that keeps every record inside is saved.
    store
        .edit_appointment(b.mo, correction("2026-08-01", Some("2026-10-31")))
        .unwrap();
}

#[test]
fn the_history_of_changes_says_which_seat_and_person_each_change_is_about() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    let mut seat = store.seat_input(b.trinity).unwrap();
    seat.constituency = "Trinity ward residents".into();
    store.save_seat(seat).unwrap();
    store.end_appointment(b.mo, day("2026-10-31")).unwrap();
    let trail = store
        .audit_trail(TrailOf::Partnership, b.partnership)
        .unwrap();
    let whats: Vec<&str> = trail.iter().map(|e| e.what.as_str()).collect();
    for expected in [
        "Constituency (Residents' seat (Trinity))",
        "Term ends (Mo Rahman, Health seat)",
        "Report-back: on 1 October 2026 (Mo Rahman, Health seat)",
        "Report-back: on 20 November 2026 (Pat Byrne, Residents' seat (Trinity))",
    ] {
        assert!(whats.contains(&expected), "{expected} not in {whats:?}");
    }
    let _ = b.aisha;
}

#[test]
fn an_overlap_with_a_term_already_over_says_to_start_after_it() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    let attempt = |seat: i64| AppointmentInput {
        seat_id: seat,
        new_person: "Kai Morris".into(),
        term_start: "2026-06-15".into(),
        selection: "invited".into(),
        ..Default::default()
    };
    assert_eq!(
        messages(store.appoint(attempt(b.carers)).unwrap_err()),
        [(
            "term_start".to_string(),
            "Carers seat is already held by Joan Platt from 1 June 2024 to 30 June 2026 over those dates: choose a start after 30 June 2026, or correct that term".to_string()
        )]
    );
    // A holder with no end set has to be ended first.
    assert!(messages(store.appoint(attempt(b.trinity)).unwrap_err())[0]
        .1
        .ends_with("is already held by Pat Byrne from 1 November 2025 over those dates: end that term first"));
}

#[test]
fn the_partnership_forms_problems_are_all_found_in_one_round_without_saving() {
    let t = TempDirectory::new();
    let store = t.open();
    let b = build(&store);
    let before = store.list_partnerships(day(TODAY)).unwrap().len();
    let input = PartnershipInput {
        name: " ".into(),
        next_review: Some("2026-11-31".into()),
        settings: FlagSettings {
            declaration_months: 0,
            attendance_min_percent: 150,
            ..FlagSettings::default()
        },
        ..Default::default()
    };
    let fields: Vec<String> = store
        .partnership_problems(input)
        .unwrap()
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(
        fields,
        [
            "name",
            "next_review",
            "settings.declaration_months",
            "settings.attendance_min_percent"
        ]
    );
    // A name another partnership has is found too (the save would refuse it).
    let taken = store
        .partnership_problems(PartnershipInput {
            name: "health inequalities partnership".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(taken[0].field, "name");
    assert!(store
        .partnership_problems(store.partnership_input(b.partnership).unwrap())
        .unwrap()
        .is_empty());
    assert_eq!(store.list_partnerships(day(TODAY)).unwrap().len(), before);
}
