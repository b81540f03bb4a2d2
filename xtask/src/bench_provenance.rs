//! `cargo xtask bench-quality --what provenance`: scores shared copy on the real-coverage
//! development set's gold (`corpus/gold/provenance/<event>.toml`: which reports carry one wire
//! story near-verbatim, with cues of the sentences they share).
//!
//! Per event, every two reports are aligned (by meaning when the model is at hand, as the app
//! does) and their copy pairs recorded (`parallax_core::compare::provenance`). **Story pairs**:
//! for every two reports of one language, the engine says "same story" when they are in one
//! family, gold when they are in one `[[story]]`; precision and recall over those pairs, listing
//! every error. **Shared cues**: each story's cues, in each of its reports, should sit in a
//! sentence marked as copy; recall, listing the misses.

use std::collections::BTreeMap;

use anyhow::Context;
use parallax_core::compare::provenance::SharedCopy;
use parallax_core::compare::{align, AlignOptions};
use parallax_core::text::encoder::Encoder;
use parallax_core::text::{segment, Document};
use serde::Deserialize;

use crate::bench_quality::{as_extracted, clip, ratio, sentence_of};
use crate::corpus::{sorted_files, Corpus};

#[derive(Debug, Deserialize)]
struct ProvenanceGold {
    event: String,
    #[serde(default, rename = "story")]
    stories: Vec<Story>,
}

#[derive(Debug, Deserialize)]
struct Story {
    id: String,
    reports: Vec<String>,
    #[serde(default)]
    shared_cues: Vec<String>,
}

/// Scores shared copy; prints the errors when `list`.
pub fn provenance_bench(
    corpus: &Corpus,
    encoder: Option<&Encoder>,
    list: bool,
) -> anyhow::Result<()> {
    let dir = corpus.root.join("gold/provenance");
    let files = sorted_files(&dir, "toml")?;
    if files.is_empty() {
        println!("no gold provenance under {}", dir.display());
        return Ok(());
    }
    let (mut pairs_right, mut pairs_engine, mut pairs_gold) = (0usize, 0usize, 0usize);
    let (mut cues_found, mut cues_total) = (0usize, 0usize);
    let mut lines = Vec::new();
    for file in &files {
        let gold: ProvenanceGold = toml::from_str(&std::fs::read_to_string(file)?)
            .with_context(|| format!("parsing {}", file.display()))?;
        let Some(manifest) = corpus.events.iter().find(|m| m.event.id == gold.event) else {
            lines.push(format!("  no manifest for event {}", gold.event));
            continue;
        };
        let mut ids = Vec::new();
        let mut docs = Vec::new();
        let mut langs = Vec::new();
        for report in &manifest.reports {
            let Some(text) = corpus.text(&report.id)? else {
                continue;
            };
            let doc = segment(&as_extracted(&text), Some(&report.lang));
            let doc = match encoder {
                Some(encoder) => encoder.attach(doc).context("encoding")?,
                None => doc,
            };
            ids.push(report.id.clone());
            langs.push(report.lang.clone());
            docs.push(doc);
        }
        let refs: Vec<&Document> = docs.iter().collect();
        let mut copy = SharedCopy::new(&refs);
        let options = AlignOptions::default();
        for p in 0..docs.len() {
            for q in p + 1..docs.len() {
                if langs[p] == langs[q] {
                    let alignment = align(&docs[p], &docs[q], &options);
                    copy.add(p, q, &docs[p], &docs[q], &alignment);
                }
            }
        }
        let mut family_of: BTreeMap<usize, usize> = BTreeMap::new();
        for (f, family) in copy.families().iter().enumerate() {
            for &p in family {
                family_of.insert(p, f);
            }
        }
        let story_of = |p: usize| {
            gold.stories
                .iter()
                .position(|s| s.reports.iter().any(|r| *r == ids[p]))
        };
        for p in 0..docs.len() {
            for q in p + 1..docs.len() {
                if langs[p] != langs[q] {
                    continue;
                }
                let engine = family_of.contains_key(&p) && family_of.get(&p) == family_of.get(&q);
                let truth = story_of(p).is_some() && story_of(p) == story_of(q);
                pairs_engine += usize::from(engine);
                pairs_gold += usize::from(truth);
                pairs_right += usize::from(engine && truth);
                if engine != truth {
                    let shared = copy.shared(p, q).min(copy.shared(q, p));
                    lines.push(format!(
                        "  {}  {} ↔ {}  ({shared} copy sentences; {} and {} sentences)",
                        if engine {
                            "same story, gold disagrees"
                        } else {
                            "same story missed"
                        },
                        ids[p],
                        ids[q],
                        docs[p].sentences.len(),
                        docs[q].sentences.len(),
                    ));
                }
            }
        }
        for story in &gold.stories {
            for report in &story.reports {
                let Some(p) = ids.iter().position(|id| id == report) else {
                    continue;
                };
                for cue in &story.shared_cues {
                    let Ok(sentence) = sentence_of(&docs[p], cue) else {
                        continue; // a cue most (not all) of the story's reports carry
                    };
                    cues_total += 1;
                    if copy.of[p][sentence].is_empty() {
                        lines.push(format!(
                            "  shared sentence not marked as copy  {} ({}): {}",
                            report,
                            story.id,
                            clip(cue)
                        ));
                    } else {
                        cues_found += 1;
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
        "\nprovenance  {} events\n\
         \x20 same-story pairs  precision {:.3} ({pairs_right} of {pairs_engine})  recall {:.3} ({pairs_right} of {pairs_gold})\n\
         \x20 shared sentences marked as copy  {:.3} ({cues_found} of {cues_total} cue sites)",
        files.len(),
        ratio(pairs_right, pairs_engine),
        ratio(pairs_right, pairs_gold),
        ratio(cues_found, cues_total),
    );
    Ok(())
}
