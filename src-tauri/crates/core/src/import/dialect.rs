//! What kind of CSV a file is, as users' files really are: UTF-8 with or without a byte-order
//! mark, UTF-16 (Excel's "Unicode text"), else Windows-1252 (what Excel on Windows saves as
//! "CSV"); commas, semicolons (European Excel) or tabs; a header row, perhaps under a title line
//! or two. Cells are tidied as they are read (`read`), or by the reader as it uses each row
//! (`read_raw`, for a long import): non-breaking spaces become spaces, and `NA`, `N/A`,
//! `No data`, `—` mean empty.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::domain::group::{is_tidy, tidy};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
    /// UTF-8 with some bytes that are not: a file saved as UTF-8 and then edited in a program
    /// that wrote Windows-1252 (a £ typed in an old Excel). Each is read as Windows-1252.
    Utf8WithWindows1252,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with byte-order mark",
            Encoding::Utf16Le => "UTF-16 (Excel Unicode text)",
            Encoding::Utf16Be => "UTF-16 big-endian",
            Encoding::Windows1252 => "Windows-1252 (Excel on Windows)",
            Encoding::Utf8WithWindows1252 => {
                "UTF-8, with some characters in Windows-1252 (read as such)"
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Delimiter::Comma => "commas",
            Delimiter::Semicolon => "semicolons",
            Delimiter::Tab => "tabs",
        }
    }
}

/// What was found about a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dialect {
    pub encoding: Encoding,
    pub delimiter: Delimiter,
    /// The row (as a spreadsheet numbers them, from 1) holding the column names; `None` when the
    /// file has none and its columns are called "column 1", "column 2"...
    pub header_row: Option<usize>,
}

impl std::fmt::Display for Dialect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, separated by {}, ",
            self.encoding.label(),
            self.delimiter.label()
        )?;
        match self.header_row {
            Some(1) => write!(f, "column names in row 1"),
            Some(n) => write!(f, "column names in row {n} (rows above it skipped)"),
            None => write!(f, "no row of column names"),
        }
    }
}

/// A file read into rows of tidied cells.
#[derive(Debug, Clone)]
pub struct Table {
    pub dialect: Dialect,
    /// One name per column; an empty or repeated name is made unique ("column 5").
    pub headers: Vec<String>,
    /// Data rows with their spreadsheet row number; blank rows are left out.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// A file split into its data records, their cells not yet tidied: for a reader that tidies
/// each row where it uses it (`clean_cell_borrowed`), rather than keep a tidied copy of every
/// cell as `Table` does. Blank rows are still here.
#[derive(Debug, Clone)]
pub struct RawTable {
    pub dialect: Dialect,
    pub headers: Vec<String>,
    /// How many columns the row of column names names, to its last named one (empty names after
    /// it are trailing delimiters); `headers` may be longer, naming those and cells some row has
    /// beyond them ("column 4"). Without a row of column names, as many as `headers`.
    pub header_width: usize,
    /// Data rows with their spreadsheet row number.
    pub rows: Vec<(usize, csv::StringRecord)>,
}

/// Why a file cannot be read as a table at all. Each is worded to follow the file's name
/// ("grants.xlsx is not a text file ..."): `CoreError::ImportFile` puts the name in front.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    /// No bytes, or nothing but a byte-order mark, blank lines, spaces and separators.
    #[error("is empty: it has no column names and no rows")]
    Empty,
    /// Column names and not one row with a value under them.
    #[error(
        "has column names ({columns}) but no rows under them: there is nothing in it to import"
    )]
    NoRows { columns: String },
    /// A spreadsheet program's own file (an .xlsx or .ods is a zip archive; an .xls an Office
    /// compound file), saved or renamed as .csv. `0` says which it looks like.
    #[error(
        "is not a text file (it looks like {0}): open it in the spreadsheet and save it as CSV (File, Save As, CSV), then import the CSV file"
    )]
    Workbook(&'static str),
    /// Any other file that is not text: a picture, a PDF, a program.
    #[error("is not a text file (it looks like {0}): choose the spreadsheet saved as CSV instead")]
    Binary(&'static str),
    /// Text the CSV reader stopped on.
    #[error(
        "could not be read as CSV at row {row} ({reason}): save it from the spreadsheet as CSV"
    )]
    NotCsv { row: usize, reason: String },
}

/// What a file that is not text looks like, by the bytes it starts with: a workbook (told apart,
/// since its remedy is to save it as CSV), or another kind of binary file.
fn binary_kind(bytes: &[u8]) -> Option<FileProblem> {
    const KINDS: &[(&[u8], bool, &str)] = &[
        (
            b"PK\x03\x04",
            true,
            "an Excel .xlsx or LibreOffice .ods workbook",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            true,
            "an Excel .xls workbook",
        ),
        (b"\x89PNG", false, "a PNG picture"),
        (b"\xFF\xD8\xFF", false, "a JPEG picture"),
        (b"GIF8", false, "a GIF picture"),
        (b"%PDF", false, "a PDF document"),
    ];
    KINDS
        .iter()
        .find(|(magic, _, _)| bytes.starts_with(magic))
        .map(|(_, workbook, kind)| {
            if *workbook {
                FileProblem::Workbook(kind)
            } else {
                FileProblem::Binary(kind)
            }
        })
}

/// Whether decoded text is really the bytes of a binary file: text has no NUL, and hardly any
/// other control characters in its first 64 KiB (a stray one or two in a cell are allowed; a
/// binary file's bytes are one in ten of them).
fn looks_binary(text: &str) -> bool {
    let mut chars = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(64 * 1024) {
        chars += 1;
        match c {
            '\0' => return true,
            '\t' | '\n' | '\r' | '\x0C' => {}
            c if c.is_control() && (c as u32) < 0x80 => control += 1,
            _ => {}
        }
    }
    control > 2 && control * 20 > chars
}

/// Whether the text holds no cell value at all: only white space, separators and quotes.
fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | ';' | '"' | '\u{FEFF}'))
}

/// The file's text, or why it has none to read: empty, a workbook, not text at all.
///
/// # Errors
/// The `FileProblem` that stops it being read.
pub fn decode_text(bytes: &[u8]) -> Result<(Encoding, String), FileProblem> {
    if let Some(problem) = binary_kind(bytes) {
        return Err(problem);
    }
    let (encoding, text) = decode(bytes);
    if is_blank(&text) {
        return Err(FileProblem::Empty);
    }
    if looks_binary(&text) {
        return Err(FileProblem::Binary("a binary file"));
    }
    Ok((encoding, text))
}

/// Words publishers write in a cell that has no value.
const EMPTY_MARKERS: &[&str] = &[
    "na", "n/a", "n.a.", "no data", "—", "–", "-", "redacted", "withheld",
];

/// A cell as the importer sees it: white space (non-breaking too) folded, "no value" words empty.
pub fn clean_cell(s: &str) -> String {
    clean_cell_borrowed(s).into_owned()
}

/// `clean_cell`, borrowing the cell when it is tidy already (as nearly every cell is).
pub fn clean_cell_borrowed(s: &str) -> Cow<'_, str> {
    // Our own exports put an apostrophe before a cell that could start a formula: take it off.
    let s = match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    };
    let t = if is_tidy(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(tidy(s))
    };
    if EMPTY_MARKERS.iter().any(|m| t.eq_ignore_ascii_case(m)) {
        Cow::Borrowed("")
    } else {
        t
    }
}

/// Turns the bytes into text, saying which encoding they were in.
pub fn decode(bytes: &[u8]) -> (Encoding, String) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => (Encoding::Utf8Bom, s.to_string()),
            // Marked UTF-8, so what is not UTF-8 in it was typed in by something else.
            Err(_) => (Encoding::Utf8WithWindows1252, utf8_or_1252(rest).0),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (Encoding::Utf16Le, utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (Encoding::Utf16Be, utf16(rest, u16::from_be_bytes));
    }
    match utf16_without_mark(bytes) {
        Some(Encoding::Utf16Le) => return (Encoding::Utf16Le, utf16(bytes, u16::from_le_bytes)),
        Some(_) => return (Encoding::Utf16Be, utf16(bytes, u16::from_be_bytes)),
        None => {}
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Encoding::Utf8, s.to_string()),
        Err(_) => match utf8_or_1252(bytes) {
            // Letters written the UTF-8 way as well as bytes that are not: read each as it is,
            // not the whole file as Windows-1252 (which turned "Café" into "CafÃ©").
            (text, true) => (Encoding::Utf8WithWindows1252, text),
            (_, false) => (
                Encoding::Windows1252,
                bytes.iter().map(|b| windows_1252(*b)).collect(),
            ),
        },
    }
}

/// The bytes as UTF-8 where they are UTF-8, and each byte that is not as Windows-1252; with
/// whether any character beyond ASCII was written the UTF-8 way.
fn utf8_or_1252(bytes: &[u8]) -> (String, bool) {
    let mut out = String::with_capacity(bytes.len());
    let mut any_utf8 = false;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                any_utf8 |= !s.is_ascii();
                out.push_str(s);
                return (out, any_utf8);
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                let good = std::str::from_utf8(good).unwrap_or_default();
                any_utf8 |= !good.is_ascii();
                out.push_str(good);
                let n = e.error_len().unwrap_or(bad.len());
                out.extend(bad[..n].iter().map(|b| windows_1252(*b)));
                rest = &bad[n..];
            }
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

/// UTF-16 saved without a byte-order mark (some database and reporting tools do): each letter,
/// digit and separator of a Latin script is then a zero byte beside its code, always on the same
/// side (letters of other scripts have no zero byte). UTF-8 and Windows-1252 text never holds a
/// zero byte, and a binary file's zeros fall on both sides: so zeros on one side in a quarter of
/// the opening pairs or more, and hardly any on the other, are taken for UTF-16.
fn utf16_without_mark(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(2048) & !1];
    let pairs = head.len() / 2;
    let zeros = |side: usize| {
        head.iter()
            .skip(side)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (first, second) = (zeros(0), zeros(1));
    if pairs < 2 {
        None
    } else if second * 4 >= pairs && first * 10 <= second {
        Some(Encoding::Utf16Le)
    } else if first * 4 >= pairs && second * 10 <= first {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has curly quotes, dashes, € and so on.
fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => char::from_u32(HIGH[(b - 0x80) as usize] as u32).unwrap_or('\u{FFFD}'),
        _ => b as char,
    }
}

fn reader(text: &str, delimiter: Delimiter) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The delimiter that splits the first rows into the same number of columns most often, and into
/// the most columns when two tie. Every column counts, empty or not: a file's rows have as many
/// columns as its header whatever they fill, while the columns a delimiter found inside cells
/// would make vary from row to row (groups.csv lists other names as "A; B", and counting only
/// filled cells once read it as separated by semicolons).
fn detect_delimiter(text: &str) -> Delimiter {
    let sample_end = text
        .char_indices()
        .nth(64 * 1024)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let sample = &text[..sample_end];
    let mut best = (Delimiter::Comma, 0usize);
    for d in Delimiter::ALL {
        let widths: Vec<usize> = reader(sample, d)
            .records()
            .take(30)
            .filter_map(|r| r.ok())
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .map(|r| r.len())
            .collect();
        let mut counts = std::collections::HashMap::new();
        for w in &widths {
            *counts.entry(*w).or_insert(0usize) += 1;
        }
        let (width, agree) = counts
            .into_iter()
            .max_by_key(|(w, n)| (*n, *w))
            .unwrap_or((0, 0));
        if width < 2 {
            continue;
        }
        let score = agree * 100 + width;
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// A cell that reads as a value rather than a column's name: a number, a date, an amount.
fn looks_like_value(cell: &str) -> bool {
    let c = cell.trim();
    let digits = c.chars().filter(char::is_ascii_digit).count();
    digits * 2 > c.chars().count() || crate::domain::postcode::normalise(c).is_ok()
}

/// The first of the opening rows whose cells are all names (no numbers, dates or postcodes),
/// at least half as many as the widest row's, and mostly distinct: a name may repeat
/// ("Organisation, Address, Address, Address, Postcode" is a common layout; the repeats are
/// numbered by `unique_names`), but a row of one word over and over is not column names.
fn detect_header(first: &[Vec<String>]) -> Option<usize> {
    let widest = first
        .iter()
        .map(|r| r.iter().filter(|c| !c.is_empty()).count())
        .max()
        .unwrap_or(0);
    first.iter().take(10).position(|r| {
        let names: Vec<&String> = r.iter().filter(|c| !c.is_empty()).collect();
        let distinct: std::collections::HashSet<String> =
            names.iter().map(|n| n.to_lowercase()).collect();
        !names.is_empty()
            && names.len() * 2 >= widest
            && (names.len() >= 2 || widest == 1)
            && distinct.len() * 2 >= names.len()
            && names.iter().all(|c| !looks_like_value(c))
    })
}

/// What is learnt from a file's opening rows: its dialect and column names, and the rest to read.
struct Opening<'t> {
    dialect: Dialect,
    headers: Vec<String>,
    header_width: usize,
    /// The data rows among the opening ones, as split and as tidied.
    first: Vec<(usize, Vec<String>, Vec<String>)>,
    records: Records<'t>,
}

fn open(text: &str, encoding: Encoding) -> Result<Opening<'_>, FileProblem> {
    let delimiter = detect_delimiter(text);
    let mut records = Records::new(text, delimiter);
    let mut first: Vec<(usize, Vec<String>, Vec<String>)> = Vec::new();
    while first.len() < 12 {
        match records.next_record()? {
            Some((row, raw)) => {
                let cells = raw.iter().map(|c| clean_cell(c)).collect();
                first.push((row, raw, cells));
            }
            None => break,
        }
    }
    let cleaned: Vec<Vec<String>> = first.iter().map(|(_, _, c)| c.clone()).collect();
    let header = detect_header(&cleaned);
    let width = first.iter().map(|(_, r, _)| r.len()).max().unwrap_or(0);
    let headers = match header {
        Some(h) => unique_names(&first[h].1, width),
        None => unique_names(&[], width),
    };
    let header_row = header.map(|h| first[h].0);
    let header_width = header.map_or(headers.len(), |h| {
        first[h]
            .2
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1)
    });
    let start = header.map(|h| h + 1).unwrap_or(0);
    first.drain(..start.min(first.len()));
    Ok(Opening {
        dialect: Dialect {
            encoding,
            delimiter,
            header_row,
        },
        headers,
        header_width,
        first,
        records,
    })
}

/// Reads a file; `limit` stops after that many data rows (for a preview).
///
/// # Errors
/// When the file is empty, has no rows, is not text, or is not CSV (see `FileProblem`).
pub fn read(bytes: &[u8], limit: Option<usize>) -> Result<Table, FileProblem> {
    let Some(limit) = limit else {
        // A long import reads `read_raw` and tidies as it checks; a whole `Table` is for short
        // files and tests.
        let raw = read_raw(bytes)?;
        let rows = raw
            .rows
            .iter()
            .map(|(row, r)| (*row, r.iter().map(clean_cell).collect::<Vec<_>>()))
            .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
            .collect();
        return Ok(Table {
            dialect: raw.dialect,
            headers: raw.headers,
            rows,
        });
    };
    let (encoding, text) = decode_text(bytes)?;
    let mut o = open(&text, encoding)?;
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let push = |rows: &mut Vec<(usize, Vec<String>)>, row: usize, cells: Vec<String>| {
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push((row, cells));
        }
    };
    for (row, _, cells) in std::mem::take(&mut o.first) {
        push(&mut rows, row, cells);
    }
    while rows.len() < limit {
        match o.records.next_record()? {
            Some((row, raw)) => push(&mut rows, row, raw.iter().map(|c| clean_cell(c)).collect()),
            None => break,
        }
    }
    rows.truncate(limit);
    if rows.is_empty() {
        return Err(no_rows(&o.headers));
    }
    Ok(Table {
        dialect: o.dialect,
        headers: o.headers,
        rows,
    })
}

/// Reads a whole file into records, leaving the cells as the file has them.
///
/// # Errors
/// When the file is empty, has no rows, is not text, or is not CSV (see `FileProblem`).
pub fn read_raw(bytes: &[u8]) -> Result<RawTable, FileProblem> {
    let (encoding, text) = decode_text(bytes)?;
    let mut o = open(&text, encoding)?;
    let mut rows: Vec<(usize, csv::StringRecord)> = std::mem::take(&mut o.first)
        .into_iter()
        .map(|(row, raw, _)| (row, csv::StringRecord::from(raw)))
        .collect();
    while let Some(record) = o.records.next_raw()? {
        rows.push(record);
    }
    // Stops at the first row with a value: nearly always the first.
    if !rows
        .iter()
        .any(|(_, r)| r.iter().any(|c| !clean_cell_borrowed(c).is_empty()))
    {
        return Err(no_rows(&o.headers));
    }
    Ok(RawTable {
        dialect: o.dialect,
        headers: o.headers,
        header_width: o.header_width,
        rows,
    })
}

/// Records with the row a spreadsheet shows them on: blank lines count as rows, line breaks
/// inside quoted cells do not.
struct Records<'t> {
    text: &'t str,
    counted_to: usize,
    breaks_before: u64,
    reader: csv::Reader<&'t [u8]>,
    record: csv::StringRecord,
    inner_breaks: u64,
    last_row: usize,
}

impl<'t> Records<'t> {
    fn new(text: &'t str, delimiter: Delimiter) -> Self {
        Records {
            text,
            counted_to: 0,
            breaks_before: 0,
            reader: reader(text, delimiter),
            record: csv::StringRecord::new(),
            inner_breaks: 0,
            last_row: 0,
        }
    }

    fn next_record(&mut self) -> Result<Option<(usize, Vec<String>)>, FileProblem> {
        Ok(self
            .next_raw()?
            .map(|(row, record)| (row, record.iter().map(str::to_string).collect())))
    }

    /// The next record as the CSV reader split it (one allocation, not one per cell).
    fn next_raw(&mut self) -> Result<Option<(usize, csv::StringRecord)>, FileProblem> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                // Row = line breaks before the record, less those inside earlier quoted cells.
                let at = self
                    .record
                    .position()
                    .map(|p| p.byte() as usize)
                    .unwrap_or(0);
                // The reader's position is where it started looking, before any blank lines.
                let mut at = at.min(self.text.len());
                while matches!(self.text.as_bytes().get(at), Some(b'\r' | b'\n')) {
                    at += 1;
                }
                self.breaks_before += breaks(&self.text[self.counted_to..at]);
                self.counted_to = at;
                let row =
                    ((self.breaks_before - self.inner_breaks) as usize + 1).max(self.last_row + 1);
                self.last_row = row;
                self.inner_breaks += inner_breaks(&self.record);
                Ok(Some((row, self.record.clone())))
            }
            Err(e) => Err(unreadable(self.last_row + 1, &e)),
        }
    }
}

/// Line breaks as spreadsheets count them: CRLF, LF or a lone CR, each one. Every byte of a
/// file passes here, so breaks are found many bytes at a time (counting byte by byte was a
/// fifth of reading a 100,000-row file).
fn breaks(s: &str) -> u64 {
    let b = s.as_bytes();
    let lf = memchr::memchr_iter(b'\n', b).count();
    let lone_cr = memchr::memchr_iter(b'\r', b)
        .filter(|&i| b.get(i + 1) != Some(&b'\n'))
        .count();
    (lf + lone_cr) as u64
}

/// Line breaks inside a record's cells, found in all its cells at once. Without a CR, joining the
/// cells cannot make or hide a break; with one, a CR ending a cell and an LF starting the next
/// are two breaks, so those are counted cell by cell.
fn inner_breaks(record: &csv::StringRecord) -> u64 {
    let all = record.as_slice().as_bytes();
    if memchr::memchr(b'\r', all).is_some() {
        record.iter().map(breaks).sum()
    } else {
        memchr::memchr_iter(b'\n', all).count() as u64
    }
}

fn no_rows(headers: &[String]) -> FileProblem {
    FileProblem::NoRows {
        columns: headers.join(", "),
    }
}

fn unreadable(row: usize, e: &csv::Error) -> FileProblem {
    FileProblem::NotCsv {
        row,
        reason: e.to_string(),
    }
}

/// Column names as written, with empty ones called "column N" and repeats numbered.
fn unique_names(raw: &[String], width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(width);
    for i in 0..width.max(raw.len()) {
        let mut name = raw.get(i).map(|s| tidy(s)).unwrap_or_default();
        if name.is_empty() {
            name = format!("column {}", i + 1);
        }
        if out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
            name = format!("{name} ({})", i + 1);
        }
        out.push(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_counted_as_spreadsheets_count_them() {
        for (text, n) in [
            ("", 0),
            ("no break", 0),
            ("a\r\nb", 1),
            ("a\nb\n", 2),
            ("a\rb\r", 2),
            ("\r\r\n\n\r", 4),
            ("a\r\nb\nc\rd\r\n", 4),
        ] {
            assert_eq!(breaks(text), n, "{text:?}");
        }
    }

    #[test]
    fn line_breaks_in_cells_are_counted_as_spreadsheets_count_them() {
        for (cells, n) in [
            (vec!["", "no break"], 0),
            (vec!["a\r\nb", "c"], 1),
            (vec!["a\nb\n", "c\nd"], 3),
            (vec!["a\rb\r", "x"], 2),
            // A CR ending one cell and an LF starting the next are two breaks, not one CRLF.
            (vec!["a\r", "\nb"], 2),
            (vec!["\r\r\n\n\r", "a\r\nb\nc\rd\r\n"], 8),
        ] {
            let record = csv::StringRecord::from(cells.clone());
            assert_eq!(inner_breaks(&record), n, "{cells:?}");
        }
    }

    #[test]
    fn a_long_file_tidied_on_several_threads_keeps_its_rows_in_order() {
        // Long enough to be tidied in parallel; a quoted line break and a blank line shift the
        // spreadsheet's row numbers, which must survive the split.
        let mut text = String::from("name,notes\n\"Top\nGroup\",x\n\n");
        for i in 0..5_000 {
            text.push_str(&format!("  Group\u{a0}{i} ,N/A\n"));
        }
        let t = read(text.as_bytes(), None).unwrap();
        assert_eq!(t.rows.len(), 5_001);
        assert_eq!(
            t.rows[0],
            (2, vec!["Top Group".to_string(), "x".to_string()])
        );
        for (i, (row, cells)) in t.rows.iter().skip(1).enumerate() {
            assert_eq!(*row, i + 4, "spreadsheet row of group {i}");
            assert_eq!(cells, &[format!("Group {i}"), String::new()]);
        }
    }

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").0, Encoding::Utf8Bom);
        assert_eq!(
            decode("Café,b".as_bytes()),
            (Encoding::Utf8, "Café,b".into())
        );
        let (e, t) = decode(b"Caf\xE9 \x96 \x93quoted\x94 \x80");
        assert_eq!(e, Encoding::Windows1252);
        assert_eq!(t, "Café – \u{201C}quoted\u{201D} €");
        // A UTF-8 file with one £ typed by a Windows-1252 program: each read as it is (the whole
        // file read as Windows-1252 stored "CafÃ© CrÃ¨me"), with or without a byte-order mark.
        let mixed = b"name,fee\nCaf\xC3\xA9 Cr\xC3\xA8me,\xA35\n";
        assert_eq!(
            decode(mixed),
            (
                Encoding::Utf8WithWindows1252,
                "name,fee\nCafé Crème,£5\n".into()
            )
        );
        let marked: Vec<u8> = b"\xEF\xBB\xBF".iter().chain(mixed).copied().collect();
        assert_eq!(decode(&marked).1, "name,fee\nCafé Crème,£5\n");
        assert!(Encoding::Utf8WithWindows1252
            .label()
            .starts_with("UTF-8, with some"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\tb".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), (Encoding::Utf16Le, "a\tb".into()));
    }

    #[test]
    fn delimiters_and_header_rows_are_found() {
        let t = read(b"name;postcode;ward\nA;M5 3PF;Ordsall\nB;;\n", None).unwrap();
        assert_eq!(t.dialect.delimiter, Delimiter::Semicolon);
        assert_eq!(t.headers, ["name", "postcode", "ward"]);
        assert_eq!(t.rows.len(), 2);
        let t = read(
            b"Grants paid 2024\n\nname,amount,postcode\nA,100,M5 3PF\n",
            None,
        )
        .unwrap();
        assert_eq!(t.dialect.header_row, Some(3));
        assert_eq!(
            t.rows,
            vec![(4, vec!["A".into(), "100".into(), "M5 3PF".into()])]
        );
        let t = read(b"Age UK,100,M5 3PF\nB,200,M6 5JA\n", None).unwrap();
        assert_eq!(t.dialect.header_row, None);
        assert_eq!(t.headers, ["column 1", "column 2", "column 3"]);
        // A repeated name is still a row of column names, the repeats numbered; a row of one
        // word over and over is not.
        let t = read(
            b"Organisation,Address,Address,Address,Postcode\nA,1 High St,Sale,,M33 7XG\n",
            None,
        )
        .unwrap();
        assert_eq!(t.dialect.header_row, Some(1));
        assert_eq!(
            t.headers,
            [
                "Organisation",
                "Address",
                "Address (3)",
                "Address (4)",
                "Postcode"
            ]
        );
        let t = read(b"Yes,Yes,Yes,Yes\nA,1,2,3\n", None).unwrap();
        assert_eq!(t.dialect.header_row, None, "not the row of Yes");
    }

    #[test]
    fn semicolons_inside_cells_do_not_make_a_comma_file_semicolon_separated() {
        // As groups.csv writes its rows: "; " lists in the feature columns of every row, the
        // other cells filled on some rows and not others. Counting only filled cells, the commas
        // agreed on no width and the semicolons on 3, and the file was read as semicolons.
        let t = read(
            "name,community_features,voluntary_features,postcode,email,activities\r\n\
             A,1; 2,3; 4,,,\r\n\
             B,1; 2,3; 4,M5 3PF,,\r\n\
             C,1; 2,3; 4,M5 3PF,c@example.org,\r\n\
             D,1; 2,3; 4,M5 3PF,d@example.org,Lunch club\r\n\
             E,5,6,,,\r\n"
                .as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(t.dialect.delimiter, Delimiter::Comma);
        assert_eq!(t.headers[1], "community_features");
        assert_eq!(t.rows.len(), 5);
    }

    #[test]
    fn cells_are_tidied_and_empty_words_are_empty() {
        for empty in ["NA", "n/a", "No data", "—", " N/A "] {
            assert_eq!(clean_cell(empty), "", "{empty}");
        }
        assert_eq!(clean_cell("Age\u{a0}UK  Salford "), "Age UK Salford");
    }

    #[test]
    fn a_file_with_no_cell_to_read_is_empty() {
        let utf16_bom = [0xFF, 0xFE];
        for bytes in [
            &b""[..],
            b"\xEF\xBB\xBF",
            &utf16_bom,
            b"\r\n\n  \r\n\t\n",
            b"\xEF\xBB\xBF\r\n\r\n",
            b",,,\r\n;;\r\n\"\",\"\"\r\n",
        ] {
            assert_eq!(
                read(bytes, None).unwrap_err(),
                FileProblem::Empty,
                "{bytes:?}"
            );
            assert_eq!(
                read_raw(bytes).unwrap_err(),
                FileProblem::Empty,
                "{bytes:?}"
            );
            assert_eq!(read(bytes, Some(20)).unwrap_err(), FileProblem::Empty);
        }
        assert_eq!(
            FileProblem::Empty.to_string(),
            "is empty: it has no column names and no rows"
        );
    }

    #[test]
    fn a_file_with_column_names_and_no_rows_says_so() {
        // Only names; names then blank or "no value" rows; names under a title line.
        for bytes in [
            &b"Charity name,Postcode\r\n"[..],
            b"Charity name,Postcode",
            b"\xEF\xBB\xBFCharity name,Postcode\r\n,\r\nN/A,\r\n\r\n",
            b"Grants 2025\r\n\r\nCharity name,Postcode\r\n",
        ] {
            let no_rows = FileProblem::NoRows {
                columns: "Charity name, Postcode".into(),
            };
            assert_eq!(read(bytes, None).unwrap_err(), no_rows, "{bytes:?}");
            assert_eq!(read_raw(bytes).unwrap_err(), no_rows, "{bytes:?}");
            assert_eq!(read(bytes, Some(20)).unwrap_err(), no_rows, "{bytes:?}");
        }
        assert_eq!(
            FileProblem::NoRows {
                columns: "name, postcode".into()
            }
            .to_string(),
            "has column names (name, postcode) but no rows under them: there is nothing in it to import"
        );
        // One row with a value is a file to read.
        assert_eq!(
            read(b"Charity name,Postcode\r\n,\r\nAge UK,\r\n", Some(20))
                .unwrap()
                .rows
                .len(),
            1
        );
    }

    #[test]
    fn utf16_is_read_with_or_without_a_byte_order_mark_either_way_round() {
        let text = "Charity name\tPostcode\r\nCaf\u{e9} Forty\tM5 3PF\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let marked = |mark: &[u8], body: &[u8]| [mark, body].concat();
        for (bytes, encoding) in [
            (marked(b"\xFF\xFE", &le), Encoding::Utf16Le),
            (le.clone(), Encoding::Utf16Le),
            (marked(b"\xFE\xFF", &be), Encoding::Utf16Be),
            (be.clone(), Encoding::Utf16Be),
        ] {
            assert_eq!(decode(&bytes), (encoding, text.into()), "{encoding:?}");
            let t = read(&bytes, Some(20)).unwrap();
            assert_eq!(t.dialect.encoding, encoding);
            assert_eq!(t.dialect.delimiter, Delimiter::Tab);
            assert_eq!(t.headers, ["Charity name", "Postcode"]);
            assert_eq!(
                t.rows,
                vec![(2, vec!["Caf\u{e9} Forty".into(), "M5 3PF".into()])]
            );
        }
    }

    #[test]
    fn utf16_without_a_mark_is_found_with_names_in_other_scripts_too() {
        // Bengali letters have no zero byte in UTF-16; the separators and postcodes do.
        let text = "name,postcode\r\n\u{9AC}\u{9BE}\u{982}\u{9B2}\u{9BE} \u{9B8}\u{9AE}\u{9BF}\u{9A4}\u{9BF},M5 3PF\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le), (Encoding::Utf16Le, text.into()));
        assert_eq!(decode(&be), (Encoding::Utf16Be, text.into()));
        // A zero or two in UTF-8 text is not UTF-16; nor are a binary file's zeros on both sides.
        let stray = b"name,postcode\nA\x00B,M5 3PF\n";
        assert_eq!(decode(stray).0, Encoding::Utf8);
        let binary: Vec<u8> = (0..2048u32)
            .map(|i| if i % 3 == 0 { 0 } else { 65 })
            .collect();
        assert_eq!(decode(&binary).0, Encoding::Utf8);
    }

    #[test]
    fn a_workbook_or_other_binary_file_is_not_read_as_text() {
        let problem = |bytes: &[u8]| read_raw(bytes).unwrap_err();
        // An .xlsx (and an .ods) is a zip archive; an .xls an Office compound file.
        let mut xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
        xlsx.extend_from_slice(b"[Content_Types].xml");
        assert_eq!(
            problem(&xlsx),
            FileProblem::Workbook("an Excel .xlsx or LibreOffice .ods workbook")
        );
        assert_eq!(
            problem(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"),
            FileProblem::Workbook("an Excel .xls workbook")
        );
        assert_eq!(
            problem(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            FileProblem::Binary("a PNG picture")
        );
        assert_eq!(
            problem(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3"),
            FileProblem::Binary("a PDF document")
        );
        // Bytes of no known kind: a NUL, or many control characters, say it is not text.
        let any: Vec<u8> = (0..=255u8).cycle().skip(1).take(2000).collect();
        assert_eq!(problem(&any), FileProblem::Binary("a binary file"));
        assert_eq!(
            problem(b"name,postcode\nA\x00B,M5 3PF\n"),
            FileProblem::Binary("a binary file")
        );
        let utf16_nul: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\0b,c".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(problem(&utf16_nul), FileProblem::Binary("a binary file"));
        assert_eq!(
            FileProblem::Workbook("an Excel .xls workbook").to_string(),
            "is not a text file (it looks like an Excel .xls workbook): open it in the spreadsheet and save it as CSV (File, Save As, CSV), then import the CSV file"
        );
    }

    #[test]
    fn text_with_a_stray_control_character_in_a_cell_is_still_text() {
        // Excel writes a line break inside a cell of some exports as a vertical tab.
        let t = read(b"name,activities\nA,Lunch\x0bclub\nB,Choir\n", None).unwrap();
        assert_eq!(t.rows.len(), 2);
        let t = read(b"Caf\xE9 name,postcode\nA,M5 3PF\n", None).unwrap();
        assert_eq!(t.dialect.encoding, Encoding::Windows1252);
    }

    #[test]
    fn trailing_delimiters_and_empty_names_get_column_names() {
        let t = read(b"name,,postcode,\r\nA,x,M5 3PF,\r\n", None).unwrap();
        assert_eq!(t.headers, ["name", "column 2", "postcode", "column 4"]);
    }
}
