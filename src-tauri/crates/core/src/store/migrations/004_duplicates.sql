-- 004: duplicate groups. Pairs staff said are not duplicates (so a scan never proposes them
-- again), and a log of merges holding every row each merge touched, so it can be undone exactly.

-- Either order; a merge moves these like any other row pointing at a group.
CREATE TABLE duplicate_dismissals (
    group_a INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    group_b INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    at      TEXT NOT NULL,
    PRIMARY KEY (group_a, group_b)
) STRICT;
CREATE INDEX duplicate_dismissals_b ON duplicate_dismissals(group_b);

-- No foreign keys on purpose: the log outlives the merged group. `before` and `after` are JSON:
-- table name -> rows (every column, and the rowid) of both groups and of every row in every
-- table that pointed at either, before and after the merge.
CREATE TABLE merge_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    kept_id     INTEGER NOT NULL,
    merged_id   INTEGER NOT NULL,
    kept_name   TEXT NOT NULL,
    merged_name TEXT NOT NULL,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    undone_at   TEXT
) STRICT;
