//! Wards, socially excluded categories and the Appendix A features.

use super::Store;
use crate::domain::reference::{Category, Feature, ReferenceData, Ward};
use crate::error::Result;
use crate::seeds::{self, CategorySeed, FeatureSeed, WardSeed};

impl Store {
    /// A new file gets the sixteen categories, the eight features and Salford's wards.
    pub(super) fn load_reference_if_empty(&self) -> Result<()> {
        let empty: bool =
            self.conn
                .query_row("SELECT NOT EXISTS (SELECT 1 FROM features)", [], |r| {
                    r.get(0)
                })?;
        if !empty {
            return Ok(());
        }
        let categories: Vec<CategorySeed> =
            seeds::parse_csv("seeds/reference/categories.csv", seeds::CATEGORIES_CSV)?;
        let features: Vec<FeatureSeed> =
            seeds::parse_csv("seeds/reference/features.csv", seeds::FEATURES_CSV)?;
        let wards: Vec<WardSeed> =
            seeds::parse_csv("seeds/reference/wards_salford.csv", seeds::WARDS_CSV)?;
        let tx = self.conn.unchecked_transaction()?;
        for (i, c) in categories.iter().enumerate() {
            tx.execute(
                "INSERT INTO categories (key, name, position) VALUES (?1, ?2, ?3)",
                rusqlite::params![c.key, c.name, i as i64 + 1],
            )?;
        }
        for f in &features {
            tx.execute(
                "INSERT INTO features (number, title, community_side, voluntary_side) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![f.number, f.title, f.community_side, f.voluntary_side],
            )?;
        }
        for w in &wards {
            tx.execute(
                "INSERT INTO wards (code, name, district) VALUES (?1, ?2, ?3)",
                rusqlite::params![w.code, w.name, w.district],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn reference_data(&self) -> Result<ReferenceData> {
        let wards = self
            .conn
            .prepare("SELECT id, code, name, district FROM wards ORDER BY name")?
            .query_map([], |r| {
                Ok(Ward {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    district: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let categories = self
            .conn
            .prepare(
                "SELECT id, key, name, retired_at IS NOT NULL FROM categories ORDER BY position, id",
            )?
            .query_map([], |r| {
                Ok(Category {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    name: r.get(2)?,
                    retired: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let features = self
            .conn
            .prepare(
                "SELECT number, title, community_side, voluntary_side FROM features ORDER BY number",
            )?
            .query_map([], |r| {
                Ok(Feature {
                    number: r.get(0)?,
                    title: r.get(1)?,
                    community_side: r.get(2)?,
                    voluntary_side: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ReferenceData {
            wards,
            categories,
            features,
        })
    }
}

/// One ward of a ward list the user loads (for example the ONS ward to local authority lookup).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WardRow {
    pub code: String,
    pub name: String,
    pub district: String,
}
