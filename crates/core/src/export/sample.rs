//! A hand-built session view model for the export tests (fictional, like every fixture): two
//! reports of the Dravik story, the second in Arabic (right to left), with a sentence of every
//! class, word marks, a quote worded differently, a substitution, a differing number and a warning.

use crate::compare::session::*;
use crate::compare::FactKind;

fn same(text: &str) -> MarkedPart {
    MarkedPart {
        text: text.to_string(),
        mark: PartMark::Same,
    }
}

fn differs(text: &str) -> MarkedPart {
    MarkedPart {
        text: text.to_string(),
        mark: PartMark::Differs,
    }
}

fn op(kind: InlineOpKind, a: &str, b: &str) -> InlineOp {
    InlineOp {
        kind,
        a: a.to_string(),
        b: b.to_string(),
    }
}

/// A sentence: `(index, paragraph, class, parts, counterpart in the other pane)`.
fn sentence(
    index: usize,
    paragraph: usize,
    class: SentenceClass,
    parts: Vec<MarkedPart>,
    other: Option<(usize, usize)>,
) -> SentenceModel {
    let start = index * 100;
    let length: usize = parts.iter().map(|part| part.text.len()).sum();
    SentenceModel {
        reworded: false,
        all_words: None,
        index,
        paragraph,
        start,
        end: start + length,
        class,
        parts,
        counterparts: other
            .map(|(pane, sentence)| Counterpart {
                pane,
                sentences: vec![sentence],
            })
            .into_iter()
            .collect(),
        found_in: usize::from(other.is_some()),
        copy_in: Vec::new(),
    }
}

fn stats(sentences: &[SentenceModel], words: usize) -> PaneStats {
    let count = |class| sentences.iter().filter(|s| s.class == class).count();
    let shared = sentences.iter().filter(|s| s.found_in > 0).count();
    PaneStats {
        sentences: sentences.len(),
        words,
        shared,
        shared_share: shared as f32 / sentences.len() as f32,
        unique: sentences.len() - shared,
        identical: count(SentenceClass::Identical),
        changed: count(SentenceClass::Changed),
        moved: count(SentenceClass::Moved),
        translated: count(SentenceClass::Translated),
        copy: 0,
        copy_share: 0.0,
    }
}

/// Two panes: Northgate Wire (English) and Radio Kestrel's Arabic service (RTL).
pub(crate) fn two_pane_model() -> SessionModel {
    use SentenceClass::*;
    let wire = vec![
        sentence(
            0,
            0,
            Changed,
            vec![
                differs("Rebels"),
                same(" took control of Dravik on Monday."),
            ],
            Some((1, 0)),
        ),
        sentence(
            1,
            0,
            Changed,
            vec![
                same("About "),
                differs("4,200"),
                same(" people fled across the Selva bridge."),
            ],
            Some((1, 2)),
        ),
        sentence(
            2,
            1,
            Identical,
            vec![same("Minister Halina Orsk spoke in Ostrel & Tessa.")],
            Some((1, 3)),
        ),
        sentence(
            3,
            1,
            Moved,
            vec![same("The government called an emergency session.")],
            Some((1, 1)),
        ),
        sentence(
            4,
            2,
            Unique,
            vec![same(
                "\"We will not negotiate with people who hold our towns at gunpoint,\" she said.",
            )],
            None,
        ),
    ];
    let kestrel = vec![
        sentence(
            0,
            0,
            Changed,
            vec![differs("الإرهابيون"), same(" سيطروا على درافيك يوم الاثنين.")],
            Some((0, 0)),
        ),
        sentence(
            1,
            0,
            Moved,
            vec![same("دعت الحكومة إلى جلسة طارئة.")],
            Some((0, 3)),
        ),
        sentence(
            2,
            1,
            Changed,
            vec![
                same("فرّ نحو "),
                differs("4,000"),
                same(" شخص عبر جسر سيلفا."),
            ],
            Some((0, 1)),
        ),
        sentence(
            3,
            1,
            Identical,
            vec![same("تحدثت الوزيرة هالينا أورسك في أوستريل وتيسا.")],
            Some((0, 2)),
        ),
        sentence(
            4,
            2,
            Unique,
            vec![same(
                "«لن نتفاوض مع من يحتجزون مدننا تحت تهديد السلاح»، قالت الوزيرة.",
            )],
            None,
        ),
    ];
    let text = |sentences: &[SentenceModel], index: usize| -> String {
        sentences[index]
            .parts
            .iter()
            .map(|part| part.text.as_str())
            .collect()
    };
    let claim = |wire_sentence: Option<usize>, kestrel_sentence: Option<usize>| {
        let wire_cell = wire_sentence.map(|s| CellModel {
            sentences: vec![s],
            text: text(&wire, s),
            wording: CellWording::Representative,
        });
        let kestrel_cell = kestrel_sentence.map(|s| CellModel {
            sentences: vec![s],
            text: text(&kestrel, s),
            wording: if wire_sentence == Some(2) {
                CellWording::Same
            } else {
                CellWording::Different
            },
        });
        let representative = wire_cell
            .as_ref()
            .or(kestrel_cell.as_ref())
            .map(|cell| cell.text.clone())
            .unwrap_or_default();
        ClaimModel {
            text: representative,
            carried_by: usize::from(wire_cell.is_some()) + usize::from(kestrel_cell.is_some()),
            cells: vec![wire_cell, kestrel_cell],
        }
    };
    let coverage = CoverageModel {
        claims: vec![
            claim(Some(0), Some(0)),
            claim(Some(1), Some(2)),
            claim(Some(2), Some(3)),
            claim(Some(3), Some(1)),
            claim(Some(4), None),
            claim(None, Some(4)),
        ],
    };
    let links = NeighbourLinks {
        left: 0,
        links: vec![
            LinkModel {
                a: vec![0],
                b: vec![0],
                class: Changed,
                similarity: 0.6,
                pinned: false,
                ops: vec![
                    op(InlineOpKind::Replace, "Rebels", "الإرهابيون"),
                    op(
                        InlineOpKind::Equal,
                        " took control of Dravik on Monday.",
                        " سيطروا على درافيك يوم الاثنين.",
                    ),
                ],
            },
            LinkModel {
                a: vec![3],
                b: vec![1],
                class: Moved,
                similarity: 0.9,
                pinned: true,
                ops: vec![op(
                    InlineOpKind::Equal,
                    "The government called an emergency session.",
                    "دعت الحكومة إلى جلسة طارئة.",
                )],
            },
        ],
    };
    let inline = vec![
        InlineRow::Linked {
            a: vec![0],
            b: vec![0],
            class: Changed,
            ops: links.links[0].ops.clone(),
        },
        InlineRow::Linked {
            a: vec![3],
            b: vec![1],
            class: Moved,
            ops: links.links[1].ops.clone(),
        },
        InlineRow::OnlyA {
            sentence: 4,
            text: text(&wire, 4),
        },
        InlineRow::OnlyB {
            sentence: 4,
            text: text(&kestrel, 4),
        },
    ];
    let quotes = vec![QuoteGroupModel {
        speaker: Some("Halina Orsk".to_string()),
        quotes: vec![
            QuoteModel {
                pane: 0,
                sentence: 4,
                text: "We will not negotiate with people who hold our towns at gunpoint".into(),
                speaker: Some("Halina Orsk".into()),
            },
            QuoteModel {
                pane: 1,
                sentence: 4,
                text: "لن نتفاوض مع من يحتجزون مدننا تحت تهديد السلاح".into(),
                speaker: None,
            },
        ],
        worded_differently: true,
        variants: vec![QuoteVariantModel {
            from: 0,
            to: 1,
            translated: false,
            ops: vec![
                op(
                    InlineOpKind::Equal,
                    "We will not negotiate with ",
                    "We will not negotiate with ",
                ),
                op(InlineOpKind::Replace, "people", "those"),
                op(
                    InlineOpKind::Equal,
                    " who hold our towns",
                    " who hold our towns",
                ),
                op(InlineOpKind::Delete, " at gunpoint", ""),
            ],
        }],
    }];
    let terms = TermsModel {
        distanced: Vec::new(),
        panes: vec![
            vec![TermModel {
                text: "rebels".into(),
                count: 3,
                count_elsewhere: 0,
                z: 2.4,
                sentence: 0,
            }],
            vec![TermModel {
                text: "الإرهابيون".into(),
                count: 2,
                count_elsewhere: 0,
                z: 2.1,
                sentence: 0,
            }],
        ],
        substitutions: vec![SubstitutionModel {
            words: ["Rebels".into(), "الإرهابيون".into()],
            count: 1,
            sites: vec![SubstitutionSiteModel {
                pane_a: 0,
                sentence_a: 0,
                word_a: "Rebels".into(),
                context_a: wire[0].parts.clone(),
                pane_b: 1,
                sentence_b: 0,
                word_b: "الإرهابيون".into(),
                context_b: kestrel[0].parts.clone(),
            }],
        }],
    };
    let facts = vec![FactModel {
        kind: FactKind::Number,
        pane_a: 0,
        sentence_a: 1,
        value_a: "4200".into(),
        context_a: wire[1].parts.clone(),
        pane_b: 1,
        sentence_b: 2,
        value_b: "4000".into(),
        context_b: kestrel[2].parts.clone(),
    }];
    let panes = vec![
        PaneModel {
            pane: 0,
            title: "Rebels seize Dravik as thousands flee eastern Varnia".into(),
            outlet: Some("Northgate Wire".into()),
            published_at: Some("2024-12-02".into()),
            lang: Some("en".into()),
            rtl: false,
            reference: Some(1),
            stats: stats(&wire, 52),
            sentences: wire,
        },
        PaneModel {
            pane: 1,
            title: "الإرهابيون يسيطرون على درافيك".into(),
            outlet: Some("Radio Kestrel".into()),
            published_at: Some("2024-12-03".into()),
            lang: Some("ar".into()),
            rtl: true,
            reference: Some(0),
            stats: stats(&kestrel, 41),
            sentences: kestrel,
        },
    ];
    SessionModel {
        schema: SESSION_SCHEMA.to_string(),
        panes,
        links: vec![links],
        inline: Some(inline),
        coverage,
        quotes,
        terms,
        facts,
        copy_families: Vec::new(),
        versions: None,
        semantic: false,
        warnings: vec!["Radio Kestrel was cut to 5 sentences for size".into()],
    }
}

/// A note on each pane, on words of one of its sentences in [`two_pane_model`].
pub(crate) fn notes() -> Vec<crate::export::ExportNote> {
    let model = two_pane_model();
    let note = |pane: usize, quote: &str, text: &str, created_at: &str| {
        let (start, end) = model.panes[pane]
            .sentences
            .iter()
            .find_map(|sentence| {
                let whole: String = sentence.parts.iter().map(|p| p.text.as_str()).collect();
                let at = whole.find(quote)?;
                Some((sentence.start + at, sentence.start + at + quote.len()))
            })
            .expect("the quote is in the pane");
        crate::export::ExportNote {
            pane,
            start,
            end,
            quote: quote.into(),
            note: text.into(),
            created_at: created_at.into(),
        }
    };
    vec![
        note(
            0,
            "About 4,200 people fled",
            "Check the Regional Humanitarian Office's figure",
            "2024-12-04T09:15:00Z",
        ),
        note(
            1,
            "الإرهابيون",
            "Kestrel calls them terrorists",
            "2024-12-04T09:20:00Z",
        ),
    ]
}
