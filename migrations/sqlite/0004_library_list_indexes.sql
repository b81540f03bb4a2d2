-- The library list in every order it offers, for libraries of 100,000 articles: partial indexes
-- over the live (not deleted) articles matching `ORDER BY` in store/articles.rs term for term, so
-- a page is read from an index instead of sorting every article, and the count of live articles
-- reads an index instead of the table (bodies included). Published dates sort unknown dates last
-- in both directions, so that order needs an index per direction. The plain index on deleted_at
-- made SQLite pick it for `deleted_at IS NULL` and sort everything; deleted articles (restore,
-- purge) keep a partial index of their own.
-- Never edit this file once landed; add a new numbered migration instead.

DROP INDEX articles_by_deleted_at;
CREATE INDEX articles_deleted ON articles (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX articles_live_by_imported ON articles (imported_at, id) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_by_title ON articles (title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_by_words ON articles (word_count, id) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_by_published
    ON articles (published_at IS NULL, julianday(published_at), id) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_by_published_desc
    ON articles (published_at IS NULL, julianday(published_at) DESC, id DESC)
    WHERE deleted_at IS NULL;
