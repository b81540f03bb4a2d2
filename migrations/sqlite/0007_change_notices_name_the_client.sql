-- Nothing to change in a local library: change notices are a team library's (PostgreSQL's
-- migration 0007 names the client in them). Kept so both backends number their changes alike.
-- Never edit this file once landed; add a new numbered migration instead.
SELECT 1;
