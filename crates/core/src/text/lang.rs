//! Language handling: detection (whatlang), ISO 639-1 codes, stemmers and built-in stop-word lists.

use rust_stemmers::{Algorithm, Stemmer};

/// Detects the language of a text and returns its ISO 639-1 code ("en", "ar", "ru"), or `None`
/// when the text is too short or too mixed to tell. Only the first few kilobytes are looked at.
pub fn detect(text: &str) -> Option<String> {
    let sample = prefix_on_char_boundary(text, 4096);
    let info = whatlang::detect(sample)?;
    Some(iso639_1(info.lang().code()).to_string())
}

/// The longest prefix of `text` no longer than `max` bytes that ends on a char boundary.
pub(crate) fn prefix_on_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Maps whatlang's ISO 639-3 codes to ISO 639-1 where one exists (else returns the 639-3 code).
fn iso639_1(code3: &'static str) -> &'static str {
    match code3 {
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "epo" => "eo",
        other => other,
    }
}

/// The base language of a tag: "en-GB" → "en", "pt_BR" → "pt", lowercased.
pub(crate) fn base_code(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The Snowball stemmer for a language code, when rust-stemmers has one.
pub(crate) fn stemmer(code: &str) -> Option<Stemmer> {
    let algorithm = match code {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "no" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// The built-in stop words of a language (normalized: lowercase, straight apostrophes), sorted.
/// Unknown languages get the English list, which is harmless for non-Latin scripts.
pub(crate) fn stop_words(code: &str) -> &'static [&'static str] {
    match code {
        "fr" => FR,
        "de" => DE,
        "es" => ES,
        "it" => IT,
        "pt" => PT,
        "nl" => NL,
        "ru" => RU,
        "ar" => AR,
        "fa" => FA,
        "sv" | "da" | "nb" | "no" => SCANDINAVIAN,
        _ => EN,
    }
}

/// Whether `norm` (a normalized word) is a stop word in `list` (a sorted list).
pub(crate) fn is_stop(list: &[&str], norm: &str) -> bool {
    list.binary_search(&norm).is_ok()
}

const EN: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];
const FR: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "cette", "d'", "dans", "de", "des", "du", "elle",
    "elles", "en", "est", "et", "eux", "il", "ils", "je", "l'", "la", "le", "les", "leur", "leurs",
    "lui", "mais", "me", "mes", "moi", "mon", "même", "nous", "on", "ont", "ou", "par", "pas",
    "pour", "qu'", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton",
    "tu", "un", "une", "vos", "votre", "vous", "à", "été", "être",
];
const DE: &[&str] = &[
    "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "da", "das", "dass", "dem",
    "den", "der", "des", "die", "doch", "du", "durch", "ein", "eine", "einem", "einen", "einer",
    "eines", "er", "es", "für", "hat", "hatte", "ich", "ihr", "im", "in", "ist", "mit", "nach",
    "noch", "nur", "oder", "sich", "sie", "sind", "so", "um", "und", "uns", "von", "vor", "war",
    "wie", "wir", "wird", "wurde", "zu", "zum", "zur", "über",
];
const ES: &[&str] = &[
    "a", "al", "como", "con", "de", "del", "el", "ella", "ellos", "en", "entre", "era", "es",
    "esta", "este", "fue", "ha", "han", "la", "las", "le", "les", "lo", "los", "más", "pero",
    "por", "que", "se", "ser", "si", "sin", "sobre", "su", "sus", "también", "un", "una", "uno",
    "y", "ya",
];
const IT: &[&str] = &[
    "a", "al", "alla", "anche", "che", "con", "da", "dal", "del", "della", "di", "e", "essere",
    "gli", "ha", "i", "il", "in", "la", "le", "lo", "ma", "nel", "nella", "non", "per", "più",
    "si", "sono", "su", "sua", "suo", "tra", "un", "una", "è",
];
const PT: &[&str] = &[
    "a", "ao", "as", "com", "como", "da", "das", "de", "do", "dos", "e", "ela", "ele", "em",
    "entre", "era", "foi", "mais", "mas", "na", "nas", "no", "nos", "o", "os", "para", "pela",
    "pelo", "por", "que", "se", "sem", "ser", "seu", "sua", "também", "um", "uma", "é",
];
const NL: &[&str] = &[
    "aan", "al", "als", "bij", "dat", "de", "den", "der", "die", "dit", "door", "een", "en", "er",
    "het", "hij", "in", "is", "maar", "met", "naar", "of", "om", "op", "over", "te", "tot", "uit",
    "van", "voor", "was", "werd", "wordt", "ze", "zich", "zijn",
];
const RU: &[&str] = &[
    "а",
    "без",
    "был",
    "была",
    "были",
    "было",
    "в",
    "во",
    "вы",
    "да",
    "для",
    "до",
    "его",
    "ее",
    "её",
    "же",
    "за",
    "и",
    "из",
    "или",
    "им",
    "их",
    "к",
    "как",
    "ко",
    "когда",
    "ли",
    "мы",
    "на",
    "над",
    "не",
    "него",
    "нет",
    "ни",
    "но",
    "о",
    "об",
    "он",
    "она",
    "они",
    "от",
    "по",
    "под",
    "при",
    "с",
    "со",
    "так",
    "также",
    "то",
    "только",
    "у",
    "что",
    "это",
    "я",
];
const AR: &[&str] = &[
    "أن", "أو", "إلى", "إن", "التي", "الذي", "على", "عن", "في", "قد", "كان", "لا", "لم", "ما", "مع",
    "من", "هذا", "هذه", "هو", "هي", "و", "ولا", "وهو",
];
const FA: &[&str] = &[
    "آن", "از", "است", "اين", "این", "با", "برای", "به", "تا", "در", "را", "و", "که", "یک",
];
const SCANDINAVIAN: &[&str] = &[
    "af", "at", "av", "de", "den", "der", "det", "en", "er", "et", "ett", "for", "för", "har", "i",
    "med", "och", "og", "om", "på", "som", "til", "till", "var", "är",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_lists_are_sorted_for_binary_search() {
        for list in [EN, FR, DE, ES, IT, PT, NL, RU, AR, FA, SCANDINAVIAN] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, list, "stop list must be sorted: {list:?}");
        }
    }

    #[test]
    fn detects_english_and_russian() {
        assert_eq!(
            detect("The mayor said the council would vote on the budget next week.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect("Мэр заявил, что совет проголосует за бюджет на следующей неделе.").as_deref(),
            Some("ru")
        );
    }

    #[test]
    fn base_code_strips_region() {
        assert_eq!(base_code("en-GB"), "en");
        assert_eq!(base_code("PT_br"), "pt");
    }
}
