// The overview bar of a pane: where its differences are, as marker positions 0–1 along the pane
// (by text length, which tracks the scroll height), adjacent sentences of one class merged.

import type { SentenceClass } from "../bindings/SentenceClass";
import type { SentenceModel } from "../bindings/SentenceModel";
import { sentenceText } from "./find";

export type Marker = { class: SentenceClass; first: number; last: number; top: number; height: number };

function weights(list: readonly SentenceModel[]): number[] {
  // A sentence takes at least a line however short it is.
  return list.map((sentence) => Math.max(40, sentenceText(sentence).length));
}

/** Markers for the changed, moved and unique stretches of a pane. */
export function overviewMarkers(list: readonly SentenceModel[]): Marker[] {
  const sizes = weights(list);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total === 0) return [];
  const markers: Marker[] = [];
  let offset = 0;
  list.forEach((sentence, index) => {
    const size = sizes[index] ?? 0;
    if (sentence.class !== "identical") {
      const previous = markers[markers.length - 1];
      if (previous && previous.class === sentence.class && previous.last === index - 1) {
        previous.last = index;
        previous.height += size / total;
      } else {
        markers.push({ class: sentence.class, first: index, last: index, top: offset / total, height: size / total });
      }
    }
    offset += size;
  });
  return markers;
}

/** Which class a merged marker shows when a stretch mixes several: the rarest reading first. */
const PRIORITY: Record<SentenceClass, number> = {
  unique: 3,
  moved: 2,
  changed: 1,
  translated: 1,
  elsewhere: 1,
  identical: 0,
};

/**
 * The markers merged to at most `buckets` slots along the bar (a bar is a few hundred pixels
 * tall: finer markers could not be told apart, and thousands of them would slow the first paint).
 * Markers sharing a slot become one, shown with the class that matters most.
 */
export function bucketMarkers(markers: readonly Marker[], buckets: number): Marker[] {
  const out: Marker[] = [];
  let lastSlot = -1;
  for (const marker of markers) {
    // (A hair of tolerance: fractions summed from lengths are not exact.)
    const slot = Math.floor(marker.top * buckets + 1e-9);
    const previous = out[out.length - 1];
    if (previous && slot <= lastSlot) {
      previous.height = Math.max(previous.height, marker.top + marker.height - previous.top);
      previous.last = marker.last;
      if (PRIORITY[marker.class] > PRIORITY[previous.class]) previous.class = marker.class;
    } else {
      out.push({ ...marker });
    }
    lastSlot = Math.max(slot, Math.ceil((marker.top + marker.height) * buckets - 1e-9) - 1);
  }
  return out;
}

/** The sentence at `fraction` (0–1) of the pane, for a click on the bar. */
export function sentenceAtFraction(list: readonly SentenceModel[], fraction: number): number | null {
  if (list.length === 0) return null;
  const sizes = weights(list);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const goal = Math.min(1, Math.max(0, fraction)) * total;
  let offset = 0;
  for (let index = 0; index < sizes.length; index += 1) {
    offset += sizes[index] ?? 0;
    if (goal < offset) return index;
  }
  return list.length - 1;
}

/** Where sentences `first`–`last` sit along the bar (0–1), for the mark of what is on screen. */
export function spanFraction(list: readonly SentenceModel[], first: number, last: number): { top: number; height: number } {
  const sizes = weights(list);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total === 0 || first > last) return { top: 0, height: 0 };
  let before = 0;
  let inside = 0;
  sizes.forEach((size, index) => {
    if (index < first) before += size;
    else if (index <= last) inside += size;
  });
  return { top: before / total, height: inside / total };
}
