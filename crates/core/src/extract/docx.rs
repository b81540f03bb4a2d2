//! Word documents (`.docx`): reads `word/document.xml` and `docProps/core.xml` from the ZIP
//! package with a bound on decompressed size (a zip bomb stops at the bound, not in memory).
//! The core properties give title, author, language and the creation date (as the date hint).

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{date, metadata, Draft, ExtractError};

/// The most a single part may decompress to. Real documents' text parts are far smaller.
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// Extracts the article of a `.docx` package.
pub(crate) fn extract(bytes: &[u8]) -> Result<Draft, ExtractError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::CorruptDocx(e.to_string()))?;
    if archive.file_names().any(|n| n == "EncryptedPackage") {
        return Err(ExtractError::PasswordProtected("Word document"));
    }
    let document = read_part(&mut archive, "word/document.xml")?
        .ok_or_else(|| ExtractError::CorruptDocx("it has no word/document.xml".into()))?;
    let core = read_part(&mut archive, "docProps/core.xml")?;
    let blocks = paragraphs(&document)?;
    let props = core.as_deref().map(core_properties).unwrap_or_default();

    let styled_title = blocks.iter().position(|b| b.is_title);
    let title = props
        .title
        .clone()
        .or_else(|| styled_title.map(|i| blocks[i].text.clone()))
        .unwrap_or_default();
    let paragraphs = blocks.into_iter().map(|b| b.text).collect();
    Ok(Draft {
        title,
        byline: props.creator,
        published_at: props.created,
        lang: props.language,
        paragraphs,
        ..Draft::default()
    })
}

/// Reads one part, failing when it decompresses to more than [`MAX_PART_BYTES`].
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, ExtractError> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ExtractError::CorruptDocx(e.to_string())),
    };
    let mut out = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| ExtractError::CorruptDocx(e.to_string()))?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(ExtractError::CorruptDocx(format!(
            "{name} decompresses to more than {} MB (a zip bomb?)",
            MAX_PART_BYTES >> 20
        )));
    }
    Ok(Some(out))
}

/// One `<w:p>`: its text and whether its style makes it the document's title.
struct Block {
    text: String,
    is_title: bool,
}

/// The paragraphs of `document.xml`, text runs joined, tabs and breaks as spaces; deleted text
/// (tracked changes) and field codes left out.
fn paragraphs(xml: &[u8]) -> Result<Vec<Block>, ExtractError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut blocks = Vec::new();
    let (mut current, mut is_title, mut in_text) = (String::new(), false, false);
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ExtractError::CorruptDocx(e.to_string()))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"t" => in_text = matches!(e.name().as_ref(), b"w:t" | b"t"),
                b"tab" | b"br" | b"cr" => current.push(' '),
                b"pStyle" => {
                    let style = e
                        .try_get_attribute("w:val")
                        .ok()
                        .flatten()
                        .map(|a| String::from_utf8_lossy(&a.value).to_ascii_lowercase())
                        .unwrap_or_default();
                    is_title = style == "title" || style == "heading1";
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                current.push_str(
                    &t.decode()
                        .map_err(|e| ExtractError::CorruptDocx(e.to_string()))?,
                );
            }
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    current.push(c);
                } else if let Ok(name) = r.decode() {
                    current.push_str(
                        quick_xml::escape::resolve_predefined_entity(&name).unwrap_or(""),
                    );
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    let text = metadata::clean(&current);
                    if !text.is_empty() {
                        blocks.push(Block { text, is_title });
                    }
                    current.clear();
                    is_title = false;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(blocks)
}

/// Title, author and creation date from `docProps/core.xml`.
#[derive(Debug, Default)]
struct CoreProperties {
    title: Option<String>,
    creator: Option<String>,
    created: Option<String>,
    language: Option<String>,
}

fn core_properties(xml: &[u8]) -> CoreProperties {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut props = CoreProperties::default();
    let mut field: Option<Vec<u8>> = None;
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(e) => field = Some(e.local_name().as_ref().to_vec()),
            Event::Text(t) => {
                let value = t.decode().map(|v| metadata::clean(&v)).unwrap_or_default();
                if !value.is_empty() {
                    match field.as_deref() {
                        Some(b"title") => props.title = Some(value),
                        Some(b"creator") if !metadata::is_placeholder_author(&value) => {
                            props.creator = Some(value)
                        }
                        // Writers default to the epoch when they know no date.
                        Some(b"created") => {
                            props.created = date::normalize(&value).filter(|d| d.as_str() >= "1990")
                        }
                        Some(b"language") => props.language = metadata::iso_639_1(&value),
                        _ => {}
                    }
                }
            }
            Event::End(_) => field = None,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    props
}
