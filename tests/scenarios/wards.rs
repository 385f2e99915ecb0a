//! The ward list as a whole: a district's wards are removed only when nothing uses them (a
//! group, a seat, a merge that can still be undone), and the trail still names a removed ward.

use compactdir_core::store::{MergeChoices, TrailOf, WardRow};
use compactdir_core::{CoreError, Store};
use compactdir_tests::{forum_seat, group, TempDirectory};

fn load_trafford(store: &Store) -> Vec<i64> {
    let rows = [
        ("E05000819", "Altrincham"),
        ("E05000820", "Ashton upon Mersey"),
    ]
    .map(|(code, name)| WardRow {
        code: code.into(),
        name: name.into(),
        district: "Trafford".into(),
    });
    store.load_wards(&rows, "wards.csv").unwrap();
    store
        .reference_data()
        .unwrap()
        .wards
        .into_iter()
        .filter(|w| w.district == "Trafford")
        .map(|w| w.id)
        .collect()
}

fn refusal(store: &Store) -> String {
    match store.remove_ward_district("Trafford") {
        Err(e @ CoreError::WardsInUse(_)) => e.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_seat_speaking_for_a_ward_holds_its_district_until_it_no_longer_does() {
    let t = TempDirectory::new();
    let store = t.open();
    let trafford = load_trafford(&store);
    let seat = forum_seat(&store, "Trafford Forum", "Altrincham groups");
    let mut input = store.seat_input(seat).unwrap();
    input.ward_ids = vec![trafford[0]];
    store.save_seat(input.clone()).unwrap();
    assert_eq!(
        refusal(&store),
        "Trafford's wards cannot be removed: 1 of them is chosen by 1 seat (Altrincham groups (Trafford Forum)). Choose other wards for those first (or none), then try again."
    );
    input.ward_ids.clear();
    store.save_seat(input).unwrap();
    assert_eq!(store.remove_ward_district("Trafford").unwrap(), 2);
}

#[test]
fn a_merge_that_can_be_undone_holds_the_wards_its_merged_group_had() {
    let t = TempDirectory::new();
    let store = t.open();
    let trafford = load_trafford(&store);
    let salford = store.reference_data().unwrap().wards[0].id;
    let kept = store
        .save_group(compactdir_core::domain::group::GroupInput {
            ward_id: Some(salford),
            ..group("Altrincham Allotments")
        })
        .unwrap();
    let merged = store
        .save_group(compactdir_core::domain::group::GroupInput {
            ward_id: Some(trafford[1]),
            ..group("Altrincham Allotment Society")
        })
        .unwrap();
    store
        .merge_groups(
            kept.input.id.unwrap(),
            merged.input.id.unwrap(),
            &MergeChoices::default(),
        )
        .unwrap();
    // Given no ward since: only the merge's record of the merged group holds Trafford's.
    let mut now = store.get_group(kept.input.id.unwrap()).unwrap().input;
    now.ward_id = None;
    now.place_ward_ids.clear();
    store.save_group(now).unwrap();
    assert_eq!(
        refusal(&store),
        "Trafford's wards cannot be removed: 1 merge that can still be undone would put them back on a group."
    );
}

#[test]
fn the_history_of_a_group_still_names_a_ward_removed_since() {
    let t = TempDirectory::new();
    let store = t.open();
    let trafford = load_trafford(&store);
    let mut g = store
        .save_group(compactdir_core::domain::group::GroupInput {
            place_ward_ids: vec![trafford[0]],
            ..group("Bowdon Bowls Club")
        })
        .unwrap();
    let mut input = g.input.clone();
    input.place_ward_ids.clear();
    g = store.save_group(input).unwrap();
    store.remove_ward_district("trafford").unwrap();
    let trail = store
        .audit_trail(TrailOf::Group, g.input.id.unwrap())
        .unwrap();
    let change = trail
        .iter()
        .find(|e| e.field.as_deref() == Some("place_ward_ids"))
        .expect("the change of wards is in the trail");
    assert_eq!(
        (change.before.as_str(), change.after.as_str()),
        ("Altrincham", "None recorded"),
        "{change:?}"
    );
}

/// The tester's case: a group stored in capitals is named as the window shows it, and the
/// check the window makes before asking gives the same refusal, removing nothing; once nothing
/// uses the wards it says how many would go, still removing nothing.
#[test]
fn the_refusal_names_groups_as_shown_and_the_check_removes_nothing() {
    let t = TempDirectory::new();
    let store = t.open();
    let trafford = load_trafford(&store);
    let saved = store
        .save_group(compactdir_core::domain::group::GroupInput {
            ward_id: Some(trafford[0]),
            ..group("BRINK PRODUCTIONS")
        })
        .unwrap();
    let expected = "Trafford's wards cannot be removed: 1 of them is chosen by 1 group (Brink Productions). Choose other wards for those first (or none), then try again.";
    assert_eq!(refusal(&store), expected);
    match store.check_ward_district_removal("trafford") {
        Err(e @ CoreError::WardsInUse(_)) => assert_eq!(e.to_string(), expected),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let mut input = saved.input;
    input.ward_id = None;
    store.save_group(input).unwrap();
    assert_eq!(store.check_ward_district_removal("Trafford").unwrap(), 2);
    assert_eq!(store.reference_data().unwrap().wards.len(), 22);
    assert!(store.ward_list_changes().unwrap().len() == 1);
}

/// A ward name two districts share is refused in an import naming each ward's district and code,
/// from the directory's own ward list (the lookups the import builds).
#[test]
fn an_imported_ward_name_two_districts_share_is_refused_naming_each_district() {
    let t = TempDirectory::new();
    let store = t.open();
    let rows = [
        ("E05000824", "Brooklands", "Trafford"),
        ("E05011355", "Brooklands", "Manchester"),
    ]
    .map(|(code, name, district)| WardRow {
        code: code.into(),
        name: name.into(),
        district: district.into(),
    });
    store.load_wards(&rows, "wards.csv").unwrap();
    let bytes = b"name,postcode,ward\nBrooklands Bowls Club,M33 3NS,Brooklands\n";
    let preview = store.preview_group_import(bytes).unwrap();
    let plan = store
        .plan_group_import("file.csv", bytes, &preview.suggestion.mapping, &mut |_| {})
        .unwrap();
    let message = &plan.rejected[0].problems[0].message;
    assert!(
        message.contains("Brooklands in Manchester (E05011355)")
            && message.contains("Brooklands in Trafford (E05000824)"),
        "{message}"
    );
}
