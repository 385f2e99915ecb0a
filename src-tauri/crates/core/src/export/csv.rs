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
}

impl<W: Write> CsvWriter<W> {
    /// Starts a file: writes the byte-order mark.
    pub fn new(mut out: W) -> io::Result<Self> {
        out.write_all(BOM)?;
        Ok(CsvWriter {
            out,
            text_columns: Vec::new(),
        })
    }

    pub fn text_columns(mut self, columns: &[usize]) -> Self {
        self.text_columns = columns.to_vec();
        self
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> io::Result<()> {
        let mut line = String::new();
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            push_cell(&mut line, cell.as_ref(), self.text_columns.contains(&i));
        }
        line.push_str("\r\n");
        self.out.write_all(line.as_bytes())
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
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
        line.push_str(&cell.replace('"', "\"\""));
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
