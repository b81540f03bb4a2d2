//! Page clutter in extracted paragraphs: share bars, newsletter boxes, cookie banners, breadcrumbs,
//! captions, "also available at" footers and the like, recognised by their wording and shape.

use std::sync::LazyLock;

use regex::Regex;

/// Whole paragraphs that are clutter whatever surrounds them.
static CLUTTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            share\s+(?:this|the)\s+(?:article|story|page|post)
          | share\s+(?:on|via)\b.{0,40}
          | (?:share|tweet|email|print|save|copy\ link|facebook|twitter|x|whatsapp|telegram|linkedin|reddit)(?:\s*[|/·•,]?\s*(?:share|tweet|email|print|save|copy\ link|facebook|twitter|x|whatsapp|telegram|linkedin|reddit))*
          | advertisement | advertising | sponsored(?:\ content)? | ad
          | scroll\ to\ continue(?:\ with\ content)?
          | (?:read|see)\ (?:more|also|next)\b.{0,80}
          | related(?:\ (?:articles|stories|news|content|coverage|topics|posts))?:?
          | more\ (?:from|on|stories|news)\b.{0,60}
          | (?:sign\ up|subscribe)\b.{0,160}(?:newsletter|inbox|email|updates|briefing|digest)\b.*
          | .{0,80}\bnewsletter\b.{0,80}(?:sign\ up|subscribe)\b.*
          | get\ (?:the|our)\ .{0,40}(?:newsletter|app)\b.*
          | (?:we|this\ (?:site|website))\ uses?\ cookies\b.*
          | .{0,60}\b(?:accept|manage)\ (?:all\ )?cookies\b.*
          | follow\ us\ on\b.*
          | (?:download|get)\ (?:our|the)\ app\b.*
          | .{0,60}\b(?:can\ )?also\ be\ (?:accessed|reached|found|read)\ at\b.*
          | .{0,60}\balso\ available\ at\b.{0,80}
          | (?:leave\ a\ |post\ a\ |add\ a\ |show\ |view\ |load\ )?comments?(?:\ \(\d+\))?:?
          | \d+\ comments?
          | (?:all\ )?rights\ reserved\.?
          | (?:©|\(c\)|copyright)\s.{0,120}
          | skip\ to\ (?:main\ )?content
          | (?:image|photo|picture|video)\ (?:source|credit|caption)s?\b.{0,160}
          | (?:photo|image|picture|credit)s?\s*(?::|/|by\b).{0,120}
          | click\ here\b.{0,120}
          | (?:listen\ to\ (?:this|the)\ (?:article|story)).{0,60}
          | (?:reading\ time|min(?:ute)?s?\ read)\b.{0,30}
          | \d+\ min(?:ute)?s?\ read
          | (?:tags|topics|filed\ under|categories)\s*:.{0,200}
          | back\ to\ top
          | loading\.*
        )\s*[.!:]?$",
    )
    .expect("valid regex")
});

/// A trail of short path segments: "News / Politics / Syria", "Home › World › Europe".
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^/›»>|]{1,40}(?:\s+[/›»>|]\s+[^/›»>|]{1,40}){1,6}$").expect("valid regex")
});

/// A bare web address line ("www.outlet.example").
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$")
        .expect("valid regex")
});

/// Picture captions in text flattened from a page: "(L)", "(File photo)", agency credits.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?:\((?:l|r|c|left|right|center|centre|top|bottom|file(?:\ photo)?|pictured)\)|\(photo(?:\ by)?[^)]*\)|\bphoto:\s|\(getty\ images\)|\((?:afp|reuters|ap|epa|anadolu)(?:\ photo)?\))",
    )
    .expect("valid regex")
});

/// "Press TV News Roku", "Download the Outlet app on iOS" — app-store and channel plugs.
static APP_PLUG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)^.{0,60}\b(?:roku|app\ store|google\ play|android|ios|apple\ tv|podcasts?)$")
        .expect("valid regex")
});

/// True when a paragraph is page clutter rather than article text.
pub(crate) fn is_clutter(paragraph: &str) -> bool {
    let p = paragraph.trim();
    if p.is_empty() {
        return true;
    }
    if p.chars().count() > 400 {
        return false;
    }
    CLUTTER.is_match(p)
        || (p.len() <= 200 && BREADCRUMB.is_match(p) && !ends_sentence(p))
        || ADDRESS.is_match(p)
        || APP_PLUG.is_match(p)
}

/// True when a short paragraph without a sentence end looks like a picture caption.
pub(crate) fn is_caption(paragraph: &str) -> bool {
    let p = paragraph.trim();
    p.split_whitespace().count() <= 30 && !ends_sentence(p) && CAPTION.is_match(p)
}

/// True when the text ends like a sentence (., !, ?, …, a closing quote or bracket after one).
pub(crate) fn ends_sentence(p: &str) -> bool {
    let trimmed = p.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', ' ']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '؟', ':'])
}

/// Drops clutter paragraphs, and a footer block once a "can also be accessed at" line starts it.
pub(crate) fn remove(paragraphs: Vec<String>) -> Vec<String> {
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut in_footer = false;
    for p in paragraphs {
        if FOOTER_START.is_match(&p) {
            in_footer = true;
            continue;
        }
        if in_footer && (p.chars().count() < 80 || is_clutter(&p)) {
            continue;
        }
        in_footer = false;
        if is_clutter(&p) || is_caption(&p) {
            continue;
        }
        kept.push(p);
    }
    kept
}

/// The start of an "alternate addresses" footer.
static FOOTER_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)\b(?:can\ also\ be\ (?:accessed|reached|found)\ at|also\ available\ at|alternate\ addresses)\b")
        .expect("valid regex")
});

/// The outlet named by an "X's website can also be accessed at" footer line.
pub(crate) fn outlet_from_footer(paragraphs: &[String]) -> Option<String> {
    static OWNER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?x)^(.{2,40}?)[’']s?\s+(?:website|site|web\ site)\s+(?:can|is)\b")
            .expect("valid regex")
    });
    paragraphs
        .iter()
        .filter(|p| FOOTER_START.is_match(p))
        .find_map(|p| OWNER.captures(p.trim()).map(|c| c[1].trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_bars_and_banners_are_clutter() {
        for p in [
            "SHARE THIS ARTICLE",
            "Share on Facebook",
            "Facebook Twitter Email",
            "Advertisement",
            "Sign up for our daily newsletter to get the briefing in your inbox",
            "We use cookies to improve your experience.",
            "News / Politics / Syria",
            "Home › World › Europe",
            "www.outlet.example",
            "Read more: Harbour council votes on the new ferry line",
            "© 2026 The Daily Ledger",
            "Press TV News Roku",
        ] {
            assert!(is_clutter(p), "{p}");
        }
    }

    #[test]
    fn article_sentences_are_not_clutter() {
        for p in [
            "The council shared the report with residents on Monday.",
            "Readers were asked to comment on the proposal before Friday.",
            "He said the ferry / bus link would open in May.",
        ] {
            assert!(!is_clutter(p), "{p}");
        }
    }

    #[test]
    fn captions_are_recognised() {
        assert!(is_caption(
            "The mayor of Eastbrook (L) and the harbour master"
        ));
        assert!(!is_caption(
            "The mayor (L) spoke first, then the harbour master replied."
        ));
    }

    #[test]
    fn footer_block_is_dropped_and_names_the_outlet() {
        let paragraphs: Vec<String> = [
            "The ferry will run twice a day.",
            "Harbour Wire’s website can also be accessed at the following alternate addresses:",
            "www.harbourwire.example",
            "SHARE THIS ARTICLE",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            outlet_from_footer(&paragraphs).as_deref(),
            Some("Harbour Wire")
        );
        assert_eq!(
            remove(paragraphs),
            vec!["The ferry will run twice a day.".to_string()]
        );
    }
}
