use std::collections::HashSet;

use compactdir_core::domain::classification::GroupClass;
use compactdir_core::domain::reference::{FAITH_CATEGORY_KEY, MINORITY_ETHNIC_CATEGORY_KEY};
use compactdir_tests::{group, TempDirectory};

#[test]
fn the_demo_loads_once_on_first_start_and_is_realistic() {
    let t = TempDirectory::new();
    let mut store = t.open();
    let counts = store
        .load_demo_on_first_start()
        .unwrap()
        .expect("an empty store gets the demo");
    assert!(
        (100..=140).contains(&counts.groups),
        "about 120 groups: {counts:?}"
    );
    assert!(
        (8..=12).contains(&counts.partnerships),
        "about 10 partnerships"
    );
    assert!(store.summary().unwrap().demo_loaded);

    let rows = store.list_groups().unwrap();
    let classes: HashSet<GroupClass> = rows.iter().map(|r| r.class).collect();
    assert_eq!(
        classes.len(),
        4,
        "every class appears in the demo: {classes:?}"
    );
    let wards: HashSet<_> = rows.iter().filter_map(|r| r.ward.clone()).collect();
    assert_eq!(wards.len(), 20, "groups spread over all 20 Salford wards");
    assert!(rows.iter().any(|r| r.faith) && rows.iter().any(|r| r.bme));

    let refdata = store.reference_data().unwrap();
    let keys: HashSet<_> = refdata.categories.iter().map(|c| c.key.as_str()).collect();
    assert!(keys.contains(FAITH_CATEGORY_KEY) && keys.contains(MINORITY_ETHNIC_CATEGORY_KEY));

    drop(store);
    let mut again = t.open();
    assert!(
        again.load_demo_on_first_start().unwrap().is_none(),
        "a second start does not load it twice"
    );
}

#[test]
fn removing_the_demo_keeps_what_the_user_added_and_it_does_not_come_back() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo_on_first_start().unwrap();
    let mine = store
        .save_group(group("Cadishead Friendship Club"))
        .unwrap();
    store.remove_demo().unwrap();
    let rows = store.list_groups().unwrap();
    assert_eq!(rows.len(), 1, "only the user's own group is left");
    assert_eq!(rows[0].id, mine.input.id.unwrap());
    let s = store.summary().unwrap();
    assert!(!s.demo_loaded);
    assert_eq!(s.partnerships, 0);
    // Remove everything; on the next start the demo is not loaded again.
    drop(store);
    let mut again = t.open();
    assert!(again.load_demo_on_first_start().unwrap().is_none());
}
