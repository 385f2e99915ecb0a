//! Appointments over time: a seat's history, and ending a term.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::audit::Subject;
use super::partnerships::appointment_problems;
use super::Store;
use crate::domain::flags::in_words;
use crate::domain::names::shown_name;
use crate::domain::partnership::{dates_in_words, Appointment, Role, Selection};
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
        problems.extend(term_records_problems(
            &self.conn,
            appointment_id,
            start,
            Some(on),
        )?);
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
        let group: Option<String> = r.get(8)?;
        Ok(Appointment {
            id: r.get(0)?,
            partnership_id: r.get(1)?,
            partnership: r.get(2)?,
            seat_id: r.get(3)?,
            seat: r.get(4)?,
            person_id: r.get(5)?,
            person: r.get(6)?,
            group_id: r.get(7)?,
            group_shown_name: group.as_deref().map(shown_name),
            group,
            role: Role::parse(&role).unwrap_or_default(),
            term_start: r.get(10)?,
            term_end: r.get(11)?,
            selection: Selection::parse(&selection).unwrap_or(Selection::Appointed),
            openly_selected: r.get(13)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The records kept on an appointment (report-backs, declarations, the meetings it is marked
/// at) that fall outside some span of days, oldest first.
#[derive(Debug, Default)]
pub(super) struct Records {
    report_backs: Vec<NaiveDate>,
    declarations: Vec<NaiveDate>,
    meetings: Vec<NaiveDate>,
}

impl Records {
    fn all(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.report_backs
            .iter()
            .chain(&self.declarations)
            .chain(&self.meetings)
            .copied()
    }

    pub(super) fn earliest(&self) -> Option<NaiveDate> {
        self.all().min()
    }

    pub(super) fn latest(&self) -> Option<NaiveDate> {
        self.all().max()
    }

    /// "the report-back of 1 October 2026 and the meetings of 15 August and 15 September 2026".
    pub(super) fn in_words(&self) -> String {
        let mut parts = Vec::new();
        for (one, many, dates) in [
            ("report-back", "report-backs", &self.report_backs),
            ("declaration", "declarations", &self.declarations),
            ("meeting", "meetings", &self.meetings),
        ] {
            if !dates.is_empty() {
                let what = if dates.len() == 1 { one } else { many };
                parts.push(format!("the {what} of {}", dates_in_words(dates)));
            }
        }
        match parts.len() {
            0 => String::new(),
            1 => parts.remove(0),
            n => format!("{} and {}", parts[..n - 1].join(", "), parts[n - 1]),
        }
    }
}

/// An appointment's records dated before `from` or after `to` (`None`: no bound on that side).
pub(super) fn records_outside(
    conn: &Connection,
    appointment_id: i64,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Records> {
    let from = from.map_or("0000-01-01".to_string(), |d| d.to_string());
    let to = to.map_or("9999-12-31".to_string(), |d| d.to_string());
    let dates = |sql: &str| -> Result<Vec<NaiveDate>> {
        let texts: Vec<String> = conn
            .prepare_cached(sql)?
            .query_map(params![appointment_id, from, to], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(texts
            .iter()
            .filter_map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
            .collect())
    };
    Ok(Records {
        report_backs: dates(
            "SELECT on_date FROM report_backs WHERE appointment_id = ?1
               AND (on_date < ?2 OR on_date > ?3) ORDER BY on_date",
        )?,
        declarations: dates(
            "SELECT on_date FROM declarations WHERE appointment_id = ?1
               AND (on_date < ?2 OR on_date > ?3) ORDER BY on_date",
        )?,
        meetings: dates(
            "SELECT m.on_date FROM attendance a JOIN meetings m ON m.id = a.meeting_id
             WHERE a.appointment_id = ?1 AND (m.on_date < ?2 OR m.on_date > ?3)
             ORDER BY m.on_date",
        )?,
    })
}

/// What stops an appointment's term from becoming `start` to `end`: records already kept on it
/// that would fall outside (the forms that add them refuse a date outside the term, so a
/// corrected or ended term must not leave any there either), named by date.
pub(super) fn term_records_problems(
    conn: &Connection,
    appointment_id: i64,
    start: NaiveDate,
    end: Option<NaiveDate>,
) -> Result<Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let before = records_outside(conn, appointment_id, Some(start), None)?;
    if let Some(earliest) = before.earliest() {
        problems.push(FieldProblem::new(
            "term_start",
            format!(
                "{} would fall outside the term (before it starts on {}): start it on or before {}",
                capitalised(&before.in_words()),
                in_words(start),
                in_words(earliest)
            ),
        ));
    }
    if let Some(end) = end {
        let after = records_outside(conn, appointment_id, None, Some(end))?;
        if let Some(latest) = after.latest() {
            problems.push(FieldProblem::new(
                "term_end",
                format!(
                    "{} would fall outside the term (after it ends on {}): end it on or after {}",
                    capitalised(&after.in_words()),
                    in_words(end),
                    in_words(latest)
                ),
            ));
        }
    }
    Ok(problems)
}

/// A sentence's first letter in capitals.
pub(super) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
