//! Comparison commands: compare, collate, quotes, terms, revision.

use std::process::ExitCode;

use clap::Subcommand;

use crate::Global;

#[derive(Debug, Subcommand)]
pub enum ComparisonCommand {
    /// Align two reports and show their differences.
    Compare,
}

pub fn run(command: ComparisonCommand, _global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        ComparisonCommand::Compare => Ok(ExitCode::SUCCESS),
    }
}
