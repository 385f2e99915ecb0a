//! Nothing lost: damaged files are moved aside, backups are real SQLite copies that restore, and a
//! second copy of the app on the same file is refused.

use compactdir_core::store::{BackupReason, DirectoryLock};
use compactdir_core::{CoreError, Store};
use compactdir_tests::{group, group_names, TempDirectory};

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

#[test]
fn upgrading_a_file_from_every_earlier_schema_keeps_every_row_and_backs_it_up_first() {
    use compactdir_core::store::migrations::{latest_version, MIGRATIONS};
    let fresh = TempDirectory::new();
    drop(fresh.open());
    for from in 1..latest_version() {
        let t = TempDirectory::new();
        // A file as version `from` of the app left it.
        {
            let c = rusqlite::Connection::open(&t.path).unwrap();
            for sql in &MIGRATIONS[..from as usize] {
                c.execute_batch(sql).unwrap();
            }
            c.pragma_update(None, "user_version", from).unwrap();
        }
        // Rows in the tables that version had.
        rusqlite::Connection::open(&t.path)
            .unwrap()
            .execute_batch(
                "INSERT INTO wards (code, name, district) VALUES ('E05000001', 'Old Ward', 'X');
                 INSERT INTO groups (name, created_at, updated_at) VALUES ('Kept Group', 'then', 'then');
                 INSERT INTO partnerships (name, kind) VALUES ('Kept Partnership', 'forum');",
            )
            .unwrap();
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
        .import_seats("partnership,seat,sector\nHousing Forum,Tenants seat,VCSE\n".as_bytes())
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
