//! Words and two-word phrases distinctive of each report against the others: the log-odds ratio
//! with an informative Dirichlet prior and its z-score (Monroe, Colaresi & Quinn 2008, "Fightin'
//! Words", §3.5).
//!
//! For a term w, report i and the rest r (all other reports pooled):
//! δ = ln((yᵢ+α)/(nᵢ+α₀−yᵢ−α)) − ln((yᵣ+α)/(nᵣ+α₀−yᵣ−α)), σ² ≈ 1/(yᵢ+α) + 1/(yᵣ+α), z = δ/σ,
//! where y are the term's counts, n the total counts, and the prior α = α₀·y_w/N follows the
//! term's frequency in all reports together, with mass α₀ = `prior_scale`·N. A term said a few
//! times by one report only scores high; a term everyone uses scores near zero.
//!
//! With no background corpus the prior is the reports themselves, which makes z conservative for
//! a word the other reports never use (its variance is dominated by 1/α): one report's word used
//! 4 times and never elsewhere scores z ≈ 1.1, 12 times ≈ 1.9. The default cut-off is therefore
//! z ≥ 1 (a ranking aid, not a significance test), with z shown beside every term.
//!
//! Terms are keyed by stem (words) or normalized form (numbers), stop words excluded; a two-word
//! phrase is two adjacent content words with no punctuation or stop word between them. The text
//! shown is the report's first spelling of the term, lowercased.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::text::{Document, TokenKind};

/// Options of the distinctive-terms analysis.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LogOddsOptions {
    /// Prior mass as a share of all counts (α₀ = prior_scale·N). Larger = more cautious.
    pub prior_scale: f64,
    /// Keep terms whose z-score is at least this (see the module doc for why 1, not 1.96).
    pub min_z: f64,
    /// The most terms kept per report.
    pub max_terms: usize,
    /// A term must occur at least this often in the report (one use is no pattern).
    pub min_count: u32,
}

impl Default for LogOddsOptions {
    fn default() -> Self {
        LogOddsOptions {
            prior_scale: 0.1,
            min_z: 1.0,
            max_terms: 20,
            min_count: 2,
        }
    }
}

/// A term distinctive of one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveTerm {
    /// The report's spelling, lowercased ("terrorist militants").
    pub text: String,
    /// 1 for a word, 2 for a two-word phrase.
    pub words: u8,
    /// Occurrences in this report.
    pub count: u32,
    /// Occurrences in all other reports together.
    pub count_elsewhere: u32,
    /// The log-odds ratio δ (natural log).
    pub log_odds: f64,
    /// δ / σ.
    pub z: f64,
}

/// The distinctive terms of one report, most distinctive first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportTerms {
    pub report: usize,
    /// Word and number tokens of the report.
    pub word_count: usize,
    pub terms: Vec<DistinctiveTerm>,
}

/// Counts of one vocabulary (words, or two-word phrases) in every report.
struct Counts {
    /// `per_report[i][term]` = (count, byte range of the first occurrence).
    per_report: Vec<HashMap<u32, (u32, std::ops::Range<usize>)>>,
    totals: Vec<u64>,
    all: Vec<u64>,
}

impl Counts {
    fn new(reports: usize) -> Self {
        Counts {
            per_report: vec![HashMap::new(); reports],
            totals: vec![0; reports],
            all: Vec::new(),
        }
    }

    fn add(&mut self, report: usize, term: u32, range: std::ops::Range<usize>) {
        let entry = self.per_report[report].entry(term).or_insert((0, range));
        entry.0 += 1;
        self.totals[report] += 1;
        if self.all.len() <= term as usize {
            self.all.resize(term as usize + 1, 0);
        }
        self.all[term as usize] += 1;
    }
}

/// The distinctive terms of every report against the rest.
pub fn distinctive_terms(reports: &[Document], options: &LogOddsOptions) -> Vec<ReportTerms> {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut words = Counts::new(reports.len());
    let mut phrases = Counts::new(reports.len());
    let mut key = String::new();
    for (r, doc) in reports.iter().enumerate() {
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            let mut previous: Option<usize> = None;
            for (k, token) in tokens.iter().enumerate() {
                let content = token.kind != TokenKind::Punct && !token.stop;
                if !content {
                    previous = None;
                    continue;
                }
                let id = intern(&mut vocabulary, &token.stem);
                words.add(r, id, token.range.clone());
                if let Some(p) = previous {
                    key.clear();
                    key.push_str(&tokens[p].stem);
                    key.push(' ');
                    key.push_str(&token.stem);
                    let id = intern(&mut vocabulary, &key);
                    phrases.add(r, id, tokens[p].range.start..token.range.end);
                }
                previous = Some(k);
            }
        }
    }
    (0..reports.len())
        .map(|r| {
            let mut terms = score(&words, r, 1, options, &reports[r].body);
            terms.extend(score(&phrases, r, 2, options, &reports[r].body));
            terms.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.text.cmp(&b.text)));
            terms.truncate(options.max_terms);
            ReportTerms {
                report: r,
                word_count: reports[r].word_count(),
                terms,
            }
        })
        .collect()
}

fn intern(vocabulary: &mut HashMap<String, u32>, key: &str) -> u32 {
    if let Some(&id) = vocabulary.get(key) {
        return id;
    }
    let id = vocabulary.len() as u32;
    vocabulary.insert(key.to_string(), id);
    id
}

/// The terms of report `r` in `counts` whose z-score passes `options.min_z`.
fn score(
    counts: &Counts,
    r: usize,
    words: u8,
    options: &LogOddsOptions,
    body: &str,
) -> Vec<DistinctiveTerm> {
    let total: u64 = counts.totals.iter().sum();
    if total == 0 || counts.per_report.len() < 2 {
        return Vec::new();
    }
    let n_all = total as f64;
    let a0 = options.prior_scale * n_all;
    let n_i = counts.totals[r] as f64;
    let n_r = n_all - n_i;
    let mut out = Vec::new();
    for (&term, &(count, ref first)) in &counts.per_report[r] {
        let y_all = counts.all[term as usize] as f64;
        let y_i = f64::from(count);
        let y_r = y_all - y_i;
        let alpha = a0 * y_all / n_all;
        let delta = ((y_i + alpha) / (n_i + a0 - y_i - alpha)).ln()
            - ((y_r + alpha) / (n_r + a0 - y_r - alpha)).ln();
        let variance = 1.0 / (y_i + alpha) + 1.0 / (y_r + alpha);
        let z = delta / variance.sqrt();
        if z.is_finite() && z >= options.min_z && count >= options.min_count {
            out.push(DistinctiveTerm {
                text: body[first.clone()].to_lowercase(),
                words,
                count,
                count_elsewhere: y_r as u32,
                log_odds: delta,
                z,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn docs(texts: &[&str]) -> Vec<Document> {
        texts.iter().map(|t| segment(t, Some("en"))).collect()
    }

    #[test]
    fn a_word_only_one_report_repeats_is_distinctive() {
        let shared = "The town fell on Monday after two days of fighting near the river bridge. ";
        let a = format!(
            "{shared}{}",
            "The terrorist militants shelled the town. ".repeat(8)
        );
        let b = format!("{shared}{}", "The rebels took the town. ".repeat(8));
        let c = format!("{shared}{}", "The rebels held the bridge. ".repeat(8));
        let result = distinctive_terms(&docs(&[&a, &b, &c]), &LogOddsOptions::default());
        let texts: Vec<&str> = result[0].terms.iter().map(|t| t.text.as_str()).collect();
        assert!(
            texts.contains(&"terrorist militants"),
            "report 0 terms: {texts:?}"
        );
        assert!(texts.contains(&"terrorist"), "report 0 terms: {texts:?}");
        assert!(
            !texts.contains(&"town"),
            "a word all reports share is not distinctive: {texts:?}"
        );
        assert!(
            result[0].terms.windows(2).all(|w| w[0].z >= w[1].z),
            "terms are sorted by z-score"
        );
    }

    #[test]
    fn a_word_said_once_is_not_enough() {
        let result = distinctive_terms(
            &docs(&[
                "The army retook the town on Monday.",
                "The army retook the town on Tuesday.",
            ]),
            &LogOddsOptions::default(),
        );
        assert!(result.iter().all(|r| r.terms.is_empty()), "{result:?}");
    }

    #[test]
    fn one_report_has_nothing_to_contrast() {
        let result = distinctive_terms(
            &docs(&["Only one report here, said twice. Only one."]),
            &LogOddsOptions::default(),
        );
        assert_eq!(result.len(), 1);
        assert!(result[0].terms.is_empty());
    }
}
