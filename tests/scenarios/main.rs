//! Scenario tests across the core: stories a CVS officer would live through, on a real SQLite file.

mod categories;
mod demo;
mod directory;
mod flags;
mod freshness;
mod gaps;
mod partnerships;
mod search;
mod seats;
mod trust;
