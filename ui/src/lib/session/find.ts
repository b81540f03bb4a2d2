// Find in session: the sentences of every pane whose text contains the query (case-insensitive),
// pane by pane in reading order, and stepping through them.

import type { PaneModel } from "../bindings/PaneModel";
import type { SentenceModel } from "../bindings/SentenceModel";

export type FindMatch = { pane: number; sentence: number };

/** A sentence's whole text (its parts joined). */
export function sentenceText(sentence: SentenceModel): string {
  return sentence.parts.map((part) => part.text).join("");
}

/** Every sentence containing `query`, ignoring case; none for a blank query. */
export function findMatches(panes: readonly PaneModel[], query: string): FindMatch[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === "") return [];
  const matches: FindMatch[] = [];
  for (const pane of panes) {
    for (const sentence of pane.sentences) {
      if (sentenceText(sentence).toLocaleLowerCase().includes(needle)) {
        matches.push({ pane: pane.pane, sentence: sentence.index });
      }
    }
  }
  return matches;
}

/** The index of the match `step` away from `current` (wrapping); `-1` when there is none. */
export function stepMatch(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

/** "3 of 12", "No matches", or "" for no query. */
export function matchLabel(count: number, current: number, query: string): string {
  if (query.trim() === "") return "";
  if (count === 0) return "No matches";
  return current < 0 ? `${count} ${count === 1 ? "match" : "matches"}` : `${current + 1} of ${count}`;
}
