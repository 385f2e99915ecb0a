//! The open store, shared by the commands. If the file cannot be opened the window still starts
//! and every command answers with the reason, so the user sees it rather than a crash.

use std::path::PathBuf;
use std::sync::Mutex;

use compactdir_core::domain::search::SearchIndex;
use compactdir_core::store::DirectoryLock;
use compactdir_core::{CoreError, Store};

use crate::error::AppError;

pub struct AppState {
    /// Held for the life of the window: a second copy of the app on the same file is refused.
    _lock: Option<DirectoryLock>,
    store: Mutex<Result<Store, String>>,
    /// Built on the first search and dropped by every change to the directory, so typing in the
    /// search box never reads the database.
    index: Mutex<Option<SearchIndex>>,
}

impl AppState {
    pub fn open(path: PathBuf) -> AppState {
        let lock = DirectoryLock::acquire(&path);
        let opened = match &lock {
            Err(CoreError::Locked { path }) => Err(CoreError::Locked { path: path.clone() }),
            _ => Store::open(&path).and_then(|mut s| {
                s.load_demo_on_first_start()?;
                // A daily backup while the app is used; a failure here must not stop the window.
                if let Err(e) = s.backup_daily_if_due() {
                    eprintln!("The daily backup could not be taken: {e}");
                }
                Ok(s)
            }),
        };
        let store = opened.map_err(|e: CoreError| {
            let message = format!(
                "The directory file {} could not be opened: {}.",
                path.display(),
                e
            );
            eprintln!("{message}");
            message
        });
        AppState {
            _lock: lock.ok(),
            store: Mutex::new(store),
            index: Mutex::new(None),
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
            Ok(store) => f(store).map_err(AppError::from),
            Err(message) => Err(AppError::storage(message.clone())),
        }
    }

    /// Like `with`, for calls that change the directory: the search index is rebuilt after.
    pub fn change<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, CoreError>,
    ) -> Result<T, AppError> {
        let out = self.with(f);
        if let Ok(mut index) = self.index.lock() {
            *index = None;
        }
        out
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
