//! Terminal styling: colours when stdout is a terminal and NO_COLOR is unset, otherwise plain
//! text with wdiff-style markers (`[-deleted-]`, `{+inserted+}`) so highlights survive a pipe.

use std::io::IsTerminal;

use anstyle::{AnsiColor, Effects, Style};

/// How to mark up text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    pub color: bool,
}

impl Paint {
    /// Colours only for a terminal, and never when NO_COLOR is set (to anything non-empty).
    pub fn detect() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Paint {
            color: !no_color && std::io::stdout().is_terminal(),
        }
    }

    fn styled(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    /// Text a report lost (red, struck through; `[-…-]` without colour).
    pub fn deleted(&self, text: &str) -> String {
        if self.color {
            self.styled(
                Style::new()
                    .fg_color(Some(AnsiColor::Red.into()))
                    .effects(Effects::STRIKETHROUGH),
                text,
            )
        } else {
            format!("[-{text}-]")
        }
    }

    /// Text a report added (green, underlined; `{+…+}` without colour).
    pub fn inserted(&self, text: &str) -> String {
        if self.color {
            self.styled(
                Style::new()
                    .fg_color(Some(AnsiColor::Green.into()))
                    .effects(Effects::UNDERLINE),
                text,
            )
        } else {
            format!("{{+{text}+}}")
        }
    }

    /// Red text without strike or markers (a word named, not removed).
    pub fn deleted_plain(&self, text: &str) -> String {
        self.styled(Style::new().fg_color(Some(AnsiColor::Red.into())), text)
    }

    /// Green text without underline or markers.
    pub fn inserted_plain(&self, text: &str) -> String {
        self.styled(Style::new().fg_color(Some(AnsiColor::Green.into())), text)
    }

    pub fn bold(&self, text: &str) -> String {
        self.styled(Style::new().effects(Effects::BOLD), text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.styled(Style::new().effects(Effects::DIMMED), text)
    }

    /// A marker or label in the colour of one report (cycling through six colours).
    pub fn report(&self, index: usize, text: &str) -> String {
        const COLORS: [AnsiColor; 6] = [
            AnsiColor::Blue,
            AnsiColor::Magenta,
            AnsiColor::Cyan,
            AnsiColor::Yellow,
            AnsiColor::BrightBlue,
            AnsiColor::BrightMagenta,
        ];
        self.styled(
            Style::new()
                .fg_color(Some(COLORS[index % COLORS.len()].into()))
                .effects(Effects::BOLD),
            text,
        )
    }

    /// A warning-coloured marker (moved sentences, differently worded quotes).
    pub fn warn(&self, text: &str) -> String {
        self.styled(Style::new().fg_color(Some(AnsiColor::Yellow.into())), text)
    }
}

/// The report letter shown in headers and matrices: A, B, … Z, then 27, 28, …
pub fn letter(index: usize) -> String {
    if index < 26 {
        char::from(b'A' + index as u8).to_string()
    } else {
        (index + 1).to_string()
    }
}
