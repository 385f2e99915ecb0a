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
pub mod gaps;
pub mod groups;
pub mod import;
pub mod partnerships;
pub mod people;
pub mod seats;
