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
    "LGBT", "LGBTQ", "ADHD", "ICW", "II", "III", "IV", "RAF", "WI",
];

/// The name in title case when it is written all in capitals; any other name as it is.
pub fn shown_name(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 4 || letters.iter().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&shown_word(word, i == 0));
    }
    out
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

fn shown_word(word: &str, first: bool) -> String {
    let bare: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    let has_vowel = bare.chars().any(|c| "AEIOUY".contains(c));
    let keep = KEEP.contains(&bare.as_str())
        || (!has_vowel && bare.chars().any(char::is_alphabetic) && bare.len() > 1 && bare != "ST");
    if keep {
        return word.to_string();
    }
    let lower = word.to_lowercase();
    if !first && SMALL.contains(&lower.as_str()) {
        return lower;
    }
    // Capitalise the first letter of each part split by a hyphen, slash or bracket, never after
    // an apostrophe ("JOHN'S" is "John's").
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in lower.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.push(c);
            if matches!(c, '-' | '/' | '(' | '&' | '.') {
                start = true;
            } else if c.is_alphanumeric() || c == '\'' || c == '’' {
                start = false;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{same_but_case_and_spacing, shown_name};

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
        assert_eq!(shown_name("SALE-ON-MERSEY YMCA"), "Sale-On-Mersey YMCA");
    }

    #[test]
    fn names_already_in_mixed_case_are_left_alone() {
        assert_eq!(shown_name("Blue Sci CIC"), "Blue Sci CIC");
        assert_eq!(shown_name("G-Force"), "G-Force");
        assert_eq!(shown_name("YMCA"), "YMCA");
    }
}
