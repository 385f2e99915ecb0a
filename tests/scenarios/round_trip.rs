//! Issue #8, export then import is a round trip: staff export groups.csv, correct it in a
//! spreadsheet and import it back with "update the match". A row that matched the group with its
//! own id is an edit of that group: an emptied cell clears the field, a corrected name renames
//! the group, lists are set to what the file says; undo puts every field back. Other files, and
//! rows whose id does not agree, keep the cautious rules (an empty cell means "no data").

use compactdir_core::domain::group::GroupInput;
use compactdir_core::domain::identifier::Identifier;
use compactdir_core::store::{Choice, Choices, ImportPlan, ImportSummary};
use compactdir_core::Store;
use compactdir_tests::{group, TempDirectory};

fn export(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.export_groups(&mut out, "memory").unwrap();
    out
}

fn cells(bytes: &[u8]) -> Vec<Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// A file as a spreadsheet saves it: a byte-order mark, then the rows.
fn write(rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

/// Sets column `column` of the row whose name is `name`.
fn set(rows: &mut [Vec<String>], name: &str, column: &str, value: &str) {
    let c = rows[0].iter().position(|h| h == column).unwrap();
    let row = rows.iter_mut().find(|r| r[1] == name).unwrap();
    row[c] = value.to_string();
}

fn plan(store: &Store, bytes: &[u8]) -> ImportPlan {
    let preview = store.preview_group_import(bytes).unwrap();
    store
        .plan_group_import(
            "groups.csv",
            bytes,
            &preview.suggestion.mapping,
            &mut |_| {},
        )
        .unwrap()
}

fn update(store: &Store, p: &ImportPlan) -> ImportSummary {
    store
        .apply_group_import(
            p,
            &Choices {
                on_match: Choice::Update,
                ..Default::default()
            },
            &mut |_| {},
        )
        .unwrap()
}

/// Three groups: St John's (stored in capitals, with other names, a number, contacts), Kersal
/// Tenants (an e-mail) and Ordsall Youth (left as it is). Returns their ids.
fn directory(store: &Store) -> [i64; 3] {
    let st_johns = store
        .save_group(GroupInput {
            other_names: vec!["St Johns".into(), "SJC".into()],
            identifiers: vec![Identifier {
                scheme: "GB-CHC".into(),
                value: "1110767".into(),
            }],
            email: "office@stjohns.org.uk".into(),
            phone: "0161 496 0001".into(),
            postcode: "M5 3PF".into(),
            activities: "Lunch club".into(),
            ..group("ST JOHN'S CENTRE")
        })
        .unwrap()
        .input
        .id
        .unwrap();
    let kersal = store
        .save_group(GroupInput {
            email: "kersal@example.org".into(),
            website: "https://kersal.example.org".into(),
            ..group("Kersal Tenants")
        })
        .unwrap()
        .input
        .id
        .unwrap();
    let ordsall = store
        .save_group(GroupInput {
            email: "youth@example.org".into(),
            ..group("Ordsall Youth")
        })
        .unwrap()
        .input
        .id
        .unwrap();
    [st_johns, kersal, ordsall]
}

#[test]
fn an_edited_export_imported_back_with_update_clears_renames_and_undoes_exactly() {
    let t = TempDirectory::new();
    let store = t.open();
    let [st_johns, kersal, ordsall] = directory(&store);
    let first = export(&store);
    let mut rows = cells(&first);
    set(&mut rows, "ST JOHN'S CENTRE", "email", "");
    set(&mut rows, "ST JOHN'S CENTRE", "other_names", "St Johns");
    set(&mut rows, "ST JOHN'S CENTRE", "name", "St John's Centre");
    set(&mut rows, "Kersal Tenants", "website", "");
    // The class is the suggestion: a reason typed for it is not kept, and is said so.
    set(
        &mut rows,
        "Ordsall Youth",
        "class_reason",
        "Typed in the file",
    );
    let edited = write(&rows);

    let p = plan(&store, &edited);
    assert!(p.round_trip, "the directory's own export is a round trip");
    let changes = |id: i64| -> Vec<String> {
        let row = p
            .rows
            .iter()
            .find(|r| r.line.export_id == Some(id))
            .unwrap();
        let edit = row.edit.as_ref().expect("an edit of its own group");
        edit.iter().map(ToString::to_string).collect()
    };
    assert_eq!(
        changes(st_johns),
        [
            "name \"ST JOHN'S CENTRE\" → \"St John's Centre\"",
            "other names \"St Johns; SJC\" → \"St Johns\"",
            "e-mail \"office@stjohns.org.uk\" will be cleared",
        ]
    );
    assert_eq!(
        changes(kersal),
        ["website \"https://kersal.example.org\" will be cleared"]
    );
    assert_eq!(
        changes(ordsall),
        ["class reason \"Typed in the file\" not kept: a reason is kept only for a class staff set"]
    );
    assert_eq!(
        p.edits_in_words().as_deref(),
        Some("2 rows change their group; 2 of them clear a field (2 fields)")
    );

    let s = update(&store, &p);
    assert_eq!((s.updated, s.unchanged, s.added), (2, 1, 0), "{s}");
    let g = store.get_group(st_johns).unwrap().input;
    assert_eq!(
        g.name, "St John's Centre",
        "capitals corrected rename the group"
    );
    assert_eq!(g.email, "", "an emptied cell clears the field");
    assert_eq!(
        g.other_names,
        ["St Johns"],
        "other names are as the file says"
    );
    assert_eq!(g.phone, "0161 496 0001", "cells left alone stay");
    assert_eq!(g.identifiers.len(), 1);
    assert_eq!(store.get_group(kersal).unwrap().input.website, "");
    let mut after = cells(&export(&store));
    let mut expected = rows.clone();
    set(&mut expected, "Ordsall Youth", "class_reason", "");
    after.sort();
    expected.sort();
    assert_eq!(
        after, expected,
        "the directory now exports what the file said"
    );
    assert_eq!(
        update(&store, &plan(&store, &edited)).unchanged,
        3,
        "importing it again changes nothing"
    );

    let u = store.undo_import(s.import_id.unwrap()).unwrap();
    assert_eq!(u.restored, 2);
    assert_eq!(
        String::from_utf8(export(&store)).unwrap(),
        String::from_utf8(first).unwrap(),
        "undo brings back every cleared field, the other names and the old name"
    );
}

#[test]
fn a_row_whose_id_does_not_agree_or_another_file_keeps_the_cautious_rules() {
    let t = TempDirectory::new();
    let store = t.open();
    let [st_johns, kersal, ordsall] = directory(&store);
    let mut rows = cells(&export(&store));
    set(&mut rows, "ST JOHN'S CENTRE", "email", "");
    set(&mut rows, "ST JOHN'S CENTRE", "name", "St John's Centre");
    // Another directory's id: matched by its number, not its own row.
    set(&mut rows, "St John's Centre", "id", "9999");
    set(&mut rows, "Kersal Tenants", "email", "");
    let kersal_id = rows[0].iter().position(|h| h == "id").unwrap();
    for r in rows.iter_mut().skip(1) {
        if r[1] == "Kersal Tenants" {
            r[kersal_id] = "8888".into();
        }
    }
    let p = plan(&store, &write(&rows));
    assert!(p.round_trip);
    for r in p.rows.iter().filter(|r| r.line.export_id != Some(ordsall)) {
        assert!(
            r.edit.is_none(),
            "row {}: its id does not agree",
            r.line.row
        );
    }
    update(&store, &p);
    let g = store.get_group(st_johns).unwrap().input;
    assert_eq!(
        g.name, "ST JOHN'S CENTRE",
        "an update keeps the group's name"
    );
    assert_eq!(g.email, "office@stjohns.org.uk", "an empty cell is no data");
    assert_eq!(
        g.other_names,
        ["St Johns", "SJC"],
        "capitals only: no other name"
    );
    assert_eq!(
        store.get_group(kersal).unwrap().input.email,
        "kersal@example.org"
    );

    // A file in another format: an empty e-mail is no data, a name only a spelling.
    let other = b"Organisation,Email,Charity No\r\nSt John's Centre,,1110767\r\n";
    let p = plan(&store, other);
    assert!(!p.round_trip);
    assert!(p.rows[0].edit.is_none());
    assert_eq!(update(&store, &p).unchanged, 1);
    assert_eq!(
        store.get_group(st_johns).unwrap().input.email,
        "office@stjohns.org.uk"
    );

    // The export with a column taken out is no longer the export's format.
    let mut rows = cells(&export(&store));
    for r in rows.iter_mut() {
        r.pop();
    }
    let p = plan(&store, &write(&rows));
    assert!(!p.round_trip, "a column missing: not a round trip");
}

#[test]
fn a_round_trip_row_cannot_clear_the_name_or_the_status() {
    let t = TempDirectory::new();
    let store = t.open();
    let [st_johns, kersal, ordsall] = directory(&store);
    let mut rows = cells(&export(&store));
    set(&mut rows, "Kersal Tenants", "status", "");
    set(&mut rows, "ST JOHN'S CENTRE", "name", "");
    set(&mut rows, "Ordsall Youth", "email", "");
    let p = plan(&store, &write(&rows));
    let why: Vec<(usize, String, String)> = p
        .rejected
        .iter()
        .flat_map(|r| {
            r.problems
                .iter()
                .map(move |pr| (r.row, pr.field.clone(), pr.message.clone()))
        })
        .collect();
    assert_eq!(why.len(), 2, "{why:?}");
    assert!(
        why.iter()
            .any(|(_, c, m)| c == "name" && m.contains("name")),
        "{why:?}"
    );
    assert!(
        why.iter()
            .any(|(_, c, m)| c == "status" && m.contains("status cannot be left empty")),
        "{why:?}"
    );
    let s = update(&store, &p);
    assert_eq!((s.updated, s.rejected.len()), (1, 2), "{s}");
    assert_eq!(store.get_group(ordsall).unwrap().input.email, "");
    assert_eq!(
        store.get_group(st_johns).unwrap().input.name,
        "ST JOHN'S CENTRE"
    );
    assert_eq!(
        store.get_group(kersal).unwrap().input.status,
        compactdir_core::domain::group::Status::Active
    );
}

/// The messages of a plan's rejected rows, with their row and column.
fn rejections(p: &ImportPlan) -> Vec<(usize, String, String)> {
    p.rejected
        .iter()
        .flat_map(|r| {
            r.problems
                .iter()
                .map(move |pr| (r.row, pr.field.clone(), pr.message.clone()))
        })
        .collect()
}

#[test]
fn a_row_with_one_groups_id_and_another_groups_number_never_updates_the_other_group() {
    let t = TempDirectory::new();
    let store = t.open();
    let [st_johns, kersal, _] = directory(&store);
    let first = export(&store);
    let mut rows = cells(&first);
    // The charity number was recorded against the wrong group: moved to Kersal's row.
    set(&mut rows, "ST JOHN'S CENTRE", "charity_number", "");
    set(&mut rows, "Kersal Tenants", "charity_number", "1110767");
    set(&mut rows, "Kersal Tenants", "postcode", "M7 3AA");
    let kersal_row = rows.iter().position(|r| r[1] == "Kersal Tenants").unwrap() + 1;
    let edited = write(&rows);

    let p = plan(&store, &edited);
    let why = rejections(&p);
    assert_eq!(why.len(), 1, "{why:?}");
    let (row, column, message) = &why[0];
    assert_eq!((*row, column.as_str()), (kersal_row, "charity_number"));
    assert_eq!(
        message,
        &format!(
            "row {kersal_row}, column charity_number: this row has the id of Kersal Tenants (group {kersal}), \
             but its charity number (England and Wales) 1110767 is St John's Centre's (group {st_johns}). \
             To move a number between groups, take it off St John's Centre first (import the file \
             without it, or edit the group), then import again"
        )
    );
    assert!(p.rows.iter().all(|r| r.line.row != kersal_row));

    let s = update(&store, &p);
    assert_eq!((s.updated, s.rejected.len()), (1, 1), "{s}");
    let g = store.get_group(st_johns).unwrap().input;
    assert_eq!(g.postcode, "M5 3PF", "Kersal's row did not touch St John's");
    assert!(
        g.identifiers.is_empty(),
        "St John's own row took the number off"
    );
    assert!(g.other_names.iter().all(|n| n != "Kersal Tenants"));

    // Imported again, the number is free, and Kersal's row is its own group's.
    let s = update(&store, &plan(&store, &edited));
    assert_eq!(s.updated, 1, "{s}");
    let k = store.get_group(kersal).unwrap().input;
    assert_eq!(k.identifiers.len(), 1);
    assert_eq!(k.postcode, "M7 3AA");
}

#[test]
fn a_row_whose_id_is_another_named_group_is_updated_cautiously_and_says_why() {
    let t = TempDirectory::new();
    let store = t.open();
    let [_, kersal, ordsall] = directory(&store);
    let mut rows = cells(&export(&store));
    let id = rows[0].iter().position(|h| h == "id").unwrap();
    rows.retain(|r| r[1] == "name" || r[1] == "Kersal Tenants");
    rows[1][id] = ordsall.to_string();
    set(&mut rows, "Kersal Tenants", "email", "");
    let p = plan(&store, &write(&rows));
    assert!(p.round_trip && p.rejected.is_empty(), "{:?}", p.rejected);
    let r = &p.rows[0];
    assert!(r.edit.is_none());
    assert_eq!(
        r.cautious.as_deref(),
        Some(
            format!(
                "its id {ordsall} is not this group's ({kersal}): only cells it fills are applied"
            )
            .as_str()
        )
    );
    update(&store, &p);
    assert_eq!(
        store.get_group(kersal).unwrap().input.email,
        "kersal@example.org",
        "cautious: an empty cell is no data"
    );
}

#[test]
fn a_second_row_with_an_earlier_rows_id_is_rejected_and_the_first_stays() {
    let t = TempDirectory::new();
    let store = t.open();
    let [_, kersal, _] = directory(&store);
    let mut rows = cells(&export(&store));
    set(&mut rows, "Kersal Tenants", "email", "");
    let at = rows.iter().position(|r| r[1] == "Kersal Tenants").unwrap();
    let mut copy = rows[at].clone();
    let web = rows[0].iter().position(|h| h == "website").unwrap();
    copy[web] = "https://copy.example.org".into();
    rows.push(copy);
    let (first_row, copy_row) = (at + 1, rows.len());

    let p = plan(&store, &write(&rows));
    assert_eq!(
        rejections(&p),
        [(
            copy_row,
            "id".to_string(),
            format!(
                "row {copy_row}, column id: it has id {kersal}, as row {first_row} has: \
                 a group has one row in its export; keep one of them"
            )
        )]
    );
    let first = p.rows.iter().find(|r| r.line.row == first_row).unwrap();
    assert_eq!(
        first.edit.as_ref().map(Vec::len),
        Some(1),
        "the e-mail cleared"
    );
    update(&store, &p);
    let k = store.get_group(kersal).unwrap().input;
    assert_eq!(
        (k.email.as_str(), k.website.as_str()),
        ("", "https://kersal.example.org")
    );
}
