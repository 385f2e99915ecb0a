-- 001: the directory, reference data, partnerships, seats, people and appointments.
-- Dates are ISO 8601 text (YYYY-MM-DD); times are UTC RFC 3339 text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE wards (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    district TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE categories (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    position   INTEGER NOT NULL,
    retired_at TEXT
) STRICT;

CREATE TABLE features (
    number         INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 8),
    title          TEXT NOT NULL,
    community_side TEXT NOT NULL,
    voluntary_side TEXT NOT NULL
) STRICT;

CREATE TABLE groups (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL CHECK (length(trim(name)) > 0),
    address               TEXT NOT NULL DEFAULT '',
    postcode              TEXT NOT NULL DEFAULT '',
    ward_id               INTEGER REFERENCES wards(id),
    email                 TEXT NOT NULL DEFAULT '',
    phone                 TEXT NOT NULL DEFAULT '',
    website               TEXT NOT NULL DEFAULT '',
    activities            TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dormant', 'closed')),
    last_checked          TEXT,
    last_checked_by       TEXT NOT NULL DEFAULT '',
    class_override        TEXT CHECK (class_override IN ('community', 'voluntary', 'mixed')),
    class_override_reason TEXT NOT NULL DEFAULT '',
    enterprise            TEXT CHECK (enterprise IN ('social', 'community')),
    faith                 INTEGER NOT NULL DEFAULT 0 CHECK (faith IN (0, 1)),
    faith_name            TEXT NOT NULL DEFAULT '',
    bme_led               INTEGER NOT NULL DEFAULT 0 CHECK (bme_led IN (0, 1)),
    bme_serving           INTEGER NOT NULL DEFAULT 0 CHECK (bme_serving IN (0, 1)),
    interest              TEXT NOT NULL DEFAULT '',
    is_demo               INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;
CREATE INDEX groups_ward ON groups(ward_id);

CREATE TABLE group_other_names (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (group_id, position)
) STRICT;

CREATE TABLE group_identifiers (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    scheme   TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (group_id, position),
    -- One charity or company number belongs to one group: a second is a duplicate entry.
    UNIQUE (scheme, value)
) STRICT;

-- A missing row means "not known".
CREATE TABLE group_features (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    number   INTEGER NOT NULL REFERENCES features(number),
    side     TEXT CHECK (side IN ('community', 'voluntary')),
    evidence TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (group_id, number)
) STRICT;

CREATE TABLE group_categories (
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id),
    PRIMARY KEY (group_id, category_id)
) STRICT;
CREATE INDEX group_categories_category ON group_categories(category_id);

-- Community of place: the wards a group serves.
CREATE TABLE group_place_wards (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    ward_id  INTEGER NOT NULL REFERENCES wards(id),
    PRIMARY KEY (group_id, ward_id)
) STRICT;

-- Every change of class, suggested or set, so a group's movement over time can be seen.
CREATE TABLE class_history (
    id       INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    at       TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('suggested', 'set', 'cleared')),
    class    TEXT NOT NULL CHECK (class IN ('community', 'voluntary', 'mixed', 'unclassified')),
    reason   TEXT NOT NULL
) STRICT;
CREATE INDEX class_history_group ON class_history(group_id, id);

CREATE TABLE partnerships (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    kind             TEXT NOT NULL CHECK (kind IN ('strategic', 'service_delivery', 'network', 'forum')),
    convenor         TEXT NOT NULL DEFAULT '',
    meeting_pattern  TEXT NOT NULL DEFAULT '',
    report_back_days INTEGER NOT NULL DEFAULT 90 CHECK (report_back_days > 0),
    last_review      TEXT,
    next_review      TEXT,
    is_demo          INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
) STRICT;

CREATE TABLE seats (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    label          TEXT NOT NULL,
    sector         TEXT NOT NULL CHECK (sector IN ('public', 'vcse', 'business', 'residents', 'other')),
    constituency   TEXT NOT NULL DEFAULT '',
    selection      TEXT NOT NULL DEFAULT '',
    ended_on       TEXT
) STRICT;
CREATE INDEX seats_partnership ON seats(partnership_id);

CREATE TABLE seat_categories (
    seat_id     INTEGER NOT NULL REFERENCES seats(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id),
    PRIMARY KEY (seat_id, category_id)
) STRICT;

CREATE TABLE seat_wards (
    seat_id INTEGER NOT NULL REFERENCES seats(id) ON DELETE CASCADE,
    ward_id INTEGER NOT NULL REFERENCES wards(id),
    PRIMARY KEY (seat_id, ward_id)
) STRICT;

-- People are not groups: a person holds a seat, usually from a group.
CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    lawful_basis TEXT NOT NULL CHECK (lawful_basis IN ('consent', 'legitimate_interest')),
    consent_date TEXT,
    is_demo      INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
) STRICT;

CREATE TABLE appointments (
    id              INTEGER PRIMARY KEY,
    seat_id         INTEGER NOT NULL REFERENCES seats(id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES people(id),
    group_id        INTEGER REFERENCES groups(id),
    role            TEXT NOT NULL CHECK (role IN ('holder', 'alternate')),
    term_start      TEXT NOT NULL,
    term_end        TEXT CHECK (term_end IS NULL OR term_end >= term_start),
    selection       TEXT NOT NULL CHECK (selection IN ('open_election', 'open_nomination', 'appointed', 'co_opted', 'invited')),
    openly_selected INTEGER NOT NULL CHECK (openly_selected IN (0, 1))
) STRICT;
CREATE INDEX appointments_seat ON appointments(seat_id);
CREATE INDEX appointments_person ON appointments(person_id);
CREATE INDEX appointments_group ON appointments(group_id);
