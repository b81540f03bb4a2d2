//! Session exports: a self-contained HTML report, the coverage matrix as CSV and the whole session
//! as JSON — pure functions from the session view model to text (writing the file is the caller's).
//!
//! ```text
//! html_report(&ExportInput)  → one offline HTML page: legend, panes side by side with the
//!                              highlights of the app, coverage, quotes, facts, terms, notes
//! coverage_csv(&SessionModel) → claims × reports, RFC 4180, safe to open in a spreadsheet
//! session_json(&ExportInput)  → {"schema": "parallax.session/1", name, generatedAt, model, notes}
//! ```
//! Every text in the model and the notes is untrusted (it comes from imported articles): the HTML
//! report escapes all of it and carries no script; the CSV defuses spreadsheet formulas.

mod csv;
mod html;
mod json;

use serde::{Deserialize, Serialize};

use crate::compare::session::{PaneModel, SessionModel};

pub use csv::coverage_csv;
pub use html::html_report;
pub use json::session_json;

/// A note the user wrote on a span of one report, as exports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportNote {
    /// The pane of the report the note is about.
    pub pane: usize,
    /// The byte range of the report's body the note is on (the offsets of the model's sentences).
    pub start: usize,
    pub end: usize,
    /// The text the note is about.
    pub quote: String,
    pub note: String,
    pub created_at: String,
}

/// What an export of a whole session is made from.
#[derive(Debug, Clone, Copy)]
pub struct ExportInput<'a> {
    /// The session's name (the report's title).
    pub name: &'a str,
    pub model: &'a SessionModel,
    pub notes: &'a [ExportNote],
    /// When the export was made, as the caller wants it printed (e.g. an RFC 3339 time).
    pub generated_at: &'a str,
}

/// The name each pane goes by in column headers: its outlet, else its title, else "Report N";
/// a name two panes share gets the pane's number ("Radio Kestrel (4)").
pub(crate) fn pane_labels(panes: &[PaneModel]) -> Vec<String> {
    let bare: Vec<String> = panes
        .iter()
        .enumerate()
        .map(|(position, pane)| {
            [pane.outlet.as_deref(), Some(pane.title.as_str())]
                .into_iter()
                .flatten()
                .map(str::trim)
                .find(|name| !name.is_empty())
                .map_or_else(|| format!("Report {}", position + 1), str::to_string)
        })
        .collect();
    bare.iter()
        .enumerate()
        .map(|(position, name)| {
            if bare.iter().filter(|other| *other == name).count() > 1 {
                format!("{name} ({})", position + 1)
            } else {
                name.clone()
            }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod sample;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_prefer_the_outlet_then_the_title_and_number_duplicates() {
        let mut model = sample::two_pane_model();
        let labels = pane_labels(&model.panes);
        assert_eq!(
            labels,
            ["Northgate Wire", "Radio Kestrel"],
            "outlets name the panes"
        );

        model.panes[1].outlet = Some("Northgate Wire".into());
        let labels = pane_labels(&model.panes);
        assert_eq!(
            labels,
            ["Northgate Wire (1)", "Northgate Wire (2)"],
            "two panes of one outlet are told apart by their number"
        );

        model.panes[0].outlet = None;
        model.panes[1].outlet = Some("  ".into());
        model.panes[1].title = String::new();
        let labels = pane_labels(&model.panes);
        assert_eq!(
            labels[0], model.panes[0].title,
            "without an outlet the title names the pane"
        );
        assert_eq!(
            labels[1], "Report 2",
            "without outlet or title the pane's number does"
        );
    }
}
