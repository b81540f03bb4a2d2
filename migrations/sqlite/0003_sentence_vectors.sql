-- Sentence vectors of an article's body: the meaning signal the aligner fuses with word overlap.
-- Computed once (after import, or at the first comparison) and reused, so opening a session does
-- not encode again. Keyed by the article and valid only for the body, segmentation and model they
-- were computed from: a re-extracted body, a new segmenter or another model makes them stale.
-- Never edit this file once landed; add a new numbered migration instead.

CREATE TABLE sentence_vectors (
    article_id     INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    body_hash      TEXT    NOT NULL,  -- blake3 of the body the sentences were cut from
    segmenter      INTEGER NOT NULL,  -- parallax_core::text::SEGMENTER_VERSION
    model          TEXT    NOT NULL,  -- the sentence model's name and version
    dim            INTEGER NOT NULL,  -- values per vector
    sentences      INTEGER NOT NULL,  -- number of vectors
    vectors        BLOB    NOT NULL,  -- sentences × dim little-endian f16 values
    created_at     TEXT    NOT NULL
);
