//! `parallax library copy --from A --to B`: a library copied into another (a personal library
//! into a team one), with progress; run again, it copies only what is missing.

use std::process::ExitCode;

use parallax_store::{CopyProgress, LibraryAddress};

/// Copies the library at `from` into the one at `to`.
pub async fn run(from: LibraryAddress, to: LibraryAddress, json: bool) -> anyhow::Result<ExitCode> {
    if from == to {
        anyhow::bail!("--from and --to name the same library ({from})");
    }
    let source = parallax_service::open_library(&from).await?;
    let target = parallax_service::open_library(&to).await?;
    let mut last_stage = "";
    let report = source
        .copy_into(&target, |progress: CopyProgress| {
            // One line per stage, then its count rewritten in place (on a terminal).
            if progress.stage != last_stage {
                last_stage = progress.stage;
                note!("copying {}…", progress.stage);
            }
            if progress.done == progress.total || progress.done.is_multiple_of(100) {
                note!(
                    "  {} {} of {}",
                    progress.stage,
                    progress.done,
                    progress.total
                );
            }
        })
        .await;
    source.close().await;
    target.close().await;
    let report = report?;
    for failure in &report.articles_failed {
        note!("not copied: article {failure}");
    }
    if report.sessions_skipped > 0 {
        note!(
            "{} sessions stayed behind: one of their articles is deleted",
            report.sessions_skipped
        );
    }
    if json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        say!(
            "copied {from} into {to}: {} articles ({} there already), {} events ({}), {} sessions \
             ({}), {} notes ({}), {} fetch records, notes on {} outlets",
            report.articles_copied,
            report.articles_present,
            report.events_copied,
            report.events_present,
            report.sessions_copied,
            report.sessions_present,
            report.notes_copied,
            report.notes_present,
            report.fetches_copied,
            report.outlet_notes_copied
        );
    }
    Ok(if report.articles_failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
