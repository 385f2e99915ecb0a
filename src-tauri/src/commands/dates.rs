//! Dates as the forms send them: text, so a bad one is refused beside its field in words.

use chrono::NaiveDate;
use compactdir_core::domain::partnership::{date_problem, parse_date};
use compactdir_core::{CoreError, FieldProblem};

use crate::error::AppError;

/// `2026-03-14` (or `14/03/2026`), else a refusal on `field`.
pub fn form_date(field: &str, text: &str) -> Result<NaiveDate, AppError> {
    let t = text.trim();
    parse_date(t).ok_or_else(|| {
        AppError::from(CoreError::Invalid(vec![FieldProblem::new(
            field,
            date_problem(t),
        )]))
    })
}

#[cfg(test)]
mod tests {
    use super::form_date;

    #[test]
    fn a_bad_or_missing_date_is_refused_on_its_field() {
        assert_eq!(
            form_date("on_date", " 2026-03-14 ").unwrap().to_string(),
            "2026-03-14"
        );
        let e = form_date("term_end", "").unwrap_err();
        assert_eq!(
            (e.fields[0].field.as_str(), e.message.as_str()),
            ("term_end", "Enter the date.")
        );
        let e = form_date("on_date", "soon").unwrap_err();
        assert_eq!(
            e.fields[0].message,
            "“soon” is not a date: use the form 2026-03-14 (or 14/03/2026)"
        );
        let e = form_date("on_date", "2026-02-31").unwrap_err();
        assert_eq!(
            e.fields[0].message,
            "there is no 31 February 2026: check the day and the month"
        );
    }
}
