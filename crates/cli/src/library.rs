//! Library commands: import, list, search, show, rm, events.

use std::process::ExitCode;

use clap::Subcommand;

use crate::Global;

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// List the articles in the library.
    List,
}

pub fn run(command: LibraryCommand, _global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        LibraryCommand::List => Ok(ExitCode::SUCCESS),
    }
}
