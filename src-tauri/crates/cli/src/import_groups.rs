//! `compactdir import groups FILE.csv [--mapping NAME] [--on-match skip|update|new]`: prints
//! what it found about the file and the mapping it used, imports the rows that pass their checks
//! in one transaction, and prints a summary with every rejected row's reasons. Exits non-zero
//! when nothing could be imported.

use std::path::Path;

use compactdir_core::error::{io_at, CoreError, Result};
use compactdir_core::import::groups::RejectedRow;
use compactdir_core::store::{Choices, MatchTarget};
use compactdir_core::Store;

pub fn run(
    store: &Store,
    file: &Path,
    mapping: Option<&str>,
    choices: Choices,
    save_mapping: Option<&str>,
    rejected_to: Option<&Path>,
) -> Result<()> {
    let bytes = std::fs::read(file).map_err(io_at("read the file to import", file))?;
    let preview = store.preview_group_import(&bytes)?;
    println!("{}: {}", file.display(), preview.dialect);
    let mapping = match mapping {
        Some(name) => {
            println!("Mapping \"{name}\":");
            store.mapping_named(name)?
        }
        None => {
            match &preview.suggestion.from {
                Some(name) => println!("Mapping (suggested: \"{name}\"):"),
                None => println!("Mapping (suggested from the column names):"),
            }
            preview.suggestion.mapping.clone()
        }
    };
    println!("{}", mapping.describe());
    if let Some(name) = save_mapping {
        store.save_mapping(name, &mapping)?;
        println!("Mapping saved as \"{name}\".");
    }
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plan = store.plan_group_import(&name, &bytes, &mapping, &mut |_| {})?;
    let matched = plan.rows.iter().filter(|r| r.matched.is_some()).count();
    if matched > 0 {
        println!(
            "{matched} rows match a group already in the directory or an earlier row (--on-match {}):",
            match choices.on_match {
                compactdir_core::store::Choice::New => "new",
                compactdir_core::store::Choice::Update => "update",
                compactdir_core::store::Choice::Skip => "skip",
            }
        );
        for r in plan.rows.iter().filter(|r| r.matched.is_some()).take(20) {
            let m = r.matched.as_ref().expect("filtered");
            let what = match m.target {
                MatchTarget::Group { id } => format!("group {id}"),
                MatchTarget::Row { row } => format!("row {row}"),
            };
            println!(
                "  row {}: {} matches {what}, {} ({})",
                r.line.row, r.shown_name, m.name, m.reason
            );
        }
        if matched > 20 {
            println!("  ... and {} more", matched - 20);
        }
    }
    if let Some(path) = rejected_to {
        let csv = rejected_csv(&plan.headers, &plan.rejected);
        std::fs::write(path, csv).map_err(io_at("write the rejected rows to", path))?;
    }
    let summary = match store.apply_group_import(&plan, &choices, &mut |_| {}) {
        Ok(s) => s,
        Err(CoreError::Invalid(problems)) => {
            return Err(CoreError::Conflict(format!(
                "{} was not imported (nothing was saved): {} problem{}\n{}",
                file.display(),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                problems
                    .iter()
                    .map(|p| format!("  {}", p.message))
                    .collect::<Vec<_>>()
                    .join("\n")
            )))
        }
        Err(e) => return Err(e),
    };
    let mut said = format!("{}: {summary}.", file.display());
    for r in &summary.rejected {
        for p in &r.problems {
            said.push_str(&format!("\n  rejected {}", p.message));
        }
    }
    println!("{said}");
    match summary.import_id {
        Some(id) => {
            println!("To take this import back: compactdir import undo {id}");
            Ok(())
        }
        None => Err(CoreError::Conflict(format!(
            "nothing could be imported from {}",
            file.display()
        ))),
    }
}

/// The rejected rows as a CSV: row, problems, then the file's own columns.
pub fn rejected_csv(headers: &[String], rejected: &[RejectedRow]) -> Vec<u8> {
    compactdir_core::export::groups::rejected_rows(headers, rejected)
}
