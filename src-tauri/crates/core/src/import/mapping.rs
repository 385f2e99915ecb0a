//! Which column of a spreadsheet fills which field of a group. A mapping is suggested from the
//! column names ("Charity name", "Recipient Org:Name" and "Organisation" all suggest the name);
//! the user confirms or changes it and may save it under a name for the next file like it. Three
//! mappings ship: 360Giving grants, the Charity Commission register extract, and the app's own
//! groups export (so export then import is a round trip with nothing to choose).

use serde::{Deserialize, Serialize};

/// The fields a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    OtherNames,
    CharityNumber,
    CompanyNumber,
    /// An org-id such as GB-CHC-1123456 or 360G-trafford-be_active.
    OrgId,
    Address,
    Postcode,
    Ward,
    Email,
    Phone,
    Website,
    Activities,
    Status,
    LastChecked,
    LastCheckedBy,
    Class,
    /// Why staff set the class (kept only with a class the features would not suggest).
    ClassReason,
    CommunityFeatures,
    VoluntaryFeatures,
    FaithGroup,
    Bme,
    CategoriesServed,
    /// Community of place: the wards the group serves.
    WardsServed,
    /// Community of interest, in words.
    Interest,
    /// Social or community enterprise.
    Enterprise,
    /// The group's id in the directory that wrote a groups export: it says which rows are
    /// different groups there, and is not kept (ids differ between directory files).
    ExportId,
}

impl Field {
    pub const ALL: [Field; 26] = [
        Field::Name,
        Field::OtherNames,
        Field::CharityNumber,
        Field::CompanyNumber,
        Field::OrgId,
        Field::Address,
        Field::Postcode,
        Field::Ward,
        Field::Email,
        Field::Phone,
        Field::Website,
        Field::Activities,
        Field::Status,
        Field::LastChecked,
        Field::LastCheckedBy,
        Field::Class,
        Field::ClassReason,
        Field::CommunityFeatures,
        Field::VoluntaryFeatures,
        Field::FaithGroup,
        Field::Bme,
        Field::CategoriesServed,
        Field::WardsServed,
        Field::Interest,
        Field::Enterprise,
        Field::ExportId,
    ];

    /// The field's key: also its column name in the groups export.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::OtherNames => "other_names",
            Field::CharityNumber => "charity_number",
            Field::CompanyNumber => "company_number",
            Field::OrgId => "org_id",
            Field::Address => "address",
            Field::Postcode => "postcode",
            Field::Ward => "ward",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Website => "website",
            Field::Activities => "activities",
            Field::Status => "status",
            Field::LastChecked => "last_checked",
            Field::LastCheckedBy => "last_checked_by",
            Field::Class => "class",
            Field::ClassReason => "class_reason",
            Field::CommunityFeatures => "community_features",
            Field::VoluntaryFeatures => "voluntary_features",
            Field::FaithGroup => "faith_group",
            Field::Bme => "bme",
            Field::CategoriesServed => "categories_served",
            Field::WardsServed => "wards_served",
            Field::Interest => "community_of_interest",
            Field::Enterprise => "enterprise",
            Field::ExportId => "id",
        }
    }

    pub fn parse(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key.trim())
    }

    /// The words shown beside the field in the mapping step.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::OtherNames => "Other names (separated by ;)",
            Field::CharityNumber => "Charity number",
            Field::CompanyNumber => "Company number",
            Field::OrgId => "Org-id (GB-CHC-..., GB-COH-..., 360G-...)",
            Field::Address => "Address (several columns are joined)",
            Field::Postcode => "Postcode",
            Field::Ward => "Ward (name or code)",
            Field::Email => "Email",
            Field::Phone => "Phone",
            Field::Website => "Website",
            Field::Activities => "What it does",
            Field::Status => "Status (active, dormant, closed)",
            Field::LastChecked => "Last checked (a date)",
            Field::LastCheckedBy => "Last checked by (initials)",
            Field::Class => "Class set by staff",
            Field::ClassReason => "Why staff set the class",
            Field::CommunityFeatures => "Features on the community side (numbers 1-8)",
            Field::VoluntaryFeatures => "Features on the voluntary side (numbers 1-8)",
            Field::FaithGroup => "Faith group (yes, no, or the faith)",
            Field::Bme => "BME group (led, serving, both, no)",
            Field::CategoriesServed => "Communities served (category names separated by ;)",
            Field::WardsServed => "Wards served (names or codes separated by ;)",
            Field::Interest => "Community of interest",
            Field::Enterprise => "Social or community enterprise (social, community, no)",
            Field::ExportId => {
                "Id in a Compact Directory export (rows with different ids are different groups)"
            }
        }
    }

    /// Fields that take several columns, joined (address lines) rather than the first filled.
    pub fn joins_columns(self) -> bool {
        matches!(self, Field::Address | Field::OtherNames)
    }
}

/// One column and the field it fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnField {
    /// The column's name as the file has it.
    pub column: String,
    pub field: Field,
}

/// Columns not listed are not imported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub columns: Vec<ColumnField>,
}

impl Mapping {
    fn of(pairs: &[(&str, Field)]) -> Mapping {
        Mapping {
            columns: pairs
                .iter()
                .map(|(c, f)| ColumnField {
                    column: c.to_string(),
                    field: *f,
                })
                .collect(),
        }
    }

    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        self.columns.iter().map(|c| c.field)
    }

    /// The first column that fills `field`, if any does.
    pub fn column_for(&self, field: Field) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.field == field)
            .map(|c| c.column.as_str())
    }

    /// The mapping in words, one column a line: `"Recipient Org:Name" -> name`.
    pub fn describe(&self) -> String {
        self.columns
            .iter()
            .map(|c| format!("  \"{}\" -> {}", c.column, c.field.key()))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A mapping with the name it is saved or shipped under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedMapping {
    pub name: String,
    pub mapping: Mapping,
    /// Shipped with the app (cannot be replaced) rather than saved by a user.
    pub built_in: bool,
}

pub const GROUPS_EXPORT: &str = "Compact Directory groups export";
pub const GRANTS_360: &str = "360Giving grants";
pub const CHARITY_COMMISSION: &str = "Charity Commission register";

/// The groups export's columns, in order (`suggested_class` is worked out by the app, so the
/// import leaves it aside; `id` only keeps rows with different ids apart). The first sixteen are
/// the columns groups.csv has always had, kept first and in this order for spreadsheets and
/// scripts that read them by position; the rest carry every other field a group records, so
/// export then import loses nothing a user typed (bar the evidence for each feature answer:
/// eight free texts, one per feature, are left out).
pub const EXPORT_COLUMNS: &[&str] = &[
    "id",
    "name",
    "other_names",
    "charity_number",
    "company_number",
    "postcode",
    "ward",
    "class",
    "suggested_class",
    "community_features",
    "voluntary_features",
    "faith_group",
    "bme",
    "categories_served",
    "last_checked",
    "status",
    "address",
    "email",
    "phone",
    "website",
    "activities",
    "wards_served",
    "community_of_interest",
    "enterprise",
    "last_checked_by",
    "class_reason",
];

pub fn built_in() -> Vec<NamedMapping> {
    use Field::*;
    let export = Mapping {
        columns: EXPORT_COLUMNS
            .iter()
            .filter_map(|c| {
                Field::parse(c).map(|field| ColumnField {
                    column: c.to_string(),
                    field,
                })
            })
            .collect(),
    };
    let grants = Mapping::of(&[
        ("Recipient Org:Identifier", OrgId),
        ("Recipient Org:Name", Name),
        ("Recipient Org:Charity Number", CharityNumber),
        ("Recipient Org:Company Number", CompanyNumber),
        ("Recipient Org:Street Address", Address),
        ("Recipient Org:City", Address),
        ("Recipient Org:County", Address),
        ("Recipient Org:Postal Code", Postcode),
        ("Recipient Org:Description", Activities),
        ("Recipient Org:Web Address", Website),
    ]);
    let register = Mapping::of(&[
        ("registered_charity_number", CharityNumber),
        ("charity_company_registration_number", CompanyNumber),
        ("charity_name", Name),
        ("charity_activities", Activities),
        ("charity_contact_address", Address),
        ("charity_contact_postcode", Postcode),
        ("charity_contact_phone", Phone),
        ("charity_contact_email", Email),
        ("charity_contact_web", Website),
    ]);
    [
        (GROUPS_EXPORT, export),
        (GRANTS_360, grants),
        (CHARITY_COMMISSION, register),
    ]
    .into_iter()
    .map(|(name, mapping)| NamedMapping {
        name: name.to_string(),
        mapping,
        built_in: true,
    })
    .collect()
}

/// Whether a file is a groups export read with the export's own mapping: its headers have every
/// column groups.csv writes, and every column it imports fills the field of its own name. Such a
/// file is the directory's own export coming back (a round trip), so a row of it that matches the
/// group with its id says that group's fields exactly, empty cells included.
pub fn is_groups_export(headers: &[String], mapping: &Mapping) -> bool {
    let has = |c: &str| headers.iter().any(|h| h.trim().eq_ignore_ascii_case(c));
    EXPORT_COLUMNS.iter().all(|c| has(c))
        && mapping.column_for(Field::ExportId).is_some()
        && mapping
            .columns
            .iter()
            .all(|c| c.column.trim().eq_ignore_ascii_case(c.field.key()))
}

/// A suggested mapping and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub mapping: Mapping,
    /// The built-in or saved mapping whose columns the file has, if any; else the mapping was
    /// guessed from the column names.
    pub from: Option<String>,
}

/// The first known mapping whose every column the file has; else one guessed from the names.
pub fn suggest(headers: &[String], known: &[NamedMapping]) -> Suggestion {
    for m in known {
        let has_all = m
            .mapping
            .columns
            .iter()
            .all(|c| headers.iter().any(|h| h.eq_ignore_ascii_case(&c.column)));
        if has_all && !m.mapping.columns.is_empty() {
            let columns = m
                .mapping
                .columns
                .iter()
                .map(|c| ColumnField {
                    column: headers
                        .iter()
                        .find(|h| h.eq_ignore_ascii_case(&c.column))
                        .cloned()
                        .unwrap_or_else(|| c.column.clone()),
                    field: c.field,
                })
                .collect();
            return Suggestion {
                mapping: Mapping { columns },
                from: Some(m.name.clone()),
            };
        }
    }
    let mut columns: Vec<ColumnField> = Vec::new();
    for h in headers {
        // A repeated column name is numbered by where it is ("Address (3)"): it means what the
        // name means (repeated Address columns are joined, as address columns are).
        let named = h
            .strip_suffix(')')
            .and_then(|rest| rest.rsplit_once(" ("))
            .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .map_or(h.as_str(), |(name, _)| name);
        if let Some(field) = guess(named) {
            if field.joins_columns() || !columns.iter().any(|c| c.field == field) {
                columns.push(ColumnField {
                    column: h.clone(),
                    field,
                });
            }
        }
    }
    Suggestion {
        mapping: Mapping { columns },
        from: None,
    }
}

/// A column name reduced to lower-case words: "Recipient Org:Name" is "recipient org name".
fn words(header: &str) -> String {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field a column name suggests, if any. Exact names first, so that a grants file's own
/// "Identifier", "Description" and "URL" (the grant's, not the group's) are left aside.
pub fn guess(header: &str) -> Option<Field> {
    use Field::*;
    const NAMES: &[(Field, &[&str])] = &[
        (
            Name,
            &[
                "name",
                "charity name",
                "organisation",
                "organization",
                "organisation name",
                "organization name",
                "name of organisation",
                "name of organization",
                "name of group",
                "name of charity",
                "organisation s name",
                "group s name",
                "org name",
                "group",
                "group name",
                "recipient org name",
                "recipient name",
                "recipient",
                "registered name",
                "charity",
                "club",
                "club name",
            ],
        ),
        (
            OtherNames,
            &[
                "other names",
                "other name",
                "also known as",
                "aka",
                "alternative name",
                "working name",
                "trading name",
                "previous name",
            ],
        ),
        (
            CharityNumber,
            &[
                "charity number",
                "registered charity number",
                "charity no",
                "charity reg no",
                "registered charity no",
                "charity registration number",
                "recipient org charity number",
                "reg charity no",
                "regno",
            ],
        ),
        (
            CompanyNumber,
            &[
                "company number",
                "company no",
                "company registration number",
                "charity company registration number",
                "recipient org company number",
                "companies house number",
                "crn",
            ],
        ),
        (
            OrgId,
            &[
                "org id",
                "org identifier",
                "organisation identifier",
                "organization identifier",
                "recipient org identifier",
            ],
        ),
        (
            Address,
            &[
                "address",
                "street address",
                "address 1",
                "address 2",
                "address line 1",
                "address line 2",
                "address line 3",
                "street",
                "town",
                "city",
                "county",
                "recipient org street address",
                "recipient org city",
                "recipient org county",
                "charity contact address",
                "contact address",
            ],
        ),
        (
            Postcode,
            &[
                "postcode",
                "post code",
                "postal code",
                "recipient org postal code",
                "charity contact postcode",
                "contact postcode",
            ],
        ),
        (Ward, &["ward", "ward name", "ward code", "electoral ward"]),
        (
            Email,
            &[
                "email",
                "e mail",
                "email address",
                "contact email",
                "charity contact email",
            ],
        ),
        (
            Phone,
            &[
                "phone",
                "telephone",
                "tel",
                "phone number",
                "telephone number",
                "contact phone",
                "charity contact phone",
            ],
        ),
        (
            Website,
            &[
                "website",
                "web",
                "web address",
                "web site",
                "homepage",
                "recipient org web address",
                "charity contact web",
            ],
        ),
        (
            Activities,
            &[
                "activities",
                "main activities",
                "activities description",
                "what it does",
                "what the group does",
                "about",
                "objects",
                "charity activities",
                "recipient org description",
                "organisation description",
            ],
        ),
        (Status, &["status", "group status"]),
        (
            LastChecked,
            &[
                "last checked",
                "date last checked",
                "last checked date",
                "last checked on",
                "date last verified",
                "date checked",
                "last verified",
                "checked on",
            ],
        ),
        (
            LastCheckedBy,
            &["last checked by", "checked by", "verified by"],
        ),
        (Class, &["class", "classification"]),
        (
            ClassReason,
            &["class reason", "reason for class", "classification reason"],
        ),
        (CommunityFeatures, &["community features"]),
        (VoluntaryFeatures, &["voluntary features"]),
        (FaithGroup, &["faith group", "faith", "faith based"]),
        (Bme, &["bme", "bme group", "bame"]),
        (
            CategoriesServed,
            &[
                "categories served",
                "categories",
                "communities served",
                "client groups",
            ],
        ),
        (
            WardsServed,
            &["wards served", "areas served", "community of place"],
        ),
        (
            Interest,
            &["community of interest", "communities of interest"],
        ),
        (Enterprise, &["enterprise", "enterprise type"]),
    ];
    let w = words(header);
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&w.as_str()))
        .map(|(f, _)| *f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn names_suggest_the_group_name() {
        for h in [
            "Charity name",
            "Recipient Org:Name",
            "Organisation",
            "GROUP NAME",
            "Name of organisation",
            "Organisation's name",
        ] {
            assert_eq!(guess(h), Some(Field::Name), "{h}");
        }
        assert_eq!(
            guess("Identifier"),
            None,
            "a grant's identifier is not the group's"
        );
        assert_eq!(guess("Amount Awarded"), None);
        assert_eq!(guess("Main activities"), Some(Field::Activities));
        assert_eq!(guess("Date last checked"), Some(Field::LastChecked));
    }

    #[test]
    fn the_export_maps_every_column_but_those_the_app_works_out() {
        let h = headers(EXPORT_COLUMNS);
        let s = suggest(&h, &built_in());
        assert_eq!(s.from.as_deref(), Some(GROUPS_EXPORT));
        let mapped: Vec<&str> = s
            .mapping
            .columns
            .iter()
            .map(|c| c.column.as_str())
            .collect();
        let left: Vec<&&str> = EXPORT_COLUMNS
            .iter()
            .filter(|c| !mapped.contains(c))
            .collect();
        // `id` is mapped too (it keeps the file's rows apart); only the suggestion is the app's.
        assert_eq!(left, [&"suggested_class"]);
        for c in &s.mapping.columns {
            assert_eq!(
                c.field.key(),
                c.column,
                "each column fills the field of its name"
            );
        }
        // A groups.csv written before the contact columns were added still needs no choosing:
        // its columns are guessed to the same fields.
        let old = suggest(&headers(&EXPORT_COLUMNS[..16]), &built_in());
        assert_eq!(old.from, None);
        assert_eq!(old.mapping.columns.len(), 14);
        assert!(old
            .mapping
            .columns
            .iter()
            .all(|c| c.field.key() == c.column));
    }

    #[test]
    fn a_known_file_gets_its_built_in_mapping() {
        let h = headers(&[
            "Identifier",
            "Recipient Org:Identifier",
            "Recipient Org:Name",
            "Recipient Org:Charity Number",
            "Recipient Org:Company Number",
            "Recipient Org:Street Address",
            "Recipient Org:City",
            "Recipient Org:County",
            "Recipient Org:Postal Code",
            "Recipient Org:Description",
            "Recipient Org:Web Address",
        ]);
        let s = suggest(&h, &built_in());
        assert_eq!(s.from.as_deref(), Some(GRANTS_360));
        let h = headers(&["Organisation", "Post Code", "Charity No", "Town", "Street"]);
        let s = suggest(&h, &built_in());
        assert_eq!(s.from, None);
        let fields: Vec<Field> = s.mapping.fields().collect();
        assert_eq!(
            fields,
            [
                Field::Name,
                Field::Postcode,
                Field::CharityNumber,
                Field::Address,
                Field::Address
            ]
        );
    }
}
