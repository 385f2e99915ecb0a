//! Reading the spreadsheets a CVS is sent. Each importer checks every row before anything is
//! saved, names problems by row and column as a spreadsheet shows them (the header is row 1),
//! and saves the whole file or nothing.

pub mod dialect;
pub mod groups;
pub mod mapping;
pub mod seats;
pub mod wards;

use crate::error::FieldProblem;

/// A problem with one cell: "row 4, column term_end: ...". `field` is the column, so a form
/// can still group problems by column.
pub fn cell_problem(row: usize, column: &str, reason: impl AsRef<str>) -> FieldProblem {
    FieldProblem::new(
        column,
        format!("row {row}, column {column}: {}", reason.as_ref()),
    )
}
