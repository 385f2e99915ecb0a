//! Socially excluded categories. The Social Inclusion code says its list "is not definitive", so
//! users add, rename and retire categories. Retiring hides a category from pickers; every record
//! that used it keeps it, so nothing recorded is lost.

use rusqlite::{params, OptionalExtension};

use super::{now_utc, Store};
use crate::domain::group::tidy;
use crate::domain::reference::{Category, FAITH_CATEGORY_KEY, MINORITY_ETHNIC_CATEGORY_KEY};
use crate::error::{CoreError, FieldProblem, Result};

impl Store {
    /// The ids of the two categories faith and BME groups count for without a tick (if present).
    pub fn faith_and_bme_categories(&self) -> Result<(Option<i64>, Option<i64>)> {
        let id = |key: &str| -> Result<Option<i64>> {
            Ok(self
                .conn
                .query_row("SELECT id FROM categories WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?)
        };
        Ok((id(FAITH_CATEGORY_KEY)?, id(MINORITY_ETHNIC_CATEGORY_KEY)?))
    }

    /// Adds a category after the others.
    ///
    /// # Errors
    /// `Invalid` when the name is empty or another category already has it (in any case).
    pub fn add_category(&self, name: &str) -> Result<Category> {
        let name = self.check_category_name(name, None)?;
        let key = format!("user-{}", slug(&name));
        let key = if self.category_key_taken(&key)? {
            format!("{key}-{}", now_utc())
        } else {
            key
        };
        self.conn.execute(
            "INSERT INTO categories (key, name, position)
             VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM categories))",
            params![key, name],
        )?;
        self.category(self.conn.last_insert_rowid())
    }

    pub fn rename_category(&self, id: i64, name: &str) -> Result<Category> {
        let name = self.check_category_name(name, Some(id))?;
        self.category(id)?;
        self.conn.execute(
            "UPDATE categories SET name = ?1 WHERE id = ?2",
            params![name, id],
        )?;
        self.category(id)
    }

    /// Retires (`retired = true`) or brings back a category. Links to it are never removed.
    pub fn set_category_retired(&self, id: i64, retired: bool) -> Result<Category> {
        self.category(id)?;
        self.conn.execute(
            "UPDATE categories SET retired_at = CASE WHEN ?1 THEN coalesce(retired_at, ?2) END WHERE id = ?3",
            params![retired, now_utc(), id],
        )?;
        self.category(id)
    }

    fn category(&self, id: i64) -> Result<Category> {
        self.conn
            .query_row(
                "SELECT id, key, name, retired_at IS NOT NULL FROM categories WHERE id = ?1",
                [id],
                |r| {
                    Ok(Category {
                        id: r.get(0)?,
                        key: r.get(1)?,
                        name: r.get(2)?,
                        retired: r.get(3)?,
                    })
                },
            )
            .optional()?
            .ok_or(CoreError::NotFound {
                what: "category",
                id,
            })
    }

    fn category_key_taken(&self, key: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM categories WHERE key = ?1", [key], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn check_category_name(&self, name: &str, except: Option<i64>) -> Result<String> {
        let name = tidy(name);
        if name.is_empty() {
            return Err(CoreError::Invalid(vec![FieldProblem::new(
                "name",
                "Enter the category's name",
            )]));
        }
        let other: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM categories WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
                params![name, except],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = other {
            return Err(CoreError::Invalid(vec![FieldProblem::new(
                "name",
                format!("There is already a category called {other}"),
            )]));
        }
        Ok(name)
    }
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
