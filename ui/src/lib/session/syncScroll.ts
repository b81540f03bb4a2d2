// Synchronized scrolling by alignment: the sentence at a probe line of one pane is matched to its
// counterpart in another, keeping the offset within the sentence; between matched sentences the
// position is interpolated, so unique stretches scroll past while the other pane waits.

import type { SentenceModel } from "../bindings/SentenceModel";

/** Where a rendered sentence sits in its pane's scrolled content (px); `null` when not rendered. */
export type Box = { top: number; height: number } | null;

/**
 * For each sentence of a pane, the sentence of `target` it anchors to, or `null`: its first
 * counterpart there, skipping moved sentences and any anchor that would run backwards (so the
 * mapping stays monotone and scrolling never jumps back and forth).
 */
export function anchors(list: readonly SentenceModel[], target: number): (number | null)[] {
  let highest = -1;
  return list.map((sentence) => {
    if (sentence.class === "moved") return null;
    const counterpart = sentence.counterparts.find((c) => c.pane === target)?.sentences[0];
    if (counterpart === undefined || counterpart <= highest) return null;
    highest = counterpart;
    return counterpart;
  });
}

/** The index of the last rendered box whose top is at or above `y` (-1 when none). */
export function boxAt(boxes: readonly Box[], y: number): number {
  let found = -1;
  let low = 0;
  let high = boxes.length - 1;
  // Boxes are in reading order but some are null (folded): binary search on the rendered ones.
  while (low <= high) {
    const middle = (low + high) >> 1;
    let probe = middle;
    while (probe >= low && boxes[probe] === null) probe -= 1;
    if (probe < low) {
      low = middle + 1;
      continue;
    }
    const box = boxes[probe];
    if (box && box.top <= y) {
      found = probe;
      low = middle + 1;
    } else {
      high = probe - 1;
    }
  }
  return found;
}

const bottom = (box: { top: number; height: number }) => box.top + box.height;

/**
 * The y of the target pane's content that corresponds to `y` in the source pane's content, or
 * `null` when the two panes share no rendered anchor.
 */
export function mapPosition(y: number, source: readonly Box[], anchorOf: readonly (number | null)[], target: readonly Box[]): number | null {
  const at = boxAt(source, y);
  const pair = (index: number) => {
    const to = anchorOf[index];
    const from = source[index];
    const box = to === null || to === undefined ? null : target[to];
    return from && box ? { from, to: box } : null;
  };
  const here = at >= 0 ? pair(at) : null;
  if (here && y < bottom(here.from)) {
    const share = here.from.height > 0 ? (y - here.from.top) / here.from.height : 0;
    return here.to.top + share * here.to.height;
  }
  let before = null;
  for (let index = at; index >= 0 && !before; index -= 1) before = pair(index);
  let after = null;
  for (let index = at + 1; index < source.length && !after; index += 1) after = pair(index);
  if (before && after) {
    const fromStart = bottom(before.from);
    const fromSpan = after.from.top - fromStart;
    const toStart = bottom(before.to);
    const toSpan = after.to.top - toStart;
    const share = fromSpan > 0 ? (y - fromStart) / fromSpan : 0;
    return toStart + Math.min(1, Math.max(0, share)) * Math.max(0, toSpan);
  }
  if (before) return bottom(before.to) + (y - bottom(before.from));
  if (after) return after.to.top - (after.from.top - y);
  return null;
}
