-- Migration 8: an import's undo record made lighter to write.
--
-- `import_changes` is only ever read by import (to undo one), so its rows now live in its
-- primary key's b-tree (WITHOUT ROWID) and the index by group, which nothing read, is gone:
-- an import of 100,000 new groups wrote its undo record into three b-trees, now one.
-- (No table points at `import_changes` and nothing kept its row ids.)

CREATE TABLE import_changes_new (
    import_id        INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    group_id         INTEGER NOT NULL,
    action           TEXT NOT NULL CHECK (action = 'added' OR action = 'updated'),
    row              INTEGER NOT NULL,
    before           TEXT,
    after_updated_at TEXT NOT NULL,
    PRIMARY KEY (import_id, group_id)
) STRICT, WITHOUT ROWID;
INSERT INTO import_changes_new (import_id, group_id, action, row, before, after_updated_at)
    SELECT import_id, group_id, action, row, before, after_updated_at FROM import_changes;
DROP TABLE import_changes;
ALTER TABLE import_changes_new RENAME TO import_changes;
