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
