//! Standard output, where the listings go as CSV. A failed write keeps the system's own error, so
//! a reader that stopped early (`compactdir groups list | head -5`) is known as such in `main`.

use compactdir_core::CoreError;

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
    fn a_closed_pipe_is_known_as_one_through_the_csv_writer() {
        let mut out = csv::Writer::from_writer(Closed);
        out.write_record(["id", "name"]).unwrap();
        let e = stdout_error(out.flush().map_err(csv::Error::from).unwrap_err());
        assert!(e.is_broken_pipe(), "{e}");
    }
}
