-- The library list sorted by outlet, for a million articles: the live articles by outlet and id,
-- read from the index alone and joined to the few outlets (a full read of the table before).
-- Never edit this file once landed; add a new numbered migration instead.

CREATE INDEX articles_live_by_outlet ON articles (outlet_id, id) WHERE deleted_at IS NULL;
