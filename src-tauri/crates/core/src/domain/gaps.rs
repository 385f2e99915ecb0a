//! Representation gaps: for each partnership and each socially excluded category, does a filled
//! seat speak for it, only seats with accountability problems, or none at all (Social Inclusion
//! code; domain.md "Gaps that must stand out"). Pure rules over plain rows the store gathers
//! (`store::gaps`), so the matrix can be computed and timed apart from loading it.
//!
//! A seat speaks for a category through its constituency (the categories ticked on the seat) or
//! through the group its holder comes from (the categories the group works with, a faith group
//! counting for "faith groups" and a BME group for "people from minority ethnic groups", as
//! `group::served_categories` counts them everywhere else). The seat's constituency in words is
//! not read for categories: words say too little to decide on.

use std::collections::HashMap;

use serde::Serialize;

use super::classification::GroupClass;
use super::flags::{Flag, FlagKind};
use super::group::served_categories;
use super::partnership::{Role, Sector};

/// A socially excluded category, in the directory's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryFacts {
    pub id: i64,
    pub name: String,
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnershipFacts {
    pub id: i64,
    pub name: String,
}

/// A group that holds (or covers, as alternate) a seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupFacts {
    pub name: String,
    /// The class in force (set by staff, else suggested).
    pub class: GroupClass,
    pub faith: bool,
    /// Led by or serving Black and minority ethnic people.
    pub bme: bool,
    /// The categories ticked on the group.
    pub category_ids: Vec<i64>,
}

/// A holder's or an alternate's appointment to a seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentFacts {
    pub appointment_id: i64,
    pub person: String,
    pub group_id: Option<i64>,
    /// Every flag on the appointment today (`domain::flags`); `weakens` picks those that count.
    pub flags: Vec<Flag>,
}

impl AppointmentFacts {
    /// Whether the term ended before the day judged: the holder no longer sits, so the seat needs
    /// a holder and counts as vacant in the seat balance and the review pack, while the gaps
    /// matrix still counts them, as weak, until someone new is appointed. Read from the "term
    /// ended" flag, so every count agrees with the flag the seat shows.
    pub fn term_ended(&self) -> bool {
        self.flags.iter().any(|f| f.kind == FlagKind::TermEnded)
    }
}

/// A current seat with whom it speaks for and who fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatHolding {
    pub seat_id: i64,
    pub partnership_id: i64,
    pub label: String,
    pub sector: Sector,
    /// The categories the seat's constituency is for ("reserved for" when the seat is vacant).
    pub category_ids: Vec<i64>,
    /// The latest holder whose term has begun (ended terms included: they are flagged).
    pub holder: Option<AppointmentFacts>,
    /// A current alternate.
    pub alternate: Option<AppointmentFacts>,
}

/// Everything the matrix and the seat balance are computed from.
#[derive(Debug, Clone, Default)]
pub struct RepresentationFacts {
    /// In the directory's order; retired ones included.
    pub categories: Vec<CategoryFacts>,
    /// In the order rows are shown.
    pub partnerships: Vec<PartnershipFacts>,
    pub seats: Vec<SeatHolding>,
    /// The groups named on the appointments above.
    pub groups: HashMap<i64, GroupFacts>,
    pub faith_category: Option<i64>,
    pub bme_category: Option<i64>,
}

impl RepresentationFacts {
    /// The categories a group counts for (ticked, plus faith and BME).
    pub fn served(&self, group: &GroupFacts) -> Vec<i64> {
        served_categories(
            &group.category_ids,
            group.faith,
            group.bme,
            self.faith_category,
            self.bme_category,
        )
    }
}

/// The accountability flags that make an appointment's cover weak, as the issue names them: term
/// ended, report-back overdue, not openly selected, no declaration. A term ending soon, poor
/// attendance and sitting on many partnerships are shown on the seat but do not weaken it.
pub fn weakens(kind: FlagKind) -> bool {
    matches!(
        kind,
        FlagKind::TermEnded
            | FlagKind::ReportBackOverdue
            | FlagKind::NotOpenlySelected
            | FlagKind::NoDeclaration
    )
}

/// A weakening flag, short enough to sit in a sentence: "term ended 31 March 2026".
pub fn flag_words(flag: &Flag) -> String {
    let m = flag.message.as_str();
    match flag.kind {
        FlagKind::TermEnded => m.split(", ").next().unwrap_or(m).to_string(),
        // "last report-back 14 March 2026, 254 days ago; interval 90 days" or "no report-back
        // since the term began on 1 April 2025, 601 days ago; ...": the dates say enough.
        FlagKind::ReportBackOverdue => {
            let first = m.split(", ").next().unwrap_or(m);
            match first.strip_prefix("last report-back ") {
                Some(date) => format!("report-back overdue (last {date})"),
                None => first.to_string(),
            }
        }
        FlagKind::NotOpenlySelected => "not openly selected".to_string(),
        _ => m.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    Covered,
    Weak,
    Missing,
}

impl Coverage {
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Weak => "weak",
            Coverage::Missing => "missing",
        }
    }
}

/// Why a seat speaks for a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Through {
    /// The seat's constituency names the category.
    Constituency,
    /// The holder's group works with it (ticked on the group).
    Group,
    /// The holder's group is a faith group (for "faith groups").
    FaithGroup,
    /// The holder's group is led by or serves BME people (for "people from minority ethnic groups").
    BmeGroup,
}

impl Through {
    fn words(self) -> &'static str {
        match self {
            Through::Constituency => "its constituency",
            Through::Group => "the group works with them",
            Through::FaithGroup => "a faith group",
            Through::BmeGroup => "a BME group",
        }
    }
}

/// One appointment speaking for a category in a cell. The names are in the cell's explanation;
/// the ids lead to the seat and the appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Via {
    pub seat_id: i64,
    pub appointment_id: i64,
    pub role: Role,
    pub through: Through,
    /// The appointment has a weakening flag (named in the explanation).
    pub flagged: bool,
}

impl Via {
    /// Clean: the holder (not an alternate) with no weakening flag.
    pub fn is_clean(&self) -> bool {
        self.role == Role::Holder && !self.flagged
    }
}

/// One partnership and one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapCell {
    pub status: Coverage,
    /// A vacant seat is reserved for the category (it does not cover it).
    pub reserved_vacant: bool,
    /// "Young people: weak — only Youth seat, held by A. Khan of Ordsall Youth Forum (its
    /// constituency), term ended 31 March 2026".
    pub explanation: String,
    /// Where the words after the dash begin (see `via`).
    #[serde(skip)]
    via_at: usize,
    /// The appointments that speak for the category, by seat order.
    pub seats: Vec<Via>,
    /// The vacant seats reserved for it.
    pub reserved_seat_ids: Vec<i64>,
}

impl GapCell {
    /// The explanation after the dash: which seats, holders, groups and flags.
    pub fn via(&self) -> &str {
        &self.explanation[self.via_at..]
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub covered: usize,
    pub weak: usize,
    pub missing: usize,
    pub reserved_vacant: usize,
}

impl Counts {
    fn add(&mut self, cell: &GapCell) {
        match cell.status {
            Coverage::Covered => self.covered += 1,
            Coverage::Weak => self.weak += 1,
            Coverage::Missing => self.missing += 1,
        }
        self.reserved_vacant += cell.reserved_vacant as usize;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapColumn {
    pub category_id: i64,
    pub name: String,
    pub retired: bool,
    /// Across the partnerships.
    pub totals: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapRow {
    pub partnership_id: i64,
    pub name: String,
    /// One per column, in column order.
    pub cells: Vec<GapCell>,
    pub counts: Counts,
}

/// Partnerships by socially excluded categories; the empty cells are the point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapMatrix {
    pub columns: Vec<GapColumn>,
    pub rows: Vec<GapRow>,
}

impl GapMatrix {
    /// The matrix without each cell's explanation and seats: what the screen draws. On a large
    /// directory those are most of its size (10 MB of 11 at 1,000 partnerships), and a cell's are
    /// fetched when it is chosen (`cell`).
    pub fn without_details(&self) -> GapMatrix {
        let mut slim = self.clone();
        for cell in slim.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
            cell.explanation = String::new();
            cell.via_at = 0;
            cell.seats = Vec::new();
        }
        slim
    }

    /// Most gaps first: missing, then weak, then by name.
    pub fn sort_by_gaps(&mut self) {
        self.rows.sort_by(|a, b| {
            b.counts
                .missing
                .cmp(&a.counts.missing)
                .then(b.counts.weak.cmp(&a.counts.weak))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
    }

    /// The cell of a partnership and a category, if both are shown.
    pub fn cell(&self, partnership_id: i64, category_id: i64) -> Option<&GapCell> {
        let col = self
            .columns
            .iter()
            .position(|c| c.category_id == category_id)?;
        self.rows
            .iter()
            .find(|r| r.partnership_id == partnership_id)
            .map(|r| &r.cells[col])
    }
}

/// An appointment as a cell's words name it: "Youth seat, held by A. Khan of Ordsall Youth
/// Forum" and its weakening flags (", term ended 31 March 2026"), worked out once however many
/// categories it speaks for.
struct Speaker {
    name: String,
    flags: String,
}

#[derive(Default)]
struct Acc<'a> {
    vias: Vec<(usize, Via)>,
    reserved: Vec<(i64, &'a str)>,
}

/// What every row reads.
struct Ctx<'a> {
    facts: &'a RepresentationFacts,
    col_of: HashMap<i64, usize>,
    served: HashMap<i64, Vec<i64>>,
}

/// Rows are shared between threads from this many partnerships on.
const PARALLEL_FROM: usize = 64;

/// The whole matrix. Columns: every active category, and each retired one still in use (a seat
/// or a holder's group speaks for it somewhere, or a vacant seat is reserved for it).
pub fn matrix(facts: &RepresentationFacts) -> GapMatrix {
    let ncat = facts.categories.len();
    let row_of: HashMap<i64, usize> = facts
        .partnerships
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    let mut seats_of: Vec<Vec<&SeatHolding>> = vec![Vec::new(); facts.partnerships.len()];
    for seat in &facts.seats {
        if let Some(&row) = row_of.get(&seat.partnership_id) {
            seats_of[row].push(seat);
        }
    }
    let ctx = Ctx {
        facts,
        col_of: facts
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect(),
        served: facts
            .groups
            .iter()
            .map(|(id, g)| (*id, facts.served(g)))
            .collect(),
    };
    // Each row depends only on its own seats, so the rows are split between the cores.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cells: Vec<Vec<GapCell>> = if threads > 1 && seats_of.len() >= PARALLEL_FROM {
        let chunk = seats_of.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = seats_of
                .chunks(chunk)
                .map(|rows| {
                    let ctx = &ctx;
                    scope.spawn(move || rows.iter().map(|s| ctx.row(s)).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a row of the matrix"))
                .collect()
        })
    } else {
        seats_of.iter().map(|s| ctx.row(s)).collect()
    };

    let shown: Vec<usize> = (0..ncat)
        .filter(|&i| {
            !facts.categories[i].retired
                || cells
                    .iter()
                    .any(|r| r[i].status != Coverage::Missing || r[i].reserved_vacant)
        })
        .collect();
    let mut columns: Vec<GapColumn> = shown
        .iter()
        .map(|&i| {
            let c = &facts.categories[i];
            GapColumn {
                category_id: c.id,
                name: c.name.clone(),
                retired: c.retired,
                totals: Counts::default(),
            }
        })
        .collect();
    let rows = facts
        .partnerships
        .iter()
        .zip(cells)
        .map(|(p, all)| {
            let mut counts = Counts::default();
            let mut all: Vec<Option<GapCell>> = all.into_iter().map(Some).collect();
            let cells: Vec<GapCell> = shown
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    let cell = all[i].take().expect("each column once");
                    counts.add(&cell);
                    columns[k].totals.add(&cell);
                    cell
                })
                .collect();
            GapRow {
                partnership_id: p.id,
                name: p.name.clone(),
                cells,
                counts,
            }
        })
        .collect();
    GapMatrix { columns, rows }
}

impl Ctx<'_> {
    /// One partnership's cells, one per category (shown or not).
    fn row(&self, seats: &[&SeatHolding]) -> Vec<GapCell> {
        let facts = self.facts;
        let mut cells: Vec<Acc> = facts.categories.iter().map(|_| Acc::default()).collect();
        let mut speakers: Vec<Speaker> = Vec::new();
        for seat in seats {
            if seat.holder.is_none() {
                for c in &seat.category_ids {
                    if let Some(&col) = self.col_of.get(c) {
                        cells[col].reserved.push((seat.seat_id, &seat.label));
                    }
                }
            }
            for (role, a) in [
                (Role::Holder, &seat.holder),
                (Role::Alternate, &seat.alternate),
            ] {
                let Some(a) = a else { continue };
                let group = a.group_id.and_then(|g| facts.groups.get(&g));
                let who = match role {
                    Role::Holder => ", held by ",
                    Role::Alternate => ", alternate ",
                };
                let mut name = String::with_capacity(
                    seat.label.len()
                        + who.len()
                        + a.person.len()
                        + 4
                        + group.map_or(0, |g| g.name.len()),
                );
                name.push_str(&seat.label);
                name.push_str(who);
                name.push_str(&a.person);
                if let Some(g) = group {
                    name.push_str(" of ");
                    name.push_str(&g.name);
                }
                let mut flags = String::new();
                for f in a.flags.iter().filter(|f| weakens(f.kind)) {
                    flags.push_str(", ");
                    flags.push_str(&flag_words(f));
                }
                let speaker = speakers.len();
                let flagged = !flags.is_empty();
                speakers.push(Speaker { name, flags });
                let mut via = |category: i64, through: Through| {
                    if let Some(&col) = self.col_of.get(&category) {
                        let vias = &mut cells[col].vias;
                        // Once per appointment: the seat's own constituency is named first.
                        if vias.iter().any(|(s, _)| *s == speaker) {
                            return;
                        }
                        vias.push((
                            speaker,
                            Via {
                                seat_id: seat.seat_id,
                                appointment_id: a.appointment_id,
                                role,
                                through,
                                flagged,
                            },
                        ));
                    }
                };
                for &c in &seat.category_ids {
                    via(c, Through::Constituency);
                }
                if let (Some(g), Some(ids)) = (group, a.group_id.and_then(|g| self.served.get(&g)))
                {
                    for &c in ids {
                        let through = if g.category_ids.contains(&c) {
                            Through::Group
                        } else if Some(c) == facts.faith_category {
                            Through::FaithGroup
                        } else {
                            Through::BmeGroup
                        };
                        via(c, through);
                    }
                }
            }
        }
        cells
            .into_iter()
            .zip(&facts.categories)
            .map(|(a, c)| cell(&c.name, a, &speakers))
            .collect()
    }
}

fn cell(category: &str, a: Acc, speakers: &[Speaker]) -> GapCell {
    let status = if a.vias.iter().any(|(_, v)| v.is_clean()) {
        Coverage::Covered
    } else if a.vias.is_empty() {
        Coverage::Missing
    } else {
        Coverage::Weak
    };
    // One allocation of the right size: most of the matrix's time is spent writing these.
    let named = |(i, v): &&(usize, Via)| {
        let sp: &Speaker = &speakers[*i];
        sp.name.len() + v.through.words().len() + 5 + sp.flags.len()
    };
    let size = category.len()
        + 48
        + a.vias.iter().map(|v| named(&v)).sum::<usize>()
        + a.reserved.iter().map(|(_, l)| l.len() + 2).sum::<usize>();
    let mut s = String::with_capacity(size);
    s.push_str(category);
    s.push_str(": ");
    s.push_str(status.as_str());
    s.push_str(" — ");
    let via_at = s.len();
    let mut first = true;
    let mut name = |s: &mut String, speaker: &Speaker, via: &Via, flags: bool| {
        s.push_str(if first { "" } else { "; " });
        first = false;
        s.push_str(&speaker.name);
        s.push_str(" (");
        s.push_str(via.through.words());
        s.push(')');
        if flags {
            s.push_str(&speaker.flags);
        }
    };
    match status {
        // The clean ones say why it is covered; weaker ones would only add noise.
        Coverage::Covered => {
            for (i, v) in a.vias.iter().filter(|(_, v)| v.is_clean()) {
                name(&mut s, &speakers[*i], v, false);
            }
        }
        Coverage::Weak => {
            s.push_str("only ");
            for (i, v) in &a.vias {
                name(&mut s, &speakers[*i], v, true);
            }
        }
        Coverage::Missing => s.push_str("no filled seat speaks for them"),
    }
    if !a.reserved.is_empty() {
        s.push_str("; reserved, vacant: ");
        for (i, (_, label)) in a.reserved.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(label);
        }
    }
    GapCell {
        status,
        reserved_vacant: !a.reserved.is_empty(),
        explanation: s,
        via_at,
        seats: a.vias.into_iter().map(|(_, v)| v).collect(),
        reserved_seat_ids: a.reserved.into_iter().map(|(id, _)| id).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flags::{seat_flags, FlagSettings, HolderFacts, SeatFacts};
    use chrono::NaiveDate;

    const YOUNG: i64 = 1;
    const FAITH: i64 = 2;
    const BME: i64 = 3;
    const OLD: i64 = 4;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn facts() -> RepresentationFacts {
        let cat = |id, name: &str| CategoryFacts {
            id,
            name: name.into(),
            retired: false,
        };
        RepresentationFacts {
            categories: vec![
                cat(YOUNG, "Young people"),
                cat(FAITH, "Faith groups"),
                cat(BME, "People from minority ethnic groups"),
                cat(OLD, "Older people"),
            ],
            partnerships: vec![PartnershipFacts {
                id: 10,
                name: "Health and Wellbeing Board".into(),
            }],
            groups: HashMap::from([(
                7,
                GroupFacts {
                    name: "Ordsall Youth Forum".into(),
                    class: GroupClass::Community,
                    faith: false,
                    bme: false,
                    category_ids: vec![YOUNG],
                },
            )]),
            faith_category: Some(FAITH),
            bme_category: Some(BME),
            seats: vec![],
        }
    }

    fn appt(id: i64, person: &str, group: Option<i64>) -> AppointmentFacts {
        AppointmentFacts {
            appointment_id: id,
            person: person.into(),
            group_id: group,
            flags: vec![],
        }
    }

    fn seat(id: i64, label: &str, cats: &[i64], holder: Option<AppointmentFacts>) -> SeatHolding {
        SeatHolding {
            seat_id: id,
            partnership_id: 10,
            label: label.into(),
            sector: Sector::Vcse,
            category_ids: cats.to_vec(),
            holder,
            alternate: None,
        }
    }

    fn flag(kind: FlagKind, message: &str) -> Flag {
        Flag {
            kind,
            seat_id: 4,
            appointment_id: Some(1),
            message: message.into(),
        }
    }

    #[test]
    fn a_clean_holder_covers_through_the_seat_and_through_their_group() {
        let mut f = facts();
        f.seats = vec![seat(4, "Seat 4", &[OLD], Some(appt(1, "A. Khan", Some(7))))];
        let m = matrix(&f);
        let old = m.cell(10, OLD).unwrap();
        assert_eq!(old.status, Coverage::Covered);
        assert_eq!(
            old.explanation,
            "Older people: covered — Seat 4, held by A. Khan of Ordsall Youth Forum (its constituency)"
        );
        let young = m.cell(10, YOUNG).unwrap();
        assert_eq!(young.status, Coverage::Covered);
        assert_eq!(young.seats[0].through, Through::Group);
        assert_eq!(m.cell(10, FAITH).unwrap().status, Coverage::Missing);
        assert_eq!(
            m.rows[0].counts,
            Counts {
                covered: 2,
                weak: 0,
                missing: 2,
                reserved_vacant: 0
            }
        );
        assert_eq!(m.columns[3].totals.covered, 1);
    }

    #[test]
    fn the_drawn_matrix_leaves_out_the_details_a_chosen_cell_brings() {
        let mut f = facts();
        f.seats = vec![seat(4, "Seat 4", &[OLD], Some(appt(1, "A. Khan", Some(7))))];
        let m = matrix(&f);
        let slim = m.without_details();
        let (full, drawn) = (m.cell(10, OLD).unwrap(), slim.cell(10, OLD).unwrap());
        assert_eq!(
            (drawn.status, drawn.explanation.as_str()),
            (Coverage::Covered, "")
        );
        assert!(drawn.seats.is_empty() && !full.seats.is_empty());
        assert!(full.explanation.starts_with("Older people: covered"));
        assert_eq!(slim.rows[0].counts, m.rows[0].counts);
    }

    #[test]
    fn only_weakening_flags_make_a_cell_weak() {
        let mut f = facts();
        let mut a = appt(1, "A. Khan", Some(7));
        a.flags = vec![flag(
            FlagKind::PoorAttendance,
            "present at 1 of the last 6 meetings",
        )];
        f.seats = vec![seat(4, "Seat 4", &[], Some(a.clone()))];
        assert_eq!(
            matrix(&f).cell(10, YOUNG).unwrap().status,
            Coverage::Covered,
            "attendance does not weaken"
        );
        a.flags.push(flag(
            FlagKind::TermEnded,
            "term ended 31 March 2026, 237 days ago",
        ));
        f.seats = vec![seat(4, "Seat 4", &[], Some(a))];
        let young = matrix(&f).cell(10, YOUNG).unwrap().clone();
        assert_eq!(young.status, Coverage::Weak);
        assert_eq!(
            young.explanation,
            "Young people: weak — only Seat 4, held by A. Khan of Ordsall Youth Forum (the group works with them), term ended 31 March 2026"
        );
    }

    #[test]
    fn an_alternate_alone_is_weak_and_a_reserved_vacant_seat_does_not_cover() {
        let mut f = facts();
        let mut s = seat(5, "Youth seat", &[YOUNG, OLD], None);
        s.alternate = Some(appt(2, "B. Lee", None));
        f.seats = vec![s];
        let m = matrix(&f);
        let young = m.cell(10, YOUNG).unwrap();
        assert_eq!(young.status, Coverage::Weak);
        assert!(young.reserved_vacant);
        assert_eq!(
            young.via(),
            "only Youth seat, alternate B. Lee (its constituency); reserved, vacant: Youth seat"
        );
        f.seats[0].alternate = None;
        let m = matrix(&f);
        let old = m.cell(10, OLD).unwrap();
        assert_eq!(old.status, Coverage::Missing);
        assert_eq!(
            old.explanation,
            "Older people: missing — no filled seat speaks for them; reserved, vacant: Youth seat"
        );
        assert_eq!(m.rows[0].counts.reserved_vacant, 2);
    }

    #[test]
    fn faith_and_bme_groups_count_for_their_categories_without_a_tick() {
        let mut f = facts();
        f.groups.insert(
            8,
            GroupFacts {
                name: "Eccles Masjid".into(),
                class: GroupClass::Community,
                faith: true,
                bme: true,
                category_ids: vec![],
            },
        );
        f.seats = vec![seat(
            6,
            "Faith seat",
            &[],
            Some(appt(3, "R. Ahmed", Some(8))),
        )];
        let m = matrix(&f);
        let faith = m.cell(10, FAITH).unwrap();
        assert_eq!(faith.status, Coverage::Covered);
        assert_eq!(faith.seats[0].through, Through::FaithGroup);
        assert_eq!(m.cell(10, BME).unwrap().seats[0].through, Through::BmeGroup);
        assert_eq!(m.cell(10, YOUNG).unwrap().status, Coverage::Missing);
    }

    #[test]
    fn a_retired_category_is_a_column_only_while_in_use() {
        let mut f = facts();
        f.categories[3].retired = true;
        assert!(matrix(&f).columns.iter().all(|c| c.category_id != OLD));
        f.seats = vec![seat(4, "Seat 4", &[OLD], None)];
        let m = matrix(&f);
        let col = m.columns.iter().find(|c| c.category_id == OLD).unwrap();
        assert!(col.retired, "a vacant seat reserved for it keeps it in use");
        assert!(m.cell(10, OLD).unwrap().reserved_vacant);
    }

    #[test]
    fn flags_read_short_in_a_sentence() {
        // The messages the flags module really writes.
        let facts = SeatFacts {
            seat_id: 4,
            partnership: "P".into(),
            seat: "Seat 4".into(),
            sector: "vcse".into(),
            constituency: String::new(),
            constituency_tags: 1,
            holder: Some(HolderFacts {
                appointment_id: 9,
                person: "A. Khan".into(),
                group: None,
                term_start: d("2025-04-01"),
                term_end: Some(d("2026-03-31")),
                selection: "co-opted".into(),
                openly_selected: false,
                last_report_back: Some(d("2026-03-14")),
                last_declaration: None,
                attendance: vec![],
                person_partnerships: vec![],
                group_partnerships: vec![],
            }),
        };
        let words = |facts: &SeatFacts| -> Vec<String> {
            seat_flags(facts, &FlagSettings::default(), d("2026-11-23"))
                .iter()
                .filter(|f| weakens(f.kind))
                .map(flag_words)
                .collect()
        };
        // An ended term is all that is said of its former holder.
        assert_eq!(words(&facts), ["term ended 31 March 2026"]);
        let mut sitting = facts.clone();
        sitting.holder.as_mut().unwrap().term_end = None;
        assert_eq!(
            words(&sitting),
            [
                "not openly selected",
                "report-back overdue (last 14 March 2026)",
                "no declaration of interests on record"
            ]
        );
    }

    #[test]
    fn many_partnerships_keep_their_own_rows_when_shared_between_threads() {
        let mut f = facts();
        let cats = [YOUNG, FAITH, BME, OLD];
        f.partnerships = (0..(PARALLEL_FROM as i64 * 2 + 3))
            .map(|id| PartnershipFacts {
                id,
                name: format!("Partnership {id}"),
            })
            .collect();
        f.seats = f
            .partnerships
            .iter()
            .map(|p| {
                let mut s = seat(
                    p.id,
                    "Seat",
                    &[cats[p.id as usize % 4]],
                    Some(appt(p.id, "P", None)),
                );
                s.partnership_id = p.id;
                s
            })
            .collect();
        let m = matrix(&f);
        assert_eq!(m.rows.len(), f.partnerships.len());
        for (i, row) in m.rows.iter().enumerate() {
            assert_eq!(row.partnership_id, i as i64);
            let covered: Vec<i64> = row
                .cells
                .iter()
                .zip(&m.columns)
                .filter(|(c, _)| c.status == Coverage::Covered)
                .map(|(_, col)| col.category_id)
                .collect();
            assert_eq!(covered, [cats[i % 4]], "row {i}");
        }
    }

    #[test]
    fn rows_sort_by_their_gaps() {
        let mut f = facts();
        f.partnerships.push(PartnershipFacts {
            id: 11,
            name: "Another".into(),
        });
        f.seats = vec![seat(4, "Seat 4", &[OLD], Some(appt(1, "A. Khan", Some(7))))];
        let mut m = matrix(&f);
        m.sort_by_gaps();
        assert_eq!(m.rows[0].name, "Another", "four missing before two");
    }
}
