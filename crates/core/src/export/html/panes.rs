//! The report's reading part: the legend, the reports side by side (header figures, paragraphs,
//! sentences with their class and marked words) and, for two reports, both in one column.

use super::markup::{percent, plural, thousands, Markup};
use super::Report;
use crate::compare::session::{
    InlineOp, InlineOpKind, InlineRow, MarkedPart, PaneModel, PartMark, SentenceClass,
    SentenceModel,
};
use crate::export::ExportNote;

/// The CSS class, gutter mark and name of a sentence class.
pub(super) fn class_look(class: SentenceClass) -> (&'static str, &'static str, &'static str) {
    match class {
        SentenceClass::Identical => ("s s-identical", "=", "Identical"),
        SentenceClass::Changed => ("s s-changed", "~", "Changed"),
        SentenceClass::Moved => ("s s-moved", "↕", "Moved"),
        SentenceClass::Translated => ("s s-translated", "⇄", "Translated"),
        SentenceClass::Elsewhere => ("s s-elsewhere", "◦", "In another report"),
        SentenceClass::Unique => ("s s-unique", "+", "Unique"),
    }
}

/// The four classes with their marks, and what a marked word means.
pub(super) fn legend(page: &mut Markup) {
    page.raw(
        "<section class=\"legend\" aria-label=\"Legend\">\n<ul>\n\
         <li><span class=\"s s-identical swatch\"><span class=\"g\">=</span>Identical</span> \
         same words as the neighbouring report</li>\n\
         <li><span class=\"s s-changed swatch\"><span class=\"g\">~</span>Changed</span> \
         the same sentence, with <mark class=\"w-differs\">words that differ</mark></li>\n\
         <li><span class=\"s s-moved swatch\"><span class=\"g\">↕</span>Moved</span> \
         the same sentence in another place</li>\n\
         <li><span class=\"s s-translated swatch\"><span class=\"g\">⇄</span>Translated</span> \
         the same sentence in another language</li>\n\
         <li><span class=\"s s-elsewhere swatch\"><span class=\"g\">◦</span>In another report</span> \
         not in the neighbouring report, but in another one</li>\n\
         <li><span class=\"s s-unique swatch\"><span class=\"g\">+</span>Unique</span> \
         in no other report</li>\n\
         <li><span class=\"s copy swatch\"><span class=\"t\">Shared copy</span></span> \
         (dimmed) another report carries it word for word or nearly</li>\n\
         </ul>\n</section>\n",
    );
}

/// One column per report, side by side.
pub(super) fn panes(page: &mut Markup, report: &mut Report) {
    let model = report.input.model;
    report.section(page, "reports", "Reports side by side");
    let columns = format!("--panes: {}", model.panes.len().max(1));
    page.open("div", &[("class", "panes"), ("style", &columns)])
        .raw("\n");
    for (position, pane) in model.panes.iter().enumerate() {
        pane_column(page, report, position, pane);
    }
    page.raw("</div>\n</section>\n");
}

fn pane_column(page: &mut Markup, report: &Report, position: usize, pane: &PaneModel) {
    let id = format!("pane-{position}");
    let dir = if pane.rtl { "rtl" } else { "ltr" };
    let mut attributes = vec![("class", "pane"), ("id", id.as_str()), ("dir", dir)];
    if let Some(lang) = pane.lang.as_deref().filter(|lang| !lang.is_empty()) {
        attributes.push(("lang", lang));
    }
    page.open("article", &attributes)
        .raw("\n<header class=\"pane-head\">\n");
    if let Some(outlet) = pane.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        page.element("p", &[("class", "outlet")], outlet);
    }
    page.element("h3", &[("class", "pane-title")], &pane.title);
    let stats = &pane.stats;
    let mut figures = Vec::new();
    if let Some(date) = pane.published_at.as_deref().filter(|d| !d.is_empty()) {
        figures.push(readable_date(date));
    }
    figures.push(plural(stats.words, "word", "words"));
    figures.push(format!("{} shared", percent(stats.shared_share)));
    figures.push(format!("{} unique", thousands(stats.unique)));
    if stats.copy > 0 {
        let copy = (stats.copy_share * 100.0).round() as u32;
        figures.push(format!("{copy}% shared copy, {}% own", 100 - copy.min(100)));
    }
    // Each figure isolated left to right, so an RTL pane lists them from its right edge intact.
    page.raw("<p class=\"figures\">");
    for (position, figure) in figures.iter().enumerate() {
        if position > 0 {
            page.raw(" · ");
        }
        page.element("span", &[("dir", "ltr")], figure);
    }
    page.raw("</p>");
    if let Some(reference) = pane.reference {
        page.raw("<p class=\"compared\"><span dir=\"ltr\">Compared with ")
            .element("span", &[("dir", "auto")], &report.label(reference))
            .raw("</span></p>");
    }
    page.raw("\n</header>\n<div class=\"pane-body\">\n");
    if pane.sentences.is_empty() {
        page.raw("<p class=\"empty\" dir=\"auto\">This report has no text to compare.</p>\n");
    }
    // The notes on this pane, with their numbers in the notes section.
    let notes: Vec<(usize, &ExportNote)> = report
        .input
        .notes
        .iter()
        .enumerate()
        .filter(|(_, note)| note.pane == position)
        .map(|(at, note)| (at + 1, note))
        .collect();
    for paragraph in pane.sentences.chunk_by(|a, b| a.paragraph == b.paragraph) {
        page.raw("<div class=\"para\">\n");
        for sentence in paragraph {
            sentence_row(page, position, sentence, &notes);
        }
        page.raw("</div>\n");
    }
    page.raw("</div>\n</article>\n");
}

/// Whether a note's byte range touches a sentence's.
pub(super) fn note_on(note: &ExportNote, sentence: &SentenceModel) -> bool {
    note.start < sentence.end && note.end > sentence.start
}

fn sentence_row(
    page: &mut Markup,
    pane: usize,
    sentence: &SentenceModel,
    notes: &[(usize, &ExportNote)],
) {
    let (class, gutter, name) = class_look(sentence.class);
    // A reworded sentence marks only what differs in substance (numbers, names, negations).
    let (gutter, name) = if sentence.reworded {
        (
            "≈",
            "Reworded (numbers, names and negations that differ are marked)",
        )
    } else {
        (gutter, name)
    };
    let id = format!("p{pane}-s{}", sentence.index);
    let mut title = match sentence.found_in {
        0 => format!("{name} · in no other report"),
        n => format!("{name} · in {} other", plural(n, "report", "reports")),
    };
    let class = if sentence.copy_in.is_empty() {
        class.to_string()
    } else {
        title.push_str(" · shared copy");
        format!("{class} copy")
    };
    page.open("p", &[("class", &class), ("id", &id), ("title", &title)])
        .element("span", &[("class", "g"), ("aria-hidden", "true")], gutter)
        .open("span", &[("class", "t")]);
    parts(page, &sentence.parts);
    page.raw("</span>");
    for (number, _) in notes.iter().filter(|(_, note)| note_on(note, sentence)) {
        let target = format!("#note-{number}");
        let label = format!("Note {number}");
        page.element(
            "a",
            &[("class", "note-mark"), ("href", &target), ("title", &label)],
            &format!("✎{number}"),
        );
    }
    page.raw("</p>\n");
}

/// A text cut into parts: the `Differs` ones marked `.w-differs`.
pub(super) fn parts(page: &mut Markup, parts: &[MarkedPart]) {
    for part in parts {
        match part.mark {
            PartMark::Same => page.text(&part.text),
            PartMark::Differs => page.element("mark", &[("class", "w-differs")], &part.text),
        };
    }
}

/// Word ops spelled as one text: deleted words struck through, inserted words underlined.
pub(super) fn ops(page: &mut Markup, ops: &[InlineOp]) {
    for op in ops {
        let equal = if op.b.is_empty() { &op.a } else { &op.b };
        match op.kind {
            InlineOpKind::Equal => page.text(equal),
            InlineOpKind::Delete => deleted(page, &op.a),
            InlineOpKind::Insert => inserted(page, &op.b),
            InlineOpKind::Replace => inserted(deleted(page, &op.a), &op.b),
        };
    }
}

fn deleted<'p>(page: &'p mut Markup, text: &str) -> &'p mut Markup {
    if text.is_empty() {
        return page;
    }
    page.element("del", &[("class", "w-differs w-del")], text)
}

fn inserted<'p>(page: &'p mut Markup, text: &str) -> &'p mut Markup {
    if text.is_empty() {
        return page;
    }
    page.element("ins", &[("class", "w-differs w-ins")], text)
}

/// For exactly two reports: both in one column, in reading order (folded, as it repeats the text).
pub(super) fn inline(page: &mut Markup, report: &mut Report) {
    let model = report.input.model;
    let Some(rows) = model.inline.as_ref().filter(|_| model.panes.len() == 2) else {
        return;
    };
    report.section(page, "inline", "Both reports in one column");
    let (a, b) = (report.label(0), report.label(1));
    let key = format!("Words only {a} has are struck through; words only {b} has are underlined.");
    page.raw("<details>\n<summary>Show the two reports merged, word by word</summary>\n")
        .element("p", &[("class", "lede")], &key)
        .raw("\n<ol class=\"inline-rows\">\n");
    for row in rows {
        match row {
            InlineRow::Linked {
                class,
                ops: row_ops,
                ..
            } => {
                let (css, gutter, _) = class_look(*class);
                page.open("li", &[("class", css)]);
                page.element("span", &[("class", "g"), ("aria-hidden", "true")], gutter)
                    .open("span", &[("class", "t"), ("dir", "auto")]);
                ops(page, row_ops);
                page.raw("</span></li>\n");
            }
            InlineRow::OnlyA { text, .. } => only_one(page, "−", &a, report.dir(0), text),
            InlineRow::OnlyB { text, .. } => only_one(page, "+", &b, report.dir(1), text),
        }
    }
    page.raw("</ol>\n</details>\n</section>\n");
}

fn only_one(page: &mut Markup, gutter: &'static str, label: &str, dir: &'static str, text: &str) {
    page.raw("<li class=\"s s-unique\">")
        .element("span", &[("class", "g"), ("aria-hidden", "true")], gutter)
        .open("span", &[("class", "t"), ("dir", dir)])
        .element(
            "span",
            &[("class", "who"), ("dir", "auto")],
            &format!("Only {label}"),
        )
        .raw(" ")
        .text(text)
        .raw("</span></li>\n");
}

/// A stored date as a reader writes it ("15 Mar 2026", the app's form); anything unparsable as is.
pub(super) fn readable_date(stored: &str) -> String {
    let day = chrono::DateTime::parse_from_rfc3339(stored)
        .map(|instant| instant.date_naive())
        .or_else(|_| chrono::NaiveDate::parse_from_str(stored, "%Y-%m-%d"));
    match day {
        Ok(day) => day.format("%-d %b %Y").to_string(),
        Err(_) => stored.to_owned(),
    }
}
