//! The HTML report: one self-contained page (inline CSS, no script, nothing fetched) that looks
//! like the app — legend, the reports side by side with their highlights, then the coverage,
//! quotes, facts, terms, versions and notes — and prints cleanly.

mod markup;
mod panes;
mod views;

use super::{pane_labels, ExportInput};
use markup::Markup;

/// The page's style sheet, inlined into its `<head>`: the palette the app shares, then the report's own rules.
const STYLE: &str = concat!(
    include_str!("html/palette.css"),
    include_str!("html/report.css")
);

/// What the sections of the report share: the input, each pane's name and where sections go.
struct Report<'a> {
    input: &'a ExportInput<'a>,
    labels: Vec<String>,
    /// `(id, heading)` of each section written so far, for the table of contents.
    sections: Vec<(&'static str, &'static str)>,
}

impl Report<'_> {
    /// The name of a pane ("Report N" for a number the model does not have).
    fn label(&self, pane: usize) -> String {
        self.labels
            .get(pane)
            .cloned()
            .unwrap_or_else(|| format!("Report {}", pane + 1))
    }

    /// The `dir` of a pane's text ("auto" when the model does not know the pane).
    fn dir(&self, pane: usize) -> &'static str {
        match self.input.model.panes.get(pane) {
            Some(pane) if pane.rtl => "rtl",
            Some(_) => "ltr",
            None => "auto",
        }
    }

    /// Opens a section with its heading and lists it in the table of contents.
    fn section(&mut self, page: &mut Markup, id: &'static str, heading: &'static str) {
        self.sections.push((id, heading));
        page.open("section", &[("id", id), ("class", "block")])
            .element("h2", &[], heading)
            .raw("\n");
    }
}

/// The whole session as one HTML page that opens offline in any browser: the reports side by side
/// with the app's classes (`.s-identical`, `.s-changed`, `.s-moved`, `.s-unique`) and changed
/// words (`.w-differs`), a legend, the coverage matrix, quotes worded differently, facts that
/// differ, substitutions, versions when there are some, the notes and the warnings. Every text
/// from the model and the notes is escaped; the page's content security policy forbids scripts
/// and every fetch.
pub fn html_report(input: &ExportInput) -> String {
    let model = input.model;
    let mut report = Report {
        input,
        labels: pane_labels(&model.panes),
        sections: Vec::new(),
    };
    let text_size: usize = model
        .panes
        .iter()
        .flat_map(|pane| &pane.sentences)
        .flat_map(|sentence| &sentence.parts)
        .map(|part| part.text.len())
        .sum();
    let mut body = Markup::with_capacity(text_size * 3 + 16_384);
    panes::legend(&mut body);
    panes::panes(&mut body, &mut report);
    panes::inline(&mut body, &mut report);
    views::coverage(&mut body, &mut report);
    views::quotes(&mut body, &mut report);
    views::facts(&mut body, &mut report);
    views::terms(&mut body, &mut report);
    views::versions(&mut body, &mut report);
    views::notes(&mut body, &mut report);

    let name = if input.name.trim().is_empty() {
        "Untitled session"
    } else {
        input.name
    };
    let mut page = Markup::with_capacity(body.len() + STYLE.len() + 4096);
    head(&mut page, name);
    page.raw("<body>\n<header class=\"report-head\">\n");
    page.element("h1", &[("dir", "auto")], name).raw("\n");
    let byline = format!(
        "Comparison of {} · generated {} by Parallax",
        markup::plural(model.panes.len(), "report", "reports"),
        input.generated_at
    );
    page.element("p", &[("class", "byline")], &byline).raw("\n");
    contents(&mut page, &report.sections);
    warnings(&mut page, &model.warnings);
    page.raw("</header>\n<main>\n")
        .append(body)
        .raw("</main>\n<footer class=\"report-foot\">\n<p>Made with Parallax (")
        .raw(crate::compare::session::SESSION_SCHEMA)
        .raw(
            "). Each report is compared with the report to its left (the first with the one to \
             its right): that comparison gives a sentence its class and its marked words; “in N \
             other reports” counts every report of the session.</p>\n</footer>\n</body>\n</html>\n",
        );
    page.finish()
}

fn head(page: &mut Markup, name: &str) {
    page.raw(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"Parallax\">\n",
    );
    page.element("title", &[], &format!("{name} — Parallax report"))
        .raw("\n<style>\n")
        .raw(STYLE)
        .raw("</style>\n</head>\n");
}

fn contents(page: &mut Markup, sections: &[(&'static str, &'static str)]) {
    page.raw("<nav class=\"contents\" aria-label=\"Contents\"><ul>");
    for (id, heading) in sections {
        let target = format!("#{id}");
        page.raw("<li>")
            .element("a", &[("href", &target)], heading)
            .raw("</li>");
    }
    page.raw("</ul></nav>\n");
}

fn warnings(page: &mut Markup, warnings: &[String]) {
    if warnings.is_empty() {
        return;
    }
    page.raw("<ul class=\"warnings\" role=\"note\" aria-label=\"Warnings\">\n");
    for warning in warnings {
        page.element("li", &[("dir", "auto")], warning).raw("\n");
    }
    page.raw("</ul>\n");
}

#[cfg(test)]
mod tests;
