//! IPC commands, one file per screen area. Each parses its arguments, calls the core, and maps
//! errors; no SQL and no rules live here.

pub mod accountability;
pub mod appointments;
pub mod audit;
pub mod backups;
pub mod categories;
pub mod dates;
pub mod directory;
pub mod duplicates;
pub mod exports;
pub mod gaps;
pub mod groups;
pub mod import;
pub mod import_history;
pub mod partnerships;
pub mod people;
pub mod seat_import;
pub mod seats;
pub mod wards;

/// Where a file or folder goes when the user types no path: the documents folder, else home.
pub(crate) fn documents() -> std::path::PathBuf {
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(std::env::temp_dir)
}

/// What an export does with a file already at a typed path: ask first, unless the user said
/// replace it (every command writing one file takes `replace`).
pub(crate) fn if_there(replace: bool) -> compactdir_core::export::output_file::IfThere {
    use compactdir_core::export::output_file::IfThere;
    if replace {
        IfThere::Replace
    } else {
        IfThere::Ask
    }
}
