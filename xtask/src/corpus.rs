//! The real-coverage development set under `corpus/`: its manifest and gold (in git), its texts
//! (git-ignored, rebuilt from the URLs), and `cargo xtask corpus`, which says what is there and
//! verifies every local text against the sha256 the manifest recorded.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::repo::Repo;

/// One event's manifest file.
#[derive(Debug, Deserialize)]
pub struct Manifest {
    pub event: Event,
    #[serde(rename = "report")]
    pub reports: Vec<Report>,
}

#[derive(Debug, Deserialize)]
pub struct Event {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Report {
    pub id: String,
    pub outlet: String,
    pub lang: String,
    pub url: String,
    pub sha256: String,
}

/// The development set as found on disk.
pub struct Corpus {
    pub root: PathBuf,
    pub events: Vec<Manifest>,
}

impl Corpus {
    pub fn load(repo: &Repo) -> anyhow::Result<Corpus> {
        let root = repo.root.join("corpus");
        let mut events = Vec::new();
        for path in sorted_files(&root.join("manifest"), "toml")? {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let manifest: Manifest =
                toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
            events.push(manifest);
        }
        Ok(Corpus { root, events })
    }

    pub fn report(&self, id: &str) -> Option<&Report> {
        self.events
            .iter()
            .flat_map(|e| &e.reports)
            .find(|r| r.id == id)
    }

    pub fn text_path(&self, id: &str) -> PathBuf {
        self.root.join("texts").join(format!("{id}.txt"))
    }

    /// The text of report `id`, checked against its recorded sha256.
    pub fn text(&self, id: &str) -> anyhow::Result<Option<String>> {
        let report = self
            .report(id)
            .with_context(|| format!("report `{id}` is not in any manifest"))?;
        let path = self.text_path(id);
        let Ok(bytes) = std::fs::read(&path) else {
            return Ok(None);
        };
        let digest = hex_sha256(&bytes);
        if digest != report.sha256 {
            bail!(
                "{} does not match the manifest (sha256 {digest}, recorded {})",
                path.display(),
                report.sha256
            );
        }
        Ok(Some(String::from_utf8(bytes).with_context(|| {
            format!("{} is not UTF-8", path.display())
        })?))
    }
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The files with extension `ext` in `dir`, sorted by name (none when `dir` is missing).
pub fn sorted_files(dir: &Path, ext: &str) -> anyhow::Result<Vec<PathBuf>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    Ok(files)
}

/// `cargo xtask corpus`: what the set holds, which texts are missing or altered, how to fill it.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    if let Some(arg) = args.first() {
        bail!("`cargo xtask corpus` takes no arguments (got `{arg}`)");
    }
    let repo = Repo::locate()?;
    let corpus = Corpus::load(&repo)?;
    let (mut present, mut missing, mut altered) = (0, Vec::new(), Vec::new());
    let mut outlets = BTreeSet::new();
    let mut languages: BTreeMap<&str, usize> = BTreeMap::new();
    let mut reports = 0;
    for event in &corpus.events {
        println!(
            "{}  ({} reports) {}",
            event.event.id,
            event.reports.len(),
            event.event.title
        );
        for report in &event.reports {
            reports += 1;
            outlets.insert(report.outlet.as_str());
            *languages.entry(report.lang.as_str()).or_default() += 1;
            match corpus.text(&report.id) {
                Ok(Some(_)) => present += 1,
                Ok(None) => missing.push(report),
                Err(error) => altered.push(format!("{error}")),
            }
        }
    }
    let gold = sorted_files(&corpus.root.join("gold/alignment"), "toml")?;
    println!(
        "\n{} events, {reports} reports from {} outlets in {} languages ({}); {} gold report pairs",
        corpus.events.len(),
        outlets.len(),
        languages.len(),
        languages
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect::<Vec<_>>()
            .join(", "),
        gold.len()
    );
    println!(
        "Texts: {present} present and verified, {} missing, {} altered.",
        missing.len(),
        altered.len()
    );
    for line in &altered {
        println!("  altered: {line}");
    }
    if !missing.is_empty() {
        println!(
            "\nThe texts are third-party pages and are not in git. To fill {}:\n\
             save each page's readable text, from its beginning (about 2,000 characters, as the\n\
             manifest's sha256 recorded it), as <report id>.txt in UTF-8. Missing:",
            corpus.root.join("texts").display()
        );
        for report in &missing {
            println!("  {}.txt  ←  {}", report.id, report.url);
        }
    }
    if !altered.is_empty() {
        bail!("{} texts differ from the manifest", altered.len());
    }
    Ok(())
}
