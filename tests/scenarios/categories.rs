use compactdir_core::domain::reference::{FAITH_CATEGORY_KEY, MINORITY_ETHNIC_CATEGORY_KEY};
use compactdir_tests::{group, TempDirectory};

#[test]
fn a_retired_category_leaves_pickers_but_stays_on_every_record() {
    let t = TempDirectory::new();
    let store = t.open();
    let added = store
        .add_category("Gypsy, Roma and Traveller communities")
        .unwrap();
    assert!(!added.retired);
    let renamed = store
        .rename_category(added.id, "Gypsy, Roma and Traveller people")
        .unwrap();
    assert_eq!(
        renamed.key, added.key,
        "renaming keeps the category's identity"
    );

    let mut g = group("Irwell Valley Travellers Group");
    g.category_ids = vec![added.id];
    let saved = store.save_group(g).unwrap();

    store.set_category_retired(added.id, true).unwrap();
    let refdata = store.reference_data().unwrap();
    let c = refdata
        .categories
        .iter()
        .find(|c| c.id == added.id)
        .unwrap();
    assert!(c.retired, "marked retired so pickers hide it");
    let again = store.get_group(saved.input.id.unwrap()).unwrap();
    assert_eq!(
        again.input.category_ids,
        vec![added.id],
        "the group keeps it"
    );

    // Saving the group again (as the form does) keeps the retired category too.
    let resaved = store.save_group(again.input.clone()).unwrap();
    assert_eq!(resaved.input.category_ids, vec![added.id]);
    assert!(
        !store.set_category_retired(added.id, false).unwrap().retired,
        "can come back"
    );
}

#[test]
fn duplicate_or_empty_category_names_are_refused() {
    let t = TempDirectory::new();
    let store = t.open();
    let err = store.add_category("  young PEOPLE ").unwrap_err();
    assert_eq!(
        err.fields()[0].message,
        "There is already a category called Young people"
    );
    assert_eq!(
        store.add_category("   ").unwrap_err().fields()[0].field,
        "name"
    );
    assert_eq!(
        store.reference_data().unwrap().categories.len(),
        16,
        "nothing added"
    );
}

#[test]
fn faith_and_bme_groups_count_for_their_categories_without_a_tick() {
    let t = TempDirectory::new();
    let store = t.open();
    let refdata = store.reference_data().unwrap();
    let key = |k: &str| refdata.categories.iter().find(|c| c.key == k).unwrap().id;
    let mut g = group("Eccles Gurdwara Seva Group");
    g.faith = true;
    g.bme_serving = true;
    let saved = store.save_group(g).unwrap();
    assert!(saved.input.category_ids.is_empty(), "nothing was ticked");
    assert_eq!(saved.served_category_ids, {
        let mut v = vec![key(FAITH_CATEGORY_KEY), key(MINORITY_ETHNIC_CATEGORY_KEY)];
        v.sort();
        v
    });
    let row = store
        .list_groups()
        .unwrap()
        .into_iter()
        .find(|r| r.id == saved.input.id.unwrap())
        .unwrap();
    assert_eq!(row.served_category_ids, saved.served_category_ids);
}
