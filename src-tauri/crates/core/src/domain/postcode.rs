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
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1..].iter().all(|c| is_inward_letter(*c))
    };
    if !inward_ok || !outward_ok(outward.as_bytes()) {
        return Err(bad());
    }
    Ok(format!("{outward} {inward}"))
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
