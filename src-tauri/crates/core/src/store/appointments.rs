//! Appointments over time: a seat's history, and ending a term.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::audit::Subject;
use super::partnerships::appointment_problems;
use super::Store;
use crate::domain::flags::in_words;
use crate::domain::partnership::{Appointment, Role, Selection};
use crate::error::{CoreError, FieldProblem, Result};

impl Store {
    /// Everyone who has held a seat or been its alternate, newest term first.
    ///
    /// # Errors
    /// `NotFound` for an unknown seat.
    pub fn seat_history(&self, seat_id: i64) -> Result<Vec<Appointment>> {
        super::partnerships::seat_label(&self.conn, seat_id)?;
        appointments_where(&self.conn, "a.seat_id = ?1", seat_id)
    }

    /// Ends a term on `on` (the last day it runs). A term may be ended early, or its end moved
    /// later when no one else holds the seat by then.
    ///
    /// # Errors
    /// `Invalid` when `on` is before the term began, or a later term of someone else would
    /// overlap; `NotFound` for an unknown appointment.
    pub fn end_appointment(&self, appointment_id: i64, on: NaiveDate) -> Result<()> {
        let row: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT seat_id, role, term_start FROM appointments WHERE id = ?1",
                [appointment_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (seat_id, role, start) = row.ok_or(CoreError::NotFound {
            what: "appointment",
            id: appointment_id,
        })?;
        let start = NaiveDate::parse_from_str(&start, "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
        if on < start {
            return Err(CoreError::Invalid(vec![FieldProblem::new(
                "term_end",
                format!(
                    "The term cannot end ({}) before it starts ({})",
                    in_words(on),
                    in_words(start)
                ),
            )]));
        }
        let role = Role::parse(&role).unwrap_or_default();
        let mut problems = appointment_problems(
            &self.conn,
            seat_id,
            role,
            start,
            Some(on),
            Some(appointment_id),
        )?;
        for p in &mut problems {
            p.field = "term_end".into();
        }
        if !problems.is_empty() {
            return Err(CoreError::Invalid(problems));
        }
        self.audited(Subject::Appointment, Some(appointment_id), None, |c| {
            c.execute(
                "UPDATE appointments SET term_end = ?1 WHERE id = ?2",
                params![on.to_string(), appointment_id],
            )?;
            Ok(appointment_id)
        })?;
        Ok(())
    }
}

/// Appointments matching `condition` (on `?1`), newest term first, with their names.
pub(super) fn appointments_where(
    conn: &Connection,
    condition: &str,
    value: i64,
) -> Result<Vec<Appointment>> {
    let sql = format!(
        "SELECT a.id, s.partnership_id, pa.name, a.seat_id, s.label, a.person_id, p.name,
                a.group_id, g.name, a.role, a.term_start, a.term_end, a.selection, a.openly_selected
         FROM appointments a
         JOIN seats s ON s.id = a.seat_id
         JOIN partnerships pa ON pa.id = s.partnership_id
         JOIN people p ON p.id = a.person_id
         LEFT JOIN groups g ON g.id = a.group_id
         WHERE {condition}
         ORDER BY a.term_start DESC, a.id DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([value], |r| {
        let role: String = r.get(9)?;
        let selection: String = r.get(12)?;
        Ok(Appointment {
            id: r.get(0)?,
            partnership_id: r.get(1)?,
            partnership: r.get(2)?,
            seat_id: r.get(3)?,
            seat: r.get(4)?,
            person_id: r.get(5)?,
            person: r.get(6)?,
            group_id: r.get(7)?,
            group: r.get(8)?,
            role: Role::parse(&role).unwrap_or_default(),
            term_start: r.get(10)?,
            term_end: r.get(11)?,
            selection: Selection::parse(&selection).unwrap_or(Selection::Appointed),
            openly_selected: r.get(13)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
