//! `parallax import`: one line per file as it finishes, a summary, a failing exit code if any failed.

use std::path::PathBuf;
use std::process::ExitCode;

use parallax_store::{ImportOutcome, ImportProgress, Store};
use serde::Serialize;

use super::output::{counted, print_json, title_and_outlet};

/// The `--json` document: every file's outcome, then the totals.
#[derive(Serialize)]
struct ImportReport {
    files: Vec<ImportProgress>,
    imported: usize,
    duplicates: usize,
    failed: usize,
    skipped: usize,
}

pub async fn run(store: &Store, paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    let summary = store
        .import_paths(paths, |progress| {
            if json {
                files.push(progress);
            } else {
                say!("{}", line(&progress));
            }
        })
        .await;
    if json {
        print_json(&ImportReport {
            files,
            imported: summary.imported,
            duplicates: summary.duplicates,
            failed: summary.failed,
            skipped: summary.skipped,
        })?;
    } else {
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
