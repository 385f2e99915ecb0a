//! Seats imports as a list, and one taken back as one step: the trail rows it wrote, newest
//! first, each undone through the trail's own Undo (`undo_change`) with its checks, all in one
//! transaction, so either the whole import goes or nothing changes.

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::tx::Tx;
use super::Store;
use crate::domain::words::plural;
use crate::error::{CoreError, Result};

/// A seats import as its record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeatImportRecord {
    pub id: i64,
    pub file_name: String,
    /// UTC, to the millisecond.
    pub at: String,
    pub actor: String,
    /// What it saved, in the words it was told in.
    pub summary: String,
    pub undone_at: Option<String>,
}

/// What undoing a seats import took away or put back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SeatImportUndo {
    pub partnerships_removed: usize,
    pub seats_removed: usize,
    /// Seats whose constituency the import had changed, put back as they were.
    pub seats_restored: usize,
    pub people_removed: usize,
    pub appointments_removed: usize,
}

impl std::fmt::Display for SeatImportUndo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // None for nothing: only what the undo did is named.
        let count = |n: usize, one: &str, many: &str| (n > 0).then(|| plural(n, one, many));
        let removed: Vec<String> = [
            count(self.partnerships_removed, "partnership", "partnerships"),
            count(self.seats_removed, "seat", "seats"),
            count(self.people_removed, "person", "people"),
            count(self.appointments_removed, "appointment", "appointments"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut parts = Vec::new();
        if !removed.is_empty() {
            parts.push(format!("{} removed", and_list(&removed)));
        }
        if let Some(n) = count(self.seats_restored, "seat", "seats") {
            let how = if self.seats_restored == 1 {
                "it was"
            } else {
                "they were"
            };
            parts.push(format!("{n} put back as {how}"));
        }
        if parts.is_empty() {
            write!(f, "it had changed nothing")
        } else {
            write!(f, "{}", parts.join("; "))
        }
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl Store {
    /// Every seats import, newest first.
    pub fn seat_imports(&self) -> Result<Vec<SeatImportRecord>> {
        Ok(self
            .conn
            .prepare(
                "SELECT id, file_name, at, actor, summary, undone_at FROM seat_imports
                 ORDER BY id DESC",
            )?
            .query_map([], |r| {
                Ok(SeatImportRecord {
                    id: r.get(0)?,
                    file_name: r.get(1)?,
                    at: r.get(2)?,
                    actor: r.get(3)?,
                    summary: r.get(4)?,
                    undone_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Takes back seats import `id` as one step: the appointments, people, seats and
    /// partnerships it added are removed and the constituencies it changed put back. A change of
    /// it already undone on its own in the History of changes is left as it is.
    ///
    /// # Errors
    /// `NotFound` for an unknown import; `Conflict`, in words and with nothing changed, when it
    /// was undone already or one of its changes cannot be undone (a seat it added has been given
    /// another holder since, a constituency it set has been changed again, and the like).
    pub fn undo_seat_import(&self, id: i64) -> Result<SeatImportUndo> {
        type Record = (String, Option<i64>, Option<i64>, Option<String>);
        let (file_name, from, to, undone_at): Record = self
            .conn
            .query_row(
                "SELECT file_name, trail_from, trail_to, undone_at FROM seat_imports
                 WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or(CoreError::NotFound {
                what: "seats import",
                id,
            })?;
        if let Some(undone) = undone_at {
            return Err(CoreError::Conflict(format!(
                "The seats import of {file_name} was already undone on {}.",
                super::import_history::time_in_words(&undone)
            )));
        }
        let tx = Tx::begin(&self.conn)?;
        // Newest first: an appointment goes before its person and seat, a seat before its
        // partnership, as the trail's Undo needs.
        let changes: Vec<(i64, String, i64, String)> = tx
            .prepare(
                "SELECT id, subject, subject_id, action FROM audit_log AS a
                 WHERE id BETWEEN ?1 AND ?2
                   AND NOT EXISTS (SELECT 1 FROM audit_log AS u WHERE u.undoes = a.id)
                 ORDER BY id DESC",
            )?
            .query_map(params![from, to], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let refused = |why: String| {
            CoreError::Conflict(format!(
                "The seats import of {file_name} cannot be undone, so nothing was changed: {why}"
            ))
        };
        let mut done = SeatImportUndo::default();
        // Seats whose constituency was put back: counted once each (a seat the file named twice
        // has two changes), and not at all when the import had added the seat (it is removed).
        let mut restored = HashSet::new();
        let mut removed = HashSet::new();
        for (entry, subject, subject_id, action) in changes {
            self.undo_change(entry).map_err(|e| match e {
                CoreError::Conflict(why) => refused(why),
                CoreError::Invalid(problems) => refused(
                    problems
                        .into_iter()
                        .map(|p| p.message)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                other => other,
            })?;
            match (subject.as_str(), action.as_str()) {
                ("partnership", _) => done.partnerships_removed += 1,
                ("seat", "created") => {
                    removed.insert(subject_id);
                }
                ("seat", _) => {
                    restored.insert(subject_id);
                }
                ("person", _) => done.people_removed += 1,
                _ => done.appointments_removed += 1,
            }
        }
        done.seats_removed = removed.len();
        done.seats_restored = restored.difference(&removed).count();
        tx.execute(
            "UPDATE seat_imports SET undone_at = ?1 WHERE id = ?2",
            params![super::audit::now_millis(), id],
        )?;
        tx.commit()?;
        Ok(done)
    }
}
