//! Integration tests of `text::encoder` against the reference Python package: for the invented
//! sentences in `tests/fixtures/encoder/reference.json` (written by `make_reference.py` there),
//! token ids must be identical and every vector's cosine with the reference at least 0.999.
//!
//! They need a converted model file (see `encoder::convert`) at the path in `PARALLAX_MODEL`;
//! without one each test prints a note and passes.

use std::path::PathBuf;

use parallax_core::text::encoder::{Encoder, EncoderError, DIM};
use parallax_core::text::{cosine, segment, SentenceVectors};

mod model;
use model::encoder;

fn model_bytes() -> Option<Vec<u8>> {
    let path = std::env::var_os("PARALLAX_MODEL")?;
    Some(std::fs::read(path).expect("PARALLAX_MODEL is readable"))
}

struct Reference {
    text: String,
    ids: Vec<u32>,
    vector: Vec<f32>,
}

fn reference() -> Vec<Reference> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encoder/reference.json");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("reference.json")).expect("valid JSON");
    assert_eq!(json["dim"].as_u64(), Some(DIM as u64));
    json["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| Reference {
            text: s["text"].as_str().expect("text").to_string(),
            ids: s["ids"]
                .as_array()
                .expect("ids")
                .iter()
                .map(|v| v.as_u64().expect("id") as u32)
                .collect(),
            vector: s["vector"]
                .as_array()
                .expect("vector")
                .iter()
                .map(|v| v.as_f64().expect("float") as f32)
                .collect(),
        })
        .collect()
}

#[test]
fn token_ids_match_the_reference() {
    let Some(encoder) = encoder() else { return };
    let reference = reference();
    assert!(reference.len() >= 20);
    for r in &reference {
        assert_eq!(
            encoder.token_ids(&r.text),
            r.ids,
            "token ids of {:?}",
            r.text
        );
    }
}

#[test]
fn vectors_match_the_reference() {
    let Some(encoder) = encoder() else { return };
    let reference = reference();
    let texts: Vec<&str> = reference.iter().map(|r| r.text.as_str()).collect();
    let vectors = encoder.encode(&texts);
    assert_eq!(vectors.len(), texts.len());
    let mut worst = (f32::INFINITY, "");
    for (v, r) in vectors.iter().zip(&reference) {
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "{:?} has norm {norm}", r.text);
        let c = cosine(v, &r.vector);
        if c < worst.0 {
            worst = (c, &r.text);
        }
    }
    eprintln!(
        "lowest cosine with the reference: {:.6} for {:?}",
        worst.0, worst.1
    );
    assert!(worst.0 >= 0.999, "cosine {} for {:?}", worst.0, worst.1);
}

#[test]
fn a_sentence_gets_the_same_vector_alone_or_in_a_batch() {
    let Some(encoder) = encoder() else { return };
    let reference = reference();
    let texts: Vec<&str> = reference.iter().map(|r| r.text.as_str()).collect();
    let together = encoder.encode(&texts);
    for (i, text) in texts.iter().enumerate() {
        let alone = encoder.encode(&[*text]);
        assert!(cosine(&alone[0], &together[i]) > 0.99999, "{text:?}");
    }
    assert!(encoder.encode::<&str>(&[]).is_empty());
}

/// The pieces one encoding keeps for the next change nothing: a sentence gets the same vector
/// with every piece new, after they were kept, and after so many other pieces that the kept ones
/// were let go.
#[test]
fn kept_pieces_change_no_vector() {
    let Some(encoder) = encoder() else { return };
    let sentence = "The harbour council of Orlov Bay approved the night ferry on Tuesday.";
    encoder.forget_pieces();
    let fresh = encoder.encode(&[sentence])[0];
    let kept = encoder.encode(&[sentence])[0];
    assert!(cosine(&fresh, &kept) > 0.99999);
    // Thousands of distinct characters, each a piece of its own: more pieces than are kept, so
    // the kept ones are let go partway through (the crowd's vectors agree across it too).
    let crowd: Vec<String> = (0..2_000u32)
        .map(|n| {
            (0..10)
                .filter_map(|k| char::from_u32(0x4E00 + n * 10 + k))
                .collect()
        })
        .collect();
    encoder.forget_pieces();
    let crowd_fresh = encoder.encode(&crowd);
    let distinct: std::collections::HashSet<u32> =
        crowd.iter().flat_map(|s| encoder.token_ids(s)).collect();
    assert!(distinct.len() > 2_048, "{} pieces", distinct.len());
    let crowd_again = encoder.encode(&crowd);
    for (a, b) in crowd_fresh.iter().zip(&crowd_again) {
        assert!(cosine(a, b) > 0.99999);
    }
    let after_crowd = encoder.encode(&[sentence])[0];
    assert!(cosine(&fresh, &after_crowd) > 0.99999);
}

#[test]
fn translations_are_closer_than_unrelated_sentences() {
    let Some(encoder) = encoder() else { return };
    let v = encoder.encode(&[
        "The harbour of Varnholm will close for repairs next week.",
        "El puerto de Varnholm cerrará la próxima semana por reparaciones.",
        "Der Hafen von Varnholm wird nächste Woche wegen Reparaturen geschlossen.",
        "My grandmother bakes bread with rye flour every Sunday.",
    ]);
    let (es, de, other) = (
        cosine(&v[0], &v[1]),
        cosine(&v[0], &v[2]),
        cosine(&v[0], &v[3]),
    );
    assert!(
        es > other + 0.2 && de > other + 0.2,
        "es {es}, de {de}, unrelated {other}"
    );
}

#[test]
fn vectors_survive_half_float_storage() {
    let Some(encoder) = encoder() else { return };
    let doc = segment(
        "Ein erfundener Satz über den Stadtrat von Nebelstadt. Der Rat tagt am Montag.",
        Some("de"),
    );
    let v = encoder.encode_document(&doc);
    let bytes = v.to_f16_bytes();
    assert_eq!(
        bytes.len(),
        3 * DIM * 2,
        "two sentences and the two read as one"
    );
    let back = SentenceVectors::from_f16_bytes(DIM, &bytes).expect("whole vectors");
    assert_eq!(back.len(), 2);
    for i in 0..2 {
        assert!(cosine(v.row(i), back.row(i)) > 0.9999);
    }
    let joined = v.joined_row(0).expect("encoded");
    assert!(cosine(joined, back.joined_row(0).expect("stored")) > 0.9999);
    assert!(
        cosine(joined, &encoder.encode(&[doc.body.as_str()])[0]) > 0.999,
        "the joined row is the two sentences' text encoded as one"
    );
}

#[test]
fn damaged_model_files_are_refused() {
    if encoder().is_none() {
        return;
    }
    let Some(bytes) = model_bytes() else { return };
    assert!(matches!(
        Encoder::from_bytes(&bytes[..bytes.len() / 2]),
        Err(EncoderError::Damaged(_))
    ));
    let mut flipped = bytes.clone();
    let at = flipped.len() - 1000;
    flipped[at] ^= 0x40;
    assert!(matches!(
        Encoder::from_bytes(&flipped),
        Err(EncoderError::Damaged(_))
    ));
    let mut foreign = bytes;
    foreign[0] = b'X';
    let err = Encoder::from_bytes(&foreign).expect_err("not a model");
    assert_eq!(err, EncoderError::NotAModel);
    assert!(!err.to_string().is_empty());
}
