// Ordering the article list: what a click on a column header does, and sorting rows held in the UI
// (search results come in relevance order; the library itself is sorted by the store).

import type { ArticleRow } from "./bindings/ArticleRow";
import type { ArticleSort } from "./bindings/ArticleSort";
import type { SortColumn } from "./bindings/SortColumn";
import type { SortDirection } from "./bindings/SortDirection";

/** Newest imports first: the order of a library nobody has sorted yet. */
export const DEFAULT_SORT: ArticleSort = { column: "imported", direction: "desc" };

/** The direction a column starts in: A→Z for names, newest and longest first for numbers. */
export function firstDirection(column: SortColumn): SortDirection {
  return column === "title" || column === "outlet" ? "asc" : "desc";
}

/** Clicking a header: the same column flips its direction, another column starts in its own. */
export function toggleSort(current: ArticleSort, column: SortColumn): ArticleSort {
  if (current.column === column) {
    return { column, direction: current.direction === "asc" ? "desc" : "asc" };
  }
  return { column, direction: firstDirection(column) };
}

/** The `aria-sort` value of a header. */
export function ariaSort(current: ArticleSort, column: SortColumn): "ascending" | "descending" | "none" {
  if (current.column !== column) return "none";
  return current.direction === "asc" ? "ascending" : "descending";
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Compares two possibly missing values; missing ones always sort last, whatever the direction. */
function compareMissingLast<T>(a: T | null, b: T | null, compare: (a: T, b: T) => number, sign: number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * compare(a, b);
}

/** A sorted copy of `rows`, stable, with undated and outlet-less rows last (as the store does). */
export function sortRows(rows: readonly ArticleRow[], sort: ArticleSort): ArticleRow[] {
  const sign = sort.direction === "asc" ? 1 : -1;
  const byText = (a: string, b: string) => collator.compare(a, b);
  const byNumber = (a: number, b: number) => a - b;
  const compare = (a: ArticleRow, b: ArticleRow): number => {
    switch (sort.column) {
      case "title":
        return sign * byText(a.title, b.title);
      case "outlet":
        return compareMissingLast(a.outlet, b.outlet, byText, sign);
      case "published":
        return compareMissingLast(a.publishedAt, b.publishedAt, byText, sign);
      case "words":
        return sign * byNumber(a.wordCount, b.wordCount);
      case "imported":
        return sign * byText(a.importedAt, b.importedAt);
    }
  };
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}
