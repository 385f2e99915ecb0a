//! Reads what search looks at for every group, in three queries rather than one per group.

use std::collections::HashMap;

use super::Store;
use crate::domain::search::{SearchIndex, Searchable};
use crate::error::Result;

impl Store {
    /// A fresh search index over the whole directory.
    pub fn search_index(&self) -> Result<SearchIndex> {
        let mut items: HashMap<i64, Searchable> = HashMap::new();
        let mut order = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.name, g.postcode, coalesce(w.name, ''), g.activities
             FROM groups g LEFT JOIN wards w ON w.id = g.ward_id ORDER BY g.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            order.push(id);
            items.insert(
                id,
                Searchable {
                    id,
                    name: r.get(1)?,
                    postcode: r.get(2)?,
                    ward: r.get(3)?,
                    activities: r.get(4)?,
                    ..Default::default()
                },
            );
        }
        let mut stmt = self
            .conn
            .prepare("SELECT group_id, name FROM group_other_names ORDER BY group_id, position")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(item) = items.get_mut(&r.get::<_, i64>(0)?) {
                item.other_names.push(r.get(1)?);
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT group_id, value FROM group_identifiers ORDER BY group_id, position")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(item) = items.get_mut(&r.get::<_, i64>(0)?) {
                item.identifiers.push(r.get(1)?);
            }
        }
        Ok(SearchIndex::new(
            order.into_iter().filter_map(|id| items.remove(&id)),
        ))
    }
}
