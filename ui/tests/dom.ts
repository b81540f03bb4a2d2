// Small DOM helpers for the component tests: find by test id, and wait for the UI to settle after
// IPC promises resolve.

import { flushSync } from "svelte";

/** Waits until `check` stops throwing (flushing Svelte's updates between tries). */
export async function until<T>(check: () => T, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      flushSync();
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** The one element with this `data-testid` under `root`; throws when there is none. */
export function byTestId<T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = document): T {
  const found = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no element with data-testid="${id}"`);
  return found;
}

/** Every element with this `data-testid` under `root`, in document order. */
export function allByTestId(id: string, root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
}
