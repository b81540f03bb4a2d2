-- Who made what, and a version per editable row: a team library records each change's author
-- (the name of the connection) and refuses an edit to a row changed since it was read
-- ("changed by X at 14:02 — reload"). A local library keeps the same columns (unnamed authors).
-- Never edit this file once landed; add a new numbered migration instead.

ALTER TABLE articles ADD COLUMN imported_by TEXT;
ALTER TABLE articles ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN changed_by TEXT;
ALTER TABLE articles ADD COLUMN changed_at TEXT;

ALTER TABLE events ADD COLUMN created_by TEXT;
ALTER TABLE events ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN changed_by TEXT;
ALTER TABLE events ADD COLUMN changed_at TEXT;

ALTER TABLE sessions ADD COLUMN created_by TEXT;

ALTER TABLE annotations ADD COLUMN created_by TEXT;
ALTER TABLE annotations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE annotations ADD COLUMN changed_by TEXT;
ALTER TABLE annotations ADD COLUMN changed_at TEXT;

-- A colleague's imports, edits and notes reach every open app at once: each change to these
-- tables notifies the channel parallax_changes with the table's name (LISTEN in the app).
CREATE FUNCTION parallax_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('parallax_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$;
CREATE TRIGGER articles_notify AFTER INSERT OR UPDATE OR DELETE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION parallax_notify_change();
CREATE TRIGGER events_notify AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION parallax_notify_change();
CREATE TRIGGER event_articles_notify AFTER INSERT OR UPDATE OR DELETE ON event_articles
    FOR EACH STATEMENT EXECUTE FUNCTION parallax_notify_change();
CREATE TRIGGER annotations_notify AFTER INSERT OR UPDATE OR DELETE ON annotations
    FOR EACH STATEMENT EXECUTE FUNCTION parallax_notify_change();
CREATE TRIGGER sessions_notify AFTER INSERT OR UPDATE OR DELETE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION parallax_notify_change();
