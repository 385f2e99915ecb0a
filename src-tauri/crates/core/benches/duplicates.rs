//! Duplicate groups: scan time and recall at 100k generated groups with injected typos and
//! variants, and precision and recall on the real Trafford grants file (issue: recall >= 0.9 of
//! the pairs sharing a `Recipient Org:Identifier` but spelt differently, precision >= 0.9 above
//! the default threshold; 100k groups in <= 30 s).
//!
//!     cargo bench -p compactdir-core --bench duplicates [-- SIZE] [--verbose]
//!
//! The grants file is found through `$COMPACTDIR_REAL_DATA` or `shared/data/real/` above the
//! project. It is loaded as a directory (one group per distinct recipient row, through
//! `Store::save_group`); a charity or company number already held by another group is left off,
//! as the directory allows one holder, so the scan finds these pairs by their names.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use compactdir_core::domain::duplicate_scan::{scan, ScanOptions, ScanStage};
use compactdir_core::domain::duplicates::{normalise_name, DuplicateRecord};
use compactdir_core::domain::group::GroupInput;
use compactdir_core::domain::identifier::Identifier;
use compactdir_core::synthetic::Rng;
use compactdir_core::Store;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let verbose = args.iter().any(|a| a == "--verbose");
    generated(size, verbose);
    real(verbose);
}

// ---------------------------------------------------------------------------------------------
// Generated directory

const STARTS: &[&str] = &[
    "Ash", "Brook", "Kel", "Mar", "Wood", "Hol", "Ald", "Bar", "Crom", "Den", "Elm", "Fern",
    "Glen", "Hay", "Ivy", "Kirk", "Lin", "Mill", "Nor", "Oak", "Pen", "Red", "Stan", "Thorn", "Up",
    "Wen", "Whit", "Wy", "Bram", "Cal", "Dun", "Eg", "Fal", "Gor", "Har", "Lang",
];
const ENDS: &[&str] = &[
    "ley", "ton", "field", "wood", "bury", "ford", "ham", "well", "dale", "side", "croft", "gate",
    "hurst", "by", "mere", "stead", "brook", "worth", "cote", "low",
];
const STREETS: &[&str] = &[
    "Road", "Lane", "Street", "Park", "Green", "Avenue", "Estate", "Close", "Grove", "Hill",
];
const KINDS: &[&str] = &[
    "Tenants and Residents Association",
    "Community Centre",
    "Youth Forum",
    "Food Bank",
    "Carers Group",
    "Over 50s Club",
    "Allotment Society",
    "Parent & Toddler Group",
    "Credit Union",
    "Boxing Club",
    "Women's Centre",
    "Mental Health Support Group",
    "Refugee Support Network",
    "Disability Forum",
    "Luncheon Club",
    "Men's Shed",
    "Cricket Club",
    "Community Choir",
    "Arts Collective",
    "Advice Centre",
    "Befriending Service",
    "Scout Group",
    "Neighbourhood Watch",
    "Dementia Cafe",
    "Community Garden",
    "Homework Club",
    "Walking Group",
];
const FIRST: &[&str] = &[
    "Mary", "John", "Amina", "Grace", "Joseph", "Fatima", "Peter", "Ruth", "Samuel", "Ada",
    "Thomas", "Nora",
];
const LEGAL: &[&str] = &["", "", "", "", " CIC", " Ltd", " Limited", " Trust", " CIO"];
const CHAINS: &[&str] = &[
    "Trussell Trust Foodbank",
    "Age UK",
    "Citizens Advice",
    "Home-Start",
];
const AREAS: &[&str] = &[
    "M3", "M5", "M6", "M7", "M27", "M28", "M30", "M16", "M32", "M33", "M41", "WA14", "WA15",
];

/// Syllables of UK place and street names; real directories have thousands of distinct place
/// words, so a middle syllable widens the list to about 5,000.
const MIDS: &[&str] = &["", "er", "ing", "el", "an", "ow", "is"];

fn word(rng: &mut Rng) -> String {
    format!("{}{}{}", rng.pick(STARTS), rng.pick(MIDS), rng.pick(ENDS))
}

fn postcode(rng: &mut Rng) -> String {
    let letters = b"ABDEFGHJLNPQRSTUWXYZ";
    format!(
        "{} {}{}{}",
        rng.pick(AREAS),
        rng.below(10),
        letters[rng.below(letters.len())] as char,
        letters[rng.below(letters.len())] as char
    )
}

fn base_name(rng: &mut Rng) -> String {
    let legal = rng.pick(LEGAL);
    match rng.below(10) {
        0 => format!(
            "Friends of {} {}",
            word(rng),
            rng.pick(&["Park", "Green", "Woods"])
        ),
        1 => format!("St {}'s {}{legal}", rng.pick(FIRST), rng.pick(KINDS)),
        2 => format!("The {} {} Foundation", rng.pick(FIRST), word(rng)),
        3 => format!("{} and {} {}{legal}", word(rng), word(rng), rng.pick(KINDS)),
        _ => format!(
            "{} {} {}{legal}",
            word(rng),
            rng.pick(STREETS),
            rng.pick(KINDS)
        ),
    }
}

/// One spelling slip or variant, as spreadsheets carry them.
fn variant(rng: &mut Rng, name: &str) -> String {
    let mut words: Vec<String> = name.split(' ').map(str::to_string).collect();
    for _ in 0..1 + rng.below(2) {
        match rng.below(9) {
            0 | 1 => {
                // a typo in one word of 4 or more letters
                let long: Vec<usize> = (0..words.len())
                    .filter(|&i| words[i].chars().count() >= 4)
                    .collect();
                if long.is_empty() {
                    continue;
                }
                let i = long[rng.below(long.len())];
                let mut w2: Vec<char> = words[i].chars().collect();
                let at = 1 + rng.below(w2.len() - 1);
                match rng.below(4) {
                    0 => {
                        w2.remove(at);
                    }
                    1 => w2.swap(at - 1, at),
                    2 => w2[at] = (b'a' + rng.below(26) as u8) as char,
                    _ => w2.insert(at, w2[at - 1]),
                }
                words[i] = w2.into_iter().collect();
            }
            2 => words = words.iter().map(|w| w.to_lowercase()).collect(),
            3 => words = words.iter().map(|w| w.to_uppercase()).collect(),
            4 => {
                // punctuation: a hyphen between two words, or "St" with a full stop
                if let Some(i) = words.iter().position(|w| w == "St") {
                    words[i] = "St.".into();
                } else if words.len() > 2 {
                    let i = rng.below(words.len() - 1);
                    words[i] = format!("{}-", words[i]);
                }
            }
            5 => {
                for w in words.iter_mut() {
                    if w == "and" {
                        *w = "&".into();
                    } else if w == "&" {
                        *w = "and".into();
                    }
                }
            }
            6 => {
                if words[0] == "The" {
                    words.remove(0);
                } else {
                    words.insert(0, "The".into());
                }
            }
            7 => {
                let last = words.last().cloned().unwrap_or_default();
                if ["CIC", "Ltd", "Limited", "Trust", "CIO"].contains(&last.as_str()) {
                    words.pop();
                } else {
                    words.push(["CIC", "Ltd", "Limited", "CIO"][rng.below(4)].into());
                }
            }
            _ => {
                words = words.iter().map(|w| w.replace('\'', "")).collect();
            }
        }
    }
    words.join(" ").replace("- ", "-")
}

fn generated(size: usize, verbose: bool) {
    let mut rng = Rng::new(20_260_123);
    let mut records: Vec<DuplicateRecord> = Vec::with_capacity(size);
    // family[i]: records with the same family are one group (a base and its variants).
    let mut family: Vec<usize> = Vec::with_capacity(size);
    let injected = size / 10;
    let chains = size / 100;
    // Base names are all different once normalised: two equal names by chance would be
    // counted as wrong proposals though no rule could tell them apart.
    let mut names_seen = HashSet::new();
    for i in 0..size - injected - chains {
        let name = loop {
            let n = base_name(&mut rng);
            if names_seen.insert(normalise_name(&n)) {
                break n;
            }
        };
        records.push(DuplicateRecord {
            id: i as i64,
            name,
            postcode: if rng.below(10) < 7 {
                postcode(&mut rng)
            } else {
                String::new()
            },
            ..Default::default()
        });
        family.push(i);
    }
    // Same-name branches in different places: separate groups.
    for _ in 0..chains {
        let i = records.len();
        records.push(DuplicateRecord {
            id: i as i64,
            name: rng.pick(CHAINS).to_string(),
            postcode: postcode(&mut rng),
            ..Default::default()
        });
        family.push(i);
    }
    let bases = size - injected - chains;
    for _ in 0..injected {
        let b = rng.below(bases);
        let i = records.len();
        let name = variant(&mut rng, &records[b].name);
        let postcode = if rng.below(2) == 0 {
            records[b].postcode.clone()
        } else {
            String::new()
        };
        records.push(DuplicateRecord {
            id: i as i64,
            name,
            postcode,
            ..Default::default()
        });
        family.push(family[b]);
    }
    let mut truth: HashSet<(usize, usize)> = HashSet::new();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, f) in family.iter().enumerate() {
        members.entry(*f).or_default().push(i);
    }
    for m in members.values().filter(|m| m.len() > 1) {
        for (x, &a) in m.iter().enumerate() {
            for &b in &m[x + 1..] {
                truth.insert((a.min(b), a.max(b)));
            }
        }
    }

    let mut updates = 0;
    let mut last = None;
    let started = Instant::now();
    let out = scan(&records, &ScanOptions::default(), &mut |p| {
        updates += 1;
        last = Some(p);
    });
    let took = started.elapsed();
    let proposed: Vec<(usize, usize)> = out
        .pairs
        .iter()
        .map(|p| (p.group_a as usize, p.group_b as usize))
        .collect();
    let right = proposed.iter().filter(|p| truth.contains(p)).count();
    println!(
        "generated: {size} groups ({injected} injected variants, {chains} same-name branches), {} true pairs",
        truth.len()
    );
    println!(
        "  scan {:.2} s on {} threads, {} candidate pairs scored, {} progress reports (last: {:?} {}/{})",
        took.as_secs_f64(),
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        out.candidates,
        updates,
        last.map(|p| p.stage).unwrap_or(ScanStage::Preparing),
        last.map(|p| p.done).unwrap_or(0),
        last.map(|p| p.total).unwrap_or(0),
    );
    println!(
        "  recall {:.3} ({right} of {}), precision {:.3} ({right} of {} proposed)",
        right as f64 / truth.len().max(1) as f64,
        truth.len(),
        right as f64 / proposed.len().max(1) as f64,
        proposed.len()
    );
    if verbose {
        let found: HashSet<&(usize, usize)> = proposed.iter().collect();
        for (a, b) in truth.iter().filter(|p| !found.contains(p)).take(20) {
            println!(
                "    missed: {:?} / {:?}",
                records[*a].name, records[*b].name
            );
        }
        for p in out
            .pairs
            .iter()
            .filter(|p| !truth.contains(&(p.group_a as usize, p.group_b as usize)))
            .take(20)
        {
            println!(
                "    wrong: {:?} / {:?} {} {:?}",
                p.group_a_name, p.group_b_name, p.score, p.reasons
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The real grants file

fn real_file() -> Option<PathBuf> {
    let name = "360giving_trafford_council_vcs_grants.csv";
    std::env::var_os("COMPACTDIR_REAL_DATA")
        .map(PathBuf::from)
        .or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .map(|a| a.join("shared/data/real"))
                .find(|p| p.is_dir())
        })
        .map(|d| d.join(name))
        .filter(|p| p.exists())
}

/// One group per distinct recipient row; returns each group's `Recipient Org:Identifier`.
fn load_grants(store: &Store, path: &Path) -> HashMap<i64, String> {
    let mut reader = csv::Reader::from_path(path).expect("the grants file opens");
    let headers = reader.headers().expect("a header row").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column"))
    };
    let cols = [
        col("Recipient Org:Name"),
        col("Recipient Org:Identifier"),
        col("Recipient Org:Charity Number"),
        col("Recipient Org:Company Number"),
        col("Recipient Org:Postal Code"),
        col("Recipient Org:Web Address"),
    ];
    let mut seen = HashSet::new();
    let mut truth = HashMap::new();
    for row in reader.records() {
        let row = row.expect("a readable row");
        let key: Vec<String> = cols.iter().map(|&i| row[i].trim().to_string()).collect();
        if !seen.insert(key.clone()) {
            continue;
        }
        let mut identifiers = Vec::new();
        if !key[2].is_empty() {
            identifiers.push(Identifier {
                scheme: "GB-CHC".into(),
                value: key[2].clone(),
            });
        }
        if !key[3].is_empty() {
            identifiers.push(Identifier {
                scheme: "GB-COH".into(),
                value: key[3].clone(),
            });
        }
        let input = GroupInput {
            name: key[0].clone(),
            postcode: key[4].clone(),
            website: key[5].clone(),
            identifiers,
            ..Default::default()
        };
        let saved = store.save_group(input.clone()).or_else(|_| {
            store.save_group(GroupInput {
                identifiers: Vec::new(),
                ..input
            })
        });
        truth.insert(
            saved.expect("the group saves").input.id.expect("an id"),
            key[1].clone(),
        );
    }
    truth
}

fn real(verbose: bool) {
    let Some(path) = real_file() else {
        println!("real: the grants file was not found (set COMPACTDIR_REAL_DATA); skipped");
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(dir.path().join("grants.sqlite3")).expect("a directory file");
    let truth = load_grants(&store, &path);
    let names: HashMap<i64, String> = store
        .duplicate_records()
        .expect("records")
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let mut ids: Vec<i64> = truth.keys().copied().collect();
    ids.sort();
    // Pairs the file gives one identifier but different spellings.
    let mut spelt: HashSet<(i64, i64)> = HashSet::new();
    for (x, &a) in ids.iter().enumerate() {
        for &b in &ids[x + 1..] {
            if truth[&a] == truth[&b] && names[&a] != names[&b] {
                spelt.insert((a, b));
            }
        }
    }
    let started = Instant::now();
    let found = store
        .find_duplicates(&ScanOptions::default(), &mut |_| {})
        .expect("the scan runs");
    let took = started.elapsed();
    let proposed: HashSet<(i64, i64)> = found
        .pairs
        .iter()
        .map(|p| (p.group_a.min(p.group_b), p.group_a.max(p.group_b)))
        .collect();
    let recalled = spelt.iter().filter(|p| proposed.contains(p)).count();
    let right = proposed
        .iter()
        .filter(|(a, b)| truth[a] == truth[b])
        .count();
    println!(
        "real: Trafford grants file, {} groups, {} pairs share an identifier but are spelt differently",
        ids.len(),
        spelt.len()
    );
    println!(
        "  scan {:.0} ms; recall {:.3} ({recalled} of {}); precision {:.3} ({right} of {} proposed at the default threshold)",
        took.as_secs_f64() * 1e3,
        recalled as f64 / spelt.len().max(1) as f64,
        spelt.len(),
        right as f64 / proposed.len().max(1) as f64,
        proposed.len()
    );
    if verbose {
        let mut missed: Vec<_> = spelt.iter().filter(|p| !proposed.contains(p)).collect();
        missed.sort();
        for (a, b) in missed {
            println!("    missed: {:?} / {:?}", names[a], names[b]);
        }
        for p in &found.pairs {
            if truth[&p.group_a] != truth[&p.group_b] {
                println!(
                    "    not the same identifier: {:?} / {:?} {} {:?}",
                    p.group_a_name, p.group_b_name, p.score, p.reasons
                );
            }
        }
    }
}
