//! Standard output, where the listings go as CSV. A failed write keeps the system's own error, so
//! a reader that stopped early (`compactdir groups list | head -5`) is known as such in `main`.
//! Every cell goes through the exports' neutralisation (a leading apostrophe before `=`, `+`, `-`,
//! `@`, tab or CR), since these listings get saved with `> file.csv` and opened in a spreadsheet;
//! there is no byte-order mark, which would be a stray character to a program reading the pipe
//! (the export commands write files for spreadsheets).

use std::io::Write;

use compactdir_core::export::csv::neutralise;
use compactdir_core::CoreError;

/// A CSV writer whose cells cannot start a formula in a spreadsheet.
pub struct Csv<W: Write>(csv::Writer<W>);

/// The CSV writer for standard output.
pub fn stdout_csv() -> Csv<std::io::StdoutLock<'static>> {
    Csv::new(std::io::stdout().lock())
}

impl<W: Write> Csv<W> {
    pub fn new(out: W) -> Self {
        Csv(csv::Writer::from_writer(out))
    }

    pub fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.0.write_record(
            record
                .into_iter()
                .map(|c| neutralise(c.as_ref()).into_owned()),
        )
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// A CSV write to standard output that failed, as the core's `Io`.
pub fn stdout_error(e: csv::Error) -> CoreError {
    let source = match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        // Not met when writing rows of text; kept rather than lost.
        other => std::io::Error::other(format!("{other:?}")),
    };
    CoreError::Io {
        doing: "write to",
        path: "standard output".into(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Standard output with nobody reading it any more.
    struct Closed;

    impl std::io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn no_cell_starts_a_formula() {
        let mut out = Csv::new(Vec::new());
        out.write_record(["=SUM(1,1)", "-Dash", "Age UK", "@home", "+44"])
            .unwrap();
        out.flush().unwrap();
        let written = String::from_utf8(out.0.into_inner().unwrap()).unwrap();
        assert_eq!(written, "\"'=SUM(1,1)\",'-Dash,Age UK,'@home,'+44\n");
    }

    #[test]
    fn a_closed_pipe_is_known_as_one_through_the_csv_writer() {
        let mut out = csv::Writer::from_writer(Closed);
        out.write_record(["id", "name"]).unwrap();
        let e = stdout_error(out.flush().map_err(csv::Error::from).unwrap_err());
        assert!(e.is_broken_pipe(), "{e}");
    }
}
