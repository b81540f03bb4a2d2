//! `parallax`: the command line face of the library (import, list, search, events), of the
//! comparison engine (compare, collate, quotes, terms, revision) and of saved sessions (through the
//! service layer, as the app opens them).

#[macro_use]
mod out;
mod comparison;
mod library;
mod session;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Compare how different outlets report the same event.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about)]
pub struct Cli {
    /// The library: a file, or a team library's postgres://user@host/database address (default:
    /// $PARALLAX_DB, else the file the desktop app uses). A team library's password comes from
    /// $PGPASSWORD or ~/.pgpass; changes are recorded under $PARALLAX_AUTHOR, else your user name.
    #[arg(long, global = true, value_name = "PATH|URL")]
    db: Option<String>,
    /// Print machine-readable JSON instead of the human view.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    #[command(flatten)]
    Library(library::LibraryCommand),
    #[command(flatten)]
    Comparison(comparison::ComparisonCommand),
    /// The library as a whole: copy one into another (your own into a team library)
    #[command(name = "library")]
    WholeLibrary {
        #[command(subcommand)]
        command: library::WholeLibrary,
    },
    /// Saved comparison sessions: list, show, export (as the app opens them)
    Session {
        #[command(subcommand)]
        command: session::SessionCommand,
    },
}

/// Options every command receives.
#[derive(Debug, Clone)]
pub struct Global {
    pub db: Option<String>,
    pub json: bool,
}

/// The error and its causes in one line, each said once (a database error's causes repeat its
/// message: "… database disk image is malformed: … database disk image is malformed").
fn describe(error: &anyhow::Error) -> String {
    let mut said = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if said.contains(text.trim()) {
            continue;
        }
        if !said.is_empty() {
            said.push_str(": ");
        }
        said.push_str(&text);
    }
    said
}

/// The hidden first argument that makes this process an extraction worker (see
/// `parallax_store::serve_extraction`); `import` starts such workers of itself.
pub const EXTRACT_WORKER: &str = "__extract-worker";

fn main() -> ExitCode {
    if std::env::args_os()
        .nth(1)
        .is_some_and(|arg| arg == EXTRACT_WORKER)
    {
        return match parallax_store::serve_extraction(
            std::io::stdin().lock(),
            std::io::stdout().lock(),
        ) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        };
    }
    let cli = Cli::parse();
    let global = Global {
        db: cli.db.or_else(|| {
            std::env::var(parallax_service::LIBRARY_VARIABLE)
                .ok()
                .filter(|address| !address.trim().is_empty())
        }),
        json: cli.json,
    };
    let outcome = match cli.command {
        Command::Library(command) => library::run(command, &global),
        Command::Comparison(command) => comparison::run(command, &global),
        Command::Session { command } => session::run(command, &global),
        Command::WholeLibrary { command } => library::run_whole(command, &global),
    };
    if let Some(why) = out::failure() {
        note!("error: the output could not be written: {why}");
        return ExitCode::FAILURE;
    }
    match outcome {
        Ok(code) => code,
        Err(error) => {
            // Messages name files and quote titles: untrusted text, shown without its controls.
            note!("error: {}", describe(&error));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cause_is_said_once() {
        let inner = anyhow::anyhow!("database disk image is malformed");
        let error = inner
            .context("error returned from database: database disk image is malformed")
            .context("reading the library");
        assert_eq!(
            describe(&error),
            "reading the library: error returned from database: database disk image is malformed"
        );
    }
}
