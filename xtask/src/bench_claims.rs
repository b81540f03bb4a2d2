//! `cargo xtask bench-quality --what quotes|facts`: scores the quote finder and the fact
//! comparison on the real-coverage development set's gold (`corpus/gold/quotes`,
//! `corpus/gold/facts`), listing every error.
//!
//! **Quotes.** Per event, the engine's quotes of every report with gold are matched to the gold
//! quotes by position (an engine quote holding a gold cue). Statement precision: engine quotes that
//! are gold statements, over the engine quotes it lists as statements (a gold term it lists counts
//! against it, and is also counted apart: "terms taken for statements"). Statement recall: gold
//! statements found. Speaker accuracy: found statements with a gold speaker whose engine speaker
//! names the same person (a surname or a word of four letters or more in common), over those found
//! statements; a speaker named where gold has none, or another person, is listed as wrong. Same
//! quote: for each gold statement and each two reports quoting it, found when the engine puts a
//! span of the one and a span of the other in one group (recall); and the engine's cross-report
//! groupings of gold statements that gold agrees with (precision).
//!
//! **Facts.** Per gold pair, the two reports are aligned (by meaning) and compared as the app
//! does; an engine discrepancy is right when it lies in the two sentences of a gold discrepancy
//! and its texts hold the gold values (either way round inside the other). Precision over every
//! discrepancy the engine reports, recall over the gold ones, and every gold "same" (a spelling,
//! an abbreviation, a metonym…) the engine flagged, which must be none.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use anyhow::Context;
use parallax_core::compare::quotes::{quotes, QuoteKind, QuoteOptions};
use parallax_core::compare::{align, facts, AlignOptions};
use parallax_core::text::encoder::Encoder;
use parallax_core::text::{segment, Document};
use serde::Deserialize;

use crate::bench_quality::{as_extracted, clip, find_cue, ratio, sentence_of};
use crate::corpus::{sorted_files, Corpus};

#[derive(Debug, Deserialize)]
struct QuoteGold {
    report: String,
    #[serde(default, rename = "quote")]
    quotes: Vec<GoldQuote>,
}

#[derive(Debug, Deserialize)]
struct GoldQuote {
    cue: String,
    kind: String,
    speaker: Option<String>,
    statement: Option<String>,
}

#[derive(Debug, Deserialize)]
struct FactGold {
    a: String,
    b: String,
    #[serde(default, rename = "discrepancy")]
    discrepancies: Vec<GoldFact>,
    #[serde(default)]
    same: Vec<GoldFact>,
}

#[derive(Debug, Deserialize)]
struct GoldFact {
    kind: String,
    a: String,
    b: String,
    a_value: String,
    b_value: String,
}

/// A report segmented (and encoded, with a model) as the engine sees it.
fn document(
    corpus: &Corpus,
    id: &str,
    encoder: Option<&Encoder>,
) -> anyhow::Result<Option<Document>> {
    let Some(text) = corpus.text(id)? else {
        return Ok(None);
    };
    let lang = corpus.report(id).map(|r| r.lang.clone());
    let doc = segment(&as_extracted(&text), lang.as_deref());
    Ok(Some(match encoder {
        Some(encoder) => encoder.attach(doc).context("encoding")?,
        None => doc,
    }))
}

/// Whether two speaker names name the same person: a word of four letters or more in common
/// (case and punctuation aside), which a surname or a body's name is, also in another
/// grammatical case ("Букингемском дворце" / "Букингемский дворец": words alike but for an
/// ending of at most three letters).
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let inflected = |x: &str, y: &str| {
        let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
        let common = x.iter().zip(&y).take_while(|(p, q)| p == q).count();
        common >= 5 && x.len() - common <= 3 && y.len() - common <= 3
    };
    let (wa, wb) = (words(a), words(b));
    let shared = wa
        .iter()
        .any(|x| wb.iter().any(|y| x == y || inflected(x, y)));
    // An acronym stands for the words whose initials it spells ("the ICC" for the International
    // Criminal Court, "МУС" for the Международный уголовный суд, whose later words are in
    // lowercase).
    let acronym_of = |short: &str, long: &str| {
        let initials: String = long
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        short.split(|c: char| !c.is_alphanumeric()).any(|w| {
            w.chars().count() >= 2 && w.chars().all(char::is_uppercase) && initials.contains(w)
        })
    };
    shared || acronym_of(a, b) || acronym_of(b, a)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Scores quotes; prints the errors when `list`.
pub fn quotes_bench(corpus: &Corpus, encoder: Option<&Encoder>, list: bool) -> anyhow::Result<()> {
    let dir = corpus.root.join("gold/quotes");
    let mut by_event: BTreeMap<String, Vec<QuoteGold>> = BTreeMap::new();
    for file in sorted_files(&dir, "toml")? {
        let gold: QuoteGold = toml::from_str(&std::fs::read_to_string(&file)?)
            .with_context(|| format!("parsing {}", file.display()))?;
        let event = gold
            .report
            .split('.')
            .next()
            .unwrap_or_default()
            .to_string();
        by_event.entry(event).or_default().push(gold);
    }
    if by_event.is_empty() {
        println!("no gold quotes under {}", dir.display());
        return Ok(());
    }
    let (mut engine_quotes, mut right, mut terms_taken) = (0usize, 0usize, 0usize);
    let (mut gold_statements, mut found_statements) = (0usize, 0usize);
    let (mut with_speaker, mut speaker_right, mut speaker_wrong, mut speaker_none) = (0, 0, 0, 0);
    let (mut same_gold, mut same_found, mut same_made, mut same_made_right) = (0, 0, 0, 0);
    let (mut gold_terms, mut terms_found, mut statements_as_terms) = (0usize, 0usize, 0usize);
    let mut lines: Vec<String> = Vec::new();
    for (event, golds) in &by_event {
        let mut docs = Vec::new();
        let mut kept = Vec::new();
        for gold in golds {
            if let Some(doc) = document(corpus, &gold.report, encoder)? {
                docs.push(doc);
                kept.push(gold);
            }
        }
        if docs.is_empty() {
            continue;
        }
        let found = quotes(&docs, &QuoteOptions::default()).context("finding quotes")?;
        // Per report: gold quote index → engine quote index.
        let mut matched: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); docs.len()];
        let mut engine_gold: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for (r, (doc, gold)) in docs.iter().zip(&kept).enumerate() {
            for (g, q) in gold.quotes.iter().enumerate() {
                let (start, end) = find_cue(&doc.body, &q.cue)
                    .with_context(|| format!("{}: cue not found «{}»", gold.report, q.cue))?;
                let hit = found
                    .quotes
                    .iter()
                    .enumerate()
                    .find(|(k, e)| {
                        e.report == r
                            && overlaps(&e.range, &(start..end))
                            && !engine_gold.contains_key(k)
                    })
                    .map(|(k, _)| k);
                if let Some(k) = hit {
                    matched[r].insert(g, k);
                    engine_gold.insert(k, (r, g));
                }
            }
        }
        for (k, e) in found.quotes.iter().enumerate() {
            if e.kind == QuoteKind::Term {
                match engine_gold.get(&k) {
                    Some(&(r, g)) if kept[r].quotes[g].kind == "term" => terms_found += 1,
                    Some(&(r, g)) => {
                        statements_as_terms += 1;
                        lines.push(format!(
                            "  statement taken for a term  {}: «{}»",
                            kept[r].report,
                            clip(&kept[r].quotes[g].cue)
                        ));
                    }
                    None => {}
                }
                continue;
            }
            engine_quotes += 1;
            match engine_gold.get(&k) {
                Some(&(r, g)) if kept[r].quotes[g].kind == "statement" => right += 1,
                Some(&(r, g)) => {
                    terms_taken += 1;
                    lines.push(format!(
                        "  term taken for a statement  {}: «{}»",
                        kept[r].report,
                        clip(&kept[r].quotes[g].cue)
                    ));
                }
                None => lines.push(format!(
                    "  not a quote in gold  {}: «{}»",
                    kept[e.report].report,
                    clip(&e.text)
                )),
            }
        }
        // Statements, speakers.
        let mut by_statement: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
        for (r, gold) in kept.iter().enumerate() {
            for (g, q) in gold.quotes.iter().enumerate() {
                if q.kind != "statement" {
                    gold_terms += 1;
                    continue;
                }
                gold_statements += 1;
                if let Some(id) = &q.statement {
                    by_statement.entry(id.as_str()).or_default().push((r, g));
                }
                let Some(&k) = matched[r]
                    .get(&g)
                    .filter(|&&k| found.quotes[k].kind == QuoteKind::Statement)
                else {
                    lines.push(format!(
                        "  missed statement  {}: «{}»",
                        gold.report,
                        clip(&q.cue)
                    ));
                    continue;
                };
                found_statements += 1;
                let engine = found.quotes[k].speaker.as_ref().map(|s| s.name.as_str());
                match (&q.speaker, engine) {
                    (Some(gold_name), Some(name)) => {
                        with_speaker += 1;
                        if same_person(gold_name, name) {
                            speaker_right += 1;
                        } else {
                            speaker_wrong += 1;
                            lines.push(format!(
                                "  wrong speaker  {}: «{}» gold {gold_name}, engine {name}",
                                gold.report,
                                clip(&q.cue)
                            ));
                        }
                    }
                    (Some(gold_name), None) => {
                        with_speaker += 1;
                        speaker_none += 1;
                        lines.push(format!(
                            "  no speaker  {}: «{}» gold {gold_name}",
                            gold.report,
                            clip(&q.cue)
                        ));
                    }
                    (None, Some(name)) => {
                        speaker_wrong += 1;
                        lines.push(format!(
                            "  speaker named where gold has none  {}: «{}» engine {name}",
                            gold.report,
                            clip(&q.cue)
                        ));
                    }
                    (None, None) => {}
                }
            }
        }
        // Same quote across reports: per statement and pair of reports quoting it, found when
        // some span of the one and some span of the other share an engine group.
        for (id, members) in &by_statement {
            let reports: BTreeSet<usize> = members.iter().map(|&(r, _)| r).collect();
            let groups_of = |r: usize| -> BTreeSet<usize> {
                members
                    .iter()
                    .filter(|&&(mr, _)| mr == r)
                    .filter_map(|&(mr, g)| matched[mr].get(&g))
                    .map(|&k| found.quotes[k].group)
                    .collect()
            };
            let reports: Vec<usize> = reports.into_iter().collect();
            for (x, &ra) in reports.iter().enumerate() {
                for &rb in &reports[x + 1..] {
                    same_gold += 1;
                    if !groups_of(ra).is_disjoint(&groups_of(rb)) {
                        same_found += 1;
                    } else {
                        lines.push(format!(
                            "  same quote not matched  {event} {id}: {} ↔ {}",
                            kept[ra].report, kept[rb].report
                        ));
                    }
                }
            }
        }
        for group in &found.groups {
            for (x, &ka) in group.quotes.iter().enumerate() {
                for &kb in &group.quotes[x + 1..] {
                    let (Some(&(ra, ga)), Some(&(rb, gb))) =
                        (engine_gold.get(&ka), engine_gold.get(&kb))
                    else {
                        continue;
                    };
                    let (qa, qb) = (&kept[ra].quotes[ga], &kept[rb].quotes[gb]);
                    if qa.kind != "statement" || qb.kind != "statement" {
                        continue;
                    }
                    same_made += 1;
                    if qa.statement.is_some() && qa.statement == qb.statement {
                        same_made_right += 1;
                    } else {
                        lines.push(format!(
                            "  matched as the same quote, gold disagrees  {}: «{}» ↔ {}: «{}»",
                            kept[ra].report,
                            clip(&qa.cue),
                            kept[rb].report,
                            clip(&qb.cue)
                        ));
                    }
                }
            }
        }
    }
    if list {
        for line in &lines {
            println!("{line}");
        }
    }
    println!(
        "\nquotes  {} reports; gold: {gold_statements} statements, {gold_terms} terms\n\
         \x20 statements  precision {:.3} ({right} of {engine_quotes} the engine lists)  recall {:.3} ({found_statements} of {gold_statements})\n\
         \x20 terms taken for statements {terms_taken}; statements taken for terms {statements_as_terms}; terms recognised {terms_found} of {gold_terms}\n\
         \x20 speaker accuracy {:.3} ({speaker_right} of {with_speaker} found statements with a gold speaker; {speaker_none} without one, {speaker_wrong} wrong)\n\
         \x20 same quote  recall {:.3} ({same_found} of {same_gold} pairs)  precision {:.3} ({same_made_right} of {same_made})",
        by_event.values().map(Vec::len).sum::<usize>(),
        ratio(right, engine_quotes),
        ratio(found_statements, gold_statements),
        ratio(speaker_right, with_speaker),
        ratio(same_found, same_gold),
        ratio(same_made_right, same_made),
    );
    Ok(())
}

/// Scores facts; prints the errors when `list`.
pub fn facts_bench(corpus: &Corpus, encoder: Option<&Encoder>, list: bool) -> anyhow::Result<()> {
    let dir = corpus.root.join("gold/facts");
    let files = sorted_files(&dir, "toml")?;
    if files.is_empty() {
        println!("no gold facts under {}", dir.display());
        return Ok(());
    }
    let (mut reported, mut right, mut gold_total, mut found) = (0usize, 0usize, 0usize, 0usize);
    let (mut same_total, mut same_flagged) = (0usize, 0usize);
    let mut flagged_kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut lines = Vec::new();
    for file in &files {
        let gold: FactGold = toml::from_str(&std::fs::read_to_string(file)?)
            .with_context(|| format!("parsing {}", file.display()))?;
        let (Some(a), Some(b)) = (
            document(corpus, &gold.a, encoder)?,
            document(corpus, &gold.b, encoder)?,
        ) else {
            continue;
        };
        let alignment = align(&a, &b, &AlignOptions::default());
        let found_here = facts(&a, &b, &alignment);
        let name = file
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        // The sentence spans of a gold entry.
        let spans = |f: &GoldFact| -> anyhow::Result<(Range<usize>, Range<usize>)> {
            let (i, j) = (sentence_of(&a, &f.a)?, sentence_of(&b, &f.b)?);
            Ok((a.sentences[i].range.clone(), b.sentences[j].range.clone()))
        };
        let holds = |text: &str, value: &str| {
            let (t, v) = (text.to_lowercase(), value.to_lowercase());
            t.contains(&v) || v.contains(&t)
        };
        let flags = |f: &GoldFact, sa: &Range<usize>, sb: &Range<usize>| {
            found_here.iter().position(|d| {
                overlaps(&d.a_range, sa)
                    && overlaps(&d.b_range, sb)
                    && holds(&d.a_text, &f.a_value)
                    && holds(&d.b_text, &f.b_value)
            })
        };
        let mut used = BTreeSet::new();
        for f in &gold.discrepancies {
            gold_total += 1;
            let (sa, sb) = spans(f).with_context(|| format!("in {}", file.display()))?;
            match flags(f, &sa, &sb) {
                Some(k) => {
                    found += 1;
                    used.insert(k);
                }
                None => lines.push(format!(
                    "  missed {} {name}: {} ↔ {}",
                    f.kind, f.a_value, f.b_value
                )),
            }
        }
        for f in &gold.same {
            same_total += 1;
            let (sa, sb) = spans(f).with_context(|| format!("in {}", file.display()))?;
            if let Some(k) = flags(f, &sa, &sb) {
                same_flagged += 1;
                used.insert(usize::MAX - k); // counted wrong below, not right
                *flagged_kinds.entry(f.kind.clone()).or_default() += 1;
                lines.push(format!(
                    "  flagged a {} difference {name}: {} ↔ {}",
                    f.kind, f.a_value, f.b_value
                ));
            }
        }
        for (k, d) in found_here.iter().enumerate() {
            reported += 1;
            if used.contains(&k) {
                right += 1;
            } else if !used.contains(&(usize::MAX - k)) {
                lines.push(format!(
                    "  not a discrepancy in gold {name}: {} ↔ {}  («{}»)",
                    d.a_text,
                    d.b_text,
                    clip(&a.body[d.a_sentences.clone()])
                ));
            }
        }
    }
    if list {
        for line in &lines {
            println!("{line}");
        }
    }
    let kinds: Vec<String> = flagged_kinds
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    println!(
        "\nfacts  {} pairs; gold: {gold_total} discrepancies, {same_total} must-not-flag differences\n\
         \x20 precision {:.3} ({right} of {reported} reported)  recall {:.3} ({found} of {gold_total})\n\
         \x20 must-not-flag differences flagged: {same_flagged}{}",
        files.len(),
        ratio(right, reported),
        ratio(found, gold_total),
        if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({})", kinds.join(", "))
        }
    );
    Ok(())
}
