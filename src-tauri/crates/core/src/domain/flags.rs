//! What must stand out about a seat (Salford Compact codes: representatives openly selected,
//! accountable, reporting back, declaring interests; 001: "being aware of over-consulting certain
//! groups"). Pure rules over facts the store gathers; the day is passed in, never read here.
//!
//! Selection, constituency, report-back, declaration and attendance are asked of VCSE and
//! residents' seats: those holders represent a constituency. Public and business members sit ex
//! officio and are accountable through their own bodies, so those flags would only be noise there.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A partnership's thresholds (kept on its row; these are the defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FlagSettings {
    pub report_back_days: i64,
    pub term_ending_days: i64,
    pub declaration_months: u32,
    pub attendance_meetings: usize,
    pub attendance_min_percent: u32,
    pub over_consulted_partnerships: usize,
}

impl Default for FlagSettings {
    fn default() -> Self {
        FlagSettings {
            report_back_days: 90,
            term_ending_days: 60,
            declaration_months: 12,
            attendance_meetings: 6,
            attendance_min_percent: 50,
            over_consulted_partnerships: 3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attended {
    Present,
    Apologies,
    Absent,
}

/// The seat's current holder and what they have done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolderFacts {
    pub appointment_id: i64,
    pub person: String,
    pub group: Option<String>,
    pub term_start: NaiveDate,
    pub term_end: Option<NaiveDate>,
    /// How selected, in words ("co-opted"), and whether that was open and transparent.
    pub selection: String,
    pub openly_selected: bool,
    pub last_report_back: Option<NaiveDate>,
    pub last_declaration: Option<NaiveDate>,
    /// The partnership's meetings during the term, most recent first, with this holder's record.
    pub attendance: Vec<(NaiveDate, Attended)>,
    /// The other partnerships where this person / this group currently holds a seat.
    pub person_partnerships: Vec<String>,
    pub group_partnerships: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatFacts {
    pub seat_id: i64,
    pub partnership: String,
    pub seat: String,
    /// public, vcse, business, residents or other.
    pub sector: String,
    pub constituency: String,
    /// Socially excluded categories or wards the seat speaks for count as a stated constituency.
    pub constituency_tags: usize,
    pub holder: Option<HolderFacts>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    Vacant,
    TermEnded,
    TermEnding,
    NotOpenlySelected,
    NoConstituency,
    ReportBackOverdue,
    NoDeclaration,
    PoorAttendance,
    OverConsultedPerson,
    OverConsultedGroup,
}

impl FlagKind {
    /// The flag's name as the window shows it.
    pub fn label(self) -> &'static str {
        match self {
            FlagKind::Vacant => "Vacant",
            FlagKind::TermEnded => "Term ended",
            FlagKind::TermEnding => "Term ending",
            FlagKind::NotOpenlySelected => "Not openly selected",
            FlagKind::NoConstituency => "No constituency",
            FlagKind::ReportBackOverdue => "Report-back overdue",
            FlagKind::NoDeclaration => "No declaration",
            FlagKind::PoorAttendance => "Poor attendance",
            FlagKind::OverConsultedPerson => "Over-consulted person",
            FlagKind::OverConsultedGroup => "Over-consulted group",
        }
    }
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Vacant => "vacant",
            FlagKind::TermEnded => "term_ended",
            FlagKind::TermEnding => "term_ending",
            FlagKind::NotOpenlySelected => "not_openly_selected",
            FlagKind::NoConstituency => "no_constituency",
            FlagKind::ReportBackOverdue => "report_back_overdue",
            FlagKind::NoDeclaration => "no_declaration",
            FlagKind::PoorAttendance => "poor_attendance",
            FlagKind::OverConsultedPerson => "over_consulted_person",
            FlagKind::OverConsultedGroup => "over_consulted_group",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub seat_id: i64,
    pub appointment_id: Option<i64>,
    /// Why, in words: "last report-back 14 March 2026, 254 days ago; interval 90 days".
    pub message: String,
}

/// "14 March 2026".
pub fn in_words(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// A date as stored ("2025-01-01") in words ("1 January 2025"); anything else as it is.
pub fn stored_date_in_words(d: &str) -> String {
    NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .map(in_words)
        .unwrap_or_else(|_| d.to_string())
}

/// A term as stored ("2025-01-01", and an end or none) in words: "1 January 2025 to
/// 31 December 2026", or "from 1 January 2025, open-ended".
pub fn term_in_words(start: &str, end: Option<&str>) -> String {
    let date = stored_date_in_words;
    match end {
        Some(end) => format!("{} to {}", date(start), date(end)),
        None => format!("from {}, open-ended", date(start)),
    }
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// A partnership's annual review whose day has passed (Compact code 002, 6.15: partnerships are
/// reviewed each year), so the partnership's page, the Partnerships list and the review pack can
/// say so. Due on the day itself, overdue from the day after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewOverdue {
    /// The review date that has passed, as stored ("2026-11-12").
    pub since: String,
    /// Whole days since then (at least 1).
    pub days: i64,
    /// "overdue since 12 November 2026, 12 days ago".
    pub message: String,
}

/// Whether the next annual review (`next_review`, as stored) has passed by `today`. None when it
/// has not, or when no date is set (or one that is not a date).
pub fn review_overdue(next_review: Option<&str>, today: NaiveDate) -> Option<ReviewOverdue> {
    let due = NaiveDate::parse_from_str(next_review?.trim(), "%Y-%m-%d").ok()?;
    let late = (today - due).num_days();
    (late > 0).then(|| ReviewOverdue {
        since: due.to_string(),
        days: late,
        message: format!("overdue since {}, {} ago", in_words(due), days(late)),
    })
}

fn represents_constituency(sector: &str) -> bool {
    matches!(sector, "vcse" | "residents")
}

pub fn seat_flags(seat: &SeatFacts, s: &FlagSettings, today: NaiveDate) -> Vec<Flag> {
    let mut out = Vec::new();
    let mut flag = |kind, appointment_id, message: String| {
        out.push(Flag {
            kind,
            seat_id: seat.seat_id,
            appointment_id,
            message,
        })
    };
    if seat.sector == "vcse" && seat.constituency.trim().is_empty() && seat.constituency_tags == 0 {
        flag(
            FlagKind::NoConstituency,
            None,
            "no constituency stated: whom does this seat speak for?".into(),
        );
    }
    let Some(h) = &seat.holder else {
        flag(FlagKind::Vacant, None, "no one holds this seat".into());
        return out;
    };
    let a = Some(h.appointment_id);
    match h.term_end {
        Some(end) if end < today => {
            flag(
                FlagKind::TermEnded,
                a,
                format!(
                    "term ended {}, {} ago",
                    in_words(end),
                    days((today - end).num_days())
                ),
            );
            // Someone whose term has ended no longer sits: the seat needs a holder, not their
            // report-backs, so nothing else is asked of them.
            return out;
        }
        Some(end) if (end - today).num_days() <= s.term_ending_days => flag(
            FlagKind::TermEnding,
            a,
            match (end - today).num_days() {
                0 => format!("term ends today, {}", in_words(end)),
                n => format!("term ends {}, in {}", in_words(end), days(n)),
            },
        ),
        _ => {}
    }
    if represents_constituency(&seat.sector) {
        if !h.openly_selected {
            flag(
                FlagKind::NotOpenlySelected,
                a,
                format!(
                    "{} was {}, not through an open and transparent process",
                    h.person, h.selection
                ),
            );
        }
        // The interval runs from the last report-back, or from the start of the term.
        let since = h.last_report_back.unwrap_or(h.term_start);
        let gap = (today - since).num_days();
        if gap > s.report_back_days {
            let what = match h.last_report_back {
                Some(d) => format!("last report-back {}, {} ago", in_words(d), days(gap)),
                None => format!(
                    "no report-back since the term began on {}, {} ago",
                    in_words(since),
                    days(gap)
                ),
            };
            flag(
                FlagKind::ReportBackOverdue,
                a,
                format!("{what}; interval {}", days(s.report_back_days)),
            );
        }
        let cutoff = today
            .checked_sub_months(Months::new(s.declaration_months))
            .unwrap_or(today);
        match h.last_declaration {
            None => flag(
                FlagKind::NoDeclaration,
                a,
                "no declaration of interests on record".into(),
            ),
            Some(d) if d < cutoff => flag(
                FlagKind::NoDeclaration,
                a,
                format!(
                    "last declaration of interests {}, more than {} months ago",
                    in_words(d),
                    s.declaration_months
                ),
            ),
            _ => {}
        }
        let recent: Vec<Attended> = h
            .attendance
            .iter()
            .take(s.attendance_meetings)
            .map(|(_, a)| *a)
            .collect();
        // Fewer than half the window of meetings says too little to judge.
        if recent.len() * 2 >= s.attendance_meetings && !recent.is_empty() {
            let present = recent.iter().filter(|a| **a == Attended::Present).count();
            if (present as u32) * 100 < s.attendance_min_percent * recent.len() as u32 {
                let apologies = recent.iter().filter(|a| **a == Attended::Apologies).count();
                flag(
                    FlagKind::PoorAttendance,
                    a,
                    format!(
                        "present at {present} of the last {} meetings ({apologies} with apologies); at least {}% expected",
                        recent.len(),
                        s.attendance_min_percent
                    ),
                );
            }
        }
    }
    if h.person_partnerships.len() > s.over_consulted_partnerships {
        flag(
            FlagKind::OverConsultedPerson,
            a,
            format!(
                "{} sits on {} partnerships: {}",
                h.person,
                h.person_partnerships.len(),
                h.person_partnerships.join(", ")
            ),
        );
    }
    if let Some(g) = &h.group {
        if h.group_partnerships.len() > s.over_consulted_partnerships {
            flag(
                FlagKind::OverConsultedGroup,
                a,
                format!(
                    "{g} holds seats on {} partnerships: {}",
                    h.group_partnerships.len(),
                    h.group_partnerships.join(", ")
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    const TODAY: &str = "2026-11-23";

    /// The tester's finding: the attendance refusal said "(2025-01-01 to 2026-12-31)" beside
    /// "1 June 2027". A term reads in the same long dates as the rest of the sentence.
    #[test]
    fn a_term_reads_in_long_dates() {
        assert_eq!(
            term_in_words("2025-01-01", Some("2026-12-31")),
            "1 January 2025 to 31 December 2026"
        );
        assert_eq!(
            term_in_words("2025-01-01", None),
            "from 1 January 2025, open-ended"
        );
        assert_eq!(stored_date_in_words("2025-12-31"), "31 December 2025");
        assert_eq!(stored_date_in_words("not a date"), "not a date");
    }

    /// The tester's finding: City Partnership Board's review of 12 November 2026 had passed on
    /// 24 November with nothing saying so.
    #[test]
    fn a_passed_review_date_is_overdue_from_the_day_after() {
        let o = review_overdue(Some("2026-11-12"), d("2026-11-24")).unwrap();
        assert_eq!(o.since, "2026-11-12");
        assert_eq!(o.days, 12);
        assert_eq!(o.message, "overdue since 12 November 2026, 12 days ago");
        assert_eq!(
            review_overdue(Some("2026-11-12"), d("2026-11-13"))
                .unwrap()
                .message,
            "overdue since 12 November 2026, 1 day ago"
        );
        assert_eq!(
            review_overdue(Some("2026-11-12"), d("2026-11-12")),
            None,
            "due today: not yet overdue"
        );
        assert_eq!(review_overdue(Some("2027-03-10"), d("2026-11-24")), None);
        assert_eq!(review_overdue(None, d("2026-11-24")), None, "no date set");
    }

    /// A VCSE seat whose holder has done everything right: no flags.
    fn good() -> SeatFacts {
        SeatFacts {
            seat_id: 4,
            partnership: "Health and Wellbeing Board".into(),
            seat: "Seat 4".into(),
            sector: "vcse".into(),
            constituency: "Young people's organisations".into(),
            constituency_tags: 1,
            holder: Some(HolderFacts {
                appointment_id: 9,
                person: "A. Khan".into(),
                group: Some("Ordsall Youth Forum".into()),
                term_start: d("2025-04-01"),
                term_end: Some(d("2027-03-31")),
                selection: "elected by the forum".into(),
                openly_selected: true,
                last_report_back: Some(d("2026-10-01")),
                last_declaration: Some(d("2026-04-01")),
                attendance: vec![(d("2026-10-01"), Attended::Present); 6],
                person_partnerships: vec!["A".into()],
                group_partnerships: vec!["A".into()],
            }),
        }
    }

    fn kinds(seat: &SeatFacts, today: &str) -> Vec<FlagKind> {
        seat_flags(seat, &FlagSettings::default(), d(today))
            .into_iter()
            .map(|f| f.kind)
            .collect()
    }

    fn holder(seat: &mut SeatFacts) -> &mut HolderFacts {
        seat.holder.as_mut().unwrap()
    }

    #[test]
    fn a_well_kept_seat_has_no_flags() {
        assert_eq!(kinds(&good(), TODAY), vec![]);
    }

    #[test]
    fn vacant_and_no_constituency() {
        let mut s = good();
        s.holder = None;
        assert_eq!(kinds(&s, TODAY), vec![FlagKind::Vacant]);
        s.constituency.clear();
        assert_eq!(
            kinds(&s, TODAY),
            vec![FlagKind::Vacant],
            "categories still state it"
        );
        s.constituency_tags = 0;
        assert_eq!(
            kinds(&s, TODAY),
            vec![FlagKind::NoConstituency, FlagKind::Vacant]
        );
        s.sector = "public".into();
        assert_eq!(
            kinds(&s, TODAY),
            vec![FlagKind::Vacant],
            "public seats state none"
        );
    }

    #[test]
    fn an_ended_term_asks_nothing_more_of_its_former_holder() {
        let mut s = good();
        let h = holder(&mut s);
        h.term_end = Some(d("2026-06-30"));
        h.openly_selected = false;
        h.last_report_back = None;
        assert_eq!(kinds(&s, TODAY), vec![FlagKind::TermEnded]);
    }

    #[test]
    fn term_ended_and_ending_at_their_boundaries() {
        let mut s = good();
        holder(&mut s).term_end = Some(d("2026-11-22"));
        let f = seat_flags(&s, &FlagSettings::default(), d(TODAY));
        assert_eq!(f[0].kind, FlagKind::TermEnded);
        assert_eq!(f[0].message, "term ended 22 November 2026, 1 day ago");
        holder(&mut s).term_end = Some(d(TODAY));
        assert_eq!(
            kinds(&s, TODAY),
            vec![FlagKind::TermEnding],
            "ends today: not yet ended"
        );
        let f = seat_flags(&s, &FlagSettings::default(), d(TODAY));
        assert_eq!(f[0].message, "term ends today, 23 November 2026");
        holder(&mut s).term_end = Some(d("2027-01-22")); // 60 days
        let f = seat_flags(&s, &FlagSettings::default(), d(TODAY));
        assert_eq!(f[0].message, "term ends 22 January 2027, in 60 days");
        holder(&mut s).term_end = Some(d("2027-01-23")); // 61 days
        assert_eq!(kinds(&s, TODAY), vec![]);
        holder(&mut s).term_end = None;
        assert_eq!(kinds(&s, TODAY), vec![], "an open-ended term never ends");
    }

    #[test]
    fn report_back_overdue_after_the_interval_and_says_why() {
        let mut s = good();
        holder(&mut s).last_report_back = Some(d("2026-08-25")); // 90 days
        assert_eq!(kinds(&s, TODAY), vec![]);
        holder(&mut s).last_report_back = Some(d("2026-08-24")); // 91 days
        let f = seat_flags(&s, &FlagSettings::default(), d(TODAY));
        assert_eq!(f[0].kind, FlagKind::ReportBackOverdue);
        assert_eq!(
            f[0].message,
            "last report-back 24 August 2026, 91 days ago; interval 90 days"
        );
        // The example of the issue.
        holder(&mut s).last_report_back = Some(d("2026-03-14"));
        assert_eq!(
            seat_flags(&s, &FlagSettings::default(), d(TODAY))[0].message,
            "last report-back 14 March 2026, 254 days ago; interval 90 days"
        );
        // Never reported back: counted from the start of the term.
        holder(&mut s).last_report_back = None;
        holder(&mut s).term_start = d("2026-09-01");
        assert_eq!(
            kinds(&s, TODAY),
            vec![],
            "a new term has its first interval"
        );
        holder(&mut s).term_start = d("2025-04-01");
        assert!(seat_flags(&s, &FlagSettings::default(), d(TODAY))[0]
            .message
            .starts_with("no report-back since the term began on 1 April 2025"));
    }

    #[test]
    fn declarations_within_12_months_inclusive_and_a_nil_one_counts() {
        let mut s = good();
        holder(&mut s).last_declaration = Some(d("2025-11-23"));
        assert_eq!(kinds(&s, TODAY), vec![], "exactly 12 months ago is within");
        holder(&mut s).last_declaration = Some(d("2025-11-22"));
        assert_eq!(kinds(&s, TODAY), vec![FlagKind::NoDeclaration]);
        holder(&mut s).last_declaration = None;
        assert_eq!(
            seat_flags(&s, &FlagSettings::default(), d(TODAY))[0].message,
            "no declaration of interests on record"
        );
    }

    #[test]
    fn attendance_under_half_of_the_last_six() {
        let mut s = good();
        let mut rec = vec![(d("2026-10-01"), Attended::Present); 3];
        rec.extend(vec![(d("2026-06-01"), Attended::Apologies); 3]);
        holder(&mut s).attendance = rec.clone();
        assert_eq!(kinds(&s, TODAY), vec![], "3 of 6 is 50%");
        rec[0].1 = Attended::Absent;
        holder(&mut s).attendance = rec;
        let f = seat_flags(&s, &FlagSettings::default(), d(TODAY));
        assert_eq!(f[0].kind, FlagKind::PoorAttendance);
        assert_eq!(
            f[0].message,
            "present at 2 of the last 6 meetings (3 with apologies); at least 50% expected"
        );
        // Older meetings beyond the last six do not count; two meetings are too few to judge.
        holder(&mut s).attendance = vec![(d("2026-10-01"), Attended::Absent); 2];
        assert_eq!(kinds(&s, TODAY), vec![]);
    }

    #[test]
    fn not_openly_selected_only_on_constituency_seats() {
        let mut s = good();
        holder(&mut s).openly_selected = false;
        holder(&mut s).selection = "co-opted".into();
        let f = seat_flags(&s, &FlagSettings::default(), d(TODAY));
        assert_eq!(
            f[0].message,
            "A. Khan was co-opted, not through an open and transparent process"
        );
        s.sector = "public".into();
        assert_eq!(kinds(&s, TODAY), vec![]);
    }

    #[test]
    fn over_consulted_above_three_partnerships() {
        let mut s = good();
        let four: Vec<String> = ["A", "B", "C", "D"].map(String::from).to_vec();
        holder(&mut s).person_partnerships = four[..3].to_vec();
        holder(&mut s).group_partnerships = four.clone();
        assert_eq!(kinds(&s, TODAY), vec![FlagKind::OverConsultedGroup]);
        holder(&mut s).person_partnerships = four;
        let f = seat_flags(&s, &FlagSettings::default(), d(TODAY));
        assert_eq!(f[0].message, "A. Khan sits on 4 partnerships: A, B, C, D");
    }
}
