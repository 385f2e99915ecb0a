//! Merging two groups that are one, and undoing a merge as one step.
//!
//! The group kept takes, field by field, what staff chose from either entry; everything that
//! pointed at the other group (appointments, categories, wards served, class history, register
//! numbers, other names, "not a duplicate" decisions) then points at the kept one, and the other
//! group is removed. The tables that point at groups are found from the schema itself (every
//! table with a foreign key to `groups`), so tables added by later migrations are moved too.
//!
//! Undo: before merging, every row the merge touches (both groups, and every row in every table
//! that pointed at either) is written to `merge_log` as JSON, with the same rows as the merge
//! left them. A merge can be undone, exactly (ids included), while those rows are still as the
//! merge left them; once the kept group or anything pointing at it has changed, undo is refused
//! rather than lose the change.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::audit::{Context, Subject};
use super::{now_utc, Store};
use crate::domain::classification::GroupClass;
use crate::domain::flags::stored_date_in_words;
use crate::domain::group::{Enterprise, Status};
use crate::domain::names::shown_name;
use crate::error::{CoreError, Result};

/// Which entry a field of the merged group comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pick {
    /// The group kept (its id stays).
    #[default]
    Kept,
    /// The group merged into it.
    Merged,
}

/// The fields staff choose between, one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeField {
    Name,
    Address,
    Postcode,
    Ward,
    Email,
    Phone,
    Website,
    Activities,
    Status,
    LastChecked,
    ClassOverride,
    Enterprise,
    Faith,
    Bme,
    Interest,
    /// The Appendix A answers, as a set.
    Features,
}

impl MergeField {
    pub const ALL: [MergeField; 16] = [
        MergeField::Name,
        MergeField::Address,
        MergeField::Postcode,
        MergeField::Ward,
        MergeField::Email,
        MergeField::Phone,
        MergeField::Website,
        MergeField::Activities,
        MergeField::Status,
        MergeField::LastChecked,
        MergeField::ClassOverride,
        MergeField::Enterprise,
        MergeField::Faith,
        MergeField::Bme,
        MergeField::Interest,
        MergeField::Features,
    ];

    /// The field's name as the group's page shows it.
    pub fn label(self) -> &'static str {
        match self {
            MergeField::Name => "Name",
            MergeField::Address => "Address",
            MergeField::Postcode => "Postcode",
            MergeField::Ward => "Ward",
            MergeField::Email => "Email",
            MergeField::Phone => "Phone",
            MergeField::Website => "Website",
            MergeField::Activities => "What it does",
            MergeField::Status => "Status",
            MergeField::LastChecked => "Last checked with the group",
            MergeField::ClassOverride => "Class set by staff",
            MergeField::Enterprise => "Enterprise",
            MergeField::Faith => "Faith group",
            MergeField::Bme => "Black and minority ethnic",
            MergeField::Interest => "Community of interest",
            MergeField::Features => "Typical features (Appendix A)",
        }
    }

    /// The field's key as the CLI and the window name it (`last_checked`).
    pub fn key(self) -> &'static str {
        match self {
            MergeField::Name => "name",
            MergeField::Address => "address",
            MergeField::Postcode => "postcode",
            MergeField::Ward => "ward",
            MergeField::Email => "email",
            MergeField::Phone => "phone",
            MergeField::Website => "website",
            MergeField::Activities => "activities",
            MergeField::Status => "status",
            MergeField::LastChecked => "last_checked",
            MergeField::ClassOverride => "class_override",
            MergeField::Enterprise => "enterprise",
            MergeField::Faith => "faith",
            MergeField::Bme => "bme",
            MergeField::Interest => "interest",
            MergeField::Features => "features",
        }
    }

    pub fn parse(key: &str) -> Option<MergeField> {
        MergeField::ALL.into_iter().find(|f| f.key() == key.trim())
    }

    /// The `groups` columns that move together.
    fn columns(self) -> &'static [&'static str] {
        match self {
            MergeField::Name => &["name"],
            MergeField::Address => &["address"],
            MergeField::Postcode => &["postcode"],
            MergeField::Ward => &["ward_id"],
            MergeField::Email => &["email"],
            MergeField::Phone => &["phone"],
            MergeField::Website => &["website"],
            MergeField::Activities => &["activities"],
            MergeField::Status => &["status"],
            MergeField::LastChecked => &["last_checked", "last_checked_by"],
            MergeField::ClassOverride => &["class_override", "class_override_reason"],
            MergeField::Enterprise => &["enterprise"],
            MergeField::Faith => &["faith", "faith_name"],
            MergeField::Bme => &["bme_led", "bme_serving"],
            MergeField::Interest => &["interest"],
            MergeField::Features => &[],
        }
    }
}

/// What the merged group keeps, field by field; a field left out takes the preview's default
/// (the kept group's value, unless it is empty and the other's is not).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeChoices {
    #[serde(default)]
    pub fields: BTreeMap<MergeField, Pick>,
}

/// One field side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldPreview {
    pub field: MergeField,
    pub label: String,
    pub kept: String,
    pub merged: String,
    pub differs: bool,
    pub default: Pick,
}

/// Both groups side by side before merging, with what moves and any clashes in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergePreview {
    pub kept_id: i64,
    pub kept_name: String,
    pub merged_id: i64,
    pub merged_name: String,
    /// The names as the window shows them in headings and sentences (`names::shown_name`); the
    /// name row of `fields` keeps them as stored, for choosing.
    #[serde(default)]
    pub kept_shown_name: String,
    #[serde(default)]
    pub merged_shown_name: String,
    pub fields: Vec<FieldPreview>,
    /// What else moves, and clashes ("both groups hold the VCSE seat on ...").
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeOutcome {
    pub merge_id: i64,
    pub kept_id: i64,
    pub merged_id: i64,
    /// The kept group's name after the merge (it may have taken the other's), and before it.
    pub kept_name: String,
    pub kept_name_before: String,
    pub merged_name: String,
    /// The three names as the window and the command line show them (`names::shown_name`).
    #[serde(default)]
    pub kept_shown_name: String,
    #[serde(default)]
    pub kept_shown_name_before: String,
    #[serde(default)]
    pub merged_shown_name: String,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeLogEntry {
    pub id: i64,
    pub at: String,
    pub kept_id: i64,
    pub merged_id: i64,
    /// The kept group's name before the merge, and as the merge left it.
    pub kept_name: String,
    pub kept_name_after: String,
    pub merged_name: String,
    /// The three names as the window and the command line show them (`names::shown_name`).
    #[serde(default)]
    pub kept_shown_name: String,
    #[serde(default)]
    pub kept_shown_name_after: String,
    #[serde(default)]
    pub merged_shown_name: String,
    pub undone_at: Option<String>,
}

impl MergeLogEntry {
    /// The entry with its shown names filled in from the stored ones.
    fn shown(mut self) -> Self {
        self.kept_shown_name = shown_name(&self.kept_name);
        self.kept_shown_name_after = shown_name(&self.kept_name_after);
        self.merged_shown_name = shown_name(&self.merged_name);
        self
    }
}

/// The trail's fields for a merge: on the kept group ("merged in"), and on the group merged
/// into it ("merged into"). Their values name the merge and the other group; undoing the
/// merge writes the same field back to nothing, as an undo of any change does.
pub(super) const MERGED_IN: &str = "merged_in";
pub(super) const MERGED_INTO: &str = "merged_into";

/// Where a group that is no longer in the directory went: the merges, oldest first, that took
/// it (and then the group it went into) into another, and the group holding it now.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct MergedInto {
    /// (merge, group kept by it, that group's name as the merge left it)
    pub steps: Vec<(i64, i64, String)>,
    /// The group holding it now, and its name now.
    pub holder: i64,
    pub holder_name: String,
}

impl MergedInto {
    /// "merged into Kersal Mums (group 4) by merge 3", or through each step when the group it
    /// went into was merged again ("merged into A (group 4) by merge 3, which was merged into
    /// B (group 9) by merge 5").
    pub(super) fn words(&self) -> String {
        let last = self.steps.len() - 1;
        self.steps
            .iter()
            .enumerate()
            .map(|(i, (merge, kept, name))| {
                let name = if i == last { &self.holder_name } else { name };
                // Words a user reads: the name as shown.
                format!(
                    "merged into {} (group {kept}) by merge {merge}",
                    shown_name(name)
                )
            })
            .collect::<Vec<_>>()
            .join(", which was ")
    }

    /// The merges to undo, latest first.
    pub(super) fn to_undo(&self) -> Vec<i64> {
        self.steps.iter().rev().map(|s| s.0).collect()
    }
}

/// "merge 3", or "merge 5, then merge 3," for merges named latest first: which to undo, in
/// order, to stand before "first".
pub(super) fn merges_in_order(merges: &[i64]) -> String {
    let list = merges
        .iter()
        .map(|m| format!("merge {m}"))
        .collect::<Vec<_>>()
        .join(", then ");
    if merges.len() > 1 {
        list + ","
    } else {
        list
    }
}

/// Whether group `id`, not in the directory now, went into another by a merge not undone.
pub(super) fn merged_into(conn: &Connection, id: i64) -> Result<Option<MergedInto>> {
    let step = |id: i64, since: &str| -> Result<Option<(i64, i64, String, String)>> {
        Ok(conn
            .query_row(
                "SELECT id, kept_id, at, json_extract(after, '$.groups[0].name') FROM merge_log
                 WHERE merged_id = ?1 AND undone_at IS NULL AND at >= ?2
                 ORDER BY id DESC LIMIT 1",
                params![id, since],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                    ))
                },
            )
            .optional()?)
    };
    let mut steps = Vec::new();
    let (mut at, mut group) = (String::new(), id);
    // A group merged away can only go once, so the chain ends; the bound keeps it finite anyway.
    while steps.len() < 100 {
        let Some((merge, kept, when, name)) = step(group, &at)? else {
            break;
        };
        steps.push((merge, kept, name));
        (at, group) = (when, kept);
        let here: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1)",
            [kept],
            |r| r.get(0),
        )?;
        if here {
            break;
        }
    }
    let Some((_, holder, name)) = steps.last().cloned() else {
        return Ok(None);
    };
    let holder_name = conn
        .query_row("SELECT name FROM groups WHERE id = ?1", [holder], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(name);
    Ok(Some(MergedInto {
        steps,
        holder,
        holder_name,
    }))
}

/// A merge row of the trail in words: the other group, the merge, and (for the kept group)
/// which fields were taken from the group merged in. `None` (the value after an undo): what
/// undoing left.
pub(super) fn trail_words(field: &str, value: Option<&Json>) -> String {
    let Some(v) = value.filter(|v| v.is_object()) else {
        return match field {
            MERGED_IN => "Separate again (the merge was undone)".into(),
            _ => "Back in the directory (the merge was undone)".into(),
        };
    };
    let text = |k: &str| v.get(k).and_then(Json::as_str).unwrap_or("").to_string();
    let num = |k: &str| v.get(k).and_then(Json::as_i64).unwrap_or(0);
    let mut words = format!(
        "{} (group {}), by merge {}",
        text("name"),
        num("group_id"),
        num("merge_id")
    );
    if field == MERGED_IN {
        let taken: Vec<&str> = v
            .get("taken")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .filter_map(MergeField::parse)
            .map(MergeField::label)
            .collect();
        if taken.is_empty() {
            words.push_str("; no fields taken from it");
        } else {
            words.push_str(&format!("; taken from it: {}", taken.join(", ")));
        }
    }
    words
}

/// A table with a foreign key to `groups`.
struct RefTable {
    name: String,
    columns: Vec<String>,
    /// The columns naming a row for good: the INTEGER PRIMARY KEY, else `rowid`, or in a
    /// table without row ids its primary key's columns.
    key: Vec<String>,
    /// Other tables point at this one (its rows must be moved, never deleted and re-made).
    has_dependents: bool,
}

type Row = BTreeMap<String, Json>;
type Snapshot = BTreeMap<String, Vec<Row>>;

/// Tables whose rows the merge rewrites itself; every other table pointing at groups is moved
/// generically (rows that would repeat one the kept group already has are dropped).
const HANDLED: &[&str] = &["group_other_names", "group_identifiers", "group_features"];

impl Store {
    /// Both groups side by side, each field's default choice, and what the merge would move.
    ///
    /// # Errors
    /// `NotFound` for an unknown group; `Conflict` when both are the same group.
    pub fn merge_preview(&self, kept: i64, merged: i64) -> Result<MergePreview> {
        preview(&self.conn, kept, merged)
    }

    /// Merges `merged` into `kept` in one transaction, taking each field as `choices` says, and
    /// logs every row touched so [`Store::undo_merge`] can put both groups back exactly.
    ///
    /// # Errors
    /// `NotFound` for an unknown group; `Conflict` when both are the same group.
    pub fn merge_groups(
        &self,
        kept: i64,
        merged: i64,
        choices: &MergeChoices,
    ) -> Result<MergeOutcome> {
        // A merge refused (an unknown group, the same group twice) leaves no backup: ten such
        // slips would otherwise rotate out the backup taken before a real merge.
        preview(&self.conn, kept, merged)?;
        self.backup(super::BackupReason::BeforeMerge)?;
        let tx = self.conn.unchecked_transaction()?;
        let p = preview(&tx, kept, merged)?;
        let refs = referencing_tables(&tx)?;
        let before = snapshot(&tx, &refs, kept, merged)?;
        let pick = |f: MergeField| {
            choices.fields.get(&f).copied().unwrap_or_else(|| {
                p.fields
                    .iter()
                    .find(|x| x.field == f)
                    .map_or(Pick::Kept, |x| x.default)
            })
        };
        let now = now_utc();

        // The kept row takes the chosen fields.
        let mut sets: Vec<String> = MergeField::ALL
            .into_iter()
            .filter(|f| pick(*f) == Pick::Merged)
            .flat_map(|f| f.columns().iter().map(|c| format!("{c} = m.{c}")))
            .collect();
        sets.push("updated_at = ?3".into());
        tx.execute(
            &format!(
                "UPDATE groups SET {} FROM (SELECT * FROM groups WHERE id = ?2) AS m WHERE groups.id = ?1",
                sets.join(", ")
            ),
            params![kept, merged, now],
        )?;

        // Other names: both lists, and the name not kept, each once.
        let final_name: String =
            tx.query_row("SELECT name FROM groups WHERE id = ?1", [kept], |r| {
                r.get(0)
            })?;
        let other_names = |id: i64| -> Result<Vec<String>> {
            Ok(tx
                .prepare(
                    "SELECT name FROM group_other_names WHERE group_id = ?1 ORDER BY position",
                )?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let mut names = other_names(kept)?;
        names.push(p.kept_name.clone());
        names.push(p.merged_name.clone());
        names.extend(other_names(merged)?);
        let mut seen = HashSet::from([final_name.trim().to_lowercase()]);
        names.retain(|n| seen.insert(n.trim().to_lowercase()));
        tx.execute(
            "DELETE FROM group_other_names WHERE group_id IN (?1, ?2)",
            [kept, merged],
        )?;
        for (i, n) in names.iter().enumerate() {
            tx.execute(
                "INSERT INTO group_other_names (group_id, position, name) VALUES (?1, ?2, ?3)",
                params![kept, i as i64, n],
            )?;
        }
        // Register numbers: the other group's follow the kept group's.
        tx.execute(
            "UPDATE group_identifiers
             SET group_id = ?1,
                 position = position + (SELECT coalesce(max(position) + 1, 0) FROM group_identifiers WHERE group_id = ?1)
             WHERE group_id = ?2",
            [kept, merged],
        )?;
        // Appendix A answers: one group's set, as chosen.
        if pick(MergeField::Features) == Pick::Merged {
            tx.execute("DELETE FROM group_features WHERE group_id = ?1", [kept])?;
            tx.execute(
                "UPDATE group_features SET group_id = ?1 WHERE group_id = ?2",
                [kept, merged],
            )?;
        } else {
            tx.execute("DELETE FROM group_features WHERE group_id = ?1", [merged])?;
        }
        // Everything else that points at a group, found from the schema.
        for t in refs.iter().filter(|t| !HANDLED.contains(&t.name.as_str())) {
            for c in &t.columns {
                tx.execute(
                    &format!(
                        "UPDATE OR IGNORE \"{}\" SET \"{c}\" = ?1 WHERE \"{c}\" = ?2",
                        t.name
                    ),
                    [kept, merged],
                )?;
                let left: i64 = tx.query_row(
                    &format!("SELECT count(*) FROM \"{}\" WHERE \"{c}\" = ?1", t.name),
                    [merged],
                    |r| r.get(0),
                )?;
                if left > 0 && t.has_dependents {
                    return Err(CoreError::Conflict(format!(
                        "these groups cannot be merged: both have rows in {} that cannot be combined; nothing was changed",
                        t.name
                    )));
                }
                // What is left repeats a row the kept group already has (the same category).
                tx.execute(
                    &format!("DELETE FROM \"{}\" WHERE \"{c}\" = ?1", t.name),
                    [merged],
                )?;
            }
        }
        tx.execute(
            "DELETE FROM duplicate_dismissals WHERE group_a = group_b",
            [],
        )?;
        tx.execute("DELETE FROM groups WHERE id = ?1", [merged])?;

        let after = snapshot(&tx, &refs, kept, merged)?;
        tx.execute(
            "INSERT INTO merge_log (at, kept_id, merged_id, kept_name, merged_name, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                now,
                kept,
                merged,
                p.kept_name,
                p.merged_name,
                serde_json::to_string(&before).expect("rows serialise"),
                serde_json::to_string(&after).expect("rows serialise"),
            ],
        )?;
        let merge_id = tx.last_insert_rowid();
        // Both groups' trails say so (who, when, which group, which fields came from it), in
        // the merge's own transaction; the kept group's trail also shows the merged group's
        // earlier rows from now on (`audit_trail`).
        let taken: Vec<&str> = p
            .fields
            .iter()
            .filter(|f| f.differs && pick(f.field) == Pick::Merged)
            .map(|f| f.field.key())
            .collect();
        self.write_row(
            Subject::Group,
            kept,
            "changed",
            Some(MERGED_IN),
            None,
            Some(&serde_json::json!({
                "merge_id": merge_id, "group_id": merged, "name": p.merged_name, "taken": taken,
            })),
            &format!(
                "{} (group {merged}) merged in by merge {merge_id}",
                p.merged_name
            ),
            Context::of_group(kept),
            None,
        )?;
        self.write_row(
            Subject::Group,
            merged,
            "changed",
            Some(MERGED_INTO),
            None,
            Some(&serde_json::json!({
                "merge_id": merge_id, "group_id": kept, "name": final_name,
            })),
            &format!("Merged into {final_name} (group {kept}) by merge {merge_id}"),
            Context::of_group(merged),
            None,
        )?;
        tx.commit()?;
        Ok(MergeOutcome {
            merge_id,
            kept_id: kept,
            merged_id: merged,
            kept_shown_name: shown_name(&final_name),
            kept_shown_name_before: shown_name(&p.kept_name),
            merged_shown_name: shown_name(&p.merged_name),
            kept_name: final_name,
            kept_name_before: p.kept_name,
            merged_name: p.merged_name,
            notes: p.notes,
        })
    }

    /// Every merge, newest first.
    pub fn merge_log(&self) -> Result<Vec<MergeLogEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, kept_id, merged_id, kept_name, merged_name, undone_at,
                    json_extract(after, '$.groups[0].name')
             FROM merge_log ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let kept_name: String = r.get(4)?;
            Ok(MergeLogEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                kept_id: r.get(2)?,
                merged_id: r.get(3)?,
                kept_name_after: r.get::<_, Option<String>>(7)?.unwrap_or(kept_name.clone()),
                kept_name,
                merged_name: r.get(5)?,
                kept_shown_name: String::new(),
                kept_shown_name_after: String::new(),
                merged_shown_name: String::new(),
                undone_at: r.get(6)?,
            }
            .shown())
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Undoes a merge (`None`: the latest not yet undone) in one step: both groups and every row
    /// that pointed at either are put back exactly as they were, ids included.
    ///
    /// # Errors
    /// `Conflict` when there is nothing to undo, the merge was undone already, or the kept group
    /// (or anything pointing at it) has changed since, so undoing would lose that change.
    pub fn undo_merge(&self, merge_id: Option<i64>) -> Result<MergeLogEntry> {
        let tx = self.conn.unchecked_transaction()?;
        let id: Option<i64> = match merge_id {
            Some(id) => Some(id),
            None => tx
                .query_row(
                    "SELECT id FROM merge_log WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?,
        };
        let Some(id) = id else {
            return Err(CoreError::Conflict("there is no merge to undo".to_string()));
        };
        let row = tx
            .query_row(
                "SELECT at, kept_id, merged_id, kept_name, merged_name, before, after, undone_at,
                        json_extract(after, '$.groups[0].name')
                 FROM merge_log WHERE id = ?1",
                [id],
                |r| {
                    let kept_name: String = r.get(3)?;
                    Ok((
                        MergeLogEntry {
                            id,
                            at: r.get(0)?,
                            kept_id: r.get(1)?,
                            merged_id: r.get(2)?,
                            kept_name_after: r
                                .get::<_, Option<String>>(8)?
                                .unwrap_or(kept_name.clone()),
                            kept_name,
                            merged_name: r.get(4)?,
                            kept_shown_name: String::new(),
                            kept_shown_name_after: String::new(),
                            merged_shown_name: String::new(),
                            undone_at: r.get(7)?,
                        }
                        .shown(),
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                    ))
                },
            )
            .optional()?;
        let Some((mut entry, before, after)) = row else {
            return Err(CoreError::NotFound { what: "merge", id });
        };
        if let Some(when) = &entry.undone_at {
            return Err(CoreError::Conflict(format!(
                "merge {id} ({} into {}) was already undone on {}",
                entry.merged_shown_name,
                entry.kept_shown_name,
                super::import_history::time_in_words(when)
            )));
        }
        let refs = referencing_tables(&tx)?;
        let current = snapshot(&tx, &refs, entry.kept_id, entry.merged_id)?;
        let after: Snapshot = serde_json::from_str(&after).map_err(|e| log_damaged(id, e))?;
        if comparable(&current) != comparable(&after) {
            let later: Option<i64> = tx
                .query_row(
                    "SELECT id FROM merge_log WHERE id > ?1 AND undone_at IS NULL
                     AND (kept_id IN (?2, ?3) OR merged_id IN (?2, ?3)) ORDER BY id DESC LIMIT 1",
                    params![id, entry.kept_id, entry.merged_id],
                    |r| r.get(0),
                )
                .optional()?;
            let advice = match later {
                Some(l) => format!(" Undo merge {l} first."),
                None => String::new(),
            };
            return Err(CoreError::Conflict(format!(
                "merge {id} ({} into {}) cannot be undone: {} has changed since the merge, and undoing it would lose that change.{advice}",
                entry.merged_shown_name, entry.kept_shown_name, entry.kept_shown_name
            )));
        }
        let before: Snapshot = serde_json::from_str(&before).map_err(|e| log_damaged(id, e))?;
        let mut keys: HashMap<String, (Vec<String>, bool)> = refs
            .iter()
            .map(|t| (t.name.clone(), (t.key.clone(), t.has_dependents)))
            .collect();
        keys.insert("groups".into(), (vec!["id".into()], true));
        // The groups first, so rows pointing at the merged group have it to point at.
        let mut order: Vec<&String> = vec![];
        let groups = "groups".to_string();
        order.push(&groups);
        order.extend(
            before
                .keys()
                .chain(current.keys())
                .filter(|t| *t != "groups"),
        );
        let mut done = HashSet::new();
        for table in order {
            if !done.insert(table.clone()) {
                continue;
            }
            let rowid = vec!["rowid".to_string()];
            let (key, in_place) = keys
                .get(table)
                .map(|(k, d)| (k.as_slice(), *d))
                .unwrap_or((rowid.as_slice(), true));
            restore(
                &tx,
                table,
                key,
                in_place,
                before.get(table).map(Vec::as_slice).unwrap_or_default(),
                current.get(table).map(Vec::as_slice).unwrap_or_default(),
            )?;
        }
        let now = now_utc();
        tx.execute(
            "UPDATE merge_log SET undone_at = ?1 WHERE id = ?2",
            params![now, id],
        )?;
        // The undo is a row in each group's trail, undoing the merge's row there (merges made
        // before the trail recorded them have none to point at).
        for (group, field, other, other_name) in [
            (
                entry.kept_id,
                MERGED_IN,
                entry.merged_id,
                &entry.merged_name,
            ),
            (
                entry.merged_id,
                MERGED_INTO,
                entry.kept_id,
                &entry.kept_name_after,
            ),
        ] {
            let merge_row: Option<(i64, String)> = tx
                .query_row(
                    "SELECT id, new_value FROM audit_log
                     WHERE group_id = ?1 AND field = ?2 AND json_extract(new_value, '$.merge_id') = ?3
                     ORDER BY id DESC LIMIT 1",
                    params![group, field, id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let old = merge_row
                .as_ref()
                .and_then(|(_, v)| serde_json::from_str(v).ok())
                .unwrap_or_else(
                    || serde_json::json!({"merge_id": id, "group_id": other, "name": other_name}),
                );
            self.write_row(
                Subject::Group,
                group,
                "changed",
                Some(field),
                Some(&old),
                None,
                &format!("Merge {id} undone"),
                Context::of_group(group),
                merge_row.map(|(row, _)| row),
            )?;
        }
        tx.commit()?;
        entry.undone_at = Some(now);
        Ok(entry)
    }
}

fn log_damaged(id: i64, e: serde_json::Error) -> CoreError {
    CoreError::Conflict(format!(
        "merge {id} cannot be undone: its record in the merge log is damaged ({e})"
    ))
}

/// The tables with rows, each row's content without its key: a merge logged before a table
/// lost its row ids (migration 9) named its rows by row id, and is still compared fairly.
fn comparable(s: &Snapshot) -> Snapshot {
    s.iter()
        .filter(|(_, rows)| !rows.is_empty())
        .map(|(t, rows)| {
            let rows = rows
                .iter()
                .map(|r| {
                    r.iter()
                        .filter(|(c, _)| *c != KEY)
                        .map(|(c, v)| (c.clone(), v.clone()))
                        .collect()
                })
                .collect();
            (t.clone(), rows)
        })
        .collect()
}

/// Every table with a foreign key to `groups`, from the schema.
fn referencing_tables(conn: &Connection) -> Result<Vec<RefTable>> {
    let mut stmt = conn.prepare(
        "SELECT m.name, f.\"table\", f.\"from\", m.sql FROM sqlite_master m
         JOIN pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq",
    )?;
    let fks: Vec<(String, String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let referenced: HashSet<&str> = fks.iter().map(|f| f.1.as_str()).collect();
    let mut out: Vec<RefTable> = Vec::new();
    for (table, target, from, sql) in &fks {
        if target != "groups" {
            continue;
        }
        if let Some(t) = out.iter_mut().find(|t| &t.name == table) {
            t.columns.push(from.clone());
            continue;
        }
        let pks: Vec<(String, String)> = conn
            .prepare(
                "SELECT name, upper(type) FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk",
            )?
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let key = if sql.to_ascii_uppercase().contains("WITHOUT ROWID") {
            pks.into_iter().map(|(name, _)| name).collect()
        } else {
            match pks.as_slice() {
                [(name, ty)] if ty == "INTEGER" => vec![name.clone()],
                _ => vec!["rowid".to_string()],
            }
        };
        out.push(RefTable {
            name: table.clone(),
            columns: vec![from.clone()],
            key,
            has_dependents: referenced.contains(table.as_str()),
        });
    }
    Ok(out)
}

fn to_json(v: ValueRef) -> Json {
    match v {
        ValueRef::Null => Json::Null,
        ValueRef::Integer(i) => Json::from(i),
        ValueRef::Real(f) => Json::from(f),
        ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => serde_json::json!({ "blob": b }),
    }
}

fn from_json(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::Text(s.clone()),
        Json::Object(o) => Value::Blob(
            o.get("blob")
                .and_then(Json::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_u64())
                        .map(|x| x as u8)
                        .collect()
                })
                .unwrap_or_default(),
        ),
        Json::Array(_) => Value::Null,
    }
}

const KEY: &str = "__key";

/// Reads rows (every column, and the row's key as `__key`), ordered by key.
fn rows(conn: &Connection, sql: &str, ids: [i64; 2]) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    let mut q = stmt.query(ids)?;
    while let Some(r) = q.next()? {
        let mut row = Row::new();
        for (i, n) in names.iter().enumerate() {
            row.insert(n.clone(), to_json(r.get_ref(i)?));
        }
        out.push(row);
    }
    Ok(out)
}

/// Both groups' rows and every row pointing at either, table by table.
fn snapshot(conn: &Connection, refs: &[RefTable], a: i64, b: i64) -> Result<Snapshot> {
    let mut s = Snapshot::new();
    s.insert(
        "groups".into(),
        rows(
            conn,
            &format!("SELECT id AS {KEY}, * FROM groups WHERE id IN (?1, ?2) ORDER BY id"),
            [a, b],
        )?,
    );
    for t in refs {
        let cond: Vec<String> = t
            .columns
            .iter()
            .map(|c| format!("\"{c}\" IN (?1, ?2)"))
            .collect();
        s.insert(
            t.name.clone(),
            rows(
                conn,
                &format!(
                    "SELECT {} AS {KEY}, * FROM \"{}\" WHERE {} ORDER BY {}",
                    key_expression(&t.key),
                    t.name,
                    cond.join(" OR "),
                    t.key.join(", ")
                ),
                [a, b],
            )?,
        );
    }
    Ok(s)
}

/// Puts one table's rows back. A table nothing points at is simply emptied of the current rows
/// and given the old ones again (with their own keys), which avoids passing clashes on unique
/// columns; in a table others point at (groups, appointments) rows made since are removed,
/// changed ones set back in place and removed ones inserted again.
fn restore(
    conn: &Connection,
    table: &str,
    key: &[String],
    in_place: bool,
    before: &[Row],
    current: &[Row],
) -> Result<()> {
    let keyed = |rows: &[Row]| -> HashMap<String, Row> {
        rows.iter()
            .map(|r| {
                (
                    r.get(KEY).cloned().unwrap_or(Json::Null).to_string(),
                    r.clone(),
                )
            })
            .collect()
    };
    let (was, mut now) = (keyed(before), keyed(current));
    for (k, row) in &now {
        if !in_place || !was.contains_key(k) {
            let (which, values) = naming(key, row, 1);
            conn.execute(
                &format!("DELETE FROM {} WHERE {which}", quoted(table)),
                params_from_iter(values),
            )?;
        }
    }
    if !in_place {
        now.clear();
    }
    for row in before {
        let k = row[KEY].to_string();
        let cols: Vec<&String> = row.keys().filter(|c| *c != KEY).collect();
        let values: Vec<Value> = cols.iter().map(|c| from_json(&row[*c])).collect();
        match now.get(&k) {
            Some(current) if current == row => {}
            Some(_) => {
                let sets: Vec<String> = cols
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{} = ?{}", quoted(c), i + 1))
                    .collect();
                let (which, named) = naming(key, row, cols.len() + 1);
                conn.execute(
                    &format!(
                        "UPDATE {} SET {} WHERE {which}",
                        quoted(table),
                        sets.join(", ")
                    ),
                    params_from_iter(values.into_iter().chain(named)),
                )?;
            }
            None => {
                let mut names: Vec<String> = cols.iter().map(|c| quoted(c)).collect();
                let mut vals = values;
                if key == ["rowid"] {
                    names.push("rowid".into());
                    vals.push(from_json(&row[KEY]));
                }
                let marks: Vec<String> = (1..=vals.len()).map(|i| format!("?{i}")).collect();
                conn.execute(
                    &format!(
                        "INSERT INTO {} ({}) VALUES ({})",
                        quoted(table),
                        names.join(", "),
                        marks.join(", ")
                    ),
                    params_from_iter(vals),
                )?;
            }
        }
    }
    Ok(())
}

/// A table or column name for SQL, quoted with its own quotation marks doubled: undo reads these
/// names from the snapshot stored in the file, which only the app should write, but a name is
/// never pasted into SQL as it stands.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// What a snapshot row's key is made of: the key column, or its columns as one JSON array.
fn key_expression(key: &[String]) -> String {
    match key {
        [one] => one.clone(),
        many => format!("json_array({})", many.join(", ")),
    }
}

/// The condition naming one row by its key, with parameters numbered from `first`, and their
/// values: a one-column key's value is the row's snapshot key, a longer key's are its columns.
fn naming(key: &[String], row: &Row, first: usize) -> (String, Vec<Value>) {
    match key {
        [one] => (
            format!("{} = ?{first}", quoted(one)),
            vec![from_json(&row[KEY])],
        ),
        many => (
            many.iter()
                .enumerate()
                .map(|(i, c)| format!("{} = ?{}", quoted(c), first + i))
                .collect::<Vec<_>>()
                .join(" AND "),
            many.iter()
                .map(|c| from_json(row.get(c).unwrap_or(&Json::Null)))
                .collect(),
        ),
    }
}

/// A field's value as the group's page shows it ("Active", "No", "5 February 2026"), for showing
/// side by side. Which differ, and the default choice, go by the stored values (`stored`).
fn shown(conn: &Connection, field: MergeField, id: i64) -> Result<String> {
    let text = |sql: &str| -> Result<String> {
        Ok(conn
            .query_row(sql, [id], |r| r.get::<_, Option<String>>(0))?
            .unwrap_or_default())
    };
    let column = |c: &str| text(&format!("SELECT {c} FROM groups WHERE id = ?1"));
    let flag = |c: &str| -> Result<bool> {
        Ok(conn.query_row(
            &format!("SELECT {c} FROM groups WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )?)
    };
    Ok(match field {
        MergeField::Status => {
            let status = column("status")?;
            Status::parse(&status).map_or(status, |s| s.label().into())
        }
        MergeField::LastChecked => match (column("last_checked")?, column("last_checked_by")?) {
            (d, _) if d.is_empty() => "Never".into(),
            (d, by) if by.is_empty() => stored_date_in_words(&d),
            (d, by) => format!("{}, by {by}", stored_date_in_words(&d)),
        },
        MergeField::ClassOverride => {
            let class = match column("class_override")?.as_str() {
                "" => return Ok("Use the suggestion".into()),
                c => GroupClass::parse(c).unwrap_or(GroupClass::Unclassified).label(),
            };
            match column("class_override_reason")? {
                r if r.is_empty() => class.to_string(),
                r => format!("{class} — {r}"),
            }
        }
        MergeField::Enterprise => Enterprise::parse(&column("enterprise")?)
            .map_or("No", Enterprise::label)
            .into(),
        MergeField::Faith => match (flag("faith")?, column("faith_name")?) {
            (false, _) => "No".into(),
            (true, name) if name.is_empty() => "Yes".into(),
            (true, name) => format!("Yes ({name})"),
        },
        MergeField::Bme => match (flag("bme_led")?, flag("bme_serving")?) {
            (true, true) => "Led by Black and minority ethnic people; Serves Black and minority ethnic communities".into(),
            (true, false) => "Led by Black and minority ethnic people".into(),
            (false, true) => "Serves Black and minority ethnic communities".into(),
            (false, false) => "No".into(),
        },
        // Each answer as the page gives it, then the features not known, by number and title.
        MergeField::Features => {
            let answers: Vec<(i64, String, Option<String>, String, String)> = conn
                .prepare(
                    "SELECT f.number, f.title, gf.side, f.community_side, f.voluntary_side
                     FROM features f LEFT JOIN group_features gf
                       ON gf.number = f.number AND gf.group_id = ?1
                     ORDER BY f.number",
                )?
                .query_map([id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut lines = Vec::new();
            let mut unknown = Vec::new();
            for (n, title, side, community, voluntary) in answers {
                match side.as_deref() {
                    Some("community") => {
                        lines.push(format!("{n}. {title}: Community side: {community}"))
                    }
                    Some("voluntary") => {
                        lines.push(format!("{n}. {title}: Voluntary side: {voluntary}"))
                    }
                    _ => unknown.push(format!("{n}. {title}")),
                }
            }
            if lines.is_empty() {
                "Not known for any feature".into()
            } else {
                if !unknown.is_empty() {
                    lines.push(format!("Not known: {}", unknown.join(", ")));
                }
                lines.join("\n")
            }
        }
        f => stored(conn, f, id)?,
    })
}

/// A field's stored value, as one string to compare: "2026-02-05 by Pat", "1: community".
fn stored(conn: &Connection, field: MergeField, id: i64) -> Result<String> {
    let text = |sql: &str| -> Result<String> {
        Ok(conn
            .query_row(sql, [id], |r| r.get::<_, Option<String>>(0))?
            .unwrap_or_default())
    };
    Ok(match field {
        MergeField::Ward => text(
            "SELECT w.name FROM groups g LEFT JOIN wards w ON w.id = g.ward_id WHERE g.id = ?1",
        )?,
        MergeField::LastChecked => text(
            "SELECT CASE WHEN last_checked IS NULL THEN '' WHEN last_checked_by = '' THEN last_checked
                    ELSE last_checked || ' by ' || last_checked_by END FROM groups WHERE id = ?1",
        )?,
        MergeField::ClassOverride => text(
            "SELECT CASE WHEN class_override IS NULL THEN '' ELSE class_override || ': ' || class_override_reason END
             FROM groups WHERE id = ?1",
        )?,
        MergeField::Faith => text(
            "SELECT CASE WHEN faith = 0 THEN 'no' WHEN faith_name = '' THEN 'yes' ELSE 'yes (' || faith_name || ')' END
             FROM groups WHERE id = ?1",
        )?,
        MergeField::Bme => text(
            "SELECT CASE WHEN bme_led AND bme_serving THEN 'led by and serving' WHEN bme_led THEN 'led by'
                    WHEN bme_serving THEN 'serving' ELSE 'no' END FROM groups WHERE id = ?1",
        )?,
        MergeField::Features => {
            let n: i64 = conn.query_row(
                "SELECT count(*) FROM group_features WHERE group_id = ?1 AND side IS NOT NULL",
                [id],
                |r| r.get(0),
            )?;
            if n == 0 {
                String::new()
            } else {
                let sides: Vec<String> = conn
                    .prepare(
                        "SELECT number || ': ' || side FROM group_features
                         WHERE group_id = ?1 AND side IS NOT NULL ORDER BY number",
                    )?
                    .query_map([id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                format!("{n} of 8 known ({})", sides.join(", "))
            }
        }
        f => text(&format!(
            "SELECT coalesce({}, '') FROM groups WHERE id = ?1",
            f.columns()[0]
        ))?,
    })
}

fn preview(conn: &Connection, kept: i64, merged: i64) -> Result<MergePreview> {
    if kept == merged {
        return Err(CoreError::Conflict(
            "a group cannot be merged with itself: choose two different groups".into(),
        ));
    }
    let name = |id: i64| -> Result<String> {
        conn.query_row("SELECT name FROM groups WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or(CoreError::NotFound { what: "group", id })
    };
    let (kept_name, merged_name) = (name(kept)?, name(merged)?);
    let mut fields = Vec::new();
    for f in MergeField::ALL {
        let (k, m) = (stored(conn, f, kept)?, stored(conn, f, merged)?);
        let empty = |s: &str| s.is_empty() || s == "no";
        let default = match f {
            MergeField::LastChecked if m > k => Pick::Merged,
            _ if empty(&k) && !empty(&m) => Pick::Merged,
            _ => Pick::Kept,
        };
        fields.push(FieldPreview {
            field: f,
            label: f.label().to_string(),
            differs: k != m,
            kept: shown(conn, f, kept)?,
            merged: shown(conn, f, merged)?,
            default,
        });
    }
    let mut notes = Vec::new();
    let count =
        |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [kept, merged], |r| r.get(0))?) };
    let moved: i64 = conn.query_row(
        "SELECT count(*) FROM appointments WHERE group_id = ?1",
        [merged],
        |r| r.get(0),
    )?;
    if moved > 0 {
        notes.push(format!(
            "{moved} appointment(s) of {merged_name} move to the merged group"
        ));
    }
    let shared = count(
        "SELECT count(*) FROM group_categories a JOIN group_categories b
         ON a.category_id = b.category_id AND a.group_id = ?1 AND b.group_id = ?2",
    )?;
    if shared > 0 {
        notes.push(format!(
            "both groups are linked to {shared} of the same categories: the merged group keeps each once"
        ));
    }
    let mut stmt = conn.prepare(
        "SELECT DISTINCT s.label, p.name FROM appointments a1
         JOIN appointments a2 ON a2.seat_id = a1.seat_id
         JOIN seats s ON s.id = a1.seat_id JOIN partnerships p ON p.id = s.partnership_id
         WHERE a1.group_id = ?1 AND a2.group_id = ?2 ORDER BY p.name, s.position",
    )?;
    let seats: Vec<(String, String)> = stmt
        .query_map([kept, merged], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (seat, partnership) in seats {
        notes.push(format!(
            "both groups have appointments to the seat \"{seat}\" on {partnership}: both appointments are kept; check whether one repeats the other"
        ));
    }
    Ok(MergePreview {
        kept_id: kept,
        kept_shown_name: shown_name(&kept_name),
        kept_name,
        merged_id: merged,
        merged_shown_name: shown_name(&merged_name),
        merged_name,
        fields,
        notes,
    })
}
