//! Everything the exports need about every group, read in a handful of queries rather than a
//! handful per group, so a directory of 100,000 groups exports in seconds.

use std::collections::HashMap;

use serde::Serialize;

use super::Store;
use crate::domain::classification::{self, GroupClass, Side, FEATURE_COUNT};
use crate::domain::group::{served_categories, Status};
use crate::domain::identifier::Identifier;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedGroup {
    pub id: i64,
    pub name: String,
    pub other_names: Vec<String>,
    pub identifiers: Vec<Identifier>,
    pub address: String,
    pub postcode: String,
    pub ward: Option<String>,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub activities: String,
    pub status: Status,
    pub last_checked: Option<String>,
    /// The class in force (set by staff, else suggested).
    pub class: GroupClass,
    pub suggested_class: GroupClass,
    pub community_features: Vec<u8>,
    pub voluntary_features: Vec<u8>,
    pub faith: bool,
    pub bme_led: bool,
    pub bme_serving: bool,
    /// Category names, counting faith and BME groups for their categories.
    pub categories_served: Vec<String>,
}

impl Store {
    /// Every group, by name, with what the exports show.
    pub fn groups_for_export(&self) -> Result<Vec<ExportedGroup>> {
        let category_names: HashMap<i64, String> = self
            .reference_data()?
            .categories
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let (faith_cat, bme_cat) = self.faith_and_bme_categories()?;
        let mut other_names: HashMap<i64, Vec<String>> = HashMap::new();
        let mut identifiers: HashMap<i64, Vec<Identifier>> = HashMap::new();
        let mut answers: HashMap<i64, [Option<Side>; FEATURE_COUNT]> = HashMap::new();
        let mut ticked: HashMap<i64, Vec<i64>> = HashMap::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT group_id, name FROM group_other_names ORDER BY group_id, position",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                other_names.entry(r.get(0)?).or_default().push(r.get(1)?);
            }
            let mut stmt = self.conn.prepare(
                "SELECT group_id, scheme, value FROM group_identifiers ORDER BY group_id, position",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                identifiers.entry(r.get(0)?).or_default().push(Identifier {
                    scheme: r.get(1)?,
                    value: r.get(2)?,
                });
            }
            let mut stmt = self.conn.prepare(
                "SELECT group_id, number, side FROM group_features WHERE side IS NOT NULL",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let n: i64 = r.get(1)?;
                let side: String = r.get(2)?;
                if (1..=FEATURE_COUNT as i64).contains(&n) {
                    answers.entry(r.get(0)?).or_default()[n as usize - 1] = Side::parse(&side);
                }
            }
            let mut stmt = self
                .conn
                .prepare("SELECT group_id, category_id FROM group_categories")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                ticked.entry(r.get(0)?).or_default().push(r.get(1)?);
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.name, g.address, g.postcode, w.name, g.email, g.phone, g.website,
                    g.activities, g.status, g.last_checked, g.class_override, g.faith, g.bme_led,
                    g.bme_serving
             FROM groups g LEFT JOIN wards w ON w.id = g.ward_id
             ORDER BY g.name COLLATE NOCASE, g.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: i64 = r.get(0)?;
            let status: String = r.get(9)?;
            let override_: Option<String> = r.get(11)?;
            let a = answers.get(&id).copied().unwrap_or_default();
            let suggested_class = classification::suggest(&a).class;
            let side = |s: Side| -> Vec<u8> {
                (1..=FEATURE_COUNT as u8)
                    .filter(|n| a[*n as usize - 1] == Some(s))
                    .collect()
            };
            let faith: bool = r.get(12)?;
            let bme_led: bool = r.get(13)?;
            let bme_serving: bool = r.get(14)?;
            let served = served_categories(
                ticked.get(&id).map(Vec::as_slice).unwrap_or_default(),
                faith,
                bme_led || bme_serving,
                faith_cat,
                bme_cat,
            );
            Ok(ExportedGroup {
                id,
                name: r.get(1)?,
                other_names: other_names.remove(&id).unwrap_or_default(),
                identifiers: identifiers.remove(&id).unwrap_or_default(),
                address: r.get(2)?,
                postcode: r.get(3)?,
                ward: r.get(4)?,
                email: r.get(5)?,
                phone: r.get(6)?,
                website: r.get(7)?,
                activities: r.get(8)?,
                status: Status::parse(&status).unwrap_or_default(),
                last_checked: r.get(10)?,
                class: override_
                    .as_deref()
                    .and_then(GroupClass::parse)
                    .unwrap_or(suggested_class),
                suggested_class,
                community_features: side(Side::Community),
                voluntary_features: side(Side::Voluntary),
                faith,
                bme_led,
                bme_serving,
                categories_served: served
                    .iter()
                    .filter_map(|c| category_names.get(c).cloned())
                    .collect(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A random identifier for this directory file, made on first use and kept, so the ids an
    /// Open Referral export gives groups are the same every time and differ from another CVS's.
    pub fn directory_uuid(&self) -> Result<String> {
        if let Some(u) = self.meta("directory_uuid")? {
            return Ok(u);
        }
        let mut seed = std::collections::hash_map::DefaultHasher::new();
        use std::hash::{Hash, Hasher};
        (
            std::time::SystemTime::now(),
            std::process::id(),
            self.path.display().to_string(),
        )
            .hash(&mut seed);
        let a = seed.finish();
        a.rotate_left(17).hash(&mut seed);
        let b = seed.finish();
        let u = format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            0x8000 | (b >> 48) & 0x3fff,
            b & 0xffff_ffff_ffff
        );
        Store::set_meta(&self.conn, "directory_uuid", &u)?;
        Ok(u)
    }
}
