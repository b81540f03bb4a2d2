// What a pane lists: its paragraphs of sentences, or with "differences only" the same with each run
// of identical sentences folded into one "N identical sentences" row (unless expanded).

import type { SentenceModel } from "../bindings/SentenceModel";

/** A row of a pane: sentences of one paragraph, or a folded run of identical sentences. */
export type PaneBlock =
  | { kind: "paragraph"; key: string; paragraph: number; sentences: number[] }
  | { kind: "collapsed"; key: string; first: number; last: number; count: number };

export type CollapseOptions = {
  differencesOnly: boolean;
  /** First sentences of folded runs the user opened. */
  expanded?: ReadonlySet<number>;
  /** Shortest run that folds (a lone identical sentence costs less to show than its fold row). */
  minRun?: number;
};

/** The pane's rows in reading order. */
export function paneBlocks(list: readonly SentenceModel[], options: CollapseOptions): PaneBlock[] {
  const minRun = options.minRun ?? 2;
  const folded = new Map<number, number>();
  if (options.differencesOnly) {
    let index = 0;
    while (index < list.length) {
      if (list[index]?.class !== "identical") {
        index += 1;
        continue;
      }
      let last = index;
      while (list[last + 1]?.class === "identical") last += 1;
      if (last - index + 1 >= minRun && !options.expanded?.has(index)) folded.set(index, last);
      index = last + 1;
    }
  }
  const blocks: PaneBlock[] = [];
  let current: Extract<PaneBlock, { kind: "paragraph" }> | null = null;
  let index = 0;
  while (index < list.length) {
    const last = folded.get(index);
    if (last !== undefined) {
      blocks.push({ kind: "collapsed", key: `c${index}`, first: index, last, count: last - index + 1 });
      current = null;
      index = last + 1;
      continue;
    }
    const sentence = list[index];
    if (!sentence) break;
    if (!current || current.paragraph !== sentence.paragraph) {
      current = { kind: "paragraph", key: `p${index}`, paragraph: sentence.paragraph, sentences: [] };
      blocks.push(current);
    }
    current.sentences.push(index);
    index += 1;
  }
  return blocks;
}

/** The folded run holding `sentence`, if any (to open it before jumping there). */
export function foldHolding(blocks: readonly PaneBlock[], sentence: number): number | null {
  for (const block of blocks) {
    if (block.kind === "collapsed" && block.first <= sentence && sentence <= block.last) return block.first;
  }
  return null;
}

/** "1 identical sentence", "12 identical sentences". */
export function foldLabel(count: number): string {
  return `${count} identical ${count === 1 ? "sentence" : "sentences"}`;
}

/**
 * The blocks holding sentences before `limit` (a pane being rendered in chunks): later blocks are
 * left out and the paragraph the limit falls in is cut short.
 */
export function blocksBefore(blocks: readonly PaneBlock[], limit: number): PaneBlock[] {
  const out: PaneBlock[] = [];
  for (const block of blocks) {
    if (block.kind === "collapsed") {
      if (block.first >= limit) break;
      out.push(block);
      continue;
    }
    const last = block.sentences[block.sentences.length - 1] ?? -1;
    if (last < limit) {
      out.push(block);
      continue;
    }
    const kept = block.sentences.filter((index) => index < limit);
    if (kept.length > 0) out.push({ ...block, sentences: kept });
    break;
  }
  return out;
}
