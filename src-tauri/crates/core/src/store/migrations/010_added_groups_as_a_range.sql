-- Migration 10: the groups an import adds, recorded as one range of ids.
--
-- An import gives its new groups ids in one run (one more than the largest before it, and on),
-- so the first and the last say which groups it added: one pair on the import instead of a row
-- of `import_changes` per group (100,000 rows for a file of 100,000 new groups). Groups it
-- updated, and any it added and then updated again from a later row, keep their rows there.
-- Imports made before this step have no range and keep their rows; undo reads both.

ALTER TABLE imports ADD COLUMN added_from INTEGER;
ALTER TABLE imports ADD COLUMN added_to INTEGER CHECK (added_to >= added_from);
