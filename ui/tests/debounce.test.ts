import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debounce } from "../src/lib/debounce";

describe("debounce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once, with the latest arguments, after typing pauses", () => {
    const run = vi.fn();
    const search = debounce(run, 200);
    search("t");
    vi.advanceTimersByTime(150);
    search("te");
    vi.advanceTimersByTime(150);
    search("tea");
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith("tea");
  });

  it("can drop or hurry the pending call", () => {
    const run = vi.fn();
    const search = debounce(run, 200);
    search("a");
    search.cancel();
    vi.advanceTimersByTime(500);
    expect(run).not.toHaveBeenCalled();
    search("b");
    search.flush();
    expect(run).toHaveBeenCalledWith("b");
    search.flush();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
