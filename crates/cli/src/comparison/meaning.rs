//! The sentence model for `--by meaning`: found through `PARALLAX_MODEL`, beside the executable,
//! or in the build tree's `target/model/` (where `cargo xtask model` puts it), loaded once, and
//! used to attach sentence vectors to the reports before they are compared.

use std::path::PathBuf;

use anyhow::Context;
use parallax_core::compare::MatchBy;
use parallax_core::text::encoder::{model_places, Encoder, MODEL_FILE};

use super::input::Report;

/// Attaches sentence vectors to `reports` when `by` asks for meaning and the model is found;
/// says on stderr when it is not (the comparison then pairs by words, and `--json` says
/// `"semantic": false`). Returns whether the reports carry vectors.
pub fn attach(reports: &mut [Report], by: MatchBy) -> anyhow::Result<bool> {
    if by == MatchBy::Words {
        return Ok(false);
    }
    let executable = std::env::current_exe().ok();
    let places = model_places(
        std::env::var_os("PARALLAX_MODEL").map(PathBuf::from),
        None,
        executable.as_deref().and_then(|exe| exe.parent()),
    );
    let Some(path) = places.into_iter().find(|p| p.is_file()) else {
        note!(
            "note: no sentence model found (set PARALLAX_MODEL to {MODEL_FILE}, or run `cargo xtask model`): \
             pairing sentences by words only"
        );
        return Ok(false);
    };
    let bytes = std::fs::read(&path)
        .with_context(|| format!("reading the sentence model {}", path.display()))?;
    let encoder = Encoder::from_bytes(&bytes)
        .with_context(|| format!("loading the sentence model {}", path.display()))?;
    for report in reports.iter_mut() {
        let doc = std::mem::take(&mut report.doc);
        report.doc = encoder.attach(doc).context("encoding the sentences")?;
    }
    Ok(true)
}
