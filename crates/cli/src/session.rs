//! `parallax session list|show|export`: the library's comparison sessions, opened and exported
//! through the service layer exactly as the desktop app opens them (same view model, same
//! warnings, same HTML, JSON and CSV).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use parallax_service::sessions::{self, ExportFormat};
use parallax_service::SentenceModel;
use parallax_store::Store;

use crate::library::open_store;
use crate::out::visible;
use crate::Global;

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// List the saved comparison sessions, the most recently opened first.
    List,
    /// Open a session and show its comparison: each report's figures, the warnings, and how many
    /// quotes and facts differ (`--json`: the `parallax.session/1` document the app paints).
    Show {
        /// The session's number.
        id: i64,
    },
    /// Write a session as an HTML report, JSON (`parallax.session/1`) or the coverage CSV.
    Export {
        /// The session's number.
        id: i64,
        /// What to write.
        #[arg(long, value_enum, default_value_t = Format::Html)]
        format: Format,
        /// The file to write (default: standard output).
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// The export formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Html,
    Json,
    Csv,
}

impl From<Format> for ExportFormat {
    fn from(format: Format) -> Self {
        match format {
            Format::Html => Self::Html,
            Format::Json => Self::Json,
            Format::Csv => Self::Csv,
        }
    }
}

/// Runs a session command on the library.
pub fn run(command: SessionCommand, global: &Global) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?;
    runtime.block_on(async {
        let store = open_store(global).await?;
        let outcome = run_with(&store, command, global).await;
        store.close().await;
        outcome
    })
}

async fn run_with(
    store: &Store,
    command: SessionCommand,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let model = Arc::new(SentenceModel::new("parallax", None).quiet());
    let now = sessions::now_rfc3339;
    match command {
        SessionCommand::List => {
            let sessions = store.sessions().await?;
            if global.json {
                outln!("{}", serde_json::to_string_pretty(&sessions)?);
            } else if sessions.is_empty() {
                say!("no sessions yet (open one in the app, or compare reports there)");
            } else {
                for session in sessions {
                    outln!(
                        "#{:<4} {:<8} {} report{}  {}",
                        session.id,
                        format!("{:?}", session.mode).to_lowercase(),
                        session.article_ids.len(),
                        if session.article_ids.len() == 1 {
                            ""
                        } else {
                            "s"
                        },
                        visible(&session.name)
                    );
                }
            }
        }
        SessionCommand::Show { id } => {
            if global.json {
                let json =
                    sessions::export_session(store, Some(&model), id, ExportFormat::Json, &now())
                        .await?;
                outln!("{json}");
                return Ok(ExitCode::SUCCESS);
            }
            let view = sessions::view_session(store, Some(&model), id).await?;
            let opened = &view.opened;
            let model = &opened.model;
            outln!("{}", visible(&opened.summary.name));
            for (pane, report) in model.panes.iter().enumerate() {
                let stats = &report.stats;
                let mut figures = vec![
                    format!("{} words", stats.words),
                    format!("{:.0}% shared", stats.shared_share * 100.0),
                    format!("{} unique", stats.unique),
                ];
                if stats.copy > 0 {
                    figures.push(format!("{:.0}% shared copy", stats.copy_share * 100.0));
                }
                outln!(
                    "  {}  {} — {}  ({})",
                    char::from(b'A' + pane as u8),
                    visible(report.outlet.as_deref().unwrap_or("unknown outlet")),
                    visible(&report.title),
                    figures.join(", ")
                );
            }
            let worded = model.quotes.iter().filter(|q| q.worded_differently).count();
            outln!(
                "{} claims, {} quotes ({} worded differently), {} facts stated differently, {} notes",
                model.coverage.claims.len(),
                model.quotes.len(),
                worded,
                model.facts.len(),
                view.notes.len()
            );
            for warning in &model.warnings {
                note!("warning: {}", visible(warning));
            }
        }
        SessionCommand::Export { id, format, out } => {
            let contents =
                sessions::export_session(store, Some(&model), id, format.into(), &now()).await?;
            match out {
                Some(path) => {
                    std::fs::write(&path, contents)
                        .with_context(|| format!("could not write {}", path.display()))?;
                    say!("wrote {}", path.display());
                }
                None => crate::out::write_all(contents.as_bytes()),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
