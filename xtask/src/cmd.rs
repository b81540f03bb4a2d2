//! Running external programs: echo each command, run it with inherited output, and turn a failure
//! into an error that names the command and how it ended.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

/// A command line built for display as well as for running.
pub fn command(program: impl AsRef<OsStr>, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args);
    cmd
}

/// `cargo` as cargo itself started us (`$CARGO`), so nested builds use the same toolchain.
pub fn cargo(args: &[&str]) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    command(cargo, args)
}

/// `npm` / `npx` (on Windows these are `.cmd` scripts, which `Command` does not resolve by itself).
pub fn npm_program(name: &str) -> String {
    if cfg!(windows) {
        format!("{name}.cmd")
    } else {
        name.to_string()
    }
}

/// The command as a person would type it.
pub fn describe(cmd: &Command) -> String {
    let mut text = Path::new(cmd.get_program())
        .file_name()
        .unwrap_or(cmd.get_program())
        .to_string_lossy()
        .into_owned();
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        text.push(' ');
        if arg.contains(' ') || arg.is_empty() {
            text.push_str(&format!("\"{arg}\""));
        } else {
            text.push_str(&arg);
        }
    }
    text
}

fn announce(cmd: &Command) {
    match cmd.get_current_dir() {
        Some(dir) => println!("$ {}    (in {})", describe(cmd), dir.display()),
        None => println!("$ {}", describe(cmd)),
    }
}

fn check_status(cmd: &Command, status: ExitStatus) -> anyhow::Result<()> {
    if status.success() {
        Ok(())
    } else {
        bail!("`{}` failed ({status})", describe(cmd))
    }
}

/// Runs `cmd` to completion, its output going straight to ours; an unsuccessful exit is an error.
pub fn run(cmd: &mut Command) -> anyhow::Result<()> {
    announce(cmd);
    let status = cmd
        .status()
        .with_context(|| format!("could not start `{}`", describe(cmd)))?;
    check_status(cmd, status)
}

/// Like [`run`], but kills the command (and fails) when it runs longer than `limit`.
pub fn run_with_time_limit(cmd: &mut Command, limit: Duration) -> anyhow::Result<()> {
    announce(cmd);
    let mut child = cmd
        .spawn()
        .with_context(|| format!("could not start `{}`", describe(cmd)))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return check_status(cmd, status);
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            bail!(
                "`{}` was still running after {} minutes and was stopped",
                describe(cmd),
                limit.as_secs() / 60
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Runs `cmd` quietly (announced, its output kept); an unsuccessful exit is an error carrying what
/// it printed.
pub fn output_or_error(cmd: &mut Command) -> anyhow::Result<()> {
    announce(cmd);
    let out = cmd
        .output()
        .with_context(|| format!("could not start `{}`", describe(cmd)))?;
    if out.status.success() {
        return Ok(());
    }
    bail!(
        "`{}` failed ({}): {}{}",
        describe(cmd),
        out.status,
        String::from_utf8_lossy(&out.stdout).trim(),
        String::from_utf8_lossy(&out.stderr).trim()
    )
}

/// Runs `cmd` quietly and returns its trimmed standard output, or `None` when it can't run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The full path of `program` when it is on `PATH`.
pub fn find_on_path(program: &str) -> Option<PathBuf> {
    let suffixes: &[&str] = if cfg!(windows) {
        &[".exe", ".cmd", ".bat", ""]
    } else {
        &[""]
    };
    std::env::split_paths(&std::env::var_os("PATH")?).find_map(|dir| {
        suffixes
            .iter()
            .map(|suffix| dir.join(format!("{program}{suffix}")))
            .find(|candidate| candidate.is_file())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_quotes_arguments_with_spaces() {
        let cmd = command(
            "/usr/bin/xvfb-run",
            &["-a", "-s", "-screen 0 1400x900x24", ""],
        );
        assert_eq!(
            describe(&cmd),
            r#"xvfb-run -a -s "-screen 0 1400x900x24" """#
        );
    }

    #[test]
    #[cfg(unix)]
    fn a_failing_command_is_an_error_naming_it() {
        let error = run(&mut command("false", &[])).unwrap_err().to_string();
        assert!(error.starts_with("`false` failed"), "{error}");
        assert!(output(&mut command("false", &[])).is_none());
        assert_eq!(
            output(&mut command("echo", &[" hi "])).as_deref(),
            Some("hi")
        );
    }
}
