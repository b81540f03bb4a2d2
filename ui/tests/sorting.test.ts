import { describe, expect, it } from "vitest";
import type { ArticleRow } from "../src/lib/bindings/ArticleRow";
import { ariaSort, DEFAULT_SORT, sortRows, toggleSort } from "../src/lib/sorting";

function row(id: number, fields: Partial<ArticleRow> = {}): ArticleRow {
  return {
    id,
    title: `Title ${id}`,
    outlet: null,
    publishedAt: null,
    importedAt: `2026-03-1${id}T10:00:00Z`,
    wordCount: 100,
    lang: "en",
    ...fields,
  };
}

describe("toggleSort", () => {
  it("flips the direction when the same header is clicked again", () => {
    const first = toggleSort(DEFAULT_SORT, "title");
    expect(first).toEqual({ column: "title", direction: "asc" });
    expect(toggleSort(first, "title")).toEqual({ column: "title", direction: "desc" });
  });

  it("starts names A→Z and dates and lengths with the largest first", () => {
    expect(toggleSort(DEFAULT_SORT, "outlet").direction).toBe("asc");
    expect(toggleSort(DEFAULT_SORT, "published").direction).toBe("desc");
    expect(toggleSort({ column: "title", direction: "asc" }, "words").direction).toBe("desc");
  });

  it("tells assistive technology which column is sorted", () => {
    expect(ariaSort({ column: "title", direction: "asc" }, "title")).toBe("ascending");
    expect(ariaSort({ column: "title", direction: "desc" }, "title")).toBe("descending");
    expect(ariaSort({ column: "title", direction: "asc" }, "words")).toBe("none");
  });
});

describe("sortRows", () => {
  const rows = [
    row(1, { title: "banana", outlet: "Northline Observer", publishedAt: "2026-03-14", wordCount: 300 }),
    row(2, { title: "Apple", outlet: null, publishedAt: null, wordCount: 50 }),
    row(3, { title: "cherry 10", outlet: "coastal Wire", publishedAt: "2026-03-15T08:00:00Z", wordCount: 1200 }),
    row(4, { title: "cherry 9", outlet: "Kestria Daily Voice", publishedAt: "2026-03-13", wordCount: 300 }),
  ];
  const ids = (sorted: ArticleRow[]) => sorted.map((r) => r.id);

  it("sorts titles case-insensitively with numbers in numeric order", () => {
    expect(ids(sortRows(rows, { column: "title", direction: "asc" }))).toEqual([2, 1, 4, 3]);
    expect(ids(sortRows(rows, { column: "title", direction: "desc" }))).toEqual([3, 4, 1, 2]);
  });

  it("puts articles without an outlet or a date last in both directions", () => {
    expect(ids(sortRows(rows, { column: "outlet", direction: "asc" }))).toEqual([3, 4, 1, 2]);
    expect(ids(sortRows(rows, { column: "outlet", direction: "desc" }))).toEqual([1, 4, 3, 2]);
    expect(ids(sortRows(rows, { column: "published", direction: "desc" }))).toEqual([3, 1, 4, 2]);
    expect(ids(sortRows(rows, { column: "published", direction: "asc" }))).toEqual([4, 1, 3, 2]);
  });

  it("keeps equal rows in their original order and leaves the input alone", () => {
    expect(ids(sortRows(rows, { column: "words", direction: "desc" }))).toEqual([3, 1, 4, 2]);
    expect(ids(rows)).toEqual([1, 2, 3, 4]);
  });
});
