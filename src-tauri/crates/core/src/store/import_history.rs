//! Every import, of groups and of seats, newest first: what the Import and export screen lists so
//! that an import can be undone later, not only straight after it was saved.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::group_import::ImportRecord;
use super::Store;
use crate::domain::words::plural;
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Groups,
    Seats,
}

/// One earlier import, either kind, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EarlierImport {
    pub kind: ImportKind,
    /// The import's id among those of its kind (what its undo takes).
    pub id: i64,
    pub file_name: String,
    /// UTC, as the import's record keeps it.
    pub at: String,
    /// Who imported it (group imports made before migration 12 do not say).
    pub actor: Option<String>,
    /// What it saved, in words.
    pub what: String,
    pub undone_at: Option<String>,
}

/// A record's time, for putting the two kinds in order (one keeps seconds, the other
/// milliseconds, so their text does not sort alike).
fn when(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A record's UTC time as a person reads it: "24 November 2026 at 15:14 UTC".
pub(super) fn time_in_words(at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.format("%-d %B %Y at %H:%M UTC").to_string())
        .unwrap_or_else(|_| at.to_string())
}

/// What a groups import saved, in figures that add up to the rows read: "555 rows read: 282 groups
/// added, 45 updated, 228 unchanged, 0 skipped, 0 rejected". Imports made before migration 13 did
/// not record the rows read or those that changed nothing, and the words say so.
pub fn groups_import_words(i: &ImportRecord) -> String {
    let counts = |unchanged: String| {
        format!(
            "{} added, {} updated, {unchanged}{} skipped, {} rejected",
            plural(i.added as usize, "group", "groups"),
            i.updated,
            i.skipped,
            i.rejected
        )
    };
    match (i.read, i.unchanged) {
        (Some(read), Some(unchanged)) => format!(
            "{} read: {}",
            plural(read as usize, "row", "rows"),
            counts(format!("{unchanged} unchanged, "))
        ),
        _ => format!(
            "{} (rows that changed nothing were not recorded by this version then)",
            counts(String::new())
        ),
    }
}

impl Store {
    /// Group and seats imports together, newest first.
    pub fn earlier_imports(&self) -> Result<Vec<EarlierImport>> {
        let mut all: Vec<EarlierImport> = self
            .imports()?
            .into_iter()
            .map(|i| EarlierImport {
                kind: ImportKind::Groups,
                what: groups_import_words(&i),
                id: i.id,
                file_name: i.file_name,
                at: i.at,
                actor: i.actor,
                undone_at: i.undone_at,
            })
            .collect();
        all.extend(self.seat_imports()?.into_iter().map(|i| EarlierImport {
            kind: ImportKind::Seats,
            id: i.id,
            file_name: i.file_name,
            at: i.at,
            actor: Some(i.actor),
            what: i.summary,
            undone_at: i.undone_at,
        }));
        all.sort_by(|a, b| when(&b.at).cmp(&when(&a.at)).then(b.id.cmp(&a.id)));
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(read: Option<i64>, unchanged: Option<i64>) -> ImportRecord {
        ImportRecord {
            id: 1,
            file_name: "grants.csv".into(),
            at: "2026-11-24T23:43:10Z".into(),
            added: 282,
            updated: 45,
            skipped: 0,
            rejected: 0,
            read,
            unchanged,
            undone_at: None,
            actor: None,
        }
    }

    #[test]
    fn a_groups_import_is_said_in_figures_that_add_up_to_the_rows_read() {
        assert_eq!(
            groups_import_words(&record(Some(555), Some(228))),
            "555 rows read: 282 groups added, 45 updated, 228 unchanged, 0 skipped, 0 rejected"
        );
        // Imports made before the unchanged rows were recorded say that they were not.
        assert_eq!(
            groups_import_words(&record(None, None)),
            "282 groups added, 45 updated, 0 skipped, 0 rejected (rows that changed nothing were \
             not recorded by this version then)"
        );
    }
}
