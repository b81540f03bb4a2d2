//! Writing HTML with one escape: text from a report (or anything else not spelled in this crate)
//! only ever enters the page through [`Markup::text`] or an attribute value, both escaped by
//! [`escape_into`]; markup itself can only be a `'static` string written here.

/// An HTML page being written.
pub(super) struct Markup {
    out: String,
}

/// Writes `text` with `& < > " '` replaced by their character references, which makes it inert
/// both between tags and inside a quoted attribute value.
pub(super) fn escape_into(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
}

impl Markup {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Markup {
            out: String::with_capacity(capacity),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.out.len()
    }

    pub(super) fn finish(self) -> String {
        self.out
    }

    /// Markup spelled in this crate (never text from a report: that goes through [`Self::text`]).
    pub(super) fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// Another page's markup (written by the same escaping writer), appended as it is.
    pub(super) fn append(&mut self, other: Markup) -> &mut Self {
        self.out.push_str(&other.out);
        self
    }

    /// Text, escaped.
    pub(super) fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text);
        self
    }

    /// `<tag name="value"…>` with every value escaped.
    pub(super) fn open(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, &str)],
    ) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    pub(super) fn close(&mut self, tag: &'static str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub(super) fn element(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attributes).text(text).close(tag)
    }
}

/// `12345` → "12,345".
pub(super) fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A 0–1 share as a whole percentage ("83%"); a share that is not a number counts as 0.
pub(super) fn percent(share: f32) -> String {
    let share = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    format!("{:.0}%", share * 100.0)
}

/// "1 report", "3 reports".
pub(super) fn plural(count: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(count),
        if count == 1 { one } else { many }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters_and_nothing_else() {
        let mut out = String::new();
        escape_into(&mut out, "a&b <i>\"x\" 'y' é ع");
        assert_eq!(out, "a&amp;b &lt;i&gt;&quot;x&quot; &#39;y&#39; é ع");
    }

    #[test]
    fn attribute_values_cannot_leave_their_quotes() {
        let mut page = Markup::with_capacity(0);
        page.element("p", &[("title", "x\" onclick=\"alert(1)")], "<b>");
        assert_eq!(
            page.finish(),
            "<p title=\"x&quot; onclick=&quot;alert(1)\">&lt;b&gt;</p>"
        );
    }

    #[test]
    fn numbers_read_like_a_person_writes_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(20_345_678), "20,345,678");
        assert_eq!(percent(0.834), "83%");
        assert_eq!(percent(f32::NAN), "0%");
        assert_eq!(percent(1.5), "100%");
        assert_eq!(plural(1, "report", "reports"), "1 report");
        assert_eq!(plural(1200, "word", "words"), "1,200 words");
    }
}
