// The state of an import batch, rebuilt from the progress events the Rust side streams.

import type { EventOffer } from "./bindings/EventOffer";
import type { FileOutcome } from "./bindings/FileOutcome";
import type { ImportEvent } from "./bindings/ImportEvent";

/** What the import panel shows. */
export type ImportBatch = {
  /** Files in the batch (0 until the backend has counted them). */
  total: number;
  /** Files finished so far. */
  done: number;
  /** One line per finished file, in the order they finished. */
  results: FileOutcome[];
  /** Events the batch's new articles may belong to, until added or dismissed. */
  suggestions: EventOffer[];
  /** Set when the batch is over. */
  finished: { imported: number; duplicates: number; failed: number } | null;
};

/** How long the import panel stays open after a batch without failures before folding to its headline. */
export const IMPORT_PANEL_COLLAPSE_MS = 4000;

/** A batch that has not heard from the backend yet. */
export function startBatch(): ImportBatch {
  return { total: 0, done: 0, results: [], suggestions: [], finished: null };
}

/** The batch after one more progress event. */
export function reduceImport(batch: ImportBatch, event: ImportEvent): ImportBatch {
  switch (event.event) {
    case "started":
      return { ...batch, total: event.data.total };
    case "files":
      return {
        ...batch,
        total: Math.max(event.data.total, batch.total),
        done: Math.max(event.data.done, batch.done),
        results: [...batch.results, ...event.data.outcomes],
      };
    case "suggested":
      return { ...batch, suggestions: [...batch.suggestions, ...event.data.suggestions] };
    case "finished":
      return { ...batch, done: Math.max(batch.done, batch.total), finished: event.data };
  }
}

/** The batch when the command itself failed before finishing. */
export function failBatch(batch: ImportBatch, path: string, message: string): ImportBatch {
  const failed = finishedBatch([...batch.results, { status: "error", path, message }]);
  const total = Math.max(batch.total, failed.total);
  return { ...failed, total, done: total };
}

/** A finished batch made of outcomes reported all at once (the sample library). */
export function finishedBatch(results: FileOutcome[]): ImportBatch {
  const count = (status: FileOutcome["status"]) => results.filter((r) => r.status === status).length;
  return {
    total: results.length,
    done: results.length,
    results: [...results],
    suggestions: [],
    finished: { imported: count("imported"), duplicates: count("duplicate"), failed: count("error") },
  };
}

/** Share done, 0–1, for the progress bar. */
export function fractionDone(batch: ImportBatch): number {
  if (batch.finished) return 1;
  if (batch.total === 0) return 0;
  return Math.min(1, batch.done / batch.total);
}

/** The line of text for one file's outcome. */
export function outcomeMessage(outcome: FileOutcome): string {
  switch (outcome.status) {
    case "imported":
      return `Imported: ${outcome.title}`;
    case "duplicate":
      return `Duplicate of #${outcome.existingId}: ${outcome.title}`;
    case "error":
      return `Error: ${outcome.message}`;
  }
}

/** "Importing 3 of 10…" while running; "4 imported, 1 duplicate, 2 failed" when over. */
export function batchHeadline(batch: ImportBatch): string {
  if (!batch.finished) {
    return batch.total === 0 ? "Looking for articles…" : `Importing ${batch.done} of ${batch.total}…`;
  }
  const { imported, duplicates, failed } = batch.finished;
  if (imported + duplicates + failed === 0) return "No articles found to import";
  const parts = [`${imported} imported`];
  if (duplicates > 0) parts.push(`${duplicates} ${duplicates === 1 ? "duplicate" : "duplicates"}`);
  if (failed > 0) parts.push(`${failed} failed`);
  return parts.join(", ");
}
