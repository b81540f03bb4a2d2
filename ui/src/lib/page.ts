// The page itself, behind one object so that tests can stand in for what jsdom cannot do.

export const page = {
  /** Starts the page over (after another library was opened). */
  reload(): void {
    location.reload();
  },
};
