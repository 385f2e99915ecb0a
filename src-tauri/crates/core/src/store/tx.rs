//! A transaction that nests. An audited change wraps a save and its audit rows in one
//! transaction; the save, when called inside it, joins it instead of beginning its own.

use std::ops::Deref;

use rusqlite::{Connection, Transaction};

use crate::error::Result;

pub(crate) struct Tx<'c> {
    conn: &'c Connection,
    own: Option<Transaction<'c>>,
}

impl<'c> Tx<'c> {
    /// Begins a transaction, or joins the one the connection is already in.
    pub(crate) fn begin(conn: &'c Connection) -> Result<Tx<'c>> {
        let own = if conn.is_autocommit() {
            Some(conn.unchecked_transaction()?)
        } else {
            None
        };
        Ok(Tx { conn, own })
    }

    /// Commits a transaction this began; a joined one is committed by whoever began it.
    /// Dropped without committing, a transaction this began rolls back.
    pub(crate) fn commit(self) -> Result<()> {
        if let Some(t) = self.own {
            t.commit()?;
        }
        Ok(())
    }
}

impl Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn
    }
}
