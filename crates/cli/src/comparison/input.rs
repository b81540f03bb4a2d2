//! Loading the reports named on the command line: a file path (extracted on the fly, the library
//! untouched) or a library id (an integer).

use std::path::Path;

use anyhow::{bail, Context};
use parallax_core::compare::schema::ReportInfo;
use parallax_core::extract::extract;
use parallax_core::text::{segment, Document};

/// A report ready for comparison.
pub struct Report {
    pub info: ReportInfo,
    pub doc: Document,
}

impl Report {
    /// A short label for the terminal: the outlet, else the file name, else the title.
    pub fn label(&self) -> String {
        if let Some(outlet) = &self.info.outlet {
            return outlet.clone();
        }
        Path::new(&self.info.source)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.info.title.clone())
    }
}

/// Loads every argument, in order. An argument that is an existing file is read as a file; an
/// integer that is not a file is a library id.
pub fn load_all(args: &[String]) -> anyhow::Result<Vec<Report>> {
    args.iter()
        .enumerate()
        .map(|(i, arg)| load(i, arg))
        .collect()
}

fn load(index: usize, arg: &str) -> anyhow::Result<Report> {
    let path = Path::new(arg);
    if !path.exists() && arg.parse::<u64>().is_ok() {
        bail!(
            "{arg}: library ids need the library (not yet wired); pass the article's file instead"
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {arg}"))?;
    let article = extract(&bytes, arg).with_context(|| arg.to_string())?;
    let doc = segment(&article.body(), article.lang.as_deref());
    let info = ReportInfo::new(index, arg, &article.title, article.outlet.as_deref(), &doc);
    Ok(Report { info, doc })
}
