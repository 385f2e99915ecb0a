//! `compactdir history group|partnership|person ID` and `compactdir undo-change ENTRY`: the audit
//! trail on the command line.

use clap::ValueEnum;
use compactdir_core::error::Result;
use compactdir_core::store::TrailOf;
use compactdir_core::Store;

use crate::output::{stdout_csv, stdout_error};

#[derive(Clone, Copy, ValueEnum)]
pub enum Of {
    Group,
    Partnership,
    Person,
}

/// The trail as CSV, newest first: entry, at, who, action, what, before, after, undone_by,
/// imported_from (the seats file whose import made the change), merged_from (in a group's trail,
/// the group merged into it whose change this was, and the merge).
pub fn list(store: &Store, of: Of, id: i64) -> Result<()> {
    let of = match of {
        Of::Group => TrailOf::Group,
        Of::Partnership => TrailOf::Partnership,
        Of::Person => TrailOf::Person,
    };
    let mut out = stdout_csv();
    out.write_record([
        "entry",
        "at",
        "who",
        "action",
        "what",
        "before",
        "after",
        "undone_by",
        "imported_from",
        "merged_from",
    ])
    .map_err(stdout_error)?;
    for e in store.audit_trail(of, id)? {
        out.write_record([
            e.id.to_string().as_str(),
            &e.at,
            &e.actor,
            &e.action,
            &e.what,
            &e.before,
            &e.after,
            &e.undone_by.map(|u| u.to_string()).unwrap_or_default(),
            e.imported_from.as_deref().unwrap_or_default(),
            &e.from_group
                .as_ref()
                .map(|f| format!("{} (group {}), merge {}", f.name, f.group_id, f.merge_id))
                .unwrap_or_default(),
        ])
        .map_err(stdout_error)?;
    }
    out.flush().map_err(|e| stdout_error(e.into()))
}

pub fn undo(store: &Store, entry: i64) -> Result<()> {
    store.undo_change(entry)?;
    println!("Undone: change {entry} of the audit trail (the undo is recorded too).");
    Ok(())
}
