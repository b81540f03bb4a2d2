//! The encoder applied to a segmented [`Document`]: one vector per sentence, attached or returned.

use super::{Encoder, DIM};
use crate::text::{Document, SentenceVectors, VectorsError};

impl Encoder {
    /// One vector per sentence of `doc`, in order.
    pub fn encode_document(&self, doc: &Document) -> SentenceVectors {
        let values: Vec<f32> = self
            .encode(&doc.sentence_texts())
            .into_iter()
            .flatten()
            .collect();
        SentenceVectors::new(DIM, values).expect("whole vectors of DIM values")
    }

    /// `doc` with its sentences' vectors attached (see [`Document::with_meaning`]).
    pub fn attach(&self, doc: Document) -> Result<Document, VectorsError> {
        let vectors = self.encode_document(&doc);
        doc.with_meaning(vectors)
    }
}
