//! Publication dates: normalises the many spellings found in meta tags and datelines to ISO 8601
//! (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with `Z`/offset when the source gives a time).

use super::lazy_regex::LazyRegex;
use chrono::{DateTime, NaiveDate};

static ISO: LazyRegex = LazyRegex::new(
    r"(?x)^(\d{4})-?(\d{2})-?(\d{2})
          (?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?",
);
static SLASHED: LazyRegex = LazyRegex::new(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b");
static DAY_MONTH_YEAR: LazyRegex =
    LazyRegex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-zа-яё]{3,})\.?,?\s+(\d{4})\b");
static MONTH_DAY_YEAR: LazyRegex =
    LazyRegex::new(r"(?i)\b([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b");

/// Normalises one date string (a meta tag value or a dateline) to ISO 8601.
pub(crate) fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(iso) = from_iso(s) {
        return Some(iso);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    find_in_text(s)
}

/// Finds the first date written out in running text ("25 November 2026", "Nov. 25, 2026",
/// "2026/11/25"), as `YYYY-MM-DD`.
pub(crate) fn find_in_text(s: &str) -> Option<String> {
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut consider = |pos: usize, date: Option<NaiveDate>| {
        if let Some(date) = date {
            if best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, date));
            }
        }
    };
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        let date = month_number(&c[2]).and_then(|m| ymd(&c[3], m, &c[1]));
        consider(c.get(0).map_or(0, |m| m.start()), date);
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        let date = month_number(&c[1]).and_then(|m| ymd(&c[3], m, &c[2]));
        consider(c.get(0).map_or(0, |m| m.start()), date);
    }
    if let Some(c) = SLASHED.captures(s) {
        let date = c[2].parse().ok().and_then(|m| ymd(&c[1], m, &c[3]));
        consider(c.get(0).map_or(0, |m| m.start()), date);
    }
    if let Some(c) = ISO.captures(s) {
        consider(0, c[2].parse().ok().and_then(|m| ymd(&c[1], m, &c[3])));
    }
    best.map(|(_, d)| d.format("%Y-%m-%d").to_string())
}

fn from_iso(s: &str) -> Option<String> {
    let c = ISO.captures(s)?;
    let date = ymd(&c[1], c[2].parse().ok()?, &c[3])?;
    let day = date.format("%Y-%m-%d").to_string();
    let (Some(h), Some(m)) = (c.get(4), c.get(5)) else {
        return Some(day);
    };
    let (h, m): (u32, u32) = (h.as_str().parse().ok()?, m.as_str().parse().ok()?);
    let sec: u32 = c.get(6).map_or(Some(0), |x| x.as_str().parse().ok())?;
    if h > 23 || m > 59 || sec > 60 {
        return Some(day);
    }
    let zone = match c.get(7).map(|z| z.as_str()) {
        None => String::new(),
        Some("Z" | "UTC" | "GMT") => "Z".to_string(),
        Some(off) => {
            let digits: String = off.chars().filter(char::is_ascii_digit).collect();
            format!("{}{}:{}", &off[..1], &digits[..2], &digits[2..4])
        }
    };
    Some(format!("{day}T{h:02}:{m:02}:{sec:02}{zone}"))
}

fn ymd(year: &str, month: u32, day: &str) -> Option<NaiveDate> {
    let year: i32 = year.parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)
}

/// Whether a word names a month ("June", "juin", "Jun").
pub(crate) fn is_month_name(word: &str) -> bool {
    month_number(word).is_some()
}

fn month_number(name: &str) -> Option<u32> {
    crate::text::lexicon::month(&name.to_lowercase(), None).map(u32::from)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn iso_forms_keep_their_time_and_zone() {
        assert_eq!(
            normalize("2026-03-14T09:05:00+01:00").as_deref(),
            Some("2026-03-14T09:05:00+01:00")
        );
        assert_eq!(
            normalize("2026-03-14T09:05Z").as_deref(),
            Some("2026-03-14T09:05:00Z")
        );
        assert_eq!(
            normalize("2026-03-14 09:05:07.123").as_deref(),
            Some("2026-03-14T09:05:07")
        );
        assert_eq!(normalize("20260314").as_deref(), Some("2026-03-14"));
    }

    #[test]
    fn written_dates_become_days() {
        assert_eq!(
            normalize("Published 14 March 2026").as_deref(),
            Some("2026-03-14")
        );
        assert_eq!(
            normalize("Mar. 14th, 2026, 10:00 ET").as_deref(),
            Some("2026-03-14")
        );
        assert_eq!(normalize("14 марта 2026").as_deref(), Some("2026-03-14"));
        assert_eq!(
            normalize("Sat, 14 Mar 2026 09:05:00 +0000").as_deref(),
            Some("2026-03-14T09:05:00+00:00")
        );
        assert_eq!(normalize("2026/3/14").as_deref(), Some("2026-03-14"));
    }

    #[test]
    fn nonsense_is_no_date() {
        assert_eq!(normalize("yesterday"), None);
        assert_eq!(normalize("2026-13-45"), None);
    }
}
