-- Who made what, and a version per editable row: a team library records each change's author
-- (the name of the connection) and refuses an edit to a row changed since it was read
-- ("changed by X at 14:02 — reload"). A local library keeps the same columns (unnamed authors).
-- Never edit this file once landed; add a new numbered migration instead.

ALTER TABLE articles ADD COLUMN imported_by TEXT;
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN changed_by TEXT;
ALTER TABLE articles ADD COLUMN changed_at TEXT;

ALTER TABLE events ADD COLUMN created_by TEXT;
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN changed_by TEXT;
ALTER TABLE events ADD COLUMN changed_at TEXT;

ALTER TABLE sessions ADD COLUMN created_by TEXT;

ALTER TABLE annotations ADD COLUMN created_by TEXT;
ALTER TABLE annotations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE annotations ADD COLUMN changed_by TEXT;
ALTER TABLE annotations ADD COLUMN changed_at TEXT;
