// Where a virtual list's rows go for a scroll offset: which rows are in the page and how tall the
// spacers above and below them are. Browsers stop an element growing at 2^25 px (WebKit,
// Chromium; Firefox sooner), which a million 40 px rows pass: past MAX_LIST_HEIGHT the scroll
// range is shared out among the rows, so every row can still be scrolled to. The first and last
// screenfuls scroll a row per row height, as a short list does; only the middle is compressed.

/** The tallest the rows are made, in pixels (below every browser's limit). */
export const MAX_LIST_HEIGHT = 15_000_000;

export interface ListGeometry {
  count: number;
  rowHeight: number;
  /** The visible height of the list. */
  viewHeight: number;
  /** Rows kept in the page above and below the view. */
  overscan: number;
}

export interface RowWindow {
  /** The first and last row in the page. */
  first: number;
  last: number;
  /** Heights of the spacers before and after those rows. */
  before: number;
  after: number;
}

/** The height the rows take in the page: their own, or MAX_LIST_HEIGHT when that is less. */
export function rowsHeight(g: ListGeometry): number {
  return Math.min(g.count * g.rowHeight, MAX_LIST_HEIGHT);
}

/** The line between the uncompressed ends and the compressed middle, and the scroll range. */
function zones(g: ListGeometry) {
  const edge = (g.overscan + 1) * g.rowHeight;
  const maxScroll = Math.max(0, rowsHeight(g) - g.viewHeight);
  const lastTop = Math.max(0, g.count - g.viewHeight / g.rowHeight);
  const compressed = g.count * g.rowHeight > MAX_LIST_HEIGHT && maxScroll > 2 * edge;
  const slope = compressed ? (lastTop - (2 * edge) / g.rowHeight) / (maxScroll - 2 * edge) : 1 / g.rowHeight;
  return { edge, maxScroll, lastTop, compressed, slope };
}

/** The row (fractional) at the top of the view when the list is scrolled to `scrollTop`. */
export function rowAt(scrollTop: number, g: ListGeometry): number {
  const { edge, maxScroll, lastTop, compressed, slope } = zones(g);
  const s = Math.min(Math.max(0, scrollTop), maxScroll);
  if (!compressed || s <= edge) return s / g.rowHeight;
  if (s >= maxScroll - edge) return lastTop - (maxScroll - s) / g.rowHeight;
  return edge / g.rowHeight + (s - edge) * slope;
}

/** The scroll offset that puts row position `row` (fractional) at the top of the view. */
export function scrollFor(row: number, g: ListGeometry): number {
  const { edge, maxScroll, lastTop, compressed, slope } = zones(g);
  const p = Math.max(0, row);
  let s: number;
  if (!compressed || p <= edge / g.rowHeight) s = p * g.rowHeight;
  else if (p >= lastTop - edge / g.rowHeight) s = maxScroll - (lastTop - p) * g.rowHeight;
  else s = edge + (p - edge / g.rowHeight) / slope;
  return Math.min(Math.max(0, s), maxScroll);
}

/** The rows in the page and the spacers around them for `scrollTop`: the row at `rowAt` sits at
 * the top of the view, and the rows and spacers always add up to `rowsHeight`. */
export function rowWindow(scrollTop: number, g: ListGeometry): RowWindow {
  if (g.count === 0) return { first: 0, last: -1, before: 0, after: 0 };
  const s = Math.min(Math.max(0, scrollTop), zones(g).maxScroll);
  const position = rowAt(s, g);
  const top = Math.floor(position);
  const first = Math.max(0, top - g.overscan);
  const before = Math.max(0, s - (position - first) * g.rowHeight);
  // No more rows than fit above the end of the list (so the page's height never wobbles).
  const fit = Math.floor((rowsHeight(g) - before) / g.rowHeight + 1e-9);
  const last = Math.min(g.count - 1, top + Math.ceil(g.viewHeight / g.rowHeight) + g.overscan, first + fit - 1);
  const after = Math.max(0, rowsHeight(g) - before - (last - first + 1) * g.rowHeight);
  return { first, last, before, after };
}
