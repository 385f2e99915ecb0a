//! Reference data: wards, socially excluded categories and the eight Appendix A features.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ward {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub district: String,
}

/// A socially excluded category. The source list "is not definitive": users add, rename and
/// retire categories; a retired one is hidden from pickers but kept on every record using it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Category {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub retired: bool,
}

/// Faith groups count for this category and BME groups for the next without a second tick.
pub const FAITH_CATEGORY_KEY: &str = "faith-groups";
pub const MINORITY_ETHNIC_CATEGORY_KEY: &str = "minority-ethnic-groups";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feature {
    pub number: u8,
    pub title: String,
    pub community_side: String,
    pub voluntary_side: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReferenceData {
    pub wards: Vec<Ward>,
    pub categories: Vec<Category>,
    pub features: Vec<Feature>,
}
