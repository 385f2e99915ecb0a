//! Open Referral UK (the UK profile of the Human Services Data Specification): the
//! `organizations` table, and `organization_identifiers` for charity and company numbers, as CSV
//! files in a folder, each with every column its table schema lists. Ids are UUIDs made from this
//! directory's own id and the group's, so the same group has the same id in every export.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::csv::CsvWriter;
use crate::domain::identifier::scheme_label;
use crate::error::{io_at, Result};
use crate::store::{ExportedGroup, Store};

pub const ORGANIZATION_COLUMNS: &[&str] = &[
    "id",
    "name",
    "description",
    "email",
    "website",
    "logo",
    "uri",
    "parent_organization_id",
];
pub const IDENTIFIER_COLUMNS: &[&str] = &[
    "id",
    "organization_id",
    "identifier_scheme",
    "identifier_type",
    "identifier",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HsdsSummary {
    /// The files written, by name.
    pub files: Vec<String>,
    pub organizations: usize,
    pub identifiers: usize,
}

impl Store {
    /// Writes organizations.csv and organization_identifiers.csv into `dir` (made if needed).
    pub fn export_hsds(&self, dir: &Path) -> Result<HsdsSummary> {
        super::folder::make_folder(dir, "the Open Referral UK tables are")?;
        let prefix = self.directory_uuid()?[..18].to_string();
        let groups = self.groups_for_export()?;
        let org_path = dir.join("organizations.csv");
        let file = std::fs::File::create(&org_path).map_err(io_at("write to", &org_path))?;
        write_organizations(&groups, &prefix, file).map_err(io_at("write to", &org_path))?;
        let id_path = dir.join("organization_identifiers.csv");
        let file = std::fs::File::create(&id_path).map_err(io_at("write to", &id_path))?;
        let identifiers =
            write_identifiers(&groups, &prefix, file).map_err(io_at("write to", &id_path))?;
        Ok(HsdsSummary {
            files: vec![
                "organizations.csv".to_string(),
                "organization_identifiers.csv".to_string(),
            ],
            organizations: groups.len(),
            identifiers,
        })
    }
}

/// A UUID from the directory's prefix (its first three parts), a kind (0 for the group itself,
/// 1 and up for its identifiers) and the group's id.
fn uuid(prefix: &str, kind: usize, id: i64) -> String {
    format!("{prefix}-{:04x}-{:012x}", 0x8000 | (kind & 0x3fff), id)
}

/// A website as a URI: "www.example.org" gains "https://".
fn uri(website: &str) -> String {
    if website.is_empty() || website.contains("://") {
        website.to_string()
    } else {
        format!("https://{website}")
    }
}

/// Open Referral requires a description: what the group does, else its class and place.
fn description(g: &ExportedGroup) -> String {
    if !g.activities.is_empty() {
        return g.activities.clone();
    }
    let mut d = g.class.label().to_string();
    if let Some(w) = &g.ward {
        d.push_str(&format!(" in {w} ward"));
    }
    if !g.postcode.is_empty() {
        d.push_str(&format!(" ({})", g.postcode));
    }
    d
}

pub fn write_organizations(
    groups: &[ExportedGroup],
    prefix: &str,
    out: impl Write,
) -> std::io::Result<()> {
    let mut w = CsvWriter::new(std::io::BufWriter::new(out))?;
    w.row(ORGANIZATION_COLUMNS)?;
    for g in groups {
        w.row([
            uuid(prefix, 0, g.id),
            g.name.clone(),
            description(g),
            g.email.clone(),
            uri(&g.website),
            String::new(),
            String::new(),
            String::new(),
        ])?;
    }
    w.finish()?;
    Ok(())
}

/// Returns how many identifiers were written.
pub fn write_identifiers(
    groups: &[ExportedGroup],
    prefix: &str,
    out: impl Write,
) -> std::io::Result<usize> {
    let mut w = CsvWriter::new(std::io::BufWriter::new(out))?.text_columns(&[4]);
    w.row(IDENTIFIER_COLUMNS)?;
    let mut n = 0;
    for g in groups {
        for (i, ident) in g.identifiers.iter().enumerate() {
            w.row([
                uuid(prefix, i + 1, g.id),
                uuid(prefix, 0, g.id),
                ident.scheme.clone(),
                scheme_label(&ident.scheme).to_string(),
                ident.value.clone(),
            ])?;
            n += 1;
        }
    }
    w.finish()?;
    Ok(n)
}
