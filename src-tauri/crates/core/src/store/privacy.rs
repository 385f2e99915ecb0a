//! What UK GDPR asks of the people we hold (ICO guidance): records past their review date are
//! listed; a subject access request gets everything held about a person in one readable file;
//! erasure replaces a person by a placeholder (a seat's history keeps its row) and leaves no trace
//! of their details in the file or its WAL.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{BackupFile, Store};
use crate::domain::flags::in_words;
use crate::domain::partnership::{attended_str, LawfulBasis};
use crate::error::{CoreError, Result};

/// A person whose record is due for review: past its review date, or with none set.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ReviewDue {
    pub id: i64,
    pub name: String,
    pub lawful_basis: LawfulBasis,
    pub review_date: Option<String>,
    /// "review date 1 March 2026 has passed" or "no review date set".
    pub reason: String,
}

/// What an erasure did, and where the person's details still are.
#[derive(Debug, Clone, Serialize)]
pub struct Erasure {
    pub person_id: i64,
    pub placeholder: String,
    pub erased_at: String,
    /// They had been erased before: nothing more was removed (the file was checkpointed again).
    pub already: bool,
    /// Backups taken before the erasure still hold the person until they rotate out.
    pub backups_still_holding: Vec<BackupFile>,
}

impl Store {
    /// People whose review date is on or before `today`, or who have none; erased people are not
    /// listed (nothing of them is left to review). Oldest review first, then no date, by name.
    pub fn people_due_for_review(&self, today: NaiveDate) -> Result<Vec<ReviewDue>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, lawful_basis, review_date FROM people
             WHERE erased_at IS NULL AND (review_date IS NULL OR review_date <= ?1)
             ORDER BY review_date IS NULL, review_date, name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([today.to_string()], |r| {
            let basis: String = r.get(2)?;
            let review_date: Option<String> = r.get(3)?;
            let reason = match review_date
                .as_deref()
                .and_then(|d| d.parse::<NaiveDate>().ok())
            {
                Some(d) if d == today => "review date is today".to_string(),
                Some(d) => format!("review date {} has passed", in_words(d)),
                None => "no review date set".to_string(),
            };
            Ok(ReviewDue {
                id: r.get(0)?,
                name: r.get(1)?,
                lawful_basis: LawfulBasis::parse(&basis).unwrap_or_default(),
                review_date,
                reason,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything held about a person, as a plain-text document they can read: their details,
    /// the lawful basis, every appointment with its report-backs, declarations and attendance.
    ///
    /// # Errors
    /// `NotFound` when there is no such person.
    pub fn subject_access(&self, person_id: i64, today: NaiveDate) -> Result<String> {
        let p = self.get_person(person_id)?;
        let mut out = String::new();
        let line = |out: &mut String, label: &str, value: &str| {
            let value = if value.is_empty() { "(none)" } else { value };
            let _ = writeln!(out, "{label:<22}{value}");
        };
        let _ = writeln!(
            out,
            "Everything Compact Directory holds about {}\nPrepared on {} in answer to a subject access request.\n",
            p.name,
            in_words(today)
        );
        let _ = writeln!(out, "YOUR DETAILS");
        line(&mut out, "Name", &p.name);
        line(&mut out, "E-mail", &p.email);
        line(&mut out, "Telephone", &p.phone);
        let basis = match p.lawful_basis {
            LawfulBasis::Consent => "consent",
            LawfulBasis::LegitimateInterest => {
                "legitimate interest (holding a seat on a partnership is a public role)"
            }
        };
        line(&mut out, "Lawful basis", basis);
        line(
            &mut out,
            "Consent given on",
            p.consent_date.as_deref().unwrap_or(""),
        );
        line(&mut out, "How consent was given", &p.consent_how);
        line(&mut out, "What you were told", &p.consent_told);
        line(
            &mut out,
            "Record to be reviewed",
            p.review_date.as_deref().unwrap_or(""),
        );
        let _ = writeln!(
            out,
            "\nSEATS YOU HOLD OR HAVE HELD ({})",
            p.appointments.len()
        );
        for a in &p.appointments {
            let _ = writeln!(
                out,
                "\n- {} on {} ({}), from {} to {}",
                a.seat,
                a.partnership,
                a.role.as_str(),
                a.term_start,
                a.term_end.as_deref().unwrap_or("no end date")
            );
            line(
                &mut out,
                "  From the group",
                a.group.as_deref().unwrap_or(""),
            );
            line(&mut out, "  Selected by", a.selection.as_str());
            let log = self.accountability_log(a.id)?;
            for r in &log.report_backs {
                let _ = writeln!(
                    out,
                    "  Report-back {}: {} to {}",
                    r.on_date, r.how, r.to_whom
                );
            }
            for d in &log.declarations {
                let what = if d.is_nil {
                    "nothing to declare"
                } else {
                    &d.what
                };
                let _ = writeln!(out, "  Declaration {}: {what}", d.on_date);
            }
            for m in &log.attendance {
                let _ = writeln!(out, "  Meeting {}: {}", m.on_date, attended_str(m.status));
            }
        }
        // The audit trail refers to them too: every change to their record and appointments.
        let trail = self.audit_trail(super::TrailOf::Person, person_id)?;
        let _ = writeln!(out, "\nCHANGES RECORDED IN THE AUDIT TRAIL");
        if trail.is_empty() {
            let _ = writeln!(out, "(none)");
        }
        for e in trail.iter().rev() {
            let change = match e.action.as_str() {
                "changed" => format!("{}: {} -> {}", e.what, e.before, e.after),
                _ => e.what.clone(),
            };
            let _ = writeln!(out, "  {} by {}: {change}", e.at, e.actor);
        }
        Ok(out)
    }

    /// Erases a person: their name becomes "Erased person N", their contact and consent details
    /// and the free text they wrote (declarations, report-backs) are cleared, and their
    /// appointments stay so a seat's history keeps its rows. The file is then checkpointed and its
    /// WAL truncated so the old details are in neither (secure_delete zeroes freed space).
    ///
    /// # Errors
    /// `NotFound` for an unknown person; `Conflict` if another reader kept the journal open.
    pub fn erase_person(&self, person_id: i64) -> Result<Erasure> {
        let erased: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT erased_at FROM people WHERE id = ?1",
                [person_id],
                |r| r.get(0),
            )
            .optional()?;
        let placeholder = format!("Erased person {person_id}");
        // Erasing again only repeats the checkpoint, for when a reader held the journal open.
        let already = matches!(erased, Some(Some(_)));
        let erased_at = match erased {
            None => {
                return Err(CoreError::NotFound {
                    what: "person",
                    id: person_id,
                })
            }
            Some(Some(at)) => at,
            Some(None) => {
                // To the millisecond, as backup names are, so "taken before" is exact.
                let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
                let details: Vec<String> = self.conn.query_row(
                    "SELECT name, email, phone FROM people WHERE id = ?1",
                    [person_id],
                    |r| Ok(vec![r.get(0)?, r.get(1)?, r.get(2)?]),
                )?;
                let tx = self.conn.unchecked_transaction()?;
                tx.execute(
                    "UPDATE people SET name = ?2, email = '', phone = '', consent_date = NULL,
                       consent_how = '', consent_told = '', review_date = NULL, erased_at = ?3
                     WHERE id = ?1",
                    params![person_id, placeholder, at],
                )?;
                tx.execute(
                    "UPDATE declarations SET what = '' WHERE appointment_id IN
                       (SELECT id FROM appointments WHERE person_id = ?1)",
                    [person_id],
                )?;
                tx.execute(
                    "UPDATE report_backs SET how = '', to_whom = '' WHERE appointment_id IN
                       (SELECT id FROM appointments WHERE person_id = ?1)",
                    [person_id],
                )?;
                self.erase_from_trail(person_id, &details)?;
                tx.commit()?;
                at
            }
        };
        // Copy every page into the main file and empty the WAL, so the old frames are gone too.
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            return Err(CoreError::Conflict(
                "The person was erased, but another program is reading the directory file, so \
                 their old details may remain in its journal. Close that program and erase them \
                 again to clear it."
                    .into(),
            ));
        }
        let cutoff = chrono::DateTime::parse_from_rfc3339(&erased_at)
            .map(|d| d.naive_utc())
            .ok();
        let backups_still_holding = self
            .backups()?
            .into_iter()
            .filter(|b| matches!((b.taken_at(), cutoff), (Some(t), Some(c)) if t < c))
            .collect();
        Ok(Erasure {
            person_id,
            placeholder,
            erased_at,
            already,
            backups_still_holding,
        })
    }
}
