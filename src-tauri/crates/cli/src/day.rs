//! `--today YYYY-MM-DD`: read as the forms read a date, so a day the calendar does not have is
//! named in words ("there is no 30 February 2026"), not as the argument parser's "input is out of
//! range".

use chrono::NaiveDate;

/// 2026-03-14, or 14/03/2026 as the forms take it.
pub fn day(s: &str) -> Result<NaiveDate, String> {
    use compactdir_core::domain::partnership::{date_problem, parse_date};
    parse_date(s).ok_or_else(|| date_problem(s))
}
