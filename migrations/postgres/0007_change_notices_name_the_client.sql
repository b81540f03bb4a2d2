-- A change notice names the client that made it (its application_name, set by each Parallax
-- client), so that a client is not told of its own changes: '<table> <client>'.
-- Never edit this file once landed; add a new numbered migration instead.

CREATE OR REPLACE FUNCTION parallax_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('parallax_changes',
                      TG_TABLE_NAME || ' ' || coalesce(current_setting('application_name', true), ''));
    RETURN NULL;
END
$$;
