//! Which backups to keep: the newest of each of the last 7 days, the last 4 ISO weeks and the last
//! 6 months (grandfather-father-son). Pure, so it is tested without files.

use chrono::{Datelike, NaiveDateTime};

pub const DAILY: usize = 7;
pub const WEEKLY: usize = 4;
pub const MONTHLY: usize = 6;

/// Returns the indexes of `taken` (backup times, any order) to keep.
pub fn keep(taken: &[NaiveDateTime]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..taken.len()).collect();
    order.sort_by(|a, b| taken[*b].cmp(&taken[*a])); // newest first
    let mut kept = std::collections::BTreeSet::new();
    let mut pick = |key: &dyn Fn(&NaiveDateTime) -> (i32, u32), limit: usize| {
        let mut seen = Vec::new();
        for &i in &order {
            let k = key(&taken[i]);
            if !seen.contains(&k) {
                if seen.len() == limit {
                    break;
                }
                seen.push(k);
                kept.insert(i);
            }
        }
    };
    pick(&|t| (t.year(), t.ordinal()), DAILY);
    pick(&|t| (t.iso_week().year(), t.iso_week().week()), WEEKLY);
    pick(&|t| (t.year(), t.month()), MONTHLY);
    kept.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    #[test]
    fn a_year_of_daily_backups_keeps_7_days_4_weeks_6_months() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let taken: Vec<_> = (0..365).map(|d| start + Duration::days(d)).collect();
        let kept: Vec<_> = keep(&taken).into_iter().map(|i| taken[i]).collect();
        let newest = *taken.last().unwrap();
        // The last 7 days are all there.
        for d in 0..7 {
            assert!(
                kept.contains(&(newest - Duration::days(d))),
                "day -{d} kept"
            );
        }
        let months: std::collections::BTreeSet<_> = kept.iter().map(|t| t.month()).collect();
        assert_eq!(months.len(), 6, "one a month for 6 months: {months:?}");
        assert!(kept.len() <= DAILY + WEEKLY + MONTHLY);
        assert!(
            !kept.contains(&taken[0]),
            "a year-old backup has rotated out"
        );
    }

    #[test]
    fn several_backups_in_one_day_keep_the_newest() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let taken = vec![
            day.and_hms_opt(9, 0, 0).unwrap(),
            day.and_hms_opt(17, 0, 0).unwrap(),
        ];
        assert_eq!(keep(&taken), vec![1]);
    }
}
