//! `compactdir import seats FILE.csv`: seats and who holds them, from a spreadsheet. The whole
//! file or nothing; when refused, every row's problem goes to standard error, one a line.
//! `compactdir import groups FILE.csv`: groups from any spreadsheet (see `import_groups`);
//! `import list` and `import undo ID` show and take back earlier imports; `import seats-list`
//! and `import seats-undo ID` the same for seats imports.

use crate::output::{stdout_csv, stdout_error};
use std::path::PathBuf;

use clap::Subcommand;
use compactdir_core::domain::words::plural;
use compactdir_core::error::{io_at, CoreError, Result};
use compactdir_core::import::seats::COLUMNS;
use compactdir_core::store::{Choice, Choices};
use compactdir_core::Store;

#[derive(Subcommand)]
pub enum Action {
    /// Seats and their holders from a CSV file with the columns partnership, seat, sector,
    /// constituency, holder, holder_group, term_start, term_end, selection.
    Seats { file: PathBuf },
    /// Groups from a CSV file (a council's list, a 360Giving grants file, the Charity Commission
    /// register, or this app's own groups export). Rows with problems are rejected and listed;
    /// the others go in together, in one transaction.
    Groups {
        file: PathBuf,
        /// A built-in or saved mapping; without it the suggested mapping is used and printed.
        #[arg(long, value_name = "NAME")]
        mapping: Option<String>,
        /// What to do with a row that matches a group already in the directory (or an earlier
        /// row of the file). With `new`, a row whose registration number is already a group's
        /// is rejected (a number belongs to one group) and the other rows go in.
        #[arg(long, value_name = "skip|update|new", default_value = "skip", value_parser = ["skip", "update", "new"])]
        on_match: String,
        /// Save the mapping used under this name, for next time.
        #[arg(long, value_name = "NAME")]
        save_mapping: Option<String>,
        /// Write the rejected rows, with their problems, to this CSV file.
        #[arg(long, value_name = "FILE")]
        rejected: Option<PathBuf>,
        /// List every row that matched, not only the first 20, to review what was skipped or
        /// updated.
        #[arg(long)]
        all_matches: bool,
    },
    /// Earlier group imports as CSV, newest first: id, file, when, who, added, updated, undone.
    List,
    /// Takes back a whole group import: groups it added are removed, groups it updated restored.
    Undo { id: i64 },
    /// Earlier seats imports as CSV, newest first: id, file, when, who, saved, undone.
    SeatsList,
    /// Takes back a whole seats import: the partnerships, seats, people and appointments it added
    /// are removed and the constituencies it changed put back; refused, changing nothing, when
    /// something since depends on them.
    SeatsUndo { id: i64 },
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    match action {
        Action::Groups {
            file,
            mapping,
            on_match,
            save_mapping,
            rejected,
            all_matches,
        } => crate::import_groups::run(
            store,
            &file,
            mapping.as_deref(),
            Choices {
                on_match: Choice::parse(&on_match).unwrap_or(Choice::Skip),
                ..Default::default()
            },
            save_mapping.as_deref(),
            rejected.as_deref(),
            all_matches,
        ),
        Action::List => {
            let mut out = stdout_csv();
            // read and unchanged are empty for imports made before migration 13 recorded them.
            out.write_record([
                "id",
                "file",
                "when",
                "who",
                "read",
                "added",
                "updated",
                "unchanged",
                "skipped",
                "rejected",
                "undone",
            ])
            .map_err(stdout_error)?;
            for i in store.imports()? {
                out.write_record([
                    i.id.to_string(),
                    i.file_name,
                    i.at,
                    i.actor.unwrap_or_else(|| "(not recorded)".into()),
                    i.read.map(|n| n.to_string()).unwrap_or_default(),
                    i.added.to_string(),
                    i.updated.to_string(),
                    i.unchanged.map(|n| n.to_string()).unwrap_or_default(),
                    i.skipped.to_string(),
                    i.rejected.to_string(),
                    i.undone_at.unwrap_or_default(),
                ])
                .map_err(stdout_error)?;
            }
            out.flush().map_err(|e| stdout_error(e.into()))
        }
        Action::Undo { id } => {
            let u = store.undo_import(id)?;
            let groups = |n: usize| plural(n, "group", "groups");
            println!(
                "Import {id} undone: {} removed, {} put back as {}.",
                groups(u.removed),
                groups(u.restored),
                if u.restored == 1 {
                    "it was"
                } else {
                    "they were"
                }
            );
            Ok(())
        }
        Action::SeatsList => {
            let mut out = stdout_csv();
            out.write_record(["id", "file", "when", "who", "saved", "undone"])
                .map_err(stdout_error)?;
            for i in store.seat_imports()? {
                out.write_record([
                    i.id.to_string(),
                    i.file_name,
                    i.at,
                    i.actor,
                    i.summary,
                    i.undone_at.unwrap_or_default(),
                ])
                .map_err(stdout_error)?;
            }
            out.flush().map_err(|e| stdout_error(e.into()))
        }
        Action::SeatsUndo { id } => {
            let undone = store.undo_seat_import(id)?;
            println!("Seats import {id} undone: {undone}.");
            Ok(())
        }
        Action::Seats { file } => {
            let reader =
                std::fs::File::open(&file).map_err(io_at("read the file to import", &file))?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match store.import_seats(&name, reader) {
                Ok(summary) => {
                    match summary.import_id {
                        Some(id) => println!(
                            "{}: {summary} (seats import {id}: `import seats-undo {id}` takes it back)",
                            file.display()
                        ),
                        None => println!(
                            "{}: nothing changed, every row is already recorded: {summary} (no import recorded, nothing to undo)",
                            file.display()
                        ),
                    }
                    Ok(())
                }
                Err(CoreError::Invalid(problems)) => {
                    // Every problem, so the whole spreadsheet can be put right in one go.
                    Err(CoreError::Conflict(format!(
                        "{} was not imported (nothing was saved): {} problem{}\n{}\n(a seats file's columns: {}; only partnership, seat and sector are needed)",
                        file.display(),
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" },
                        problems
                            .iter()
                            .map(|p| format!("  {}", p.message))
                            .collect::<Vec<_>>()
                            .join("\n"),
                        COLUMNS.join(", ")
                    )))
                }
                Err(e) => Err(e.about_file(file.display().to_string())),
            }
        }
    }
}
