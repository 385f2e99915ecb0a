//! Search per keystroke at 100k groups (issue: p99 <= 16 ms for queries of 1 to 14 characters
//! typed letter by letter), against Python's rapidfuzz `process.extract` (partial_ratio, limit 50)
//! over the same names and keystrokes in the same run.
//!
//!     cargo bench -p compactdir-core --bench search [-- SIZE]
//!
//! rapidfuzz is run through `benches/search_rapidfuzz.py` when `python3 -c "import rapidfuzz"`
//! works (`pip install rapidfuzz`); otherwise only our figures are printed.

use std::time::{Duration, Instant};

use compactdir_core::domain::search::{SearchIndex, Searchable};
use compactdir_core::synthetic;

fn main() {
    let size: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let groups = synthetic::directory(size, 42);
    let queries = synthetic::queries(&groups, 60, 7);
    let keystrokes: Vec<String> = queries
        .iter()
        .flat_map(|q| (1..=q.chars().count()).map(move |n| q.chars().take(n).collect::<String>()))
        .collect();

    let build = Instant::now();
    let mut index = SearchIndex::new(groups.iter().enumerate().map(|(i, g)| Searchable {
        id: i as i64,
        name: g.name.clone(),
        postcode: g.postcode.clone(),
        activities: g.activities.clone(),
        ..Default::default()
    }));
    let build = build.elapsed();

    let mut times = Vec::with_capacity(keystrokes.len());
    for k in &keystrokes {
        let t = Instant::now();
        let hits = index.search(k, 50);
        times.push(t.elapsed());
        std::hint::black_box(hits);
    }
    println!(
        "compactdir search: {size} groups, index built in {:.0} ms, {} keystrokes from {} queries",
        build.as_secs_f64() * 1e3,
        keystrokes.len(),
        queries.len()
    );
    if std::env::var_os("BY_LENGTH").is_some() {
        for len in 1..=14 {
            let mut t: Vec<Duration> = keystrokes
                .iter()
                .zip(&times)
                .filter(|(k, _)| k.chars().count() == len)
                .map(|(_, t)| *t)
                .collect();
            if !t.is_empty() {
                report(&format!("  length {len}"), &mut t);
            }
        }
    }
    report(
        "compactdir (fuzzy-matcher + mask + narrowing, 2 threads)",
        &mut times,
    );

    // The same keystrokes with a plain full rescan by fuzzy-matcher, for reference.
    let mut naive = Vec::with_capacity(keystrokes.len());
    {
        use fuzzy_matcher::skim::SkimMatcherV2;
        use fuzzy_matcher::FuzzyMatcher;
        let matcher = SkimMatcherV2::default();
        let names: Vec<String> = groups.iter().map(|g| g.name.to_lowercase()).collect();
        for k in &keystrokes {
            let t = Instant::now();
            let mut scored: Vec<(i64, usize)> = names
                .iter()
                .enumerate()
                .filter_map(|(i, n)| matcher.fuzzy_match(n, k).map(|s| (s, i)))
                .collect();
            scored.sort_unstable_by(|a, b| b.cmp(a));
            scored.truncate(50);
            naive.push(t.elapsed());
            std::hint::black_box(scored);
        }
    }
    report("fuzzy-matcher, naive full rescan (names only)", &mut naive);

    rapidfuzz(&groups, &keystrokes);
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort_unstable();
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1e3;
    let over = times.iter().filter(|t| t.as_millis() >= 16).count();
    println!(
        "{what}: median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms, keystrokes over 16 ms: {over} of {}",
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0),
        times.len()
    );
}

fn rapidfuzz(groups: &[synthetic::SyntheticGroup], keystrokes: &[String]) {
    let dir = std::env::temp_dir().join(format!("compactdir-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let names = dir.join("names.txt");
    let keys = dir.join("keystrokes.txt");
    std::fs::write(
        &names,
        groups
            .iter()
            .map(|g| g.name.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    std::fs::write(&keys, keystrokes.join("\n")).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/search_rapidfuzz.py");
    match std::process::Command::new("python3")
        .arg(script)
        .arg(&names)
        .arg(&keys)
        .output()
    {
        Ok(out) if out.status.success() => print!("{}", String::from_utf8_lossy(&out.stdout)),
        Ok(out) => println!(
            "rapidfuzz: not measured ({})",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("python3 failed")
        ),
        Err(e) => println!("rapidfuzz: not measured (python3: {e})"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
