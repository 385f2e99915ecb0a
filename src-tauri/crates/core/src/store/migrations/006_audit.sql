-- 006: the audit trail. Every change made through the app: who, when, which field, the value
-- before and after (JSON, as the form holds it). Read per group, partnership and person; any
-- row can be undone, and the undo is itself a row (`undoes`), so nothing here is ever rewritten.

CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,                  -- UTC, to the millisecond
    actor          TEXT NOT NULL,
    subject        TEXT NOT NULL CHECK (subject IN
                     ('group', 'partnership', 'seat', 'person', 'appointment',
                      'report_back', 'declaration', 'meeting')),
    subject_id     INTEGER NOT NULL,
    action         TEXT NOT NULL CHECK (action IN ('created', 'changed', 'deleted', 'erased')),
    field          TEXT,                           -- the form's field, dotted when nested
    old_value      TEXT,                           -- JSON
    new_value      TEXT,                           -- JSON
    summary        TEXT NOT NULL DEFAULT '',       -- words, for created and deleted rows
    -- Whose trails the row shows in (not foreign keys: the trail outlives what it describes).
    group_id       INTEGER,
    partnership_id INTEGER,
    person_id      INTEGER,
    undoes         INTEGER REFERENCES audit_log(id)
);
CREATE INDEX audit_log_group ON audit_log(group_id) WHERE group_id IS NOT NULL;
CREATE INDEX audit_log_partnership ON audit_log(partnership_id) WHERE partnership_id IS NOT NULL;
CREATE INDEX audit_log_person ON audit_log(person_id) WHERE person_id IS NOT NULL;
-- A change is undone once.
CREATE UNIQUE INDEX audit_log_undoes ON audit_log(undoes) WHERE undoes IS NOT NULL;

-- The trail cannot be edited or deleted. The one exception is the law's: erasing a person blanks
-- their details in it (to the JSON string "(erased)") and touches nothing else.
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'The audit trail cannot be deleted from.');
END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    new.id IS old.id AND new.at IS old.at AND new.actor IS old.actor
    AND new.subject IS old.subject AND new.subject_id IS old.subject_id
    AND new.action IS old.action AND new.field IS old.field
    AND new.group_id IS old.group_id AND new.partnership_id IS old.partnership_id
    AND new.person_id IS old.person_id AND new.undoes IS old.undoes
    AND (new.old_value IS old.old_value OR new.old_value IS '"(erased)"')
    AND (new.new_value IS old.new_value OR new.new_value IS '"(erased)"')
    AND (new.summary IS old.summary OR new.summary IS '(erased)')
)
BEGIN
    SELECT RAISE(ABORT, 'The audit trail cannot be changed.');
END;
