//! Appointing to seats on the demo directory: the refusals say which and why, and save nothing.

use chrono::NaiveDate;
use compactdir_core::domain::flags::FlagKind;
use compactdir_core::store::AppointmentInput;
use compactdir_tests::TempDirectory;

#[test]
fn appointing_to_a_vacant_seat_fills_it_and_bad_appointments_are_refused_whole() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let rows = store.list_partnerships(today).unwrap();
    assert_eq!(rows.len(), 10);
    let with_vacancy = rows
        .iter()
        .find(|p| p.vacant > 0)
        .expect("the demo has vacant seats");
    let page = store.get_partnership(with_vacancy.id, today).unwrap();
    let seat = page.seats.iter().find(|s| s.holder.is_none()).unwrap();
    assert!(seat.flags.iter().any(|f| f.kind == FlagKind::Vacant));
    let people_before = store.list_people().unwrap().len();

    let base = AppointmentInput {
        seat_id: seat.id,
        new_person: "Nadia Rahman".into(),
        term_start: "2026-06-01".into(),
        term_end: Some("2028-05-31".into()),
        selection: "open_election".into(),
        openly_selected: true,
        ..Default::default()
    };
    let backwards = AppointmentInput {
        term_end: Some("2026-01-01".into()),
        ..base.clone()
    };
    let err = store.appoint(backwards).unwrap_err();
    assert_eq!(err.fields()[0].field, "term_end");
    assert_eq!(
        err.fields()[0].message,
        "The term cannot end (1 January 2026) before it starts (1 June 2026)"
    );
    assert_eq!(
        store.list_people().unwrap().len(),
        people_before,
        "no person half-saved"
    );

    store.appoint(base.clone()).unwrap();
    let page = store.get_partnership(with_vacancy.id, today).unwrap();
    let filled = page.seats.iter().find(|s| s.id == seat.id).unwrap();
    assert_eq!(filled.holder.as_ref().unwrap().person, "Nadia Rahman");
    assert!(!filled.flags.iter().any(|f| f.kind == FlagKind::Vacant));
    assert!(
        filled
            .flags
            .iter()
            .any(|f| f.kind == FlagKind::ReportBackOverdue),
        "no report-back since June: overdue after 90 days"
    );

    // A second holder over the same dates is refused, naming the first.
    let overlap = AppointmentInput {
        new_person: "Someone Else".into(),
        term_start: "2027-01-01".into(),
        term_end: None,
        ..base
    };
    let err = store.appoint(overlap).unwrap_err();
    assert!(
        err.fields()[0]
            .message
            .contains("is already held by Nadia Rahman from 1 June 2026 to 31 May 2028"),
        "{}",
        err.fields()[0].message
    );
    assert_eq!(store.list_people().unwrap().len(), people_before + 1);
}

/// The tester's finding: "Next annual review 12 November 2026" on 24 November showed nothing
/// overdue on the partnership's page or the Partnerships list. Both now carry it, in words.
#[test]
fn a_passed_review_date_is_overdue_on_the_page_and_in_the_list() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let rows = store.list_partnerships(today).unwrap();
    let cpb = rows
        .iter()
        .find(|p| p.name == "City Partnership Board")
        .unwrap();
    let o = cpb.review_overdue.as_ref().expect("its review has passed");
    assert_eq!(o.message, "overdue since 12 November 2026, 12 days ago");
    assert_eq!((o.since.as_str(), o.days), ("2026-11-12", 12));
    let page = store.get_partnership(cpb.id, today).unwrap();
    assert_eq!(page.next_review.as_deref(), Some("2026-11-12"));
    assert_eq!(page.review_overdue, cpb.review_overdue);
    // A review still to come, and the same one on its own day, are not overdue.
    assert!(rows.iter().any(|p| p.review_overdue.is_none()));
    let on_the_day = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
    assert_eq!(
        store
            .get_partnership(cpb.id, on_the_day)
            .unwrap()
            .review_overdue,
        None
    );
}
