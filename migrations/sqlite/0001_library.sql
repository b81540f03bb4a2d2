-- The Parallax library: outlets, articles (+ full-text index), events, comparison sessions, annotations.
-- Never edit this file once landed; add a new numbered migration instead.

CREATE TABLE outlets (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    domain TEXT UNIQUE,
    notes  TEXT
);
-- An outlet known only by name (no domain) is looked up by that name.
CREATE INDEX outlets_by_name ON outlets (name COLLATE NOCASE);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    outlet_id     INTEGER REFERENCES outlets (id) ON DELETE SET NULL,
    title         TEXT NOT NULL,
    byline        TEXT,
    url           TEXT,
    canonical_url TEXT,
    published_at  TEXT,
    imported_at   TEXT NOT NULL,
    lang          TEXT,
    body          TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,
    source_format TEXT NOT NULL,
    source_path   TEXT,
    original      BLOB,
    word_count    INTEGER NOT NULL DEFAULT 0,
    -- Soft delete (undo): a non-NULL value hides the article from every query until restored or purged.
    deleted_at    TEXT
);
CREATE INDEX articles_by_outlet ON articles (outlet_id);
CREATE INDEX articles_by_canonical_url ON articles (canonical_url);
CREATE INDEX articles_by_deleted_at ON articles (deleted_at);

-- Full-text index over title and body, an external-content table kept in sync by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title,
    body,
    content = 'articles',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    notes      TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE event_articles (
    event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_by_article ON event_articles (article_id);

CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    event_id   INTEGER REFERENCES events (id) ON DELETE SET NULL,
    mode       TEXT NOT NULL,
    options    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE session_articles (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (session_id, article_id)
);
CREATE INDEX session_articles_by_article ON session_articles (article_id);

CREATE TABLE annotations (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    note       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX annotations_by_session ON annotations (session_id, article_id);
