//! The open store, shared by the commands. If the file cannot be opened the window still starts
//! and every command answers with the reason, so the user sees it rather than a crash.

use std::path::PathBuf;
use std::sync::Mutex;

use compactdir_core::domain::gaps::GapMatrix;
use compactdir_core::domain::search::SearchIndex;
use compactdir_core::store::{refuse_what_is_not_a_directory_file, BackupFile, DirectoryLock};
use compactdir_core::{CoreError, Store};

use crate::error::AppError;

pub struct AppState {
    /// Held for the life of the window: a second copy of the app on the same file is refused.
    _lock: Option<DirectoryLock>,
    store: Mutex<Result<Store, String>>,
    /// The directory file, and whether it failed its check on open (so it was moved aside and a
    /// backup may be restored in its place from the Backups screen).
    path: PathBuf,
    damaged: bool,
    /// Built on the first search and dropped by every change to the directory, so typing in the
    /// search box never reads the database.
    index: Mutex<Option<SearchIndex>>,
    /// The last representation matrix worked out, whole: the screen gets it without the cells'
    /// explanations, and a chosen cell's come from here. Dropped by every change.
    gaps: Mutex<Option<GapMatrix>>,
}

impl AppState {
    pub fn open(path: PathBuf) -> AppState {
        // A folder or a file that is not a directory file (a CSV given to --db) is refused
        // before the lock, so not even a lock file is made beside it.
        let (lock, opened) = match refuse_what_is_not_a_directory_file(&path) {
            Err(e) => (None, Err(e)),
            Ok(()) => {
                let lock = DirectoryLock::acquire(&path);
                let opened = Self::open_locked(&path, &lock);
                (lock.ok(), opened)
            }
        };
        let damaged = matches!(opened, Err(CoreError::Damaged { .. }));
        let store = opened.map_err(|e: CoreError| {
            let message = match e {
                // These say themselves what the path is, and that it is no directory file.
                CoreError::NotADirectoryFile { .. } | CoreError::Folder { .. } => {
                    AppError::from(e).message
                }
                _ => format!(
                    "The directory file {} could not be opened: {}.",
                    path.display(),
                    e.to_string().trim_end_matches('.')
                ),
            };
            eprintln!("{message}");
            message
        });
        AppState {
            _lock: lock,
            store: Mutex::new(store),
            path,
            damaged,
            index: Mutex::new(None),
            gaps: Mutex::new(None),
        }
    }

    /// Opens the store unless another copy of the app holds the lock.
    fn open_locked(
        path: &std::path::Path,
        lock: &Result<DirectoryLock, CoreError>,
    ) -> Result<Store, CoreError> {
        match lock {
            Err(CoreError::Locked { path }) => Err(CoreError::Locked { path: path.clone() }),
            _ => Store::open(path).and_then(|mut s| {
                s.load_demo_on_first_start()?;
                // A daily backup while the app is used; a failure here must not stop the window.
                if let Err(e) = s.backup_daily_if_due() {
                    eprintln!("The daily backup could not be taken: {e}");
                }
                Ok(s)
            }),
        }
    }

    /// Runs `f` on the store, mapping core errors to what the UI shows.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, CoreError>,
    ) -> Result<T, AppError> {
        let mut guard = self
            .store
            .lock()
            .map_err(|_| AppError::internal("the app hit an earlier error; restart it"))?;
        match guard.as_mut() {
            // A fault in the app's own code (a panic, here or on a worker thread it re-raises)
            // ends this call, not the app: caught while the lock is held, it does not poison the
            // lock, so every later call does not answer "restart it".
            Ok(store) => {
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(store))) {
                    Ok(result) => result.map_err(AppError::from),
                    Err(_) => {
                        store.end_unfinished_change();
                        Err(AppError::internal(
                        "Compact Directory hit a fault of its own and stopped what it was doing; nothing of it was saved (each change is one transaction). Try again; if it happens again, note what you did and report it",
                    ))
                    }
                }
            }
            Err(message) => Err(AppError::storage(message.clone())),
        }
    }

    /// Like `with`, for calls that change the directory: the search index is rebuilt after.
    pub fn change<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, CoreError>,
    ) -> Result<T, AppError> {
        let out = self.with(f);
        self.forget_derived();
        out
    }

    /// Drops what was worked out from the directory (the search index, the gaps matrix) after a
    /// change, so the next search or Gaps screen reads it afresh.
    fn forget_derived(&self) {
        if let Ok(mut index) = self.index.lock() {
            *index = None;
        }
        if let Ok(mut gaps) = self.gaps.lock() {
            *gaps = None;
        }
    }

    /// The backups beside the directory file, also when it could not be opened because it was
    /// damaged.
    pub fn backups(&self) -> Result<Vec<BackupFile>, AppError> {
        if self.damaged {
            return Store::backups_beside(&self.path).map_err(AppError::from);
        }
        self.with(|s| s.backups())
    }

    /// Restores the listed backup at `chosen`; returns the safety backup's path. A damaged file
    /// was moved aside on open, so the backup is restored into a new file in its place, which the
    /// window then uses.
    pub fn restore(&self, chosen: &str) -> Result<String, AppError> {
        let backup = self
            .backups()?
            .into_iter()
            .find(|b| b.path.display().to_string() == chosen)
            .ok_or_else(|| {
                AppError::from(CoreError::Conflict(
                    "That backup is no longer there (it may have rotated out); choose another from the list."
                        .into(),
                ))
            })?;
        let mut guard = self
            .store
            .lock()
            .map_err(|_| AppError::internal("the app hit an earlier error; restart it"))?;
        let safety = match guard.as_mut() {
            Ok(store) => store.restore(&backup.path)?,
            Err(_) if self.damaged => {
                let mut fresh = Store::open(&self.path)?;
                let safety = fresh.restore(&backup.path)?;
                *guard = Ok(fresh);
                safety
            }
            Err(message) => return Err(AppError::storage(message.clone())),
        };
        drop(guard);
        self.forget_derived();
        Ok(safety.display().to_string())
    }

    /// Keeps the whole matrix for the cells chosen next; returns it without their details.
    pub fn keep_gaps(&self, matrix: GapMatrix) -> GapMatrix {
        let slim = matrix.without_details();
        if let Ok(mut gaps) = self.gaps.lock() {
            *gaps = Some(matrix);
        }
        slim
    }

    /// Runs `f` on the kept matrix, working it out first when there is none.
    pub fn kept_gaps<T>(
        &self,
        work_out: impl FnOnce(&mut Store) -> Result<GapMatrix, CoreError>,
        f: impl FnOnce(&GapMatrix) -> T,
    ) -> Result<T, AppError> {
        let mut gaps = self
            .gaps
            .lock()
            .map_err(|_| AppError::internal("the app hit an earlier error; restart it"))?;
        if gaps.is_none() {
            *gaps = Some(self.with(work_out)?);
        }
        Ok(f(gaps.as_ref().expect("worked out just above")))
    }

    pub fn search<T>(&self, f: impl FnOnce(&mut SearchIndex) -> T) -> Result<T, AppError> {
        let mut index = self
            .index
            .lock()
            .map_err(|_| AppError::internal("the app hit an earlier error; restart it"))?;
        if index.is_none() {
            *index = Some(self.with(|s| s.search_index())?);
        }
        Ok(f(index.as_mut().expect("built just above")))
    }
}

#[cfg(test)]
mod tests {
    use super::AppState;

    #[test]
    fn a_fault_in_one_call_is_said_in_words_and_the_next_call_works() {
        let dir = std::env::temp_dir().join(format!("compactdir-fault-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let state = AppState::open(dir.join("directory.sqlite3"));
        let before = state.with(|s| s.list_groups()).unwrap().len();
        let fault = state
            .with(|_| -> Result<(), compactdir_core::CoreError> {
                panic!("a fault of the app's own")
            })
            .unwrap_err();
        assert_eq!(fault.code, "internal");
        assert!(
            fault.message.contains("hit a fault of its own"),
            "{}",
            fault.message
        );
        // The lock is not poisoned: the next calls work (before, each answered "restart it").
        state
            .with(|s| {
                s.save_group(compactdir_core::domain::group::GroupInput {
                    name: "Saved After The Fault".into(),
                    ..Default::default()
                })
            })
            .unwrap();
        let after = state.with(|s| s.list_groups()).unwrap();
        drop(state);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(after.len(), before + 1);
    }

    #[test]
    fn a_csv_given_as_the_directory_file_is_refused_and_nothing_is_made_beside_it() {
        let dir = std::env::temp_dir().join(format!("compactdir-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let csv = dir.join("mycsv.csv");
        std::fs::write(&csv, "name,postcode\nPendleton Over 50s,M6 5FX\n").unwrap();
        let state = AppState::open(csv.clone());
        let message = state.with(|_| Ok(())).unwrap_err().message;
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let content = std::fs::read_to_string(&csv).unwrap();
        drop(state);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            message,
            format!(
                "{} is not a Compact Directory file (it is not an SQLite database): nothing was \
                 changed. Give the path of the directory file with --db (or COMPACTDIR_DB).",
                csv.display()
            )
        );
        assert_eq!(names, ["mycsv.csv"], "no lock file, nothing moved aside");
        assert_eq!(content, "name,postcode\nPendleton Over 50s,M6 5FX\n");
    }
}
