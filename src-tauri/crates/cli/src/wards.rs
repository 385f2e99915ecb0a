//! `compactdir wards load FILE.csv [--district NAME]`: load a ward list, such as the ONS ward to
//! local authority lookup (columns wd22cd, wd22nm, lad22nm; or code, name, district).

use std::path::PathBuf;

use clap::Subcommand;
use compactdir_core::error::{CoreError, FieldProblem, Result};
use compactdir_core::store::WardRow;
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
            let wards = read(&file, district.as_deref())?;
            let (added, updated) = store.load_wards(&wards)?;
            println!(
                "Read {} wards from {}: {added} added, {updated} renamed.",
                wards.len(),
                file.display()
            );
            Ok(())
        }
    }
}

fn read(file: &PathBuf, district: Option<&str>) -> Result<Vec<WardRow>> {
    let shown = file.display().to_string();
    let bad = |m: String| CoreError::Invalid(vec![FieldProblem::new("file", m)]);
    let mut reader = csv::Reader::from_path(file).map_err(|e| bad(format!("{shown}: {e}")))?;
    let headers = reader
        .headers()
        .map_err(|e| bad(format!("{shown}: {e}")))?
        .clone();
    let find = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let (Some(code), Some(name)) = (
        find(&["code", "wd22cd", "wd23cd", "wd24cd", "ward code"]),
        find(&["name", "wd22nm", "wd23nm", "wd24nm", "ward name", "ward"]),
    ) else {
        return Err(bad(format!(
            "{shown} has no ward code and name columns (expected code,name or the ONS wd22cd,wd22nm)"
        )));
    };
    let dist = find(&[
        "district",
        "lad22nm",
        "lad23nm",
        "lad24nm",
        "local authority",
    ]);
    let mut out = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let row = i + 2; // as a spreadsheet numbers it, the header being row 1
        let rec = rec.map_err(|e| bad(format!("{shown}, row {row}: {e}")))?;
        let get = |c: usize| rec.get(c).unwrap_or("").trim().to_string();
        let w = WardRow {
            code: get(code),
            name: get(name),
            district: dist.map(get).unwrap_or_default(),
        };
        if w.code.is_empty() || w.name.is_empty() {
            return Err(bad(format!(
                "{shown}, row {row}: the ward code and name must not be empty"
            )));
        }
        if district.is_none_or(|d| w.district.eq_ignore_ascii_case(d)) {
            out.push(w);
        }
    }
    if out.is_empty() {
        return Err(bad(format!(
            "{shown} has no wards{}",
            district.map(|d| format!(" in {d}")).unwrap_or_default()
        )));
    }
    Ok(out)
}
