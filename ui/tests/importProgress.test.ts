import { describe, expect, it } from "vitest";
import type { ImportEvent } from "../src/lib/bindings/ImportEvent";
import {
  batchHeadline,
  failBatch,
  finishedBatch,
  fractionDone,
  outcomeMessage,
  reduceImport,
  startBatch,
} from "../src/lib/importProgress";

const events: ImportEvent[] = [
  { event: "started", data: { total: 3 } },
  {
    event: "files",
    data: { done: 1, total: 3, outcomes: [{ status: "imported", path: "/a.html", id: 7, title: "A", outlet: null }] },
  },
  {
    event: "files",
    data: {
      done: 3,
      total: 3,
      outcomes: [
        { status: "duplicate", path: "/b.html", existingId: 7, title: "A" },
        { status: "error", path: "/c.pdf", message: "the PDF is password-protected" },
      ],
    },
  },
  { event: "finished", data: { imported: 1, duplicates: 1, failed: 1 } },
];

describe("reduceImport", () => {
  it("follows a batch from start to finish", () => {
    let batch = startBatch();
    expect(batchHeadline(batch)).toBe("Looking for articles…");
    batch = reduceImport(batch, events[0]!);
    expect(batch.total).toBe(3);
    expect(fractionDone(batch)).toBe(0);
    batch = reduceImport(batch, events[1]!);
    expect(batchHeadline(batch)).toBe("Importing 1 of 3…");
    expect(fractionDone(batch)).toBeCloseTo(1 / 3);
    batch = events.slice(2).reduce(reduceImport, batch);
    expect(batch.results.map((r) => r.status)).toEqual(["imported", "duplicate", "error"]);
    expect(batch.finished).toEqual({ imported: 1, duplicates: 1, failed: 1 });
    expect(fractionDone(batch)).toBe(1);
    expect(batchHeadline(batch)).toBe("1 imported, 1 duplicate, 1 failed");
  });

  it("never lets progress go backwards", () => {
    const late = reduceImport(reduceImport(startBatch(), events[2]!), events[1]!);
    expect(late.done).toBe(3);
  });

  it("says so when a folder held nothing to import", () => {
    const empty = reduceImport(reduceImport(startBatch(), { event: "started", data: { total: 0 } }), {
      event: "finished",
      data: { imported: 0, duplicates: 0, failed: 0 },
    });
    expect(batchHeadline(empty)).toBe("No articles found to import");
  });

  it("turns a failed command into a finished batch with the reason", () => {
    const failed = failBatch(reduceImport(startBatch(), events[1]!), "/x", "the library is not open");
    expect(failed.finished).toEqual({ imported: 1, duplicates: 0, failed: 1 });
    expect(outcomeMessage(failed.results[1]!)).toBe("Error: the library is not open");
  });
});

describe("finishedBatch", () => {
  it("counts outcomes reported all at once", () => {
    const batch = finishedBatch([
      { status: "imported", path: "/a", id: 1, title: "A", outlet: null },
      { status: "error", path: "/b", message: "no article text found" },
    ]);
    expect(batch.done).toBe(2);
    expect(batch.total).toBe(2);
    expect(batchHeadline(batch)).toBe("1 imported, 1 failed");
  });
});

describe("outcomeMessage", () => {
  it("names the existing article of a duplicate", () => {
    expect(outcomeMessage({ status: "duplicate", path: "/b", existingId: 12, title: "Report" })).toBe(
      "Duplicate of #12: Report",
    );
    expect(outcomeMessage({ status: "imported", path: "/a", id: 3, title: "New", outlet: "X" })).toBe(
      "Imported: New",
    );
  });
});
