// Hand-made session views matching the generated bindings, for the comparison screen's tests: a
// three-report session of an invented event (fictional outlets), a two-report one with inline rows,
// and a generator of large sessions for the size test. Texts are invented; no real article.

import type { Counterpart } from "../src/lib/bindings/Counterpart";
import type { InlineOp } from "../src/lib/bindings/InlineOp";
import type { InlineRow } from "../src/lib/bindings/InlineRow";
import type { LinkModel } from "../src/lib/bindings/LinkModel";
import type { MarkedPart } from "../src/lib/bindings/MarkedPart";
import type { PaneModel } from "../src/lib/bindings/PaneModel";
import type { SentenceClass } from "../src/lib/bindings/SentenceClass";
import type { SentenceModel } from "../src/lib/bindings/SentenceModel";
import type { SessionOptions } from "../src/lib/bindings/SessionOptions";
import type { SessionView } from "../src/lib/bindings/SessionView";

const utf8 = new TextEncoder();

/** A sentence as written in a fixture: its paragraph, class, text parts and counterparts. */
export type SentenceSpec = {
  paragraph: number;
  class: SentenceClass;
  /** Plain text, or parts with `[text, differs]`. */
  text: string | [string, boolean][];
  counterparts?: Counterpart[];
  /** Panes that carry the sentence near-verbatim (shared copy). */
  copyIn?: number[];
};

/** Builds a pane's sentences with byte offsets as a body "s1 s2\n\ns3" would give them. */
export function sentences(specs: SentenceSpec[]): SentenceModel[] {
  let offset = 0;
  let previousParagraph = -1;
  return specs.map((spec, index) => {
    const parts: MarkedPart[] =
      typeof spec.text === "string"
        ? [{ text: spec.text, mark: "same" }]
        : spec.text.map(([text, differs]) => ({ text, mark: differs ? "differs" : "same" }));
    const text = parts.map((part) => part.text).join("");
    if (index > 0) offset += spec.paragraph === previousParagraph ? 1 : 2;
    previousParagraph = spec.paragraph;
    const start = offset;
    offset += utf8.encode(text).length;
    const counterparts = spec.counterparts ?? [];
    return {
      index,
      paragraph: spec.paragraph,
      start,
      end: offset,
      class: spec.class,
      parts,
      reworded: false,
      allWords: null,
      counterparts,
      foundIn: counterparts.length,
      copyIn: spec.copyIn ?? [],
    };
  });
}

/** A pane with its stats counted from its sentences. */
export function pane(index: number, fields: Partial<PaneModel> & { title: string }, list: SentenceModel[]): PaneModel {
  const count = (cls: SentenceClass) => list.filter((sentence) => sentence.class === cls).length;
  const shared = list.filter((sentence) => sentence.foundIn > 0).length;
  const words = list.reduce((sum, s) => sum + s.parts.map((p) => p.text).join("").split(/\s+/).filter(Boolean).length, 0);
  return {
    pane: index,
    outlet: null,
    publishedAt: null,
    lang: "en",
    rtl: false,
    reference: null,
    sentences: list,
    stats: {
      sentences: list.length,
      words,
      shared,
      sharedShare: list.length === 0 ? 0 : shared / list.length,
      unique: list.length - shared,
      identical: count("identical"),
      changed: count("changed"),
      moved: count("moved"),
      translated: count("translated"),
      copy: list.filter((sentence) => sentence.copyIn.length > 0).length,
      copyShare: list.length === 0 ? 0 : list.filter((sentence) => sentence.copyIn.length > 0).length / list.length,
    },
    ...fields,
  };
}

export const DEFAULT_OPTIONS: SessionOptions = {
  ignoreCase: false,
  ignorePunctuation: false,
  ignoreWhitespace: true,
  threshold: 0.5,
  matchBy: "meaning",
  links: [],
  layout: "sideBySide",
  syncScroll: true,
  differencesOnly: false,
  baseArticle: null,
  allWords: false,
};

function link(a: number[], b: number[], cls: SentenceClass, ops: InlineOp[] = [], pinned = false): LinkModel {
  return { a, b, class: cls, similarity: cls === "identical" ? 1 : 0.7, pinned, ops };
}

const eq = (text: string): InlineOp => ({ kind: "equal", a: text, b: text });

/**
 * Three fictional reports of the Port Maren march: pane 0 and 1 differ in one word ("protesters" /
 * "demonstrators") and each has a sentence of its own; pane 2 tells the story in another order.
 */
export function threePaneView(): SessionView {
  const herald = sentences([
    {
      paragraph: 0,
      class: "changed",
      text: [["Police and ", false], ["protesters", true], [" clashed in Port Maren on Saturday.", false]],
      counterparts: [{ pane: 1, sentences: [0] }, { pane: 2, sentences: [1] }],
    },
    {
      paragraph: 0,
      class: "identical",
      text: "About 2,000 people marched against water prices.",
      counterparts: [{ pane: 1, sentences: [1] }, { pane: 2, sentences: [2] }],
    },
    {
      paragraph: 1,
      class: "identical",
      text: "The mayor called for calm.",
      counterparts: [{ pane: 1, sentences: [2] }, { pane: 2, sentences: [0] }],
    },
    { paragraph: 1, class: "unique", text: "Three officers were injured near the café on Quay Street." },
  ]);
  const wire = sentences([
    {
      paragraph: 0,
      class: "changed",
      text: [["Police and ", false], ["demonstrators", true], [" clashed in Port Maren on Saturday.", false]],
      counterparts: [{ pane: 0, sentences: [0] }, { pane: 2, sentences: [1] }],
    },
    {
      paragraph: 0,
      class: "identical",
      text: "About 2,000 people marched against water prices.",
      counterparts: [{ pane: 0, sentences: [1] }, { pane: 2, sentences: [2] }],
    },
    {
      paragraph: 0,
      class: "identical",
      text: "The mayor called for calm.",
      counterparts: [{ pane: 0, sentences: [2] }, { pane: 2, sentences: [0] }],
    },
    { paragraph: 1, class: "unique", text: "Water prices rose by 40 percent this year." },
  ]);
  const harbour = sentences([
    {
      paragraph: 0,
      class: "moved",
      text: "The mayor called for calm.",
      counterparts: [{ pane: 0, sentences: [2] }, { pane: 1, sentences: [2] }],
    },
    {
      paragraph: 0,
      class: "identical",
      text: "Police and demonstrators clashed in Port Maren on Saturday.",
      counterparts: [{ pane: 0, sentences: [0] }, { pane: 1, sentences: [0] }],
    },
    {
      paragraph: 1,
      class: "changed",
      text: [["Some", true], [" 2,000 people marched against ", false], ["the ", true], ["water prices.", false]],
      counterparts: [{ pane: 0, sentences: [1] }, { pane: 1, sentences: [1] }],
    },
  ]);
  const panes = [
    pane(0, { title: "Police and protesters clash in Port Maren", outlet: "The Meridian Herald", publishedAt: "2026-03-14", reference: 1 }, herald),
    pane(1, { title: "Clashes at Port Maren water march", outlet: "Coastal Wire", publishedAt: "2026-03-14T18:05:00Z", reference: 0 }, wire),
    pane(2, { title: "Mayor calls for calm after march", outlet: "Harbour Daily", publishedAt: null, reference: 1 }, harbour),
  ];
  return {
    session: {
      id: 7,
      name: "Port Maren march (fictional)",
      eventId: 100,
      mode: "compare",
      articleIds: [11, 12, 13],
      createdAt: "2026-03-20T10:00:00Z",
      updatedAt: "2026-03-20T10:00:00Z",
      openedAt: "2026-03-20T10:05:00Z",
    },
    articles: panes.map((p, i) => ({
      id: 11 + i,
      title: p.title,
      outlet: p.outlet,
      publishedAt: p.publishedAt,
      wordCount: p.stats.words,
    })),
    options: { ...DEFAULT_OPTIONS },
    model: {
      schema: "parallax.session/1",
      panes,
      links: [
        {
          left: 0,
          links: [
            link([0], [0], "changed", [
              eq("Police and "),
              { kind: "replace", a: "protesters", b: "demonstrators" },
              eq(" clashed in Port Maren on Saturday."),
            ]),
            link([1], [1], "identical"),
            link([2], [2], "identical"),
          ],
        },
        {
          left: 1,
          links: [link([2], [0], "moved"), link([0], [1], "identical"), link([1], [2], "changed", [], true)],
        },
      ],
      inline: null,
      coverage: {
        claims: [
          {
            text: "Police and protesters clashed in Port Maren on Saturday.",
            cells: [
              { sentences: [0], text: "Police and protesters clashed in Port Maren on Saturday.", wording: "representative" },
              { sentences: [0], text: "Police and demonstrators clashed in Port Maren on Saturday.", wording: "different" },
              { sentences: [1], text: "Police and demonstrators clashed in Port Maren on Saturday.", wording: "different" },
            ],
            carriedBy: 3,
          },
          {
            text: "Three officers were injured near the café on Quay Street.",
            cells: [
              { sentences: [3], text: "Three officers were injured near the café on Quay Street.", wording: "representative" },
              null,
              null,
            ],
            carriedBy: 1,
          },
        ],
      },
      quotes: [],
      terms: { panes: [[], [], []], substitutions: [], distanced: [[], [], []] },
      facts: [],
      copyFamilies: [],
      versions: null,
      semantic: true,
      warnings: [],
    },
    notes: [
      {
        id: 1,
        articleId: 12,
        start: 0,
        end: 6,
        quote: "Police",
        note: "Check who the wire quotes",
        createdAt: "2026-03-20T10:06:00Z",
        author: "Ana",
        version: 3,
      },
    ],
    analysisMs: 12,
  };
}

/** Two reports with inline rows, and pane 1 in Arabic-script (right to left). */
export function twoPaneView(): SessionView {
  const view = threePaneView();
  const [a, b] = view.model.panes;
  if (!a || !b) throw new Error("fixture panes missing");
  const inline: InlineRow[] = [
    {
      kind: "linked",
      a: [0],
      b: [0],
      class: "changed",
      ops: [
        eq("Police and "),
        { kind: "replace", a: "protesters", b: "demonstrators" },
        eq(" clashed in Port Maren on Saturday."),
      ],
    },
    { kind: "linked", a: [1], b: [1], class: "identical", ops: [eq("About 2,000 people marched against water prices.")] },
    { kind: "linked", a: [2], b: [2], class: "identical", ops: [eq("The mayor called for calm.")] },
    { kind: "onlyB", sentence: 3, text: "Water prices rose by 40 percent this year." },
    { kind: "onlyA", sentence: 3, text: "Three officers were injured near the café on Quay Street." },
  ];
  const strip = (p: PaneModel): PaneModel => ({
    ...p,
    sentences: p.sentences.map((s) => ({ ...s, counterparts: s.counterparts.filter((c) => c.pane < 2) })),
  });
  return {
    ...view,
    session: { ...view.session, articleIds: [11, 12] },
    articles: view.articles.slice(0, 2),
    model: {
      ...view.model,
      panes: [strip(a), strip(b)],
      links: view.model.links.slice(0, 1),
      inline,
      coverage: { claims: view.model.coverage.claims.map((c) => ({ ...c, cells: c.cells.slice(0, 2) })) },
      terms: { panes: [[], []], substitutions: [], distanced: [[], []] },
    },
  };
}

/**
 * A large session: `paneCount` reports of `perPane` sentences in paragraphs of five, every third
 * sentence changed, every seventh unique, the rest identical and linked one to one with neighbours.
 */
export function generatedView(paneCount: number, perPane: number): SessionView {
  const base = threePaneView();
  const panes: PaneModel[] = [];
  for (let p = 0; p < paneCount; p += 1) {
    const specs: SentenceSpec[] = [];
    for (let i = 0; i < perPane; i += 1) {
      const unique = i % 7 === 6;
      const changed = !unique && i % 3 === 0;
      const counterparts: Counterpart[] = unique
        ? []
        : Array.from({ length: paneCount }, (_, other) => other)
            .filter((other) => other !== p)
            .map((other) => ({ pane: other, sentences: [i] }));
      specs.push({
        paragraph: Math.floor(i / 5),
        class: unique ? "unique" : changed ? "changed" : "identical",
        text: changed
          ? [[`Sentence ${i} of the report says the council met `, false], [`outlet ${p} wording`, true], [" today.", false]]
          : `Sentence ${i} of the report says the council met and voted on the harbour budget${unique ? ` (only report ${p})` : ""}.`,
        counterparts,
      });
    }
    panes.push(pane(p, { title: `Generated report ${p + 1}`, outlet: `Outlet ${p + 1}`, reference: p === 0 ? 1 : p - 1 }, sentences(specs)));
  }
  const links = panes.slice(0, -1).map((left, at) => ({
    left: at,
    links: left.sentences
      .filter((s) => s.class !== "unique")
      .map((s) => link([s.index], [s.index], s.class === "changed" ? "changed" : "identical")),
  }));
  return {
    ...base,
    session: { ...base.session, articleIds: panes.map((_, i) => 100 + i) },
    articles: panes.map((p, i) => ({ id: 100 + i, title: p.title, outlet: p.outlet, publishedAt: null, wordCount: p.stats.words })),
    model: {
      ...base.model,
      panes,
      links,
      inline: null,
      coverage: { claims: [] },
      terms: { panes: panes.map(() => []), substitutions: [], distanced: panes.map(() => []) },
    },
    notes: [],
  };
}
