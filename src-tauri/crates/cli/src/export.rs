//! `compactdir export review --year YYYY --out DIR` (the annual partnership review pack),
//! `compactdir export groups [--out FILE]` (standard output without `--out`) and
//! `compactdir export hsds --out DIR` (Open Referral UK tables).

use std::path::PathBuf;

use clap::Subcommand;
use compactdir_core::error::Result;
use compactdir_core::export::output_file::{self, IfThere};
use compactdir_core::Store;

#[derive(Subcommand)]
pub enum Action {
    /// groups.csv: id, name, other_names, charity_number, company_number, postcode, ward, class,
    /// suggested_class, community_features, voluntary_features, faith_group, bme,
    /// categories_served, last_checked, status, address, email, phone, website, activities,
    /// wards_served, community_of_interest, enterprise, last_checked_by, class_reason. Missing
    /// folders above FILE are made.
    Groups {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The annual partnership review pack for a year: partnerships.csv, seats.csv, gaps.csv,
    /// groups.csv and README.txt in DIR.
    Review {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The day to judge the current year by (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::day::day)]
        today: Option<chrono::NaiveDate>,
    },
    /// Open Referral UK: organizations.csv and organization_identifiers.csv in DIR, of the
    /// active groups (closed and dormant ones are left out).
    Hsds {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    match action {
        Action::Groups { out: Some(path) } => {
            let file = output_file::create(&path, store.path(), IfThere::Replace, "--out")?;
            let n = store.export_groups(file, &path.display().to_string())?;
            eprintln!("{n} groups written to {}", path.display());
            Ok(())
        }
        Action::Groups { out: None } => {
            store.export_groups(std::io::stdout().lock(), "standard output")?;
            Ok(())
        }
        Action::Review { year, out, today } => {
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
            let p = store.export_review(year, &out, today)?;
            println!(
                "Review pack for {} (judged as at {}) written to {}: {} partnerships, {} seats, {} gap cells, {} groups. It contains personal data.",
                p.year,
                // The day in words, as the pack's README.txt and the window say it.
                compactdir_core::domain::flags::stored_date_in_words(&p.as_of),
                p.folder.display(),
                p.partnerships,
                p.seats,
                p.gaps,
                p.groups
            );
            Ok(())
        }
        Action::Hsds { out } => {
            let s = store.export_hsds(&out)?;
            println!(
                "{} organizations and {} identifiers written to {} ({}); {} closed or dormant groups left out",
                s.organizations,
                s.identifiers,
                out.display(),
                s.files.join(", "),
                s.left_out
            );
            Ok(())
        }
    }
}
