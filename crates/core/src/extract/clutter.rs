//! Page clutter in extracted paragraphs: share bars, newsletter boxes, cookie banners, breadcrumbs,
//! captions, "also available at" footers and the like, recognised by their wording and shape.

use super::keyword_gate::KeywordGate;
use super::lazy_regex::LazyRegex;

/// Whole paragraphs that are clutter whatever surrounds them.
static CLUTTER: LazyRegex = LazyRegex::big(
    r"(?ix)^(?:
            share\s+(?:this|the)\s+(?:article|story|page|post)
          | share\s+(?:on|via)\b.{0,40}
          | (?:partager|partagez|compartir|comparte|teilen|condividi|поделиться|شارك)(?:\ (?:cet|cette|este|esta|diesen|den|questo|l'|la|le)\s*\w+)?
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
          | continue\ reading(?:\ below|\ the\ main\ story)?
          | advert
          | privacy\ overview
          | this\ (?:slideshow|video|content)\ requires\ javascript\.?
          | explore\ further | citation | order\ reprints | print\ article | reprints?
          | home | menu | search | close | sorry!? | thanks\ for\ (?:signing\ up|subscribing)!?
          | (?:write\ to|email|e-mail|contact|reach)\ .{2,60}\ at\ \S+@\S+.*
          | \S+@\S+\.\w+(?:\s+@\w+)?
          | have\ a\ (?:news\ )?tip\?.*
          | (?:tempo\ de\ leitura|reading\ time|lesezeit|temps\ de\ lecture)\s*:.{0,30}
          | \(?(?:additional\ )?(?:reporting|writing|editing)\ by\ .{2,250}
          | .{2,200}\ contributed\ (?:reporting|to\ this\ (?:report|story|article)).{0,80}
          | (?:updated|published|posted|publié|publiée|mis\ à\ jour|veröffentlicht|aktualisiert|publicado|actualizado|опубликовано|обновлено)(?:\ on|\ at|\ le|\ am|\ el|:)?\ .{0,60}\d.{0,30}
          | like\ this\ (?:story|article)\?.*
          | (?:related(?:\ (?:post|article|story|coverage|video|reading))?|see\ also|leggi\ anche(?:\ su)?|lire\ aussi|lesen\ sie\ auch|read\ also|читайте\ также)\s*:\s.{0,160}
          | also\ on\ \S+\.\w+\b.{0,200}
          | follow\ .{1,60}\ on\ (?:twitter|facebook|instagram|x|linkedin|youtube|tiktok|social\ media)\b.{0,120}
          | follow\ @\w+.{0,160}
          | subscribe\ to\ .{0,120}
          | there\ was\ an\ error\ .{0,80}
          | .{0,80}\bdelivered\ (?:to|through|into)\ your\ (?:door|letterbox|letter\ box|inbox|mailbox)\b.*
          | tell\ us\ what\ you\ think.{0,40}
          | \[\w+[^\]]*\].*\[/\w+\]
          | (?:associated\ press|ap|reuters|afp)\ writers?\ .{2,300}
        )\s*[.!:]?$",
);

/// Words of which every [`CLUTTER`] match holds one: an alternative that opens with a literal
/// gives it as a prefix, one that opens with `.{0,n}`, `\d`, `\S` or an optional part gives a
/// literal it cannot do without. Most paragraphs hold none, and then the pattern (whose Unicode
/// form takes ~24 ms to compile) is neither compiled nor run. Keep the lists in step with the
/// pattern: `gate_agrees_with_the_pattern` checks them on the fixtures and on generated text.
#[rustfmt::skip]
static CLUTTER_WORDS: KeywordGate = KeywordGate::new(
    &[
        "share", "partage", "compartir", "comparte", "teilen", "condividi", "поделиться", "شارك",
        "tweet", "email", "e-mail", "print", "save", "copy link", "facebook", "twitter", "x",
        "whatsapp", "telegram", "linkedin", "reddit", "ad", "sponsored", "scroll", "read", "see",
        "related", "more", "sign up", "subscribe", "get", "we", "this", "follow", "download",
        "also", "leave", "post", "show", "view", "load", "comment", "all", "rights", "©", "(c)",
        "copyright", "skip", "image", "photo", "picture", "video", "credit", "click", "listen",
        "min", "tags", "topics", "filed under", "categories", "back to top", "continue",
        "privacy", "explore", "citation", "order", "reprint", "home", "menu", "search", "close",
        "sorry", "thanks", "write to", "contact", "reach", "have a", "tempo de leitura",
        "lesezeit", "temps de lecture", "updated", "publi", "mis à jour", "veröffentlicht",
        "aktualisiert", "actualizado", "опубликовано", "обновлено", "like this", "leggi",
        "lire", "lesen", "читайте", "there was", "tell us", "[",
    ],
    &[
        "newsletter", "cookies", "also be ", "also available at", "comment", "@",
        "reporting by ", "writing by ", "editing by ", " contributed ", " min read", " mins read",
        " minute read", " minutes read", "delivered ", " writer",
    ],
);

/// [`CLUTTER`], asked only when [`CLUTTER_WORDS`] lets the paragraph through.
fn is_clutter_phrase(p: &str) -> bool {
    CLUTTER_WORDS.may_match(p) && CLUTTER.is_match(p)
}

/// A trail of short path segments: "News / Politics / Syria", "Home › World › Europe".
static BREADCRUMB: LazyRegex = LazyRegex::big(
    r"^(?:[^/›»>|]{1,40}(?:\s+[/>|]\s+[^/›»>|]{1,40}){2,8}|[^/›»>|]{1,40}(?:\s*[›»]\s*[^/›»>|]{1,60}){1,8})$",
);

/// A bare web address line ("www.outlet.example").
static ADDRESS: LazyRegex =
    LazyRegex::new(r"(?i)^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$");

/// Picture captions in text flattened from a page: "(L)", "(File photo)", agency credits.
static CAPTION: LazyRegex = LazyRegex::new(
    r"(?ix)(?:\((?:l|r|c|left|right|center|centre|top|bottom|file(?:\ photo)?|pictured)\)|\(photo(?:\ by)?[^)]*\)|\bphoto:\s|\(getty\ images\)|\((?:afp|reuters|ap|epa|anadolu)(?:\ photo)?\))",
);

/// "Press TV News Roku", "Download the Outlet app on iOS" — app-store and channel plugs.
static APP_PLUG: LazyRegex = LazyRegex::new(
    r"(?ix)^.{0,60}\b(?:roku|app\ store|google\ play|android|ios|apple\ tv|podcasts?)$",
);

/// True when a paragraph is page clutter rather than article text.
pub(crate) fn is_clutter(paragraph: &str) -> bool {
    let p = paragraph.trim();
    if p.is_empty() {
        return true;
    }
    if p.chars().count() > 400 {
        return is_cookie_notice(p);
    }
    is_clutter_phrase(p)
        || (p.len() <= 240 && is_breadcrumb(p))
        || APP_PLUG.is_match(p)
        || is_byline(p)
        || is_keyword_list(p)
        || is_shouted_link(p)
        || is_cookie_notice(p)
}

/// A breadcrumb trail. A line that opens a guillemet quotation (`«…»`) is a sentence, not a trail
/// whose separator happens to be `»`.
fn is_breadcrumb(p: &str) -> bool {
    !p.contains('«') && BREADCRUMB.is_match(p)
}

/// Cookie-consent text, which can run to several long paragraphs.
fn is_cookie_notice(p: &str) -> bool {
    static CONSENT: LazyRegex = LazyRegex::new(
        r"(?i)\b(?:uses?\ cookies|necessary\ cookies|cookie\ (?:policy|settings|preferences)|consent|opt[\ -]out|your\ browser)\b",
    );
    p.len() <= 2000 && p.to_lowercase().matches("cookie").count() >= 2 && CONSENT.is_match(p)
}

/// A long headline in capitals with no sentence end ("SEAN SPICER ELIMINATED FROM 'THE SHOW'"): a
/// promo link; an article's own capitalised subheads are shorter than seven words.
fn is_shouted_link(p: &str) -> bool {
    let letters: Vec<char> = p.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    p.split_whitespace().count() >= 7
        && letters.len() >= 24
        && upper * 10 >= letters.len() * 9
        && !ends_sentence(p)
}

/// A byline line left in the body: "By Jane Quill", "BY JANE QUILL AND TOMAS REYEL | Staff".
fn is_byline(p: &str) -> bool {
    static BYLINE: LazyRegex = LazyRegex::new(
        r"^(?:By|BY|by|Von|Par|Por)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|AND|&|de|van|von|der|al|bin|da))*\s*(?:[,|·–-]\s*.{0,40})?$",
    );
    p.split_whitespace().count() <= 12 && !ends_sentence(p) && BYLINE.is_match(p)
}

/// A line that is only a date ("Monday, November 18, 2019", "Updated 14 March 2026, 10:05"):
/// a dateline when it opens the body (further down it may be content, like an event's dates).
pub(crate) fn is_bare_date(p: &str) -> bool {
    static DATE_WORDS: LazyRegex = LazyRegex::new(
        r"(?i)^(?:updated|published|posted|on|at|am|pm|gmt|utc|est|et|edt|pst|cet|\d{1,2}[:.]\d{2}|mon|tue|wed|thu|fri|sat|sun)\w*$",
    );
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.len() > 8 || super::date::find_in_text(p).is_none() {
        return false;
    }
    // Words that are neither part of the date nor time/day labels.
    let others = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !w.chars().all(|c| c.is_ascii_digit()) && !DATE_WORDS.is_match(w) && !is_month_word(w)
        })
        .count();
    others == 0
}

fn is_month_word(w: &str) -> bool {
    w.chars().all(char::is_alphabetic) && super::date::normalize(&format!("1 {w} 2000")).is_some()
}

/// A comma-separated keyword list ("stock car 2018, stock car brasil, …") with no sentence in it.
fn is_keyword_list(p: &str) -> bool {
    let items: Vec<&str> = p.split(',').collect();
    items.len() >= 6 && !ends_sentence(p) && items.iter().all(|i| i.split_whitespace().count() <= 5)
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

/// A heading that opens a box of links to other stories ("Related", "Most read", "More:").
static LINKS_BOX: LazyRegex = LazyRegex::new(
    r"(?ix)^(?:related(?:\ \w+)?|more(?:\ \w+){0,3}|you\ (?:may|might)\ also\ (?:like|enjoy)|most\ (?:read|popular|viewed|shared)(?:\ .{0,30})?
          |popular\ (?:on|in|now)(?:\ .{0,30})?|don'?t\ miss|recommended(?:\ for\ you)?|trending(?:\ now)?|read\ next|latest(?:\ \w+)?
          |also\ on\ .{1,30}|in\ other\ news|tags|topics|categories|categorias|etiquetas|schlagwörter|themen|top\ stories|editor'?s\ picks?|what\ to\ read\ next)\s*[.:…]*$",
);

/// True for a line that reads like a headline or link text rather than a sentence.
fn is_link_line(p: &str) -> bool {
    p.split_whitespace().count() <= 20 && !ends_sentence(p)
}

/// Drops clutter paragraphs, boxes of links to other stories, and a footer block once a "can also
/// be accessed at" line starts it.
pub(crate) fn remove(paragraphs: Vec<String>) -> Vec<String> {
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut in_footer = false;
    let mut in_links_box = false;
    for p in paragraphs {
        if FOOTER_START.is_match(&p) {
            in_footer = true;
            continue;
        }
        if in_footer && (p.chars().count() < 80 || is_clutter(&p) || ADDRESS.is_match(&p)) {
            continue;
        }
        in_footer = false;
        if LINKS_BOX.is_match(p.trim()) {
            in_links_box = true;
            continue;
        }
        if in_links_box && is_link_line(&p) {
            continue;
        }
        in_links_box = false;
        if is_clutter(&p) || is_caption(&p) || (kept.is_empty() && is_bare_date(&p)) {
            continue;
        }
        kept.push(p);
    }
    drop_menus(kept)
}

/// Removes runs of four or more one-to-three-word lines: menus, category and tag lists.
fn drop_menus(paragraphs: Vec<String>) -> Vec<String> {
    let is_menu_item = |p: &str| p.split_whitespace().count() <= 3 && !ends_sentence(p);
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut run: Vec<String> = Vec::new();
    for p in paragraphs {
        if is_menu_item(&p) {
            run.push(p);
            continue;
        }
        if run.len() < 4 {
            kept.append(&mut run);
        }
        run.clear();
        kept.push(p);
    }
    if run.len() < 4 {
        kept.append(&mut run);
    }
    kept
}

/// The start of an "alternate addresses" footer.
static FOOTER_START: LazyRegex = LazyRegex::new(
    r"(?ix)\b(?:can\ also\ be\ (?:accessed|reached|found)\ at|also\ available\ at|alternate\ addresses)\b",
);

/// The outlet named by an "X's website can also be accessed at" footer line.
pub(crate) fn outlet_from_footer(paragraphs: &[String]) -> Option<String> {
    static OWNER: LazyRegex =
        LazyRegex::new(r"(?x)^(.{2,40}?)[’']s?\s+(?:website|site|web\ site)\s+(?:can|is)\b");
    paragraphs
        .iter()
        .filter(|p| FOOTER_START.is_match(p))
        .find_map(|p| OWNER.captures(p.trim()).map(|c| c[1].trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs the clutter pattern matches, in several languages and shapes.
    const CLUTTER_SAMPLES: &[&str] = &[
        "SHARE THIS ARTICLE",
        "Share on Facebook",
        "Facebook Twitter Email",
        "X",
        "Advertisement",
        "Поделиться",
        "Partager cet article",
        "شارك",
        "Sign up for our daily newsletter to get the briefing in your inbox",
        "Our newsletter is free: sign up today",
        "We use cookies to improve your experience.",
        "By continuing you accept all cookies",
        "Read more: Harbour council votes on the new ferry line",
        "© 2026 The Daily Ledger",
        "(c) 2026 The Daily Ledger",
        "Related: Harbour council votes on the new ferry line",
        "Follow The Harbour Wire on Twitter and Facebook.",
        "(Reporting by Jane Quill; editing by Tomas Reyel)",
        "Jane Quill and Tomas Reyel contributed reporting.",
        "12 comments",
        "5 min read",
        "Reading time: 4 minutes",
        "Lesezeit: 4 Minuten",
        "desk@harbour-wire.example",
        "Write to Jane Quill at jane@harbour-wire.example",
        "Опубликовано: 14 марта 2026, 10:05",
        "Mis à jour le 14 mars 2026 à 10h05",
        "Veröffentlicht am 14. März 2026",
        "Читайте также: Паром отменили",
        "The Ledger is also available at ledger.example",
        "The print edition is delivered to your door every morning.",
        "[caption id=1]A ferry[/caption]",
        "Associated Press writers Jane Quill and Tomas Reyel contributed.",
        "Tell us what you think",
        "Loading...",
        "Home",
    ];

    /// [`is_clutter_phrase`] against the bare pattern, with its verdict for the failure message.
    fn assert_gate_agrees(p: &str) {
        assert_eq!(
            is_clutter_phrase(p),
            CLUTTER.is_match(p),
            "the keyword gate must not change the clutter verdict on {p:?}"
        );
    }

    #[test]
    fn gate_lets_every_clutter_sample_through() {
        for p in CLUTTER_SAMPLES {
            assert!(CLUTTER.is_match(p), "sample {p:?} should be clutter");
            assert_gate_agrees(p);
        }
    }

    #[test]
    fn gate_agrees_with_the_pattern_on_the_fixtures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut lines = 0;
        for dir in [
            "extract",
            "compare/dravik",
            "compare/revision",
            "compare/seed",
        ] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let bytes = std::fs::read(entry.path()).expect("a readable fixture");
                for line in String::from_utf8_lossy(&bytes).lines() {
                    let line = line.trim();
                    assert_gate_agrees(line);
                    // A paragraph cut short, so that openings other than a line's are tried too.
                    for (i, _) in line.char_indices().step_by(7) {
                        assert_gate_agrees(line[i..].trim());
                    }
                    lines += 1;
                }
            }
        }
        assert!(
            lines > 200,
            "the fixtures should give many lines, got {lines}"
        );
    }

    /// `sample` with the letters chosen by `mask` in upper case, and with `s`/`k` swapped for
    /// the long s and the Kelvin sign (both equal to them under `(?i)`) where `swap` says.
    fn recased(sample: &str, mask: u64, swap: u64) -> String {
        sample
            .chars()
            .enumerate()
            .map(|(i, c)| {
                let bit = 1u64 << (i % 64);
                match c {
                    's' if swap & bit != 0 => 'ſ',
                    'k' | 'K' if swap & bit != 0 => '\u{212A}',
                    _ if mask & bit != 0 => c.to_uppercase().next().unwrap_or(c),
                    _ => c,
                }
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn gate_agrees_with_the_pattern_on_recased_samples(
            index in 0..CLUTTER_SAMPLES.len(),
            mask: u64,
            swap: u64,
            cut in 0usize..12,
        ) {
            let p = recased(CLUTTER_SAMPLES[index], mask, swap);
            assert_gate_agrees(&p);
            let start = p.char_indices().nth(cut).map_or(p.len(), |(i, _)| i);
            assert_gate_agrees(&p[start..]);
        }

        #[test]
        fn gate_agrees_with_the_pattern_on_mixed_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "share", "Share ", "on ", "this ", "story", "ſhare", "x", "X ", "ad", "the ",
                    "newsletter ", "sign up", " cookies", "accept ", "12", " ", ": ", ".", "@",
                    "mail.example", "©", "(c) ", "Поделиться", "ЧИТАЙТЕ ТАКЖЕ", "опубликовано ",
                    "شارك", "«Они»", "“quoted”", "reporting by ", "contributed ", "min read",
                    "\u{212A}", "é", "Mis à jour ", "À", "writer ", "delivered to your inbox",
                    "[b]", "[/b]", "comment", "s", "|", "·", "Reuters ",
                ]),
                0..7,
            )
        ) {
            assert_gate_agrees(&parts.concat());
        }
    }

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
            "Read more: Harbour council votes on the new ferry line",
            "© 2026 The Daily Ledger",
            "Press TV News Roku",
            "Related: Harbour council votes on the new ferry line",
            "Follow The Harbour Wire on Twitter and Facebook.",
            "(Reporting by Jane Quill; editing by Tomas Reyel)",
            "MAYOR SAYS 'NO MORE FERRIES' AFTER NIGHT OF CHAOS AT PIER",
            "harbour, ferry, night ferry, eastbrook, council, vote, fares",
            "By Jane Quill",
            "BY JANE QUILL AND TOMAS REYEL | Staff writers",
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
            "WHAT THE FERRY WILL COST",
            "Related questions were raised at the meeting, she said.",
            "By then the ferry had left",
            "By Friday, 14 March 2026, the council must decide.",
            "On 14 March 2026 the ferry sailed",
            "«Они всю ночь обстреливали нашу улицу», — рассказал житель.",
            "« Nous resterons », a déclaré le maire.",
        ] {
            assert!(!is_clutter(p), "{p}");
        }
    }

    #[test]
    fn datelines_are_dropped_only_at_the_top() {
        assert!(is_bare_date("Monday, November 18, 2019"));
        assert!(is_bare_date("Updated 14 March 2026, 10:05 GMT"));
        assert!(!is_bare_date("https://harbour.example/2026/03/14/ferry"));
        let paragraphs: Vec<String> = [
            "Monday, 14 March 2026",
            "The ferry sailed.",
            "14 March 2026 | 20 April 2026",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            remove(paragraphs),
            vec!["The ferry sailed.", "14 March 2026 | 20 April 2026"]
        );
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
