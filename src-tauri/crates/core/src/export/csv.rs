//! The one CSV writer every export uses. UTF-8 with a byte-order mark (so Excel reads accents),
//! CRLF line ends (RFC 4180), quotes where a cell needs them, text columns always quoted (numbers
//! such as 00738693 are text, never figures), and any cell starting with `=`, `+`, `-`, `@`, tab or
//! CR given a leading apostrophe so a spreadsheet shows it instead of running it (OWASP, CSV
//! injection). The importer takes that apostrophe off again.

use std::io::{self, Write};

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Characters that make a spreadsheet treat a cell as a formula.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub struct CsvWriter<W: Write> {
    out: W,
    /// Columns always quoted (identifiers, phone numbers).
    text_columns: Vec<usize>,
    /// One line's text, kept between rows so a long file is not a string allocated per row.
    line: String,
}

impl<W: Write> CsvWriter<W> {
    /// Starts a file: writes the byte-order mark.
    pub fn new(mut out: W) -> io::Result<Self> {
        out.write_all(BOM)?;
        Ok(CsvWriter {
            out,
            text_columns: Vec::new(),
            line: String::new(),
        })
    }

    pub fn text_columns(mut self, columns: &[usize]) -> Self {
        self.text_columns = columns.to_vec();
        self
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> io::Result<()> {
        self.line.clear();
        render_into(&mut self.line, cells, &self.text_columns);
        self.out.write_all(self.line.as_bytes())
    }

    /// A row as this writer would write it, to be written later with `write_rendered` (rows
    /// made in one order and written in another).
    pub fn render<S: AsRef<str>>(&self, cells: impl IntoIterator<Item = S>) -> String {
        let mut line = String::new();
        render_into(&mut line, cells, &self.text_columns);
        line
    }

    pub fn write_rendered(&mut self, line: &str) -> io::Result<()> {
        self.out.write_all(line.as_bytes())
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

fn render_into<S: AsRef<str>>(
    line: &mut String,
    cells: impl IntoIterator<Item = S>,
    text_columns: &[usize],
) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        push_cell(line, cell.as_ref(), text_columns.contains(&i));
    }
    line.push_str("\r\n");
}

/// The cell as a spreadsheet may safely show it: a leading apostrophe before a formula start.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn push_cell(line: &mut String, cell: &str, always_quote: bool) {
    let cell = neutralise(cell);
    let needs = always_quote && !cell.is_empty()
        || cell.contains([',', '"', '\r', '\n'])
        || cell.starts_with([' ', '\''])
        || cell.ends_with(' ');
    if needs {
        line.push('"');
        for part in cell.split_inclusive('"') {
            line.push_str(part);
            if part.ends_with('"') {
                line.push('"');
            }
        }
        line.push('"');
    } else {
        line.push_str(&cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(rows: &[&[&str]]) -> String {
        let mut w = CsvWriter::new(Vec::new()).unwrap().text_columns(&[1]);
        for r in rows {
            w.row(r.iter()).unwrap();
        }
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    #[test]
    fn bom_crlf_and_quotes_where_needed() {
        assert_eq!(
            written(&[&["name", "number"], &["Age UK, Salford", "00738693"], &["Say \"hi\"\nthere", ""]]),
            "\u{feff}name,\"number\"\r\n\"Age UK, Salford\",\"00738693\"\r\n\"Say \"\"hi\"\"\nthere\",\r\n"
        );
    }

    #[test]
    fn formula_starts_are_neutralised() {
        for bad in ["=1+2", "+44 161 000", "-2", "@SUM(A1)", "\tx", "\rx"] {
            let out = written(&[&[bad, ""]]);
            let cell = out.trim_start_matches('\u{feff}');
            assert!(
                cell.starts_with("\"'") || cell.starts_with('\''),
                "{bad:?} became {cell:?}"
            );
        }
        assert_eq!(neutralise("Age UK"), "Age UK");
    }
}
