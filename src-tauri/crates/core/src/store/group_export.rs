//! Everything the exports need about every group, read in a handful of queries rather than a
//! handful per group, so a directory of 100,000 groups exports in seconds.

use std::collections::HashMap;

use serde::Serialize;

use super::Store;
use crate::domain::classification::{self, GroupClass, Side, FEATURE_COUNT};
use crate::domain::group::{served_categories, Enterprise, GroupInput, Status};
use crate::domain::identifier::Identifier;
use crate::error::Result;
use crate::id_map::IdMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedGroup {
    pub id: i64,
    pub name: String,
    pub other_names: Vec<String>,
    pub identifiers: Vec<Identifier>,
    pub address: String,
    pub postcode: String,
    /// The ward's name.
    pub ward: Option<String>,
    /// The ward as groups.csv names it: its name, or its code when another ward in the directory
    /// has the same name (Greater Manchester has two Brooklands), which the import could not
    /// tell apart.
    pub ward_ref: Option<String>,
    /// The wards it serves (community of place), named as `ward_ref` names a ward.
    pub wards_served: Vec<String>,
    /// Community of interest.
    pub interest: String,
    pub enterprise: Option<Enterprise>,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub activities: String,
    pub status: Status,
    pub last_checked: Option<String>,
    pub last_checked_by: String,
    /// The class in force (set by staff, else suggested).
    pub class: GroupClass,
    /// Why staff set the class; empty when the class is the suggestion.
    pub class_reason: String,
    pub suggested_class: GroupClass,
    pub community_features: Vec<u8>,
    pub voluntary_features: Vec<u8>,
    pub faith: bool,
    /// Which faith, when recorded.
    pub faith_name: String,
    pub bme_led: bool,
    pub bme_serving: bool,
    /// Category names, counting faith and BME groups for their categories.
    pub categories_served: Vec<String>,
}

impl Store {
    /// Every group, by name, with what the exports show.
    pub fn groups_for_export(&self) -> Result<Vec<ExportedGroup>> {
        let mut groups = Vec::new();
        self.each_group_for_export(|g| {
            groups.push(g);
            Ok(())
        })?;
        groups.sort_unstable_by(|a, b| by_name(&a.name, a.id, &b.name, b.id));
        Ok(groups)
    }

    /// Hands every group, with what the exports show, to `visit` one at a time, in no
    /// particular order: a large directory is never all in memory at once.
    pub(crate) fn each_group_for_export(
        &self,
        mut visit: impl FnMut(ExportedGroup) -> Result<()>,
    ) -> Result<()> {
        let ExportNames {
            categories: category_names,
            faith_cat,
            bme_cat,
            wards,
        } = self.export_names()?;
        let mut served_wards: IdMap<Vec<String>> = IdMap::default();
        let mut other_names: IdMap<Vec<String>> = IdMap::default();
        let mut identifiers: IdMap<Vec<Identifier>> = IdMap::default();
        let mut answers: IdMap<[Option<Side>; FEATURE_COUNT]> = IdMap::default();
        let mut ticked: IdMap<Vec<i64>> = IdMap::default();
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
                // Borrowed, not copied: there are eight answers a group.
                let side = r.get_ref(2)?.as_str().map_or(None, Side::parse);
                if (1..=FEATURE_COUNT as i64).contains(&n) {
                    answers.entry(r.get(0)?).or_default()[n as usize - 1] = side;
                }
            }
            let mut stmt = self
                .conn
                .prepare("SELECT group_id, ward_id FROM group_place_wards")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                if let Some((_, shown)) = wards.get(&r.get(1)?) {
                    served_wards
                        .entry(r.get(0)?)
                        .or_default()
                        .push(shown.clone());
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
            "SELECT id, name, address, postcode, ward_id, email, phone, website, activities,
                    status, last_checked, class_override, faith, bme_led, bme_serving,
                    last_checked_by, class_override_reason, enterprise, faith_name, interest
             FROM groups",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
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
            let ward = r
                .get::<_, Option<i64>>(4)?
                .and_then(|w| wards.get(&w))
                .cloned();
            let class = override_
                .as_deref()
                .and_then(GroupClass::parse)
                .unwrap_or(suggested_class);
            let enterprise: Option<String> = r.get(17)?;
            let served = served_categories(
                ticked.get(&id).map(Vec::as_slice).unwrap_or_default(),
                faith,
                bme_led || bme_serving,
                faith_cat,
                bme_cat,
            );
            visit(ExportedGroup {
                id,
                name: r.get(1)?,
                other_names: other_names.remove(&id).unwrap_or_default(),
                identifiers: identifiers.remove(&id).unwrap_or_default(),
                address: r.get(2)?,
                postcode: r.get(3)?,
                ward_ref: ward.as_ref().map(|w| w.1.clone()),
                ward: ward.map(|w| w.0),
                wards_served: {
                    // By name, not by ward id: ids differ from one directory file to another.
                    let mut w = served_wards.remove(&id).unwrap_or_default();
                    w.sort_unstable();
                    w
                },
                interest: r.get(19)?,
                enterprise: enterprise.as_deref().and_then(Enterprise::parse),
                email: r.get(5)?,
                phone: r.get(6)?,
                website: r.get(7)?,
                activities: r.get(8)?,
                status: Status::parse(&status).unwrap_or_default(),
                last_checked: r.get(10)?,
                last_checked_by: r.get(15)?,
                class_reason: if class == suggested_class {
                    String::new()
                } else {
                    r.get(16)?
                },
                class,
                suggested_class,
                community_features: side(Side::Community),
                voluntary_features: side(Side::Voluntary),
                faith,
                faith_name: r.get(18)?,
                bme_led,
                bme_serving,
                categories_served: served
                    .iter()
                    .filter_map(|c| category_names.get(c).cloned())
                    .collect(),
            })?;
        }
        Ok(())
    }

    /// The names the exports give categories and wards.
    pub(crate) fn export_names(&self) -> Result<ExportNames> {
        // Only the categories' names: the rest of the reference data (every ward) is not needed.
        let categories: HashMap<i64, String> = self
            .conn
            .prepare("SELECT id, name FROM categories")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let (faith_cat, bme_cat) = self.faith_and_bme_categories()?;
        // Each ward's name and how groups.csv names it (see `ExportedGroup::ward_ref`).
        let wards: HashMap<i64, (String, String)> = {
            let all: Vec<(i64, String, String)> = self
                .conn
                .prepare("SELECT id, code, name FROM wards")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut named: HashMap<String, usize> = HashMap::new();
            for (_, _, name) in &all {
                *named.entry(name.to_lowercase()).or_default() += 1;
            }
            all.into_iter()
                .map(|(id, code, name)| {
                    let shown = if named[&name.to_lowercase()] > 1 {
                        code
                    } else {
                        name.clone()
                    };
                    (id, (name, shown))
                })
                .collect()
        };
        Ok(ExportNames {
            categories,
            faith_cat,
            bme_cat,
            wards,
        })
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

/// Groups in name order as SQLite's NOCASE collation orders them (bytes compared with ASCII
/// letters folded), then by id. The exports sort here rather than with `ORDER BY name COLLATE
/// NOCASE`, which makes SQLite sort whole rows (0.4 s at 100,000 groups).
pub fn by_name(a: &str, a_id: i64, b: &str, b_id: i64) -> std::cmp::Ordering {
    nocase(a, b).then(a_id.cmp(&b_id))
}

/// Orders as SQLite's NOCASE collation does: bytes compared with ASCII letters folded.
fn nocase(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
}

/// The names the exports give categories and wards (a ward by its name and as groups.csv names
/// it), and the faith and BME categories.
pub(crate) struct ExportNames {
    categories: HashMap<i64, String>,
    faith_cat: Option<i64>,
    bme_cat: Option<i64>,
    wards: HashMap<i64, (String, String)>,
}

impl ExportNames {
    /// A group as the exports would show it, from its form's fields (saved or not): an import
    /// shows what a row will change in the words of groups.csv's cells.
    pub(crate) fn exported(&self, id: i64, g: &GroupInput) -> ExportedGroup {
        let mut a = [None; FEATURE_COUNT];
        for f in &g.features {
            if (1..=FEATURE_COUNT as u8).contains(&f.number) {
                a[f.number as usize - 1] = f.side;
            }
        }
        let suggested_class = classification::suggest(&a).class;
        let side = |s: Side| -> Vec<u8> {
            (1..=FEATURE_COUNT as u8)
                .filter(|n| a[*n as usize - 1] == Some(s))
                .collect()
        };
        let class = g.class_override.unwrap_or(suggested_class);
        let ward = g.ward_id.and_then(|w| self.wards.get(&w)).cloned();
        let mut wards_served: Vec<String> = g
            .place_ward_ids
            .iter()
            .filter_map(|w| self.wards.get(w).map(|(_, shown)| shown.clone()))
            .collect();
        wards_served.sort_unstable();
        let served = served_categories(
            &g.category_ids,
            g.faith,
            g.bme_led || g.bme_serving,
            self.faith_cat,
            self.bme_cat,
        );
        ExportedGroup {
            id,
            name: g.name.clone(),
            other_names: g.other_names.clone(),
            identifiers: g.identifiers.clone(),
            address: g.address.clone(),
            postcode: g.postcode.clone(),
            ward_ref: ward.as_ref().map(|w| w.1.clone()),
            ward: ward.map(|w| w.0),
            wards_served,
            interest: g.interest.clone(),
            enterprise: g.enterprise,
            email: g.email.clone(),
            phone: g.phone.clone(),
            website: g.website.clone(),
            activities: g.activities.clone(),
            status: g.status,
            last_checked: g.last_checked.clone(),
            last_checked_by: g.last_checked_by.clone(),
            class_reason: if class == suggested_class {
                String::new()
            } else {
                g.class_override_reason.clone()
            },
            class,
            suggested_class,
            community_features: side(Side::Community),
            voluntary_features: side(Side::Voluntary),
            faith: g.faith,
            faith_name: g.faith_name.clone(),
            bme_led: g.bme_led,
            bme_serving: g.bme_serving,
            categories_served: served
                .iter()
                .filter_map(|c| self.categories.get(c).cloned())
                .collect(),
        }
    }
}
