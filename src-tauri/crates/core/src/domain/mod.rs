//! The domain: plain types and rules, no storage.

pub mod audit;
pub mod balance;
pub mod classification;
pub mod coverage;
pub mod duplicate_scan;
pub mod duplicates;
pub mod flags;
pub mod fold;
pub mod gaps;
pub mod group;
pub mod identifier;
pub mod names;
pub mod partnership;
pub mod postcode;
pub mod reference;
pub mod rotation;
pub mod search;
pub mod words;
