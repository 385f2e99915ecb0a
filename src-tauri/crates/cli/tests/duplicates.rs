//! `compactdir duplicates`, `merge`, `undo` and `not-duplicate`, run as a script would.

mod common;
use common::*;

use compactdir_core::domain::group::GroupInput;
use compactdir_core::Store;

fn rows(out: &std::process::Output) -> Vec<csv::StringRecord> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().take(4).collect::<Vec<_>>(),
        ["group_a", "group_b", "score", "reasons"]
    );
    reader.records().map(|r| r.unwrap()).collect()
}

#[test]
fn duplicates_merge_and_undo_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let ids: Vec<i64> = {
        let store = Store::open(&db).unwrap();
        [
            ("G Force", ""),
            ("G-Force", "https://www.gforce.org.uk"),
            ("Bluesci", ""),
            ("St John's Centre", ""),
            ("St. John's Centre", ""),
        ]
        .into_iter()
        .map(|(name, website)| {
            store
                .save_group(GroupInput {
                    name: name.into(),
                    website: website.into(),
                    ..Default::default()
                })
                .unwrap()
                .input
                .id
                .unwrap()
        })
        .collect()
    };
    let scan = compactdir(&db, &["duplicates", "--progress"]);
    let found = rows(&scan);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(String::from_utf8_lossy(&scan.stderr).contains("comparing: "));
    let g = found
        .iter()
        .find(|r| r[0] == ids[0].to_string())
        .expect("G Force and G-Force");
    assert_eq!(&g[1], ids[1].to_string());
    assert!(
        g[3].starts_with("same name once case, punctuation"),
        "{g:?}"
    );

    let (a, b) = (ids[0].to_string(), ids[1].to_string());
    let merge = compactdir(&db, &["merge", &a, &b, "--take", "name"]);
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stderr)
    );
    let list = String::from_utf8_lossy(&compactdir(&db, &["groups", "list"]).stdout).to_string();
    assert!(
        list.contains("G-Force") && !list.contains("G Force"),
        "{list}"
    );
    assert_eq!(rows(&compactdir(&db, &["duplicates"])).len(), 1);

    let undo = compactdir(&db, &["undo"]);
    assert!(
        undo.status.success(),
        "{}",
        String::from_utf8_lossy(&undo.stderr)
    );
    assert_eq!(
        rows(&compactdir(&db, &["duplicates"])).len(),
        2,
        "both back"
    );

    let (c, d) = (ids[3].to_string(), ids[4].to_string());
    assert!(compactdir(&db, &["not-duplicate", &c, &d]).status.success());
    assert_eq!(
        rows(&compactdir(&db, &["duplicates"])).len(),
        1,
        "never comes back"
    );

    let bad = compactdir(&db, &["merge", &a, &b, "--take", "colour"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("colour is not a field of a group"));
    let nothing = compactdir(&db, &["undo"]);
    assert!(!nothing.status.success());
    assert!(String::from_utf8_lossy(&nothing.stderr).contains("no merge to undo"));
}

#[test]
fn a_threshold_outside_0_to_1_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    drop(Store::open(&db).unwrap());
    for refused in ["2", "-1"] {
        let out = compactdir(&db, &["duplicates", &format!("--threshold={refused}")]);
        assert!(!out.status.success(), "--threshold {refused} is refused");
        assert!(out.stdout.is_empty(), "no listing");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains(&format!("{refused} is not a score from 0 to 1")),
            "{said}"
        );
    }
    assert!(rows(&compactdir(&db, &["duplicates", "--threshold", "1"])).is_empty());
}

/// The tester's steps on the real Trafford files: merge the scout council entered twice, taking
/// the other's name; the message names the kept group as it is now called, its history shows
/// the merge, and both imports' undo name the merge to undo first (not "removed").
#[test]
fn a_merge_of_imported_groups_is_in_the_history_and_named_by_import_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    for file in [
        "ccew_charities_operating_in_trafford_2021-05-27.csv",
        "360giving_trafford_council_vcs_grants.csv",
    ] {
        let path = real_data(file);
        let out = compactdir(&db, &["import", "groups", path.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let id_of = |name: &str| {
        Store::open(&db)
            .unwrap()
            .list_groups()
            .unwrap()
            .into_iter()
            .find(|g| g.name == name)
            .unwrap()
            .id
            .to_string()
    };
    let (kept, merged) = (
        id_of("SALE DISTRICT SCOUT COUNCIL"),
        id_of("Sale and District Scout Council"),
    );
    let out = compactdir(&db, &["merge", &kept, &merged, "--take", "name"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with(&format!(
            "Merged Sale and District Scout Council (group {merged}) into Sale and District Scout Council (group {kept}, until now called Sale District Scout Council) as merge 1;"
        )),
        "{said}"
    );

    let out = compactdir(&db, &["history", "group", &kept]);
    let history = String::from_utf8_lossy(&out.stdout);
    assert!(
        history.contains(&format!(
            "changed,Merged in another group,,\"Sale and District Scout Council (group {merged}), by merge 1; taken from it: Name\""
        )),
        "{history}"
    );

    let out = compactdir(&db, &["import", "undo", "2"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains(&format!(
            "Sale and District Scout Council (group {merged}) was merged into Sale and District Scout Council (group {kept}) by merge 1. Undo merge 1 first."
        )) && !err.contains("removed"),
        "{err}"
    );
    let out = compactdir(&db, &["import", "undo", "1"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "Sale and District Scout Council (group {merged}) was merged into Sale and District Scout Council (group {kept}) by merge 1, after the import"
        )) && err.contains("Undo merge 1 first."),
        "{err}"
    );

    let out = compactdir(&db, &["history", "group", &merged]);
    let entry = String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .and_then(|l| l.split(',').next().map(str::to_string))
        .unwrap();
    let out = compactdir(&db, &["undo-change", &entry]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("undo merge 1"), "{err}");

    // Names stored in capitals are said as the window shows them.
    let out = compactdir(&db, &["undo", "1"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("Undid merge 1: Sale District Scout Council (group {kept}) and Sale and District Scout Council (group {merged}) are separate again.")
    );
    let out = compactdir(&db, &["history", "group", &kept]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Separate again (the merge was undone)"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = compactdir(&db, &["import", "undo", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The tester's finding on Trafford's real grants file: the council gives each spelling of a
/// group an id made from the name, and those ids differing counted against the pair as different
/// register numbers would, so this one was never proposed.
#[test]
fn a_funders_own_ids_do_not_hide_a_real_pair_in_the_grants_file() {
    let grants = real_data("360giving_trafford_council_vcs_grants.csv");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let out = compactdir(&db, &["import", "groups", grants.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pairs = rows(&compactdir(&db, &["duplicates"]));
    let nook = pairs
        .iter()
        .find(|r| {
            let names = [&r[4], &r[5]];
            names.contains(&"The Friends of Moor Nook Park")
                && names.contains(&"Friends of Nook Park")
        })
        .expect("the two spellings of the park's friends are proposed");
    assert!(!nook[3].contains("identifier"), "{}", &nook[3]);
}
