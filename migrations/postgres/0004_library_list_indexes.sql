-- The library list in every order it offers: partial indexes over the live (not deleted)
-- articles matching `ORDER BY` in store/articles.rs term for term (see the SQLite migration).
-- Never edit this file once landed; add a new numbered migration instead.

DROP INDEX articles_by_deleted_at;
CREATE INDEX articles_deleted ON articles (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX articles_live_by_imported ON articles (imported_at, id) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_by_title ON articles ((title COLLATE nocase), id) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_by_words ON articles (word_count, id) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_by_published
    ON articles ((published_at IS NULL), julianday(published_at), id) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_by_published_desc
    ON articles ((published_at IS NULL), julianday(published_at) DESC, id DESC)
    WHERE deleted_at IS NULL;
