//! The representation gaps matrix at 1,000 partnerships, 20,000 seats and 100,000 groups (issue:
//! computing the whole matrix <= 50 ms), with loading from SQLite timed apart from computing.
//!
//!     cargo bench -p compactdir-core --bench gaps [-- PARTNERSHIPS]
//!
//! The directory is generated from a fixed seed into a real SQLite file in a temporary folder
//! (20 seats per partnership, 100 groups per partnership), then read back through the store.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use compactdir_core::domain::{balance, coverage, gaps};
use compactdir_core::synthetic::{self, Rng};
use compactdir_core::Store;
use rusqlite::{params, Connection};

const RUNS: usize = 21;

fn main() {
    let partnerships: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000);
    let groups = partnerships * 100;
    let dir = tempfile::tempdir().expect("a temporary folder");
    // GAPS_KEEP_DB=PATH keeps the generated directory there, for timing the window on it
    // (tests/e2e/bench/gaps-window.mjs).
    let path = std::env::var_os("GAPS_KEEP_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.sqlite3"));
    drop(Store::open(&path).expect("a new directory"));
    let t = Instant::now();
    let counts = generate(&path, partnerships, groups);
    println!(
        "generated {} partnerships, {} seats, {} groups, {} appointments in {:.1} s",
        partnerships,
        counts.0,
        groups,
        counts.1,
        t.elapsed().as_secs_f64()
    );

    let store = Store::open(&path).expect("the generated directory opens");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();

    let flags = median(|| {
        std::hint::black_box(store.flags(today).unwrap());
    });
    let load = median(|| {
        std::hint::black_box(store.representation_facts(today).unwrap());
    });
    let facts = store.representation_facts(today).unwrap();
    let mut matrix_times = times(|| {
        std::hint::black_box(gaps::matrix(&facts));
    });
    matrix_times.sort();
    let matrix = matrix_times[RUNS / 2];
    let m = gaps::matrix(&facts);
    let cells = m.rows.len() * m.columns.len();
    let sum = |f: fn(&gaps::Counts) -> usize| m.columns.iter().map(|c| f(&c.totals)).sum::<usize>();
    let bal = median(|| {
        std::hint::black_box(balance::balance(&facts));
    });
    let cov_load = median(|| {
        std::hint::black_box(store.coverage_facts().unwrap());
    });
    let (wards, categories, active) = store.coverage_facts().unwrap();
    let cov = median(|| {
        std::hint::black_box(coverage::coverage(&wards, &categories, &active));
    });
    let c = coverage::coverage(&wards, &categories, &active);
    // The annual review pack (issue: CSV import and exports): the whole folder, written.
    let pack_dir = dir.path().join("review");
    let pack = median(|| {
        std::hint::black_box(store.export_review(2026, &pack_dir, today).unwrap());
    });
    let groups_csv = median(|| {
        std::hint::black_box(store.export_groups(std::io::sink(), "nowhere").unwrap());
    });

    let text: usize = m
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .map(|c| c.explanation.len())
        .sum();
    println!(
        "matrix: {} rows x {} columns = {cells} cells ({} covered, {} weak, {} missing, {} reserved vacant), {:.1} MB of explanations",
        m.rows.len(),
        m.columns.len(),
        sum(|c| c.covered),
        sum(|c| c.weak),
        sum(|c| c.missing),
        sum(|c| c.reserved_vacant),
        text as f64 / 1e6
    );
    println!("medians of {RUNS} runs:");
    println!(
        "  load seats, holders, groups and flags (store.representation_facts): {}",
        ms(load)
    );
    println!(
        "    of which every seat's flags (store.flags):                          {}",
        ms(flags)
    );
    println!(
        "  compute the gaps matrix (domain::gaps::matrix):                       {} (fastest {}, slowest {})",
        ms(matrix),
        ms(matrix_times[0]),
        ms(matrix_times[RUNS - 1])
    );
    println!(
        "  compute the seat balance (domain::balance::balance):                  {}",
        ms(bal)
    );
    println!(
        "  load active groups for coverage (store.coverage_facts, {} groups):   {}",
        active.len(),
        ms(cov_load)
    );
    println!(
        "  compute coverage ({} wards x {} categories, {} gaps):                {}",
        c.rows.len(),
        c.columns.len(),
        c.gaps.len(),
        ms(cov)
    );
    println!(
        "  write the annual review pack (store.export_review, 4 CSV files + README): {}",
        ms(pack)
    );
    println!(
        "    of which groups.csv alone (store.export_groups, {groups} groups):        {}",
        ms(groups_csv)
    );
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn times(mut f: impl FnMut()) -> Vec<Duration> {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

fn median(f: impl FnMut()) -> Duration {
    let mut t = times(f);
    t.sort();
    t[RUNS / 2]
}

fn date(rng: &mut Rng, from_year: i32, years: usize) -> String {
    format!(
        "{}-{:02}-{:02}",
        from_year + rng.below(years) as i32,
        1 + rng.below(12),
        1 + rng.below(28)
    )
}

/// Writes the directory in one transaction; returns (seats, appointments).
fn generate(path: &std::path::Path, partnerships: usize, groups: usize) -> (usize, usize) {
    let mut rng = Rng::new(2026);
    let mut c = Connection::open(path).unwrap();
    let tx = c.transaction().unwrap();
    let wards: Vec<i64> = tx
        .prepare("SELECT id FROM wards")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let cats: Vec<i64> = tx
        .prepare("SELECT id FROM categories ORDER BY position")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // One category retired but still on records, as happens.
    tx.execute(
        "UPDATE categories SET retired_at = '2026-01-01T00:00:00Z' WHERE id = ?1",
        [cats[11]],
    )
    .unwrap();
    // Two categories almost nobody serves, as in real directories.
    let rare = [cats[2], cats[9]];
    let pick_cat = |rng: &mut Rng| loop {
        let c = cats[rng.below(cats.len())];
        if !rare.contains(&c) || rng.below(2000) == 0 {
            return c;
        }
    };
    {
        let mut g = tx
            .prepare(
                "INSERT INTO groups (id, name, postcode, ward_id, activities, status, faith, bme_led,
                   bme_serving, class_override, class_override_reason, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            )
            .unwrap();
        let mut f = tx
            .prepare("INSERT INTO group_features (group_id, number, side) VALUES (?1, ?2, ?3)")
            .unwrap();
        let mut gc = tx
            .prepare(
                "INSERT OR IGNORE INTO group_categories (group_id, category_id) VALUES (?1, ?2)",
            )
            .unwrap();
        let mut pw = tx
            .prepare("INSERT OR IGNORE INTO group_place_wards (group_id, ward_id) VALUES (?1, ?2)")
            .unwrap();
        for id in 1..=groups as i64 {
            let s = synthetic::group(&mut rng);
            let status = match rng.below(20) {
                0 => "closed",
                1 | 2 => "dormant",
                _ => "active",
            };
            let class = match rng.below(20) {
                0 => Some("community"),
                1 => Some("voluntary"),
                _ => None,
            };
            g.execute(params![
                id,
                s.name,
                s.postcode,
                (rng.below(10) > 0).then(|| wards[rng.below(wards.len())]),
                s.activities,
                status,
                rng.below(12) == 0,
                rng.below(10) == 0,
                rng.below(10) == 0,
                class,
                class.map(|_| "set by staff").unwrap_or_default(),
            ])
            .unwrap();
            // Community-leaning or voluntary-leaning answers to 4 to 8 features.
            let lean = rng.below(3);
            for n in 1..=(4 + rng.below(5)) {
                let side = if rng.below(4) < lean + 1 {
                    "community"
                } else {
                    "voluntary"
                };
                f.execute(params![id, n as i64, side]).unwrap();
            }
            for _ in 0..rng.below(4) {
                gc.execute(params![id, pick_cat(&mut rng)]).unwrap();
            }
            for _ in 0..rng.below(3) {
                pw.execute(params![id, wards[rng.below(wards.len())]])
                    .unwrap();
            }
        }
    }
    let people = partnerships * 15;
    {
        let mut p = tx
            .prepare("INSERT INTO people (id, name, lawful_basis) VALUES (?1, ?2, 'legitimate_interest')")
            .unwrap();
        for id in 1..=people as i64 {
            p.execute(params![id, format!("Person {id}")]).unwrap();
        }
    }
    let mut seats = 0;
    let mut appointments = 0;
    {
        let mut p = tx
            .prepare("INSERT INTO partnerships (id, name, kind) VALUES (?1, ?2, ?3)")
            .unwrap();
        let mut s = tx
            .prepare(
                "INSERT INTO seats (id, partnership_id, position, label, sector, constituency)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .unwrap();
        let mut sc = tx
            .prepare("INSERT OR IGNORE INTO seat_categories (seat_id, category_id) VALUES (?1, ?2)")
            .unwrap();
        let mut a = tx
            .prepare(
                "INSERT INTO appointments (id, seat_id, person_id, group_id, role, term_start, term_end,
                   selection, openly_selected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .unwrap();
        let mut rb = tx
            .prepare("INSERT INTO report_backs (appointment_id, on_date) VALUES (?1, ?2)")
            .unwrap();
        let mut dc = tx
            .prepare(
                "INSERT INTO declarations (appointment_id, on_date, is_nil) VALUES (?1, ?2, 1)",
            )
            .unwrap();
        let mut m = tx
            .prepare("INSERT INTO meetings (id, partnership_id, on_date) VALUES (?1, ?2, ?3)")
            .unwrap();
        let mut at = tx
            .prepare(
                "INSERT INTO attendance (meeting_id, appointment_id, status) VALUES (?1, ?2, ?3)",
            )
            .unwrap();
        let kinds = ["strategic", "service_delivery", "network", "forum"];
        let mut meeting_id = 0i64;
        for pid in 1..=partnerships as i64 {
            p.execute(params![
                pid,
                format!("Partnership {pid}"),
                kinds[rng.below(4)]
            ])
            .unwrap();
            let meetings: Vec<i64> = ["2026-03-10", "2026-06-10", "2026-09-10", "2026-11-10"]
                .iter()
                .map(|d| {
                    meeting_id += 1;
                    m.execute(params![meeting_id, pid, d]).unwrap();
                    meeting_id
                })
                .collect();
            for pos in 1..=20i64 {
                seats += 1;
                let sid = seats as i64;
                let sector = match pos {
                    1..=6 => "public",
                    7..=18 => "vcse",
                    _ => "residents",
                };
                s.execute(params![
                    sid,
                    pid,
                    pos,
                    format!("Seat {pos}"),
                    sector,
                    "Members of the network"
                ])
                .unwrap();
                if sector != "public" {
                    for _ in 0..rng.below(3) {
                        sc.execute(params![sid, pick_cat(&mut rng)]).unwrap();
                    }
                }
                for (role, chance) in [("holder", 9), ("alternate", 3)] {
                    if rng.below(10) >= chance {
                        continue;
                    }
                    appointments += 1;
                    let aid = appointments as i64;
                    let start = date(&mut rng, 2023, 4);
                    let end = match rng.below(4) {
                        0 => None,
                        _ => Some(date(&mut rng, 2026, 3)),
                    }
                    .filter(|e| *e >= start);
                    let group = (sector != "public").then(|| 1 + rng.below(groups) as i64);
                    let open = sector == "public" || rng.below(5) > 0;
                    a.execute(params![
                        aid,
                        sid,
                        1 + rng.below(people) as i64,
                        group,
                        role,
                        start,
                        end,
                        if open { "open_election" } else { "co_opted" },
                        open
                    ])
                    .unwrap();
                    if role == "holder" {
                        if rng.below(10) < 7 {
                            rb.execute(params![aid, date(&mut rng, 2026, 1)]).unwrap();
                        }
                        if rng.below(10) < 7 {
                            dc.execute(params![aid, date(&mut rng, 2025, 2)]).unwrap();
                        }
                        for &mid in &meetings {
                            let status =
                                ["present", "present", "apologies", "absent"][rng.below(4)];
                            at.execute(params![mid, aid, status]).unwrap();
                        }
                    }
                }
            }
        }
    }
    tx.commit().unwrap();
    (seats, appointments)
}
