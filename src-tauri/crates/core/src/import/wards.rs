//! A ward list: the ONS ward to local authority lookup (wd22cd, wd22nm, lad22nm, or another
//! year's wdNNcd, wdNNnm, ladNNnm) or any CSV with code, name and district columns. It is read as
//! every spreadsheet is (`dialect`): UTF-8, UTF-16 or Windows-1252; commas, semicolons or tabs;
//! title lines above the column names. Every problem names the file, and the row and column as a
//! spreadsheet shows them; a list with a problem loads nothing.

use std::collections::HashMap;
use std::path::Path;

use super::cell_problem;
use super::dialect;
use crate::domain::group::tidy;
use crate::error::{io_at, CoreError, FieldProblem, Result};
use crate::store::WardRow;

/// Column names that hold each part, compared without case, spaces or underscores; `NN` stands
/// for the two digits of the ONS lookup's year (wd22cd, wd23cd...).
const CODE: &[&str] = &["code", "wardcode", "wdNNcd"];
const NAME: &[&str] = &["name", "wardname", "ward", "wdNNnm"];
const DISTRICT: &[&str] = &[
    "district",
    "districtname",
    "localauthority",
    "localauthorityname",
    "localauthoritydistrict",
    "ladNNnm",
];

/// Problems listed in full; a file with more says how many more (a column left empty would
/// otherwise list every row).
const LISTED: usize = 20;

/// Reads the ward list at `path`, keeping only the wards of `district` (its name, as the list has
/// it, in any case) when one is given.
///
/// # Errors
/// `Io` when the file cannot be read; otherwise as `read`.
pub fn read_file(path: &Path, district: Option<&str>) -> Result<Vec<WardRow>> {
    let bytes = std::fs::read(path).map_err(io_at("read the ward list", path))?;
    read(&path.display().to_string(), &bytes, district)
}

/// Reads a ward list's bytes; `file` is its name for the messages.
///
/// # Errors
/// `ImportFile` for a file with no table in it (empty, a workbook, not text); `Invalid` (at
/// `file`, in one message naming the file) for a list without code and name columns, rows with an
/// empty code or name or a code given two names, or no ward in `district`.
pub fn read(file: &str, bytes: &[u8], district: Option<&str>) -> Result<Vec<WardRow>> {
    let table = dialect::read(bytes, None).map_err(|problem| CoreError::ImportFile {
        file: Some(file.to_string()),
        problem,
    })?;
    let refuse = |message: String| CoreError::Invalid(vec![FieldProblem::new("file", message)]);
    let find = |names: &[&str]| table.headers.iter().position(|h| is_one_of(h, names));
    let (code, name, dist) = (find(CODE), find(NAME), find(DISTRICT));
    let header_row = table.dialect.header_row.unwrap_or(1);
    let (Some(code), Some(name)) = (code, name) else {
        let missing = match (code, name) {
            (None, None) => "ward codes and ward names",
            (None, _) => "ward codes",
            _ => "ward names",
        };
        return Err(refuse(format!(
            "{file} has no column of {missing} (row {header_row} names its columns: {}). A ward list needs a code and a name column: code and name, or the ONS lookup's wd22cd and wd22nm",
            table.headers.join(", ")
        )));
    };
    let wanted = district.map(tidy).filter(|d| !d.is_empty());
    if let (Some(d), None) = (&wanted, dist) {
        return Err(refuse(format!(
            "{file} has no column of districts (row {header_row} names its columns: {}), so its wards cannot be chosen by district {d}: give a list with a district column (district, or the ONS lookup's lad22nm), or load all its wards",
            table.headers.join(", ")
        )));
    }
    let column = |c: usize| table.headers[c].as_str();
    let mut problems = Vec::new();
    let mut wards: Vec<WardRow> = Vec::new();
    // Each code's row, so a code repeated with the same name is one ward (lookups that join
    // wards to smaller areas repeat them) and one repeated with another name is a problem.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut districts: Vec<&str> = Vec::new();
    for (row, cells) in &table.rows {
        let cell = |c: usize| cells.get(c).map(String::as_str).unwrap_or("");
        let ward_district = dist.map(cell).unwrap_or("");
        if !ward_district.is_empty() && !districts.contains(&ward_district) {
            districts.push(ward_district);
        }
        if wanted
            .as_deref()
            .is_some_and(|d| d.to_lowercase() != ward_district.to_lowercase())
        {
            continue;
        }
        let ward = WardRow {
            code: cell(code).to_string(),
            name: cell(name).to_string(),
            district: ward_district.to_string(),
        };
        if ward.code.is_empty() {
            problems.push(cell_problem(*row, column(code), "the ward's code is empty"));
        }
        if ward.name.is_empty() {
            problems.push(cell_problem(*row, column(name), "the ward's name is empty"));
        }
        if ward.code.is_empty() || ward.name.is_empty() {
            continue;
        }
        match seen.get(&ward.code) {
            Some(&i) if wards[i].name == ward.name && wards[i].district == ward.district => {}
            Some(&i) => problems.push(cell_problem(
                *row,
                column(code),
                format!(
                    "{} is already the code of {}{} on an earlier row, and one code is one ward",
                    ward.code,
                    wards[i].name,
                    if wards[i].district.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", wards[i].district)
                    }
                ),
            )),
            None => {
                seen.insert(ward.code.clone(), wards.len());
                wards.push(ward);
            }
        }
    }
    if !problems.is_empty() {
        return Err(refuse(not_loaded(file, &problems)));
    }
    if wards.is_empty() {
        districts.sort_by_key(|d| d.to_lowercase());
        let message = match &wanted {
            Some(d) => format!(
                "{file} has no wards in the district {d} (its districts are: {})",
                districts.join(", ")
            ),
            None => format!("{file} has no wards"),
        };
        return Err(refuse(message));
    }
    Ok(wards)
}

/// One district of a ward list and how many wards it has there, so the window can offer the
/// districts of a file before loading it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileDistrict {
    pub name: String,
    pub wards: usize,
}

/// The districts named in the ward list at `path`, alphabetical, with their number of wards
/// (codes counted once); empty when the list has no district column (its wards are loaded all
/// together). Rows are not checked here: loading checks them.
///
/// # Errors
/// `Io` when the file cannot be read; `ImportFile` for a file with no table in it.
pub fn districts_in_file(path: &Path) -> Result<Vec<FileDistrict>> {
    let bytes = std::fs::read(path).map_err(io_at("read the ward list", path))?;
    districts_in(&path.display().to_string(), &bytes)
}

/// As `districts_in_file`, from the list's bytes; `file` is its name for the messages.
///
/// # Errors
/// `ImportFile` for a file with no table in it.
pub fn districts_in(file: &str, bytes: &[u8]) -> Result<Vec<FileDistrict>> {
    let table = dialect::read(bytes, None).map_err(|problem| CoreError::ImportFile {
        file: Some(file.to_string()),
        problem,
    })?;
    let find = |names: &[&str]| table.headers.iter().position(|h| is_one_of(h, names));
    let (Some(code), Some(dist)) = (find(CODE), find(DISTRICT)) else {
        return Ok(Vec::new());
    };
    let mut codes: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
    for (_, cells) in &table.rows {
        let cell = |c: usize| cells.get(c).map(String::as_str).unwrap_or("");
        if !cell(dist).is_empty() && !cell(code).is_empty() {
            codes
                .entry(cell(dist).to_string())
                .or_default()
                .insert(cell(code).to_string());
        }
    }
    let mut found: Vec<FileDistrict> = codes
        .into_iter()
        .map(|(name, c)| FileDistrict {
            name,
            wards: c.len(),
        })
        .collect();
    found.sort_by_key(|d| d.name.to_lowercase());
    Ok(found)
}

/// Whether a column's name is one of `names` (compared without case, spaces or underscores;
/// `NN` in a name is any two digits).
fn is_one_of(header: &str, names: &[&str]) -> bool {
    let h: Vec<char> = header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .flat_map(char::to_lowercase)
        .collect();
    names.iter().any(|n| {
        let n: Vec<char> = n.chars().collect();
        n.len() == h.len()
            && n.iter().zip(&h).all(|(n, h)| match n {
                'N' => h.is_ascii_digit(),
                n => n == h,
            })
    })
}

/// The rows' problems as one message naming the file: each on a line of its own, the first
/// `LISTED` of them.
fn not_loaded(file: &str, problems: &[FieldProblem]) -> String {
    let head = format!("{file} was not loaded, and no ward was added or renamed:");
    match problems {
        [one] => format!("{head} {}", one.message),
        many => {
            let mut s = format!("{head} {} problems", many.len());
            for p in many.iter().take(LISTED) {
                s.push_str("\n  ");
                s.push_str(&p.message);
            }
            if many.len() > LISTED {
                s.push_str(&format!("\n  and {} more", many.len() - LISTED));
            }
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(e: CoreError) -> String {
        e.to_string()
    }

    const ONS: &str = "wd22cd,wd22nm,lad22cd,lad22nm\n\
        E05000734,St James',E08000004,Oldham\n\
        E05000735,St Mary's,E08000004,Oldham\n\
        E05014050,\"Wardle, Shore & West Littleborough\",E08000005,Rochdale\n\
        E05000834,St Mary's,E08000009,Trafford\n";

    #[test]
    fn the_ons_lookup_is_read_by_its_own_column_names_and_chosen_by_district() {
        let all = read("wards.csv", ONS.as_bytes(), None).unwrap();
        assert_eq!(all.len(), 4);
        assert_eq!(
            all[2],
            WardRow {
                code: "E05014050".into(),
                name: "Wardle, Shore & West Littleborough".into(),
                district: "Rochdale".into(),
            }
        );
        let oldham = read("wards.csv", ONS.as_bytes(), Some(" oldham ")).unwrap();
        assert_eq!(
            oldham.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(),
            ["St James'", "St Mary's"]
        );
        // Another year's lookup, and a list of its own with spaces and capitals in its names.
        let wd24 = "WD24CD,WD24NM,LAD24NM\nE05000650,Astley Bridge,Bolton\n";
        assert_eq!(
            read("w.csv", wd24.as_bytes(), None).unwrap()[0].code,
            "E05000650"
        );
        let own = "Ward code,Ward_Name,Local authority\nE05000650,Astley Bridge,Bolton\n";
        let w = &read("w.csv", own.as_bytes(), Some("Bolton")).unwrap()[0];
        assert_eq!(
            (w.name.as_str(), w.district.as_str()),
            ("Astley Bridge", "Bolton")
        );
    }

    #[test]
    fn semicolons_windows_1252_utf16_and_a_title_line_are_read_as_any_spreadsheet_is() {
        let semicolons = ONS
            .replace(',', ";")
            .replace("\"Wardle; Shore", "\"Wardle, Shore");
        let wards = read("wards.csv", semicolons.as_bytes(), Some("Rochdale")).unwrap();
        assert_eq!(wards[0].name, "Wardle, Shore & West Littleborough");

        // Excel on Windows: "St Mary’s" with its curly apostrophe as the byte 0x92.
        let mut cp1252 = b"code,name,district\nE05000735,St Mary".to_vec();
        cp1252.extend_from_slice(b"\x92s,Oldham\n");
        assert_eq!(
            read("wards.csv", &cp1252, None).unwrap()[0].name,
            "St Mary\u{2019}s"
        );

        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "code\tname\nE05000650\tAstley Bridge\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(
            read("w.txt", &utf16, None).unwrap()[0].name,
            "Astley Bridge"
        );

        let titled = format!("Ward to local authority lookup (May 2022)\n\n{ONS}");
        assert_eq!(read("w.csv", titled.as_bytes(), None).unwrap().len(), 4);
    }

    #[test]
    fn a_list_without_code_and_name_columns_says_which_it_lacks_and_what_it_has() {
        let e = message(
            read(
                "areas.csv",
                b"lsoa21cd,lsoa21nm\nE01000001,City of London 001A\n",
                None,
            )
            .unwrap_err(),
        );
        assert_eq!(
            e,
            "areas.csv has no column of ward codes and ward names (row 1 names its columns: lsoa21cd, lsoa21nm). A ward list needs a code and a name column: code and name, or the ONS lookup's wd22cd and wd22nm"
        );
        let e = message(read("w.csv", b"code,label\nE05000650,Astley Bridge\n", None).unwrap_err());
        assert!(
            e.starts_with("w.csv has no column of ward names (row 1 names"),
            "{e}"
        );
        let e = message(
            read(
                "w.csv",
                b"code,name\nE05000650,Astley Bridge\n",
                Some("Bolton"),
            )
            .unwrap_err(),
        );
        assert!(
            e.starts_with("w.csv has no column of districts (row 1 names its columns: code, name), so its wards cannot be chosen by district Bolton"),
            "{e}"
        );
    }

    #[test]
    fn empty_cells_and_a_code_with_two_names_are_named_by_file_row_and_column() {
        let text = "wd22cd,wd22nm,lad22nm\n\
            E05000650,Astley Bridge,Bolton\n\
            ,Bradshaw,Bolton\n\
            E05000652,N/A,Bolton\n\
            E05000650,Astley Bridge,Bolton\n\
            E05000650,Breightmet,Bolton\n\
            E05000999,,Bury\n";
        let e = message(read("bolton.csv", text.as_bytes(), Some("Bolton")).unwrap_err());
        assert_eq!(
            e,
            "bolton.csv was not loaded, and no ward was added or renamed: 3 problems\n  \
             row 3, column wd22cd: the ward's code is empty\n  \
             row 4, column wd22nm: the ward's name is empty\n  \
             row 6, column wd22cd: E05000650 is already the code of Astley Bridge (Bolton) on an earlier row, and one code is one ward"
        );
        // Bury's row, with no name, is not loaded, so it is no problem; without the district it is.
        let e = message(read("bolton.csv", text.as_bytes(), None).unwrap_err());
        assert!(
            e.contains("4 problems")
                && e.ends_with("row 7, column wd22nm: the ward's name is empty"),
            "{e}"
        );
        let one = message(
            read(
                "w.csv",
                b"code,name\nE05000650,\nE05000651,Bradshaw\n",
                None,
            )
            .unwrap_err(),
        );
        assert_eq!(
            one,
            "w.csv was not loaded, and no ward was added or renamed: row 2, column name: the ward's name is empty"
        );
        // A column left empty lists its first rows, and says how many more.
        let many: String = std::iter::once("code,name\n".to_string())
            .chain((0..30).map(|i| format!("E050{i:05},\n")))
            .collect();
        let e = message(read("w.csv", many.as_bytes(), None).unwrap_err());
        assert!(
            e.contains("30 problems") && e.ends_with("\n  and 10 more"),
            "{e}"
        );
    }

    #[test]
    fn the_districts_of_a_list_are_offered_alphabetically_with_their_wards_counted_once() {
        let repeated = format!("{ONS}E05000834,St Mary's,E08000009,Trafford\n");
        let found = districts_in("gm.csv", repeated.as_bytes()).unwrap();
        assert_eq!(
            found,
            [
                FileDistrict {
                    name: "Oldham".into(),
                    wards: 2
                },
                FileDistrict {
                    name: "Rochdale".into(),
                    wards: 1
                },
                FileDistrict {
                    name: "Trafford".into(),
                    wards: 1
                },
            ]
        );
        // No district column: nothing to choose, the list is loaded whole.
        assert!(
            districts_in("w.csv", b"code,name\nE05000650,Astley Bridge\n")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn a_district_with_no_wards_lists_the_districts_there_are() {
        let e = message(read("gm.csv", ONS.as_bytes(), Some("Atlantis")).unwrap_err());
        assert_eq!(
            e,
            "gm.csv has no wards in the district Atlantis (its districts are: Oldham, Rochdale, Trafford)"
        );
    }

    #[test]
    fn a_missing_file_or_one_that_is_not_text_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("wards.csv");
        assert_eq!(
            message(read_file(&missing, None).unwrap_err()),
            format!(
                "could not read the ward list {}: there is no such file or folder",
                missing.display()
            )
        );
        let e = message(read("wards.xlsx", b"PK\x03\x04\x14\x00\x06\x00", None).unwrap_err());
        assert!(
            e.starts_with("wards.xlsx is not a text file (it looks like an Excel .xlsx or LibreOffice .ods workbook)"),
            "{e}"
        );
        let e = message(read("wards.csv", b"code,name\n", None).unwrap_err());
        assert!(
            e.starts_with("wards.csv has column names (code, name) but no rows"),
            "{e}"
        );
    }
}
