//! A group in the directory: what the form sends (`GroupInput`), what is shown (`Group`), one
//! row of the list (`GroupRow`), and the checks a group must pass before it is saved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::classification::{GroupClass, Side, Suggestion, FEATURE_COUNT};
use super::identifier::{self, Identifier};
use super::postcode;
use crate::error::FieldProblem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Active,
    Dormant,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Dormant => "dormant",
            Status::Closed => "closed",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "active" => Some(Status::Active),
            "dormant" => Some(Status::Dormant),
            "closed" => Some(Status::Closed),
            _ => None,
        }
    }
    /// The words the group's form and page use.
    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "Active",
            Status::Dormant => "Dormant",
            Status::Closed => "Closed",
        }
    }
}

/// Social and community enterprises (Appendix B of the Social Inclusion code) are not covered by
/// the typical-features table, so they are recorded as kinds of their own beside the class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Enterprise {
    Social,
    Community,
}

impl Enterprise {
    pub fn as_str(self) -> &'static str {
        match self {
            Enterprise::Social => "social",
            Enterprise::Community => "community",
        }
    }
    pub fn parse(s: &str) -> Option<Enterprise> {
        match s {
            "social" => Some(Enterprise::Social),
            "community" => Some(Enterprise::Community),
            _ => None,
        }
    }
    /// The words the group's form and page use.
    pub fn label(self) -> &'static str {
        match self {
            Enterprise::Social => "Social enterprise",
            Enterprise::Community => "Community enterprise",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureAnswer {
    pub number: u8,
    pub side: Option<Side>,
    #[serde(default)]
    pub evidence: String,
}

/// What the add and edit forms send. `id: None` adds a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct GroupInput {
    pub id: Option<i64>,
    pub name: String,
    pub other_names: Vec<String>,
    pub identifiers: Vec<Identifier>,
    pub address: String,
    pub postcode: String,
    pub ward_id: Option<i64>,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub activities: String,
    pub status: Status,
    pub last_checked: Option<String>,
    pub last_checked_by: String,
    pub features: Vec<FeatureAnswer>,
    pub class_override: Option<GroupClass>,
    pub class_override_reason: String,
    pub enterprise: Option<Enterprise>,
    pub faith: bool,
    pub faith_name: String,
    pub bme_led: bool,
    pub bme_serving: bool,
    pub place_ward_ids: Vec<i64>,
    pub interest: String,
    pub category_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassChange {
    pub at: String,
    /// `suggested` (the answers changed the suggestion), `set` (staff set a class) or `cleared`
    /// (staff went back to the suggestion).
    pub kind: String,
    pub class: GroupClass,
    pub reason: String,
}

/// A group as shown: the input fields plus what the app works out.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    #[serde(flatten)]
    pub input: GroupInput,
    /// The name as the window shows it for reading (`names::shown_name`: capitals in title
    /// case); `input.name` stays as stored, for the form.
    pub shown_name: String,
    pub suggestion: Suggestion,
    /// The categories it counts for (ticked, plus faith and BME; see `served_categories`).
    pub served_category_ids: Vec<i64>,
    /// The class in force: the one staff set, else the suggestion.
    pub class: GroupClass,
    pub history: Vec<ClassChange>,
    pub is_demo: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// A group already in the directory that a new group is probably the same as (see
/// `Store::save_group_from_form`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LikelyDuplicate {
    pub id: i64,
    pub name: String,
    /// `name` as shown (`names::shown_name`).
    pub shown_name: String,
    /// Where it is and its register numbers, to follow its name: "at WA15 7DD (charity 1110767)",
    /// "in Priory ward"; empty when neither is known.
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupRow {
    pub id: i64,
    /// As stored: the list sorts and filters by it.
    pub name: String,
    /// As shown (`names::shown_name`): capitals in title case, any other name as stored.
    pub shown_name: String,
    /// The other names it goes by, which the Directory's name filter looks at too.
    pub other_names: Vec<String>,
    pub ward_id: Option<i64>,
    pub ward: Option<String>,
    pub postcode: String,
    pub class: GroupClass,
    pub status: Status,
    pub faith: bool,
    pub bme: bool,
    pub last_checked: Option<String>,
    /// The categories it serves, counting a faith group for "faith groups" and a BME group for
    /// "people from minority ethnic groups" whether or not they were ticked.
    pub served_category_ids: Vec<i64>,
    /// Whether the entry needs checking with the group (`due_for_check`), as of the day the
    /// list was read, with the directory's period: the window's filter and tags use this rather
    /// than a rule of their own.
    pub due_for_check: bool,
}

/// The "needs checking" rule, in one place: an entry not checked with its group for `months`
/// months (checked on or before the same day `months` months ago, the day clamped to the end of
/// a shorter month: 31 March less one month is 28 or 29 February), or never checked, needs
/// checking; a closed group never does.
pub fn due_for_check(
    status: Status,
    last_checked: Option<&str>,
    today: NaiveDate,
    months: u32,
) -> bool {
    if status == Status::Closed {
        return false;
    }
    let cutoff = today
        .checked_sub_months(chrono::Months::new(months))
        .unwrap_or(today)
        .format("%Y-%m-%d")
        .to_string();
    last_checked.is_none_or(|d| d <= cutoff.as_str())
}

/// The categories a group counts for: those ticked, plus faith groups (for a faith group) and
/// minority ethnic groups (for a group led by or serving BME people), without ticking them twice.
pub fn served_categories(
    ticked: &[i64],
    faith: bool,
    bme: bool,
    faith_category: Option<i64>,
    bme_category: Option<i64>,
) -> Vec<i64> {
    let mut out = ticked.to_vec();
    if faith {
        out.extend(faith_category);
    }
    if bme {
        out.extend(bme_category);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The suggestion for a set of answers, for the form to show while the user answers.
pub fn suggest_for(features: &[FeatureAnswer]) -> Suggestion {
    let input = GroupInput {
        features: features.to_vec(),
        ..Default::default()
    };
    super::classification::suggest(&input.answers())
}

impl GroupInput {
    /// The eight answers in feature order (`None` where not known or not sent).
    pub fn answers(&self) -> [Option<Side>; FEATURE_COUNT] {
        let mut a = [None; FEATURE_COUNT];
        for f in &self.features {
            if (1..=FEATURE_COUNT as u8).contains(&f.number) {
                a[f.number as usize - 1] = f.side;
            }
        }
        a
    }

    /// Checks and normalises the input in place (trimming, postcode and identifier formats).
    /// Returns every problem found, each named by its field, so the form can show them all at once.
    pub fn normalise(&mut self) -> Result<(), Vec<FieldProblem>> {
        let mut problems = Vec::new();
        tidy_in_place(&mut self.name);
        if self.name.is_empty() {
            problems.push(FieldProblem::new("name", "Enter the group's name"));
        } else if self.name.chars().count() > 300 {
            problems.push(FieldProblem::new(
                "name",
                "The name is longer than 300 characters",
            ));
        }
        let mut seen = std::collections::HashSet::new();
        self.other_names = self
            .other_names
            .iter()
            .map(|n| tidy(n))
            .filter(|n| !n.is_empty() && *n != self.name && seen.insert(n.to_lowercase()))
            .collect();

        for (i, id) in self.identifiers.iter_mut().enumerate() {
            match identifier::normalise(&id.scheme, &id.value) {
                Ok(n) => *id = n,
                Err(m) => problems.push(FieldProblem::new(format!("identifiers[{i}].value"), m)),
            }
        }
        for (i, a) in self.identifiers.iter().enumerate() {
            if self.identifiers[..i]
                .iter()
                .any(|b| b.scheme == a.scheme && b.value == a.value)
            {
                problems.push(FieldProblem::new(
                    format!("identifiers[{i}].value"),
                    format!("{} {} is listed twice", a.scheme, a.value),
                ));
            }
        }

        trim_in_place(&mut self.postcode);
        if !self.postcode.is_empty() {
            match postcode::normalise(&self.postcode) {
                Ok(p) => self.postcode = p,
                Err(m) => problems.push(FieldProblem::new("postcode", m)),
            }
        }
        trim_in_place(&mut self.email);
        // A link copied from a web page: "mailto:" is how the page wrote it, not the address.
        if let Some(address) = self
            .email
            .get(..7)
            .filter(|p| p.eq_ignore_ascii_case("mailto:"))
            .map(|_| self.email[7..].trim().to_string())
        {
            self.email = address;
        }
        if !self.email.is_empty() && !looks_like_email(&self.email) {
            problems.push(FieldProblem::new(
                "email",
                format!(
                    "“{}” is not an email address: it should look like name@example.org",
                    self.email
                ),
            ));
        }
        trim_in_place(&mut self.website);
        if let Some(mended) = mended_scheme(&self.website) {
            self.website = mended;
        }
        if !self.website.is_empty() && (self.website.contains(' ') || !self.website.contains('.')) {
            problems.push(FieldProblem::new(
                "website",
                format!(
                    "“{}” is not a web address: it should look like https://example.org",
                    self.website
                ),
            ));
        }
        for field in [
            &mut self.address,
            &mut self.phone,
            &mut self.activities,
            &mut self.last_checked_by,
            &mut self.class_override_reason,
            &mut self.faith_name,
            &mut self.interest,
        ] {
            trim_in_place(field);
        }
        if let Some(d) = self.last_checked.as_mut() {
            trim_in_place(d);
        }
        match self.last_checked.as_deref() {
            Some("") => self.last_checked = None,
            Some(d) => match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Err(_) => problems.push(FieldProblem::new(
                    "last_checked",
                    crate::domain::partnership::date_problem(d),
                )),
                // A day to come would keep the group off "Needs checking" until long after, and
                // the import refuses it too: the form's own export must import back.
                Ok(on) => problems.extend(crate::domain::partnership::not_yet(
                    "last_checked",
                    on,
                    chrono::Local::now().date_naive(),
                    "enter the day the entry was last checked with the group (today or before)",
                )),
            },
            None => {}
        }

        let mut answered = [false; FEATURE_COUNT];
        for (i, f) in self.features.iter_mut().enumerate() {
            trim_in_place(&mut f.evidence);
            if !(1..=FEATURE_COUNT as u8).contains(&f.number) {
                problems.push(FieldProblem::new(
                    format!("features[{i}].side"),
                    format!("there is no feature number {}", f.number),
                ));
            } else if std::mem::replace(&mut answered[f.number as usize - 1], true) {
                problems.push(FieldProblem::new(
                    format!("features[{i}].side"),
                    format!("feature {} is answered twice", f.number),
                ));
            }
        }
        if self.class_override.is_some() && self.class_override_reason.is_empty() {
            problems.push(FieldProblem::new(
                "class_override_reason",
                "Say why you are setting the class yourself",
            ));
        }
        if self.class_override == Some(GroupClass::Unclassified) {
            self.class_override = None;
        }
        self.place_ward_ids.sort_unstable();
        self.place_ward_ids.dedup();
        self.category_ids.sort_unstable();
        self.category_ids.dedup();

        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// Trims and folds runs of white space (including non-breaking spaces from spreadsheets).
pub fn tidy(s: &str) -> String {
    // Most cells are tidy already: copy them as they are (an import tidies millions).
    if is_tidy(s) {
        return s.to_string();
    }
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `tidy`, changing the text only when it is not tidy already (as nearly every cell of an
/// import is).
pub fn tidy_in_place(s: &mut String) {
    if !is_tidy(s) {
        *s = tidy(s);
    }
}

/// Takes white space off both ends, copying only when there is some.
pub fn trim_in_place(s: &mut String) {
    let trimmed = s.trim();
    if trimmed.len() != s.len() {
        *s = trimmed.to_string();
    }
}

/// No white space at either end, none but single plain spaces inside.
pub fn is_tidy(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() || c == '\u{a0}' {
            return false;
        } else {
            after_space = false;
        }
    }
    s.is_empty() || !after_space
}

/// A web address whose "http://" was mistyped, as registers have them ("http//:www.x.org.uk",
/// "http:/x.org", "https;//x.org", "http:www.x.org"): the same address with it mended. None when
/// there is nothing to mend, so "www.x.org" stays as typed and "https://x.org" as it is.
fn mended_scheme(site: &str) -> Option<String> {
    // Compared in place: every group saved and every row imported comes through here.
    let starts = |p: &str| {
        site.as_bytes()
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    };
    let scheme = if starts("https") {
        "https"
    } else if starts("http") {
        "http"
    } else {
        return None;
    };
    let rest = &site[scheme.len()..];
    let marks = rest
        .find(|c: char| !matches!(c, ':' | '/' | ';' | '\\'))
        .unwrap_or(rest.len());
    // "httpsomething.org" has no marks: a name that starts with http, not a mistyped scheme.
    if marks == 0 || &rest[..marks] == "://" || marks == rest.len() {
        return None;
    }
    Some(format!("{scheme}://{}", &rest[marks..]))
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_entry_is_due_for_checking_months_to_the_day_after_clamped_to_a_shorter_month() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let due = |status, checked: Option<&str>, today: &str, months| {
            due_for_check(status, checked, day(today), months)
        };
        let today = "2026-11-23";
        assert!(due(Status::Active, None, today, 12), "never checked");
        assert!(
            due(Status::Dormant, Some("2025-11-23"), today, 12),
            "exactly 12 months"
        );
        assert!(!due(Status::Active, Some("2025-11-24"), today, 12));
        assert!(!due(Status::Closed, None, today, 12), "closed: never");
        assert!(!due(Status::Closed, Some("2020-01-01"), today, 12));
        // 31 March less a month is 28 February (2026 is not a leap year).
        assert!(due(Status::Active, Some("2026-02-28"), "2026-03-31", 1));
        assert!(!due(Status::Active, Some("2026-03-01"), "2026-03-31", 1));
        assert!(
            due(Status::Active, Some("2025-12-15"), "2026-01-15", 1),
            "across a year"
        );
    }
    use super::*;

    fn valid() -> GroupInput {
        GroupInput {
            name: "  Ordsall   Tenants\u{a0}Association ".into(),
            postcode: "m5 3pf".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_last_checked_day_to_come_is_refused_and_today_is_kept() {
        let today = chrono::Local::now().date_naive();
        let mut g = valid();
        g.last_checked = Some((today + chrono::Days::new(1)).to_string());
        let problems = g.clone().normalise().unwrap_err();
        assert_eq!(problems[0].field, "last_checked");
        assert!(
            problems[0].message.ends_with(
                " has not come yet: enter the day the entry was last checked with the group (today or before)"
            ),
            "{}",
            problems[0].message
        );
        g.last_checked = Some(today.to_string());
        g.normalise().unwrap();
        assert_eq!(g.last_checked, Some(today.to_string()));
    }

    #[test]
    fn a_mistyped_web_address_scheme_and_a_mailto_are_mended() {
        for (typed, kept) in [
            (
                "http//:www.hope-kpa.gmkin.org.uk",
                "http://www.hope-kpa.gmkin.org.uk",
            ),
            ("http:/example.org", "http://example.org"),
            ("HTTPS;//example.org", "https://example.org"),
            ("http:www.example.org", "http://www.example.org"),
            ("https:\\\\example.org", "https://example.org"),
            ("https://example.org", "https://example.org"),
            ("www.example.org", "www.example.org"),
            ("httpexample.org", "httpexample.org"),
        ] {
            let mut g = valid();
            g.website = typed.into();
            g.normalise().unwrap();
            assert_eq!(g.website, kept, "{typed}");
        }
        let mut g = valid();
        g.email = "mailto: c@example.org".into();
        g.normalise().unwrap();
        assert_eq!(g.email, "c@example.org");
    }

    #[test]
    fn tidy_leaves_tidy_text_alone_and_folds_the_rest() {
        for (raw, want) in [
            ("Age UK Salford", "Age UK Salford"),
            ("", ""),
            ("x", "x"),
            (" Age UK", "Age UK"),
            ("Age UK ", "Age UK"),
            ("Age  UK", "Age UK"),
            ("Age\u{a0}UK", "Age UK"),
            ("Age\tUK\r\n", "Age UK"),
            ("Café  Olé", "Café Olé"),
            ("   ", ""),
        ] {
            assert_eq!(tidy(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn tidies_and_normalises() {
        let mut g = valid();
        g.other_names = vec![" OTA ".into(), "ota".into(), "".into()];
        g.normalise().unwrap();
        assert_eq!(g.name, "Ordsall Tenants Association");
        assert_eq!(g.postcode, "M5 3PF");
        assert_eq!(g.other_names, vec!["OTA"], "duplicates and blanks dropped");
    }

    #[test]
    fn reports_every_problem_by_field() {
        let mut g = GroupInput {
            name: " ".into(),
            postcode: "AB1 2CD".into(),
            email: "nobody".into(),
            identifiers: vec![Identifier {
                scheme: "GB-CHC".into(),
                value: "12AB".into(),
            }],
            class_override: Some(GroupClass::Community),
            ..Default::default()
        };
        let problems = g.normalise().unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "name",
                "identifiers[0].value",
                "postcode",
                "email",
                "class_override_reason"
            ]
        );
        assert_eq!(problems[2].message, "AB1 2CD is not a UK postcode");
        assert_eq!(g.postcode, "AB1 2CD", "what was typed is kept when refused");
    }

    #[test]
    fn faith_and_bme_groups_count_for_their_categories_once() {
        assert_eq!(
            served_categories(&[3, 16], true, false, Some(16), Some(4)),
            vec![3, 16]
        );
        assert_eq!(
            served_categories(&[3], false, true, Some(16), Some(4)),
            vec![3, 4]
        );
        assert_eq!(
            served_categories(&[], false, false, Some(16), Some(4)),
            Vec::<i64>::new()
        );
    }

    #[test]
    fn answers_follow_feature_numbers_not_order() {
        let g = GroupInput {
            features: vec![
                FeatureAnswer {
                    number: 8,
                    side: Some(Side::Voluntary),
                    evidence: String::new(),
                },
                FeatureAnswer {
                    number: 1,
                    side: Some(Side::Community),
                    evidence: String::new(),
                },
            ],
            ..Default::default()
        };
        let a = g.answers();
        assert_eq!(a[0], Some(Side::Community));
        assert_eq!(a[7], Some(Side::Voluntary));
        assert_eq!(a[3], None);
    }
}
