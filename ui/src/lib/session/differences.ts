// Navigation stops of "next / previous difference": runs of non-identical sentences of one pane, in
// reading order, and the run after or before a position.

import type { SentenceClass } from "../bindings/SentenceClass";

/** Consecutive sentences (inclusive indices) that are all changed, moved or unique. */
export type Run = { first: number; last: number };

/** The runs of non-identical sentences, in reading order. */
export function differenceRuns(classes: readonly SentenceClass[]): Run[] {
  const runs: Run[] = [];
  let open: Run | null = null;
  classes.forEach((cls, index) => {
    if (cls === "identical") {
      open = null;
    } else if (open) {
      open.last = index;
    } else {
      open = { first: index, last: index };
      runs.push(open);
    }
  });
  return runs;
}

/** The first run starting after `position` (a sentence index; `null` = before the start). */
export function nextRun(runs: readonly Run[], position: number | null): Run | null {
  if (position === null) return runs[0] ?? null;
  return runs.find((run) => run.first > position) ?? null;
}

/**
 * The run before `position`: the start of the run `position` is inside (when not at its start),
 * else the last run starting before it; `null` = from the end.
 */
export function previousRun(runs: readonly Run[], position: number | null): Run | null {
  if (position === null) return runs[runs.length - 1] ?? null;
  let found: Run | null = null;
  for (const run of runs) {
    if (run.first < position) found = run;
    else break;
  }
  return found;
}
