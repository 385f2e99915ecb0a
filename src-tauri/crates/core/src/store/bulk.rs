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
    /// `INSERT INTO table (a, b, c) VALUES `
    head: String,
    /// Each column's parameter: `?1` for a column every row shares, else its place in the row.
    params: Vec<Param>,
    /// The statement for a full batch.
    full: String,
    /// Values every row has (such as the import's time), bound once per batch as `?1`, `?2`...
    shared: Vec<Cell<'v>>,
    width: usize,
    values: Vec<Cell<'v>>,
}

#[derive(Clone, Copy)]
enum Param {
    Shared(usize),
    Row(usize),
}

impl<'c, 'v> BulkInsert<'c, 'v> {
    pub(crate) fn new(conn: &'c Connection, table: &str, columns: &[&str]) -> BulkInsert<'c, 'v> {
        Self::with_shared(conn, table, columns, Vec::new())
    }

    /// As `new`, with columns whose value is the same in every row, given once: each row then
    /// gives only the other columns' values, in order. (Binding a value copies its text, so an
    /// import's time written twice a row was 200,000 copies for 100,000 groups.)
    pub(crate) fn with_shared(
        conn: &'c Connection,
        table: &str,
        columns: &[&str],
        shared: Vec<(&str, Cell<'v>)>,
    ) -> BulkInsert<'c, 'v> {
        let mut names: Vec<&str> = columns.to_vec();
        let mut params: Vec<Param> = (0..columns.len()).map(Param::Row).collect();
        for (i, (name, _)) in shared.iter().enumerate() {
            names.push(name);
            params.push(Param::Shared(i));
        }
        let head = format!("INSERT INTO {table} ({}) VALUES ", names.join(", "));
        let shared: Vec<Cell<'v>> = shared.into_iter().map(|(_, v)| v).collect();
        BulkInsert {
            conn,
            full: statement(&head, &params, shared.len(), columns.len(), BATCH),
            head,
            params,
            shared,
            width: columns.len(),
            values: Vec::with_capacity(BATCH * columns.len()),
        }
    }

    /// Queues one row (its values in the order of the columns); `flush_full` or `flush` writes it.
    pub(crate) fn push<const N: usize>(&mut self, row: [Cell<'v>; N]) {
        debug_assert_eq!(N, self.width, "a row's values must match the columns");
        self.values.extend(row);
    }

    /// Writes the full batches queued so far, keeping the rest queued; says whether it wrote any.
    /// Rows that name a row of another table go only after that table's batch is written (see
    /// `import_batch`).
    pub(crate) fn flush_full(&mut self) -> Result<bool> {
        let batch = BATCH * self.width;
        let any = self.values.len() >= batch;
        while self.values.len() >= batch {
            let mut stmt = self.conn.prepare_cached(&self.full)?;
            run(&mut stmt, &self.shared, self.values.drain(..batch))?;
        }
        Ok(any)
    }

    /// Writes the rows queued so far.
    pub(crate) fn flush(&mut self) -> Result<()> {
        self.flush_full()?;
        let rows = self.values.len() / self.width;
        if rows == 0 {
            return Ok(());
        }
        // Full batches reuse one cached statement; the last, shorter one is prepared once and
        // not cached, so it does not push more useful statements out of the cache.
        let sql = statement(
            &self.head,
            &self.params,
            self.shared.len(),
            self.width,
            rows,
        );
        run(
            &mut self.conn.prepare(&sql)?,
            &self.shared,
            self.values.drain(..),
        )
    }
}

/// `head (?3, ?4, ?1), (?5, ?6, ?1)...`: the shared values first, then each row's in turn.
fn statement(head: &str, params: &[Param], shared: usize, width: usize, rows: usize) -> String {
    let row = |r: usize| {
        let marks: Vec<String> = params
            .iter()
            .map(|p| match p {
                Param::Shared(i) => format!("?{}", i + 1),
                Param::Row(c) => format!("?{}", shared + r * width + c + 1),
            })
            .collect();
        format!("({})", marks.join(", "))
    };
    format!(
        "{head}{}",
        (0..rows).map(row).collect::<Vec<_>>().join(", ")
    )
}

fn run<'v>(
    stmt: &mut Statement,
    shared: &[Cell],
    values: impl Iterator<Item = Cell<'v>>,
) -> Result<()> {
    for (i, v) in shared.iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, v)?;
    }
    for (i, v) in values.enumerate() {
        stmt.raw_bind_parameter(shared.len() + i + 1, v)?;
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
            bulk.push([int(n), owned(format!("row {n}"))]);
            bulk.flush_full().unwrap();
        }
        let written = |conn: &Connection| -> i64 {
            conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0))
                .unwrap()
        };
        // Only whole batches go before the last flush; the rest wait.
        assert_eq!(written(&conn), (BATCH * 2) as i64);
        assert!(!bulk.flush_full().unwrap());
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

    #[test]
    fn shared_values_reach_every_row_beside_each_rows_own() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a TEXT, n INTEGER, b TEXT, s TEXT)")
            .unwrap();
        let mut bulk = BulkInsert::with_shared(
            &conn,
            "t",
            &["n", "s"],
            vec![("a", text("first")), ("b", text("second"))],
        );
        let rows = BATCH + 3;
        for n in 0..rows as i64 {
            bulk.push([int(n), owned(format!("row {n}"))]);
        }
        assert!(bulk.flush_full().unwrap());
        bulk.flush().unwrap();
        let wrong: i64 = conn
            .query_row(
                "SELECT count(*) FROM t WHERE a <> 'first' OR b <> 'second' OR s <> 'row ' || n",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let (count, sum): (i64, i64) = conn
            .query_row("SELECT count(*), sum(n) FROM t", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(
            (count, sum, wrong),
            (rows as i64, (0..rows as i64).sum(), 0)
        );
    }
}
