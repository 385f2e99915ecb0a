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
        )
        .unwrap();
    store
        .record_declaration(appointment, day("2026-11-20"), "")
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
            .record_report_back(appointment, day("2001-01-01"), "", "")
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
