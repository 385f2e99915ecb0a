//! The annual partnership review pack: a folder with `partnerships.csv`, `seats.csv`, `gaps.csv`,
//! `groups.csv` and a `README.txt` saying what each column means and that the pack holds personal
//! data. Everything is judged as at the end of the review year (or today, for the current year),
//! and read in a handful of queries, so a directory of 1,000 partnerships takes under a second
//! (see BENCHMARKS.md).

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rusqlite::params;
use serde::Serialize;

use super::Store;
use crate::domain::balance;
use crate::domain::flags::{in_words, review_overdue};
use crate::domain::gaps::{self, Coverage};
use crate::domain::partnership::{Sector, Selection};
use crate::error::{io_at, CoreError, Result};
use crate::export::csv::CsvWriter;
use crate::export::folder::Staged;

pub const PARTNERSHIP_COLUMNS: &[&str] = &[
    "partnership",
    "kind",
    "convenor",
    "seats_total",
    "seats_filled",
    "seats_vacant",
    "vcse_seats",
    "vcse_seats_community",
    "vcse_seats_voluntary",
    "residents_seats",
    "residents_seats_community",
    "residents_seats_voluntary",
    "faith_seats",
    "bme_seats",
    "categories_missing",
    "categories_weak",
    "last_review",
    "next_review",
    "seats_mixed",
    "seats_unclassified",
    "seats_no_group",
    "balance_warnings",
    "review_overdue",
];

pub const SEAT_COLUMNS: &[&str] = &[
    "partnership",
    "seat",
    "sector",
    "constituency",
    "holder",
    "holder_group",
    "holder_group_class",
    "selection",
    "openly_selected",
    "term_start",
    "term_end",
    "last_report_back",
    "declarations",
    "attendance_rate",
    "flags",
    "alternate",
    "alternate_group",
    "constituency_wards",
];

pub const GAP_COLUMNS: &[&str] = &["partnership", "category", "status", "via"];

/// What went into the pack.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewPack {
    pub folder: PathBuf,
    pub year: i32,
    /// The day everything was judged on.
    pub as_of: String,
    pub partnerships: usize,
    pub seats: usize,
    pub gaps: usize,
    pub groups: usize,
}

/// The earliest year a review pack is written for, as the window has always taken it: no
/// partnership goes back that far, so an earlier year is a slip (0, or 199 for 1999) that would
/// only write an empty pack as at a day like 0000-12-31.
pub const FIRST_REVIEW_YEAR: i32 = 1900;

/// The day a review of `year` is judged on: the year's last day, or today for the current year.
///
/// # Errors
/// `Conflict` for a year before `FIRST_REVIEW_YEAR` or not yet begun.
pub fn review_as_of(year: i32, today: NaiveDate) -> Result<NaiveDate> {
    if year < FIRST_REVIEW_YEAR {
        return Err(CoreError::Conflict(format!(
            "{year} is before {FIRST_REVIEW_YEAR}, the earliest year a review pack is written for: choose a year from {FIRST_REVIEW_YEAR} to {}.",
            today.year()
        )));
    }
    if year > today.year() {
        return Err(CoreError::Conflict(format!(
            "The review year {year} has not begun: choose {} or earlier.",
            today.year()
        )));
    }
    if year == today.year() {
        return Ok(today);
    }
    NaiveDate::from_ymd_opt(year, 12, 31)
        .ok_or_else(|| CoreError::Conflict(format!("{year} is not a year we can review.")))
}

/// The seats and partnerships that came into being after a pack's day, and are left out of it.
/// The tables keep no creation date, so it is the day the audit trail records their addition
/// (the latest, should an id have been used again), in local time as "today" is. A seat with a
/// holder whose term had begun by the day was there then, whenever it was recorded (a secretary
/// entering past terms), and so is its partnership. Rows with no addition in the trail (the
/// demo's, or from before the trail) are taken to have been there all along.
struct AddedAfter {
    seats: HashSet<i64>,
    partnerships: HashSet<i64>,
}

impl AddedAfter {
    fn seat(&self, seat_id: i64, partnership_id: i64) -> bool {
        self.seats.contains(&seat_id) || self.partnerships.contains(&partnership_id)
    }
}

struct SeatLine {
    id: i64,
    partnership_id: i64,
    label: String,
    sector: String,
    constituency: String,
}

struct HolderLine {
    appointment_id: i64,
    person: String,
    group_id: Option<i64>,
    term_start: String,
    term_end: Option<String>,
    selection: String,
    openly_selected: bool,
}

impl Store {
    /// Writes the review pack for `year` into `folder` (created if needed).
    ///
    /// # Errors
    /// `Conflict` for a year not yet begun; `Io` when the folder or a file cannot be written.
    pub fn export_review(&self, year: i32, folder: &Path, today: NaiveDate) -> Result<ReviewPack> {
        let day = review_as_of(year, today)?;
        let (from, to) = (format!("{year}-01-01"), day.to_string());
        crate::export::folder::make_folder(folder, "the review pack is")?;
        // Every file is written under a temporary name and put in place once all are written:
        // a failure leaves no half pack without its README (and no older pack half replaced).
        let mut staged = Staged::new(folder);
        let (groups_file, groups_path) = staged.create("groups.csv")?;
        let files = [
            staged.create("seats.csv")?,
            staged.create("partnerships.csv")?,
            staged.create("gaps.csv")?,
        ];

        // groups.csv is the largest file and needs nothing the others do: a second, read-only
        // connection writes it on the other core meanwhile (WAL lets readers run side by side).
        let db = self.path.clone();
        let (partnership_files, groups_written) = std::thread::scope(|scope| {
            let groups = scope.spawn(|| -> Result<usize> {
                let reader = Store::open_reader(&db)?;
                // export_groups buffers what it writes.
                reader.export_groups(groups_file, &groups_path.display().to_string())
            });
            let rest = self.write_partnership_files(files, day, &from, &to);
            (rest, groups.join().expect("the groups.csv thread panicked"))
        });
        let (partnerships, seats, gap_rows) = partnership_files?;
        let groups_written = groups_written?;

        let (mut file, path) = staged.create("README.txt")?;
        file.write_all(readme(year, day).as_bytes())
            .map_err(io_at("write to", &path))?;
        staged.commit()?;
        Ok(ReviewPack {
            folder: folder.to_path_buf(),
            year,
            as_of: day.to_string(),
            partnerships,
            seats,
            gaps: gap_rows,
            groups: groups_written,
        })
    }

    /// What was added after `day` (see `AddedAfter`).
    fn added_after(&self, day: NaiveDate) -> Result<AddedAfter> {
        let ids = |sql: &str| -> Result<HashSet<i64>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([day.to_string()], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(AddedAfter {
            seats: ids("SELECT l.subject_id FROM audit_log l
                 WHERE l.subject = 'seat' AND l.action = 'created'
                 GROUP BY l.subject_id
                 HAVING date(max(l.at), 'localtime') > ?1
                    AND NOT EXISTS (SELECT 1 FROM appointments a
                                    WHERE a.seat_id = l.subject_id AND a.term_start <= ?1)")?,
            partnerships: ids(
                "SELECT l.subject_id FROM audit_log l
                 WHERE l.subject = 'partnership' AND l.action = 'created'
                 GROUP BY l.subject_id
                 HAVING date(max(l.at), 'localtime') > ?1
                    AND NOT EXISTS (SELECT 1 FROM seats s JOIN appointments a ON a.seat_id = s.id
                                    WHERE s.partnership_id = l.subject_id AND a.term_start <= ?1)",
            )?,
        })
    }

    /// seats.csv, partnerships.csv and gaps.csv, into `files` (each opened, with the path to
    /// name in errors); returns how many rows partnerships.csv, seats.csv and gaps.csv hold.
    fn write_partnership_files(
        &self,
        files: [(std::fs::File, PathBuf); 3],
        day: NaiveDate,
        from: &str,
        to: &str,
    ) -> Result<(usize, usize, usize)> {
        let [seats_file, partnerships_file, gaps_file] = files;
        // Seats and partnerships added after the day were not there to be reviewed: left out of
        // every file and count, not shown as vacancies and missing categories.
        let later = self.added_after(day)?;
        // One pass over every seat's flags serves both the gaps matrix and seats.csv.
        let all_flags: Vec<super::FlagRow> = self
            .flags(day)?
            .into_iter()
            .filter(|f| !later.seat(f.flag.seat_id, f.partnership_id))
            .collect();
        let mut facts = self.representation_facts_with(day, &all_flags)?;
        facts
            .seats
            .retain(|s| !later.seat(s.seat_id, s.partnership_id));
        facts
            .partnerships
            .retain(|p| !later.partnerships.contains(&p.id));
        let matrix = gaps::matrix(&facts);
        let balance: HashMap<i64, balance::SeatBalance> = balance::balance(&facts)
            .into_iter()
            .map(|b| (b.partnership_id, b))
            .collect();
        let mut flags: HashMap<i64, Vec<String>> = HashMap::new();
        for f in &all_flags {
            flags.entry(f.flag.seat_id).or_default().push(format!(
                "{}: {}",
                f.flag.kind.label(),
                f.flag.message
            ));
        }
        let c = &self.conn;
        let partnerships: Vec<(i64, String, String, String, String, String)> = c
            .prepare(
                "SELECT id, name, kind, convenor, coalesce(last_review, ''), coalesce(next_review, '')
                 FROM partnerships ORDER BY name COLLATE NOCASE, id",
            )?
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|p| !later.partnerships.contains(&p.0))
            .collect();
        let names: HashMap<i64, &str> = partnerships.iter().map(|p| (p.0, p.1.as_str())).collect();
        // The seats in being on the day, as the flags, the gaps matrix and the seat balance
        // take them, so every count in the pack is of the same seats.
        let seats: Vec<SeatLine> = c
            .prepare(
                "SELECT s.id, s.partnership_id, s.label, s.sector, s.constituency
                 FROM seats s JOIN partnerships p ON p.id = s.partnership_id
                 WHERE s.ended_on IS NULL OR s.ended_on >= ?1
                 ORDER BY p.name COLLATE NOCASE, p.id, s.position, s.id",
            )?
            .query_map([&to], |r| {
                Ok(SeatLine {
                    id: r.get(0)?,
                    partnership_id: r.get(1)?,
                    label: r.get(2)?,
                    sector: r.get(3)?,
                    constituency: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|s| !later.seat(s.id, s.partnership_id))
            .collect();
        // Each seat's holder is the one the gaps matrix and the seat balance judge: the latest
        // whose term had begun by the day, shown even when their term has ended since (they are
        // who last held it), though the seat then counts as vacant.
        let holding: HashMap<i64, &gaps::AppointmentFacts> = facts
            .seats
            .iter()
            .filter_map(|s| s.holder.as_ref().map(|h| (s.seat_id, h)))
            .collect();
        let mut holders: HashMap<i64, HolderLine> = HashMap::new();
        let mut stmt = c.prepare(
            "SELECT a.id, p.name, a.group_id, a.term_start, a.term_end, a.selection,
                    a.openly_selected
             FROM appointments a JOIN people p ON p.id = a.person_id
             WHERE a.role = 'holder' AND a.term_start <= ?1",
        )?;
        let rows = stmt.query_map([&to], |r| {
            Ok(HolderLine {
                appointment_id: r.get(0)?,
                person: r.get(1)?,
                group_id: r.get(2)?,
                term_start: r.get(3)?,
                term_end: r.get(4)?,
                selection: r.get(5)?,
                openly_selected: r.get(6)?,
            })
        })?;
        for row in rows {
            let h = row?;
            holders.insert(h.appointment_id, h);
        }
        let per_appointment = |sql: &str| -> Result<HashMap<i64, String>> {
            let mut stmt = c.prepare(sql)?;
            let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let last_report_back = per_appointment(
            "SELECT appointment_id, max(on_date) FROM report_backs
             WHERE on_date <= ?2 GROUP BY appointment_id",
        )?;
        let declarations = per_appointment(
            "SELECT appointment_id,
                    group_concat(on_date || CASE WHEN is_nil THEN ' (nothing to declare)' ELSE '' END, '; ')
             FROM (SELECT * FROM declarations WHERE on_date BETWEEN ?1 AND ?2 ORDER BY on_date)
             GROUP BY appointment_id",
        )?;
        let attendance = per_appointment(
            "SELECT at.appointment_id,
                    CAST(round(100.0 * sum(at.status = 'present') / count(*)) AS INTEGER) || '% of ' ||
                    count(*)
             FROM attendance at JOIN meetings m ON m.id = at.meeting_id
             WHERE m.on_date BETWEEN ?1 AND ?2 GROUP BY at.appointment_id",
        )?;
        let groups: HashMap<i64, (String, String)> = c
            .prepare(
                "SELECT id, name FROM groups
                 WHERE id IN (SELECT group_id FROM appointments WHERE group_id IS NOT NULL)",
            )?
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, String::new()))))?
            .collect::<rusqlite::Result<_>>()?;
        let seat_categories: HashMap<i64, Vec<i64>> = facts
            .seats
            .iter()
            .map(|s| (s.seat_id, s.category_ids.clone()))
            .collect();
        // The wards each seat speaks for, by name, as its row on the partnership's page lists them.
        let seat_wards: HashMap<i64, String> = c
            .prepare(
                "SELECT seat_id, group_concat(name, '; ') FROM
                   (SELECT sw.seat_id, w.name FROM seat_wards sw JOIN wards w ON w.id = sw.ward_id
                    ORDER BY w.name COLLATE NOCASE)
                 GROUP BY seat_id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let category_name: HashMap<i64, &str> = facts
            .categories
            .iter()
            .map(|c| (c.id, c.name.as_str()))
            .collect();

        // seats.csv
        let (file, path) = seats_file;
        let mut out =
            CsvWriter::new(std::io::BufWriter::new(file)).map_err(io_at("write to", &path))?;
        out.row(SEAT_COLUMNS).map_err(io_at("write to", &path))?;
        // The alternate in post on the day, whom faith_seats and bme_seats count too.
        let alternates: HashMap<i64, &gaps::AppointmentFacts> = facts
            .seats
            .iter()
            .filter_map(|s| s.alternate.as_ref().map(|a| (s.seat_id, a)))
            .collect();
        let mut filled: HashMap<i64, usize> = HashMap::new();
        for s in &seats {
            let held = holding.get(&s.id);
            let alternate = alternates.get(&s.id).copied();
            let h = held.and_then(|a| holders.get(&a.appointment_id));
            // Filled only by a holder in post: once their term has ended the seat needs a
            // holder (README: the flags show only "term ended").
            if held.is_some_and(|a| !a.term_ended()) {
                *filled.entry(s.partnership_id).or_default() += 1;
            }
            let cats: Vec<&str> = seat_categories
                .get(&s.id)
                .into_iter()
                .flatten()
                .filter_map(|c| category_name.get(c).copied())
                .collect();
            let constituency = match (s.constituency.is_empty(), cats.is_empty()) {
                (_, true) => s.constituency.clone(),
                (true, false) => cats.join("; "),
                (false, false) => format!("{} ({})", s.constituency, cats.join("; ")),
            };
            let group = h.and_then(|h| h.group_id);
            let class = group
                .and_then(|g| facts.groups.get(&g))
                .map(|g| g.class.as_str())
                .unwrap_or("");
            let get = |m: &HashMap<i64, String>| {
                h.and_then(|h| m.get(&h.appointment_id).cloned())
                    .unwrap_or_default()
            };
            out.row([
                names.get(&s.partnership_id).copied().unwrap_or(""),
                &s.label,
                &s.sector,
                &constituency,
                h.map(|h| h.person.as_str()).unwrap_or(""),
                group
                    .and_then(|g| groups.get(&g))
                    .map(|g| g.0.as_str())
                    .unwrap_or(""),
                class,
                h.map(|h| h.selection.as_str()).unwrap_or(""),
                match h {
                    Some(h) if h.openly_selected => "yes",
                    Some(_) => "no",
                    None => "",
                },
                h.map(|h| h.term_start.as_str()).unwrap_or(""),
                h.and_then(|h| h.term_end.as_deref()).unwrap_or(""),
                &get(&last_report_back),
                &get(&declarations),
                &get(&attendance),
                &flags.get(&s.id).map(|f| f.join(" | ")).unwrap_or_default(),
                alternate.map(|a| a.person.as_str()).unwrap_or(""),
                alternate
                    .and_then(|a| a.group_id)
                    .and_then(|g| groups.get(&g))
                    .map(|g| g.0.as_str())
                    .unwrap_or(""),
                seat_wards.get(&s.id).map(String::as_str).unwrap_or(""),
            ])
            .map_err(io_at("write to", &path))?;
        }
        out.finish().map_err(io_at("write to", &path))?;

        // partnerships.csv
        let (file, path) = partnerships_file;
        let mut out =
            CsvWriter::new(std::io::BufWriter::new(file)).map_err(io_at("write to", &path))?;
        out.row(PARTNERSHIP_COLUMNS)
            .map_err(io_at("write to", &path))?;
        let mut total: HashMap<i64, usize> = HashMap::new();
        for s in &seats {
            *total.entry(s.partnership_id).or_default() += 1;
        }
        let rows: HashMap<i64, &gaps::GapRow> =
            matrix.rows.iter().map(|r| (r.partnership_id, r)).collect();
        let with_status = |id: i64, status: Coverage| -> String {
            rows.get(&id)
                .map(|r| {
                    r.cells
                        .iter()
                        .zip(&matrix.columns)
                        .filter(|(cell, _)| cell.status == status)
                        .map(|(_, col)| col.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default()
        };
        for (id, name, kind, convenor, last, next) in &partnerships {
            let b = balance.get(id);
            let n = |f: fn(&balance::SeatBalance) -> usize| b.map(f).unwrap_or(0).to_string();
            let seats_total = total.get(id).copied().unwrap_or(0);
            let seats_filled = filled.get(id).copied().unwrap_or(0);
            out.row([
                name.as_str(),
                kind,
                convenor,
                &seats_total.to_string(),
                &seats_filled.to_string(),
                &(seats_total - seats_filled).to_string(),
                &n(|b| b.vcse_seats),
                &n(|b| b.vcse_community),
                &n(|b| b.vcse_voluntary),
                &n(|b| b.residents_seats),
                &n(|b| b.community - b.vcse_community),
                &n(|b| b.voluntary - b.vcse_voluntary),
                &n(|b| b.faith_seats),
                &n(|b| b.bme_seats),
                &with_status(*id, Coverage::Missing),
                &with_status(*id, Coverage::Weak),
                last,
                next,
                &n(|b| b.mixed),
                &n(|b| b.unclassified),
                &n(|b| b.no_group),
                &b.map(|b| {
                    b.warnings
                        .iter()
                        .map(|w| w.message.as_str())
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .unwrap_or_default(),
                // As at the pack's day: a past year's pack says whether that year's review
                // was overdue by its end.
                if review_overdue(Some(next), day).is_some() {
                    "yes"
                } else {
                    "no"
                },
            ])
            .map_err(io_at("write to", &path))?;
        }
        out.finish().map_err(io_at("write to", &path))?;

        // gaps.csv
        let (file, path) = gaps_file;
        let mut out =
            CsvWriter::new(std::io::BufWriter::new(file)).map_err(io_at("write to", &path))?;
        out.row(GAP_COLUMNS).map_err(io_at("write to", &path))?;
        let mut gap_rows = 0;
        for r in &matrix.rows {
            for (cell, col) in r.cells.iter().zip(&matrix.columns) {
                out.row([r.name.as_str(), &col.name, cell.status.as_str(), cell.via()])
                    .map_err(io_at("write to", &path))?;
                gap_rows += 1;
            }
        }
        out.finish().map_err(io_at("write to", &path))?;
        Ok((partnerships.len(), seats.len(), gap_rows))
    }
}

fn readme(year: i32, day: NaiveDate) -> String {
    format!(
        "Compact Directory: annual partnership review pack for {year}
Judged as at {} (the end of the year, or the day it was made for the current year).

THIS PACK CONTAINS PERSONAL DATA: the names of representatives in seats.csv, and contact
details of groups in groups.csv. Share it only with those who need it for the review, keep it
no longer than the review needs, and delete it afterwards (UK GDPR).

Every file is CSV, UTF-8 with a byte-order mark, CRLF line ends. A cell that would start with =, +,
-, @, a tab or a carriage return starts with an apostrophe, so a spreadsheet shows it instead of
running it as a formula. Lists inside a cell are separated by \"; \".
Charity, company and phone numbers are quoted, but a spreadsheet opening a CSV directly may
still read 00738693 as the number 738693. To keep leading zeros, open the file through the
import dialog (Excel: Data > From Text/CSV > Transform Data, and set those columns' type to
Text; LibreOffice: tick \"Format quoted field as text\").

What was in being on the day: a seat or partnership added after it (by the day the audit trail
records its addition) is left out, unless a holder's term on the seat had begun by then; a seat
abolished before it is left out too. Holders, terms, report-backs, declarations and attendance
are as dated. Review dates (last_review, next_review) and each group's class, faith and BME
flags are as recorded now: the directory keeps no earlier values of them apart from the audit
trail, so in a past year's pack they may differ from what they were then.

partnerships.csv: one row per partnership.
  partnership, kind, convenor: its name, kind (strategic, service_delivery, network, forum) and
    convening body.
  seats_total, seats_filled, seats_vacant: its seats, those with a holder in post on the day,
    and the rest: no holder, or a holder whose term has ended (seats.csv names them, flagged
    \"Term ended\"; the seat needs a holder). Filled and vacant add up to the total.
  vcse_seats: voluntary and community sector seats.
  vcse_seats_community, vcse_seats_voluntary: of the VCSE seats, those whose holder in post
    comes from a community group, and from a voluntary organisation (the Compact's concern:
    community groups not drowned out by larger voluntary organisations). Mixed and unclassified
    groups, holders with no group and holders whose term has ended are in neither, so the two
    add up to at most vcse_seats.
  residents_seats, residents_seats_community, residents_seats_voluntary: the same for residents'
    seats (they speak for a constituency too: a tenants' association on a residents' seat is a
    community group there). `report balance` counts community and voluntary over both kinds
    together: vcse_seats_community + residents_seats_community, and likewise for voluntary.
  faith_seats, bme_seats: seats of any sector whose holder in post or current alternate comes
    from a faith group, and from a group led by or serving Black and minority ethnic people
    (seats.csv names both, with their groups).
  categories_missing, categories_weak: the socially excluded categories no filled seat speaks
    for, and those spoken for only through flagged appointments or alternates (see gaps.csv).
  last_review, next_review: the partnership's last annual review and the next one due.
  seats_mixed, seats_unclassified, seats_no_group: of the VCSE and residents' seats together,
    those whose holder in post comes from a group classed mixed, from a group not yet
    classified, and those whose holder is recorded with no group (with the community and
    voluntary counts above, they account for every such seat with a holder in post).
  balance_warnings: what the Gaps screen's seat balance warns of, in words, separated by \" | \":
    VCSE seats none of which a community group holds (Compact code 002, 6.10), and no faith or
    BME group holding a seat or being an alternate (002, 6.19). Empty: neither.
  review_overdue: yes when next_review had passed by the day the pack is judged on (the
    annual review is overdue), no when it had not or none is set.

seats.csv: one row per seat in being on the day, partnership by partnership as in partnerships.csv.
  partnership, seat, sector, constituency: the seat, its sector and whom it speaks for (words,
    then the categories ticked, in brackets). sector is a code, as the window words it:
{sectors}
  holder, holder_group, holder_group_class: the latest holder whose term had begun by the day,
    their group and its class (community, voluntary, mixed, unclassified). When their term
    ended before the day they are still named here, as who last held the seat, with the flag
    \"Term ended\", and the seat counts as vacant in partnerships.csv. (The gaps matrix still
    counts them, as weak, until someone new is appointed.)
  selection, openly_selected: how they were selected, and whether that was open and
    transparent (yes or no). selection is a code (kept steady for spreadsheets), as the window
    words it:
{selections}
  term_start, term_end: their term (an empty end: no end set).
  last_report_back: the date of their last report-back to their constituency.
  declarations: their declarations of interest during the year, with nil ones marked.
  attendance_rate: the share of the year's meetings they attended (\"75% of 8\").
  flags: what stands out about the seat, each with its reason, separated by \" | \".
  alternate, alternate_group: the seat's alternate in post on the day (their term had begun and
    not ended) and their group. faith_seats and bme_seats in partnerships.csv count a seat whose
    alternate's group is a faith or BME group, as well as one whose holder's is.
  constituency_wards: the wards the seat speaks for (an area seat, a residents' seat), by name.

gaps.csv: one row per partnership and socially excluded category.
  partnership, category: the cell of the gaps matrix.
  status: covered (a filled seat with no accountability flag speaks for it), weak (only through
    flagged appointments or an alternate) or missing (no filled seat speaks for it).
  via: the seats, holders and groups that speak for it, and their flags, in words.

groups.csv: the directory, as Compact Directory exports it (it imports back unchanged).
  id, name, other_names, charity_number, company_number, postcode, ward (its code where two
  wards share the name), class, suggested_class, community_features, voluntary_features (the
  Appendix A feature numbers on each side), faith_group (yes, no, or the faith's name), bme,
  categories_served, last_checked, status: who the group is and how it is classed.
  address, email, phone, website: the group's contact details.
  activities: what it does.
  wards_served, community_of_interest: the wards it serves, and any community of interest.
  enterprise: social or community enterprise (empty: neither).
  last_checked_by: who last checked the entry with the group.
  class_reason: why staff set the class, when it is not the suggested one.
",
        in_words(day),
        sectors = codes(Sector::ALL.iter().map(|s| (s.as_str(), s.label()))),
        selections = codes(Selection::ALL.iter().map(|s| (s.as_str(), s.label()))),
    )
}

/// Codes and the window's words for them, a line each: "      co_opted: Co-opted".
fn codes<'a>(list: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    list.map(|(code, words)| format!("      {code}: {words}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_before_1900_or_not_yet_begun_is_refused_in_words() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        for year in [0, 999, 1899] {
            let err = review_as_of(year, today).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("{year} is before 1900, the earliest year a review pack is written for: choose a year from 1900 to 2026.")
            );
        }
        assert_eq!(review_as_of(1900, today).unwrap().to_string(), "1900-12-31");
        assert_eq!(review_as_of(1999, today).unwrap().to_string(), "1999-12-31");
        assert_eq!(review_as_of(2026, today).unwrap(), today);
        assert!(review_as_of(2027, today)
            .unwrap_err()
            .to_string()
            .contains("has not begun"));
    }
}
