//! Scores the extractor on the article-extraction benchmark (181 gzipped pages with ground
//! truth): 4-token shingles, per-page precision and recall as multisets, averaged; F1 from the
//! averages. Run through `cargo xtask bench-extract [DIR] [--worst N]`.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use regex::Regex;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut worst = 0usize;
    let mut dump: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--worst" => worst = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--dump" => dump = args.next().map(PathBuf::from),
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.ok_or("usage: bench_extract <benchmark dir> [--worst N] [--dump DIR]")?;
    let truth: HashMap<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json"))?)?;
    let words = Regex::new(r"\w+")?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut scores = Vec::with_capacity(ids.len());
    for id in ids {
        let expected = truth[id]["articleBody"].as_str().unwrap_or_default();
        let page = read_gz(&dir.join("html").join(format!("{id}.html.gz")))?;
        let body = parallax_core::extract::extract(&page, &format!("{id}.html"))
            .map(|a| a.body())
            .unwrap_or_default();
        if let Some(out) = &dump {
            std::fs::create_dir_all(out)?;
            std::fs::write(out.join(format!("{id}.txt")), &body)?;
        }
        let (p, r) = precision_recall(&shingles(&words, &body), &shingles(&words, expected));
        scores.push((id.clone(), p, r));
    }
    let n = scores.len() as f64;
    let precision = scores.iter().map(|s| s.1).sum::<f64>() / n;
    let recall = scores.iter().map(|s| s.2).sum::<f64>() / n;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    println!("pages: {}", scores.len());
    println!("precision: {precision:.4}");
    println!("recall:    {recall:.4}");
    println!("F1:        {f1:.4}");
    if worst > 0 {
        scores.sort_by(|a, b| (a.1 + a.2).total_cmp(&(b.1 + b.2)));
        println!("worst pages (precision / recall):");
        for (id, p, r) in scores.iter().take(worst) {
            println!("  {id}  {p:.3} / {r:.3}");
        }
    }
    Ok(())
}

fn read_gz(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut out)?;
    Ok(out)
}

/// Multiset of 4-token shingles.
fn shingles(words: &Regex, text: &str) -> HashMap<Vec<String>, usize> {
    let tokens: Vec<String> = words
        .find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect();
    let mut counts = HashMap::new();
    for window in tokens.windows(4) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Precision and recall of `got` against `want` as multisets; empty extraction scores 0/0.
fn precision_recall(
    got: &HashMap<Vec<String>, usize>,
    want: &HashMap<Vec<String>, usize>,
) -> (f64, f64) {
    let got_total: usize = got.values().sum();
    let want_total: usize = want.values().sum();
    if got_total == 0 {
        return (0.0, 0.0);
    }
    let common: usize = got
        .iter()
        .map(|(k, &c)| c.min(want.get(k).copied().unwrap_or(0)))
        .sum();
    let precision = common as f64 / got_total as f64;
    let recall = if want_total == 0 {
        0.0
    } else {
        common as f64 / want_total as f64
    };
    (precision, recall)
}
