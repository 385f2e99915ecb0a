-- 003: what UK GDPR asks us to record about each person (how consent was given and what they
-- were told, when their record is next reviewed) and that a person was erased, without their data.

ALTER TABLE people ADD COLUMN consent_how TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN consent_told TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN review_date TEXT;
ALTER TABLE people ADD COLUMN erased_at TEXT;
