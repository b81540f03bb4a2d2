// Meld-style connector bands between linked sentences of two neighbouring panes, as SVG path
// strings in the gutter's coordinates; only links with an end in view are drawn.

import type { LinkModel } from "../bindings/LinkModel";
import type { SentenceClass } from "../bindings/SentenceClass";
import type { Box } from "./syncScroll";

/** A vertical extent in the gutter (px from its top). */
export type Span = { top: number; bottom: number };

/** One band to draw. */
export type Connector = {
  key: string;
  path: string;
  class: SentenceClass;
  pinned: boolean;
  /** The link of a moved sentence: its band runs against the others' order and crosses them. */
  crossing: boolean;
  /** Sentences joined, for highlighting. */
  a: number[];
  b: number[];
};

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * A closed band from the left edge (x = 0) between `left.top`–`left.bottom` to the right edge
 * (x = width) between `right.top`–`right.bottom`, with cubic curves like Meld's.
 */
export function bandPath(left: Span, right: Span, width: number): string {
  const half = round(width / 2);
  const w = round(width);
  const [lt, lb, rt, rb] = [left.top, left.bottom, right.top, right.bottom].map(round);
  return (
    `M0 ${lt} C${half} ${lt} ${half} ${rt} ${w} ${rt} ` +
    `L${w} ${rb} C${half} ${rb} ${half} ${lb} 0 ${lb} Z`
  );
}

/** The extent covered by a set of sentences' boxes, shifted by the pane's scroll. */
export function spanOf(sentences: readonly number[], boxes: readonly Box[], scrollTop: number): Span | null {
  let top = Infinity;
  let bottom = -Infinity;
  for (const index of sentences) {
    const box = boxes[index];
    if (!box) continue;
    top = Math.min(top, box.top);
    bottom = Math.max(bottom, box.top + box.height);
  }
  if (top === Infinity) return null;
  return { top: top - scrollTop, bottom: bottom - scrollTop };
}

/** How far beyond the gutter's top and bottom a band's ends are drawn (px). */
export const BAND_OVERHANG = 60;

/**
 * A span cut to a little beyond the gutter's edges. A band to a sentence far out of view (a moved
 * sentence, or panes scrolled apart) leaves the gutter almost vertically either way, and WebKitGTK's
 * software rasterizer spent time in proportion to the whole band, dashed outline included: panes
 * scrolled out of sync took 55–85 ms a frame with bands tens of thousands of pixels tall.
 */
export function clamp(span: Span, height: number): Span {
  const cut = (y: number) => Math.min(height + BAND_OVERHANG, Math.max(-BAND_OVERHANG, y));
  return { top: cut(span.top), bottom: cut(span.bottom) };
}

/**
 * The bands of `links` with at least one end inside the gutter's `height` (a margin keeps bands
 * that enter from above or below); ends that are not rendered (folded) are skipped. Paths are in
 * the gutter's coordinates (0 at its top, as seen).
 */
export function visibleConnectors(
  links: readonly LinkModel[],
  left: { boxes: readonly Box[]; scrollTop: number },
  right: { boxes: readonly Box[]; scrollTop: number },
  width: number,
  height: number,
): Connector[] {
  const out: Connector[] = [];
  links.forEach((link, index) => {
    const a = spanOf(link.a, left.boxes, left.scrollTop);
    const b = spanOf(link.b, right.boxes, right.scrollTop);
    if (!a || !b) return;
    const above = a.bottom < 0 && b.bottom < 0;
    const below = a.top > height && b.top > height;
    if (above || below) return;
    out.push({
      key: `${index}`,
      path: bandPath(clamp(a, height), clamp(b, height), width),
      class: link.class,
      pinned: link.pinned,
      crossing: link.class === "moved",
      a: link.a,
      b: link.b,
    });
  });
  return out;
}
