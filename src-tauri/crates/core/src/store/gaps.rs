//! Gathers the rows behind the representation gaps matrix, the seat balance and the directory's
//! coverage (see `domain::gaps`, `domain::balance`, `domain::coverage`) in a few queries, not one
//! per seat. Whether an appointment has a flag comes from the same rules as every seat's flags
//! (`Store::flags`).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::groups::class_in_force;
use super::Store;
use crate::domain::balance::{self, SeatBalance};
use crate::domain::classification::{Side, FEATURE_COUNT};
use crate::domain::coverage::{self, CoverageGroup, DirectoryCoverage, WardFacts};
use crate::domain::flags::Flag;
use crate::domain::gaps::{
    self, AppointmentFacts, CategoryFacts, GapMatrix, GroupFacts, PartnershipFacts,
    RepresentationFacts, SeatHolding,
};
use crate::domain::group::served_categories;
use crate::domain::names::shown_name;
use crate::domain::partnership::Sector;
use crate::error::Result;

/// Groups named on an appointment that has begun by `?1`.
const APPOINTED_GROUPS: &str = "SELECT group_id FROM appointments WHERE term_start <= ?1";

impl Store {
    /// Every partnership's current seats, who fills them (with their flags as of `today`) and
    /// the groups they come from: what the gaps matrix and the seat balance are computed from.
    pub fn representation_facts(&self, today: NaiveDate) -> Result<RepresentationFacts> {
        self.representation_facts_with(today, &self.flags(today)?)
    }

    /// The same, from flags already worked out for `today` (the review pack needs both).
    pub(crate) fn representation_facts_with(
        &self,
        today: NaiveDate,
        all_flags: &[super::FlagRow],
    ) -> Result<RepresentationFacts> {
        let c = &self.conn;
        let today_s = today.to_string();
        let (faith_category, bme_category) = self.faith_and_bme_categories()?;
        let categories = self.gap_categories()?;
        let partnerships: Vec<PartnershipFacts> = c
            .prepare("SELECT id, name FROM partnerships ORDER BY name COLLATE NOCASE, id")?
            .query_map([], |r| {
                Ok(PartnershipFacts {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let mut flags: HashMap<i64, Vec<Flag>> = HashMap::new();
        for f in all_flags {
            if let Some(a) = f.flag.appointment_id {
                flags.entry(a).or_default().push(f.flag.clone());
            }
        }

        // The holder is the latest holder whose term has begun, as `Store::flags` takes it (an
        // ended term is flagged, not dropped); an alternate counts only while their term runs.
        let mut holders: HashMap<i64, (String, AppointmentFacts)> = HashMap::new();
        let mut alternates: HashMap<i64, (String, AppointmentFacts)> = HashMap::new();
        let mut stmt = c.prepare(
            "SELECT a.id, a.seat_id, a.role, a.group_id, p.name, a.term_start, a.term_end
             FROM appointments a JOIN people p ON p.id = a.person_id
             WHERE a.term_start <= ?1 ORDER BY a.id",
        )?;
        let mut rows = stmt.query([&today_s])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let seat_id: i64 = r.get(1)?;
            let role: String = r.get(2)?;
            let start: String = r.get(5)?;
            let end: Option<String> = r.get(6)?;
            let map = match role.as_str() {
                "holder" => &mut holders,
                _ if end.as_deref().is_none_or(|e| e >= today_s.as_str()) => &mut alternates,
                _ => continue,
            };
            if map.get(&seat_id).is_some_and(|(s, _)| *s >= start) {
                continue;
            }
            map.insert(
                seat_id,
                (
                    start,
                    AppointmentFacts {
                        appointment_id: id,
                        person: r.get(4)?,
                        group_id: r.get(3)?,
                        flags: flags.remove(&id).unwrap_or_default(),
                    },
                ),
            );
        }

        let mut seat_categories: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut stmt = c.prepare("SELECT seat_id, category_id FROM seat_categories")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            seat_categories
                .entry(r.get(0)?)
                .or_default()
                .push(r.get(1)?);
        }
        let mut seats = Vec::new();
        let mut stmt = c.prepare(
            "SELECT id, partnership_id, label, sector FROM seats
             WHERE ended_on IS NULL OR ended_on >= ?1 ORDER BY partnership_id, position, id",
        )?;
        let mut rows = stmt.query([&today_s])?;
        while let Some(r) = rows.next()? {
            let seat_id: i64 = r.get(0)?;
            let sector: String = r.get(3)?;
            seats.push(SeatHolding {
                seat_id,
                partnership_id: r.get(1)?,
                label: r.get(2)?,
                sector: Sector::parse(&sector).unwrap_or(Sector::Other),
                category_ids: seat_categories.remove(&seat_id).unwrap_or_default(),
                holder: holders.remove(&seat_id).map(|(_, a)| a),
                alternate: alternates.remove(&seat_id).map(|(_, a)| a),
            });
        }

        let mut answers: HashMap<i64, [Option<Side>; FEATURE_COUNT]> = HashMap::new();
        let mut stmt = c.prepare(&format!(
            "SELECT group_id, number, side FROM group_features
             WHERE side IS NOT NULL AND group_id IN ({APPOINTED_GROUPS})"
        ))?;
        let mut rows = stmt.query([&today_s])?;
        while let Some(r) = rows.next()? {
            let (g, n, side): (i64, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if (1..=FEATURE_COUNT as i64).contains(&n) {
                answers.entry(g).or_default()[n as usize - 1] = Side::parse(&side);
            }
        }
        let mut ticked: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut stmt = c.prepare(&format!(
            "SELECT group_id, category_id FROM group_categories WHERE group_id IN ({APPOINTED_GROUPS})"
        ))?;
        let mut rows = stmt.query([&today_s])?;
        while let Some(r) = rows.next()? {
            ticked.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut groups = HashMap::new();
        let mut stmt = c.prepare(&format!(
            "SELECT id, name, class_override, faith, bme_led OR bme_serving FROM groups
             WHERE id IN ({APPOINTED_GROUPS})"
        ))?;
        let mut rows = stmt.query([&today_s])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let class_override: Option<String> = r.get(2)?;
            groups.insert(
                id,
                GroupFacts {
                    name: r.get(1)?,
                    class: class_in_force(
                        class_override.as_deref(),
                        answers.get(&id).copied().unwrap_or_default(),
                    ),
                    faith: r.get(3)?,
                    bme: r.get(4)?,
                    category_ids: ticked.remove(&id).unwrap_or_default(),
                },
            );
        }

        Ok(RepresentationFacts {
            categories,
            partnerships,
            seats,
            groups,
            faith_category,
            bme_category,
        })
    }

    /// The representation gaps matrix as of `today`: partnerships (by name) by categories.
    pub fn gaps(&self, today: NaiveDate) -> Result<GapMatrix> {
        Ok(gaps::matrix(&self.representation_facts(today)?))
    }

    /// Every partnership's seat balance as of `today`, by name.
    pub fn seat_balance(&self, today: NaiveDate) -> Result<Vec<SeatBalance>> {
        Ok(balance::balance(&self.representation_facts(today)?))
    }

    /// As [`Store::gaps`], naming groups as the window shows them (`names::shown_name`: capitals
    /// in title case) in the cells' words. The command line's CSV and the review pack keep the
    /// names as stored.
    pub fn gaps_as_shown(&self, today: NaiveDate) -> Result<GapMatrix> {
        Ok(gaps::matrix(&shown_groups(
            self.representation_facts(today)?,
        )))
    }

    /// As [`Store::seat_balance`], naming the faith and BME groups as the window shows them.
    pub fn seat_balance_as_shown(&self, today: NaiveDate) -> Result<Vec<SeatBalance>> {
        Ok(balance::balance(&shown_groups(
            self.representation_facts(today)?,
        )))
    }

    /// The active groups by the wards they are in or serve and the categories they count for.
    pub fn coverage_facts(
        &self,
    ) -> Result<(Vec<WardFacts>, Vec<CategoryFacts>, Vec<CoverageGroup>)> {
        let c = &self.conn;
        let (faith_category, bme_category) = self.faith_and_bme_categories()?;
        let wards: Vec<WardFacts> = self
            .reference_data()?
            .wards
            .into_iter()
            .map(|w| WardFacts {
                id: w.id,
                name: w.name,
            })
            .collect();
        let mut places: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut stmt = c.prepare(
            "SELECT w.group_id, w.ward_id FROM group_place_wards w
             JOIN groups g ON g.id = w.group_id WHERE g.status = 'active'",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            places.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut ticked: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut stmt = c.prepare(
            "SELECT gc.group_id, gc.category_id FROM group_categories gc
             JOIN groups g ON g.id = gc.group_id WHERE g.status = 'active'",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            ticked.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut groups = Vec::new();
        let mut stmt = c.prepare(
            "SELECT id, ward_id, faith, bme_led OR bme_serving FROM groups WHERE status = 'active'",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let mut ward_ids = places.remove(&id).unwrap_or_default();
            ward_ids.extend(r.get::<_, Option<i64>>(1)?);
            let category_ids = served_categories(
                ticked.get(&id).map(Vec::as_slice).unwrap_or_default(),
                r.get(2)?,
                r.get(3)?,
                faith_category,
                bme_category,
            );
            groups.push(CoverageGroup {
                ward_ids,
                category_ids,
            });
        }
        Ok((wards, self.gap_categories()?, groups))
    }

    /// Wards by active categories, with every ward and category that has no known active group.
    pub fn directory_coverage(&self) -> Result<DirectoryCoverage> {
        let (wards, categories, groups) = self.coverage_facts()?;
        Ok(coverage::coverage(&wards, &categories, &groups))
    }

    /// The categories in the directory's order, retired ones included.
    fn gap_categories(&self) -> Result<Vec<CategoryFacts>> {
        Ok(self
            .reference_data()?
            .categories
            .into_iter()
            .map(|c| CategoryFacts {
                id: c.id,
                name: c.name,
                retired: c.retired,
            })
            .collect())
    }
}

/// The facts with every group's name as shown.
fn shown_groups(mut facts: RepresentationFacts) -> RepresentationFacts {
    for g in facts.groups.values_mut() {
        g.name = shown_name(&g.name);
    }
    facts
}
