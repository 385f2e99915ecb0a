//! Adding and editing partnerships (with their flag thresholds) and their seats.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::appointments::{capitalised, records_outside};
use super::audit::Subject;
use super::Store;
use crate::domain::flags::{in_words, stored_date_in_words, FlagSettings};
use crate::domain::partnership::{Kind, PartnershipInput, Role, SeatInput, Sector};
use crate::error::{CoreError, FieldProblem, Result};

impl Store {
    /// Adds (`id: None`) or updates a partnership. Every field is checked first; nothing is saved
    /// when any is refused. Returns its id.
    ///
    /// # Errors
    /// `Invalid` by field (including a name another partnership already has); `NotFound` for an
    /// unknown id.
    pub fn save_partnership(&self, input: PartnershipInput) -> Result<i64> {
        self.save_partnership_audited(input, None)
    }

    /// Saves and writes the audit trail; `undoes` marks a save made by Undo.
    pub(super) fn save_partnership_audited(
        &self,
        mut input: PartnershipInput,
        undoes: Option<i64>,
    ) -> Result<i64> {
        input.normalise().map_err(CoreError::Invalid)?;
        self.audited(Subject::Partnership, input.id, undoes, |c| {
            save_partnership_in(c, &input)
        })
    }

    /// Every problem saving `input` would meet, without saving: the form asks this when some of
    /// its own fields (a threshold that is not a number) cannot be sent, so that one round lists
    /// all its problems.
    pub fn partnership_problems(&self, mut input: PartnershipInput) -> Result<Vec<FieldProblem>> {
        let mut problems = input.normalise().err().unwrap_or_default();
        if !input.name.is_empty() {
            problems.extend(name_taken(&self.conn, &input)?);
        }
        Ok(problems)
    }

    /// A partnership as its form shows it (with its thresholds), for editing.
    pub fn partnership_input(&self, id: i64) -> Result<PartnershipInput> {
        self.conn
            .query_row(
                "SELECT name, kind, convenor, meeting_pattern, last_review, next_review,
                        report_back_days, term_ending_days, declaration_months,
                        attendance_meetings, attendance_min_percent, over_consulted_partnerships
                 FROM partnerships WHERE id = ?1",
                [id],
                |r| {
                    let kind: String = r.get(1)?;
                    Ok(PartnershipInput {
                        id: Some(id),
                        name: r.get(0)?,
                        kind: Kind::parse(&kind).unwrap_or_default(),
                        convenor: r.get(2)?,
                        meeting_pattern: r.get(3)?,
                        last_review: r.get(4)?,
                        next_review: r.get(5)?,
                        settings: FlagSettings {
                            report_back_days: r.get(6)?,
                            term_ending_days: r.get(7)?,
                            declaration_months: r.get(8)?,
                            attendance_meetings: r.get::<_, i64>(9)? as usize,
                            attendance_min_percent: r.get(10)?,
                            over_consulted_partnerships: r.get::<_, i64>(11)? as usize,
                        },
                    })
                },
            )
            .optional()?
            .ok_or(CoreError::NotFound {
                what: "partnership",
                id,
            })
    }

    /// Adds (`id: None`, at the end of the partnership's seats) or updates a seat, with the
    /// categories and wards it speaks for. Returns its id.
    ///
    /// # Errors
    /// `Invalid` by field; `NotFound` for an unknown partnership or seat.
    pub fn save_seat(&self, input: SeatInput) -> Result<i64> {
        self.save_seat_audited(input, None)
    }

    /// Saves and writes the audit trail; `undoes` marks a save made by Undo.
    pub(super) fn save_seat_audited(
        &self,
        mut input: SeatInput,
        undoes: Option<i64>,
    ) -> Result<i64> {
        input.normalise().map_err(CoreError::Invalid)?;
        self.audited(Subject::Seat, input.id, undoes, |c| save_seat_in(c, &input))
    }

    /// A seat as its form shows it, for editing.
    pub fn seat_input(&self, id: i64) -> Result<SeatInput> {
        let mut seat = self
            .conn
            .query_row(
                "SELECT partnership_id, label, sector, constituency, selection, ended_on
                 FROM seats WHERE id = ?1",
                [id],
                |r| {
                    let sector: String = r.get(2)?;
                    Ok(SeatInput {
                        id: Some(id),
                        partnership_id: r.get(0)?,
                        label: r.get(1)?,
                        sector: Sector::parse(&sector).unwrap_or(Sector::Other),
                        constituency: r.get(3)?,
                        category_ids: Vec::new(),
                        ward_ids: Vec::new(),
                        selection: r.get(4)?,
                        ended_on: r.get(5)?,
                    })
                },
            )
            .optional()?
            .ok_or(CoreError::NotFound { what: "seat", id })?;
        let ids = |sql: &str| -> Result<Vec<i64>> {
            Ok(self
                .conn
                .prepare(sql)?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        };
        seat.category_ids =
            ids("SELECT category_id FROM seat_categories WHERE seat_id = ?1 ORDER BY category_id")?;
        seat.ward_ids = ids("SELECT ward_id FROM seat_wards WHERE seat_id = ?1 ORDER BY ward_id")?;
        Ok(seat)
    }
}

/// Saves a checked partnership inside the caller's transaction (the seats import uses it too).
pub(crate) fn save_partnership_in(conn: &Connection, p: &PartnershipInput) -> Result<i64> {
    if let Some(problem) = name_taken(conn, p)? {
        return Err(CoreError::Invalid(vec![problem]));
    }
    let s = &p.settings;
    let values = params![
        p.id,
        p.name,
        p.kind.as_str(),
        p.convenor,
        p.meeting_pattern,
        p.last_review,
        p.next_review,
        s.report_back_days,
        s.term_ending_days,
        s.declaration_months,
        s.attendance_meetings as i64,
        s.attendance_min_percent,
        s.over_consulted_partnerships as i64,
    ];
    match p.id {
        None => {
            conn.execute(
                "INSERT INTO partnerships (name, kind, convenor, meeting_pattern, last_review,
                   next_review, report_back_days, term_ending_days, declaration_months,
                   attendance_meetings, attendance_min_percent, over_consulted_partnerships)
                 VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                values,
            )?;
            Ok(conn.last_insert_rowid())
        }
        Some(id) => {
            let changed = conn.execute(
                "UPDATE partnerships SET name = ?2, kind = ?3, convenor = ?4, meeting_pattern = ?5,
                   last_review = ?6, next_review = ?7, report_back_days = ?8,
                   term_ending_days = ?9, declaration_months = ?10, attendance_meetings = ?11,
                   attendance_min_percent = ?12, over_consulted_partnerships = ?13
                 WHERE id = ?1",
                values,
            )?;
            if changed == 0 {
                return Err(CoreError::NotFound {
                    what: "partnership",
                    id,
                });
            }
            Ok(id)
        }
    }
}

/// Another partnership already has this name.
fn name_taken(conn: &Connection, p: &PartnershipInput) -> Result<Option<FieldProblem>> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM partnerships WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
            params![p.name, p.id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(taken.map(|_| {
        FieldProblem::new(
            "name",
            format!("There is already a partnership called {}", p.name),
        )
    }))
}

/// `NotFound` unless the partnership `id` is in the directory.
pub(crate) fn partnership_must_exist(conn: &Connection, id: i64) -> Result<()> {
    let known: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM partnerships WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if known {
        Ok(())
    } else {
        Err(CoreError::NotFound {
            what: "partnership",
            id,
        })
    }
}

/// Saves a checked seat inside the caller's transaction (the seats import uses it too).
pub(crate) fn save_seat_in(conn: &Connection, s: &SeatInput) -> Result<i64> {
    partnership_must_exist(conn, s.partnership_id)?;
    if let Some(id) = s.id {
        let problems = abolition_problems(conn, id, s.ended_on.as_deref())?;
        if !problems.is_empty() {
            return Err(CoreError::Invalid(problems));
        }
    }
    let id = match s.id {
        None => {
            conn.execute(
                "INSERT INTO seats (partnership_id, position, label, sector, constituency, selection, ended_on)
                 VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM seats WHERE partnership_id = ?1),
                         ?2, ?3, ?4, ?5, ?6)",
                params![
                    s.partnership_id,
                    s.label,
                    s.sector.as_str(),
                    s.constituency,
                    s.selection,
                    s.ended_on
                ],
            )?;
            conn.last_insert_rowid()
        }
        Some(id) => {
            // A seat stays with its partnership: moving it would carry its holders' records along.
            let changed = conn.execute(
                "UPDATE seats SET label = ?1, sector = ?2, constituency = ?3, selection = ?4,
                   ended_on = ?5 WHERE id = ?6 AND partnership_id = ?7",
                params![
                    s.label,
                    s.sector.as_str(),
                    s.constituency,
                    s.selection,
                    s.ended_on,
                    id,
                    s.partnership_id
                ],
            )?;
            if changed == 0 {
                return Err(CoreError::NotFound { what: "seat", id });
            }
            conn.execute("DELETE FROM seat_categories WHERE seat_id = ?1", [id])?;
            conn.execute("DELETE FROM seat_wards WHERE seat_id = ?1", [id])?;
            id
        }
    };
    let mut problems = Vec::new();
    for (i, c) in s.category_ids.iter().enumerate() {
        let ok: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM categories WHERE id = ?1)",
            [c],
            |r| r.get(0),
        )?;
        if ok {
            conn.execute(
                "INSERT INTO seat_categories (seat_id, category_id) VALUES (?1, ?2)",
                params![id, c],
            )?;
        } else {
            problems.push(FieldProblem::new(
                format!("category_ids[{i}]"),
                "That category is not in the list: choose another",
            ));
        }
    }
    for (i, w) in s.ward_ids.iter().enumerate() {
        let ok: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM wards WHERE id = ?1)",
            [w],
            |r| r.get(0),
        )?;
        if ok {
            conn.execute(
                "INSERT INTO seat_wards (seat_id, ward_id) VALUES (?1, ?2)",
                params![id, w],
            )?;
        } else {
            problems.push(FieldProblem::new(
                format!("ward_ids[{i}]"),
                "That ward is not in the list: choose another",
            ));
        }
    }
    if !problems.is_empty() {
        // The caller's transaction is dropped without commit, so nothing of the seat stays.
        return Err(CoreError::Invalid(problems));
    }
    Ok(id)
}

/// What stops a seat from being abolished on `ended_on` (its last day): someone holding it, or
/// being its alternate, after that day, and records kept on it after that day. A seat abolished
/// under a sitting holder would leave the page while their term, report-backs and attendance
/// ran on. Only a new or moved date is checked, so a seat already saved as it is (the seats
/// import saves seats again) is not refused for what it was.
fn abolition_problems(
    conn: &Connection,
    seat_id: i64,
    ended_on: Option<&str>,
) -> Result<Vec<FieldProblem>> {
    let Some(ended) = ended_on.and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok()) else {
        return Ok(Vec::new());
    };
    let stored: Option<Option<String>> = conn
        .query_row("SELECT ended_on FROM seats WHERE id = ?1", [seat_id], |r| {
            r.get(0)
        })
        .optional()?;
    if stored.flatten().as_deref() == ended_on {
        return Ok(Vec::new());
    }
    let mut problems = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT a.id, p.name, a.role, a.term_start, a.term_end FROM appointments a
         JOIN people p ON p.id = a.person_id WHERE a.seat_id = ?1
         ORDER BY a.term_start, a.id",
    )?;
    let rows: Vec<(i64, String, String, String, Option<String>)> = stmt
        .query_map([seat_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let ended_s = ended.to_string();
    for (appointment, who, role, start, end) in rows {
        let term = match end.as_deref() {
            Some(e) => format!(
                "from {} to {}",
                stored_date_in_words(&start),
                stored_date_in_words(e)
            ),
            None => format!("from {}, no end set", stored_date_in_words(&start)),
        };
        let sits_on = match Role::parse(&role).unwrap_or_default() {
            Role::Holder => "holds this seat",
            Role::Alternate => "is this seat's alternate",
        };
        if !matches!(end.as_deref(), Some(e) if e <= ended_s.as_str()) {
            problems.push(FieldProblem::new(
                "ended_on",
                format!(
                    "{who} {sits_on} ({term}): end their term first, on or before the day the seat is abolished"
                ),
            ));
            continue;
        }
        let after = records_outside(conn, appointment, None, Some(ended))?;
        if let Some(latest) = after.latest() {
            problems.push(FieldProblem::new(
                "ended_on",
                format!(
                    "{} ({who}) would fall after the seat is abolished on {}: abolish it on or after {}",
                    capitalised(&after.in_words()),
                    in_words(ended),
                    in_words(latest)
                ),
            ));
        }
    }
    Ok(problems)
}
