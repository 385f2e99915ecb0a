//! The duplicate scan over the whole directory. Comparing every pair takes hours at 100k groups,
//! so candidate pairs come from blocks of groups sharing a key, and only those are scored:
//! - the normalised name, and the name with one word left out (a slip in a common word, or a
//!   word more: "Cycling without Age" and "Cycling Without Age Trafford");
//! - the name's first words (a shorter name at the start of a longer one);
//! - the name without spaces ("Gorsehill" and "Gorse Hill");
//! - each name's two rarest words (a slip in the other words);
//! - each register number, the postcode, the website and e-mail domains.
//!
//! A block bigger than [`ScanOptions::max_block`] is skipped for the loose keys (one word, one
//! postcode), and bigger than ten times that for the exact ones: a name shared by hundreds of
//! groups is a chain's branches, not one group typed many times.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use fuzzy_matcher::skim::SkimMatcherV2;
use serde::{Deserialize, Serialize};

use super::duplicates::{
    compare_names, email_domain, evidence, fuzzy_similarity, name_variants, name_words, score,
    website_domain, DuplicatePair, DuplicateRecord, NameMatch, PreparedName, DEFAULT_THRESHOLD,
};
use super::names::shown_name;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScanOptions {
    /// Pairs scoring at least this are proposed.
    pub threshold: f64,
    /// Largest block compared for the loose keys (one word, a postcode).
    pub max_block: usize,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            threshold: DEFAULT_THRESHOLD,
            max_block: 100,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanStage {
    /// Reading names into keys; `done` of `total` groups.
    Preparing,
    /// Scoring candidate pairs; `done` of `total` pairs.
    Comparing,
}

/// Where the scan is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanProgress {
    pub stage: ScanStage,
    pub done: usize,
    pub total: usize,
}

/// The proposed pairs, best first, and how much work found them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ScanOutcome {
    pub pairs: Vec<DuplicatePair>,
    /// Candidate pairs scored (the blocks' pairs, each once).
    pub candidates: usize,
}

/// Groups linked by proposed pairs (A like B, B like C), for reviewing together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateCluster {
    pub group_ids: Vec<i64>,
    pub names: Vec<String>,
    /// `names` as the window shows them (`names::shown_name`).
    #[serde(default)]
    pub shown_names: Vec<String>,
    pub best_score: f64,
    pub pairs: usize,
}

struct Corpus {
    words: Vec<String>,
    /// Per record, its names prepared.
    names: Vec<Vec<PreparedName>>,
}

fn key<T: Hash>(kind: u8, value: T) -> u64 {
    let mut h = DefaultHasher::new();
    kind.hash(&mut h);
    value.hash(&mut h);
    h.finish()
}

/// Normalises every name, gives each word an id, and weighs words by rarity.
fn prepare(records: &[DuplicateRecord], progress: &mut dyn FnMut(ScanProgress)) -> Corpus {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut raw: Vec<Vec<Vec<u32>>> = Vec::with_capacity(records.len());
    let mut df: Vec<u32> = Vec::new();
    let mut last_seen: Vec<u32> = Vec::new();
    for (r, rec) in records.iter().enumerate() {
        let mut variants: Vec<Vec<u32>> = Vec::new();
        for name in std::iter::once(&rec.name).chain(&rec.other_names) {
            for v in name_variants(name) {
                let w: Vec<u32> = name_words(&v)
                    .into_iter()
                    .map(|w| {
                        let next = words.len() as u32;
                        *ids.entry(w).or_insert_with_key(|w| {
                            words.push(w.clone());
                            df.push(0);
                            last_seen.push(u32::MAX);
                            next
                        })
                    })
                    .collect();
                for &id in &w {
                    if last_seen[id as usize] != r as u32 {
                        last_seen[id as usize] = r as u32;
                        df[id as usize] += 1;
                    }
                }
                if !w.is_empty() && !variants.contains(&w) && variants.len() < 6 {
                    variants.push(w);
                }
            }
        }
        raw.push(variants);
        if r % 10_000 == 0 {
            progress(ScanProgress {
                stage: ScanStage::Preparing,
                done: r,
                total: records.len(),
            });
        }
    }
    let n = records.len().max(2) as f32;
    let weight: Vec<f32> = df
        .iter()
        .map(|&d| (1.0 + n / d.max(1) as f32).ln())
        .collect();
    let names = raw
        .into_iter()
        .map(|variants| {
            variants
                .into_iter()
                .map(|w| PreparedName {
                    weights: w.iter().map(|&i| weight[i as usize]).collect(),
                    compact: w.iter().map(|&i| words[i as usize].as_str()).collect(),
                    words: w,
                })
                .collect()
        })
        .collect();
    let _ = df;
    Corpus { words, names }
}

/// Every candidate pair (indices into the records, lower first), each once.
fn candidate_pairs(records: &[DuplicateRecord], corpus: &Corpus, max_block: usize) -> Vec<u64> {
    // Document frequency by word again, for choosing the rarest words.
    let mut df = vec![0u32; corpus.words.len()];
    for names in &corpus.names {
        let mut seen: Vec<u32> = names.iter().flat_map(|n| n.words.iter().copied()).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            df[w as usize] += 1;
        }
    }
    // kind: b'n' exact name, b'c' without spaces, b'i' register number, b'w'/b'e' domains (large
    // blocks allowed); b'd' name less a word, b't' rare word, b'p' postcode (small blocks only).
    let mut blocks: HashMap<u64, (bool, Vec<u32>)> = HashMap::new();
    let mut add = |k: u64, exact: bool, r: usize| {
        let e = blocks.entry(k).or_insert_with(|| (exact, Vec::new()));
        if e.1.last() != Some(&(r as u32)) {
            e.1.push(r as u32);
        }
    };
    for (r, rec) in records.iter().enumerate() {
        for name in &corpus.names[r] {
            let w = &name.words;
            add(key(b'n', w), true, r);
            add(key(b'd', w), false, r);
            // The name's first words: a shorter name at the start of a longer one ("Groundwork"
            // and "Groundwork Greater Manchester"). Words before a name mostly make another
            // group, so those runs are not keys (see `NameMatch::Contains`).
            for len in 1..w.len().min(8) {
                add(key(b'd', &w[..len]), false, r);
            }
            if (2..=6).contains(&w.len()) {
                for skip in 0..w.len() {
                    let less: Vec<u32> = w
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != skip)
                        .map(|(_, x)| *x)
                        .collect();
                    add(key(b'd', &less), false, r);
                }
            }
            add(key(b'c', &name.compact), true, r);
            // A word no other group has (often a typo) cannot find a pair: skip it.
            let mut rare: Vec<u32> = w.iter().copied().filter(|&x| df[x as usize] > 1).collect();
            rare.sort_by_key(|&x| (df[x as usize], x));
            rare.dedup();
            for &x in rare.iter().take(2) {
                if (df[x as usize] as usize) <= max_block {
                    add(key(b't', x), false, r);
                }
            }
        }
        for i in &rec.identifiers {
            add(key(b'i', (&i.scheme, &i.value)), true, r);
        }
        let pc: String = rec
            .postcode
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if !pc.is_empty() {
            add(key(b'p', pc), false, r);
        }
        if let Some(d) = website_domain(&rec.website) {
            add(key(b'w', d), true, r);
        }
        if let Some(d) = email_domain(&rec.email) {
            add(key(b'e', d), true, r);
        }
    }
    let mut pairs: Vec<u64> = Vec::new();
    for (exact, members) in blocks.values() {
        let cap = if *exact { max_block * 10 } else { max_block };
        if members.len() < 2 || members.len() > cap {
            continue;
        }
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                if i != j {
                    let (lo, hi) = (i.min(j), i.max(j));
                    pairs.push(((lo as u64) << 32) | hi as u64);
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Scores one candidate pair; `None` below the threshold.
fn score_pair(
    records: &[DuplicateRecord],
    corpus: &Corpus,
    matcher: &SkimMatcherV2,
    i: usize,
    j: usize,
    threshold: f64,
) -> Option<DuplicatePair> {
    let (a, b) = (&records[i], &records[j]);
    let text = |w: u32| corpus.words[w as usize].as_str();
    let mut best = NameMatch::Similar(0.0);
    // The names (or parts of names) that compared best, for the reasons to quote.
    let mut best_names = (&corpus.names[i][0], &corpus.names[j][0]);
    'outer: for x in &corpus.names[i] {
        for y in &corpus.names[j] {
            let m = compare_names(x, y, &text);
            if m.base() > best.base() {
                best = m;
                best_names = (x, y);
                if m == NameMatch::Same {
                    break 'outer;
                }
            }
        }
    }
    let e = evidence(a, b);
    let shares_place = e
        .postcodes
        .as_ref()
        .is_some_and(|(p, q)| p.replace(' ', "") == q.replace(' ', ""))
        || e.wards.as_ref().is_some_and(|w| w.2)
        || e.same_identifier.is_some();
    let joined = |n: &PreparedName| {
        n.words
            .iter()
            .map(|&w| text(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let fuzzy = match best {
        NameMatch::Similar(_) if shares_place => Some(fuzzy_similarity(
            matcher,
            &joined(&corpus.names[i][0]),
            &joined(&corpus.names[j][0]),
        )),
        _ => None,
    };
    // Quick exit before building the reasons' words.
    if best.base().max(fuzzy.unwrap_or(0.0)) + 0.2 < threshold
        && e.same_identifier.is_none()
        && e.same_website.is_none()
        && e.same_email.is_none()
    {
        return None;
    }
    let compared = (joined(best_names.0), joined(best_names.1));
    let (s, reasons) = score(a, b, best, (&compared.0, &compared.1), fuzzy, &e);
    (s >= threshold).then(|| DuplicatePair {
        group_a: a.id,
        group_a_name: a.name.clone(),
        group_a_shown_name: shown_name(&a.name),
        group_b: b.id,
        group_b_name: b.name.clone(),
        group_b_shown_name: shown_name(&b.name),
        score: (s * 100.0).round() / 100.0,
        reasons,
    })
}

/// Scans `records` for duplicate pairs scoring at least `options.threshold`, best first,
/// reporting progress as it goes (about every 20,000 pairs). Scoring runs on every core.
pub fn scan(
    records: &[DuplicateRecord],
    options: &ScanOptions,
    progress: &mut dyn FnMut(ScanProgress),
) -> ScanOutcome {
    let corpus = prepare(records, progress);
    let candidates = candidate_pairs(records, &corpus, options.max_block.max(2));
    let total = candidates.len();
    progress(ScanProgress {
        stage: ScanStage::Comparing,
        done: 0,
        total,
    });
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    let matchers: Vec<SkimMatcherV2> = (0..threads).map(|_| SkimMatcherV2::default()).collect();
    let round = 20_000 * threads;
    let mut pairs = Vec::new();
    for (n, chunk) in candidates.chunks(round).enumerate() {
        let per = chunk.len().div_ceil(threads);
        let found: Vec<Vec<DuplicatePair>> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .chunks(per.max(1))
                .zip(&matchers)
                .map(|(part, matcher)| {
                    let corpus = &corpus;
                    s.spawn(move || {
                        part.iter()
                            .filter_map(|&p| {
                                let (i, j) = ((p >> 32) as usize, (p & 0xffff_ffff) as usize);
                                score_pair(records, corpus, matcher, i, j, options.threshold)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a scoring thread panicked"))
                .collect()
        });
        pairs.extend(found.into_iter().flatten());
        progress(ScanProgress {
            stage: ScanStage::Comparing,
            done: (n * round + chunk.len()).min(total),
            total,
        });
    }
    pairs.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.group_a.cmp(&b.group_a))
            .then(a.group_b.cmp(&b.group_b))
    });
    ScanOutcome {
        pairs,
        candidates: total,
    }
}

/// Joins pairs that share a group into clusters (best first).
pub fn clusters(pairs: &[DuplicatePair]) -> Vec<DuplicateCluster> {
    let mut index: HashMap<i64, usize> = HashMap::new();
    let mut names: Vec<(i64, String)> = Vec::new();
    for p in pairs {
        for (id, name) in [(p.group_a, &p.group_a_name), (p.group_b, &p.group_b_name)] {
            index.entry(id).or_insert_with(|| {
                names.push((id, name.clone()));
                names.len() - 1
            });
        }
    }
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for p in pairs {
        let (a, b) = (
            root(&mut parent, index[&p.group_a]),
            root(&mut parent, index[&p.group_b]),
        );
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut by_root: HashMap<usize, DuplicateCluster> = HashMap::new();
    for (x, (id, name)) in names.iter().enumerate() {
        let r = root(&mut parent, x);
        let c = by_root.entry(r).or_insert_with(|| DuplicateCluster {
            group_ids: Vec::new(),
            names: Vec::new(),
            shown_names: Vec::new(),
            best_score: 0.0,
            pairs: 0,
        });
        c.group_ids.push(*id);
        c.names.push(name.clone());
        c.shown_names.push(shown_name(name));
    }
    for p in pairs {
        let r = root(&mut parent, index[&p.group_a]);
        let c = by_root
            .get_mut(&r)
            .expect("every pair's group has a cluster");
        c.pairs += 1;
        c.best_score = c.best_score.max(p.score);
    }
    let mut out: Vec<DuplicateCluster> = by_root.into_values().collect();
    out.sort_by(|a, b| {
        b.best_score
            .total_cmp(&a.best_score)
            .then(a.group_ids.cmp(&b.group_ids))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::identifier::Identifier;

    fn rec(id: i64, name: &str, postcode: &str) -> DuplicateRecord {
        DuplicateRecord {
            id,
            name: name.into(),
            postcode: postcode.into(),
            ..Default::default()
        }
    }

    fn found(out: &ScanOutcome, a: i64, b: i64) -> Option<&DuplicatePair> {
        out.pairs
            .iter()
            .find(|p| (p.group_a, p.group_b) == (a.min(b), a.max(b)))
    }

    /// Real spellings from the Trafford grants file, among other groups.
    fn directory() -> Vec<DuplicateRecord> {
        let mut v = vec![
            rec(1, "G Force", ""),
            rec(2, "G- Force", ""),
            rec(3, "G-Force", ""),
            rec(4, "St John's Centre", ""),
            rec(5, "St. John's Centre (Old Trafford Hub)", ""),
            rec(6, "ESOL group at St. John's Centre", ""),
            rec(7, "Bluesci", ""),
            rec(8, "Blue Sci CIC", ""),
            rec(9, "Friends of Oak Road Park", ""),
            rec(10, "Friends of Moor Nook Park", ""),
            rec(11, "Gorsehill Studios", ""),
            rec(12, "Gorse Hill Studios", ""),
            rec(13, "Trussell Trust Foodbank", "M33 7ZF"),
            rec(14, "Trussell Trust Foodbank", "WA14 1PF"),
            rec(15, "Cycling without Age", ""),
            rec(16, "Cycling Without Age Trafford", ""),
        ];
        let coh = Identifier {
            scheme: "GB-COH".into(),
            value: "09901361".into(),
        };
        v[6].identifiers = vec![coh.clone()];
        v[7].identifiers = vec![coh];
        v
    }

    #[test]
    fn finds_real_spellings_and_leaves_different_groups_alone() {
        let out = scan(&directory(), &ScanOptions::default(), &mut |_| {});
        for (a, b) in [
            (1, 2),
            (1, 3),
            (2, 3),
            (4, 5),
            (4, 6),
            (7, 8),
            (11, 12),
            (15, 16),
        ] {
            assert!(found(&out, a, b).is_some(), "{a} and {b}: {:#?}", out.pairs);
        }
        assert!(found(&out, 9, 10).is_none(), "different parks");
        assert!(
            found(&out, 13, 14).is_none(),
            "same-name branches at different postcodes are not proposed by default"
        );
        let blue = found(&out, 7, 8).unwrap();
        assert!(blue
            .reasons
            .iter()
            .any(|r| r == "same company number 09901361"));
        let g = found(&out, 1, 2).unwrap();
        assert!(
            g.reasons[0].starts_with("same name once case, punctuation"),
            "{g:?}"
        );
    }

    #[test]
    fn branches_show_with_a_lower_score_and_the_reason() {
        let options = ScanOptions {
            threshold: 0.0,
            ..Default::default()
        };
        let out = scan(&directory(), &options, &mut |_| {});
        let p = found(&out, 13, 14).expect("scored when nothing is cut off");
        assert!(p.score < DEFAULT_THRESHOLD);
        assert!(p.reasons.iter().any(|r| r.contains("separate branches")));
    }

    #[test]
    fn only_blocked_pairs_are_scored_and_progress_reaches_the_end() {
        let records = directory();
        let mut last = None;
        let out = scan(&records, &ScanOptions::default(), &mut |p| last = Some(p));
        let all_pairs = records.len() * (records.len() - 1) / 2;
        assert!(
            out.candidates < all_pairs,
            "{} of {all_pairs}",
            out.candidates
        );
        let last = last.unwrap();
        assert_eq!(last.stage, ScanStage::Comparing);
        assert_eq!(last.done, last.total);
    }

    #[test]
    fn clusters_join_pairs_that_share_a_group() {
        let out = scan(&directory(), &ScanOptions::default(), &mut |_| {});
        let c = clusters(&out.pairs);
        let g = c.iter().find(|c| c.group_ids.contains(&1)).unwrap();
        let mut ids = g.group_ids.clone();
        ids.sort();
        assert_eq!(ids, vec![1, 2, 3]);
        assert_eq!(g.pairs, 3);
    }
}
