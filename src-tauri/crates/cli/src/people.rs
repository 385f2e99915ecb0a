//! `compactdir people review|export|erase`: the UK GDPR duties towards the people we hold.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;
use compactdir_core::error::{io_at, Result};
use compactdir_core::export::output_file::{self, IfThere};
use compactdir_core::Store;

use crate::output::{stdout_csv, stdout_error};

#[derive(Subcommand)]
pub enum Action {
    /// People due for review (past their review date, or with none) as CSV: id, name,
    /// lawful_basis, review_date, reason.
    Review {
        /// The day to judge review dates by (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::day::day)]
        today: Option<NaiveDate>,
    },
    /// Everything held about a person, as a readable text file (a subject access request).
    Export {
        id: i64,
        /// Where to write it (default: standard output).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Erases a person: a placeholder keeps their seats' history; their details leave the file.
    Erase { id: i64 },
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    let today = chrono::Local::now().date_naive();
    match action {
        Action::Review { today: day } => {
            let mut out = stdout_csv();
            out.write_record(["id", "name", "lawful_basis", "review_date", "reason"])
                .map_err(stdout_error)?;
            for p in store.people_due_for_review(day.unwrap_or(today))? {
                out.write_record([
                    p.id.to_string().as_str(),
                    &p.name,
                    p.lawful_basis.as_str(),
                    p.review_date.as_deref().unwrap_or(""),
                    &p.reason,
                ])
                .map_err(stdout_error)?;
            }
            out.flush().map_err(|e| stdout_error(e.into()))
        }
        Action::Export { id, out } => {
            let text = store.subject_access(id, today)?;
            match out {
                Some(path) => {
                    let mut file =
                        output_file::create(&path, store.path(), IfThere::Replace, "--out")?;
                    file.write_all(text.as_bytes())
                        .map_err(io_at("write to", &path))?;
                    println!(
                        "Wrote everything held about person {id} to {}",
                        path.display()
                    );
                }
                None => print!("{text}"),
            }
            Ok(())
        }
        Action::Erase { id } => {
            let e = store.erase_person(id)?;
            if e.already {
                println!(
                    "Person {id} was already erased (\"{}\"): there was nothing more to remove.",
                    e.placeholder
                );
            } else {
                println!(
                    "Erased person {id}: now \"{}\"; their details are no longer in the directory file.",
                    e.placeholder
                );
            }
            if !e.backups_still_holding.is_empty() {
                println!(
                    "{} backup(s) taken before the erasure still hold them until they rotate out:",
                    e.backups_still_holding.len()
                );
                for b in &e.backups_still_holding {
                    println!("  {}", b.path.display());
                }
            }
            Ok(())
        }
    }
}
