//! Finding the files to import (folders walked recursively) and reading one with a size limit.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

/// The largest file the library imports; bigger files are refused before being read.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// File extensions picked up when walking a folder (files named explicitly are always tried).
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "mhtml", "mht", "txt", "text", "md", "markdown", "pdf", "docx",
];

/// A path that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathFailure {
    pub path: String,
    pub message: String,
}

/// The files found under the paths given for an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectedPaths {
    /// Files to import, folder contents in name order.
    pub files: Vec<PathBuf>,
    /// Paths or folder entries that could not be read.
    pub failures: Vec<PathFailure>,
    /// Files inside folders left out because they are not articles (images, scripts, …).
    pub skipped: usize,
}

impl CollectedPaths {
    /// Files and failures: the number of progress reports an import of these paths makes.
    pub fn total(&self) -> usize {
        self.files.len() + self.failures.len()
    }
}

/// Expands `paths` into the files to import: files are taken as they are; folders are walked
/// recursively, skipping hidden entries (`.name`) and files of other types. Unreadable entries
/// become failures; nothing here aborts.
pub fn collect_import_paths<P: AsRef<Path>>(paths: &[P]) -> CollectedPaths {
    let mut collected = CollectedPaths::default();
    for path in paths {
        let path = path.as_ref();
        match std::fs::metadata(path) {
            Err(error) => collected.failures.push(PathFailure {
                path: path.display().to_string(),
                message: describe_io_error(&error),
            }),
            Ok(metadata) if metadata.is_dir() => walk_folder(path, &mut collected),
            Ok(_) => collected.files.push(path.to_path_buf()),
        }
    }
    collected
}

fn walk_folder(folder: &Path, collected: &mut CollectedPaths) {
    let walker = WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walker {
        match entry {
            Err(error) => {
                let path = error.path().unwrap_or(folder).display().to_string();
                let message = match error.io_error() {
                    Some(io_error) => describe_io_error(io_error),
                    None => error.to_string(),
                };
                collected.failures.push(PathFailure { path, message });
            }
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) if has_article_extension(entry.path()) => {
                collected.files.push(entry.into_path())
            }
            Ok(_) => collected.skipped += 1,
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .map(|extension| extension.to_string_lossy().to_lowercase())
        .is_some_and(|extension| ARTICLE_EXTENSIONS.contains(&extension.as_str()))
}

/// Reads a whole file, refusing (before reading) anything that is not a regular file or is larger
/// than [`MAX_IMPORT_BYTES`]. The error is a message for a person.
pub fn read_import_file(path: &Path) -> Result<Vec<u8>, String> {
    let metadata = std::fs::metadata(path).map_err(|error| describe_io_error(&error))?;
    if metadata.is_dir() {
        return Err("this is a folder, not a file".into());
    }
    if !metadata.is_file() {
        return Err("not a regular file".into());
    }
    if metadata.len() > MAX_IMPORT_BYTES {
        return Err(too_large(metadata.len()));
    }
    let file = File::open(path).map_err(|error| describe_io_error(&error))?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // `take` keeps memory bounded even if the file grows while it is read.
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| describe_io_error(&error))?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(size: u64) -> String {
    format!(
        "file too large ({}; the limit is {})",
        megabytes(size),
        megabytes(MAX_IMPORT_BYTES)
    )
}

fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    format!("{} MB", bytes.div_ceil(MB))
}

/// An I/O error in words a person understands.
pub(crate) fn describe_io_error(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied: the file cannot be read".into(),
        _ => format!("cannot read the file: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_round_up() {
        assert_eq!(megabytes(200 * 1024 * 1024), "200 MB");
        assert_eq!(megabytes(1), "1 MB");
        assert_eq!(
            too_large(200 * 1024 * 1024),
            "file too large (200 MB; the limit is 64 MB)"
        );
    }

    #[test]
    fn extensions_are_matched_case_insensitively() {
        assert!(has_article_extension(Path::new("a/Report.HTML")));
        assert!(has_article_extension(Path::new("notes.md")));
        assert!(!has_article_extension(Path::new("photo.jpg")));
        assert!(!has_article_extension(Path::new("README")));
    }
}
