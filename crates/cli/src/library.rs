//! Library commands: import, list, search, show, edit, rm, restore, purge, outlets, events.

mod articles;
mod copy;
mod events;
mod import;
mod output;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use parallax_store::{LibraryAddress, SortKey, SortOrder, Store, StoreError};

use crate::Global;

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Import article files, folders (walked recursively) and web addresses into the library.
    ///
    /// An http:// or https:// address is fetched (only what is named here leaves the machine:
    /// one request per address and its redirects); one already in the library is not fetched
    /// again (`refresh` checks it for a newer version).
    Import {
        /// Files (.html, .htm, .mhtml, .txt, .md, .pdf, .docx), folders and web addresses.
        #[arg(required_unless_present = "urls", value_name = "PATH|URL")]
        paths: Vec<PathBuf>,
        /// A file of web addresses to fetch, one a line (`-` reads them from standard input;
        /// blank lines and lines starting with # are skipped).
        #[arg(long, value_name = "FILE")]
        urls: Option<PathBuf>,
    },
    /// Fetch articles' addresses again: a changed text becomes a new version of the article.
    Refresh {
        /// The articles' numbers.
        #[arg(required_unless_present = "event", value_name = "ID")]
        ids: Vec<i64>,
        /// Every article of this event that has a web address (the newest version of each).
        #[arg(long, value_name = "EVENT_ID")]
        event: Option<i64>,
    },
    /// List the articles in the library.
    List(ListArgs),
    /// Search titles and bodies (every word must occur; "quoted words" together).
    Search {
        /// What to look for.
        #[arg(required = true, allow_hyphen_values = true, value_name = "QUERY")]
        words: Vec<String>,
        /// Show at most this many results.
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Show one article: its metadata and body (`--json`: everything).
    Show {
        /// The article's number (`#12` in lists).
        id: i64,
    },
    /// Correct an article's metadata (an empty value clears a field).
    Edit(EditArgs),
    /// Delete an article (undo with `restore`).
    Rm {
        /// The article's number.
        id: i64,
    },
    /// Bring back a deleted article.
    Restore {
        /// The article's number.
        id: i64,
    },
    /// Remove deleted articles for good.
    Purge,
    /// List the outlets with their article counts.
    Outlets,
    /// Check the library for damage (SQLite's integrity check and the search index).
    Check,
    /// Write the whole library to one file (a consistent copy, also while the app runs).
    ExportLibrary {
        /// The new file.
        file: PathBuf,
    },
    /// Replace the library with one written by `export-library` (checked first; the replaced
    /// library is kept beside it as `….before-restore-TIME`). Close the app first.
    RestoreLibrary {
        /// The exported file.
        file: PathBuf,
    },
    /// Save what can still be read of a damaged library into a new one, and put that in its
    /// place (the damaged library is kept beside it as `….before-restore-TIME`). With `--into`,
    /// only write the recovered library there. Close the app first.
    Recover {
        /// Write the recovered library here and leave the library as it is.
        #[arg(long)]
        into: Option<PathBuf>,
    },
    /// Group reports of one event.
    Events {
        #[command(subcommand)]
        command: events::EventsCommand,
    },
}

/// Options of `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// The column to sort by.
    #[arg(long, value_enum, default_value_t = SortColumn::Imported)]
    sort: SortColumn,
    /// Sort ascending (the default is descending).
    #[arg(long)]
    asc: bool,
    /// Only the articles of this event.
    #[arg(long, value_name = "EVENT_ID")]
    event: Option<i64>,
    /// Show at most this many articles.
    #[arg(long)]
    limit: Option<u32>,
}

/// Options of `edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The article's number.
    id: i64,
    #[arg(long)]
    title: Option<String>,
    /// The outlet's name (the article moves to that outlet).
    #[arg(long)]
    outlet: Option<String>,
    /// Publication date: 2024-03-18 or 2024-03-18T14:30:00Z.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    #[arg(long)]
    url: Option<String>,
}

/// The columns `list` sorts by.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortColumn {
    Title,
    Outlet,
    Date,
    Words,
    Imported,
}

impl SortColumn {
    fn key(self) -> SortKey {
        match self {
            Self::Title => SortKey::Title,
            Self::Outlet => SortKey::Outlet,
            Self::Date => SortKey::Published,
            Self::Words => SortKey::Words,
            Self::Imported => SortKey::Imported,
        }
    }
}

fn order(ascending: bool) -> SortOrder {
    if ascending {
        SortOrder::Asc
    } else {
        SortOrder::Desc
    }
}

/// The library as a whole.
#[derive(Debug, Subcommand)]
pub enum WholeLibrary {
    /// Copy a library into another — your own into a team library, say — with its articles,
    /// events, sessions and notes. Run again, it copies only what is missing (an article already
    /// there by its text, an event or session by name and creation time, is not doubled).
    Copy {
        /// The library to copy: a file or postgres://… (default: --db, else the app's library).
        #[arg(long, value_name = "PATH|URL")]
        from: Option<String>,
        /// The library to copy into: a file or postgres://user@host/database.
        #[arg(long, value_name = "PATH|URL")]
        to: String,
    },
}

/// Runs `parallax library …`.
pub fn run_whole(command: WholeLibrary, global: &Global) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?;
    runtime.block_on(async {
        match command {
            WholeLibrary::Copy { from, to } => {
                let from = match from {
                    Some(from) => LibraryAddress::parse(&from)?,
                    None => library_address(global)?,
                };
                copy::run(from, LibraryAddress::parse(&to)?, global.json).await
            }
        }
    })
}

pub fn run(command: LibraryCommand, global: &Global) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?;
    runtime.block_on(async {
        if let LibraryCommand::RestoreLibrary { file } = &command {
            // The library may be damaged: it is not opened, only replaced.
            let path = library_path(global)?;
            let kept = parallax_store::restore_library(&path, file).await?;
            say!(
                "restored {} from {} (the replaced library is kept as {})",
                path.display(),
                file.display(),
                kept.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        if let LibraryCommand::Recover { into } = &command {
            return recover(&library_path(global)?, into.as_deref()).await;
        }
        let store = open_store(global).await.map_err(damage_hint)?;
        let code = run_with(&store, command, global).await;
        store.close().await;
        code.map_err(damage_hint)
    })
}

/// Says what to do when the library turned out to be damaged.
fn damage_hint(error: anyhow::Error) -> anyhow::Error {
    let damaged = error.chain().any(|cause| {
        cause
            .downcast_ref::<StoreError>()
            .is_some_and(StoreError::is_damaged)
    });
    if damaged {
        error.context(
            "the library is damaged. Save what can still be read with `parallax recover`, or \
             restore an export (`parallax restore-library FILE`) or a copy kept beside it \
             (….before-migration-N)",
        )
    } else {
        error
    }
}

/// `recover`: salvages `library` into a new file, then swaps it in unless `into` was given.
async fn recover(library: &Path, into: Option<&Path>) -> anyhow::Result<ExitCode> {
    let target = into.map_or_else(|| parallax_store::recovery_path(library), Path::to_path_buf);
    let report = parallax_store::recover_library(library, &target).await?;
    for (table, copied, lost) in &report.tables {
        if *copied > 0 || *lost > 0 {
            say!("{table}: {copied} rows saved, {lost} lost");
        }
    }
    for table in &report.unreadable {
        say!("{table}: could not be read at all");
    }
    if into.is_some() {
        say!(
            "wrote the recovered library to {} ({} rows saved, {} lost); the library is unchanged",
            target.display(),
            report.copied(),
            report.lost()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let kept = parallax_store::restore_library(library, &target).await?;
    let _ = std::fs::remove_file(&target);
    say!(
        "recovered {} ({} rows saved, {} lost); the damaged library is kept as {}",
        library.display(),
        report.copied(),
        report.lost(),
        kept.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The library file: `--db` (or `PARALLAX_DB`) or the app's. For what only a file can do (restore,
/// recover): a team library is refused with where its backups are made instead.
fn library_path(global: &Global) -> anyhow::Result<PathBuf> {
    match library_address(global)? {
        LibraryAddress::File(path) => Ok(path),
        LibraryAddress::Team(team) => anyhow::bail!(
            "{team} is a team library: it is backed up and restored on its server (pg_dump, \
             pg_restore), not by Parallax"
        ),
    }
}

fn library_address(global: &Global) -> anyhow::Result<LibraryAddress> {
    Ok(match &global.db {
        Some(address) => LibraryAddress::parse(address)?,
        None => LibraryAddress::File(parallax_store::default_library_path()?),
    })
}

pub(crate) async fn open_store(global: &Global) -> anyhow::Result<Store> {
    let path = match library_address(global)? {
        LibraryAddress::File(path) => path,
        team => {
            let store = parallax_service::open_library(&team).await?;
            return Ok(store.with_extraction_workers(
                parallax_store::WorkerCommand::this_executable(crate::EXTRACT_WORKER),
            ));
        }
    };
    let store = Store::open(&path).await?;
    if store.is_read_only() {
        note!(
            "note: the library at {} cannot be written (its file or folder is read-only): it is \
             open for reading, and changes are refused",
            path.display()
        );
    }
    // Files are extracted in worker processes of this executable: a page that crashes or hangs
    // the extractor costs that file, not the import.
    Ok(
        store.with_extraction_workers(parallax_store::WorkerCommand::this_executable(
            crate::EXTRACT_WORKER,
        )),
    )
}

async fn run_with(
    store: &Store,
    command: LibraryCommand,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let json = global.json;
    match command {
        LibraryCommand::Import { paths, urls } => {
            import::run(store, &paths, urls.as_deref(), json).await
        }
        LibraryCommand::Refresh { ids, event } => import::refresh(store, &ids, event, json).await,
        LibraryCommand::List(args) => articles::list(store, &args, json).await,
        LibraryCommand::Search { words, limit } => {
            articles::search(store, &words.join(" "), limit, json).await
        }
        LibraryCommand::Show { id } => articles::show(store, id, json).await,
        LibraryCommand::Edit(args) => articles::edit(store, args, json).await,
        LibraryCommand::Rm { id } => articles::remove(store, id, json).await,
        LibraryCommand::Restore { id } => articles::restore(store, id, json).await,
        LibraryCommand::Purge => articles::purge(store, json).await,
        LibraryCommand::Outlets => articles::outlets(store, json).await,
        LibraryCommand::Events { command } => events::run(store, command, json).await,
        LibraryCommand::Check => match store.check_integrity().await? {
            Ok(()) => {
                say!("the library is healthy");
                Ok(ExitCode::SUCCESS)
            }
            Err(problems) => {
                say!(
                    "the library is damaged: {problems}\n\
                     Save what can be read with parallax recover, or restore an export \
                     (parallax restore-library FILE) or a copy kept beside it (….before-migration-N)."
                );
                Ok(ExitCode::FAILURE)
            }
        },
        LibraryCommand::ExportLibrary { file } => {
            store.export_library(&file).await?;
            say!("wrote the library to {}", file.display());
            Ok(ExitCode::SUCCESS)
        }
        LibraryCommand::RestoreLibrary { .. } | LibraryCommand::Recover { .. } => {
            unreachable!("handled before the library opens")
        }
    }
}
