//! The session view model: everything the app (and an export) needs to paint a comparison session
//! of 2–6 reports, as plain serde data with texts already cut into marked parts, so no reader of
//! it ever computes a diff or converts a byte offset.
//!
//! Conventions: `pane` numbers are positions in the session (0 = leftmost); `sentence` numbers count
//! from 0 in body order within a pane; `start`/`end` are byte offsets into that pane's body (used
//! for notes); every text a reader shows is carried as a string.

use serde::{Deserialize, Serialize};

use crate::compare::{ChangeKind, FactKind, Level};

/// The schema name and version of a serialized [`SessionModel`] (exports carry it).
pub const SESSION_SCHEMA: &str = "parallax.session/1";

/// Everything a comparison session shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionModel {
    pub schema: String,
    /// One per report, in session order.
    pub panes: Vec<PaneModel>,
    /// `links[i]`: the alignment of pane `i` with pane `i + 1` (connectors, inline rows).
    pub links: Vec<NeighbourLinks>,
    /// For exactly two panes: the rows of the inline (single-column) view, in reading order.
    pub inline: Option<Vec<InlineRow>>,
    /// The collate matrix: claims × panes.
    pub coverage: CoverageModel,
    /// Each quote across panes.
    pub quotes: Vec<QuoteGroupModel>,
    /// Distinctive terms per pane and word substitutions between panes.
    pub terms: TermsModel,
    /// Numbers, dates, weekdays and names that differ inside linked sentences of any two panes.
    pub facts: Vec<FactModel>,
    /// Groups of panes that share copy of one story (each sorted, two panes or more), in pane
    /// order: the wire-derived reports the coverage view groups.
    #[serde(default)]
    pub copy_families: Vec<Vec<usize>>,
    /// When the session holds versions of one article: the revisions between consecutive panes.
    pub versions: Option<VersionsModel>,
    /// Whether sentences were paired by meaning as well as words (every report carried sentence
    /// vectors and the options asked for it).
    pub semantic: bool,
    /// Human-readable notes on what could not be shown normally (an empty report, two identical
    /// reports, a report cut for size…), shown above the panes.
    pub warnings: Vec<String>,
}

/// How a sentence relates to the other reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SentenceClass {
    /// Equal (after normalization) to its counterpart in the reference pane.
    Identical,
    /// Linked to a counterpart in the reference pane with word differences.
    Changed,
    /// Linked to a counterpart that sits out of order relative to the other links.
    Moved,
    /// Linked to a counterpart in another language that says the same (paired by meaning; no
    /// word differences are shown).
    Translated,
    /// Not linked to the reference pane, but another pane carries it (`counterparts` says
    /// which): not unique to this report, only absent from the one it is compared with.
    Elsewhere,
    /// No other pane carries it: said by this report alone.
    Unique,
}

/// Whether a piece of a sentence also appears in the counterpart it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum PartMark {
    /// The same words (after the session's normalization options) are in the counterpart.
    Same,
    /// Words this sentence has where its counterpart has others or none.
    Differs,
}

/// A run of a sentence's text with one mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MarkedPart {
    pub text: String,
    pub mark: PartMark,
}

/// One report in its pane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PaneModel {
    pub pane: usize,
    pub title: String,
    pub outlet: Option<String>,
    pub published_at: Option<String>,
    pub lang: Option<String>,
    /// Arabic, Persian, Hebrew, Urdu…: laid out right to left.
    pub rtl: bool,
    /// The pane whose alignment gives this pane's classes and word marks: the left neighbour, or
    /// the right one for pane 0. `None` when the session has a single report.
    pub reference: Option<usize>,
    pub sentences: Vec<SentenceModel>,
    pub stats: PaneStats,
}

/// One sentence of a pane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SentenceModel {
    pub index: usize,
    /// Paragraph number (0-based): a new paragraph starts where it changes.
    pub paragraph: usize,
    /// Byte range of the sentence in the pane's body.
    pub start: usize,
    pub end: usize,
    pub class: SentenceClass,
    /// The sentence's text cut into parts marked against its counterpart in the reference pane
    /// (a single `Same` part when identical or unique). For a reworded sentence only what differs
    /// in substance is marked (see `reworded`).
    pub parts: Vec<MarkedPart>,
    /// Linked, but reworded: most of its words differ from its counterpart's, so `parts` marks
    /// only the numbers, names and negations the counterpart lacks, and `all_words` keeps the
    /// full word diff one toggle away.
    #[serde(default)]
    pub reworded: bool,
    /// The full word diff of a reworded sentence (`None` otherwise).
    #[serde(default)]
    pub all_words: Option<Vec<MarkedPart>>,
    /// Its corresponding sentences in every other pane (from the neighbour alignments and the
    /// collate clusters), for hover and jump.
    pub counterparts: Vec<Counterpart>,
    /// How many other panes carry it.
    pub found_in: usize,
    /// The other panes that carry it near-verbatim: shared copy (one wire story republished),
    /// shown dimmed with the reports that share it. Empty for the report's own writing.
    #[serde(default)]
    pub copy_in: Vec<usize>,
}

/// Where a sentence's counterpart sits in another pane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Counterpart {
    pub pane: usize,
    pub sentences: Vec<usize>,
}

/// The figures of a pane header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PaneStats {
    pub sentences: usize,
    pub words: usize,
    /// Sentences found in at least one other pane.
    pub shared: usize,
    /// `shared / sentences`, 0–1.
    pub shared_share: f32,
    /// Sentences found in no other pane.
    pub unique: usize,
    pub identical: usize,
    pub changed: usize,
    pub moved: usize,
    pub translated: usize,
    /// Sentences another pane carries near-verbatim (shared copy).
    #[serde(default)]
    pub copy: usize,
    /// Share of the report's words in shared copy, 0–1; the rest is its own.
    #[serde(default)]
    pub copy_share: f32,
}

/// The links between pane `left` and pane `left + 1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NeighbourLinks {
    pub left: usize,
    pub links: Vec<LinkModel>,
}

/// Sentences of two neighbouring panes that correspond (1:1, 1:2 or 2:1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LinkModel {
    /// Sentences of the left pane.
    pub a: Vec<usize>,
    /// Sentences of the right pane.
    pub b: Vec<usize>,
    pub class: SentenceClass,
    pub similarity: f32,
    /// Linked by hand.
    pub pinned: bool,
    /// The word ops from the left text to the right text.
    pub ops: Vec<InlineOp>,
}

/// The kind of an [`InlineOp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum InlineOpKind {
    Equal,
    Delete,
    Insert,
    Replace,
}

/// A word op with its texts on both sides (`a` = older or left, `b` = newer or right).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InlineOp {
    pub kind: InlineOpKind,
    pub a: String,
    pub b: String,
}

/// A row of the two-report inline view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum InlineRow {
    /// Linked sentences: `ops` spell both texts.
    Linked {
        a: Vec<usize>,
        b: Vec<usize>,
        class: SentenceClass,
        ops: Vec<InlineOp>,
    },
    /// A sentence only the left report has.
    OnlyA { sentence: usize, text: String },
    /// A sentence only the right report has.
    OnlyB { sentence: usize, text: String },
}

/// The collate matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CoverageModel {
    /// Claims in report order.
    pub claims: Vec<ClaimModel>,
}

/// One claim: corresponding sentences, at most one cell per pane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClaimModel {
    /// The representative wording.
    pub text: String,
    /// One per pane; `None` when the pane omits the claim.
    pub cells: Vec<Option<CellModel>>,
    pub carried_by: usize,
}

/// How a pane words a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum CellWording {
    /// This pane's sentence is the representative.
    Representative,
    /// Worded the same as the representative.
    Same,
    /// Worded differently.
    Different,
}

/// A pane's sentence(s) for a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CellModel {
    pub sentences: Vec<usize>,
    pub text: String,
    pub wording: CellWording,
}

/// One quote as it appears across panes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuoteGroupModel {
    /// The speaker named most often for it, if any.
    pub speaker: Option<String>,
    pub quotes: Vec<QuoteModel>,
    /// Some pane words it differently from another.
    pub worded_differently: bool,
    /// Word diffs between differently worded occurrences.
    pub variants: Vec<QuoteVariantModel>,
}

/// A quoted span in a pane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuoteModel {
    pub pane: usize,
    pub sentence: usize,
    pub text: String,
    pub speaker: Option<String>,
}

/// How one occurrence of a quote differs from another (`from`/`to` index the group's `quotes`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuoteVariantModel {
    pub from: usize,
    pub to: usize,
    /// The word diff from one wording to the other (empty for renderings in two languages).
    pub ops: Vec<InlineOp>,
    /// The two wordings are in different languages: a word diff between them would mean nothing,
    /// so none is given.
    #[serde(default)]
    pub translated: bool,
}

/// Framing terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TermsModel {
    /// One per pane: its most distinctive terms, strongest first.
    pub panes: Vec<Vec<TermModel>>,
    pub substitutions: Vec<SubstitutionModel>,
    /// One per pane: the words it puts in quotation marks without quoting anyone (scare or
    /// distancing quotes, names and titles), in order: a framing signal of its own.
    #[serde(default)]
    pub distanced: Vec<Vec<DistancedTermModel>>,
}

/// A word or phrase a pane puts in quotation marks without quoting anyone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DistancedTermModel {
    pub text: String,
    /// The sentence it is in, for jumping.
    pub sentence: usize,
}

/// A word or two-word phrase distinctive of a pane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TermModel {
    pub text: String,
    pub count: usize,
    pub count_elsewhere: usize,
    pub z: f32,
    /// The sentence of its first use, for jumping.
    pub sentence: usize,
}

/// Two words used in the same place of linked sentences ("rebels" ↔ "terrorists").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SubstitutionModel {
    pub words: [String; 2],
    pub count: usize,
    pub sites: Vec<SubstitutionSiteModel>,
}

/// One place a substitution was seen, with both sentences for context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SubstitutionSiteModel {
    pub pane_a: usize,
    pub sentence_a: usize,
    pub word_a: String,
    /// Pane A's sentence cut so the word is its own `Differs` part.
    pub context_a: Vec<MarkedPart>,
    pub pane_b: usize,
    pub sentence_b: usize,
    pub word_b: String,
    pub context_b: Vec<MarkedPart>,
}

/// A fact that differs between linked sentences of two panes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FactModel {
    pub kind: FactKind,
    pub pane_a: usize,
    pub sentence_a: usize,
    pub value_a: String,
    pub context_a: Vec<MarkedPart>,
    pub pane_b: usize,
    pub sentence_b: usize,
    pub value_b: String,
    pub context_b: Vec<MarkedPart>,
}

/// Versions of one article, in pane order (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VersionsModel {
    /// `revisions[i]`: from pane `i` to pane `i + 1`.
    pub revisions: Vec<RevisionModel>,
}

/// The changes from one version to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RevisionModel {
    pub old_pane: usize,
    pub new_pane: usize,
    /// In the new version's order.
    pub changes: Vec<ChangeModel>,
    /// Indices into `changes`, most substantial first.
    pub ranked: Vec<usize>,
    pub additions: usize,
    pub deletions: usize,
    pub edits: usize,
    pub moves: usize,
}

/// One change between versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChangeModel {
    pub kind: ChangeKind,
    pub level: Level,
    pub old_text: String,
    pub new_text: String,
    pub ops: Vec<InlineOp>,
    /// 0–100: a changed number, name, quote or negation outranks wording, punctuation or a typo.
    pub score: u32,
    /// Why it scored so: what changed inside an edit ("number changed", "negation"…), what an added
    /// or removed text holds ("holds a number", "new text"…).
    pub reasons: Vec<String>,
    /// The first sentence of the change in the old and new panes, when it has one there.
    pub old_sentence: Option<usize>,
    pub new_sentence: Option<usize>,
}
