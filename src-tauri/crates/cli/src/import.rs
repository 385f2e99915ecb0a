//! `compactdir import seats FILE.csv`: seats and who holds them, from a spreadsheet. The whole
//! file or nothing; when refused, every row's problem goes to standard error, one a line.

use std::path::PathBuf;

use clap::Subcommand;
use compactdir_core::error::{CoreError, Result};
use compactdir_core::import::seats::COLUMNS;
use compactdir_core::Store;

#[derive(Subcommand)]
pub enum Action {
    /// Seats and their holders from a CSV file with the columns partnership, seat, sector,
    /// constituency, holder, holder_group, term_start, term_end, selection.
    Seats { file: PathBuf },
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    match action {
        Action::Seats { file } => {
            let reader = std::fs::File::open(&file).map_err(|source| CoreError::Io {
                path: file.display().to_string(),
                source,
            })?;
            match store.import_seats(reader) {
                Ok(summary) => {
                    println!("{}: {summary}", file.display());
                    Ok(())
                }
                Err(CoreError::Invalid(problems)) => {
                    // Every problem, so the whole spreadsheet can be put right in one go.
                    Err(CoreError::Conflict(format!(
                        "{} was not imported (nothing was saved): {} problem{}\n{}\n(the columns are: {})",
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
                Err(e) => Err(e),
            }
        }
    }
}
