//! Sentence vectors: one unit-length vector per sentence of a document (the meaning signal the
//! aligner fuses with word overlap) and one per two adjacent sentences read as one, their cosine,
//! and their compact f16 storage form.

use half::f16;
use serde::{Deserialize, Serialize};

/// One L2-normalized vector per sentence, row after row; and, when encoded, one per sentence
/// read together with the next (`joined`, one row fewer): the meaning of a sentence that another
/// report split in two, which the mean of the halves' vectors misses (as Vecalign encodes
/// concatenated sentences to score its 1:2 alignments).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceVectors {
    dim: usize,
    values: Vec<f32>,
    /// Rows for sentences `i` and `i + 1` together; empty when not encoded.
    #[serde(default)]
    joined: Vec<f32>,
}

/// Why vectors could not be attached or decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VectorsError {
    #[error("the sentence vectors have {got} values, not a multiple of the dimension {dim}")]
    Ragged { got: usize, dim: usize },
    #[error("there are vectors for {vectors} sentences but the text has {sentences}")]
    Count { vectors: usize, sentences: usize },
    #[error("there are {rows} joined vectors for {sentences} sentences (one fewer expected)")]
    Joined { rows: usize, sentences: usize },
}

impl SentenceVectors {
    /// Vectors from rows of `dim` values each.
    pub fn new(dim: usize, values: Vec<f32>) -> Result<Self, VectorsError> {
        if dim == 0 || !values.len().is_multiple_of(dim) {
            return Err(VectorsError::Ragged {
                got: values.len(),
                dim,
            });
        }
        Ok(SentenceVectors {
            dim,
            values,
            joined: Vec::new(),
        })
    }

    /// The vectors with the joined rows of each two adjacent sentences (one row fewer than the
    /// sentences; none for fewer than two sentences).
    pub fn with_joined(mut self, joined: Vec<f32>) -> Result<Self, VectorsError> {
        let rows = self.len().saturating_sub(1);
        if joined.len() != rows * self.dim {
            return Err(VectorsError::Joined {
                rows: joined.len() / self.dim,
                sentences: self.len(),
            });
        }
        self.joined = joined;
        Ok(self)
    }

    /// The dimension of every vector.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Number of vectors.
    pub fn len(&self) -> usize {
        self.values.len() / self.dim
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The vector of sentences `i` and `i + 1` read as one, when encoded.
    pub fn joined_row(&self, i: usize) -> Option<&[f32]> {
        self.joined.get(i * self.dim..(i + 1) * self.dim)
    }

    /// Vector `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.values[i * self.dim..(i + 1) * self.dim]
    }

    /// The vectors as little-endian f16 values (half the bytes of f32; cosines move by < 0.001):
    /// the sentences' rows, then the joined rows (zero rows when they were not encoded), `2n − 1`
    /// rows for `n` sentences.
    pub fn to_f16_bytes(&self) -> Vec<u8> {
        let joined_rows = self.len().saturating_sub(1) * self.dim;
        let padding = joined_rows.saturating_sub(self.joined.len());
        self.values
            .iter()
            .chain(&self.joined)
            .copied()
            .chain(std::iter::repeat_n(0.0, padding))
            .flat_map(|v| f16::from_f32(v).to_le_bytes())
            .collect()
    }

    /// Vectors from [`SentenceVectors::to_f16_bytes`] output.
    pub fn from_f16_bytes(dim: usize, bytes: &[u8]) -> Result<Self, VectorsError> {
        let ragged = || VectorsError::Ragged {
            got: bytes.len() / 2,
            dim,
        };
        if dim == 0 || !bytes.len().is_multiple_of(2 * dim) {
            return Err(ragged());
        }
        let rows = bytes.len() / (2 * dim);
        if rows.is_multiple_of(2) && rows > 0 {
            return Err(ragged());
        }
        let sentences = rows.div_ceil(2);
        let mut values: Vec<f32> = bytes
            .chunks_exact(2)
            .map(|b| f16::from_le_bytes([b[0], b[1]]).to_f32())
            .collect();
        let mut joined = values.split_off(sentences * dim);
        if joined.iter().all(|&x| x == 0.0) {
            joined.clear(); // not encoded
        }
        let vectors = SentenceVectors::new(dim, values)?;
        if joined.is_empty() {
            Ok(vectors)
        } else {
            vectors.with_joined(joined)
        }
    }
}

/// The dot product of every row of `a` with every row of `b`, row-major (`i * b.len() + j`): the
/// cosines of all sentence pairs, since the vectors have unit length. One matrix product (about
/// ten times faster than pair-by-pair dot products for reports of a few hundred sentences).
pub fn cosine_matrix(a: &SentenceVectors, b: &SentenceVectors) -> Vec<f32> {
    use parallax_matmul::{matmul, Matrix};
    let (na, nb) = (a.len(), b.len());
    let mut out = vec![0.0; na * nb];
    if na == 0 || nb == 0 || a.dim != b.dim {
        return out;
    }
    // B's vectors as the columns of a `dim × nb` matrix.
    let mut columns = vec![0.0; a.dim * nb];
    for (j, row) in b.values.chunks_exact(b.dim).enumerate() {
        for (t, &x) in row.iter().enumerate() {
            columns[t * nb + j] = x;
        }
    }
    matmul(
        &a.values,
        a.dim,
        na,
        &Matrix::new(columns, a.dim, nb),
        &mut out,
        nb,
    );
    out
}

/// Cosine of two vectors (their dot product over their norms; 0 when either is zero).
pub fn cosine(x: &[f32], y: &[f32]) -> f32 {
    let (mut dot, mut xx, mut yy) = (0f32, 0f32, 0f32);
    for (&p, &q) in x.iter().zip(y) {
        dot += p * q;
        xx += p * p;
        yy += q * q;
    }
    if xx <= 0.0 || yy <= 0.0 {
        0.0
    } else {
        (dot / (xx.sqrt() * yy.sqrt())).clamp(-1.0, 1.0)
    }
}

/// Dot product of two vectors (the cosine when both have unit length).
pub fn dot(x: &[f32], y: &[f32]) -> f32 {
    // Eight running sums let the compiler vectorize without reassociating one sum.
    let mut sums = [0f32; 8];
    let (cx, cy) = (x.chunks_exact(8), y.chunks_exact(8));
    let (rx, ry) = (cx.remainder(), cy.remainder());
    for (p, q) in cx.zip(cy) {
        for k in 0..8 {
            sums[k] += p[k] * q[k];
        }
    }
    let tail: f32 = rx.iter().zip(ry).map(|(p, q)| p * q).sum();
    sums.iter().sum::<f32>() + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f16_round_trip_keeps_cosines() {
        let values: Vec<f32> = (0..16).map(|i| ((i * 7 % 5) as f32 - 2.0) / 3.0).collect();
        let v = SentenceVectors::new(8, values).unwrap();
        let back = SentenceVectors::from_f16_bytes(8, &v.to_f16_bytes()).unwrap();
        assert_eq!(back.len(), 2);
        for i in 0..2 {
            assert!((cosine(v.row(i), back.row(i)) - 1.0).abs() < 1e-3);
        }
    }

    #[test]
    fn ragged_input_is_refused() {
        assert!(SentenceVectors::new(3, vec![0.0; 4]).is_err());
        assert!(SentenceVectors::from_f16_bytes(2, &[0, 0, 0]).is_err());
        assert!(
            SentenceVectors::from_f16_bytes(2, &[0; 8]).is_err(),
            "two rows: no number of sentences stores that many"
        );
        let two = SentenceVectors::new(2, vec![1.0, 0.0, 0.0, 1.0]).unwrap();
        assert!(two.clone().with_joined(vec![0.6; 4]).is_err());
    }

    #[test]
    fn joined_rows_are_stored_after_the_sentences() {
        let v = SentenceVectors::new(2, vec![1.0, 0.0, 0.0, 1.0, 0.6, 0.8])
            .unwrap()
            .with_joined(vec![0.6, 0.8, 0.8, 0.6])
            .unwrap();
        let back = SentenceVectors::from_f16_bytes(2, &v.to_f16_bytes()).unwrap();
        assert_eq!(back.len(), 3);
        assert!((cosine(back.joined_row(1).unwrap(), &[0.8, 0.6]) - 1.0).abs() < 1e-3);
        assert_eq!(back.joined_row(2), None);
        // Without joined rows, zero rows stand in for them and read back as none.
        let plain = SentenceVectors::new(2, vec![1.0, 0.0, 0.0, 1.0]).unwrap();
        let bytes = plain.to_f16_bytes();
        assert_eq!(bytes.len(), 3 * 2 * 2);
        let back = SentenceVectors::from_f16_bytes(2, &bytes).unwrap();
        assert_eq!(back, plain);
        assert_eq!(back.joined_row(0), None);
    }

    #[test]
    fn the_cosine_matrix_holds_every_pair() {
        let a = SentenceVectors::new(3, vec![1.0, 0.0, 0.0, 0.0, 1.0, 0.0]).unwrap();
        let b = SentenceVectors::new(3, vec![0.0, 1.0, 0.0, 0.6, 0.8, 0.0, 0.0, 0.0, 1.0]).unwrap();
        let m = cosine_matrix(&a, &b);
        assert_eq!(m.len(), 6);
        for i in 0..2 {
            for j in 0..3 {
                assert!((m[i * 3 + j] - dot(a.row(i), b.row(j))).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn dot_matches_a_plain_sum() {
        let x: Vec<f32> = (0..19).map(|i| i as f32 * 0.1).collect();
        let y: Vec<f32> = (0..19).map(|i| 1.0 - i as f32 * 0.05).collect();
        let plain: f32 = x.iter().zip(&y).map(|(p, q)| p * q).sum();
        assert!((dot(&x, &y) - plain).abs() < 1e-4);
    }
}
