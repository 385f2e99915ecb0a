//! Saving a groups spreadsheet, in two steps the window can show: `plan_group_import` reads and
//! checks every row and finds the groups each may already be (same registration number, same
//! name, or a close name in the same postcode or ward), writing nothing; `apply_group_import`
//! saves the rows as the user chose (new group, update the match, or skip) in one transaction,
//! and records what it did so `undo_import` can take the whole import back as one step.

use std::collections::{BTreeMap, HashSet};

use foldhash::{HashMap, HashMapExt};

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::groups::save_group_in;
use super::import_batch::NewGroups;
use super::{now_utc, Store};
use crate::domain::group::GroupInput;
use crate::domain::identifier::{is_register, scheme_words, Identifier};
use crate::domain::names::{same_but_case_and_spacing, shown_name};
use crate::error::{CoreError, FieldProblem, Result};
use crate::import::cell_problem;
use crate::import::dialect::{self, Dialect};
use crate::import::groups::{check_rows, Checked, Columns, GroupLine, Lookups, RejectedRow};
use crate::import::mapping::{self, Field, Mapping, NamedMapping, Suggestion};

/// The first rows of a file and the mapping suggested for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub dialect: Dialect,
    pub headers: Vec<String>,
    /// Up to 20 rows, cells tidied as the import will read them.
    pub first_rows: Vec<Vec<String>>,
    pub suggestion: Suggestion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Add the row as a new group.
    New,
    /// Bring the matched group up to date with the row's filled cells.
    Update,
    Skip,
}

impl Choice {
    pub fn parse(s: &str) -> Option<Choice> {
        match s {
            "new" => Some(Choice::New),
            "update" => Some(Choice::Update),
            "skip" => Some(Choice::Skip),
            _ => None,
        }
    }
}

/// What an incoming row matched: a group in the directory, or an earlier row of the same file
/// (a grants file lists a group once per grant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MatchTarget {
    Group { id: i64 },
    Row { row: usize },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Match {
    pub target: MatchTarget,
    /// The matched group's (or row's) name as shown.
    pub name: String,
    /// Why it matched, in words: "same charity number 1110767".
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedRow {
    #[serde(flatten)]
    pub line: GroupLine,
    /// The name as the app shows it (title case when the file wrote it in capitals); the name
    /// stored is the file's.
    pub shown_name: String,
    pub matched: Option<Match>,
    /// For a row of the directory's own groups export that matched the group with its id: what
    /// updating that group with it will change (empty when nothing). Such a row is an edit of the
    /// group: updating it sets every column the file has as the file has it, an empty cell
    /// clearing the field. `None` for every other row, which an update only adds to.
    #[serde(default)]
    pub edit: Option<Vec<FieldChange>>,
    /// For a matched row of the directory's own export whose id is not its group's: why it is
    /// updated with the cautious rules ("its id 99999 is not this group's (413): only cells it
    /// fills are applied"). A row whose edits are left out must say so.
    #[serde(default)]
    pub cautious: Option<String>,
    /// A matched row's cells as the file had them: the row may yet be refused when saved (as a
    /// new group with a number another group has), and the rejected-rows file then needs them.
    /// Taken from the file's records, not copied; rows with no match need none.
    #[serde(skip)]
    pub record: Option<csv::StringRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPlan {
    pub file_name: String,
    pub dialect: Dialect,
    pub headers: Vec<String>,
    pub mapping: Mapping,
    /// Data rows read (blank rows not counted).
    pub read: usize,
    pub rows: Vec<PlannedRow>,
    pub rejected: Vec<RejectedRow>,
    /// The file is a groups export read with the export's own mapping (`is_groups_export`):
    /// its rows that match the group with their id are edits of it (`PlannedRow::edit`).
    #[serde(default)]
    pub round_trip: bool,
}

impl ImportPlan {
    /// For the directory's own export, how many rows change their group and how many fields
    /// they clear: "12 rows change their group; 3 of them clear a field (5 fields)". An older
    /// export brought back clears what was added since; this puts it before the list of rows.
    /// `None` when no row is an edit of its group.
    pub fn edits_in_words(&self) -> Option<String> {
        let edits: Vec<&Vec<FieldChange>> =
            self.rows.iter().filter_map(|r| r.edit.as_ref()).collect();
        if edits.is_empty() {
            return None;
        }
        let changing = edits
            .iter()
            .filter(|e| e.iter().any(|c| !c.not_kept))
            .count();
        let cleared = |e: &Vec<FieldChange>| {
            e.iter()
                .filter(|c| !c.not_kept && !c.before.is_empty() && c.after.is_empty())
                .count()
        };
        let clearing = edits.iter().filter(|e| cleared(e) > 0).count();
        let fields: usize = edits.iter().map(|e| cleared(e)).sum();
        let rows = match changing {
            1 => "1 row changes its group".to_string(),
            n => format!("{n} rows change their group"),
        };
        let clears = match (changing, clearing) {
            (_, 0) => "none clears a field".to_string(),
            (1, _) => format!("it clears {}", fields_word(fields)),
            (_, 1) => format!("1 of them clears a field ({})", fields_word(fields)),
            (_, n) => format!("{n} of them clear a field ({})", fields_word(fields)),
        };
        Some(if changing == 0 {
            "0 rows change their group".to_string()
        } else {
            format!("{rows}; {clears}")
        })
    }
}

fn fields_word(n: usize) -> String {
    if n == 1 {
        "1 field".into()
    } else {
        format!("{n} fields")
    }
}

/// One cell of groups.csv that updating a group with a row of its own export will change, as
/// the export writes it before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The export's column (`email`).
    pub column: String,
    pub before: String,
    pub after: String,
    /// Not a change: the file's value (`after`) is not kept (a class reason typed for a class
    /// that is only the suggestion), said so it is not lost unseen.
    #[serde(default)]
    pub not_kept: bool,
}

impl FieldChange {
    /// The column in words: "e-mail", "other names".
    pub fn label(&self) -> &str {
        match self.column.as_str() {
            "other_names" => "other names",
            "charity_number" => "charity number",
            "company_number" => "company number",
            "community_features" => "features on the community side",
            "voluntary_features" => "features on the voluntary side",
            "faith_group" => "faith group",
            "bme" => "BME",
            "categories_served" => "communities served",
            "last_checked" => "last checked",
            "email" => "e-mail",
            "activities" => "what it does",
            "wards_served" => "wards served",
            "community_of_interest" => "community of interest",
            "last_checked_by" => "last checked by",
            "class_reason" => "why staff set the class",
            c => c,
        }
    }
}

/// `e-mail "info@example.org" will be cleared`, `name "ST JOHN'S CENTRE" → "St John's Centre"`.
impl std::fmt::Display for FieldChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let label = self.label();
        if self.not_kept {
            return write!(
                f,
                "class reason \"{}\" not kept: a reason is kept only for a class staff set",
                self.after
            );
        }
        match (self.before.is_empty(), self.after.is_empty()) {
            (false, true) => write!(f, "{label} \"{}\" will be cleared", self.before),
            (true, _) => write!(f, "{label} will be \"{}\"", self.after),
            _ => write!(f, "{label} \"{}\" → \"{}\"", self.before, self.after),
        }
    }
}

/// The user's choices: one for every matched row, and any row's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    pub on_match: Choice,
    #[serde(default)]
    pub rows: BTreeMap<usize, Choice>,
}

impl Default for Choices {
    fn default() -> Self {
        Choices {
            on_match: Choice::Skip,
            rows: BTreeMap::new(),
        }
    }
}

impl Choices {
    pub fn for_row(&self, r: &PlannedRow) -> Choice {
        match self.rows.get(&r.line.row) {
            Some(c) => *c,
            None if r.matched.is_some() => self.on_match,
            None => Choice::New,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Checking,
    Saving,
}

/// Reported every 1,000 rows of a long file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// For `undo_import`; `None` when nothing was saved.
    pub import_id: Option<i64>,
    pub read: usize,
    pub added: usize,
    /// Matched rows chosen to update their group that changed it.
    pub updated: usize,
    /// Matched rows chosen to update their group that had nothing new for it (a file imported
    /// again): the group is left as it was.
    #[serde(default)]
    pub unchanged: usize,
    pub skipped: usize,
    pub rejected: Vec<RejectedRow>,
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "read {} {}: {} added, {} updated, {} unchanged, {} skipped, {} rejected",
            self.read,
            if self.read == 1 { "row" } else { "rows" },
            self.added,
            self.updated,
            self.unchanged,
            self.skipped,
            self.rejected.len()
        )
    }
}

/// One import in the directory's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    pub id: i64,
    pub file_name: String,
    pub at: String,
    pub added: i64,
    pub updated: i64,
    pub skipped: i64,
    pub rejected: i64,
    /// Data rows read, and matched rows that changed nothing: not said by imports made before
    /// migration 13.
    pub read: Option<i64>,
    pub unchanged: Option<i64>,
    pub undone_at: Option<String>,
    /// Who imported it (not said by imports made before migration 12).
    pub actor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoSummary {
    pub removed: usize,
    pub restored: usize,
}

/// A name compared as a person would: case, punctuation, "the" and "Ltd"/"CIC" do not matter,
/// so "G- Force" is "G-Force" and "St. John's Centre" is "St Johns Centre".
pub fn name_key(name: &str) -> String {
    name.to_lowercase()
        .replace(['\'', '’', '.'], "")
        .replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "the" | "ltd" | "limited" | "cic" | "cio" | "inc" | "plc" | "llp"
                )
        })
        .collect()
}

/// How alike two name keys are, 0 to 1 (Dice's coefficient on letter pairs).
pub fn likeness(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let pairs = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (pa, mut pb) = (pairs(a), pairs(b));
    if pa.is_empty() || pb.is_empty() {
        return 0.0;
    }
    let total = pa.len() + pb.len();
    let mut shared = 0;
    for p in &pa {
        if let Some(i) = pb.iter().position(|q| q == p) {
            pb.swap_remove(i);
            shared += 1;
        }
    }
    2.0 * shared as f64 / total as f64
}

/// Names at least this alike, in the same postcode or ward, are offered as a match.
pub const CLOSE_NAME: f64 = 0.85;

/// Whether two name keys hold the same numbers in the same order ("4th sale scout group" holds
/// 4, "14th sale scout group" 14, "girls u12" 12). Names alike but for a number are different
/// groups (the 4th and 14th scout groups, the under 11s and under 13s teams), so a close name
/// is a match only when this holds.
pub fn same_numbers(a: &str, b: &str) -> bool {
    fn numbers(s: &str) -> impl Iterator<Item = &str> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
    }
    numbers(a).eq(numbers(b))
}

/// What undo reads about one change: group, action, before, after_updated_at, the group's
/// updated_at and name now, and whether it holds a seat.
type Change = (
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    bool,
);

/// A group as it was before an import updated it, as the import's undo record keeps it: the
/// group, and its updated time then (`updated_at_before` in the JSON), which the undo puts back
/// with it, so the group is not "changed since" an earlier import whose state it is back in.
#[derive(Serialize)]
struct Before {
    #[serde(flatten)]
    input: GroupInput,
    updated_at_before: String,
}

/// What updating a group with a row did.
enum Updated {
    /// The group changed: as it was before (boxed: the other outcomes are small), and its
    /// numbers after.
    Changed(Box<Before>, Vec<Identifier>),
    /// The row says nothing the group does not have already: the group is left alone.
    Unchanged,
    /// The row's problems.
    Refused(Vec<FieldProblem>),
}

struct Existing {
    names: HashMap<i64, String>,
    by_ident: ByNumber<i64>,
    /// Each group's register numbers (groups with none are left out), to tell apart groups
    /// whose names match.
    registers: HashMap<i64, Vec<Identifier>>,
    by_key: HashMap<String, Vec<i64>>,
    keys: HashMap<i64, Vec<String>>,
    by_postcode: HashMap<String, Vec<i64>>,
    by_ward: HashMap<i64, Vec<i64>>,
    /// Each group's postcode and ward, to tell apart same-name groups in different places.
    places: HashMap<i64, (String, Option<i64>)>,
}

/// Whether two groups are in different places: when both have a postcode, the postcodes differ;
/// else when both have a ward, the wards differ. A row or group with neither cannot be told apart
/// by place. Same-name groups in different places are branches (a luncheon club in Sale and one
/// in Stretford), so a name alone never matches across places.
fn places_differ(postcode: &str, ward: Option<i64>, other: &str, other_ward: Option<i64>) -> bool {
    if !postcode.is_empty() && !other.is_empty() {
        return postcode != other;
    }
    matches!((ward, other_ward), (Some(a), Some(b)) if a != b)
}

impl Store {
    /// Reads the first rows of a file and suggests a mapping (a built-in or saved one whose
    /// columns the file has, else one guessed from the column names).
    ///
    /// # Errors
    /// `ImportFile` when the file is empty, not text or cannot be read as CSV.
    pub fn preview_group_import(&self, bytes: &[u8]) -> Result<Preview> {
        let table = dialect::read(bytes, Some(20)).map_err(file_problem)?;
        let suggestion = mapping::suggest(&table.headers, &self.mappings()?);
        Ok(Preview {
            dialect: table.dialect,
            headers: table.headers,
            first_rows: table.rows.into_iter().map(|(_, c)| c).collect(),
            suggestion,
        })
    }

    /// Reads and checks every row and finds each one's match. Writes nothing.
    ///
    /// # Errors
    /// `ImportFile` when the file cannot be read; `Invalid` when the mapping names a column the
    /// file lacks or no column for the name.
    pub fn plan_group_import(
        &self,
        file_name: &str,
        bytes: &[u8],
        mapping: &Mapping,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportPlan> {
        let table = dialect::read_raw(bytes).map_err(file_problem)?;
        let columns = Columns::new(&table.headers, mapping).map_err(CoreError::Invalid)?;
        let lookups = self.import_lookups()?;
        let Checked {
            mut lines,
            mut rejected,
            read,
        } = check_rows(&table, &columns, &lookups, &mut |done, total| {
            progress(Progress {
                stage: Stage::Checking,
                done,
                total,
            })
        });
        let round_trip = mapping::is_groups_export(&table.headers, mapping);
        if round_trip {
            reject_repeated_ids(&mut lines, &mut rejected, &table, mapping);
        }
        let existing = self.existing_for_matching()?;
        if round_trip {
            reject_moved_numbers(&mut lines, &mut rejected, &table, mapping, &existing);
        }
        // Each row's name key and shown name depend on the row alone: made on every core.
        let names = names_in_parallel(&lines);
        let dialect::RawTable {
            dialect,
            headers,
            rows: mut records,
            ..
        } = table;
        let matches = match_rows(&existing, &lines, &names);
        // Matched rows keep their record (see `PlannedRow::record`); both are in file order.
        let mut next = records.iter_mut();
        let kept: Vec<Option<csv::StringRecord>> = lines
            .iter()
            .zip(&matches)
            .map(|(line, matched)| {
                let (_, record) = next.find(|(row, _)| *row == line.row)?;
                matched.as_ref().map(|_| std::mem::take(record))
            })
            .collect();
        // Each line holds its own copy of what it needs, so the rest of the file's records can
        // go, on the other core while the rows are put together.
        let rows = std::thread::scope(|scope| {
            scope.spawn(move || drop(records));
            lines
                .into_iter()
                .zip(names)
                .zip(matches)
                .zip(kept)
                .map(|(((line, (_, shown)), matched), record)| PlannedRow {
                    line,
                    shown_name: shown,
                    matched,
                    edit: None,
                    cautious: None,
                    record,
                })
                .collect()
        });
        let mut plan = ImportPlan {
            file_name: file_name.to_string(),
            dialect,
            headers,
            mapping: mapping.clone(),
            read,
            rows,
            rejected,
            round_trip,
        };
        if round_trip {
            note_cautious_rows(&mut plan);
            self.plan_edits(&mut plan)?;
        }
        Ok(plan)
    }

    /// Marks the rows of a round trip that are edits of their own group (matched the group whose
    /// id is the row's) with what updating will change. Such a row cannot leave the status empty
    /// (a group always has one): it is rejected, saying so.
    fn plan_edits(&self, plan: &mut ImportPlan) -> Result<()> {
        let fields = file_fields(&plan.mapping);
        let names = self.export_names()?;
        let categories = self.faith_and_bme_categories()?;
        let reason_column = plan
            .mapping
            .column_for(Field::ClassReason)
            .and_then(|c| plan.headers.iter().position(|h| h.eq_ignore_ascii_case(c)));
        let mut refused = Vec::new();
        for r in &mut plan.rows {
            let Some(id) = own_group(r) else { continue };
            if !r.line.present.contains(&Field::Status) {
                let column = plan.mapping.column_for(Field::Status).unwrap_or("status");
                let reason = "the status cannot be left empty: a group is active, dormant or closed (the row updates its group, and an empty cell would clear the field)";
                refused.push(refused_row(r, cell_problem(r.line.row, column, reason)));
                continue;
            }
            let before = match self.get_group(id) {
                Ok(g) => g.input,
                Err(CoreError::NotFound { .. }) => continue,
                Err(e) => return Err(e),
            };
            let after = updated_group(&before, &r.line, &fields, true, categories);
            let shown = |g: &GroupInput| {
                let mut g = g.clone();
                // As saving would write it; a group that cannot be saved is refused when saved.
                let _ = g.normalise();
                crate::export::groups::cells(&names.exported(id, &g))
                    .into_iter()
                    .map(std::borrow::Cow::into_owned)
                    .collect::<Vec<_>>()
            };
            let (was, will) = (shown(&before), shown(&after));
            r.edit = Some(
                mapping::EXPORT_COLUMNS
                    .iter()
                    .zip(was.into_iter().zip(will))
                    .filter(|(c, (a, b))| a != b && !matches!(**c, "id" | "suggested_class"))
                    .map(|(c, (before, after))| FieldChange {
                        column: c.to_string(),
                        before,
                        after,
                        not_kept: false,
                    })
                    .collect(),
            );
            // `read_row` drops a reason given with a class the answers suggest anyway: say so.
            let typed = reason_column
                .and_then(|i| r.record.as_ref()?.get(i))
                .map(|c| dialect::clean_cell_borrowed(c).trim().to_string())
                .unwrap_or_default();
            if !typed.is_empty()
                && after.class_override_reason.is_empty()
                && typed != before.class_override_reason
            {
                if let Some(edit) = r.edit.as_mut() {
                    edit.push(FieldChange {
                        column: "class_reason".into(),
                        before: before.class_override_reason.clone(),
                        after: typed,
                        not_kept: true,
                    });
                }
            }
        }
        if !refused.is_empty() {
            let gone: HashSet<usize> = refused.iter().map(|r| r.row).collect();
            plan.rows.retain(|r| !gone.contains(&r.line.row));
            plan.rejected.extend(refused);
            plan.rejected.sort_by_key(|r| r.row);
        }
        Ok(())
    }

    /// Saves the plan's rows as chosen, all or nothing, and records the import for undoing.
    /// A plan whose every row is skipped (or rejected) saves nothing, records no import and takes
    /// no backup; one that saves takes a before-import backup first.
    ///
    /// A row chosen as a new group whose registration number another group already has (in the
    /// directory, or brought by an earlier row) is refused on its own: it joins the summary's
    /// rejected rows, and the other rows are saved.
    ///
    /// # Errors
    /// `Invalid` with the rows that cannot be saved as chosen (an update that would give its
    /// group another group's number; an update whose group was removed since the plan); nothing
    /// is saved.
    pub fn apply_group_import(
        &self,
        plan: &ImportPlan,
        choices: &Choices,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportSummary> {
        // A long file's pages outgrow SQLite's default 2 MB page cache mid-transaction, and
        // spilling them to the log before the commit costs more than the memory: allow up to
        // 256 MB (taken only as needed; 100,000 new groups use about 100 MB) for this one.
        // Each batch of rows is one statement, and SQLite keeps a statement journal of the
        // pages it touches (so a failing statement can be undone alone); in a temporary file
        // that was a write call per page, about 7% of the import: keep it in memory.
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        let temp: i64 = self.conn.query_row("PRAGMA temp_store", [], |r| r.get(0))?;
        self.conn
            .execute_batch("PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")?;
        let result = self.apply_in_transaction(plan, choices, progress);
        self.conn.execute_batch(&format!(
            "PRAGMA cache_size = {cache}; PRAGMA temp_store = {temp}"
        ))?;
        result
    }

    fn apply_in_transaction(
        &self,
        plan: &ImportPlan,
        choices: &Choices,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportSummary> {
        let tx = self.conn.unchecked_transaction()?;
        let now = now_utc();
        tx.execute(
            "INSERT INTO imports (file_name, at, mapping, added, updated, skipped, rejected, actor)
             VALUES (?1, ?2, ?3, 0, 0, 0, ?4, ?5)",
            params![
                plan.file_name,
                now,
                serde_json::to_string(&plan.mapping).unwrap_or_default(),
                plan.rejected.len() as i64,
                self.actor
            ],
        )?;
        let import_id = tx.last_insert_rowid();
        let mut taken = Taken::default();
        {
            let mut stmt = tx.prepare("SELECT scheme, value, group_id FROM group_identifiers")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let group = r.get(2)?;
                taken
                    .saved
                    .insert(r.get(0)?, r.get(1)?, Holder { group, row: None });
            }
        }
        let mut summary = ImportSummary {
            import_id: None,
            read: plan.read,
            added: 0,
            updated: 0,
            unchanged: 0,
            skipped: 0,
            rejected: plan.rejected.clone(),
        };
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut group_of_row: HashMap<usize, i64> = HashMap::new();
        let mut new_groups = NewGroups::new(&tx, &now)?;
        let mut any_update = false;
        // Rows refused while saving: a later row that matched one of them has no group to update.
        let mut refused_rows: HashSet<usize> = HashSet::new();
        let total = plan.rows.len();
        let fields = file_fields(&plan.mapping);
        for (i, r) in plan.rows.iter().enumerate() {
            let row = r.line.row;
            if let Some(Match {
                target: MatchTarget::Row { row: earlier },
                ..
            }) = &r.matched
            {
                if refused_rows.contains(earlier) && choices.for_row(r) == Choice::Update {
                    // Not added as a group of its own: it was chosen as the same group as that
                    // row, which is not coming in.
                    let reason = format!(
                        "it matches row {earlier}, which was not imported: import or skip the two rows together"
                    );
                    summary.rejected.push(refused_row(
                        r,
                        cell_problem(row, name_column(&plan.mapping), reason),
                    ));
                    refused_rows.insert(row);
                    continue;
                }
            }
            let target = match &r.matched {
                Some(Match {
                    target: MatchTarget::Group { id },
                    ..
                }) => Some(*id),
                Some(Match {
                    target: MatchTarget::Row { row },
                    ..
                }) => group_of_row.get(row).copied(),
                None => None,
            };
            match (choices.for_row(r), target) {
                (Choice::Skip, t) => {
                    summary.skipped += 1;
                    if let Some(t) = t {
                        group_of_row.insert(row, t);
                    }
                }
                (Choice::Update, Some(id)) => {
                    // The group may be one this import has just added.
                    new_groups.flush()?;
                    let exact = r.edit.is_some().then_some(fields.as_slice());
                    match self.update_from(&tx, id, &r.line, exact)? {
                        Updated::Changed(before, identifiers) => {
                            any_update = true;
                            // A number the group had keeps the row it came with (or none); one new
                            // to it is this row's.
                            for ident in identifiers {
                                if taken.get(&ident.scheme, &ident.value).is_none() {
                                    let holder = Holder {
                                        group: id,
                                        row: Some(row),
                                    };
                                    taken.saved.insert(ident.scheme, ident.value, holder);
                                }
                            }
                            // A group this import added stays added (undo removes it), but with
                            // a row of its own, since its updated time is no longer the import's.
                            let added_here = new_groups
                                .added_range()
                                .is_some_and(|(from, to)| (from..=to).contains(&id));
                            if added_here {
                                record_change(&tx, import_id, id, "added", row, None)?;
                            } else {
                                record_change(&tx, import_id, id, "updated", row, Some(&before))?;
                            }
                            group_of_row.insert(row, id);
                            summary.updated += 1;
                        }
                        Updated::Unchanged => {
                            group_of_row.insert(row, id);
                            summary.unchanged += 1;
                        }
                        Updated::Refused(mut p) => problems.append(&mut p),
                    }
                }
                (Choice::New | Choice::Update, _) => {
                    let clash = r
                        .line
                        .input
                        .identifiers
                        .iter()
                        .enumerate()
                        .find_map(|(n, i)| taken.get(&i.scheme, &i.value).map(|g| (n, i, g)));
                    if let Some((_, ident, holder)) = clash {
                        // Numbers are a group's own, so this row cannot be a second group: it is
                        // refused on its own, and the other rows go in.
                        let refusal = match holder.row {
                            Some(row) => NumberTaken::OnEarlierRow {
                                scheme: ident.scheme.clone(),
                                value: ident.value.clone(),
                                row,
                            },
                            None => NumberTaken::OfGroup {
                                scheme: ident.scheme.clone(),
                                value: ident.value.clone(),
                                name: tx
                                    .prepare_cached("SELECT name FROM groups WHERE id = ?1")?
                                    .query_row([holder.group], |g| g.get::<_, String>(0))
                                    .map(|n| shown_name(&n))?,
                                id: holder.group,
                            },
                        };
                        summary.rejected.push(refused_row(
                            r,
                            cell_problem(
                                row,
                                number_column(&plan.mapping, &ident.scheme),
                                refusal.to_string(),
                            ),
                        ));
                        refused_rows.insert(row);
                        continue;
                    }
                    let id = new_groups.add(&r.line.input)?;
                    for ident in &r.line.input.identifiers {
                        let holder = Holder {
                            group: id,
                            row: Some(row),
                        };
                        taken.added.insert((&ident.scheme, &ident.value), holder);
                    }
                    group_of_row.insert(row, id);
                    summary.added += 1;
                }
            }
            if (i + 1) % 1000 == 0 {
                progress(Progress {
                    stage: Stage::Saving,
                    done: i + 1,
                    total,
                });
            }
        }
        progress(Progress {
            stage: Stage::Saving,
            done: total,
            total,
        });
        if !problems.is_empty() {
            return Err(CoreError::Invalid(problems)); // the transaction rolls back
        }
        // Rows refused while saving join those refused when checked, in file order.
        summary.rejected.sort_by_key(|r| r.row);
        if summary.added + summary.updated == 0 {
            return Ok(summary);
        }
        new_groups.flush()?;
        let added = new_groups.added_range();
        drop(new_groups);
        // The groups in the added range keep the import's time as their updated time until
        // changed; an update gives a group a later one, which undo must expect.
        if any_update {
            tx.execute(
                "UPDATE import_changes SET after_updated_at =
                   (SELECT updated_at FROM groups WHERE id = import_changes.group_id)
                 WHERE import_id = ?1",
                [import_id],
            )?;
        }
        tx.execute(
            "UPDATE imports SET added = ?1, updated = ?2, skipped = ?3, added_from = ?4, added_to = ?5,
               rejected = ?7, read = ?8, unchanged = ?9
             WHERE id = ?6",
            params![
                summary.added as i64,
                summary.updated as i64,
                summary.skipped as i64,
                added.map(|r| r.0),
                added.map(|r| r.1),
                import_id,
                summary.rejected.len() as i64,
                summary.read as i64,
                summary.unchanged as i64
            ],
        )?;
        // A copy to go back to (issue: trust), of the directory as it was before these rows.
        self.backup_before_import(super::backup::ImportTable::Groups, import_id)?;
        tx.commit()?;
        summary.import_id = Some(import_id);
        Ok(summary)
    }

    /// Takes a whole import back in one step: groups it added are removed, groups it updated
    /// are put back as they were.
    ///
    /// # Errors
    /// `NotFound` for an unknown import; `Conflict` (nothing changed) when it was undone already,
    /// or a group it touched has been changed since or now holds a seat.
    pub fn undo_import(&self, id: i64) -> Result<UndoSummary> {
        type Record = (String, String, Option<String>, Option<i64>, Option<i64>);
        let (file_name, at, undone_at, added_from, added_to): Record = self
            .conn
            .query_row(
                "SELECT file_name, at, undone_at, added_from, added_to FROM imports WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?
            .ok_or(CoreError::NotFound { what: "import", id })?;
        if let Some(undone) = undone_at {
            return Err(CoreError::Conflict(format!(
                "the import of {file_name} was already undone on {}",
                super::import_history::time_in_words(&undone)
            )));
        }
        // The groups it added, by id (imports made before migration 10 have none here).
        let added = added_from.zip(added_to);
        let tx = self.conn.unchecked_transaction()?;
        let changes: Vec<Change> = tx
            .prepare(
                "SELECT c.group_id, c.action, c.before, c.after_updated_at, g.updated_at, g.name,
                        EXISTS (SELECT 1 FROM appointments a WHERE a.group_id = c.group_id)
                 FROM import_changes c LEFT JOIN groups g ON g.id = c.group_id
                 WHERE c.import_id = ?1 ORDER BY c.row DESC",
            )?
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut refusals = Vec::new();
        // Merges to undo before this import can be (a group it added or updated was merged into
        // another, or had another merged into it), latest first.
        let mut merges: Vec<i64> = Vec::new();
        if let Some(range) = added {
            let with_rows: HashSet<i64> = changes.iter().map(|c| c.0).collect();
            refusals.extend(range_refusals(&tx, range, &at, &with_rows, &mut merges)?);
        }
        for (group_id, action, _, after, now, name, seated) in &changes {
            match now {
                None => refusals.push(gone_refusal(&tx, *group_id, &mut merges)?),
                Some(n) => {
                    let name = name.clone().unwrap_or_else(|| "a group".into());
                    refusals.extend(refusal(
                        &tx,
                        *group_id,
                        &name,
                        n,
                        after,
                        action == "added" && *seated,
                        &mut merges,
                    )?)
                }
            }
        }
        if !refusals.is_empty() {
            merges.sort_unstable_by(|a, b| b.cmp(a));
            merges.dedup();
            let advice = match merges.as_slice() {
                [] => String::new(),
                m => format!(". Undo {} first.", super::merge::merges_in_order(m)),
            };
            return Err(CoreError::Conflict(format!(
                "the import of {file_name} cannot be undone: {}{advice}",
                refusals.join("; ")
            )));
        }
        let mut summary = UndoSummary {
            removed: 0,
            restored: 0,
        };
        for (group_id, action, before, ..) in changes {
            if action == "added" {
                tx.execute("DELETE FROM groups WHERE id = ?1", [group_id])?;
                summary.removed += 1;
            } else if let Some(before) = before {
                let input: GroupInput = serde_json::from_str(&before).map_err(|e| {
                    CoreError::Conflict(format!(
                        "the import's record of a group is unreadable ({e})"
                    ))
                })?;
                save_group_in(&tx, input, false)?;
                // Back as it was, so back to when it was last changed: an earlier import that
                // left it so can be undone in turn (records made before this was kept have none).
                let updated_at_before = serde_json::from_str::<serde_json::Value>(&before)
                    .ok()
                    .and_then(|v| v.get("updated_at_before")?.as_str().map(str::to_string));
                if let Some(at) = updated_at_before {
                    tx.execute(
                        "UPDATE groups SET updated_at = ?1 WHERE id = ?2",
                        params![at, group_id],
                    )?;
                }
                summary.restored += 1;
            }
        }
        if let Some((from, to)) = added {
            // Those with rows of their own are gone already; the rest go in one statement.
            summary.removed +=
                tx.execute("DELETE FROM groups WHERE id BETWEEN ?1 AND ?2", [from, to])?;
        }
        tx.execute(
            "UPDATE imports SET undone_at = ?1 WHERE id = ?2",
            params![now_utc(), id],
        )?;
        tx.commit()?;
        Ok(summary)
    }

    /// Every import, newest first.
    pub fn imports(&self) -> Result<Vec<ImportRecord>> {
        Ok(self
            .conn
            .prepare(
                "SELECT id, file_name, at, added, updated, skipped, rejected, undone_at, actor,
                        read, unchanged
                 FROM imports ORDER BY id DESC",
            )?
            .query_map([], |r| {
                Ok(ImportRecord {
                    id: r.get(0)?,
                    file_name: r.get(1)?,
                    at: r.get(2)?,
                    added: r.get(3)?,
                    updated: r.get(4)?,
                    skipped: r.get(5)?,
                    rejected: r.get(6)?,
                    undone_at: r.get(7)?,
                    actor: r.get(8)?,
                    read: r.get(9)?,
                    unchanged: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The built-in mappings, then those saved by users, by name.
    pub fn mappings(&self) -> Result<Vec<NamedMapping>> {
        let mut all = mapping::built_in();
        let saved: Vec<(String, String)> = self
            .conn
            .prepare("SELECT name, mapping FROM import_mappings ORDER BY name")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, json) in saved {
            if let Ok(mapping) = serde_json::from_str(&json) {
                all.push(NamedMapping {
                    name,
                    mapping,
                    built_in: false,
                });
            }
        }
        Ok(all)
    }

    /// A mapping by its name (any case).
    ///
    /// # Errors
    /// `Invalid` naming the mappings there are when there is none by that name.
    pub fn mapping_named(&self, name: &str) -> Result<Mapping> {
        let all = self.mappings()?;
        all.iter()
            .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
            .map(|m| m.mapping.clone())
            .ok_or_else(|| {
                CoreError::Invalid(vec![FieldProblem::new(
                    "mapping",
                    format!(
                        "there is no mapping called \"{name}\" (there are: {})",
                        all.iter()
                            .map(|m| m.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )])
            })
    }

    /// Saves a mapping under a name for next time, replacing a saved one of that name.
    ///
    /// # Errors
    /// `Invalid` when the name is empty or is a built-in mapping's.
    pub fn save_mapping(&self, name: &str, mapping: &Mapping) -> Result<()> {
        let name = crate::domain::group::tidy(name);
        if name.is_empty() {
            return Err(CoreError::Invalid(vec![FieldProblem::new(
                "name",
                "Enter a name for the mapping",
            )]));
        }
        if mapping::built_in()
            .iter()
            .any(|m| m.name.eq_ignore_ascii_case(&name))
        {
            return Err(CoreError::Invalid(vec![FieldProblem::new(
                "name",
                format!("{name} is a mapping that comes with the app: choose another name"),
            )]));
        }
        self.conn.execute(
            "INSERT INTO import_mappings (name, mapping, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at",
            params![
                name,
                serde_json::to_string(mapping).unwrap_or_default(),
                now_utc()
            ],
        )?;
        Ok(())
    }

    fn import_lookups(&self) -> Result<Lookups> {
        let reference = self.reference_data()?;
        let mut l = Lookups::default();
        for w in &reference.wards {
            l.wards_by_name
                .entry(crate::import::groups::ward_key(&w.name))
                .or_default()
                .push(w.id);
            l.wards_by_code.insert(w.code.to_uppercase(), w.id);
            l.ward_districts.insert(w.id, w.district.clone());
        }
        for c in &reference.categories {
            l.categories.insert(c.name.to_lowercase(), c.id);
        }
        (l.faith_category, l.bme_category) = self.faith_and_bme_categories()?;
        Ok(l)
    }

    fn existing_for_matching(&self) -> Result<Existing> {
        let mut e = Existing {
            names: HashMap::new(),
            by_ident: ByNumber::default(),
            registers: HashMap::new(),
            by_key: HashMap::new(),
            keys: HashMap::new(),
            by_postcode: HashMap::new(),
            by_ward: HashMap::new(),
            places: HashMap::new(),
        };
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, postcode, ward_id FROM groups")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let name: String = r.get(1)?;
            let postcode: String = r.get(2)?;
            let ward: Option<i64> = r.get(3)?;
            e.add_key(id, &name);
            e.names.insert(id, shown_name(&name));
            if !postcode.is_empty() {
                e.by_postcode.entry(postcode.clone()).or_default().push(id);
            }
            if let Some(w) = ward {
                e.by_ward.entry(w).or_default().push(id);
            }
            e.places.insert(id, (postcode, ward));
        }
        let mut stmt = self
            .conn
            .prepare("SELECT group_id, name FROM group_other_names")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            e.add_key(r.get(0)?, &r.get::<_, String>(1)?);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT group_id, scheme, value FROM group_identifiers")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (group, scheme, value): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if is_register(&scheme) {
                e.registers.entry(group).or_default().push(Identifier {
                    scheme: scheme.clone(),
                    value: value.clone(),
                });
            }
            e.by_ident.insert(scheme, value, group);
        }
        Ok(e)
    }

    /// Brings group `id` up to date with a row (`updated_group`; `exact` holds the file's fields
    /// for a row that is an edit of its own group). The outer `Result` is the database failing.
    fn update_from(
        &self,
        tx: &Transaction,
        id: i64,
        line: &GroupLine,
        exact: Option<&[Field]>,
    ) -> Result<Updated> {
        let (before, updated_at_before) = match self.get_group(id) {
            Ok(g) => (g.input, g.updated_at),
            Err(CoreError::NotFound { .. }) => {
                return Ok(Updated::Refused(vec![cell_problem(
                    line.row,
                    "name",
                    format!("the group it matched (number {id}) has been removed since the file was checked: check the file again"),
                )]))
            }
            Err(e) => return Err(e),
        };
        let merged = match exact {
            Some(fields) => {
                let categories = self.faith_and_bme_categories()?;
                updated_group(&before, line, fields, true, categories)
            }
            None => updated_group(&before, line, &line.present, false, (None, None)),
        };
        // A row that brings nothing new is not an update: saving it anyway would count it as one
        // and move the group's updated time, which an earlier import's undo checks.
        if same_group(&before, &merged) {
            return Ok(Updated::Unchanged);
        }
        let identifiers = merged.identifiers.clone();
        match save_group_in(tx, merged, false) {
            Ok(_) => Ok(Updated::Changed(
                Box::new(Before {
                    input: before,
                    updated_at_before,
                }),
                identifiers,
            )),
            Err(CoreError::Invalid(found)) => Ok(Updated::Refused(
                found
                    .into_iter()
                    .map(|p| cell_problem(line.row, &p.field, p.message))
                    .collect(),
            )),
            Err(e) => Err(e),
        }
    }
}

/// The fields a row sets the same way cautiously and exactly: the file's value replaces the
/// group's (cautiously only filled cells are in `fields`, so an empty one changes nothing).
macro_rules! plain_fields {
    () => {
        Field::Address
            | Field::Postcode
            | Field::Ward
            | Field::Email
            | Field::Phone
            | Field::Website
            | Field::Activities
            | Field::Status
            | Field::LastChecked
            | Field::LastCheckedBy
            | Field::Interest
            | Field::Enterprise
            | Field::Bme
    };
}

/// Sets one of `plain_fields!` as the row has it.
fn set_plain(merged: &mut GroupInput, new: &GroupInput, field: Field) {
    match field {
        Field::Address => merged.address = new.address.clone(),
        Field::Postcode => merged.postcode = new.postcode.clone(),
        Field::Ward => merged.ward_id = new.ward_id,
        Field::Email => merged.email = new.email.clone(),
        Field::Phone => merged.phone = new.phone.clone(),
        Field::Website => merged.website = new.website.clone(),
        Field::Activities => merged.activities = new.activities.clone(),
        Field::Status => merged.status = new.status,
        Field::LastChecked => merged.last_checked = new.last_checked.clone(),
        Field::LastCheckedBy => merged.last_checked_by = new.last_checked_by.clone(),
        Field::Interest => merged.interest = new.interest.clone(),
        Field::Enterprise => merged.enterprise = new.enterprise,
        Field::Bme => {
            merged.bme_led = new.bme_led;
            merged.bme_serving = new.bme_serving;
        }
        // Not a plain field: the callers set the others their own way.
        _ => {}
    }
}

/// A group brought up to date with a row. Cautiously (a funder's or register's file, or a row
/// not matched by its own id): the row's filled cells (`fields`, those it filled) replace what
/// is recorded, lists (other names, numbers, categories, wards served) gain the row's, and the
/// name is kept, the row's spelling becoming another name. Exactly (`exact`: a row of the
/// directory's own export matched to the group with its id; `fields`, every field the file
/// has): each field is set as the row has it, an empty cell clearing it, lists set to the row's
/// and the name to the row's. Feature answers the row repeats keep their evidence either way;
/// `categories` (faith, BME) are kept ticked exactly as they were, since the export counts a
/// faith or BME group for them without a tick.
fn updated_group(
    before: &GroupInput,
    line: &GroupLine,
    fields: &[Field],
    exact: bool,
    categories: (Option<i64>, Option<i64>),
) -> GroupInput {
    let mut merged = before.clone();
    let new = &line.input;
    if exact {
        for field in fields {
            set_exactly(&mut merged, new, *field, categories);
        }
        return merged;
    }
    for field in fields {
        match field {
            Field::Name => add_other_name(&mut merged, &new.name),
            Field::OtherNames => {
                for name in &new.other_names {
                    add_other_name(&mut merged, name);
                }
            }
            Field::CharityNumber | Field::CompanyNumber | Field::OrgId => {
                for i in &new.identifiers {
                    if !merged.identifiers.contains(i) {
                        merged.identifiers.push(i.clone());
                    }
                }
            }
            f @ plain_fields!() => set_plain(&mut merged, new, *f),
            // A file sets a class only where its features would not suggest it (`read_row`
            // leaves one that would unset: a groups export writes the class in force, most
            // often just the suggestion), so a class staff set stays unless the file sets
            // another; the same class keeps the reason staff gave for it.
            Field::Class => {
                if let Some(c) = new
                    .class_override
                    .filter(|c| merged.class_override != Some(*c))
                {
                    merged.class_override = Some(c);
                    merged.class_override_reason = new.class_override_reason.clone();
                }
            }
            Field::CommunityFeatures | Field::VoluntaryFeatures => {
                for f in &new.features {
                    match merged.features.iter_mut().find(|m| m.number == f.number) {
                        // The same answer keeps the evidence recorded for it (files have none).
                        Some(m) if m.side == f.side => {}
                        Some(m) => *m = f.clone(),
                        None => merged.features.push(f.clone()),
                    }
                }
            }
            Field::FaithGroup => {
                merged.faith = new.faith;
                if !new.faith_name.is_empty() {
                    merged.faith_name = new.faith_name.clone();
                }
            }
            Field::CategoriesServed => merged.category_ids.extend(&new.category_ids),
            // `read_row` puts the reason with the class it explains, set under Class.
            Field::ClassReason => {}
            Field::WardsServed => merged.place_ward_ids.extend(&new.place_ward_ids),
            // Another directory's id: it only keeps the file's rows apart.
            Field::ExportId => {}
        }
    }
    merged
}

/// Sets one field of a group as a row of its own export has it (see `updated_group`).
fn set_exactly(
    merged: &mut GroupInput,
    new: &GroupInput,
    field: Field,
    (faith_cat, bme_cat): (Option<i64>, Option<i64>),
) {
    match field {
        Field::Name => merged.name = new.name.clone(),
        Field::OtherNames => merged.other_names = new.other_names.clone(),
        // The numbers are in two or three columns, all read into one list.
        Field::CharityNumber | Field::CompanyNumber | Field::OrgId => {
            merged.identifiers = kept_order(&merged.identifiers, &new.identifiers)
        }
        // Status is never empty here: a row of an edit with no status is rejected (`plan_edits`).
        f @ plain_fields!() => set_plain(merged, new, f),
        // The export writes the class in force: the same class in force (with the row's
        // answers) leaves what staff set as it was, bar a reason edited in the file; another
        // sets the file's (a class the answers suggest clears the one staff set).
        Field::Class => {
            let suggested =
                |g: &GroupInput| crate::domain::classification::suggest(&g.answers()).class;
            let in_force = |g: &GroupInput| g.class_override.unwrap_or_else(|| suggested(g));
            let mut with_answers = merged.clone();
            with_answers.features = new.features.clone();
            if in_force(&with_answers) == in_force(new) {
                if new.class_override.is_some() {
                    merged.class_override_reason = new.class_override_reason.clone();
                }
            } else {
                merged.class_override = new.class_override;
                merged.class_override_reason = new.class_override_reason.clone();
            }
        }
        Field::ClassReason => {}
        Field::CommunityFeatures | Field::VoluntaryFeatures => {
            let mut features = Vec::new();
            for m in &merged.features {
                match new.features.iter().find(|f| f.number == m.number) {
                    // The same answer keeps its evidence (files have none).
                    Some(f) if f.side == m.side => features.push(m.clone()),
                    Some(f) => features.push(f.clone()),
                    // An answer the file leaves out is no longer known; evidence without an
                    // answer, which the file cannot show, stays.
                    None if m.side.is_some() => {}
                    None => features.push(m.clone()),
                }
            }
            for f in &new.features {
                if !features.iter().any(|m| m.number == f.number) {
                    features.push(f.clone());
                }
            }
            merged.features = features;
        }
        Field::FaithGroup => {
            merged.faith = new.faith;
            merged.faith_name = new.faith_name.clone();
        }
        Field::CategoriesServed => {
            let ticked_anyway = |c: &i64| {
                (Some(*c) == faith_cat && new.faith)
                    || (Some(*c) == bme_cat && (new.bme_led || new.bme_serving))
            };
            let mut wanted = new.category_ids.clone();
            wanted.extend(merged.category_ids.iter().copied().filter(ticked_anyway));
            merged.category_ids = kept_order(&merged.category_ids, &wanted);
        }
        Field::WardsServed => {
            merged.place_ward_ids = kept_order(&merged.place_ward_ids, &new.place_ward_ids)
        }
        Field::ExportId => {}
    }
}

/// The list `new` says, in the order `old` had the items it keeps, new ones after: the export
/// writes numbers by column and wards by name, so an unchanged row must not reorder the group's.
fn kept_order<T: PartialEq + Clone>(old: &[T], new: &[T]) -> Vec<T> {
    let mut list: Vec<T> = old.iter().filter(|o| new.contains(o)).cloned().collect();
    for n in new {
        if !list.contains(n) {
            list.push(n.clone());
        }
    }
    list
}

/// The group a row is an edit of: in a round trip, the group it matched when that group's id
/// is the row's own.
fn own_group(r: &PlannedRow) -> Option<i64> {
    match r.matched.as_ref()?.target {
        MatchTarget::Group { id } if r.line.export_id == Some(id) => Some(id),
        _ => None,
    }
}

/// Every field the file's mapping fills, once each.
fn file_fields(mapping: &Mapping) -> Vec<Field> {
    let mut fields: Vec<Field> = mapping.fields().collect();
    fields.sort_unstable();
    fields.dedup();
    fields
}

/// Whether a group and the same group brought up to date by a row would be saved alike: both as
/// saving would write them (`normalise`), feature answers in any order.
fn same_group(before: &GroupInput, after: &GroupInput) -> bool {
    let saved = |g: &GroupInput| {
        let mut g = g.clone();
        g.normalise().ok()?;
        g.features.sort_by_key(|f| f.number);
        Some(g)
    };
    match (saved(before), saved(after)) {
        (Some(a), Some(b)) => a == b,
        // A row that cannot be saved is not "no change": saving says what is wrong.
        _ => false,
    }
}

/// Why a row cannot be added as a new group: one of its registration numbers is already a
/// group's, and two groups cannot share one. The way out is to update that group with the row,
/// or to skip the row.
#[derive(Debug, thiserror::Error)]
enum NumberTaken {
    /// An earlier row of this file brought the number, adding its group or updating one (named
    /// by that row, not the one that added the group: a group added here has no id the user
    /// could look for until the import is saved).
    #[error("{} {value} is already on row {row} of this file, and two groups cannot share a number: import this row as an update of that row's group, or skip it", scheme_words(.scheme))]
    OnEarlierRow {
        scheme: String,
        value: String,
        row: usize,
    },
    #[error("{} {value} already belongs to {name} (group {id}), and two groups cannot share a number: import this row as an update of that group, or skip it", scheme_words(.scheme))]
    OfGroup {
        scheme: String,
        value: String,
        name: String,
        id: i64,
    },
}

/// A row refused while saving, with its cells as the file had them, for the rejected-rows file.
fn refused_row(r: &PlannedRow, problem: FieldProblem) -> RejectedRow {
    RejectedRow {
        row: r.line.row,
        cells: r
            .record
            .as_ref()
            .map(|rec| {
                rec.iter()
                    .map(|c| dialect::clean_cell_borrowed(c).into_owned())
                    .collect()
            })
            .unwrap_or_default(),
        problems: vec![problem],
    }
}

/// The column the group's name came from (the first, when several fill it).
fn name_column(mapping: &Mapping) -> &str {
    mapping
        .columns
        .iter()
        .find(|c| c.field == Field::Name)
        .map_or("name", |c| c.column.as_str())
}

/// The column a registration number of `scheme` came from: the charity number column for the
/// charity registers, the company number column for companies, else the org-id column (which
/// carries any scheme), else whichever number column there is.
fn number_column<'m>(mapping: &'m Mapping, scheme: &str) -> &'m str {
    let wanted = match scheme {
        "GB-CHC" | "GB-SC" | "GB-NIC" => Field::CharityNumber,
        "GB-COH" => Field::CompanyNumber,
        _ => Field::OrgId,
    };
    let column = |pick: &dyn Fn(Field) -> bool| {
        mapping
            .columns
            .iter()
            .find(|c| pick(c.field))
            .map(|c| c.column.as_str())
    };
    column(&|f| f == wanted)
        .or_else(|| column(&|f| f == Field::OrgId))
        .or_else(|| {
            column(&|f| {
                matches!(
                    f,
                    Field::CharityNumber | Field::CompanyNumber | Field::OrgId
                )
            })
        })
        .unwrap_or("identifiers")
}

/// Keeps a spelling of the group's name among its other names, unless the group has it already
/// in all but capitals and spacing (a grants file writes "Friends of john Leigh Park" once among
/// many "Friends of John Leigh Park").
fn add_other_name(group: &mut GroupInput, name: &str) {
    let known = std::iter::once(&group.name)
        .chain(&group.other_names)
        .any(|n| same_but_case_and_spacing(n, name));
    if !known {
        group.other_names.push(name.to_string());
    }
}

impl Existing {
    fn add_key(&mut self, id: i64, name: &str) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        let list = self.by_key.entry(key.clone()).or_default();
        if !list.contains(&id) {
            list.push(id);
        }
        self.keys.entry(id).or_default().push(key);
    }

    /// Whether group `id` is somewhere other than the row (`places_differ`).
    fn elsewhere(&self, input: &GroupInput, id: i64) -> bool {
        self.places.get(&id).is_some_and(|(postcode, ward)| {
            places_differ(&input.postcode, input.ward_id, postcode, *ward)
        })
    }

    fn matched(&self, id: i64, reason: String) -> Option<Match> {
        Some(Match {
            target: MatchTarget::Group { id },
            name: self.names.get(&id).cloned().unwrap_or_default(),
            reason,
        })
    }

    /// The group a row is: one with any of its numbers, else one with its name not in another
    /// place (`places_differ`), else one with a name at least `CLOSE_NAME` alike, with the same
    /// numbers, in its postcode or ward (and not in another postcode). The group whose id is the
    /// row's `export_id` is its own wherever it is now. A group `apart(id)` says is
    /// another (a different number on the same register, or already another export row's) is
    /// never matched by name. Of several groups with the name, the one whose id is the row's
    /// `export_id` is taken first, then one that no other row of the file has as its id
    /// (`spoken_for`), so a groups export of this directory updates each group from its own row
    /// in whatever order the rows come.
    fn find(
        &self,
        input: &GroupInput,
        key: &str,
        export_id: Option<i64>,
        spoken_for: impl Fn(i64) -> bool,
        apart: impl Fn(i64) -> bool,
    ) -> Option<Match> {
        for i in &input.identifiers {
            if let Some(id) = self.by_ident.get(&i.scheme, &i.value) {
                return self.matched(*id, format!("same {} {}", scheme_words(&i.scheme), i.value));
            }
        }
        if let Some(ids) = self.by_key.get(key) {
            let own = export_id.filter(|e| ids.contains(e) && !apart(*e));
            // `min_by_key` keeps the first of equals: the directory's order otherwise.
            let found = own.or_else(|| {
                ids.iter()
                    .copied()
                    .filter(|id| !apart(*id) && !self.elsewhere(input, *id))
                    .min_by_key(|id| spoken_for(*id))
            });
            if let Some(id) = found {
                let reason = match (own.is_some(), ids.len()) {
                    (true, 1) => format!("same name and id {id}"),
                    (true, n) => format!("same name and id {id} ({n} groups have the name)"),
                    (false, 1) => "same name".to_string(),
                    (false, n) => format!("same name ({n} groups have it)"),
                };
                return self.matched(id, reason);
            }
        }
        // The place is put in words only for the match returned: most rows match nothing.
        let mut best: Option<(f64, i64, bool)> = None;
        let mut consider = |ids: Option<&Vec<i64>>, by_postcode: bool| {
            for id in ids
                .into_iter()
                .flatten()
                .filter(|id| !apart(**id) && !self.elsewhere(input, **id))
            {
                for k in self.keys.get(id).into_iter().flatten() {
                    let score = likeness(key, k);
                    if score >= CLOSE_NAME
                        && best.as_ref().is_none_or(|b| score > b.0)
                        && same_numbers(key, k)
                    {
                        best = Some((score, *id, by_postcode));
                    }
                }
            }
        };
        if !input.postcode.is_empty() {
            consider(self.by_postcode.get(&input.postcode), true);
        }
        if let Some(w) = input.ward_id {
            consider(self.by_ward.get(&w), false);
        }
        let (score, id, by_postcode) = best?;
        let place = if by_postcode {
            format!("same postcode {}", input.postcode)
        } else {
            "same ward".to_string()
        };
        self.matched(id, format!("name {:.0}% alike and {place}", score * 100.0))
    }
}

/// Values by registration number (scheme, then number), looked up without copying either.
struct ByNumber<V>(HashMap<String, HashMap<String, V>>);

impl<V> Default for ByNumber<V> {
    fn default() -> Self {
        ByNumber(HashMap::new())
    }
}

impl<V> ByNumber<V> {
    fn get(&self, scheme: &str, value: &str) -> Option<&V> {
        self.0.get(scheme)?.get(value)
    }

    fn insert(&mut self, scheme: String, value: String, v: V) {
        self.0.entry(scheme).or_default().insert(value, v);
    }
}

/// Which group holds each registration number while an import is saved: the directory's, read
/// once, and those the import's rows bring (a new group's borrowed from the plan, not copied).
#[derive(Default)]
struct Taken<'p> {
    saved: ByNumber<Holder>,
    added: HashMap<(&'p str, &'p str), Holder>,
}

/// The group holding a number, and the row of the file that brought it there (`None` for a
/// number the group had before the import): a row refused for the number names that row, which
/// need not be the one that added the group.
#[derive(Debug, Clone, Copy)]
struct Holder {
    group: i64,
    row: Option<usize>,
}

impl Taken<'_> {
    fn get(&self, scheme: &str, value: &str) -> Option<Holder> {
        self.added
            .get(&(scheme, value))
            .or_else(|| self.saved.get(scheme, value))
            .copied()
    }
}

/// Each line's name key and shown name, in order, made on every core.
fn names_in_parallel(lines: &[GroupLine]) -> Vec<(String, String)> {
    crate::parallel::map_in_order(lines, |part| {
        part.iter()
            .map(|l| (name_key(&l.input.name), shown_name(&l.input.name)))
            .collect()
    })
}

/// The group a row will be part of, as far as the plan can tell: a group of the directory, or
/// the one the first of its rows (by place in the lines) will add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Root {
    Group(i64),
    Row(usize),
}

/// No further row with the same name key.
/// In the directory's own export a group has one row: a row with the id of an earlier row is
/// rejected (both would update the group, the later one undoing the earlier's edits unseen),
/// and the earlier row stays.
fn reject_repeated_ids(
    lines: &mut Vec<GroupLine>,
    rejected: &mut Vec<RejectedRow>,
    table: &dialect::RawTable,
    mapping: &Mapping,
) {
    let mut first: HashMap<i64, usize> = HashMap::new();
    let mut repeated = Vec::new();
    lines.retain(|line| {
        let Some(id) = line.export_id else {
            return true;
        };
        match first.get(&id) {
            None => {
                first.insert(id, line.row);
                true
            }
            Some(earlier) => {
                repeated.push((line.row, id, *earlier));
                false
            }
        }
    });
    if repeated.is_empty() {
        return;
    }
    let column = mapping.column_for(Field::ExportId).unwrap_or("id");
    for (row, id, earlier) in repeated {
        let cells = cells_of(table, row);
        let reason = format!(
            "it has id {id}, as row {earlier} has: a group has one row in its export; keep one of them"
        );
        rejected.push(RejectedRow {
            row,
            cells,
            problems: vec![cell_problem(row, column, reason)],
        });
    }
    rejected.sort_by_key(|r| r.row);
}

/// In the directory's own export, a row whose id is a group of this directory with the row's
/// name (or one of its other names) is that group's row. Should one of its numbers be another
/// group's (moved to it from that group's row), it would match and update the wrong group: it
/// is rejected before matching (so it claims no group), naming both.
fn reject_moved_numbers(
    lines: &mut Vec<GroupLine>,
    rejected: &mut Vec<RejectedRow>,
    table: &dialect::RawTable,
    mapping: &Mapping,
    existing: &Existing,
) {
    let mut refused = Vec::new();
    lines.retain(|line| {
        let Some(own) = line.export_id else {
            return true;
        };
        let key = name_key(&line.input.name);
        if !existing.keys.get(&own).is_some_and(|k| k.contains(&key)) {
            return true;
        }
        let Some((number, other)) = line.input.identifiers.iter().find_map(|i| {
            existing
                .by_ident
                .get(&i.scheme, &i.value)
                .filter(|g| **g != own)
                .map(|g| (i, *g))
        }) else {
            return true;
        };
        let name = |id: i64| existing.names.get(&id).cloned().unwrap_or_default();
        let (own_name, other_name) = (name(own), name(other));
        let words = format!(
            "this row has the id of {own_name} (group {own}), but its {} {} is {} (group {other}). \
             To move a number between groups, take it off {other_name} first (import the file \
             without it, or edit the group), then import again",
            scheme_words(&number.scheme),
            number.value,
            possessive(&other_name)
        );
        let column = number_column(mapping, &number.scheme);
        refused.push(RejectedRow {
            row: line.row,
            cells: cells_of(table, line.row),
            problems: vec![cell_problem(line.row, column, words)],
        });
        false
    });
    if !refused.is_empty() {
        rejected.extend(refused);
        rejected.sort_by_key(|r| r.row);
    }
}

/// A matched row of the directory's own export whose id is not its group's (an export of
/// another directory file, where ids differ, or an id changed) is updated cautiously: it says so.
fn note_cautious_rows(plan: &mut ImportPlan) {
    for r in &mut plan.rows {
        if let (Some(own), Some(MatchTarget::Group { id })) = (
            r.line.export_id,
            r.matched.as_ref().map(|m| m.target.clone()),
        ) {
            if own != id {
                r.cautious = Some(format!(
                    "its id {own} is not this group's ({id}): only cells it fills are applied"
                ));
            }
        }
    }
}

/// A row's cells as the file had them, for the rejected-rows file.
fn cells_of(table: &dialect::RawTable, row: usize) -> Vec<String> {
    table
        .rows
        .iter()
        .find(|(r, _)| *r == row)
        .map(|(_, rec)| {
            rec.iter()
                .map(|c| dialect::clean_cell_borrowed(c).into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// "Brink Productions'", "G-Force's".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

const NO_ROW: usize = usize::MAX;

/// Each line's match: a group already in the directory, else the first earlier row of the file
/// with one of its numbers or its name. Earlier rows are found by text borrowed from the lines,
/// so a long file's matching copies nothing it does not return.
///
/// A name is not enough when the two say they are different groups: both have a number on the
/// same register and the numbers differ (two charities called Urmston Musical Theatre), or both
/// are rows of a groups export with different ids. Numbers and ids are compared with everything
/// the row would join: the directory group's numbers, and those and the ids of every earlier row
/// matched to the same group.
fn match_rows(
    existing: &Existing,
    lines: &[GroupLine],
    names: &[(String, String)],
) -> Vec<Option<Match>> {
    let mut by_number: HashMap<(&str, &str), usize> = HashMap::with_capacity(lines.len() * 2);
    // The first and last row with each name key, and each row's next with the same key: a row
    // can pass over earlier rows it is told apart from without a list per name.
    let mut by_key: HashMap<&str, (usize, usize)> = HashMap::with_capacity(lines.len());
    let mut next_same_key: Vec<usize> = vec![NO_ROW; lines.len()];
    let mut roots: Vec<Root> = Vec::with_capacity(lines.len());
    // The register numbers of rows matched to a group or an earlier row (the first on each
    // register), which that group will gain; a row matching nothing keeps its own in its line.
    let mut gathered: HashMap<(Root, &str), &str> = HashMap::new();
    // The export id of the rows joined to each group (`None` once two ids have, by a number), and
    // every export id in the file: both stay empty for a file that is not a groups export.
    let export_ids: HashSet<i64> = lines.iter().filter_map(|l| l.export_id).collect();
    let mut claims: HashMap<Root, Option<i64>> = HashMap::with_capacity(export_ids.len());
    let earlier = |i: usize, reason: String| {
        Some(Match {
            target: MatchTarget::Row { row: lines[i].row },
            name: names[i].1.clone(),
            reason,
        })
    };
    let mut out = Vec::with_capacity(lines.len());
    for (i, (line, (key, _))) in lines.iter().zip(names).enumerate() {
        let input = &line.input;
        let (matched, root) = {
            let numbers_differ = |root: Root| {
                input
                    .identifiers
                    .iter()
                    .filter(|n| is_register(&n.scheme))
                    .any(|n| {
                        let other = |o: &Identifier| o.scheme == n.scheme && o.value != n.value;
                        gathered
                            .get(&(root, n.scheme.as_str()))
                            .is_some_and(|v| *v != n.value)
                            || match root {
                                Root::Group(id) => existing
                                    .registers
                                    .get(&id)
                                    .is_some_and(|list| list.iter().any(other)),
                                Root::Row(r) => lines[r].input.identifiers.iter().any(other),
                            }
                    })
            };
            let ids_differ = |root: Root| {
                line.export_id
                    .is_some_and(|e| claims.get(&root).is_some_and(|c| *c != Some(e)))
            };
            let spoken_for = |id: i64| line.export_id != Some(id) && export_ids.contains(&id);
            if let Some(m) = existing.find(input, key, line.export_id, spoken_for, |id| {
                ids_differ(Root::Group(id)) || numbers_differ(Root::Group(id))
            }) {
                let root = match m.target {
                    MatchTarget::Group { id } => Root::Group(id),
                    MatchTarget::Row { .. } => Root::Row(i),
                };
                (Some(m), root)
            } else if let Some((first, id)) = input.identifiers.iter().find_map(|id| {
                by_number
                    .get(&(id.scheme.as_str(), id.value.as_str()))
                    .map(|first| (*first, id))
            }) {
                let reason = format!(
                    "same {} {} as row {} of this file",
                    scheme_words(&id.scheme),
                    id.value,
                    lines[first].row
                );
                (earlier(first, reason), roots[first])
            } else {
                let mut candidate = by_key.get(key.as_str()).map_or(NO_ROW, |(first, _)| *first);
                let elsewhere = |r: usize| {
                    let other = &lines[r].input;
                    places_differ(
                        &input.postcode,
                        input.ward_id,
                        &other.postcode,
                        other.ward_id,
                    )
                };
                while candidate != NO_ROW
                    && (ids_differ(roots[candidate])
                        || numbers_differ(roots[candidate])
                        || elsewhere(candidate))
                {
                    candidate = next_same_key[candidate];
                }
                if candidate == NO_ROW {
                    (None, Root::Row(i))
                } else {
                    let reason = format!("same name as row {} of this file", lines[candidate].row);
                    (earlier(candidate, reason), roots[candidate])
                }
            }
        };
        if root != Root::Row(i) {
            for n in input.identifiers.iter().filter(|n| is_register(&n.scheme)) {
                gathered
                    .entry((root, n.scheme.as_str()))
                    .or_insert(n.value.as_str());
            }
        }
        if let Some(e) = line.export_id {
            claims
                .entry(root)
                .and_modify(|c| *c = c.filter(|c| *c == e))
                .or_insert(Some(e));
        }
        for id in &input.identifiers {
            by_number.entry((&id.scheme, &id.value)).or_insert(i);
        }
        match by_key.entry(key.as_str()) {
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let last = &mut e.get_mut().1;
                next_same_key[*last] = i;
                *last = i;
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((i, i));
            }
        }
        roots.push(root);
        out.push(matched);
    }
    out
}

/// Why the groups an import added (ids `from` to `to`, at time `at`) cannot all be removed:
/// one changed or seated since, merged into another, or removed. Groups in `with_rows` have
/// their own undo rows and are checked there. Merges to undo first are added to `merges`.
fn range_refusals(
    tx: &Transaction,
    (from, to): (i64, i64),
    at: &str,
    with_rows: &HashSet<i64>,
    merges: &mut Vec<i64>,
) -> Result<Vec<String>> {
    let mut refusals = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT g.id, g.name, g.updated_at,
                EXISTS (SELECT 1 FROM appointments a WHERE a.group_id = g.id)
         FROM groups g WHERE g.id BETWEEN ?1 AND ?2",
    )?;
    let mut rows = stmt.query([from, to])?;
    let mut found = HashSet::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if with_rows.contains(&id) {
            continue;
        }
        found.insert(id);
        let (name, updated): (String, String) = (r.get(1)?, r.get(2)?);
        refusals.extend(refusal(tx, id, &name, &updated, at, r.get(3)?, merges)?);
    }
    // Those no longer there: merged into another group (say which, and the merge), or removed.
    let expected = (from..=to).filter(|id| !with_rows.contains(id)).count();
    let mut removed = expected - found.len();
    let merged_away: Vec<i64> = tx
        .prepare(
            "SELECT DISTINCT merged_id FROM merge_log
             WHERE merged_id BETWEEN ?1 AND ?2 AND undone_at IS NULL ORDER BY merged_id",
        )?
        .query_map([from, to], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in merged_away {
        if found.contains(&id) || with_rows.contains(&id) {
            continue;
        }
        if let Some(words) = merged_refusal(tx, id, merges)? {
            refusals.push(words);
            removed -= 1;
        }
    }
    match removed {
        0 => {}
        1 => refusals.push("a group it added has been removed since the import".into()),
        n => refusals.push(format!(
            "{n} groups it added have been removed since the import"
        )),
    }
    Ok(refusals)
}

/// A group the import touched that is no longer in the directory: merged into another (which,
/// and by which merge), or removed.
fn gone_refusal(tx: &Transaction, id: i64, merges: &mut Vec<i64>) -> Result<String> {
    Ok(match merged_refusal(tx, id, merges)? {
        Some(words) => words,
        None => "a group it touched has been removed since the import".into(),
    })
}

/// "Kersal Mums (group 12) was merged into Kersal Mums Group (group 4) by merge 3", when group
/// `id` went into another by a merge not undone; its merges are added to `merges`.
fn merged_refusal(tx: &Transaction, id: i64, merges: &mut Vec<i64>) -> Result<Option<String>> {
    let Some(m) = super::merge::merged_into(tx, id)? else {
        return Ok(None);
    };
    let name: String = tx.query_row(
        "SELECT merged_name FROM merge_log WHERE id = ?1",
        [m.steps[0].0],
        |r| r.get(0),
    )?;
    merges.extend(m.to_undo());
    Ok(Some(format!(
        "{} (group {id}) was {}",
        shown_name(&name),
        m.words()
    )))
}

/// Why undo must leave a group the import touched: changed since (its updated time is no longer
/// the one the import left), by a merge that took another group into it (named, and the merge
/// added to `merges`) or otherwise, or, for one it added, now seated.
fn refusal(
    tx: &Transaction,
    id: i64,
    name: &str,
    updated: &str,
    left_at: &str,
    added_and_seated: bool,
    merges: &mut Vec<i64>,
) -> Result<Option<String>> {
    // Words a user reads: the names as shown.
    let name = &shown_name(name);
    // A merge since the import that took another group into this one: the merge sets the kept
    // group's updated time to its own, which may be the import's second, so it is looked up.
    let merge: Option<(i64, i64, String, String)> = tx
        .query_row(
            "SELECT id, merged_id, merged_name, at FROM merge_log
             WHERE kept_id = ?1 AND at >= ?2 AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
            params![id, left_at],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(match merge {
        Some((merge, merged_id, merged, at)) if updated == at || updated == left_at => {
            merges.push(merge);
            Some(format!("{} (group {merged_id}) was merged into {name} (group {id}) by merge {merge}, after the import", shown_name(&merged)))
        }
        _ if updated != left_at => Some(format!(
            "{name} was changed after the import (on {}); undoing would lose that change",
            super::import_history::time_in_words(updated)
        )),
        _ if added_and_seated => Some(format!(
            "{name} now has a representative on a seat; end that appointment first"
        )),
        _ => None,
    })
}

/// A file with no table to read; the caller, who knows the file's name, adds it (`about_file`).
fn file_problem(problem: dialect::FileProblem) -> CoreError {
    CoreError::ImportFile {
        file: None,
        problem,
    }
}

fn record_change(
    tx: &Transaction,
    import_id: i64,
    group_id: i64,
    action: &str,
    row: usize,
    before: Option<&Before>,
) -> Result<()> {
    // A group updated twice by one import keeps the first "before" (and an added one stays added).
    tx.prepare_cached(
        "INSERT INTO import_changes (import_id, group_id, action, row, before, after_updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, '') ON CONFLICT (import_id, group_id) DO NOTHING",
    )?
    .execute(params![
        import_id,
        group_id,
        action,
        row as i64,
        before.map(|b| serde_json::to_string(b).unwrap_or_default())
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_summary_of_one_row_says_row() {
        let summary = |read| ImportSummary {
            import_id: None,
            read,
            added: 1,
            updated: 0,
            unchanged: 0,
            skipped: 0,
            rejected: Vec::new(),
        };
        assert!(summary(1).to_string().starts_with("read 1 row: 1 added"));
        assert!(summary(2).to_string().starts_with("read 2 rows: 1 added"));
    }

    #[test]
    fn spellings_of_one_name_share_a_key() {
        assert_eq!(name_key("G- Force"), name_key("G-Force"));
        assert_eq!(name_key("G Force"), name_key("G-Force"));
        assert_eq!(name_key("St. John's Centre"), name_key("St Johns Centre"));
        assert_eq!(name_key("Blue Sci CIC"), name_key("Bluesci"));
        assert_ne!(name_key("Age UK Salford"), name_key("Age UK Trafford"));
    }

    #[test]
    fn close_names_are_alike_and_different_ones_are_not() {
        let a = name_key("Trafford African & Caribbean Over 50's Club");
        let b = name_key("Trafford African and Caribbean Over 50s Social Club");
        assert!(likeness(&a, &b) >= CLOSE_NAME, "{}", likeness(&a, &b));
        let c = name_key("Trafford Carers Centre");
        assert!(likeness(&a, &c) < CLOSE_NAME);
        assert!(same_numbers(&a, &b), "50 in both");
    }

    #[test]
    fn names_alike_but_for_a_number_hold_different_numbers() {
        for (a, b) in [
            ("4th Sale Scout Group", "5th Sale Scout Group"),
            ("4th Sale Scout Group", "14th Sale Scout Group"),
            ("Flixton Under 11s Football", "Flixton Under 13s Football"),
            ("Sale Sharks Girls U12", "Sale Sharks Girls U16"),
            ("1st Sale Scout Group", "Sale Scout Group"),
        ] {
            let (a, b) = (name_key(a), name_key(b));
            assert!(!same_numbers(&a, &b), "{a} / {b}");
        }
        assert!(same_numbers(
            &name_key("14th Sale Scout Group"),
            &name_key("14TH SALE SCOUT GROUP")
        ));
        assert!(same_numbers(
            &name_key("Sale Scouts"),
            &name_key("Sale Scout Group")
        ));
    }
}
