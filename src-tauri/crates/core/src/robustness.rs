//! A fuzzer with no dependencies: random and mutated inputs for the parsers that take what users
//! type or send (postcodes, register numbers, CSV files of groups and of seats). Each must answer
//! with a value or a refusal, never a panic. The test suite runs a short round; the `fuzz` bench
//! binary runs for minutes (`cargo bench -p compactdir-core --bench fuzz -- 600`), see
//! RELIABILITY.md.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::synthetic::Rng;
use crate::{domain, import, Store};

/// Inputs found to make a parser panic, with which parser.
#[derive(Debug, Default)]
pub struct FuzzReport {
    pub cases: u64,
    pub panics: Vec<(&'static str, Vec<u8>)>,
}

/// Real-looking starting points, mutated byte by byte.
const SEEDS: &[&str] = &[
    "M5 4WT",
    "m54wt",
    "GIR 0AA",
    "SW1A 1AA",
    "1234567",
    "GB-CHC-1234567",
    "SC012345",
    "09901361",
    "Organisation,Charity No,Post code\r\n\"G-Force, Ltd\",1100000,M5 4WT\r\n",
    "Recipient Org:Name;Recipient Org:Identifier;Recipient Org:Postal Code\nBlue Sci CIC;GB-COH-07236440;M32 0RS\n",
    "\u{feff}name,postcode\n\"St John's\nCentre\",M6 5FX,\n",
    "partnership,seat,sector,holder,term_start\nHousing Forum,Tenants,VCSE,Ann Lee,2026-01-05\n",
    "",
];

const PIECES: &[&str] = &[
    ",",
    ";",
    "\t",
    "\"",
    "\r\n",
    "\n",
    "\r",
    "\u{feff}",
    "\u{a0}",
    "—",
    "é",
    "N/A",
    "=1+1",
    "GB-",
    "0",
    "9999999999999999999999",
    "\u{0}",
    "\u{ffff}",
    "🙂",
];

fn mutate(rng: &mut Rng, input: &mut Vec<u8>) {
    for _ in 0..=rng.below(8) {
        let at = if input.is_empty() {
            0
        } else {
            rng.below(input.len() + 1)
        };
        match rng.below(5) {
            0 if !input.is_empty() => {
                let i = at.min(input.len() - 1);
                input[i] = rng.below(256) as u8;
            }
            1 if !input.is_empty() => {
                let end = (at + rng.below(6)).min(input.len());
                input.drain(at.min(end)..end);
            }
            2 => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                input.splice(at..at, piece.iter().copied());
            }
            3 if !input.is_empty() => {
                // Repeat a slice: long rows, many rows.
                let start = rng.below(input.len());
                let end = (start + rng.below(40)).min(input.len());
                let copy = input[start..end].repeat(1 + rng.below(20));
                input.splice(at..at, copy);
            }
            _ => input.insert(at, rng.below(256) as u8),
        }
    }
}

/// Runs `cases` random inputs through every parser on a store (a fresh file is best: imports
/// are planned, not applied, so it is not changed).
pub fn fuzz(store: &Store, seed: u64, cases: u64) -> FuzzReport {
    let mut rng = Rng::new(seed);
    let mut report = FuzzReport::default();
    for _ in 0..cases {
        let mut input = SEEDS[rng.below(SEEDS.len())].as_bytes().to_vec();
        mutate(&mut rng, &mut input);
        let text = String::from_utf8_lossy(&input).into_owned();
        let mut check = |name: &'static str, f: &mut dyn FnMut()| {
            if catch_unwind(AssertUnwindSafe(f)).is_err() {
                report.panics.push((name, input.clone()));
            }
        };
        check("postcode", &mut || {
            let _ = domain::postcode::normalise(&text);
        });
        check("identifier", &mut || {
            for scheme in ["GB-CHC", "GB-COH", "GB-SC", "GB-NIC", "XX-OTHER"] {
                let _ = domain::identifier::normalise(scheme, &text);
            }
        });
        check("csv dialect", &mut || {
            let _ = import::dialect::read(&input, None);
        });
        check("groups import", &mut || {
            if let Ok(preview) = store.preview_group_import(&input) {
                let _ = store.plan_group_import(
                    "fuzz.csv",
                    &input,
                    &preview.suggestion.mapping,
                    &mut |_| {},
                );
            }
        });
        check("seats import", &mut || {
            let _ = import::seats::read(input.as_slice());
        });
        report.cases += 1;
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_round_of_random_inputs_makes_no_parser_panic() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("f.sqlite3")).unwrap();
        let report = fuzz(&store, 20261123, 3_000);
        assert_eq!(report.cases, 3_000);
        let first: Vec<String> = report
            .panics
            .iter()
            .take(3)
            .map(|(p, i)| format!("{p}: {:?}", String::from_utf8_lossy(i)))
            .collect();
        assert!(
            report.panics.is_empty(),
            "{} panics, e.g. {first:?}",
            report.panics.len()
        );
    }
}
