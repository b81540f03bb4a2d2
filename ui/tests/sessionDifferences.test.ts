// Next/previous difference stops and the "differences only" folds.

import { describe, expect, it } from "vitest";
import type { SentenceClass } from "../src/lib/bindings/SentenceClass";
import { blocksBefore, foldHolding, foldLabel, paneBlocks } from "../src/lib/session/collapse";
import { differenceRuns, nextRun, previousRun } from "../src/lib/session/differences";
import { sentences } from "./sessionFixtures";

const classes: SentenceClass[] = ["identical", "changed", "unique", "identical", "identical", "moved", "identical"];

describe("difference runs", () => {
  const runs = differenceRuns(classes);

  it("groups consecutive non-identical sentences", () => {
    expect(runs).toEqual([
      { first: 1, last: 2 },
      { first: 5, last: 5 },
    ]);
  });

  it("has no stop in a pane without differences", () => {
    expect(differenceRuns(["identical", "identical"])).toEqual([]);
    expect(nextRun([], null)).toBeNull();
    expect(previousRun([], 3)).toBeNull();
  });

  it("steps forward past the run the position is in", () => {
    expect(nextRun(runs, null)).toEqual({ first: 1, last: 2 });
    expect(nextRun(runs, 0)).toEqual({ first: 1, last: 2 });
    expect(nextRun(runs, 1)).toEqual({ first: 5, last: 5 });
    expect(nextRun(runs, 2)).toEqual({ first: 5, last: 5 });
    expect(nextRun(runs, 5)).toBeNull();
  });

  it("steps back to the start of the current run, then to earlier runs", () => {
    expect(previousRun(runs, null)).toEqual({ first: 5, last: 5 });
    expect(previousRun(runs, 6)).toEqual({ first: 5, last: 5 });
    expect(previousRun(runs, 5)).toEqual({ first: 1, last: 2 });
    expect(previousRun(runs, 2)).toEqual({ first: 1, last: 2 });
    expect(previousRun(runs, 1)).toBeNull();
  });
});

describe("pane blocks", () => {
  const list = sentences([
    { paragraph: 0, class: "identical", text: "One." },
    { paragraph: 0, class: "identical", text: "Two." },
    { paragraph: 0, class: "changed", text: "Three." },
    { paragraph: 1, class: "identical", text: "Four." },
    { paragraph: 1, class: "unique", text: "Five." },
    { paragraph: 2, class: "identical", text: "Six." },
    { paragraph: 2, class: "identical", text: "Seven." },
    { paragraph: 3, class: "identical", text: "Eight." },
  ]);

  it("lists paragraphs of sentences when nothing is folded", () => {
    const blocks = paneBlocks(list, { differencesOnly: false });
    expect(blocks.map((block) => (block.kind === "paragraph" ? block.sentences : block.kind))).toEqual([
      [0, 1, 2],
      [3, 4],
      [5, 6],
      [7],
    ]);
  });

  it("folds runs of identical sentences across paragraphs, keeping lone ones", () => {
    const blocks = paneBlocks(list, { differencesOnly: true });
    expect(blocks).toEqual([
      { kind: "collapsed", key: "c0", first: 0, last: 1, count: 2 },
      { kind: "paragraph", key: "p2", paragraph: 0, sentences: [2] },
      { kind: "paragraph", key: "p3", paragraph: 1, sentences: [3, 4] },
      { kind: "collapsed", key: "c5", first: 5, last: 7, count: 3 },
    ]);
    expect(foldHolding(blocks, 6)).toBe(5);
    expect(foldHolding(blocks, 2)).toBeNull();
  });

  it("shows an expanded fold's sentences again", () => {
    const blocks = paneBlocks(list, { differencesOnly: true, expanded: new Set([5]) });
    expect(blocks.filter((block) => block.kind === "collapsed")).toHaveLength(1);
    expect(blocks.at(-1)).toEqual({ kind: "paragraph", key: "p7", paragraph: 3, sentences: [7] });
  });

  it("renders a long pane in chunks, cutting the paragraph the limit falls in", () => {
    const blocks = paneBlocks(list, { differencesOnly: false });
    expect(blocksBefore(blocks, 4)).toEqual([
      { kind: "paragraph", key: "p0", paragraph: 0, sentences: [0, 1, 2] },
      { kind: "paragraph", key: "p3", paragraph: 1, sentences: [3] },
    ]);
    expect(blocksBefore(blocks, 100)).toEqual(blocks);
    const folded = paneBlocks(list, { differencesOnly: true });
    expect(blocksBefore(folded, 1)).toEqual([{ kind: "collapsed", key: "c0", first: 0, last: 1, count: 2 }]);
  });

  it("labels folds in words", () => {
    expect(foldLabel(1)).toBe("1 identical sentence");
    expect(foldLabel(12)).toBe("12 identical sentences");
  });
});
