-- Migration 12: who made each group import, as the seats imports' records say (migration 11),
-- for the list of earlier imports. Imports made before this step do not say (NULL).

ALTER TABLE imports ADD COLUMN actor TEXT;
