//! Pages that stand before the article instead of being it: cookie-consent, paywall and login
//! walls, recognised in a short extracted text by their wording.

use serde::Serialize;

/// What kind of wall a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Wall {
    Consent,
    Paywall,
    Login,
}

impl Wall {
    /// What the wall is, for a message: "a cookie-consent page".
    pub fn describe(self) -> &'static str {
        match self {
            Wall::Consent => "a cookie-consent page",
            Wall::Paywall => "a paywall (subscribers only)",
            Wall::Login => "a login page",
        }
    }
}

/// Longest text, in words, that can still be taken for a wall: an article is longer.
const MAX_WALL_WORDS: usize = 200;

/// Wording of each wall; a wall's text holds at least two of its phrases (no phrase inside
/// another, so that one word is not counted twice).
const CONSENT: &[&str] = &[
    "cookie",
    "consent",
    "accept all",
    "reject all",
    "manage your",
    "privacy settings",
    "personalised advert",
    "personalized advert",
    "our partners",
    "before you continue",
];
const PAYWALL: &[&str] = &[
    "subscribe",
    "subscription",
    "continue reading",
    "keep reading",
    "paywall",
    "unlock",
    "free articles",
    "premium",
];
const LOGIN: &[&str] = &[
    "log in",
    "login",
    "sign in",
    "create an account",
    "password",
    "register",
    "forgot your",
];

/// The wall a page with this title and body is, when its text is short and worded like one.
pub fn wall_of(title: &str, body: &str) -> Option<Wall> {
    if body.split_whitespace().count() > MAX_WALL_WORDS {
        return None;
    }
    let text = format!("{title}\n{body}").to_lowercase();
    let count = |phrases: &[&str]| phrases.iter().filter(|p| text.contains(*p)).count();
    [
        (Wall::Consent, count(CONSENT)),
        (Wall::Paywall, count(PAYWALL)),
        (Wall::Login, count(LOGIN)),
    ]
    .into_iter()
    .filter(|(_, hits)| *hits >= 2)
    .max_by_key(|(_, hits)| *hits)
    .map(|(wall, _)| wall)
}

/// The wall a page's markup is, judged on its visible text (scripts and styles left out): for a
/// page whose extracted article came out empty because the clutter clean-up took the wall's own
/// text away.
pub fn wall_in_markup(bytes: &[u8]) -> Option<Wall> {
    let markup = super::encoding::decode(bytes, true).0;
    let mut text = String::with_capacity(markup.len().min(1 << 16));
    let mut rest = markup.as_ref();
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        rest = &rest[open..];
        let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            "</script"
        } else if lower.starts_with("<style") {
            "</style"
        } else {
            ">"
        };
        let lower_rest = rest.to_ascii_lowercase();
        match lower_rest.find(skip_to) {
            Some(at) => {
                let after = rest[at..].find('>').map_or(rest.len(), |gt| at + gt + 1);
                rest = &rest[after..];
            }
            None => rest = "",
        }
    }
    text.push_str(rest);
    wall_of("", &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_pages_worded_as_walls_are_walls() {
        assert_eq!(
            wall_of(
                "Before you continue",
                "We use cookies and data to deliver our services. Accept all or manage your choices."
            ),
            Some(Wall::Consent)
        );
        assert_eq!(
            wall_of(
                "Subscribe to continue reading",
                "This article is for subscribers only."
            ),
            Some(Wall::Paywall)
        );
        assert_eq!(
            wall_of("Sign in", "Log in with your email and password to read on."),
            Some(Wall::Login)
        );
    }

    #[test]
    fn a_wall_is_found_in_a_pages_markup() {
        let page = b"<html><head><title>Before you continue</title><style>p{}</style></head>\
            <body><script>var cookie = 1;</script><p>We use cookies. Accept all or manage your \
            privacy settings.</p></body></html>";
        assert_eq!(wall_in_markup(page), Some(Wall::Consent));
        assert_eq!(wall_in_markup(b"<p>The ferry sailed.</p>"), None);
    }

    #[test]
    fn articles_are_not_walls() {
        assert_eq!(
            wall_of(
                "Ferry line approved",
                "The council approved the night ferry line on Tuesday. Subscribers to the harbour newsletter were told first."
            ),
            None
        );
        let long =
            "The council debated the cookie tax and the consent forms at length. ".repeat(30);
        assert_eq!(wall_of("Cookie tax", &long), None);
    }
}
