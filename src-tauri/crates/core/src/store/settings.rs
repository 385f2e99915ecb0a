//! Settings kept in the directory file, so every copy of the app on it behaves the same.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::{CoreError, FieldProblem, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// An entry not checked with its group for this many months needs checking.
    pub stale_months: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { stale_months: 12 }
    }
}

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        let mut s = Settings::default();
        if let Some(v) = self.meta("stale_months")? {
            s.stale_months = v.parse().unwrap_or(s.stale_months);
        }
        Ok(s)
    }

    /// # Errors
    /// `Invalid` when the number of months is not between 1 and 120.
    pub fn save_settings(&self, s: Settings) -> Result<Settings> {
        if !(1..=120).contains(&s.stale_months) {
            return Err(CoreError::Invalid(vec![FieldProblem::new(
                "stale_months",
                "Enter a number of months from 1 to 120",
            )]));
        }
        Store::set_meta(&self.conn, "stale_months", &s.stale_months.to_string())?;
        Ok(s)
    }
}
