//! A full disk: an import into a 2 MiB file system (a tmpfs, mounted in a private mount namespace
//! with `unshare`, so no root is needed and nothing is left mounted) fails with a sentence saying
//! the disk is full, and the directory passes `integrity_check` holding what it held.

use std::process::Command;

#[test]
fn an_import_onto_a_full_disk_says_so_and_the_directory_holds_what_it_held() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.csv");
    let big = dir.path().join("big.csv");
    let mut s = String::from("Organisation,Post code\n");
    for i in 0..50 {
        s.push_str(&format!("Small Group {i},M5 4AB\n"));
    }
    std::fs::write(&small, s).unwrap();
    let mut b = String::from("Organisation,Post code,Email\n");
    for i in 0..100_000 {
        b.push_str(&format!("Big Group {i},M5 4AB,g{i}@example.org\n"));
    }
    std::fs::write(&big, b).unwrap();
    let mount = dir.path().join("small-disk");
    std::fs::create_dir(&mount).unwrap();

    // Everything that needs the small disk runs inside the namespace; its exit codes and the
    // database's own checks come back on standard output.
    let script = r#"
        set -u
        mount -t tmpfs -o size=2m tmpfs "$MOUNT" || { echo "no-mount"; exit 0; }
        db="$MOUNT/directory.sqlite3"
        "$BIN" --db "$db" import groups "$SMALL" --on-match new >/dev/null 2>&1; echo "small=$?"
        "$BIN" --db "$db" import groups "$BIG" --on-match new >/dev/null 2>"$MOUNT/../stderr"; echo "big=$?"
        echo "integrity=$(sqlite3 "$db" 'PRAGMA integrity_check')"
        echo "groups=$(sqlite3 "$db" 'SELECT count(*) FROM groups')"
    "#;
    let out = Command::new("unshare")
        .args(["-rm", "sh", "-c", script])
        .env("MOUNT", &mount)
        .env("BIN", env!("CARGO_BIN_EXE_compactdir"))
        .env("SMALL", &small)
        .env("BIG", &big)
        .env_remove("COMPACTDIR_DB")
        .output()
        .expect("unshare (util-linux) runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains("no-mount") && out.status.success(),
        "this machine would not mount a small tmpfs in a private namespace (unshare -rm): {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for expected in ["small=0", "big=1", "integrity=ok", "groups=50"] {
        assert!(
            stdout.lines().any(|l| l == expected),
            "{expected} not in:\n{stdout}"
        );
    }
    let stderr = std::fs::read_to_string(dir.path().join("stderr")).unwrap();
    assert!(
        stderr.contains("the disk holding the directory file is full")
            && stderr.contains("nothing was saved"),
        "{stderr}"
    );
}
