//! The views over a session beside the panes: coverage (collate), quotes, terms and facts, each
//! the engine's result with pane numbers, sentence numbers and texts spelled out.

use std::collections::HashMap;

use super::model::{
    CellModel, CellWording, ClaimModel, CoverageModel, DistancedTermModel, FactModel,
    QuoteGroupModel, QuoteModel, QuoteVariantModel, SubstitutionModel, SubstitutionSiteModel,
    TermModel, TermsModel,
};
use super::parts::{context, inline_ops};
use crate::compare::collate::{Collation, Wording};
use crate::compare::quotes::{speaker_key, QuoteComparison, QuoteKind};
use crate::compare::terms::{DistinctiveTerm, Terms};
use crate::compare::Discrepancy;
use crate::text::{Document, TokenKind};

/// The collate matrix.
pub(super) fn coverage(collation: &Collation) -> CoverageModel {
    CoverageModel {
        claims: collation
            .claims
            .iter()
            .map(|claim| ClaimModel {
                text: claim.text.clone(),
                cells: claim
                    .cells
                    .iter()
                    .map(|cell| {
                        cell.as_ref().map(|c| CellModel {
                            sentences: c.sentences.clone(),
                            text: c.text.clone(),
                            wording: match c.wording {
                                Wording::Representative => CellWording::Representative,
                                Wording::Same => CellWording::Same,
                                Wording::Different => CellWording::Different,
                            },
                        })
                    })
                    .collect(),
                carried_by: claim.carried_by,
            })
            .collect(),
    }
}

/// Each group of statements with its members, its most named speaker and its word diffs (terms
/// in quotation marks are listed with the terms, [`distanced`]).
pub(super) fn quotes(docs: &[&Document], found: &QuoteComparison) -> Vec<QuoteGroupModel> {
    found
        .groups
        .iter()
        .filter(|group| {
            group.quotes.iter().any(|&q| {
                found
                    .quotes
                    .get(q)
                    .is_some_and(|q| q.kind == QuoteKind::Statement)
            })
        })
        .map(|group| {
            let members: Vec<QuoteModel> = group
                .quotes
                .iter()
                .filter_map(|&q| found.quotes.get(q))
                .map(|q| QuoteModel {
                    pane: q.report,
                    sentence: q.sentence,
                    text: q.text.clone(),
                    speaker: q.speaker.as_ref().map(|s| s.name.clone()),
                })
                .collect();
            let position = |quote: usize| group.quotes.iter().position(|&q| q == quote);
            let variants = group
                .variants
                .iter()
                .filter_map(|v| {
                    let (from, to) = (position(v.from)?, position(v.to)?);
                    let (qa, qb) = (found.quotes.get(v.from)?, found.quotes.get(v.to)?);
                    let (la, lb) = (&docs[qa.report].lang, &docs[qb.report].lang);
                    let translated = la.is_some() && lb.is_some() && la != lb;
                    Some(QuoteVariantModel {
                        from,
                        to,
                        ops: if translated {
                            Vec::new()
                        } else {
                            inline_ops(&docs[qa.report].body, &docs[qb.report].body, &v.ops)
                        },
                        translated,
                    })
                })
                .collect();
            QuoteGroupModel {
                speaker: most_named(&members),
                worded_differently: group.worded_differently,
                variants,
                quotes: members,
            }
        })
        .collect()
}

/// The speaker named for most of the quotes (by surname key), first named on a tie; of that
/// speaker's names, the one written most often ("Mayor Ilse Varga" twice over "la alcaldesa Ilse
/// Varga" once).
fn most_named(quotes: &[QuoteModel]) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new(); // key → (count, first)
    for (k, q) in quotes.iter().enumerate() {
        if let Some(name) = &q.speaker {
            let key = speaker_key(name);
            if !key.is_empty() {
                counts.entry(key).or_insert((0, k)).0 += 1;
            }
        }
    }
    let (_, first) = counts
        .into_values()
        .max_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)))?;
    let key = speaker_key(quotes[first].speaker.as_deref()?);
    let names: Vec<&str> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .filter(|name| speaker_key(name) == key)
        .collect();
    let written = |name: &str| names.iter().filter(|&&n| n == name).count();
    names
        .iter()
        .copied()
        .fold(None::<&str>, |best, name| match best {
            Some(b) if written(b) >= written(name) => Some(b),
            _ => Some(name),
        })
        .map(str::to_string)
}

/// Per pane, the terms it puts in quotation marks without quoting anyone.
pub(super) fn distanced(panes: usize, found: &QuoteComparison) -> Vec<Vec<DistancedTermModel>> {
    let mut out = vec![Vec::new(); panes];
    for q in found.quotes.iter().filter(|q| q.kind == QuoteKind::Term) {
        if let Some(list) = out.get_mut(q.report) {
            list.push(DistancedTermModel {
                text: q.text.clone(),
                sentence: q.sentence,
            });
        }
    }
    out
}

/// Distinctive terms per pane (with the sentence of their first use) and substitutions.
pub(super) fn terms(docs: &[&Document], found: &Terms) -> TermsModel {
    let mut panes: Vec<Vec<TermModel>> = vec![Vec::new(); docs.len()];
    for report in &found.reports {
        let Some(doc) = docs.get(report.report) else {
            continue;
        };
        panes[report.report] = report
            .terms
            .iter()
            .map(|t| TermModel {
                text: t.text.clone(),
                count: t.count as usize,
                count_elsewhere: t.count_elsewhere as usize,
                z: t.z as f32,
                sentence: first_use(doc, t).unwrap_or(0),
            })
            .collect();
    }
    let substitutions = found
        .substitutions
        .iter()
        .map(|s| SubstitutionModel {
            words: s.words.clone(),
            count: s.count,
            sites: s
                .sites
                .iter()
                .filter_map(|site| {
                    let (a, b) = (docs.get(site.report_a)?, docs.get(site.report_b)?);
                    let sentence_a = a.sentence_at(site.range_a.start)?;
                    let sentence_b = b.sentence_at(site.range_b.start)?;
                    Some(SubstitutionSiteModel {
                        pane_a: site.report_a,
                        sentence_a,
                        word_a: site.word_a.clone(),
                        context_a: context(&a.body, &a.sentences[sentence_a].range, &site.range_a),
                        pane_b: site.report_b,
                        sentence_b,
                        word_b: site.word_b.clone(),
                        context_b: context(&b.body, &b.sentences[sentence_b].range, &site.range_b),
                    })
                })
                .collect(),
        })
        .collect();
    TermsModel {
        distanced: vec![Vec::new(); panes.len()],
        panes,
        substitutions,
    }
}

/// The sentence where `term` (a content word, or two adjacent content words, lowercased as the
/// report spells them) is first used.
fn first_use(doc: &Document, term: &DistinctiveTerm) -> Option<usize> {
    let words: Vec<&str> = term.text.split_whitespace().collect();
    let lower_eq = |token: usize, word: &str| {
        doc.token_text(token)
            .chars()
            .flat_map(char::to_lowercase)
            .eq(word.chars())
    };
    let content = |token: usize| {
        doc.tokens
            .get(token)
            .is_some_and(|t| t.kind != TokenKind::Punct && !t.stop)
    };
    (0..doc.sentences.len()).find(|&s| {
        let range = doc.sentences[s].tokens.clone();
        range.clone().any(|k| {
            words.iter().enumerate().all(|(w, word)| {
                let at = k + w;
                at < range.end && content(at) && lower_eq(at, word)
            })
        })
    })
}

/// Fact discrepancies between panes `pane_a` and `pane_b`, with the sentences holding them.
pub(super) fn facts(
    pane_a: usize,
    a: &Document,
    pane_b: usize,
    b: &Document,
    found: &[Discrepancy],
) -> Vec<FactModel> {
    found
        .iter()
        .filter_map(|d| {
            let sentence_a = a.sentence_at(d.a_range.start)?;
            let sentence_b = b.sentence_at(d.b_range.start)?;
            Some(FactModel {
                kind: d.kind,
                pane_a,
                sentence_a,
                value_a: d.a_text.clone(),
                context_a: context(&a.body, &a.sentences[sentence_a].range, &d.a_range),
                pane_b,
                sentence_b,
                value_b: d.b_text.clone(),
                context_b: context(&b.body, &b.sentences[sentence_b].range, &d.b_range),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::terms::{terms as find_terms, TermsOptions};
    use crate::text::segment;

    #[test]
    fn a_term_points_at_the_sentence_of_its_first_use() {
        let shared = "The town fell on Monday after two days of fighting near the river bridge. ";
        let a = segment(
            &format!(
                "{shared}Calm returned. {}",
                "The terrorist militants shelled the town. ".repeat(3)
            ),
            Some("en"),
        );
        let b = segment(
            &format!("{shared}{}", "The rebels took the town. ".repeat(3)),
            Some("en"),
        );
        let found = find_terms(&[a.clone(), b.clone()], &TermsOptions::default()).expect("two");
        let model = terms(&[&a, &b], &found);
        let term = model.panes[0]
            .iter()
            .find(|t| t.text == "terrorist militants")
            .expect("the phrase is distinctive");
        assert_eq!(term.sentence, 2, "{model:?}");
    }

    #[test]
    fn the_most_named_speaker_wins_and_ties_go_to_the_first() {
        let q = |speaker: Option<&str>| QuoteModel {
            pane: 0,
            sentence: 0,
            text: String::new(),
            speaker: speaker.map(str::to_string),
        };
        let named = most_named(&[
            q(Some("Teodor Vasko")),
            q(Some("Halina Orsk")),
            q(Some("Orsk")),
        ]);
        assert_eq!(named.as_deref(), Some("Halina Orsk"));
        let tie = most_named(&[q(None), q(Some("Teodor Vasko")), q(Some("Halina Orsk"))]);
        assert_eq!(tie.as_deref(), Some("Teodor Vasko"));
        assert_eq!(most_named(&[q(None)]), None);
    }
}
