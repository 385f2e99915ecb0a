//! Partnerships, their seats, the people who hold them and how: the kinds, sectors and ways of
//! selection as types, and the checks on what the forms (and the seats import) send.
//!
//! The store keeps these as snake_case text; `parse` also takes the words a spreadsheet uses
//! ("VCSE", "co-opted", "Open election"), because that is how secretaries write them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::flags::{in_words, Attended, FlagSettings};
use super::group::tidy;
use crate::error::FieldProblem;

/// Lower-case, with spaces, hyphens and underscores made one, so "Co-opted", "co_opted" and
/// "co opted" are the same word.
fn fold(s: &str) -> String {
    tidy(&s.replace(['-', '_'], " ")).to_lowercase()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Strategic,
    ServiceDelivery,
    Network,
    /// A forum is the least formal kind, so it is what a partnership named only in a spreadsheet
    /// becomes until someone says otherwise.
    #[default]
    Forum,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Strategic => "strategic",
            Kind::ServiceDelivery => "service_delivery",
            Kind::Network => "network",
            Kind::Forum => "forum",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Some(match fold(s).as_str() {
            "strategic" => Kind::Strategic,
            "service delivery" => Kind::ServiceDelivery,
            "network" => Kind::Network,
            "forum" => Kind::Forum,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Public,
    #[default]
    Vcse,
    Business,
    Residents,
    Other,
}

impl Sector {
    pub const ALL: [Sector; 5] = [
        Sector::Public,
        Sector::Vcse,
        Sector::Business,
        Sector::Residents,
        Sector::Other,
    ];

    /// The words the window shows for it (ui/src/features/partnerships/words.ts, SECTOR_LABELS).
    pub fn label(self) -> &'static str {
        match self {
            Sector::Public => "Public",
            Sector::Vcse => "Voluntary and community (VCSE)",
            Sector::Business => "Business",
            Sector::Residents => "Residents",
            Sector::Other => "Other",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Public => "public",
            Sector::Vcse => "vcse",
            Sector::Business => "business",
            Sector::Residents => "residents",
            Sector::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Sector> {
        Some(match fold(s).as_str() {
            "public" | "public sector" | "statutory" => Sector::Public,
            "vcse"
            | "vcs"
            | "voluntary"
            | "voluntary and community"
            | "community"
            | "third sector"
            | "voluntary and community sector" => Sector::Vcse,
            "business" | "private" | "private sector" => Sector::Business,
            "residents" | "resident" | "community member" => Sector::Residents,
            "other" => Sector::Other,
            _ => return None,
        })
    }

    /// VCSE and residents' seats speak for a constituency; public and business members sit ex
    /// officio and answer to their own bodies.
    pub fn represents_constituency(self) -> bool {
        matches!(self, Sector::Vcse | Sector::Residents)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Selection {
    #[default]
    OpenElection,
    OpenNomination,
    Appointed,
    CoOpted,
    Invited,
}

impl Selection {
    pub const ALL: [Selection; 5] = [
        Selection::OpenElection,
        Selection::OpenNomination,
        Selection::Appointed,
        Selection::CoOpted,
        Selection::Invited,
    ];

    /// The words the window shows for it (ui/src/features/partnerships/words.ts,
    /// SELECTION_LABELS).
    pub fn label(self) -> &'static str {
        match self {
            Selection::OpenElection => "Open election by the constituency",
            Selection::OpenNomination => "Open nomination",
            Selection::Appointed => "Appointed",
            Selection::CoOpted => "Co-opted",
            Selection::Invited => "Invited",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Selection::OpenElection => "open_election",
            Selection::OpenNomination => "open_nomination",
            Selection::Appointed => "appointed",
            Selection::CoOpted => "co_opted",
            Selection::Invited => "invited",
        }
    }

    pub fn parse(s: &str) -> Option<Selection> {
        Some(match fold(s).as_str() {
            "open election" | "elected" | "election" => Selection::OpenElection,
            "open nomination" | "nominated" | "nomination" => Selection::OpenNomination,
            "appointed" => Selection::Appointed,
            "co opted" | "cooption" | "coopted" | "co option" => Selection::CoOpted,
            "invited" => Selection::Invited,
            _ => return None,
        })
    }

    /// Election and nomination by the constituency are open and transparent (Compact
    /// accountability commitments); appointing, co-opting and inviting are not, unless the
    /// secretary records otherwise.
    pub fn is_open(self) -> bool {
        matches!(self, Selection::OpenElection | Selection::OpenNomination)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LawfulBasis {
    Consent,
    /// Holding a seat is a public role, so a representative's name may be kept on this basis
    /// until their consent is recorded.
    #[default]
    LegitimateInterest,
}

impl LawfulBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            LawfulBasis::Consent => "consent",
            LawfulBasis::LegitimateInterest => "legitimate_interest",
        }
    }

    pub fn parse(s: &str) -> Option<LawfulBasis> {
        Some(match fold(s).as_str() {
            "consent" => LawfulBasis::Consent,
            "legitimate interest" => LawfulBasis::LegitimateInterest,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Holder,
    Alternate,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Holder => "holder",
            Role::Alternate => "alternate",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match fold(s).as_str() {
            "holder" => Some(Role::Holder),
            "alternate" => Some(Role::Alternate),
            _ => None,
        }
    }
}

pub fn parse_attended(s: &str) -> Option<Attended> {
    match fold(s).as_str() {
        "present" => Some(Attended::Present),
        "apologies" => Some(Attended::Apologies),
        "absent" => Some(Attended::Absent),
        _ => None,
    }
}

pub fn attended_str(a: Attended) -> &'static str {
    match a {
        Attended::Present => "present",
        Attended::Apologies => "apologies",
        Attended::Absent => "absent",
    }
}

/// A date typed in a form: ISO (2026-03-14), or as a UK spreadsheet writes it (14/03/2026).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

/// Why a date typed in a form could not be read, in words: no date given, a day the calendar does
/// not have (31 February, month 13: say which, rather than "use the form 2026-03-14", since the
/// form was right), or not a date at all.
pub fn date_problem(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        return "Enter the date".to_string();
    }
    let numbers = |parts: &[&str]| -> Option<Vec<u32>> {
        parts
            .iter()
            .map(|p| {
                (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| p.parse().ok())
                    .flatten()
            })
            .collect()
    };
    let iso: Vec<&str> = t.split('-').collect();
    let uk: Vec<&str> = t.split('/').collect();
    let ymd = match (numbers(&iso), numbers(&uk)) {
        (Some(n), _) if iso.len() == 3 && iso[0].len() == 4 => Some((n[0], n[1], n[2])),
        (_, Some(n)) if uk.len() == 3 && uk[2].len() == 4 => Some((n[2], n[1], n[0])),
        _ => None,
    };
    match ymd {
        Some((_, m, _)) if !(1..=12).contains(&m) => format!(
            "“{t}” has no month {m}: the month is a number from 1 to 12 (14/03/2026 or 2026-03-14 is 14 March 2026)"
        ),
        Some((y, m, d)) => {
            let month = NaiveDate::from_ymd_opt(2000, m, 1)
                .map(|f| f.format("%B").to_string())
                .unwrap_or_default();
            format!("there is no {d} {month} {y}: check the day and the month")
        }
        None => format!("“{t}” is not a date: use the form 2026-03-14 (or 14/03/2026)"),
    }
}

/// A date in a form refused for being after `today`: `what` says what could not have happened yet.
pub fn not_yet(field: &str, on: NaiveDate, today: NaiveDate, what: &str) -> Option<FieldProblem> {
    (on > today).then(|| {
        FieldProblem::new(
            field,
            format!(
                "{} has not come yet: {what}",
                crate::domain::flags::in_words(on)
            ),
        )
    })
}

/// A report-back is a date, how and to whom: with neither how nor to whom (an Enter pressed by
/// accident) it would clear "Report-back overdue" for a report-back no one can point to.
pub fn report_back_problem(how: &str, to_whom: &str) -> Option<FieldProblem> {
    (how.trim().is_empty() && to_whom.trim().is_empty())
        .then(|| FieldProblem::new("how", "Say how they reported back or to whom"))
}

/// An optional date field: empty is `None`; anything else must be a date.
fn optional_date(
    field: &str,
    s: &Option<String>,
    problems: &mut Vec<FieldProblem>,
) -> Option<NaiveDate> {
    let s = s.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    match parse_date(s) {
        Some(d) => Some(d),
        None => {
            problems.push(FieldProblem::new(field, date_problem(s)));
            None
        }
    }
}

fn in_range(
    field: &str,
    what: &str,
    value: i64,
    range: std::ops::RangeInclusive<i64>,
    problems: &mut Vec<FieldProblem>,
) {
    if !range.contains(&value) {
        problems.push(FieldProblem::new(
            field,
            format!(
                "Enter {what} from {} to {} (not {value})",
                range.start(),
                range.end()
            ),
        ));
    }
}

/// What the partnership form sends. `id: None` adds one. The thresholds are the partnership's
/// own: what counts as overdue on one board may be normal on a quarterly forum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct PartnershipInput {
    pub id: Option<i64>,
    pub name: String,
    pub kind: Kind,
    /// The convening body.
    pub convenor: String,
    pub meeting_pattern: String,
    pub last_review: Option<String>,
    pub next_review: Option<String>,
    pub settings: FlagSettings,
}

impl PartnershipInput {
    /// Tidies the text and checks every field; all the problems at once, by field.
    pub fn normalise(&mut self) -> Result<(), Vec<FieldProblem>> {
        let mut problems = Vec::new();
        self.name = tidy(&self.name);
        self.convenor = tidy(&self.convenor);
        self.meeting_pattern = tidy(&self.meeting_pattern);
        if self.name.is_empty() {
            problems.push(FieldProblem::new("name", "Enter the partnership's name"));
        }
        let last = optional_date("last_review", &self.last_review, &mut problems);
        let next = optional_date("next_review", &self.next_review, &mut problems);
        if let (Some(l), Some(n)) = (last, next) {
            if n < l {
                problems.push(FieldProblem::new(
                    "next_review",
                    format!(
                        "The next review ({}) cannot come before the last one ({})",
                        in_words(n),
                        in_words(l)
                    ),
                ));
            }
        }
        self.last_review = last.map(|d| d.to_string());
        self.next_review = next.map(|d| d.to_string());
        let s = &self.settings;
        in_range(
            "settings.report_back_days",
            "a report-back interval in days",
            s.report_back_days,
            1..=730,
            &mut problems,
        );
        in_range(
            "settings.term_ending_days",
            "a number of days' warning of a term's end",
            s.term_ending_days,
            0..=365,
            &mut problems,
        );
        in_range(
            "settings.declaration_months",
            "a number of months between declarations",
            s.declaration_months as i64,
            1..=60,
            &mut problems,
        );
        in_range(
            "settings.attendance_meetings",
            "a number of meetings to judge attendance over",
            s.attendance_meetings as i64,
            1..=52,
            &mut problems,
        );
        in_range(
            "settings.attendance_min_percent",
            "a percentage",
            s.attendance_min_percent as i64,
            0..=100,
            &mut problems,
        );
        in_range(
            "settings.over_consulted_partnerships",
            "a number of partnerships",
            s.over_consulted_partnerships as i64,
            1..=50,
            &mut problems,
        );
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// What the seat form sends. `id: None` adds a seat at the end of the partnership's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SeatInput {
    pub id: Option<i64>,
    pub partnership_id: i64,
    pub label: String,
    pub sector: Sector,
    /// Whom a VCSE seat speaks for, in words (a network, a forum, an area).
    pub constituency: String,
    /// Socially excluded categories and wards the seat speaks for, beside the words.
    pub category_ids: Vec<i64>,
    pub ward_ids: Vec<i64>,
    /// How its holder is to be selected, in the partnership's own words.
    pub selection: String,
    /// When the seat was abolished; no one can be appointed to it after that.
    pub ended_on: Option<String>,
}

impl SeatInput {
    pub fn normalise(&mut self) -> Result<(), Vec<FieldProblem>> {
        let mut problems = Vec::new();
        self.label = tidy(&self.label);
        self.constituency = self.constituency.trim().to_string();
        self.selection = self.selection.trim().to_string();
        if self.label.is_empty() {
            problems.push(FieldProblem::new(
                "label",
                "Enter the seat's name (such as \"VCSE seat 1\")",
            ));
        }
        let ended = optional_date("ended_on", &self.ended_on, &mut problems);
        self.ended_on = ended.map(|d| d.to_string());
        self.category_ids.sort_unstable();
        self.category_ids.dedup();
        self.ward_ids.sort_unstable();
        self.ward_ids.dedup();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// What the person form sends. People are not groups: a person holds a seat, usually from a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct PersonInput {
    pub id: Option<i64>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub lawful_basis: LawfulBasis,
    /// When they consented (required when the basis is consent).
    pub consent_date: Option<String>,
    /// How they gave consent ("signed the nomination form"), and what they were told.
    pub consent_how: String,
    pub consent_told: String,
    /// When to check that the record is still needed (UK GDPR storage limitation).
    pub review_date: Option<String>,
}

impl PersonInput {
    pub fn normalise(&mut self) -> Result<(), Vec<FieldProblem>> {
        let mut problems = Vec::new();
        self.name = tidy(&self.name);
        self.email = self.email.trim().to_string();
        self.phone = tidy(&self.phone);
        if self.name.is_empty() {
            problems.push(FieldProblem::new("name", "Enter the person's name"));
        }
        if !self.email.is_empty()
            && (!self.email.contains('@') || self.email.contains(char::is_whitespace))
        {
            problems.push(FieldProblem::new(
                "email",
                format!(
                    "“{}” is not an email address: it should look like name@example.org",
                    self.email
                ),
            ));
        }
        self.consent_how = tidy(&self.consent_how);
        self.consent_told = self.consent_told.trim().to_string();
        self.review_date =
            optional_date("review_date", &self.review_date, &mut problems).map(|d| d.to_string());
        let consent = optional_date("consent_date", &self.consent_date, &mut problems);
        match (self.lawful_basis, consent) {
            (LawfulBasis::Consent, None) if !problems.iter().any(|p| p.field == "consent_date") => {
                problems.push(FieldProblem::new(
                    "consent_date",
                    "Enter the date they gave consent, or record the basis as legitimate interest",
                ))
            }
            // A consent date under legitimate interest would suggest consent that was not relied on.
            (LawfulBasis::LegitimateInterest, _) => {
                self.consent_date = None;
                self.consent_how.clear();
                self.consent_told.clear();
            }
            _ => self.consent_date = consent.map(|d| d.to_string()),
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// A person as recorded, with every seat they hold or have held (newest first).
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub lawful_basis: LawfulBasis,
    pub consent_date: Option<String>,
    pub consent_how: String,
    pub consent_told: String,
    pub review_date: Option<String>,
    /// When the person was erased; their details are then a placeholder.
    pub erased_at: Option<String>,
    pub appointments: Vec<Appointment>,
}

/// One appointment: a person to a seat for a term, from a group (or none).
#[derive(Debug, Clone, Serialize)]
pub struct Appointment {
    pub id: i64,
    pub partnership_id: i64,
    pub partnership: String,
    pub seat_id: i64,
    pub seat: String,
    pub person_id: i64,
    pub person: String,
    pub group_id: Option<i64>,
    /// The group's name as stored (the subject access file writes it so), and as the window
    /// shows it (`names::shown_name`).
    pub group: Option<String>,
    pub group_shown_name: Option<String>,
    pub role: Role,
    pub term_start: String,
    pub term_end: Option<String>,
    pub selection: Selection,
    pub openly_selected: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportBack {
    pub id: i64,
    pub on_date: String,
    pub how: String,
    pub to_whom: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Declaration {
    pub id: i64,
    pub on_date: String,
    /// Empty for a nil declaration ("nothing to declare"), which counts as a declaration.
    pub what: String,
    pub is_nil: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttendanceRecord {
    pub meeting_id: i64,
    pub on_date: String,
    pub status: Attended,
}

/// One representative's attendance at a meeting, as the register form sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceMark {
    pub appointment_id: i64,
    pub status: Attended,
}

/// One line of a meeting's register: someone in post on the meeting's day (a holder or an
/// alternate), with how they were marked if that day's meeting is already recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterEntry {
    pub appointment_id: i64,
    pub person: String,
    pub seat: String,
    pub role: Role,
    pub recorded: Option<Attended>,
}

/// Dates in words, the year said once for a run in the same year, at most `MAX_LISTED` of them:
/// "15 August and 15 September 2026", "1 December 2025, 15 January 2026 and 3 more".
pub fn dates_in_words(dates: &[NaiveDate]) -> String {
    const MAX_LISTED: usize = 4;
    let shown = if dates.len() > MAX_LISTED {
        &dates[..MAX_LISTED - 1]
    } else {
        dates
    };
    let mut items: Vec<String> = shown
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let same_year_next = shown
                .get(i + 1)
                .is_some_and(|n| chrono::Datelike::year(n) == chrono::Datelike::year(d));
            if same_year_next {
                d.format("%-d %B").to_string()
            } else {
                in_words(*d)
            }
        })
        .collect();
    if dates.len() > shown.len() {
        items.push(format!("{} more", dates.len() - shown.len()));
    }
    match items.len() {
        0 => String::new(),
        1 => items.remove(0),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// The accountability log of one appointment, newest first.
#[derive(Debug, Clone, Serialize)]
pub struct AccountabilityLog {
    pub appointment_id: i64,
    pub report_backs: Vec<ReportBack>,
    pub declarations: Vec<Declaration>,
    pub attendance: Vec<AttendanceRecord>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_words_are_read_as_the_stored_codes() {
        assert_eq!(Sector::parse(" VCSE "), Some(Sector::Vcse));
        assert_eq!(Sector::parse("Voluntary and Community"), Some(Sector::Vcse));
        assert_eq!(Sector::parse("council"), None);
        assert_eq!(Selection::parse("Co-opted"), Some(Selection::CoOpted));
        assert_eq!(
            Selection::parse("open_election"),
            Some(Selection::OpenElection)
        );
        assert_eq!(Kind::parse("Service delivery"), Some(Kind::ServiceDelivery));
        assert!(Selection::OpenNomination.is_open() && !Selection::Invited.is_open());
        assert_eq!(
            parse_date("14/03/2026"),
            NaiveDate::from_ymd_opt(2026, 3, 14),
            "UK spreadsheets write days first"
        );
    }

    #[test]
    fn a_partnership_reports_every_bad_field_at_once() {
        let mut p = PartnershipInput {
            name: "  ".into(),
            last_review: Some("2026-06-01".into()),
            next_review: Some("2026-01-01".into()),
            settings: FlagSettings {
                report_back_days: 0,
                attendance_min_percent: 101,
                ..FlagSettings::default()
            },
            ..Default::default()
        };
        let fields: Vec<String> = p
            .normalise()
            .unwrap_err()
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            [
                "name",
                "next_review",
                "settings.report_back_days",
                "settings.attendance_min_percent"
            ]
        );
    }

    #[test]
    fn consent_needs_its_date_and_legitimate_interest_drops_one() {
        let mut p = PersonInput {
            name: "Ann  Lee".into(),
            lawful_basis: LawfulBasis::Consent,
            ..Default::default()
        };
        assert_eq!(p.normalise().unwrap_err()[0].field, "consent_date");
        p.consent_date = Some("2026-02-01".into());
        p.normalise().unwrap();
        assert_eq!(p.name, "Ann Lee");
        p.lawful_basis = LawfulBasis::LegitimateInterest;
        p.normalise().unwrap();
        assert_eq!(p.consent_date, None);
    }

    #[test]
    fn dates_in_a_list_say_their_year_once_per_run() {
        let d = |s: &str| parse_date(s).unwrap();
        assert_eq!(dates_in_words(&[d("2026-10-01")]), "1 October 2026");
        assert_eq!(
            dates_in_words(&[d("2026-08-15"), d("2026-09-15")]),
            "15 August and 15 September 2026"
        );
        assert_eq!(
            dates_in_words(&[d("2025-12-01"), d("2026-01-15"), d("2026-02-15")]),
            "1 December 2025, 15 January and 15 February 2026"
        );
        let many: Vec<NaiveDate> = (1..=6).map(|m| d(&format!("2026-0{m}-01"))).collect();
        assert_eq!(
            dates_in_words(&many),
            "1 January, 1 February, 1 March 2026 and 3 more"
        );
    }

    #[test]
    fn a_seat_needs_a_label() {
        let mut s = SeatInput {
            ended_on: Some("soon".into()),
            ..Default::default()
        };
        let fields: Vec<String> = s
            .normalise()
            .unwrap_err()
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["label", "ended_on"]);
    }
}
