//! The encoder applied to a segmented [`Document`]: one vector per sentence and one per two
//! adjacent sentences read together, attached or returned.

use super::{Encoder, DIM};
use crate::text::{Document, SentenceVectors, VectorsError};

impl Encoder {
    /// One vector per sentence of `doc`, in order, and one per sentence read with the next (the
    /// text from the start of one to the end of the other).
    pub fn encode_document(&self, doc: &Document) -> SentenceVectors {
        let values: Vec<f32> = self
            .encode(&doc.sentence_texts())
            .into_iter()
            .flatten()
            .collect();
        let joined_texts: Vec<&str> = doc
            .sentences
            .windows(2)
            .map(|two| &doc.body[two[0].range.start..two[1].range.end])
            .collect();
        let joined: Vec<f32> = self.encode(&joined_texts).into_iter().flatten().collect();
        SentenceVectors::new(DIM, values)
            .and_then(|v| v.with_joined(joined))
            .expect("whole vectors of DIM values, one joined row fewer than sentences")
    }

    /// `doc` with its sentences' vectors attached (see [`Document::with_meaning`]).
    pub fn attach(&self, doc: Document) -> Result<Document, VectorsError> {
        let vectors = self.encode_document(&doc);
        doc.with_meaning(vectors)
    }
}
