//! UK postcodes: normalised to upper case with one space before the inward code, and checked
//! against the shape Royal Mail uses (outward code, then digit and two letters, never C I K M O V).

/// Returns the normalised postcode, or a sentence saying why it is not a UK postcode.
pub fn normalise(input: &str) -> Result<String, String> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let shown = input.trim();
    let bad = || format!("{shown} is not a UK postcode");
    if compact == "GIR0AA" {
        return Ok("GIR 0AA".to_string());
    }
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return Err(bad());
    }
    match shaped(&compact) {
        Some(p) => Ok(p),
        None => Err(match letter_o_for_zero(&compact) {
            Some(meant) => format!(
                "{} (is {meant} meant? A postcode has the number 0 there, not the letter O)",
                bad()
            ),
            None => bad(),
        }),
    }
}

/// The postcode with its space, when `compact` (upper case, no spaces) has a postcode's shape.
fn shaped(compact: &str) -> Option<String> {
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let b = inward.as_bytes();
    let inward_ok = b[0].is_ascii_digit() && b[1..].iter().all(|c| is_inward_letter(*c));
    (inward_ok && outward_ok(outward.as_bytes())).then(|| format!("{outward} {inward}"))
}

/// The postcode typed with the letter O for a zero ("WA15 OHF" for WA15 0HF, a real register
/// row), when putting the 0 back makes one. Only suggested: the user says which was meant.
fn letter_o_for_zero(compact: &str) -> Option<String> {
    let inward_at = compact.len() - 3;
    let mended: String = compact
        .char_indices()
        // The first character is always a letter; any O after it where the shape wants a digit.
        .map(|(i, c)| {
            if c == 'O' && i > 0 && i <= inward_at {
                '0'
            } else {
                c
            }
        })
        .collect();
    if mended == compact {
        return None;
    }
    shaped(&mended)
}

fn is_inward_letter(c: u8) -> bool {
    c.is_ascii_uppercase() && !b"CIKMOV".contains(&c)
}

/// Outward codes: A9, A99, AA9, AA99, A9A, AA9A.
fn outward_ok(o: &[u8]) -> bool {
    let l = |c: &u8| c.is_ascii_uppercase();
    let d = |c: &u8| c.is_ascii_digit();
    match o {
        [a, b] => l(a) && d(b),
        [a, b, c] => l(a) && ((d(b) && (d(c) || l(c))) || (l(b) && d(c))),
        [a, b, c, e] => l(a) && l(b) && d(c) && (d(e) || l(e)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn normalises_spacing_and_case() {
        assert_eq!(normalise(" m6  5ja ").unwrap(), "M6 5JA");
        assert_eq!(normalise("M505AB").unwrap(), "M50 5AB");
        assert_eq!(normalise("wa14 2dt").unwrap(), "WA14 2DT");
        assert_eq!(normalise("EC1A1BB").unwrap(), "EC1A 1BB");
        assert_eq!(normalise("W1A 0AX").unwrap(), "W1A 0AX");
    }

    #[test]
    fn a_letter_o_for_a_zero_is_refused_with_the_postcode_meant() {
        assert_eq!(
            normalise("WA15 OHF").unwrap_err(),
            "WA15 OHF is not a UK postcode (is WA15 0HF meant? A postcode has the number 0 \
             there, not the letter O)"
        );
        assert_eq!(
            normalise("m6 oja").unwrap_err(),
            "m6 oja is not a UK postcode (is M6 0JA meant? A postcode has the number 0 \
             there, not the letter O)"
        );
        assert_eq!(
            normalise("OL1 1AA").unwrap(),
            "OL1 1AA",
            "Oldham's O is a letter"
        );
        assert_eq!(
            normalise("AB1 2CD").unwrap_err(),
            "AB1 2CD is not a UK postcode"
        );
    }

    #[test]
    fn refuses_what_is_not_a_postcode_in_words() {
        // C is never used in the inward code, so AB1 2CD cannot be a postcode.
        assert_eq!(
            normalise("AB1 2CD").unwrap_err(),
            "AB1 2CD is not a UK postcode"
        );
        for bad in ["", "M6", "12345", "M6 5J", "MMM 1AA", "M6 5JA X", "Ä6 5JA"] {
            assert!(normalise(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
