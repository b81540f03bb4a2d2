-- Articles fetched by address: where each came from, and the version a fetch-again followed.
-- Never edit this file once landed; add a new numbered migration instead.

CREATE TABLE fetches (
    article_id    INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    requested_url TEXT    NOT NULL,  -- the address asked for (canonical form)
    final_url     TEXT    NOT NULL,  -- the address that answered, after redirects
    redirects     TEXT    NOT NULL,  -- JSON array of the addresses that redirected, in order
    status        INTEGER NOT NULL,
    headers       TEXT    NOT NULL,  -- JSON array of [name, value] pairs, as received
    fetched_at    TEXT    NOT NULL,
    -- The article this one is a newer version of, when it came from "check for updates".
    previous_id   INTEGER REFERENCES articles (id) ON DELETE SET NULL
);
CREATE INDEX fetches_by_requested_url ON fetches (requested_url);
CREATE INDEX fetches_by_final_url ON fetches (final_url);

-- "Already in the library" looks articles up by their address too.
CREATE INDEX articles_by_url ON articles (url);
