//! Crash safety: `compactdir import groups` of 100,000 rows is killed with SIGKILL at a random
//! moment, 20 times. Each time the file must reopen with `integrity_check` ok, `foreign_key_check`
//! empty, and exactly the rows of the last committed transaction: the import is one transaction,
//! so either all of it or none. `CRASH_KILLS=100` (see RELIABILITY.md) runs it 100 times.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROWS: usize = 100_000;

/// A 100,000-row groups file, each name different so every row is a new group.
fn write_file(path: &Path) {
    let mut csv = String::from("Organisation,Post code,Email\n");
    for i in 0..ROWS {
        csv.push_str(&format!(
            "Crash Test Group {i},M5 {}AB,g{i}@example.org\n",
            1 + i % 9
        ));
    }
    std::fs::write(path, csv).unwrap();
}

fn import(db: &Path, file: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_compactdir"));
    c.arg("--db")
        .arg(db)
        .args(["import", "groups"])
        .arg(file)
        .args(["--on-match", "new"])
        .env_remove("COMPACTDIR_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// (groups, imports recorded), after checking the file is whole. Read with plain rusqlite so the
/// app's own repairs on open (moving a damaged file aside) cannot hide a problem.
fn check(db: &Path, context: &str) -> (i64, i64) {
    let c = rusqlite::Connection::open(db).unwrap();
    let integrity: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "{context}");
    let fk_problems: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk_problems, 0, "{context}: foreign_key_check");
    let count = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    (
        count("SELECT count(*) FROM groups"),
        count("SELECT count(*) FROM imports WHERE undone_at IS NULL"),
    )
}

/// A seed from the clock, printed in every failure so a run can be repeated.
fn seed() -> u64 {
    std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        })
}

#[test]
fn an_import_killed_at_any_moment_leaves_the_file_whole_with_all_of_it_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    let file = dir.path().join("groups.csv");
    write_file(&file);

    // How long a whole import takes here, so the kills fall across all of it.
    let t = Instant::now();
    assert!(import(&db, &file).status().unwrap().success());
    let whole = t.elapsed();
    let (mut groups, mut imports) = check(&db, "after a complete import");
    assert_eq!((groups, imports), (ROWS as i64, 1));

    let seed = seed();
    let mut state = seed | 1;
    let mut next = || {
        // xorshift64: enough to spread the kill moments.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let kills: usize = std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let (mut died_mid_way, mut finished) = (0, 0);
    for kill in 1..=kills {
        let wait = Duration::from_micros(next() % (whole.as_micros() as u64 * 11 / 10));
        let mut child = import(&db, &file).spawn().unwrap();
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let context = format!("kill {kill} after {wait:?} (CRASH_SEED={seed})");
        let (g, i) = check(&db, &context);
        if status.success() {
            finished += 1;
            assert_eq!(
                (g, i),
                (groups + ROWS as i64, imports + 1),
                "{context}: finished"
            );
        } else if (g, i) == (groups + ROWS as i64, imports + 1) {
            // Killed after its commit, while it printed the summary or closed the file: all
            // of it is there, which is what a finished import leaves.
            finished += 1;
        } else {
            died_mid_way += 1;
            assert_eq!((g, i), (groups, imports), "{context}: killed");
        }
        (groups, imports) = (g, i);
    }
    println!("{kills} kills (CRASH_SEED={seed}): {died_mid_way} mid-import, {finished} after its commit; every time integrity_check ok, foreign_key_check empty, all rows or none");
    // Most kills must land inside the import, or the test proves nothing.
    assert!(
        died_mid_way * 2 >= kills,
        "only {died_mid_way} of {kills} kills landed mid-import ({finished} finished); CRASH_SEED={seed}"
    );
}
