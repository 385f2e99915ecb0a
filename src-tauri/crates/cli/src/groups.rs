//! `compactdir groups list`: the directory as CSV on standard output.

use clap::Subcommand;
use compactdir_core::{error::Result, Store};

use crate::output::{stdout_csv, stdout_error};

#[derive(Subcommand)]
pub enum Action {
    /// Every group as CSV: id, name, ward, postcode, class, status, faith_group, bme, last_checked.
    List,
    /// The best matches for QUERY as CSV (id, name, score, matched_in), best first.
    Search {
        query: String,
        /// How many matches at most.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

pub fn run(store: &Store, action: Action) -> Result<()> {
    match action {
        Action::List => list(store),
        Action::Search { query, limit } => search(store, &query, limit),
    }
}

fn search(store: &Store, query: &str, limit: usize) -> Result<()> {
    let hits = store.search_index()?.search(query, limit);
    let mut out = stdout_csv();
    out.write_record(["id", "name", "score", "matched_in"])
        .map_err(stdout_error)?;
    for h in hits {
        out.write_record([h.id.to_string(), h.name, h.score.to_string(), h.matched_in])
            .map_err(stdout_error)?;
    }
    out.flush().map_err(|e| stdout_error(e.into()))
}

fn list(store: &Store) -> Result<()> {
    let rows = store.list_groups()?;
    let mut out = stdout_csv();
    out.write_record([
        "id",
        "name",
        "ward",
        "postcode",
        "class",
        "status",
        "faith_group",
        "bme",
        "last_checked",
    ])
    .map_err(stdout_error)?;
    for r in rows {
        out.write_record([
            r.id.to_string(),
            r.name,
            r.ward.unwrap_or_default(),
            r.postcode,
            r.class.as_str().to_string(),
            r.status.as_str().to_string(),
            yes_no(r.faith),
            yes_no(r.bme),
            r.last_checked.unwrap_or_default(),
        ])
        .map_err(stdout_error)?;
    }
    out.flush().map_err(|e| stdout_error(e.into()))
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}
