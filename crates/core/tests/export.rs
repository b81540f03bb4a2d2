//! Session exports (`parallax_core::export`) of sessions built from the fictional fixtures of
//! `tests/fixtures/compare/`: the HTML report carries every sentence with its class and marked
//! words, the legend, coverage, facts and notes; the CSV is the coverage matrix; the JSON reads
//! back into the same model. The HTML reports are also written under the test's target temp dir
//! (`target/tmp/export/`) to look at in a browser.

use std::path::Path;

use parallax_core::compare::session::{
    build_session, PartMark, ReportInput, SentenceClass, SessionModel, SessionSettings,
};
use parallax_core::export::{coverage_csv, html_report, session_json, ExportInput, ExportNote};
use scraper::{Html, Selector};

mod common;

/// The fixture at `relative` as the report of `outlet`, dated.
fn load(relative: &str, outlet: &str) -> ReportInput {
    ReportInput {
        key: 0,
        outlet: Some(outlet.to_string()),
        published_at: Some("2024-12-02".to_string()),
        ..common::load(relative)
    }
}

fn dravik() -> Vec<ReportInput> {
    vec![
        load("dravik/northgate-wire.txt", "Northgate Wire"),
        load("dravik/lakeshore-courier.txt", "Lakeshore Courier"),
        load("dravik/meridian-post.txt", "The Meridian Post"),
        load("dravik/radio-kestrel-ru.txt", "Radio Kestrel (Russian)"),
    ]
}

fn sentence_text(model: &SessionModel, pane: usize, sentence: usize) -> String {
    model.panes[pane].sentences[sentence]
        .parts
        .iter()
        .map(|part| part.text.as_str())
        .collect()
}

/// A note on the first changed sentence of pane 1.
fn a_note(model: &SessionModel) -> ExportNote {
    let changed = model.panes[1]
        .sentences
        .iter()
        .find(|s| s.class == SentenceClass::Changed)
        .expect("Lakeshore edits the wire story, so some sentence is changed");
    ExportNote {
        pane: 1,
        start: changed.start,
        end: changed.end,
        quote: sentence_text(model, 1, changed.index),
        note: "Lakeshore's edit of the wire: <check> the \"original\"".to_string(),
        created_at: "2024-12-04T09:15:00Z".to_string(),
    }
}

fn write_for_a_person(name: &str, html: &str) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("export");
    std::fs::create_dir_all(&dir).expect("the target temp dir is writable");
    std::fs::write(dir.join(name), html).expect("the report is written");
}

fn count(document: &Html, selector: &str) -> usize {
    document
        .select(&Selector::parse(selector).expect("a valid selector"))
        .count()
}

#[test]
fn the_html_report_of_four_reports_shows_what_the_app_shows() {
    let model = build_session(&dravik(), &SessionSettings::default()).expect("session builds");
    let notes = vec![a_note(&model)];
    let html = html_report(&ExportInput {
        name: "Dravik falls",
        model: &model,
        notes: &notes,
        generated_at: "2024-12-04T10:00:00Z",
    });
    write_for_a_person("dravik.html", &html);
    let document = Html::parse_document(&html);

    assert_eq!(count(&document, "article.pane"), 4, "a column per report");
    assert_eq!(
        count(&document, ".legend .s-changed"),
        1,
        "the legend shows the classes"
    );
    let mut differing_parts = 0;
    for pane in &model.panes {
        for sentence in &pane.sentences {
            let id = format!("#p{}-s{}", pane.pane, sentence.index);
            let class = match sentence.class {
                SentenceClass::Identical => "s-identical",
                SentenceClass::Changed => "s-changed",
                SentenceClass::Moved => "s-moved",
                SentenceClass::Translated => "s-translated",
                SentenceClass::Elsewhere => "s-elsewhere",
                SentenceClass::Unique => "s-unique",
            };
            assert_eq!(
                count(&document, &format!("{id}.{class}")),
                1,
                "{id} is {class}"
            );
            differing_parts += sentence
                .parts
                .iter()
                .filter(|part| part.mark == PartMark::Differs)
                .count();
        }
    }
    assert!(differing_parts > 0, "the fixtures differ word by word");
    assert_eq!(
        count(&document, ".panes .w-differs"),
        differing_parts,
        "every differing run is marked in the panes"
    );
    for class in ["s-identical", "s-changed", "s-moved", "s-unique"] {
        assert!(
            count(&document, &format!(".panes .{class}")) > 0,
            "the Dravik stories have {class} sentences"
        );
    }

    assert_eq!(
        count(&document, "table.coverage tbody tr"),
        model.coverage.claims.len(),
        "a coverage row per claim"
    );
    assert!(
        !model.facts.is_empty(),
        "the Meridian Post disagrees on numbers"
    );
    assert_eq!(count(&document, "table.facts tbody tr"), model.facts.len());
    let differing_quotes = model.quotes.iter().filter(|q| q.worded_differently).count();
    assert_eq!(count(&document, ".quote-group"), differing_quotes);

    let note = document
        .select(&Selector::parse("#notes .note").unwrap())
        .next()
        .expect("the note is in the report");
    let note_text: String = note.text().collect();
    assert!(note_text.contains(&notes[0].quote), "{note_text}");
    assert!(
        note_text.contains("<check> the \"original\""),
        "shown as typed: {note_text}"
    );
    assert!(!html.contains("<check>"), "and escaped in the source");
    assert_eq!(
        count(&document, "#inline"),
        0,
        "no inline view for four reports"
    );
}

#[test]
fn two_reports_export_with_the_inline_view_and_versions() {
    let reports = vec![
        load("revision/meridian-aid.v1.txt", "The Meridian Post"),
        load("revision/meridian-aid.v2.txt", "The Meridian Post"),
    ];
    let settings = SessionSettings {
        versions: true,
        ..SessionSettings::default()
    };
    let model = build_session(&reports, &settings).expect("session builds");
    let html = html_report(&ExportInput {
        name: "Meridian aid, two versions",
        model: &model,
        notes: &[],
        generated_at: "2024-12-04T10:00:00Z",
    });
    write_for_a_person("meridian-versions.html", &html);
    let document = Html::parse_document(&html);
    let rows = model.inline.as_ref().expect("two reports have inline rows");
    assert_eq!(count(&document, "#inline .inline-rows > li"), rows.len());
    let changes = model
        .versions
        .as_ref()
        .expect("versions were asked for")
        .revisions[0]
        .ranked
        .len();
    assert!(changes > 0, "v2 changes a number, a quote and paragraphs");
    assert_eq!(count(&document, "#versions .changes > li"), changes);
    let headers: Vec<String> = document
        .select(&Selector::parse("article.pane .outlet").unwrap())
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(headers, ["The Meridian Post", "The Meridian Post"]);
}

#[test]
fn the_csv_is_the_coverage_matrix() {
    let model = build_session(&dravik(), &SessionSettings::default()).expect("session builds");
    let csv = coverage_csv(&model);
    let csv = csv
        .strip_prefix('\u{feff}')
        .expect("a byte order mark first");
    let records: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(
        records[0],
        "claim,Northgate Wire,Lakeshore Courier,The Meridian Post,Radio Kestrel (Russian),carried_by"
    );
    assert_eq!(
        records.len(),
        1 + model.coverage.claims.len(),
        "a record per claim"
    );
    for (record, claim) in records[1..].iter().zip(&model.coverage.claims) {
        let carried = format!(",{}", claim.carried_by);
        assert!(
            record.ends_with(&carried),
            "{record} ends with its carried_by"
        );
        let first = claim.text.replace('"', "\"\"");
        assert!(record.contains(&first), "{record} holds the claim {first}");
    }
}

#[test]
fn the_json_reads_back_into_the_same_model() {
    let model = build_session(&dravik(), &SessionSettings::default()).expect("session builds");
    let notes = vec![a_note(&model)];
    let json = session_json(&ExportInput {
        name: "Dravik falls",
        model: &model,
        notes: &notes,
        generated_at: "2024-12-04T10:00:00Z",
    });
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["schema"], "parallax.session/1");
    assert_eq!(value["generatedAt"], "2024-12-04T10:00:00Z");
    let back: SessionModel = serde_json::from_value(value["model"].clone()).expect("a model");
    assert_eq!(back, model, "the model survives the round trip");
    let back_notes: Vec<ExportNote> =
        serde_json::from_value(value["notes"].clone()).expect("notes");
    assert_eq!(back_notes, notes);
}
