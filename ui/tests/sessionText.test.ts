// Find in session, note offsets from a DOM selection, and the overview bar's markers.

import { describe, expect, it } from "vitest";
import { findMatches, highlightParts, matchLabel, sentenceText, stepMatch } from "../src/lib/session/find";
import { byteLength, noteSpan, overlaps, sentenceSpan } from "../src/lib/session/noteOffsets";
import { bucketMarkers, overviewMarkers, sentenceAtFraction, spanFraction } from "../src/lib/session/overview";
import { sentences, threePaneView } from "./sessionFixtures";

describe("find in session", () => {
  const panes = threePaneView().model.panes;

  it("finds sentences in every pane, ignoring case, pane by pane", () => {
    expect(findMatches(panes, "MAYOR")).toEqual([
      { pane: 0, sentence: 2 },
      { pane: 1, sentence: 2 },
      { pane: 2, sentence: 0 },
    ]);
    expect(findMatches(panes, "demonstrators clashed")).toEqual([
      { pane: 1, sentence: 0 },
      { pane: 2, sentence: 1 },
    ]);
    expect(findMatches(panes, "   ")).toEqual([]);
  });

  it("matches across the marked parts of a sentence", () => {
    expect(sentenceText(panes[0]!.sentences[0]!)).toBe("Police and protesters clashed in Port Maren on Saturday.");
    expect(findMatches(panes, "and protesters clashed")).toEqual([{ pane: 0, sentence: 0 }]);
  });

  it("steps through matches and wraps around", () => {
    expect(stepMatch(3, -1, 1)).toBe(0);
    expect(stepMatch(3, -1, -1)).toBe(2);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });

  it("cuts the marked parts where the query occurs", () => {
    const parts = panes[0]!.sentences[0]!.parts;
    expect(highlightParts(parts, "AND PROTEST")).toEqual([
      { text: "Police ", differs: false, hit: false },
      { text: "and ", differs: false, hit: true },
      { text: "protest", differs: true, hit: true },
      { text: "ers", differs: true, hit: false },
      { text: " clashed in Port Maren on Saturday.", differs: false, hit: false },
    ]);
    const twice = highlightParts([{ text: "Aa aA", mark: "same" }], "a");
    expect(twice.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual(["A", "a", "a", "A"]);
    expect(highlightParts(parts, " ")).toEqual(parts.map((p) => ({ text: p.text, differs: p.mark === "differs", hit: false })));
    expect(highlightParts(parts, "absent").every((segment) => !segment.hit)).toBe(true);
  });

  it("says where the user is", () => {
    expect(matchLabel(12, 2, "x")).toBe("3 of 12");
    expect(matchLabel(0, -1, "x")).toBe("No matches");
    expect(matchLabel(1, -1, "x")).toBe("1 match");
    expect(matchLabel(0, -1, "")).toBe("");
  });
});

describe("note offsets", () => {
  /** A sentence element as SentenceView renders it: parts as spans of text. */
  function sentenceElement(parts: string[]): HTMLElement {
    const root = document.createElement("span");
    for (const text of parts) {
      const part = document.createElement("span");
      part.textContent = text;
      root.append(part);
    }
    document.body.append(root);
    return root;
  }

  function select(node: Node, start: number, endNode: Node, end: number): Range {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(endNode, end);
    return range;
  }

  it("counts bytes, not UTF-16 units, before and inside the selection", () => {
    expect(byteLength("café")).toBe(5);
    const root = sentenceElement(["Near the café ", "on Quay Street."]);
    const [first, second] = [...root.children].map((child) => child.firstChild!);
    // Selects "on Quay" in the second part: 14 characters (15 bytes) precede it.
    expect(noteSpan(select(second!, 0, second!, 7), root, 100)).toEqual({ start: 115, end: 122, quote: "on Quay" });
    // From "café" in the first part to "on" in the second, spaces trimmed.
    expect(noteSpan(select(first!, 9, second!, 2), root, 100)).toEqual({ start: 109, end: 117, quote: "café on" });
  });

  it("clips a selection running past the sentence and refuses one outside it", () => {
    const root = sentenceElement(["Three officers."]);
    const outside = sentenceElement(["Elsewhere."]);
    const text = root.firstChild!.firstChild!;
    expect(noteSpan(select(text, 6, outside.firstChild!.firstChild!, 4), root, 0)).toEqual({
      start: 6,
      end: 15,
      quote: "officers.",
    });
    expect(noteSpan(select(outside.firstChild!.firstChild!, 0, outside.firstChild!.firstChild!, 4), root, 0)).toBeNull();
    expect(noteSpan(select(text, 5, text, 6), root, 0)).toBeNull();
  });

  it("takes a whole sentence and tells which sentences a note touches", () => {
    expect(sentenceSpan("Grüße.", 10)).toEqual({ start: 10, end: 18, quote: "Grüße." });
    expect(overlaps({ start: 5, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 5, end: 11 }, { start: 10, end: 20 })).toBe(true);
  });
});

describe("overview markers", () => {
  const list = sentences([
    { paragraph: 0, class: "identical", text: "x".repeat(100) },
    { paragraph: 0, class: "changed", text: "x".repeat(100) },
    { paragraph: 0, class: "changed", text: "x".repeat(100) },
    { paragraph: 0, class: "unique", text: "x".repeat(200) },
  ]);

  it("places merged markers by text length, skipping identical sentences", () => {
    expect(overviewMarkers(list)).toEqual([
      { class: "changed", first: 1, last: 2, top: 0.2, height: 0.4 },
      { class: "unique", first: 3, last: 3, top: 0.6, height: 0.4 },
    ]);
    expect(overviewMarkers([])).toEqual([]);
  });

  it("merges markers that share a slot of the bar, showing the class that matters most", () => {
    const markers = overviewMarkers(list);
    expect(bucketMarkers(markers, 100)).toEqual(markers);
    // Two slots: the changed stretch (0.2–0.6) and the unique one (0.6–1) overlap slot 1.
    expect(bucketMarkers(markers, 2)).toEqual([{ class: "unique", first: 1, last: 3, top: 0.2, height: 0.8 }]);
    expect(bucketMarkers([], 10)).toEqual([]);
  });

  it("places the stretch on screen on the same scale", () => {
    expect(spanFraction(list, 1, 2)).toEqual({ top: 0.2, height: 0.4 });
    expect(spanFraction(list, 0, 3)).toEqual({ top: 0, height: 1 });
    expect(spanFraction(list, 3, 1)).toEqual({ top: 0, height: 0 });
  });

  it("finds the sentence under a click", () => {
    expect(sentenceAtFraction(list, 0)).toBe(0);
    expect(sentenceAtFraction(list, 0.3)).toBe(1);
    expect(sentenceAtFraction(list, 0.99)).toBe(3);
    expect(sentenceAtFraction(list, 1)).toBe(3);
    expect(sentenceAtFraction([], 0.5)).toBeNull();
  });
});
