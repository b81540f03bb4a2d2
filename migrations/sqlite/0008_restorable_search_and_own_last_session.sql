-- The last opened session is each person's own (a team library's change; PostgreSQL's 0008
-- also makes its search restorable from pg_dump). Kept alike so both backends number alike.
-- Never edit this file once landed; add a new numbered migration instead.

ALTER TABLE sessions ADD COLUMN opened_by TEXT;
