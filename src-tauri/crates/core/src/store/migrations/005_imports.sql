-- 005: group imports that can be undone as one step, and column mappings saved by name.
-- Self-contained (new tables only), so its place among other migrations does not matter.

CREATE TABLE imports (
    id        INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    at        TEXT NOT NULL,
    mapping   TEXT NOT NULL,
    added     INTEGER NOT NULL,
    updated   INTEGER NOT NULL,
    skipped   INTEGER NOT NULL,
    rejected  INTEGER NOT NULL,
    undone_at TEXT
) STRICT;

-- What each import did to each group: enough to undo it. `before` is the group as it was
-- (JSON) for an update; `after_updated_at` tells whether the group was changed since.
CREATE TABLE import_changes (
    import_id        INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    group_id         INTEGER NOT NULL,
    action           TEXT NOT NULL CHECK (action IN ('added', 'updated')),
    row              INTEGER NOT NULL,
    before           TEXT,
    after_updated_at TEXT NOT NULL,
    PRIMARY KEY (import_id, group_id)
) STRICT;
CREATE INDEX import_changes_group ON import_changes(group_id);

CREATE TABLE import_mappings (
    name     TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
    mapping  TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT;
