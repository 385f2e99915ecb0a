//! Gathers the facts behind each seat's flags (see `domain::flags`) in a few queries.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::Store;
use crate::domain::flags::{seat_flags, Attended, Flag, FlagSettings, HolderFacts, SeatFacts};
use crate::domain::names::shown_name;
use crate::error::Result;

/// A flag with the names a report needs.
#[derive(Debug, Clone, Serialize)]
pub struct FlagRow {
    pub partnership_id: i64,
    pub partnership: String,
    pub seat: String,
    pub holder: String,
    pub group: String,
    #[serde(flatten)]
    pub flag: Flag,
}

struct Appt {
    id: i64,
    seat_id: i64,
    person_id: i64,
    person: String,
    group_id: Option<i64>,
    group: Option<String>,
    role: String,
    start: NaiveDate,
    end: Option<NaiveDate>,
    selection: String,
    open: bool,
}

fn date(s: &str) -> Option<NaiveDate> {
    // Stored dates are ISO (checked when written); `parse` reads them without interpreting a
    // format string each time, which showed in the review pack's profile.
    s.parse().ok()
}

fn selection_words(s: &str) -> String {
    match s {
        "open_election" => "elected openly by the constituency",
        "open_nomination" => "nominated openly",
        "appointed" => "appointed",
        "co_opted" => "co-opted",
        "invited" => "invited",
        other => other,
    }
    .to_string()
}

impl Store {
    /// Every flag on every seat of every partnership, as of `today`, groups named as stored (the
    /// review pack and the command line's CSV).
    pub fn flags(&self, today: NaiveDate) -> Result<Vec<FlagRow>> {
        self.flags_named(today, false)
    }

    /// As [`Store::flags`], groups named as the window shows them (`names::shown_name`), in the
    /// flags' words too ("G-Force holds seats on 4 partnerships").
    pub fn flags_as_shown(&self, today: NaiveDate) -> Result<Vec<FlagRow>> {
        self.flags_named(today, true)
    }

    fn flags_named(&self, today: NaiveDate, shown: bool) -> Result<Vec<FlagRow>> {
        let c = &self.conn;
        let mut partnerships: HashMap<i64, (String, FlagSettings)> = HashMap::new();
        let mut stmt = c.prepare(
            "SELECT id, name, report_back_days, term_ending_days, declaration_months,
                    attendance_meetings, attendance_min_percent, over_consulted_partnerships
             FROM partnerships",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            partnerships.insert(
                r.get(0)?,
                (
                    r.get(1)?,
                    FlagSettings {
                        report_back_days: r.get(2)?,
                        term_ending_days: r.get(3)?,
                        declaration_months: r.get(4)?,
                        attendance_meetings: r.get::<_, i64>(5)? as usize,
                        attendance_min_percent: r.get(6)?,
                        over_consulted_partnerships: r.get::<_, i64>(7)? as usize,
                    },
                ),
            );
        }

        let mut appts: Vec<Appt> = Vec::new();
        let mut stmt = c.prepare(
            "SELECT a.id, a.seat_id, a.person_id, p.name, a.group_id, g.name, a.role, a.term_start,
                    a.term_end, a.selection, a.openly_selected
             FROM appointments a JOIN people p ON p.id = a.person_id
             LEFT JOIN groups g ON g.id = a.group_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let start: String = r.get(7)?;
            let end: Option<String> = r.get(8)?;
            let Some(start) = date(&start) else { continue };
            appts.push(Appt {
                id: r.get(0)?,
                seat_id: r.get(1)?,
                person_id: r.get(2)?,
                person: r.get(3)?,
                group_id: r.get(4)?,
                group: r
                    .get::<_, Option<String>>(5)?
                    .map(|g| if shown { shown_name(&g) } else { g }),
                role: r.get(6)?,
                start,
                end: end.as_deref().and_then(date),
                selection: r.get(9)?,
                open: r.get(10)?,
            });
        }
        let seat_partnership: HashMap<i64, i64> = c
            .prepare("SELECT id, partnership_id FROM seats")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let current = |a: &Appt| a.start <= today && a.end.is_none_or(|e| e >= today);
        // Where each person and group sits now (holder or alternate).
        let mut by_person: HashMap<i64, BTreeSet<String>> = HashMap::new();
        let mut by_group: HashMap<i64, BTreeSet<String>> = HashMap::new();
        for a in appts.iter().filter(|a| current(a)) {
            let Some(name) = seat_partnership
                .get(&a.seat_id)
                .and_then(|p| partnerships.get(p))
                .map(|p| p.0.clone())
            else {
                continue;
            };
            by_person
                .entry(a.person_id)
                .or_default()
                .insert(name.clone());
            if let Some(g) = a.group_id {
                by_group.entry(g).or_default().insert(name);
            }
        }
        // Only records dated on or before the day judged count: a declaration made in 2026
        // does not clear a holder who had none at the end of 2025 (a past year's review pack).
        let day = today.format("%Y-%m-%d").to_string();
        let last_dates = |sql: &str| -> Result<HashMap<i64, NaiveDate>> {
            let mut out = HashMap::new();
            let mut stmt = c.prepare(sql)?;
            let mut rows = stmt.query([&day])?;
            while let Some(r) = rows.next()? {
                let d: String = r.get(1)?;
                if let Some(d) = date(&d) {
                    out.insert(r.get(0)?, d);
                }
            }
            Ok(out)
        };
        let report_backs = last_dates(
            "SELECT appointment_id, max(on_date) FROM report_backs WHERE on_date <= ?1
             GROUP BY appointment_id",
        )?;
        let declarations = last_dates(
            "SELECT appointment_id, max(on_date) FROM declarations WHERE on_date <= ?1
             GROUP BY appointment_id",
        )?;
        let mut attendance: HashMap<i64, Vec<(NaiveDate, Attended)>> = HashMap::new();
        let mut stmt = c.prepare(
            "SELECT a.appointment_id, m.on_date, a.status FROM attendance a
             JOIN meetings m ON m.id = a.meeting_id ORDER BY m.on_date DESC",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let d: String = r.get(1)?;
            let status: String = r.get(2)?;
            let Some(d) = date(&d) else { continue };
            let a = match status.as_str() {
                "present" => Attended::Present,
                "apologies" => Attended::Apologies,
                _ => Attended::Absent,
            };
            if d <= today {
                attendance.entry(r.get(0)?).or_default().push((d, a));
            }
        }

        // The holder of a seat: the latest holder appointment that has begun.
        let mut holders: HashMap<i64, &Appt> = HashMap::new();
        for a in appts
            .iter()
            .filter(|a| a.role == "holder" && a.start <= today)
        {
            let e = holders.entry(a.seat_id).or_insert(a);
            if a.start > e.start {
                *e = a;
            }
        }

        let mut out = Vec::new();
        let mut stmt = c.prepare(
            "SELECT s.id, s.partnership_id, s.label, s.sector, s.constituency,
                    (SELECT count(*) FROM seat_categories sc WHERE sc.seat_id = s.id)
                  + (SELECT count(*) FROM seat_wards sw WHERE sw.seat_id = s.id)
             FROM seats s
             WHERE s.ended_on IS NULL OR s.ended_on >= ?1
             ORDER BY s.partnership_id, s.position",
        )?;
        let mut rows = stmt.query([&day])?;
        while let Some(r) = rows.next()? {
            let seat_id: i64 = r.get(0)?;
            let partnership_id: i64 = r.get(1)?;
            let Some((pname, settings)) = partnerships.get(&partnership_id) else {
                continue;
            };
            let holder = holders.get(&seat_id).map(|a| HolderFacts {
                appointment_id: a.id,
                person: a.person.clone(),
                group: a.group.clone(),
                term_start: a.start,
                term_end: a.end,
                selection: selection_words(&a.selection),
                openly_selected: a.open,
                last_report_back: report_backs.get(&a.id).copied(),
                last_declaration: declarations.get(&a.id).copied(),
                attendance: attendance.get(&a.id).cloned().unwrap_or_default(),
                person_partnerships: by_person
                    .get(&a.person_id)
                    .map(|s| s.iter().cloned().collect())
                    .unwrap_or_default(),
                group_partnerships: a
                    .group_id
                    .and_then(|g| by_group.get(&g))
                    .map(|s| s.iter().cloned().collect())
                    .unwrap_or_default(),
            });
            let facts = SeatFacts {
                seat_id,
                partnership: pname.clone(),
                seat: r.get(2)?,
                sector: r.get(3)?,
                constituency: r.get(4)?,
                constituency_tags: r.get::<_, i64>(5)? as usize,
                holder,
            };
            for flag in seat_flags(&facts, settings, today) {
                out.push(FlagRow {
                    partnership_id,
                    partnership: pname.clone(),
                    seat: facts.seat.clone(),
                    holder: facts
                        .holder
                        .as_ref()
                        .map(|h| h.person.clone())
                        .unwrap_or_default(),
                    group: facts
                        .holder
                        .as_ref()
                        .and_then(|h| h.group.clone())
                        .unwrap_or_default(),
                    flag,
                });
            }
        }
        Ok(out)
    }
}
