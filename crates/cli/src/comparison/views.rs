//! Human views of comparison results for the terminal: inline word highlights like
//! `git diff --color-words`, moved and unique sentences marked per report. They only lay out
//! results computed by parallax-core.

use std::fmt::Write as _;

use parallax_core::compare::collate::{Collation, Wording};
use parallax_core::compare::quotes::{MatchBasis, QuoteComparison};
use parallax_core::compare::schema::{AlignmentView, OpView, RevisionView};
use parallax_core::compare::terms::Terms;
use parallax_core::compare::{ChangeKind, FactComparison, Level, OpKind, PairClass};

use super::input::Report;
use super::paint::{letter, Paint};

/// The reports as a header: one line per report with its letter.
pub fn header(reports: &[Report], paint: Paint) -> String {
    let mut out = String::new();
    for (i, r) in reports.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}  {} — {} {}",
            paint.report(i, &letter(i)),
            paint.bold(&r.label()),
            r.info.title,
            paint.dim(&format!(
                "({}, {} sentences)",
                r.info.source, r.info.sentences
            )),
        );
    }
    out
}

/// Ops rendered inline: equal text as is, deletions and insertions highlighted. Changes separated
/// only by a space are shown as one deletion then one insertion (`[-a b-]{+c d+}`, not
/// `[-a-]{+c+} [-b-]{+d+}`), the way `git diff --color-words` reads.
pub fn inline_ops(ops: &[OpView], paint: Paint) -> String {
    let mut out = String::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let flush = |out: &mut String, deleted: &mut String, inserted: &mut String| {
        if !deleted.is_empty() {
            out.push_str(&paint.deleted(deleted));
        }
        if !inserted.is_empty() {
            out.push_str(&paint.inserted(inserted));
        }
        deleted.clear();
        inserted.clear();
    };
    for (k, op) in ops.iter().enumerate() {
        match op.kind {
            OpKind::Equal => {
                let bridges = op.a_text.trim().is_empty()
                    && (!deleted.is_empty() || !inserted.is_empty())
                    && ops
                        .get(k + 1)
                        .is_some_and(|next| next.kind != OpKind::Equal);
                if bridges {
                    if !deleted.is_empty() {
                        deleted.push_str(&one_line(&op.a_text));
                    }
                    if !inserted.is_empty() {
                        inserted.push_str(&one_line(&op.b_text));
                    }
                    continue;
                }
                flush(&mut out, &mut deleted, &mut inserted);
                out.push_str(&one_line(&op.a_text));
            }
            OpKind::Delete => deleted.push_str(&one_line(&op.a_text)),
            OpKind::Insert => inserted.push_str(&one_line(&op.b_text)),
            OpKind::Replace => {
                deleted.push_str(&one_line(&op.a_text));
                inserted.push_str(&one_line(&op.b_text));
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// `text` on one line: a paragraph break inside a pair (one outlet merged two paragraphs' sentences)
/// shows as ` ¶ `.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || c == '\r' {
            while chars.peek().is_some_and(|n| n.is_whitespace()) {
                chars.next();
            }
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push_str(" ¶ ");
        } else {
            out.push(c);
        }
    }
    out
}

/// One row of the two-report view, in A's order with B's own sentences where B put them.
enum Row {
    Pair(usize),
    OnlyA(usize),
    OnlyB(usize),
}

/// The two-report view: every sentence of A in order, each paired one with its word diff against
/// B, and B's unpaired sentences after the pair that precedes them in B.
pub fn alignment(view: &AlignmentView, a: &Report, b: &Report, paint: Paint) -> String {
    let na = a.doc.sentences.len();
    let nb = b.doc.sentences.len();
    let mut pair_of_a = vec![None; na];
    let mut pair_of_b = vec![None; nb];
    for (k, p) in view.pairs.iter().enumerate() {
        for &i in &p.a.sentences {
            pair_of_a[i] = Some(k);
        }
        for &j in &p.b.sentences {
            pair_of_b[j] = Some(k);
        }
    }
    // B's unique sentences, keyed by the pair before them in B (None: before any pair).
    let mut b_after: Vec<(Option<usize>, usize)> = Vec::new();
    for u in view.unique.iter().filter(|u| u.report == 1) {
        let anchor = (0..u.sentence).rev().find_map(|j| pair_of_b[j]);
        b_after.push((anchor, u.sentence));
    }
    let mut rows: Vec<Row> = b_after
        .iter()
        .filter(|(a, _)| a.is_none())
        .map(|&(_, j)| Row::OnlyB(j))
        .collect();
    for (i, pair) in pair_of_a.iter().enumerate() {
        match *pair {
            Some(k) if view.pairs[k].a.sentences[0] == i => {
                rows.push(Row::Pair(k));
                rows.extend(
                    b_after
                        .iter()
                        .filter(|(a, _)| *a == Some(k))
                        .map(|&(_, j)| Row::OnlyB(j)),
                );
            }
            Some(_) => {}
            None => rows.push(Row::OnlyA(i)),
        }
    }

    let mut out = String::new();
    let mut last_paragraph = None;
    for row in rows {
        let (marker, text, paragraph) = match row {
            Row::Pair(k) => {
                let p = &view.pairs[k];
                let paragraph = a.doc.sentences[p.a.sentences[0]].paragraph;
                match p.class {
                    PairClass::Identical => {
                        (paint.dim("  ="), one_line(&p.a.text), Some(paragraph))
                    }
                    PairClass::Changed => (
                        "  ~".to_string(),
                        inline_ops(&p.ops, paint),
                        Some(paragraph),
                    ),
                    PairClass::Translated => (
                        paint.warn("  ⇄"),
                        format!(
                            "{}\n     {}",
                            one_line(&p.a.text),
                            paint.dim(&one_line(&p.b.text))
                        ),
                        Some(paragraph),
                    ),
                    PairClass::Moved => {
                        let body = if p.edited {
                            inline_ops(&p.ops, paint)
                        } else {
                            one_line(&p.a.text)
                        };
                        let place = format!(" (moved: B sentence {})", p.b.sentences[0] + 1);
                        (
                            paint.warn("  ↕"),
                            format!("{body}{}", paint.dim(&place)),
                            Some(paragraph),
                        )
                    }
                }
            }
            Row::OnlyA(i) => (
                paint.report(0, "  A only"),
                a.doc.sentence_text(i).to_string(),
                Some(a.doc.sentences[i].paragraph),
            ),
            Row::OnlyB(j) => (
                paint.report(1, "  B only"),
                b.doc.sentence_text(j).to_string(),
                last_paragraph,
            ),
        };
        if paragraph != last_paragraph && last_paragraph.is_some() {
            out.push('\n');
        }
        last_paragraph = paragraph;
        let _ = writeln!(out, "{marker} {text}");
    }
    let s = &view.stats;
    let _ = writeln!(
        out,
        "\n{} pairs: {} identical, {} changed, {} moved · only in A: {} · only in B: {} · shared: A {:.0}%, B {:.0}%",
        view.pairs.len(),
        s.identical,
        s.changed,
        s.moved,
        s.unique_a,
        s.unique_b,
        s.shared_a * 100.0,
        s.shared_b * 100.0
    );
    out
}

/// The changes between two versions in the new version's order, then the most substantial ones.
pub fn revision(view: &RevisionView, paint: Paint) -> String {
    let mut out = String::new();
    if view.changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let describe = |k: usize| -> String {
        let c = &view.changes[k];
        let level = match c.level {
            Level::Paragraph => "paragraph",
            Level::Sentence => "sentence",
        };
        let (marker, text) = match c.kind {
            ChangeKind::Addition => (
                paint.inserted_plain(&format!("+ added {level}")),
                paint.inserted(&one_line(&c.new_text)),
            ),
            ChangeKind::Deletion => (
                paint.deleted_plain(&format!("- deleted {level}")),
                paint.deleted(&one_line(&c.old_text)),
            ),
            ChangeKind::Edit => (format!("~ edited {level}"), inline_ops(&c.ops, paint)),
            ChangeKind::Move => {
                let body = if c.ops.is_empty() {
                    one_line(&c.new_text)
                } else {
                    inline_ops(&c.ops, paint)
                };
                (paint.warn(&format!("↕ moved {level}")), body)
            }
        };
        format!("{marker}: {text}")
    };
    for k in 0..view.changes.len() {
        let _ = writeln!(out, "{}\n", describe(k));
    }
    let s = &view.stats;
    let _ = writeln!(
        out,
        "{} additions, {} deletions, {} edits, {} moves; {} of {} paragraphs unchanged",
        s.additions, s.deletions, s.edits, s.moves, s.unchanged_paragraphs, s.old_paragraphs
    );
    let _ = writeln!(out, "{}", paint.bold("Most substantial:"));
    for &k in view.ranked.iter().take(3) {
        let reasons: Vec<String> = view.changes[k]
            .substance
            .reasons
            .iter()
            .map(|r| format!("{r:?}").to_lowercase())
            .collect();
        let _ = writeln!(out, "  [{}] {}", reasons.join(", "), describe(k));
    }
    out
}

/// The claims × reports matrix, one claim per line with its representative text.
pub fn collation(c: &Collation, reports: &[Report], paint: Paint) -> String {
    let mut out = String::new();
    let letters: Vec<String> = (0..reports.len()).map(letter).collect();
    let _ = writeln!(out, "{}", paint.bold(&letters.join(" ")));
    for claim in &c.claims {
        let marks: Vec<String> = claim
            .cells
            .iter()
            .enumerate()
            .map(|(r, cell)| {
                let mark = match cell.as_ref().map(|c| c.wording) {
                    None => return paint.dim(&pad("·", &letters[r])),
                    Some(Wording::Representative) => "●",
                    Some(Wording::Same) => "=",
                    Some(Wording::Different) => "~",
                };
                paint.report(r, &pad(mark, &letters[r]))
            })
            .collect();
        let note = if claim.is_unique() {
            paint.report(
                claim.representative,
                &format!(" (only {})", letters[claim.representative]),
            )
        } else {
            String::new()
        };
        let _ = writeln!(out, "{}  {}{note}", marks.join(" "), one_line(&claim.text));
    }
    let _ = writeln!(
        out,
        "\n● representative wording  = same words  ~ worded differently  · omitted"
    );
    for cov in &c.coverage {
        let _ = writeln!(
            out,
            "{} {}: {} sentences, {} claims, {} shared with others, {} alone",
            paint.report(cov.report, &letters[cov.report]),
            reports[cov.report].label(),
            cov.sentences,
            cov.claims,
            cov.shared,
            cov.unique
        );
    }
    out
}

fn pad(mark: &str, letter: &str) -> String {
    format!("{mark:<width$}", width = letter.chars().count())
}

/// Quotes grouped across reports, differently worded ones with their word diff.
pub fn quotes(q: &QuoteComparison, reports: &[Report], paint: Paint) -> String {
    let mut out = String::new();
    if q.quotes.is_empty() {
        out.push_str("No quotes found.\n");
        return out;
    }
    for group in &q.groups {
        let first = &q.quotes[group.quotes[0]];
        let speaker = first
            .speaker
            .as_ref()
            .map(|s| s.name.as_str())
            .unwrap_or("speaker not given");
        let carriers: Vec<String> = group
            .quotes
            .iter()
            .map(|&i| paint.report(q.quotes[i].report, &letter(q.quotes[i].report)))
            .collect();
        let flag = if group.worded_differently {
            paint.warn(" worded differently")
        } else if group.quotes.len() == 1 {
            paint.dim(" only here")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "[{}]{flag} “{}” — {}",
            carriers.join(" "),
            first.text,
            paint.dim(speaker)
        );
        for v in &group.variants {
            let other = &q.quotes[v.to];
            let basis = match v.basis {
                MatchBasis::Wording => "",
                MatchBasis::AlignedSentences => " (matched by its sentence)",
                MatchBasis::Speaker => " (matched by speaker)",
            };
            // A variant is diffed against a quote of its own language, not always the first.
            let body = &reports[q.quotes[v.from].report].doc.body;
            let other_body = &reports[other.report].doc.body;
            let ops: Vec<OpView> = v
                .ops
                .iter()
                .map(|op| OpView {
                    kind: op.kind,
                    a: op.a.clone(),
                    b: op.b.clone(),
                    a_text: body[op.a.clone()].to_string(),
                    b_text: other_body[op.b.clone()].to_string(),
                })
                .collect();
            let _ = writeln!(
                out,
                "    {} {}{}",
                paint.report(other.report, &format!("{}:", letter(other.report))),
                inline_ops(&ops, paint),
                paint.dim(basis)
            );
        }
    }
    let matched = q.groups.iter().filter(|g| g.quotes.len() > 1).count();
    let differ = q.groups.iter().filter(|g| g.worded_differently).count();
    let _ = writeln!(
        out,
        "\n{} quotes in {} groups: {} shared by several reports, {} worded differently",
        q.quotes.len(),
        q.groups.len(),
        matched,
        differ
    );
    out
}

/// Distinctive terms per report, then substitutions between reports.
/// `number  A four  ≠  B seven`, then each side's sentence; or a line saying there is none.
pub fn facts(comparison: &FactComparison, paint: Paint) -> String {
    if comparison.discrepancies.is_empty() {
        return "No fact is stated differently in corresponding sentences.\n".to_owned();
    }
    let mut out = String::new();
    for d in &comparison.discrepancies {
        let kind = match d.detail {
            Some(detail) => format!("{} ({detail})", d.kind),
            None => d.kind.to_owned(),
        };
        let (a, b) = (letter(d.a.report), letter(d.b.report));
        out.push_str(&format!(
            "{kind}  {a} {}  ≠  {b} {}\n",
            paint.deleted(&d.a.value),
            paint.inserted(&d.b.value)
        ));
        out.push_str(&format!("  {a}: {}\n", one_line(&d.a.sentence)));
        out.push_str(&format!("  {b}: {}\n\n", one_line(&d.b.sentence)));
    }
    out
}

pub fn terms(t: &Terms, reports: &[Report], paint: Paint) -> String {
    let mut out = String::new();
    for rt in &t.reports {
        let _ = writeln!(
            out,
            "{} {} ({} words) — distinctive:",
            paint.report(rt.report, &letter(rt.report)),
            paint.bold(&reports[rt.report].label()),
            rt.word_count
        );
        if rt.terms.is_empty() {
            let _ = writeln!(out, "    {}", paint.dim("nothing stands out"));
        }
        for term in &rt.terms {
            let _ = writeln!(
                out,
                "    {:<28} {:>3} here, {:>3} elsewhere   z {:>5.2}",
                term.text, term.count, term.count_elsewhere, term.z
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        paint.bold("Substitutions inside aligned sentences:")
    );
    if t.substitutions.is_empty() {
        let _ = writeln!(out, "    {}", paint.dim("none"));
    }
    for s in &t.substitutions {
        let mut by_report: Vec<(usize, String)> = Vec::new();
        for site in &s.sites {
            for (r, w) in [(site.report_a, &site.word_a), (site.report_b, &site.word_b)] {
                let w = w.to_lowercase();
                if !by_report.iter().any(|(x, y)| *x == r && *y == w) {
                    by_report.push((r, w));
                }
            }
        }
        by_report.sort();
        let who: Vec<String> = by_report
            .iter()
            .map(|(r, w)| format!("{} “{w}”", paint.report(*r, &letter(*r))))
            .collect();
        let _ = writeln!(
            out,
            "    {} ↔ {}  ×{}   {}",
            paint.deleted_plain(&s.words[0]),
            paint.inserted_plain(&s.words[1]),
            s.count,
            who.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(kind: OpKind, a: &str, b: &str) -> OpView {
        OpView {
            kind,
            a: 0..a.len(),
            b: 0..b.len(),
            a_text: a.to_string(),
            b_text: b.to_string(),
        }
    }

    #[test]
    fn changes_separated_by_a_space_read_as_one() {
        let ops = [
            op(OpKind::Equal, "The ", "The "),
            op(OpKind::Replace, "rebels", "terrorist"),
            op(OpKind::Equal, " ", " "),
            op(OpKind::Replace, "took", "militants stormed"),
            op(OpKind::Equal, " Dravik.", " Dravik."),
        ];
        assert_eq!(
            inline_ops(&ops, Paint { color: false }),
            "The [-rebels took-]{+terrorist militants stormed+} Dravik."
        );
    }

    #[test]
    fn a_paragraph_break_inside_a_pair_stays_on_one_line() {
        assert_eq!(one_line("in Syria.\n\nIt added"), "in Syria. ¶ It added");
    }

    #[test]
    fn colour_marks_deletions_red_struck_and_insertions_green() {
        let ops = [op(OpKind::Replace, "rebels", "militants")];
        let painted = inline_ops(&ops, Paint { color: true });
        assert!(
            painted.contains("\u{1b}[9;31m")
                || painted.contains("\u{1b}[31;9m")
                || painted.contains("\u{1b}[9m"),
            "{painted:?}"
        );
        assert!(
            painted.contains("rebels") && painted.contains("militants") && !painted.contains("[-")
        );
    }
}
