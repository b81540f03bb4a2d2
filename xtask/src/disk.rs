//! Free disk space where the build writes, read with `df` so a run can say how much it used and
//! warn before a build fills the disk.

use std::path::Path;
use std::process::Command;

/// What a clean `cargo xtask test` writes (target dir, npm modules, tools), measured with margin.
pub const TEST_RUN_NEEDS_GIB: f64 = 6.0;

/// Free space, in GiB, on the file system holding `path` (or its nearest existing ancestor);
/// `None` where `df` is missing or says something unexpected (Windows, say).
pub fn free_gib(path: &Path) -> Option<f64> {
    let existing = path.ancestors().find(|p| p.exists())?;
    let output = Command::new("df").arg("-Pk").arg(existing).output().ok()?;
    if !output.status.success() {
        return None;
    }
    parse_df_available_kib(&String::from_utf8_lossy(&output.stdout))
        .map(|kib| kib as f64 / (1024.0 * 1024.0))
}

/// The "Available" column (KiB) of `df -Pk` output for one file system.
fn parse_df_available_kib(output: &str) -> Option<u64> {
    let line = output.lines().nth(1)?;
    line.split_whitespace().nth(3)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_available_column_of_posix_df_output() {
        let output = "Filesystem     1024-blocks      Used Available Capacity Mounted on\n\
                      /dev/vda        263174212  12582912  83886080      13% /\n";
        assert_eq!(parse_df_available_kib(output), Some(83_886_080));
    }

    #[test]
    fn unexpected_df_output_is_none_not_a_wrong_number() {
        assert_eq!(parse_df_available_kib(""), None);
        assert_eq!(parse_df_available_kib("header only\n"), None);
        assert_eq!(parse_df_available_kib("h\n/dev/x 1 2 lots 5% /\n"), None);
    }

    #[test]
    fn free_space_of_a_missing_path_is_read_from_its_nearest_existing_parent() {
        let missing = std::env::temp_dir().join("parallax-no-such-dir/below");
        if cfg!(unix) {
            assert!(free_gib(&missing).is_some_and(|gib| gib >= 0.0));
        }
    }
}
