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
