-- Migration 14: the ward list's own record. Loading a ward list and removing a district's wards
-- change the list every form chooses from, not one group, seat or person, so they are not rows of
-- the per-record trail (migration 006): they are kept here, who and when, with what each did. A
-- removal keeps the wards it took out (JSON: id, code, name, district), so the trail can still
-- name a removed ward and its id is never given to another.
CREATE TABLE ward_list_changes (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL CHECK (action IN ('loaded', 'removed')),
    district TEXT NOT NULL,
    file     TEXT NOT NULL DEFAULT '',
    added    INTEGER NOT NULL DEFAULT 0,
    renamed  INTEGER NOT NULL DEFAULT 0,
    removed  INTEGER NOT NULL DEFAULT 0,
    wards    TEXT NOT NULL DEFAULT '[]'
) STRICT;
