//! Integration tests of `extract`: every format, encodings, clutter, metadata and bad input.
//! Fixtures are invented (fictional outlets and events) and live in `tests/fixtures/extract/`.

use std::io::{Cursor, Write};
use std::path::PathBuf;

use parallax_core::extract::{content_hash, extract, ExtractError, SourceFormat};
use proptest::prelude::*;

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

fn fixture_text(name: &str) -> String {
    String::from_utf8(fixture(name)).expect("fixture sources are UTF-8")
}

/// True when no body paragraph contains `needle` (case-insensitive).
fn body_lacks(paragraphs: &[String], needle: &str) -> bool {
    let needle = needle.to_lowercase();
    paragraphs
        .iter()
        .all(|p| !p.to_lowercase().contains(&needle))
}

#[test]
fn html_page_yields_metadata_and_clean_body() {
    let article = extract(&fixture("harbour-wire.html"), "night-ferry.html").expect("article");
    assert_eq!(article.source_format, SourceFormat::Html);
    assert_eq!(
        article.title,
        "Eastbrook approves the night ferry after marathon session"
    );
    assert_eq!(article.byline.as_deref(), Some("Tomas Reyel"));
    assert_eq!(article.outlet.as_deref(), Some("The Harbour Wire"));
    assert_eq!(
        article.outlet_domain.as_deref(),
        Some("harbourwire.example")
    );
    assert_eq!(
        article.published_at.as_deref(),
        Some("2026-03-14T09:05:00+00:00")
    );
    assert_eq!(
        article.canonical_url.as_deref(),
        Some("https://www.harbourwire.example/news/2026/03/14/night-ferry")
    );
    assert_eq!(article.lang.as_deref(), Some("en"));

    let body = &article.paragraphs;
    assert!(
        body[0].starts_with("The Eastbrook harbour council approved a night ferry"),
        "{body:#?}"
    );
    assert!(
        body.last()
            .unwrap()
            .starts_with("The first crossing is planned for May."),
        "{body:#?}"
    );
    assert_eq!(body.len(), 5, "{body:#?}");
    for clutter in [
        "cookie",
        "Share on Facebook",
        "Advertisement",
        "newsletter",
        "Bay bridge repairs",
        "Comments",
        "waited years for this boat",
        "All rights reserved",
        "harbour master (L)",
        "Business",
    ] {
        assert!(
            body_lacks(body, clutter),
            "{clutter:?} leaked into {body:#?}"
        );
    }
}

#[test]
fn windows_1252_page_declared_by_http_equiv() {
    let source = fixture_text("ledger-windows-1252.src.html");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&source);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must not be valid UTF-8"
    );
    let article = extract(&bytes, "marche.htm").expect("article");
    assert_eq!(article.title, "Le marché de Valcourt rouvre ses portes");
    assert_eq!(article.outlet.as_deref(), Some("Le Courrier de Valcourt"));
    assert_eq!(article.published_at.as_deref(), Some("2026-03-14"));
    assert_eq!(article.lang.as_deref(), Some("fr"));
    let body = article.body();
    assert!(
        body.contains("« C’est un grand jour pour le quartier »"),
        "{body}"
    );
    assert!(body.contains("4,2 millions d’euros"), "{body}");
    assert!(body_lacks(&article.paragraphs, "Partager cet article"));
    assert!(!body.contains('\u{FFFD}'));
}

#[test]
fn windows_1256_arabic_page_with_detected_language() {
    let source = fixture_text("sahil-windows-1256.src.html");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&source);
    assert!(!unmappable);
    let article = extract(&bytes, "maktaba.html").expect("article");
    assert_eq!(article.title, "افتتاح مكتبة جديدة في مدينة الساحل");
    assert_eq!(article.outlet.as_deref(), Some("صحيفة الساحل"));
    assert_eq!(article.published_at.as_deref(), Some("2026-03-14"));
    assert_eq!(article.lang.as_deref(), Some("ar"));
    assert_eq!(article.paragraphs.len(), 3, "{:#?}", article.paragraphs);
    assert!(article.paragraphs[0].starts_with("افتتحت بلدية مدينة الساحل"));
}

#[test]
fn koi8_r_text_without_declaration_is_detected() {
    let source = fixture_text("vestnik-koi8r.src.txt");
    let (bytes, _, unmappable) = encoding_rs::KOI8_R.encode(&source);
    assert!(!unmappable);
    let article = extract(&bytes, "most.txt").expect("article");
    assert_eq!(article.source_format, SourceFormat::Text);
    assert_eq!(article.outlet.as_deref(), Some("Вестник Озёрска"));
    assert_eq!(
        article.title,
        "Новый мост через реку Светлую открыт для движения"
    );
    assert_eq!(article.byline.as_deref(), Some("Ирина Лаптева"));
    assert_eq!(article.published_at.as_deref(), Some("2026-03-14"));
    assert_eq!(article.lang.as_deref(), Some("ru"));
    assert_eq!(article.paragraphs.len(), 3);
    assert!(article.paragraphs[0].starts_with("В вымышленном городе Озёрске"));
}

#[test]
fn utf16_with_bom_in_both_byte_orders() {
    let source = fixture_text("harbour-wire.html");
    let utf8 = extract(source.as_bytes(), "a.html").expect("utf-8 article");
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(source.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(source.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for bytes in [le, be] {
        let article = extract(&bytes, "a.html").expect("utf-16 article");
        assert_eq!(article, utf8);
    }
}

#[test]
fn declared_utf8_with_invalid_bytes_decodes_lossily() {
    let mut bytes = fixture("harbour-wire.html");
    let at = bytes
        .windows(8)
        .position(|w| w == b"Eastbrook")
        .unwrap_or(600);
    bytes.splice(at..at, [0xC3, 0x28, 0xFF]);
    let article = extract(&bytes, "broken.html").expect("article despite bad bytes");
    assert!(article.body().contains("night ferry"));
}

#[test]
fn plain_text_clutter_footer_and_caption_are_removed() {
    let article = extract(&fixture("harbour-wire-copy.txt"), "copy.txt").expect("article");
    assert_eq!(
        article.title,
        "Eastbrook approves the night ferry after marathon session"
    );
    assert_eq!(article.outlet.as_deref(), Some("The Harbour Wire"));
    assert_eq!(article.paragraphs.len(), 4, "{:#?}", article.paragraphs);
    for clutter in [
        "News / Local",
        "(L)",
        "alternate addresses",
        "harbourwire-mirror",
        "SHARE THIS",
        "Roku",
    ] {
        assert!(
            body_lacks(&article.paragraphs, clutter),
            "{clutter:?} leaked into {:#?}",
            article.paragraphs
        );
    }
}

/// The real Press TV sample from the issue, kept outside the repository in `/work/shared`.
#[test]
fn presstv_sample_is_cleaned() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples/seed-presstv.txt");
    let Ok(bytes) = std::fs::read(&path) else {
        println!(
            "note: {} is absent; skipping the Press TV sample test",
            path.display()
        );
        return;
    };
    let article = extract(&bytes, "seed-presstv.txt").expect("article");
    assert_eq!(
        article.title,
        "Iran, Russia pledge support for Syria in battle against terrorists"
    );
    assert!(
        article.paragraphs[0].starts_with("The presidents of Iran and Russia have pledged support")
    );
    assert!(article
        .paragraphs
        .last()
        .unwrap()
        .contains("position on what is necessary to stabilize the situation"));
    for clutter in [
        "News / Politics",
        "SHARE THIS ARTICLE",
        "Press TV News Roku",
        "alternate addresses",
        "www.presstv",
    ] {
        assert!(
            body_lacks(&article.paragraphs, clutter),
            "{clutter:?} leaked into the body"
        );
    }
    assert_eq!(article.lang.as_deref(), Some("en"));
}

#[test]
fn markdown_front_matter_and_syntax() {
    let article = extract(&fixture("dispatch.md"), "dispatch.md").expect("article");
    assert_eq!(article.source_format, SourceFormat::Markdown);
    assert_eq!(article.title, "Tram line 3 to run all night");
    assert_eq!(article.byline.as_deref(), Some("Mira Vell"));
    assert_eq!(article.outlet.as_deref(), Some("The Northgate Dispatch"));
    assert_eq!(
        article.outlet_domain.as_deref(),
        Some("northgate-dispatch.example")
    );
    assert_eq!(article.published_at.as_deref(), Some("2026-03-12"));
    let body = article.body();
    assert!(
        body.contains("The Northgate transport board decided on Thursday that tram line 3"),
        "{body}"
    );
    assert!(
        body.contains("\"Night workers asked for this for a decade,\""),
        "{body}"
    );
    assert!(article
        .paragraphs
        .contains(&"a new stop at the hospital".to_string()));
    assert!(!body.contains("**") && !body.contains("](") && !body.contains("# "));
    assert!(body_lacks(&article.paragraphs, "Share this article"));
}

#[test]
fn pdf_text_layer_is_read() {
    let article = extract(&fixture("harbour-wire.pdf"), "ferry.pdf").expect("article");
    assert_eq!(article.source_format, SourceFormat::Pdf);
    assert_eq!(article.title, "Eastbrook approves the night ferry");
    assert_eq!(article.published_at.as_deref(), Some("2026-03-14"));
    let body = article.body();
    assert!(
        body.contains("approved a night ferry between the two fictional districts on Friday"),
        "{body}"
    );
    assert!(
        body.contains("The first crossing is planned for May."),
        "{body}"
    );
}

#[test]
fn encrypted_pdf_is_refused_clearly() {
    let err = extract(&fixture("harbour-wire-encrypted.pdf"), "locked.pdf").unwrap_err();
    assert_eq!(err.to_string(), "the PDF is password-protected");
}

#[test]
fn truncated_pdf_is_an_error_not_a_panic() {
    let bytes = fixture("harbour-wire.pdf");
    let err = extract(&bytes[..bytes.len() / 2], "cut.pdf").unwrap_err();
    // Cut short is said as such, never taken for a scan without a text layer.
    assert!(matches!(err, ExtractError::CorruptPdf(_)), "{err}");
}

/// A `.docx` written with docx-rs: a Title-styled headline and three body paragraphs.
fn sample_docx() -> Vec<u8> {
    use docx_rs::{Docx, Paragraph, Run};
    let paragraph = |text: &str| Paragraph::new().add_run(Run::new().add_text(text));
    let mut out = Cursor::new(Vec::new());
    Docx::new()
        .add_paragraph(paragraph("Quarry road to close for repairs").style("Title"))
        .add_paragraph(paragraph(
            "The fictional Millbrook council will close the quarry road for six weeks from June.",
        ))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Buses will take the valley route, "))
                .add_run(Run::new().add_text("adding ten minutes & a stop.").bold()),
        )
        .add_paragraph(paragraph("Residents can comment until the end of May."))
        .build()
        .pack(&mut out)
        .expect("docx written");
    out.into_inner()
}

#[test]
fn docx_paragraphs_and_title_style() {
    let article = extract(&sample_docx(), "quarry.docx").expect("article");
    assert_eq!(article.source_format, SourceFormat::Docx);
    assert_eq!(article.title, "Quarry road to close for repairs");
    assert_eq!(
        article.byline, None,
        "docx-rs writes the placeholder author 'unknown'"
    );
    assert_eq!(
        article.published_at, None,
        "the epoch creation date is no date"
    );
    assert_eq!(
        article.paragraphs,
        vec![
            "The fictional Millbrook council will close the quarry road for six weeks from June.",
            "Buses will take the valley route, adding ten minutes & a stop.",
            "Residents can comment until the end of May.",
        ]
    );
}

#[test]
fn corrupt_docx_is_reported() {
    let bytes = sample_docx();
    let err = extract(&bytes[..bytes.len() / 3], "cut.docx").unwrap_err();
    assert!(
        err.to_string().starts_with("the .docx file is corrupt: "),
        "{err}"
    );
    let err = extract(b"this is not a zip at all", "fake.docx").unwrap_err();
    assert!(
        err.to_string().starts_with("the .docx file is corrupt: "),
        "{err}"
    );
}

#[test]
fn docx_zip_bomb_stops_at_the_bound() {
    use zip::write::SimpleFileOptions;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    writer.start_file("word/document.xml", options).unwrap();
    let zeros = vec![b' '; 1 << 20];
    let megabytes = (parallax_core::extract::MAX_DOCX_PART_BYTES >> 20) + 2;
    for _ in 0..megabytes {
        writer.write_all(&zeros).unwrap();
    }
    let bytes = writer.finish().unwrap().into_inner();
    assert!(
        bytes.len() < 2 << 20,
        "the bomb is small on disk ({} bytes)",
        bytes.len()
    );
    let err = extract(&bytes, "bomb.docx").unwrap_err();
    assert!(
        err.to_string().contains("decompresses to more than"),
        "{err}"
    );
}

#[test]
fn empty_and_blank_files() {
    for bytes in [&b""[..], b"   \n\t\r\n"] {
        let err = extract(bytes, "empty.txt").unwrap_err();
        assert_eq!(err.to_string(), "the file is empty");
    }
}

#[test]
fn images_and_binaries_renamed_html_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10";
    assert_eq!(
        extract(png, "story.html").unwrap_err().to_string(),
        "the file is an image (PNG), not an article"
    );
    let jpeg = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00";
    assert_eq!(
        extract(jpeg, "story.htm").unwrap_err().to_string(),
        "the file is an image (JPEG), not an article"
    );
    let noise: Vec<u8> = (0u32..5000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(
        extract(&noise, "story.html").unwrap_err().to_string(),
        "binary data, not text"
    );
}

#[test]
fn saved_page_renamed_txt_is_read_as_html() {
    let article = extract(&fixture("harbour-wire.html"), "night-ferry.txt").expect("article");
    assert_eq!(article.source_format, SourceFormat::Html);
    assert_eq!(
        article.title,
        "Eastbrook approves the night ferry after marathon session"
    );
}

#[test]
fn page_without_text_says_so() {
    let err = extract(
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "empty.html",
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "no article text found in the file");
}

#[test]
fn content_hash_folds_spacing_case_and_quotes() {
    let a = content_hash("“Tonight the town listened” — she said.\n\nNext.");
    let b = content_hash("\"tonight the  town listened\" - SHE said. Next.");
    assert_eq!(a, b);
    assert_ne!(a, content_hash("Tonight the town did not listen."));
}

#[test]
fn large_text_is_read_in_full() {
    let paragraph = "The Eastbrook council met again about the fictional ferry timetable.\n\n";
    let text = format!("Ferry minutes\n\n{}", paragraph.repeat(20_000));
    let article = extract(text.as_bytes(), "minutes.txt").expect("article");
    assert_eq!(article.title, "Ferry minutes");
    assert_eq!(article.paragraphs.len(), 20_000);
}

const EXTENSIONS: &[&str] = &[
    "html", "htm", "mhtml", "txt", "md", "pdf", "docx", "bin", "",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000), ext in 0..EXTENSIONS.len()) {
        let name = format!("input.{}", EXTENSIONS[ext]);
        match extract(&bytes, &name) {
            Ok(article) => prop_assert!(!article.paragraphs.is_empty() && article.paragraphs.iter().all(|p| !p.trim().is_empty())),
            Err(e) => prop_assert!(!matches!(e, ExtractError::Internal(_)), "a parser panicked: {e}"),
        }
    }

    #[test]
    fn mangled_formats_never_panic(
        prefix in 0usize..4,
        cut in 0.0f64..1.0,
        noise in proptest::collection::vec(any::<u8>(), 0..64),
        ext in 0..EXTENSIONS.len(),
    ) {
        let base = match prefix {
            0 => fixture("harbour-wire.pdf"),
            1 => sample_docx(),
            2 => fixture("harbour-wire.html"),
            _ => fixture("dispatch.md"),
        };
        let keep = ((base.len() as f64) * cut) as usize;
        let mut bytes = base[..keep].to_vec();
        bytes.extend_from_slice(&noise);
        bytes.extend_from_slice(&base[keep.min(base.len())..(keep + 200).min(base.len())]);
        let name = format!("input.{}", EXTENSIONS[ext]);
        match extract(&bytes, &name) {
            Ok(article) => prop_assert!(!article.paragraphs.is_empty() && article.paragraphs.iter().all(|p| !p.trim().is_empty())),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn mhtml_archive_reads_its_html_part() {
    let page = fixture_text("harbour-wire.html");
    let archive = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.harbourwire.example/news/2026/03/14/night-ferry\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x\"\r\n\r\n\
         ------MultipartBoundary--x\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n\
         Content-Location: https://www.harbourwire.example/news/2026/03/14/night-ferry\r\n\r\n{page}\r\n\
         ------MultipartBoundary--x\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n\
         ------MultipartBoundary--x--\r\n"
    );
    let from_archive = extract(archive.as_bytes(), "night-ferry.mhtml").expect("article");
    let from_page = extract(page.as_bytes(), "night-ferry.html").expect("article");
    assert_eq!(from_archive.title, from_page.title);
    assert_eq!(from_archive.paragraphs, from_page.paragraphs);
    assert_eq!(from_archive.source_format, SourceFormat::Html);
}

/// A page of 10,000 nested `<div>`s (about 120 KB) once overflowed the stack in the HTML clean-up
/// and aborted the process. Run in a thread with a small stack (a test thread's 2 MB is what the
/// app's import threads have): the page must extract, its text intact.
#[test]
fn ten_thousand_nested_divs_extract_without_overflowing_the_stack() {
    let page = format!(
        "<html><head><title>Deep page of the Halden Gazette (fictional)</title></head><body>{}\
         <p>The ferry to Tolm ran on time on Tuesday, the harbour office said, and the \
         crossings will continue through the winter as planned by the invented town council.</p>{}\
         </body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let article = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || extract(page.as_bytes(), "deep.html"))
        .expect("thread")
        .join()
        .expect("no stack overflow, no panic")
        .expect("the page extracts");
    assert!(
        article.body().contains("ferry to Tolm ran on time"),
        "{:?}",
        article.paragraphs
    );
}

/// A one-sentence text and a one-line Chinese text are articles as they are (they were refused
/// as "no article text found"): the line is the title and the body.
#[test]
fn one_line_texts_import_as_they_are() {
    for (name, text) in [
        ("one.txt", "The ferry to Tolm resumed service on Monday.\n"),
        ("zh.txt", "渡轮周一恢复运营。\n"),
    ] {
        let article = extract(text.as_bytes(), name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(article.body(), text.trim(), "{name}");
        assert_eq!(article.title, text.trim(), "{name}");
    }
    assert!(matches!(
        extract(b"   \n\n  ", "blank.txt"),
        Err(ExtractError::Empty | ExtractError::NoText)
    ));
}

/// Found by fuzzing (`cargo xtask fuzz extract`): a page whose 4,096th byte falls inside a
/// multi-byte character (an Arabic page, say) panicked while looking for the "saved from url"
/// comment in its first 4 KB — such pages failed to import.
#[test]
fn a_page_with_a_character_across_byte_4096_extracts() {
    let padding = "x".repeat(4_095 - "<html><head><title>".len());
    let page = format!(
        "<html><head><title>{padding}طقس</title></head><body><p>تعبر العبارة إلى تولم كل يوم \
         اثنين، وقال مكتب الميناء إنها ستواصل الرحلات طوال فصل الشتاء.</p></body></html>"
    );
    assert!(
        !page.is_char_boundary(4_096),
        "the fixture straddles byte 4,096"
    );
    let article = extract(page.as_bytes(), "page.html").expect("extracts");
    assert!(article.body().contains("العبارة"));
}

/// A page saved as one file (its images inlined as `data:` URIs, its scripts kept) can be tens of
/// megabytes around an ordinary article: it extracts as the page without them does.
#[test]
fn a_large_page_of_embedded_images_and_scripts_extracts_as_its_article() {
    let page = fixture_text("harbour-wire.html");
    let image = "QUJD".repeat(1 << 20); // 4 MB of base64
    let inflated = page.replace(
        "</body>",
        &format!(
            "<img src=\"data:image/jpeg;base64,{image}\" alt=\"\">\
             <script>{}</script><!-- {} --></body>",
            "var x = 1;".repeat(200_000),
            "-".repeat(1 << 20)
        ),
    );
    assert!(inflated.len() > 6 << 20);
    let plain = extract(page.as_bytes(), "night-ferry.html").expect("article");
    let large = extract(inflated.as_bytes(), "night-ferry.html").expect("article");
    assert_eq!(large.title, plain.title);
    assert_eq!(large.byline, plain.byline);
    assert_eq!(large.published_at, plain.published_at);
    assert_eq!(large.paragraphs, plain.paragraphs);
}

/// A page that is still more markup than any article once its bulk is set aside is refused at
/// once, with a sentence saying why, instead of tens of seconds and gigabytes of parsing.
#[test]
fn a_page_of_more_text_than_any_article_is_refused_with_the_reason() {
    let paragraph = "<p>The ferry to the outer berth ran late again on Tuesday night.</p>";
    let page = format!(
        "<html><body>{}</body></html>",
        paragraph.repeat((10 << 20) / paragraph.len())
    );
    let error = extract(page.as_bytes(), "endless.html").expect_err("refused");
    assert!(
        matches!(error, ExtractError::TooMuchMarkup { .. }),
        "{error:?}"
    );
    let said = error.to_string();
    assert!(said.contains("more than any article"), "{said}");
}
