//! Names as they are shown. Registers write names in capitals ("THE CHESHIRE WILDLIFE TRUST
//! LIMITED"); the app shows them in title case but stores what the register wrote, so a later
//! import from the same register still matches it letter for letter.

/// Short words kept lower case inside a name.
const SMALL: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "upon",
];

/// Abbreviations kept in capitals (words with no vowel, such as CVS or ICW, are kept anyway).
const KEEP: &[&str] = &[
    "UK", "CIC", "CIO", "YMCA", "YWCA", "NHS", "BME", "PCC", "RSPCA", "NSPCC", "U3A", "ESOL",
    "LGBT", "LGBTQ", "ADHD", "ICW", "II", "III", "IV", "RAF", "WI", "PTA", "PTFA", "CE", "HIV",
    "ASD", "AFC", "FC", "RNLI", "URC", "CAMHS", "SEND", "YHA", "PSA", "PE", "RDA",
];

/// Abbreviations written in mixed case by their owners.
const MIXED: &[(&str, &str)] = &[("DOFE", "DofE")];

/// The name in title case when it is written all in capitals; any other name as it is.
pub fn shown_name(name: &str) -> String {
    // Called for every row of the Directory list: most names have a small letter early, so
    // the check stops there without collecting anything.
    let mut letters = 0;
    for c in name.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return name.to_string();
        }
        letters += 1;
    }
    if letters < 4 {
        return name.to_string();
    }
    let words: Vec<&str> = name.split(' ').collect();
    let mut out = String::with_capacity(name.len());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // A word after a dash or colon starts a phrase, as the name's first word does
        // ("FOUNDATION- A STEP FORWARD", "DIAS - A SERVICE").
        let starts_phrase = i == 0 || words[i - 1].ends_with(['-', '–', '—', ':']);
        if is_initial(&words, i) || is_bracketed_acronym(&words, i) {
            out.push_str(word);
        } else {
            out.push_str(&shown_word(word, starts_phrase));
        }
    }
    out
}

/// A single letter beside another single letter is an initial, kept a capital even when it
/// is "A": "Y W C A PLAYGROUP" is "Y W C A Playgroup".
fn is_initial(words: &[&str], i: usize) -> bool {
    let single = |w: &str| w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
    single(words[i])
        && ((i > 0 && single(words[i - 1])) || words.get(i + 1).is_some_and(|w| single(w)))
}

/// A word in brackets whose letters are the initials of words before it, in order, is the
/// name's acronym: "FIRST ASIAN SUPPORT TRUST (FAST)" keeps "(FAST)", while a place in
/// brackets, "(SALE)" or "(MANCHESTER)", is a word like any other.
fn is_bracketed_acronym(words: &[&str], i: usize) -> bool {
    let Some(inner) = words[i].strip_prefix('(').and_then(|w| w.strip_suffix(')')) else {
        return false;
    };
    if inner.chars().count() < 2 || !inner.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let mut initials = words[..i]
        .iter()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()));
    inner.chars().all(|c| initials.any(|init| init == c))
}

/// The order the Directory list sorts names in (its `localeCompare` with `numeric`, ignoring
/// case): "1st Davyhulme Scouts" before "42nd Street" before "105th Manchester Scouts", so a
/// queue of names reads in the same order as the list.
pub fn name_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let number = |it: &mut std::iter::Peekable<std::str::Chars>| {
                    let mut digits = String::new();
                    while let Some(c) = it.next_if(char::is_ascii_digit) {
                        digits.push(c);
                    }
                    digits.trim_start_matches('0').to_string()
                };
                let (m, n) = (number(&mut x), number(&mut y));
                let by_number = m.len().cmp(&n.len()).then_with(|| m.cmp(&n));
                if by_number.is_ne() {
                    return by_number;
                }
            }
            (Some(c), Some(d)) => {
                let by_letter = c.to_lowercase().cmp(d.to_lowercase());
                if by_letter.is_ne() {
                    return by_letter;
                }
                x.next();
                y.next();
            }
        }
    }
}

/// Whether two names differ only in capitals and spacing ("Friends of john Leigh Park" and
/// "Friends of John Leigh Park"; "Trafford HongKongers" and "Trafford Hong Kongers"): files
/// spell one group's name both ways, and keeping both as its names says nothing. Compared
/// letter by letter, copying neither.
pub fn same_but_case_and_spacing(a: &str, b: &str) -> bool {
    letters(a).eq(letters(b))
}

fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
}

/// A word, each part of a hyphenated one on its own: "ASHTON-UPON-MERSEY" is
/// "Ashton-upon-Mersey", a small word between two hyphens kept lower case as it is in place
/// names (one at either end, as in "DROP-IN", starts with a capital like any other part).
fn shown_word(word: &str, first: bool) -> String {
    let parts: Vec<&str> = word.split('-').collect();
    let last = parts.len() - 1;
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let small_allowed = if last == 0 { !first } else { i > 0 && i < last };
            shown_part(part, small_allowed)
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn shown_part(word: &str, small_allowed: bool) -> String {
    let bare: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    // "1ST", "11TH", "2ND": the number's ending is lower case, though it has no vowel.
    let ordinal = bare.starts_with(|c: char| c.is_ascii_digit())
        && ["ST", "ND", "RD", "TH"].iter().any(|e| {
            bare.strip_suffix(e)
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        });
    let has_vowel = bare.chars().any(|c| "AEIOUY".contains(c));
    // Letters and digits together, other than an ordinal, are a code or a postcode district
    // ("WA15", "E2E", "B2B"): kept as written, vowels or not.
    let code = bare.chars().any(|c| c.is_ascii_digit()) && bare.chars().any(char::is_alphabetic);
    if let Some((_, mixed)) = MIXED.iter().find(|(capitals, _)| *capitals == bare) {
        return word.replace(bare.as_str(), mixed);
    }
    let keep = KEEP.contains(&bare.as_str())
        || (!ordinal
            && (code
                || (!has_vowel
                    && bare.chars().any(char::is_alphabetic)
                    && bare.len() > 1
                    // "ST" and "LTD" are words cut short, not abbreviations: "St", "Ltd".
                    && bare != "ST"
                    && bare != "LTD")));
    if keep {
        return word.to_string();
    }
    let lower = word.to_lowercase();
    if small_allowed && SMALL.contains(&lower.as_str()) {
        return lower;
    }
    // Capitalise the first letter of each part split by a slash or bracket. After an apostrophe
    // only in an Irish or French prefix, one letter before it and a name after ("O'BRIEN" is
    // "O'Brien", "D'ARCY" is "D'Arcy"); never a possessive or a short ending ("MARY'S" is
    // "Mary's").
    let chars: Vec<char> = lower.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    let mut letters_before = 0;
    for (i, &c) in chars.iter().enumerate() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
            letters_before += 1;
        } else {
            out.push(c);
            if matches!(c, '/' | '(' | '&' | '.') {
                start = true;
                letters_before = 0;
            } else if c == '\'' || c == '’' {
                let letters_after = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_alphabetic())
                    .count();
                start = letters_before == 1 && letters_after > 1;
            } else if c.is_alphanumeric() {
                // A Scottish or Irish "Mc" prefix takes a capital after it: "MCDONALD HOUSE"
                // is "McDonald House" (not "Mac", which begins Macclesfield and Macmillan).
                start = letters_before == 1
                    && i == 1
                    && out == "Mc"
                    && chars[2..].iter().take_while(|c| c.is_alphabetic()).count() >= 3;
                letters_before += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{name_order, same_but_case_and_spacing, shown_name};

    #[test]
    fn names_differing_only_in_case_and_spacing_are_one_spelling() {
        assert!(same_but_case_and_spacing(
            "Friends of john Leigh Park",
            "Friends of John Leigh Park"
        ));
        assert!(same_but_case_and_spacing(
            "Trafford HongKongers",
            "Trafford Hong Kongers"
        ));
        assert!(!same_but_case_and_spacing(
            "Trafford Hongkongers",
            "Trafford Hongkong"
        ));
        assert!(!same_but_case_and_spacing("G-Force", "G Force"));
    }

    #[test]
    fn capitals_are_shown_in_title_case() {
        assert_eq!(
            shown_name("THE CHESHIRE WILDLIFE TRUST LIMITED"),
            "The Cheshire Wildlife Trust Limited"
        );
        assert_eq!(
            shown_name("DUKINFIELD BAPTIST CHURCH (TRUST FUNDS HELD ICW )"),
            "Dukinfield Baptist Church (Trust Funds Held ICW )"
        );
        assert_eq!(
            shown_name("ST JOHN'S CENTRE OF HOPE"),
            "St John's Centre of Hope"
        );
        assert_eq!(shown_name("AGE UK TRAFFORD"), "Age UK Trafford");
        assert_eq!(shown_name("SALE-ON-MERSEY YMCA"), "Sale-on-Mersey YMCA");
    }

    /// The tester's cases: Irish and French prefixes, ordinals, PTA, small words inside a
    /// hyphenated place name; and the possessive that must stay as it is.
    #[test]
    fn prefixes_ordinals_abbreviations_and_hyphenated_places() {
        for (capitals, shown) in [
            ("O'BRIEN FAMILY FUND", "O'Brien Family Fund"),
            ("D'ARCY ARTS", "D'Arcy Arts"),
            ("1ST SALFORD SCOUTS", "1st Salford Scouts"),
            ("11TH SALE SCOUT GROUP", "11th Sale Scout Group"),
            (
                "22ND AND 3RD ECCLES BROWNIES",
                "22nd and 3rd Eccles Brownies",
            ),
            ("ST MARY'S PTA", "St Mary's PTA"),
            ("ASHTON-UPON-MERSEY", "Ashton-upon-Mersey"),
            (
                "FRIENDS OF ASHTON-UPON-MERSEY PARK",
                "Friends of Ashton-upon-Mersey Park",
            ),
            ("MARY'S DROP-IN", "Mary's Drop-In"),
            ("ST JOHN'S CENTRE", "St John's Centre"),
            ("I'M HERE", "I'm Here"),
            (
                "NHS-FUNDED CARERS (SALFORD/ECCLES)",
                "NHS-Funded Carers (Salford/Eccles)",
            ),
            ("M5 COMMUNITY GROUP", "M5 Community Group"),
            ("WA15 YOUTH FORUM", "WA15 Youth Forum"),
            ("E2E G-FORCE", "E2E G-Force"),
            ("B2B NETWORK", "B2B Network"),
            ("MCDONALD HOUSE TRUST", "McDonald House Trust"),
            ("AFC URMSTON", "AFC Urmston"),
            ("MACCLESFIELD MCC CLUB", "Macclesfield MCC Club"),
            ("MCKENZIE-MCCANN FUND", "McKenzie-McCann Fund"),
            ("MCS LUNCH CLUB", "MCS Lunch Club"),
        ] {
            assert_eq!(shown_name(capitals), shown, "{capitals}");
        }
    }

    /// The tester's register names: initials, Ltd, a bracketed acronym of the name (but not a
    /// place in brackets), common abbreviations, and a phrase after a dash.
    #[test]
    fn initials_ltd_bracketed_acronyms_and_phrases_after_a_dash() {
        for (capitals, shown) in [
            ("Y W C A PLAYGROUP", "Y W C A Playgroup"),
            ("A S CHARITABLE TRUST", "A S Charitable Trust"),
            ("BUILDING A FUTURE", "Building a Future"),
            (
                "BACK ON TRACK MANCHESTER LTD",
                "Back on Track Manchester Ltd",
            ),
            (
                "REDDISH BUILDINGS PRESERVATION TRUST LTD.",
                "Reddish Buildings Preservation Trust Ltd.",
            ),
            (
                "BODY OF CHRIST INTERNATIONAL MINISTRIES (BCIM)",
                "Body of Christ International Ministries (BCIM)",
            ),
            (
                "GRACE INCORPORATION FAITH TRUST (GIFT)",
                "Grace Incorporation Faith Trust (GIFT)",
            ),
            (
                "FIRST ASIAN SUPPORT TRUST (FAST) LTD",
                "First Asian Support Trust (FAST) Ltd",
            ),
            (
                "ROCHDALE, OLDHAM AND BURY EPILEPSY SOCIETY (ROBES)",
                "Rochdale, Oldham and Bury Epilepsy Society (ROBES)",
            ),
            (
                "FRIENDS OF MOORLANDS JUNIOR SCHOOL (SALE)",
                "Friends of Moorlands Junior School (Sale)",
            ),
            (
                "DIVERSIONS FAMILY SUPPORT NETWORK (DIVERSIONS)",
                "Diversions Family Support Network (Diversions)",
            ),
            ("NEW WELLINGTON SCHOOL PSA", "New Wellington School PSA"),
            (
                "MANCHESTER SCHOOLS' PE ASSOCIATION",
                "Manchester Schools' PE Association",
            ),
            ("PEGASUS RDA", "Pegasus RDA"),
            ("TIMPERLEY DOFE AWARD CENTRE", "Timperley DofE Award Centre"),
            (
                "CHILDREN'S BURNS FOUNDATION- A STEP FORWARD",
                "Children's Burns Foundation- A Step Forward",
            ),
            ("CATCH THE FIRE - THE CHURCH", "Catch the Fire - The Church"),
        ] {
            assert_eq!(shown_name(capitals), shown, "{capitals}");
        }
    }

    /// As the Directory list sorts: numbers by their value, capitals ignored.
    #[test]
    fn names_are_ordered_by_numbers_value_and_without_regard_to_capitals() {
        let mut names = vec![
            "105th Manchester Scout Group",
            "42nd Street",
            "1st Davyhulme Scout Group",
            "age UK Trafford",
            "Abbey Club",
        ];
        names.sort_by(|a, b| name_order(a, b));
        assert_eq!(
            names,
            [
                "1st Davyhulme Scout Group",
                "42nd Street",
                "105th Manchester Scout Group",
                "Abbey Club",
                "age UK Trafford"
            ]
        );
    }

    #[test]
    fn names_already_in_mixed_case_are_left_alone() {
        assert_eq!(shown_name("Blue Sci CIC"), "Blue Sci CIC");
        assert_eq!(shown_name("G-Force"), "G-Force");
        assert_eq!(shown_name("YMCA"), "YMCA");
    }
}
