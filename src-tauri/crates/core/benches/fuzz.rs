//! The long fuzz run: `cargo bench -p compactdir-core --bench fuzz -- SECONDS [SEED]` feeds random
//! and mutated inputs to every parser for that long (default 600 s) and prints what it found.

use std::time::{Duration, Instant};

use compactdir_core::robustness::fuzz;
use compactdir_core::Store;

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let seconds = args.first().copied().unwrap_or(600);
    let mut seed = args.get(1).copied().unwrap_or(1);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("fuzz.sqlite3")).unwrap();
    std::panic::set_hook(Box::new(|_| {})); // each panic is reported below with its input
    let start = Instant::now();
    let (mut cases, mut panics) = (0, Vec::new());
    while start.elapsed() < Duration::from_secs(seconds) {
        let r = fuzz(&store, seed, 10_000);
        cases += r.cases;
        panics.extend(r.panics);
        seed += 1;
    }
    println!(
        "{cases} inputs in {:.0} s through postcode, identifier, CSV dialect, groups import and seats import parsers: {} panics",
        start.elapsed().as_secs_f64(),
        panics.len()
    );
    for (parser, input) in panics.iter().take(20) {
        println!("  {parser}: {:?}", String::from_utf8_lossy(input));
    }
    if !panics.is_empty() {
        std::process::exit(1);
    }
}
