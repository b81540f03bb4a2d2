//! The words of attribution, by language: verbs and nouns of saying, "according to", pronouns,
//! auxiliaries and the small words that open, end or join a speaker's name.

/// Verbs of saying after which (or before which) a speaker is named.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    // English
    "said",
    "says",
    "say",
    "spoke",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "warned",
    "claimed",
    "claims",
    "insisted",
    "declared",
    "explained",
    "wrote",
    "writes",
    "asked",
    "urged",
    "vowed",
    "emphasized",
    "emphasised",
    "stressed",
    "argued",
    "announced",
    "quoted",
    "saying",
    "recalled",
    "replied",
    "continued",
    "tweeted",
    "posted",
    "commented",
    "admitted",
    "conceded",
    "acknowledged",
    "confirmed",
    "denied",
    "alleged",
    "pledged",
    "promised",
    "predicted",
    "reported",
    "described",
    "called",
    "cried",
    "shouted",
    "shared",
    "testified",
    // Russian
    "сказал",
    "сказала",
    "сказали",
    "заявил",
    "заявила",
    "заявили",
    "отметил",
    "отметила",
    "рассказал",
    "рассказала",
    "добавил",
    "добавила",
    "подчеркнул",
    "подчеркнула",
    "сообщил",
    "сообщила",
    "сообщили",
    "пояснил",
    "пояснила",
    "написал",
    "написала",
    "объявил",
    "объявила",
    "говорится",
    "сообщается",
    "сообщает",
    "сообщают",
    "заявляет",
    // Arabic
    "قال",
    "قالت",
    "وقال",
    "وقالت",
    "أضاف",
    "وأضاف",
    "أكد",
    "وأكد",
    "صرح",
    "وصرح",
    "أعلن",
    "وأعلن",
    "أعلنت",
    "وأعلنت",
    "ذكر",
    "وذكر",
    "ذكرت",
    "وذكرت",
    "أفاد",
    "وأفاد",
    "أفادت",
    "وأفادت",
    "أوضح",
    "وأوضح",
    "أشار",
    "وأشار",
    "أضافت",
    "وأضافت",
    "أكدت",
    "وأكدت",
    "صرحت",
    "وصرحت",
    "أوضحت",
    "وأوضحت",
    "أشارت",
    "وأشارت",
    // "تم الإعلان": "it was announced" (passive: the speaker follows من قبل).
    "الإعلان",
    // French
    "dit",
    "déclaré",
    "déclare",
    "annoncé",
    "annonce",
    "indiqué",
    "affirmé",
    "affirme",
    "expliqué",
    "ajouté",
    "souligné",
    "estimé",
    "précisé",
    "écrit",
    "témoigné",
    "raconté",
    "confié",
    "assuré",
    "poursuivi",
    "qualifie",
    "qualifié",
    // Spanish
    "dijo",
    "afirmó",
    "declaró",
    "anunció",
    "señaló",
    "indicó",
    "explicó",
    "añadió",
    "aseguró",
    "manifestó",
    "expresó",
    "comunicó",
    "escribió",
    "informó",
    "agregó",
    "anexó",
    "completó",
    "sostuvo",
    "detalló",
    "subrayó",
    // German
    "sagte",
    "erklärte",
    "sagt",
    "erklärt",
    "teilte",
    "betonte",
    "schrieb",
    "berichtete",
    "sagten",
    "erklärten",
];

/// Nouns of saying: an announcement or statement "made by" someone.
pub(crate) const SPEECH_NOUNS: &[&str] = &[
    "announcement",
    "statement",
    "anuncio",
    "declaración",
    "comunicado",
    "annonce",
    "déclaration",
    "communiqué",
    "erklärung",
    "mitteilung",
];

/// Words that introduce the source of what follows, like "according to" (one word, or two).
pub(crate) const ACCORDING_TO: &[&[&str]] = &[
    &["according", "to"],
    &["selon"],
    &["según"],
    &["laut"],
    &["по", "словам"],
    &["по", "данным"],
    &["بحسب"],
    &["وبحسب"],
    &["حسب"],
];

/// Pronouns that stand for an earlier speaker.
pub(crate) const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "он",
    "она",
    "оно",
    "они",
    "هو",
    "هي",
    "il",
    "elle",
    "er",
    "sie",
    "ce dernier",
    "cette dernière",
    "él",
    "ella",
];

/// Words dropped from the end of a subject before its verb ("the president was quoted").
pub(crate) const AUXILIARIES: &[&str] = &[
    "was", "is", "has", "had", "were", "have", "been", "also", "later", "then", "first", "earlier",
    // French, Spanish, German: "a déclaré", "ha dicho", "hat gesagt"
    "a", "ont", "avait", "ha", "han", "había", "hat", "haben", "hatte",
];

/// Auxiliaries that make the verb after them passive ("his death was announced"): its subject
/// is not who spoke.
pub(crate) const PASSIVE: &[&str] = &["was", "were", "is", "are", "been", "be", "being", "تم"];

/// Verbs whose passive still has the speaker as subject ("the president was quoted as saying").
pub(crate) const PASSIVE_SPEAKER_VERBS: &[&str] = &["quoted"];

/// Verbs of quoting someone else (`quoted X as saying`).
pub(crate) const QUOTING_VERBS: &[&str] = &["quoted", "quoting", "cited", "citing"];

/// The words after `as` that close such a quoting (`as saying`).
pub(crate) const AS_SAYING: &[&str] = &["saying", "telling", "stating", "writing"];

/// Words a speaker may start with besides a capitalized word: articles and possessives.
pub(crate) const SPEAKER_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "le", "la", "les", "l'", "un", "une", "el",
    "los", "las", "der", "die", "das", "ein", "eine",
];

/// Words that end a speaker named after its verb ("said a resident who reached Ostrel").
pub(crate) const CLAUSE_WORDS: &[&str] = &[
    "who",
    "which",
    "that",
    "in",
    "at",
    "on",
    "to",
    "from",
    "after",
    "before",
    "during",
    "with",
    "while",
    "when",
    "as",
    "of",
    "for",
    "и",
    "в",
    "на",
    "из",
    "который",
    "которая",
    "a",
    "en",
    "dans",
    "mit",
    "am",
    "في",
    "إن",
    "أن",
    "أنه",
    "إنه",
];

/// Words that never open a speaker, capitalized or not.
pub(crate) const NOT_OPENERS: &[&str] = &[
    "after", "before", "in", "on", "at", "with", "during", "upon", "as", "when", "while", "since",
    "for", "from", "of", "to", "into", "despite", "over", "в", "на", "об", "о", "по", "из",
];

/// Conjunctions and pronouns of the thing said, which open a clause before its verb of saying
/// without naming who spoke.
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "and", "y", "et", "und", "и", "а", "و", "об", "этом", "это", "о", "том",
];

/// Words that stand before a verb of saying without being who spoke ("об этом сообщили …",
/// "it was said"; "que", "that").
pub(crate) const NOT_SUBJECTS: &[&str] = &[
    "этом", "это", "том", "that", "que", "dass", "أن", "إن", "أنه", "إنه",
];

/// Words that end a subject read backwards from its verb: what comes before them is another
/// clause ("de ce que le palais qualifie de", "the report that officials said").
pub(crate) const RUN_STOPS: &[&str] = &[
    "que", "qui", "that", "who", "which", "dass", "der", "die", "что",
];

/// Small words inside names ("Court of Justice", "Casa de Nariño", "Abu Bakr al-Baghdadi").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "of", "de", "del", "la", "le", "du", "des", "von", "van", "der", "al", "bin", "ibn", "и", "da",
];

/// Prepositions after an impersonal verb of saying that introduce who spoke as a place or a
/// document ("сообщили в Букингемском дворце", "говорится в пресс-релизе МУС").
pub(crate) const IMPERSONAL_AT: &[&str] = &["в", "во"];

/// Beginnings of the nouns of a document that speaks for its owner ("в пресс-релизе МУС", "в
/// заявлении Кремля").
pub(crate) const DOCUMENT_NOUNS: &[&str] = &[
    "релиз",
    "заявлени",
    "сообщени",
    "коммюнике",
    "документ",
    "публикаци",
];

/// Words that introduce the agent of a passive ("announced by X", "annoncé par", "por", "von").
pub(crate) const AGENT_BY: &[&str] = &["by", "par", "por", "von"];
