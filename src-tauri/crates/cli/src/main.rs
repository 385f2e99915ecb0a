//! `compactdir`: the headless command line on the same core as the window, for scripts and for
//! staff who prefer a terminal. One module per command area.

mod backup;
mod day;
mod demo;
mod duplicates;
mod export;
mod groups;
mod history;
mod import;
mod import_groups;
mod output;
mod people;
mod report;
mod wards;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use compactdir_core::{paths, CoreError, Store};

#[derive(Parser)]
#[command(
    name = "compactdir",
    version,
    about = "Compact Directory on the command line"
)]
struct Cli {
    /// The directory file (SQLite). Default: $COMPACTDIR_DB, else the app-data folder.
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Backups of the directory file: list, take one, restore one.
    Backup {
        #[command(subcommand)]
        action: backup::Action,
    },
    /// The demo directory: load it, or remove it.
    Demo {
        #[command(subcommand)]
        action: demo::Action,
    },
    /// Proposed duplicate groups as CSV: group_a, group_b, score, reasons (and both names).
    Duplicates {
        /// Lowest score proposed, 0 to 1 (default 0.75).
        #[arg(long, value_parser = duplicates::threshold, allow_negative_numbers = true)]
        threshold: Option<f64>,
        /// Report progress on standard error.
        #[arg(long)]
        progress: bool,
    },
    /// Merges group MERGED into group KEPT (KEPT's id stays); undo with `undo`.
    Merge {
        kept: i64,
        merged: i64,
        /// Fields to take from MERGED (comma-separated: name, address, postcode, ward, email,
        /// phone, website, activities, status, last_checked, class_override, enterprise, faith,
        /// bme, interest, features). Others keep KEPT's value unless it is empty.
        #[arg(long, value_name = "FIELDS")]
        take: Vec<String>,
        /// Fields to keep from KEPT even when empty.
        #[arg(long, value_name = "FIELDS")]
        keep: Vec<String>,
    },
    /// Undoes merge ID, or the latest merge not yet undone.
    Undo { id: Option<i64> },
    /// Remembers that groups A and B are not duplicates: no scan proposes them again.
    NotDuplicate { a: i64, b: i64 },
    /// Files for others: `export groups` (groups.csv), `export review --year YEAR --out DIR` (the
    /// annual partnership review pack), `export hsds --out DIR` (Open Referral UK).
    Export {
        #[command(subcommand)]
        action: export::Action,
    },
    /// Groups in the directory.
    Groups {
        #[command(subcommand)]
        action: groups::Action,
    },
    /// The audit trail of a group, partnership or person as CSV, newest first.
    History {
        #[arg(value_enum)]
        of: history::Of,
        id: i64,
    },
    /// Undoes one change of the audit trail (its `entry` number); the undo is recorded too.
    UndoChange { entry: i64 },
    /// Imports from spreadsheets: `import seats FILE.csv` (the whole file or nothing),
    /// `import groups FILE.csv`, `import list`, `import undo ID`, `import seats-list`,
    /// `import seats-undo ID`.
    Import {
        #[command(subcommand)]
        action: import::Action,
    },
    /// People who hold seats: `people review`, `people export ID`, `people erase ID` (UK GDPR).
    People {
        #[command(subcommand)]
        action: people::Action,
    },
    /// Reports: `report flags` (every seat), `report gaps` (partnerships by categories),
    /// `report balance` (seat balance), `report coverage` (wards by categories with no group).
    Report {
        #[command(subcommand)]
        action: report::Action,
    },
    /// The ward list groups are placed in.
    Wards {
        #[command(subcommand)]
        action: wards::Action,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return argument_error(e),
    };
    if only_reads(&cli.command) {
        end_quietly_when_the_reader_stops();
    } else {
        say_so_when_the_reader_stops();
    }
    let path = paths::resolve_db_path(cli.db);
    // A path with nothing there, or an empty file (`touch`), holds no directory to read: a
    // command that only reads would otherwise make one there and report on it.
    let nothing_there = std::fs::metadata(&path).map_or(true, |m| m.is_file() && m.len() == 0);
    let result = if only_reads(&cli.command) && nothing_there {
        Err(CoreError::NoDirectoryFile {
            path: path.display().to_string(),
        })
    } else {
        Store::open(&path)
    };
    let result = result.and_then(|mut store| match cli.command {
        Command::Backup { action } => backup::run(&mut store, action),
        Command::Demo { action } => demo::run(&mut store, action),
        Command::Duplicates {
            threshold,
            progress,
        } => duplicates::list(&store, threshold, progress),
        Command::Merge {
            kept,
            merged,
            take,
            keep,
        } => duplicates::merge(&store, kept, merged, &take, &keep),
        Command::Undo { id } => duplicates::undo(&store, id),
        Command::NotDuplicate { a, b } => duplicates::not_duplicate(&store, a, b),
        Command::Export { action } => export::run(&store, action),
        Command::Groups { action } => groups::run(&store, action),
        Command::History { of, id } => history::list(&store, of, id),
        Command::UndoChange { entry } => history::undo(&store, entry),
        Command::Import { action } => import::run(&store, action),
        Command::People { action } => people::run(&store, action),
        Command::Report { action } => report::run(&store, action),
        Command::Wards { action } => wards::run(&store, action),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // Where there is no SIGPIPE (see below), the write fails instead: just as quiet.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("compactdir: {}", sentence(&e));
            ExitCode::FAILURE
        }
    }
}

/// Whether the command only reads the directory (lists, reports, exports): such a command is
/// refused when the file is not there rather than making a new, empty one to read.
fn only_reads(command: &Command) -> bool {
    match command {
        Command::Duplicates { .. }
        | Command::Export { .. }
        | Command::Groups { .. }
        | Command::History { .. }
        | Command::Report { .. } => true,
        Command::Backup { action } => matches!(action, backup::Action::List),
        Command::Import { action } => {
            matches!(action, import::Action::List | import::Action::SeatsList)
        }
        Command::People { action } => !matches!(action, people::Action::Erase { .. }),
        Command::Demo { .. }
        | Command::Merge { .. }
        | Command::Undo { .. }
        | Command::NotDuplicate { .. }
        | Command::UndoChange { .. }
        | Command::Wards { .. } => false,
    }
}

/// A command that changes the directory, piped into a reader that stops (`import ... | head`):
/// Rust's printing then fails, which stops the command where it was, inside its transaction, so
/// nothing half done is kept. Ending silently (as a listing does) would leave the user thinking it
/// ran; this says what happened instead of Rust's own panic message.
fn say_so_when_the_reader_stops() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") {
            eprintln!(
                "compactdir: the program reading this command's output stopped before the command finished (as `| head` does), so it was stopped there and whatever it had not yet saved was not saved. Run it again with its output going to a file (> out.txt)"
            );
        } else {
            default(info);
        }
    }));
}

/// `compactdir groups list | head -5`: when the reader stops, end at once and silently, as other
/// Unix tools do. Rust ignores SIGPIPE, so a write would fail (and `println!` panic) instead;
/// this puts back the system's default, which ends the process.
fn end_quietly_when_the_reader_stops() {
    #[cfg(unix)]
    // SAFETY: called at the start of main, before any thread starts; SIG_DFL is always valid.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Help and the version print as clap prints them; a mistaken argument is said as every other
/// error is ("compactdir: " and one sentence, on standard error), with where to look, exit 2.
fn argument_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit();
    }
    // clap's message, up to its usage lines, as one sentence ("the following required arguments
    // were not provided: <MERGED>").
    let text = e.render().to_string();
    let said: Vec<&str> = text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .collect();
    let said = said.join(" ");
    let said = said.trim_start_matches("error: ");
    eprintln!(
        "compactdir: {said} (`compactdir --help`, or --help after a command, says what it takes)"
    );
    ExitCode::from(2)
}

/// The error as a sentence, with the fields that were refused listed one a line.
fn sentence(e: &CoreError) -> String {
    let fields = e.fields();
    if fields.len() > 1 {
        let lines: Vec<String> = fields
            .iter()
            .map(|f| format!("  {}: {}", f.field, f.message))
            .collect();
        format!("the input was refused:\n{}", lines.join("\n"))
    } else {
        e.to_string()
    }
}
