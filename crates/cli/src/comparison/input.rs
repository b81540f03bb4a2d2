//! Loading the reports named on the command line: a file path (extracted on the fly, the library
//! untouched) or a library id (an integer).

use std::path::Path;

use anyhow::Context;
use parallax_core::compare::schema::ReportInfo;
use parallax_core::extract::extract;
use parallax_core::text::{segment, Document};
use parallax_store::ArticleDetail;

use crate::out::visible;
use crate::Global;

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
/// integer that is not a file is a library id, read from the library (`--db` or the app's).
pub fn load_all(args: &[String], global: &Global) -> anyhow::Result<Vec<Report>> {
    let ids: Vec<Option<i64>> = args.iter().map(|arg| library_id(arg)).collect();
    let stored = if ids.iter().any(Option::is_some) {
        read_from_library(&ids, global)?
    } else {
        vec![None; args.len()]
    };
    let reports: Vec<Report> = args
        .iter()
        .zip(stored)
        .enumerate()
        .map(|(index, (arg, article))| match article {
            Some(article) => Ok(from_library(index, &article)),
            None => from_file(index, arg),
        })
        .collect::<anyhow::Result<_>>()?;
    // The terminal views print the reports' text: untrusted, so without its control characters
    // (`--json` escapes them and keeps the text exact).
    Ok(if global.json {
        reports
    } else {
        reports.into_iter().map(shown_safely).collect()
    })
}

/// `report` with the control characters of its texts made harmless: in the body replaced by
/// characters of the same length (so every byte range still holds), elsewhere made visible.
fn shown_safely(mut report: Report) -> Report {
    let body: String = report
        .doc
        .body
        .chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            '\u{0}'..='\u{1f}' | '\u{7f}' => ' ',
            '\u{80}'..='\u{9f}' => '\u{b7}',
            _ => c,
        })
        .collect();
    if body != report.doc.body {
        let meaning = report.doc.meaning.take();
        report.doc = segment(&body, report.doc.lang.as_deref());
        report.doc.meaning = meaning;
    }
    report.info.title = visible(&report.info.title).into_owned();
    report.info.source = visible(&report.info.source).into_owned();
    report.info.outlet = report.info.outlet.map(|o| visible(&o).into_owned());
    report
}

/// The library id an argument names: an integer that is not also a file's name.
fn library_id(arg: &str) -> Option<i64> {
    if Path::new(arg).exists() {
        return None;
    }
    arg.strip_prefix('#').unwrap_or(arg).parse().ok()
}

/// Reads the articles of the given ids (one library opening for all of them).
fn read_from_library(
    ids: &[Option<i64>],
    global: &Global,
) -> anyhow::Result<Vec<Option<ArticleDetail>>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?;
    runtime.block_on(async {
        let store = crate::library::open_store(global).await?;
        let mut articles = Vec::with_capacity(ids.len());
        for id in ids {
            articles.push(match id {
                Some(id) => Some(store.article(*id).await.with_context(|| {
                    format!("{id} names no file, so it was read as a library id")
                })?),
                None => None,
            });
        }
        store.close().await;
        Ok(articles)
    })
}

fn from_library(index: usize, article: &ArticleDetail) -> Report {
    let doc = segment(&article.body, article.lang.as_deref());
    let source = format!("library #{}", article.id);
    let info = ReportInfo::new(
        index,
        &source,
        &article.title,
        article.outlet.as_deref(),
        &doc,
    );
    Report { info, doc }
}

fn from_file(index: usize, arg: &str) -> anyhow::Result<Report> {
    let path = Path::new(arg);
    // The guards of import: a regular file of at most 64 MiB (a FIFO would block for ever,
    // /dev/zero grow without end).
    let bytes = parallax_store::read_import_file(path)
        .map_err(|message| anyhow::anyhow!("cannot read {arg}: {message}"))?;
    let article = extract(&bytes, arg).with_context(|| arg.to_string())?;
    let doc = segment(&article.body(), article.lang.as_deref());
    let info = ReportInfo::new(index, arg, &article.title, article.outlet.as_deref(), &doc);
    Ok(Report { info, doc })
}
