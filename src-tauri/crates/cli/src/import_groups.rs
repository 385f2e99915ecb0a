//! `compactdir import groups FILE.csv [--mapping NAME] [--on-match skip|update|new]`: prints
//! what it found about the file and the mapping it used, imports the rows that pass their checks
//! in one transaction, and prints a summary with every rejected row's reasons. Exits non-zero
//! when nothing could be imported.

use std::io::Write;
use std::path::Path;

use compactdir_core::error::{io_at, CoreError, Result};
use compactdir_core::export::output_file::{self, IfThere};
use compactdir_core::import::groups::RejectedRow;
use compactdir_core::import::mapping::Field;
use compactdir_core::store::{Choices, MatchTarget};
use compactdir_core::Store;

pub fn run(
    store: &Store,
    file: &Path,
    mapping: Option<&str>,
    choices: Choices,
    save_mapping: Option<&str>,
    rejected_to: Option<&Path>,
    all_matches: bool,
) -> Result<()> {
    if let Some(path) = rejected_to {
        refuse_rejected_over(store, file, path)?;
    }
    let bytes = std::fs::read(file).map_err(io_at("read the file to import", file))?;
    // An empty file, a workbook or a picture is refused by name, before any mapping is chosen.
    let preview = store
        .preview_group_import(&bytes)
        .map_err(|e| e.about_file(file.display().to_string()))?;
    println!("{}: {}", file.display(), preview.dialect);
    let mapping_name = mapping;
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
    if mapping.columns.is_empty() {
        println!("  (no column is recognised)");
    } else {
        println!("{}", mapping.describe());
    }
    if mapping.column_for(Field::Name).is_none() {
        return Err(no_name_column(store, file, &preview.headers, mapping_name)?);
    }
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plan = store.plan_group_import(&name, &bytes, &mapping, &mut |_| {})?;
    // The rejected rows the check found are written before anything is saved, so a path that
    // cannot be written stops the import with nothing changed (not an import saved but reported
    // as failed). Written as every single-file output is: folders on the way made, never a folder
    // or the directory's own files, a file there written over (as `--out` does).
    let write_rejected = |rejected: &[RejectedRow]| -> Result<()> {
        let Some(path) = rejected_to else {
            return Ok(());
        };
        let mut out = output_file::create(path, store.path(), IfThere::Replace, "--rejected")?;
        out.write_all(&rejected_csv(&plan.headers, rejected))
            .and_then(|()| out.flush())
            .map_err(io_at("write the rejected rows to", path))
    };
    write_rejected(&plan.rejected).map_err(|e| {
        let hint = match e {
            CoreError::Io { .. } => ": give --rejected a file in a folder that can be written",
            _ => "",
        };
        CoreError::Conflict(format!(
            "{e}, so nothing was imported from {}{hint}",
            file.display()
        ))
    })?;
    let matched = plan.rows.iter().filter(|r| r.matched.is_some()).count();
    let edits = plan.rows.iter().filter(|r| r.edit.is_some()).count();
    if edits > 0 {
        println!(
            "This is a groups export of this directory: {edits} row{} {} the id of the group {} matched. \
             With --on-match update, each such row sets its group's fields as the file has them: \
             an empty cell clears the field, a changed name renames the group, and other names, \
             numbers, communities and wards served become the file's lists. Other matched rows are \
             updated cautiously: cells they fill replace the group's, lists are added to, the \
             name is kept and empty cells change nothing.",
            if edits == 1 { "" } else { "s" },
            if edits == 1 { "has" } else { "have" },
            if edits == 1 { "it" } else { "they" },
        );
    }
    // Before the list: an older export brought back clears what was added since.
    if let Some(words) = plan.edits_in_words() {
        println!("With --on-match update, {words}.");
    }
    if matched > 0 {
        println!(
            "{matched} rows match a group already in the directory or an earlier row (--on-match {}):",
            match choices.on_match {
                compactdir_core::store::Choice::New => "new",
                compactdir_core::store::Choice::Update => "update",
                compactdir_core::store::Choice::Skip => "skip",
            }
        );
        // The first 20 are enough to judge the choice; the rest on request, for review.
        let shown = if all_matches { matched } else { 20 };
        for r in plan.rows.iter().filter(|r| r.matched.is_some()).take(shown) {
            let m = r.matched.as_ref().expect("filtered");
            let what = match m.target {
                MatchTarget::Group { id } => format!("group {id}"),
                MatchTarget::Row { row } => format!("row {row}"),
            };
            // The name as the file has it, so the row can be found in the spreadsheet.
            println!(
                "  row {}: {} matches {what}, {} ({})",
                r.line.row, r.line.input.name, m.name, m.reason
            );
            if let Some(why) = &r.cautious {
                println!("    not its own row of the export: {why}");
            }
            // A row of this directory's own export: say what updating will set, clearing too.
            match r.edit.as_deref() {
                Some([]) => println!("    its own row of the export: nothing to change"),
                Some(changes) => {
                    println!("    its own row of the export; with --on-match update:");
                    for c in changes {
                        println!("      {c}");
                    }
                }
                None => {}
            }
        }
        if matched > shown {
            println!(
                "  ... and {} more (--all-matches lists every one)",
                matched - shown
            );
        }
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
            )));
        }
        Err(e) => return Err(e),
    };
    // The summary's rejected rows include those refused while saving (a new group with a number
    // that is already a group's), which the file of rejected rows lists too. The import is saved
    // by now: should this second write fail, the summary and the undo are still said.
    let rewrite = if summary.rejected.len() > plan.rejected.len() {
        write_rejected(&summary.rejected).err()
    } else {
        None
    };
    let mut said = format!("{}: {summary}.", file.display());
    for r in &summary.rejected {
        for p in &r.problems {
            said.push_str(&format!("\n  rejected {}", p.message));
        }
    }
    // Only rows chosen as new are refused while saving, all for a number already taken; the
    // command line chooses for every match at once, so say which choice brings them in.
    let taken = summary.rejected.len() - plan.rejected.len();
    if taken > 0 {
        said.push_str(&format!(
            "\n{taken} row{} could not be added as new groups: {} registration number is already a group's. \
             To add {} details to those groups, import the file again with --on-match update; \
             --on-match skip leaves {} out.",
            if taken == 1 { "" } else { "s" },
            if taken == 1 { "its" } else { "each one's" },
            if taken == 1 { "its" } else { "their" },
            if taken == 1 { "it" } else { "them" },
        ));
    }
    println!("{said}");
    if let Some(e) = rewrite {
        eprintln!(
            "compactdir: the import was saved, but {e}: the rows listed above as rejected are not all in that file"
        );
    }
    // The mapping is saved only with an import that saved something, so an import that fails
    // leaves the directory file byte for byte as it was, --save-mapping or not.
    let not_saved = match save_mapping {
        Some(name) => format!(" (the mapping \"{name}\" was not saved either)"),
        None => String::new(),
    };
    match summary.import_id {
        Some(id) => {
            if let Some(name) = save_mapping {
                store.save_mapping(name, &mapping)?;
                println!("Mapping saved as \"{name}\".");
            }
            println!("To take this import back: compactdir import undo {id}");
            Ok(())
        }
        None if summary.unchanged > 0 => Err(CoreError::Conflict(format!(
            "nothing could be imported from {}: the groups it matched already have what it says, and nothing was changed{not_saved}",
            file.display()
        ))),
        None => Err(CoreError::Conflict(format!(
            "nothing could be imported from {}{not_saved}",
            file.display()
        ))),
    }
}

/// Refuses a `--rejected` path that is the file being imported or one of the directory's own
/// files (the directory file, its log, its backups), which writing the rejected rows would
/// overwrite; compared as the exports compare theirs (`output_file`).
fn refuse_rejected_over(store: &Store, file: &Path, rejected: &Path) -> Result<()> {
    let what = if output_file::same_place(file, rejected) {
        Some("the file being imported")
    } else {
        output_file::belongs_to_directory(rejected, store.path())
    };
    match what {
        Some(what) => Err(CoreError::Conflict(format!(
            "--rejected {} is {what}: writing the rejected rows there would overwrite it, so \
             nothing was imported. Give --rejected another file's path",
            rejected.display()
        ))),
        None => Ok(()),
    }
}

/// Why no row can be read when the mapping gives no column for the name, with the file's columns
/// and how to choose one here: a mapping that names it (the mappings there are listed), or the
/// column renamed to one the suggestion knows.
fn no_name_column(
    store: &Store,
    file: &Path,
    headers: &[String],
    mapping: Option<&str>,
) -> Result<CoreError> {
    let columns = headers.join(", ");
    let mappings = store
        .mappings()?
        .iter()
        .map(|m| format!("\"{}\"", m.name))
        .collect::<Vec<_>>()
        .join(", ");
    let what = match mapping {
        Some(name) => format!(
            "the mapping \"{name}\" gives no column of {} for the group's name (its columns are: {columns})",
            file.display()
        ),
        None => format!(
            "no column of {} looks like a group's name (its columns are: {columns})",
            file.display()
        ),
    };
    Ok(CoreError::Conflict(format!(
        "{what}, so nothing was imported.\n\
         If one of them holds the groups' names, either:\n  \
         - import with --mapping NAME, naming a mapping that gives that column as the name \
         (the mappings are: {mappings}; in the window's import you can choose the name column \
         and save the mapping under a name), or\n  \
         - rename that column in the file to \"name\" (or \"Organisation\" or \"Group name\") \
         and import it again.\n\
         If none of them does, this is not a file of groups."
    )))
}

/// The rejected rows as a CSV: row, problems, then the file's own columns.
pub fn rejected_csv(headers: &[String], rejected: &[RejectedRow]) -> Vec<u8> {
    compactdir_core::export::groups::rejected_rows(headers, rejected)
}
