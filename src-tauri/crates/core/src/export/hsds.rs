//! Open Referral UK (the UK profile of the Human Services Data Specification): the
//! `organizations` table, and `organization_identifiers` for charity and company numbers, as CSV
//! files in a folder, each with every column its table schema lists. Ids are UUIDs made from this
//! directory's own id and the group's, so the same group has the same id in every export (an
//! identifier's also from its scheme and value, not its place in the group's list).
//! Only active groups are published: a service directory fed from these tables would send people
//! to a closed group, or to a dormant one that is not meeting, and the tables have no column to
//! say either.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::csv::CsvWriter;
use super::folder::Staged;
use crate::domain::classification::GroupClass;
use crate::domain::group::Status;
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
    /// Closed and dormant groups, not published.
    pub left_out: usize,
}

impl Store {
    /// Writes organizations.csv and organization_identifiers.csv into `dir` (made if needed).
    pub fn export_hsds(&self, dir: &Path) -> Result<HsdsSummary> {
        super::folder::make_folder(dir, "the Open Referral UK tables are")?;
        let prefix = self.directory_uuid()?[..18].to_string();
        let mut groups = self.groups_for_export()?;
        let all = groups.len();
        groups.retain(|g| g.status == Status::Active);
        // Both tables are put in place together, or neither (see `Staged`).
        let mut staged = Staged::new(dir);
        let (file, org_path) = staged.create("organizations.csv")?;
        let (id_file, id_path) = staged.create("organization_identifiers.csv")?;
        write_organizations(&groups, &prefix, file).map_err(io_at("write to", &org_path))?;
        let identifiers =
            write_identifiers(&groups, &prefix, id_file).map_err(io_at("write to", &id_path))?;
        staged.commit()?;
        Ok(HsdsSummary {
            files: vec![
                "organizations.csv".to_string(),
                "organization_identifiers.csv".to_string(),
            ],
            organizations: groups.len(),
            identifiers,
            left_out: all - groups.len(),
        })
    }
}

/// A UUID from the directory's prefix (its first three parts), a kind (0 for the group itself)
/// and the group's id.
fn uuid(prefix: &str, kind: usize, id: i64) -> String {
    format!("{prefix}-{:04x}-{:012x}", 0x8000 | (kind & 0x3fff), id)
}

/// An identifier's UUID, from the directory's prefix, its group's id and its scheme and value, so
/// it keeps its id when the group's other identifiers change (not its place in the list): 62
/// bits of a 64-bit FNV-1a hash (fixed by its definition, unlike std's hasher), the fourth part
/// never 8000, which is the group's own.
fn identifier_uuid(prefix: &str, group_id: i64, scheme: &str, value: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [group_id.to_string(), scheme.to_string(), value.to_string()];
    for part in &parts {
        // Each part ends with a byte no text holds, so ("GB-C", "HC1") is not ("GB-CH", "C1").
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    let kind = 1 + (h >> 48) % 0x3fff;
    format!(
        "{prefix}-{:04x}-{:012x}",
        0x8000 | kind,
        h & 0xffff_ffff_ffff
    )
}

/// A website as a URI: "www.example.org" gains "https://".
fn uri(website: &str) -> String {
    if website.is_empty() || website.contains("://") {
        website.to_string()
    } else {
        format!("https://{website}")
    }
}

/// Open Referral requires a description: what the group does, else what kind of group it is
/// and where.
fn description(g: &ExportedGroup) -> String {
    describe(&g.activities, g.class, g.ward.as_deref(), &g.postcode)
}

/// The description from its parts. A class is said as the public would read it: "Not yet
/// classified" and "Mixed" are the directory's own working words, not a description (a
/// tester found 301 of 1,017 real charities published as "Not yet classified").
fn describe(activities: &str, class: GroupClass, ward: Option<&str>, postcode: &str) -> String {
    if !activities.is_empty() {
        return activities.to_string();
    }
    let mut d = match class {
        GroupClass::Community => "A community group",
        GroupClass::Voluntary => "A voluntary organisation",
        GroupClass::Mixed | GroupClass::Unclassified => "A voluntary or community group",
    }
    .to_string();
    if let Some(w) = ward {
        d.push_str(&format!(" in {w} ward"));
    }
    if !postcode.is_empty() {
        d.push_str(&format!(" ({postcode})"));
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
        for ident in &g.identifiers {
            w.row([
                identifier_uuid(prefix, g.id, &ident.scheme, &ident.value),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_with_no_activities_is_described_in_public_words() {
        assert_eq!(
            describe("", GroupClass::Unclassified, Some("Ordsall"), "M5 3PF"),
            "A voluntary or community group in Ordsall ward (M5 3PF)"
        );
        assert_eq!(
            describe("", GroupClass::Community, None, "M5 3PF"),
            "A community group (M5 3PF)"
        );
        assert_eq!(
            describe("", GroupClass::Mixed, None, ""),
            "A voluntary or community group"
        );
        assert_eq!(
            describe("Lunch club", GroupClass::Voluntary, None, ""),
            "Lunch club"
        );
    }

    /// Consumers match rows by id from one export to the next: the value is pinned, so a
    /// change to how it is made (which would re-id every identifier) fails here first.
    #[test]
    fn an_identifiers_id_is_fixed_by_its_group_scheme_and_value() {
        let prefix = "0f1e2d3c-4b5a-4978";
        let id = identifier_uuid(prefix, 31, "GB-COH", "08376463");
        assert_eq!(id, "0f1e2d3c-4b5a-4978-8bb7-0296d319aaf3");
        assert_ne!(id, identifier_uuid(prefix, 31, "GB-CHC", "08376463"));
        assert_ne!(id, identifier_uuid(prefix, 32, "GB-COH", "08376463"));
        assert_ne!(&id[19..23], "8000", "never the group's own id");
    }
}
