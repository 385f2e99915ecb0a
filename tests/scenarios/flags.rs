//! What must stand out about seats, on the demo directory at a fixed date.

use std::collections::HashSet;

use chrono::NaiveDate;
use compactdir_core::domain::flags::FlagKind;
use compactdir_tests::TempDirectory;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_demo_shows_each_kind_of_flag_and_a_report_back_clears_the_overdue_one() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let today = day("2026-11-23");
    let flags = store.flags(today).unwrap();
    let kinds: HashSet<FlagKind> = flags.iter().map(|f| f.flag.kind).collect();
    for k in [
        FlagKind::Vacant,
        FlagKind::TermEnded,
        FlagKind::TermEnding,
        FlagKind::NotOpenlySelected,
        FlagKind::NoConstituency,
        FlagKind::ReportBackOverdue,
        FlagKind::NoDeclaration,
        FlagKind::OverConsultedPerson,
        FlagKind::OverConsultedGroup,
    ] {
        assert!(kinds.contains(&k), "the demo shows {k:?}");
    }
    // Public seats are never asked for report-backs (their members sit ex officio).
    assert!(flags
        .iter()
        .filter(|f| f.flag.kind == FlagKind::ReportBackOverdue)
        .all(|f| !f.seat.contains("Chief Executive")));

    let overdue = flags
        .iter()
        .find(|f| f.flag.kind == FlagKind::ReportBackOverdue)
        .unwrap()
        .clone();
    let appointment = overdue.flag.appointment_id.unwrap();
    store
        .record_report_back(
            appointment,
            day("2026-11-20"),
            "Written update",
            "Forum members",
            today,
        )
        .unwrap();
    store
        .record_declaration(appointment, day("2026-11-20"), "", today)
        .unwrap(); // nil counts
    let after = store.flags(today).unwrap();
    let still = |k: FlagKind| {
        after
            .iter()
            .any(|f| f.flag.appointment_id == Some(appointment) && f.flag.kind == k)
    };
    assert!(
        !still(FlagKind::ReportBackOverdue),
        "the report-back cleared the overdue flag"
    );
    assert!(!still(FlagKind::NoDeclaration), "a nil declaration counts");
    assert!(
        store
            .record_report_back(
                appointment,
                day("2001-01-01"),
                "Email",
                "",
                chrono::NaiveDate::MAX
            )
            .unwrap_err()
            .to_string()
            .contains("before this term began"),
        "a report-back before the term is refused"
    );
}

#[test]
fn the_demo_representatives_mostly_keep_up_so_the_flags_single_out_the_few_who_do_not() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let today = day("2026-11-23");
    let (mut holders, mut overdue, mut undeclared, mut with_history) = (0, 0, 0, 0);
    for p in store.list_partnerships(today).unwrap() {
        for seat in store.get_partnership(p.id, today).unwrap().seats {
            let Some(h) = seat.holder.as_ref() else {
                continue;
            };
            if !matches!(seat.sector.as_str(), "vcse" | "residents") {
                continue;
            }
            holders += 1;
            let has = |k: FlagKind| seat.flags.iter().any(|f| f.kind == k);
            overdue += usize::from(has(FlagKind::ReportBackOverdue));
            undeclared += usize::from(has(FlagKind::NoDeclaration));
            let log = store.accountability_log(h.appointment_id).unwrap();
            if !log.report_backs.is_empty() && !log.attendance.is_empty() {
                with_history += 1;
            }
        }
    }
    assert!(
        holders >= 40,
        "the demo has {holders} constituency seats held"
    );
    // The demo loads each representative's report-backs, declarations and attendance.
    assert!(
        with_history * 2 > holders,
        "{with_history} of {holders} have a history"
    );
    // Some lapse (so the flags have something to show) but most keep up.
    assert!(
        overdue > 0 && overdue * 2 < holders,
        "{overdue} of {holders} overdue"
    );
    assert!(
        undeclared > 0 && undeclared * 2 < holders,
        "{undeclared} of {holders} undeclared"
    );
}

/// A tester dated a report-back 5 January 2027 with nothing else filled in, and the seat then
/// said "Nothing stands out": a date to come silences the flags. So do a meeting not yet held
/// and a consent not yet given. Each is refused beside its field, and nothing is saved.
#[test]
fn a_report_back_declaration_meeting_or_consent_dated_after_today_is_refused() {
    use compactdir_core::domain::flags::Attended;
    use compactdir_core::domain::partnership::{AttendanceMark, LawfulBasis, PersonInput};
    use compactdir_core::CoreError;

    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let today = day("2026-11-23");
    let overdue = store
        .flags(today)
        .unwrap()
        .into_iter()
        .find(|f| f.flag.kind == FlagKind::ReportBackOverdue)
        .unwrap();
    let appointment = overdue.flag.appointment_id.unwrap();
    let refused = |e: CoreError| match e {
        CoreError::Invalid(p) => (p[0].field.clone(), p[0].message.clone()),
        e => panic!("refused in words, not {e}"),
    };
    let tomorrow = day("2026-11-24");
    assert_eq!(
        refused(
            store
                .record_report_back(appointment, tomorrow, "Email", "", today)
                .unwrap_err()
        ),
        (
            "on_date".to_string(),
            "24 November 2026 has not come yet: record a report-back once it has been made"
                .to_string()
        )
    );
    assert!(refused(
        store
            .record_declaration(appointment, tomorrow, "", today)
            .unwrap_err()
    )
    .1
    .ends_with("record a declaration once it has been made"));
    let partnership = store
        .list_partnerships(today)
        .unwrap()
        .into_iter()
        .find(|p| p.name == overdue.partnership)
        .unwrap()
        .id;
    let mark = [AttendanceMark {
        appointment_id: appointment,
        status: Attended::Present,
    }];
    assert!(refused(
        store
            .record_attendance(partnership, tomorrow, &mark, today)
            .unwrap_err()
    )
    .1
    .ends_with("record a meeting's register once it has met"));
    let person = PersonInput {
        name: "Nadia Future".into(),
        lawful_basis: LawfulBasis::Consent,
        consent_date: Some("2030-01-01".into()),
        consent_how: "signed the nomination form".into(),
        ..Default::default()
    };
    assert_eq!(
        refused(store.save_person(person.clone(), today).unwrap_err()),
        (
            "consent_date".to_string(),
            "1 January 2030 has not come yet: enter the day they gave their consent".to_string()
        )
    );
    // Nothing was saved, and the flag still stands out.
    assert!(store
        .flags(today)
        .unwrap()
        .iter()
        .any(|f| f.flag.appointment_id == Some(appointment)
            && f.flag.kind == FlagKind::ReportBackOverdue));
    assert!(store
        .list_people()
        .unwrap()
        .iter()
        .all(|p| p.name != "Nadia Future"));
    // Today itself is allowed.
    store
        .record_report_back(appointment, today, "Email", "Forum members", today)
        .unwrap();
    store
        .save_person(
            PersonInput {
                consent_date: Some("2026-11-23".into()),
                ..person
            },
            today,
        )
        .unwrap();
}

#[test]
fn a_report_back_or_declaration_dated_after_the_day_judged_does_not_clear_its_flag_that_day() {
    use compactdir_core::domain::partnership::{
        Kind, PartnershipInput, PersonInput, SeatInput, Sector,
    };
    use compactdir_core::store::AppointmentInput;
    let t = TempDirectory::new();
    let store = t.open();
    let partnership = store
        .save_partnership(PartnershipInput {
            name: "Children and Young People's Trust".into(),
            kind: Kind::Strategic,
            ..Default::default()
        })
        .unwrap();
    let seat = store
        .save_seat(SeatInput {
            partnership_id: partnership,
            label: "Youth work organisations".into(),
            sector: Sector::Vcse,
            constituency: "Youth work organisations".into(),
            ..Default::default()
        })
        .unwrap();
    let person = store
        .save_person(
            PersonInput {
                name: "Callum Fairclough".into(),
                ..Default::default()
            },
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    let appointment = store
        .appoint(AppointmentInput {
            seat_id: seat,
            person_id: Some(person),
            term_start: "2025-01-11".into(),
            selection: "open_election".into(),
            openly_selected: true,
            ..Default::default()
        })
        .unwrap();
    // Both made in January 2026: after the end of the 2025 review year.
    store
        .record_declaration(appointment, day("2026-01-14"), "", chrono::NaiveDate::MAX)
        .unwrap();
    store
        .record_report_back(
            appointment,
            day("2026-01-10"),
            "Written update",
            "Youth work network",
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    let kinds_on = |d: &str| -> HashSet<FlagKind> {
        store
            .flags(day(d))
            .unwrap()
            .iter()
            .filter(|f| f.flag.appointment_id == Some(appointment))
            .map(|f| f.flag.kind)
            .collect()
    };
    let end_of_2025 = kinds_on("2025-12-31");
    assert!(
        end_of_2025.contains(&FlagKind::NoDeclaration),
        "{end_of_2025:?}"
    );
    assert!(
        end_of_2025.contains(&FlagKind::ReportBackOverdue),
        "{end_of_2025:?}"
    );
    let after = kinds_on("2026-02-01");
    assert!(!after.contains(&FlagKind::NoDeclaration), "{after:?}");
    assert!(!after.contains(&FlagKind::ReportBackOverdue), "{after:?}");

    // The 2025 review pack, judged as at 31 December 2025, says so too.
    let out = t.path.with_extension("pack");
    store.export_review(2025, &out, day("2026-11-24")).unwrap();
    let seats = std::fs::read_to_string(out.join("seats.csv")).unwrap();
    let row = seats
        .lines()
        .find(|l| l.contains("Callum Fairclough"))
        .unwrap();
    assert!(row.contains("No declaration"), "{row}");
    assert!(row.contains("Report-back overdue"), "{row}");
}
