-- Articles fetched by address: where each came from, and the version a fetch-again followed.
-- Never edit this file once landed; add a new numbered migration instead.

CREATE TABLE fetches (
    article_id    BIGINT  PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    requested_url TEXT    NOT NULL,
    final_url     TEXT    NOT NULL,
    redirects     TEXT    NOT NULL,  -- JSON array of the addresses that redirected, in order
    status        BIGINT  NOT NULL,
    headers       TEXT    NOT NULL,  -- JSON array of [name, value] pairs, as received
    fetched_at    TEXT    NOT NULL,
    previous_id   BIGINT  REFERENCES articles (id) ON DELETE SET NULL
);
CREATE INDEX fetches_by_requested_url ON fetches (requested_url);
CREATE INDEX fetches_by_final_url ON fetches (final_url);

CREATE INDEX articles_by_url ON articles (url);
