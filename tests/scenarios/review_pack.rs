//! The annual partnership review pack on the demo directory: the four CSV files with the columns
//! the review needs, written so Excel and LibreOffice open them cleanly, and a README that says
//! what each column means and that the pack holds personal data.

use chrono::{Datelike, NaiveDate};
use compactdir_core::store::ReviewPack;
use compactdir_core::CoreError;
use compactdir_tests::TempDirectory;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A file's rows, after checking it is UTF-8 with a BOM and CRLF line ends.
fn rows(pack: &ReviewPack, file: &str) -> Vec<csv::StringRecord> {
    let bytes = std::fs::read(pack.folder.join(file)).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{file} starts with a BOM"
    );
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(
        text.split('\n')
            .filter(|l| !l.is_empty())
            .all(|l| l.ends_with('\r')),
        "{file} has CRLF line ends"
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn the_review_pack_of_the_demo_has_every_file_and_column_the_review_needs() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let out = t.dir.path().join("review-2026");
    let pack = store.export_review(2026, &out, day("2026-11-23")).unwrap();
    assert_eq!(pack.as_of, "2026-11-23", "the current year is judged today");

    let p = rows(&pack, "partnerships.csv");
    assert_eq!(
        p[0].iter().collect::<Vec<_>>(),
        [
            "partnership",
            "kind",
            "convenor",
            "seats_total",
            "seats_filled",
            "seats_vacant",
            "vcse_seats",
            "vcse_seats_community",
            "vcse_seats_voluntary",
            "residents_seats",
            "residents_seats_community",
            "residents_seats_voluntary",
            "faith_seats",
            "bme_seats",
            "categories_missing",
            "categories_weak",
            "last_review",
            "next_review",
            "seats_mixed",
            "seats_unclassified",
            "seats_no_group",
            "balance_warnings",
            "review_overdue"
        ]
    );
    assert_eq!(p.len() - 1, 10, "the demo's ten partnerships");
    // The seat balance's warnings, as the Gaps screen words them, and the counts that with
    // community and voluntary make up every VCSE and residents' seat with a holder in post.
    let balance = store.seat_balance(day("2026-11-23")).unwrap();
    for r in &p[1..] {
        let b = balance.iter().find(|b| b.name == r[0]).unwrap();
        let words: Vec<&str> = b.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(&r[21], words.join(" | "), "{}", &r[0]);
        assert_eq!(
            (
                r[18].parse().unwrap(),
                r[19].parse().unwrap(),
                r[20].parse().unwrap()
            ),
            (b.mixed, b.unclassified, b.no_group)
        );
    }
    assert!(
        p[1..]
            .iter()
            .any(|r| r[21].contains("none by a community group")),
        "the demo has a partnership whose VCSE seats no community group holds"
    );
    let csp = p
        .iter()
        .find(|r| &r[0] == "Community Safety Partnership")
        .unwrap();
    let n = |r: &csv::StringRecord, i: usize| r[i].parse::<usize>().unwrap();
    assert_eq!(n(csp, 3), n(csp, 4) + n(csp, 5), "filled + vacant = total");
    assert_eq!(
        n(csp, 7),
        0,
        "its VCSE seats are held by voluntary organisations only"
    );
    assert!(n(csp, 8) > 0);
    assert!(
        p.iter()
            .skip(1)
            .all(|r| r[14].contains("Lesbian, gay, bisexual")),
        "a category nobody serves is missing everywhere"
    );

    let s = rows(&pack, "seats.csv");
    assert_eq!(s[0].len(), 18);
    assert_eq!(&s[0][14], "flags");
    assert_eq!((&s[0][15], &s[0][16]), ("alternate", "alternate_group"));
    assert_eq!(&s[0][17], "constituency_wards");
    assert!(
        s[1..].iter().any(|r| r[17].contains("; ")),
        "an area seat lists its wards"
    );
    assert_eq!(s.len() - 1, pack.seats);
    assert!(s
        .iter()
        .any(|r| r[14].contains("Vacant: no one holds this seat")));
    // Partnership by partnership in partnerships.csv's order (not the order they were added).
    let mut in_seats: Vec<&str> = s[1..].iter().map(|r| &r[0]).collect();
    in_seats.dedup();
    let listed: Vec<&str> = p[1..].iter().map(|r| &r[0]).collect();
    assert_eq!(in_seats, listed);
    assert!(s
        .iter()
        .any(|r| r[11].starts_with("2026-") && r[13].contains("% of ")));
    assert!(s.iter().any(|r| r[12].contains("(nothing to declare)")));

    let g = rows(&pack, "gaps.csv");
    assert_eq!(
        g[0].iter().collect::<Vec<_>>(),
        ["partnership", "category", "status", "via"]
    );
    assert_eq!(g.len() - 1, pack.gaps);
    assert!(g
        .iter()
        .skip(1)
        .all(|r| ["covered", "weak", "missing"].contains(&&r[2])));

    let groups = rows(&pack, "groups.csv");
    assert_eq!(groups.len() - 1, 120);
    let readme = std::fs::read_to_string(out.join("README.txt")).unwrap();
    assert!(readme.contains("THIS PACK CONTAINS PERSONAL DATA"));
    // Quoting alone does not keep 00738693 as text in Excel: the README says how to.
    assert!(readme.contains("To keep leading zeros"));
    for column in [
        "alternate_group",
        "seats_vacant",
        "residents_seats",
        "vcse_seats_community",
        "residents_seats_voluntary",
        "attendance_rate",
        "categories_weak",
        "via",
        "review_overdue",
    ] {
        assert!(readme.contains(column), "README.txt explains {column}");
    }

    // A past year is judged at its end; a year not yet begun is refused.
    let last = store
        .export_review(2025, &t.dir.path().join("r2025"), day("2026-11-23"))
        .unwrap();
    assert_eq!(last.as_of, "2025-12-31");
    assert!(matches!(
        store.export_review(2027, &t.dir.path().join("r2027"), day("2026-11-23")),
        Err(CoreError::Conflict(m)) if m.contains("has not begun")
    ));
    // So is a year before 1900 (a slip for 1999, say), and no folder is made for it.
    assert!(matches!(
        store.export_review(199, &t.dir.path().join("r199"), day("2026-11-23")),
        Err(CoreError::Conflict(m)) if m.starts_with("199 is before 1900")
    ));
    assert!(!t.dir.path().join("r199").exists());
}

/// The labels of one `Record<string, string>` in the window's words.ts: (code, words).
fn window_labels(words_ts: &str, name: &str) -> Vec<(String, String)> {
    let start = words_ts
        .find(&format!("export const {name}"))
        .unwrap_or_else(|| panic!("{name} in words.ts"));
    let block = &words_ts[start..];
    let block = &block[block.find('{').unwrap() + 1..block.find("};").unwrap()];
    block
        .lines()
        .filter_map(|l| {
            let (code, words) = l.trim().split_once(": ")?;
            Some((
                code.to_string(),
                words.trim_end_matches(',').trim_matches('"').to_string(),
            ))
        })
        .collect()
}

/// The tester's finding: seats.csv's `selection` holds codes (open_election, co_opted) where
/// the window says "Open election by the constituency", and README.txt did not list them. It
/// lists every selection and sector code with the very words the window shows (read from the
/// window's own words.ts, so the two cannot drift apart), and the CSV keeps the codes.
#[test]
fn readme_txt_lists_every_selection_and_sector_code_with_the_windows_words() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let out = t.dir.path().join("review-2026");
    let pack = store.export_review(2026, &out, day("2026-11-24")).unwrap();
    let readme = std::fs::read_to_string(out.join("README.txt")).unwrap();
    let words_ts = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/src/features/partnerships/words.ts"),
    )
    .unwrap();
    for name in ["SELECTION_LABELS", "SECTOR_LABELS"] {
        let labels = window_labels(&words_ts, name);
        assert_eq!(labels.len(), 5, "{name}: {labels:?}");
        for (code, words) in labels {
            let line = format!("      {code}: {words}");
            assert!(
                readme.lines().any(|l| l.trim_end() == line),
                "README.txt lists {line:?}"
            );
        }
    }
    let seats = rows(&pack, "seats.csv");
    assert_eq!(&seats[0][7], "selection");
    assert!(
        seats[1..].iter().any(|r| &r[7] == "co_opted")
            || seats[1..].iter().any(|r| &r[7] == "open_election"),
        "the CSV keeps the codes"
    );
    assert!(seats[1..]
        .iter()
        .all(|r| r[7].is_empty() || readme.contains(&format!("      {}: ", &r[7]))));
}

/// The tester's finding: City Partnership Board's "Next annual review 12 November 2026" had
/// passed on 24 November with no "overdue" anywhere. partnerships.csv says so in its last
/// column, judged as at the pack's day: by the end of 2025 that review was not yet due.
#[test]
fn a_passed_review_date_is_overdue_in_partnerships_csv_as_at_the_packs_day() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let today = day("2026-11-24");
    let overdue = |year: i32| -> Vec<(String, String, String)> {
        let pack = store
            .export_review(year, &t.dir.path().join(format!("r{year}")), today)
            .unwrap();
        let p = rows(&pack, "partnerships.csv");
        assert_eq!(&p[0][22], "review_overdue");
        p[1..]
            .iter()
            .map(|r| (r[0].to_string(), r[17].to_string(), r[22].to_string()))
            .collect()
    };
    let now = overdue(2026);
    let cpb = now
        .iter()
        .find(|r| r.0 == "City Partnership Board")
        .unwrap();
    assert_eq!((cpb.1.as_str(), cpb.2.as_str()), ("2026-11-12", "yes"));
    for (name, next, flag) in &now {
        let passed = !next.is_empty() && next.as_str() < "2026-11-24";
        assert_eq!(flag, if passed { "yes" } else { "no" }, "{name} ({next})");
    }
    assert!(
        now.iter().any(|r| r.2 == "no" && !r.1.is_empty()),
        "a review still to come is not overdue"
    );
    let last_year = overdue(2025);
    let cpb = last_year
        .iter()
        .find(|r| r.0 == "City Partnership Board")
        .unwrap();
    assert_eq!(cpb.2, "no", "on 31 December 2025 it was not yet due");
}

/// The tester's finding: a seat whose holder's term had ended showed no holder in seats.csv, was
/// vacant in seats_vacant and yet held in vcse_seats_voluntary, and `report balance` counted it
/// as held. One rule now: the last holder is named, flagged "Term ended", and the seat is vacant
/// everywhere it is counted. Checked for every partnership of the demo, this year and last.
#[test]
fn every_partnerships_counts_add_up_and_agree_with_seats_csv_and_the_seat_balance() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let today = day("2026-11-23");
    for year in [2026, 2025] {
        let pack = store
            .export_review(year, &t.dir.path().join(format!("r{year}")), today)
            .unwrap();
        let seats = rows(&pack, "seats.csv");
        let partnerships = rows(&pack, "partnerships.csv");
        let balance = store.seat_balance(day(&pack.as_of)).unwrap();
        // Each group's faith and BME flags, as groups.csv gives them.
        let groups = rows(&pack, "groups.csv");
        let column = |name: &str| groups[0].iter().position(|c| c == name).unwrap();
        let (faith, bme) = (column("faith_group"), column("bme"));
        let flagged: std::collections::HashMap<String, (bool, bool)> = groups[1..]
            .iter()
            .map(|g| (g[1].to_string(), (&g[faith] != "no", &g[bme] != "no")))
            .collect();
        let mut alternates = 0;
        let mut ended = 0;
        for p in &partnerships[1..] {
            let name = &p[0];
            let mine: Vec<&csv::StringRecord> =
                seats[1..].iter().filter(|s| &s[0] == name).collect();
            let term_ended = |s: &csv::StringRecord| s[14].contains("Term ended: ");
            let in_post = |s: &&&csv::StringRecord| !s[4].is_empty() && !term_ended(s);
            for s in &mine {
                if term_ended(s) {
                    ended += 1;
                    assert!(
                        !s[4].is_empty() && !s[9].is_empty() && !s[10].is_empty(),
                        "{year} {name}, {}: the last holder and their term are named",
                        &s[1]
                    );
                }
            }
            let constituency = |s: &&&csv::StringRecord| ["vcse", "residents"].contains(&&s[2]);
            let count = |f: &dyn Fn(&&&csv::StringRecord) -> bool| {
                mine.iter().filter(|s| f(s)).count().to_string()
            };
            let n = |i: usize| p[i].parse::<usize>().unwrap();
            let at = format!("{year} {name}");
            assert_eq!(p[3], mine.len().to_string(), "{at}: seats_total");
            assert_eq!(p[4], count(&in_post), "{at}: seats_filled");
            assert_eq!(n(4) + n(5), n(3), "{at}: filled + vacant = total");
            assert_eq!(p[6], count(&|s| &s[2] == "vcse"), "{at}: vcse_seats");
            assert_eq!(
                p[9],
                count(&|s| &s[2] == "residents"),
                "{at}: residents_seats"
            );
            let held_from = |sector: &'static str, class: &'static str| {
                count(&move |s| &s[2] == sector && in_post(s) && &s[6] == class)
            };
            assert_eq!(
                p[7],
                held_from("vcse", "community"),
                "{at}: vcse_seats_community"
            );
            assert_eq!(
                p[8],
                held_from("vcse", "voluntary"),
                "{at}: vcse_seats_voluntary"
            );
            assert_eq!(
                p[10],
                held_from("residents", "community"),
                "{at}: residents_seats_community"
            );
            assert_eq!(
                p[11],
                held_from("residents", "voluntary"),
                "{at}: residents_seats_voluntary"
            );
            // The tester's finding: community 4 and voluntary 1 "of 3 VCSE seats". Each split
            // is over the seats counted beside it, so it adds up from the row alone.
            assert!(
                n(7) + n(8) <= n(6),
                "{at}: vcse community + voluntary <= vcse_seats"
            );
            assert!(
                n(10) + n(11) <= n(9),
                "{at}: residents community + voluntary <= residents_seats"
            );
            // The tester's finding: faith_seats counted alternates seats.csv did not name. Each
            // count now follows from seats.csv's holders in post and alternates and groups.csv.
            let from = |s: &csv::StringRecord, which: fn((bool, bool)) -> bool| {
                let holder = in_post(&&s) && flagged.get(&s[5]).copied().is_some_and(which);
                let alternate = flagged.get(&s[16]).copied().is_some_and(which);
                holder || alternate
            };
            assert_eq!(
                p[12],
                count(&|s| from(s, |f| f.0)),
                "{at}: faith_seats from seats.csv"
            );
            assert_eq!(
                p[13],
                count(&|s| from(s, |f| f.1)),
                "{at}: bme_seats from seats.csv"
            );
            alternates += mine.iter().filter(|s| !s[15].is_empty()).count();
            // `report balance` counts the same seats the same way.
            let b = balance.iter().find(|b| b.name == name).unwrap();
            let at_b = format!("{at}: report balance");
            assert_eq!(b.seats, n(3), "{at_b}");
            assert_eq!((b.vcse_seats, b.residents_seats), (n(6), n(9)), "{at_b}");
            assert_eq!(
                (b.community, b.voluntary),
                (n(7) + n(10), n(8) + n(11)),
                "{at_b}"
            );
            assert_eq!((b.faith_seats, b.bme_seats), (n(12), n(13)), "{at_b}");
            assert_eq!(
                b.vacant.to_string(),
                count(&|s| constituency(s) && !in_post(s)),
                "{at_b}: vacant VCSE and residents' seats"
            );
        }
        if year == 2026 {
            assert!(ended >= 5, "the demo has terms ended this year ({ended})");
            assert!(alternates >= 2, "the demo has alternates ({alternates})");
        }
    }

    // The seats the tester looked at.
    let pack = store
        .export_review(2026, &t.dir.path().join("again"), today)
        .unwrap();
    let seats = rows(&pack, "seats.csv");
    let row = |partnership: &str, seat: &str| {
        seats
            .iter()
            .find(|s| &s[0] == partnership && &s[1] == seat)
            .unwrap()
            .clone()
    };
    let little_hulton = row(
        "Children and Young People's Trust",
        "Little Hulton young people",
    );
    assert_eq!(
        (&little_hulton[4], &little_hulton[5], &little_hulton[10]),
        ("Tyler Nwosu", "Little Hulton Youth Forum", "2026-07-31")
    );
    assert!(little_hulton[14].starts_with("Term ended: term ended 31 July 2026"));
    let disabled = row("Health and Wellbeing Board", "Disabled people's seat");
    assert_eq!(&disabled[4], "Joanne Kilbride");
    let p = rows(&pack, "partnerships.csv");
    let hwb = p
        .iter()
        .find(|r| &r[0] == "Health and Wellbeing Board")
        .unwrap();
    assert_eq!(
        (&hwb[5], &hwb[6], &hwb[8]),
        ("1", "6", "5"),
        "one seat vacant: six VCSE seats, five held by voluntary organisations"
    );
    // The tester's row: "4 of 3 VCSE seats held by community groups", because residents' seats
    // were counted in the split. Each sector now has its own, adding up to its seats.
    let east = p
        .iter()
        .find(|r| &r[0] == "Neighbourhood Partnership (East)")
        .unwrap();
    let e = |i: usize| east[i].parse::<usize>().unwrap();
    assert_eq!((e(6), e(9)), (3, 3), "vcse, residents");
    assert_eq!(
        (e(7) + e(10), e(8) + e(11)),
        (4, 1),
        "community and voluntary over both, as report balance counts them"
    );
    assert!(e(7) + e(8) <= e(6) && e(10) + e(11) <= e(9));
    // The partnerships list counts it vacant too.
    let listed = store.list_partnerships(today).unwrap();
    let hwb = listed
        .iter()
        .find(|p| p.name == "Health and Wellbeing Board")
        .unwrap();
    assert_eq!(hwb.vacant, 1);
}

/// The tester's finding: a partnership and seat added this year went into last year's pack as a
/// vacant seat and sixteen missing categories. A pack now leaves out what was added after its
/// day (by the audit trail's record of the addition), except a seat whose holder's term had
/// begun by then: a secretary entering past terms shows it was there.
#[test]
fn a_past_years_pack_leaves_out_seats_and_partnerships_added_since() {
    use compactdir_core::domain::partnership::{SeatInput, Sector};
    use compactdir_core::store::AppointmentInput;

    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    // Added now, by the real clock, as the trail records it.
    compactdir_tests::forum_seat(&store, "Boundary Forum", "Starts after year");
    let board = store
        .list_partnerships(day("2026-11-23"))
        .unwrap()
        .into_iter()
        .find(|p| p.name == "City Partnership Board")
        .unwrap()
        .id;
    let seat = |label: &str| {
        store
            .save_seat(SeatInput {
                partnership_id: board,
                label: label.into(),
                sector: Sector::Vcse,
                ..Default::default()
            })
            .unwrap()
    };
    seat("New seat, vacant");
    let entered = seat("Seat entered late");
    store
        .appoint(AppointmentInput {
            seat_id: entered,
            new_person: "Carol Early".into(),
            term_start: "1999-01-04".into(),
            selection: "open_election".into(),
            openly_selected: true,
            ..Default::default()
        })
        .unwrap();

    let today = chrono::Local::now().date_naive();
    let names = |pack: &ReviewPack, file: &str, column: usize| -> Vec<String> {
        rows(pack, file)[1..]
            .iter()
            .map(|r| r[column].to_string())
            .collect()
    };
    for year in [2000, today.year() - 1] {
        let pack = store
            .export_review(year, &t.dir.path().join(format!("r{year}")), today)
            .unwrap();
        let partnerships = names(&pack, "partnerships.csv", 0);
        let seats = names(&pack, "seats.csv", 1);
        assert!(
            !partnerships.contains(&"Boundary Forum".to_string()),
            "{year}"
        );
        assert!(!names(&pack, "gaps.csv", 0).contains(&"Boundary Forum".to_string()));
        assert!(!seats.contains(&"Starts after year".to_string()), "{year}");
        assert!(!seats.contains(&"New seat, vacant".to_string()), "{year}");
        assert!(seats.contains(&"Seat entered late".to_string()), "{year}");
        // The counts are of the same seats.
        let p = rows(&pack, "partnerships.csv");
        let cpb = p
            .iter()
            .find(|r| &r[0] == "City Partnership Board")
            .unwrap();
        let listed = rows(&pack, "seats.csv")[1..]
            .iter()
            .filter(|r| &r[0] == "City Partnership Board")
            .count();
        assert_eq!(cpb[3], listed.to_string(), "{year}: seats_total");
        assert_eq!(pack.partnerships, 10, "{year}");
    }
    let readme = std::fs::read_to_string(t.dir.path().join("r2000/README.txt")).unwrap();
    assert!(readme.contains("as recorded now"), "{readme}");

    // This year's pack has them all.
    let pack = store
        .export_review(today.year(), &t.dir.path().join("now"), today)
        .unwrap();
    assert!(names(&pack, "partnerships.csv", 0).contains(&"Boundary Forum".to_string()));
    let seats = names(&pack, "seats.csv", 1);
    for s in ["Starts after year", "New seat, vacant", "Seat entered late"] {
        assert!(seats.contains(&s.to_string()), "{s}");
    }
}

/// The tester's finding: with a folder where groups.csv goes, the pack failed after writing
/// partnerships.csv, seats.csv and gaps.csv and before README.txt. Now every file is written
/// under a temporary name and put in place once all are: a failure leaves nothing new, and an
/// earlier pack in the folder is left whole.
#[test]
fn a_pack_that_fails_leaves_nothing_new_in_the_folder() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let listing = compactdir_tests::names_in;
    let today = day("2026-11-23");
    for in_the_way in [
        "groups.csv",
        "seats.csv",
        "partnerships.csv",
        "gaps.csv",
        "README.txt",
    ] {
        let half = t.dir.path().join(format!("half-{in_the_way}"));
        std::fs::create_dir_all(half.join(in_the_way)).unwrap();
        std::fs::write(half.join("notes.txt"), "mine").unwrap();
        let err = store.export_review(2026, &half, today).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "could not write to {}: it is a folder, not a file",
                half.join(in_the_way).display()
            )
        );
        let mut expected = [in_the_way, "notes.txt"];
        expected.sort();
        assert_eq!(listing(&half), expected, "{in_the_way}");
    }

    // An earlier pack: a failed one over it leaves it as it was; a good one replaces it whole.
    let old = t.dir.path().join("old");
    store.export_review(2025, &old, today).unwrap();
    let before: Vec<(String, Vec<u8>)> = listing(&old)
        .into_iter()
        .map(|n| (n.clone(), std::fs::read(old.join(&n)).unwrap()))
        .collect();
    std::fs::remove_file(old.join("README.txt")).unwrap();
    std::fs::create_dir(old.join("README.txt")).unwrap();
    assert!(store.export_review(2026, &old, today).is_err());
    for (name, bytes) in &before {
        if name != "README.txt" {
            assert_eq!(&std::fs::read(old.join(name)).unwrap(), bytes, "{name}");
        }
    }
    std::fs::remove_dir(old.join("README.txt")).unwrap();
    store.export_review(2026, &old, today).unwrap();
    assert_eq!(
        listing(&old),
        [
            "README.txt",
            "gaps.csv",
            "groups.csv",
            "partnerships.csv",
            "seats.csv"
        ]
    );
    assert!(std::fs::read_to_string(old.join("README.txt"))
        .unwrap()
        .contains("review pack for 2026"));
}
