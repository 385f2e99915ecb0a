//! Registration numbers with their org-id scheme (the UK convention: GB-CHC, GB-COH, GB-SC,
//! GB-NIC). Kept as text: company numbers have leading zeros that a spreadsheet would lose.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identifier {
    pub scheme: String,
    pub value: String,
}

/// The schemes the app knows, with the words shown for them.
pub const SCHEMES: &[(&str, &str)] = &[
    ("GB-CHC", "Charity number (England and Wales)"),
    ("GB-COH", "Company number"),
    ("GB-SC", "Scottish charity number"),
    ("GB-NIC", "Northern Ireland charity number"),
];

/// The words shown for a scheme. A scheme without words here is named by its prefix: a 360Giving
/// file gives a group with no register number the funder's own id ("360G-TRAFFORD identifier"),
/// which is not a register's number.
pub fn scheme_label(scheme: &str) -> Cow<'static, str> {
    match known(scheme) {
        Some(label) => Cow::Borrowed(label),
        None => Cow::Owned(format!("{scheme} identifier")),
    }
}

/// A scheme's words inside a sentence ("same charity number (England and Wales) 1143362").
pub fn scheme_words(scheme: &str) -> String {
    match known(scheme) {
        Some(label) => {
            let mut chars = label.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
        None => scheme_label(scheme).into_owned(),
    }
}

/// Whether a scheme is a register's (charities, companies, or any other org-id register), whose
/// numbers name one organisation each: two groups with different numbers on one register are
/// different groups. A 360Giving funder's own ids (`360G-...`) are not: funders make them from
/// the name as typed, so one group spelt two ways has two.
pub fn is_register(scheme: &str) -> bool {
    !scheme
        .get(..5)
        .is_some_and(|head| head.eq_ignore_ascii_case("360G-"))
}

fn known(scheme: &str) -> Option<&'static str> {
    SCHEMES.iter().find(|(s, _)| *s == scheme).map(|(_, l)| *l)
}

/// Normalises an identifier for its scheme, or says in words why it cannot be one.
/// Other schemes (any prefix such as `GB-MPR` or `360G-...`) are kept as typed, trimmed.
pub fn normalise(scheme: &str, value: &str) -> Result<Identifier, String> {
    let scheme = scheme.trim().to_ascii_uppercase();
    if scheme.is_empty() {
        return Err("choose the register this number belongs to".into());
    }
    let unspaced = || value.chars().filter(|c| !c.is_whitespace());
    // The number as compared: no spaces, capitals. Made once and returned as it is when it is
    // already in its scheme's form (an import checks 200,000 numbers for 100,000 groups).
    let up: String = unspaced().map(|c| c.to_ascii_uppercase()).collect();
    if up.is_empty() {
        return Err("enter the number, or remove this row".into());
    }
    // As typed, for saying what is wrong.
    let raw = || -> String { unspaced().collect() };
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let value = match scheme.as_str() {
        "GB-CHC" => {
            if !(5..=8).contains(&up.len()) || !digits_only(&up) {
                return Err(format!(
                    "{} is not a charity number: it should be 5 to 8 digits, such as 1123456",
                    raw()
                ));
            }
            // The register writes no leading zero ("512710"); other lists pad to 7 digits
            // ("0512710"). Both are one number, kept as the register writes it.
            match up.trim_start_matches('0') {
                "" => {
                    return Err(format!(
                        "{} is not a charity number: it should be 5 to 8 digits, such as 1123456",
                        raw()
                    ))
                }
                bare if bare.len() < up.len() => bare.to_string(),
                _ => up,
            }
        }
        "GB-COH" => {
            // Companies House numbers are 8 characters: digits, or two letters (SC, NI, OC...) and 6 digits.
            let b = up.as_bytes();
            let letters = up.len() > 2 && b[0].is_ascii_alphabetic() && b[1].is_ascii_alphabetic();
            let (prefix, digits) = up.split_at(if letters { 2 } else { 0 });
            let width = 8 - prefix.len();
            if digits.is_empty() || digits.len() > width || !digits_only(digits) {
                return Err(format!(
                    "{} is not a company number: it should be 8 characters, such as 09901361 or SC123456",
                    raw()
                ));
            }
            if digits.len() == width {
                up
            } else {
                format!("{prefix}{digits:0>width$}")
            }
        }
        "GB-SC" => {
            let prefixed = up.starts_with("SC");
            let digits = if prefixed { &up[2..] } else { &up[..] };
            if digits.len() != 6 || !digits_only(digits) {
                return Err(format!(
                    "{} is not a Scottish charity number: it should be SC and 6 digits, such as SC012345",
                    raw()
                ));
            }
            if prefixed {
                up
            } else {
                format!("SC{up}")
            }
        }
        "GB-NIC" => {
            let digits = up.strip_prefix("NIC").unwrap_or(&up);
            if !(5..=6).contains(&digits.len()) || !digits_only(digits) {
                return Err(format!(
                    "{} is not a Northern Ireland charity number: it should be 5 or 6 digits, such as 100123",
                    raw()
                ));
            }
            digits.to_string()
        }
        _ => value.trim().to_string(),
    };
    Ok(Identifier { scheme, value })
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn a_scheme_is_named_in_a_sentence_by_its_words_or_else_its_prefix() {
        assert_eq!(
            super::scheme_words("GB-CHC"),
            "charity number (England and Wales)"
        );
        assert_eq!(super::scheme_words("GB-COH"), "company number");
        assert_eq!(
            super::scheme_words("360G-TRAFFORD"),
            "360G-TRAFFORD identifier"
        );
        assert_eq!(
            super::scheme_label("GB-CHC"),
            "Charity number (England and Wales)"
        );
        assert_eq!(
            super::scheme_label("360G-TRAFFORD"),
            "360G-TRAFFORD identifier"
        );
    }

    #[test]
    fn registers_are_every_scheme_but_a_funders_own_ids() {
        for s in ["GB-CHC", "GB-COH", "GB-SC", "GB-NIC", "GB-MPR"] {
            assert!(super::is_register(s), "{s}");
        }
        assert!(!super::is_register("360G-TRAFFORD"));
    }

    #[test]
    fn company_numbers_keep_their_leading_zeros() {
        // Blue Sci CIC in the Trafford grants file: company number 09901361.
        assert_eq!(normalise("GB-COH", "09901361").unwrap().value, "09901361");
        assert_eq!(normalise("gb-coh", "9901361").unwrap().value, "09901361");
        assert_eq!(normalise("GB-COH", "sc 123456").unwrap().value, "SC123456");
        assert!(normalise("GB-COH", "123456789").is_err());
    }

    #[test]
    fn charity_numbers_are_digits() {
        assert_eq!(normalise("GB-CHC", " 1123 456 ").unwrap().value, "1123456");
        // The tester's TLC: the grants file's "0512710" is the register's "512710".
        assert_eq!(normalise("GB-CHC", "0512710").unwrap().value, "512710");
        assert_eq!(normalise("GB-CHC", "512710").unwrap().value, "512710");
        assert!(normalise("GB-CHC", "00000").is_err());
        let e = normalise("GB-CHC", "12AB56").unwrap_err();
        assert!(e.starts_with("12AB56 is not a charity number"), "{e}");
    }

    #[test]
    fn scottish_and_ni_and_other_schemes() {
        assert_eq!(normalise("GB-SC", "012345").unwrap().value, "SC012345");
        assert_eq!(normalise("gb-sc", "sc 012345").unwrap().value, "SC012345");
        let e = normalise("GB-SC", "sc 01x").unwrap_err();
        assert!(
            e.starts_with("sc01x is not a Scottish charity number"),
            "{e}"
        );
        assert_eq!(normalise("GB-NIC", "NIC100123").unwrap().value, "100123");
        assert_eq!(
            normalise("360G-trafford", "be_active").unwrap().value,
            "be_active"
        );
        assert!(normalise("", "123").is_err());
        assert!(normalise("GB-CHC", "   ").is_err());
    }
}
