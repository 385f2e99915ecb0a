//! The demo directory: loaded once into an empty store (and by `compactdir demo load`), marked
//! as demo on every row, and removable in one step without touching anything a user added.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::groups::save_group_in;
use super::Store;
use crate::domain::classification::Side;
use crate::domain::group::{Enterprise, FeatureAnswer, GroupInput, Status};
use crate::error::{CoreError, Result};
use crate::seeds::{self, AppointmentSeed, GroupSeed, PartnershipSeed, PersonSeed};

const DEMO_OFFERED: &str = "demo_offered";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DemoCounts {
    pub groups: usize,
    pub people: usize,
    pub partnerships: usize,
    pub seats: usize,
}

impl Store {
    /// On first start into an empty store, load the demo; never again once it has been offered,
    /// so a user who removed it does not get it back.
    pub fn load_demo_on_first_start(&mut self) -> Result<Option<DemoCounts>> {
        let empty: bool = self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM groups) AND NOT EXISTS (SELECT 1 FROM partnerships)",
            [],
            |r| r.get(0),
        )?;
        if self.meta(DEMO_OFFERED)?.is_some() || !empty {
            return Ok(None);
        }
        self.load_demo().map(Some)
    }

    /// Loads the demo directory in one transaction (all of it or nothing).
    ///
    /// # Errors
    /// `Conflict` when demo data is already loaded; `Seed` or `Invalid` if a seed file is broken.
    pub fn load_demo(&mut self) -> Result<DemoCounts> {
        if self.summary()?.demo_loaded {
            return Err(CoreError::Conflict(
                "the demo directory is already loaded".to_string(),
            ));
        }
        let groups: Vec<GroupSeed> =
            seeds::parse_json("seeds/demo/groups.json", seeds::DEMO_GROUPS_JSON)?;
        let people: Vec<PersonSeed> =
            seeds::parse_json("seeds/demo/people.json", seeds::DEMO_PEOPLE_JSON)?;
        let partnerships: Vec<PartnershipSeed> = seeds::parse_json(
            "seeds/demo/partnerships.json",
            seeds::DEMO_PARTNERSHIPS_JSON,
        )?;
        let tx = self.conn.transaction()?;
        let wards = name_to_id(&tx, "SELECT name, id FROM wards")?;
        let categories = name_to_id(&tx, "SELECT key, id FROM categories")?;
        let lookup = |map: &HashMap<String, i64>, what: &str, key: &str| -> Result<i64> {
            map.get(key).copied().ok_or_else(|| CoreError::Seed {
                file: "seeds/demo".into(),
                reason: format!("unknown {what} {key:?}"),
            })
        };

        let mut group_ids = HashMap::new();
        for g in &groups {
            let input = group_input(g, &|w| lookup(&wards, "ward", w), &|c| {
                lookup(&categories, "category", c)
            })?;
            let id = save_group_in(&tx, input, true).map_err(|e| CoreError::Seed {
                file: "seeds/demo/groups.json".into(),
                reason: format!("group {}: {e}", g.key),
            })?;
            group_ids.insert(g.key.clone(), id);
        }
        let mut person_ids = HashMap::new();
        for p in &people {
            tx.execute(
                "INSERT INTO people (name, email, phone, lawful_basis, consent_date, consent_how,
                   review_date, is_demo)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
                params![
                    p.name,
                    p.email,
                    p.phone,
                    p.lawful_basis,
                    p.consent_date,
                    p.consent_how,
                    p.review_date
                ],
            )?;
            person_ids.insert(p.key.clone(), tx.last_insert_rowid());
        }
        let mut seats = 0;
        for p in &partnerships {
            tx.execute(
                "INSERT INTO partnerships (name, kind, convenor, meeting_pattern, report_back_days,
                   last_review, next_review, is_demo)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
                params![
                    p.name,
                    p.kind,
                    p.convenor,
                    p.meeting_pattern,
                    p.report_back_days,
                    p.last_review,
                    p.next_review
                ],
            )?;
            let pid = tx.last_insert_rowid();
            let mut meetings = HashMap::new();
            for on in &p.meetings {
                tx.execute(
                    "INSERT INTO meetings (partnership_id, on_date) VALUES (?1, ?2)",
                    params![pid, on],
                )?;
                meetings.insert(on.clone(), tx.last_insert_rowid());
            }
            for (i, s) in p.seats.iter().enumerate() {
                tx.execute(
                    "INSERT INTO seats (partnership_id, position, label, sector, constituency, selection)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![pid, i as i64 + 1, s.label, s.sector, s.constituency, s.selection],
                )?;
                let sid = tx.last_insert_rowid();
                seats += 1;
                for c in &s.categories {
                    tx.execute(
                        "INSERT INTO seat_categories (seat_id, category_id) VALUES (?1, ?2)",
                        params![sid, lookup(&categories, "category", c)?],
                    )?;
                }
                for w in &s.wards {
                    tx.execute(
                        "INSERT INTO seat_wards (seat_id, ward_id) VALUES (?1, ?2)",
                        params![sid, lookup(&wards, "ward", w)?],
                    )?;
                }
                for (role, a) in [("holder", &s.holder), ("alternate", &s.alternate)] {
                    if let Some(a) = a {
                        let ids = Ids {
                            people: &person_ids,
                            groups: &group_ids,
                            meetings: &meetings,
                        };
                        insert_appointment(&tx, sid, role, a, &ids)?;
                    }
                }
            }
        }
        Store::set_meta(&tx, DEMO_OFFERED, &super::now_utc())?;
        tx.commit()?;
        Ok(DemoCounts {
            groups: groups.len(),
            people: people.len(),
            partnerships: partnerships.len(),
            seats,
        })
    }

    /// Removes every demo row (groups, people, partnerships with their seats and appointments).
    /// What a user added stays; a user's appointment that named a demo group keeps its person and
    /// seat but loses the group link.
    /// Returns how many demo groups were removed (none: there was no demo to remove).
    pub fn remove_demo(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let groups: i64 =
            tx.query_row("SELECT count(*) FROM groups WHERE is_demo = 1", [], |r| {
                r.get(0)
            })?;
        tx.execute_batch(
            "DELETE FROM partnerships WHERE is_demo = 1;
             DELETE FROM appointments WHERE person_id IN (SELECT id FROM people WHERE is_demo = 1);
             UPDATE appointments SET group_id = NULL
               WHERE group_id IN (SELECT id FROM groups WHERE is_demo = 1);
             DELETE FROM people WHERE is_demo = 1;
             DELETE FROM groups WHERE is_demo = 1;",
        )?;
        Store::set_meta(&tx, DEMO_OFFERED, &super::now_utc())?;
        tx.commit()?;
        Ok(groups as usize)
    }
}

fn name_to_id(conn: &Connection, sql: &str) -> Result<HashMap<String, i64>> {
    Ok(conn
        .prepare(sql)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

fn group_input(
    g: &GroupSeed,
    ward: &dyn Fn(&str) -> Result<i64>,
    category: &dyn Fn(&str) -> Result<i64>,
) -> Result<GroupInput> {
    let bad = |reason: String| CoreError::Seed {
        file: "seeds/demo/groups.json".into(),
        reason: format!("group {}: {reason}", g.key),
    };
    Ok(GroupInput {
        id: None,
        name: g.name.clone(),
        other_names: g.other_names.clone(),
        identifiers: g.identifiers.clone(),
        address: g.address.clone(),
        postcode: g.postcode.clone(),
        ward_id: g.ward.as_deref().map(ward).transpose()?,
        email: g.email.clone(),
        phone: g.phone.clone(),
        website: g.website.clone(),
        activities: g.activities.clone(),
        status: Status::parse(&g.status).ok_or_else(|| bad(format!("status {:?}", g.status)))?,
        last_checked: g.last_checked.clone(),
        last_checked_by: g.last_checked_by.clone(),
        features: g
            .features
            .iter()
            .enumerate()
            .map(|(i, side): (usize, &Option<Side>)| FeatureAnswer {
                number: i as u8 + 1,
                side: *side,
                evidence: String::new(),
            })
            .collect(),
        class_override: g.class_override.as_ref().map(|o| o.class),
        class_override_reason: g
            .class_override
            .as_ref()
            .map(|o| o.reason.clone())
            .unwrap_or_default(),
        enterprise: g
            .enterprise
            .as_deref()
            .map(|e| Enterprise::parse(e).ok_or_else(|| bad(format!("enterprise {e:?}"))))
            .transpose()?,
        faith: g.faith,
        faith_name: g.faith_name.clone(),
        bme_led: g.bme_led,
        bme_serving: g.bme_serving,
        place_ward_ids: g
            .place_wards
            .iter()
            .map(|w| ward(w))
            .collect::<Result<_>>()?,
        interest: g.interest.clone(),
        category_ids: g
            .categories
            .iter()
            .map(|c| category(c))
            .collect::<Result<_>>()?,
    })
}

/// The ids the demo's keys stand for, while it loads.
struct Ids<'a> {
    people: &'a HashMap<String, i64>,
    groups: &'a HashMap<String, i64>,
    /// A partnership's meetings by date.
    meetings: &'a HashMap<String, i64>,
}

/// An appointment with its report-backs, declarations and attendance.
fn insert_appointment(
    conn: &Connection,
    seat_id: i64,
    role: &str,
    a: &AppointmentSeed,
    ids: &Ids,
) -> Result<()> {
    let missing = |what: &str, key: &str| CoreError::Seed {
        file: "seeds/demo/partnerships.json".into(),
        reason: format!("unknown {what} {key:?}"),
    };
    let (people, groups) = (ids.people, ids.groups);
    let person = *people
        .get(&a.person)
        .ok_or_else(|| missing("person", &a.person))?;
    let group = a
        .group
        .as_ref()
        .map(|g| groups.get(g).copied().ok_or_else(|| missing("group", g)))
        .transpose()?;
    conn.execute(
        "INSERT INTO appointments (seat_id, person_id, group_id, role, term_start, term_end,
           selection, openly_selected)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            seat_id,
            person,
            group,
            role,
            a.term_start,
            a.term_end,
            a.selection_method,
            a.openly_selected
        ],
    )?;
    let appointment = conn.last_insert_rowid();
    for r in &a.report_backs {
        conn.execute(
            "INSERT INTO report_backs (appointment_id, on_date, how, to_whom) VALUES (?1, ?2, ?3, ?4)",
            params![appointment, r.on, r.how, r.to_whom],
        )?;
    }
    for d in &a.declarations {
        conn.execute(
            "INSERT INTO declarations (appointment_id, on_date, what, is_nil) VALUES (?1, ?2, ?3, ?4)",
            params![appointment, d.on, d.what, d.nil],
        )?;
    }
    for (on, status) in &a.attendance {
        let meeting = *ids.meetings.get(on).ok_or_else(|| missing("meeting", on))?;
        conn.execute(
            "INSERT INTO attendance (meeting_id, appointment_id, status) VALUES (?1, ?2, ?3)",
            params![meeting, appointment, status],
        )?;
    }
    Ok(())
}
