//! Comparison commands: compare, collate, quotes, facts, terms, revision. Each argument is a file
//! (extracted on the fly, the library untouched) or a library id. `--json` prints the versioned
//! `parallax.compare/2` envelope (see `parallax_core::compare::schema`); otherwise a terminal
//! view with inline word highlights (colours on a terminal unless NO_COLOR is set).

mod input;
mod meaning;
mod paint;
mod views;

use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use parallax_core::compare::collate::collate;
use parallax_core::compare::quotes::{quotes, QuoteOptions};
use parallax_core::compare::schema::{AlignmentView, Envelope, ReportInfo, RevisionView};
use parallax_core::compare::terms::{terms, TermsOptions};
use parallax_core::compare::{align, compare_facts, revision, AlignOptions, MatchBy};
use serde::Serialize;

use crate::Global;
use input::{load_all, Report};
use paint::Paint;

#[derive(Debug, Subcommand)]
pub enum ComparisonCommand {
    /// Align two reports of one event and show their differences word by word.
    Compare {
        /// The first report: a file or a library id.
        a: String,
        /// The second report: a file or a library id.
        b: String,
        #[command(flatten)]
        options: CompareOptions,
    },
    /// Collate reports into claims: who carries each claim, who omits it, who alone says it.
    Collate {
        /// Two to 100 reports: files or library ids.
        #[arg(required = true, num_args = 2..)]
        reports: Vec<String>,
        #[command(flatten)]
        options: CompareOptions,
    },
    /// Quotes in the reports, with speakers, matched across reports (differences word by word).
    Quotes {
        /// One or more reports: files or library ids.
        #[arg(required = true, num_args = 1..)]
        reports: Vec<String>,
        #[command(flatten)]
        options: CompareOptions,
    },
    /// Facts stated differently in corresponding sentences: numbers, dates, names (every two
    /// reports). `--json` prints the `parallax.facts/1` document.
    Facts {
        /// Two or more reports: files or library ids.
        #[arg(required = true, num_args = 2..)]
        reports: Vec<String>,
        #[command(flatten)]
        options: CompareOptions,
    },
    /// Words and phrases distinctive of each report, and words one report swaps for another's.
    Terms {
        /// Two or more reports: files or library ids.
        #[arg(required = true, num_args = 2..)]
        reports: Vec<String>,
        #[command(flatten)]
        options: CompareOptions,
    },
    /// Show what changed between two versions of one article.
    Revision {
        /// The older version: a file or a library id.
        old: String,
        /// The newer version: a file or a library id.
        new: String,
        #[command(flatten)]
        options: CompareOptions,
    },
}

/// Options shared by the comparison commands.
#[derive(Debug, Clone, Args)]
pub struct CompareOptions {
    /// Treat "Police" and "police" as the same word.
    #[arg(long)]
    ignore_case: bool,
    /// Do not show punctuation differences.
    #[arg(long)]
    ignore_punctuation: bool,
    /// Minimum similarity (0 to 1) for two sentences to be paired.
    #[arg(long, value_name = "0..1", default_value_t = AlignOptions::default().threshold)]
    threshold: f32,
    /// What pairs sentences: their meaning (a multilingual sentence model, also across
    /// languages; the default when the model is found) or the rare words they share.
    #[arg(long, value_enum, default_value_t = By::Meaning)]
    by: By,
}

/// `--by`: what pairs sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum By {
    Words,
    Meaning,
}

impl CompareOptions {
    fn align_options(&self) -> anyhow::Result<AlignOptions> {
        if !(0.0..=1.0).contains(&self.threshold) {
            anyhow::bail!(
                "--threshold must be between 0 and 1 (got {})",
                self.threshold
            );
        }
        Ok(AlignOptions {
            ignore_case: self.ignore_case,
            ignore_punctuation: self.ignore_punctuation,
            threshold: self.threshold,
            by: match self.by {
                By::Words => MatchBy::Words,
                By::Meaning => MatchBy::Meaning,
            },
            ..AlignOptions::default()
        })
    }
}

pub fn run(command: ComparisonCommand, global: &Global) -> anyhow::Result<ExitCode> {
    let paint = Paint::detect();
    match command {
        ComparisonCommand::Compare { a, b, options } => {
            let opts = options.align_options()?;
            let mut reports = load_all(&[a, b], global)?;
            meaning::attach(&mut reports, opts.by)?;
            let alignment = align(&reports[0].doc, &reports[1].doc, &opts);
            let view = AlignmentView::new(&reports[0].doc, &reports[1].doc, &alignment);
            let semantic = alignment.semantic;
            print_result(
                global,
                paint,
                "compare",
                &opts,
                semantic,
                &reports,
                view,
                |view| views::alignment(view, &reports[0], &reports[1], paint),
            )?;
        }
        ComparisonCommand::Revision { old, new, options } => {
            let opts = options.align_options()?;
            let reports = load_all(&[old, new], global)?;
            let (old_body, new_body) = (&reports[0].doc.body, &reports[1].doc.body);
            let lang = reports[0].doc.lang.as_deref();
            let result = revision(old_body, new_body, lang, &opts.diff_options());
            let view = RevisionView::new(old_body, new_body, &result);
            print_result(
                global,
                paint,
                "revision",
                &opts,
                false,
                &reports,
                view,
                |view| views::revision(view, paint),
            )?;
        }
        ComparisonCommand::Collate { reports, options } => {
            let opts = options.align_options()?;
            let mut reports = load_all(&reports, global)?;
            let semantic = meaning::attach(&mut reports, opts.by)?;
            let docs: Vec<_> = reports.iter().map(|r| r.doc.clone()).collect();
            let result = collate(&docs, &opts)?;
            print_result(
                global,
                paint,
                "collate",
                &opts,
                semantic,
                &reports,
                result,
                |result| views::collation(result, &reports, paint),
            )?;
        }
        ComparisonCommand::Quotes { reports, options } => {
            let opts = options.align_options()?;
            let mut reports = load_all(&reports, global)?;
            let semantic = meaning::attach(&mut reports, opts.by)?;
            let docs: Vec<_> = reports.iter().map(|r| r.doc.clone()).collect();
            let result = quotes(
                &docs,
                &QuoteOptions {
                    align: opts.clone(),
                },
            )?;
            print_result(
                global,
                paint,
                "quotes",
                &opts,
                semantic,
                &reports,
                result,
                |result| views::quotes(result, &reports, paint),
            )?;
        }
        ComparisonCommand::Facts { reports, options } => {
            let opts = options.align_options()?;
            let mut reports = load_all(&reports, global)?;
            meaning::attach(&mut reports, opts.by)?;
            let docs: Vec<_> = reports.iter().map(|r| r.doc.clone()).collect();
            let result = compare_facts(&docs, &opts);
            if global.json {
                let infos: Vec<ReportInfo> = reports.iter().map(|r| r.info.clone()).collect();
                let document = serde_json::json!({
                    "schema": "parallax.facts/1",
                    "reports": infos,
                    "result": result,
                });
                let mut json = serde_json::to_vec(&document).context("serializing JSON")?;
                json.push(b'\n');
                crate::out::write_all(&json);
            } else {
                out!("{}", views::header(&reports, paint));
                outln!();
                out!("{}", views::facts(&result, paint));
            }
        }
        ComparisonCommand::Terms { reports, options } => {
            let opts = options.align_options()?;
            let mut reports = load_all(&reports, global)?;
            let semantic = meaning::attach(&mut reports, opts.by)?;
            let docs: Vec<_> = reports.iter().map(|r| r.doc.clone()).collect();
            let result = terms(
                &docs,
                &TermsOptions {
                    align: opts.clone(),
                    ..TermsOptions::default()
                },
            )?;
            print_result(
                global,
                paint,
                "terms",
                &opts,
                semantic,
                &reports,
                result,
                |result| views::terms(result, &reports, paint),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the `--json` envelope of `result`, or else the reports' header and `view(&result)`.
#[allow(clippy::too_many_arguments)] // what every command prints, spelled out at each call
fn print_result<T: Serialize>(
    global: &Global,
    paint: Paint,
    command: &str,
    opts: &AlignOptions,
    semantic: bool,
    reports: &[Report],
    result: T,
    view: impl FnOnce(&T) -> String,
) -> anyhow::Result<()> {
    if global.json {
        return print_json(command, opts, semantic, reports, result);
    }
    out!("{}", views::header(reports, paint));
    outln!();
    out!("{}", view(&result));
    Ok(())
}

fn print_json<T: Serialize>(
    command: &str,
    opts: &AlignOptions,
    semantic: bool,
    reports: &[Report],
    result: T,
) -> anyhow::Result<()> {
    let infos: Vec<ReportInfo> = reports.iter().map(|r| r.info.clone()).collect();
    let envelope = Envelope::new(command, opts, infos, result).semantic(semantic);
    // One write: stdout's own buffer is line-sized and would flush every kilobyte.
    let mut json = serde_json::to_vec(&envelope).context("serializing JSON")?;
    json.push(b'\n');
    crate::out::write_all(&json);
    Ok(())
}
