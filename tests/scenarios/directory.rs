use compactdir_core::domain::classification::{GroupClass, Side};
use compactdir_core::domain::group::FeatureAnswer;
use compactdir_core::domain::identifier::Identifier;
use compactdir_core::CoreError;
use compactdir_tests::{group, TempDirectory};

fn answers(sides: [Option<Side>; 8]) -> Vec<FeatureAnswer> {
    sides
        .iter()
        .enumerate()
        .map(|(i, s)| FeatureAnswer {
            number: i as u8 + 1,
            side: *s,
            evidence: String::new(),
        })
        .collect()
}

/// A group added unclassified keeps no stored history line (an import of 100,000 groups wrote
/// one each); its history still begins with being added, and the first suggestion follows it.
#[test]
fn a_group_added_unclassified_begins_its_history_with_being_added() {
    use Side::Community as C;
    let t = TempDirectory::new();
    let store = t.open();
    let added = store.save_group(group("Weaste Allotment Society")).unwrap();
    let id = added.input.id.unwrap();
    // Read beside the app's connection, as WAL allows.
    let stored = || -> i64 {
        let c = rusqlite::Connection::open(&t.path).unwrap();
        c.query_row(
            "SELECT count(*) FROM class_history WHERE group_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(stored(), 0, "nothing stored for an unclassified start");
    assert_eq!(added.history.len(), 1);
    assert_eq!(
        (
            added.history[0].at.as_str(),
            added.history[0].kind.as_str(),
            added.history[0].class,
            added.history[0].reason.as_str()
        ),
        (
            added.created_at.as_str(),
            "suggested",
            GroupClass::Unclassified,
            "added with fewer than 5 of the 8 features known"
        )
    );

    // Answered later: the suggestion is stored and follows the line made from the created time.
    std::thread::sleep(std::time::Duration::from_millis(1100)); // a later second
    let five_community = answers([
        Some(C),
        Some(C),
        Some(C),
        Some(C),
        Some(C),
        None,
        None,
        None,
    ]);
    let mut edit = added.input.clone();
    edit.features = five_community.clone();
    let answered = store.save_group(edit).unwrap();
    assert_eq!(stored(), 1);
    let lines: Vec<(&str, GroupClass)> = answered
        .history
        .iter()
        .map(|h| (h.kind.as_str(), h.class))
        .collect();
    assert_eq!(
        lines,
        [
            ("suggested", GroupClass::Unclassified),
            ("suggested", GroupClass::Community)
        ]
    );
    assert_eq!(answered.history[0].at, added.created_at);

    // Added with enough answers, the first line is stored as it always was.
    let mut known = group("Langworthy Residents Association");
    known.features = five_community;
    let classified = store.save_group(known).unwrap();
    assert_eq!(classified.history.len(), 1);
    assert_eq!(classified.history[0].class, GroupClass::Community);
    assert_eq!(
        classified.history[0].reason,
        "5 of 5 known features on the community side"
    );
}

#[test]
fn a_group_added_is_still_there_after_the_file_is_reopened() {
    let t = TempDirectory::new();
    let id = {
        let store = t.open();
        let mut g = group("Langworthy Allotment Society");
        g.postcode = "m6 5ja".into();
        g.identifiers = vec![Identifier {
            scheme: "GB-COH".into(),
            value: "1234567".into(),
        }];
        store.save_group(g).unwrap().input.id.unwrap()
    };
    let store = t.open();
    let g = store.get_group(id).unwrap();
    assert_eq!(g.input.name, "Langworthy Allotment Society");
    assert_eq!(g.input.postcode, "M6 5JA", "postcode stored normalised");
    assert_eq!(
        g.input.identifiers[0].value, "01234567",
        "company number padded and kept as text"
    );
    assert!(store.list_groups().unwrap().iter().any(|r| r.id == id));
}

#[test]
fn a_second_group_with_the_same_company_number_is_refused_naming_the_first() {
    let t = TempDirectory::new();
    let store = t.open();
    let mut first = group("Bluesci");
    first.identifiers = vec![Identifier {
        scheme: "GB-COH".into(),
        value: "09901361".into(),
    }];
    store.save_group(first.clone()).unwrap();
    let mut second = group("Blue Sci CIC");
    second.identifiers = first.identifiers.clone();
    let before = store.list_groups().unwrap().len();
    let err = store.save_group(second).unwrap_err();
    match &err {
        CoreError::Invalid(p) => {
            assert_eq!(p[0].field, "identifiers[0].value");
            assert_eq!(
                p[0].message,
                "The company number 09901361 already belongs to Bluesci: this may be the same group"
            );
        }
        other => panic!("expected a refusal by field, got {other}"),
    }
    assert_eq!(
        store.list_groups().unwrap().len(),
        before,
        "nothing half-saved"
    );
}

#[test]
fn a_refused_edit_changes_nothing() {
    let t = TempDirectory::new();
    let store = t.open();
    let saved = store.save_group(group("Weaste Residents")).unwrap();
    let mut edit = saved.input.clone();
    edit.name = "Weaste and Seedley Residents".into();
    edit.postcode = "AB1 2CD".into();
    let err = store.save_group(edit).unwrap_err();
    assert_eq!(err.fields()[0].message, "AB1 2CD is not a UK postcode");
    assert_eq!(
        store.get_group(saved.input.id.unwrap()).unwrap().input.name,
        "Weaste Residents",
        "the name was not changed by the refused save"
    );
}

#[test]
fn class_moves_are_kept_with_their_reasons() {
    let t = TempDirectory::new();
    let store = t.open();
    use Side::{Community as C, Voluntary as V};
    let mut g = group("Irlam Youth Forum");
    g.features = answers([
        Some(C),
        Some(C),
        Some(C),
        Some(C),
        Some(C),
        Some(C),
        Some(V),
        None,
    ]);
    let saved = store.save_group(g).unwrap();
    assert_eq!(saved.class, GroupClass::Community);
    assert_eq!(
        saved.suggestion.reason,
        "6 of 7 known features on the community side"
    );

    // Staff set another class with a reason: the suggestion stays visible beside it.
    let mut edit = saved.input.clone();
    edit.class_override = Some(GroupClass::Voluntary);
    edit.class_override_reason = "Now run by paid staff of a citywide charity".into();
    let set = store.save_group(edit).unwrap();
    assert_eq!(set.class, GroupClass::Voluntary);
    assert_eq!(set.suggestion.class, GroupClass::Community);

    // The answers change: the group moves on the voluntary side; then staff clear their class.
    let mut moved = set.input.clone();
    moved.features = answers([
        Some(V),
        Some(V),
        Some(V),
        Some(V),
        Some(V),
        Some(V),
        Some(C),
        None,
    ]);
    moved.class_override = None;
    moved.class_override_reason.clear();
    let last = store.save_group(moved).unwrap();
    let kinds: Vec<(&str, GroupClass)> = last
        .history
        .iter()
        .map(|h| (h.kind.as_str(), h.class))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("suggested", GroupClass::Community),
            ("set", GroupClass::Voluntary),
            ("suggested", GroupClass::Voluntary),
            ("cleared", GroupClass::Voluntary),
        ]
    );
    assert_eq!(
        last.history[1].reason,
        "Now run by paid staff of a citywide charity"
    );
}

/// A CVS tester added "g-force" at WA15 7DD by hand while "G-FORCE" (charity 1110767) was there
/// already, and nothing asked. The group form now asks; a different place, an edit, or the
/// user's "Add it anyway" saves.
#[test]
fn a_new_group_with_the_name_and_postcode_of_one_already_there_is_asked_about() {
    let t = TempDirectory::new();
    let store = t.open();
    let mut existing = group("G-FORCE");
    existing.postcode = "WA15 7DD".into();
    existing.identifiers = vec![Identifier {
        scheme: "GB-CHC".into(),
        value: "1110767".into(),
    }];
    let existing_id = store.save_group(existing).unwrap().input.id.unwrap();
    let count = || store.list_groups().unwrap().len();

    // Same name once folded, same postcode (typed in lower case): asked, nothing saved.
    let mut typed = group("g-force");
    typed.postcode = "wa15 7dd".into();
    typed.activities = "Youth football".into();
    let err = store
        .save_group_from_form(typed.clone(), false)
        .unwrap_err();
    match &err {
        CoreError::LikelyDuplicate(found) => {
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].id, existing_id);
            assert_eq!(found[0].name, "G-FORCE");
            assert_eq!(found[0].shown_name, "G-Force");
        }
        other => panic!("expected a likely duplicate, got {other}"),
    }
    assert_eq!(err.code(), "likely_duplicate");
    assert_eq!(
        err.to_string(),
        "G-Force is already in the directory at WA15 7DD (charity 1110767). Is this the same group?"
    );
    assert_eq!(count(), 1, "nothing saved");

    // Other spellings fold to the same name: "The G Force Ltd", "G Force".
    let mut spelt = group("The G Force Ltd");
    spelt.postcode = "WA15 7DD".into();
    assert!(matches!(
        store.save_group_from_form(spelt, false),
        Err(CoreError::LikelyDuplicate(_))
    ));

    // A different postcode is a separate branch: saved without asking.
    let mut elsewhere = group("G Force");
    elsewhere.postcode = "M33 7ZF".into();
    store.save_group_from_form(elsewhere, false).unwrap();
    assert_eq!(count(), 2);

    // "Add it anyway": saved as typed.
    let saved = store.save_group_from_form(typed, true).unwrap();
    assert_eq!(saved.input.name, "g-force");
    assert_eq!(saved.input.activities, "Youth football");
    assert_eq!(count(), 3);

    // An edit of a group already there is never asked about, even though its twin exists.
    let mut edit = saved.input.clone();
    edit.activities = "Youth football and netball".into();
    store.save_group_from_form(edit, false).unwrap();
}

#[test]
fn without_postcodes_the_ward_decides_and_other_names_count() {
    let t = TempDirectory::new();
    let store = t.open();
    let r = store.reference_data().unwrap();
    let (ward_a, ward_b) = (r.wards[0].id, r.wards[1].id);
    let mut existing = group("St John's Centre");
    existing.ward_id = Some(ward_a);
    existing.other_names = vec!["Saint Johns Community Hub".into()];
    store.save_group(existing).unwrap();

    // Another ward, no postcodes: separate.
    let mut other_ward = group("St. John's Centre");
    other_ward.ward_id = Some(ward_b);
    store.save_group_from_form(other_ward, false).unwrap();

    // Same ward: asked, and the sentence says where it is. Both same-named groups are found
    // for a new one with no place at all, nothing saying it is elsewhere.
    let mut same_ward = group("Saint Johns Centre");
    same_ward.ward_id = Some(ward_a);
    match store.save_group_from_form(same_ward, false).unwrap_err() {
        CoreError::LikelyDuplicate(found) => {
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].place, format!("in {} ward", r.wards[0].name));
        }
        other => panic!("expected a likely duplicate, got {other}"),
    }
    let err = store
        .save_group_from_form(group("St Johns Centre"), false)
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("2 groups of that name are already in the directory: St John's Centre in"),
        "{err}"
    );

    // One of its other names is its name too.
    assert!(matches!(
        store.save_group_from_form(group("St John's Community Hub"), false),
        Err(CoreError::LikelyDuplicate(_))
    ));

    // A plainly different name is saved.
    store
        .save_group_from_form(group("St John's Luncheon Club"), false)
        .unwrap();
}
