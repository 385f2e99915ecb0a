//! `compactdir backup list|now|restore FILE`.

use std::path::PathBuf;

use clap::Subcommand;
use compactdir_core::error::Result;
use compactdir_core::store::BackupReason;
use compactdir_core::Store;

#[derive(Subcommand)]
pub enum Action {
    /// The backups beside the directory file, newest first.
    List,
    /// Take a backup now (with SQLite's online backup API).
    Now,
    /// Replace the directory's content with a backup's; what is there now is backed up first.
    Restore { file: PathBuf },
}

pub fn run(store: &mut Store, action: Action) -> Result<()> {
    match action {
        Action::List => {
            println!("taken,reason,path");
            for b in store.backups()? {
                println!("{},{},{}", b.taken, b.reason, b.path.display());
            }
        }
        Action::Now => println!(
            "Backed up to {}",
            store.backup(BackupReason::OnRequest)?.display()
        ),
        Action::Restore { file } => {
            let safety = store.restore(&file)?;
            println!(
                "Restored {}. What was there before is kept in {}.",
                file.display(),
                safety.display()
            );
        }
    }
    Ok(())
}
