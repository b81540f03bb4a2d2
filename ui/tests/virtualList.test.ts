import { describe, expect, it } from "vitest";
import { MAX_LIST_HEIGHT, rowAt, rowWindow, rowsHeight, scrollFor, type ListGeometry } from "../src/lib/virtualList";

const list = (count: number): ListGeometry => ({ count, rowHeight: 40, viewHeight: 700, overscan: 12 });

describe("virtual list geometry", () => {
  it("places a short list's rows as a plain list would", () => {
    const g = list(3_000);
    expect(rowsHeight(g)).toBe(120_000);
    for (const scrollTop of [0, 17, 400, 4_013, 60_000, 119_300]) {
      const { first, last, before, after } = rowWindow(scrollTop, g);
      expect(first).toBe(Math.max(0, Math.floor(scrollTop / 40) - 12));
      expect(last).toBe(Math.min(2_999, Math.floor(scrollTop / 40) + Math.ceil(700 / 40) + 12));
      expect(before).toBeCloseTo(first * 40, 6);
      expect(after).toBeCloseTo((2_999 - last) * 40, 6);
    }
  });

  it("keeps a million rows within what a browser can hold, every row within reach", () => {
    const g = list(1_000_000);
    const height = rowsHeight(g);
    expect(height).toBe(MAX_LIST_HEIGHT);
    const maxScroll = height - g.viewHeight;
    let previous = -1;
    for (let step = 0; step <= 2_000; step++) {
      const scrollTop = (maxScroll * step) / 2_000;
      const { first, last, before, after } = rowWindow(scrollTop, g);
      // The rows and spacers add up to the same height wherever the list is scrolled…
      expect(before).toBeGreaterThanOrEqual(0);
      expect(after).toBeGreaterThanOrEqual(0);
      expect(before + (last - first + 1) * 40 + after).toBeCloseTo(height, 3);
      // …the rows in the page cover the view…
      expect(before).toBeLessThanOrEqual(scrollTop);
      expect(before + (last - first + 1) * 40).toBeGreaterThanOrEqual(scrollTop + g.viewHeight);
      // …and scrolling down never goes back up the list.
      const top = rowAt(scrollTop, g);
      expect(top).toBeGreaterThanOrEqual(previous);
      previous = top;
    }
    const end = rowWindow(maxScroll, g);
    expect(end.last).toBe(999_999);
    expect(end.after).toBe(0);
    expect(rowAt(maxScroll, g)).toBeCloseTo(1_000_000 - 700 / 40, 6);
  });

  it("scrolls a row to the top of the view, and reads it back", () => {
    const g = list(1_000_000);
    for (const row of [0, 5, 13, 500_000, 838_900, 999_000]) {
      expect(rowAt(scrollFor(row, g), g)).toBeCloseTo(row, 3);
    }
    // The first screenful scrolls a row per row height, as a short list does.
    expect(scrollFor(5, g)).toBe(200);
  });

  it("has nothing to place in an empty list", () => {
    expect(rowWindow(0, list(0))).toEqual({ first: 0, last: -1, before: 0, after: 0 });
  });
});
