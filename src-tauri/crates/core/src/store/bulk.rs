//! Many rows into one table, sent to SQLite a batch at a time. A statement executed once per row
//! pays for opening and closing its cursors and its statement journal every time; for a file of
//! 100,000 groups that overhead, not the writing, was most of the import. One multi-row `INSERT`
//! per batch of rows pays it once per batch.

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, Statement};

use crate::error::Result;

/// Rows per statement: large enough to spread the statement's fixed cost, small enough that a
/// batch stays well under SQLite's limit on bound values (32,766) for the widest table (22).
const BATCH: usize = 64;

/// One value of a row: borrowed from the caller's data where it can be, so queuing a row does not
/// copy its text.
pub(crate) type Cell<'v> = ToSqlOutput<'v>;

pub(crate) struct BulkInsert<'c, 'v> {
    conn: &'c Connection,
    /// `INSERT INTO table (a, b) VALUES `
    head: String,
    /// `(?, ?)`
    one_row: String,
    /// The statement for a full batch.
    full: String,
    width: usize,
    values: Vec<Cell<'v>>,
}

impl<'c, 'v> BulkInsert<'c, 'v> {
    pub(crate) fn new(conn: &'c Connection, table: &str, columns: &[&str]) -> BulkInsert<'c, 'v> {
        let head = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
        let one_row = format!("({})", vec!["?"; columns.len()].join(", "));
        BulkInsert {
            conn,
            full: statement(&head, &one_row, BATCH),
            head,
            one_row,
            width: columns.len(),
            values: Vec::with_capacity(BATCH * columns.len()),
        }
    }

    /// Queues one row (its values in the order of the columns), writing a full batch.
    pub(crate) fn push<const N: usize>(&mut self, row: [Cell<'v>; N]) -> Result<()> {
        debug_assert_eq!(N, self.width, "a row's values must match the columns");
        self.values.extend(row);
        if self.values.len() >= BATCH * self.width {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the rows queued so far.
    pub(crate) fn flush(&mut self) -> Result<()> {
        let rows = self.values.len() / self.width;
        if rows == 0 {
            return Ok(());
        }
        // A full batch reuses one cached statement; the last, shorter one is prepared once
        // and not cached, so it does not push more useful statements out of the cache.
        if rows == BATCH {
            let mut stmt = self.conn.prepare_cached(&self.full)?;
            run(&mut stmt, &mut self.values)
        } else {
            let sql = statement(&self.head, &self.one_row, rows);
            run(&mut self.conn.prepare(&sql)?, &mut self.values)
        }
    }
}

fn statement(head: &str, one_row: &str, rows: usize) -> String {
    format!("{head}{}", vec![one_row; rows].join(", "))
}

fn run(stmt: &mut Statement, values: &mut Vec<Cell>) -> Result<()> {
    for (i, v) in values.drain(..).enumerate() {
        stmt.raw_bind_parameter(i + 1, v)?;
    }
    stmt.raw_execute()?;
    Ok(())
}

/// A text column's value, borrowed.
pub(crate) fn text(s: &str) -> Cell<'_> {
    ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes()))
}

/// An optional text column's value (NULL when absent).
pub(crate) fn opt_text(s: Option<&str>) -> Cell<'_> {
    s.map_or(ToSqlOutput::Owned(Value::Null), text)
}

/// A text column's value made for the row.
pub(crate) fn owned(s: String) -> Cell<'static> {
    ToSqlOutput::Owned(Value::Text(s))
}

pub(crate) fn int(i: i64) -> Cell<'static> {
    ToSqlOutput::Owned(Value::Integer(i))
}

/// An optional number (NULL when absent).
pub(crate) fn opt_int(i: Option<i64>) -> Cell<'static> {
    i.map_or(ToSqlOutput::Owned(Value::Null), int)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_arrives_across_full_and_partial_batches() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (n INTEGER, s TEXT)")
            .unwrap();
        let mut bulk = BulkInsert::new(&conn, "t", &["n", "s"]);
        let rows = BATCH * 2 + 5;
        for n in 0..rows as i64 {
            bulk.push([int(n), owned(format!("row {n}"))]).unwrap();
        }
        bulk.flush().unwrap();
        let (count, sum, last): (i64, i64, String) = conn
            .query_row(
                "SELECT count(*), sum(n), (SELECT s FROM t ORDER BY n DESC LIMIT 1) FROM t",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(count, rows as i64);
        assert_eq!(sum, (0..rows as i64).sum::<i64>());
        assert_eq!(last, format!("row {}", rows - 1));
    }
}
