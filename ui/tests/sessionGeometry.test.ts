// Scroll synchronization by alignment and the connector bands drawn from sentence geometry.

import { describe, expect, it } from "vitest";
import type { LinkModel } from "../src/lib/bindings/LinkModel";
import { BAND_OVERHANG, bandPath, clamp, spanOf, visibleConnectors } from "../src/lib/session/connectors";
import { anchors, boxAt, mapPosition, type Box } from "../src/lib/session/syncScroll";
import { sentences, threePaneView } from "./sessionFixtures";

/** Boxes stacked from y = 0 with the given heights. */
function stack(heights: (number | null)[]): Box[] {
  let top = 0;
  return heights.map((height) => {
    if (height === null) return null;
    const box = { top, height };
    top += height;
    return box;
  });
}

describe("anchors", () => {
  it("skips moved sentences and counterparts that would run backwards", () => {
    const list = sentences([
      { paragraph: 0, class: "identical", text: "A.", counterparts: [{ pane: 1, sentences: [0] }] },
      { paragraph: 0, class: "moved", text: "B.", counterparts: [{ pane: 1, sentences: [5] }] },
      { paragraph: 0, class: "changed", text: "C.", counterparts: [{ pane: 1, sentences: [2, 3] }] },
      { paragraph: 0, class: "identical", text: "D.", counterparts: [{ pane: 1, sentences: [1] }] },
      { paragraph: 0, class: "unique", text: "E." },
    ]);
    expect(anchors(list, 1)).toEqual([0, null, 2, null, null]);
    expect(anchors(list, 2)).toEqual([null, null, null, null, null]);
  });

  it("takes the fixture's pane 2 as running in another order", () => {
    const [herald] = threePaneView().model.panes;
    expect(anchors(herald?.sentences ?? [], 2)).toEqual([1, 2, null, null]);
  });
});

describe("the sentence at a height", () => {
  it("is the last rendered one starting at or above it", () => {
    const boxes = stack([20, null, null, 30, 10]);
    expect(boxAt(boxes, -1)).toBe(-1);
    expect(boxAt(boxes, 0)).toBe(0);
    expect(boxAt(boxes, 25)).toBe(3);
    expect(boxAt(boxes, 50)).toBe(4);
    expect(boxAt([], 5)).toBe(-1);
  });
});

describe("mapping a scroll position", () => {
  // Source: 4 sentences; target sentence heights differ (soft wrap) and it has an extra sentence.
  const source = stack([20, 40, 20, 20]);
  const target = stack([40, 40, 100, 20, 20]);
  const anchorOf = [0, 1, null, 4];

  it("keeps the offset within a matched sentence, scaled to the counterpart's height", () => {
    expect(mapPosition(10, source, anchorOf, target)).toBe(20);
    expect(mapPosition(40, source, anchorOf, target)).toBe(60);
  });

  it("interpolates between matched sentences across unmatched ones", () => {
    // Source gap: sentence 2 at 60–80; target gap: sentences 2 and 3 at 80–200.
    expect(mapPosition(65, source, anchorOf, target)).toBe(110);
    expect(mapPosition(70, source, anchorOf, target)).toBe(140);
    // Sentence 3 (80–100) is matched with target sentence 4 (200–220).
    expect(mapPosition(90, source, anchorOf, target)).toBe(210);
  });

  it("follows the last anchor past the end, and the first before the start", () => {
    expect(mapPosition(130, source, anchorOf, target)).toBe(250);
    const late = [null, 1, null, null];
    expect(mapPosition(5, source, late, target)).toBe(25);
  });

  it("ignores folded sentences and gives up when nothing is shared", () => {
    const folded = stack([20, null, null, 20]);
    expect(mapPosition(25, folded, [0, 1, null, 4], target)).toBe(target[4]!.top + 5);
    expect(mapPosition(10, source, [null, null, null, null], target)).toBeNull();
  });
});

describe("connectors", () => {
  it("draws a closed band with cubic curves from edge to edge", () => {
    expect(bandPath({ top: 0, bottom: 10 }, { top: 30, bottom: 45 }, 40)).toBe(
      "M0 0 C20 0 20 30 40 30 L40 45 C20 45 20 10 0 10 Z",
    );
  });

  it("spans several sentences and shifts by the scroll", () => {
    expect(spanOf([1, 2], stack([10, 10, 30]), 5)).toEqual({ top: 5, bottom: 45 });
    expect(spanOf([1], stack([10, null]), 0)).toBeNull();
  });

  it("keeps bands with an end in view and marks moved ones as crossing", () => {
    const links: LinkModel[] = [
      { a: [0], b: [0], class: "identical", similarity: 1, pinned: false, ops: [] },
      { a: [1], b: [3], class: "moved", similarity: 1, pinned: false, ops: [] },
      { a: [3], b: [2], class: "changed", similarity: 0.7, pinned: true, ops: [] },
    ];
    const boxes = stack([100, 100, 100, 100]);
    const drawn = visibleConnectors(links, { boxes, scrollTop: 150 }, { boxes, scrollTop: 150 }, 40, 100);
    expect(drawn.map((c) => [c.key, c.class, c.crossing, c.pinned])).toEqual([
      ["1", "moved", true, false],
      ["2", "changed", false, true],
    ]);
    expect(drawn[0]?.path.startsWith("M0 -50 ")).toBe(true);
  });

  it("cuts a band to a sentence far out of view to a gutter height beyond the edge", () => {
    const links: LinkModel[] = [{ a: [0], b: [2], class: "moved", similarity: 1, pinned: false, ops: [] }];
    const left = stack([100, 100, 100]);
    const right = stack([100, 100, 30_000]);
    const [band] = visibleConnectors(links, { boxes: left, scrollTop: 0 }, { boxes: right, scrollTop: 0 }, 40, 500);
    expect(band?.path).toBe(bandPath({ top: 0, bottom: 100 }, { top: 200, bottom: 500 + BAND_OVERHANG }, 40));
    expect(clamp({ top: -9_000, bottom: -8_000 }, 500)).toEqual({ top: -BAND_OVERHANG, bottom: -BAND_OVERHANG });
    expect(clamp({ top: 20, bottom: 480 }, 500)).toEqual({ top: 20, bottom: 480 });
  });

  it("draws in the gutter's coordinates: a band follows its sentences as the panes scroll", () => {
    const links: LinkModel[] = [{ a: [1], b: [1], class: "identical", similarity: 1, pinned: false, ops: [] }];
    const boxes = stack([100, 100, 100]);
    const at = (scrollTop: number) =>
      visibleConnectors(links, { boxes, scrollTop }, { boxes, scrollTop }, 40, 100)[0]?.path;
    expect(at(50)).toBe(bandPath({ top: 50, bottom: 150 }, { top: 50, bottom: 150 }, 40));
    expect(at(80)).toBe(bandPath({ top: 20, bottom: 120 }, { top: 20, bottom: 120 }, 40));
  });
});
