-- Migration 11: seats imports, recorded so that each can be undone as one step.
--
-- A seats import writes its partnerships, seats, people and appointments through the audit
-- trail, as the forms do, so each shows in the History of changes of its partnership or person.
-- This table says which rows of the trail an import wrote: one range of ids, because an import
-- is one transaction and only one app holds a directory at a time. Undo takes those rows back,
-- newest first, through the trail's own Undo and its checks. No range: it changed nothing.
-- Self-contained (a new table only).

CREATE TABLE seat_imports (
    id         INTEGER PRIMARY KEY,
    file_name  TEXT NOT NULL,
    at         TEXT NOT NULL,                      -- UTC, to the millisecond
    actor      TEXT NOT NULL,
    summary    TEXT NOT NULL,                      -- what it saved, in words, as it was told
    trail_from INTEGER REFERENCES audit_log(id),
    trail_to   INTEGER REFERENCES audit_log(id) CHECK (trail_to >= trail_from),
    undone_at  TEXT
) STRICT;
