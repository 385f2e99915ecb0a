//! Duplicate groups in the store: read every group as the scan needs it, scan, remember pairs
//! staff said are not duplicates (so they never come back), and count progress through the
//! review queue ("12 of 48 reviewed").

use std::collections::{HashMap, HashSet};

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{now_utc, Store};
use crate::domain::duplicate_scan::{self, DuplicateCluster, ScanOptions, ScanProgress};
use crate::domain::duplicates::{DuplicatePair, DuplicateRecord};
use crate::domain::identifier::Identifier;
use crate::error::{CoreError, Result};

/// Where the review queue stands: decisions since it was started, out of all pairs in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewProgress {
    pub reviewed: usize,
    pub total: usize,
}

/// A scan's proposed pairs (dismissed ones left out), their clusters, and queue progress.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DuplicateScan {
    pub pairs: Vec<DuplicatePair>,
    pub clusters: Vec<DuplicateCluster>,
    pub progress: ReviewProgress,
    /// Candidate pairs scored.
    pub candidates: usize,
}

const REVIEW_STARTED: &str = "duplicates_review_started";

impl Store {
    /// Every group as the duplicate rules read it: names, other names, numbers, postcode, ward,
    /// website and e-mail.
    pub fn duplicate_records(&self) -> Result<Vec<DuplicateRecord>> {
        let mut other: HashMap<i64, Vec<String>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT group_id, name FROM group_other_names ORDER BY group_id, position")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            other.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut idents: HashMap<i64, Vec<Identifier>> = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT group_id, scheme, value FROM group_identifiers ORDER BY group_id, position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            idents.entry(r.get(0)?).or_default().push(Identifier {
                scheme: r.get(1)?,
                value: r.get(2)?,
            });
        }
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.name, g.postcode, g.ward_id, coalesce(w.name, ''), g.website, g.email
             FROM groups g LEFT JOIN wards w ON w.id = g.ward_id ORDER BY g.id",
        )?;
        let records = stmt
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                Ok(DuplicateRecord {
                    id,
                    name: r.get(1)?,
                    postcode: r.get(2)?,
                    ward_id: r.get(3)?,
                    ward: r.get(4)?,
                    website: r.get(5)?,
                    email: r.get(6)?,
                    other_names: Vec::new(),
                    identifiers: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(records
            .into_iter()
            .map(|mut r| {
                r.other_names = other.remove(&r.id).unwrap_or_default();
                r.identifiers = idents.remove(&r.id).unwrap_or_default();
                r
            })
            .collect())
    }

    /// Scans the whole directory for duplicate pairs at or above `options.threshold`, leaving out
    /// pairs marked "not a duplicate"; `progress` is called as the scan goes.
    pub fn find_duplicates(
        &self,
        options: &ScanOptions,
        progress: &mut dyn FnMut(ScanProgress),
    ) -> Result<DuplicateScan> {
        let records = self.duplicate_records()?;
        let outcome = duplicate_scan::scan(&records, options, progress);
        let dismissed = self.dismissed_pairs()?;
        let pairs: Vec<DuplicatePair> = outcome
            .pairs
            .into_iter()
            .filter(|p| !dismissed.contains(&ordered(p.group_a, p.group_b)))
            .collect();
        let clusters = duplicate_scan::clusters(&pairs);
        let progress = self.review_progress(pairs.len())?;
        Ok(DuplicateScan {
            pairs,
            clusters,
            progress,
            candidates: outcome.candidates,
        })
    }

    /// Remembers that two groups are not duplicates: no scan proposes the pair again.
    ///
    /// # Errors
    /// `NotFound` for an unknown group; `Conflict` when both ids are the same group.
    pub fn mark_not_duplicate(&self, a: i64, b: i64) -> Result<()> {
        if a == b {
            return Err(CoreError::Conflict(
                "a group cannot be marked as not a duplicate of itself".into(),
            ));
        }
        for id in [a, b] {
            let n: i64 =
                self.conn
                    .query_row("SELECT count(*) FROM groups WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
            if n == 0 {
                return Err(CoreError::NotFound { what: "group", id });
            }
        }
        let (lo, hi) = ordered(a, b);
        self.conn.execute(
            "INSERT INTO duplicate_dismissals (group_a, group_b, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (group_a, group_b) DO NOTHING",
            params![lo, hi, now_utc()],
        )?;
        Ok(())
    }

    /// Forgets a "not a duplicate" decision, so the pair may be proposed again.
    pub fn unmark_not_duplicate(&self, a: i64, b: i64) -> Result<()> {
        self.conn.execute(
            "DELETE FROM duplicate_dismissals
             WHERE (group_a = ?1 AND group_b = ?2) OR (group_a = ?2 AND group_b = ?1)",
            params![a, b],
        )?;
        Ok(())
    }

    /// Every pair marked "not a duplicate", lower id first.
    pub fn dismissed_pairs(&self) -> Result<HashSet<(i64, i64)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT group_a, group_b FROM duplicate_dismissals")?;
        let rows = stmt.query_map([], |r| Ok(ordered(r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Starts a new review queue: progress counts decisions from now on.
    pub fn start_duplicate_review(&self) -> Result<()> {
        Store::set_meta(&self.conn, REVIEW_STARTED, &now_utc())
    }

    /// Decisions since the queue was started (pairs dismissed, merges not undone), out of those
    /// plus the `pending` pairs still proposed.
    pub fn review_progress(&self, pending: usize) -> Result<ReviewProgress> {
        let started = self.meta(REVIEW_STARTED)?.unwrap_or_default();
        let reviewed: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM duplicate_dismissals WHERE at >= ?1 AND group_a <> group_b)
                  + (SELECT count(*) FROM merge_log WHERE at >= ?1 AND undone_at IS NULL)",
            [started],
            |r| r.get(0),
        )?;
        let reviewed = reviewed as usize;
        Ok(ReviewProgress {
            reviewed,
            total: reviewed + pending,
        })
    }
}

fn ordered(a: i64, b: i64) -> (i64, i64) {
    (a.min(b), a.max(b))
}
