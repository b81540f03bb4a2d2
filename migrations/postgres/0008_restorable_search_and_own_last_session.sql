-- A library restored from pg_dump reads its search configurations by their schema (a restore
-- runs with an empty search path, and every article's search column is computed again then);
-- julianday() reads an offset only after a time (the day of '2024-03-18' is no offset); the last
-- opened session is each person's own.
-- Never edit this file once landed; add a new numbered migration instead.

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION parallax_search_config(text) SET search_path = %I, pg_catalog',
                   current_schema());
END
$$;

CREATE OR REPLACE FUNCTION julianday(value text) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT extract(epoch FROM CASE
        WHEN value ~ 'T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(\.[0-9]+)?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$'
            THEN value::timestamptz
        ELSE (value::timestamp AT TIME ZONE 'UTC')
    END) / 86400.0 + 2440587.5
$$;
REINDEX INDEX articles_live_by_published;
REINDEX INDEX articles_live_by_published_desc;

ALTER TABLE sessions ADD COLUMN opened_by TEXT;
