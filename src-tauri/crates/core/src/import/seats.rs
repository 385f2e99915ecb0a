//! The seats spreadsheet: one row per seat, with its holder if it has one.
//!
//! Columns (any order, any case): partnership, seat, sector, constituency, holder,
//! holder_group, term_start, term_end, selection. Only partnership, seat and sector are needed;
//! a row with no holder lists a vacant seat. This module reads and checks each row on its own;
//! `Store::import_seats` matches the names against the directory and saves.

use std::io::Read;

use chrono::NaiveDate;

use super::cell_problem;
use super::dialect::{self, FileProblem};
use crate::domain::flags::in_words;
use crate::domain::group::tidy;
use crate::domain::partnership::{parse_date, Sector, Selection};
use crate::error::FieldProblem;

pub const COLUMNS: &[&str] = &[
    "partnership",
    "seat",
    "sector",
    "constituency",
    "holder",
    "holder_group",
    "term_start",
    "term_end",
    "selection",
];
const REQUIRED: &[&str] = &["partnership", "seat", "sector"];

/// One row, read and checked on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatLine {
    /// As a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    pub partnership: String,
    pub seat: String,
    pub sector: Sector,
    pub constituency: String,
    pub holder: Option<HolderLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolderLine {
    pub name: String,
    /// A group's name, other name or registration number, as written.
    pub group: Option<String>,
    pub term_start: NaiveDate,
    pub term_end: Option<NaiveDate>,
    pub selection: Selection,
}

/// Reads every row. Returns the rows that could be read and every problem found, so the whole
/// file's problems are reported at once. The file is read as a groups file is (`dialect::read`):
/// UTF-8, UTF-16 or Windows-1252, commas, semicolons or tabs, title
/// lines above the column names, `N/A` as empty.
///
/// # Errors
/// A file with no table to read: empty, column names alone, a workbook or a picture saved as
/// .csv, not CSV.
pub fn read(mut input: impl Read) -> Result<(Vec<SeatLine>, Vec<FieldProblem>), FileProblem> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| FileProblem::NotCsv {
            row: 1,
            reason: e.to_string(),
        })?;
    let table = dialect::read(&bytes, None)?;
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let index: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|c| {
            table
                .headers
                .iter()
                .position(|h| tidy(h).replace(' ', "_").eq_ignore_ascii_case(c))
        })
        .collect();
    let col = |name: &str| index[COLUMNS.iter().position(|c| *c == name).unwrap()];
    let header_row = table.dialect.header_row.unwrap_or(1);
    for name in REQUIRED {
        if col(name).is_none() {
            // The file's own columns, so a wrong file (or a misspelt name) shows at once.
            problems.push(cell_problem(
                header_row,
                name,
                format!(
                    "the file has no {name} column (its columns are: {})",
                    table.headers.join(", ")
                ),
            ));
        }
    }
    if !problems.is_empty() {
        return Ok((lines, problems));
    }
    for (row, record) in &table.rows {
        let get = |name: &str| {
            col(name)
                .and_then(|c| record.get(c))
                .map(|c| tidy(c))
                .unwrap_or_default()
        };
        match read_row(*row, &get) {
            Ok(line) => lines.push(line),
            Err(mut p) => problems.append(&mut p),
        }
    }
    Ok((lines, problems))
}

fn read_row(row: usize, get: &dyn Fn(&str) -> String) -> Result<SeatLine, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut need = |name: &str, what: &str| {
        let v = get(name);
        if v.is_empty() {
            problems.push(cell_problem(row, name, format!("enter the {what}")));
        }
        v
    };
    let partnership = need("partnership", "partnership's name");
    let seat = need("seat", "seat's name");
    let sector_text = need(
        "sector",
        "sector (public, VCSE, business, residents or other)",
    );
    let sector = Sector::parse(&sector_text);
    if sector.is_none() && !sector_text.is_empty() {
        problems.push(cell_problem(
            row,
            "sector",
            format!(
                "\"{sector_text}\" is not a sector: use public, VCSE, business, residents or other"
            ),
        ));
    }
    let date = |name: &str, problems: &mut Vec<FieldProblem>| {
        let v = get(name);
        if v.is_empty() {
            return None;
        }
        let d = parse_date(&v);
        if d.is_none() {
            problems.push(cell_problem(
                row,
                name,
                format!("\"{v}\" is not a date: use 2026-03-14 or 14/03/2026"),
            ));
        }
        d
    };
    let name = get("holder");
    let holder = if name.is_empty() {
        // A vacant seat: a group or dates with no holder would be lost, so say so.
        for c in ["holder_group", "term_start", "term_end", "selection"] {
            if !get(c).is_empty() {
                problems.push(cell_problem(
                    row,
                    "holder",
                    format!("enter who holds the seat, or clear {c} for a vacant seat"),
                ));
                break;
            }
        }
        None
    } else {
        let start_text = get("term_start");
        let start = date("term_start", &mut problems);
        if start_text.is_empty() {
            problems.push(cell_problem(
                row,
                "term_start",
                "enter the date the term began",
            ));
        }
        let end = date("term_end", &mut problems);
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                problems.push(cell_problem(
                    row,
                    "term_end",
                    format!(
                        "the term cannot end ({}) before it starts ({})",
                        in_words(e),
                        in_words(s)
                    ),
                ));
            }
        }
        let selection_text = get("selection");
        let selection = Selection::parse(&selection_text);
        if selection.is_none() {
            problems.push(cell_problem(
                row,
                "selection",
                if selection_text.is_empty() {
                    "enter how the holder was selected: open election, open nomination, appointed, co-opted or invited".to_string()
                } else {
                    format!("\"{selection_text}\" is not a way of selecting: use open election, open nomination, appointed, co-opted or invited")
                },
            ));
        }
        let group = Some(get("holder_group")).filter(|g| !g.is_empty());
        match (start, selection) {
            (Some(term_start), Some(selection)) => Some(HolderLine {
                name,
                group,
                term_start,
                term_end: end,
                selection,
            }),
            _ => None,
        }
    };
    match sector {
        Some(sector) if problems.is_empty() => Ok(SeatLine {
            row,
            partnership,
            seat,
            sector,
            constituency: get("constituency"),
            holder,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "partnership,seat,sector,constituency,holder,holder_group,term_start,term_end,selection\n";

    #[test]
    fn a_good_file_reads_with_vacant_seats_and_uk_dates() {
        let csv = format!(
            "{HEADER}Health Board,VCSE seat 1,VCSE,Older people,Ann Lee,Age UK Salford,01/04/2025,31/03/2027,Open election\n\
             Health Board,VCSE seat 2,vcse,,,,,,\n\
             ,,,,,,,,\n"
        );
        let (lines, problems) = read(csv.as_bytes()).unwrap();
        assert_eq!(problems, vec![]);
        assert_eq!(lines.len(), 2, "the blank row is skipped");
        let h = lines[0].holder.as_ref().unwrap();
        assert_eq!(h.term_start, NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
        assert_eq!(h.selection, Selection::OpenElection);
        assert_eq!(lines[1].holder, None);
        assert_eq!(lines[1].row, 3);
    }

    #[test]
    fn every_bad_cell_is_named_by_row_and_column() {
        let csv = format!(
            "{HEADER}Health Board,Seat 1,council,,Ann Lee,,2026-13-01,,voted\n\
             Health Board,Seat 2,public,,Bob,,2026-06-01,2026-01-01,appointed\n\
             ,Seat 3,public,,,,2026-01-01,,\n"
        );
        let (_, problems) = read(csv.as_bytes()).unwrap();
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "row 2, column sector: \"council\" is not a sector: use public, VCSE, business, residents or other",
                "row 2, column term_start: \"2026-13-01\" is not a date: use 2026-03-14 or 14/03/2026",
                "row 2, column selection: \"voted\" is not a way of selecting: use open election, open nomination, appointed, co-opted or invited",
                "row 3, column term_end: the term cannot end (1 January 2026) before it starts (1 June 2026)",
                "row 4, column partnership: enter the partnership's name",
                "row 4, column holder: enter who holds the seat, or clear term_start for a vacant seat",
            ]
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let (_, problems) = read("partnership,seat\nA,B\n".as_bytes()).unwrap();
        assert_eq!(problems[0].field, "sector");
        assert!(problems[0]
            .message
            .starts_with("row 1, column sector: the file has no sector column"));
    }
}
