// The views' fixtures: the fixtures' three fictional reports of the Port Maren march with quotes,
// terms, substitutions, facts and (for a versions session) revisions filled in by hand, as the engine
// would give them. Ops tile their texts, spaces included, as the engine's do. Invented texts only.

import type { InlineOp } from "../src/lib/bindings/InlineOp";
import type { MarkedPart } from "../src/lib/bindings/MarkedPart";
import type { SessionView } from "../src/lib/bindings/SessionView";
import { threePaneView } from "./sessionFixtures";

const same = (text: string): MarkedPart => ({ text, mark: "same" });
const differs = (text: string): MarkedPart => ({ text, mark: "differs" });
const eq = (text: string): InlineOp => ({ kind: "equal", a: text, b: text });

/** Three reports with a coverage matrix (from the fixtures) and every other view filled. */
export function richView(): SessionView {
  const view = threePaneView();
  view.model.quotes = [
    {
      speaker: "Mayor Ana Lund",
      quotes: [
        { pane: 0, sentence: 2, text: "We ask everyone to stay calm", speaker: "Mayor Ana Lund" },
        { pane: 1, sentence: 2, text: "We ask everyone to remain calm", speaker: "Ana Lund" },
        { pane: 2, sentence: 0, text: "We ask everyone to stay calm", speaker: null },
      ],
      wordedDifferently: true,
      variants: [
        {
          from: 0,
          to: 1,
          ops: [eq("We ask everyone to "), { kind: "replace", a: "stay", b: "remain" }, eq(" calm")],
          translated: false,
        },
      ],
    },
    {
      speaker: null,
      quotes: [
        { pane: 0, sentence: 1, text: "No more price rises", speaker: null },
        { pane: 1, sentence: 1, text: "No more price rises", speaker: null },
      ],
      wordedDifferently: false,
      variants: [],
    },
  ];
  view.model.terms = {
    panes: [
      [
        { text: "protesters", count: 3, countElsewhere: 0, z: 2.41, sentence: 0 },
        { text: "café", count: 1, countElsewhere: 0, z: 1.2, sentence: 3 },
      ],
      [{ text: "demonstrators", count: 2, countElsewhere: 1, z: 1.87, sentence: 0 }],
      [],
    ],
    distanced: [[], [{ text: "security operation", sentence: 2 }], []],
    substitutions: [
      {
        words: ["protesters", "demonstrators"],
        count: 2,
        sites: [
          {
            paneA: 0,
            sentenceA: 0,
            wordA: "protesters",
            contextA: [same("Police and "), differs("protesters"), same(" clashed in Port Maren on Saturday.")],
            paneB: 1,
            sentenceB: 0,
            wordB: "demonstrators",
            contextB: [same("Police and "), differs("demonstrators"), same(" clashed in Port Maren on Saturday.")],
          },
        ],
      },
    ],
  };
  view.model.facts = [
    {
      kind: "number",
      paneA: 0,
      sentenceA: 1,
      valueA: "2,000",
      contextA: [same("About "), differs("2,000"), same(" people marched against water prices.")],
      paneB: 2,
      sentenceB: 2,
      valueB: "3,000",
      contextB: [same("Some "), differs("3,000"), same(" people marched against the water prices.")],
    },
  ];
  return view;
}

/** A view with nothing in any view: no claims, quotes, terms, facts or versions. */
export function emptyView(): SessionView {
  const view = threePaneView();
  view.model.coverage = { claims: [] };
  view.model.quotes = [];
  view.model.terms = { panes: [[], [], []], substitutions: [], distanced: [[], [], []] };
  view.model.facts = [];
  view.model.versions = null;
  return view;
}

/** Three versions of one article: two revisions, the first with three changes ranked by substance. */
export function versionsView(): SessionView {
  const view = threePaneView();
  view.session.mode = "versions";
  view.articles = view.articles.map((article, index) => ({
    ...article,
    title: `Port Maren march, update ${index + 1}`,
    outlet: "The Meridian Herald",
    publishedAt: `2026-03-1${4 + index}`,
    wordCount: 300 + index * 20,
  }));
  view.model.versions = {
    revisions: [
      {
        oldPane: 0,
        newPane: 1,
        changes: [
          {
            kind: "edit",
            level: "sentence",
            oldText: "Police and protesters clashed.",
            newText: "Police and demonstrators clashed.",
            ops: [eq("Police and "), { kind: "replace", a: "protesters", b: "demonstrators" }, eq(" clashed.")],
            score: 30,
            reasons: ["wording"],
            oldSentence: 0,
            newSentence: 0,
          },
          {
            kind: "addition",
            level: "sentence",
            oldText: "",
            newText: "Water prices rose by 40 percent this year.",
            ops: [{ kind: "insert", a: "", b: "Water prices rose by 40 percent this year." }],
            score: 55,
            reasons: ["new sentence"],
            oldSentence: null,
            newSentence: 3,
          },
          {
            kind: "edit",
            level: "sentence",
            oldText: "Two officers were injured.",
            newText: "Three officers were injured.",
            ops: [{ kind: "replace", a: "Two", b: "Three" }, eq(" officers were injured.")],
            score: 90,
            reasons: ["number changed"],
            oldSentence: 3,
            newSentence: 2,
          },
        ],
        ranked: [2, 1, 0],
        additions: 1,
        deletions: 0,
        edits: 2,
        moves: 0,
      },
      {
        oldPane: 1,
        newPane: 2,
        changes: [
          {
            kind: "deletion",
            level: "paragraph",
            oldText: "The mayor called for calm.",
            newText: "",
            ops: [{ kind: "delete", a: "The mayor called for calm.", b: "" }],
            score: 40,
            reasons: ["sentence removed"],
            oldSentence: 2,
            newSentence: null,
          },
        ],
        ranked: [0],
        additions: 0,
        deletions: 1,
        edits: 0,
        moves: 0,
      },
    ],
  };
  return view;
}
