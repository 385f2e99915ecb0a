-- 002: what representatives do with their seats (report-backs, declarations of interest,
-- attendance) and each partnership's thresholds for what must stand out.

ALTER TABLE partnerships ADD COLUMN term_ending_days INTEGER NOT NULL DEFAULT 60 CHECK (term_ending_days >= 0);
ALTER TABLE partnerships ADD COLUMN declaration_months INTEGER NOT NULL DEFAULT 12 CHECK (declaration_months > 0);
ALTER TABLE partnerships ADD COLUMN attendance_meetings INTEGER NOT NULL DEFAULT 6 CHECK (attendance_meetings > 0);
ALTER TABLE partnerships ADD COLUMN attendance_min_percent INTEGER NOT NULL DEFAULT 50 CHECK (attendance_min_percent BETWEEN 0 AND 100);
ALTER TABLE partnerships ADD COLUMN over_consulted_partnerships INTEGER NOT NULL DEFAULT 3 CHECK (over_consulted_partnerships > 0);

CREATE TABLE report_backs (
    id             INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
    on_date        TEXT NOT NULL,
    how            TEXT NOT NULL DEFAULT '',
    to_whom        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX report_backs_appointment ON report_backs(appointment_id, on_date);

-- A nil declaration ("nothing to declare") counts as a declaration.
CREATE TABLE declarations (
    id             INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
    on_date        TEXT NOT NULL,
    what           TEXT NOT NULL DEFAULT '',
    is_nil         INTEGER NOT NULL DEFAULT 0 CHECK (is_nil IN (0, 1))
) STRICT;
CREATE INDEX declarations_appointment ON declarations(appointment_id, on_date);

CREATE TABLE meetings (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    on_date        TEXT NOT NULL,
    UNIQUE (partnership_id, on_date)
) STRICT;

CREATE TABLE attendance (
    meeting_id     INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
    status         TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent')),
    PRIMARY KEY (meeting_id, appointment_id)
) STRICT;
