//! `compactdir duplicates`, `merge A B`, `undo` and `not-duplicate A B`: the duplicate scan as
//! CSV, and merging and undoing for scripts.

use std::io::Write;

use compactdir_core::domain::duplicate_scan::{ScanOptions, ScanStage};
use compactdir_core::domain::duplicates::DEFAULT_THRESHOLD;
use compactdir_core::error::{CoreError, Result};
use compactdir_core::store::{MergeChoices, MergeField, Pick};
use compactdir_core::Store;

use crate::output::{stdout_csv, stdout_error};

/// `--threshold` as typed: a score from 0 to 1, as the scan gives them. Any other number would
/// silently propose every pair (below 0) or none (above 1).
pub fn threshold(text: &str) -> std::result::Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(t) if (0.0..=1.0).contains(&t) => Ok(t),
        _ => Err(format!(
            "{text} is not a score from 0 to 1: give the lowest score to propose, such as 0.75 (the default)"
        )),
    }
}

/// Proposed pairs as CSV (group_a, group_b, score, reasons, and both names), best first;
/// progress goes to standard error when `progress` is set.
pub fn list(store: &Store, threshold: Option<f64>, progress: bool) -> Result<()> {
    let options = ScanOptions {
        threshold: threshold.unwrap_or(DEFAULT_THRESHOLD),
        ..Default::default()
    };
    let mut last_percent = None;
    let scan = store.find_duplicates(&options, &mut |p| {
        if progress && p.stage == ScanStage::Comparing && p.total > 0 {
            let percent = p.done * 100 / p.total;
            if last_percent != Some(percent) {
                last_percent = Some(percent);
                let _ = writeln!(
                    std::io::stderr(),
                    "comparing: {} of {} candidate pairs ({percent}%)",
                    p.done,
                    p.total
                );
            }
        }
    })?;
    let mut out = stdout_csv();
    out.write_record([
        "group_a",
        "group_b",
        "score",
        "reasons",
        "group_a_name",
        "group_b_name",
    ])
    .map_err(stdout_error)?;
    for p in &scan.pairs {
        out.write_record([
            p.group_a.to_string(),
            p.group_b.to_string(),
            format!("{:.2}", p.score),
            p.reasons.join("; "),
            p.group_a_name.clone(),
            p.group_b_name.clone(),
        ])
        .map_err(stdout_error)?;
    }
    out.flush().map_err(|e| stdout_error(e.into()))
}

/// Merges `merged` into `kept`; `take` names the fields to take from `merged` (`website`,
/// `features`...), `keep` those to take from `kept`; other fields take the default.
pub fn merge(
    store: &Store,
    kept: i64,
    merged: i64,
    take: &[String],
    keep: &[String],
) -> Result<()> {
    let mut choices = MergeChoices::default();
    for (names, pick) in [(take, Pick::Merged), (keep, Pick::Kept)] {
        for name in names.iter().flat_map(|n| n.split(',')) {
            let field = MergeField::parse(name).ok_or_else(|| {
                let known: Vec<&str> = MergeField::ALL.iter().map(|f| f.key()).collect();
                CoreError::Conflict(format!(
                    "{name} is not a field of a group: use one of {}",
                    known.join(", ")
                ))
            })?;
            choices.fields.insert(field, pick);
        }
    }
    let outcome = store.merge_groups(kept, merged, &choices)?;
    // The kept group by its name after the merge, which may be the other's; names as the window
    // shows them (capitals in title case).
    let renamed = if outcome.kept_name != outcome.kept_name_before {
        format!(", until now called {}", outcome.kept_shown_name_before)
    } else {
        String::new()
    };
    println!(
        "Merged {} (group {merged}) into {} (group {kept}{renamed}) as merge {}; undo it with `compactdir undo {}`.",
        outcome.merged_shown_name, outcome.kept_shown_name, outcome.merge_id, outcome.merge_id
    );
    for n in outcome.notes {
        println!("  {n}");
    }
    Ok(())
}

/// Undoes merge `id`, or the latest one not undone.
pub fn undo(store: &Store, id: Option<i64>) -> Result<()> {
    let e = store.undo_merge(id)?;
    println!(
        "Undid merge {}: {} (group {}) and {} (group {}) are separate again.",
        e.id, e.kept_shown_name, e.kept_id, e.merged_shown_name, e.merged_id
    );
    Ok(())
}

/// Remembers that two groups are not duplicates.
pub fn not_duplicate(store: &Store, a: i64, b: i64) -> Result<()> {
    store.mark_not_duplicate(a, b)?;
    println!("Groups {a} and {b} will not be proposed as duplicates again.");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::threshold;

    #[test]
    fn a_threshold_is_a_score_from_0_to_1() {
        assert_eq!(threshold("0.75"), Ok(0.75));
        assert_eq!(threshold("0"), Ok(0.0));
        assert_eq!(threshold("1"), Ok(1.0));
        for refused in ["2", "-0.1", "NaN", "high"] {
            assert_eq!(
                threshold(refused),
                Err(format!("{refused} is not a score from 0 to 1: give the lowest score to propose, such as 0.75 (the default)"))
            );
        }
    }
}
