//! Groups: list, read, add and edit (with their identifiers, features, categories, wards and the
//! history of their class).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::audit::Subject;
use super::{now_utc, Store};
use crate::domain::classification::{self, GroupClass, Side, FEATURE_COUNT};
use crate::domain::duplicates::name_words;
use crate::domain::group::{
    due_for_check, served_categories, ClassChange, Enterprise, FeatureAnswer, Group, GroupInput,
    GroupRow, LikelyDuplicate, Status,
};
use crate::domain::identifier::{scheme_words, Identifier};
use crate::domain::names::shown_name;
use crate::error::{CoreError, FieldProblem, Result};

impl Store {
    /// Every group, by name, with the class in force, and whether it needs checking as of today
    /// (the computer's date) with the directory's period.
    pub fn list_groups(&self) -> Result<Vec<GroupRow>> {
        self.list_groups_as_of(chrono::Local::now().date_naive())
    }

    /// `list_groups` as of `today`.
    pub fn list_groups_as_of(&self, today: NaiveDate) -> Result<Vec<GroupRow>> {
        let months = self.settings()?.stale_months;
        self.group_rows(today, months)
    }

    /// Every group, each said due for checking or not as of `today` with a period of `months`.
    fn group_rows(&self, today: NaiveDate, months: u32) -> Result<Vec<GroupRow>> {
        let answers = all_answers(&self.conn)?;
        let mut ticked: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT group_id, category_id FROM group_categories")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            ticked.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut other_names: HashMap<i64, Vec<String>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT group_id, name FROM group_other_names ORDER BY group_id, position")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            other_names.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let (faith_cat, bme_cat) = self.faith_and_bme_categories()?;
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.name, g.ward_id, w.name, g.postcode, g.class_override, g.status, g.faith,
                    g.bme_led OR g.bme_serving, g.last_checked
             FROM groups g LEFT JOIN wards w ON w.id = g.ward_id
             ORDER BY g.name COLLATE NOCASE, g.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: i64 = r.get(0)?;
            let override_: Option<String> = r.get(5)?;
            let status: String = r.get(6)?;
            let faith: bool = r.get(7)?;
            let bme: bool = r.get(8)?;
            let status = Status::parse(&status).unwrap_or_default();
            let last_checked: Option<String> = r.get(9)?;
            let name: String = r.get(1)?;
            Ok(GroupRow {
                due_for_check: due_for_check(status, last_checked.as_deref(), today, months),
                id,
                shown_name: shown_name(&name),
                name,
                other_names: other_names.remove(&id).unwrap_or_default(),
                ward_id: r.get(2)?,
                ward: r.get(3)?,
                postcode: r.get(4)?,
                class: class_in_force(
                    override_.as_deref(),
                    answers.get(&id).copied().unwrap_or_default(),
                ),
                status,
                faith,
                bme,
                last_checked,
                served_category_ids: served_categories(
                    ticked.get(&id).map(Vec::as_slice).unwrap_or_default(),
                    faith,
                    bme,
                    faith_cat,
                    bme_cat,
                ),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Groups not checked with the group for `months` months (never checked first, then the
    /// oldest), closed groups left out: the "needs checking" queue.
    pub fn needs_checking(&self, today: NaiveDate, months: u32) -> Result<Vec<GroupRow>> {
        let mut rows: Vec<GroupRow> = self
            .group_rows(today, months)?
            .into_iter()
            .filter(|r| r.due_for_check)
            .collect();
        rows.sort_by(|a, b| {
            // Ties in the Directory list's order of names.
            a.last_checked
                .cmp(&b.last_checked)
                .then_with(|| crate::domain::names::name_order(&a.name, &b.name))
        });
        Ok(rows)
    }

    /// Records that the entry was checked with the group on `on`, by `by`; left empty, by
    /// whom the audit trail names (the login name), so a check is never recorded as by nobody.
    pub fn mark_checked(&self, id: i64, on: NaiveDate, by: &str) -> Result<Group> {
        let by = match by.trim() {
            "" => self.actor.as_str(),
            by => by,
        };
        self.audited(Subject::Group, Some(id), None, |c| {
            c.execute(
                "UPDATE groups SET last_checked = ?1, last_checked_by = ?2, updated_at = ?3 WHERE id = ?4",
                params![on.format("%Y-%m-%d").to_string(), by, now_utc(), id],
            )?;
            Ok(id)
        })?;
        self.get_group(id)
    }

    /// One group with everything recorded about it.
    ///
    /// # Errors
    /// `NotFound` when there is no group with that id.
    pub fn get_group(&self, id: i64) -> Result<Group> {
        let mut g = read_group(&self.conn, id)?;
        let (faith_cat, bme_cat) = self.faith_and_bme_categories()?;
        g.served_category_ids = served_categories(
            &g.input.category_ids,
            g.input.faith,
            g.input.bme_led || g.input.bme_serving,
            faith_cat,
            bme_cat,
        );
        Ok(g)
    }

    /// Adds (`input.id` is `None`) or updates a group in one transaction. Every field is checked
    /// first; when any is refused nothing is saved and every problem is returned by field.
    ///
    /// # Errors
    /// `Invalid` with the problems by field; `Conflict` when another group already has one of its
    /// charity or company numbers (naming that group); `NotFound` for an unknown id.
    pub fn save_group(&self, input: GroupInput) -> Result<Group> {
        let id = self.save_group_audited(input, None)?;
        self.get_group(id)
    }

    /// Adds or edits a group from the group form: as [`Store::save_group`], but a new group that
    /// is probably one already in the directory is not saved unless `allow_likely_duplicate`
    /// (the user has said it is another group). Probably the same: its name folds to the same
    /// words as the other group's name or one of its other names ("G-Force", "g force", "The G
    /// Force Ltd"; "St. John's", "Saint Johns"), and nothing says they are in different places:
    /// not two different postcodes, nor (without both postcodes) two different wards. A
    /// different place is left alone because same-name branches are separate groups, as the
    /// duplicate scan also holds; the name alone anywhere in the directory would warn about
    /// them on every add. Edits are never asked about: the group is already in the directory.
    ///
    /// # Errors
    /// As `save_group`, and `LikelyDuplicate` naming the groups it may be.
    pub fn save_group_from_form(
        &self,
        input: GroupInput,
        allow_likely_duplicate: bool,
    ) -> Result<Group> {
        let ask = input.id.is_none() && !allow_likely_duplicate;
        let id = self.audited(Subject::Group, input.id, None, |c| {
            save_group_checked(c, input, false, ask)
        })?;
        self.get_group(id)
    }

    /// Saves and writes the audit trail; `undoes` marks a save made by Undo.
    pub(super) fn save_group_audited(&self, input: GroupInput, undoes: Option<i64>) -> Result<i64> {
        self.audited(Subject::Group, input.id, undoes, |c| {
            save_group_in(c, input, false)
        })
    }
}

/// Groups already in the directory that `input` (normalised) is probably the same as: see
/// [`Store::save_group_from_form`]. Every name is folded here; a few thousand groups take a few
/// milliseconds, once per group added by hand.
fn likely_duplicates(tx: &Connection, input: &GroupInput) -> Result<Vec<LikelyDuplicate>> {
    let key = name_words(&input.name);
    let mut same_name: Vec<i64> = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT id, name FROM groups WHERE id IS NOT ?1
         UNION ALL SELECT group_id, name FROM group_other_names WHERE group_id IS NOT ?1",
    )?;
    let mut rows = stmt.query([input.id])?;
    while let Some(r) = rows.next()? {
        let (id, name): (i64, String) = (r.get(0)?, r.get(1)?);
        if !same_name.contains(&id) && name_words(&name) == key {
            same_name.push(id);
        }
    }
    same_name.sort_unstable();
    let compact = |p: &str| -> String {
        p.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let mine = compact(&input.postcode);
    let mut found = Vec::new();
    for id in same_name {
        let (name, postcode, ward_id, ward): (String, String, Option<i64>, Option<String>) = tx
            .query_row(
                "SELECT g.name, g.postcode, g.ward_id, w.name
                 FROM groups g LEFT JOIN wards w ON w.id = g.ward_id WHERE g.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
        let theirs = compact(&postcode);
        let apart = if !mine.is_empty() && !theirs.is_empty() {
            mine != theirs
        } else {
            matches!((input.ward_id, ward_id), (Some(a), Some(b)) if a != b)
        };
        if apart {
            continue;
        }
        let mut place = match (postcode.trim(), ward) {
            ("", Some(w)) => format!("in {w} ward"),
            ("", None) => String::new(),
            (p, _) => format!("at {p}"),
        };
        let numbers: Vec<String> = tx
            .prepare(
                "SELECT scheme, value FROM group_identifiers WHERE group_id = ?1 ORDER BY position",
            )?
            .query_map([id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter_map(|(scheme, value)| register_words(&scheme).map(|w| format!("{w} {value}")))
            .collect();
        if !numbers.is_empty() {
            if !place.is_empty() {
                place.push(' ');
            }
            place.push_str(&format!("({})", numbers.join(", ")));
        }
        found.push(LikelyDuplicate {
            id,
            shown_name: shown_name(&name),
            name,
            place,
        });
    }
    Ok(found)
}

/// A register's number in few words, beside a group's name: "charity 1110767".
fn register_words(scheme: &str) -> Option<&'static str> {
    match scheme {
        "GB-CHC" => Some("charity"),
        "GB-COH" => Some("company"),
        "GB-SC" => Some("Scottish charity"),
        "GB-NIC" => Some("Northern Ireland charity"),
        _ => None,
    }
}

pub(super) fn class_in_force(
    override_: Option<&str>,
    answers: [Option<Side>; FEATURE_COUNT],
) -> GroupClass {
    override_
        .and_then(GroupClass::parse)
        .unwrap_or_else(|| classification::suggest(&answers).class)
}

fn all_answers(conn: &Connection) -> Result<HashMap<i64, [Option<Side>; FEATURE_COUNT]>> {
    let mut map: HashMap<i64, [Option<Side>; FEATURE_COUNT]> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT group_id, number, side FROM group_features WHERE side IS NOT NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (gid, n, side): (i64, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        if (1..=FEATURE_COUNT as i64).contains(&n) {
            map.entry(gid).or_default()[n as usize - 1] = Side::parse(&side);
        }
    }
    Ok(map)
}

/// Saves inside the caller's transaction; returns the group's id. `is_demo` marks demo rows.
pub(super) fn save_group_in(tx: &Connection, input: GroupInput, is_demo: bool) -> Result<i64> {
    save_group_checked(tx, input, is_demo, false)
}

/// As `save_group_in`; with `ask_likely_duplicate`, a group that is probably one already in the
/// directory is refused (after the fields and register numbers are checked, so those problems
/// come first).
fn save_group_checked(
    tx: &Connection,
    mut input: GroupInput,
    is_demo: bool,
    ask_likely_duplicate: bool,
) -> Result<i64> {
    let mut problems = match input.normalise() {
        Ok(()) => Vec::new(),
        Err(p) => p,
    };
    if let Some(w) = input.ward_id {
        if !exists(tx, "SELECT 1 FROM wards WHERE id = ?1", w)? {
            problems.push(FieldProblem::new("ward_id", "Choose a ward from the list"));
        }
    }
    for w in &input.place_ward_ids {
        if !exists(tx, "SELECT 1 FROM wards WHERE id = ?1", *w)? {
            problems.push(FieldProblem::new(
                "place_ward_ids",
                format!("ward {w} is not in the ward list"),
            ));
        }
    }
    for c in &input.category_ids {
        if !exists(tx, "SELECT 1 FROM categories WHERE id = ?1", *c)? {
            problems.push(FieldProblem::new(
                "category_ids",
                format!("category {c} does not exist"),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::Invalid(problems));
    }
    // Another group holding the same charity or company number is a duplicate entry: say which.
    for (i, ident) in input.identifiers.iter().enumerate() {
        let other: Option<(i64, String)> = tx
            .query_row(
                "SELECT g.id, g.name FROM group_identifiers i JOIN groups g ON g.id = i.group_id
                 WHERE i.scheme = ?1 AND i.value = ?2 AND g.id IS NOT ?3",
                params![ident.scheme, ident.value, input.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((_, name)) = other {
            return Err(CoreError::Invalid(vec![FieldProblem::new(
                format!("identifiers[{i}].value"),
                format!(
                    "The {} {} already belongs to {name}: this may be the same group",
                    scheme_words(&ident.scheme),
                    ident.value
                ),
            )]));
        }
    }

    if ask_likely_duplicate {
        let found = likely_duplicates(tx, &input)?;
        if !found.is_empty() {
            return Err(CoreError::LikelyDuplicate(found));
        }
    }

    let now = now_utc();
    let previous = match input.id {
        Some(id) => Some(read_group(tx, id)?),
        None => None,
    };
    let cols = params![
        input.name,
        input.address,
        input.postcode,
        input.ward_id,
        input.email,
        input.phone,
        input.website,
        input.activities,
        input.status.as_str(),
        input.last_checked,
        input.last_checked_by,
        input.class_override.map(GroupClass::as_str),
        input.class_override_reason,
        input.enterprise.map(Enterprise::as_str),
        input.faith,
        input.faith_name,
        input.bme_led,
        input.bme_serving,
        input.interest,
        now,
    ];
    let id = match input.id {
        Some(id) => {
            tx.execute(
                "UPDATE groups SET name = ?1, address = ?2, postcode = ?3, ward_id = ?4, email = ?5,
                   phone = ?6, website = ?7, activities = ?8, status = ?9, last_checked = ?10,
                   last_checked_by = ?11, class_override = ?12, class_override_reason = ?13,
                   enterprise = ?14, faith = ?15, faith_name = ?16, bme_led = ?17, bme_serving = ?18,
                   interest = ?19, updated_at = ?20
                 WHERE id = ?21",
                rusqlite::params_from_iter(cols.iter().copied().chain([&id as &dyn rusqlite::ToSql])),
            )?;
            for table in [
                "group_other_names",
                "group_identifiers",
                "group_features",
                "group_categories",
                "group_place_wards",
            ] {
                tx.execute(&format!("DELETE FROM {table} WHERE group_id = ?1"), [id])?;
            }
            id
        }
        None => {
            tx.execute(
                "INSERT INTO groups (name, address, postcode, ward_id, email, phone, website, activities,
                   status, last_checked, last_checked_by, class_override, class_override_reason,
                   enterprise, faith, faith_name, bme_led, bme_serving, interest, updated_at,
                   created_at, is_demo)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                   ?18, ?19, ?20, ?20, ?21)",
                rusqlite::params_from_iter(
                    cols.iter().copied().chain([&is_demo as &dyn rusqlite::ToSql]),
                ),
            )?;
            tx.last_insert_rowid()
        }
    };
    for (i, n) in input.other_names.iter().enumerate() {
        tx.execute(
            "INSERT INTO group_other_names (group_id, position, name) VALUES (?1, ?2, ?3)",
            params![id, i as i64, n],
        )?;
    }
    for (i, ident) in input.identifiers.iter().enumerate() {
        tx.execute(
            "INSERT INTO group_identifiers (group_id, position, scheme, value) VALUES (?1, ?2, ?3, ?4)",
            params![id, i as i64, ident.scheme, ident.value],
        )?;
    }
    for f in &input.features {
        if f.side.is_some() || !f.evidence.is_empty() {
            tx.execute(
                "INSERT INTO group_features (group_id, number, side, evidence) VALUES (?1, ?2, ?3, ?4)",
                params![id, f.number, f.side.map(Side::as_str), f.evidence],
            )?;
        }
    }
    for c in &input.category_ids {
        tx.execute(
            "INSERT INTO group_categories (group_id, category_id) VALUES (?1, ?2)",
            params![id, c],
        )?;
    }
    for w in &input.place_ward_ids {
        tx.execute(
            "INSERT INTO group_place_wards (group_id, ward_id) VALUES (?1, ?2)",
            params![id, w],
        )?;
    }
    record_class_changes(tx, id, previous.as_ref(), &input, &now)?;
    Ok(id)
}

/// Keeps every change of class with its date and reason: a new suggestion when the answers move
/// it, a class set by staff, and going back to the suggestion.
fn record_class_changes(
    tx: &Connection,
    id: i64,
    previous: Option<&Group>,
    input: &GroupInput,
    now: &str,
) -> Result<()> {
    let suggestion = classification::suggest(&input.answers());
    let push = |kind: &str, class: GroupClass, reason: &str| -> Result<()> {
        tx.execute(
            "INSERT INTO class_history (group_id, at, kind, class, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, now, kind, class.as_str(), reason],
        )?;
        Ok(())
    };
    // A new group starting unclassified stores no line: its history begins with one made from
    // its created time when read (`first_line`), which spares an import a row per group.
    let from = previous.map_or(GroupClass::Unclassified, |p| p.suggestion.class);
    if from != suggestion.class {
        push("suggested", suggestion.class, &suggestion.reason)?;
    }
    let before = previous.and_then(|p| {
        p.input
            .class_override
            .map(|c| (c, p.input.class_override_reason.as_str()))
    });
    match (before, input.class_override) {
        (b, Some(c)) if b != Some((c, input.class_override_reason.as_str())) => {
            push("set", c, &input.class_override_reason)?
        }
        (Some(_), None) => push(
            "cleared",
            suggestion.class,
            "the class set by staff was removed; the suggestion applies",
        )?,
        _ => {}
    }
    Ok(())
}

/// The first line of the history of a group that was added unclassified, which is not stored.
/// (Groups added by earlier versions have it stored, with the count of features then known.)
fn first_line(created_at: &str) -> ClassChange {
    ClassChange {
        at: created_at.to_string(),
        kind: "suggested".into(),
        class: GroupClass::Unclassified,
        reason: format!(
            "added with fewer than {} of the {} features known",
            classification::MIN_KNOWN,
            classification::FEATURE_COUNT
        ),
    }
}

fn exists(conn: &Connection, sql: &str, id: i64) -> Result<bool> {
    Ok(conn.query_row(sql, [id], |_| Ok(())).optional()?.is_some())
}

fn read_group(conn: &Connection, id: i64) -> Result<Group> {
    let row = conn
        .query_row(
            "SELECT name, address, postcode, ward_id, email, phone, website, activities, status,
                    last_checked, last_checked_by, class_override, class_override_reason, enterprise,
                    faith, faith_name, bme_led, bme_serving, interest, is_demo, created_at, updated_at
             FROM groups WHERE id = ?1",
            [id],
            |r| {
                let status: String = r.get(8)?;
                let override_: Option<String> = r.get(11)?;
                let enterprise: Option<String> = r.get(13)?;
                Ok((
                    GroupInput {
                        id: Some(id),
                        name: r.get(0)?,
                        address: r.get(1)?,
                        postcode: r.get(2)?,
                        ward_id: r.get(3)?,
                        email: r.get(4)?,
                        phone: r.get(5)?,
                        website: r.get(6)?,
                        activities: r.get(7)?,
                        status: Status::parse(&status).unwrap_or_default(),
                        last_checked: r.get(9)?,
                        last_checked_by: r.get(10)?,
                        class_override: override_.as_deref().and_then(GroupClass::parse),
                        class_override_reason: r.get(12)?,
                        enterprise: enterprise.as_deref().and_then(Enterprise::parse),
                        faith: r.get(14)?,
                        faith_name: r.get(15)?,
                        bme_led: r.get(16)?,
                        bme_serving: r.get(17)?,
                        interest: r.get(18)?,
                        ..Default::default()
                    },
                    r.get::<_, bool>(19)?,
                    r.get::<_, String>(20)?,
                    r.get::<_, String>(21)?,
                ))
            },
        )
        .optional()?;
    let Some((mut input, is_demo, created_at, updated_at)) = row else {
        return Err(CoreError::NotFound { what: "group", id });
    };
    let strings = |sql: &str| -> Result<Vec<String>> {
        Ok(conn
            .prepare(sql)?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    };
    let ids = |sql: &str| -> Result<Vec<i64>> {
        Ok(conn
            .prepare(sql)?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    };
    input.other_names =
        strings("SELECT name FROM group_other_names WHERE group_id = ?1 ORDER BY position")?;
    input.identifiers = conn
        .prepare(
            "SELECT scheme, value FROM group_identifiers WHERE group_id = ?1 ORDER BY position",
        )?
        .query_map([id], |r| {
            Ok(Identifier {
                scheme: r.get(0)?,
                value: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut features: Vec<FeatureAnswer> = (1..=FEATURE_COUNT as u8)
        .map(|number| FeatureAnswer {
            number,
            side: None,
            evidence: String::new(),
        })
        .collect();
    let mut stmt =
        conn.prepare("SELECT number, side, evidence FROM group_features WHERE group_id = ?1")?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let n: u8 = r.get(0)?;
        if let Some(f) = features.get_mut(n as usize - 1) {
            let side: Option<String> = r.get(1)?;
            f.side = side.as_deref().and_then(Side::parse);
            f.evidence = r.get(2)?;
        }
    }
    input.features = features;
    input.category_ids =
        ids("SELECT category_id FROM group_categories WHERE group_id = ?1 ORDER BY category_id")?;
    input.place_ward_ids =
        ids("SELECT ward_id FROM group_place_wards WHERE group_id = ?1 ORDER BY ward_id")?;
    let mut history: Vec<ClassChange> = conn
        .prepare(
            "SELECT at, kind, class, reason FROM class_history WHERE group_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            let class: String = r.get(2)?;
            Ok(ClassChange {
                at: r.get(0)?,
                kind: r.get(1)?,
                class: GroupClass::parse(&class).unwrap_or(GroupClass::Unclassified),
                reason: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    // Stored, a group's first line is the suggestion it was added with; none means unclassified.
    if history
        .first()
        .is_none_or(|h| h.at != created_at || h.kind != "suggested")
    {
        history.insert(0, first_line(&created_at));
    }
    let suggestion = classification::suggest(&input.answers());
    let class = input.class_override.unwrap_or(suggestion.class);
    Ok(Group {
        served_category_ids: Vec::new(), // filled in by `Store::get_group`
        shown_name: shown_name(&input.name),
        input,
        suggestion,
        class,
        history,
        is_demo,
        created_at,
        updated_at,
    })
}
