//! Tests of the HTML report, read back with an HTML parser as a browser would.

use scraper::{ElementRef, Html, Selector};

use super::html_report;
use crate::compare::session::{
    ChangeModel, PartMark, RevisionModel, SentenceClass, SessionModel, VersionsModel,
};
use crate::compare::{ChangeKind, Level};
use crate::export::{sample, ExportInput, ExportNote};

fn report(model: &SessionModel, notes: &[ExportNote]) -> String {
    html_report(&ExportInput {
        name: "Dravik, 2 December",
        model,
        notes,
        generated_at: "2024-12-04 10:00 UTC",
    })
}

fn select<'a>(document: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a valid selector");
    document.select(&selector).collect()
}

fn text_of(element: &ElementRef) -> String {
    element.text().collect()
}

#[test]
fn panes_carry_the_classes_and_marked_words_of_the_app() {
    let model = sample::two_pane_model();
    let html = report(&model, &sample::notes());
    let document = Html::parse_document(&html);

    let panes = select(&document, "article.pane");
    assert_eq!(panes.len(), 2, "one column per report");
    for (pane, element) in model.panes.iter().zip(&panes) {
        let sentences = element.select(&Selector::parse(".s").unwrap()).count();
        assert_eq!(
            sentences,
            pane.sentences.len(),
            "every sentence of {}",
            pane.title
        );
        let paragraphs = element.select(&Selector::parse(".para").unwrap()).count();
        let expected = 1 + pane
            .sentences
            .windows(2)
            .filter(|w| w[0].paragraph != w[1].paragraph)
            .count();
        assert_eq!(paragraphs, expected, "paragraphs are kept");
        let head = text_of(
            &element
                .select(&Selector::parse(".pane-head").unwrap())
                .next()
                .unwrap(),
        );
        for figure in [
            pane.outlet.clone().unwrap(),
            pane.title.clone(),
            super::panes::readable_date(pane.published_at.as_deref().unwrap()),
            format!("{} words", pane.stats.words),
            format!("{} unique", pane.stats.unique),
            format!("{:.0}% shared", pane.stats.shared_share * 100.0),
        ] {
            assert!(
                head.contains(&figure),
                "pane header shows {figure:?}: {head}"
            );
        }
    }
    assert_eq!(panes[0].value().attr("dir"), Some("ltr"));
    assert_eq!(
        panes[1].value().attr("dir"),
        Some("rtl"),
        "the Arabic report runs right to left"
    );
    assert_eq!(panes[1].value().attr("lang"), Some("ar"));

    for pane in &model.panes {
        for sentence in &pane.sentences {
            let id = format!("#p{}-s{}", pane.pane, sentence.index);
            let element = select(&document, &id);
            assert_eq!(element.len(), 1, "sentence {id} is in the page once");
            let class = match sentence.class {
                SentenceClass::Identical => "s-identical",
                SentenceClass::Changed => "s-changed",
                SentenceClass::Moved => "s-moved",
                SentenceClass::Translated => "s-translated",
                SentenceClass::Elsewhere => "s-elsewhere",
                SentenceClass::Unique => "s-unique",
            };
            assert!(element[0]
                .value()
                .has_class(class, scraper::CaseSensitivity::CaseSensitive));
            let marked: Vec<String> = element[0]
                .select(&Selector::parse(".w-differs").unwrap())
                .map(|e| text_of(&e))
                .collect();
            let differs: Vec<&str> = sentence
                .parts
                .iter()
                .filter(|part| part.mark == PartMark::Differs)
                .map(|part| part.text.as_str())
                .collect();
            assert_eq!(
                marked, differs,
                "{id}: exactly its differing words are marked"
            );
            let text: String = sentence
                .parts
                .iter()
                .map(|part| part.text.as_str())
                .collect();
            let shown = text_of(
                &element[0]
                    .select(&Selector::parse(".t").unwrap())
                    .next()
                    .unwrap(),
            );
            assert_eq!(shown, text, "{id}: its text is shown whole");
        }
    }
}

#[test]
fn the_legend_names_the_five_classes_with_their_marks() {
    let html = report(&sample::two_pane_model(), &[]);
    let document = Html::parse_document(&html);
    let legend = text_of(&select(&document, ".legend")[0]);
    for (class, mark, name) in [
        ("s-identical", "=", "Identical"),
        ("s-changed", "~", "Changed"),
        ("s-moved", "↕", "Moved"),
        ("s-translated", "⇄", "Translated"),
        ("s-elsewhere", "◦", "In another report"),
        ("s-unique", "+", "Unique"),
    ] {
        assert_eq!(
            select(&document, &format!(".legend .{class}")).len(),
            1,
            "{class} in the legend"
        );
        assert!(
            legend.contains(&format!("{mark}{name}")),
            "{name} with its mark {mark}: {legend}"
        );
    }
    assert_eq!(
        select(&document, ".legend .w-differs").len(),
        1,
        "changed words in the legend"
    );
    for class in [
        "s-identical",
        "s-changed",
        "s-moved",
        "s-unique",
        "w-differs",
        "prefers-color-scheme",
        "@media print",
    ] {
        assert!(html.contains(class), "the style sheet styles {class}");
    }
}

#[test]
fn analysis_sections_show_coverage_quotes_facts_terms_and_notes() {
    let model = sample::two_pane_model();
    let notes = sample::notes();
    let document = Html::parse_document(&report(&model, &notes));

    let rows = select(&document, "table.coverage tbody tr");
    assert_eq!(rows.len(), model.coverage.claims.len(), "a row per claim");
    let headers: Vec<String> = select(&document, "table.coverage thead th")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        headers,
        ["Claim", "Northgate Wire", "Radio Kestrel", "Carried by"]
    );
    assert_eq!(
        select(&document, "table.coverage .c-none").len(),
        2,
        "each omitted claim is marked —"
    );
    assert_eq!(select(&document, "table.coverage .c-different").len(), 4);
    let different = text_of(&select(&document, "table.coverage .c-different")[0]);
    assert!(
        different.starts_with('≠') && different.contains("الإرهابيون"),
        "{different}"
    );
    for link in select(&document, "a[href]") {
        let href = link.value().attr("href").unwrap();
        assert!(href.starts_with('#'), "only links inside the page: {href}");
        assert_eq!(
            select(&document, href).len(),
            1,
            "{href} points at something"
        );
    }

    let quotes = text_of(&select(&document, "#quotes")[0]);
    assert!(
        quotes.contains("Halina Orsk") && quotes.contains("gunpoint"),
        "{quotes}"
    );
    assert_eq!(
        select(&document, "#quotes .variants del.w-differs").len(),
        2,
        "people, at gunpoint"
    );
    assert_eq!(
        select(&document, "#quotes .variants ins.w-differs").len(),
        1,
        "those"
    );

    let facts = text_of(&select(&document, "#facts")[0]);
    assert!(
        facts.contains("Number") && facts.contains("4200") && facts.contains("4000"),
        "{facts}"
    );
    assert_eq!(
        select(&document, "#facts .context .w-differs").len(),
        2,
        "both numbers marked in context"
    );

    let terms = text_of(&select(&document, "#terms")[0]);
    assert!(terms.contains("Rebels ↔ الإرهابيون (1×)"), "{terms}");
    assert!(terms.contains("rebels"), "distinctive terms: {terms}");

    let shown = select(&document, "#notes .note");
    assert_eq!(shown.len(), notes.len(), "every note");
    for (element, note) in shown.iter().zip(&notes) {
        let text = text_of(element);
        let label = if note.pane == 0 {
            "Northgate Wire"
        } else {
            "Radio Kestrel"
        };
        for part in [label, &note.quote, &note.note, &note.created_at] {
            assert!(text.contains(part), "note shows {part:?}: {text}");
        }
    }
    // Each note is marked on the sentence it is about, and the two link to each other.
    for (at, note) in notes.iter().enumerate() {
        let number = at + 1;
        let sentence = model.panes[note.pane]
            .sentences
            .iter()
            .find(|s| s.start <= note.start && note.end <= s.end)
            .expect("the sample note lies in one sentence");
        let row = format!("#p{}-s{}", note.pane, sentence.index);
        let marks = select(&document, &format!("{row} a.note-mark"));
        assert_eq!(marks.len(), 1, "{row} carries note {number}'s mark");
        assert_eq!(
            marks[0].value().attr("href"),
            Some(format!("#note-{number}").as_str())
        );
        assert_eq!(text_of(&marks[0]), format!("✎{number}"));
        let back = select(&document, &format!("#note-{number} a.jump"));
        assert_eq!(back.len(), 1, "note {number} links back to its sentence");
        assert_eq!(back[0].value().attr("href"), Some(row.as_str()));
    }
    assert_eq!(
        select(&document, "a.note-mark").len(),
        notes.len(),
        "no sentence without a note is marked"
    );
    let rtl_quote = select(&document, "#notes .note blockquote")[1];
    assert_eq!(
        rtl_quote.value().attr("dir"),
        Some("rtl"),
        "a quote from the Arabic report runs right to left"
    );

    let warnings: Vec<String> = select(&document, ".warnings li")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(warnings, model.warnings, "the warnings are shown");
    let contents: Vec<String> = select(&document, ".contents a")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        contents,
        [
            "Reports side by side",
            "Both reports in one column",
            "Coverage",
            "Quotes worded differently",
            "Facts that differ",
            "Terms and substitutions",
            "Notes"
        ],
        "the contents list every section present"
    );
}

#[test]
fn two_reports_also_read_in_one_column() {
    let model = sample::two_pane_model();
    let document = Html::parse_document(&report(&model, &[]));
    let rows = select(&document, "#inline .inline-rows > li");
    assert_eq!(
        rows.len(),
        model.inline.as_ref().unwrap().len(),
        "a row per inline row"
    );
    assert!(rows[0]
        .value()
        .has_class("s-changed", scraper::CaseSensitivity::CaseSensitive));
    assert_eq!(
        text_of(&select(&document, "#inline del.w-differs")[0]),
        "Rebels"
    );
    assert!(
        text_of(&rows[2]).starts_with("−Only Northgate Wire"),
        "{}",
        text_of(&rows[2])
    );

    let mut three = model.clone();
    three.panes.push(three.panes[0].clone());
    let document = Html::parse_document(&report(&three, &[]));
    assert!(
        select(&document, "#inline").is_empty(),
        "no inline view for three reports"
    );
    assert_eq!(
        select(&document, ".panes")[0].value().attr("style"),
        Some("--panes: 3"),
        "three columns"
    );
}

#[test]
fn untrusted_text_stays_text() {
    const SCRIPT: &str = "<script>alert(1)</script>";
    const ATTRIBUTE: &str = "\" onerror=\"alert(2)\" x='";
    const LINK: &str = "javascript:alert(3)";
    let hostile = format!("{SCRIPT}{ATTRIBUTE}<img src=x onerror=alert(4)>{LINK}");
    let mut model = sample::two_pane_model();
    for pane in &mut model.panes {
        pane.title = hostile.clone();
        pane.outlet = Some(hostile.clone());
        pane.published_at = Some(hostile.clone());
        pane.lang = Some(format!("en{ATTRIBUTE}"));
        for sentence in &mut pane.sentences {
            sentence.parts.truncate(1);
            sentence.parts[0].text = hostile.clone();
        }
    }
    model.warnings = vec![hostile.clone()];
    for claim in &mut model.coverage.claims {
        claim.text = hostile.clone();
        for cell in claim.cells.iter_mut().flatten() {
            cell.text = hostile.clone();
        }
    }
    model.quotes[0].speaker = Some(hostile.clone());
    model.quotes[0].quotes[0].text = hostile.clone();
    model.quotes[0].variants[0].ops[1].b = hostile.clone();
    model.facts[0].value_a = hostile.clone();
    model.terms.substitutions[0].words[0] = hostile.clone();
    model.terms.panes[0][0].text = hostile.clone();
    let notes = vec![ExportNote {
        pane: 0,
        start: model.panes[0].sentences[0].start,
        end: model.panes[0].sentences[0].end,
        quote: hostile.clone(),
        note: hostile.clone(),
        created_at: hostile.clone(),
    }];
    let html = html_report(&ExportInput {
        name: &hostile,
        model: &model,
        notes: &notes,
        generated_at: &hostile,
    });

    assert!(
        !html.to_lowercase().contains("<script"),
        "no script tag anywhere"
    );
    assert!(!html.contains("<img"), "no image tag anywhere");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text is shown escaped"
    );
    let document = Html::parse_document(&html);
    assert!(select(
        &document,
        "script, img, iframe, object, embed, link, base, form"
    )
    .is_empty());
    let everything = Selector::parse("*").unwrap();
    for element in document.select(&everything) {
        for (name, value) in element.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "no event handler attribute: {name}={value:?}"
            );
            assert!(
                !["src", "srcdoc", "action", "formaction"].contains(&name),
                "nothing fetched: {name}"
            );
            if name == "href" {
                assert!(
                    value.starts_with('#') && !value.contains(':'),
                    "links stay in the page: {value}"
                );
            }
            if name == "style" {
                assert!(
                    value.starts_with("--panes: "),
                    "only the column count is styled inline: {value}"
                );
            }
        }
    }
    let title = text_of(&select(&document, "title")[0]);
    assert!(
        title.starts_with(&hostile),
        "the page title is the name as text: {title}"
    );
    let lang = select(&document, "article.pane")[0].value().attr("lang");
    assert_eq!(
        lang,
        Some(format!("en{ATTRIBUTE}").as_str()),
        "a bad language stays one attribute value"
    );
    let note = text_of(&select(&document, "#notes .note-text")[0]);
    assert_eq!(note, hostile, "the note reads back as the same text");
    let shown = select(&document, ".s .t")
        .iter()
        .map(text_of)
        .filter(|t| t == &hostile)
        .count();
    assert_eq!(shown, 10, "every sentence shows the hostile text as text");
}

#[test]
fn the_page_fetches_nothing_and_forbids_scripts() {
    let html = report(&sample::two_pane_model(), &sample::notes());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    ));
    for outside in [
        "http://", "https://", "url(", "@import", "<link", "<script", "src=",
    ] {
        assert!(
            !html.contains(outside),
            "nothing from outside the file: found {outside}"
        );
    }
}

#[test]
fn versions_list_changes_most_substantial_first() {
    let mut model = sample::two_pane_model();
    let change = |kind, score: u32, old: &str, new: &str| ChangeModel {
        kind,
        level: Level::Sentence,
        old_text: old.into(),
        new_text: new.into(),
        ops: Vec::new(),
        score,
        reasons: vec![format!("reason {score}")],
        old_sentence: None,
        new_sentence: None,
    };
    model.versions = Some(VersionsModel {
        revisions: vec![RevisionModel {
            old_pane: 0,
            new_pane: 1,
            changes: vec![
                change(ChangeKind::Addition, 20, "", "A new paragraph."),
                change(ChangeKind::Deletion, 70, "An old claim.", ""),
            ],
            ranked: vec![1, 0],
            additions: 1,
            deletions: 1,
            edits: 0,
            moves: 0,
        }],
    });
    let document = Html::parse_document(&report(&model, &[]));
    let changes: Vec<String> = select(&document, "#versions .changes > li")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(changes.len(), 2);
    assert!(
        changes[0].starts_with("Deleted 70/100 reason 70"),
        "{changes:?}"
    );
    assert!(changes[0].ends_with("An old claim."), "{changes:?}");
    assert!(changes[1].starts_with("Added 20/100"), "{changes:?}");
    let counts = text_of(&select(&document, "#versions .lede")[0]);
    assert_eq!(counts, "1 addition · 1 deletion · 0 edits · 0 moves");
}

#[test]
fn an_empty_report_and_an_empty_session_still_make_a_page() {
    let mut model = sample::two_pane_model();
    model.panes[1].sentences.clear();
    let document = Html::parse_document(&report(&model, &[]));
    let empty = text_of(&select(&document, "#pane-1 .empty")[0]);
    assert_eq!(empty, "This report has no text to compare.");

    let nothing = SessionModel {
        panes: Vec::new(),
        links: Vec::new(),
        inline: None,
        coverage: crate::compare::session::CoverageModel { claims: Vec::new() },
        quotes: Vec::new(),
        terms: crate::compare::session::TermsModel {
            panes: Vec::new(),
            substitutions: Vec::new(),
            distanced: Vec::new(),
        },
        facts: Vec::new(),
        versions: None,
        warnings: Vec::new(),
        ..model
    };
    let html = html_report(&ExportInput {
        name: " ",
        model: &nothing,
        notes: &[],
        generated_at: "now",
    });
    let document = Html::parse_document(&html);
    assert_eq!(text_of(&select(&document, "h1")[0]), "Untitled session");
    assert_eq!(text_of(&select(&document, "#notes .lede")[0]), "No notes.");
    assert!(html.ends_with("</html>\n"));
}

#[test]
fn dates_read_as_the_app_shows_them() {
    use super::panes::readable_date;
    assert_eq!(readable_date("2026-03-15T07:00:00+00:00"), "15 Mar 2026");
    assert_eq!(readable_date("2024-12-02"), "2 Dec 2024");
    assert_eq!(readable_date("last Tuesday"), "last Tuesday");
}
