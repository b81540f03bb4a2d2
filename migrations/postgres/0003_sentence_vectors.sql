-- Sentence vectors of an article's body (see migrations/sqlite/0003_sentence_vectors.sql).
-- Never edit this file once landed; add a new numbered migration instead.

CREATE TABLE sentence_vectors (
    article_id     BIGINT  PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    body_hash      TEXT    NOT NULL,
    segmenter      BIGINT  NOT NULL,
    model          TEXT    NOT NULL,
    dim            BIGINT  NOT NULL,
    sentences      BIGINT  NOT NULL,
    vectors        BYTEA   NOT NULL,  -- sentences × dim little-endian f16 values
    created_at     TEXT    NOT NULL
);
