//! `cargo xtask bench-quality`: scores the sentence aligner on the real-coverage development set
//! (`corpus/`): sentence-pair precision, recall and F1, recall per kind of link, by words and by
//! meaning side by side, and every wrong and missed pair listed by its sentences.
//!
//! Gold links are given as cues (short spans copied from a sentence); each cue is found in the
//! text and stands for the engine's sentence that holds most of it. A pair the engine makes
//! between two labelled sentences that gold does not link is wrong; one touching a sentence no cue
//! labels (the engine cut a labelled sentence in two, or the labeller skipped it) is not scored and
//! counted apart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use anyhow::{bail, Context};
use parallax_core::compare::{align, AlignOptions, Fusion, MatchBy};
use parallax_core::text::encoder::Encoder;
use parallax_core::text::{cosine, segment, Document};
use serde::Deserialize;

use crate::corpus::{sorted_files, Corpus};
use crate::model;
use crate::repo::Repo;

#[derive(Debug, Deserialize)]
struct Gold {
    a: String,
    b: String,
    #[serde(default, rename = "link")]
    links: Vec<GoldLink>,
    #[serde(default, rename = "alone")]
    alone: Vec<Alone>,
}

#[derive(Debug, Deserialize)]
struct GoldLink {
    kind: String,
    a: Vec<String>,
    b: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Alone {
    side: String,
    cue: String,
}

/// Counts of one run (one mode, all pairs).
#[derive(Debug, Default)]
struct Tally {
    found: usize,
    wrong: usize,
    unscored: usize,
    gold: usize,
    gold_by_kind: BTreeMap<String, (usize, usize)>, // kind → (found, total)
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(self.found, self.found + self.wrong)
    }
    fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

pub(crate) fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

struct Options {
    /// Which analyses: alignment, quotes, facts.
    what: Vec<&'static str>,
    modes: Vec<MatchBy>,
    list: bool,
    only: Option<String>,
    fusion: Fusion,
    threshold: Option<f32>,
}

fn parse(args: &[String]) -> anyhow::Result<Options> {
    let mut options = Options {
        what: vec!["alignment", "quotes", "facts", "events", "provenance"],
        modes: vec![MatchBy::Words, MatchBy::Meaning],
        list: true,
        only: None,
        fusion: Fusion::default(),
        threshold: None,
    };
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--by" => {
                options.modes = match words.next().map(String::as_str) {
                    Some("words") => vec![MatchBy::Words],
                    Some("meaning") => vec![MatchBy::Meaning],
                    Some("both") => vec![MatchBy::Words, MatchBy::Meaning],
                    _ => bail!("`--by` takes words, meaning or both"),
                }
            }
            "--quiet" => options.list = false,
            "--what" => {
                options.what = match words.next().map(String::as_str) {
                    Some("alignment") => vec!["alignment"],
                    Some("quotes") => vec!["quotes"],
                    Some("facts") => vec!["facts"],
                    Some("events") => vec!["events"],
                    Some("provenance") => vec!["provenance"],
                    Some("all") => vec!["alignment", "quotes", "facts", "events", "provenance"],
                    _ => {
                        bail!("`--what` takes alignment, quotes, facts, events, provenance or all")
                    }
                }
            }
            "--threshold" => {
                let value = words.next().context("`--threshold` needs a value")?;
                options.threshold = Some(value.parse().context("`--threshold` takes a number")?);
            }
            "--set" => {
                let setting = words.next().context("`--set` needs NAME=VALUE")?;
                let (name, value) = setting
                    .split_once('=')
                    .context("`--set` takes NAME=VALUE")?;
                let value: f32 = value
                    .parse()
                    .with_context(|| format!("`--set {setting}`: not a number"))?;
                if !options.fusion.set(name, value) {
                    bail!("`--set {name}`: no such constant (see parallax_core::compare::Fusion)");
                }
            }
            "--pair" => options.only = Some(words.next().context("`--pair` needs a name")?.clone()),
            "-h" | "--help" => {
                println!(
                    "usage: cargo xtask bench-quality [--what alignment|quotes|facts|events|provenance|all] [--by words|meaning|both]\n\
                     \x20      [--quiet] [--pair SUBSTRING]\n\
                     \x20      [--threshold T] [--set NAME=VALUE]… (NAME: a field of parallax_core::compare::Fusion)"
                );
                std::process::exit(0);
            }
            other => bail!("unknown option `{other}`"),
        }
    }
    Ok(options)
}

/// Runs the benchmark; `args` are the words after `bench-quality`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let options = parse(args)?;
    let repo = Repo::locate()?;
    let corpus = Corpus::load(&repo)?;
    let encoder = if options.modes.contains(&MatchBy::Meaning) {
        let path = model::ensure(&repo)?;
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        Some(Encoder::from_bytes(&bytes).context("loading the sentence model")?)
    } else {
        None
    };
    if options.what.contains(&"alignment") {
        alignment_bench(&options, &corpus, encoder.as_ref())?;
    }
    if options.what.contains(&"quotes") {
        crate::bench_claims::quotes_bench(&corpus, encoder.as_ref(), options.list)?;
    }
    if options.what.contains(&"facts") {
        crate::bench_claims::facts_bench(&corpus, encoder.as_ref(), options.list)?;
    }
    if options.what.contains(&"events") {
        crate::bench_events::events_bench(&corpus, encoder.as_ref(), options.list)?;
    }
    if options.what.contains(&"provenance") {
        crate::bench_provenance::provenance_bench(&corpus, encoder.as_ref(), options.list)?;
    }
    Ok(())
}

/// Scores the aligner against `gold/alignment`.
fn alignment_bench(
    options: &Options,
    corpus: &Corpus,
    encoder: Option<&Encoder>,
) -> anyhow::Result<()> {
    let files: Vec<PathBuf> = sorted_files(&corpus.root.join("gold/alignment"), "toml")?
        .into_iter()
        .filter(|p| {
            options
                .only
                .as_ref()
                .is_none_or(|s| p.to_string_lossy().contains(s.as_str()))
        })
        .collect();
    if files.is_empty() {
        bail!(
            "no gold alignment files under {}",
            corpus.root.join("gold/alignment").display()
        );
    }
    let mut tallies: Vec<Tally> = options.modes.iter().map(|_| Tally::default()).collect();
    let mut skipped = 0;
    for file in &files {
        let gold: Gold = toml::from_str(&std::fs::read_to_string(file)?)
            .with_context(|| format!("parsing {}", file.display()))?;
        let (Some(text_a), Some(text_b)) = (corpus.text(&gold.a)?, corpus.text(&gold.b)?) else {
            skipped += 1;
            continue;
        };
        let lang = |id: &str| corpus.report(id).map(|r| r.lang.clone());
        let mut a = segment(&as_extracted(&text_a), lang(&gold.a).as_deref());
        let mut b = segment(&as_extracted(&text_b), lang(&gold.b).as_deref());
        if let Some(encoder) = encoder {
            a = encoder.attach(a).context("encoding")?;
            b = encoder.attach(b).context("encoding")?;
        }
        let name = file
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let labels = Labels::of(&gold, &a, &b).with_context(|| format!("in {}", file.display()))?;
        for (mode, tally) in options.modes.iter().zip(&mut tallies) {
            let defaults = AlignOptions::default();
            let opts = AlignOptions {
                by: *mode,
                threshold: options.threshold.unwrap_or(defaults.threshold),
                fusion: options.fusion,
                ..defaults
            };
            let alignment = align(&a, &b, &opts);
            let made: BTreeSet<(usize, usize)> = alignment
                .pairs
                .iter()
                .flat_map(|p| p.a.iter().flat_map(|&i| p.b.iter().map(move |&j| (i, j))))
                .collect();
            let mut lines = Vec::new();
            let (mut found, mut wrong, mut unscored) = (0, 0, 0);
            for &(i, j) in &made {
                if labels.gold.contains_key(&(i, j)) {
                    found += 1;
                } else if labels.in_a.contains(&i) && labels.in_b.contains(&j) {
                    wrong += 1;
                    lines.push(format!(
                        "    wrong  {}  ↔  {}{}",
                        clip(a.sentence_text(i)),
                        clip(b.sentence_text(j)),
                        cos_note(&a, &b, i, j)
                    ));
                } else {
                    unscored += 1;
                }
            }
            for (&(i, j), kind) in &labels.gold {
                let entry = tally.gold_by_kind.entry(kind.clone()).or_default();
                entry.1 += 1;
                if made.contains(&(i, j)) {
                    entry.0 += 1;
                } else {
                    let group = if labels.grouped.contains(&(i, j)) {
                        ", part of a 1:2"
                    } else {
                        ""
                    };
                    lines.push(format!(
                        "    missed {kind}: {}  ↔  {}{}  [A {}, B {}{group}]",
                        clip(a.sentence_text(i)),
                        clip(b.sentence_text(j)),
                        cos_note(&a, &b, i, j),
                        fate(
                            made.iter().filter(|p| p.0 == i).map(|p| p.1),
                            &a,
                            &b,
                            i,
                            true
                        ),
                        fate(
                            made.iter().filter(|p| p.1 == j).map(|p| p.0),
                            &a,
                            &b,
                            j,
                            false
                        ),
                    ));
                }
            }
            tally.found += found;
            tally.wrong += wrong;
            tally.unscored += unscored;
            tally.gold += labels.gold.len();
            if options.list {
                println!(
                    "{name} [{}]: {found}/{} found, {wrong} wrong{}",
                    mode_name(*mode),
                    labels.gold.len(),
                    if unscored > 0 {
                        format!(", {unscored} unscored")
                    } else {
                        String::new()
                    }
                );
                for line in lines {
                    println!("{line}");
                }
            }
        }
    }
    println!(
        "\n{} gold pair files scored, {skipped} skipped (texts missing)",
        files.len() - skipped
    );
    for (mode, tally) in options.modes.iter().zip(&tallies) {
        let kinds: Vec<String> = tally
            .gold_by_kind
            .iter()
            .map(|(k, &(f, t))| format!("{k} {:.2} ({f}/{t})", ratio(f, t)))
            .collect();
        println!(
            "by {:<8} precision {:.3}  recall {:.3}  F1 {:.3}  ({} found, {} wrong, {} gold, {} unscored)\n            recall per kind: {}",
            mode_name(*mode),
            tally.precision(),
            tally.recall(),
            tally.f1(),
            tally.found,
            tally.wrong,
            tally.gold,
            tally.unscored,
            kinds.join(", ")
        );
    }
    Ok(())
}

fn mode_name(mode: MatchBy) -> &'static str {
    match mode {
        MatchBy::Words => "words",
        MatchBy::Meaning => "meaning",
    }
}

/// What the engine did with sentence `k` of A (`in_a`) or of B, whose partners it made are
/// `partners`: "unpaired", or the cosine to the partner it chose instead.
fn fate(
    partners: impl Iterator<Item = usize>,
    a: &Document,
    b: &Document,
    k: usize,
    in_a: bool,
) -> String {
    let notes: Vec<String> = partners
        .map(|p| {
            let (i, j) = if in_a { (k, p) } else { (p, k) };
            format!("paired elsewhere{}", cos_note(a, b, i, j))
        })
        .collect();
    if notes.is_empty() {
        "unpaired".to_string()
    } else {
        notes.join(", ")
    }
}

fn cos_note(a: &Document, b: &Document, i: usize, j: usize) -> String {
    match (&a.meaning, &b.meaning) {
        (Some(va), Some(vb)) => format!("  (cos {:.2})", cosine(va.row(i), vb.row(j))),
        _ => String::new(),
    }
}

pub(crate) fn clip(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(70).collect();
    if one_line.chars().count() > 70 {
        out.push('…');
    }
    format!("«{out}»")
}

/// Gold resolved to the engine's sentences.
struct Labels {
    /// Gold sentence pairs and their kind.
    gold: BTreeMap<(usize, usize), String>,
    /// Gold pairs that belong to a 1:2 or 2:1 link.
    grouped: BTreeSet<(usize, usize)>,
    /// Sentences of A and of B that some cue labels.
    in_a: BTreeSet<usize>,
    in_b: BTreeSet<usize>,
}

impl Labels {
    fn of(gold: &Gold, a: &Document, b: &Document) -> anyhow::Result<Labels> {
        let mut labels = Labels {
            gold: BTreeMap::new(),
            grouped: BTreeSet::new(),
            in_a: BTreeSet::new(),
            in_b: BTreeSet::new(),
        };
        for link in &gold.links {
            let is = link
                .a
                .iter()
                .map(|c| sentence_of(a, c))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let js = link
                .b
                .iter()
                .map(|c| sentence_of(b, c))
                .collect::<anyhow::Result<Vec<_>>>()?;
            for &i in &is {
                labels.in_a.insert(i);
                for &j in &js {
                    labels.in_b.insert(j);
                    labels.gold.insert((i, j), link.kind.clone());
                    if is.len() + js.len() > 2 {
                        labels.grouped.insert((i, j));
                    }
                }
            }
        }
        for alone in &gold.alone {
            match alone.side.as_str() {
                "a" => labels.in_a.insert(sentence_of(a, &alone.cue)?),
                "b" => labels.in_b.insert(sentence_of(b, &alone.cue)?),
                other => bail!("`side = \"{other}\"`: expected a or b"),
            };
        }
        Ok(labels)
    }
}

/// The stored page text as an extractor would hand it over: the `date YYYY-MM-DD` line some stored
/// copies start with is metadata, not the first words of the headline, so it becomes a paragraph
/// of its own.
pub(crate) fn as_extracted(text: &str) -> String {
    let trimmed = text.trim_start();
    if let Some(rest) = trimmed.strip_prefix("date ") {
        let date_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '-'))
            .unwrap_or(rest.len());
        if date_len >= 4 {
            let cut = text.len() - rest.len() + date_len;
            return format!("{}\n\n{}", &text[..cut], text[cut..].trim_start());
        }
    }
    text.to_string()
}

/// Where `cue` is in `body` (start and end), whitespace runs matching any whitespace run.
pub(crate) fn find_cue(body: &str, cue: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = cue.split_whitespace().collect();
    let first = *words.first()?;
    let mut from = 0;
    while let Some(found) = body[from..].find(first) {
        let start = from + found;
        let mut at = start + first.len();
        let mut matched = true;
        for word in &words[1..] {
            let rest = &body[at..];
            let gap = rest.len() - rest.trim_start().len();
            if gap == 0 || !rest[gap..].starts_with(word) {
                matched = false;
                break;
            }
            at += gap + word.len();
        }
        if matched {
            return Some((start, at));
        }
        from = start + first.len();
    }
    None
}

/// The sentence of `doc` holding most of `cue`.
pub(crate) fn sentence_of(doc: &Document, cue: &str) -> anyhow::Result<usize> {
    let (start, end) =
        find_cue(&doc.body, cue).with_context(|| format!("cue not found in the text: «{cue}»"))?;
    doc.sentences
        .iter()
        .enumerate()
        .map(|(k, s)| {
            (
                s.range
                    .end
                    .min(end)
                    .saturating_sub(s.range.start.max(start)),
                k,
            )
        })
        .filter(|&(overlap, _)| overlap > 0)
        .max_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)))
        .map(|(_, k)| k)
        .with_context(|| format!("no sentence holds the cue «{cue}»"))
}
