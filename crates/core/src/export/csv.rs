//! The coverage matrix as CSV: one row per claim, one column per report (RFC 4180, CRLF line ends,
//! UTF-8 with a byte order mark), with cells defused so a spreadsheet never runs an imported
//! sentence as a formula.

use super::pane_labels;
use crate::compare::session::SessionModel;

/// The coverage matrix of a session: header `claim,<report>…,carried_by`, then per claim its
/// representative wording, each report's sentence for it (empty where the report omits it) and
/// how many reports carry it.
///
/// The text starts with a byte order mark: without one, Excel reads the file in the system's legacy
/// code page and turns every non-ASCII letter (an Arabic or Russian report, a curly quote) into
/// mojibake; LibreOffice, Google Sheets and CSV libraries that read UTF-8 skip it.
pub fn coverage_csv(model: &SessionModel) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    let header = std::iter::once("claim".to_string())
        .chain(pane_labels(&model.panes))
        .chain(std::iter::once("carried_by".to_string()));
    push_row(&mut out, header);
    for claim in &model.coverage.claims {
        let cells = (0..model.panes.len()).map(|pane| {
            claim
                .cells
                .get(pane)
                .and_then(Option::as_ref)
                .map(|cell| cell.text.clone())
                .unwrap_or_default()
        });
        let row = std::iter::once(claim.text.clone())
            .chain(cells)
            .chain(std::iter::once(claim.carried_by.to_string()));
        push_row(&mut out, row);
    }
    out
}

const BYTE_ORDER_MARK: char = '\u{feff}';

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (position, field) in fields.enumerate() {
        if position > 0 {
            out.push(',');
        }
        push_field(out, &field);
    }
    out.push_str("\r\n");
}

/// One field: a leading `'` when a spreadsheet would read it as a formula (`=`, `+`, `-`, `@`, tab
/// or carriage return first), then quoted (quotes doubled) when it holds a comma, quote or line end.
fn push_field(out: &mut String, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = field.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for ch in field.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if quoted {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    /// Splits RFC 4180 text into rows of fields (a reader independent of the writer under test).
    fn parse(csv: &str) -> Vec<Vec<String>> {
        let csv = csv
            .strip_prefix(BYTE_ORDER_MARK)
            .expect("the text starts with a byte order mark");
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut in_quotes = false;
        let mut chars = csv.chars().peekable();
        while let Some(ch) = chars.next() {
            match (in_quotes, ch) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => in_quotes = false,
                (true, _) => field.push(ch),
                (false, '"') => in_quotes = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, _) => field.push(ch),
            }
        }
        assert!(!in_quotes, "every quoted field is closed");
        assert!(
            field.is_empty() && row.is_empty(),
            "the last row ends with CRLF"
        );
        rows
    }

    #[test]
    fn one_row_per_claim_and_one_column_per_report() {
        let model = sample::two_pane_model();
        let rows = parse(&coverage_csv(&model));
        assert_eq!(
            rows[0],
            ["claim", "Northgate Wire", "Radio Kestrel", "carried_by"],
            "header names the reports by outlet"
        );
        assert_eq!(
            rows.len(),
            1 + model.coverage.claims.len(),
            "a row per claim"
        );
        for (row, claim) in rows[1..].iter().zip(&model.coverage.claims) {
            assert_eq!(row.len(), 4, "every row has every column: {row:?}");
            assert_eq!(row[0], claim.text);
            assert_eq!(row[3], claim.carried_by.to_string());
            for (pane, cell) in claim.cells.iter().enumerate() {
                let expected = cell.as_ref().map(|c| c.text.as_str()).unwrap_or_default();
                assert_eq!(row[1 + pane], expected, "pane {pane}'s sentence, or empty");
            }
        }
        let omitted = &rows[5];
        assert!(
            omitted[2].is_empty(),
            "Kestrel omits the quote: {omitted:?}"
        );
    }

    #[test]
    fn utf8_with_one_byte_order_mark_so_excel_reads_non_latin_reports() {
        let mut model = sample::two_pane_model();
        model.coverage.claims[0].text = "Министр заявил «нет» — وقال الوزير".into();
        let csv = coverage_csv(&model);
        assert!(
            csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]),
            "UTF-8 BOM first"
        );
        assert_eq!(csv.matches(BYTE_ORDER_MARK).count(), 1, "and only there");
        assert_eq!(parse(&csv)[1][0], model.coverage.claims[0].text);
    }

    #[test]
    fn commas_quotes_and_line_ends_are_quoted() {
        let mut model = sample::two_pane_model();
        model.coverage.claims[0].text = "He said \"no\", twice\nthen left\r\nfor good".into();
        let csv = coverage_csv(&model);
        assert!(
            csv.contains("\"He said \"\"no\"\", twice\nthen left\r\nfor good\""),
            "quoted with its quotes doubled: {csv}"
        );
        let rows = parse(&csv);
        assert_eq!(
            rows.len(),
            1 + model.coverage.claims.len(),
            "line ends inside a field do not split rows"
        );
        assert_eq!(
            rows[1][0], model.coverage.claims[0].text,
            "the text reads back exactly"
        );
        let plain = rows
            .iter()
            .flatten()
            .find(|field| field.as_str() == "Northgate Wire");
        assert!(
            plain.is_some() && !csv.contains("\"Northgate Wire\""),
            "plain fields stay unquoted"
        );
    }

    #[test]
    fn formulas_are_defused() {
        let mut model = sample::two_pane_model();
        let claims = &mut model.coverage.claims;
        claims[0].text = "=HYPERLINK(\"http://example.invalid\",\"x\")".into();
        claims[1].text = "+1 for the rebels".into();
        claims[2].text = "-5 degrees".into();
        claims[3].text = "@SUM(A1)".into();
        model.panes[0].outlet = Some("=cmd|' /C calc'!A0".into());
        let rows = parse(&coverage_csv(&model));
        assert_eq!(
            rows[0][1], "'=cmd|' /C calc'!A0",
            "a header cell is defused too"
        );
        for (row, first) in rows[1..5].iter().zip(['=', '+', '-', '@']) {
            assert!(
                row[0].starts_with('\''),
                "{first}: prefixed with a quote: {row:?}"
            );
            assert_eq!(
                row[0][1..].chars().next(),
                Some(first),
                "and otherwise unchanged"
            );
        }
        assert_eq!(
            rows[6][0], model.coverage.claims[5].text,
            "other text is left alone"
        );
    }
}
