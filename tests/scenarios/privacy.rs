//! UK GDPR over the people we hold: review dates, a subject access request, and an erasure that
//! leaves no trace of the person's details in the file or its WAL, only a placeholder.

use chrono::NaiveDate;
use compactdir_core::domain::partnership::{
    Kind, LawfulBasis, PartnershipInput, PersonInput, SeatInput, Sector,
};
use compactdir_core::store::{AppointmentInput, BackupReason, TrailOf};
use compactdir_core::{CoreError, Store};
use compactdir_tests::{group, TempDirectory};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const NAME: &str = "Zebedee Quartermaine";
const EMAIL: &str = "zebedee.q@example.org";
const PHONE: &str = "0161 496 0777";
const DECLARED: &str = "Trustee of the Pendleton Allotment Society";

/// A person holding a VCSE seat, with a report-back and a declaration. Returns (person, appointment).
fn seated_person(store: &Store) -> (i64, i64) {
    let partnership = store
        .save_partnership(PartnershipInput {
            name: "Health and Wellbeing Board".into(),
            kind: Kind::Strategic,
            ..Default::default()
        })
        .unwrap();
    let seat = store
        .save_seat(SeatInput {
            partnership_id: partnership,
            label: "VCSE health seat".into(),
            sector: Sector::Vcse,
            ..Default::default()
        })
        .unwrap();
    let g = store.save_group(group("Pendleton Carers Group")).unwrap();
    let person = store
        .save_person(
            PersonInput {
                name: NAME.into(),
                email: EMAIL.into(),
                phone: PHONE.into(),
                lawful_basis: LawfulBasis::Consent,
                consent_date: Some("2026-02-01".into()),
                consent_how: "signed the nomination form".into(),
                consent_told: "Your name and seat are shown to the partnership's members.".into(),
                review_date: Some("2027-02-01".into()),
                ..Default::default()
            },
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    let appointment = store
        .appoint(AppointmentInput {
            seat_id: seat,
            person_id: Some(person),
            group_id: g.input.id,
            term_start: "2026-02-01".into(),
            selection: "open_election".into(),
            openly_selected: true,
            ..Default::default()
        })
        .unwrap();
    store
        .record_report_back(
            appointment,
            day("2026-05-01"),
            "carers' forum",
            "member groups",
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    store
        .record_declaration(
            appointment,
            day("2026-03-01"),
            DECLARED,
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    (person, appointment)
}

/// The directory file and its WAL and shared-memory files, as raw bytes.
fn raw_bytes(t: &TempDirectory) -> Vec<u8> {
    let mut bytes = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let p = format!("{}{suffix}", t.path.display());
        if let Ok(b) = std::fs::read(&p) {
            bytes.extend(b);
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn an_erased_person_leaves_no_trace_in_the_file_or_its_wal_and_their_seat_keeps_its_history() {
    let t = TempDirectory::new();
    let store = t.open();
    let (person, appointment) = seated_person(&store);
    let before = store.backup(BackupReason::BeforeImport).unwrap();
    // Their details are in the file before (so the search below can find them).
    let raw = raw_bytes(&t);
    for s in [NAME, EMAIL, PHONE, DECLARED] {
        assert!(contains(&raw, s), "{s} is in the file before erasure");
    }

    let erasure = store.erase_person(person).unwrap();
    assert_eq!(erasure.placeholder, format!("Erased person {person}"));
    assert_eq!(
        erasure
            .backups_still_holding
            .iter()
            .map(|b| b.path.clone())
            .collect::<Vec<_>>(),
        vec![before],
        "the backup taken before the erasure still holds them until it rotates out"
    );
    let raw = raw_bytes(&t);
    for s in [NAME, EMAIL, PHONE, DECLARED, "signed the nomination form"] {
        assert!(!contains(&raw, s), "{s} is still in the file's bytes");
    }
    // The seat's history keeps the appointment, under the placeholder.
    let p = store.get_person(person).unwrap();
    assert_eq!(p.name, erasure.placeholder);
    assert!(p.erased_at.is_some());
    assert_eq!(p.appointments.len(), 1);
    assert_eq!(p.appointments[0].id, appointment);
    let log = store.accountability_log(appointment).unwrap();
    assert_eq!(
        log.declarations.len(),
        1,
        "that a declaration was made stays"
    );
    assert_eq!(log.declarations[0].what, "");

    // An erased record cannot be edited back, and erasing again is harmless.
    let edit = store.save_person(
        PersonInput {
            id: Some(person),
            name: NAME.into(),
            ..Default::default()
        },
        chrono::NaiveDate::MAX,
    );
    assert!(matches!(edit, Err(CoreError::Conflict(m)) if m.contains("erased")));
    store.erase_person(person).unwrap();
    drop(store);
    // Still nothing after the file is closed and opened again.
    let _reopened = t.open();
    assert!(!contains(&raw_bytes(&t), NAME));
}

#[test]
fn a_subject_access_request_gets_everything_held_about_the_person_in_words() {
    let t = TempDirectory::new();
    let store = t.open();
    let (person, _) = seated_person(&store);
    let text = store.subject_access(person, day("2026-11-23")).unwrap();
    for s in [
        NAME,
        EMAIL,
        PHONE,
        "consent",
        "signed the nomination form",
        "Your name and seat are shown",
        "2027-02-01",
        "VCSE health seat on Health and Wellbeing Board",
        "Pendleton Carers Group",
        "Report-back 2026-05-01: carers' forum to member groups",
        &format!("Declaration 2026-03-01: {DECLARED}"),
        "Prepared on 23 November 2026",
    ] {
        assert!(text.contains(s), "{s:?} missing from:\n{text}");
    }
    assert!(matches!(
        store.subject_access(9999, day("2026-11-23")),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn people_past_their_review_date_or_without_one_are_listed_for_review() {
    let t = TempDirectory::new();
    let store = t.open();
    let add = |name: &str, review: Option<&str>| {
        store
            .save_person(
                PersonInput {
                    name: name.into(),
                    review_date: review.map(Into::into),
                    ..Default::default()
                },
                chrono::NaiveDate::MAX,
            )
            .unwrap()
    };
    add("Ada Passed", Some("2026-11-22"));
    add("Bea Today", Some("2026-11-23"));
    add("Cy Tomorrow", Some("2026-11-24"));
    add("Di Undated", None);
    let erased = add("Ed Erased", Some("2020-01-01"));
    store.erase_person(erased).unwrap();
    let due = store.people_due_for_review(day("2026-11-23")).unwrap();
    let got: Vec<(&str, &str)> = due
        .iter()
        .map(|d| (d.name.as_str(), d.reason.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Ada Passed", "review date 22 November 2026 has passed"),
            ("Bea Today", "review date is today"),
            ("Di Undated", "no review date set"),
        ]
    );
    // A review date that is not a date is refused beside its field.
    let bad = store.save_person(
        PersonInput {
            name: "Fay".into(),
            review_date: Some("next spring".into()),
            ..Default::default()
        },
        chrono::NaiveDate::MAX,
    );
    assert!(
        matches!(bad, Err(CoreError::Invalid(p)) if p[0].field == "review_date" && p[0].message.contains("next spring"))
    );
}

#[test]
fn the_demo_lists_only_the_few_people_whose_review_has_passed() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let due = store.people_due_for_review(day("2026-11-23")).unwrap();
    assert!(!due.is_empty() && due.len() < 20, "{} due", due.len());
    assert!(due.iter().all(|d| d.reason.ends_with("has passed")));
}

#[test]
fn erasing_a_person_blanks_rows_that_quote_their_name_but_not_words_that_hold_its_letters() {
    let t = TempDirectory::new();
    let store = t.open();
    let partnership = store
        .save_partnership(PartnershipInput {
            name: "Annual Planning Forum".into(),
            kind: Kind::Forum,
            ..Default::default()
        })
        .unwrap();
    for label in ["Joanne's seat for the tenants", "Ann's seat"] {
        store
            .save_seat(SeatInput {
                partnership_id: partnership,
                label: label.into(),
                sector: Sector::Vcse,
                ..Default::default()
            })
            .unwrap();
    }
    let ann = store
        .save_person(
            PersonInput {
                name: "Ann".into(),
                ..Default::default()
            },
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    let trail_text = |store: &Store| {
        store
            .audit_trail(TrailOf::Partnership, partnership)
            .unwrap()
            .iter()
            .map(|e| format!("{} | {} | {}", e.what, e.before, e.after))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let before = trail_text(&store);
    assert!(before.contains("Ann's seat"), "{before}");

    store.erase_person(ann).unwrap();
    let after = trail_text(&store);
    assert!(after.contains("Annual Planning Forum"), "{after}");
    assert!(after.contains("Joanne's seat for the tenants"), "{after}");
    assert!(!after.contains("Ann's seat"), "{after}");
    assert!(after.contains("(erased)"), "{after}");
}
