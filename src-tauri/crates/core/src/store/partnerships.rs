//! Partnerships, their seats and who holds them: what the secretary's screens read, and
//! appointing a person to a seat with the checks that keep the record straight.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::audit::Subject;
use super::tx::Tx;
use super::Store;
use crate::domain::classification::GroupClass;
use crate::domain::flags::{in_words, review_overdue, stored_date_in_words, Flag, ReviewOverdue};
use crate::domain::names::shown_name;
use crate::domain::partnership::Role;
use crate::error::{CoreError, FieldProblem, Result};

#[derive(Debug, Clone, Serialize)]
pub struct PartnershipRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub convenor: String,
    pub seats: usize,
    pub vacant: usize,
    /// How many flags its seats carry today.
    pub problems: usize,
    /// Its next annual review, when that day has passed.
    pub review_overdue: Option<ReviewOverdue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Holder {
    pub appointment_id: i64,
    pub person_id: i64,
    pub person: String,
    pub group_id: Option<i64>,
    pub group: Option<String>,
    /// `group` as the window shows it (`names::shown_name`).
    pub group_shown_name: Option<String>,
    pub group_class: Option<GroupClass>,
    pub term_start: String,
    pub term_end: Option<String>,
    pub selection: String,
    pub openly_selected: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeatRow {
    pub id: i64,
    pub label: String,
    pub sector: String,
    pub constituency: String,
    /// The names of the wards and of the categories (communities of interest) the seat speaks
    /// for, so the seats table shows its whole constituency, not only the words typed for it.
    pub wards: Vec<String>,
    pub categories: Vec<String>,
    pub holder: Option<Holder>,
    pub alternate: Option<Holder>,
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartnershipPage {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub convenor: String,
    pub meeting_pattern: String,
    pub report_back_days: i64,
    pub last_review: Option<String>,
    pub next_review: Option<String>,
    /// `next_review`, when that day has passed.
    pub review_overdue: Option<ReviewOverdue>,
    pub seats: Vec<SeatRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
}

/// Appointing a person to a seat. Either `person_id` or `new_person` names them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AppointmentInput {
    pub seat_id: i64,
    pub person_id: Option<i64>,
    pub new_person: String,
    pub group_id: Option<i64>,
    pub term_start: String,
    pub term_end: Option<String>,
    pub selection: String,
    pub openly_selected: bool,
    /// Holder (the default) or alternate; each has one person at a time.
    pub role: Role,
}

const SELECTIONS: &[&str] = &[
    "open_election",
    "open_nomination",
    "appointed",
    "co_opted",
    "invited",
];

fn parse_day(field: &str, s: &str) -> std::result::Result<NaiveDate, FieldProblem> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| FieldProblem::new(field, crate::domain::partnership::date_problem(s)))
}

impl Store {
    pub fn list_partnerships(&self, today: NaiveDate) -> Result<Vec<PartnershipRow>> {
        let mut problems: HashMap<i64, usize> = HashMap::new();
        let mut vacant: HashMap<i64, usize> = HashMap::new();
        for f in self.flags(today)? {
            *problems.entry(f.partnership_id).or_default() += 1;
            // A holder whose term has ended no longer sits: the seat is vacant, as the seat
            // balance and the review pack count it.
            if matches!(
                f.flag.kind,
                crate::domain::flags::FlagKind::Vacant | crate::domain::flags::FlagKind::TermEnded
            ) {
                *vacant.entry(f.partnership_id).or_default() += 1;
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.name, p.kind, p.convenor,
                    (SELECT count(*) FROM seats s WHERE s.partnership_id = p.id AND s.ended_on IS NULL),
                    p.next_review
             FROM partnerships p ORDER BY p.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: i64 = r.get(0)?;
            Ok(PartnershipRow {
                id,
                name: r.get(1)?,
                kind: r.get(2)?,
                convenor: r.get(3)?,
                seats: r.get::<_, i64>(4)? as usize,
                vacant: vacant.get(&id).copied().unwrap_or(0),
                problems: problems.get(&id).copied().unwrap_or(0),
                review_overdue: review_overdue(r.get::<_, Option<String>>(5)?.as_deref(), today),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn get_partnership(&self, id: i64, today: NaiveDate) -> Result<PartnershipPage> {
        let page = self
            .conn
            .query_row(
                "SELECT name, kind, convenor, meeting_pattern, report_back_days, last_review, next_review
                 FROM partnerships WHERE id = ?1",
                [id],
                |r| {
                    Ok(PartnershipPage {
                        id,
                        name: r.get(0)?,
                        kind: r.get(1)?,
                        convenor: r.get(2)?,
                        meeting_pattern: r.get(3)?,
                        report_back_days: r.get(4)?,
                        last_review: r.get(5)?,
                        review_overdue: review_overdue(
                            r.get::<_, Option<String>>(6)?.as_deref(),
                            today,
                        ),
                        next_review: r.get(6)?,
                        seats: Vec::new(),
                    })
                },
            )
            .optional()?
            .ok_or(CoreError::NotFound { what: "partnership", id })?;
        let mut flags: HashMap<i64, Vec<Flag>> = HashMap::new();
        for f in self
            .flags_as_shown(today)?
            .into_iter()
            .filter(|f| f.partnership_id == id)
        {
            flags.entry(f.flag.seat_id).or_default().push(f.flag);
        }
        let classes: HashMap<i64, GroupClass> = self
            .list_groups()?
            .into_iter()
            .map(|g| (g.id, g.class))
            .collect();
        let today_s = today.to_string();
        let holder = |seat_id: i64, role: &str| -> Result<Option<Holder>> {
            Ok(self
                .conn
                .query_row(
                    "SELECT a.id, a.person_id, p.name, a.group_id, g.name, a.term_start, a.term_end,
                            a.selection, a.openly_selected
                     FROM appointments a JOIN people p ON p.id = a.person_id
                     LEFT JOIN groups g ON g.id = a.group_id
                     WHERE a.seat_id = ?1 AND a.role = ?2 AND a.term_start <= ?3
                     ORDER BY a.term_start DESC LIMIT 1",
                    params![seat_id, role, today_s],
                    |r| {
                        let group_id: Option<i64> = r.get(3)?;
                        let group: Option<String> = r.get(4)?;
                        Ok(Holder {
                            appointment_id: r.get(0)?,
                            person_id: r.get(1)?,
                            person: r.get(2)?,
                            group_id,
                            group_shown_name: group.as_deref().map(shown_name),
                            group,
                            group_class: group_id.and_then(|g| classes.get(&g).copied()),
                            term_start: r.get(5)?,
                            term_end: r.get(6)?,
                            selection: r.get(7)?,
                            openly_selected: r.get(8)?,
                        })
                    },
                )
                .optional()?)
        };
        let mut stmt = self.conn.prepare(
            "SELECT id, label, sector, constituency FROM seats
             WHERE partnership_id = ?1 AND (ended_on IS NULL OR ended_on >= ?2) ORDER BY position, id",
        )?;
        let seats: Vec<(i64, String, String, String)> = stmt
            .query_map(params![id, today_s], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let names = |sql: &str, seat_id: i64| -> Result<Vec<String>> {
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_map([seat_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let mut page = page;
        for (seat_id, label, sector, constituency) in seats {
            page.seats.push(SeatRow {
                id: seat_id,
                label,
                sector,
                constituency,
                wards: names(
                    "SELECT w.name FROM seat_wards sw JOIN wards w ON w.id = sw.ward_id
                     WHERE sw.seat_id = ?1 ORDER BY w.name COLLATE NOCASE",
                    seat_id,
                )?,
                // In the categories' own order, as the seat form lists them.
                categories: names(
                    "SELECT c.name FROM seat_categories sc JOIN categories c ON c.id = sc.category_id
                     WHERE sc.seat_id = ?1 ORDER BY c.position, c.id",
                    seat_id,
                )?,
                holder: holder(seat_id, "holder")?,
                alternate: holder(seat_id, "alternate")?,
                flags: flags.remove(&seat_id).unwrap_or_default(),
            });
        }
        Ok(page)
    }

    pub fn list_people(&self) -> Result<Vec<PersonRow>> {
        Ok(self
            .conn
            .prepare("SELECT id, name FROM people ORDER BY name COLLATE NOCASE")?
            .query_map([], |r| {
                Ok(PersonRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Appoints a person to hold a seat (or to be its alternate), in one transaction (a new
    /// person is created with it).
    ///
    /// # Errors
    /// `Invalid`, by field and in words, for a term that ends before it starts, a seat that
    /// already has a holder over those dates (naming them), or a seat that has ended;
    /// `NotFound` for an unknown seat.
    pub fn appoint(&self, input: AppointmentInput) -> Result<i64> {
        let (start, end, new_name) = self.checked_appointment(&input, None)?;
        let tx = Tx::begin(&self.conn)?;
        let person_id = match input.person_id {
            Some(p) => p,
            None => self.audited(Subject::Person, None, None, |c| {
                // Holding a seat is a public role: legitimate interest until consent is recorded.
                c.execute(
                    "INSERT INTO people (name, lawful_basis) VALUES (?1, 'legitimate_interest')",
                    [&new_name],
                )?;
                Ok(c.last_insert_rowid())
            })?,
        };
        let id = self.audited(Subject::Appointment, None, None, |c| {
            c.execute(
            "INSERT INTO appointments (seat_id, person_id, group_id, role, term_start, term_end,
               selection, openly_selected) VALUES (?1, ?2, ?3, ?8, ?4, ?5, ?6, ?7)",
            params![
                input.seat_id,
                person_id,
                input.group_id,
                start.map(|d| d.to_string()),
                end.map(|d| d.to_string()),
                input.selection,
                input.openly_selected,
                input.role.as_str()
            ],
        )?;
            Ok(c.last_insert_rowid())
        })?;
        tx.commit()?;
        Ok(id)
    }

    /// The form's checks, shared by appointing and editing: dates, selection, the person and
    /// group, and the seat's other holders (`except` the appointment being edited).
    fn checked_appointment(
        &self,
        input: &AppointmentInput,
        except: Option<i64>,
    ) -> Result<(Option<NaiveDate>, Option<NaiveDate>, String)> {
        let mut problems = Vec::new();
        let start = parse_day("term_start", &input.term_start)
            .map_err(|p| problems.push(p))
            .ok();
        let end = match input
            .term_end
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(e) => parse_day("term_end", e).map_err(|p| problems.push(p)).ok(),
            None => None,
        };
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                problems.push(FieldProblem::new(
                    "term_end",
                    format!(
                        "The term cannot end ({}) before it starts ({})",
                        in_words(e),
                        in_words(s)
                    ),
                ));
            }
        }
        if !SELECTIONS.contains(&input.selection.as_str()) {
            problems.push(FieldProblem::new(
                "selection",
                "Choose how they were selected",
            ));
        }
        let new_name = crate::domain::group::tidy(&input.new_person);
        if input.person_id.is_none() && new_name.is_empty() {
            problems.push(FieldProblem::new(
                "new_person",
                "Choose a person or enter a new person's name",
            ));
        }
        if let Some(g) = input.group_id {
            let known: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1)",
                [g],
                |r| r.get(0),
            )?;
            if !known {
                problems.push(FieldProblem::new(
                    "group_id",
                    "That group is no longer in the directory: choose another, or none",
                ));
            }
        }
        if let Some(p) = input.person_id {
            let known: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)",
                [p],
                |r| r.get(0),
            )?;
            if !known {
                return Err(CoreError::NotFound {
                    what: "person",
                    id: p,
                });
            }
        }
        // A term that runs backwards has no dates to clash over: say that alone.
        let backwards = matches!((start, end), (Some(s), Some(e)) if e < s);
        if let (Some(s), false) = (start, backwards) {
            problems.extend(appointment_problems(
                &self.conn,
                input.seat_id,
                input.role,
                s,
                end,
                except,
            )?);
            // A corrected term must still cover the records already kept on it.
            if let Some(a) = except {
                problems.extend(super::appointments::term_records_problems(
                    &self.conn, a, s, end,
                )?);
            }
        } else {
            seat_label(&self.conn, input.seat_id)?;
        }
        if !problems.is_empty() {
            return Err(CoreError::Invalid(problems));
        }
        Ok((start, end, new_name))
    }

    /// Corrects an appointment: its group, term and how the holder was selected. The person, seat
    /// and role stay (appoint someone else instead); the same refusals as appointing apply, so a
    /// corrected term cannot overlap another holder's.
    ///
    /// # Errors
    /// `NotFound` for an unknown appointment; `Invalid` by field.
    pub fn edit_appointment(&self, appointment_id: i64, input: AppointmentInput) -> Result<()> {
        self.edit_appointment_audited(appointment_id, input, None)
    }

    /// Edits and writes the audit trail; `undoes` marks an edit made by Undo.
    pub(super) fn edit_appointment_audited(
        &self,
        appointment_id: i64,
        input: AppointmentInput,
        undoes: Option<i64>,
    ) -> Result<()> {
        let (seat_id, person_id, role): (i64, i64, String) = self
            .conn
            .query_row(
                "SELECT seat_id, person_id, role FROM appointments WHERE id = ?1",
                [appointment_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or(CoreError::NotFound {
                what: "appointment",
                id: appointment_id,
            })?;
        let input = AppointmentInput {
            seat_id,
            person_id: Some(person_id),
            new_person: String::new(),
            role: Role::parse(&role).unwrap_or_default(),
            ..input
        };
        let (start, end, _) = self.checked_appointment(&input, Some(appointment_id))?;
        self.audited(Subject::Appointment, Some(appointment_id), undoes, |c| {
            c.execute(
                "UPDATE appointments SET group_id = ?2, term_start = ?3, term_end = ?4, selection = ?5,
                   openly_selected = ?6 WHERE id = ?1",
                params![
                    appointment_id,
                    input.group_id,
                    start.map(|d| d.to_string()),
                    end.map(|d| d.to_string()),
                    input.selection,
                    input.openly_selected
                ],
            )?;
            Ok(appointment_id)
        })?;
        Ok(())
    }
}

/// A seat's label, or `NotFound`.
pub(super) fn seat_label(conn: &Connection, seat_id: i64) -> Result<String> {
    conn.query_row("SELECT label FROM seats WHERE id = ?1", [seat_id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(CoreError::NotFound {
        what: "seat",
        id: seat_id,
    })
}

/// What stops a term from `start` to `end` in `role` on a seat: the seat has ended before the
/// term starts, or someone else holds that role over any of those dates. `except` leaves out
/// the appointment being changed. Shared by appointing, ending a term and the seats import, so
/// each refuses in the same words.
pub(crate) fn appointment_problems(
    conn: &Connection,
    seat_id: i64,
    role: Role,
    start: NaiveDate,
    end: Option<NaiveDate>,
    except: Option<i64>,
) -> Result<Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let label = seat_label(conn, seat_id)?;
    let ended: Option<String> =
        conn.query_row("SELECT ended_on FROM seats WHERE id = ?1", [seat_id], |r| {
            r.get(0)
        })?;
    if let Some(ended) = ended
        .as_deref()
        .and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok())
    {
        if ended < start {
            problems.push(FieldProblem::new(
                "term_start",
                format!(
                    "{label} ended on {}: no one can be appointed to it after that",
                    in_words(ended)
                ),
            ));
        }
    }
    // Dates are ISO text, so comparing them as text compares them as dates; an open-ended term
    // runs to the end of time.
    let far = "9999-12-31".to_string();
    let end_s = end.map(|e| e.to_string()).unwrap_or(far.clone());
    let clash: Option<(String, String, Option<String>)> = conn
        .query_row(
            "SELECT p.name, a.term_start, a.term_end FROM appointments a
             JOIN people p ON p.id = a.person_id
             WHERE a.seat_id = ?1 AND a.role = ?5 AND a.id IS NOT ?6
               AND a.term_start <= ?3 AND coalesce(a.term_end, ?4) >= ?2
             ORDER BY a.term_start LIMIT 1",
            params![
                seat_id,
                start.to_string(),
                end_s,
                far,
                role.as_str(),
                except
            ],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((who, from, to)) = clash {
        let held = match role {
            Role::Holder => "held by",
            Role::Alternate => "covered (as alternate) by",
        };
        // A term that began earlier and has an end is fixed by starting after it; one that is
        // open-ended, or begins later, has to be ended (or corrected) first.
        let fix = match &to {
            Some(t) if from.as_str() <= start.to_string().as_str() => format!(
                "choose a start after {}, or correct that term",
                stored_date_in_words(t)
            ),
            _ => "end that term first".to_string(),
        };
        problems.push(FieldProblem::new(
            "term_start",
            format!(
                "{label} is already {held} {who} from {}{} over those dates: {fix}",
                stored_date_in_words(&from),
                to.as_ref()
                    .map(|t| format!(" to {}", stored_date_in_words(t)))
                    .unwrap_or_default()
            ),
        ));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seats_wards_and_categories_come_with_it_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path().join("d.sqlite3")).unwrap();
        s.load_demo().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let seats = |name: &str| {
            let id = s
                .list_partnerships(today)
                .unwrap()
                .into_iter()
                .find(|p| p.name == name)
                .unwrap()
                .id;
            s.get_partnership(id, today).unwrap().seats
        };
        let assembly = seats("Voluntary Sector Assembly");
        let swinton = assembly
            .iter()
            .find(|s| s.label == "Community groups (Swinton and Walkden)")
            .unwrap();
        // Nothing typed for its constituency: its four wards are what it speaks for.
        assert_eq!(swinton.constituency, "");
        assert_eq!(
            swinton.wards,
            [
                "Swinton & Wardley",
                "Swinton Park",
                "Walkden North",
                "Walkden South"
            ]
        );
        assert!(swinton.categories.is_empty());
        let trust = seats("Children and Young People's Trust");
        let hulton = trust
            .iter()
            .find(|s| s.label == "Little Hulton young people")
            .unwrap();
        assert_eq!(hulton.wards, ["Little Hulton"]);
        assert_eq!(hulton.categories, ["Young people"]);
    }
}
