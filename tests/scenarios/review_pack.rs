//! The annual partnership review pack on the demo directory: the four CSV files with the columns
//! the review needs, written so Excel and LibreOffice open them cleanly, and a README that says
//! what each column means and that the pack holds personal data.

use chrono::NaiveDate;
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
            "faith_seats",
            "bme_seats",
            "categories_missing",
            "categories_weak",
            "last_review",
            "next_review"
        ]
    );
    assert_eq!(p.len() - 1, 10, "the demo's ten partnerships");
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
            .all(|r| r[11].contains("Lesbian, gay, bisexual")),
        "a category nobody serves is missing everywhere"
    );

    let s = rows(&pack, "seats.csv");
    assert_eq!(s[0].len(), 15);
    assert_eq!(&s[0][14], "flags");
    assert_eq!(s.len() - 1, pack.seats);
    assert!(s
        .iter()
        .any(|r| r[14].contains("Vacant: no one holds this seat")));
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
    for column in ["seats_vacant", "attendance_rate", "categories_weak", "via"] {
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
            let held_from = |class: &'static str| {
                count(&move |s| constituency(s) && in_post(s) && &s[6] == class)
            };
            assert_eq!(p[7], held_from("community"), "{at}: vcse_seats_community");
            assert_eq!(p[8], held_from("voluntary"), "{at}: vcse_seats_voluntary");
            assert!(
                n(7) + n(8)
                    <= mine
                        .iter()
                        .filter(|s| constituency(s) && in_post(s))
                        .count(),
                "{at}"
            );
            // `report balance` counts the same seats the same way.
            let b = balance.iter().find(|b| b.name == name).unwrap();
            let at_b = format!("{at}: report balance");
            assert_eq!(b.seats, n(3), "{at_b}");
            assert_eq!(b.vcse_seats, n(6), "{at_b}");
            assert_eq!((b.community, b.voluntary), (n(7), n(8)), "{at_b}");
            assert_eq!((b.faith_seats, b.bme_seats), (n(9), n(10)), "{at_b}");
            assert_eq!(
                b.vacant.to_string(),
                count(&|s| constituency(s) && !in_post(s)),
                "{at_b}: vacant VCSE and residents' seats"
            );
        }
        if year == 2026 {
            assert!(ended >= 5, "the demo has terms ended this year ({ended})");
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
    // The partnerships list counts it vacant too.
    let listed = store.list_partnerships(today).unwrap();
    let hwb = listed
        .iter()
        .find(|p| p.name == "Health and Wellbeing Board")
        .unwrap();
    assert_eq!(hwb.vacant, 1);
}
