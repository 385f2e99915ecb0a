//! IPC commands, one file per screen area. Each parses its arguments, calls the core, and maps
//! errors; no SQL and no rules live here.

pub mod categories;
pub mod directory;
pub mod groups;
pub mod import;
pub mod partnerships;
