//! Deterministic generator of news-like reports for benchmarks and bench-peers (not for tests of
//! behaviour): an event report of a given size, another outlet's variant of it, and two versions of
//! one article. Same seed, same text, on every platform.

/// A small deterministic PRNG (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "of", "to", "in", "and", "on", "for", "with", "at", "by", "from", "that", "was",
    "were", "is", "said", "after", "before", "their", "its", "as", "has", "had", "not",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "ver", "tan", "mi", "sor", "de", "ul", "pra", "ne", "gos", "ti", "ba", "rel", "cu",
    "fen", "da", "mor", "il", "sta",
];
const NAMES: &[&str] = &[
    "Halden",
    "Ostrava",
    "Mireille",
    "Vance",
    "Tarsk",
    "Ilona",
    "Brecht",
    "Calder",
    "Noor",
    "Okafor",
    "Lindqvist",
    "Sorel",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A content word of rank `r` (lower ranks are more frequent): two to four syllables.
fn content_word(r: usize) -> String {
    let mut w = String::new();
    let mut x = r + 7;
    let syllables = 2 + r % 3;
    for _ in 0..syllables {
        w.push_str(SYLLABLES[x % SYLLABLES.len()]);
        x /= SYLLABLES.len();
        x += r % 5;
    }
    w
}

/// One sentence of about 12–30 words.
fn sentence(rng: &mut Rng) -> String {
    let len = 12 + rng.below(19);
    let mut words: Vec<String> = Vec::with_capacity(len);
    for k in 0..len {
        let roll = rng.below(100);
        let w = if roll < 40 {
            FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_string()
        } else if roll < 46 {
            NAMES[rng.below(NAMES.len())].to_string()
        } else if roll < 49 {
            format!("{}", 1 + rng.below(5000))
        } else if roll < 50 {
            WEEKDAYS[rng.below(WEEKDAYS.len())].to_string()
        } else {
            // Zipf-like: square a uniform draw so low ranks dominate.
            let u = rng.below(3000);
            content_word(u * u / 3000)
        };
        words.push(if k == 0 { capitalize(&w) } else { w });
    }
    let mut s = words.join(" ");
    if rng.chance(0.2) {
        let at = s.find(' ').unwrap_or(s.len());
        s.insert(at, ',');
    }
    s.push('.');
    s
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Paragraphs of sentences totalling about `words` words.
pub fn report_sentences(seed: u64, words: usize) -> Vec<Vec<String>> {
    let mut rng = Rng::new(seed);
    let mut paragraphs = Vec::new();
    let mut count = 0;
    while count < words {
        let n = 1 + rng.below(4);
        let mut p = Vec::with_capacity(n);
        for _ in 0..n {
            let s = sentence(&mut rng);
            count += s.split(' ').count();
            p.push(s);
        }
        paragraphs.push(p);
    }
    paragraphs
}

/// Joins paragraphs of sentences into a body (blank line between paragraphs).
pub fn join(paragraphs: &[Vec<String>]) -> String {
    paragraphs
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A report of about `words` words.
pub fn report(seed: u64, words: usize) -> String {
    join(&report_sentences(seed, words))
}

/// Rewords a sentence: changes a number, swaps or drops a word, adds one.
fn reword(s: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = s
        .trim_end_matches('.')
        .split(' ')
        .map(str::to_string)
        .collect();
    for _ in 0..1 + rng.below(3) {
        let k = rng.below(words.len());
        match rng.below(4) {
            0 if words[k].chars().all(|c| c.is_ascii_digit()) => {
                words[k] = format!("{}", 1 + rng.below(5000));
            }
            0 | 1 => words[k] = content_word(rng.below(3000)),
            2 if words.len() > 4 => {
                words.remove(k);
            }
            _ => words.insert(k, content_word(rng.below(3000))),
        }
    }
    let mut out = words.join(" ");
    out.push('.');
    out
}

/// Another outlet's report of the same event: about a fifth of sentences reworded, some dropped,
/// some new, some split in two, and paragraphs partly reordered.
pub fn variant(base: &[Vec<String>], seed: u64) -> Vec<Vec<String>> {
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(17));
    let mut out: Vec<Vec<String>> = Vec::with_capacity(base.len());
    for p in base {
        let mut q = Vec::new();
        for s in p {
            let roll = rng.below(100);
            if roll < 8 {
                continue; // dropped
            } else if roll < 28 {
                q.push(reword(s, &mut rng));
            } else if roll < 31 {
                // split at a middle space
                let words: Vec<&str> = s.trim_end_matches('.').split(' ').collect();
                let mid = words.len() / 2;
                q.push(format!("{}.", words[..mid].join(" ")));
                q.push(format!("{}.", capitalize(&words[mid..].join(" "))));
            } else {
                q.push(s.clone());
            }
            if rng.chance(0.06) {
                q.push(sentence(&mut rng));
            }
        }
        if !q.is_empty() {
            out.push(q);
        }
    }
    // Move about one paragraph in ten somewhere else.
    for _ in 0..out.len() / 10 {
        let from = rng.below(out.len());
        let p = out.remove(from);
        let to = rng.below(out.len() + 1);
        out.insert(to, p);
    }
    out
}

/// Two versions of one article of about `words` words: the second has a few percent of its
/// sentences edited, some paragraphs added, deleted and moved.
pub fn revision_pair(seed: u64, words: usize) -> (String, String) {
    let old = report_sentences(seed, words);
    let mut rng = Rng::new(seed ^ 0xDEAD_BEEF);
    let mut new: Vec<Vec<String>> = Vec::with_capacity(old.len());
    for p in &old {
        let roll = rng.below(1000);
        if roll < 5 {
            continue; // deleted paragraph
        }
        if roll < 10 {
            new.push(vec![sentence(&mut rng)]); // added paragraph
        }
        if roll < 40 {
            new.push(
                p.iter()
                    .map(|s| {
                        if rng.chance(0.4) {
                            reword(s, &mut rng)
                        } else {
                            s.clone()
                        }
                    })
                    .collect(),
            );
        } else {
            new.push(p.clone());
        }
    }
    for _ in 0..(new.len() / 200).max(1) {
        let from = rng.below(new.len());
        let p = new.remove(from);
        let to = rng.below(new.len() + 1);
        new.insert(to, p);
    }
    (join(&old), join(&new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_sized() {
        assert_eq!(report(7, 700), report(7, 700));
        let words = report(7, 700).split_whitespace().count();
        assert!((700..800).contains(&words), "about 700 words, got {words}");
        let (old, new) = revision_pair(3, 5_000);
        assert_ne!(old, new);
    }
}
