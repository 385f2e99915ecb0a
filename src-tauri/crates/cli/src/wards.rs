//! `compactdir wards load FILE.csv [--district NAME]`: load a ward list, such as the ONS ward to
//! local authority lookup (columns wd22cd, wd22nm, lad22nm; or code, name, district).
//! `compactdir wards list`: the districts and how many wards, groups and seats each has.
//! `compactdir wards remove --district NAME`: remove a district's wards, refused while anything
//! uses them. The core reads the list and holds the rules (`import::wards`, `Store`); this prints
//! what was done.

use std::path::PathBuf;

use clap::Subcommand;
use compactdir_core::error::{district_wards, Result};
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
    /// The districts in the ward list, with their wards and the groups and seats using them.
    List,
    /// Remove every ward of a district; refused while a group or seat uses one of them.
    Remove {
        /// The district as `wards list` names it (for example Salford).
        #[arg(long)]
        district: String,
    },
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    match action {
        Action::Load { file, district } => {
            let wards = wards::read_file(&file, district.as_deref())?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| file.display().to_string());
            let done = store.load_wards(&wards, &name)?;
            println!(
                "Read {} from {}: {} added, {} renamed.",
                plural(done.read, "ward", "wards"),
                file.display(),
                done.added,
                done.renamed
            );
            Ok(())
        }
        Action::List => {
            let districts = store.ward_districts()?;
            if districts.is_empty() {
                println!("No wards have been loaded.");
            }
            for d in districts {
                println!(
                    "{}: {}, used by {} and {}",
                    if d.name.is_empty() {
                        "(no district)"
                    } else {
                        &d.name
                    },
                    plural(d.wards, "ward", "wards"),
                    plural(d.groups, "group", "groups"),
                    plural(d.seats, "seat", "seats")
                );
            }
            Ok(())
        }
        Action::Remove { district } => {
            let removed = store.remove_ward_district(&district)?;
            let named = store
                .ward_list_changes()?
                .into_iter()
                .next()
                .map(|c| c.district)
                .unwrap_or(district);
            println!(
                "Removed {} ({}).",
                district_wards(&named),
                plural(removed, "ward", "wards")
            );
            Ok(())
        }
    }
}
