//! Search ranking on the real Trafford grants file, whose recipients appear under several spellings.

use compactdir_core::domain::search::{SearchIndex, Searchable};
use compactdir_tests::real_data;

fn trafford_recipients() -> SearchIndex {
    let mut reader =
        csv::Reader::from_path(real_data("360giving_trafford_council_vcs_grants.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (name, postcode, company) = (
        col("Recipient Org:Name"),
        col("Recipient Org:Postal Code"),
        col("Recipient Org:Company Number"),
    );
    let mut seen = std::collections::HashSet::new();
    let items: Vec<Searchable> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| seen.insert(r[name].to_string()))
        .enumerate()
        .map(|(i, r)| Searchable {
            id: i as i64,
            name: r[name].to_string(),
            postcode: r[postcode].to_string(),
            identifiers: vec![r[company].to_string()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect(),
            ..Default::default()
        })
        .collect();
    SearchIndex::new(items)
}

#[test]
fn st_johns_finds_every_spelling_of_st_johns_centre_first() {
    let mut idx = trafford_recipients();
    let hits = idx.search("st johns", 10);
    let top: Vec<&str> = hits.iter().take(3).map(|h| h.name.as_str()).collect();
    for spelling in ["St John's Centre", "St Johns Centre", "St. John's Centre"] {
        assert!(
            top.contains(&spelling),
            "{spelling} should be in the top 3: {top:?}"
        );
    }
}

#[test]
fn g_force_spellings_are_found_together_and_a_company_number_finds_blue_sci() {
    let mut idx = trafford_recipients();
    let names: Vec<String> = idx
        .search("gforce", 5)
        .into_iter()
        .map(|h| h.name)
        .collect();
    for spelling in ["G Force", "G- Force", "G-Force"] {
        assert!(
            names.iter().any(|n| n == spelling),
            "{spelling} missing from {names:?}"
        );
    }
    let by_number = idx.search("09901361", 5);
    assert!(
        by_number
            .iter()
            .any(|h| h.name.to_lowercase().contains("blue")
                && h.matched_in.starts_with("identifier")),
        "the company number finds Blue Sci: {by_number:?}"
    );
}

/// A tester (CVS staff) typed everyday spellings of groups in the directory and found nothing:
/// the same spellings the duplicate scan already takes for one name. Through a real directory
/// file, as the CLI and the window's Ctrl+K read it.
#[test]
fn everyday_spellings_find_groups_in_a_real_directory_file() {
    use compactdir_core::domain::group::GroupInput;
    use compactdir_tests::TempDirectory;

    let t = TempDirectory::new();
    let store = t.open();
    let mut ids = std::collections::HashMap::new();
    for (name, other) in [
        ("St John's Centre", None),
        ("G-Force", None),
        ("Stretford Foodbank", None),
        ("Bluesci", None),
        ("Sale and District Scout Council", None),
        ("St Mary's Church Hall", None),
        ("Trafford Carers Centre", Some("Carers' Hub")),
    ] {
        let saved = store
            .save_group(GroupInput {
                name: name.into(),
                other_names: other.into_iter().map(String::from).collect(),
                ..Default::default()
            })
            .unwrap();
        ids.insert(name, saved.input.id.unwrap());
    }
    drop(store);
    let mut idx = t.open().search_index().unwrap();
    for (q, name) in [
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
        ("carers hub", "Trafford Carers Centre"),
    ] {
        let hits = idx.search(q, 10);
        assert_eq!(
            hits.first().map(|h| h.id),
            Some(ids[name]),
            "{q} should find {name} first: {hits:?}"
        );
    }
    let hub = &idx.search("carers hub", 1)[0];
    assert_eq!(hub.matched_in, "other name: Carers' Hub");
}
