//! Representation gaps and seat balance: a secretary builds a small forum and reads, cell by cell,
//! which socially excluded categories are spoken for, weakly or not at all, and why; then the
//! same on the demo directory.

use chrono::NaiveDate;
use compactdir_core::domain::balance::BalanceWarningKind;
use compactdir_core::domain::classification::GroupClass;
use compactdir_core::domain::flags::{Attended, FlagKind};
use compactdir_core::domain::gaps::{Coverage, GapCell, GapMatrix, Through};
use compactdir_core::domain::partnership::{
    AttendanceMark, Kind, PartnershipInput, Role, SeatInput, Sector,
};
use compactdir_core::store::AppointmentInput;
use compactdir_core::Store;
use compactdir_tests::{group, TempDirectory};

const TODAY: &str = "2026-11-23";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn category(store: &Store, key: &str) -> i64 {
    store
        .reference_data()
        .unwrap()
        .categories
        .into_iter()
        .find(|c| c.key == key)
        .unwrap_or_else(|| panic!("category {key}"))
        .id
}

fn seat(store: &Store, partnership: i64, label: &str, categories: &[i64]) -> i64 {
    store
        .save_seat(SeatInput {
            partnership_id: partnership,
            label: label.into(),
            sector: Sector::Vcse,
            constituency: format!("{label} constituency"),
            category_ids: categories.to_vec(),
            ..Default::default()
        })
        .unwrap()
}

fn new_group(store: &Store, name: &str, categories: &[i64], faith: bool) -> i64 {
    let mut g = group(name);
    g.category_ids = categories.to_vec();
    g.faith = faith;
    store.save_group(g).unwrap().input.id.unwrap()
}

struct Term<'a> {
    person: &'a str,
    group: Option<i64>,
    start: &'a str,
    end: Option<&'a str>,
    open: bool,
    role: Role,
}

impl Default for Term<'_> {
    fn default() -> Self {
        Term {
            person: "",
            group: None,
            start: "2026-01-15",
            end: Some("2027-12-31"),
            open: true,
            role: Role::Holder,
        }
    }
}

/// Appoints, and (for a holder) records a recent report-back and declaration so that only what
/// the test sets up stands out.
fn appoint(store: &Store, seat_id: i64, t: Term) -> i64 {
    let id = store
        .appoint(AppointmentInput {
            seat_id,
            new_person: t.person.into(),
            group_id: t.group,
            term_start: t.start.into(),
            term_end: t.end.map(String::from),
            selection: if t.open { "open_election" } else { "co_opted" }.into(),
            openly_selected: t.open,
            role: t.role,
            ..Default::default()
        })
        .unwrap();
    if t.role == Role::Holder {
        // Reported back on 1 November, or within the term when it fell outside it.
        let on = day("2026-11-01")
            .min(t.end.map(day).unwrap_or(NaiveDate::MAX))
            .max(day(t.start));
        store
            .record_report_back(id, on, "Forum meeting", "Members", chrono::NaiveDate::MAX)
            .unwrap();
        store
            .record_declaration(id, day(t.start), "", chrono::NaiveDate::MAX)
            .unwrap();
    }
    id
}

fn cell(m: &GapMatrix, partnership: i64, category: i64) -> &GapCell {
    m.cell(partnership, category)
        .unwrap_or_else(|| panic!("a cell for category {category}"))
}

#[test]
fn each_cell_says_covered_weak_or_missing_and_why() {
    let t = TempDirectory::new();
    let store = t.open();
    let young = category(&store, "young-people");
    let lone = category(&store, "lone-parents");
    let older = category(&store, "older-people");
    let carers = category(&store, "people-with-carer-responsibilities");
    let women = category(&store, "women");
    let disabled = category(&store, "people-with-physical-disabilities");
    let faith = category(&store, "faith-groups");
    let bme = category(&store, "minority-ethnic-groups");
    let travellers = store.add_category("Traveller families").unwrap().id;
    let unused = store.add_category("An old heading").unwrap().id;

    let forum = store
        .save_partnership(PartnershipInput {
            name: "Ordsall Community Forum".into(),
            kind: Kind::Forum,
            ..Default::default()
        })
        .unwrap();
    let youth_group = new_group(&store, "Ordsall Youth Forum", &[lone], false);
    let carers_group = new_group(&store, "Ordsall Carers", &[carers], false);
    let women_group = new_group(&store, "Ordsall Women's Circle", &[], false);
    let church = new_group(&store, "St Clement's Church Hall", &[], true);

    // A clean holder, who has missed meetings: attendance does not weaken the cover.
    let youth_seat = seat(&store, forum, "Young people's seat", &[young]);
    let grace = appoint(
        &store,
        youth_seat,
        Term {
            person: "Grace Obi",
            group: Some(youth_group),
            ..Default::default()
        },
    );
    for on in ["2026-05-01", "2026-07-01", "2026-09-01", "2026-11-01"] {
        store
            .record_attendance(
                forum,
                day(on),
                &[AttendanceMark {
                    appointment_id: grace,
                    status: Attended::Absent,
                }],
                chrono::NaiveDate::MAX,
            )
            .unwrap();
    }
    // Flag only: co-opted; term ended.
    let older_seat = seat(&store, forum, "Older people's seat", &[older]);
    appoint(
        &store,
        older_seat,
        Term {
            person: "Tom Reid",
            open: false,
            ..Default::default()
        },
    );
    let carers_seat = seat(&store, forum, "Carers' seat", &[]);
    appoint(
        &store,
        carers_seat,
        Term {
            person: "A. Khan",
            group: Some(carers_group),
            end: Some("2026-03-31"),
            ..Default::default()
        },
    );
    // Alternate only, and a seat reserved but vacant.
    let women_seat = seat(&store, forum, "Women's seat", &[women]);
    appoint(
        &store,
        women_seat,
        Term {
            person: "Bea Lane",
            group: Some(women_group),
            role: Role::Alternate,
            ..Default::default()
        },
    );
    seat(&store, forum, "Disabled people's seat", &[disabled]);
    // A faith group counts for "faith groups" without the category ticked.
    let faith_seat = seat(&store, forum, "Faith seat", &[]);
    appoint(
        &store,
        faith_seat,
        Term {
            person: "Ruth Adeyemi",
            group: Some(church),
            ..Default::default()
        },
    );
    // A retired category still in use.
    let travellers_seat = seat(&store, forum, "Travellers' seat", &[travellers]);
    appoint(
        &store,
        travellers_seat,
        Term {
            person: "Joe Price",
            ..Default::default()
        },
    );
    store.set_category_retired(travellers, true).unwrap();
    store.set_category_retired(unused, true).unwrap();

    let flags = store.flags(day(TODAY)).unwrap();
    assert!(
        flags.iter().any(
            |f| f.flag.appointment_id == Some(grace) && f.flag.kind == FlagKind::PoorAttendance
        ),
        "Grace's attendance stands out on her seat"
    );

    let m = store.gaps(day(TODAY)).unwrap();
    let c = |id| cell(&m, forum, id);

    assert_eq!(
        c(young).status,
        Coverage::Covered,
        "{}",
        c(young).explanation
    );
    assert_eq!(
        c(young).explanation,
        "Young people: covered — Young people's seat, held by Grace Obi of Ordsall Youth Forum (its constituency)"
    );
    assert_eq!(c(lone).status, Coverage::Covered);
    assert_eq!(c(lone).seats[0].through, Through::Group);

    assert_eq!(c(older).status, Coverage::Weak);
    assert_eq!(
        c(older).via(),
        "only Older people's seat, held by Tom Reid (its constituency), not openly selected"
    );
    assert_eq!(c(carers).status, Coverage::Weak);
    assert_eq!(
        c(carers).explanation,
        "People with carer responsibilities: weak — only Carers' seat, held by A. Khan of Ordsall Carers (the group works with them), term ended 31 March 2026"
    );

    assert_eq!(c(women).status, Coverage::Weak, "an alternate alone");
    assert!(c(women).reserved_vacant, "the seat itself has no holder");
    assert_eq!(
        c(women).via(),
        "only Women's seat, alternate Bea Lane of Ordsall Women's Circle (its constituency); reserved, vacant: Women's seat"
    );
    assert_eq!(c(disabled).status, Coverage::Missing);
    assert!(c(disabled).reserved_vacant);
    assert_eq!(
        c(disabled).explanation,
        "People with physical disabilities: missing — no filled seat speaks for them; reserved, vacant: Disabled people's seat"
    );

    assert_eq!(c(faith).status, Coverage::Covered);
    assert_eq!(c(faith).seats[0].through, Through::FaithGroup);
    assert!(c(faith)
        .via()
        .contains("St Clement's Church Hall (a faith group)"));
    assert_eq!(c(bme).status, Coverage::Missing);
    assert!(!c(bme).reserved_vacant);

    let col = m
        .columns
        .iter()
        .find(|c| c.category_id == travellers)
        .expect("a retired category in use keeps its column");
    assert!(col.retired);
    assert_eq!(c(travellers).status, Coverage::Covered);
    assert!(
        m.columns.iter().all(|c| c.category_id != unused),
        "a retired category nobody uses is no column"
    );
    assert_eq!(m.columns.len(), 17, "16 active and one retired in use");
    let counts = m.rows[0].counts;
    assert_eq!(
        (counts.covered, counts.weak, counts.reserved_vacant),
        (4, 3, 2)
    );
    assert_eq!(counts.covered + counts.weak + counts.missing, 17);

    // A report-back and declaration do not cure a co-option; an open re-selection does.
    let older_now = store.seat_history(older_seat).unwrap()[0].id;
    store.end_appointment(older_now, day("2026-11-01")).unwrap();
    appoint(
        &store,
        older_seat,
        Term {
            person: "Tom Reid",
            start: "2026-11-02",
            ..Default::default()
        },
    );
    let m = store.gaps(day(TODAY)).unwrap();
    assert_eq!(cell(&m, forum, older).status, Coverage::Covered);
}

#[test]
fn seat_balance_counts_classes_and_warns_without_community_faith_or_bme_groups() {
    let t = TempDirectory::new();
    let store = t.open();
    let board = store
        .save_partnership(PartnershipInput {
            name: "Safer Streets Board".into(),
            kind: Kind::Strategic,
            ..Default::default()
        })
        .unwrap();
    let mut charity = group("Citywide Advice Trust");
    charity.class_override = Some(GroupClass::Voluntary);
    charity.class_override_reason = "staff-led, citywide, contracted".into();
    let charity = store.save_group(charity).unwrap().input.id.unwrap();
    let s1 = seat(&store, board, "VCSE seat 1", &[]);
    appoint(
        &store,
        s1,
        Term {
            person: "Sam Hill",
            group: Some(charity),
            ..Default::default()
        },
    );
    seat(&store, board, "VCSE seat 2", &[]);
    store
        .save_seat(SeatInput {
            partnership_id: board,
            label: "Police".into(),
            sector: Sector::Public,
            ..Default::default()
        })
        .unwrap();

    let b = store.seat_balance(day(TODAY)).unwrap().remove(0);
    assert_eq!((b.seats, b.vcse_seats, b.vacant), (3, 2, 1));
    assert_eq!((b.voluntary, b.community), (1, 0));
    let kinds: Vec<BalanceWarningKind> = b.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [
            BalanceWarningKind::NoCommunityGroup,
            BalanceWarningKind::NoFaithOrBme
        ]
    );
    assert!(b.warnings[0].message.contains("002, 6.10"));
    assert!(b.warnings[1].message.contains("002, 6.19"));

    // A tenants' association (community side on every feature) on the second seat, with a BME
    // group as its alternate: both warnings go.
    let mut tenants = group("Langworthy Tenants Association");
    tenants.class_override = Some(GroupClass::Community);
    tenants.class_override_reason = "member led, one estate".into();
    let tenants = store.save_group(tenants).unwrap().input.id.unwrap();
    let mut somali = group("Broughton Somali Community Association");
    somali.bme_led = true;
    let somali = store.save_group(somali).unwrap().input.id.unwrap();
    let seat2 = store.get_partnership(board, day(TODAY)).unwrap().seats[1].id;
    appoint(
        &store,
        seat2,
        Term {
            person: "Lin Wu",
            group: Some(tenants),
            ..Default::default()
        },
    );
    appoint(
        &store,
        seat2,
        Term {
            person: "Hodan Ali",
            group: Some(somali),
            role: Role::Alternate,
            ..Default::default()
        },
    );
    let b = store.seat_balance(day(TODAY)).unwrap().remove(0);
    assert_eq!((b.community, b.voluntary, b.vacant), (1, 1, 0));
    assert_eq!((b.faith_seats, b.bme_seats), (0, 1));
    assert_eq!(b.bme_groups, ["Broughton Somali Community Association"]);
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
}

#[test]
fn on_the_demo_the_categories_nobody_serves_stand_out() {
    let t = TempDirectory::new();
    let mut store = t.open();
    store.load_demo().unwrap();
    let lgbt = category(&store, "lesbian-gay-bisexual-and-transgender-people");
    let sensory = category(&store, "people-with-sensory-impairments");
    let mental = category(&store, "people-with-mental-health-conditions");

    let m = store.gaps(day(TODAY)).unwrap();
    assert_eq!(m.rows.len(), 10, "every partnership is a row");
    assert_eq!(m.columns.len(), 16, "the sixteen categories, none retired");
    for row in &m.rows {
        assert_eq!(row.cells.len(), m.columns.len());
        assert_eq!(
            cell(&m, row.partnership_id, lgbt).status,
            Coverage::Missing,
            "no group in the demo serves it and its one seat is vacant ({})",
            row.name
        );
        assert_ne!(
            cell(&m, row.partnership_id, sensory).status,
            Coverage::Covered,
            "no group in the demo serves it ({})",
            row.name
        );
    }
    // Only a seat's constituency speaks for sensory impairments, through a term that has ended.
    let board = m
        .rows
        .iter()
        .find(|r| r.name == "Health and Wellbeing Board")
        .unwrap();
    let sensory_cell = cell(&m, board.partnership_id, sensory);
    assert_eq!(sensory_cell.status, Coverage::Weak);
    assert!(
        sensory_cell
            .via()
            .starts_with("only Disabled people's seat, held by ")
            && sensory_cell.via().contains(
                "of Disability Together Salford (its constituency), term ended 30 June 2026"
            ),
        "{}",
        sensory_cell.via()
    );
    let equality = m
        .rows
        .iter()
        .find(|r| r.name == "Equality and Diversity Forum")
        .unwrap();
    let lgbt_cell = cell(&m, equality.partnership_id, lgbt);
    assert!(lgbt_cell.reserved_vacant, "{}", lgbt_cell.explanation);
    assert!(lgbt_cell
        .explanation
        .ends_with("reserved, vacant: Lesbian, gay, bisexual and transgender people"));
    // Most of the demo's representatives keep up, so some cells are covered; the few who lapse
    // make others weak. Bringing one lapsed holder's log up to date turns their cell covered.
    assert!(m.columns.iter().any(|c| c.totals.covered > 0));
    assert!(m.columns.iter().any(|c| c.totals.weak > 0));
    let overdue_only = |a: i64| {
        let kinds: Vec<FlagKind> = store
            .flags(day(TODAY))
            .unwrap()
            .into_iter()
            .filter(|f| f.flag.appointment_id == Some(a))
            .map(|f| f.flag.kind)
            .filter(|k| {
                matches!(
                    k,
                    FlagKind::TermEnded
                        | FlagKind::NotOpenlySelected
                        | FlagKind::ReportBackOverdue
                        | FlagKind::NoDeclaration
                )
            })
            .collect();
        !kinds.is_empty()
            && kinds
                .iter()
                .all(|k| matches!(k, FlagKind::ReportBackOverdue | FlagKind::NoDeclaration))
    };
    let (row, col, chair) = m
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().enumerate().map(move |(i, c)| (r, i, c)))
        .find_map(|(r, i, c)| {
            let only = c.seats.first()?;
            (c.status == Coverage::Weak
                && c.seats.len() == 1
                && only.role == Role::Holder
                && overdue_only(only.appointment_id))
            .then_some((r.partnership_id, m.columns[i].category_id, *only))
        })
        .expect("a cell weak only through a holder's overdue report-back or declaration");
    assert!(cell(&m, row, col).via().starts_with("only "));
    store
        .record_report_back(
            chair.appointment_id,
            day("2026-11-10"),
            "Newsletter",
            "Members",
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    store
        .record_declaration(
            chair.appointment_id,
            day("2026-11-10"),
            "",
            chrono::NaiveDate::MAX,
        )
        .unwrap();
    let m = store.gaps(day(TODAY)).unwrap();
    let after = cell(&m, row, col);
    assert_eq!(after.status, Coverage::Covered, "{}", after.explanation);
    assert!(!after.via().contains("overdue"), "{}", after.via());
    let mut sorted = m.clone();
    sorted.sort_by_gaps();
    assert!(sorted
        .rows
        .windows(2)
        .all(|w| w[0].counts.missing >= w[1].counts.missing));

    let balance = store.seat_balance(day(TODAY)).unwrap();
    let warned = |name: &str| -> Vec<BalanceWarningKind> {
        balance
            .iter()
            .find(|b| b.name == name)
            .unwrap()
            .warnings
            .iter()
            .map(|w| w.kind)
            .collect()
    };
    assert_eq!(
        warned("Community Safety Partnership"),
        [
            BalanceWarningKind::NoCommunityGroup,
            BalanceWarningKind::NoFaithOrBme
        ],
        "built with VCSE seats held only by voluntary organisations, and no faith or BME group"
    );
    assert_eq!(warned("Housing Forum"), [BalanceWarningKind::NoFaithOrBme]);
    assert!(warned("Equality and Diversity Forum").is_empty());

    let coverage = store.directory_coverage().unwrap();
    assert_eq!(coverage.rows.len(), 20, "Salford's twenty wards");
    for id in [lgbt, sensory] {
        let col = coverage
            .columns
            .iter()
            .find(|c| c.category_id == id)
            .unwrap();
        assert_eq!((col.groups, col.wards_without), (0, 20), "{}", col.name);
    }
    let mental_col = coverage
        .columns
        .iter()
        .find(|c| c.category_id == mental)
        .unwrap();
    assert!(mental_col.groups > 0 && mental_col.wards_without < 20);
    assert_eq!(
        coverage.gaps.len(),
        coverage
            .columns
            .iter()
            .map(|c| c.wards_without)
            .sum::<usize>()
    );
}
