//! `cargo xtask bench-quality --what events`: which reports cover one event, scored on the
//! development set, where every report's event is known. Three figures per pairing signal (names
//! and numbers alone; with meaning when the model is at hand):
//! - **pairs**: every two reports, taken for one event or not ([`parallax_core::events::similarity`]
//!   at [`SAME_EVENT`]): precision and recall against the gold events;
//! - **suggestions**: each report imported last, with the other reports already in their events
//!   ([`suggest_event`]): right, wrong or no suggestion;
//! - **proposals**: "Group by event" on all reports at once ([`propose_events`]): pairwise precision
//!   and recall of the groups proposed.
//!
//! Publication dates are left out: the set's events lie years apart, so dates would decide alone.

use anyhow::Context;
use parallax_core::events::{
    propose_events, similarity, suggest_event, Fingerprint, TermWeights, SAME_EVENT,
};
use parallax_core::text::{encoder::Encoder, segment};

use crate::bench_quality::{as_extracted, ratio};
use crate::corpus::Corpus;

/// One report of the set, ready to compare.
struct Report {
    id: String,
    event: usize,
    title: String,
    body: String,
    lang: String,
}

pub fn events_bench(corpus: &Corpus, encoder: Option<&Encoder>, list: bool) -> anyhow::Result<()> {
    let mut reports = Vec::new();
    for (event, manifest) in corpus.events.iter().enumerate() {
        for report in &manifest.reports {
            let Some(text) = corpus.text(&report.id)? else {
                continue;
            };
            let text = as_extracted(&text);
            let mut paragraphs = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
            let title = paragraphs.next().unwrap_or_default().to_owned();
            let body = paragraphs.collect::<Vec<_>>().join("\n\n");
            reports.push(Report {
                id: report.id.clone(),
                event,
                title,
                body,
                lang: report.lang.clone(),
            });
        }
    }
    if reports.is_empty() {
        anyhow::bail!("no corpus texts found: run `cargo xtask corpus` to see how to fetch them");
    }
    println!(
        "\n== events: {} reports of {} events (same event at similarity ≥ {SAME_EVENT}) ==",
        reports.len(),
        corpus.events.len()
    );
    let mut modes: Vec<(&str, Vec<Fingerprint>)> = vec![(
        "names and numbers",
        reports
            .iter()
            .map(|r| Fingerprint::new(&r.title, &r.body, None, None))
            .collect(),
    )];
    if let Some(encoder) = encoder {
        let mut prints = Vec::new();
        for r in &reports {
            let doc = segment(&format!("{}\n\n{}", r.title, r.body), Some(&r.lang));
            let vectors = encoder.encode_document(&doc);
            prints.push(Fingerprint::new(&r.title, &r.body, None, Some(&vectors)));
        }
        modes.push(("with meaning", prints));
    }
    for (name, prints) in &modes {
        score(name, &reports, prints, list).with_context(|| format!("scoring {name}"))?;
    }
    Ok(())
}

fn score(name: &str, reports: &[Report], prints: &[Fingerprint], list: bool) -> anyhow::Result<()> {
    let weights = TermWeights::over(prints);
    let n = reports.len();
    // Pairs.
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut wrong_pairs = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let s = similarity(&prints[i], &prints[j], &weights);
            let same = reports[i].event == reports[j].event;
            match (s >= SAME_EVENT, same) {
                (true, true) => tp += 1,
                (true, false) => {
                    fp += 1;
                    wrong_pairs.push(format!(
                        "  joined {:.2}: {} ~ {}",
                        s, reports[i].id, reports[j].id
                    ));
                }
                (false, true) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    // Suggestions, each report last.
    let (mut right, mut wrong, mut none) = (0, 0, 0);
    let mut wrong_suggestions = Vec::new();
    for i in 0..n {
        let events: Vec<(i64, Vec<Fingerprint>)> =
            (0..reports.iter().map(|r| r.event).max().unwrap_or(0) + 1)
                .map(|e| {
                    let members = (0..n)
                        .filter(|&j| j != i && reports[j].event == e)
                        .map(|j| prints[j].clone())
                        .collect();
                    (e as i64, members)
                })
                .filter(|(_, members): &(i64, Vec<Fingerprint>)| !members.is_empty())
                .collect();
        match suggest_event(&prints[i], &events, &weights) {
            Some((e, _)) if e as usize == reports[i].event => right += 1,
            Some((e, s)) => {
                wrong += 1;
                wrong_suggestions.push(format!("  {} offered event #{e} ({s:.2})", reports[i].id));
            }
            None => {
                none += 1;
                wrong_suggestions.push(format!("  {} offered nothing", reports[i].id));
            }
        }
    }
    // Proposals.
    let groups = propose_events(prints, &weights);
    let mut group_of = vec![usize::MAX; n];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let (mut gtp, mut gfp, mut gfn) = (0, 0, 0);
    for i in 0..n {
        for j in i + 1..n {
            let together = group_of[i] != usize::MAX && group_of[i] == group_of[j];
            match (together, reports[i].event == reports[j].event) {
                (true, true) => gtp += 1,
                (true, false) => gfp += 1,
                (false, true) => gfn += 1,
                _ => {}
            }
        }
    }
    let f1 = |p: f64, r: f64| {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let (pp, pr) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let (gp, gr) = (ratio(gtp, gtp + gfp), ratio(gtp, gtp + gfn));
    println!("-- {name} --");
    println!("pairs:       precision {pp:.3}  recall {pr:.3}  F1 {:.3}  ({tp} right, {fp} wrong, {fn_} missed)", f1(pp, pr));
    println!(
        "suggestions: precision {:.3}  recall {:.3}  ({right} right, {wrong} wrong, {none} without a suggestion, of {n})",
        ratio(right, right + wrong),
        ratio(right, n)
    );
    println!(
        "proposals:   precision {gp:.3}  recall {gr:.3}  F1 {:.3}  ({} groups for {} events)",
        f1(gp, gr),
        groups.len(),
        reports.iter().map(|r| r.event).max().map_or(0, |m| m + 1)
    );
    if list {
        for line in wrong_pairs.iter().chain(&wrong_suggestions) {
            println!("{line}");
        }
    }
    Ok(())
}
