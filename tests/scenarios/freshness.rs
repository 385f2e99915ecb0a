use chrono::NaiveDate;
use compactdir_core::domain::group::Status;
use compactdir_core::store::Settings;
use compactdir_tests::{group, TempDirectory};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn save_checked(store: &compactdir_core::Store, name: &str, checked: &str) -> i64 {
    let mut g = group(name);
    g.last_checked = Some(checked.to_string());
    store.save_group(g).unwrap().input.id.unwrap()
}

#[test]
fn the_needs_checking_queue_is_oldest_first_and_one_click_clears_it() {
    let t = TempDirectory::new();
    let mut store = t.open();
    let save = |name: &str, checked: Option<&str>, status: Status| {
        let mut g = group(name);
        g.last_checked = checked.map(str::to_string);
        g.status = status;
        store.save_group(g).unwrap().input.id.unwrap()
    };
    let never = save("Never Checked Club", None, Status::Active);
    let old = save("Old Entry Society", Some("2024-01-10"), Status::Active);
    let boundary = save("Exactly A Year", Some("2025-11-23"), Status::Dormant);
    let fresh = save("Fresh Entry Forum", Some("2025-11-24"), Status::Active);
    let closed = save("Closed Long Ago", Some("2020-01-01"), Status::Closed);
    let today = day("2026-11-23");

    let queue: Vec<i64> = store
        .needs_checking(today, store.settings().unwrap().stale_months)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(
        queue,
        vec![never, old, boundary],
        "never checked first, then oldest; 12 months to the day counts; closed and fresh left out"
    );
    assert!(!queue.contains(&fresh) && !queue.contains(&closed));
    // The directory list says the same of each row, by the same rule: the window's "Not checked
    // for 12 months" filter and "Needs checking" tags read it rather than a rule of their own.
    let due = |store: &compactdir_core::Store| -> Vec<i64> {
        let mut d: Vec<i64> = store
            .list_groups_as_of(today)
            .unwrap()
            .iter()
            .filter(|r| r.due_for_check)
            .map(|r| r.id)
            .collect();
        d.sort_unstable();
        d
    };
    let mut expected = queue.clone();
    expected.sort_unstable();
    assert_eq!(due(&store), expected);

    let checked = store.mark_checked(old, today, "JS").unwrap();
    assert_eq!(checked.input.last_checked.as_deref(), Some("2026-11-23"));
    assert_eq!(checked.input.last_checked_by, "JS");
    // Left empty (a tester pressed Checked today with no initials): whom the trail names.
    store.set_actor("Jo Staff");
    let checked = store.mark_checked(never, today, "  ").unwrap();
    assert_eq!(checked.input.last_checked_by, "Jo Staff");
    assert!(!store
        .needs_checking(today, 12)
        .unwrap()
        .iter()
        .any(|r| r.id == old));

    // The period is configurable and kept in the file.
    store.save_settings(Settings { stale_months: 6 }).unwrap();
    assert_eq!(t.open().settings().unwrap().stale_months, 6);
    // ...and the list's rows follow it: checked 2026-05-23, 6 months to the day, is due.
    let half = save_checked(&store, "Half A Year", "2026-05-23");
    let recent = save_checked(&store, "Checked In Summer", "2026-05-24");
    let listed = due(&store);
    assert!(
        listed.contains(&half) && !listed.contains(&recent) && listed.contains(&fresh),
        "{listed:?}"
    );
    assert!(store.save_settings(Settings { stale_months: 0 }).is_err());
}

/// The tester saw "105th Manchester Scout Group" before "1st Davyhulme Scout Group" in Needs
/// checking, and after it in the Directory list: groups checked on the same day (or never)
/// are in the list's order of names, numbers by their value.
#[test]
fn groups_due_on_the_same_day_are_in_the_directory_lists_order_of_names() {
    let t = TempDirectory::new();
    let store = t.open();
    for name in [
        "105TH MANCHESTER SCOUT GROUP",
        "42nd Street",
        "1st Davyhulme Scout Group",
        "age UK Trafford",
        "Abbey Club",
    ] {
        store.save_group(group(name)).unwrap();
    }
    let names: Vec<String> = store
        .needs_checking(day("2026-11-23"), 12)
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(
        names,
        [
            "1st Davyhulme Scout Group",
            "42nd Street",
            "105TH MANCHESTER SCOUT GROUP",
            "Abbey Club",
            "age UK Trafford"
        ]
    );
}
