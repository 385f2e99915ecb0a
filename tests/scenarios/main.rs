//! Scenario tests across the core: stories a CVS officer would live through, on a real SQLite file.

mod audit;
mod categories;
mod demo;
mod directory;
mod duplicates;
mod flags;
mod freshness;
mod gaps;
mod group_export;
mod group_import;
mod import_files;
mod partnerships;
mod privacy;
mod review_pack;
mod round_trip;
mod search;
mod seats;
mod secretary;
mod shown_names;
mod trust;
mod wards;
