//! Undoing one row of the audit trail. A change is undone by saving the record again, through
//! its normal form checks, with that field put back; an addition by removing what was added
//! when nothing depends on it yet. The undo is a new row that points at the one it undid.

use rusqlite::OptionalExtension;
use serde_json::Value;

use super::audit::Subject;
use super::merge::{self, MERGED_IN, MERGED_INTO};
use super::tx::Tx;
use super::Store;
use crate::domain::audit::{self, ERASED};
use crate::error::{CoreError, Result};

impl Store {
    /// Undoes the change recorded in row `entry_id` of the audit trail.
    ///
    /// # Errors
    /// `NotFound` for an unknown row; `Conflict`, in words, when it was undone already, the field
    /// has been changed again since (undo the later change first), the record is gone, the
    /// person was erased, or an addition has things depending on it; `Invalid` when the old value
    /// is no longer allowed (the form's own checks refuse it).
    pub fn undo_change(&self, entry_id: i64) -> Result<()> {
        type Row = (
            String,
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let row: Option<(Row, Option<i64>)> = self
            .conn
            .query_row(
                "SELECT subject, subject_id, action, field, old_value, new_value,
                        (SELECT id FROM audit_log WHERE undoes = ?1)
                 FROM audit_log WHERE id = ?1",
                [entry_id],
                |r| {
                    Ok((
                        (
                            r.get(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                        ),
                        r.get(6)?,
                    ))
                },
            )
            .optional()?;
        let ((subject, id, action, field, old, new), undone_by) =
            row.ok_or(CoreError::NotFound {
                what: "change",
                id: entry_id,
            })?;
        if undone_by.is_some() {
            return Err(CoreError::Conflict(
                "That change has already been undone.".into(),
            ));
        }
        let subject = Subject::parse(&subject).ok_or(CoreError::NotFound {
            what: "change",
            id: entry_id,
        })?;
        let parse = |s: Option<String>| -> Result<Value> {
            Ok(s.map(|s| serde_json::from_str(&s))
                .transpose()?
                .unwrap_or(Value::Null))
        };
        let (old, new) = (parse(old)?, parse(new)?);
        if old.as_str() == Some(ERASED) || new.as_str() == Some(ERASED) {
            return Err(CoreError::Conflict(
                "That change was about a person who has since been erased, so it cannot be undone."
                    .into(),
            ));
        }
        match (action.as_str(), field) {
            // A merge row: the merge is undone as a whole.
            ("changed", Some(field)) if field == MERGED_IN || field == MERGED_INTO => {
                let merge = old
                    .get("merge_id")
                    .or_else(|| new.get("merge_id"))
                    .and_then(Value::as_i64)
                    .unwrap_or_default();
                Err(CoreError::Conflict(format!(
                    "That row records merge {merge}, which is undone as a whole: undo merge {merge} under Duplicate groups instead."
                )))
            }
            ("changed", Some(field)) => {
                let current = self
                    .snapshot(subject, id)
                    .map_err(|e| self.gone(e, subject, id))?;
                let now = audit::get_path(&current, &field)
                    .cloned()
                    .unwrap_or(Value::Null);
                if now != new {
                    let words = audit::render(&field, &now, &|f, i| self.name_of(f, i));
                    return Err(CoreError::Conflict(format!(
                        "{} has been changed again since (it is now {words}); undo that later change first.",
                        audit::label_for(subject.as_str(), &field)
                    )));
                }
                let mut next = current;
                audit::set_path(&mut next, &field, old);
                self.put_back(subject, id, next, entry_id)
            }
            ("created", _) => self.remove_added(subject, id, entry_id),
            ("erased", _) => Err(CoreError::Conflict(
                "An erasure cannot be undone: the person's details are gone.".into(),
            )),
            _ => Err(CoreError::Conflict(
                "A removal cannot be undone here; add the record again instead.".into(),
            )),
        }
    }

    /// Saves `record` (the whole form, one field put back) through the normal save.
    fn put_back(&self, subject: Subject, id: i64, record: Value, undoes: i64) -> Result<()> {
        let undoes = Some(undoes);
        match subject {
            Subject::Group => {
                self.save_group_audited(serde_json::from_value(record)?, undoes)?;
            }
            Subject::Partnership => {
                self.save_partnership_audited(serde_json::from_value(record)?, undoes)?;
            }
            Subject::Seat => {
                self.save_seat_audited(serde_json::from_value(record)?, undoes)?;
            }
            Subject::Person => {
                self.save_person_audited(serde_json::from_value(record)?, undoes)?;
            }
            Subject::Appointment => {
                self.edit_appointment_audited(id, serde_json::from_value(record)?, undoes)?;
            }
            Subject::Meeting => {
                // The register as it was: marks put back, a mark that was added taken away.
                let marks = record
                    .get("marks")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                self.audited(Subject::Meeting, Some(id), undoes, |c| {
                    c.execute("DELETE FROM attendance WHERE meeting_id = ?1", [id])?;
                    for (appointment, status) in &marks {
                        c.execute(
                            "INSERT INTO attendance (meeting_id, appointment_id, status) VALUES (?1, ?2, ?3)",
                            rusqlite::params![id, appointment.parse::<i64>().unwrap_or(0), status.as_str()],
                        )?;
                    }
                    Ok(id)
                })?;
            }
            Subject::ReportBack | Subject::Declaration => {
                return Err(CoreError::Conflict(
                    "Report-backs and declarations are not edited, so there is no change to undo."
                        .into(),
                ))
            }
        }
        Ok(())
    }

    /// Undoes an addition: removes what was added, unless something now depends on it.
    fn remove_added(&self, subject: Subject, id: i64, undoes: i64) -> Result<()> {
        let tx = Tx::begin(&self.conn)?;
        let snap = self
            .snapshot(subject, id)
            .map_err(|e| self.gone(e, subject, id))?;
        let ctx = self.context(subject, id, &snap)?;
        let summary = self.described(subject, &snap)?;
        let count = |sql: &str| -> Result<i64> { Ok(tx.query_row(sql, [id], |r| r.get(0))?) };
        let (table, blocker) = match subject {
            Subject::Group => (
                "groups",
                (count("SELECT count(*) FROM appointments WHERE group_id = ?1")? > 0)
                    .then_some("representatives have been appointed for it"),
            ),
            Subject::Partnership => (
                "partnerships",
                (count("SELECT count(*) FROM seats WHERE partnership_id = ?1")? > 0)
                    .then_some("it has seats (undo adding those first)"),
            ),
            Subject::Seat => (
                "seats",
                (count("SELECT count(*) FROM appointments WHERE seat_id = ?1")? > 0)
                    .then_some("someone has been appointed to it"),
            ),
            Subject::Person => (
                "people",
                (count("SELECT count(*) FROM appointments WHERE person_id = ?1")? > 0)
                    .then_some("they hold or have held a seat"),
            ),
            Subject::Appointment => (
                "appointments",
                (count(
                    "SELECT (SELECT count(*) FROM report_backs WHERE appointment_id = ?1)
                          + (SELECT count(*) FROM declarations WHERE appointment_id = ?1)
                          + (SELECT count(*) FROM attendance WHERE appointment_id = ?1)",
                )? > 0)
                    .then_some("report-backs, declarations or attendance are recorded against it"),
            ),
            Subject::ReportBack => ("report_backs", None),
            Subject::Declaration => ("declarations", None),
            Subject::Meeting => ("meetings", None),
        };
        if let Some(why) = blocker {
            return Err(CoreError::Conflict(format!(
                "{summary} cannot be taken away because {why}."
            )));
        }
        // `table` is one of the names above, never input.
        tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => CoreError::Conflict(format!(
                    "{summary} cannot be taken away because other records refer to it."
                )),
                _ => e.into(),
            })?;
        self.write_row(
            subject,
            id,
            "deleted",
            None,
            Some(&snap),
            None,
            &format!("{summary} (taken away by undoing its addition)"),
            ctx,
            Some(undoes),
        )?;
        tx.commit()
    }
}

impl Store {
    /// A record that has gone since the change: say so rather than "does not exist", and for a
    /// group merged into another, into which, and which merge to undo to get it back.
    fn gone(&self, e: CoreError, subject: Subject, id: i64) -> CoreError {
        if !matches!(e, CoreError::NotFound { .. }) {
            return e;
        }
        if subject == Subject::Group {
            match merge::merged_into(&self.conn, id) {
                Ok(Some(m)) => {
                    return CoreError::Conflict(format!(
                        "That group was {}, so this change cannot be undone while the merge stands. To undo it, undo {} first (under Duplicate groups).",
                        m.words(),
                        merge::merges_in_order(&m.to_undo())
                    ))
                }
                Ok(None) => {}
                Err(e) => return e,
            }
        }
        CoreError::Conflict(format!(
            "That {} is no longer in the directory, so the change cannot be undone.",
            match subject {
                Subject::ReportBack => "report-back".to_string(),
                other => other.as_str().replace('_', " "),
            }
        ))
    }
}
