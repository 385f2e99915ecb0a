//! The ward list as a whole: loading a list (adding wards, renaming those whose code is known),
//! the districts it holds, and removing a district's wards when nothing uses them. Both changes
//! are recorded in `ward_list_changes` (migration 14), in the change's own transaction.

use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::json;

use super::audit::now_millis;
use super::reference::WardRow;
use super::tx::Tx;
use super::Store;
use crate::domain::fold::fold;
use crate::domain::names::shown_name;
use crate::error::{CoreError, Result, WardsInUse};

/// How many groups and seats are named in a refusal to remove wards.
const NAMED: usize = 3;

/// A ward as removal records it: id, code, name, district.
type WardOf = (i64, String, String, String);

/// One district of the ward list, with how many of its wards there are and how many groups
/// and seats use them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WardDistrict {
    /// As the ward list names it; "" for wards loaded without a district.
    pub name: String,
    pub wards: usize,
    pub groups: usize,
    pub seats: usize,
}

/// What loading a ward list did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WardsLoaded {
    pub read: usize,
    pub added: usize,
    pub renamed: usize,
}

/// One row of the ward list's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WardListChange {
    pub at: String,
    pub actor: String,
    /// "loaded" or "removed".
    pub action: String,
    pub district: String,
    pub file: String,
    pub added: usize,
    pub renamed: usize,
    pub removed: usize,
}

/// Ids of the wards in `?1`'s district, as a subquery (the district compared without case).
const IN_DISTRICT: &str = "SELECT id FROM wards WHERE lower(district) = lower(?1)";

impl Store {
    /// Adds the wards of a list, or renames them when their code is already known (ward names
    /// change at boundary reviews; the code is the ward), and records the load; `file` is the
    /// list's name for the record.
    pub fn load_wards(&self, wards: &[WardRow], file: &str) -> Result<WardsLoaded> {
        let tx = Tx::begin(&self.conn)?;
        // A removed ward's id is never given to another: the trail names wards by id.
        let mut next_id: i64 = tx.query_row(
            "SELECT max(coalesce((SELECT max(id) FROM wards), 0),
                        coalesce((SELECT max(json_extract(j.value, '$.id'))
                                  FROM ward_list_changes c, json_each(c.wards) j), 0)) + 1",
            [],
            |r| r.get(0),
        )?;
        let (mut added, mut renamed) = (0, 0);
        let mut districts: Vec<&str> = Vec::new();
        for w in wards {
            if !districts.contains(&w.district.as_str()) {
                districts.push(&w.district);
            }
            renamed += tx.execute(
                "UPDATE wards SET name = ?2, district = ?3 WHERE code = ?1 AND (name, district) IS NOT (?2, ?3)",
                params![w.code, w.name, w.district],
            )?;
            let inserted = tx.execute(
                "INSERT INTO wards (id, code, name, district) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (code) DO NOTHING",
                params![next_id, w.code, w.name, w.district],
            )?;
            next_id += inserted as i64;
            added += inserted;
        }
        districts.sort_by_key(|d| d.to_lowercase());
        tx.execute(
            "INSERT INTO ward_list_changes (at, actor, action, district, file, added, renamed)
             VALUES (?1, ?2, 'loaded', ?3, ?4, ?5, ?6)",
            params![
                now_millis(),
                self.actor(),
                districts.join(", "),
                file,
                added as i64,
                renamed as i64
            ],
        )?;
        tx.commit()?;
        Ok(WardsLoaded {
            read: wards.len(),
            added,
            renamed,
        })
    }

    /// The districts of the ward list, alphabetical, with their wards and what uses them.
    pub fn ward_districts(&self) -> Result<Vec<WardDistrict>> {
        let mut found: Vec<WardDistrict> = self
            .conn
            .prepare("SELECT district, count(*) FROM wards GROUP BY district")?
            .query_map([], |r| {
                Ok(WardDistrict {
                    name: r.get(0)?,
                    wards: r.get::<_, i64>(1)? as usize,
                    groups: 0,
                    seats: 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for d in &mut found {
            d.groups = groups_using(&self.conn, &d.name)?.len();
            d.seats = seats_using(&self.conn, &d.name)?.len();
        }
        found.sort_by(|a, b| fold(&a.name).cmp(&fold(&b.name)).then(a.name.cmp(&b.name)));
        Ok(found)
    }

    /// Removes every ward of `district` (named as the list names it, in any case) in one
    /// transaction, and records the removal with the wards it took out. Returns how many.
    ///
    /// # Errors
    /// `NoSuchDistrict` when no ward is in that district; `WardsInUse` when a group (its ward or
    /// the wards it serves), a seat (the wards it speaks for) or a merge that can still be undone
    /// uses one of them: nothing is removed.
    pub fn remove_ward_district(&self, district: &str) -> Result<usize> {
        let tx = Tx::begin(&self.conn)?;
        let (named, wards) = self.removable_wards(&tx, district)?;
        let removed = tx.execute(
            &format!("DELETE FROM wards WHERE id IN ({IN_DISTRICT})"),
            [&named],
        )?;
        let kept: Vec<_> = wards
            .iter()
            .map(|(id, code, name, district)| {
                json!({"id": id, "code": code, "name": name, "district": district})
            })
            .collect();
        tx.execute(
            "INSERT INTO ward_list_changes (at, actor, action, district, removed, wards)
             VALUES (?1, ?2, 'removed', ?3, ?4, ?5)",
            params![
                now_millis(),
                self.actor(),
                named,
                removed as i64,
                serde_json::Value::Array(kept).to_string()
            ],
        )?;
        tx.commit()?;
        Ok(removed)
    }

    /// How many wards removing `district`'s would remove, checked as `remove_ward_district`
    /// checks it but removing nothing: the window asks "Remove them?" only when they can be.
    ///
    /// # Errors
    /// As `remove_ward_district`.
    pub fn check_ward_district_removal(&self, district: &str) -> Result<usize> {
        Ok(self.removable_wards(&self.conn, district)?.1.len())
    }

    /// The wards of `district` with the district as the list names it, when nothing uses them.
    fn removable_wards(&self, tx: &Connection, district: &str) -> Result<(String, Vec<WardOf>)> {
        let district = district.trim();
        let wards: Vec<WardOf> = tx
            .prepare("SELECT id, code, name, district FROM wards WHERE lower(district) = lower(?1) ORDER BY id")?
            .query_map([district], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(named) = wards.first().map(|w| w.3.clone()) else {
            let known = self
                .ward_districts()?
                .into_iter()
                .map(|d| {
                    if d.name.is_empty() {
                        "(no district)".to_string()
                    } else {
                        d.name
                    }
                })
                .collect();
            return Err(CoreError::NoSuchDistrict {
                district: district.to_string(),
                known,
            });
        };
        let groups = groups_using(tx, &named)?;
        let seats = seats_using(tx, &named)?;
        let used: usize = tx.query_row(
            &format!(
                "SELECT count(*) FROM ({IN_DISTRICT}) w WHERE
                   EXISTS (SELECT 1 FROM groups g WHERE g.ward_id = w.id)
                   OR EXISTS (SELECT 1 FROM group_place_wards p WHERE p.ward_id = w.id)
                   OR EXISTS (SELECT 1 FROM seat_wards s WHERE s.ward_id = w.id)"
            ),
            [&named],
            |r| r.get::<_, i64>(0),
        )? as usize;
        // A merge keeps every row it changed, ward ids among them, to put back on undo.
        let merges: usize = tx.query_row(
            &format!(
                "SELECT count(DISTINCT m.id) FROM merge_log m, json_tree(m.before) j
                 WHERE m.undone_at IS NULL AND j.key = 'ward_id' AND j.value IN ({IN_DISTRICT})"
            ),
            [&named],
            |r| r.get::<_, i64>(0),
        )? as usize;
        if !groups.is_empty() || !seats.is_empty() || merges > 0 {
            return Err(CoreError::WardsInUse(WardsInUse {
                district: named,
                wards: used,
                groups: groups.len(),
                seats: seats.len(),
                merges,
                named: groups.iter().chain(&seats).take(NAMED).cloned().collect(),
            }));
        }
        Ok((named, wards))
    }

    /// The ward list's record, newest first.
    pub fn ward_list_changes(&self) -> Result<Vec<WardListChange>> {
        Ok(self
            .conn
            .prepare(
                "SELECT at, actor, action, district, file, added, renamed, removed
                 FROM ward_list_changes ORDER BY id DESC",
            )?
            .query_map([], |r| {
                Ok(WardListChange {
                    at: r.get(0)?,
                    actor: r.get(1)?,
                    action: r.get(2)?,
                    district: r.get(3)?,
                    file: r.get(4)?,
                    added: r.get::<_, i64>(5)? as usize,
                    renamed: r.get::<_, i64>(6)? as usize,
                    removed: r.get::<_, i64>(7)? as usize,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// A removed ward's name, from the record of its removal, for reading the trail.
    pub(super) fn removed_ward_name(&self, id: i64) -> Option<String> {
        self.conn
            .query_row(
                "SELECT json_extract(j.value, '$.name') FROM ward_list_changes c, json_each(c.wards) j
                 WHERE json_extract(j.value, '$.id') = ?1 ORDER BY c.id DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .ok()
    }
}

/// The names of the groups whose ward, or one of the wards they serve, is in `district`,
/// alphabetical.
fn groups_using(conn: &Connection, district: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare(&format!(
            "SELECT g.name FROM groups g
             WHERE g.ward_id IN ({IN_DISTRICT})
                OR EXISTS (SELECT 1 FROM group_place_wards p
                           WHERE p.group_id = g.id AND p.ward_id IN ({IN_DISTRICT}))
             ORDER BY g.name COLLATE NOCASE, g.id"
        ))?
        // Named as the window shows them: "Brink Productions", not "BRINK PRODUCTIONS".
        .query_map([district], |r| Ok(shown_name(&r.get::<_, String>(0)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// "VCSE seat (Health and wellbeing board)" for each seat speaking for a ward in `district`.
fn seats_using(conn: &Connection, district: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare(&format!(
            "SELECT s.label || ' (' || p.name || ')' FROM seats s JOIN partnerships p ON p.id = s.partnership_id
             WHERE EXISTS (SELECT 1 FROM seat_wards w WHERE w.seat_id = s.id AND w.ward_id IN ({IN_DISTRICT}))
             ORDER BY p.name COLLATE NOCASE, s.position, s.id"
        ))?
        .query_map([district], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ward(code: &str, name: &str, district: &str) -> WardRow {
        WardRow {
            code: code.into(),
            name: name.into(),
            district: district.into(),
        }
    }

    fn trafford() -> Vec<WardRow> {
        vec![
            ward("E05000819", "Altrincham", "Trafford"),
            ward("E05000820", "Ashton upon Mersey", "Trafford"),
        ]
    }

    fn names(s: &Store) -> Vec<String> {
        s.reference_data()
            .unwrap()
            .wards
            .into_iter()
            .map(|w| format!("{} ({})", w.name, w.district))
            .collect()
    }

    #[test]
    fn a_districts_wards_are_removed_in_one_step_when_nothing_uses_them_and_the_removal_is_recorded(
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path().join("d.sqlite3")).unwrap();
        s.set_actor("amina");
        let loaded = s.load_wards(&trafford(), "wards.csv").unwrap();
        assert_eq!((loaded.read, loaded.added, loaded.renamed), (2, 2, 0));
        let districts = s.ward_districts().unwrap();
        assert_eq!(
            districts
                .iter()
                .map(|d| (d.name.as_str(), d.wards))
                .collect::<Vec<_>>(),
            [("Salford", 20), ("Trafford", 2)]
        );

        assert_eq!(s.remove_ward_district(" salford ").unwrap(), 20);
        assert_eq!(
            names(&s),
            ["Altrincham (Trafford)", "Ashton upon Mersey (Trafford)"]
        );
        let record = s.ward_list_changes().unwrap();
        assert_eq!(
            record
                .iter()
                .map(|c| (c.action.as_str(), c.district.as_str(), c.added, c.removed))
                .collect::<Vec<_>>(),
            [("removed", "Salford", 0, 20), ("loaded", "Trafford", 2, 0)]
        );
        assert_eq!(
            (record[0].actor.as_str(), record[1].file.as_str()),
            ("amina", "wards.csv")
        );

        // A district not in the list is refused, naming those there are.
        let e = s.remove_ward_district("Salford").unwrap_err();
        assert!(matches!(e, CoreError::NoSuchDistrict { .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "there are no wards in the district Salford (the ward list's districts are: Trafford)"
        );

        // Loading Salford again gives its wards new ids: the trail names wards by id, so a
        // removed ward's id is never another's, and the trail still names the removed one.
        let before_max: i64 = s
            .conn
            .query_row("SELECT max(id) FROM wards", [], |r| r.get(0))
            .unwrap();
        s.remove_ward_district("Trafford").unwrap();
        s.load_wards(&[ward("E05013018", "Barton & Winton", "Salford")], "w.csv")
            .unwrap();
        let new_id: i64 = s
            .conn
            .query_row("SELECT id FROM wards", [], |r| r.get(0))
            .unwrap();
        assert!(new_id > before_max, "{new_id} reuses a removed ward's id");
        assert_eq!(
            s.removed_ward_name(before_max).as_deref(),
            Some("Ashton upon Mersey")
        );
    }

    #[test]
    fn removing_wards_is_refused_while_groups_or_seats_use_them_and_nothing_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path().join("d.sqlite3")).unwrap();
        // The demo directory's groups and seats use Salford's wards.
        s.load_demo().unwrap();
        let e = s.remove_ward_district("Salford").unwrap_err();
        let CoreError::WardsInUse(used) = &e else {
            panic!("{e:?}")
        };
        assert_eq!(used.district, "Salford");
        assert!(used.groups > 100 && used.seats > 0, "{used:?}");
        assert_eq!(used.named.len(), 3);
        let message = e.to_string();
        assert!(
            message.starts_with(&format!(
                "Salford's wards cannot be removed: 20 of them are chosen by {} groups and {} seats ({}, {}, {} and {} more). Choose other wards for those first",
                used.groups,
                used.seats,
                used.named[0],
                used.named[1],
                used.named[2],
                used.groups + used.seats - 3
            )),
            "{message}"
        );
        assert_eq!(s.reference_data().unwrap().wards.len(), 20);
        assert!(s.ward_list_changes().unwrap().is_empty());
        let salford = &s.ward_districts().unwrap()[0];
        assert_eq!((salford.groups, salford.seats), (used.groups, used.seats));

        // Once the demo is gone nothing uses them.
        s.remove_demo().unwrap();
        assert_eq!(s.remove_ward_district("Salford").unwrap(), 20);
    }

    #[test]
    fn one_seat_speaking_for_a_ward_is_named_in_the_refusal() {
        let used = WardsInUse {
            district: "Trafford".into(),
            wards: 1,
            groups: 0,
            seats: 1,
            merges: 0,
            named: vec!["VCSE seat (Health board)".into()],
        };
        assert_eq!(
            CoreError::WardsInUse(used).to_string(),
            "Trafford's wards cannot be removed: 1 of them is chosen by 1 seat (VCSE seat (Health board)). Choose other wards for those first (or none), then try again."
        );
    }

    #[test]
    fn loading_again_renames_a_ward_by_its_code_and_adds_none() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path().join("d.sqlite3")).unwrap();
        s.load_wards(&trafford(), "wards.csv").unwrap();
        let mut renamed = trafford();
        renamed[0].name = "Altrincham Central".into();
        let again = s.load_wards(&renamed, "wards-2024.csv").unwrap();
        assert_eq!((again.added, again.renamed), (0, 1));
        assert!(names(&s).contains(&"Altrincham Central (Trafford)".to_string()));
        assert_eq!(s.ward_districts().unwrap()[1].wards, 2);
    }
}
