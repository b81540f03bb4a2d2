//! `parallax import` (files, folders and web addresses) and `parallax refresh`: one line per item
//! as it finishes, a summary, a failing exit code if any failed.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use parallax_fetch::{is_address, Fetcher, Limits};
use parallax_store::{
    AddressImport, EventSuggestion, ImportOutcome, ImportProgress, ImportSummary, RefreshOutcome,
    Store,
};
use serde::Serialize;

use super::output::{counted, print_json, title_and_outlet};

/// The `--json` document: every file's and address's outcome, then the totals.
#[derive(Serialize)]
struct ImportReport {
    files: Vec<ImportProgress>,
    addresses: Vec<AddressImport>,
    /// Events the new articles may belong to.
    suggestions: Vec<EventSuggestion>,
    imported: usize,
    duplicates: usize,
    failed: usize,
    skipped: usize,
}

pub async fn run(
    store: &Store,
    paths: &[PathBuf],
    urls: Option<&Path>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let (addresses, paths): (Vec<&PathBuf>, Vec<&PathBuf>) = paths
        .iter()
        .partition(|path| path.to_str().is_some_and(is_address));
    let mut addresses: Vec<String> = addresses
        .iter()
        .filter_map(|a| a.to_str().map(str::to_owned))
        .collect();
    if let Some(list) = urls {
        addresses.extend(read_address_list(list)?);
    }
    let paths: Vec<PathBuf> = paths.into_iter().cloned().collect();
    let mut files = Vec::new();
    let mut imported_ids = Vec::new();
    let mut summary = if paths.is_empty() {
        ImportSummary::default()
    } else {
        store
            .import_paths(&paths, |progress| {
                if let ImportOutcome::Imported { id, .. } = progress.outcome {
                    imported_ids.push(id);
                }
                if json {
                    files.push(progress);
                } else {
                    say!("{}", line(&progress));
                }
            })
            .await
    };
    let mut fetched = Vec::new();
    if !addresses.is_empty() {
        let fetcher = Arc::new(Fetcher::new(Limits::default())?);
        let from_addresses = store
            .import_addresses(&addresses, fetcher, |_, _, result| {
                if let ImportOutcome::Imported { id, .. } = result.outcome {
                    imported_ids.push(id);
                }
                if json {
                    fetched.push(result.clone());
                } else {
                    say!("{}", address_line(result));
                }
            })
            .await;
        summary.imported += from_addresses.imported;
        summary.duplicates += from_addresses.duplicates;
        summary.failed += from_addresses.failed;
    }
    // A failure here costs only the suggestions.
    let suggestions = parallax_service::events::suggest_for_imports(store, &imported_ids)
        .await
        .unwrap_or_default();
    if json {
        print_json(&ImportReport {
            files,
            addresses: fetched,
            suggestions,
            imported: summary.imported,
            duplicates: summary.duplicates,
            failed: summary.failed,
            skipped: summary.skipped,
        })?;
    } else {
        for suggestion in &suggestions {
            say!(
                "#{} may cover the same event as “{}” (event {}): parallax events add {} {}",
                suggestion.article_id,
                suggestion.event_title,
                suggestion.event_id,
                suggestion.event_id,
                suggestion.article_id
            );
        }
        let duplicates = counted(summary.duplicates, "duplicate");
        let skipped = match summary.skipped {
            0 => String::new(),
            n => format!(", {} skipped (not articles)", counted(n, "file")),
        };
        note!(
            "{} imported, {duplicates}, {} failed{skipped}",
            summary.imported,
            summary.failed
        );
    }
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The addresses in a list file (or standard input for `-`): one a line, blank lines and `#`
/// comments skipped.
fn read_address_list(list: &Path) -> anyhow::Result<Vec<String>> {
    let text = if list == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading addresses from standard input")?;
        text
    } else {
        let bytes = parallax_store::read_import_file(list)
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("reading the address list {}", list.display()))?;
        String::from_utf8_lossy(&bytes).into_owned()
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect())
}

/// `parallax refresh ID…`: fetches each article's address again.
pub async fn refresh(
    store: &Store,
    ids: &[i64],
    event: Option<i64>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let fetcher = Fetcher::new(Limits::default())?;
    let mut outcomes = Vec::new();
    let mut failed = false;
    let mut checked: Vec<RefreshOutcome> = Vec::new();
    if let Some(event) = event {
        checked = store.refresh_event(event, &fetcher).await?;
        if checked.is_empty() {
            note!("event {event} has no article with a web address to check");
        }
    }
    for &id in ids {
        checked.push(match store.refresh(id, &fetcher).await {
            Ok(outcome) => outcome,
            Err(error) => RefreshOutcome::Failed {
                id,
                message: error.to_string(),
            },
        });
    }
    for outcome in checked {
        failed |= matches!(outcome, RefreshOutcome::Failed { .. });
        if json {
            outcomes.push(outcome);
        } else {
            say!("{}", refresh_line(&outcome));
        }
    }
    if json {
        print_json(&outcomes)?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `#12  unchanged` / `#12  new version #31  Title` / `error  #12: why`.
fn refresh_line(outcome: &RefreshOutcome) -> String {
    match outcome {
        RefreshOutcome::Unchanged { id, same_as } if id == same_as => format!("#{id}  unchanged"),
        RefreshOutcome::Unchanged { id, same_as } => {
            format!("#{id}  unchanged (the same text as #{same_as})")
        }
        RefreshOutcome::NewVersion {
            previous_id,
            id,
            title,
        } => format!("#{previous_id}  new version #{id}  {title}"),
        RefreshOutcome::Failed { id, message } => format!("error  #{id}: {message}"),
    }
}

/// An address's line: as for a file, with the redirects that led to the page, and "already in
/// the library" with the way to check for a newer version.
fn address_line(result: &AddressImport) -> String {
    match &result.outcome {
        ImportOutcome::Duplicate { existing_id, .. } => format!(
            "already in the library as #{existing_id}  {} (`parallax refresh {existing_id}` checks for a newer version)",
            result.address
        ),
        outcome => {
            let mut line = line(&ImportProgress {
                done: 0,
                total: 0,
                path: result.address.clone(),
                outcome: outcome.clone(),
            });
            if let (false, Some(final_url)) = (result.redirects.is_empty(), &result.final_url) {
                line.push_str(&format!(
                    "\n  redirected: {} → {final_url}",
                    result.redirects.join(" → ")
                ));
            }
            line
        }
    }
}

/// `imported #12  Title — Outlet` / `duplicate of #3  path` / `error  path: why`.
fn line(progress: &ImportProgress) -> String {
    match &progress.outcome {
        ImportOutcome::Imported { id, title, outlet } => {
            format!(
                "imported #{id}  {}",
                title_and_outlet(title, outlet.as_deref())
            )
        }
        ImportOutcome::Duplicate { existing_id, .. } => {
            format!("duplicate of #{existing_id}  {}", progress.path)
        }
        ImportOutcome::Failed { path, message } => format!("error  {path}: {message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progress(outcome: ImportOutcome) -> ImportProgress {
        ImportProgress {
            done: 1,
            total: 1,
            path: "in/a.txt".into(),
            outcome,
        }
    }

    #[test]
    fn one_line_per_outcome() {
        let imported = ImportOutcome::Imported {
            id: 12,
            title: "Flood".into(),
            outlet: Some("Courier".into()),
        };
        assert_eq!(line(&progress(imported)), "imported #12  Flood — Courier");
        let duplicate = ImportOutcome::Duplicate {
            existing_id: 3,
            title: "Flood".into(),
        };
        assert_eq!(line(&progress(duplicate)), "duplicate of #3  in/a.txt");
        let failed = ImportOutcome::Failed {
            path: "in/a.txt".into(),
            message: "the file is empty".into(),
        };
        assert_eq!(
            line(&progress(failed)),
            "error  in/a.txt: the file is empty"
        );
    }
}
