// Find in session: the sentences of every pane whose text contains the query (case-insensitive),
// pane by pane in reading order, and stepping through them.

import type { MarkedPart } from "../bindings/MarkedPart";
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

/** A run of a sentence's text: whether its words differ (from the model) and whether find hit it. */
export type Segment = { text: string; differs: boolean; hit: boolean };

/**
 * The sentence's parts cut again where `query` occurs (ignoring case), so the matched words can be
 * marked inside the word highlights. Without a usable query (or when lower-casing would change the
 * text's length, as for a few letters outside ASCII) the parts come back unmarked.
 */
export function highlightParts(parts: readonly MarkedPart[], query: string): Segment[] {
  const plain = parts.map((part) => ({ text: part.text, differs: part.mark === "differs", hit: false }));
  const needle = query.trim().toLocaleLowerCase();
  const text = parts.map((part) => part.text).join("");
  const lower = text.toLocaleLowerCase();
  if (needle === "" || lower.length !== text.length) return plain;
  const hits: [number, number][] = [];
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
    hits.push([at, at + needle.length]);
  }
  if (hits.length === 0) return plain;
  const out: Segment[] = [];
  let offset = 0;
  for (const part of plain) {
    const end = offset + part.text.length;
    // Cut points inside this part: its ends and every hit boundary between them.
    const cuts = new Set([offset, end]);
    for (const [from, to] of hits) {
      if (from > offset && from < end) cuts.add(from);
      if (to > offset && to < end) cuts.add(to);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i += 1) {
      const from = sorted[i] ?? 0;
      const to = sorted[i + 1] ?? 0;
      const hit = hits.some(([start, stop]) => start <= from && to <= stop);
      out.push({ text: text.slice(from, to), differs: part.differs, hit });
    }
    offset = end;
  }
  return out;
}
