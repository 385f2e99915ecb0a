//! The accountability log of an appointment: report-backs and declarations of interest.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::Store;
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

    fn check_log_date(&self, appointment_id: i64, on: NaiveDate) -> Result<()> {
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

    /// Records that the holder reported back to those they represent.
    pub fn record_report_back(
        &self,
        appointment_id: i64,
        on: NaiveDate,
        how: &str,
        to_whom: &str,
    ) -> Result<i64> {
        self.check_log_date(appointment_id, on)?;
        self.conn.execute(
            "INSERT INTO report_backs (appointment_id, on_date, how, to_whom) VALUES (?1, ?2, ?3, ?4)",
            params![appointment_id, on.to_string(), how.trim(), to_whom.trim()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records a declaration of interests; `what` empty means a nil declaration, which counts.
    pub fn record_declaration(
        &self,
        appointment_id: i64,
        on: NaiveDate,
        what: &str,
    ) -> Result<i64> {
        self.check_log_date(appointment_id, on)?;
        let what = what.trim();
        self.conn.execute(
            "INSERT INTO declarations (appointment_id, on_date, what, is_nil) VALUES (?1, ?2, ?3, ?4)",
            params![appointment_id, on.to_string(), what, what.is_empty()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }
}
