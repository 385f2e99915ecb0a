//! The audit trail: every change made through the app (who, when, which field, before and
//! after), written in the same transaction as the change, read per group, partnership and
//! person. Undoing is in `audit_undo.rs`; the rows themselves cannot be edited or deleted (the
//! triggers in migration 006 refuse it).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::merge::{self, MERGED_IN, MERGED_INTO};
use super::tx::Tx;
use super::Store;
use crate::domain::audit::{self, ERASED};
use crate::domain::names::shown_name;
use crate::domain::partnership::PersonInput;
use crate::error::{CoreError, Result};

/// What an audit row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Group,
    Partnership,
    Seat,
    Person,
    Appointment,
    ReportBack,
    Declaration,
    Meeting,
}

impl Subject {
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Group => "group",
            Subject::Partnership => "partnership",
            Subject::Seat => "seat",
            Subject::Person => "person",
            Subject::Appointment => "appointment",
            Subject::ReportBack => "report_back",
            Subject::Declaration => "declaration",
            Subject::Meeting => "meeting",
        }
    }

    pub fn parse(s: &str) -> Option<Subject> {
        [
            Subject::Group,
            Subject::Partnership,
            Subject::Seat,
            Subject::Person,
            Subject::Appointment,
            Subject::ReportBack,
            Subject::Declaration,
            Subject::Meeting,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// The subject in words, for a row that creates or deletes one.
    fn noun(self) -> &'static str {
        match self {
            Subject::Group => "Group",
            Subject::Partnership => "Partnership",
            Subject::Seat => "Seat",
            Subject::Person => "Person",
            Subject::Appointment => "Appointment",
            Subject::ReportBack => "Report-back",
            Subject::Declaration => "Declaration of interests",
            Subject::Meeting => "Meeting",
        }
    }
}

/// Whose trail to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrailOf {
    Group,
    Partnership,
    Person,
}

/// One row of the trail, in words.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    /// UTC, to the millisecond.
    pub at: String,
    pub actor: String,
    pub subject: Subject,
    pub subject_id: i64,
    /// created, changed, deleted or erased.
    pub action: String,
    pub field: Option<String>,
    /// The field's name, or what was created or deleted.
    pub what: String,
    pub before: String,
    pub after: String,
    /// The row this one undid, and the row that undid this one.
    pub undoes: Option<i64>,
    pub undone_by: Option<i64>,
    /// Whether the Undo button is offered (a created, changed row not yet undone).
    pub can_undo: bool,
    /// The seats file whose import made this change (undone as a whole on Import and export).
    pub imported_from: Option<String>,
    /// In a group's trail, a row of another group merged into it (by that merge).
    pub from_group: Option<FromGroup>,
}

/// A group merged into the one whose trail is read, and the merge that did it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FromGroup {
    pub group_id: i64,
    pub name: String,
    /// `name` as the window shows it (`names::shown_name`).
    pub shown_name: String,
    pub merge_id: i64,
}

/// The trails a row shows in.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Context {
    group: Option<i64>,
    partnership: Option<i64>,
    person: Option<i64>,
}

impl Context {
    /// A row in one group's trail only.
    pub(super) fn of_group(id: i64) -> Context {
        Context {
            group: Some(id),
            ..Context::default()
        }
    }
}

/// Who is making changes: `COMPACTDIR_USER`, else the login name.
pub(super) fn actor_from_env() -> String {
    ["COMPACTDIR_USER", "USER", "USERNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

pub(super) fn now_millis() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl Store {
    /// The name written as "who" in the trail from now on.
    pub fn set_actor(&mut self, name: &str) {
        if !name.trim().is_empty() {
            self.actor = name.trim().to_string();
        }
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Runs `save` (an add when `id` is `None`, else an edit of that record) and writes what it
    /// changed to the trail, all in one transaction. `undoes` marks a change made by Undo.
    pub(super) fn audited(
        &self,
        subject: Subject,
        id: Option<i64>,
        undoes: Option<i64>,
        save: impl FnOnce(&Connection) -> Result<i64>,
    ) -> Result<i64> {
        let tx = Tx::begin(&self.conn)?;
        let before = id.map(|id| self.snapshot(subject, id)).transpose()?;
        let id = save(&tx)?;
        let after = self.snapshot(subject, id)?;
        let ctx = self.context(subject, id, &after)?;
        match before {
            None => self
                .write_row(
                    subject,
                    id,
                    "created",
                    None,
                    None,
                    Some(&after),
                    &self.described(subject, &after)?,
                    ctx,
                    undoes,
                )
                .map(drop)?,
            Some(before) => {
                for c in audit::diff(&before, &after) {
                    self.write_row(
                        subject,
                        id,
                        "changed",
                        Some(&c.field),
                        Some(&c.old),
                        Some(&c.new),
                        "",
                        ctx,
                        undoes,
                    )?;
                }
            }
        }
        tx.commit()?;
        Ok(id)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn write_row(
        &self,
        subject: Subject,
        id: i64,
        action: &str,
        field: Option<&str>,
        old: Option<&Value>,
        new: Option<&Value>,
        summary: &str,
        ctx: Context,
        undoes: Option<i64>,
    ) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO audit_log (at, actor, subject, subject_id, action, field, old_value,
               new_value, summary, group_id, partnership_id, person_id, undoes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                now_millis(),
                self.actor,
                subject.as_str(),
                id,
                action,
                field,
                old.map(Value::to_string),
                new.map(Value::to_string),
                summary,
                ctx.group,
                ctx.partnership,
                ctx.person,
                undoes
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A record as its form holds it: what the trail compares and what Undo puts back.
    pub(super) fn snapshot(&self, subject: Subject, id: i64) -> Result<Value> {
        let c = &self.conn;
        let not_found = |what: &'static str| CoreError::NotFound { what, id };
        Ok(match subject {
            Subject::Group => serde_json::to_value(self.get_group(id)?.input)?,
            Subject::Partnership => serde_json::to_value(self.partnership_input(id)?)?,
            Subject::Seat => serde_json::to_value(self.seat_input(id)?)?,
            Subject::Person => serde_json::to_value(self.person_input(id)?)?,
            Subject::Appointment => c
                .query_row(
                    "SELECT seat_id, person_id, group_id, role, term_start, term_end, selection,
                            openly_selected FROM appointments WHERE id = ?1",
                    [id],
                    |r| {
                        Ok(json!({
                            "seat_id": r.get::<_, i64>(0)?, "person_id": r.get::<_, i64>(1)?,
                            "group_id": r.get::<_, Option<i64>>(2)?, "role": r.get::<_, String>(3)?,
                            "term_start": r.get::<_, String>(4)?,
                            "term_end": r.get::<_, Option<String>>(5)?,
                            "selection": r.get::<_, String>(6)?,
                            "openly_selected": r.get::<_, bool>(7)?,
                        }))
                    },
                )
                .optional()?
                .ok_or_else(|| not_found("appointment"))?,
            Subject::ReportBack => c
                .query_row(
                    "SELECT appointment_id, on_date, how, to_whom FROM report_backs WHERE id = ?1",
                    [id],
                    |r| {
                        Ok(json!({
                            "appointment_id": r.get::<_, i64>(0)?, "on_date": r.get::<_, String>(1)?,
                            "how": r.get::<_, String>(2)?, "to_whom": r.get::<_, String>(3)?,
                        }))
                    },
                )
                .optional()?
                .ok_or_else(|| not_found("report-back"))?,
            Subject::Declaration => c
                .query_row(
                    "SELECT appointment_id, on_date, what FROM declarations WHERE id = ?1",
                    [id],
                    |r| {
                        Ok(json!({
                            "appointment_id": r.get::<_, i64>(0)?, "on_date": r.get::<_, String>(1)?,
                            "what": r.get::<_, String>(2)?,
                        }))
                    },
                )
                .optional()?
                .ok_or_else(|| not_found("declaration"))?,
            Subject::Meeting => {
                let (partnership, on): (i64, String) = c
                    .query_row(
                        "SELECT partnership_id, on_date FROM meetings WHERE id = ?1",
                        [id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?
                    .ok_or_else(|| not_found("meeting"))?;
                let mut marks = serde_json::Map::new();
                let mut stmt = c.prepare(
                    "SELECT appointment_id, status FROM attendance WHERE meeting_id = ?1
                     ORDER BY appointment_id",
                )?;
                let mut rows = stmt.query([id])?;
                while let Some(r) = rows.next()? {
                    marks.insert(r.get::<_, i64>(0)?.to_string(), Value::String(r.get(1)?));
                }
                json!({"partnership_id": partnership, "on_date": on, "marks": marks})
            }
        })
    }

    /// A person as their form holds them.
    pub fn person_input(&self, id: i64) -> Result<PersonInput> {
        let p = self.get_person(id)?;
        Ok(PersonInput {
            id: Some(id),
            name: p.name,
            email: p.email,
            phone: p.phone,
            lawful_basis: p.lawful_basis,
            consent_date: p.consent_date,
            consent_how: p.consent_how,
            consent_told: p.consent_told,
            review_date: p.review_date,
        })
    }

    pub(super) fn context(&self, subject: Subject, id: i64, snap: &Value) -> Result<Context> {
        let num = |k: &str| snap.get(k).and_then(Value::as_i64);
        Ok(match subject {
            Subject::Group => Context {
                group: Some(id),
                ..Context::default()
            },
            Subject::Partnership => Context {
                partnership: Some(id),
                ..Context::default()
            },
            Subject::Seat | Subject::Meeting => Context {
                partnership: num("partnership_id"),
                ..Context::default()
            },
            Subject::Person => Context {
                person: Some(id),
                ..Context::default()
            },
            Subject::Appointment => Context {
                group: num("group_id"),
                partnership: self
                    .conn
                    .query_row(
                        "SELECT partnership_id FROM seats WHERE id = ?1",
                        [num("seat_id").unwrap_or(0)],
                        |r| r.get(0),
                    )
                    .optional()?,
                person: num("person_id"),
            },
            Subject::ReportBack | Subject::Declaration => {
                let a = num("appointment_id").unwrap_or(0);
                match self.snapshot(Subject::Appointment, a) {
                    Ok(s) => self.context(Subject::Appointment, a, &s)?,
                    Err(CoreError::NotFound { .. }) => Context::default(),
                    Err(e) => return Err(e),
                }
            }
        })
    }

    /// What a created or deleted record was, in words: "Group: Kersal Mums".
    pub(super) fn described(&self, subject: Subject, snap: &Value) -> Result<String> {
        let text = |k: &str| {
            snap.get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let detail = match subject {
            Subject::Group | Subject::Partnership | Subject::Person => text("name"),
            Subject::Seat => text("label"),
            Subject::Appointment => {
                let name = |sql: &str, k: &str| -> Result<String> {
                    Ok(self
                        .conn
                        .query_row(sql, [snap.get(k).and_then(Value::as_i64)], |r| r.get(0))
                        .optional()?
                        .unwrap_or_default())
                };
                format!(
                    "{} to {} from {}",
                    name("SELECT name FROM people WHERE id = ?1", "person_id")?,
                    name("SELECT label FROM seats WHERE id = ?1", "seat_id")?,
                    audit::render("term_start", &json!(text("term_start")), &|_, _| None)
                )
            }
            Subject::ReportBack | Subject::Declaration => {
                // Whose, on which seat: a partnership's trail holds every seat's records.
                let whose: Option<String> = self
                    .conn
                    .query_row(
                        "SELECT p.name || ', ' || s.label FROM appointments a
                         JOIN people p ON p.id = a.person_id JOIN seats s ON s.id = a.seat_id
                         WHERE a.id = ?1",
                        [snap.get("appointment_id").and_then(Value::as_i64)],
                        |r| r.get(0),
                    )
                    .optional()?;
                format!(
                    "on {}{}",
                    audit::render("on_date", &json!(text("on_date")), &|_, _| None),
                    whose.map(|w| format!(" ({w})")).unwrap_or_default()
                )
            }
            Subject::Meeting => format!(
                "on {}",
                audit::render("on_date", &json!(text("on_date")), &|_, _| None)
            ),
        };
        Ok(format!("{}: {detail}", subject.noun()))
    }

    /// The trail of a group, a partnership (with its seats, appointments and meetings) or a
    /// person (with their appointments and accountability records), newest first.
    pub fn audit_trail(&self, of: TrailOf, id: i64) -> Result<Vec<AuditEntry>> {
        let column = match of {
            TrailOf::Group => "group_id",
            TrailOf::Partnership => "partnership_id",
            TrailOf::Person => "person_id",
        };
        // A group's trail also holds the trails of the groups merged into it (and into those),
        // up to each merge, while the merge stands: the changes now in force on it. Their own
        // "merged into" rows are left out: its "merged in" row tells the same.
        let sql = if of == TrailOf::Group {
            "WITH RECURSIVE inn(g, upto, merge_id, name) AS (
               SELECT ?1, NULL, NULL, NULL
               UNION
               SELECT m.merged_id, m.at, m.id, m.merged_name FROM merge_log m JOIN inn ON m.kept_id = inn.g
               WHERE m.undone_at IS NULL AND (inn.upto IS NULL OR m.at <= inn.upto)
             )
             SELECT a.id, a.at, a.actor, a.subject, a.subject_id, a.action, a.field, a.old_value,
                    a.new_value, a.summary, a.undoes, u.id,
                    (SELECT i.file_name FROM seat_imports i
                     WHERE a.id BETWEEN i.trail_from AND i.trail_to),
                    inn.g, inn.name, inn.merge_id
             FROM inn JOIN audit_log a ON a.group_id = inn.g
               LEFT JOIN audit_log u ON u.undoes = a.id
             WHERE inn.upto IS NULL
                OR (substr(a.at, 1, 19) <= substr(inn.upto, 1, 19) AND a.field IS NOT 'merged_into')
             ORDER BY a.id DESC"
                .to_string()
        } else {
            format!(
                "SELECT a.id, a.at, a.actor, a.subject, a.subject_id, a.action, a.field, a.old_value,
                        a.new_value, a.summary, a.undoes, u.id,
                        (SELECT i.file_name FROM seat_imports i
                         WHERE a.id BETWEEN i.trail_from AND i.trail_to),
                        NULL, NULL, NULL
                 FROM audit_log a LEFT JOIN audit_log u ON u.undoes = a.id
                 WHERE a.{column} = ?1 ORDER BY a.id DESC"
            )
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let raw = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, Option<i64>>(10)?,
                    r.get::<_, Option<i64>>(11)?,
                    r.get::<_, Option<String>>(12)?,
                    (
                        r.get::<_, Option<i64>>(13)?,
                        r.get::<_, Option<String>>(14)?,
                        r.get::<_, Option<i64>>(15)?,
                    ),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let name_of = |field: &str, id: i64| self.name_of(field, id);
        let parse = |s: &Option<String>| {
            s.as_deref()
                .map(|s| serde_json::from_str(s).unwrap_or(Value::String(s.to_string())))
        };
        Ok(raw
            .into_iter()
            .map(
                |(
                    id,
                    at,
                    actor,
                    subject,
                    subject_id,
                    action,
                    field,
                    old,
                    new,
                    summary,
                    undoes,
                    undone_by,
                    imported_from,
                    (from_id, from_name, from_merge),
                )| {
                    let from_group = match (from_id, from_name, from_merge) {
                        (Some(group_id), Some(name), Some(merge_id)) => Some(FromGroup {
                            group_id,
                            shown_name: shown_name(&name),
                            name,
                            merge_id,
                        }),
                        _ => None,
                    };
                    let subject = Subject::parse(&subject).unwrap_or(Subject::Group);
                    let merge_row = matches!(field.as_deref(), Some(MERGED_IN | MERGED_INTO));
                    let (old, new) = (parse(&old), parse(&new));
                    // The eight answers are stored as one list; the trail names those that changed.
                    let (old, new) = match (field.as_deref(), &old, &new) {
                        (Some("features"), Some(o), Some(n)) => match audit::changed_features(o, n)
                        {
                            Some((o, n)) => (Some(o), Some(n)),
                            None => (old, new),
                        },
                        _ => (old, new),
                    };
                    let erased =
                        |v: &Option<Value>| v.as_ref().and_then(Value::as_str) == Some(ERASED);
                    let words = |v: &Option<Value>| match (v, field.as_deref()) {
                        (Some(v), Some(f)) => audit::render(f, v, &name_of),
                        (Some(Value::String(s)), None) if s == ERASED => ERASED.into(),
                        _ => String::new(),
                    };
                    let what = match field.as_deref() {
                        Some(f) => {
                            let label = if subject == Subject::Meeting {
                                self.mark_label(f)
                            } else {
                                audit::label_for(subject.as_str(), f)
                            };
                            match self.about(subject, subject_id) {
                                Some(about) => format!("{label} ({about})"),
                                None => label,
                            }
                        }
                        None => summary.clone(),
                    };
                    let (before, after) = match field.as_deref() {
                        // A merge is undone as a whole, under Duplicate groups.
                        Some(f) if merge_row => (
                            old.as_ref()
                                .map_or(String::new(), |v| merge::trail_words(f, Some(v))),
                            merge::trail_words(f, new.as_ref()),
                        ),
                        _ => (
                            words(&old),
                            if action == "created" {
                                String::new()
                            } else {
                                words(&new)
                            },
                        ),
                    };
                    AuditEntry {
                        // A merge is undone as a whole (Duplicate groups), and a change of a
                        // group merged in only once that merge is undone.
                        can_undo: undone_by.is_none()
                            && matches!(action.as_str(), "created" | "changed")
                            && !erased(&old)
                            && !erased(&new)
                            && !merge_row
                            && from_group.is_none(),
                        before,
                        after,
                        id,
                        at,
                        actor,
                        subject,
                        subject_id,
                        action,
                        field,
                        what,
                        undoes,
                        undone_by,
                        imported_from,
                        from_group,
                    }
                },
            )
            .collect())
    }

    /// Which seat, person or meeting a changed field belongs to, read as it is now (so a person
    /// erased since reads as erased): on a board of many seats, "Term starts" alone does not say
    /// which Undo to press. `None` for a partnership, group or person (the trail is theirs) and
    /// for a record no longer there.
    fn about(&self, subject: Subject, id: i64) -> Option<String> {
        let sql = match subject {
            Subject::Seat => "SELECT label FROM seats WHERE id = ?1",
            Subject::Appointment => {
                "SELECT p.name || ', ' || s.label FROM appointments a
                 JOIN people p ON p.id = a.person_id JOIN seats s ON s.id = a.seat_id
                 WHERE a.id = ?1"
            }
            Subject::ReportBack => {
                "SELECT 'report-back by ' || p.name || ', ' || s.label FROM report_backs r
                 JOIN appointments a ON a.id = r.appointment_id
                 JOIN people p ON p.id = a.person_id JOIN seats s ON s.id = a.seat_id
                 WHERE r.id = ?1"
            }
            Subject::Declaration => {
                "SELECT 'declaration by ' || p.name || ', ' || s.label FROM declarations d
                 JOIN appointments a ON a.id = d.appointment_id
                 JOIN people p ON p.id = a.person_id JOIN seats s ON s.id = a.seat_id
                 WHERE d.id = ?1"
            }
            Subject::Meeting => "SELECT 'meeting of ' || on_date FROM meetings WHERE id = ?1",
            Subject::Group | Subject::Partnership | Subject::Person => return None,
        };
        let text: String = self.conn.query_row(sql, [id], |r| r.get(0)).ok()?;
        Some(match text.strip_prefix("meeting of ") {
            Some(day) => format!(
                "meeting of {}",
                crate::domain::flags::stored_date_in_words(day)
            ),
            None => text,
        })
    }

    /// "Attendance of Amina Rahman" for a meeting's `marks.<appointment>` field.
    fn mark_label(&self, field: &str) -> String {
        let who = field
            .strip_prefix("marks.")
            .and_then(|a| a.parse::<i64>().ok())
            .and_then(|a| {
                self.conn
                    .query_row(
                        "SELECT p.name FROM appointments a JOIN people p ON p.id = a.person_id
                         WHERE a.id = ?1",
                        [a],
                        |r| r.get::<_, String>(0),
                    )
                    .ok()
            });
        match who {
            Some(name) => format!("Attendance of {name}"),
            None => audit::label(field),
        }
    }

    /// The name of what an id field points to, for reading the trail.
    pub(super) fn name_of(&self, field: &str, id: i64) -> Option<String> {
        let sql = match field {
            "ward_id" | "place_ward_ids" | "ward_ids" => "SELECT name FROM wards WHERE id = ?1",
            "category_ids" => "SELECT name FROM categories WHERE id = ?1",
            "group_id" => "SELECT name FROM groups WHERE id = ?1",
            "person_id" => "SELECT name FROM people WHERE id = ?1",
            "seat_id" => "SELECT label FROM seats WHERE id = ?1",
            "partnership_id" => "SELECT name FROM partnerships WHERE id = ?1",
            // A typical feature's title, and what each side of it means.
            "feature" => "SELECT title FROM features WHERE number = ?1",
            "feature.community" => "SELECT community_side FROM features WHERE number = ?1",
            "feature.voluntary" => "SELECT voluntary_side FROM features WHERE number = ?1",
            _ => return None,
        };
        let name = self.conn.query_row(sql, [id], |r| r.get(0)).ok();
        // A ward removed from the list is still named by the record of its removal.
        match field {
            "ward_id" | "place_ward_ids" | "ward_ids" if name.is_none() => {
                self.removed_ward_name(id)
            }
            _ => name,
        }
    }

    /// Blanks a person's details wherever the trail holds them, inside the erasure's
    /// transaction, and records that they were erased (when, by whom), not what they were.
    pub(super) fn erase_from_trail(&self, person_id: i64, details: &[String]) -> Result<()> {
        let erased = Value::String(ERASED.into()).to_string();
        self.conn.execute(
            "UPDATE audit_log SET
               old_value = CASE WHEN old_value IS NULL THEN NULL ELSE ?2 END,
               new_value = CASE WHEN new_value IS NULL THEN NULL ELSE ?2 END,
               summary = CASE WHEN summary = '' THEN '' ELSE '(erased)' END
             WHERE person_id = ?1",
            params![person_id, erased],
        )?;
        // Their name may also be quoted in rows about other things (a seat named for them, a
        // group's notes): such a value is blanked too, where it quotes a detail as a whole
        // (`audit::quotes`), not where the letters stand inside another word ("Ann" in "Annual").
        let details: Vec<&str> = details
            .iter()
            .map(|d| d.trim())
            .filter(|d| d.chars().count() >= 3)
            .collect();
        if !details.is_empty() {
            let mut stmt = self.conn.prepare(
                "SELECT id, old_value, new_value, summary FROM audit_log
                 WHERE person_id IS NOT ?1",
            )?;
            let rows = stmt.query_map([person_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?;
            let quoted = |v: &Option<String>| {
                v.as_deref()
                    .is_some_and(|v| details.iter().any(|d| audit::value_quotes(v, d)))
            };
            let mut blank = Vec::new();
            for row in rows {
                let (id, old, new, summary) = row?;
                let (o, n) = (quoted(&old), quoted(&new));
                let s = details.iter().any(|d| audit::quotes(&summary, d));
                if o || n || s {
                    blank.push((id, o, n, s));
                }
            }
            for (id, o, n, s) in blank {
                self.conn.execute(
                    "UPDATE audit_log SET
                       old_value = CASE WHEN ?2 THEN ?5 ELSE old_value END,
                       new_value = CASE WHEN ?3 THEN ?5 ELSE new_value END,
                       summary = CASE WHEN ?4 THEN '(erased)' ELSE summary END
                     WHERE id = ?1",
                    params![id, o, n, s, erased],
                )?;
            }
        }
        self.write_row(
            Subject::Person,
            person_id,
            "erased",
            None,
            None,
            None,
            "Person erased (their details were removed from the directory and this trail)",
            Context {
                person: Some(person_id),
                ..Context::default()
            },
            None,
        )?;
        Ok(())
    }
}
