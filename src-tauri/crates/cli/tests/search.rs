//! `compactdir groups search` on the real binary: the spellings a tester (CVS staff) typed and
//! found nothing for, on a file imported as they imported it.

mod common;
use common::*;

#[test]
fn groups_search_finds_everyday_spellings_of_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let file = dir.path().join("s.csv");
    std::fs::write(
        &file,
        "name,postcode\nSt John's Centre,M16 7GX\nG-Force,WA15 7DD\nStretford Foodbank,M32 0AA\n\
         Bluesci,M33 7AD\nSale and District Scout Council,M33 5DH\nSt Mary's Church Hall,M33 6AA\n",
    )
    .unwrap();
    let import = compactdir(&db, &["import", "groups", file.to_str().unwrap()]);
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    for (query, first) in [
        ("St. John's Centre", "St John's Centre"),
        ("Saint Johns Centre", "St John's Centre"),
        ("St Johns Centre", "St John's Centre"),
        ("G Force", "G-Force"),
        ("G- Force", "G-Force"),
        ("gforce", "G-Force"),
        ("food bank", "Stretford Foodbank"),
        ("foodbnak", "Stretford Foodbank"),
        ("Blue Sci", "Bluesci"),
        (
            "Sale & District Scout Council",
            "Sale and District Scout Council",
        ),
        ("St. Mary's", "St Mary's Church Hall"),
        ("saint marys", "St Mary's Church Hall"),
    ] {
        let out = compactdir(&db, &["groups", "search", query]);
        assert!(out.status.success(), "{query}");
        let csv = String::from_utf8_lossy(&out.stdout);
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let names: Vec<String> = rows.records().map(|r| r.unwrap()[1].to_string()).collect();
        assert_eq!(
            names.first().map(String::as_str),
            Some(first),
            "{query}: {csv}"
        );
    }
}
