//! Importing 100k generated groups (issue: checks and normalisation included, no slower than
//! `sqlite3 .import` of the same file into a plain table), measured side by side in one run.
//!
//!     cargo bench -p compactdir-core --bench import [-- SIZE]
//!
//! The `sqlite3` command-line shell is used when it is on the PATH; otherwise only our figures
//! are printed.

use std::process::Command;
use std::time::Instant;

use compactdir_core::store::Choices;
use compactdir_core::synthetic::{self, Rng};
use compactdir_core::Store;

fn main() {
    let size: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let temp = tempfile::tempdir().unwrap();
    // IMPORT_KEEP_DIR=PATH keeps the generated file and both databases there, to look into.
    let dir = std::env::var_os("IMPORT_KEEP_DIR").map_or_else(
        || temp.path().to_path_buf(),
        |d| {
            let d = std::path::PathBuf::from(d);
            std::fs::create_dir_all(&d).unwrap();
            for old in ["directory.sqlite3", "plain.sqlite3"] {
                let _ = std::fs::remove_file(d.join(old));
            }
            d
        },
    );
    let file = dir.join("groups.csv");
    let groups = synthetic::directory(size, 42);
    let mut rng = Rng::new(7);
    let mut csv = String::from(
        "Organisation,Charity No,Company Number,Address,Post code,Email,Telephone,Website,Activities,Status,Last checked,Faith group\r\n",
    );
    for (i, g) in groups.iter().enumerate() {
        csv.push_str(&format!(
            "\"{} {i}\",{},{},\"{} Street, Salford\",{},info{i}@example.org,0161 {:07},www.example{i}.org,\"{}\",{},{}/0{}/2025,{}\r\n",
            g.name.replace('"', ""),
            1_000_000 + i,
            format_args!("{:08}", i),
            1 + rng.below(200),
            g.postcode,
            rng.below(9_999_999),
            g.activities.replace('"', ""),
            ["active", "dormant", "NA"][rng.below(3)],
            10 + rng.below(18),
            1 + rng.below(9),
            ["yes", "no", "N/A"][rng.below(3)],
        ));
    }
    std::fs::write(&file, &csv).unwrap();
    println!(
        "{size} rows, {} columns, {:.1} MB",
        12,
        csv.len() as f64 / 1e6
    );

    let ours = {
        let store = Store::open(dir.join("directory.sqlite3")).unwrap();
        let bytes = std::fs::read(&file).unwrap();
        let t = Instant::now();
        let table = compactdir_core::import::dialect::read_raw(&bytes).unwrap();
        println!(
            "  of which decoding and splitting into {} records: {:.2} s",
            table.rows.len(),
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        let bytes = std::fs::read(&file).unwrap();
        let preview = store.preview_group_import(&bytes).unwrap();
        let plan = store
            .plan_group_import(
                "groups.csv",
                &bytes,
                &preview.suggestion.mapping,
                &mut |_| {},
            )
            .unwrap();
        let checked = t.elapsed();
        let s = store
            .apply_group_import(
                &plan,
                &Choices {
                    on_match: compactdir_core::store::Choice::New,
                    ..Default::default()
                },
                &mut |_| {},
            )
            .unwrap();
        let total = t.elapsed();
        println!(
            "compactdir import groups: {:.2} s ({:.2} s reading and checking, {:.2} s saving); {} added, {} skipped, {} rejected",
            total.as_secs_f64(),
            checked.as_secs_f64(),
            (total - checked).as_secs_f64(),
            s.added,
            s.skipped,
            s.rejected.len()
        );
        total
    };

    let plain = dir.join("plain.sqlite3");
    let t = Instant::now();
    let run = Command::new("sqlite3")
        .arg(&plain)
        .arg("-cmd")
        .arg("PRAGMA journal_mode=WAL;")
        .arg(".mode csv")
        .arg(format!(".import {} plain", file.display()))
        .output();
    match run {
        Ok(out) if out.status.success() => {
            let theirs = t.elapsed();
            println!(
                "sqlite3 .import into a plain table: {:.2} s",
                theirs.as_secs_f64()
            );
            println!(
                "ours / sqlite3 = {:.2}",
                ours.as_secs_f64() / theirs.as_secs_f64()
            );
            let floor = storing_alone(&dir, &plain);
            println!(
                "SQLite alone storing the same groups and numbers in the directory's tables: {:.2} s",
                floor.as_secs_f64()
            );
        }
        Ok(out) => println!(
            "sqlite3 .import failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => println!("sqlite3 is not on the PATH: only our figure is shown"),
    }
}

/// What SQLite alone takes to store the rows the import stores, taking them ready-made from the
/// plain table `.import` made (one `INSERT ... SELECT` per table, with the settings the import
/// uses): the floor for any import into the directory's tables, whatever checks it does.
fn storing_alone(dir: &std::path::Path, plain: &std::path::Path) -> std::time::Duration {
    let path = dir.join("floor.sqlite3");
    let _ = std::fs::remove_file(&path);
    drop(Store::open(&path).unwrap()); // an empty directory file, at the latest schema
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;
         PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;",
    )
    .unwrap();
    conn.execute("ATTACH ?1 AS p", [plain.to_str().unwrap()])
        .unwrap();
    let t = Instant::now();
    // The file's day-first dates become ISO ones, as the import stores them; "yes" a faith group.
    conn.execute_batch(
        r#"BEGIN;
        PRAGMA defer_foreign_keys = ON;
        INSERT INTO groups (id, name, address, postcode, ward_id, email, phone, website,
            activities, status, last_checked, last_checked_by, class_override,
            class_override_reason, enterprise, faith, faith_name, bme_led, bme_serving, interest,
            created_at, updated_at)
        SELECT rowid, "Organisation", "Address", "Post code", NULL, "Email", "Telephone", "Website",
            "Activities", CASE "Status" WHEN 'dormant' THEN 'dormant' ELSE 'active' END,
            substr("Last checked", 7, 4) || '-' || substr("Last checked", 4, 2) || '-'
                || substr("Last checked", 1, 2),
            '', NULL, '', NULL, "Faith group" = 'yes', '', 0, 0, '',
            '2026-11-24T03:06:28Z', '2026-11-24T03:06:28Z'
        FROM p.plain;
        INSERT INTO group_identifiers (group_id, position, scheme, value)
        SELECT p.plain.rowid, n.pos,
            CASE n.pos WHEN 0 THEN 'GB-CHC' ELSE 'GB-COH' END,
            CASE n.pos WHEN 0 THEN "Charity No" ELSE "Company Number" END
        FROM p.plain CROSS JOIN (SELECT 0 AS pos UNION ALL SELECT 1) AS n;
        COMMIT;"#,
    )
    .unwrap();
    let took = t.elapsed();
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count("groups") * 2, count("group_identifiers"));
    took
}
