//! groups.csv: one row per group, with the columns `import::mapping::EXPORT_COLUMNS` names, so
//! the file comes back in through the groups import with nothing to choose. Lists (other names,
//! numbers, features, categories) are separated by "; ". Charity numbers (GB-CHC) and company
//! numbers (GB-COH) have their own columns; other registers' numbers go in the charity_number
//! column as org-ids (GB-SC-SC012345, 360G-...), which the import reads back.

use std::io::Write;

use super::csv::CsvWriter;
use crate::error::{CoreError, Result};
use crate::import::mapping::EXPORT_COLUMNS;
use crate::store::{ExportedGroup, Store};

impl Store {
    /// Writes groups.csv to `out`; returns how many groups it holds.
    pub fn export_groups(&self, out: impl Write, shown_as: &str) -> Result<usize> {
        let groups = self.groups_for_export()?;
        write_groups(&groups, out).map_err(|source| CoreError::Io {
            path: shown_as.to_string(),
            source,
        })?;
        Ok(groups.len())
    }
}

/// The cells of one group's row, in `EXPORT_COLUMNS` order.
pub fn cells(g: &ExportedGroup) -> Vec<String> {
    let list = |v: &[String]| v.join("; ");
    let numbers = |v: &[u8]| v.iter().map(u8::to_string).collect::<Vec<_>>().join("; ");
    let mut charity: Vec<String> = Vec::new();
    let mut company: Vec<String> = Vec::new();
    for i in &g.identifiers {
        match i.scheme.as_str() {
            "GB-CHC" => charity.push(i.value.clone()),
            "GB-COH" => company.push(i.value.clone()),
            _ => charity.push(format!("{}-{}", i.scheme, i.value)),
        }
    }
    let bme = match (g.bme_led, g.bme_serving) {
        (true, true) => "led; serving",
        (true, false) => "led",
        (false, true) => "serving",
        (false, false) => "no",
    };
    vec![
        g.id.to_string(),
        g.name.clone(),
        list(&g.other_names),
        list(&charity),
        list(&company),
        g.postcode.clone(),
        g.ward.clone().unwrap_or_default(),
        g.class.as_str().to_string(),
        g.suggested_class.as_str().to_string(),
        numbers(&g.community_features),
        numbers(&g.voluntary_features),
        if g.faith { "yes" } else { "no" }.to_string(),
        bme.to_string(),
        list(&g.categories_served),
        g.last_checked.clone().unwrap_or_default(),
        g.status.as_str().to_string(),
    ]
}

pub fn write_groups(groups: &[ExportedGroup], out: impl Write) -> std::io::Result<()> {
    // charity_number and company_number are identifiers: always text.
    let mut w = CsvWriter::new(std::io::BufWriter::new(out))?.text_columns(&[3, 4]);
    w.row(EXPORT_COLUMNS)?;
    for g in groups {
        w.row(cells(g))?;
    }
    w.finish()?;
    Ok(())
}

/// The rows an import rejected, as a CSV to correct and import again: `row`, `problems`, then
/// the file's own columns as they were read.
pub fn rejected_rows(
    headers: &[String],
    rejected: &[crate::import::groups::RejectedRow],
) -> Vec<u8> {
    let mut w = CsvWriter::new(Vec::new()).expect("writing to memory");
    let mut head = vec!["row".to_string(), "problems".to_string()];
    head.extend(headers.iter().cloned());
    w.row(&head).expect("writing to memory");
    for r in rejected {
        let mut cells = vec![
            r.row.to_string(),
            r.problems
                .iter()
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        ];
        cells.extend(r.cells.iter().cloned());
        w.row(&cells).expect("writing to memory");
    }
    w.finish().expect("writing to memory")
}
