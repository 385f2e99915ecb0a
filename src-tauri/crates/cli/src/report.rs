//! `compactdir report flags [--today YYYY-MM-DD]`: every flag on every seat, as CSV.

use chrono::NaiveDate;
use clap::Subcommand;
use compactdir_core::error::{CoreError, Result};
use compactdir_core::Store;

#[derive(Subcommand)]
pub enum Action {
    /// Every flag as CSV: partnership, seat, holder, group, flag, message.
    Flags {
        /// The day to judge terms and intervals by (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    match action {
        Action::Flags { today } => {
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
            let mut out = csv::Writer::from_writer(std::io::stdout().lock());
            let io = |e: csv::Error| CoreError::Io {
                path: "standard output".into(),
                source: e.into(),
            };
            out.write_record(["partnership", "seat", "holder", "group", "flag", "message"])
                .map_err(io)?;
            for f in store.flags(today)? {
                out.write_record([
                    f.partnership.as_str(),
                    &f.seat,
                    &f.holder,
                    &f.group,
                    f.flag.kind.as_str(),
                    &f.flag.message,
                ])
                .map_err(io)?;
            }
            out.flush().map_err(|e| io(e.into()))
        }
    }
}
