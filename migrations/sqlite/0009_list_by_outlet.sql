-- Nothing to change in a local library: PostgreSQL's 0009 adds an index its planner needs for the
-- list sorted by outlet at a million articles (SQLite's plan reads 100,000 in 30 ms as it is).
-- Kept so both backends number their changes alike.
-- Never edit this file once landed; add a new numbered migration instead.
SELECT 1;
