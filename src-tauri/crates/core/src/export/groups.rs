//! groups.csv: one row per group, with the columns `import::mapping::EXPORT_COLUMNS` names, so
//! the file comes back in through the groups import with nothing to choose and nothing lost.
//! Lists (other names, numbers, features, categories, wards served) are separated by "; ". Charity numbers (GB-CHC) and company
//! numbers (GB-COH) have their own columns; other registers' numbers go in the charity_number
//! column as org-ids (GB-SC-SC012345, 360G-...), which the import reads back.

use std::borrow::Cow;
use std::io::Write;

use super::csv::CsvWriter;
use crate::error::{CoreError, Result};
use crate::import::groups::yes_no;
use crate::import::mapping::EXPORT_COLUMNS;
use crate::store::{by_name, ExportedGroup, Store};

impl Store {
    /// Writes groups.csv to `out`, by name; returns how many groups it holds. Each group is
    /// read, turned into its line and let go, so only the lines are held until they are
    /// sorted and written.
    pub fn export_groups(&self, out: impl Write, shown_as: &str) -> Result<usize> {
        let io = |source| CoreError::Io {
            doing: "write to",
            path: shown_as.to_string(),
            source,
        };
        let mut w = writer(std::io::BufWriter::new(out)).map_err(io)?;
        let mut lines: Vec<(String, i64, String)> = Vec::new();
        self.each_group_for_export(|g| {
            let line = w.render(cells(&g));
            lines.push((g.name, g.id, line));
            Ok(())
        })?;
        lines.sort_unstable_by(|a, b| by_name(&a.0, a.1, &b.0, b.1));
        for (_, _, line) in &lines {
            w.write_rendered(line).map_err(io)?;
        }
        w.finish().map_err(io)?;
        Ok(lines.len())
    }
}

/// The cells of one group's row, in `EXPORT_COLUMNS` order; borrowed where the group already
/// holds the text, since a pack writes 100,000 of these rows.
pub fn cells(g: &ExportedGroup) -> Vec<Cow<'_, str>> {
    fn list(v: &[String]) -> Cow<'_, str> {
        match v {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one.as_str()),
            more => Cow::Owned(more.join("; ")),
        }
    }
    let numbers = |v: &[u8]| -> Cow<'static, str> {
        Cow::Owned(v.iter().map(u8::to_string).collect::<Vec<_>>().join("; "))
    };
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
        Cow::Owned(g.id.to_string()),
        Cow::Borrowed(g.name.as_str()),
        list(&g.other_names),
        Cow::Owned(charity.join("; ")),
        Cow::Owned(company.join("; ")),
        Cow::Borrowed(g.postcode.as_str()),
        Cow::Borrowed(g.ward_ref.as_deref().unwrap_or_default()),
        Cow::Borrowed(g.class.as_str()),
        Cow::Borrowed(g.suggested_class.as_str()),
        numbers(&g.community_features),
        numbers(&g.voluntary_features),
        // The faith's name says "yes" and which faith at once (the import reads any answer but
        // yes or no as a faith's name); a name that reads as yes or no would not come back so.
        Cow::Borrowed(match g.faith {
            true if !g.faith_name.is_empty() && yes_no(&g.faith_name).is_none() => {
                g.faith_name.as_str()
            }
            true => "yes",
            false => "no",
        }),
        Cow::Borrowed(bme),
        list(&g.categories_served),
        Cow::Borrowed(g.last_checked.as_deref().unwrap_or_default()),
        Cow::Borrowed(g.status.as_str()),
        Cow::Borrowed(g.address.as_str()),
        Cow::Borrowed(g.email.as_str()),
        Cow::Borrowed(g.phone.as_str()),
        Cow::Borrowed(g.website.as_str()),
        Cow::Borrowed(g.activities.as_str()),
        list(&g.wards_served),
        Cow::Borrowed(g.interest.as_str()),
        Cow::Borrowed(g.enterprise.map_or("", |e| e.as_str())),
        Cow::Borrowed(g.last_checked_by.as_str()),
        Cow::Borrowed(g.class_reason.as_str()),
    ]
}

/// groups.csv's writer, its header row written.
fn writer<W: Write>(out: W) -> std::io::Result<CsvWriter<W>> {
    // Registration numbers and phone numbers are always text, so a spreadsheet keeps their
    // leading zeros (00738693, 0161 ...).
    let text: Vec<usize> = ["charity_number", "company_number", "phone"]
        .iter()
        .filter_map(|c| EXPORT_COLUMNS.iter().position(|e| e == c))
        .collect();
    let mut w = CsvWriter::new(out)?.text_columns(&text);
    w.row(EXPORT_COLUMNS)?;
    Ok(w)
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
