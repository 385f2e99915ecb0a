//! Importing groups from the spreadsheets a CVS is sent: the real 360Giving and Charity
//! Commission files, every dialect users' files come in, matches and choices, one transaction,
//! undo.

use compactdir_core::domain::group::GroupInput;
use compactdir_core::domain::identifier::Identifier;
use compactdir_core::import::mapping::Mapping;
use compactdir_core::store::{Choice, Choices, ImportPlan, MatchTarget};
use compactdir_core::{CoreError, Store};
use compactdir_tests::{add_group, forum_seat, group, group_names, real_data, TempDirectory};

fn plan(store: &Store, name: &str, bytes: &[u8]) -> ImportPlan {
    let preview = store
        .preview_group_import(bytes)
        .expect("the file previews");
    store
        .plan_group_import(name, bytes, &preview.suggestion.mapping, &mut |_| {})
        .expect("the file is planned")
}

/// Saves a planned import with one choice for every matched row.
fn apply(
    store: &Store,
    p: &ImportPlan,
    on_match: Choice,
) -> compactdir_core::error::Result<compactdir_core::store::ImportSummary> {
    store.apply_group_import(
        p,
        &Choices {
            on_match,
            ..Default::default()
        },
        &mut |_| {},
    )
}

fn import(store: &Store, bytes: &[u8], on_match: Choice) -> compactdir_core::store::ImportSummary {
    let p = plan(store, "file.csv", bytes);
    apply(store, &p, on_match).expect("the import is saved")
}

#[test]
fn the_trafford_grants_file_imports_one_group_per_organisation() {
    let t = TempDirectory::new();
    let store = t.open();
    let bytes = std::fs::read(real_data("360giving_trafford_council_vcs_grants.csv")).unwrap();
    let preview = store.preview_group_import(&bytes).unwrap();
    assert_eq!(preview.suggestion.from.as_deref(), Some("360Giving grants"));
    let mut reports = 0;
    let p = store
        .plan_group_import(
            "grants.csv",
            &bytes,
            &preview.suggestion.mapping,
            &mut |_| reports += 1,
        )
        .unwrap();
    assert!(reports >= 1, "progress is reported");
    assert_eq!(p.read, 555);
    assert_eq!(p.rejected, vec![]);
    // A group with no register number has the funder's own id, named as such in the reason.
    let confidence = p
        .rows
        .iter()
        .filter(|r| r.line.input.name == "Confidence After Cancer")
        .nth(1)
        .expect("Confidence After Cancer has several grants");
    assert_eq!(
        confidence.matched.as_ref().unwrap().reason,
        format!(
            "same 360G-TRAFFORD identifier confidence_after_cancer as row {} of this file",
            p.rows
                .iter()
                .find(|r| r.line.input.name == "Confidence After Cancer")
                .unwrap()
                .line
                .row
        )
    );
    // G Force, G- Force and G-Force share charity number 1110767: one group.
    let g_force: Vec<_> = p
        .rows
        .iter()
        .filter(|r| {
            r.line
                .input
                .identifiers
                .iter()
                .any(|i| i.value == "1110767")
        })
        .collect();
    assert!(g_force.len() >= 3);
    assert!(g_force[1..]
        .iter()
        .all(|r| r.matched.as_ref().unwrap().target
            == MatchTarget::Row {
                row: g_force[0].line.row
            }));
    let s = store
        .apply_group_import(&p, &Choices::default(), &mut |_| {})
        .unwrap();
    // Footlights is two companies (06447020 and 07363900): two groups.
    assert_eq!((s.read, s.added, s.updated, s.skipped), (555, 323, 0, 232));
    let blue = store
        .list_groups()
        .unwrap()
        .into_iter()
        .find(|g| g.name == "Bluesci" || g.name == "Blue Sci CIC")
        .expect("Blue Sci is in");
    let blue = store.get_group(blue.id).unwrap().input;
    assert!(
        blue.identifiers
            .iter()
            .any(|i| i.scheme == "GB-COH" && i.value == "09901361"),
        "the company number keeps its leading zero: {:?}",
        blue.identifiers
    );
    assert_eq!(
        group_names(&store)
            .iter()
            .filter(|n| n.contains("Force"))
            .count(),
        1
    );
}

#[test]
fn the_charity_register_joins_the_grants_by_charity_number_and_rejects_a_bad_postcode() {
    let t = TempDirectory::new();
    let store = t.open();
    import(
        &store,
        &std::fs::read(real_data("360giving_trafford_council_vcs_grants.csv")).unwrap(),
        Choice::Skip,
    );
    let bytes = std::fs::read(real_data(
        "ccew_charities_operating_in_trafford_2021-05-27.csv",
    ))
    .unwrap();
    let p = plan(&store, "register.csv", &bytes);
    assert_eq!(p.read, 736);
    assert_eq!(p.rejected.len(), 1);
    assert_eq!(
        p.rejected[0].problems[0].message,
        "row 35, column charity_contact_postcode: WA15 OHF is not a UK postcode (is WA15 0HF \
         meant? A postcode has the number 0 there, not the letter O)"
    );
    let age_uk = p
        .rows
        .iter()
        .find(|r| {
            r.line
                .input
                .identifiers
                .iter()
                .any(|i| i.value == "1109047")
        })
        .unwrap();
    assert_eq!(
        age_uk.matched.as_ref().unwrap().reason,
        "same charity number (England and Wales) 1109047"
    );
    let cheshire = p
        .rows
        .iter()
        .find(|r| r.line.input.name == "THE CHESHIRE WILDLIFE TRUST LIMITED")
        .expect("stored as the register wrote it");
    assert_eq!(cheshire.shown_name, "The Cheshire Wildlife Trust Limited");
    assert_eq!(cheshire.line.input.identifiers[1].value, "00738693");
    assert_eq!(cheshire.line.input.email, "", "REDACTED and NA are empty");
    let s = apply(&store, &p, Choice::Update).unwrap();
    assert_eq!(
        (s.added, s.updated, s.skipped, s.rejected.len()),
        (694, 41, 0, 1),
        "the second Hale and District Hebrew Congregation and Urmston Musical Theatre are added"
    );
    let age = store
        .get_group(match age_uk.matched.as_ref().unwrap().target {
            MatchTarget::Group { id } => id,
            _ => unreachable!(),
        })
        .unwrap()
        .input;
    assert_eq!(age.name, "Age UK Trafford", "an update keeps the name");
    assert!(
        !age.other_names.contains(&"AGE UK TRAFFORD".to_string()),
        "the register's capitals are the same name: {:?}",
        age.other_names
    );
}

/// One group in every dialect: the same rows must come out of each.
#[test]
fn every_dialect_reads_the_same_rows() {
    let utf8 = "Organisation,Post code,Charity No,Notes,\r\n\"St John’s Centre\",M16 7GX,1123456,\"two\nlines\",\r\nCafé\u{a0}Club,N/A,0,—,\n";
    let mut windows = Vec::new();
    for c in utf8.chars() {
        windows.push(match c {
            '’' => 0x92,
            'é' => 0xE9,
            '\u{a0}' => 0xA0,
            '—' => 0x97,
            c => c as u8,
        });
    }
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("utf-8", utf8.as_bytes().to_vec()),
        (
            "utf-8 with BOM",
            [b"\xEF\xBB\xBF".as_slice(), utf8.as_bytes()].concat(),
        ),
        ("windows-1252", windows),
        ("semicolons", utf8.replace(',', ";").into_bytes()),
        ("tabs", utf8.replace(',', "\t").into_bytes()),
        ("CR line ends", utf8.replace("\r\n", "\r").into_bytes()),
    ];
    // UTF-16 as Excel's "Unicode text" saves it (a mark, little-endian), and as other tools do:
    // without the mark, or big-endian.
    let le: Vec<u8> = utf8.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = utf8.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let files = files.into_iter().chain([
        ("utf-16 LE with mark", [&b"\xFF\xFE"[..], &le].concat()),
        ("utf-16 LE without mark", le),
        ("utf-16 BE with mark", [&b"\xFE\xFF"[..], &be].concat()),
        ("utf-16 BE without mark", be),
    ]);
    for (what, bytes) in files {
        let t = TempDirectory::new();
        let store = t.open();
        let dir = t.dir.path().join("f.csv");
        std::fs::write(&dir, &bytes).unwrap();
        let p = plan(&store, what, &std::fs::read(&dir).unwrap());
        let names: Vec<&str> = p.rows.iter().map(|r| r.line.input.name.as_str()).collect();
        assert_eq!(names, ["St John’s Centre"], "{what}");
        assert_eq!(p.rows[0].line.input.postcode, "M16 7GX", "{what}");
        assert_eq!(p.rejected.len(), 1, "{what}: the 0 charity number");
        assert_eq!(
            p.rejected[0].row, 3,
            "{what}: the line break inside a cell is not a row"
        );
        assert_eq!(
            p.rejected[0].cells[0], "Café Club",
            "{what}: the non-breaking space is a space"
        );
        assert_eq!(p.rejected[0].cells[1], "", "{what}: N/A is empty");
        assert_eq!(
            p.headers[4], "column 5",
            "{what}: the trailing comma's column"
        );
    }
}

/// A real register extract saved as UTF-16 without a byte-order mark reads as the original does.
#[test]
fn a_real_file_saved_as_utf16_without_a_mark_reads_as_its_utf8_original() {
    let original = std::fs::read(real_data(
        "ccew_charities_operating_in_trafford_2021-05-27.csv",
    ))
    .unwrap();
    let text = String::from_utf8(original.clone()).expect("the extract is UTF-8");
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let t = TempDirectory::new();
    let store = t.open();
    let a = plan(&store, "register.csv", &original);
    let b = plan(&store, "register.csv", &utf16);
    assert_eq!(b.dialect.encoding.label(), "UTF-16 (Excel Unicode text)");
    assert!(a.rows.len() > 500, "{}", a.rows.len());
    assert_eq!(b.headers, a.headers);
    assert_eq!(b.read, a.read);
    let inputs = |p: &ImportPlan| -> Vec<GroupInput> {
        p.rows.iter().map(|r| r.line.input.clone()).collect()
    };
    assert_eq!(inputs(&b), inputs(&a));
    assert_eq!(b.rejected, a.rejected);
}

#[test]
fn a_failed_import_leaves_the_file_byte_for_byte() {
    let t = TempDirectory::new();
    {
        let store = t.open();
        store
            .save_group(with_number("Ordsall Tenants", "GB-CHC", "1123456", ""))
            .unwrap();
        store
            .save_group(with_number("Weaste Club", "GB-COH", "00012345", ""))
            .unwrap();
    }
    let before = std::fs::read(&t.path).unwrap();
    {
        let store = t.open();
        let bytes = b"name,charity number,company number\n\
                      Brand New Group,1000001,\n\
                      Ordsall Tenants Assoc,1123456,00012345\n";
        let p = plan(&store, "f.csv", bytes);
        // Updating Ordsall Tenants with the Weaste Club's company number cannot be saved, and an
        // update is not refused on its own: nothing is saved, Brand New Group neither.
        let err = apply(&store, &p, Choice::Update).unwrap_err();
        assert!(matches!(err, CoreError::Invalid(_)), "{err}");
        assert!(err.to_string().contains("row 3"), "{err}");
        assert!(err.to_string().contains("Weaste Club"), "{err}");
        assert_eq!(group_names(&store), ["Ordsall Tenants", "Weaste Club"]);
    }
    assert_eq!(std::fs::read(&t.path).unwrap(), before);
}

/// "new" for a row with a number that is already a group's cannot make a second group with it:
/// that row is refused, named by row and column, and says whose the number is (an earlier row of
/// the file by its row, a group of the directory by its name and id); the other rows go in.
#[test]
fn new_for_a_row_whose_number_is_taken_refuses_that_row_and_imports_the_rest() {
    let t = TempDirectory::new();
    let store = t.open();
    let bytes = std::fs::read(real_data("360giving_trafford_council_vcs_grants.csv")).unwrap();
    let s = import(&store, &bytes, Choice::New);
    assert!(s.added > 300, "{s}");
    assert!(s.import_id.is_some());
    assert!(!s.rejected.is_empty(), "rows repeating a number");
    assert_eq!(s.read, s.added + s.rejected.len(), "{s}");
    let messages: Vec<&str> = s
        .rejected
        .iter()
        .flat_map(|r| r.problems.iter().map(|p| p.message.as_str()))
        .collect();
    // Simply Cycling, charity 1143362, has grants on rows 16, 37 and more.
    assert!(
        messages.contains(
            &"row 37, column Recipient Org:Charity Number: charity number (England and Wales) \
              1143362 is already on row 16 of this file, and two groups cannot share a number: \
              import this row as an update of that row's group, or skip it"
        ),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .all(|m| m.contains("is already on row") && !m.contains("(group ")),
        "an earlier row is named as a row, never by a group id: {messages:#?}"
    );
    let row_37 = s.rejected.iter().find(|r| r.row == 37).unwrap();
    assert_eq!(
        row_37.cells[13], "Simply Cycling",
        "its cells, for the rejected-rows file"
    );
    assert_eq!(
        group_names(&store)
            .iter()
            .filter(|n| *n == "Simply Cycling")
            .count(),
        1
    );

    // Again: every number is now a group's in the directory, named with its id.
    let simply = store
        .list_groups()
        .unwrap()
        .into_iter()
        .find(|g| g.name == "Simply Cycling")
        .unwrap()
        .id;
    let p = plan(&store, "grants.csv", &bytes);
    let again = apply(&store, &p, Choice::New).unwrap();
    assert_eq!(again.import_id, None, "nothing new: {again}");
    let row_16 = again.rejected.iter().find(|r| r.row == 16).unwrap();
    assert_eq!(
        row_16.problems[0].message,
        format!(
            "row 16, column Recipient Org:Charity Number: charity number (England and Wales) \
             1143362 already belongs to Simply Cycling (group {simply}), and two groups cannot \
             share a number: import this row as an update of that group, or skip it"
        )
    );
}

#[test]
fn matches_are_by_number_name_or_close_name_in_the_same_postcode_and_undo_takes_all_back() {
    let t = TempDirectory::new();
    let store = t.open();
    let mut g = group("Langworthy Allotment Society");
    g.postcode = "M6 5JA".into();
    let allotments = store.save_group(g).unwrap().input.id.unwrap();
    let bytes = "name,postcode,activities\n\
                 Langworthy Allotments Society,M6 5JA,Growing food\n\
                 Langworthy Allotments Society,M5 3PF,\n\
                 Pendleton Youth Club,M6 5JA,\n";
    let p = plan(&store, "f.csv", bytes.as_bytes());
    let m = p.rows[0]
        .matched
        .as_ref()
        .expect("a close name in the same postcode");
    assert_eq!(m.target, MatchTarget::Group { id: allotments });
    assert!(
        m.reason.ends_with("alike and same postcode M6 5JA"),
        "{}",
        m.reason
    );
    // Changed with the rule that a name alone never matches across places (review D2): at
    // another postcode the same name is neither the directory's group nor row 2's group.
    assert_eq!(
        p.rows[1].matched, None,
        "elsewhere it is not the directory's group, nor row 2's"
    );
    assert_eq!(p.rows[2].matched, None);
    let mut choices = Choices {
        on_match: Choice::Update,
        ..Default::default()
    };
    choices.rows.insert(3, Choice::New);
    let s = store.apply_group_import(&p, &choices, &mut |_| {}).unwrap();
    assert_eq!((s.added, s.updated), (2, 1));
    assert_eq!(
        store.get_group(allotments).unwrap().input.activities,
        "Growing food"
    );
    assert_eq!(store.list_groups().unwrap().len(), 3);

    let u = store.undo_import(s.import_id.unwrap()).unwrap();
    assert_eq!((u.removed, u.restored), (2, 1));
    assert_eq!(group_names(&store), ["Langworthy Allotment Society"]);
    assert_eq!(store.get_group(allotments).unwrap().input.activities, "");
    let again = store.undo_import(s.import_id.unwrap()).unwrap_err();
    assert!(again.to_string().contains("already undone"), "{again}");
}

#[test]
fn a_group_added_and_then_updated_by_one_long_file_is_whole_and_undone_in_one_step() {
    // Longer than one batch of new groups, so rows are written in several statements and the
    // update at the end reads a group queued long before it.
    let t = TempDirectory::new();
    let store = t.open();
    let before = group_names(&store).len();
    let mut bytes = String::from("name,charity number,other names,postcode,activities\n");
    for i in 0..150 {
        bytes.push_str(&format!(
            "Ordsall Group {i},{},Ordsall G{i},M5 3PF,\n",
            1_100_000 + i
        ));
    }
    bytes.push_str("Ordsall Group 7,,,,Meets on Tuesdays\n");
    let s = import(&store, bytes.as_bytes(), Choice::Update);
    assert_eq!((s.added, s.updated), (150, 1));
    let id = store
        .list_groups()
        .unwrap()
        .into_iter()
        .find(|r| r.name == "Ordsall Group 7")
        .expect("the group was added")
        .id;
    let g = store.get_group(id).unwrap();
    assert_eq!(g.input.activities, "Meets on Tuesdays");
    assert_eq!(g.input.other_names, ["Ordsall G7"]);
    assert_eq!(g.input.identifiers[0].value, "1100007");
    assert_eq!(g.history.len(), 1, "its history begins with being added");
    assert_eq!(g.history[0].at, g.created_at);
    let stored: i64 = rusqlite::Connection::open(&t.path)
        .unwrap()
        .query_row("SELECT count(*) FROM class_history", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0, "groups added unclassified store no history line");

    let u = store.undo_import(s.import_id.unwrap()).unwrap();
    assert_eq!(
        u.removed, 150,
        "the update of a group it added is no change since"
    );
    assert_eq!(group_names(&store).len(), before);
}

/// The groups an import adds are recorded as one range of ids, not a row each: undo still
/// removes them all, and still refuses while one has been changed, seated or merged away since.
#[test]
fn undo_of_added_groups_is_refused_while_one_was_changed_seated_or_merged_away() {
    use compactdir_core::store::{AppointmentInput, MergeChoices};
    let t = TempDirectory::new();
    let store = t.open();
    let older = add_group(&store, "Weaste Allotment Society");
    let s = import(
        &store,
        b"name,charity number\n\
          Weaste Allotments,1100001\n\
          Seedley Youth Club,1100002\n\
          Claremont Singers,1100003\n\
          Irlams Bowls Club,1100004\n",
        Choice::New,
    );
    assert_eq!(s.added, 4);
    let import_id = s.import_id.unwrap();
    let c = rusqlite::Connection::open(&t.path).unwrap();
    let (rows, span): (i64, i64) = c
        .query_row(
            "SELECT (SELECT count(*) FROM import_changes WHERE import_id = ?1),
                    (SELECT added_to - added_from + 1 FROM imports WHERE id = ?1)",
            [import_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((rows, span), (0, 4), "one range, no row per group");
    let id_of = |name: &str| {
        store
            .list_groups()
            .unwrap()
            .into_iter()
            .find(|r| r.name == name)
            .unwrap()
            .id
    };

    // Times are kept to the second: an edit in the import's own second would look unchanged.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let mut youth = store.get_group(id_of("Seedley Youth Club")).unwrap().input;
    youth.phone = "0161 000 0000".into();
    store.save_group(youth).unwrap();
    let seat = forum_seat(&store, "Salford Forum", "Arts seat");
    store
        .appoint(AppointmentInput {
            seat_id: seat,
            new_person: "Amina Yusuf".into(),
            group_id: Some(id_of("Claremont Singers")),
            term_start: "2026-01-15".into(),
            selection: "open_election".into(),
            openly_selected: true,
            ..Default::default()
        })
        .unwrap();
    let weaste = id_of("Weaste Allotments");
    let merge = store
        .merge_groups(older, weaste, &MergeChoices::default())
        .unwrap()
        .merge_id;
    let count = store.list_groups().unwrap().len();

    let err = store.undo_import(import_id).unwrap_err().to_string();
    // A group merged away is named, with the group it went into and the merge to undo first;
    // it was not "removed".
    for why in [
        "Seedley Youth Club was changed after the import",
        "Claremont Singers now has a representative on a seat",
        &format!("Weaste Allotments (group {weaste}) was merged into Weaste Allotment Society (group {older}) by merge {merge}"),
        &format!("Undo merge {merge} first."),
    ] {
        assert!(err.contains(why), "{why:?} in {err}");
    }
    assert!(!err.contains("removed"), "{err}");
    // When it was changed, in the long UK style, not "2026-11-24T15:14:03Z".
    let on = err
        .split("changed after the import (on ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap_or_default();
    assert!(on.ends_with(" UTC") && !on.contains('-'), "{err}");
    assert!(
        !err.contains("Irlams"),
        "the untouched group is not named: {err}"
    );
    assert_eq!(
        store.list_groups().unwrap().len(),
        count,
        "nothing was undone"
    );

    // A later import left alone is undone whole, its numbers with it.
    let s = import(
        &store,
        b"name,charity number\nPendleton Choir,1100005\nOrdsall Walkers,1100006\n",
        Choice::New,
    );
    let u = store.undo_import(s.import_id.unwrap()).unwrap();
    assert_eq!((u.removed, u.restored), (2, 0));
    assert_eq!(store.list_groups().unwrap().len(), count);
    let numbers: i64 = c
        .query_row(
            "SELECT count(*) FROM group_identifiers WHERE value IN ('1100005', '1100006')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(numbers, 0);
}

#[test]
fn in_a_long_file_a_name_seen_before_is_matched_to_its_first_row() {
    // Long enough for names to be keyed on several threads: each must stay with its own row.
    let t = TempDirectory::new();
    let store = t.open();
    let mut bytes = String::from("name\n");
    for i in 0..3_000 {
        bytes.push_str(&format!("Weaste Group {i}\n"));
    }
    bytes.push_str("WEASTE GROUP 10\n");
    let p = plan(&store, "long.csv", bytes.as_bytes());
    assert_eq!(p.rows.len(), 3_001);
    let last = p.rows.last().unwrap();
    assert_eq!(last.shown_name, "Weaste Group 10", "shown in title case");
    let m = last
        .matched
        .as_ref()
        .expect("the same name earlier in the file");
    assert_eq!(m.target, MatchTarget::Row { row: 12 });
    assert_eq!(m.reason, "same name as row 12 of this file");
    assert!(p.rows[..3_000].iter().all(|r| r.matched.is_none()));
    assert_eq!(p.rows[2_999].shown_name, "Weaste Group 2999");
}

#[test]
fn a_mapping_saved_by_name_is_suggested_for_the_next_file_like_it() {
    let t = TempDirectory::new();
    let store = t.open();
    let bytes = b"Club,Where\nSalford Lads Club,M5 4BE\n";
    let preview = store.preview_group_import(bytes).unwrap();
    assert_eq!(preview.suggestion.from, None);
    let mut m: Mapping = preview.suggestion.mapping.clone();
    m.columns
        .push(compactdir_core::import::mapping::ColumnField {
            column: "Where".into(),
            field: compactdir_core::import::mapping::Field::Postcode,
        });
    store.save_mapping("Sports clubs list", &m).unwrap();
    let next = store.preview_group_import(bytes).unwrap();
    assert_eq!(next.suggestion.from.as_deref(), Some("Sports clubs list"));
    assert_eq!(store.mapping_named("sports clubs list").unwrap(), m);
    assert!(store.save_mapping("360Giving grants", &m).is_err());
}

/// The grants file spells some groups' names in two ways that differ only in capitals or
/// spacing: an update does not keep the second spelling as another name.
#[test]
fn an_update_adds_no_other_name_that_differs_only_in_case_or_spacing() {
    let t = TempDirectory::new();
    let store = t.open();
    let s = import(
        &store,
        &std::fs::read(real_data("360giving_trafford_council_vcs_grants.csv")).unwrap(),
        Choice::Update,
    );
    assert!(s.updated > 0, "{s}");
    for name in ["Friends of John Leigh Park", "Trafford Hongkongers"] {
        let id = store
            .list_groups()
            .unwrap()
            .into_iter()
            .find(|g| g.name == name)
            .unwrap_or_else(|| panic!("{name} is in"))
            .id;
        let g = store.get_group(id).unwrap().input;
        let lower = |n: &str| n.to_lowercase().replace(' ', "");
        assert!(
            g.other_names.iter().all(|n| lower(n) != lower(name)),
            "{name}: {:?}",
            g.other_names
        );
    }
}

fn with_number(name: &str, scheme: &str, value: &str, postcode: &str) -> GroupInput {
    let mut g = group(name);
    g.identifiers = vec![Identifier {
        scheme: scheme.into(),
        value: value.into(),
    }];
    g.postcode = postcode.into();
    g
}

fn target(p: &ImportPlan, row: usize) -> Option<MatchTarget> {
    let r = p.rows.iter().find(|r| r.line.row == row).expect("the row");
    r.matched.as_ref().map(|m| m.target.clone())
}

/// Two groups with numbers on the same register, and different numbers, are two groups whatever
/// their names: no match by name or close name, with the directory or an earlier row, nor with
/// what an earlier row matched to a group will bring it.
#[test]
fn a_name_never_matches_a_group_or_row_with_a_different_number_on_the_same_register() {
    let t = TempDirectory::new();
    let store = t.open();
    let bowls = store
        .save_group(with_number(
            "Weaste Bowls Club",
            "GB-CHC",
            "1100001",
            "M6 5JA",
        ))
        .unwrap()
        .input
        .id
        .unwrap();
    let allotments = store
        .save_group(with_number(
            "Langworthy Allotment Society",
            "GB-CHC",
            "1100010",
            "M6 5JA",
        ))
        .unwrap()
        .input
        .id
        .unwrap();
    let p = plan(
        &store,
        "f.csv",
        b"name,charity number,company number,postcode\n\
          Weaste Bowls Club,1100002,,\n\
          WEASTE BOWLS CLUB LTD,1100002,,\n\
          Weaste Bowls Club,,,\n\
          Weaste Bowls Club,,01234567,\n\
          Weaste Bowls Club,1100003,,\n\
          Langworthy Allotments Society,1100011,,M6 5JA\n\
          Kersal Choir,,,\n\
          Kersal Choir,1100020,,\n\
          Kersal Choir,1100021,,\n\
          Kersal Choir,1100021,,\n",
    );
    let g = |id| Some(MatchTarget::Group { id });
    let r = |row| Some(MatchTarget::Row { row });
    assert_eq!(target(&p, 2), None, "1100002 is not the club's 1100001");
    assert_eq!(target(&p, 3), r(2), "the same number");
    assert_eq!(target(&p, 4), g(bowls), "no number to tell them apart");
    assert_eq!(
        target(&p, 5),
        g(bowls),
        "a company number is another register"
    );
    assert_eq!(
        target(&p, 6),
        None,
        "not the club (1100001), row 2 (1100002), nor rows 4 and 5 (now the club)"
    );
    assert_eq!(target(&p, 7), None, "a close name, but another charity");
    assert_eq!(target(&p, 9), r(8), "row 8 has no number");
    assert_eq!(
        target(&p, 10),
        None,
        "row 8's group gains 1100020 from row 9: 1100021 is another charity"
    );
    assert_eq!(target(&p, 11), r(10));

    let s = apply(&store, &p, Choice::Update).unwrap();
    assert_eq!(s.added, 5, "{s}");
    let numbers = |id| {
        let mut n: Vec<String> = store
            .get_group(id)
            .unwrap()
            .input
            .identifiers
            .into_iter()
            .map(|i| i.value)
            .collect();
        n.sort();
        n
    };
    assert_eq!(numbers(bowls), ["01234567", "1100001"]);
    assert_eq!(numbers(allotments), ["1100010"]);
}

/// The Charity Commission register has two charities called Hale and District Hebrew
/// Congregation (506820 and 1180143) and two called Urmston Musical Theatre (1119510 and
/// 1199397): each is a group of its own, with its own number and postcode.
#[test]
fn the_registers_same_name_charities_are_added_as_separate_groups() {
    for on_match in [Choice::Skip, Choice::Update] {
        let t = TempDirectory::new();
        let store = t.open();
        let bytes = std::fs::read(real_data(
            "ccew_charities_operating_in_trafford_2021-05-27.csv",
        ))
        .unwrap();
        let p = plan(&store, "register.csv", &bytes);
        let row_of = |number: &str| {
            p.rows
                .iter()
                .find(|r| r.line.input.identifiers.iter().any(|i| i.value == number))
                .unwrap()
        };
        for number in ["1180143", "1199397"] {
            assert_eq!(row_of(number).matched, None, "{number}");
        }
        let s = apply(&store, &p, on_match).unwrap();
        assert!(s.added > 700, "{s}");
        let groups = store.list_groups().unwrap();
        for (a, b) in [("506820", "1180143"), ("1119510", "1199397")] {
            let holder = |number: &str| {
                groups
                    .iter()
                    .map(|g| store.get_group(g.id).unwrap().input)
                    .find(|g| g.identifiers.iter().any(|i| i.value == number))
                    .unwrap_or_else(|| panic!("{number} was added"))
            };
            let (ga, gb) = (holder(a), holder(b));
            assert_ne!(ga.id, gb.id, "{a} and {b} are two groups");
            for (g, number) in [(&ga, a), (&gb, b)] {
                let charity: Vec<&str> = g
                    .identifiers
                    .iter()
                    .filter(|i| i.scheme == "GB-CHC")
                    .map(|i| i.value.as_str())
                    .collect();
                assert_eq!(charity, [number], "{}", g.name);
            }
            assert_eq!(
                holder(a).postcode,
                row_of(a).line.input.postcode,
                "{a} keeps its own postcode"
            );
        }
    }
}

/// Rows of a groups export with different ids are different groups by the exporter's own
/// statement: never matched to each other by name. They may still match a group of the
/// directory, but not one an earlier row with another id matched; the same number on two rows is
/// still a match.
#[test]
fn export_rows_with_different_ids_are_never_matched_to_each_other_by_name() {
    use compactdir_core::import::mapping::{ColumnField, Field};
    let mapping = Mapping {
        columns: [
            ("id", Field::ExportId),
            ("name", Field::Name),
            ("charity_number", Field::CharityNumber),
            ("postcode", Field::Postcode),
        ]
        .into_iter()
        .map(|(column, field)| ColumnField {
            column: column.into(),
            field,
        })
        .collect(),
    };
    let plan = |store: &Store, bytes: &[u8]| {
        store
            .plan_group_import("groups.csv", bytes, &mapping, &mut |_| {})
            .unwrap()
    };
    let t = TempDirectory::new();
    let store = t.open();
    let p = plan(
        &store,
        b"id,name,charity_number,postcode\n\
          46,Little Hulton Tenants and Residents Association,,M38 0AA\n\
          47,Little Hulton Tenants and Residents Association,,M38 9ZZ\n\
          48,Walkden Walkers,1100030,\n\
          49,Walkden Walking Group,1100030,\n\
          ,Little Hulton Tenants and Residents Association,,\n",
    );
    assert_eq!(target(&p, 3), None, "ids 46 and 47 are two groups");
    assert_eq!(
        target(&p, 5),
        Some(MatchTarget::Row { row: 4 }),
        "one number"
    );
    assert_eq!(
        target(&p, 6),
        Some(MatchTarget::Row { row: 2 }),
        "a row without an id is matched by name"
    );
    let s = import(&store, b"name\nWeaste Carers\n", Choice::New);
    assert_eq!(s.added, 1);
    let carers = store.list_groups().unwrap()[0].id;
    let p = plan(
        &store,
        b"id,name,charity_number,postcode\n1,Weaste Carers,,\n2,Weaste Carers,,\n",
    );
    assert_eq!(target(&p, 2), Some(MatchTarget::Group { id: carers }));
    assert_eq!(target(&p, 3), None, "the group is row 2's");
}

/// The demo directory exported and imported into a fresh file comes back whole: its same-name
/// groups (a tenants' association in two places) are two groups there, so two groups here.
#[test]
fn the_demo_exported_and_imported_into_a_fresh_file_adds_every_group() {
    let a = TempDirectory::new();
    let mut demo = a.open();
    let counts = demo.load_demo().unwrap();
    let mut csv = Vec::new();
    demo.export_groups(&mut csv, "groups.csv").unwrap();
    let b = TempDirectory::new();
    let store = b.open();
    let p = plan(&store, "groups.csv", &csv);
    assert_eq!(p.rejected, vec![]);
    let matched: Vec<String> = p
        .rows
        .iter()
        .filter_map(|r| {
            r.matched
                .as_ref()
                .map(|m| format!("row {}: {}", r.line.row, m.reason))
        })
        .collect();
    assert_eq!(matched, Vec::<String>::new());
    let s = store
        .apply_group_import(&p, &Choices::default(), &mut |_| {})
        .unwrap();
    assert_eq!((s.added, s.skipped), (counts.groups, 0), "{s}");
    assert_eq!(store.list_groups().unwrap().len(), counts.groups);
}

/// The Charity Commission register imported again with "update" changes nothing, and says so:
/// its rows are counted unchanged, not updated, and no group's updated time moves (so an earlier
/// import can still be undone). A copy with two postcodes changed updates just those two groups,
/// and undoing that import puts the two postcodes back.
#[test]
fn a_file_imported_again_counts_only_the_groups_it_changed_as_updated() {
    let t = TempDirectory::new();
    let store = t.open();
    let bytes = std::fs::read(real_data(
        "ccew_charities_operating_in_trafford_2021-05-27.csv",
    ))
    .unwrap();
    let first = import(&store, &bytes, Choice::Update);
    assert_eq!(first.rejected.len(), 1);
    let groups = store.list_groups().unwrap().len();
    let stamps = |store: &Store| -> Vec<String> {
        store
            .list_groups()
            .unwrap()
            .iter()
            .map(|g| store.get_group(g.id).unwrap().updated_at)
            .collect()
    };
    let before = stamps(&store);

    let p = plan(&store, "register.csv", &bytes);
    let again = apply(&store, &p, Choice::Update).unwrap();
    assert_eq!(
        (again.added, again.updated, again.unchanged, again.skipped),
        (0, 0, 735, 0),
        "{again}"
    );
    assert_eq!(again.import_id, None, "nothing to undo");
    assert!(
        again.to_string().contains("0 updated, 735 unchanged"),
        "{again}"
    );
    assert_eq!(stamps(&store), before, "no group was saved");
    assert_eq!(store.list_groups().unwrap().len(), groups);
    // The first import is whole again to be undone: the second changed nothing.
    let u = store.undo_import(first.import_id.unwrap()).unwrap();
    assert_eq!(u.removed, groups);
    assert!(store.list_groups().unwrap().is_empty());

    // Then, in a directory of its own holding the register again (undoing an update is itself a
    // change of the group, to the second, so it would hold up undoing the first import here).
    let t = TempDirectory::new();
    let store = t.open();
    import(&store, &bytes, Choice::Update);

    // Two rows with a new postcode: the Cheshire Wildlife Trust and Age UK Trafford.
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    let postcode = headers
        .iter()
        .position(|h| h == "charity_contact_postcode")
        .unwrap();
    let number = headers
        .iter()
        .position(|h| h == "registered_charity_number")
        .unwrap();
    let mut changed = csv::Writer::from_writer(Vec::new());
    changed.write_record(&headers).unwrap();
    let mut old_postcodes = Vec::new();
    for record in reader.records() {
        let mut cells: Vec<String> = record.unwrap().iter().map(String::from).collect();
        if ["1109047", "214927"].contains(&cells[number].as_str()) {
            old_postcodes.push((cells[number].clone(), cells[postcode].clone()));
            cells[postcode] = "M5 3PF".into();
        }
        changed.write_record(&cells).unwrap();
    }
    assert_eq!(old_postcodes.len(), 2);
    let changed = changed.into_inner().unwrap();
    let s = import(&store, &changed, Choice::Update);
    assert_eq!((s.added, s.updated, s.unchanged), (0, 2, 733), "{s}");
    // The list of earlier imports counts the unchanged rows too, so its figures add up to the
    // rows read (staff read "0 added, 2 updated, 0 skipped, 1 rejected" of a file of 736 rows).
    assert_eq!(
        store.earlier_imports().unwrap()[0].what,
        "736 rows read: 0 groups added, 2 updated, 733 unchanged, 0 skipped, 1 rejected"
    );
    let postcode_of = |number: &str| {
        store
            .list_groups()
            .unwrap()
            .iter()
            .map(|g| store.get_group(g.id).unwrap().input)
            .find(|g| g.identifiers.iter().any(|i| i.value == number))
            .unwrap()
            .postcode
    };
    assert_eq!(postcode_of("1109047"), "M5 3PF");

    let u = store.undo_import(s.import_id.unwrap()).unwrap();
    assert_eq!((u.removed, u.restored), (0, 2));
    for (number, old) in old_postcodes {
        assert_eq!(postcode_of(&number), old, "{number}");
    }
}

/// A row chosen to update the group of an earlier row that is refused when saved (chosen as new,
/// with a number another group has) has no group to update: it is refused too, naming that row,
/// not added as a group of its own.
#[test]
fn a_row_updating_a_refused_rows_group_is_refused_too_not_added() {
    let t = TempDirectory::new();
    let store = t.open();
    import(
        &store,
        b"Organisation,Charity No\r\nTrafford Carers Centre,1123456\r\n",
        Choice::New,
    );
    let p = plan(
        &store,
        "carers.csv",
        b"Organisation,Charity No\r\nCarers Trafford,1123456\r\nCarers Trafford,\r\n",
    );
    assert!(
        matches!(
            p.rows[1].matched.as_ref().map(|m| &m.target),
            Some(MatchTarget::Row { row: 2 })
        ),
        "row 3 matches row 2 by name: {:?}",
        p.rows[1].matched
    );
    let s = store
        .apply_group_import(
            &p,
            &Choices {
                on_match: Choice::Update,
                rows: [(2, Choice::New)].into_iter().collect(),
            },
            &mut |_| {},
        )
        .unwrap();
    assert_eq!((s.added, s.updated), (0, 0), "{s}");
    let reasons: Vec<(usize, &str)> = s
        .rejected
        .iter()
        .map(|r| (r.row, r.problems[0].message.as_str()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons[0].0 == 2
            && reasons[0]
                .1
                .contains("already belongs to Trafford Carers Centre")
    );
    assert_eq!(
        reasons[1],
        (
            3,
            "row 3, column Organisation: it matches row 2, which was not imported: import or skip the two rows together"
        )
    );
    assert_eq!(
        store.list_groups().unwrap().len(),
        1,
        "no second Carers group"
    );
}

/// Two groups of the directory with one name and no numbers, exported and imported back with
/// "update": each row updates its own group (the row's id is that group's), not both the first.
#[test]
fn same_name_groups_exported_and_imported_back_each_update_their_own_group() {
    let t = TempDirectory::new();
    let store = t.open();
    let add = |phone: &str| {
        let mut g = group("Friends of Longford Park");
        g.phone = phone.into();
        store.save_group(g).unwrap().input.id.unwrap()
    };
    let (a, b) = (add("0161 100 0001"), add("0161 100 0002"));
    let mut csv = Vec::new();
    store.export_groups(&mut csv, "groups.csv").unwrap();
    let csv = String::from_utf8(csv)
        .unwrap()
        .replace("0161 100 0001", "0161 100 1111")
        .replace("0161 100 0002", "0161 100 2222");
    let p = plan(&store, "groups.csv", csv.as_bytes());
    let reasons: Vec<(MatchTarget, &str)> = p
        .rows
        .iter()
        .map(|r| {
            let m = r.matched.as_ref().unwrap();
            (m.target.clone(), m.reason.as_str())
        })
        .collect();
    assert_eq!(
        reasons,
        [
            (
                MatchTarget::Group { id: a },
                format!("same name and id {a} (2 groups have the name)").as_str()
            ),
            (
                MatchTarget::Group { id: b },
                format!("same name and id {b} (2 groups have the name)").as_str()
            ),
        ]
    );
    let s = apply(&store, &p, Choice::Update).unwrap();
    assert_eq!((s.added, s.updated), (0, 2), "{s}");
    let phone = |id| store.get_group(id).unwrap().input.phone;
    assert_eq!(
        (phone(a), phone(b)),
        ("0161 100 1111".into(), "0161 100 2222".into())
    );
}

/// Rows whose ids are not this directory's (another directory's export) are still different
/// groups: a same-name group an earlier row with another id has matched is passed over, for the
/// next one or none, and a group whose id a later row of the file has is left for that row.
#[test]
fn export_rows_with_different_ids_never_match_one_group_by_name() {
    use compactdir_core::import::mapping::{ColumnField, Field};
    let t = TempDirectory::new();
    let store = t.open();
    let a = add_group(&store, "Friends of Longford Park");
    let b = add_group(&store, "Friends of Longford Park");
    let mapping = Mapping {
        columns: [("id", Field::ExportId), ("name", Field::Name)]
            .into_iter()
            .map(|(column, field)| ColumnField {
                column: column.into(),
                field,
            })
            .collect(),
    };
    let plan = |bytes: String| {
        store
            .plan_group_import("groups.csv", bytes.as_bytes(), &mapping, &mut |_| {})
            .unwrap()
    };
    let g = |id| Some(MatchTarget::Group { id });
    let p = plan(
        "id,name\n\
         900,Friends of Longford Park\n\
         901,Friends of Longford Park\n\
         902,Friends of Longford Park\n\
         ,Friends of Longford Park\n"
            .to_string(),
    );
    assert_eq!(target(&p, 2), g(a));
    assert_eq!(
        p.rows[0].matched.as_ref().unwrap().reason,
        "same name (2 groups have it)"
    );
    assert_eq!(target(&p, 3), g(b), "group {a} is row 2's");
    assert_eq!(target(&p, 4), None, "both groups are other rows'");
    assert_eq!(target(&p, 5), g(a), "a row without an id says nothing");

    let p = plan(format!(
        "id,name\n900,Friends of Longford Park\n{a},Friends of Longford Park\n"
    ));
    assert_eq!(
        target(&p, 2),
        g(b),
        "group {a} is left for row 3, whose id it is"
    );
    assert_eq!(target(&p, 3), g(a));
}

/// "update" from a row whose class is just what its features suggest (as a groups export writes
/// a group with no class set) keeps a class staff set; a class the features do not suggest is
/// the file setting one, and replaces it.
#[test]
fn an_update_keeps_the_class_staff_set_unless_the_file_sets_another() {
    use compactdir_core::domain::classification::{GroupClass, Side};
    use compactdir_core::domain::group::FeatureAnswer;
    let t = TempDirectory::new();
    let store = t.open();
    let mut g = group("Seedley Tenants");
    g.features = (1..=8)
        .map(|number| FeatureAnswer {
            number,
            side: Some(Side::Community),
            evidence: String::new(),
        })
        .collect();
    g.class_override = Some(GroupClass::Voluntary);
    g.class_override_reason = "employs two staff".into();
    let id = store.save_group(g).unwrap().input.id.unwrap();
    assert_eq!(
        store.get_group(id).unwrap().suggestion.class,
        GroupClass::Community
    );

    for class in ["community", "unclassified"] {
        let s = import(
            &store,
            format!(
                "name,class,community_features,phone\n\
                 Seedley Tenants,{class},1;2;3;4;5;6;7;8,0161 000 0000\n"
            )
            .as_bytes(),
            Choice::Update,
        );
        assert_eq!(s.updated + s.unchanged, 1, "{class}: {s}");
        let g = store.get_group(id).unwrap();
        assert_eq!(
            g.input.phone, "0161 000 0000",
            "{class}: the update is saved"
        );
        assert_eq!(
            (g.class, g.input.class_override_reason.as_str()),
            (GroupClass::Voluntary, "employs two staff"),
            "{class}: the class staff set stays"
        );
    }

    import(
        &store,
        b"name,class,class_reason\nSeedley Tenants,mixed,a grant of its own\n",
        Choice::Update,
    );
    let g = store.get_group(id).unwrap();
    assert_eq!(
        (g.class, g.input.class_override_reason.as_str()),
        (GroupClass::Mixed, "a grant of its own"),
        "a class the file sets replaces it"
    );
}
/// A row chosen as new whose number an earlier row brought to a group by updating it is refused
/// naming that row, not the row that added the group.
#[test]
fn a_number_already_on_an_earlier_row_names_the_row_that_brought_it() {
    let t = TempDirectory::new();
    let store = t.open();
    let p = plan(
        &store,
        "f.csv",
        b"name,charity number\n\
          Weaste Carers,\n\
          Seedley Choir,\n\
          Kersal Walkers,\n\
          Weaste Carers,1123456\n\
          Carers in Weaste,1123456\n",
    );
    assert_eq!(target(&p, 5), Some(MatchTarget::Row { row: 2 }));
    assert_eq!(target(&p, 6), Some(MatchTarget::Row { row: 5 }));
    let s = store
        .apply_group_import(
            &p,
            &Choices {
                on_match: Choice::Update,
                rows: [(6, Choice::New)].into_iter().collect(),
            },
            &mut |_| {},
        )
        .unwrap();
    assert_eq!((s.added, s.updated), (3, 1), "{s}");
    assert_eq!(
        s.rejected
            .iter()
            .map(|r| r.problems[0].message.as_str())
            .collect::<Vec<_>>(),
        ["row 6, column charity number: charity number (England and Wales) 1123456 is already on \
          row 5 of this file, and two groups cannot share a number: import this row as an update \
          of that row's group, or skip it"]
    );
}

#[test]
fn earlier_imports_of_both_kinds_are_listed_newest_first_with_who_and_whether_undone() {
    use compactdir_core::store::ImportKind;
    let t = TempDirectory::new();
    let mut store = t.open();
    assert_eq!(store.earlier_imports().unwrap(), []);

    store.set_actor("Sam at the CVS");
    let groups = import(
        &store,
        b"name,postcode\nPendleton Youth Club,M6 5JA\nOrdsall Tenants,M5 3PF\n",
        Choice::Skip,
    );
    store.set_actor("Jo at the CVS");
    let seats = store
        .import_seats(
            "seats.csv",
            "partnership,seat,sector\nHousing Forum,Tenants seat,residents\n".as_bytes(),
        )
        .unwrap();
    store
        .undo_import(groups.import_id.unwrap())
        .expect("the groups import is undone");

    let all = store.earlier_imports().unwrap();
    let listed: Vec<(ImportKind, i64, &str, Option<&str>, bool)> = all
        .iter()
        .map(|i| {
            (
                i.kind,
                i.id,
                i.file_name.as_str(),
                i.actor.as_deref(),
                i.undone_at.is_some(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                ImportKind::Seats,
                seats.import_id.unwrap(),
                "seats.csv",
                Some("Jo at the CVS"),
                false
            ),
            (
                ImportKind::Groups,
                groups.import_id.unwrap(),
                "file.csv",
                Some("Sam at the CVS"),
                true
            ),
        ],
        "the seats import is the newer"
    );
    assert_eq!(
        all[1].what,
        "2 rows read: 2 groups added, 0 updated, 0 unchanged, 0 skipped, 0 rejected"
    );
    assert_eq!(all[0].what, seats.to_string());
}

/// The tester's TLC: the register writes its charity number "512710", the grants file
/// "0512710". Read after the register, the grants file finds the group by that number and
/// does not keep it a second time with a zero in front.
#[test]
fn a_charity_number_with_a_leading_zero_is_the_registers_number() {
    let t = TempDirectory::new();
    let store = t.open();
    import(
        &store,
        &std::fs::read(real_data(
            "ccew_charities_operating_in_trafford_2021-05-27.csv",
        ))
        .unwrap(),
        Choice::Skip,
    );
    import(
        &store,
        &std::fs::read(real_data("360giving_trafford_council_vcs_grants.csv")).unwrap(),
        Choice::Update,
    );
    let tlc: Vec<GroupInput> = store
        .list_groups()
        .unwrap()
        .into_iter()
        .map(|g| store.get_group(g.id).unwrap().input)
        .filter(|g| {
            g.identifiers
                .iter()
                .any(|i| i.scheme == "GB-CHC" && i.value.trim_start_matches('0') == "512710")
        })
        .collect();
    assert_eq!(tlc.len(), 1, "one group has TLC's number");
    let numbers: Vec<&str> = tlc[0]
        .identifiers
        .iter()
        .filter(|i| i.scheme == "GB-CHC")
        .map(|i| i.value.as_str())
        .collect();
    assert_eq!(numbers, ["512710"], "{}", tlc[0].name);
}
