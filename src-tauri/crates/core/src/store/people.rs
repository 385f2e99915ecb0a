//! People who hold seats: their details, the lawful basis for keeping them, and every seat they
//! hold or have held. People are not groups.

use rusqlite::{params, Connection, OptionalExtension};

use super::appointments::appointments_where;
use super::audit::Subject;
use super::Store;
use chrono::NaiveDate;

use crate::domain::partnership::{not_yet, parse_date, LawfulBasis, Person, PersonInput};
use crate::error::{CoreError, Result};

impl Store {
    /// Adds (`id: None`) or updates a person. Returns their id.
    ///
    /// # Errors
    /// `Invalid` by field; `NotFound` for an unknown id.
    /// A consent date after `today` is refused: consent cannot have been given yet.
    pub fn save_person(&self, input: PersonInput, today: NaiveDate) -> Result<i64> {
        let consent = input.consent_date.as_deref().and_then(parse_date);
        if let Some(p) = consent.and_then(|on| {
            not_yet(
                "consent_date",
                on,
                today,
                "enter the day they gave their consent",
            )
        }) {
            return Err(CoreError::Invalid(vec![p]));
        }
        self.save_person_audited(input, None)
    }

    /// Saves and writes the audit trail; `undoes` marks a save made by Undo.
    pub(super) fn save_person_audited(
        &self,
        mut input: PersonInput,
        undoes: Option<i64>,
    ) -> Result<i64> {
        input.normalise().map_err(CoreError::Invalid)?;
        self.audited(Subject::Person, input.id, undoes, |c| {
            save_person_in(c, &input)
        })
    }

    /// A person with every seat they hold or have held, newest term first.
    ///
    /// # Errors
    /// `NotFound` when there is no person with that id.
    pub fn get_person(&self, id: i64) -> Result<Person> {
        let mut person = self
            .conn
            .query_row(
                "SELECT name, email, phone, lawful_basis, consent_date, consent_how, consent_told,
                        review_date, erased_at
                 FROM people WHERE id = ?1",
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
                        consent_how: r.get(5)?,
                        consent_told: r.get(6)?,
                        review_date: r.get(7)?,
                        erased_at: r.get(8)?,
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
                "INSERT INTO people (name, email, phone, lawful_basis, consent_date, consent_how,
                   consent_told, review_date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    p.name,
                    p.email,
                    p.phone,
                    p.lawful_basis.as_str(),
                    p.consent_date,
                    p.consent_how,
                    p.consent_told,
                    p.review_date
                ],
            )?;
            Ok(conn.last_insert_rowid())
        }
        Some(id) => {
            let changed = conn.execute(
                "UPDATE people SET name = ?1, email = ?2, phone = ?3, lawful_basis = ?4,
                   consent_date = ?5, consent_how = ?6, consent_told = ?7, review_date = ?8
                 WHERE id = ?9 AND erased_at IS NULL",
                params![
                    p.name,
                    p.email,
                    p.phone,
                    p.lawful_basis.as_str(),
                    p.consent_date,
                    p.consent_how,
                    p.consent_told,
                    p.review_date,
                    id
                ],
            )?;
            if changed == 0 {
                let erased: Option<Option<String>> = conn
                    .query_row("SELECT erased_at FROM people WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .optional()?;
                return Err(match erased {
                    Some(Some(at)) => CoreError::Conflict(format!(
                        "This person was erased on {at}; an erased record cannot be edited. Add them again as a new person if they return."
                    )),
                    _ => CoreError::NotFound { what: "person", id },
                });
            }
            Ok(id)
        }
    }
}
