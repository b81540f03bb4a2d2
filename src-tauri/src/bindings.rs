//! Keeps `ui/src/lib/bindings/` equal to the wire types: regenerates the TypeScript with ts-rs and
//! fails when a committed file differed (it is rewritten, so a second run passes) or is stale.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};

use parallax_core::compare::session::{
    CellModel, CellWording, ChangeModel, ClaimModel, Counterpart, CoverageModel,
    DistancedTermModel, FactModel, InlineOp, InlineOpKind, InlineRow, LinkModel, MarkedPart,
    NeighbourLinks, PaneModel, PaneStats, PartMark, QuoteGroupModel, QuoteModel, QuoteVariantModel,
    RevisionModel, SentenceClass, SentenceModel, SessionModel, SubstitutionModel,
    SubstitutionSiteModel, TermModel, TermsModel, VersionsModel,
};
use parallax_core::compare::{ChangeKind, FactKind, Level, MatchBy};

use crate::changes::LibraryChanged;
use crate::error::{ErrorCode, WireError};
use crate::meaning::VectorsProgress;
use crate::switcher::{CopyStep, CopySummary, LibraryInfo, TeamConnected};
use crate::team::{TeamSettings, TlsChoice};
use crate::wire::sessions::{
    AnalysisSettings, ExportFormat, ManualLink, NewNote, NewSession, Note, SessionArticle,
    SessionLayout, SessionMode, SessionOptions, SessionSummary, SessionView, ViewPreferences,
};
use crate::wire::{
    ArticleList, ArticleRow, ArticleSort, ArticleView, EventChip, EventOffer, EventProposalView,
    EventSummary, FileOutcome, ImportEvent, MetadataEdit, ProposedArticle, RefreshResult,
    SampleLibrary, SearchResult, SortColumn, SortDirection, TextPart,
};

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

/// File name → generated TypeScript, for every type that crosses the IPC bridge.
fn generated() -> BTreeMap<String, String> {
    // IDs and counts fit easily in a JS number; `bigint` would not survive JSON.
    let cfg = Config::new().with_large_int("number");
    let mut files = BTreeMap::new();
    let mut add = |name: Option<PathBuf>, text: Result<String, ts_rs::ExportError>| {
        let name = name.expect("wire types are exportable");
        let text = text.expect("wire types export to TypeScript");
        files.insert(name.display().to_string(), text);
    };
    macro_rules! export {
        ($($ty:ty),* $(,)?) => {
            $( add(<$ty as TS>::output_path(), <$ty as TS>::export_to_string(&cfg)); )*
        };
    }
    export!(
        ArticleList,
        ArticleRow,
        ArticleSort,
        ArticleView,
        EventChip,
        EventSummary,
        FileOutcome,
        ImportEvent,
        MetadataEdit,
        RefreshResult,
        EventOffer,
        EventProposalView,
        ProposedArticle,
        SampleLibrary,
        SearchResult,
        SortColumn,
        SortDirection,
        TextPart,
        ErrorCode,
        WireError,
        ExportFormat,
        ManualLink,
        MatchBy,
        VectorsProgress,
        LibraryChanged,
        LibraryInfo,
        TeamConnected,
        CopyStep,
        CopySummary,
        TeamSettings,
        TlsChoice,
        NewNote,
        NewSession,
        Note,
        SessionArticle,
        SessionLayout,
        SessionMode,
        SessionOptions,
        AnalysisSettings,
        ViewPreferences,
        SessionSummary,
        SessionView,
        CellModel,
        CellWording,
        ChangeModel,
        ClaimModel,
        Counterpart,
        CoverageModel,
        FactModel,
        InlineOp,
        InlineOpKind,
        InlineRow,
        LinkModel,
        NeighbourLinks,
        PaneModel,
        PaneStats,
        PartMark,
        QuoteGroupModel,
        QuoteModel,
        QuoteVariantModel,
        RevisionModel,
        SentenceClass,
        SentenceModel,
        SessionModel,
        SubstitutionModel,
        SubstitutionSiteModel,
        TermModel,
        DistancedTermModel,
        TermsModel,
        MarkedPart,
        VersionsModel,
        ChangeKind,
        FactKind,
        Level,
    );
    files
}

#[test]
fn typescript_bindings_match_the_wire_types() {
    let dir = bindings_dir();
    std::fs::create_dir_all(&dir).expect("the bindings folder can be created");
    let files = generated();
    let mut changed = Vec::new();
    for (name, text) in &files {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).expect("a binding can be written");
            changed.push(name.clone());
        }
    }
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the bindings folder is readable") {
        let name = entry.expect("a bindings entry is readable").file_name();
        let name = name.to_string_lossy().into_owned();
        if !files.contains_key(&name) {
            stale.push(name);
        }
    }
    assert!(
        changed.is_empty() && stale.is_empty(),
        "ui/src/lib/bindings was out of date with src-tauri/src/wire.rs: rewrote {changed:?}; \
         delete the stale files {stale:?}. Review and commit the new bindings, then run again."
    );
}
