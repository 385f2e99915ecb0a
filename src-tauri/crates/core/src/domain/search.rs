//! Search as you type over the directory with `fuzzy-matcher` (SkimMatcherV2).
//!
//! Scoring every group with the matcher on every keystroke is too slow at 100k groups (see
//! BENCHMARKS.md), so cheap steps go in front of it:
//! 1. a 64-bit mask of the characters each entry contains: a query character the entry lacks rules
//!    it out at once;
//! 2. a byte-level subsequence check over all the entry's fields (a fuzzy match is a subsequence
//!    match, so nothing that fails it could match), on both cores;
//! 3. narrowing: when the query grows by typing, only the previous query's survivors are checked;
//! 4. "what it does" is free text, where scattered letters match nearly anything, so it is matched
//!    by words instead (each word of a query of 3 or more characters starts a word there) and
//!    ranks below any fuzzy match in the other fields;
//! 5. a cheap rank of the survivors (query found in the name, at a word start, tight span) keeps
//!    the best few hundred, and only those are scored by `fuzzy-matcher`, which decides the order.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use serde::Serialize;

/// What a group is found by.
#[derive(Debug, Clone, Default)]
pub struct Searchable {
    pub id: i64,
    pub name: String,
    pub other_names: Vec<String>,
    pub identifiers: Vec<String>,
    pub postcode: String,
    pub ward: String,
    pub activities: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub id: i64,
    pub name: String,
    pub score: i64,
    /// Character positions in `name` that matched, for highlighting (empty when the match was in
    /// another field).
    pub name_positions: Vec<usize>,
    /// Which field matched best when it was not the name (e.g. "postcode M6 5JA").
    pub matched_in: String,
    /// Where the group is (postcode and ward), so two groups of like names can be told apart.
    pub place: String,
}

struct Entry {
    id: i64,
    name: String,
    place: String,
    /// Lower-case name first, then each other field, with the characters each contains.
    fields: Vec<(&'static str, String, u64)>,
}

/// Many strings in one buffer, so a scan over every group reads memory in order rather than
/// chasing a pointer per group (the scan is memory-bound at 100k groups).
#[derive(Default)]
struct Packed {
    buf: String,
    ends: Vec<u32>,
}

impl Packed {
    fn push(&mut self, s: &str) {
        self.buf.push_str(s);
        self.ends.push(self.buf.len() as u32);
    }
    fn get(&self, i: u32) -> &str {
        let end = self.ends[i as usize] as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends[i as usize - 1] as usize
        };
        &self.buf[start..end]
    }
}

pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Per group: the characters in its fuzzy fields.
    masks: Vec<u64>,
    /// Per group: lower-case name.
    names: Packed,
    /// Per group: the fuzzy fields, lower case, joined (what the subsequence check reads).
    all: Packed,
    /// Per group: "what it does", lower case, with a space in front so " word" finds word starts.
    activities: Packed,
    last: Option<(String, Vec<u32>)>,
}

/// Matches on the name count for more than matches in other fields of the same quality.
const NAME_BONUS: i64 = 40;
/// How many survivors of the cheap rank the matcher scores.
const RESCORE: usize = 200;

fn mask_of(s: &str) -> u64 {
    s.chars().fold(0u64, |m, c| m | bit(c))
}

fn bit(c: char) -> u64 {
    let c = c.to_ascii_lowercase();
    match c {
        'a'..='z' => 1 << (c as u8 - b'a'),
        '0'..='9' => 1 << (26 + (c as u8 - b'0')),
        ' ' => 0, // the matcher ignores nothing, but spaces say little; never rule out on them
        _ if c.is_ascii() => 1 << (36 + (c as u8 % 27)),
        _ => 1 << 63,
    }
}

impl SearchIndex {
    pub fn new(items: impl IntoIterator<Item = Searchable>) -> SearchIndex {
        let mut index = SearchIndex {
            entries: Vec::new(),
            masks: Vec::new(),
            names: Packed::default(),
            all: Packed::default(),
            activities: Packed::default(),
            last: None,
        };
        for s in items {
            let mut fields: Vec<(&'static str, String)> = vec![("name", s.name.to_lowercase())];
            for n in &s.other_names {
                fields.push(("other name", n.to_lowercase()));
            }
            for i in &s.identifiers {
                fields.push(("identifier", i.to_lowercase()));
            }
            for (what, v) in [("postcode", &s.postcode), ("ward", &s.ward)] {
                if !v.is_empty() {
                    fields.push((what, v.to_lowercase()));
                }
            }
            let fields: Vec<(&'static str, String, u64)> = fields
                .into_iter()
                .map(|(w, f)| {
                    let m = mask_of(&f);
                    (w, f, m)
                })
                .collect();
            index.masks.push(fields.iter().fold(0, |m, f| m | f.2));
            index.names.push(&fields[0].1);
            index.all.push(
                &fields
                    .iter()
                    .map(|f| f.1.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            index
                .activities
                .push(&format!(" {}", s.activities.to_lowercase()));
            let place = [s.postcode.as_str(), s.ward.as_str()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            index.entries.push(Entry {
                id: s.id,
                place,
                name: s.name,
                fields,
            });
        }
        index
    }

    /// The candidates that could match at all, with their cheap rank, on up to two threads.
    fn filter_all(&self, candidates: &[u32], q: &str, qmask: u64) -> Vec<(u32, i64)> {
        let words = word_starts(q);
        let qb = q.as_bytes();
        let keep = |chunk: &[u32]| -> Vec<(u32, i64)> {
            chunk
                .iter()
                .copied()
                .filter(|&i| {
                    (self.masks[i as usize] & qmask == qmask
                        && is_subsequence(qb, self.all.get(i).as_bytes()))
                        || words_match(&words, self.activities.get(i))
                })
                .map(|i| {
                    let rank = cheap_rank(self.names.get(i), q);
                    // The query's words in what it does outrank letters scattered through the
                    // name here too, or a common query would leave them out of the few scored.
                    if rank < 2_000 && words_match(&words, self.activities.get(i)) {
                        (i, 1_500)
                    } else {
                        (i, rank)
                    }
                })
                .collect()
        };
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(2);
        if threads < 2 || candidates.len() < 20_000 {
            return keep(candidates);
        }
        let (a, b) = candidates.split_at(candidates.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| keep(b));
            let mut mine = keep(a);
            mine.extend(other.join().unwrap_or_default());
            mine
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` matches for `query`, best first (ties by name). Remembers the matches so
    /// the next, longer query only rescans them.
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<Hit> {
        // Apostrophes are left out of the query only: "st john's" then finds "St Johns" as
        // well as "St John's" (a query's letters may skip any of the name's).
        let q: String = query
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, '\'' | '\u{2019}'))
            .collect();
        if q.is_empty() {
            self.last = None;
            return Vec::new();
        }
        let qmask = mask_of(&q);
        let candidates: Vec<u32> = match &self.last {
            Some((prev, matched)) if q.starts_with(prev.as_str()) => matched.clone(),
            _ => (0..self.entries.len() as u32).collect(),
        };
        // Filter and rank in one pass, on both cores.
        let mut ranked = self.filter_all(&candidates, &q, qmask);
        self.last = Some((q.clone(), ranked.iter().map(|(i, _)| *i).collect()));
        if ranked.len() > RESCORE {
            ranked.select_nth_unstable_by(RESCORE - 1, |a, b| b.1.cmp(&a.1));
            ranked.truncate(RESCORE);
        }
        let matcher = SkimMatcherV2::default();
        let mut best: Vec<(u32, i64, u8)> = ranked
            .iter()
            .filter_map(|&(i, _)| {
                exact_score(
                    &matcher,
                    &self.entries[i as usize],
                    self.activities.get(i),
                    &q,
                )
                .map(|(s, f)| (i, s, f))
            })
            .collect();
        best.sort_unstable_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| {
                    self.entries[a.0 as usize]
                        .name
                        .cmp(&self.entries[b.0 as usize].name)
                })
                .then_with(|| a.0.cmp(&b.0))
        });
        best.truncate(limit);
        best.into_iter()
            .map(|(i, score, field)| {
                let e = &self.entries[i as usize];
                let name_positions = if field == 0 {
                    matcher
                        .fuzzy_indices(&e.fields[0].1, &q)
                        .map(|(_, p)| p)
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                let matched_in = if field == 0 {
                    String::new()
                } else {
                    match e.fields.get(field as usize) {
                        Some((what, value, _)) => format!("{what}: {}", shorten(value)),
                        None => format!(
                            "what it does: {}",
                            shorten(self.activities.get(i).trim_start())
                        ),
                    }
                };
                Hit {
                    id: e.id,
                    name: e.name.clone(),
                    score,
                    name_positions,
                    matched_in,
                    place: e.place.clone(),
                }
            })
            .collect()
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(59).collect::<String>())
    }
}

/// Every word of the query starts a word of `text` (which begins with a space). Queries under
/// three characters never search the free text.
fn words_match(words: &[String], text: &str) -> bool {
    !words.is_empty() && words.iter().all(|w| text.contains(w.as_str()))
}

/// The query's words with a space in front, or none when the query is under three characters.
fn word_starts(q: &str) -> Vec<String> {
    if q.len() < 3 {
        return Vec::new();
    }
    q.split_whitespace().map(|w| format!(" {w}")).collect()
}

/// A match in "what it does" only: below any fuzzy match elsewhere, more words scoring higher.
const ACTIVITIES_SCORE: i64 = 10;

fn is_subsequence(q: &[u8], text: &[u8]) -> bool {
    let mut rest = text;
    for &c in q {
        if c == b' ' {
            continue; // the matcher lets spaces in the query match nothing
        }
        match rest.iter().position(|&t| t == c) {
            Some(p) => rest = &rest[p + 1..],
            None => return false,
        }
    }
    true
}

/// A quick guess at how good a match is, to choose which few hundred the matcher scores: the
/// query as typed in the name (best at the start, then at a word start), else a tight greedy
/// match in the name, else a match in another field only.
fn cheap_rank(name_str: &str, q: &str) -> i64 {
    let name = name_str.as_bytes();
    let short = -(name.len() as i64) / 8;
    if let Some(p) = name_str.find(q) {
        let at_word = p == 0 || !name[p - 1].is_ascii_alphanumeric();
        return if p == 0 {
            4_000
        } else if at_word {
            3_000
        } else {
            2_000
        } + short;
    }
    let mut pos = 0usize;
    let mut first = None;
    for &c in q.as_bytes().iter().filter(|c| **c != b' ') {
        match name[pos..].iter().position(|&t| t == c) {
            Some(p) => {
                first.get_or_insert(pos + p);
                pos += p + 1;
            }
            None => return short - 1_000,
        }
    }
    let span = pos - first.unwrap_or(0);
    1_000 - span as i64 + short
}

/// The matcher's score: the best field, the name counting for more. Returns the field index too.
fn exact_score(matcher: &SkimMatcherV2, e: &Entry, activities: &str, q: &str) -> Option<(i64, u8)> {
    let qmask = mask_of(q);
    let mut best: Option<(i64, u8)> = None;
    for (f, (_, text, mask)) in e.fields.iter().enumerate() {
        if mask & qmask != qmask {
            continue;
        }
        if let Some(s) = matcher.fuzzy_match(text, q) {
            let s = s + tier(text, q);
            if f == 0 {
                let s = s + NAME_BONUS;
                // The name holding the query's words beats the same match elsewhere: skip the rest.
                if s >= WORDS_TIER {
                    return Some((s, 0));
                }
                best = Some((s, 0));
                continue;
            }
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, f as u8));
            }
        }
    }
    let in_activities = words_match(&word_starts(q), activities).then(|| {
        let words = q.split_whitespace().count() as i64;
        (WORDS_TIER + ACTIVITIES_SCORE * words, ACTIVITIES_FIELD)
    });
    // Letters scattered through a name ("food" in "Salford Polish Saturday School") say less
    // than the words themselves in what a group does: the activities' score is in the words tier.
    best.into_iter().chain(in_activities).max_by_key(|b| b.0)
}

/// A field that is the query itself (apostrophes, dots and spaces aside) comes first of all.
const EXACT_TIER: i64 = 2_000_000;
/// A field holding each word of the query as typed comes before letters scattered through one.
const WORDS_TIER: i64 = 1_000_000;

/// How a field matches beyond the matcher's score: whole, by its words, or by scattered letters.
fn tier(text: &str, q: &str) -> i64 {
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    // "johns" is a word of "St. John's Centre" too.
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}' | '.'))
        .collect();
    if plain == q {
        // Spelt as typed: before the same letters spaced otherwise (Foodbank, Food Bank).
        return EXACT_TIER + 1_000;
    }
    if squeeze(text) == squeeze(q) {
        return EXACT_TIER;
    }
    if q.split_whitespace().all(|w| plain.contains(w)) {
        WORDS_TIER
    } else {
        0
    }
}

/// Stands for "what it does" in a hit's field index (it is not one of `fields`).
const ACTIVITIES_FIELD: u8 = u8::MAX;

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, name: &str) -> Searchable {
        Searchable {
            id,
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn finds_across_punctuation_and_ranks_the_name_first() {
        let mut idx = SearchIndex::new([
            item(1, "St. John's Centre"),
            item(2, "Salford Junction Trust"),
            Searchable {
                id: 3,
                name: "Ordsall Youth Forum".into(),
                activities: "meets at st johns hall".into(),
                ..Default::default()
            },
        ]);
        let hits = idx.search("st johns", 10);
        assert_eq!(hits[0].id, 1, "the name match comes first: {hits:?}");
        assert!(hits
            .iter()
            .any(|h| h.id == 3 && h.matched_in.starts_with("what it does")));
        assert!(!hits[0].name_positions.is_empty(), "positions to highlight");
    }

    /// A tester pressed Enter on "eccles foodbank" and opened Eccles Food Bank, not Eccles
    /// Foodbank; "food" put a name with f-o-o-d scattered through it above groups whose work is
    /// food parcels; "st john's" missed St Johns; and two St John's looked the same in the list.
    #[test]
    fn the_name_itself_then_whole_words_then_scattered_letters() {
        let at = |id: i64, name: &str, postcode: &str, ward: &str, activities: &str| Searchable {
            id,
            name: name.into(),
            postcode: postcode.into(),
            ward: ward.into(),
            activities: activities.into(),
            ..Default::default()
        };
        let mut idx = SearchIndex::new([
            at(1, "Eccles Food Bank", "M30 0AA", "Eccles", ""),
            at(2, "Eccles Foodbank", "M30 0BB", "Eccles", ""),
            at(
                3,
                "Salford Polish Saturday School",
                "M6 5AA",
                "",
                "language classes",
            ),
            at(
                4,
                "Little Hulton Pantry",
                "",
                "Little Hulton",
                "food parcels every Friday",
            ),
            at(
                5,
                "St John's Community Centre",
                "M27 4AA",
                "Swinton North",
                "",
            ),
            at(6, "St Johns Community Centre", "M7 2AA", "Broughton", ""),
        ]);
        let ids = |hits: &[Hit]| hits.iter().map(|h| h.id).collect::<Vec<_>>();

        let hits = idx.search("eccles foodbank", 10);
        assert_eq!(ids(&hits)[..2], [2, 1], "{hits:?}");

        let hits = idx.search("food", 10);
        let pantry = ids(&hits)
            .iter()
            .position(|&i| i == 4)
            .expect("found by its work");
        let school = ids(&hits)
            .iter()
            .position(|&i| i == 3)
            .expect("still found");
        assert!(pantry < school, "{hits:?}");

        for q in ["st john's community centre", "st johns community centre"] {
            let mut found = ids(&idx.search(q, 10));
            found.sort_unstable();
            assert_eq!(found, [5, 6], "{q}");
        }
        let hits = idx.search("st john's community centre", 10);
        let place = |id: i64| hits.iter().find(|h| h.id == id).unwrap().place.as_str();
        assert_eq!(place(5), "M27 4AA, Swinton North");
        assert_eq!(place(6), "M7 2AA, Broughton");
        assert_eq!(idx.search("pantry", 1)[0].place, "Little Hulton");
    }

    #[test]
    fn narrowing_gives_the_same_answer_as_a_fresh_search() {
        let names: Vec<Searchable> = (0..5000)
            .map(|i| {
                item(
                    i,
                    &format!(
                        "Group {i} {}",
                        ["Trust", "Forum", "Centre", "Club"][i as usize % 4]
                    ),
                )
            })
            .collect();
        let mut typed = SearchIndex::new(names.clone());
        let mut fresh = SearchIndex::new(names);
        let q = "grp 12 for";
        let mut last = Vec::new();
        for n in 1..=q.len() {
            last = typed.search(&q[..n], 50);
        }
        let direct = fresh.search(q, 50);
        assert_eq!(last, direct);
        assert!(!direct.is_empty());
    }

    #[test]
    fn deleting_a_letter_rescans_everything() {
        let mut idx = SearchIndex::new([item(1, "Abc"), item(2, "Abd")]);
        assert_eq!(idx.search("abc", 5).len(), 1);
        assert_eq!(
            idx.search("ab", 5).len(),
            2,
            "a shorter query is not narrowed"
        );
    }
}
