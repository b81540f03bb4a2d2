// Debouncing: run a function once input has been quiet for a while (search as you type).

/** A debounced function, plus a way to drop the pending call or run it at once. */
export type Debounced<A extends unknown[]> = {
  (...args: A): void;
  /** Forgets the pending call, if any. */
  cancel(): void;
  /** Runs the pending call now, if any. */
  flush(): void;
};

/** Calls `run` with the latest arguments once `waitMs` have passed without another call. */
export function debounce<A extends unknown[]>(run: (...args: A) => void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const fire = () => {
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) run(...args);
  };
  const debounced = (...args: A) => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, waitMs);
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  debounced.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    fire();
  };
  return debounced;
}
