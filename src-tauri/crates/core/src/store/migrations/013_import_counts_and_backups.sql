-- Migration 13: each group import's rows read and rows that changed nothing (matched rows chosen
-- to update their group that brought nothing new), so the list of earlier imports can give
-- figures that add up to the rows read; and, for imports of both kinds, the file name of the
-- backup taken just before it, so the backups list can say which import each came before.
-- Imports made before this step do not say (NULL).

ALTER TABLE imports ADD COLUMN read INTEGER;
ALTER TABLE imports ADD COLUMN unchanged INTEGER;
ALTER TABLE imports ADD COLUMN backup TEXT;
ALTER TABLE seat_imports ADD COLUMN backup TEXT;
