-- Migration 9: registration numbers and the ward index made lighter to write.
--
-- `group_identifiers` kept each number three times over: in its row-id table, in the index of
-- its primary key (group, position) and in the unique index by (scheme, number). Its rows now
-- live in the primary key's b-tree (WITHOUT ROWID), so a number is written twice, not three
-- times: 100,000 imported groups with two numbers each were 13.7 MB in three b-trees. Nothing
-- kept these row ids (a merge names such rows by their primary key; see store/merge.rs).
--
-- `groups_ward` indexed every group, most of which have no ward: it now holds only groups
-- with one. `ward_id = ?` still uses it (SQLite knows such a row has a ward).

CREATE TABLE group_identifiers_new (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    scheme   TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (group_id, position),
    -- One charity or company number belongs to one group: a second is a duplicate entry.
    UNIQUE (scheme, value)
) STRICT, WITHOUT ROWID;
INSERT INTO group_identifiers_new (group_id, position, scheme, value)
    SELECT group_id, position, scheme, value FROM group_identifiers;
DROP TABLE group_identifiers;
ALTER TABLE group_identifiers_new RENAME TO group_identifiers;

DROP INDEX groups_ward;
CREATE INDEX groups_ward ON groups(ward_id) WHERE ward_id IS NOT NULL;
