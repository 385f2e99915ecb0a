//! One copy of the app per directory file: an exclusive lock on `<file>.lock`, held while the
//! window is open and released by the operating system when the process ends, even on a crash.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::error::{CoreError, Result};

pub struct DirectoryLock {
    _file: File,
}

impl DirectoryLock {
    /// # Errors
    /// `Locked` when another process holds the lock on this directory file.
    pub fn acquire(db: &Path) -> Result<DirectoryLock> {
        let mut name = db.as_os_str().to_os_string();
        name.push(".lock");
        let io = crate::error::io_at("lock the directory file", db);
        if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(&io)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&name)
            .map_err(&io)?;
        match file.try_lock() {
            Ok(()) => Ok(DirectoryLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(CoreError::Locked {
                path: db.display().to_string(),
            }),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }
}
