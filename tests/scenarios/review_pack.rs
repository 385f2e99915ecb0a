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
    assert!(s.iter().any(|r| r[14].contains("Vacant: seat vacant")));
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
