//! The accountability log of an appointment: report-backs, declarations of interest and
//! attendance at the partnership's meetings.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::audit::Subject;
use super::Store;
use crate::domain::flags::{in_words, term_in_words, Attended};
use crate::domain::partnership::{
    attended_str, not_yet, parse_attended, report_back_problem, AccountabilityLog, AttendanceMark,
    AttendanceRecord, Declaration, RegisterEntry, ReportBack, Role,
};
use crate::error::{CoreError, FieldProblem, Result};

impl Store {
    fn appointment_start(&self, appointment_id: i64) -> Result<NaiveDate> {
        let start: Option<String> = self
            .conn
            .query_row(
                "SELECT term_start FROM appointments WHERE id = ?1",
                [appointment_id],
                |r| r.get(0),
            )
            .optional()?;
        let start = start.ok_or(CoreError::NotFound {
            what: "appointment",
            id: appointment_id,
        })?;
        Ok(NaiveDate::parse_from_str(&start, "%Y-%m-%d").unwrap_or(NaiveDate::MIN))
    }

    fn check_log_date(
        &self,
        appointment_id: i64,
        on: NaiveDate,
        today: NaiveDate,
        what: &str,
    ) -> Result<()> {
        // A date to come would silence the seat's flags (report-back overdue, no declaration).
        if let Some(p) = not_yet("on_date", on, today, what) {
            return Err(CoreError::Invalid(vec![p]));
        }
        let start = self.appointment_start(appointment_id)?;
        if on < start {
            return Err(CoreError::Invalid(vec![FieldProblem::new(
                "on_date",
                format!(
                    "{} is before this term began on {}",
                    crate::domain::flags::in_words(on),
                    crate::domain::flags::in_words(start)
                ),
            )]));
        }
        Ok(())
    }

    /// Records that the holder reported back to those they represent, on `on`, no later than
    /// `today`.
    pub fn record_report_back(
        &self,
        appointment_id: i64,
        on: NaiveDate,
        how: &str,
        to_whom: &str,
        today: NaiveDate,
    ) -> Result<i64> {
        let mut problems: Vec<FieldProblem> =
            report_back_problem(how, to_whom).into_iter().collect();
        match self.check_log_date(
            appointment_id,
            on,
            today,
            "record a report-back once it has been made",
        ) {
            Ok(()) => {}
            Err(CoreError::Invalid(more)) => problems.extend(more),
            Err(e) => return Err(e),
        }
        if !problems.is_empty() {
            return Err(CoreError::Invalid(problems));
        }
        self.audited(Subject::ReportBack, None, None, |c| {
            c.execute(
                "INSERT INTO report_backs (appointment_id, on_date, how, to_whom) VALUES (?1, ?2, ?3, ?4)",
                params![appointment_id, on.to_string(), how.trim(), to_whom.trim()],
            )?;
            Ok(c.last_insert_rowid())
        })
    }

    /// Records a declaration of interests; `what` empty means a nil declaration, which counts.
    pub fn record_declaration(
        &self,
        appointment_id: i64,
        on: NaiveDate,
        what: &str,
        today: NaiveDate,
    ) -> Result<i64> {
        self.check_log_date(
            appointment_id,
            on,
            today,
            "record a declaration once it has been made",
        )?;
        let what = what.trim();
        self.audited(Subject::Declaration, None, None, |c| {
            c.execute(
                "INSERT INTO declarations (appointment_id, on_date, what, is_nil) VALUES (?1, ?2, ?3, ?4)",
                params![appointment_id, on.to_string(), what, what.is_empty()],
            )?;
            Ok(c.last_insert_rowid())
        })
    }
}

impl Store {
    /// Records a meeting of a partnership on `on` (once per day; recording it again corrects
    /// the register) and who was present, sent apologies or was absent. All or nothing.
    /// Returns the meeting's id.
    ///
    /// # Errors
    /// `Invalid` naming the person when an appointment is not on this partnership or the
    /// meeting falls outside their term; `NotFound` for an unknown partnership.
    pub fn record_attendance(
        &self,
        partnership_id: i64,
        on: NaiveDate,
        marks: &[AttendanceMark],
        today: NaiveDate,
    ) -> Result<i64> {
        if let Some(p) = not_yet(
            "on_date",
            on,
            today,
            "record a meeting's register once it has met",
        ) {
            return Err(CoreError::Invalid(vec![p]));
        }
        super::partnership_edit::partnership_must_exist(&self.conn, partnership_id)?;
        let on_s = on.to_string();
        let mut problems = Vec::new();
        for (i, m) in marks.iter().enumerate() {
            let row: Option<(i64, String, String, Option<String>)> = self
                .conn
                .query_row(
                    "SELECT s.partnership_id, p.name, a.term_start, a.term_end
                     FROM appointments a JOIN seats s ON s.id = a.seat_id
                     JOIN people p ON p.id = a.person_id WHERE a.id = ?1",
                    [m.appointment_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let field = format!("marks[{i}]");
            match row {
                None => problems.push(FieldProblem::new(
                    field,
                    "That appointment no longer exists",
                )),
                Some((p, who, _, _)) if p != partnership_id => problems.push(FieldProblem::new(
                    field,
                    format!("{who} does not sit on this partnership"),
                )),
                Some((_, who, start, end)) => {
                    // A register only counts those whose term covered the meeting.
                    if on_s < start || end.as_deref().is_some_and(|e| on_s.as_str() > e) {
                        problems.push(FieldProblem::new(
                            field,
                            format!(
                                "{who}'s term ({}) did not cover a meeting on {}",
                                term_in_words(&start, end.as_deref()),
                                in_words(on)
                            ),
                        ));
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(CoreError::Invalid(problems));
        }
        // Recording a meeting again corrects its register: an edit of the meeting in the trail.
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM meetings WHERE partnership_id = ?1 AND on_date = ?2",
                params![partnership_id, on_s],
                |r| r.get(0),
            )
            .optional()?;
        self.audited(Subject::Meeting, existing, None, |tx| {
            tx.execute(
                "INSERT INTO meetings (partnership_id, on_date) VALUES (?1, ?2)
                 ON CONFLICT (partnership_id, on_date) DO NOTHING",
                params![partnership_id, on_s],
            )?;
            let meeting: i64 = tx.query_row(
                "SELECT id FROM meetings WHERE partnership_id = ?1 AND on_date = ?2",
                params![partnership_id, on_s],
                |r| r.get(0),
            )?;
            for m in marks {
                tx.execute(
                    "INSERT INTO attendance (meeting_id, appointment_id, status) VALUES (?1, ?2, ?3)
                     ON CONFLICT (meeting_id, appointment_id) DO UPDATE SET status = excluded.status",
                    params![meeting, m.appointment_id, attended_str(m.status)],
                )?;
            }
            Ok(meeting)
        })
    }

    /// Who a meeting's register lists: everyone holding a seat of the partnership, or its
    /// alternate, on the meeting's day `on` (not today: minutes are often caught up after the
    /// membership has changed), seat by seat, with their mark if that day's meeting is recorded.
    ///
    /// # Errors
    /// `NotFound` for an unknown partnership.
    pub fn register_on(&self, partnership_id: i64, on: NaiveDate) -> Result<Vec<RegisterEntry>> {
        super::partnership_edit::partnership_must_exist(&self.conn, partnership_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT a.id, p.name, s.label, a.role,
                    (SELECT at.status FROM attendance at JOIN meetings m ON m.id = at.meeting_id
                     WHERE at.appointment_id = a.id AND m.partnership_id = s.partnership_id
                       AND m.on_date = ?2)
             FROM appointments a JOIN seats s ON s.id = a.seat_id
             JOIN people p ON p.id = a.person_id
             WHERE s.partnership_id = ?1 AND a.term_start <= ?2
               AND (a.term_end IS NULL OR a.term_end >= ?2)
               AND (s.ended_on IS NULL OR s.ended_on >= ?2)
             ORDER BY s.position, s.id, a.role = 'alternate', a.term_start",
        )?;
        let rows = stmt.query_map(params![partnership_id, on.to_string()], |r| {
            let role: String = r.get(3)?;
            let recorded: Option<String> = r.get(4)?;
            Ok(RegisterEntry {
                appointment_id: r.get(0)?,
                person: r.get(1)?,
                seat: r.get(2)?,
                role: Role::parse(&role).unwrap_or_default(),
                recorded: recorded.as_deref().and_then(parse_attended),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An appointment's report-backs, declarations and attendance, newest first.
    ///
    /// # Errors
    /// `NotFound` for an unknown appointment.
    pub fn accountability_log(&self, appointment_id: i64) -> Result<AccountabilityLog> {
        self.appointment_start(appointment_id)?;
        let c = &self.conn;
        let report_backs = c
            .prepare(
                "SELECT id, on_date, how, to_whom FROM report_backs WHERE appointment_id = ?1
                 ORDER BY on_date DESC, id DESC",
            )?
            .query_map([appointment_id], |r| {
                Ok(ReportBack {
                    id: r.get(0)?,
                    on_date: r.get(1)?,
                    how: r.get(2)?,
                    to_whom: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let declarations = c
            .prepare(
                "SELECT id, on_date, what, is_nil FROM declarations WHERE appointment_id = ?1
                 ORDER BY on_date DESC, id DESC",
            )?
            .query_map([appointment_id], |r| {
                Ok(Declaration {
                    id: r.get(0)?,
                    on_date: r.get(1)?,
                    what: r.get(2)?,
                    is_nil: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let attendance = c
            .prepare(
                "SELECT m.id, m.on_date, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id
                 WHERE a.appointment_id = ?1 ORDER BY m.on_date DESC",
            )?
            .query_map([appointment_id], |r| {
                let status: String = r.get(2)?;
                Ok(AttendanceRecord {
                    meeting_id: r.get(0)?,
                    on_date: r.get(1)?,
                    status: parse_attended(&status).unwrap_or(Attended::Absent),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(AccountabilityLog {
            appointment_id,
            report_backs,
            declarations,
            attendance,
        })
    }
}
