//! Saving the seats spreadsheet (read and checked by `import::seats`): partnerships and seats
//! matched by name or created, groups matched through the directory, people matched by name or
//! created, holders appointed with the same refusals as the app's own form. One transaction:
//! the whole file or nothing. Every record it adds or changes goes through the audit trail, as
//! the forms' do, and the import is recorded (`seat_imports`) so it can be undone as one step
//! (`seat_import_undo.rs`).

use std::collections::HashMap;
use std::io::Read;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::audit::Subject;
use super::partnership_edit::{save_partnership_in, save_seat_in};
use super::partnerships::appointment_problems;
use super::Store;
use crate::domain::group::tidy;
use crate::domain::partnership::{Kind, PartnershipInput, Role, SeatInput, Sector};
use crate::domain::words::plural;
use crate::error::{CoreError, FieldProblem, Result};
use crate::import::cell_problem;
use crate::import::seats::{self, HolderLine, SeatLine};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SeatImportSummary {
    /// The import's record, for undoing it (`Store::undo_seat_import`); `None` when the file
    /// changed nothing (every row already recorded): no record, no backup, nothing to undo.
    pub import_id: Option<i64>,
    pub rows: usize,
    /// Partnerships the file named that were not in the directory: made as forums, to be
    /// corrected by their secretary.
    pub partnerships_created: Vec<String>,
    pub seats_created: usize,
    pub seats_updated: usize,
    pub people_created: usize,
    pub appointments_created: usize,
    /// The same person on the same seat from the same day: already recorded, so a file can be
    /// imported again without doubling anyone.
    pub appointments_already_recorded: usize,
}

impl std::fmt::Display for SeatImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Imported {}: {} added, {} updated, {} added, {} added ({} already recorded).",
            plural(self.rows, "row", "rows"),
            plural(self.seats_created, "seat", "seats"),
            plural(self.seats_updated, "seat", "seats"),
            plural(self.people_created, "person", "people"),
            plural(self.appointments_created, "appointment", "appointments"),
            self.appointments_already_recorded
        )?;
        if !self.partnerships_created.is_empty() {
            write!(
                f,
                " New partnerships, made as forums (set their kind in the app): {}.",
                self.partnerships_created.join(", ")
            )?;
        }
        Ok(())
    }
}

/// Names compared as a person reads them: case and spacing do not matter.
fn key(s: &str) -> String {
    tidy(s).to_lowercase()
}

/// A registration number compared without spaces or case, with or without its scheme prefix.
fn number_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

impl Store {
    /// Imports a seats spreadsheet (see `import::seats` for its columns); `file_name` is what the
    /// import's record calls it.
    ///
    /// # Errors
    /// `Invalid` with every problem, each "row N, column C: why"; `ImportFile` for a file with no
    /// table to read (empty, column names alone, a workbook, not text). Nothing is saved.
    pub fn import_seats(&self, file_name: &str, input: impl Read) -> Result<SeatImportSummary> {
        let (lines, mut problems) =
            seats::read(input).map_err(|problem| CoreError::ImportFile {
                file: None,
                problem,
            })?;
        let tx = self.conn.unchecked_transaction()?;
        // The trail rows this import writes are those after the last one now: the transaction
        // holds the file, so no one else's can come between.
        let last_trail_row = || -> Result<i64> {
            Ok(
                tx.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
                    r.get(0)
                })?,
            )
        };
        let trail_before = last_trail_row()?;
        let mut saver = Saver::new(self)?;
        for line in &lines {
            if let Err(mut p) = saver.save(line)? {
                problems.append(&mut p);
            }
        }
        if !problems.is_empty() {
            // Dropping the transaction rolls back whatever rows went in before the problem.
            problems.sort_by_key(|p| row_of(&p.message));
            return Err(CoreError::Invalid(problems));
        }
        let mut summary = saver.summary;
        summary.rows = lines.len();
        let trail_after = last_trail_row()?;
        // Every change is in the trail: none means every row was already recorded.
        if trail_after == trail_before {
            return Ok(summary);
        }
        let (from, to) = (Some(trail_before + 1), Some(trail_after));
        tx.execute(
            "INSERT INTO seat_imports (file_name, at, actor, summary, trail_from, trail_to)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                file_name,
                super::audit::now_millis(),
                self.actor,
                summary.to_string(),
                from,
                to
            ],
        )?;
        let import_id = tx.last_insert_rowid();
        summary.import_id = Some(import_id);
        // Only now that the file will be kept: a refused file leaves no backup behind.
        self.backup_before_import(super::backup::ImportTable::Seats, import_id)?;
        tx.commit()?;
        Ok(summary)
    }
}

fn row_of(message: &str) -> usize {
    message
        .strip_prefix("row ")
        .and_then(|m| m.split([',', ':']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

struct Saver<'c> {
    store: &'c Store,
    conn: &'c Connection,
    partnerships: HashMap<String, i64>,
    groups_by_name: HashMap<String, Vec<(i64, String)>>,
    groups_by_number: HashMap<String, (i64, String)>,
    people: HashMap<String, Vec<i64>>,
    summary: SeatImportSummary,
}

impl<'c> Saver<'c> {
    fn new(store: &'c Store) -> Result<Self> {
        let conn = &store.conn;
        let pairs = |sql: &str| -> Result<Vec<(i64, String)>> {
            Ok(conn
                .prepare(sql)?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let partnerships = pairs("SELECT id, name FROM partnerships")?
            .into_iter()
            .map(|(id, n)| (key(&n), id))
            .collect();
        let mut groups_by_name: HashMap<String, Vec<(i64, String)>> = HashMap::new();
        let names: HashMap<i64, String> =
            pairs("SELECT id, name FROM groups")?.into_iter().collect();
        for (id, n) in
            pairs("SELECT id, name FROM groups UNION SELECT group_id, name FROM group_other_names")?
        {
            let list = groups_by_name.entry(key(&n)).or_default();
            if !list.iter().any(|(g, _)| *g == id) {
                list.push((id, names.get(&id).cloned().unwrap_or(n)));
            }
        }
        let mut groups_by_number = HashMap::new();
        let mut stmt = conn.prepare("SELECT group_id, scheme, value FROM group_identifiers")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let scheme: String = r.get(1)?;
            let value: String = r.get(2)?;
            let name = names.get(&id).cloned().unwrap_or_default();
            groups_by_number.insert(number_key(&value), (id, name.clone()));
            groups_by_number.insert(number_key(&format!("{scheme}-{value}")), (id, name));
        }
        let mut people: HashMap<String, Vec<i64>> = HashMap::new();
        for (id, n) in pairs("SELECT id, name FROM people")? {
            people.entry(key(&n)).or_default().push(id);
        }
        Ok(Saver {
            store,
            conn,
            partnerships,
            groups_by_name,
            groups_by_number,
            people,
            summary: SeatImportSummary::default(),
        })
    }

    /// Saves one row; the outer `Result` is the database failing, the inner the row refused.
    fn save(&mut self, line: &SeatLine) -> Result<std::result::Result<(), Vec<FieldProblem>>> {
        let row = line.row;
        let partnership_id = match self.partnerships.get(&key(&line.partnership)) {
            Some(id) => *id,
            None => {
                let input = PartnershipInput {
                    name: line.partnership.clone(),
                    kind: Kind::Forum,
                    ..Default::default()
                };
                let id = self.store.audited(Subject::Partnership, None, None, |c| {
                    save_partnership_in(c, &input)
                })?;
                self.partnerships.insert(key(&line.partnership), id);
                self.summary
                    .partnerships_created
                    .push(line.partnership.clone());
                id
            }
        };
        let existing: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT id, sector, constituency FROM seats
                 WHERE partnership_id = ?1 AND label = ?2 COLLATE NOCASE",
                params![partnership_id, line.seat],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let seat_id = match existing {
            Some((id, sector, constituency)) => {
                if Sector::parse(&sector) != Some(line.sector) {
                    return Ok(Err(vec![cell_problem(
                        row,
                        "sector",
                        format!(
                            "{} on {} is already a {sector} seat; change it in the app if that is wrong",
                            line.seat, line.partnership
                        ),
                    )]));
                }
                // The file is the newer word on whom the seat speaks for.
                if !line.constituency.is_empty() && line.constituency != constituency {
                    self.store.audited(Subject::Seat, Some(id), None, |c| {
                        c.execute(
                            "UPDATE seats SET constituency = ?1 WHERE id = ?2",
                            params![line.constituency, id],
                        )?;
                        Ok(id)
                    })?;
                    self.summary.seats_updated += 1;
                }
                id
            }
            None => {
                let seat = SeatInput {
                    partnership_id,
                    label: line.seat.clone(),
                    sector: line.sector,
                    constituency: line.constituency.clone(),
                    ..Default::default()
                };
                self.summary.seats_created += 1;
                self.store
                    .audited(Subject::Seat, None, None, |c| save_seat_in(c, &seat))?
            }
        };
        match &line.holder {
            None => Ok(Ok(())),
            Some(h) => self.appoint(row, seat_id, h),
        }
    }

    fn appoint(
        &mut self,
        row: usize,
        seat_id: i64,
        h: &HolderLine,
    ) -> Result<std::result::Result<(), Vec<FieldProblem>>> {
        let mut problems = Vec::new();
        let group_id = match &h.group {
            None => None,
            Some(g) => match self.find_group(g) {
                Ok(id) => Some(id),
                Err(reason) => {
                    problems.push(cell_problem(row, "holder_group", reason));
                    None
                }
            },
        };
        let person = match self.people.get(&key(&h.name)).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            Some(many) if many.len() > 1 => {
                problems.push(cell_problem(
                    row,
                    "holder",
                    format!(
                        "{} people are called {}: appoint this one in the app, where you can choose which",
                        many.len(),
                        h.name
                    ),
                ));
                return Ok(Err(problems));
            }
            _ => None,
        };
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        if let Some(p) = person {
            let already: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM appointments WHERE seat_id = ?1 AND person_id = ?2
                   AND role = 'holder' AND term_start = ?3)",
                params![seat_id, p, h.term_start.to_string()],
                |r| r.get(0),
            )?;
            if already {
                self.summary.appointments_already_recorded += 1;
                return Ok(Ok(()));
            }
        }
        let refused = appointment_problems(
            self.conn,
            seat_id,
            Role::Holder,
            h.term_start,
            h.term_end,
            None,
        )?;
        if !refused.is_empty() {
            return Ok(Err(refused
                .into_iter()
                .map(|p| cell_problem(row, "term_start", p.message))
                .collect()));
        }
        let person_id = match person {
            Some(p) => p,
            None => {
                let id = self.store.audited(Subject::Person, None, None, |c| {
                    // Holding a seat is a public role: legitimate interest until consent is
                    // recorded.
                    c.execute(
                        "INSERT INTO people (name, lawful_basis) VALUES (?1, 'legitimate_interest')",
                        [&h.name],
                    )?;
                    Ok(c.last_insert_rowid())
                })?;
                self.people.insert(key(&h.name), vec![id]);
                self.summary.people_created += 1;
                id
            }
        };
        self.store.audited(Subject::Appointment, None, None, |c| {
            c.execute(
                "INSERT INTO appointments (seat_id, person_id, group_id, role, term_start, term_end,
                   selection, openly_selected) VALUES (?1, ?2, ?3, 'holder', ?4, ?5, ?6, ?7)",
                params![
                    seat_id,
                    person_id,
                    group_id,
                    h.term_start.to_string(),
                    h.term_end.map(|d| d.to_string()),
                    h.selection.as_str(),
                    h.selection.is_open()
                ],
            )?;
            Ok(c.last_insert_rowid())
        })?;
        self.summary.appointments_created += 1;
        Ok(Ok(()))
    }

    /// A group by its registration number, name or other name; never a guess between two.
    fn find_group(&self, written: &str) -> std::result::Result<i64, String> {
        if let Some((id, _)) = self.groups_by_number.get(&number_key(written)) {
            return Ok(*id);
        }
        match self.groups_by_name.get(&key(written)).map(Vec::as_slice) {
            Some([(id, _)]) => Ok(*id),
            Some(many) if many.len() > 1 => Err(format!(
                "\"{written}\" could be any of {}: write its charity or company number instead",
                many.iter()
                    .map(|(_, n)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => Err(format!(
                "no group called \"{written}\" (or with that number) is in the directory: add it first, or leave the cell empty"
            )),
        }
    }
}
