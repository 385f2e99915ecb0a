//! People who hold seats: their details, the lawful basis for keeping them, and every seat they
//! hold or have held. People are not groups.

use rusqlite::{params, Connection, OptionalExtension};

use super::appointments::appointments_where;
use super::Store;
use crate::domain::partnership::{LawfulBasis, Person, PersonInput};
use crate::error::{CoreError, Result};

impl Store {
    /// Adds (`id: None`) or updates a person. Returns their id.
    ///
    /// # Errors
    /// `Invalid` by field; `NotFound` for an unknown id.
    pub fn save_person(&self, mut input: PersonInput) -> Result<i64> {
        input.normalise().map_err(CoreError::Invalid)?;
        save_person_in(&self.conn, &input)
    }

    /// A person with every seat they hold or have held, newest term first.
    ///
    /// # Errors
    /// `NotFound` when there is no person with that id.
    pub fn get_person(&self, id: i64) -> Result<Person> {
        let mut person = self
            .conn
            .query_row(
                "SELECT name, email, phone, lawful_basis, consent_date FROM people WHERE id = ?1",
                [id],
                |r| {
                    let basis: String = r.get(3)?;
                    Ok(Person {
                        id,
                        name: r.get(0)?,
                        email: r.get(1)?,
                        phone: r.get(2)?,
                        lawful_basis: LawfulBasis::parse(&basis).unwrap_or_default(),
                        consent_date: r.get(4)?,
                        appointments: Vec::new(),
                    })
                },
            )
            .optional()?
            .ok_or(CoreError::NotFound { what: "person", id })?;
        person.appointments = appointments_where(&self.conn, "a.person_id = ?1", id)?;
        Ok(person)
    }
}

pub(crate) fn save_person_in(conn: &Connection, p: &PersonInput) -> Result<i64> {
    match p.id {
        None => {
            conn.execute(
                "INSERT INTO people (name, email, phone, lawful_basis, consent_date)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    p.name,
                    p.email,
                    p.phone,
                    p.lawful_basis.as_str(),
                    p.consent_date
                ],
            )?;
            Ok(conn.last_insert_rowid())
        }
        Some(id) => {
            let changed = conn.execute(
                "UPDATE people SET name = ?1, email = ?2, phone = ?3, lawful_basis = ?4,
                   consent_date = ?5 WHERE id = ?6",
                params![
                    p.name,
                    p.email,
                    p.phone,
                    p.lawful_basis.as_str(),
                    p.consent_date,
                    id
                ],
            )?;
            if changed == 0 {
                return Err(CoreError::NotFound { what: "person", id });
            }
            Ok(id)
        }
    }
}
