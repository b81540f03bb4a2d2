//! Standard output that a closed pipe cannot break: `parallax list | head -1` ends quietly (as
//! git and ripgrep do) instead of panicking, and an import whose output nobody reads any more goes
//! on importing. After the first failed write, output is dropped; a closed pipe ends quietly,
//! any other failure (a full disk under `> file`) makes `main` say so and exit with failure.
//!
//! Text from articles (titles, bodies, file names) is untrusted: [`visible`] shows its control
//! characters as symbols, so an escape sequence in a page's `<title>` cannot retitle the terminal,
//! clear the screen or plant a link. (`--json` escapes them already.)

use std::borrow::Cow;
use std::fmt;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);
/// Set when a write failed for another reason than a closed pipe (a full disk): `main` then
/// says so and exits with failure, since the output is cut short.
static FAILED: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Writes `args` to standard output, unless an earlier write failed.
pub fn print(args: fmt::Arguments<'_>) {
    if CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    let written = out.write_fmt(args).and_then(|()| out.flush());
    failed_with(written);
}

/// Writes `bytes` to standard output as [`print`] does.
pub fn write_all(bytes: &[u8]) {
    if CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    let written = out.write_all(bytes).and_then(|()| out.flush());
    failed_with(written);
}

fn failed_with(written: std::io::Result<()>) {
    if let Err(error) = written {
        CLOSED.store(true, Ordering::Relaxed);
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            if let Ok(mut failed) = FAILED.lock() {
                failed.get_or_insert_with(|| error.to_string());
            }
        }
    }
}

/// Why the output was cut short, when it was (not for a reader that went away).
pub fn failure() -> Option<String> {
    FAILED.lock().ok().and_then(|failed| failed.clone())
}

/// `text` with every control character but newline and tab shown as a symbol: C0 controls as
/// their Unicode control pictures (ESC as ␛), DEL as ␡, C1 controls as �, and the bidirectional
/// embeddings, overrides and isolates (which can make a terminal show text in another order than
/// it has) as �.
pub fn visible(text: &str) -> Cow<'_, str> {
    let shown = |c: char| -> Option<char> {
        match c {
            '\n' | '\t' => None,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
            '\u{7f}' => Some('\u{2421}'),
            '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                Some('\u{fffd}')
            }
            _ => None,
        }
    };
    if !text.chars().any(|c| shown(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| shown(c).unwrap_or(c)).collect())
}

/// `print!` through [`print`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::out::print(format_args!($($arg)*)) };
}

/// `println!` through [`print`].
macro_rules! outln {
    () => { $crate::out::print(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::out::print(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `eprintln!` that never panics: a message for stderr is dropped when stderr is closed or full
/// (a note is never worth aborting for), its control characters made [`visible`].
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr().lock(),
            "{}",
            $crate::out::visible(&format!($($arg)*))
        );
    }};
}

/// `println!` of text holding untrusted parts, its control characters made [`visible`].
macro_rules! say {
    () => { $crate::out::print(format_args!("\n")) };
    ($($arg:tt)*) => {
        $crate::out::print(format_args!("{}\n", $crate::out::visible(&format!($($arg)*))))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("plain title"), "plain title");
        assert_eq!(
            visible("a\u{1b}]0;pwned\u{7}b"),
            "a\u{241b}]0;pwned\u{2407}b"
        );
        assert_eq!(visible("x\u{9b}2Jy\u{7f}"), "x\u{fffd}2Jy\u{2421}");
        assert_eq!(visible("two\nlines\tand a tab"), "two\nlines\tand a tab");
        // A right-to-left override would show "txt.exe" as "exe.txt".
        assert_eq!(
            visible("a\u{202e}txe.txt\u{2069}"),
            "a\u{fffd}txe.txt\u{fffd}"
        );
        assert_eq!(visible("مرحبا \u{200f}بكم"), "مرحبا \u{200f}بكم");
    }
}
