//! SentencePiece's `nmt_nfkc` normalizer over the model's precompiled charsmap, as in the wheel.

use super::EncoderError;

/// The whitespace marker pieces use: U+2581 LOWER ONE EIGHTH BLOCK.
pub(crate) const SPACE: &[u8] = "\u{2581}".as_bytes();

/// The normalizer of the bundled model (a darts-clone double-array trie over UTF-8 bytes plus
/// NUL-terminated replacement strings): `add_dummy_prefix`, `remove_extra_whitespaces` and
/// `escape_whitespaces` are all on, as the reference tokenizer hard-codes them.
#[derive(Debug, Clone)]
pub(crate) struct Normalizer {
    /// The double-array units; empty when the model has no charsmap.
    units: Vec<u32>,
    /// The replacement strings, each ending in NUL, addressed by the trie's values.
    replacements: Vec<u8>,
}

/// `(unit >> 10) << ((unit & 0x200) >> 6)`: the offset from a node to its children.
fn offset(unit: u32) -> usize {
    ((unit >> 10) << ((unit & 0x200) >> 6)) as usize
}

impl Normalizer {
    /// Reads a precompiled charsmap: a u32 trie size in bytes, the trie, then the replacements.
    pub fn new(charsmap: &[u8]) -> Result<Self, EncoderError> {
        if charsmap.is_empty() {
            return Ok(Normalizer {
                units: Vec::new(),
                replacements: Vec::new(),
            });
        }
        let bad = || EncoderError::Damaged("the tokenizer's character map is malformed".into());
        let size = charsmap.get(..4).ok_or_else(bad)?;
        let size = u32::from_le_bytes(size.try_into().expect("4 bytes")) as usize;
        let trie = charsmap.get(4..4 + size).ok_or_else(bad)?;
        if !size.is_multiple_of(4) || size == 0 {
            return Err(bad());
        }
        let units = trie
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        Ok(Normalizer {
            units,
            replacements: charsmap[4 + size..].to_vec(),
        })
    }

    /// The replacement string at `value`, up to its NUL (or the end of the table).
    fn replacement(&self, value: usize) -> &[u8] {
        let rest = &self.replacements[value..];
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        &rest[..end]
    }

    /// What `data[pos..]` starts with after normalization, and how many input bytes that consumed
    /// (`Normalizer::NormalizePrefix`): the longest charsmap key wins; without one, the next UTF-8
    /// character (or a lone byte if it is malformed) passes through unchanged.
    fn prefix<'a>(&'a self, data: &'a [u8], pos: usize) -> (&'a [u8], usize) {
        let n = data.len();
        if pos >= n {
            return (&[], 0);
        }
        let mut best_len = 0;
        let mut best_value = 0usize;
        if let Some(&root) = self.units.first() {
            let mut node = offset(root);
            let mut i = pos;
            while i < n {
                let c = data[i];
                node ^= usize::from(c);
                let Some(&unit) = self.units.get(node) else {
                    break;
                };
                if (unit & 0x8000_00FF) != u32::from(c) {
                    break;
                }
                node ^= offset(unit);
                i += 1;
                if unit & 0x100 != 0 {
                    best_len = i - pos;
                    best_value = self
                        .units
                        .get(node)
                        .map_or(usize::MAX, |&u| (u & 0x7FFF_FFFF) as usize);
                }
            }
        }
        if best_len == 0 || best_value >= self.replacements.len() {
            let first = data[pos];
            let mut len = match first {
                _ if first < 0x80 => 1,
                _ if first >> 5 == 0x6 => 2,
                _ if first >> 4 == 0xE => 3,
                _ if first >> 3 == 0x1E => 4,
                _ => 1,
            };
            if (1..len).any(|k| pos + k >= n || data[pos + k] & 0xC0 != 0x80) {
                len = 1;
            }
            return (&data[pos..pos + len], len);
        }
        (self.replacement(best_value), best_len)
    }

    /// Normalizes `text` into `out` (cleared first): NFKC-like folding from the charsmap, leading,
    /// trailing and repeated whitespace removed, a space prefixed, spaces written as U+2581.
    pub fn normalize(&self, text: &str, out: &mut Vec<u8>) {
        out.clear();
        let raw = text.as_bytes();
        let n = raw.len();
        let mut pos = 0;
        while pos < n {
            let (piece, used) = self.prefix(raw, pos);
            if piece != b" " {
                break;
            }
            pos += used;
        }
        if pos >= n {
            return;
        }
        out.extend_from_slice(SPACE);
        let mut prev_space = true;
        while pos < n {
            let (mut piece, used) = self.prefix(raw, pos);
            pos += used;
            if prev_space {
                while let [b' ', rest @ ..] = piece {
                    piece = rest;
                }
            }
            if piece.is_empty() {
                continue;
            }
            if piece.contains(&b' ') {
                for &b in piece {
                    if b == b' ' {
                        out.extend_from_slice(SPACE);
                    } else {
                        out.push(b);
                    }
                }
                prev_space = piece.last() == Some(&b' ');
            } else {
                out.extend_from_slice(piece);
                prev_space = false;
            }
        }
        while out.ends_with(SPACE) {
            out.truncate(out.len() - SPACE.len());
        }
    }
}
