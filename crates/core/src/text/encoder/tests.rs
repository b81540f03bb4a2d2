//! Unit tests of the parts that need no model: file format, tokenizer, conversion.

use super::format::{self, Dtype, Writer};
use super::normalizer::Normalizer;
use super::tokenizer::{Scratch, Tokenizer};
use super::*;

#[test]
fn format_round_trips_and_refuses_damage() {
    let mut w = Writer::default();
    w.section("raw", Dtype::U8, &[3], b"abc");
    w.f32_section("m", &[2, 2], &[1.0, -2.5, 0.0, 3.25]);
    w.f32_section("s", &[], &[7.0]);
    let bytes = w.finish();
    let sections = format::read(&bytes).expect("reads back");
    assert_eq!(sections.len(), 3);
    assert_eq!((sections[0].name, sections[0].data), ("raw", &b"abc"[..]));
    assert_eq!(sections[1].dims, vec![2, 2]);
    assert_eq!(sections[1].data[4..8], (-2.5f32).to_le_bytes());
    assert!(sections[2].dims.is_empty());

    assert_eq!(
        format::read(b"hello world").unwrap_err(),
        EncoderError::NotAModel
    );
    assert!(matches!(
        format::read(&bytes[..bytes.len() - 1]),
        Err(EncoderError::Damaged(_))
    ));
    let mut flipped = bytes.clone();
    *flipped.last_mut().unwrap() ^= 1;
    assert!(matches!(
        format::read(&flipped),
        Err(EncoderError::Damaged(_))
    ));
    let mut newer = bytes.clone();
    newer[8] = 99;
    assert_eq!(
        format::read(&newer).unwrap_err(),
        EncoderError::Version {
            found: 99,
            expected: 1
        }
    );
    assert!(EncoderError::Damaged("x".into())
        .to_string()
        .contains("damaged or from another version"));
}

#[test]
fn a_file_without_the_model_sections_is_refused() {
    let mut w = Writer::default();
    w.section("info", Dtype::U8, &[2], b"hi");
    let err = Encoder::from_bytes(&w.finish()).unwrap_err();
    assert!(matches!(err, EncoderError::Damaged(_)), "{err}");
}

#[test]
fn whitespace_rules_without_a_charsmap() {
    let n = Normalizer::new(&[]).unwrap();
    let mut out = Vec::new();
    for (text, want) in [
        ("", ""),
        ("   ", ""),
        ("a", "\u{2581}a"),
        ("  two   words  ", "\u{2581}two\u{2581}words"),
        ("tab\tstays", "\u{2581}tab\tstays"), // only the charsmap maps tabs to spaces
    ] {
        n.normalize(text, &mut out);
        assert_eq!(String::from_utf8(out.clone()).unwrap(), want, "{text:?}");
    }
}

/// A protobuf length-delimited field.
fn field(number: u8, bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![number << 3 | 2, bytes.len() as u8];
    out.extend_from_slice(bytes);
    out
}

/// A tiny `ModelProto` without a charsmap: pieces with their scores.
fn model(pieces: &[(&str, f32)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (piece, score) in pieces {
        let mut p = field(1, piece.as_bytes());
        p.push(2 << 3 | 5);
        p.extend_from_slice(&score.to_le_bytes());
        out.extend(field(1, &p));
    }
    out
}

fn tokenize(t: &Tokenizer, text: &str) -> Vec<u32> {
    let mut ids = Vec::new();
    t.encode_into(text, &mut Scratch::default(), &mut ids);
    ids
}

#[test]
fn viterbi_prefers_the_best_path_and_breaks_ties_like_the_reference() {
    let t = Tokenizer::from_model_proto(&model(&[
        ("<unk>", 0.0),
        ("<s>", 0.0),
        ("</s>", 0.0),
        ("\u{2581}", -1.0),                  // 3
        ("\u{2581}a", -1.0),                 // 4
        ("b", -1.0),                         // 5
        ("ab", -1.0),                        // 6
        ("\u{2581}ab", -2.5),                // 7
        ("c", -1.0),                         // 8
        ("c", -3.0),                         // 9: a duplicate; the last id wins, with its score
        ("\u{2581}\u{00e9}t\u{00e9}", -0.5), // 10
    ]))
    .unwrap();
    assert_eq!(t.vocab_size(), 11);
    // "▁a"+"b" and "▁"+"ab" tie at -2 (better than "▁ab"): the last piece starting earliest wins.
    assert_eq!(tokenize(&t, "ab"), [1, 3, 6, 2]);
    // No piece covers "x": one <unk> for the character.
    assert_eq!(tokenize(&t, "ab x"), [1, 3, 6, 3, 0, 2]);
    assert_eq!(tokenize(&t, "c"), [1, 3, 9, 2]);
    assert_eq!(tokenize(&t, "  \u{e9}t\u{e9} "), [1, 10, 2]);
    assert_eq!(tokenize(&t, "\u{e9}\u{e9}"), [1, 3, 0, 0, 2]);
    assert_eq!(tokenize(&t, ""), [1, 0, 2]);
    assert_eq!(tokenize(&t, " \t "), [1, 3, 0, 2]); // without a charsmap a tab is a character
    assert!(Tokenizer::from_model_proto(b"\x0a\xff").is_err());
}

#[test]
fn npy_headers_parse() {
    let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend_from_slice(&(header.len() as u16).to_le_bytes());
    bytes.extend_from_slice(header.as_bytes());
    bytes.extend((0..6).flat_map(|i| (i as f32).to_le_bytes()));
    let npy = convert::Npy::parse(&bytes).unwrap();
    assert_eq!(
        (npy.descr.as_str(), npy.shape.as_slice()),
        ("<f4", &[2, 3][..])
    );
    assert_eq!(
        npy.f32s("m", &[2, 3]).unwrap(),
        [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    );
    let scalar = "{'descr': '<f8', 'fortran_order': False, 'shape': (), }";
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend_from_slice(&(scalar.len() as u16).to_le_bytes());
    bytes.extend_from_slice(scalar.as_bytes());
    bytes.extend_from_slice(&1e-12f64.to_le_bytes());
    assert_eq!(
        convert::Npy::parse(&bytes)
            .unwrap()
            .f32s("eps", &[])
            .unwrap(),
        [1e-12f32]
    );
    assert!(convert::Npy::parse(b"PK\x03\x04 not npy").is_err());
}

#[test]
fn conversion_refuses_what_is_not_the_wheel() {
    let sp = model(&[("<unk>", 0.0), ("<s>", 0.0), ("</s>", 0.0)]);
    let err = convert::from_wheel_files(b"not a zip", &sp).unwrap_err();
    assert!(matches!(err, EncoderError::Package(_)), "{err}");
    assert!(matches!(
        convert::from_wheel_files(b"", b"\x0a\xff"),
        Err(EncoderError::Package(_))
    ));
}

#[test]
fn the_encoder_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<Encoder>();
}

#[test]
fn the_model_is_looked_for_where_it_was_set_else_beside_the_app() {
    let set = model_places(Some("/models/m.pxm".into()), Some(Path::new("/res")), None);
    assert_eq!(set, [PathBuf::from("/models/m.pxm")]);
    let found = model_places(None, Some(Path::new("/res")), Some(Path::new("/app/bin")));
    assert_eq!(
        found,
        [
            PathBuf::from("/res/usem3.pxm"),
            PathBuf::from("/app/bin/usem3.pxm"),
            PathBuf::from("/app/bin/../model/usem3.pxm"),
        ]
    );
}
