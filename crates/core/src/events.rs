//! Which reports cover the same event: each report's names and numbers, weighted by how rare
//! they are in the library, and its meaning (the mean of its lead's sentence vectors, when the
//! sentence model gave them), compared with other reports'. Used to suggest an event for an
//! imported article and to propose events for articles in none.

use std::collections::HashMap;

use crate::text::{cosine, SentenceVectors};

/// Sentences of a report's lead averaged into its meaning: the lead says what the event is.
const LEAD_SENTENCES: usize = 8;

/// The similarity at which two reports are taken to cover one event (measured on the
/// development set: see `cargo xtask bench-quality --what events`).
pub const SAME_EVENT: f32 = 0.30;

/// Cosines of lead meanings below this say nothing (unrelated news still shares some meaning);
/// from it up to [`MEANING_FULL`] the meaning counts for 0 to 1.
const MEANING_FLOOR: f32 = 0.45;
const MEANING_FULL: f32 = 0.80;

/// Days apart beyond which two reports are unlikely to cover one event, and beyond which they
/// are taken not to.
const DAYS_APART_DOUBT: i64 = 7;
const DAYS_APART_NEVER: i64 = 45;

/// What a report is compared by.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    /// Names (capitalised words) and numbers, lower-cased, with their weight in the report.
    terms: HashMap<String, f32>,
    /// The mean of the lead's sentence vectors, unit length.
    meaning: Option<Vec<f32>>,
    /// The publication day (days since 1970-01-01), when known.
    day: Option<i64>,
}

impl Fingerprint {
    /// A report's fingerprint from its title, body, publication date (ISO 8601, any precision
    /// from a day) and, when at hand, the sentence vectors of its body (in sentence order).
    pub fn new(
        title: &str,
        body: &str,
        published: Option<&str>,
        vectors: Option<&SentenceVectors>,
    ) -> Fingerprint {
        let mut terms: HashMap<String, f32> = HashMap::new();
        for (text, weight) in [(title, 2.0), (body, 1.0)] {
            for term in key_terms(text) {
                *terms.entry(term).or_default() += weight;
            }
        }
        for weight in terms.values_mut() {
            *weight = 1.0 + weight.ln();
        }
        Fingerprint {
            terms,
            meaning: vectors.and_then(lead_meaning),
            day: published.and_then(day_number),
        }
    }

    /// Whether the fingerprint has anything to compare (names, numbers or meaning).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.meaning.is_none()
    }
}

/// How rare each term is across a collection of reports (inverse document frequency).
#[derive(Debug, Clone, Default)]
pub struct TermWeights {
    idf: HashMap<String, f32>,
    unseen: f32,
}

impl TermWeights {
    /// Weights over these reports: a term in every report weighs little, one in two weighs much.
    pub fn over<'a>(prints: impl IntoIterator<Item = &'a Fingerprint>) -> TermWeights {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut reports = 0usize;
        for print in prints {
            reports += 1;
            for term in print.terms.keys() {
                *counts.entry(term.as_str()).or_default() += 1;
            }
        }
        let idf_of = |count: usize| ((1.0 + reports as f32) / (1.0 + count as f32)).ln() + 1.0;
        TermWeights {
            idf: counts
                .into_iter()
                .map(|(term, count)| (term.to_owned(), idf_of(count)))
                .collect(),
            unseen: idf_of(0),
        }
    }

    fn weight(&self, term: &str) -> f32 {
        self.idf.get(term).copied().unwrap_or(self.unseen)
    }
}

/// How likely two reports cover one event, from 0 to 1: the larger of their rare names and numbers
/// in common (a weighted cosine) and their meaning in common, lowered when their publication
/// days lie far apart.
pub fn similarity(a: &Fingerprint, b: &Fingerprint, weights: &TermWeights) -> f32 {
    let lexical = weighted_cosine(&a.terms, &b.terms, weights);
    let meaning = match (&a.meaning, &b.meaning) {
        (Some(x), Some(y)) => {
            ((cosine(x, y) - MEANING_FLOOR) / (MEANING_FULL - MEANING_FLOOR)).clamp(0.0, 1.0)
        }
        _ => 0.0,
    };
    let score = lexical.max(meaning);
    match (a.day, b.day) {
        (Some(x), Some(y)) if (x - y).abs() > DAYS_APART_NEVER => 0.0,
        (Some(x), Some(y)) if (x - y).abs() > DAYS_APART_DOUBT => score * 0.5,
        _ => score,
    }
}

/// The event (by id) a report most likely covers, with the similarity, when it reaches
/// [`SAME_EVENT`]: each event scores the best similarity of the report to one of its reports.
pub fn suggest_event(
    report: &Fingerprint,
    events: &[(i64, Vec<Fingerprint>)],
    weights: &TermWeights,
) -> Option<(i64, f32)> {
    events
        .iter()
        .filter_map(|(id, members)| {
            members
                .iter()
                .map(|member| similarity(report, member, weights))
                .fold(None, |best: Option<f32>, s| {
                    Some(best.map_or(s, |b| b.max(s)))
                })
                .map(|score| (*id, score))
        })
        .filter(|(_, score)| *score >= SAME_EVENT)
        .max_by(|x, y| x.1.total_cmp(&y.1))
}

/// Groups of reports (indices into `prints`) that cover one event, two or more reports each,
/// largest first: reports are joined while the average similarity between two groups reaches
/// [`SAME_EVENT`] (average linkage, so one shared name does not chain unrelated stories).
pub fn propose_events(prints: &[Fingerprint], weights: &TermWeights) -> Vec<Vec<usize>> {
    let n = prints.len();
    let mut pair = vec![0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = similarity(&prints[i], &prints[j], weights);
            pair[i * n + j] = s;
            pair[j * n + i] = s;
        }
    }
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(usize, usize, f32)> = None;
        for x in 0..groups.len() {
            for y in x + 1..groups.len() {
                let total: f32 = groups[x]
                    .iter()
                    .flat_map(|&i| groups[y].iter().map(move |&j| (i, j)))
                    .map(|(i, j)| pair[i * n + j])
                    .sum();
                let average = total / (groups[x].len() * groups[y].len()) as f32;
                if average >= SAME_EVENT && best.is_none_or(|(_, _, b)| average > b) {
                    best = Some((x, y, average));
                }
            }
        }
        let Some((x, y, _)) = best else { break };
        let merged = groups.swap_remove(y);
        groups[x].extend(merged);
    }
    let mut proposals: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|mut g| {
            g.sort_unstable();
            g
        })
        .collect();
    proposals.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    proposals
}

/// Names (words opening with a capital letter, of three letters or more) and numbers of two
/// digits or more (thousands separators dropped), lower-cased.
fn key_terms(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, ',' | '.' | '\'' | '’')))
        .filter_map(|raw| {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let word = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .unwrap_or(word);
            let first = word.chars().next()?;
            if first.is_ascii_digit() {
                let digits: String = word.chars().filter(char::is_ascii_digit).collect();
                return (digits.len() >= 2
                    && word
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
                .then_some(digits);
            }
            (first.is_uppercase()
                && word.chars().count() >= 3
                && word.chars().all(char::is_alphabetic))
            .then(|| word.to_lowercase())
        })
}

fn weighted_cosine(
    a: &HashMap<String, f32>,
    b: &HashMap<String, f32>,
    weights: &TermWeights,
) -> f32 {
    let norm = |terms: &HashMap<String, f32>| {
        terms
            .iter()
            .map(|(t, w)| (w * weights.weight(t)).powi(2))
            .sum::<f32>()
            .sqrt()
    };
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let dot: f32 = small
        .iter()
        .filter_map(|(t, w)| large.get(t).map(|v| w * v * weights.weight(t).powi(2)))
        .sum();
    dot / (na * nb)
}

/// The unit mean of the first sentences' vectors.
fn lead_meaning(vectors: &SentenceVectors) -> Option<Vec<f32>> {
    let rows = vectors.len().min(LEAD_SENTENCES);
    if rows == 0 {
        return None;
    }
    let mut mean = vec![0f32; vectors.dim()];
    for i in 0..rows {
        for (m, v) in mean.iter_mut().zip(vectors.row(i)) {
            *m += v;
        }
    }
    let norm = mean.iter().map(|v| v * v).sum::<f32>().sqrt();
    (norm > 0.0).then(|| mean.iter().map(|v| v / norm).collect())
}

/// Days since 1970-01-01 of an ISO 8601 date or date-time.
fn day_number(date: &str) -> Option<i64> {
    let day = chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
    Some((day - chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(title: &str, body: &str, published: Option<&str>) -> Fingerprint {
        Fingerprint::new(title, body, published, None)
    }

    fn reports() -> Vec<Fingerprint> {
        vec![
            print(
                "Eastbrook approves night ferry",
                "The Eastbrook harbour council approved the night ferry on Tuesday. Councillor Mara Fenwick said 1,200 passengers would use it.",
                Some("2026-03-10"),
            ),
            print(
                "Night ferry gets the green light in Eastbrook",
                "Mara Fenwick, a councillor, told reporters the Eastbrook line would carry 1200 people a night.",
                Some("2026-03-11"),
            ),
            print(
                "Drought closes Velmar reservoir",
                "The Velmar water board closed the reservoir after 41 days without rain, its chair Olek Brandt said.",
                Some("2026-03-11"),
            ),
            print(
                "Velmar reservoir shut as drought drags on",
                "Olek Brandt of the Velmar board said the reservoir would stay shut until the rains return after 41 dry days.",
                Some("2026-03-12"),
            ),
        ]
    }

    #[test]
    fn reports_sharing_rare_names_and_numbers_are_one_event() {
        let prints = reports();
        let weights = TermWeights::over(&prints);
        assert!(similarity(&prints[0], &prints[1], &weights) >= SAME_EVENT);
        assert!(similarity(&prints[2], &prints[3], &weights) >= SAME_EVENT);
        assert!(similarity(&prints[0], &prints[2], &weights) < SAME_EVENT);
        assert_eq!(
            propose_events(&prints, &weights),
            vec![vec![0, 1], vec![2, 3]]
        );
    }

    #[test]
    fn an_article_is_offered_the_event_it_covers() {
        let prints = reports();
        let weights = TermWeights::over(&prints);
        let events = vec![(7, vec![prints[0].clone()]), (8, vec![prints[2].clone()])];
        assert_eq!(
            suggest_event(&prints[3], &events, &weights).map(|(id, _)| id),
            Some(8)
        );
        let unrelated = print(
            "Chess final drawn",
            "The Lisk chess final ended in a draw.",
            None,
        );
        assert_eq!(suggest_event(&unrelated, &events, &weights), None);
    }

    #[test]
    fn reports_far_apart_in_time_are_not_one_event() {
        let mut prints = reports();
        prints[1].day = day_number("2026-09-01");
        let weights = TermWeights::over(&prints);
        assert_eq!(similarity(&prints[0], &prints[1], &weights), 0.0);
    }
}
