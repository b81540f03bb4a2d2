-- Comparison sessions: when each was last opened (to restore the last one at start).
-- Never edit this file once landed; add a new numbered migration instead.

ALTER TABLE sessions ADD COLUMN opened_at TEXT;
-- Counts openings across the library (1, 2, 3, …): orders sessions opened within the same second,
-- which `opened_at` (whole seconds) cannot tell apart. NULL for a session never opened.
ALTER TABLE sessions ADD COLUMN open_order INTEGER;
CREATE INDEX sessions_by_open_order ON sessions (open_order);

-- Notes of a session in reading order are looked up by session, article and position.
CREATE INDEX session_articles_by_session ON session_articles (session_id, position);
