//! The seed data files in `seeds/` (default reference data and the demo directory). They are data,
//! not code: compiled into the binary so the app needs nothing beside it, and parsed at run time
//! by the same checks as anything a user types.

use serde::Deserialize;

use crate::domain::classification::{GroupClass, Side};
use crate::domain::identifier::Identifier;
use crate::error::{CoreError, Result};

pub const CATEGORIES_CSV: &str = include_str!("../../../../seeds/reference/categories.csv");
pub const FEATURES_CSV: &str = include_str!("../../../../seeds/reference/features.csv");
pub const WARDS_CSV: &str = include_str!("../../../../seeds/reference/wards_salford.csv");
pub const DEMO_GROUPS_JSON: &str = include_str!("../../../../seeds/demo/groups.json");
pub const DEMO_PEOPLE_JSON: &str = include_str!("../../../../seeds/demo/people.json");
pub const DEMO_PARTNERSHIPS_JSON: &str = include_str!("../../../../seeds/demo/partnerships.json");

#[derive(Debug, Deserialize)]
pub struct CategorySeed {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
pub struct FeatureSeed {
    pub number: u8,
    pub title: String,
    pub community_side: String,
    pub voluntary_side: String,
}

#[derive(Debug, Deserialize)]
pub struct WardSeed {
    pub code: String,
    pub name: String,
    pub district: String,
}

#[derive(Debug, Deserialize)]
pub struct ClassOverrideSeed {
    pub class: GroupClass,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
pub struct GroupSeed {
    #[serde(rename = "ref")]
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub other_names: Vec<String>,
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postcode: String,
    pub ward: Option<String>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub activities: String,
    pub status: String,
    pub last_checked: Option<String>,
    #[serde(default)]
    pub last_checked_by: String,
    pub features: Vec<Option<Side>>,
    pub class_override: Option<ClassOverrideSeed>,
    pub enterprise: Option<String>,
    #[serde(default)]
    pub faith: bool,
    #[serde(default)]
    pub faith_name: String,
    #[serde(default)]
    pub bme_led: bool,
    #[serde(default)]
    pub bme_serving: bool,
    #[serde(default)]
    pub place_wards: Vec<String>,
    #[serde(default)]
    pub interest: String,
    #[serde(default)]
    pub categories: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct PersonSeed {
    #[serde(rename = "ref")]
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    pub lawful_basis: String,
    pub consent_date: Option<String>,
    #[serde(default)]
    pub consent_how: String,
    pub review_date: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct AppointmentSeed {
    pub person: String,
    pub group: Option<String>,
    pub term_start: String,
    pub term_end: Option<String>,
    pub selection_method: String,
    pub openly_selected: bool,
    #[serde(default)]
    pub report_backs: Vec<ReportBackSeed>,
    #[serde(default)]
    pub declarations: Vec<DeclarationSeed>,
    /// Meeting date (one of the partnership's `meetings`) to present, apologies or absent.
    #[serde(default)]
    pub attendance: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
pub struct ReportBackSeed {
    pub on: String,
    #[serde(default)]
    pub how: String,
    #[serde(default)]
    pub to_whom: String,
}

#[derive(Debug, Deserialize)]
pub struct DeclarationSeed {
    pub on: String,
    #[serde(default)]
    pub what: String,
    pub nil: bool,
}

#[derive(Debug, Deserialize)]
pub struct SeatSeed {
    pub label: String,
    pub sector: String,
    #[serde(default)]
    pub constituency: String,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub wards: Vec<String>,
    #[serde(default)]
    pub selection: String,
    pub holder: Option<AppointmentSeed>,
    pub alternate: Option<AppointmentSeed>,
}

#[derive(Debug, Deserialize)]
pub struct PartnershipSeed {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub convenor: String,
    #[serde(default)]
    pub meeting_pattern: String,
    #[serde(default = "default_interval")]
    pub report_back_days: i64,
    pub last_review: Option<String>,
    pub next_review: Option<String>,
    /// The dates of its meetings over the last year, for the attendance record.
    #[serde(default)]
    pub meetings: Vec<String>,
    pub seats: Vec<SeatSeed>,
}

fn default_interval() -> i64 {
    90
}

pub fn parse_csv<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<Vec<T>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .deserialize()
        .collect::<std::result::Result<Vec<T>, _>>()
        .map_err(|e| CoreError::Seed {
            file: file.to_string(),
            reason: e.to_string(),
        })
}

pub fn parse_json<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<Vec<T>> {
    serde_json::from_str(text).map_err(|e| CoreError::Seed {
        file: file.to_string(),
        reason: e.to_string(),
    })
}
