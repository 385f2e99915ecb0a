//! `compactdir export groups [--out FILE]` (standard output without `--out`) and
//! `compactdir export hsds --out DIR` (Open Referral UK tables).

use std::path::PathBuf;

use clap::Subcommand;
use compactdir_core::error::{CoreError, Result};
use compactdir_core::Store;

#[derive(Subcommand)]
pub enum Action {
    /// groups.csv: id, name, other_names, charity_number, company_number, postcode, ward, class,
    /// suggested_class, community_features, voluntary_features, faith_group, bme,
    /// categories_served, last_checked, status.
    Groups {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Open Referral UK: organizations.csv and organization_identifiers.csv in DIR.
    Hsds {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    match action {
        Action::Groups { out: Some(path) } => {
            let file = std::fs::File::create(&path).map_err(|source| CoreError::Io {
                path: path.display().to_string(),
                source,
            })?;
            let n = store.export_groups(file, &path.display().to_string())?;
            eprintln!("{n} groups written to {}", path.display());
            Ok(())
        }
        Action::Groups { out: None } => {
            store.export_groups(std::io::stdout().lock(), "standard output")?;
            Ok(())
        }
        Action::Hsds { out } => {
            let s = store.export_hsds(&out)?;
            println!(
                "{} organizations and {} identifiers written to {} ({})",
                s.organizations,
                s.identifiers,
                out.display(),
                s.files.join(", ")
            );
            Ok(())
        }
    }
}
