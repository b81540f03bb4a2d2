//! The report's analysis part, one section per view of the app: coverage (claims × reports),
//! quotes worded differently, facts that differ, framing terms, versions, and the user's notes.

use super::markup::{plural, thousands, Markup};
use super::panes::{note_on, ops, parts};
use super::Report;
use crate::compare::session::{CellWording, ChangeModel, MarkedPart};
use crate::compare::{ChangeKind, FactKind};

/// A link to a sentence in the side-by-side panes.
fn jump(page: &mut Markup, pane: usize, sentence: usize) {
    let target = format!("#p{pane}-s{sentence}");
    page.element(
        "a",
        &[
            ("class", "jump"),
            ("href", &target),
            ("title", "Show in the report"),
        ],
        "¶",
    );
}

/// The collate matrix: which report carries which claim, and in what words.
pub(super) fn coverage(page: &mut Markup, report: &mut Report) {
    let model = report.input.model;
    let claims = &model.coverage.claims;
    if claims.is_empty() {
        return;
    }
    report.section(page, "coverage", "Coverage");
    let panes = model.panes.len();
    let by_all = claims.iter().filter(|c| c.carried_by == panes).count();
    let by_one = claims.iter().filter(|c| c.carried_by == 1).count();
    let lede = format!(
        "{} · {} carried by every report · {} by one report only. \
         ✓ same wording, ≠ worded differently, — not reported.",
        plural(claims.len(), "claim", "claims"),
        thousands(by_all),
        thousands(by_one),
    );
    page.element("p", &[("class", "lede")], &lede)
        .raw("\n<div class=\"table-wrap\"><table class=\"coverage\">\n<thead><tr><th scope=\"col\">Claim</th>");
    for pane in 0..panes {
        page.element(
            "th",
            &[("scope", "col"), ("dir", "auto")],
            &report.label(pane),
        );
    }
    page.raw("<th scope=\"col\">Carried by</th></tr></thead>\n<tbody>\n");
    for claim in claims {
        page.raw("<tr>")
            .element("th", &[("scope", "row"), ("dir", "auto")], &claim.text);
        for pane in 0..panes {
            match claim.cells.get(pane).and_then(Option::as_ref) {
                None => {
                    page.raw("<td class=\"c-none\"><span class=\"sym\">—</span> <span class=\"cell-note\">not reported</span></td>");
                }
                Some(cell) => {
                    let (class, symbol, note) = match cell.wording {
                        CellWording::Representative => ("c-same", "✓", "wording shown"),
                        CellWording::Same => ("c-same", "✓", "same wording"),
                        CellWording::Different => ("c-different", "≠", "worded differently"),
                    };
                    page.open("td", &[("class", class)])
                        .element("span", &[("class", "sym")], symbol)
                        .raw(" ");
                    if cell.wording == CellWording::Different {
                        page.element(
                            "span",
                            &[("class", "cell-text"), ("dir", report.dir(pane))],
                            &cell.text,
                        );
                    } else {
                        page.element("span", &[("class", "cell-note")], note);
                    }
                    if let Some(&sentence) = cell.sentences.first() {
                        page.raw(" ");
                        jump(page, pane, sentence);
                    }
                    page.raw("</td>");
                }
            }
        }
        let carried = format!("{} of {}", claim.carried_by, panes);
        page.element("td", &[("class", "carried")], &carried)
            .raw("</tr>\n");
    }
    page.raw("</tbody>\n</table></div>\n</section>\n");
}

/// Quotes that some report words differently, with the word diff between the wordings.
pub(super) fn quotes(page: &mut Markup, report: &mut Report) {
    let groups = &report.input.model.quotes;
    if groups.is_empty() {
        return;
    }
    report.section(page, "quotes", "Quotes worded differently");
    let differing: Vec<_> = groups.iter().filter(|g| g.worded_differently).collect();
    let lede = format!(
        "{} found across the reports; {} worded differently.",
        plural(groups.len(), "quote", "quotes"),
        thousands(differing.len())
    );
    page.element("p", &[("class", "lede")], &lede).raw("\n");
    for group in differing {
        page.raw("<article class=\"card quote-group\">\n");
        let speaker = group.speaker.as_deref().unwrap_or("Unattributed");
        page.element("h3", &[("dir", "auto")], speaker)
            .raw("\n<ul class=\"occurrences\">\n");
        for quote in &group.quotes {
            page.raw("<li>")
                .element(
                    "span",
                    &[("class", "who"), ("dir", "auto")],
                    &report.label(quote.pane),
                )
                .raw(" ")
                .element("q", &[("dir", report.dir(quote.pane))], &quote.text);
            if let Some(speaker) = quote.speaker.as_deref() {
                page.raw(" ").element(
                    "span",
                    &[("class", "speaker"), ("dir", "auto")],
                    &format!("— {speaker}"),
                );
            }
            page.raw(" ");
            jump(page, quote.pane, quote.sentence);
            page.raw("</li>\n");
        }
        page.raw("</ul>\n");
        if !group.variants.is_empty() {
            page.raw(
                "<p class=\"variants-head\">How the wordings differ</p>\n<ul class=\"variants\">\n",
            );
        }
        for variant in &group.variants {
            let pane_of = |index: usize| group.quotes.get(index).map(|q| q.pane);
            let (Some(from), Some(to)) = (pane_of(variant.from), pane_of(variant.to)) else {
                continue;
            };
            page.raw("<li><span class=\"who\">")
                .element("span", &[("dir", "auto")], &report.label(from))
                .raw(" → ")
                .element("span", &[("dir", "auto")], &report.label(to))
                .raw("</span> ")
                .open("span", &[("class", "diff"), ("dir", "auto")]);
            if variant.translated {
                page.text("rendered in another language (no word differences shown)");
            } else {
                ops(page, &variant.ops);
            }
            page.raw("</span></li>\n");
        }
        if !group.variants.is_empty() {
            page.raw("</ul>\n");
        }
        page.raw("</article>\n");
    }
    page.raw("</section>\n");
}

fn fact_kind(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Number => "Number",
        FactKind::Date => "Date",
        FactKind::Weekday => "Weekday",
        FactKind::Time => "Time",
        FactKind::Name => "Name",
        FactKind::Place => "Place",
        FactKind::Source => "Source",
    }
}

/// One side of a fact or substitution: the report, the value and the sentence around it.
fn side(
    page: &mut Markup,
    report: &Report,
    pane: usize,
    sentence: usize,
    value: &str,
    context: &[MarkedPart],
) {
    page.raw("<td>")
        .element(
            "span",
            &[("class", "who"), ("dir", "auto")],
            &report.label(pane),
        )
        .raw(" ")
        .element("strong", &[("class", "value"), ("dir", "auto")], value)
        .open("p", &[("class", "context"), ("dir", report.dir(pane))]);
    parts(page, context);
    page.raw(" ");
    jump(page, pane, sentence);
    page.raw("</p></td>");
}

/// Numbers, dates, weekdays and names that differ between linked sentences.
pub(super) fn facts(page: &mut Markup, report: &mut Report) {
    let facts = &report.input.model.facts;
    if facts.is_empty() {
        return;
    }
    report.section(page, "facts", "Facts that differ");
    page.raw("<div class=\"table-wrap\"><table class=\"facts\">\n<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">One report says</th><th scope=\"col\">Another says</th></tr></thead>\n<tbody>\n");
    for fact in facts {
        page.raw("<tr>")
            .element("th", &[("scope", "row")], fact_kind(fact.kind));
        side(
            page,
            report,
            fact.pane_a,
            fact.sentence_a,
            &fact.value_a,
            &fact.context_a,
        );
        side(
            page,
            report,
            fact.pane_b,
            fact.sentence_b,
            &fact.value_b,
            &fact.context_b,
        );
        page.raw("</tr>\n");
    }
    page.raw("</tbody>\n</table></div>\n</section>\n");
}

/// Word substitutions between reports (in context) and each report's most distinctive terms.
pub(super) fn terms(page: &mut Markup, report: &mut Report) {
    let terms = &report.input.model.terms;
    if terms.substitutions.is_empty() && terms.panes.iter().all(Vec::is_empty) {
        return;
    }
    report.section(page, "terms", "Terms and substitutions");
    if !terms.substitutions.is_empty() {
        page.raw("<h3>Substitutions</h3>\n<div class=\"table-wrap\"><table class=\"substitutions\">\n<thead><tr><th scope=\"col\">Words</th><th scope=\"col\">One report</th><th scope=\"col\">Another</th></tr></thead>\n<tbody>\n");
    }
    for substitution in &terms.substitutions {
        let times = format!(" ({}×)", substitution.count);
        let rows = substitution.sites.len().max(1).to_string();
        page.raw("<tr>")
            .open("th", &[("scope", "row"), ("rowspan", &rows)]);
        substitution_words(page, &substitution.words, &times);
        page.raw("</th>");
        if substitution.sites.is_empty() {
            page.raw("<td></td><td></td></tr>\n");
        }
        for (position, site) in substitution.sites.iter().enumerate() {
            if position > 0 {
                page.raw("<tr>");
            }
            let (a, b) = (&site.context_a, &site.context_b);
            side(page, report, site.pane_a, site.sentence_a, &site.word_a, a);
            side(page, report, site.pane_b, site.sentence_b, &site.word_b, b);
            page.raw("</tr>\n");
        }
    }
    if !terms.substitutions.is_empty() {
        page.raw("</tbody>\n</table></div>\n");
    }
    if terms.panes.iter().any(|pane| !pane.is_empty()) {
        page.raw("<h3>Distinctive terms</h3>\n<dl class=\"distinctive\">\n");
        for (pane, pane_terms) in terms.panes.iter().enumerate() {
            if pane_terms.is_empty() {
                continue;
            }
            page.element("dt", &[("dir", "auto")], &report.label(pane))
                .open("dd", &[("dir", report.dir(pane))]);
            for (position, term) in pane_terms.iter().enumerate() {
                if position > 0 {
                    page.raw(", ");
                }
                let counts = format!("{} here, {} elsewhere", term.count, term.count_elsewhere);
                page.element("span", &[("class", "term"), ("title", &counts)], &term.text);
            }
            page.raw("</dd>\n");
        }
        page.raw("</dl>\n");
    }
    page.raw("</section>\n");
}

/// "rebels ↔ terrorists (3×)", each word isolated so scripts of both directions stay in order.
fn substitution_words(page: &mut Markup, [one, other]: &[String; 2], times: &str) {
    page.element("span", &[("dir", "auto")], one)
        .raw(" ↔ ")
        .element("span", &[("dir", "auto")], other)
        .text(times);
}

fn change_kind(kind: ChangeKind) -> (&'static str, &'static str) {
    match kind {
        ChangeKind::Addition => ("change ch-addition", "Added"),
        ChangeKind::Deletion => ("change ch-deletion", "Deleted"),
        ChangeKind::Edit => ("change ch-edit", "Edited"),
        ChangeKind::Move => ("change ch-move", "Moved"),
    }
}

/// Versions of one article: each revision's changes, most substantial first.
pub(super) fn versions(page: &mut Markup, report: &mut Report) {
    let Some(versions) = report.input.model.versions.as_ref() else {
        return;
    };
    report.section(page, "versions", "Versions");
    for revision in &versions.revisions {
        let heading = format!(
            "{} → {}",
            report.label(revision.old_pane),
            report.label(revision.new_pane)
        );
        let counts = format!(
            "{} · {} · {} · {}",
            plural(revision.additions, "addition", "additions"),
            plural(revision.deletions, "deletion", "deletions"),
            plural(revision.edits, "edit", "edits"),
            plural(revision.moves, "move", "moves"),
        );
        page.raw("<article class=\"card revision\">\n")
            .element("h3", &[("dir", "auto")], &heading)
            .element("p", &[("class", "lede")], &counts)
            .raw("\n<ol class=\"changes\">\n");
        let ranked = revision
            .ranked
            .iter()
            .filter_map(|&i| revision.changes.get(i));
        for change in ranked {
            change_item(page, report, revision.new_pane, change);
        }
        page.raw("</ol>\n</article>\n");
    }
    page.raw("</section>\n");
}

fn change_item(page: &mut Markup, report: &Report, new_pane: usize, change: &ChangeModel) {
    let (class, name) = change_kind(change.kind);
    let score = format!("{}/100", change.score);
    page.open("li", &[("class", class)])
        .element("span", &[("class", "kind")], name)
        .raw(" ")
        .element(
            "span",
            &[
                ("class", "score"),
                ("title", "How substantial the change is"),
            ],
            &score,
        );
    if !change.reasons.is_empty() {
        page.raw(" ")
            .element("span", &[("class", "reasons")], &change.reasons.join(", "));
    }
    page.open("p", &[("class", "diff"), ("dir", report.dir(new_pane))]);
    match change.kind {
        ChangeKind::Addition => {
            page.element("ins", &[("class", "w-differs w-ins")], &change.new_text);
        }
        ChangeKind::Deletion => {
            page.element("del", &[("class", "w-differs w-del")], &change.old_text);
        }
        ChangeKind::Edit | ChangeKind::Move if !change.ops.is_empty() => ops(page, &change.ops),
        ChangeKind::Edit | ChangeKind::Move => {
            page.text(&change.new_text);
        }
    }
    page.raw("</p></li>\n");
}

/// The user's notes: which report, the text they are about, and the note.
pub(super) fn notes(page: &mut Markup, report: &mut Report) {
    let notes = report.input.notes;
    report.section(page, "notes", "Notes");
    if notes.is_empty() {
        page.raw("<p class=\"lede\">No notes.</p>\n</section>\n");
        return;
    }
    page.raw("<ol class=\"notes\">\n");
    for (at, note) in notes.iter().enumerate() {
        let number = at + 1;
        let id = format!("note-{number}");
        page.open("li", &[("class", "card note"), ("id", &id)])
            .raw("\n<p class=\"note-head\">")
            .element("span", &[("class", "num")], &format!("✎{number}"))
            .raw(" ")
            .element(
                "span",
                &[("class", "who"), ("dir", "auto")],
                &report.label(note.pane),
            )
            .raw(" ")
            .element("time", &[], &note.created_at);
        let on = report
            .input
            .model
            .panes
            .get(note.pane)
            .and_then(|pane| pane.sentences.iter().find(|s| note_on(note, s)));
        if let Some(sentence) = on {
            page.raw(" ");
            jump(page, note.pane, sentence.index);
        }
        page.raw("</p>\n")
            .element("blockquote", &[("dir", report.dir(note.pane))], &note.quote)
            .raw("\n")
            .element("p", &[("class", "note-text"), ("dir", "auto")], &note.note)
            .raw("\n</li>\n");
    }
    page.raw("</ol>\n</section>\n");
}
