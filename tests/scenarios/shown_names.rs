//! Names in capitals (as registers write them) are shown in title case wherever the window reads
//! a group's name, through the one rule `names::shown_name`, and kept as stored wherever the name
//! is edited or written out as data (the form, groups.csv). A CVS tester found the Directory,
//! search, duplicates and seat rows showing "ST JOHN'S CENTRE" while the import wizard showed
//! "St John's Centre".

use chrono::NaiveDate;
use compactdir_core::domain::duplicate_scan::ScanOptions;
use compactdir_core::domain::flags::FlagKind;
use compactdir_core::domain::partnership::{Kind, PartnershipInput, SeatInput, Sector};
use compactdir_core::store::{AppointmentInput, Choice, Choices, MergeChoices, MergeField, Pick};
use compactdir_core::CoreError;
use compactdir_tests::{add_group, forum_seat, group, TempDirectory};

const TODAY: &str = "2026-11-23";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn a_name_in_capitals_is_shown_in_title_case_and_stored_as_written() {
    let t = TempDirectory::new();
    let store = t.open();
    let mut centre = group("ST JOHN'S CENTRE");
    centre.postcode = "M5 4WT".into();
    let id = store.save_group(centre).unwrap().input.id.unwrap();
    store.save_group(group("G-Force")).unwrap();

    // The group page: the heading's name is shown, the form's is stored.
    let g = store.get_group(id).unwrap();
    assert_eq!(g.shown_name, "St John's Centre");
    assert_eq!(g.input.name, "ST JOHN'S CENTRE");

    // The Directory list and Needs checking (never checked, so due).
    let rows = store.list_groups().unwrap();
    let row = rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        (row.name.as_str(), row.shown_name.as_str()),
        ("ST JOHN'S CENTRE", "St John's Centre")
    );
    let other = rows.iter().find(|r| r.id != id).unwrap();
    assert_eq!(other.shown_name, "G-Force", "not all capitals: as stored");
    let due = store.needs_checking(day(TODAY), 12).unwrap();
    assert!(due.iter().any(|r| r.shown_name == "St John's Centre"));

    // Search: the shown name, with the matched letters in the same places.
    let hits = store.search_index().unwrap().search("john", 5);
    let hit = hits.iter().find(|h| h.id == id).unwrap();
    assert_eq!(hit.name, "ST JOHN'S CENTRE");
    assert_eq!(hit.shown_name, "St John's Centre");
    let marked: String = hit
        .name_positions
        .iter()
        .map(|&i| hit.shown_name.chars().nth(i).unwrap())
        .collect();
    assert_eq!(marked, "John");

    // The question before adding the same group again names it as shown.
    let mut again = group("St Johns Centre");
    again.postcode = "M5 4WT".into();
    let CoreError::LikelyDuplicate(found) = store.save_group_from_form(again, false).unwrap_err()
    else {
        panic!("asked about the likely duplicate")
    };
    assert_eq!(found[0].shown_name, "St John's Centre");
    let err = CoreError::LikelyDuplicate(found);
    assert!(
        err.to_string()
            .starts_with("St John's Centre is already in the directory at M5 4WT."),
        "{err}"
    );

    // groups.csv is data: the name as stored.
    let mut out = Vec::new();
    store.export_groups(&mut out, "groups.csv").unwrap();
    let csv = String::from_utf8(out).unwrap();
    assert!(csv.contains("ST JOHN'S CENTRE"), "{csv}");
    assert!(!csv.contains("St John's Centre"), "{csv}");
}

#[test]
fn seat_holders_and_gaps_name_a_group_in_capitals_as_shown() {
    let t = TempDirectory::new();
    let store = t.open();
    let young = store
        .reference_data()
        .unwrap()
        .categories
        .into_iter()
        .find(|c| c.key == "young-people")
        .unwrap()
        .id;
    let mut centre = group("ST JOHN'S CENTRE");
    centre.category_ids = vec![young];
    centre.faith = true;
    let centre = store.save_group(centre).unwrap().input.id.unwrap();
    let forum = store
        .save_partnership(PartnershipInput {
            name: "Ordsall Community Forum".into(),
            kind: Kind::Forum,
            ..Default::default()
        })
        .unwrap();
    let seat = store
        .save_seat(SeatInput {
            partnership_id: forum,
            label: "Faith seat".into(),
            sector: Sector::Vcse,
            ..Default::default()
        })
        .unwrap();
    store
        .appoint(AppointmentInput {
            seat_id: seat,
            new_person: "Ann Lee".into(),
            group_id: Some(centre),
            term_start: "2026-01-15".into(),
            selection: "open_election".into(),
            openly_selected: true,
            ..Default::default()
        })
        .unwrap();

    let page = store.get_partnership(forum, day(TODAY)).unwrap();
    let holder = page.seats[0].holder.as_ref().unwrap();
    assert_eq!(holder.group.as_deref(), Some("ST JOHN'S CENTRE"));
    assert_eq!(holder.group_shown_name.as_deref(), Some("St John's Centre"));
    let history = store.seat_history(seat).unwrap();
    assert_eq!(
        history[0].group_shown_name.as_deref(),
        Some("St John's Centre")
    );

    // The window's gaps and balance name it as shown; the command line's CSV (`gaps`) as stored.
    let shown = store.gaps_as_shown(day(TODAY)).unwrap();
    let cell = shown.cell(forum, young).unwrap();
    assert!(
        cell.explanation.contains("Ann Lee of St John's Centre"),
        "{}",
        cell.explanation
    );
    let stored = store.gaps(day(TODAY)).unwrap();
    assert!(stored
        .cell(forum, young)
        .unwrap()
        .explanation
        .contains("Ann Lee of ST JOHN'S CENTRE"));
    let b = store.seat_balance_as_shown(day(TODAY)).unwrap().remove(0);
    assert_eq!(b.faith_groups, ["St John's Centre"]);
}

/// The tester merged "Sale and District Scout Council" into "SALE DISTRICT SCOUT COUNCIL",
/// keeping the other's name: the message must name the kept group as it is called after.
#[test]
fn duplicates_and_merges_name_groups_as_shown() {
    let t = TempDirectory::new();
    let store = t.open();
    let kept = add_group(&store, "SALE DISTRICT SCOUT COUNCIL");
    let merged = add_group(&store, "Sale and District Scout Council");
    forum_seat(&store, "Sale Forum", "VCSE seat");

    let scan = store
        .find_duplicates(&ScanOptions::default(), &mut |_| {})
        .unwrap();
    let pair = scan
        .pairs
        .iter()
        .find(|p| [p.group_a, p.group_b].contains(&kept))
        .expect("the two are proposed");
    let shown = [
        pair.group_a_shown_name.as_str(),
        pair.group_b_shown_name.as_str(),
    ];
    assert!(shown.contains(&"Sale District Scout Council"), "{shown:?}");
    assert!(shown.contains(&"Sale and District Scout Council"));
    assert!(scan.clusters[0]
        .shown_names
        .contains(&"Sale District Scout Council".to_string()));

    let preview = store.merge_preview(kept, merged).unwrap();
    assert_eq!(preview.kept_shown_name, "Sale District Scout Council");
    let name_row = preview
        .fields
        .iter()
        .find(|f| f.field == MergeField::Name)
        .unwrap();
    assert_eq!(
        name_row.kept, "SALE DISTRICT SCOUT COUNCIL",
        "the name to choose is the stored one"
    );

    let mut choices = MergeChoices::default();
    choices.fields.insert(MergeField::Name, Pick::Merged);
    let out = store.merge_groups(kept, merged, &choices).unwrap();
    assert_eq!(out.kept_shown_name, "Sale and District Scout Council");
    assert_eq!(out.kept_shown_name_before, "Sale District Scout Council");
    assert_eq!(out.merged_shown_name, "Sale and District Scout Council");
    let log = store.merge_log().unwrap();
    assert_eq!(
        (
            log[0].kept_shown_name.as_str(),
            log[0].kept_shown_name_after.as_str()
        ),
        (
            "Sale District Scout Council",
            "Sale and District Scout Council"
        )
    );

    let undone = store.undo_merge(None).unwrap();
    assert_eq!(undone.kept_shown_name, "Sale District Scout Council");
    let again = store.undo_merge(Some(out.merge_id)).unwrap_err();
    assert!(
        again
            .to_string()
            .contains("(Sale and District Scout Council into Sale District Scout Council)"),
        "{again}"
    );
}

/// A group on more partnerships than the threshold (3) is flagged on its seats: the partnership
/// page's words name it as shown, the CSV's (`report flags`, the review pack) as stored.
#[test]
fn an_over_consulted_group_in_capitals_is_named_as_shown_on_the_partnership_page() {
    let t = TempDirectory::new();
    let store = t.open();
    let centre = add_group(&store, "ST JOHN'S CENTRE");
    for (i, person) in ["Ann Lee", "Bob Roe", "Cat Fox", "Dan Ash"]
        .iter()
        .enumerate()
    {
        let seat = forum_seat(&store, &format!("Forum {i}"), "VCSE seat");
        store
            .appoint(AppointmentInput {
                seat_id: seat,
                new_person: (*person).into(),
                group_id: Some(centre),
                term_start: "2026-01-15".into(),
                selection: "open_election".into(),
                openly_selected: true,
                ..Default::default()
            })
            .unwrap();
    }
    let over = |f: &compactdir_core::domain::flags::Flag| f.kind == FlagKind::OverConsultedGroup;
    let stored = store.flags(day(TODAY)).unwrap();
    let row = stored.iter().find(|f| over(&f.flag)).expect("flagged");
    assert_eq!(row.group, "ST JOHN'S CENTRE");
    assert!(row
        .flag
        .message
        .starts_with("ST JOHN'S CENTRE holds seats on 4 partnerships"));

    let forum = store.list_partnerships(day(TODAY)).unwrap()[0].id;
    let page = store.get_partnership(forum, day(TODAY)).unwrap();
    let flag = page.seats[0]
        .flags
        .iter()
        .find(|f| over(f))
        .expect("on the page");
    assert!(
        flag.message
            .starts_with("St John's Centre holds seats on 4 partnerships"),
        "{}",
        flag.message
    );
}

/// Undoing an import is refused while a group it added has taken another in by a merge; the
/// refusal, read in Earlier imports and on the command line, names both as shown.
#[test]
fn an_import_undo_refused_for_a_merge_names_the_groups_as_shown() {
    let t = TempDirectory::new();
    let store = t.open();
    let bytes = b"name,charity number\nSALE DISTRICT SCOUT COUNCIL,1100009\n";
    let preview = store.preview_group_import(bytes).unwrap();
    let plan = store
        .plan_group_import(
            "register.csv",
            bytes,
            &preview.suggestion.mapping,
            &mut |_| {},
        )
        .unwrap();
    let summary = store
        .apply_group_import(
            &plan,
            &Choices {
                on_match: Choice::New,
                ..Default::default()
            },
            &mut |_| {},
        )
        .unwrap();
    let imported = store.list_groups().unwrap()[0].id;
    let by_hand = add_group(&store, "Sale and District Scout Council");
    let merge = store
        .merge_groups(imported, by_hand, &MergeChoices::default())
        .unwrap()
        .merge_id;
    let err = store
        .undo_import(summary.import_id.unwrap())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("Sale and District Scout Council (group {by_hand}) was merged into Sale District Scout Council (group {imported}) by merge {merge}, after the import")),
        "{err}"
    );
}
