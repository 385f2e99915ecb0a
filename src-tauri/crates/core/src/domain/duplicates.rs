//! Duplicate groups: the rules that say whether two entries are probably one group, with a score
//! and the reasons in words. A directory fed from several spreadsheets holds the same group under
//! several spellings ("G Force", "G- Force", "G-Force"; "St John's Centre", "St. John's Centre"),
//! so names are compared after normalising, words are weighted by how rare they are (two "Friends
//! of ... Park" groups share common words, not the rare ones), and a different postcode, ward or
//! register number lowers the score, because same-name branches are separate groups.
//!
//! Finding the pairs to score (blocking, never every pair) is in [`super::duplicate_scan`].

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use serde::{Deserialize, Serialize};

use super::identifier::{is_register, scheme_words, Identifier};

/// Pairs scoring at least this are proposed (0 to 1). Chosen on the Trafford grants file, where
/// it gives both precision and recall of at least 0.9 (BENCHMARKS.md).
pub const DEFAULT_THRESHOLD: f64 = 0.75;

/// What the duplicate rules look at in one group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DuplicateRecord {
    pub id: i64,
    pub name: String,
    pub other_names: Vec<String>,
    pub identifiers: Vec<Identifier>,
    pub postcode: String,
    pub ward_id: Option<i64>,
    /// The ward's name, for the reasons ("different wards (Sale Moor and Priory)").
    pub ward: String,
    pub website: String,
    pub email: String,
}

/// Two groups that are probably one, with the score (0 to 1) and why, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicatePair {
    pub group_a: i64,
    pub group_a_name: String,
    /// The names as the window shows them (`names::shown_name`); the `_name` fields are stored.
    #[serde(default)]
    pub group_a_shown_name: String,
    pub group_b: i64,
    pub group_b_name: String,
    #[serde(default)]
    pub group_b_shown_name: String,
    pub score: f64,
    pub reasons: Vec<String>,
}

/// Words dropped from names before comparing: they say nothing about which group it is.
const STOP_WORDS: &[&str] = &["the", "and"];

/// Legal forms, dropped wherever they appear ("Bluesci" and "Blue Sci CIC" are one group).
const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "cic",
    "cio",
    "plc",
    "llp",
    "inc",
    "incorporated",
    "trust",
];

/// Legal forms of several words, dropped as a run.
const LEGAL_PHRASES: &[&[&str]] = &[
    &["community", "interest", "company"],
    &["charitable", "incorporated", "organisation"],
    &["charitable", "incorporated", "organization"],
    &["registered", "charity"],
];

/// Shared providers: two groups with Gmail addresses or a Facebook page are not one group.
const SHARED_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.co.uk",
    "outlook.com",
    "live.com",
    "live.co.uk",
    "yahoo.com",
    "yahoo.co.uk",
    "btinternet.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "sky.com",
    "virginmedia.com",
    "ntlworld.com",
    "talktalk.net",
    "mail.com",
    "facebook.com",
    "fb.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "linktr.ee",
    "wordpress.com",
    "wixsite.com",
    "blogspot.com",
    "blogspot.co.uk",
    "google.com",
    "sites.google.com",
    "weebly.com",
    "squarespace.com",
    "eventbrite.co.uk",
    "justgiving.com",
    "gov.uk",
    "nhs.net",
    "nhs.uk",
];

/// A name's words after normalising: folded as search folds them (`super::fold`: lower case,
/// apostrophes dropped, "&" and "+" read as "and", other punctuation a space, "Saint" is "st"),
/// then "the", "and" and legal forms (Ltd, Limited, CIC, CIO, Trust, "Registered Charity"...)
/// dropped. A name that is nothing but such words keeps them, so it is never empty.
pub fn name_words(name: &str) -> Vec<String> {
    let all = super::fold::fold_words(name);
    let mut kept: Vec<String> = Vec::with_capacity(all.len());
    let mut i = 0;
    'words: while i < all.len() {
        for phrase in LEGAL_PHRASES {
            if all[i..].starts_with_words(phrase) {
                i += phrase.len();
                continue 'words;
            }
        }
        let w = all[i].as_str();
        if !STOP_WORDS.contains(&w) && !LEGAL_FORMS.contains(&w) {
            kept.push(all[i].clone());
        }
        i += 1;
    }
    if kept.is_empty() {
        all
    } else {
        kept
    }
}

trait StartsWithWords {
    fn starts_with_words(&self, phrase: &[&str]) -> bool;
}

impl StartsWithWords for [String] {
    fn starts_with_words(&self, phrase: &[&str]) -> bool {
        self.len() >= phrase.len() && self.iter().zip(phrase).all(|(a, b)| a == b)
    }
}

/// The normalised name as one string ("The G-Force Ltd" -> "g force").
pub fn normalise_name(name: &str) -> String {
    name_words(name).join(" ")
}

/// The names a group goes by for matching: the name itself, the part outside brackets and the
/// part inside them ("Altrincham Baptist Church (The Hub Community Centre)"), and the part before
/// a comma ("Friends of Victoria Park, Stretford"). Bracketed parts of one word ("(Manchester)")
/// are not names of their own.
pub fn name_variants(name: &str) -> Vec<String> {
    let mut out = vec![name.trim().to_string()];
    if let (Some(open), Some(close)) = (name.find('('), name.rfind(')')) {
        if open < close {
            out.push(
                format!("{} {}", name[..open].trim(), name[close + 1..].trim())
                    .trim()
                    .to_string(),
            );
            let inside = &name[open + 1..close];
            if name_words(inside).len() >= 2 {
                out.push(inside.to_string());
            }
        }
    }
    if let Some(comma) = name.find(',') {
        out.push(name[..comma].trim().to_string());
    }
    // "ESOL group at St. John's Centre": the grant went to the venue.
    if let Some(at) = name.to_lowercase().find(" at ") {
        out.push(name[at + 4..].trim().to_string());
    }
    // Parts of one word ("Flixton, Urmston and Davyhulme Carnival") are not names of their own.
    let whole = out.remove(0);
    out.retain(|v| name_words(v).len() >= 2);
    out.insert(0, whole);
    out
}

/// A website's domain without "www." ("https://www.bluesci.org.uk/about" -> "bluesci.org.uk"),
/// or `None` when empty or a shared platform (Facebook, WordPress...).
pub fn website_domain(url: &str) -> Option<String> {
    let u = url.trim().to_ascii_lowercase();
    let u = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(&u);
    let host = u.split(['/', '?', '#', ':']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    own_domain(host)
}

/// An e-mail address's domain, or `None` when empty or a shared provider (Gmail, Hotmail...).
pub fn email_domain(email: &str) -> Option<String> {
    let e = email.trim().to_ascii_lowercase();
    let (_, host) = e.rsplit_once('@')?;
    own_domain(host)
}

fn own_domain(host: &str) -> Option<String> {
    if !host.contains('.') || host.contains(' ') {
        return None;
    }
    let shared = SHARED_DOMAINS
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")));
    (!shared).then(|| host.to_string())
}

/// How two names compare, best first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NameMatch {
    /// The same words after normalising.
    Same,
    /// The same letters once spaces are ignored ("Gorsehill" and "Gorse Hill").
    SameApartFromSpacing,
    /// One name's words run on inside the other's ("Groundwork" in "Groundwork Greater
    /// Manchester"): the share of the longer name's weight the shorter covers, whether the
    /// longer one starts with it (a name with a qualifier after it is far more often the same
    /// group than one with words before it: "Chinese Association" and "Altrincham Chinese
    /// Association"), how the run was found, and whether the first name compared is the
    /// shorter one (the one found in the other).
    Contains {
        cover: f64,
        at_start: bool,
        by: Containment,
        first_is_shorter: bool,
    },
    /// Words in common, weighted by rarity (0 to 1).
    Similar(f64),
}

/// How one name was found in another, so the reason says what was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Containment {
    /// Its letters, spaces aside, start the other's ("gorsehill studios" and "gorse hill studios
    /// sound and vision").
    Letters,
    /// Its words, each the same word, in a run in the other's.
    Words,
    /// Its words in a run in the other's, some only nearly the same: a slip of a letter ("blue"
    /// and "blu") or one the start or end of the other ("riding" and "horseriding").
    NearWords,
}

impl NameMatch {
    /// The name's part of the score, before places and register numbers move it.
    pub fn base(self) -> f64 {
        match self {
            NameMatch::Same => 0.95,
            NameMatch::SameApartFromSpacing => 0.93,
            NameMatch::Contains {
                cover,
                at_start: true,
                ..
            } => 0.80 + 0.12 * cover,
            NameMatch::Contains { cover, .. } => 0.60 + 0.12 * cover,
            NameMatch::Similar(s) => s,
        }
    }
}

/// Words of one name prepared for comparing: their ids and weights (rarer words weigh more).
#[derive(Debug, Clone, Default)]
pub struct PreparedName {
    pub words: Vec<u32>,
    pub weights: Vec<f32>,
    pub compact: String,
}

/// Compares two prepared names; `text` turns a word id back into the word.
pub fn compare_names<'a>(
    a: &PreparedName,
    b: &PreparedName,
    text: &dyn Fn(u32) -> &'a str,
) -> NameMatch {
    if a.words == b.words {
        return NameMatch::Same;
    }
    if a.compact == b.compact {
        return NameMatch::SameApartFromSpacing;
    }
    let (sc, lc) = if a.compact.len() <= b.compact.len() {
        (&a.compact, &b.compact)
    } else {
        (&b.compact, &a.compact)
    };
    if sc.len() >= 8 && lc.starts_with(sc.as_str()) {
        // "Gorsehill Studios" and "Gorse Hill Studios' Sound and Vision".
        let first_is_shorter = a.compact.len() <= b.compact.len();
        let (sw, lw) = if first_is_shorter {
            (&a.words, &b.words)
        } else {
            (&b.words, &a.words)
        };
        return NameMatch::Contains {
            cover: sc.len() as f64 / lc.len() as f64,
            at_start: true,
            // Word for word when the spaces fall in the same places ("Hidden Treasure").
            by: if lw.starts_with(sw) {
                Containment::Words
            } else {
                Containment::Letters
            },
            first_is_shorter,
        };
    }
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    // Weighted words in common; each word of the longer name is used once.
    let mut used = vec![false; long.words.len()];
    let mut matched = 0.0f32;
    let mut credits = vec![0.0f32; short.words.len()];
    for (i, &w) in short.words.iter().enumerate() {
        let mut best: Option<(usize, f32)> = None;
        for (j, &v) in long.words.iter().enumerate() {
            if used[j] {
                continue;
            }
            let c = word_credit(w, v, text);
            if c > best.map_or(0.0, |b| b.1) {
                best = Some((j, c));
                if c >= 1.0 {
                    break;
                }
            }
        }
        if let Some((j, c)) = best {
            used[j] = true;
            let weight = short.weights[i].min(long.weights[j]);
            matched += weight * c;
            credits[i] = c;
        }
    }
    let ws: f32 = short.weights.iter().sum();
    let wl: f32 = long.weights.iter().sum();
    let dice = (2.0 * matched / (ws + wl)).min(1.0) as f64;
    // Containment: the shorter name's words in order, in a run inside the longer one's.
    if short.words.len() < long.words.len() && credits.iter().all(|c| *c >= 0.8) {
        let n = short.words.len();
        let run = (0..=long.words.len() - n).find(|&start| {
            short
                .words
                .iter()
                .zip(&long.words[start..start + n])
                .all(|(&w, &v)| word_credit(w, v, text) >= 0.8)
        });
        if let Some(start) = run {
            let exact = short.words == long.words[start..start + n];
            let contains = NameMatch::Contains {
                cover: (ws / wl).min(1.0) as f64,
                at_start: start == 0,
                by: if exact {
                    Containment::Words
                } else {
                    Containment::NearWords
                },
                first_is_shorter: a.words.len() <= b.words.len(),
            };
            // Words before the shorter name ("Friends of John Leigh Park") make another group
            // more often than not: the words in common must not outvote that.
            if start > 0 || contains.base() >= dice {
                return contains;
            }
        }
    }
    NameMatch::Similar(dice)
}

/// How far two words are the same word: 1 when equal; 0.85 for one slip (a letter missed, added,
/// changed, or two swapped) when the longer has 4 or more letters ("Roa" for "Road"), two slips in
/// 10 or more; 0.8 when one is the start or end of the other and has 5 or more letters ("riding"
/// in "horseriding"); else 0.
fn word_credit<'a>(a: u32, b: u32, text: &dyn Fn(u32) -> &'a str) -> f32 {
    if a == b {
        return 1.0;
    }
    let (x, y) = (text(a), text(b));
    let (lx, ly) = (x.chars().count(), y.chars().count());
    let shorter = lx.min(ly);
    let allowed = if shorter >= 10 {
        2
    } else if shorter >= 3 && lx.max(ly) >= 4 {
        1
    } else {
        0
    };
    if allowed > 0 && lx.abs_diff(ly) <= allowed && edit_distance_within(x, y, allowed) {
        return 0.85;
    }
    if shorter >= 5 {
        let (s, l) = if lx <= ly { (x, y) } else { (y, x) };
        if l.starts_with(s) || l.ends_with(s) {
            return 0.8;
        }
    }
    0.0
}

/// Whether the edit distance between `a` and `b` is at most `max`, counting two neighbouring
/// letters swapped as one slip ("Egctoe" for "Egcote").
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(before[j - 2] + 1);
            }
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= max
}

/// `fuzzy-matcher`'s view of two names that already share a postcode, ward or register number:
/// how much of the shorter name is found, in order, in the longer one (its score against the
/// shorter name's score against itself), discounted when the longer name has much more in it.
pub fn fuzzy_similarity(matcher: &SkimMatcherV2, a: &str, b: &str) -> f64 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return 0.0;
    }
    let Some(own) = matcher.fuzzy_match(short, short).filter(|s| *s > 0) else {
        return 0.0;
    };
    let found = matcher.fuzzy_match(long, short).unwrap_or(0);
    let ratio = (found as f64 / own as f64).clamp(0.0, 1.0);
    ratio * (0.5 + 0.5 * short.len() as f64 / long.len() as f64)
}

/// What the two groups share or differ in besides their names.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    pub same_identifier: Option<Identifier>,
    /// Both have a number on the same register, and the numbers differ.
    pub different_identifier: Option<(String, String, String)>,
    pub postcodes: Option<(String, String)>,
    pub wards: Option<(String, String, bool)>,
    pub same_website: Option<String>,
    pub same_email: Option<String>,
}

/// Gathers what two records share or differ in besides their names.
pub fn evidence(a: &DuplicateRecord, b: &DuplicateRecord) -> Evidence {
    let mut e = Evidence {
        same_identifier: a
            .identifiers
            .iter()
            .find(|i| b.identifiers.contains(i))
            .cloned(),
        ..Default::default()
    };
    if e.same_identifier.is_none() {
        // Only a register's numbers tell groups apart: a funder's own ids (360G-...) are made
        // from the name as typed, so one group spelt two ways has two.
        e.different_identifier = a
            .identifiers
            .iter()
            .filter(|i| is_register(&i.scheme))
            .find_map(|i| {
                b.identifiers
                    .iter()
                    .find(|j| j.scheme == i.scheme && j.value != i.value)
                    .map(|j| (i.scheme.clone(), i.value.clone(), j.value.clone()))
            });
    }
    let (pa, pb) = (a.postcode.trim(), b.postcode.trim());
    if !pa.is_empty() && !pb.is_empty() {
        e.postcodes = Some((pa.to_ascii_uppercase(), pb.to_ascii_uppercase()));
    }
    if let (Some(wa), Some(wb)) = (a.ward_id, b.ward_id) {
        e.wards = Some((a.ward.clone(), b.ward.clone(), wa == wb));
    }
    let wa = website_domain(&a.website);
    if wa.is_some() && wa == website_domain(&b.website) {
        e.same_website = wa;
    }
    let ea = email_domain(&a.email);
    if ea.is_some() && ea == email_domain(&b.email) {
        e.same_email = ea;
    }
    e
}

/// Scores a pair from how their names compare (and, for pairs sharing a place or number,
/// `fuzzy-matcher`'s similarity) and the other evidence, with the reasons in words. `compared`
/// is the two names as `compare_names` compared them (normalised words of the name, other name,
/// or part of one that matched best), in the order it was given them.
pub fn score(
    a: &DuplicateRecord,
    b: &DuplicateRecord,
    names: NameMatch,
    compared: (&str, &str),
    fuzzy: Option<f64>,
    e: &Evidence,
) -> (f64, Vec<String>) {
    let mut reasons = Vec::new();
    if let Some(i) = &e.same_identifier {
        reasons.push(format!("same {} {}", scheme_words(&i.scheme), i.value));
    }
    let mut s = names.base();
    match names {
        NameMatch::Same if a.name.trim().eq_ignore_ascii_case(b.name.trim()) => {
            reasons.push("same name".into())
        }
        NameMatch::Same => reasons.push(
            "same name once case, punctuation, \"&\"/\"and\", \"The\", \"St.\" and legal forms (Ltd, CIC, Trust...) are ignored"
                .into(),
        ),
        NameMatch::SameApartFromSpacing => reasons.push("same name apart from spacing".into()),
        NameMatch::Contains {
            at_start,
            by,
            first_is_shorter,
            ..
        } => {
            // The words measured, not the names as entered: the match may be of an other name,
            // the part outside brackets, or words nearly the same, and legal forms are left out.
            let (short, long) = if first_is_shorter {
                compared
            } else {
                (compared.1, compared.0)
            };
            let how = match (by, at_start) {
                (Containment::Letters, _) => "one name's letters, spaces aside, start the other's",
                (Containment::Words, true) => "one name's words start the other's",
                (Containment::Words, false) => "one name's words come together in the other's",
                (Containment::NearWords, true) => {
                    "one name's words, allowing a slip or a shortened word, start the other's"
                }
                (Containment::NearWords, false) => {
                    "one name's words, allowing a slip or a shortened word, come together in the other's"
                }
            };
            reasons.push(format!("{how} (as compared: \"{short}\" and \"{long}\")"))
        }
        NameMatch::Similar(x) => {
            let f = fuzzy.unwrap_or(0.0);
            if f > x && f >= 0.5 {
                s = f;
                reasons.push(format!("similar names ({:.0}% by fuzzy match)", f * 100.0));
            } else if x >= 0.4 {
                reasons.push(format!("similar names ({:.0}% of their words)", x * 100.0));
            } else {
                reasons.push("names differ".into());
            }
        }
    }
    if e.same_identifier.is_some() {
        s = s.max(0.97);
    }
    if let Some(d) = e.same_website.as_ref() {
        s = (s.max(0.55 + 0.3 * s) + 0.1).min(1.0);
        reasons.push(format!("same website ({d})"));
    }
    if let Some(d) = e.same_email.as_ref() {
        s = (s.max(0.55 + 0.3 * s) + 0.1).min(1.0);
        reasons.push(format!("same e-mail domain ({d})"));
    }
    // Places: the same one adds a little; a different one takes more away, because same-name
    // branches (a food bank in each town) are separate groups.
    let mut penalty: f64 = 0.0;
    if let Some((pa, pb)) = &e.postcodes {
        if pa.replace(' ', "") == pb.replace(' ', "") {
            s += 0.05;
            reasons.push(format!("same postcode ({pa})"));
        } else {
            let outward = |p: &str| p.split_whitespace().next().unwrap_or("").to_string();
            penalty = penalty.max(if outward(pa) == outward(pb) {
                0.15
            } else {
                0.25
            });
            reasons.push(format!(
                "different postcodes ({pa} and {pb}): they may be separate branches"
            ));
        }
    }
    if let Some((wa, wb, same)) = &e.wards {
        if *same {
            s += 0.03;
            reasons.push(format!("same ward ({wa})"));
        } else {
            penalty = penalty.max(0.2);
            reasons.push(format!(
                "different wards ({wa} and {wb}): they may be separate branches"
            ));
        }
    }
    if let Some((scheme, x, y)) = &e.different_identifier {
        penalty += 0.3;
        // "charity numbers (England and Wales)": the plural goes on the noun, before a bracket.
        let words = scheme_words(scheme);
        let plural = match words.find(" (") {
            Some(at) => format!("{}s{}", &words[..at], &words[at..]),
            None => format!("{words}s"),
        };
        reasons.push(format!("different {plural} ({x} and {y})"));
    }
    if e.same_identifier.is_none() {
        s -= penalty;
    }
    (s.clamp(0.0, 1.0), reasons)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_from_the_trafford_grants_file_normalise_to_one_name() {
        // Recipient Org:Name values that share a Recipient Org:Identifier in the grants file.
        let same = [
            &["G Force", "G- Force", "G-Force"][..],
            &["St John's Centre", "St Johns Centre", "St. John's Centre"],
            &[
                "Trafford African & Caribbean Over 50's Club",
                "Trafford African & caribbean over 50's club",
                "Trafford African and Caribbean Over 50s Club",
            ],
            &["Friends of Moor Nook Park", "The Friends of Moor Nook Park"],
            &["Collaborative Women UK", "Collaborative Women UK CIC"],
            &[
                "Theatre Of The Senses",
                "Theatre of the Senses",
                "Theatre of the Senses CIC",
            ],
            &["Calm Connections", "Calm Connections CIC"],
            &["LEAF- Language Library", "Leaf Language Library"],
            &["SKILLZ FC", "Skillz FC"],
            &["Trafford HongKongers", "Trafford Hongkongers"],
        ];
        for names in same {
            let first = normalise_name(names[0]);
            for n in &names[1..] {
                assert_eq!(normalise_name(n), first, "{n:?} and {:?}", names[0]);
            }
        }
        assert_eq!(normalise_name("St. John's Centre"), "st johns centre");
        assert_eq!(normalise_name("Saint Johns Center"), "st johns centre");
        assert_eq!(
            normalise_name("Blue Sci Community Interest Company"),
            "blue sci"
        );
        assert_eq!(normalise_name("Groundwork Trust GTM"), "groundwork gtm");
        // A name made only of dropped words keeps them.
        assert_eq!(normalise_name("The Trust"), "the trust");
        // Different groups stay different.
        assert_ne!(
            normalise_name("Friends of Oak Road Park"),
            normalise_name("Friends of Moor Nook Park")
        );
    }

    #[test]
    fn brackets_and_commas_give_other_names() {
        assert_eq!(
            name_variants("Altrincham Baptist Church (The Hub Community Centre)"),
            vec![
                "Altrincham Baptist Church (The Hub Community Centre)",
                "Altrincham Baptist Church",
                "The Hub Community Centre"
            ]
        );
        assert_eq!(
            name_variants("Bridging the Gap (Manchester)").len(),
            2,
            "a one-word bracket is not a name of its own"
        );
        assert_eq!(
            name_variants("Friends of Victoria Park, Stretford")[1],
            "Friends of Victoria Park"
        );
        assert_eq!(
            name_variants("ESOL group at St. John's Centre")[1],
            "St. John's Centre"
        );
        assert_eq!(
            name_variants("Flixton, Urmston and Davyhulme Carnival").len(),
            1,
            "one word before a comma is not a name"
        );
    }

    #[test]
    fn domains_ignore_shared_providers() {
        assert_eq!(
            website_domain("https://www.bluesci.org.uk/about").as_deref(),
            Some("bluesci.org.uk")
        );
        assert_eq!(
            website_domain("www.facebook.com/gforcetrafford"),
            None,
            "a Facebook page is not the group's own site"
        );
        assert_eq!(
            email_domain("Info@GForce.org.uk").as_deref(),
            Some("gforce.org.uk")
        );
        assert_eq!(email_domain("someone@gmail.com"), None);
        assert_eq!(email_domain("not an address"), None);
    }

    #[test]
    fn edit_distance_is_banded() {
        assert!(edit_distance_within("comunity", "community", 1));
        assert!(edit_distance_within("caribean", "carribean", 1));
        assert!(!edit_distance_within("oak", "nook", 1));
        assert!(
            edit_distance_within("egctoe", "egcote", 1),
            "a swap is one slip"
        );
        assert!(edit_distance_within("", "ab", 2));
        assert!(!edit_distance_within("", "abc", 2));
    }

    /// The words compared, for reasons that do not quote them.
    const NO_WORDS: (&str, &str) = ("", "");

    fn rec(id: i64, name: &str) -> DuplicateRecord {
        DuplicateRecord {
            id,
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_different_postcode_lowers_the_score_and_says_so() {
        let mut a = rec(1, "Trussell Trust Foodbank");
        let mut b = rec(2, "Trussell Trust Foodbank");
        let (same_place, _) = score(&a, &b, NameMatch::Same, NO_WORDS, None, &evidence(&a, &b));
        a.postcode = "M33 7ZF".into();
        b.postcode = "WA14 1PF".into();
        let (s, reasons) = score(&a, &b, NameMatch::Same, NO_WORDS, None, &evidence(&a, &b));
        assert!(s < same_place && s < DEFAULT_THRESHOLD, "{s}");
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("different postcodes") && r.contains("separate branches")),
            "{reasons:?}"
        );
    }

    #[test]
    fn one_company_number_makes_a_duplicate_whatever_the_names() {
        let id = Identifier {
            scheme: "GB-COH".into(),
            value: "09901361".into(),
        };
        let mut a = rec(1, "Bluesci");
        let mut b = rec(2, "Blue Sci CIC");
        a.identifiers = vec![id.clone()];
        b.identifiers = vec![id];
        let (s, reasons) = score(
            &a,
            &b,
            NameMatch::Similar(0.2),
            NO_WORDS,
            None,
            &evidence(&a, &b),
        );
        assert!(s >= 0.97, "{s}");
        assert_eq!(reasons[0], "same company number 09901361");
    }

    #[test]
    fn different_charity_numbers_say_they_are_different_groups() {
        let mut a = rec(1, "Friends of Victoria Park");
        let mut b = rec(2, "Friends of Victoria Park");
        a.identifiers = vec![Identifier {
            scheme: "GB-CHC".into(),
            value: "1179731".into(),
        }];
        b.identifiers = vec![Identifier {
            scheme: "GB-CHC".into(),
            value: "1000001".into(),
        }];
        let (s, reasons) = score(&a, &b, NameMatch::Same, NO_WORDS, None, &evidence(&a, &b));
        assert!(s < DEFAULT_THRESHOLD, "{s}");
        assert!(reasons
            .iter()
            .any(|r| r == "different charity numbers (England and Wales) (1179731 and 1000001)"));
    }

    #[test]
    fn a_funders_own_ids_that_differ_do_not_count_against_a_pair() {
        // Trafford's grants file: one group spelt two ways, each given an id made from its name.
        let mut a = rec(1, "The Friends of Moor Nook Park");
        let mut b = rec(2, "Friends of Nook Park");
        let (s0, _) = score(
            &a,
            &b,
            NameMatch::Similar(0.8),
            NO_WORDS,
            None,
            &evidence(&a, &b),
        );
        a.identifiers = vec![Identifier {
            scheme: "360G-trafford".into(),
            value: "friends_of_moor_nook_park".into(),
        }];
        b.identifiers = vec![Identifier {
            scheme: "360G-trafford".into(),
            value: "friends_of_nook_park".into(),
        }];
        let e = evidence(&a, &b);
        assert_eq!(e.different_identifier, None);
        let (s, reasons) = score(&a, &b, NameMatch::Similar(0.8), NO_WORDS, None, &e);
        assert_eq!(s, s0, "{reasons:?}");
        assert!(
            !reasons.iter().any(|r| r.contains("identifiers")),
            "{reasons:?}"
        );
    }

    /// Each way one name is found in another is told apart, so the reason says which.
    #[test]
    fn containment_says_how_the_name_was_found() {
        let vocabulary: Vec<String> = [
            "gorsehill",
            "studios",
            "gorse",
            "hill",
            "sound",
            "and",
            "vision",
            "chinese",
            "association",
            "altrincham",
            "pegasus",
            "riding",
            "horseriding",
            "club",
        ]
        .map(String::from)
        .to_vec();
        let prepared = |name: &str| {
            let words: Vec<u32> = name
                .split(' ')
                .map(|w| vocabulary.iter().position(|v| v == w).unwrap() as u32)
                .collect();
            PreparedName {
                weights: vec![1.0; words.len()],
                compact: name.replace(' ', ""),
                words,
            }
        };
        let text = |w: u32| vocabulary[w as usize].as_str();
        let how = |a: &str, b: &str| match compare_names(&prepared(a), &prepared(b), &text) {
            NameMatch::Contains {
                by,
                at_start,
                first_is_shorter,
                ..
            } => (by, at_start, first_is_shorter),
            other => panic!("{a} / {b}: {other:?}"),
        };
        assert_eq!(
            how("gorse hill studios sound and vision", "gorsehill studios"),
            (Containment::Letters, true, false)
        );
        assert_eq!(
            how("chinese association", "altrincham chinese association"),
            (Containment::Words, false, true)
        );
        assert_eq!(
            how("pegasus riding club", "pegasus horseriding club sound"),
            (Containment::NearWords, true, true)
        );
    }

    #[test]
    fn the_fuzzy_matcher_scores_a_shorter_name_found_in_a_longer_one() {
        let m = SkimMatcherV2::default();
        let close = fuzzy_similarity(
            &m,
            "pegasus riding for disabled",
            "pegasus horseriding for disabled association",
        );
        let far = fuzzy_similarity(&m, "friends of oak road park", "friends of moor nook park");
        assert!(close > far, "{close} vs {far}");
        assert_eq!(fuzzy_similarity(&m, "", "x"), 0.0);
    }
}
