//! The unigram SentencePiece tokenizer: `sp.model` parsing and Viterbi, as the wheel's Python port.

use super::normalizer::Normalizer;
use super::EncoderError;

/// Id of `<unk>`, used for characters no piece covers and for text that normalizes to nothing.
pub(crate) const UNK: u32 = 0;
/// Id of `<s>`, put before every sentence.
pub(crate) const BOS: u32 = 1;
/// Id of `</s>`, put after every sentence.
pub(crate) const EOS: u32 = 2;

/// The vocabulary and normalizer of a SentencePiece unigram model; its ids are byte-identical to
/// the reference package's pure-Python tokenizer.
#[derive(Debug, Clone)]
pub(crate) struct Tokenizer {
    normalizer: Normalizer,
    scores: Vec<f32>,
    trie: Trie,
    /// The score of the single-character `<unk>` fallback: the lowest score minus 10.
    unk_score: f64,
}

/// A byte trie of the pieces, nodes in breadth-first order so each node's children are contiguous
/// and sorted by label.
#[derive(Debug, Clone)]
struct Trie {
    /// The byte on the edge into each node.
    labels: Vec<u8>,
    /// Each node's first child and child count.
    children: Vec<(u32, u16)>,
    /// The piece id that ends at each node, or `NO_PIECE`.
    pieces: Vec<u32>,
    /// The root's child for each byte, or 0 (the root itself) when there is none.
    root: Vec<u32>,
}

const NO_PIECE: u32 = u32::MAX;

impl Trie {
    /// Builds the trie; of duplicate pieces the last id wins, as in the reference's dict.
    fn new(bytes: &[u8], starts: &[u32]) -> Trie {
        let piece =
            |id: u32| &bytes[starts[id as usize] as usize..starts[id as usize + 1] as usize];
        // Sort by bytes (their first eight as a big-endian key settle most comparisons); equal
        // pieces in id order, so the last of a run is the highest id.
        let mut sorted: Vec<(u64, u32)> = (0..starts.len() as u32 - 1)
            .map(|id| {
                let mut key = [0u8; 8];
                let p = piece(id);
                key[..p.len().min(8)].copy_from_slice(&p[..p.len().min(8)]);
                (u64::from_be_bytes(key), id)
            })
            .collect();
        sorted.sort_unstable_by(|&(ka, a), &(kb, b)| {
            ka.cmp(&kb)
                .then_with(|| piece(a).cmp(piece(b)))
                .then(a.cmp(&b))
        });
        let mut unique: Vec<u32> = Vec::with_capacity(sorted.len());
        for (_, id) in sorted {
            match unique.last_mut() {
                Some(last) if piece(*last) == piece(id) => *last = id,
                _ => unique.push(id),
            }
        }
        let mut trie = Trie {
            labels: vec![0],
            children: vec![(0, 0)],
            pieces: vec![NO_PIECE],
            root: vec![0; 256],
        };
        // (node, range of `unique` below it, depth); the range's pieces share the node's prefix.
        let mut queue = std::collections::VecDeque::from([(0usize, 0usize, unique.len(), 0usize)]);
        while let Some((node, mut lo, hi, depth)) = queue.pop_front() {
            if lo < hi && piece(unique[lo]).len() == depth {
                trie.pieces[node] = unique[lo];
                lo += 1;
            }
            let first = trie.labels.len();
            while lo < hi {
                let c = piece(unique[lo])[depth];
                let end = lo + unique[lo..hi].partition_point(|&id| piece(id)[depth] == c);
                trie.labels.push(c);
                trie.children.push((0, 0));
                trie.pieces.push(NO_PIECE);
                queue.push_back((trie.labels.len() - 1, lo, end, depth + 1));
                lo = end;
            }
            trie.children[node] = (first as u32, (trie.labels.len() - first) as u16);
        }
        let (first, count) = trie.children[0];
        for child in first..first + u32::from(count) {
            trie.root[usize::from(trie.labels[child as usize])] = child;
        }
        trie
    }

    /// The child of `node` along byte `c`.
    fn child(&self, node: usize, c: u8) -> Option<usize> {
        if node == 0 {
            let child = self.root[usize::from(c)];
            return (child != 0).then_some(child as usize);
        }
        let (first, count) = self.children[node];
        let (first, count) = (first as usize, usize::from(count));
        let labels = &self.labels[first..first + count];
        labels.binary_search(&c).ok().map(|i| first + i)
    }
}

impl Tokenizer {
    /// Reads a serialized `ModelProto`: pieces (field 1: piece string 1, score 2) and the
    /// normalizer's precompiled charsmap (field 3, its field 2).
    pub fn from_model_proto(data: &[u8]) -> Result<Self, EncoderError> {
        let bad = || EncoderError::Damaged("the tokenizer model is malformed".into());
        let mut bytes = Vec::new();
        let mut starts = vec![0u32];
        let mut scores = Vec::new();
        let mut charsmap: Option<&[u8]> = None;
        for field in fields(data) {
            match field.map_err(|_| bad())? {
                (1, Value::Bytes(piece)) => {
                    let mut text = None;
                    let mut score = None;
                    for f in fields(piece) {
                        match f.map_err(|_| bad())? {
                            (1, Value::Bytes(b)) if text.is_none() => text = Some(b),
                            (2, Value::Fixed32(b)) if score.is_none() => {
                                score = Some(f32::from_le_bytes(b))
                            }
                            _ => {}
                        }
                    }
                    // As in the reference: a piece without text is skipped, a missing score is 0.
                    if let Some(text) = text {
                        std::str::from_utf8(text).map_err(|_| bad())?;
                        bytes.extend_from_slice(text);
                        starts.push(u32::try_from(bytes.len()).map_err(|_| bad())?);
                        scores.push(score.unwrap_or(0.0));
                    }
                }
                (3, Value::Bytes(spec)) if charsmap.is_none() => {
                    charsmap = Some(&[]);
                    for f in fields(spec) {
                        if let (2, Value::Bytes(map)) = f.map_err(|_| bad())? {
                            charsmap = Some(map);
                            break;
                        }
                    }
                }
                _ => {}
            }
        }
        if scores.len() <= EOS as usize {
            return Err(bad());
        }
        let normalizer = Normalizer::new(charsmap.unwrap_or(&[]))?;
        let min = scores.iter().copied().fold(f32::INFINITY, f32::min);
        Ok(Tokenizer {
            normalizer,
            trie: Trie::new(&bytes, &starts),
            scores,
            unk_score: f64::from(min) - 10.0,
        })
    }

    /// How many pieces the vocabulary has.
    pub fn vocab_size(&self) -> usize {
        self.scores.len()
    }

    /// Calls `found(end, id)` for every piece that `text[start..]` begins with, shortest first.
    fn prefixes(&self, text: &[u8], start: usize, mut found: impl FnMut(usize, u32)) {
        let mut node = 0;
        for (end, &c) in text.iter().enumerate().skip(start) {
            let Some(child) = self.trie.child(node, c) else {
                return;
            };
            node = child;
            let id = self.trie.pieces[node];
            if id != NO_PIECE {
                found(end + 1, id);
            }
        }
    }

    /// The piece ids of one sentence, `<s>` first and `</s>` last; scratch buffers are reused.
    pub fn encode_into(&self, text: &str, scratch: &mut Scratch, ids: &mut Vec<u32>) {
        ids.clear();
        ids.push(BOS);
        self.normalizer.normalize(text, &mut scratch.normalized);
        if scratch.normalized.is_empty() {
            ids.push(UNK);
        } else {
            // The reference decodes the normalized bytes as UTF-8; they always are for valid input.
            if std::str::from_utf8(&scratch.normalized).is_err() {
                let fixed = String::from_utf8_lossy(&scratch.normalized).into_owned();
                scratch.normalized = fixed.into_bytes();
            }
            self.viterbi(scratch, ids);
        }
        ids.push(EOS);
    }

    /// Unigram Viterbi over byte positions (only character starts are reachable): the best path
    /// by summed score, ties going to the earliest-starting piece, a lone `<unk>` character where
    /// no single-character piece exists. Scores add up in f64 as in the reference.
    fn viterbi(&self, scratch: &mut Scratch, ids: &mut Vec<u32>) {
        let text = &scratch.normalized;
        let len = text.len();
        scratch.best.clear();
        scratch.best.resize(len + 1, -1e38);
        scratch.best[0] = 0.0;
        scratch.from.clear();
        scratch.from.resize(len + 1, (0, UNK));
        let (best, from) = (&mut scratch.best, &mut scratch.from);
        for i in 0..len {
            if text[i] & 0xC0 == 0x80 {
                continue; // inside a character
            }
            let base = best[i];
            let char_end = i + utf8_len(text[i]).min(len - i);
            let mut has_single = false;
            self.prefixes(text, i, |end, id| {
                let score = base + f64::from(self.scores[id as usize]);
                if score > best[end] {
                    best[end] = score;
                    from[end] = (i as u32, id);
                }
                has_single |= end == char_end;
            });
            if !has_single {
                let score = base + self.unk_score;
                if score > best[char_end] {
                    best[char_end] = score;
                    from[char_end] = (i as u32, UNK);
                }
            }
        }
        let mark = ids.len();
        let mut pos = len;
        while pos > 0 {
            let (start, id) = from[pos];
            ids.push(id);
            pos = start as usize;
        }
        ids[mark..].reverse();
    }
}

/// Reusable buffers for [`Tokenizer::encode_into`].
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    normalized: Vec<u8>,
    best: Vec<f64>,
    from: Vec<(u32, u32)>,
}

/// The byte length of a UTF-8 character from its first byte (1 for a stray byte).
fn utf8_len(first: u8) -> usize {
    match first {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// A protobuf field value as far as this model needs: length-delimited bytes or a fixed32.
enum Value<'a> {
    Bytes(&'a [u8]),
    Fixed32([u8; 4]),
    Other,
}

/// The top-level fields of a protobuf message, in order; an `Err` item ends a malformed one.
fn fields(data: &[u8]) -> impl Iterator<Item = Result<(u64, Value<'_>), ()>> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= data.len() {
            return None;
        }
        let field = field(data, &mut pos);
        if field.is_err() {
            pos = data.len();
        }
        Some(field)
    })
}

fn field<'a>(data: &'a [u8], pos: &mut usize) -> Result<(u64, Value<'a>), ()> {
    let tag = varint(data, pos)?;
    let value = match tag & 7 {
        0 => {
            varint(data, pos)?;
            Value::Other
        }
        1 => {
            *pos = pos.checked_add(8).filter(|&p| p <= data.len()).ok_or(())?;
            Value::Other
        }
        2 => {
            let len = usize::try_from(varint(data, pos)?).map_err(|_| ())?;
            let end = pos
                .checked_add(len)
                .filter(|&e| e <= data.len())
                .ok_or(())?;
            let bytes = &data[*pos..end];
            *pos = end;
            Value::Bytes(bytes)
        }
        5 => {
            let bytes = data.get(*pos..*pos + 4).ok_or(())?;
            *pos += 4;
            Value::Fixed32(bytes.try_into().expect("4 bytes"))
        }
        _ => return Err(()),
    };
    Ok((tag >> 3, value))
}

fn varint(data: &[u8], pos: &mut usize) -> Result<u64, ()> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *data.get(*pos).ok_or(())?;
        *pos += 1;
        value |= u64::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(())
}
