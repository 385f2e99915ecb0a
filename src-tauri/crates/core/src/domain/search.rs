//! Search as you type over the directory with `fuzzy-matcher` (SkimMatcherV2).
//!
//! The query and every field are folded first (`super::fold`: case, apostrophes and other
//! punctuation, "&" = "and", "Saint" = "St"), so "St. John's" finds "St Johns" and "Sale &
//! District" finds "Sale and District"; a query's spaces may match nothing ("food bank" finds
//! "Foodbank", "G Force" finds "G-Force"), and from five letters on, two neighbouring letters
//! typed the wrong way round still find the name ("foodbnak").
//!
//! Scoring every group with the matcher on every keystroke is too slow at 100k groups (see
//! BENCHMARKS.md), so cheap steps go in front of it:
//! 1. a 64-bit mask of the characters each entry contains: a query character the entry lacks rules
//!    it out at once (a swap of two letters keeps the same characters);
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

use super::fold::{fold, fold_keeping_words, fold_with_origins};
use super::names::shown_name;

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
    /// `name` as the window shows it (`names::shown_name`): capitals in title case.
    pub shown_name: String,
    pub score: i64,
    /// Character positions in `name` that matched, for highlighting (empty when the match was in
    /// another field). Title case changes no letter's place, so they mark `shown_name` too.
    pub name_positions: Vec<usize>,
    /// Which field matched best when it was not the name (e.g. "postcode M6 5JA").
    pub matched_in: String,
    /// Where the group is (postcode and ward), so two groups of like names can be told apart.
    pub place: String,
}

/// One field of an entry as search reads it.
struct Field {
    what: &'static str,
    /// Folded (see the module's note).
    text: String,
    mask: u64,
    /// As written, to say where a match was found.
    written: String,
    /// The group's own name, folded; or folded keeping "Saint" and "Center" as written.
    name: Option<NameSpelling>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NameSpelling {
    Folded,
    KeepingWords,
}

struct Entry {
    id: i64,
    name: String,
    place: String,
    /// The name first (folded), then each other field.
    fields: Vec<Field>,
    activities: String,
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

/// How a query may match beyond its letters in order: by words in what groups do (from 3
/// characters) and with two letters swapped (from 5 letters). A longer query's mode holds its
/// shorter's, and narrowing to the shorter's survivors must try the ways gained on the rest.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Mode {
    activities: bool,
    swaps: bool,
}

/// Which ways of matching a filter pass tries.
#[derive(Clone, Copy)]
struct Ways {
    letters: bool,
    swaps: bool,
    activities: bool,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Per group: the characters in its fuzzy fields.
    masks: Vec<u64>,
    /// Per group: the folded name.
    names: Packed,
    /// Per group: the fuzzy fields, folded, joined (what the subsequence check reads).
    all: Packed,
    /// Per group: "what it does", folded, with a space in front so " word" finds word starts.
    activities: Packed,
    last: Option<(String, Mode, Vec<u32>)>,
}

/// Matches on the name count for more than matches in other fields of the same quality.
const NAME_BONUS: i64 = 40;
/// How many survivors of the cheap rank the matcher scores.
const RESCORE: usize = 200;
/// Letters (spaces aside) a query needs before two of them typed the wrong way round are
/// forgiven: below this nearly every group has the letters in one order or the other.
const SWAPS_FROM: usize = 5;

fn mask_of(s: &str) -> u64 {
    s.chars().fold(0u64, |m, c| m | bit(c))
}

fn bit(c: char) -> u64 {
    let c = c.to_ascii_lowercase();
    match c {
        'a'..='z' => 1 << (c as u8 - b'a'),
        '0'..='9' => 1 << (26 + (c as u8 - b'0')),
        ' ' => 0, // a query's spaces may match nothing; never rule out on them
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
            let mut fields: Vec<Field> = Vec::new();
            let mut push = |what: &'static str, written: &str, is_name: bool, own: bool| {
                let text = fold(written);
                // "Saint Mary's" is "st marys" folded: the spelling as written is kept beside it,
                // so "sai" and "sain" still find it while "saint" is being typed.
                let keeping = is_name
                    .then(|| fold_keeping_words(written).0)
                    .filter(|k| *k != text);
                let spelling = |s| (is_name && own).then_some(s);
                fields.push(Field {
                    what,
                    mask: mask_of(&text),
                    text,
                    written: if own {
                        String::new()
                    } else {
                        written.to_string()
                    },
                    name: spelling(NameSpelling::Folded),
                });
                if let Some(k) = keeping {
                    fields.push(Field {
                        what,
                        mask: mask_of(&k),
                        text: k,
                        written: if own {
                            String::new()
                        } else {
                            written.to_string()
                        },
                        name: spelling(NameSpelling::KeepingWords),
                    });
                }
            };
            push("name", &s.name, true, true);
            for n in &s.other_names {
                push("other name", n, true, false);
            }
            for i in &s.identifiers {
                push("identifier", i, false, false);
            }
            for (what, v) in [("postcode", &s.postcode), ("ward", &s.ward)] {
                if !v.is_empty() {
                    push(what, v, false, false);
                }
            }
            index.masks.push(fields.iter().fold(0, |m, f| m | f.mask));
            index.names.push(&fields[0].text);
            index.all.push(
                &fields
                    .iter()
                    .map(|f| f.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            index.activities.push(&format!(" {}", fold(&s.activities)));
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
                activities: s.activities,
            });
        }
        index
    }

    /// The candidates that could match at all, with their cheap rank, on up to two threads.
    /// `ways` are the ways of matching to try: all of the query's mode for fresh candidates, only
    /// those the mode has just gained for candidates a shorter query already ruled out.
    fn filter_all(
        &self,
        candidates: &[u32],
        q: &str,
        qmask: u64,
        mode: Mode,
        ways: Ways,
    ) -> Vec<(u32, i64)> {
        let words = if mode.activities {
            word_starts(q)
        } else {
            Vec::new()
        };
        let qb: Vec<u8> = q.bytes().filter(|&c| c != b' ').collect();
        let keep = |chunk: &[u32]| -> Vec<(u32, i64)> {
            chunk
                .iter()
                .copied()
                .filter(|&i| {
                    ((ways.letters || ways.swaps) && self.masks[i as usize] & qmask == qmask && {
                        let all = self.all.get(i).as_bytes();
                        (ways.letters && is_subsequence(&qb, all))
                            || (ways.swaps && swap_match(&qb, all).is_some())
                    }) || (ways.activities && words_match(&words, self.activities.get(i)))
                })
                .map(|i| {
                    let name = self.names.get(i);
                    let rank = cheap_rank(name, q)
                        .or_else(|| {
                            // Letters typed the wrong way round: ranked as the corrected query,
                            // below the same match typed right.
                            if !mode.swaps {
                                return None;
                            }
                            let j = swap_match(&qb, name.as_bytes())?;
                            cheap_rank(name, &swapped(q, j)).map(|r| r - 2_500)
                        })
                        .unwrap_or(-(name.len() as i64) / 8 - 1_000);
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
        let q = fold(query);
        if q.is_empty() {
            self.last = None;
            return Vec::new();
        }
        let typed = query.trim().to_lowercase();
        let letters = q.bytes().filter(|&c| c != b' ').count();
        let mode = Mode {
            activities: q.len() >= 3,
            swaps: letters >= SWAPS_FROM,
        };
        let qmask = mask_of(&q);
        let every = Ways {
            letters: true,
            swaps: mode.swaps,
            activities: mode.activities,
        };
        // Filter and rank in one pass, on both cores.
        let mut ranked = match self.last.take() {
            Some((prev, m, matched)) if q.starts_with(prev.as_str()) => {
                let mut ranked = self.filter_all(&matched, &q, qmask, mode, every);
                if m != mode {
                    // The query has just grown into a new way of matching (what groups do from 3
                    // characters, swapped letters from 5): the groups the shorter query ruled
                    // out failed every other way already, so only the new way is tried on them.
                    let mut was = vec![false; self.entries.len()];
                    for &i in &matched {
                        was[i as usize] = true;
                    }
                    let rest: Vec<u32> = (0..self.entries.len() as u32)
                        .filter(|&i| !was[i as usize])
                        .collect();
                    let gained = Ways {
                        letters: false,
                        swaps: mode.swaps && !m.swaps,
                        activities: mode.activities && !m.activities,
                    };
                    ranked.extend(self.filter_all(&rest, &q, qmask, mode, gained));
                }
                ranked
            }
            _ => {
                let all: Vec<u32> = (0..self.entries.len() as u32).collect();
                self.filter_all(&all, &q, qmask, mode, every)
            }
        };
        self.last = Some((q.clone(), mode, ranked.iter().map(|(i, _)| *i).collect()));
        if ranked.len() > RESCORE {
            // Ties go to the earlier group, so the few scored do not depend on the order the
            // candidates came in.
            ranked.select_nth_unstable_by(RESCORE - 1, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked.truncate(RESCORE);
        }
        let matcher = SkimMatcherV2::default();
        let mut best: Vec<(u32, Scored)> = ranked
            .iter()
            .filter_map(|&(i, _)| {
                let e = &self.entries[i as usize];
                exact_score(&matcher, e, self.activities.get(i), &q, &typed, mode.swaps)
                    .map(|s| (i, s))
            })
            .collect();
        best.sort_unstable_by(|a, b| {
            b.1.score
                .cmp(&a.1.score)
                .then_with(|| {
                    self.entries[a.0 as usize]
                        .name
                        .cmp(&self.entries[b.0 as usize].name)
                })
                .then_with(|| a.0.cmp(&b.0))
        });
        best.truncate(limit);
        best.into_iter()
            .map(|(i, scored)| {
                let e = &self.entries[i as usize];
                let pattern = scored.pattern.as_deref().unwrap_or(&q);
                let (name_positions, matched_in) = match scored.field {
                    ACTIVITIES_FIELD => (
                        Vec::new(),
                        format!("what it does: {}", shorten(e.activities.trim())),
                    ),
                    f => {
                        let field = &e.fields[f as usize];
                        match field.name {
                            Some(spelling) => (
                                name_positions(&matcher, &e.name, spelling, pattern),
                                String::new(),
                            ),
                            None => (
                                Vec::new(),
                                format!("{}: {}", field.what, shorten(field.written.trim())),
                            ),
                        }
                    }
                };
                let shown = shown_name(&e.name);
                // A letter whose lower case is longer (rare outside Turkish) would move the
                // rest: then nothing is marked rather than the wrong letters.
                let name_positions = if shown.chars().count() == e.name.chars().count() {
                    name_positions
                } else {
                    Vec::new()
                };
                Hit {
                    id: e.id,
                    name: e.name.clone(),
                    shown_name: shown,
                    score: scored.score,
                    name_positions,
                    matched_in,
                    place: e.place.clone(),
                }
            })
            .collect()
    }
}

/// The characters of `name` as written that the matcher matched in its folded spelling.
fn name_positions(
    matcher: &SkimMatcherV2,
    name: &str,
    spelling: NameSpelling,
    pattern: &str,
) -> Vec<usize> {
    let (text, origins) = match spelling {
        NameSpelling::Folded => fold_with_origins(name),
        NameSpelling::KeepingWords => fold_keeping_words(name),
    };
    let found = matcher.fuzzy_indices(&text, pattern).or_else(|| {
        pattern
            .contains(' ')
            .then(|| matcher.fuzzy_indices(&text, &pattern.replace(' ', "")))
            .flatten()
    });
    let mut out: Vec<usize> = found
        .map(|(_, p)| p)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| origins.get(p).copied())
        .filter(|&o| o != usize::MAX)
        .collect();
    out.dedup(); // "and" read from one "&"
    out
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
    subsequence_from(q.iter().copied(), text)
}

fn subsequence_from(q: impl Iterator<Item = u8>, text: &[u8]) -> bool {
    let mut rest = text;
    for c in q {
        if c == b' ' {
            continue; // the matcher may let a query's spaces match nothing
        }
        match rest.iter().position(|&t| t == c) {
            Some(p) => rest = &rest[p + 1..],
            None => return false,
        }
    }
    true
}

/// Where two neighbouring letters of `q` (spaces taken out) swapped make it a subsequence of
/// `text` when `q` itself is not one: the index of the first of the two. Only letters and digits
/// are swapped, and only two different ones.
fn swap_match(q: &[u8], text: &[u8]) -> Option<usize> {
    // Where in `text` the search for each letter of `q` began (the greedy, earliest match: no
    // other match of a prefix ends sooner, so a swap at j needs only a search from starts[j]).
    let mut starts = [0usize; 64];
    let mut at = 0usize;
    let mut fail = None;
    for (k, &c) in q.iter().enumerate().take(starts.len()) {
        starts[k] = at;
        match text[at..].iter().position(|&t| t == c) {
            Some(p) => at += p + 1,
            None => {
                fail = Some(k);
                break;
            }
        }
    }
    // A swap after the first letter that cannot be found changes nothing before it.
    let k = fail?;
    if q.len() < 2 {
        return None;
    }
    (0..=k.min(q.len() - 2)).rev().find(|&j| {
        let (a, b) = (q[j], q[j + 1]);
        a != b
            && a.is_ascii_alphanumeric()
            && b.is_ascii_alphanumeric()
            && subsequence_from(
                [b, a].into_iter().chain(q[j + 2..].iter().copied()),
                &text[starts[j]..],
            )
    })
}

/// `q` with its letters number `j` and `j + 1` (spaces not counted) swapped; both are ASCII.
fn swapped(q: &str, j: usize) -> String {
    let mut bytes = q.as_bytes().to_vec();
    let at: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] != b' ').collect();
    if let (Some(&a), Some(&b)) = (at.get(j), at.get(j + 1)) {
        bytes.swap(a, b);
    }
    String::from_utf8(bytes).unwrap_or_else(|_| q.to_string())
}

/// A quick guess at how good a match is, to choose which few hundred the matcher scores: the
/// query as typed in the name (best at the start, then at a word start), else each of its words
/// in the name ("food bank" in "Stretford Foodbank"), else a tight greedy match in the name.
/// None when the name does not hold the query's letters in order.
fn cheap_rank(name_str: &str, q: &str) -> Option<i64> {
    let name = name_str.as_bytes();
    let short = -(name.len() as i64) / 8;
    if let Some(p) = name_str.find(q) {
        let at_word = p == 0 || !name[p - 1].is_ascii_alphanumeric();
        return Some(
            if p == 0 {
                4_000
            } else if at_word {
                3_000
            } else {
                2_000
            } + short,
        );
    }
    if q.contains(' ') && q.split(' ').all(|w| name_str.contains(w)) {
        return Some(1_800 + short);
    }
    let mut pos = 0usize;
    let mut first = None;
    for &c in q.as_bytes().iter().filter(|c| **c != b' ') {
        let p = name[pos..].iter().position(|&t| t == c)?;
        first.get_or_insert(pos + p);
        pos += p + 1;
    }
    let span = pos - first.unwrap_or(0);
    Some(1_000 - span as i64 + short)
}

/// A hit's score, the field it was found in, and the query it was found by when that was not
/// the query itself (two letters swapped back).
struct Scored {
    score: i64,
    field: u8,
    pattern: Option<String>,
}

/// The matcher's score for `pattern` in `text`, letting the pattern's spaces match nothing when
/// they must ("food bank" in "foodbank").
fn fuzzy(matcher: &SkimMatcherV2, text: &str, pattern: &str) -> Option<i64> {
    matcher.fuzzy_match(text, pattern).or_else(|| {
        pattern
            .contains(' ')
            .then(|| matcher.fuzzy_match(text, &pattern.replace(' ', "")))
            .flatten()
    })
}

/// The matcher's score: the best field, the name counting for more. `typed` is the query as
/// typed (lower case), for the name spelt exactly so.
fn exact_score(
    matcher: &SkimMatcherV2,
    e: &Entry,
    activities: &str,
    q: &str,
    typed: &str,
    swaps: bool,
) -> Option<Scored> {
    let qmask = mask_of(q);
    let mut best: Option<(i64, u8)> = None;
    for (f, field) in e.fields.iter().enumerate() {
        if field.mask & qmask != qmask {
            continue;
        }
        if let Some(s) = fuzzy(matcher, &field.text, q) {
            let mut s = s + tier(&field.text, q);
            if field.name.is_some() {
                s += NAME_BONUS;
            }
            if field.name == Some(NameSpelling::Folded) {
                // Of names folding to the query, the one spelt as typed comes first.
                if s >= EXACT_TIER && e.name.trim().to_lowercase() == typed {
                    s += AS_TYPED;
                }
                // The name holding the query's words beats the same match elsewhere: skip the rest.
                if s >= WORDS_TIER {
                    return Some(Scored {
                        score: s,
                        field: f as u8,
                        pattern: None,
                    });
                }
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
    let found = best
        .into_iter()
        .chain(in_activities)
        .max_by_key(|b| b.0)
        .map(|(score, field)| Scored {
            score,
            field,
            pattern: None,
        });
    if !swaps || found.as_ref().is_some_and(|s| s.score >= WORDS_TIER) {
        return found;
    }
    // Two letters typed the wrong way round ("foodbnak"): found only when the corrected query's
    // words are in the field, and then below every match of the query as typed.
    let qb: Vec<u8> = q.bytes().filter(|&c| c != b' ').collect();
    let mut fixed: Option<Scored> = None;
    for (f, field) in e.fields.iter().enumerate() {
        if field.mask & qmask != qmask {
            continue;
        }
        let Some(j) = swap_match(&qb, field.text.as_bytes()) else {
            continue;
        };
        let v = swapped(q, j);
        let t = tier(&field.text, &v);
        if t < WORDS_TIER {
            continue;
        }
        if let Some(s) = fuzzy(matcher, &field.text, &v) {
            // The tiers kept in order below the words tier: the whole name, spaced as corrected,
            // first.
            let s = TYPO_TIER
                + (t - WORDS_TIER) / 8
                + s
                + if field.name.is_some() { NAME_BONUS } else { 0 };
            if fixed.as_ref().is_none_or(|b| s > b.score) {
                fixed = Some(Scored {
                    score: s,
                    field: f as u8,
                    pattern: Some(v),
                });
            }
        }
    }
    match (found, fixed) {
        (Some(a), Some(b)) if b.score > a.score => Some(b),
        (Some(a), _) => Some(a),
        (None, b) => b,
    }
}

/// A field that is the query itself (folded) comes first of all.
const EXACT_TIER: i64 = 2_000_000;
/// A field holding each word of the query comes before letters scattered through one.
const WORDS_TIER: i64 = 1_000_000;
/// A field holding each word of the query once two swapped letters are put back: after the
/// query as typed in words, before letters scattered.
const TYPO_TIER: i64 = 500_000;
/// Of names that fold to the query, the one spelt exactly as typed.
const AS_TYPED: i64 = 100;

/// How a folded field matches the folded query beyond the matcher's score: whole, by its words,
/// or by scattered letters.
fn tier(text: &str, q: &str) -> i64 {
    let squeeze = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    if text == q {
        // Spaced as typed: before the same letters spaced otherwise (Foodbank, Food Bank).
        return EXACT_TIER + 1_000;
    }
    if squeeze(text) == squeeze(q) {
        return EXACT_TIER;
    }
    if q.split_whitespace().all(|w| text.contains(w)) {
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

    /// A tester (CVS staff) found none of these spellings found the group; the duplicate scan
    /// already took them for one name.
    #[test]
    fn everyday_spellings_find_the_group_and_the_name_itself_comes_first() {
        let groups = [
            item(1, "St John's Centre"),
            item(2, "G-Force"),
            item(3, "Stretford Foodbank"),
            item(4, "Bluesci"),
            item(5, "Sale and District Scout Council"),
            item(6, "St Mary's Church Hall"),
            item(7, "Saint Mary's Parish Fund"),
            item(8, "Stretford Community Center"),
        ];
        for (q, id) in [
            ("St. John's Centre", 1),
            ("Saint Johns Centre", 1),
            ("st johns centre", 1),
            ("ST JOHN\u{2019}S CENTRE", 1),
            ("G Force", 2),
            ("G- Force", 2),
            ("gforce", 2),
            ("g-force", 2),
            ("food bank", 3),
            ("stretford food bank", 3),
            ("foodbnak", 3),
            ("stretfrod", 3),
            ("Blue Sci", 4),
            ("Sale & District Scout Council", 5),
            ("sale + district", 5),
            ("saint marys church", 6),
            ("st marys parish", 7),
            ("community centre", 8),
        ] {
            // Fresh each time, so no query narrows another.
            let hits = SearchIndex::new(groups.clone()).search(q, 10);
            assert_eq!(hits.first().map(|h| h.id), Some(id), "{q}: {hits:?}");
        }
        // Typed letter by letter, "Saint" is found while it is being typed and once it is whole.
        let mut idx = SearchIndex::new(groups.clone());
        for n in 3.."saint mary".len() {
            let q = &"saint mary"[..n];
            let hits = idx.search(q, 10);
            assert!(hits.iter().any(|h| h.id == 7), "{q}: {hits:?}");
        }
        for q in ["saint mary", "St. Mary's"] {
            let hits = idx.search(q, 10);
            let mut found: Vec<i64> = hits.iter().take(2).map(|h| h.id).collect();
            found.sort_unstable();
            assert_eq!(found, [6, 7], "{q}: {hits:?}");
        }
        let hits = idx.search("saint mary", 10);
        let mut found: Vec<i64> = hits.iter().take(2).map(|h| h.id).collect();
        found.sort_unstable();
        assert_eq!(found, [6, 7], "{hits:?}");
    }

    #[test]
    fn the_whole_name_ranks_before_a_longer_one_and_a_swapped_letter_after_both() {
        let mut idx = SearchIndex::new([
            item(1, "Stretford Foodbank Friends and Volunteers"),
            item(2, "Stretford Food Bank"),
            item(3, "Stretford Foodbank"),
            item(4, "Sale Foodbank"),
        ]);
        let ids = |hits: Vec<Hit>| hits.into_iter().map(|h| h.id).collect::<Vec<_>>();
        assert_eq!(ids(idx.search("stretford foodbank", 10))[..3], [3, 2, 1]);
        assert_eq!(ids(idx.search("stretford food bank", 10))[..3], [2, 3, 1]);
        let fixed = idx.search("stretford foodbnak", 10);
        assert_eq!(ids(fixed.clone())[..2], [3, 2], "{fixed:?}");
        assert!(
            fixed[0].score < WORDS_TIER,
            "below any match of the query as typed"
        );
        // Short queries forgive no swaps: "sael" is not "sale".
        let mut sale = SearchIndex::new([item(1, "Sale Foodbank")]);
        assert!(sale.search("sael", 10).is_empty());
        assert_eq!(ids(sale.search("sael foodbank", 10)), [1]);
        assert_eq!(ids(idx.search("sale foodbank", 10))[0], 4);
    }

    #[test]
    fn other_names_are_folded_too_and_say_where_the_match_was() {
        let mut idx = SearchIndex::new([
            Searchable {
                id: 1,
                name: "Trafford Carers Centre".into(),
                other_names: vec!["Carers' Hub & Caf\u{e9}".into()],
                ..Default::default()
            },
            item(2, "Carers Forum"),
        ]);
        let hits = idx.search("carers hub and caf\u{e9}", 5);
        assert_eq!(hits[0].id, 1, "{hits:?}");
        assert_eq!(hits[0].matched_in, "other name: Carers' Hub & Caf\u{e9}");
    }

    #[test]
    fn a_query_found_outside_the_name_only_is_ranked_without_a_swap() {
        let mut idx = SearchIndex::new([Searchable {
            id: 1,
            name: "Bluesci".into(),
            postcode: "M33 7AD".into(),
            ..Default::default()
        }]);
        assert_eq!(idx.search("m", 5)[0].matched_in, "postcode: M33 7AD");
        assert_eq!(swap_match(b"m", b"bluesci"), None);
        assert_eq!(swap_match(b"foodbnak", b"stretford foodbank"), Some(5));
        assert_eq!(swapped("food bnak", 5), "food bank");
    }

    /// What the window highlights: characters of the name as written, not of its folded form.
    #[test]
    fn highlights_point_at_the_name_as_written() {
        let mut idx = SearchIndex::new([item(1, "Saint John's & Co-op")]);
        let hit = &idx.search("st johns and coop", 1)[0];
        let name: Vec<char> = hit.name.chars().collect();
        let lit: String = hit.name_positions.iter().map(|&p| name[p]).collect();
        assert_eq!(lit, "StJohns&Coop", "{hit:?}");
    }

    /// Typed letter by letter, the answer is what a fresh search gives: a query under three
    /// characters does not look at what groups do, and must not narrow away those found there.
    #[test]
    fn typing_letter_by_letter_finds_what_a_fresh_search_finds() {
        let groups = [
            Searchable {
                id: 1,
                name: "Little Hulton Pantry".into(),
                activities: "food parcels every Friday".into(),
                ..Default::default()
            },
            item(2, "Stretford Foodbank"),
        ];
        for q in ["food", "foodbnak", "saint johns"] {
            let mut typed = SearchIndex::new(groups.clone());
            let mut last = Vec::new();
            for n in 1..=q.len() {
                last = typed.search(&q[..n], 10);
            }
            assert_eq!(last, SearchIndex::new(groups.clone()).search(q, 10), "{q}");
        }
        let mut typed = SearchIndex::new(groups);
        for n in 1..="food".len() {
            typed.search(&"food"[..n], 10);
        }
        assert!(typed.search("food", 10).iter().any(|h| h.id == 1));
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

    /// Narrowing must never lose a group a fresh search finds, across the points where a query
    /// starts to look at what groups do (3 characters) and to forgive swaps (5 letters), and
    /// across words that fold ("saint", "&").
    #[test]
    fn typed_queries_on_a_generated_directory_match_fresh_searches() {
        let generated = crate::synthetic::directory(3_000, 42);
        let mut queries = crate::synthetic::queries(&generated, 25, 7);
        let groups: Vec<Searchable> = generated
            .into_iter()
            .enumerate()
            .map(|(i, g)| Searchable {
                id: i as i64,
                name: g.name,
                postcode: g.postcode,
                activities: g.activities,
                ..Default::default()
            })
            .collect();
        queries.extend(["saint marys & st", "frineds of", "comunity centre"].map(String::from));
        let mut typed = SearchIndex::new(groups.clone());
        let mut fresh = SearchIndex::new(groups);
        for q in &queries {
            for n in 1..=q.chars().count() {
                let part: String = q.chars().take(n).collect();
                let a = typed.search(&part, 20);
                fresh.last = None;
                assert_eq!(a, fresh.search(&part, 20), "{part:?}");
            }
        }
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
