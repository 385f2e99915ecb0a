//! Files for others: the groups spreadsheet and the Open Referral UK tables (the review pack,
//! written from the store, is `crate::store::review_pack`). Every CSV is written
//! the same way (see `csv`): UTF-8 with a byte-order mark, CRLF, quoted where needed, and no
//! cell able to start a formula in a spreadsheet.

pub mod csv;
pub mod folder;
pub mod groups;
pub mod hsds;
pub mod output_file;
pub mod picture;
