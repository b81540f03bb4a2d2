//! The converted model file: a versioned header, then named sections of typed tensors or bytes.

use super::EncoderError;

/// The first eight bytes of every converted model file. The layout, all integers little-endian:
///
/// ```text
/// header   magic b"PXUSEM3\0" | format version u32 | section count u32 | body length u64
///          | checksum u64
/// section  name length u8 | name (ASCII) | dtype u8 (1 = u8, 2 = f32) | rank u8 | dims u32 × rank
///          | data length u64 | data (row-major; f32 as little-endian IEEE 754)
/// ```
///
/// The checksum covers the body (everything after the 32-byte header), so a truncated, damaged or
/// foreign file is refused before anything in it is used.
pub(crate) const MAGIC: [u8; 8] = *b"PXUSEM3\0";
/// The version of the layout and of the section set this build writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 1;
const HEADER_LEN: usize = 32;

/// The element type of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dtype {
    U8 = 1,
    F32 = 2,
}

impl Dtype {
    fn size(self) -> usize {
        match self {
            Dtype::U8 => 1,
            Dtype::F32 => 4,
        }
    }
}

/// One section as read: its name, element type, shape and raw data bytes.
#[derive(Debug, Clone)]
pub(crate) struct Section<'a> {
    pub name: &'a str,
    pub dtype: Dtype,
    pub dims: Vec<u32>,
    pub data: &'a [u8],
}

/// Writes a model file section by section.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    body: Vec<u8>,
    count: u32,
}

impl Writer {
    /// Adds a section; `data` must hold exactly the elements the shape calls for.
    pub fn section(&mut self, name: &str, dtype: Dtype, dims: &[usize], data: &[u8]) {
        let elements: usize = dims.iter().product();
        assert_eq!(
            elements * dtype.size(),
            data.len(),
            "section {name}: shape and data disagree"
        );
        assert!(name.len() <= usize::from(u8::MAX) && dims.len() <= usize::from(u8::MAX));
        self.body.push(name.len() as u8);
        self.body.extend_from_slice(name.as_bytes());
        self.body.push(dtype as u8);
        self.body.push(dims.len() as u8);
        for &d in dims {
            let d = u32::try_from(d).expect("dimension fits in u32");
            self.body.extend_from_slice(&d.to_le_bytes());
        }
        self.body
            .extend_from_slice(&(data.len() as u64).to_le_bytes());
        self.body.extend_from_slice(data);
        self.count += 1;
    }

    /// Adds an f32 tensor, stored little-endian.
    pub fn f32_section(&mut self, name: &str, dims: &[usize], values: &[f32]) {
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.section(name, Dtype::F32, dims, &bytes);
    }

    /// The finished file: header, then the body.
    pub fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.body.len());
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&(self.body.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&self.body).to_le_bytes());
        out.extend_from_slice(&self.body);
        out
    }
}

/// Reads and checks the header, then every section of a model file.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Section<'_>>, EncoderError> {
    if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC {
        return Err(EncoderError::NotAModel);
    }
    if bytes.len() < HEADER_LEN {
        return Err(damaged("it ends inside its header"));
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if version != FORMAT_VERSION {
        return Err(EncoderError::Version {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    let count = u32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes"));
    let body_len = u64::from_le_bytes(bytes[16..24].try_into().expect("8 bytes"));
    let sum = u64::from_le_bytes(bytes[24..32].try_into().expect("8 bytes"));
    let body = &bytes[HEADER_LEN..];
    if body.len() as u64 != body_len {
        return Err(damaged(if (body.len() as u64) < body_len {
            "it is shorter than its header says (cut off?)"
        } else {
            "it has bytes past its end"
        }));
    }
    if checksum(body) != sum {
        return Err(damaged("its checksum does not match"));
    }
    let mut cursor = Cursor {
        bytes: body,
        pos: 0,
    };
    let mut sections = Vec::with_capacity(count as usize);
    for _ in 0..count {
        sections.push(cursor.section()?);
    }
    if cursor.pos != body.len() {
        return Err(damaged("it has bytes after its last section"));
    }
    Ok(sections)
}

fn damaged(why: &str) -> EncoderError {
    EncoderError::Damaged(why.to_string())
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], EncoderError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| damaged("a section runs past the end of the file"))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn byte(&mut self) -> Result<u8, EncoderError> {
        Ok(self.take(1)?[0])
    }

    fn section(&mut self) -> Result<Section<'a>, EncoderError> {
        let name_len = usize::from(self.byte()?);
        let name = std::str::from_utf8(self.take(name_len)?)
            .map_err(|_| damaged("a section name is not text"))?;
        let dtype = match self.byte()? {
            1 => Dtype::U8,
            2 => Dtype::F32,
            _ => return Err(damaged("a section has an unknown element type")),
        };
        let rank = usize::from(self.byte()?);
        let dims_bytes = self.take(rank * 4)?;
        let dims: Vec<u32> = dims_bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        let len = u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes"));
        let elements = dims
            .iter()
            .try_fold(1u64, |acc, &d| acc.checked_mul(u64::from(d)));
        if elements.and_then(|e| e.checked_mul(dtype.size() as u64)) != Some(len) {
            return Err(damaged(&format!(
                "section {name}: its shape and length disagree"
            )));
        }
        let len = usize::try_from(len).map_err(|_| damaged("a section is too large"))?;
        let data = self.take(len)?;
        Ok(Section {
            name,
            dtype,
            dims,
            data,
        })
    }
}

/// A fast 64-bit checksum of some bytes: four interleaved multiply-xor lanes over 8-byte words
/// (not cryptographic; it detects damage, not tampering).
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut lanes = [
        0x243F_6A88_85A3_08D3u64,
        0x1319_8A2E_0370_7344,
        0xA409_3822_299F_31D0,
        0x082E_FA98_EC4E_6C89,
    ];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
            *lane = (*lane ^ w).wrapping_mul(K).rotate_left(29);
        }
    }
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    for lane in lanes {
        h = (h ^ lane).wrapping_mul(K).rotate_left(31);
    }
    for &b in blocks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(K);
    }
    h ^ (h >> 32)
}
