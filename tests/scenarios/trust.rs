//! Nothing lost: damaged files are moved aside, backups are real SQLite copies that restore, and a
//! second copy of the app on the same file is refused.

use compactdir_core::store::{BackupReason, DirectoryLock};
use compactdir_core::{CoreError, Store};
use compactdir_tests::{group, group_names, names_in, TempDirectory};

#[test]
fn a_damaged_file_is_moved_aside_with_its_wal_never_deleted_and_the_backup_is_named() {
    let t = TempDirectory::new();
    {
        let store = t.open();
        store.save_group(group("Pendleton Over 50s")).unwrap();
        store.backup(BackupReason::Daily).unwrap();
    }
    // Scribble over the middle of the file, as a failing disk might.
    let mut bytes = std::fs::read(&t.path).unwrap();
    assert!(bytes.len() > 8192);
    for b in &mut bytes[4096..8192] {
        *b = 0xA5;
    }
    std::fs::write(&t.path, &bytes).unwrap();
    std::fs::write(
        t.dir.path().join("directory.sqlite3-wal"),
        b"not really a wal",
    )
    .unwrap();

    let err = match Store::open(&t.path) {
        Err(e) => e,
        Ok(_) => panic!("a damaged file must not open"),
    };
    let CoreError::Damaged {
        moved_to, advice, ..
    } = &err
    else {
        panic!("expected Damaged, got {err}");
    };
    assert!(
        !t.path.exists(),
        "the damaged file is no longer where the app looks"
    );
    assert_eq!(
        std::fs::read(moved_to).unwrap(),
        bytes,
        "moved, byte for byte, not deleted"
    );
    assert!(
        std::path::Path::new(&format!("{moved_to}-wal")).exists(),
        "its WAL went with it"
    );
    assert!(
        advice.contains("backup restore"),
        "the message offers the newest backup: {advice}"
    );
    assert_eq!(err.code(), "damaged");
}

#[test]
fn a_csv_given_as_the_directory_file_is_refused_and_left_where_and_as_it_was() {
    let t = TempDirectory::new();
    let csv = t.dir.path().join("mycsv.csv");
    let bytes = b"name,postcode\nPendleton Over 50s,M6 5FX\n".to_vec();
    std::fs::write(&csv, &bytes).unwrap();
    // Too short to hold SQLite's header at all.
    let short = t.dir.path().join("short.sqlite3");
    std::fs::write(&short, b"SQLite").unwrap();

    for (path, content) in [(&csv, &bytes[..]), (&short, &b"SQLite"[..])] {
        let err = match Store::open(path) {
            Err(e) => e,
            Ok(_) => panic!("{} must not open", path.display()),
        };
        assert!(
            matches!(err, CoreError::NotADirectoryFile { .. }),
            "not moved aside as damaged: {err}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{} is not a Compact Directory file (it is not an SQLite database): nothing was \
                 changed. Give the path of the directory file with --db (or COMPACTDIR_DB)",
                path.display()
            )
        );
        assert_eq!(std::fs::read(path).unwrap(), content, "byte for byte");
    }
    assert_eq!(
        names_in(t.dir.path()),
        vec!["mycsv.csv", "short.sqlite3"],
        "nothing moved, renamed or made beside them"
    );
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_as_it_was() {
    let t = TempDirectory::new();
    let other = t.dir.path().join("places.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let err = match Store::open(&other) {
        Err(e) => e,
        Ok(_) => panic!("another program's database must not open"),
    };
    assert!(
        err.to_string().contains(
            "is not a Compact Directory file (it is an SQLite database of another program)"
        ),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&other).unwrap(),
        before,
        "no tables of ours added"
    );
    assert_eq!(names_in(t.dir.path()), vec!["places.sqlite"]);
}

#[test]
fn a_folder_given_as_the_directory_file_is_refused_in_words() {
    let t = TempDirectory::new();
    let folder = t.dir.path().join("adir");
    std::fs::create_dir(&folder).unwrap();
    let err = match Store::open(&folder) {
        Err(e) => e,
        Ok(_) => panic!("a folder must not open"),
    };
    assert_eq!(
        err.to_string(),
        format!(
            "{} is a folder, not a directory file: give the path of a file (a new one is made if \
             it does not exist)",
            folder.display()
        )
    );
    assert!(names_in(&folder).is_empty(), "nothing made inside it");
}

#[test]
fn an_empty_file_becomes_a_new_directory() {
    let t = TempDirectory::new();
    std::fs::write(&t.path, b"").unwrap();
    let store = t.open();
    assert_eq!(store.reference_data().unwrap().categories.len(), 16);
}

#[test]
fn a_backup_restores_exactly_and_the_replaced_content_is_backed_up_first() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.save_group(group("Ordsall Tenants")).unwrap();
    let backup = store.backup(BackupReason::Daily).unwrap();
    store.save_group(group("Added After The Backup")).unwrap();

    let safety = store.restore(&backup).unwrap();
    let names = group_names(&store);
    assert_eq!(
        names,
        vec!["Ordsall Tenants"],
        "the backup's content is back"
    );
    assert!(safety.exists());
    let safety_store = Store::open(&safety).unwrap();
    assert_eq!(
        safety_store.list_groups().unwrap().len(),
        2,
        "what was replaced is kept"
    );
    assert!(store
        .backups()
        .unwrap()
        .iter()
        .any(|b| b.reason == "before-restore"));

    // A file that is not a backup is refused, and nothing changes.
    let junk = t.dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"hello").unwrap();
    assert!(store.restore(&junk).is_err());
    assert_eq!(store.list_groups().unwrap().len(), 1);
}

#[test]
fn one_daily_backup_a_day() {
    let t = TempDirectory::new();
    let store = t.open();
    assert!(store.backup_daily_if_due().unwrap().is_some());
    assert!(
        store.backup_daily_if_due().unwrap().is_none(),
        "not twice in a day"
    );
    assert_eq!(store.backups().unwrap().len(), 1);
}

#[test]
fn a_second_copy_of_the_app_on_the_same_file_is_refused_until_the_first_closes() {
    let t = TempDirectory::new();
    let first = DirectoryLock::acquire(&t.path).unwrap();
    let err = DirectoryLock::acquire(&t.path)
        .err()
        .expect("the second is refused");
    assert!(err
        .to_string()
        .contains("already open in another copy of Compact Directory"));
    drop(first);
    assert!(
        DirectoryLock::acquire(&t.path).is_ok(),
        "free again once the first has gone"
    );
}

fn schema(path: &std::path::Path) -> Vec<(String, String)> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut stmt = c
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

/// A file as version `version` of the app left it, with `rows` written into it (foreign keys
/// off, so a test can also write what the app never would).
fn file_at_version(path: &std::path::Path, version: i64, rows: &str) {
    use compactdir_core::store::migrations::MIGRATIONS;
    let c = rusqlite::Connection::open(path).unwrap();
    for sql in &MIGRATIONS[..version as usize] {
        c.execute_batch(sql).unwrap();
    }
    c.pragma_update(None, "user_version", version).unwrap();
    c.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    c.execute_batch(rows).unwrap();
}

/// How the file defines `table`.
fn table_sql(c: &rusqlite::Connection, table: &str) -> String {
    c.query_row(
        "SELECT sql FROM sqlite_master WHERE name = ?1",
        [table],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn upgrading_a_file_from_every_earlier_schema_keeps_every_row_and_backs_it_up_first() {
    use compactdir_core::store::migrations::latest_version;
    let fresh = TempDirectory::new();
    drop(fresh.open());
    for from in 1..latest_version() {
        let t = TempDirectory::new();
        // Rows in the tables that version had.
        file_at_version(
            &t.path,
            from,
            "INSERT INTO wards (code, name, district) VALUES ('E05000001', 'Old Ward', 'X');
             INSERT INTO groups (name, created_at, updated_at) VALUES ('Kept Group', 'then', 'then');
             INSERT INTO partnerships (name, kind) VALUES ('Kept Partnership', 'forum');",
        );
        let store = Store::open(&t.path).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_version());
        let names = group_names(&store);
        assert_eq!(names, vec!["Kept Group"]);
        assert_eq!(store.summary().unwrap().partnerships, 1);
        assert!(store
            .reference_data()
            .unwrap()
            .wards
            .iter()
            .any(|w| w.name == "Old Ward"));
        let backups = store.backups().unwrap();
        assert!(
            backups.iter().any(|b| b.reason == "before-migration"),
            "a backup was taken before upgrading from version {from}"
        );
        drop(store);
        assert_eq!(
            schema(&t.path),
            schema(&fresh.path),
            "an upgraded schema equals a new one"
        );
    }
}

/// Migration 7 rebuilds `groups`, `group_features`, `class_history` and `import_changes` (their
/// text CHECKs as equalities): what points at a group must survive the rebuild, and the rules
/// must still hold.
#[test]
fn rebuilding_the_groups_table_keeps_what_points_at_it_and_its_rules() {
    let t = TempDirectory::new();
    file_at_version(
        &t.path,
        6,
        "INSERT INTO features (number, title, community_side, voluntary_side)
                 VALUES (1, 'Size', 'small', 'large'), (2, 'Staff', 'none', 'paid');
             INSERT INTO groups (id, name, status, class_override, enterprise, created_at, updated_at)
                 VALUES (1, 'Kept Group', 'dormant', 'mixed', 'social', 'then', 'then'),
                        (2, 'Other Group', 'active', NULL, NULL, 'then', 'then');
             INSERT INTO group_features (rowid, group_id, number, side, evidence)
                 VALUES (41, 1, 1, 'community', 'ten members'), (42, 1, 2, NULL, 'not asked');
             INSERT INTO group_identifiers (group_id, position, scheme, value) VALUES (1, 0, 'GB-CHC', '1000001');
             INSERT INTO class_history (id, group_id, at, kind, class, reason) VALUES (7, 1, 'then', 'set', 'mixed', 'staff');
             INSERT INTO imports (id, file_name, at, mapping, added, updated, skipped, rejected)
                 VALUES (1, 'groups.csv', 'then', '{}', 1, 0, 0, 0);
             INSERT INTO import_changes (import_id, group_id, action, row, after_updated_at)
                 VALUES (1, 2, 'added', 2, 'then');
             INSERT INTO partnerships (id, name, kind) VALUES (1, 'Board', 'forum');
             INSERT INTO seats (id, partnership_id, position, label, sector) VALUES (1, 1, 1, 'VCSE seat', 'vcse');",
    );
    let store = Store::open(&t.path).unwrap();
    drop(store);
    let c = rusqlite::Connection::open(&t.path).unwrap();
    c.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let table_sql = table_sql(&c, "groups");
    assert!(
        table_sql.contains("class_override = 'community'"),
        "{table_sql}"
    );
    assert_eq!(one("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    assert_eq!(
        one("SELECT count(*) FROM groups WHERE id = 1 AND status = 'dormant' AND class_override = 'mixed' AND enterprise = 'social'"),
        1
    );
    // Row ids kept (the merge log undoes merges by them), the NULL side and the evidence too.
    assert_eq!(
        one("SELECT count(*) FROM group_features WHERE (rowid = 41 AND side = 'community') OR (rowid = 42 AND side IS NULL AND evidence = 'not asked')"),
        2
    );
    assert_eq!(
        one("SELECT count(*) FROM class_history WHERE id = 7 AND kind = 'set' AND class = 'mixed'"),
        1
    );
    assert_eq!(
        one("SELECT count(*) FROM import_changes WHERE group_id = 2 AND action = 'added'"),
        1
    );
    // The rules still refuse what they refused, and still accept NULL where they did.
    for bad in [
        "UPDATE groups SET status = 'Active' WHERE id = 2",
        "UPDATE groups SET class_override = 'unclassified' WHERE id = 2",
        "UPDATE groups SET enterprise = 'charity' WHERE id = 2",
        "UPDATE group_features SET side = 'both' WHERE rowid = 41",
        "INSERT INTO group_features (group_id, number, side) VALUES (99, 1, 'community')",
        "UPDATE class_history SET kind = 'guessed' WHERE id = 7",
        "UPDATE class_history SET class = 'Mixed' WHERE id = 7",
        "UPDATE import_changes SET action = 'removed'",
    ] {
        assert!(c.execute(bad, []).is_err(), "refused: {bad}");
    }
    // A group's rows still go with it, and a group an appointment names cannot go.
    c.execute("DELETE FROM groups WHERE id = 1", []).unwrap();
    assert_eq!(one("SELECT count(*) FROM group_features"), 0);
    assert_eq!(one("SELECT count(*) FROM group_identifiers"), 0);
    assert_eq!(one("SELECT count(*) FROM class_history"), 0);
    c.execute_batch(
        "INSERT INTO people (id, name, lawful_basis) VALUES (1, 'A Person', 'consent');
         INSERT INTO appointments (seat_id, person_id, group_id, role, term_start, selection, openly_selected)
             VALUES (1, 1, 2, 'holder', '2026-01-01', 'open_election', 1);",
    )
    .unwrap();
    assert!(c.execute("DELETE FROM groups WHERE id = 2", []).is_err());
}

/// Migration 8 keeps an import's undo record in its primary key's b-tree alone: every change
/// survives, the unused index by group is gone, and the record still undoes the import.
#[test]
fn the_lighter_undo_record_keeps_every_change_and_still_undoes() {
    let t = TempDirectory::new();
    let mut was = group("Kept Group");
    was.id = Some(1);
    let before = serde_json::to_string(&was).unwrap().replace('\'', "''");
    file_at_version(
        &t.path,
        7,
        &format!(
            "INSERT INTO groups (id, name, activities, created_at, updated_at)
             VALUES (1, 'Kept Group', 'Meets on Fridays', 'then', 'later'),
                    (2, 'Added Group', '', 'then', 'then');
         INSERT INTO imports (id, file_name, at, mapping, added, updated, skipped, rejected)
             VALUES (1, 'groups.csv', 'then', '{{}}', 1, 1, 0, 0);
         INSERT INTO import_changes (import_id, group_id, action, row, before, after_updated_at)
             VALUES (1, 2, 'added', 2, NULL, 'then'),
                    (1, 1, 'updated', 3, '{before}', 'later');"
        ),
    );
    drop(Store::open(&t.path).unwrap());
    let c = rusqlite::Connection::open(&t.path).unwrap();
    let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let sql = table_sql(&c, "import_changes");
    assert!(sql.contains("WITHOUT ROWID"), "{sql}");
    assert_eq!(
        one("SELECT count(*) FROM sqlite_schema WHERE name = 'import_changes_group'"),
        0
    );
    assert_eq!(
        one("SELECT count(*) FROM import_changes WHERE (group_id = 2 AND action = 'added' AND row = 2 AND before IS NULL)
               OR (group_id = 1 AND action = 'updated' AND row = 3 AND before LIKE '%Kept Group%')"),
        2
    );
    assert!(
        c.execute("UPDATE import_changes SET action = 'removed'", [])
            .is_err(),
        "its rule still holds"
    );
    assert!(
        c.execute(
            "INSERT INTO import_changes (import_id, group_id, action, row, after_updated_at)
             VALUES (1, 2, 'added', 9, 'then')",
            []
        )
        .is_err(),
        "one change per group and import"
    );
    drop(c);
    // The record still undoes: the added group goes; the updated one is given back its past.
    let store = Store::open(&t.path).unwrap();
    let u = store.undo_import(1).unwrap();
    assert_eq!((u.removed, u.restored), (1, 1), "{u:?}");
    assert_eq!(group_names(&store), ["Kept Group"]);
}

/// Migration 9 keeps registration numbers in their primary key's b-tree alone and indexes only
/// groups with a ward: every number survives, its rules hold, and a ward still finds its groups
/// through the index.
#[test]
fn the_lighter_numbers_keep_every_number_and_their_rules() {
    let t = TempDirectory::new();
    file_at_version(
        &t.path,
        8,
        "INSERT INTO wards (id, code, name, district) VALUES (5, 'E05000005', 'A Ward', 'X');
         INSERT INTO groups (id, name, ward_id, created_at, updated_at)
             VALUES (1, 'Kept Group', 5, 'then', 'then'), (2, 'Other Group', NULL, 'then', 'then');
         INSERT INTO group_identifiers (group_id, position, scheme, value)
             VALUES (1, 0, 'GB-CHC', '1000001'), (1, 1, 'GB-COH', '00012345'),
                    (2, 0, 'GB-CHC', '1000002');",
    );
    drop(Store::open(&t.path).unwrap());
    let c = rusqlite::Connection::open(&t.path).unwrap();
    c.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let sql = table_sql(&c, "group_identifiers");
    assert!(sql.contains("WITHOUT ROWID"), "{sql}");
    assert_eq!(
        one("SELECT count(*) FROM group_identifiers WHERE (group_id = 1 AND position = 0 AND scheme = 'GB-CHC' AND value = '1000001')
               OR (group_id = 1 AND position = 1 AND scheme = 'GB-COH' AND value = '00012345')
               OR (group_id = 2 AND position = 0 AND scheme = 'GB-CHC' AND value = '1000002')"),
        3
    );
    for bad in [
        "INSERT INTO group_identifiers VALUES (2, 1, 'GB-CHC', '1000001')",
        "INSERT INTO group_identifiers VALUES (2, 0, 'GB-COH', '00099999')",
        "INSERT INTO group_identifiers VALUES (99, 0, 'GB-COH', '00099999')",
    ] {
        assert!(c.execute(bad, []).is_err(), "refused: {bad}");
    }
    c.execute("DELETE FROM groups WHERE id = 1", []).unwrap();
    assert_eq!(
        one("SELECT count(*) FROM group_identifiers"),
        1,
        "a group's numbers go with it"
    );
    // Only groups with a ward are in the index, and looking groups up by ward still uses it.
    assert_eq!(
        one("SELECT count(*) FROM sqlite_schema WHERE name = 'groups_ward' AND sql LIKE '%WHERE ward_id IS NOT NULL'"),
        1
    );
    let plan: Vec<String> = c
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM groups WHERE ward_id = 5")
        .unwrap()
        .query_map([], |r| r.get(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(plan.iter().any(|d| d.contains("groups_ward")), "{plan:?}");
}

#[test]
fn an_upgrade_that_would_leave_rows_pointing_at_nothing_is_not_kept() {
    let t = TempDirectory::new();
    // As only a damaged or hand-edited file could be.
    file_at_version(
        &t.path,
        6,
        "INSERT INTO class_history (group_id, at, kind, class, reason)
             VALUES (404, 'then', 'suggested', 'unclassified', 'no group');",
    );
    let err = match Store::open(&t.path) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("the upgrade must not be kept"),
    };
    assert!(
        err.contains("schema 7") && err.contains("pointing at rows that are not there"),
        "{err}"
    );
    let c = rusqlite::Connection::open(&t.path).unwrap();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 6);
    let sql = table_sql(&c, "class_history");
    assert!(
        sql.contains("kind IN ("),
        "the old table is still there: {sql}"
    );
}

#[test]
fn a_failing_migration_leaves_the_file_as_it_was() {
    let t = TempDirectory::new();
    {
        let c = rusqlite::Connection::open(&t.path).unwrap();
        c.execute_batch(compactdir_core::store::migrations::MIGRATIONS[0])
            .unwrap();
        // Make migration 2 fail half-way: its first statements succeed, a later one collides.
        c.execute_batch("CREATE TABLE meetings (x); PRAGMA user_version = 1;")
            .unwrap();
    }
    let before = schema(&t.path);
    assert!(
        Store::open(&t.path).is_err(),
        "the migration cannot complete"
    );
    let c = rusqlite::Connection::open(&t.path).unwrap();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "still at the old version");
    drop(c);
    assert_eq!(
        schema(&t.path),
        before,
        "no half-applied change (the new columns are not there)"
    );
}

#[test]
fn an_import_and_a_merge_each_take_a_backup_first_that_holds_the_directory_as_it_was() {
    let t = TempDirectory::new();
    let store = t.open();
    let kept = store.save_group(group("St John's Centre")).unwrap();
    let merged = store.save_group(group("St Johns Centre")).unwrap();
    let reasons = |store: &Store| -> Vec<String> {
        store
            .backups()
            .unwrap()
            .into_iter()
            .map(|b| b.reason)
            .collect()
    };
    assert!(reasons(&store).is_empty());

    store
        .import_seats(
            "seats.csv",
            "partnership,seat,sector\nHousing Forum,Tenants seat,VCSE\n".as_bytes(),
        )
        .unwrap();
    assert_eq!(reasons(&store), vec!["before-import"]);

    store
        .merge_groups(
            kept.input.id.unwrap(),
            merged.input.id.unwrap(),
            &Default::default(),
        )
        .unwrap();
    assert_eq!(reasons(&store), vec!["before-merge", "before-import"]);
    // The backup before the merge still has both groups.
    let before_merge = &store.backups().unwrap()[0];
    let copy = Store::open(&before_merge.path).unwrap();
    assert_eq!(group_names(&copy).len(), 2);
    assert_eq!(group_names(&store).len(), 1);
}

#[test]
fn an_import_that_saves_nothing_leaves_no_backup_and_one_that_saves_backs_up_what_was_there() {
    use compactdir_core::store::Choices;
    let t = TempDirectory::new();
    let store = t.open();
    store.save_group(group("Ordsall Tenants")).unwrap();
    let backups = |store: &Store| store.backups().unwrap();

    // Every row rejected (a postcode with the letter O for a nought).
    let rejected = b"Organisation,Post code\nPendleton Over 50s,WA15 OHF\n";
    let preview = store.preview_group_import(rejected).unwrap();
    let plan = store
        .plan_group_import(
            "bad.csv",
            rejected,
            &preview.suggestion.mapping,
            &mut |_| {},
        )
        .unwrap();
    let summary = store
        .apply_group_import(&plan, &Choices::default(), &mut |_| {})
        .unwrap();
    assert_eq!((summary.rejected.len(), summary.import_id), (1, None));
    // Every row skipped, as matching a group already there.
    let same = b"Organisation\nOrdsall Tenants\n";
    let preview = store.preview_group_import(same).unwrap();
    let plan = store
        .plan_group_import("same.csv", same, &preview.suggestion.mapping, &mut |_| {})
        .unwrap();
    let summary = store
        .apply_group_import(&plan, &Choices::default(), &mut |_| {})
        .unwrap();
    assert_eq!((summary.skipped, summary.import_id), (1, None));
    // A seats file refused whole.
    assert!(store
        .import_seats(
            "seats.csv",
            "partnership,seat,sector\nHousing Forum,Tenants seat,NOT A SECTOR\n".as_bytes()
        )
        .is_err());
    assert_eq!(backups(&store), vec![], "nothing saved, so no backup");

    // One that saves: the backup, taken inside its transaction, holds the directory before it.
    let new = b"Organisation\nPendleton Over 50s\n";
    let preview = store.preview_group_import(new).unwrap();
    let plan = store
        .plan_group_import("new.csv", new, &preview.suggestion.mapping, &mut |_| {})
        .unwrap();
    let summary = store
        .apply_group_import(&plan, &Choices::default(), &mut |_| {})
        .unwrap();
    assert_eq!(summary.added, 1);
    let taken = backups(&store);
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].reason, "before-import");
    assert_eq!(group_names(&store).len(), 2);
    let copy = Store::open(&taken[0].path).unwrap();
    assert_eq!(
        group_names(&copy),
        vec!["Ordsall Tenants"],
        "as it was before"
    );
}

/// Two before-import backups taken in the same minute looked alike in the window: each says the
/// file of the import it came before, for imports of groups and of seats. A restore to the first
/// takes the second import's record with it, so its backup no longer says (rather than naming
/// the wrong import).
#[test]
fn a_before_import_backup_names_the_file_of_the_import_it_came_before() {
    use compactdir_core::store::Choices;
    let t = TempDirectory::new();
    let mut store = t.open();
    let import = |store: &Store, name: &str, bytes: &[u8]| {
        let preview = store.preview_group_import(bytes).unwrap();
        let plan = store
            .plan_group_import(name, bytes, &preview.suggestion.mapping, &mut |_| {})
            .unwrap();
        store
            .apply_group_import(&plan, &Choices::default(), &mut |_| {})
            .unwrap()
    };
    import(&store, "grants.csv", b"Organisation\nPendleton Over 50s\n");
    import(&store, "register.csv", b"Organisation\nOrdsall Tenants\n");
    store
        .import_seats(
            "seats.csv",
            "partnership,seat,sector\nHousing Forum,Tenants seat,VCSE\n".as_bytes(),
        )
        .unwrap();
    store.backup(BackupReason::OnRequest).unwrap();
    let said = |store: &Store| -> Vec<(String, Option<String>)> {
        store
            .backups()
            .unwrap()
            .into_iter()
            .map(|b| (b.reason, b.import_file))
            .collect()
    };
    let before = |file: &str| ("before-import".to_string(), Some(file.to_string()));
    assert_eq!(
        said(&store),
        vec![
            ("on-request".to_string(), None),
            before("seats.csv"),
            before("register.csv"),
            before("grants.csv"),
        ]
    );

    // Back to before register.csv: that import was never made, as far as the directory knows.
    let register = store.backups().unwrap()[2].path.clone();
    store.restore(&register).unwrap();
    let now = said(&store);
    assert_eq!(
        now[2..],
        [
            ("before-import".to_string(), None),
            ("before-import".to_string(), None),
            before("grants.csv")
        ]
    );
}

/// Migration 15: stored England and Wales charity numbers lose their leading zeros; a group
/// holding both forms keeps one; a number another group holds without the zeros is left for
/// the duplicates queue.
#[test]
fn charity_numbers_stored_with_leading_zeros_lose_them_when_the_file_is_opened() {
    let t = TempDirectory::new();
    let ids: Vec<i64> = {
        let store = t.open();
        ["TLC", "Padded only", "Other holder", "Register holder"]
            .iter()
            .map(|n| store.save_group(group(n)).unwrap().input.id.unwrap())
            .collect()
    };
    {
        let c = rusqlite::Connection::open(&t.path).unwrap();
        let add = |g: i64, pos: i64, v: &str| {
            c.execute(
                "INSERT INTO group_identifiers (group_id, position, scheme, value) VALUES (?1, ?2, 'GB-CHC', ?3)",
                rusqlite::params![g, pos, v],
            )
            .unwrap();
        };
        add(ids[0], 0, "512710");
        add(ids[0], 1, "0512710");
        add(ids[1], 0, "0999999");
        add(ids[2], 0, "0777777");
        add(ids[3], 0, "777777");
        c.execute_batch("PRAGMA user_version = 14;").unwrap();
    }
    let store = t.open();
    let numbers = |id: i64| -> Vec<String> {
        store
            .get_group(id)
            .unwrap()
            .input
            .identifiers
            .into_iter()
            .map(|i| i.value)
            .collect()
    };
    assert_eq!(numbers(ids[0]), ["512710"]);
    assert_eq!(numbers(ids[1]), ["999999"]);
    assert_eq!(numbers(ids[2]), ["0777777"]);
    assert_eq!(numbers(ids[3]), ["777777"]);
}
