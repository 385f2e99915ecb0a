//! Groups from a spreadsheet: each row read through a mapping, checked and normalised into a
//! `GroupInput` on its own, or rejected with every problem named by row and column. Nothing here
//! touches the directory; `Store::plan_group_import` matches the rows and saves them.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::cell_problem;
use super::dialect::{clean_cell_borrowed, RawTable};
use super::mapping::{Field, Mapping};
use crate::domain::classification::{self, GroupClass, Side, FEATURE_COUNT};
use crate::domain::group::{Enterprise, FeatureAnswer, GroupInput, Status};
use crate::domain::identifier;
use crate::error::FieldProblem;

/// What the rows are checked against: the directory's wards and categories.
#[derive(Debug, Clone, Default)]
pub struct Lookups {
    /// Ward names by `ward_key` (a name may be used in several districts).
    pub wards_by_name: HashMap<String, Vec<i64>>,
    /// ONS ward codes in upper case (E05...).
    pub wards_by_code: HashMap<String, i64>,
    /// Each ward's district by id, to tell apart wards of one name in a refusal ("Brooklands
    /// in Trafford (E05000xxx)"); a ward not here is named by its code alone.
    pub ward_districts: HashMap<i64, String>,
    /// Category names in lower case.
    pub categories: HashMap<String, i64>,
    pub faith_category: Option<i64>,
    pub bme_category: Option<i64>,
}

/// A row that passed every check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupLine {
    /// As a spreadsheet numbers it.
    pub row: usize,
    pub input: GroupInput,
    /// The fields this row gave a value for: an update changes only these.
    pub present: Vec<Field>,
    /// The group's id in the directory that exported the file, when the file has the export's
    /// `id` column: two rows with different ids are two groups by the exporter's own statement.
    #[serde(default)]
    pub export_id: Option<i64>,
}

/// A row refused, with its cells as the file had them (for the rejected-rows file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRow {
    pub row: usize,
    pub cells: Vec<String>,
    pub problems: Vec<FieldProblem>,
}

/// The mapping's columns by field, as positions in the file.
pub struct Columns {
    by_field: Vec<(Field, Vec<usize>)>,
    headers: Vec<String>,
    /// The address's columns, looked up for every cell of the file.
    address: Vec<usize>,
}

impl Columns {
    /// # Errors
    /// Every column the mapping names that the file lacks, and a missing name column.
    pub fn new(headers: &[String], mapping: &Mapping) -> Result<Columns, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut by_field: Vec<(Field, Vec<usize>)> = Vec::new();
        for c in &mapping.columns {
            match headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(&c.column))
            {
                Some(i) => match by_field.iter_mut().find(|(f, _)| *f == c.field) {
                    Some((_, list)) => list.push(i),
                    None => by_field.push((c.field, vec![i])),
                },
                None => problems.push(cell_problem(
                    1,
                    &c.column,
                    format!(
                        "the file has no column called \"{}\" (its columns are: {})",
                        c.column,
                        headers.join(", ")
                    ),
                )),
            }
        }
        if !by_field.iter().any(|(f, _)| *f == Field::Name) {
            problems.push(FieldProblem::new(
                "name",
                format!(
                    "no column is chosen for the group's name (the file's columns are: {}): choose the column that holds each group's name",
                    headers.join(", ")
                ),
            ));
        }
        if problems.is_empty() {
            let address = by_field
                .iter()
                .filter(|(f, _)| *f == Field::Address)
                .flat_map(|(_, list)| list.iter().copied())
                .collect();
            Ok(Columns {
                by_field,
                headers: headers.to_vec(),
                address,
            })
        } else {
            Err(problems)
        }
    }

    /// The file's column `i` as the importer reads it. An address typed over several lines in
    /// one cell keeps them apart with commas ("12 High St, Sale"), as the address columns of a
    /// file are joined; any other cell's line breaks are spaces, as `clean_cell` makes them.
    fn cell<'a>(&self, i: usize, cell: &'a str) -> Cow<'a, str> {
        if self.address.contains(&i) && cell.contains(['\n', '\r']) {
            let lines: Vec<&str> = cell
                .lines()
                .map(|l| l.trim().trim_end_matches(',').trim_end())
                .filter(|l| !l.is_empty())
                .collect();
            Cow::Owned(clean_cell_borrowed(&lines.join(", ")).into_owned())
        } else {
            clean_cell_borrowed(cell)
        }
    }

    /// Whether the mapping reads the file's column `i`.
    fn uses(&self, i: usize) -> bool {
        self.by_field.iter().any(|(_, list)| list.contains(&i))
    }

    /// The name of the file's column `i` ("column 4" for one with no name).
    fn name_of(&self, i: usize) -> Cow<'_, str> {
        match self.headers.get(i) {
            Some(h) => Cow::Borrowed(h.as_str()),
            None => Cow::Owned(format!("column {}", i + 1)),
        }
    }

    fn header(&self, field: Field) -> &str {
        self.by_field
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, c)| c.first())
            .map(|i| self.headers[*i].as_str())
            .unwrap_or(field.key())
    }
}

/// What checking a file's rows found.
pub struct Checked {
    pub lines: Vec<GroupLine>,
    pub rejected: Vec<RejectedRow>,
    /// Rows read, blank ones left out.
    pub read: usize,
}

/// Checks every row of the file, tidying each row's cells as it goes (a tidy cell is borrowed,
/// not copied); calls `progress(done, total)` every 1,000 rows.
pub fn check_rows(
    table: &RawTable,
    columns: &Columns,
    lookups: &Lookups,
    progress: &mut dyn FnMut(usize, usize),
) -> Checked {
    let total = table.rows.len();
    // Rows are checked on their own, so a long file is split across two threads (this machine
    // class has two cores); progress is reported from the first half's thread's count.
    let half = total.div_ceil(2).max(1000);
    let chunks: Vec<&[(usize, csv::StringRecord)]> = table.rows.chunks(half).collect();
    let (tx, rx) = std::sync::mpsc::channel::<usize>();
    let results: Vec<Checked> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                let tx = tx.clone();
                scope.spawn(move || {
                    let mut lines = Vec::with_capacity(chunk.len());
                    let mut rejected = Vec::new();
                    let mut read = 0;
                    let mut cells: Vec<Cow<str>> = Vec::new();
                    for (i, (row, record)) in chunk.iter().enumerate() {
                        cells.clear();
                        cells.extend(record.iter().enumerate().map(|(i, c)| columns.cell(i, c)));
                        if cells.iter().any(|c| !c.is_empty()) {
                            read += 1;
                            let layout = layout_problems(*row, record, table, columns);
                            let checked = if layout.is_empty() {
                                read_row(*row, &cells, columns, lookups)
                            } else {
                                Err(layout)
                            };
                            match checked {
                                Ok(line) => lines.push(line),
                                Err(problems) => rejected.push(RejectedRow {
                                    row: *row,
                                    cells: cells.iter().map(|c| c.to_string()).collect(),
                                    problems,
                                }),
                            }
                        }
                        if (i + 1) % 1000 == 0 {
                            let _ = tx.send(1000);
                        }
                    }
                    Checked {
                        lines,
                        rejected,
                        read,
                    }
                })
            })
            .collect();
        drop(tx);
        let mut done = 0;
        for n in rx {
            done += n;
            progress(done.min(total), total);
        }
        handles
            .into_iter()
            .map(|h| h.join().expect("a checking thread panicked"))
            .collect()
    });
    progress(total, total);
    let mut all = Checked {
        lines: Vec::with_capacity(total),
        rejected: Vec::new(),
        read: 0,
    };
    for part in results {
        all.lines.extend(part.lines);
        all.rejected.extend(part.rejected);
        all.read += part.read;
    }
    all
}

/// What is wrong with how a row is laid out, as the file has it (before any cell is read): a
/// quoted cell that runs on over lines that look like rows of their own, because its quote is
/// never closed (the CSV reader would otherwise take every later row into that one cell). A line
/// in a cell looks like a row when it has as many delimiters as the row of column names has
/// between its columns (two at least, so an address's "Sale, M33 7XG" on a line of its own is
/// still an address).
///
/// Or a row with filled cells beyond the last of the column names (a comma in a cell that is
/// not in quotes splits it, and the rest would be dropped, or shift the row onto other
/// columns). Empty cells there are trailing delimiters, and a column the mapping reads by its
/// number ("column 4") was chosen.
fn layout_problems(
    row: usize,
    record: &csv::StringRecord,
    table: &RawTable,
    columns: &Columns,
) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let delimiter = table.dialect.delimiter.byte() as char;
    let row_like = table.header_width.saturating_sub(1).max(2);
    if memchr::memchr2(b'\n', b'\r', record.as_slice().as_bytes()).is_some() {
        for (i, cell) in record.iter().enumerate() {
            let mut rows = cell
                .split(['\r', '\n'])
                .skip(1)
                .filter(|line| line.matches(delimiter).count() >= row_like);
            if let Some(first) = rows.next() {
                let more = rows.count();
                problems.push(cell_problem(
                    row,
                    &columns.name_of(i),
                    format!(
                        "a quote opened here is not closed before the next row: the cell runs on \
                         over {} line{} that look{} like rows of their own, the first '{first}'. \
                         Close the quote where the cell ends (or take it out), and import the file again",
                        more + 1,
                        if more == 0 { "" } else { "s" },
                        if more == 0 { "s" } else { "" },
                    ),
                ));
            }
        }
    }
    let width = table.header_width;
    if table.dialect.header_row.is_some() && record.len() > width {
        let extra: Vec<(usize, &str)> = record
            .iter()
            .enumerate()
            .skip(width)
            .filter(|(i, c)| !clean_cell_borrowed(c).is_empty() && !columns.uses(*i))
            .collect();
        if let Some((first, _)) = extra.first() {
            let cells = (0..record.len())
                .rev()
                .find(|i| !clean_cell_borrowed(&record[*i]).is_empty())
                .map_or(0, |i| i + 1);
            let quoted = extra
                .iter()
                .map(|(_, c)| format!("'{c}'"))
                .collect::<Vec<_>>()
                .join(", ");
            let delimiter = match table.dialect.delimiter {
                super::dialect::Delimiter::Comma => "a comma",
                super::dialect::Delimiter::Semicolon => "a semicolon",
                super::dialect::Delimiter::Tab => "a tab",
            };
            problems.push(FieldProblem::new(
                columns.name_of(*first),
                format!(
                    "row {row} has {cells} cells but the row of column names has {width}: \
                     {quoted} {} beyond the last column ({}). Is {delimiter} in a cell not in \
                     quotes? Put that cell in quotes, or take the extra cells out, and import \
                     the file again",
                    if extra.len() == 1 { "is" } else { "are" },
                    columns.name_of(width.saturating_sub(1)),
                ),
            ));
        }
    }
    problems
}

/// Reads one row into a group, or says every reason it cannot be one.
pub fn read_row<C: AsRef<str>>(
    row: usize,
    cells: &[C],
    columns: &Columns,
    lookups: &Lookups,
) -> Result<GroupLine, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut present = Vec::new();
    let mut input = GroupInput::default();
    let mut ident_columns: Vec<&str> = Vec::new();
    let mut export_id = None;
    for (field, positions) in &columns.by_field {
        let mut filled = positions
            .iter()
            .filter_map(|i| cells.get(*i).map(AsRef::as_ref))
            .filter(|v| !v.is_empty());
        let Some(first) = filled.next() else {
            continue;
        };
        // Most fields have one column, so the rest is usually empty (and allocates nothing).
        let rest: Vec<&str> = filled.collect();
        let field = *field;
        let column = columns.header(field);
        // Copied only for a field kept as text; the others are read from the cell.
        let value: Cow<str> = if field == Field::Address && !rest.is_empty() {
            Cow::Owned(
                std::iter::once(first)
                    .chain(rest.iter().copied())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        } else {
            Cow::Borrowed(first)
        };
        present.push(field);
        let mut refuse = |why: String| problems.push(cell_problem(row, column, why));
        match field {
            Field::Name => input.name = value.into_owned(),
            Field::OtherNames => {
                input.other_names = std::iter::once(first)
                    .chain(rest.iter().copied())
                    .flat_map(|v| v.split(';'))
                    .map(str::to_string)
                    .collect()
            }
            Field::CharityNumber | Field::CompanyNumber | Field::OrgId => {
                let scheme = match field {
                    Field::CharityNumber => "GB-CHC",
                    Field::CompanyNumber => "GB-COH",
                    _ => "",
                };
                for part in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                    match org_id(scheme, part).and_then(|(s, v)| identifier::normalise(&s, v)) {
                        Ok(id) => {
                            if !input.identifiers.contains(&id) {
                                input.identifiers.push(id);
                                ident_columns.push(column);
                            }
                        }
                        Err(why) => refuse(why),
                    }
                }
            }
            Field::Address => input.address = value.into_owned(),
            Field::Postcode => input.postcode = value.into_owned(),
            Field::Ward => match ward(&value, lookups) {
                Ok(id) => input.ward_id = Some(id),
                Err(why) => refuse(why),
            },
            Field::Email => input.email = value.into_owned(),
            Field::Phone => input.phone = phone_zero_back(value.into_owned()),
            Field::Website => input.website = value.into_owned(),
            Field::Activities => input.activities = value.into_owned(),
            Field::Status => match status(&value) {
                Some(s) => input.status = s,
                None => refuse(format!(
                    "\"{value}\" is not a status: use active, dormant or closed"
                )),
            },
            Field::LastChecked => match parse_date_any(&value) {
                Some(d) if d > chrono::Local::now().date_naive() => refuse(format!(
                    "\"{value}\" is in the future: a group cannot have been checked on a day \
                     that has not come yet (a two-digit year such as 50 is read as 2050)"
                )),
                Some(d) => input.last_checked = Some(d.to_string()),
                None => refuse(format!(
                    "\"{value}\" is not a date: use 2026-03-14, 14/03/2026 or 14 March 2026"
                )),
            },
            Field::LastCheckedBy => input.last_checked_by = value.into_owned(),
            Field::Class => match class(&value) {
                Some(c) => input.class_override = Some(c),
                None => refuse(format!(
                    "\"{value}\" is not a class: use community, voluntary, mixed or unclassified"
                )),
            },
            // Kept only with a class set by staff (see below the loop).
            Field::ClassReason => input.class_override_reason = value.into_owned(),
            Field::CommunityFeatures | Field::VoluntaryFeatures => {
                let side = if field == Field::CommunityFeatures {
                    Side::Community
                } else {
                    Side::Voluntary
                };
                match feature_numbers(&value) {
                    Ok(numbers) => {
                        for n in numbers {
                            if input.features.iter().any(|f| f.number == n) {
                                refuse(format!("feature {n} is on both sides: keep it on one"));
                            } else {
                                input.features.push(FeatureAnswer {
                                    number: n,
                                    side: Some(side),
                                    evidence: String::new(),
                                });
                            }
                        }
                    }
                    Err(why) => refuse(why),
                }
            }
            Field::FaithGroup => match yes_no(&value) {
                Some(b) => input.faith = b,
                None => {
                    input.faith = true;
                    input.faith_name = value.into_owned();
                }
            },
            Field::Bme => match bme(&value) {
                Some((led, serving)) => {
                    input.bme_led = led;
                    input.bme_serving = serving;
                }
                None => refuse(format!(
                    "\"{value}\" is not a BME answer: use led, serving, led; serving, or no"
                )),
            },
            Field::ExportId => match value.parse::<i64>() {
                Ok(id) => export_id = Some(id),
                Err(_) => refuse(format!(
                    "\"{value}\" is not a group's id from a Compact Directory export: it should be a whole number (or choose no field for this column)"
                )),
            },
            Field::CategoriesServed => {
                for name in value
                    .split([';', '|'])
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                {
                    match lookups.categories.get(&name.to_lowercase()) {
                        Some(id) => input.category_ids.push(*id),
                        None => refuse(format!(
                            "there is no category called \"{name}\": add it under Categories first, or correct the name"
                        )),
                    }
                }
            }
            Field::WardsServed => {
                for name in value.split(';').map(str::trim).filter(|n| !n.is_empty()) {
                    match ward(name, lookups) {
                        Ok(id) => input.place_ward_ids.push(id),
                        Err(why) => refuse(why),
                    }
                }
            }
            Field::Interest => input.interest = value.into_owned(),
            Field::Enterprise => match enterprise(&value) {
                Some(e) => input.enterprise = e,
                None => refuse(format!(
                    "\"{value}\" is not a kind of enterprise: use social, community or no"
                )),
            },
        }
    }
    // Faith and BME groups count for their categories without a tick: leave those ticks aside so
    // an exported row comes back exactly as it went out.
    if input.faith {
        input
            .category_ids
            .retain(|c| Some(*c) != lookups.faith_category);
    }
    if input.bme_led || input.bme_serving {
        input
            .category_ids
            .retain(|c| Some(*c) != lookups.bme_category);
    }
    // A class the answers would suggest anyway is not a class set by staff. A class set by staff
    // keeps the file's reason for it (the groups export writes one), else says where it came from.
    match input.class_override {
        Some(c)
            if c != GroupClass::Unclassified
                && c != classification::suggest(&input.answers()).class =>
        {
            if input.class_override_reason.trim().is_empty() {
                input.class_override_reason = "class given in an imported file".to_string();
            }
        }
        _ => {
            input.class_override = None;
            input.class_override_reason.clear();
        }
    }
    if let Err(found) = input.normalise() {
        for p in found {
            let column = match p.field.as_str() {
                f if f.starts_with("identifiers[") => f
                    .trim_start_matches("identifiers[")
                    .split(']')
                    .next()
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| ident_columns.get(i).copied())
                    .unwrap_or("charity_number"),
                f => Field::parse(f).map(|f| columns.header(f)).unwrap_or(f),
            };
            // A message quoting the cell ("Sale is not a UK postcode") quotes it as typed.
            let quotes_a_cell = cells.iter().any(|c| {
                let c = c.as_ref().trim();
                !c.is_empty() && p.message.starts_with(c)
            });
            let message = if quotes_a_cell {
                p.message
            } else {
                lower_first(&p.message)
            };
            problems.push(cell_problem(row, column, message));
        }
    }
    if problems.is_empty() {
        Ok(GroupLine {
            row,
            input,
            present,
            export_id,
        })
    } else {
        Err(problems)
    }
}

/// "Enter the group's name" reads "enter the group's name" after "row 3, column name:"; a
/// message starting with what was typed ("WA15 OHF is not...", "Sale is not...") is not passed
/// here, and one starting with capitals is left as it is.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(f), Some(g)) if f.is_uppercase() && g.is_lowercase() => {
            f.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}

/// A registration number with its scheme: a bare number takes the column's scheme; an org-id
/// (GB-CHC-1123456, 360G-trafford-be_active) carries its own.
fn org_id<'a>(scheme: &'a str, value: &'a str) -> Result<(Cow<'a, str>, &'a str), String> {
    for known in ["GB-CHC-", "GB-COH-", "GB-SC-", "GB-NIC-"] {
        if value
            .get(..known.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(known))
        {
            return Ok((
                Cow::Borrowed(&known[..known.len() - 1]),
                &value[known.len()..],
            ));
        }
    }
    let mut parts = value.splitn(3, '-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), Some(rest))
            if a.chars().any(char::is_alphabetic) && !b.is_empty() && !rest.is_empty() =>
        {
            Ok((Cow::Owned(format!("{a}-{b}")), rest))
        }
        _ if !scheme.is_empty() => Ok((Cow::Borrowed(charity_register(scheme, value)), value)),
        _ => Err(format!(
            "\"{value}\" is not an org-id: it should look like GB-CHC-1123456 or GB-COH-09901361"
        )),
    }
}

/// The register of a bare number in a charity number column. Lists of charities mix the three
/// UK registers in one column, and only the number tells them apart: a Scottish number starts
/// with SC (SC012345, SC 012345) and a Northern Ireland one with NIC (NIC100123); England and
/// Wales's are digits. Any other column's scheme is the column's.
fn charity_register<'a>(scheme: &'a str, value: &str) -> &'a str {
    if scheme != "GB-CHC" {
        return scheme;
    }
    let starts = |prefix: &str| {
        value
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    if starts("NIC") {
        "GB-NIC"
    } else if starts("SC") {
        "GB-SC"
    } else {
        scheme
    }
}

fn ward(value: &str, lookups: &Lookups) -> Result<i64, String> {
    if let Some(id) = lookups.wards_by_code.get(&value.to_ascii_uppercase()) {
        return Ok(*id);
    }
    match lookups.wards_by_name.get(&ward_key(value)).map(Vec::as_slice) {
        Some([one]) => Ok(*one),
        Some(many) if many.len() > 1 => Err(format!(
            "{} wards are called {value}: {}; write the ward's code instead",
            many.len(),
            same_named_wards(value, many, lookups)
        )),
        _ if is_ons_code(value) => Err(format!(
            "no ward in the ward list has the code {value}: load the ward list of its area \
             first (compactdir wards load), or write the ward's name"
        )),
        _ => Err(format!(
            "there is no ward called {value} in the ward list: correct it, or load the ward list first"
        )),
    }
}

/// "Brooklands in Manchester (E05011xxx) or Brooklands in Trafford (E05000xxx)": the wards of
/// one name, each by its district and code, so the user can write the right code.
fn same_named_wards(value: &str, ids: &[i64], lookups: &Lookups) -> String {
    let mut named: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            let code = lookups
                .wards_by_code
                .iter()
                .find(|(_, w)| *w == id)
                .map(|(code, _)| code.clone())
                .unwrap_or_default();
            let district = lookups.ward_districts.get(id).cloned().unwrap_or_default();
            (district, code)
        })
        .collect();
    named.sort();
    let named: Vec<String> = named
        .into_iter()
        .map(
            |(district, code)| match (district.is_empty(), code.is_empty()) {
                (false, false) => format!("{value} in {district} ({code})"),
                (false, true) => format!("{value} in {district}"),
                (true, false) => format!("{value} ({code})"),
                (true, true) => value.to_string(),
            },
        )
        .collect();
    match named.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => named.join(""),
    }
}

/// A ward's name as the import compares it: folded as names are everywhere (`domain::fold`: lower
/// case, "&" as "and", "Saint" as "St", nothing but letters, digits and single spaces), so that
/// "St Marys", "St. Mary's" and "SAINT MARY'S" all find St Mary's. Spreadsheets drop the
/// apostrophe and full stop more often than not.
pub fn ward_key(name: &str) -> String {
    crate::domain::fold::fold(name)
}

/// An ONS area code such as E05000823: a letter, then eight digits.
fn is_ons_code(value: &str) -> bool {
    let b = value.trim().as_bytes();
    b.len() == 9 && b[0].is_ascii_alphabetic() && b[1..].iter().all(u8::is_ascii_digit)
}

/// A UK phone number that a spreadsheet stored as a number loses its leading 0
/// ("01614960794" becomes 1614960794): ten digits and nothing else, not starting with 0, is
/// such a number, and gets its 0 back, as company numbers get theirs. Anything else is kept as
/// written.
fn phone_zero_back(value: String) -> String {
    let b = value.as_bytes();
    if b.len() == 10 && b[0] != b'0' && b.iter().all(u8::is_ascii_digit) {
        format!("0{value}")
    } else {
        value
    }
}

fn status(value: &str) -> Option<Status> {
    match value.to_lowercase().as_str() {
        "active" | "open" | "registered" => Some(Status::Active),
        "dormant" | "inactive" => Some(Status::Dormant),
        "closed" | "removed" | "dissolved" | "wound up" => Some(Status::Closed),
        _ => None,
    }
}

fn class(value: &str) -> Option<GroupClass> {
    match value.to_lowercase().as_str() {
        "community" | "community group" => Some(GroupClass::Community),
        "voluntary" | "voluntary organisation" | "voluntary organization" => {
            Some(GroupClass::Voluntary)
        }
        "mixed" => Some(GroupClass::Mixed),
        "unclassified" | "not yet classified" => Some(GroupClass::Unclassified),
        _ => None,
    }
}

/// `Some(None)` for an answer that says it is no enterprise; `None` for one not understood.
fn enterprise(value: &str) -> Option<Option<Enterprise>> {
    match value.to_lowercase().trim_end_matches(" enterprise") {
        "social" => Some(Some(Enterprise::Social)),
        "community" => Some(Some(Enterprise::Community)),
        "no" | "none" | "neither" => Some(None),
        _ => None,
    }
}

fn feature_numbers(value: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for part in value.split([';', ',', ' ']).filter(|p| !p.is_empty()) {
        match part.parse::<u8>() {
            Ok(n) if (1..=FEATURE_COUNT as u8).contains(&n) => {
                if !out.contains(&n) {
                    out.push(n)
                }
            }
            _ => {
                return Err(format!(
                    "\"{part}\" is not a feature number: use numbers 1 to 8 separated by ;"
                ))
            }
        }
    }
    Ok(out)
}

pub(crate) fn yes_no(value: &str) -> Option<bool> {
    match value.to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" => Some(true),
        "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// Led by and/or serving BME communities. A bare "yes" says it serves them (the lesser claim).
fn bme(value: &str) -> Option<(bool, bool)> {
    let (mut led, mut serving) = (false, false);
    for part in value
        .to_lowercase()
        .split([';', ',', '/', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match part {
            "led" | "led by" | "bme led" => led = true,
            "serving" | "serves" | "bme serving" => serving = true,
            "both" => (led, serving) = (true, true),
            _ => match yes_no(part) {
                Some(true) => serving = true,
                Some(false) => {}
                None => return None,
            },
        }
    }
    Some((led, serving))
}

/// A date as spreadsheets and registers write it: ISO (2026-03-14), UK day first (14/03/2026,
/// 14/03/26, 14-03-2026, 14.03.2026, 14.03.26), in words (14 March 2026, 14 Mar 2026, 14th
/// March 2026, 14 Sept 2026, 14-Mar-26, March 14, 2026), 2026/03/14, or an
/// Excel day number (46095); any of them with a time after it (UK Excel writes a date-time
/// cell as 14/03/2026 00:00; ISO as 2026-03-14 00:00:00 or 2026-03-14T00:00). Never month
/// first: 03/04/2026 is 3 April.
pub fn parse_date_any(value: &str) -> Option<NaiveDate> {
    let v = without_time(value.trim());
    all_digits(v).or_else(|| by_formats(v))
}

/// A date-time's date: what comes before a time of day ("09:30", "00:00:00", "09:30:00.000Z",
/// "9:30 AM", "00:00+01:00") after a space or, in ISO, a T. Text with no such time is as it was.
fn without_time(v: &str) -> &str {
    let is_time = |t: &str| {
        let t = t.trim();
        let t = ["am", "pm", "AM", "PM"]
            .iter()
            .find_map(|m| t.strip_suffix(m))
            .unwrap_or(t)
            .trim_end();
        let t = t.strip_suffix(['Z', 'z']).unwrap_or(t);
        let (clock, offset) = match t.get(5..).and_then(|rest| rest.find(['+', '-'])) {
            Some(i) => t.split_at(i + 5),
            None => (t, ""),
        };
        let mut parts = clock.split(':');
        let hours = parts.next().unwrap_or("");
        let minutes = parts.next().unwrap_or("");
        let seconds = parts.next().unwrap_or("00");
        let (seconds, fraction) = seconds.split_once('.').unwrap_or((seconds, "0"));
        let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        parts.next().is_none()
            && digits(hours, 1..=2)
            && digits(minutes, 2..=2)
            && digits(seconds, 2..=2)
            && digits(fraction, 1..=9)
            && (offset.is_empty() || offset[1..].split(':').all(|p| digits(p, 2..=4)))
    };
    if let Some(i) = v
        .match_indices(' ')
        .map(|(i, _)| i)
        .find(|i| is_time(&v[i + 1..]))
    {
        return v[..i].trim_end();
    }
    if v.len() > 10
        && v.as_bytes()[4] == b'-'
        && matches!(v.as_bytes()[10], b'T' | b't')
        && is_time(&v[11..])
    {
        return &v[..10];
    }
    v
}

/// 2026-03-14 and 14/03/2026, the forms most files use, read without trying each format in turn
/// (about 1,700 instructions a date that way). A date these shapes cannot make is left to
/// `by_formats`, which reads every form the same way.
fn all_digits(v: &str) -> Option<NaiveDate> {
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = if v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-' {
        (
            number(&v[..4], 4..=4)?,
            number(&v[5..7], 2..=2)?,
            number(&v[8..], 2..=2)?,
        )
    } else {
        let mut parts = v.split('/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        (number(y, 4..=4)?, number(m, 2..=2)?, number(d, 2..=2)?)
    };
    // As in `by_formats`: a year before 1000 is not read as written.
    if y < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A date in any of the forms `parse_date_any` names, each format tried in turn.
fn by_formats(v: &str) -> Option<NaiveDate> {
    const FORMATS: &[&str] = &[
        "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d %B %Y", "%d-%B-%Y",
        "%B %d %Y",
    ];
    // Two-digit years, tried only after the four-digit forms ("%y" is 2000-2068, 1969-1999).
    const SHORT_YEAR: &[&str] = &["%d/%m/%y", "%d-%m-%y", "%d.%m.%y", "%d %B %y", "%d-%B-%y"];
    let words = in_words(v);
    let v = words.as_deref().unwrap_or(v);
    for f in FORMATS {
        match NaiveDate::parse_from_str(v, f) {
            // "%Y" takes "26" as the year 26: leave two-digit years to "%y" below.
            Ok(d) if d.year() >= 1000 => return Some(d),
            _ => {}
        }
    }
    if let Some(d) = SHORT_YEAR
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(v, f).ok())
    {
        return Some(d);
    }
    if let Ok(n) = v.parse::<i64>() {
        if (20_000..=80_000).contains(&n) {
            return NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|base| base.checked_add_signed(Duration::days(n)));
        }
    }
    None
}

/// A date written in words as people type it, in the shape the formats read: "3rd April 2021"
/// and "3 Sept 2021" (the usual UK short form, which chrono's "%b" does not know) become
/// "3 April 2021" and "3 Sep 2021"; "Apr 3, 2021" loses its comma. None when there is nothing
/// to change, so the digits-only forms are not copied.
fn in_words(v: &str) -> Option<String> {
    if !v.bytes().any(|b| b.is_ascii_alphabetic() || b == b',') {
        return None;
    }
    let word = |w: &str| -> String {
        let lower = w.to_ascii_lowercase();
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && matches!(&lower[digits..], "st" | "nd" | "rd" | "th") {
            return w[..digits].to_string();
        }
        if lower == "sept" {
            return "Sep".to_string();
        }
        w.trim_end_matches('.').to_string()
    };
    Some(
        v.replace(',', " ")
            .split([' ', '-'].as_slice())
            .filter(|w| !w.is_empty())
            .map(word)
            .collect::<Vec<_>>()
            .join(if v.contains(' ') || v.contains(',') {
                " "
            } else {
                "-"
            }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::identifier::Identifier;
    use crate::import::dialect;
    use crate::import::mapping::{built_in, suggest};

    fn lines(csv: &str) -> (Vec<GroupLine>, Vec<RejectedRow>) {
        let t = dialect::read_raw(csv.as_bytes()).unwrap();
        let m = suggest(&t.headers, &built_in()).mapping;
        let c = Columns::new(&t.headers, &m).unwrap();
        let mut lookups = Lookups::default();
        lookups.categories.insert("older people".into(), 7);
        lookups.wards_by_name.insert("ordsall".into(), vec![3]);
        let checked = check_rows(&t, &c, &lookups, &mut |_, _| {});
        (checked.lines, checked.rejected)
    }

    #[test]
    fn a_quote_never_closed_rejects_its_row_and_multi_line_addresses_still_read() {
        let (ok, rejected) = lines(
            "Name,Postcode,Activities,Address\n\
             Sale Youth,M33 7XG,Football,\"12 High Street\r\n  Sale,\nCheshire\"\n\
             Urmston Choir,M41 9AW,\"Singing\n\
             Stretford Art,M32 0SR,Painting,\n\
             Partington Pals,M31 4FL,Lunch,\n",
        );
        let names: Vec<&str> = ok.iter().map(|l| l.input.name.as_str()).collect();
        assert_eq!(
            names,
            ["Sale Youth"],
            "the address's line breaks are its own"
        );
        assert_eq!(
            ok[0].input.address, "12 High Street, Sale, Cheshire",
            "its lines kept apart by commas, not run together"
        );
        assert_eq!(rejected.len(), 1);
        assert_eq!(
            rejected[0].row, 3,
            "a spreadsheet counts the address as one row"
        );
        assert_eq!(
            rejected[0].problems[0].message,
            "row 3, column Activities: a quote opened here is not closed before the next row: \
             the cell runs on over 2 lines that look like rows of their own, the first \
             'Stretford Art,M32 0SR,Painting,'. Close the quote where the cell ends (or take it \
             out), and import the file again"
        );
    }

    #[test]
    fn filled_cells_beyond_the_column_names_reject_the_row_and_trailing_empty_ones_do_not() {
        let (ok, rejected) = lines(
            "Name,Postcode,Activities\n\
             Sale Youth Club,M33 7XG,Football, netball, cricket for 8-16s\n\
             Altrincham Choir,WA14 2EW,\"Singing, concerts\",,\n\
             Friends of Walton Park, Sale,M33 4AA,Walks\n",
        );
        let names: Vec<&str> = ok.iter().map(|l| l.input.name.as_str()).collect();
        assert_eq!(
            names,
            ["Altrincham Choir"],
            "trailing delimiters are no cells"
        );
        let messages: Vec<&str> = rejected
            .iter()
            .map(|r| r.problems[0].message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "row 2 has 5 cells but the row of column names has 3: ' netball', ' cricket for \
                 8-16s' are beyond the last column (Activities). Is a comma in a cell not in \
                 quotes? Put that cell in quotes, or take the extra cells out, and import the file \
                 again",
                "row 4 has 4 cells but the row of column names has 3: 'Walks' is beyond the last \
                 column (Activities). Is a comma in a cell not in quotes? Put that cell in quotes, \
                 or take the extra cells out, and import the file again",
            ],
            "not a wrong postcode: the row is shifted"
        );
    }

    #[test]
    fn blank_rows_are_not_read_and_untidy_cells_are_tidied_where_checked() {
        let t = dialect::read_raw(
            "name,postcode\r\n\"  Ordsall\u{a0}Tenants \",m5 3pf\r\n,\r\n\r\nWeaste Club,N/A\r\n"
                .as_bytes(),
        )
        .unwrap();
        let m = suggest(&t.headers, &built_in()).mapping;
        let c = Columns::new(&t.headers, &m).unwrap();
        let checked = check_rows(&t, &c, &Lookups::default(), &mut |_, _| {});
        assert_eq!(checked.read, 2, "the two blank rows are not rows read");
        let rows: Vec<(usize, &str, &str)> = checked
            .lines
            .iter()
            .map(|l| (l.row, l.input.name.as_str(), l.input.postcode.as_str()))
            .collect();
        assert_eq!(
            rows,
            [(2, "Ordsall Tenants", "M5 3PF"), (5, "Weaste Club", "")],
            "as `dialect::read` would tidy them, row numbers as the spreadsheet shows"
        );
    }

    #[test]
    fn a_phone_number_a_spreadsheet_stripped_of_its_zero_gets_it_back() {
        let (ok, _) = lines(
            "name,phone\n\
             Stripped,1614960794\n\
             Written,0161 496 0794\n\
             Mobile,7700900123\n\
             International,+44 161 496 0794\n\
             Short,4960794\n",
        );
        let phones: Vec<&str> = ok.iter().map(|l| l.input.phone.as_str()).collect();
        assert_eq!(
            phones,
            [
                "01614960794",
                "0161 496 0794",
                "07700900123",
                "+44 161 496 0794",
                "4960794"
            ]
        );
    }

    #[test]
    fn a_ward_is_found_without_its_apostrophe_and_a_code_not_listed_says_so() {
        let mut lookups = Lookups::default();
        lookups
            .wards_by_name
            .insert(ward_key("St Mary's & Weaste"), vec![4]);
        lookups.wards_by_code.insert("E05000001".into(), 5);
        for typed in [
            "St Marys and Weaste",
            "st. mary's & weaste",
            "SAINT MARY’S AND WEASTE",
        ] {
            assert_eq!(ward(typed, &lookups), Ok(4), "{typed}");
        }
        assert_eq!(ward("e05000001", &lookups), Ok(5));
        assert_eq!(
            ward("E05000823", &lookups).unwrap_err(),
            "no ward in the ward list has the code E05000823: load the ward list of its area \
             first (compactdir wards load), or write the ward's name"
        );
        assert!(ward("St Marks", &lookups)
            .unwrap_err()
            .starts_with("there is no ward called St Marks"));
    }

    /// The tester's case: two districts each have a Brooklands; the refusal names both, each
    /// by its district and code.
    #[test]
    fn a_ward_name_in_two_districts_names_each_with_its_district_and_code() {
        let mut lookups = Lookups::default();
        lookups
            .wards_by_name
            .insert(ward_key("Brooklands"), vec![7, 3]);
        lookups.wards_by_code.insert("E05000824".into(), 3);
        lookups.wards_by_code.insert("E05011355".into(), 7);
        lookups.ward_districts.insert(3, "Trafford".into());
        lookups.ward_districts.insert(7, "Manchester".into());
        assert_eq!(
            ward("brooklands", &lookups).unwrap_err(),
            "2 wards are called brooklands: brooklands in Manchester (E05011355) or brooklands \
             in Trafford (E05000824); write the ward's code instead"
        );
    }

    #[test]
    fn dates_in_the_forms_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 14);
        for v in [
            "2026-03-14",
            "14/03/2026",
            "14/03/26",
            "14-03-2026",
            "14.03.2026",
            "14 March 2026",
            "14 Mar 2026",
            "2026/03/14",
            "2026-03-14T09:30:00Z",
            "46095",
            "14/03/2026 00:00",
            "14/03/2026 09:30:00",
            "14/03/2026 9:30 AM",
            "2026-03-14 00:00:00",
            "2026-03-14T00:00",
            "2026-03-14T09:30:00.000+01:00",
            "14 March 2026 00:00",
            "14.03.26",
            "14-03-26",
            "14th March 2026",
            "14th Mar. 2026",
            "Mar 14, 2026",
            "March 14th, 2026",
            "14-Mar-26",
            "14-Mar-2026",
            "14 MARCH 2026",
        ] {
            assert_eq!(parse_date_any(v), d, "{v}");
        }
        assert_eq!(
            parse_date_any("03/04/2026"),
            NaiveDate::from_ymd_opt(2026, 4, 3)
        );
        for v in ["3 Sept 2021", "3 sept 2021", "Sept 3rd, 2021", "03.09.21"] {
            assert_eq!(
                parse_date_any(v),
                NaiveDate::from_ymd_opt(2021, 9, 3),
                "{v}"
            );
        }
        assert_eq!(parse_date_any("last week"), None);
        assert_eq!(parse_date_any("3 Septembre 2021"), None);
        assert_eq!(parse_date_any("3rd"), None);
        assert_eq!(parse_date_any("14/03/2026 lunchtime"), None);
        assert_eq!(parse_date_any("14/03/2026 99"), None);
    }

    #[test]
    fn a_date_with_a_time_is_its_date_and_a_last_check_in_the_future_is_refused() {
        let (ok, rejected) = lines(
            "name,last_checked\n\
             Excel Club,03/04/2021 00:00\n\
             Iso Club,2021-04-03 00:00:00\n\
             T Club,2021-04-03T00:00\n\
             Future Club,2100-01-01\n",
        );
        let dates: Vec<(&str, Option<&str>)> = ok
            .iter()
            .map(|l| (l.input.name.as_str(), l.input.last_checked.as_deref()))
            .collect();
        assert_eq!(
            dates,
            [
                ("Excel Club", Some("2021-04-03")),
                ("Iso Club", Some("2021-04-03")),
                ("T Club", Some("2021-04-03")),
            ]
        );
        assert_eq!(rejected.len(), 1);
        assert_eq!(
            rejected[0].problems[0].message,
            "row 5, column last_checked: \"2100-01-01\" is in the future: a group cannot have \
             been checked on a day that has not come yet (a two-digit year such as 50 is read as \
             2050)"
        );
        let today = chrono::Local::now()
            .date_naive()
            .format("%d/%m/%Y")
            .to_string();
        let (ok, _) = lines(&format!("name,last_checked\nToday Club,{today}\n"));
        assert_eq!(ok.len(), 1, "checked today is not the future");
    }

    #[test]
    fn a_message_quoting_a_cell_quotes_it_as_typed() {
        let (_, rejected) =
            lines("Name,Postcode,Email,Website\nX,Sale,Info At Club,Our Website\n,M5 3PF,,\n");
        let messages: Vec<&str> = rejected
            .iter()
            .flat_map(|r| r.problems.iter().map(|p| p.message.as_str()))
            .collect();
        for quoted in [
            "row 2, column Postcode: Sale is not a UK postcode",
            "row 2, column Email: “Info At Club” is not an email address",
            "row 2, column Website: “Our Website” is not a web address",
        ] {
            assert!(
                messages.iter().any(|m| m.starts_with(quoted)),
                "{quoted}: {messages:?}"
            );
        }
        assert!(
            messages.contains(&"row 3, column Name: enter the group's name"),
            "an instruction still reads on in lower case: {messages:?}"
        );
    }

    #[test]
    fn the_common_forms_read_quickly_read_as_every_form_is_read() {
        // Every day and month around the real ones, padded or not, in years either side of 1000.
        let mut forms = std::collections::BTreeSet::new();
        for y in ["0999", "1000", "2024", "2026", "99999"] {
            for m in 0..=13 {
                for d in 0..=32 {
                    forms.insert(format!("{y}-{m:02}-{d:02}"));
                    forms.insert(format!("{y}-{m}-{d}"));
                    forms.insert(format!("{d:02}/{m:02}/{y}"));
                    forms.insert(format!("{d}/{m}/{y}"));
                    forms.insert(format!("{d:03}/{m:02}/{y}"));
                }
            }
        }
        let mut tried = 0;
        for v in &forms {
            assert_eq!(parse_date_any(v), by_formats(v), "{v}");
            tried += usize::from(all_digits(v).is_some());
        }
        assert_eq!(tried, 2 * (365 + 366 + 365));
    }

    #[test]
    fn a_good_row_becomes_a_group_with_numbers_kept_as_text() {
        let (ok, bad) = lines(
            "Organisation,Charity No,Company Number,Post code,Ward,Categories served,Faith group\n\
             Ordsall Tenants,1123456,738693,m5 3pf,ORDSALL,Older people,Christian\n",
        );
        assert_eq!(bad, vec![]);
        let g = &ok[0].input;
        assert_eq!(g.identifiers[1].value, "00738693", "leading zeros restored");
        assert_eq!(g.postcode, "M5 3PF");
        assert_eq!(g.ward_id, Some(3));
        assert_eq!(g.category_ids, vec![7]);
        assert_eq!((g.faith, g.faith_name.as_str()), (true, "Christian"));
    }

    #[test]
    fn every_problem_is_named_by_row_and_column() {
        let (ok, bad) = lines(
            "name,postcode,charity_number,last_checked,categories_served,bme\n\
             Good Group,M5 3PF,,,,\n\
             ,WA15 OHF,12AB,yesterday,Pensioners,maybe\n",
        );
        assert_eq!(ok.len(), 1);
        let messages: Vec<&str> = bad[0].problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "row 3, column charity_number: 12AB is not a charity number: it should be 5 to 8 digits, such as 1123456",
                "row 3, column last_checked: \"yesterday\" is not a date: use 2026-03-14, 14/03/2026 or 14 March 2026",
                "row 3, column categories_served: there is no category called \"Pensioners\": add it under Categories first, or correct the name",
                "row 3, column bme: \"maybe\" is not a BME answer: use led, serving, led; serving, or no",
                "row 3, column name: enter the group's name",
                "row 3, column postcode: WA15 OHF is not a UK postcode (is WA15 0HF meant? A \
                 postcode has the number 0 there, not the letter O)",
            ]
        );
        assert_eq!(bad[0].row, 3);
    }

    #[test]
    fn org_ids_carry_their_scheme_and_repeat_numbers_once() {
        let (ok, bad) = lines(
            "Recipient Org:Identifier,Recipient Org:Name,Recipient Org:Charity Number\n\
             GB-CHC-1110767,G Force,1110767\n\
             360G-trafford-be_active,Be Active,\n\
             nonsense,X,\n\
             gb-coh-9901361,Blue Sci,\n",
        );
        assert_eq!(
            ok[2].input.identifiers,
            vec![Identifier {
                scheme: "GB-COH".into(),
                value: "09901361".into()
            }]
        );
        assert_eq!(ok[0].input.identifiers.len(), 1);
        assert_eq!(ok[0].input.identifiers[0].scheme, "GB-CHC");
        assert_eq!(
            ok[1].input.identifiers[0],
            Identifier {
                scheme: "360G-TRAFFORD".into(),
                value: "be_active".into()
            }
        );
        assert!(bad[0].problems[0].message.contains("is not an org-id"));
    }

    #[test]
    fn a_charity_number_column_takes_scottish_and_northern_ireland_numbers_too() {
        let (ok, bad) = lines(
            "name,charity_number\n\
             Glasgow Group,SC012345\n\
             Edinburgh Group,sc 012346\n\
             Belfast Group,NIC100123\n\
             Derry Group,nic 100124\n\
             Salford Group,1123456\n\
             Short Scottish Group,SC0123\n",
        );
        let got: Vec<(&str, &str)> = ok
            .iter()
            .map(|l| {
                let i = &l.input.identifiers[0];
                (i.scheme.as_str(), i.value.as_str())
            })
            .collect();
        assert_eq!(
            got,
            [
                ("GB-SC", "SC012345"),
                ("GB-SC", "SC012346"),
                ("GB-NIC", "100123"),
                ("GB-NIC", "100124"),
                ("GB-CHC", "1123456"),
            ]
        );
        assert_eq!(
            bad[0].problems[0].message,
            "row 7, column charity_number: SC0123 is not a Scottish charity number: it should be SC and 6 digits, such as SC012345"
        );
    }
}
