//! The audit trail: every change through the app, who made it, when, the field, the value before
//! and after; any change undone from the trail; the trail itself cannot be altered.

use chrono::NaiveDate;
use compactdir_core::domain::flags::Attended;
use compactdir_core::domain::partnership::{
    AttendanceMark, Kind, PartnershipInput, PersonInput, SeatInput, Sector,
};
use compactdir_core::store::{AppointmentInput, TrailOf};
use compactdir_core::{CoreError, Store};
use compactdir_tests::{group, TempDirectory};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn conflict(r: Result<(), CoreError>) -> String {
    match r {
        Err(CoreError::Conflict(m)) => m,
        other => panic!("expected a refusal in words, got {other:?}"),
    }
}

#[test]
fn a_group_edit_is_recorded_by_field_with_who_and_when_and_undone_from_the_trail() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.set_actor("Amina (CVS)");
    let g = store.save_group(group("Kersal Mums")).unwrap();
    let mut input = g.input.clone();
    input.name = "Kersal Mums and Tots".into();
    input.postcode = "M7 3QQ".into();
    input.faith = true;
    store.save_group(input).unwrap();

    let trail = store
        .audit_trail(TrailOf::Group, g.input.id.unwrap())
        .unwrap();
    // Newest first: three field changes, then the addition.
    let rows: Vec<(&str, &str, &str, &str)> = trail
        .iter()
        .map(|e| {
            (
                e.action.as_str(),
                e.what.as_str(),
                e.before.as_str(),
                e.after.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("changed", "Postcode", "Not recorded", "M7 3QQ"),
            ("changed", "Name", "Kersal Mums", "Kersal Mums and Tots"),
            ("changed", "Faith group", "No", "Yes"),
            ("created", "Group: Kersal Mums", "", ""),
        ]
    );
    assert!(trail.iter().all(|e| e.actor == "Amina (CVS)"));
    assert!(
        trail
            .iter()
            .all(|e| e.at.ends_with('Z') && e.at.len() == 24),
        "{}",
        trail[0].at
    );
    assert!(trail.iter().all(|e| e.can_undo));

    // Undo the name: it goes back, through the form's own checks, and the undo is a row too.
    let name_change = trail.iter().find(|e| e.what == "Name").unwrap().id;
    store.undo_change(name_change).unwrap();
    let now = store.get_group(g.input.id.unwrap()).unwrap();
    assert_eq!(now.input.name, "Kersal Mums");
    assert_eq!(now.input.postcode, "M7 3QQ", "only that field goes back");
    let trail = store
        .audit_trail(TrailOf::Group, g.input.id.unwrap())
        .unwrap();
    assert_eq!(trail[0].undoes, Some(name_change));
    assert_eq!(
        (trail[0].before.as_str(), trail[0].after.as_str()),
        ("Kersal Mums and Tots", "Kersal Mums")
    );
    let undone = trail.iter().find(|e| e.id == name_change).unwrap();
    assert_eq!(undone.undone_by, Some(trail[0].id));
    assert!(!undone.can_undo);
    assert!(conflict(store.undo_change(name_change)).contains("already been undone"));

    // A field changed again since cannot be put back over the later change.
    let postcode_change = trail.iter().find(|e| e.what == "Postcode").unwrap().id;
    let mut input = now.input.clone();
    input.postcode = "M6 5JA".into();
    store.save_group(input).unwrap();
    let m = conflict(store.undo_change(postcode_change));
    assert!(
        m.contains("Postcode has been changed again since") && m.contains("M6 5JA"),
        "{m}"
    );
    assert_eq!(
        store.get_group(g.input.id.unwrap()).unwrap().input.postcode,
        "M6 5JA"
    );
}

#[test]
fn marking_a_group_checked_is_in_its_trail() {
    let t = TempDirectory::new();
    let store = t.open();
    let g = store.save_group(group("Weaste Allotments")).unwrap();
    store
        .mark_checked(g.input.id.unwrap(), day("2026-11-20"), "Jo")
        .unwrap();
    let trail = store
        .audit_trail(TrailOf::Group, g.input.id.unwrap())
        .unwrap();
    let whats: Vec<&str> = trail.iter().map(|e| e.what.as_str()).collect();
    assert!(
        whats.contains(&"Last checked with the group") && whats.contains(&"Checked by"),
        "{whats:?}"
    );
}

/// A partnership with one seat and a holder. Returns (partnership, seat, person, appointment).
fn board(store: &Store) -> (i64, i64, i64, i64) {
    let p = store
        .save_partnership(PartnershipInput {
            name: "Health and Wellbeing Board".into(),
            kind: Kind::Strategic,
            ..Default::default()
        })
        .unwrap();
    let seat = store
        .save_seat(SeatInput {
            partnership_id: p,
            label: "VCSE seat".into(),
            sector: Sector::Vcse,
            ..Default::default()
        })
        .unwrap();
    let a = store
        .appoint(AppointmentInput {
            seat_id: seat,
            new_person: "Grace Obi".into(),
            term_start: "2026-01-01".into(),
            selection: "open_election".into(),
            openly_selected: true,
            ..Default::default()
        })
        .unwrap();
    let person = store.seat_history(seat).unwrap()[0].person_id;
    (p, seat, person, a)
}

#[test]
fn a_partnership_trail_holds_its_seats_appointments_thresholds_and_registers() {
    let t = TempDirectory::new();
    let store = t.open();
    let (p, seat, person, a) = board(&store);

    let mut input = store.partnership_input(p).unwrap();
    input.settings.report_back_days = 60;
    store.save_partnership(input).unwrap();
    store.end_appointment(a, day("2026-12-31")).unwrap();
    store
        .record_attendance(
            p,
            day("2026-03-01"),
            &[AttendanceMark {
                appointment_id: a,
                status: Attended::Absent,
            }],
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    // Recording the meeting again corrects the register: a change, not a second meeting.
    store
        .record_attendance(
            p,
            day("2026-03-01"),
            &[AttendanceMark {
                appointment_id: a,
                status: Attended::Present,
            }],
            chrono::NaiveDate::MAX,
        )
        .unwrap();

    let trail = store.audit_trail(TrailOf::Partnership, p).unwrap();
    let find = |what: &str| {
        trail.iter().find(|e| e.what == what).unwrap_or_else(|| {
            panic!(
                "{what} not in {:?}",
                trail.iter().map(|e| &e.what).collect::<Vec<_>>()
            )
        })
    };
    let threshold = find("Report back at least every (days)");
    assert_eq!(
        (threshold.before.as_str(), threshold.after.as_str()),
        ("90", "60")
    );
    // Each changed field names the seat, person or meeting it is about.
    let term = find("Term ends (Grace Obi, VCSE seat)");
    assert_eq!(
        (term.before.as_str(), term.after.as_str()),
        ("Not recorded", "31 December 2026")
    );
    let register = find("Attendance of Grace Obi (meeting of 1 March 2026)");
    assert_eq!(
        (register.before.as_str(), register.after.as_str()),
        ("absent", "present")
    );
    find("Seat: VCSE seat");
    find("Appointment: Grace Obi to VCSE seat from 1 January 2026");

    // Each can be undone from here.
    store.undo_change(threshold.id).unwrap();
    assert_eq!(
        store
            .partnership_input(p)
            .unwrap()
            .settings
            .report_back_days,
        90
    );
    store.undo_change(term.id).unwrap();
    assert_eq!(store.seat_history(seat).unwrap()[0].term_end, None);
    store.undo_change(register.id).unwrap();
    let log = store.accountability_log(a).unwrap();
    assert_eq!(log.attendance[0].status, Attended::Absent);

    // The person's own trail has their appointment.
    let theirs = store.audit_trail(TrailOf::Person, person).unwrap();
    assert!(theirs
        .iter()
        .any(|e| e.what.starts_with("Appointment: Grace Obi")));
    assert!(theirs.iter().any(|e| e.what == "Person: Grace Obi"));
}

#[test]
fn an_addition_is_undone_by_taking_it_away_unless_something_depends_on_it() {
    let t = TempDirectory::new();
    let store = t.open();
    let g = store.save_group(group("Duplicate By Mistake")).unwrap();
    let added = store
        .audit_trail(TrailOf::Group, g.input.id.unwrap())
        .unwrap()[0]
        .id;
    store.undo_change(added).unwrap();
    assert!(matches!(
        store.get_group(g.input.id.unwrap()),
        Err(CoreError::NotFound { .. })
    ));
    let trail = store
        .audit_trail(TrailOf::Group, g.input.id.unwrap())
        .unwrap();
    assert_eq!(trail[0].action, "deleted");
    assert!(!trail[0].can_undo);

    // A seat someone holds cannot be taken away by undoing its addition.
    let (p, seat, person, _) = board(&store);
    let seat_added = store
        .audit_trail(TrailOf::Partnership, p)
        .unwrap()
        .into_iter()
        .find(|e| e.what == "Seat: VCSE seat")
        .unwrap();
    let m = conflict(store.undo_change(seat_added.id));
    assert!(m.contains("someone has been appointed to it"), "{m}");
    assert!(store.seat_input(seat).is_ok());
    let person_added = store
        .audit_trail(TrailOf::Person, person)
        .unwrap()
        .into_iter()
        .find(|e| e.what == "Person: Grace Obi")
        .unwrap();
    assert!(conflict(store.undo_change(person_added.id)).contains("hold or have held a seat"));
}

#[test]
fn the_trail_cannot_be_edited_or_deleted_even_with_sql_on_the_file() {
    let t = TempDirectory::new();
    let store = t.open();
    let mut input = store
        .save_group(group("Ordsall Boxing Club"))
        .unwrap()
        .input;
    input.email = "coach@example.org".into();
    store.save_group(input).unwrap();
    drop(store);

    let conn = rusqlite::Connection::open(&t.path).unwrap();
    let refused = |sql: &str| {
        let e = conn.execute(sql, []).unwrap_err().to_string();
        assert!(e.contains("audit trail cannot be"), "{sql}: {e}");
    };
    refused("DELETE FROM audit_log");
    refused("UPDATE audit_log SET actor = 'someone else'");
    refused("UPDATE audit_log SET new_value = '\"other@example.org\"' WHERE field = 'email'");
    refused("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z'");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
}

#[test]
fn erasing_a_person_blanks_them_in_the_trail_and_records_the_erasure() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.set_actor("Data protection lead");
    let id = store
        .save_person(
            PersonInput {
                name: "Ottoline Brisbane-Vance".into(),
                email: "ottoline.old@example.org".into(),
                lawful_basis: compactdir_core::domain::partnership::LawfulBasis::LegitimateInterest,
                review_date: Some("2027-06-01".into()),
                ..Default::default()
            },
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    let mut input = store.person_input(id).unwrap();
    input.email = "ottoline.new@example.org".into();
    store.save_person(input, chrono::NaiveDate::MAX).unwrap();
    let edit = store.audit_trail(TrailOf::Person, id).unwrap()[0].id;

    store.erase_person(id).unwrap();
    let trail = store.audit_trail(TrailOf::Person, id).unwrap();
    assert_eq!(trail[0].action, "erased");
    assert_eq!(trail[0].actor, "Data protection lead");
    for e in &trail[1..] {
        for text in [&e.before, &e.after, &e.what] {
            assert!(
                !text.contains("Ottoline") && !text.contains("ottoline"),
                "{e:?}"
            );
        }
    }
    assert!(conflict(store.undo_change(edit)).contains("erased"));
    // The subject access export lists the trail too (now without their details).
    let sar = store.subject_access(id, day("2026-11-23")).unwrap();
    assert!(sar.contains("Person erased"), "{sar}");
}

/// The tester's finding: a group's history said "Activities", "Classification set by hand",
/// "community", "(blank)", "2 not answered", "active" and "2026-02-05", where the group's form and
/// page say "What it does", "Class set by staff", "Community group", "Not known", "Active" and
/// "5 February 2026". The features' row names only the answers that changed.
#[test]
fn a_groups_history_uses_the_words_and_values_of_its_form_and_page() {
    use compactdir_core::domain::classification::{GroupClass, Side};
    use compactdir_core::domain::group::{FeatureAnswer, Status};
    let t = TempDirectory::new();
    let store = t.open();
    let g = store.save_group(group("Weaste Tenants")).unwrap();
    let mut input = g.input.clone();
    input.activities = "Tenants' meetings".into();
    input.status = Status::Dormant;
    input.last_checked = Some("2026-02-05".into());
    input.class_override = Some(GroupClass::Community);
    input.class_override_reason = "Run by its members".into();
    input.features = vec![FeatureAnswer {
        number: 2,
        side: Some(Side::Community),
        evidence: String::new(),
    }];
    store.save_group(input).unwrap();

    let trail = store
        .audit_trail(TrailOf::Group, g.input.id.unwrap())
        .unwrap();
    let row = |what: &str| {
        let e = trail.iter().find(|e| e.what == what).unwrap_or_else(|| {
            panic!(
                "{what} not in {:?}",
                trail.iter().map(|e| &e.what).collect::<Vec<_>>()
            )
        });
        (e.before.as_str(), e.after.as_str())
    };
    assert_eq!(row("What it does"), ("Not recorded", "Tenants' meetings"));
    assert_eq!(row("Status"), ("Active", "Dormant"));
    assert_eq!(
        row("Last checked with the group"),
        ("Never", "5 February 2026")
    );
    assert_eq!(
        row("Class set by staff"),
        ("Use the suggestion", "Community group")
    );
    assert_eq!(
        row("Typical features (Appendix A)"),
        (
            "2. Area: Not known",
            "2. Area: Community side: Neighbourhood, village or community of interest"
        )
    );
}
