//! One folding of names for every comparison that should not care how a name is spelt: search,
//! the duplicate scan's name keys, and (mirrored in `ui/src/features/search/fold.ts`, checked
//! against the same table of cases) the Directory's "Filter by name".
//!
//! Folded: lower case; apostrophes dropped ("St John's" = "St Johns"); "&" and "+" read as "and";
//! any other punctuation is a space between words ("St. John" = "St John", "G-Force" = "G Force");
//! the word "Saint" is "st" and "Center" is "centre". Words are joined by one space. Comparing with
//! the spaces taken out as well ("gforce", "Foodbank" = "Food Bank") is left to the caller.

/// Characters dropped without breaking a word.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}')
}

/// `s` folded (see the module's note).
pub fn fold(s: &str) -> String {
    fold_with_origins(s).0
}

/// The folded words of `s`.
pub fn fold_words(s: &str) -> Vec<String> {
    fold(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// `s` folded, with the index (in characters of `s`) each folded character came from, so a
/// match found in the folded text can be shown on the name as written. A space between words
/// maps to `usize::MAX` (it stands for no character of its own).
pub fn fold_with_origins(s: &str) -> (String, Vec<usize>) {
    fold_impl(s, true)
}

/// As `fold`, but "Saint" and "Center" left as written: search also looks at this spelling of a
/// name, so "sain" finds "Saint Mary's" while "saint" is still being typed.
pub fn fold_keeping_words(s: &str) -> (String, Vec<usize>) {
    fold_impl(s, false)
}

fn fold_impl(s: &str, substitute: bool) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut origins: Vec<usize> = Vec::with_capacity(s.len());
    let mut word: Vec<(char, usize)> = Vec::new();
    let flush = |word: &mut Vec<(char, usize)>, out: &mut String, origins: &mut Vec<usize>| {
        if word.is_empty() {
            return;
        }
        let text: String = word.iter().map(|(c, _)| *c).collect();
        // Which letters of the word as written make up the folded word.
        let picked: Vec<usize> = match text.as_str() {
            "saint" if substitute => vec![0, 4],
            "center" if substitute => vec![0, 1, 2, 3, 5, 4],
            _ => (0..word.len()).collect(),
        };
        if !out.is_empty() {
            out.push(' ');
            origins.push(usize::MAX);
        }
        for i in picked {
            out.push(word[i].0);
            origins.push(word[i].1);
        }
        word.clear();
    };
    for (i, c) in s.chars().enumerate() {
        if is_apostrophe(c) {
            continue;
        }
        if c == '&' || c == '+' {
            flush(&mut word, &mut out, &mut origins);
            word.extend("and".chars().map(|a| (a, i)));
            flush(&mut word, &mut out, &mut origins);
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase().map(|l| (l, i)));
        } else {
            flush(&mut word, &mut out, &mut origins);
        }
    }
    flush(&mut word, &mut out, &mut origins);
    (out, origins)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table the window's copy of the rule is checked against too.
    #[test]
    fn folds_as_the_shared_table_says() {
        let table: serde_json::Value = serde_json::from_str(include_str!(
            "../../../../../ui/src/features/search/folding-cases.json"
        ))
        .unwrap();
        let cases = table["cases"].as_array().unwrap();
        assert!(cases.len() > 10);
        for case in cases {
            let (input, folded) = (case[0].as_str().unwrap(), case[1].as_str().unwrap());
            assert_eq!(fold(input), folded, "{input:?}");
        }
    }

    #[test]
    fn origins_point_at_the_letters_as_written() {
        let (f, o) = fold_with_origins("Saint John's & Co");
        assert_eq!(f, "st johns and co");
        let name: Vec<char> = "Saint John's & Co".chars().collect();
        let back: String = o
            .iter()
            .map(|&i| if i == usize::MAX { ' ' } else { name[i] })
            .collect();
        assert_eq!(back, "St Johns &&& Co");
    }
}
