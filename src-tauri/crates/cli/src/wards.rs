//! `compactdir wards load FILE.csv [--district NAME]`: load a ward list, such as the ONS ward to
//! local authority lookup (columns wd22cd, wd22nm, lad22nm; or code, name, district). The core
//! reads the list (`import::wards`); this prints what was done.

use std::path::PathBuf;

use clap::Subcommand;
use compactdir_core::error::Result;
use compactdir_core::import::wards;
use compactdir_core::Store;

#[derive(Subcommand)]
pub enum Action {
    /// Add the wards in a CSV file (renaming those whose code is already known).
    Load {
        file: PathBuf,
        /// Only the wards of this local authority district (for example Salford).
        #[arg(long)]
        district: Option<String>,
    },
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    match action {
        Action::Load { file, district } => {
            let wards = wards::read_file(&file, district.as_deref())?;
            let (added, updated) = store.load_wards(&wards)?;
            println!(
                "Read {} ward{} from {}: {added} added, {updated} renamed.",
                wards.len(),
                if wards.len() == 1 { "" } else { "s" },
                file.display()
            );
            Ok(())
        }
    }
}
