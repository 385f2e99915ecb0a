//! The core's typed errors. Messages are written for the person using the app: they say what is
//! wrong and where, never leak SQL, and hold no personal data beyond what the user just typed.

use serde::{Deserialize, Serialize};

/// One field of a form that was refused, and why. `field` uses the input's own key
/// (`postcode`, `identifiers[0].value`, `features[3].evidence`) so the UI can put it beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The input was refused; nothing was saved.
    #[error("{}", summarise(.0))]
    Invalid(Vec<FieldProblem>),

    #[error("{what} {id} does not exist (it may have been removed)")]
    NotFound { what: &'static str, id: i64 },

    /// A new group from the group form has the name of a group already in the directory (folded
    /// as the duplicate scan folds names) and nothing says they are in different places. Nothing
    /// was saved; the form may save it anyway when the user says it is another group.
    #[error("{}", likely_duplicate_sentence(.0))]
    LikelyDuplicate(Vec<crate::domain::group::LikelyDuplicate>),

    /// A rule across records refused the change (a duplicate identifier, say).
    #[error("{0}")]
    Conflict(String),

    #[error(
        "this directory file was written by a newer version of Compact Directory (schema {found}; \
         this version understands up to {supported}). It has not been changed: open it with the newer version"
    )]
    TooNew { found: i64, supported: i64 },

    #[error("the database does not hold the setting it needs ({pragma} is {found}, expected {expected})")]
    Pragma {
        pragma: &'static str,
        found: String,
        expected: String,
    },

    /// A file given to import has no table to read: it is empty, a spreadsheet workbook rather
    /// than CSV, or not text at all. `file` is its name where the caller knows it (an edge adds
    /// it with `about_file`); the message then starts with it: "grants.xlsx is not a text file".
    #[error("{} {problem}", file.as_deref().unwrap_or("the file"))]
    ImportFile {
        file: Option<String>,
        problem: crate::import::dialect::FileProblem,
    },

    #[error("the seed data file {file} is not valid: {reason}")]
    Seed { file: String, reason: String },

    /// A file or folder could not be read or written. `doing` is what was being done with it,
    /// in words that follow "could not" ("read the file to import", "write to"), so the message
    /// says what the path is for and never calls an import file the directory file.
    #[error("could not {doing} {path}: {}", in_words(.source))]
    Io {
        doing: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },

    /// The path names a file that is not a Compact Directory file at all (a CSV given to
    /// `--db` by mistake, another program's database); it is left exactly as it was.
    #[error(
        "{path} is not a Compact Directory file ({why}): nothing was changed. Give the path of the directory file with --db (or COMPACTDIR_DB)"
    )]
    NotADirectoryFile { path: String, why: &'static str },

    /// The path names a folder; the directory file must be a file in it.
    /// The window asks before writing over a file; the command line writes over it.
    #[error("{path} already exists: replace it, or choose another name")]
    Exists { path: String },

    #[error(
        "{path} is a folder, not a directory file: give the path of a file (a new one is made if it does not exist)"
    )]
    Folder { path: String },

    /// A command that only reads was given a path with no file: a mistyped `--db` would
    /// otherwise make an empty directory and report on it as if it were the real one.
    #[error(
        "there is no directory file at {path}, so there is nothing to read: check the path given with --db (or COMPACTDIR_DB). A new directory file is made only by a command that adds to it, such as import or demo load"
    )]
    NoDirectoryFile { path: String },

    /// The file failed SQLite's check on open and was moved aside (never deleted).
    #[error(
        "the directory file {path} is damaged ({problem}). It has been moved to {moved_to} (with its -wal and -shm files) and nothing was deleted. {advice}"
    )]
    Damaged {
        path: String,
        problem: String,
        moved_to: String,
        advice: String,
    },

    #[error(
        "the directory file {path} is already open in another copy of Compact Directory. Use that window, or close it and try again"
    )]
    Locked { path: String },

    #[error(
        "the disk holding the directory file is full, so nothing was saved and the directory is as it was. Free some space on that disk and try again"
    )]
    DiskFull,

    /// Every change is made in one transaction, so a refused one leaves nothing half done; the
    /// message says so, as users asked after a "database is locked" (it was byte-identical).
    /// Not of a damaged file, though: that is not "as it was" (`storage_sentence`).
    #[error("{}", storage_sentence(.0))]
    Storage(rusqlite::Error),

    /// A record could not be turned to or from the form the audit trail keeps.
    #[error("a record could not be read for the audit trail: {0}")]
    Record(#[from] serde_json::Error),

    /// A district's wards were not removed: groups, seats or a merge that can be undone still
    /// use some of them.
    #[error("{}", wards_in_use_sentence(.0))]
    WardsInUse(WardsInUse),

    /// No ward in the list is in the district named.
    #[error(
        "there are no wards in the district {district} (the ward list's districts are: {})",
        if known.is_empty() { "none".to_string() } else { known.join(", ") }
    )]
    NoSuchDistrict {
        district: String,
        known: Vec<String>,
    },
}

/// What still uses a district's wards, for the refusal to remove them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WardsInUse {
    /// The district as the ward list names it ("" for wards with no district).
    pub district: String,
    /// How many of its wards are used.
    pub wards: usize,
    pub groups: usize,
    pub seats: usize,
    /// Merges not yet undone whose saved rows hold the wards (undoing them puts the wards back).
    pub merges: usize,
    /// A few of the groups' names and seats' labels, groups first.
    pub named: Vec<String>,
}

/// "Salford's wards" or "the wards with no district".
pub fn district_wards(district: &str) -> String {
    if district.is_empty() {
        "the wards with no district".into()
    } else {
        format!("{district}'s wards")
    }
}

/// "Salford's wards cannot be removed: 3 of them are chosen by 2 groups and 1 seat (ST JOHN'S
/// CENTRE, G-FORCE, VCSE seat on the Health board). Choose other wards for them first".
fn wards_in_use_sentence(u: &WardsInUse) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut users = Vec::new();
    if u.groups > 0 {
        users.push(count(u.groups, "group", "groups"));
    }
    if u.seats > 0 {
        users.push(count(u.seats, "seat", "seats"));
    }
    let mut s = format!("{} cannot be removed", district_wards(&u.district));
    if !users.is_empty() {
        let shown = u.named.len();
        let more = u.groups + u.seats - shown;
        s.push_str(&format!(
            ": {} chosen by {} ({}{})",
            if u.wards == 1 {
                "1 of them is".to_string()
            } else {
                format!("{} of them are", u.wards)
            },
            users.join(" and "),
            u.named.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
        s.push_str(". Choose other wards for those first (or none), then try again");
        if more > 0 && u.groups > 0 {
            s.push_str(
                ". To find the groups, filter the Directory by ward (a group's own ward) or \
                 sort it by its Ward column; the wards a group serves are on its page",
            );
        }
    }
    if u.merges > 0 {
        s.push_str(&format!(
            "{}{} that can still be undone would put them back on a group",
            if users.is_empty() { ": " } else { ". Also, " },
            count(u.merges, "merge", "merges"),
        ));
    }
    // Several sentences: the last ends with a full stop too, wherever it is read.
    s.push('.');
    s
}

/// SQLite's "database or disk is full" becomes its own sentence: the user can act on it.
impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
            CoreError::DiskFull
        } else {
            CoreError::Storage(e)
        }
    }
}

/// Turns an I/O failure on `path` into `Io`, for `map_err`:
/// `.map_err(io_at("write to", &path))`.
pub fn io_at(doing: &'static str, path: &std::path::Path) -> impl Fn(std::io::Error) -> CoreError {
    let path = path.display().to_string();
    move |source| CoreError::Io {
        doing,
        path: path.clone(),
        source,
    }
}

/// A refused change in words. A file found damaged while open (written over by another program,
/// a failing disk) cannot be said to be as it was: the app checks the file when it opens, moves a
/// damaged one aside and says how to restore a backup, so the user is sent there.
fn storage_sentence(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => format!(
            "the directory file is damaged ({e}), so this could not be saved. Close Compact Directory and open the file again: it is checked on opening, moved aside if damaged (nothing is deleted) and you are told how to restore the newest backup"
        ),
        _ => format!(
            "the database refused it ({}), so nothing was saved and the directory is as it was",
            storage_in_words(e)
        ),
    }
}

/// SQLite's failures a user can act on, in words; others as SQLite words them.
fn storage_in_words(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "another program is using the directory file: try again in a moment".into()
        }
        Some(ErrorCode::ReadOnly) => {
            "the directory file is read-only: check who may write to it".into()
        }
        Some(ErrorCode::SystemIoFailure) => {
            "the disk holding the directory file could not be read or written".into()
        }
        _ => e.to_string(),
    }
}

/// The common failures in words a user can act on; others as the system words them.
fn in_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "there is no such file or folder".into(),
        ErrorKind::PermissionDenied => {
            "permission was refused (check who may read and write it)".into()
        }
        ErrorKind::AlreadyExists => "something of that name is already there".into(),
        ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        ErrorKind::NotADirectory => "part of the path is a file, not a folder".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        _ => e.to_string(),
    }
}

impl CoreError {
    /// The error with the name of the file it is about, for an `ImportFile` problem found by code
    /// that had only the file's bytes; any other error as it was.
    pub fn about_file(self, name: impl Into<String>) -> CoreError {
        match self {
            CoreError::ImportFile { problem, .. } => CoreError::ImportFile {
                file: Some(name.into()),
                problem,
            },
            e => e,
        }
    }

    /// Whether the program reading the output stopped before the end, as `head` does: that is
    /// no failure, and the command line ends quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// "G-Force is already in the directory at WA15 7DD (charity 1110767). Is this the same group?"
fn likely_duplicate_sentence(found: &[crate::domain::group::LikelyDuplicate]) -> String {
    let one = |d: &crate::domain::group::LikelyDuplicate| {
        if d.place.is_empty() {
            d.shown_name.clone()
        } else {
            format!("{} {}", d.shown_name, d.place)
        }
    };
    match found {
        [d] => format!(
            "{} is already in the directory{}. Is this the same group?",
            d.shown_name,
            if d.place.is_empty() {
                String::new()
            } else {
                format!(" {}", d.place)
            }
        ),
        many => format!(
            "{} groups of that name are already in the directory: {}. Is this one of them?",
            many.len(),
            many.iter().map(one).collect::<Vec<_>>().join("; ")
        ),
    }
}

fn summarise(problems: &[FieldProblem]) -> String {
    match problems {
        [] => "the input was refused".to_string(),
        [one] => one.message.clone(),
        many => format!(
            "{} problems: {}",
            many.len(),
            many.iter()
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}

impl CoreError {
    /// A short stable code the UI branches on (never on the message text).
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Invalid(_) | CoreError::ImportFile { .. } => "invalid",
            CoreError::NotFound { .. } => "not_found",
            CoreError::Conflict(_)
            | CoreError::WardsInUse(_)
            | CoreError::TooNew { .. }
            | CoreError::Locked { .. }
            | CoreError::NotADirectoryFile { .. }
            | CoreError::Folder { .. } => "conflict",
            CoreError::NoDirectoryFile { .. } | CoreError::NoSuchDistrict { .. } => "not_found",
            CoreError::Damaged { .. } => "damaged",
            CoreError::LikelyDuplicate(_) => "likely_duplicate",
            CoreError::DiskFull => "disk_full",
            CoreError::Exists { .. } => "exists",
            CoreError::Storage(_)
            | CoreError::Io { .. }
            | CoreError::Pragma { .. }
            | CoreError::Seed { .. }
            | CoreError::Record(_) => "storage",
        }
    }

    pub fn fields(&self) -> &[FieldProblem] {
        match self {
            CoreError::Invalid(p) => p,
            _ => &[],
        }
    }
}

pub type Result<T> = std::result::Result<T, CoreError>;

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ffi;

    #[test]
    fn a_refused_change_says_nothing_was_saved_and_why_in_words() {
        let busy = CoreError::from(rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_BUSY),
            None,
        ));
        assert_eq!(
            busy.to_string(),
            "the database refused it (another program is using the directory file: try again in \
             a moment), so nothing was saved and the directory is as it was"
        );
        let io = CoreError::from(rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_IOERR),
            None,
        ));
        assert!(io
            .to_string()
            .contains("(the disk holding the directory file could not be read or written)"));
    }

    #[test]
    fn a_file_found_damaged_while_open_is_not_said_to_be_as_it_was() {
        for code in [ffi::SQLITE_CORRUPT, ffi::SQLITE_NOTADB] {
            let e = CoreError::from(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None));
            let words = e.to_string();
            assert!(
                words.starts_with("the directory file is damaged ("),
                "{words}"
            );
            assert!(words.contains("open the file again"), "{words}");
            assert!(!words.contains("as it was"), "{words}");
        }
    }
}
