// Comparison sessions as the library sees them (Svelte 5 runes): the saved list, which one is open,
// creating one from picked articles or an event, rename / duplicate / delete, and restoring the last
// one at start. Also the articles picked in the list for a comparison (Ctrl/Cmd-click, Shift-click,
// Space). Failures go to the caller's error reporter, as the library does.

import type { NewSession } from "./bindings/NewSession";
import type { SessionMode } from "./bindings/SessionMode";
import type { SessionSummary } from "./bindings/SessionSummary";
import * as ipc from "./ipc";

/** A session compares 2 to 6 reports. */
export const MIN_REPORTS = 2;
export const MAX_REPORTS = 6;

/** Where sessions report failures and confirmations (the app's error banner and notice toast). */
export type Reporter = {
  error: (message: string) => void;
  notice: (message: string) => void;
};

export class Sessions {
  /** Saved sessions, most recently opened first (as the backend lists them). */
  list = $state<SessionSummary[]>([]);
  /** The session on screen; `null` shows the library. */
  currentId = $state<number | null>(null);
  /** The session whose name is being edited in the sidebar. */
  renaming = $state<number | null>(null);
  /** The session waiting for a delete confirmation in the sidebar. */
  confirmingDelete = $state<number | null>(null);
  /** A create is running (buttons wait for it). */
  creating = $state(false);

  constructor(private readonly report: Reporter) {}

  get current(): SessionSummary | null {
    return this.list.find((session) => session.id === this.currentId) ?? null;
  }

  /** Loads the list of sessions. */
  async load(): Promise<void> {
    await this.guard(async () => {
      this.list = await ipc.listSessions();
    });
  }

  /**
   * At start: reopens the last session when it still exists and still has reports to compare;
   * otherwise the library stays, with a message saying why when there was something to restore.
   */
  async restore(): Promise<void> {
    let lastId: number | null;
    try {
      [lastId, this.list] = await Promise.all([ipc.lastSession(), ipc.listSessions()]);
    } catch (error) {
      this.report.error(`The last session could not be restored: ${lowerFirst(ipc.errorMessage(error))}`);
      return;
    }
    if (lastId === null) return;
    const last = this.list.find((session) => session.id === lastId);
    if (!last) return;
    if (last.articleIds.length < MIN_REPORTS) {
      this.report.error(
        `The last session “${last.name}” was not reopened: ${reportsLeft(last.articleIds.length)} still in the library.`,
      );
      return;
    }
    this.currentId = last.id;
  }

  /**
   * Creates a session from articles (in this order) and opens it; resolves to it, or null on failure.
   * With `mode` "versions" the articles are compared as versions of one article (oldest first).
   */
  async createFromArticles(
    articleIds: number[],
    name: string | null = null,
    mode: SessionMode | null = null,
  ): Promise<SessionSummary | null> {
    if (articleIds.length < MIN_REPORTS || articleIds.length > MAX_REPORTS) {
      const picked = articleIds.length === 1 ? "1 is picked" : `${articleIds.length} are picked`;
      this.report.error(`A comparison needs 2 to 6 articles; ${picked}.`);
      return null;
    }
    return this.create({ name, articleIds, eventId: null, mode });
  }

  /** Creates a session from an event's articles and opens it. */
  async createFromEvent(eventId: number): Promise<SessionSummary | null> {
    return this.create({ name: null, articleIds: [], eventId, mode: null });
  }

  private async create(request: NewSession) {
    if (this.creating) return null;
    this.creating = true;
    try {
      return await this.guard(async () => {
        const created = await ipc.createSession(request);
        this.list = await ipc.listSessions();
        this.currentId = created.id;
        return created;
      }, null);
    } finally {
      this.creating = false;
    }
  }

  /** Shows a saved session. */
  open(id: number): void {
    this.renaming = null;
    this.confirmingDelete = null;
    this.currentId = id;
  }

  /** Back to the library; the list is refreshed (the session's time of opening changed). */
  async close(): Promise<void> {
    this.currentId = null;
    await this.load();
  }

  async rename(id: number, name: string): Promise<void> {
    const trimmed = name.trim();
    this.renaming = null;
    if (trimmed === "") return;
    await this.guard(async () => {
      const renamed = await ipc.renameSession(id, trimmed);
      this.list = this.list.map((session) => (session.id === id ? renamed : session));
    });
  }

  async duplicate(id: number): Promise<void> {
    await this.guard(async () => {
      const copy = await ipc.duplicateSession(id);
      this.list = await ipc.listSessions();
      this.report.notice(`Duplicated as “${copy.name}”`);
    });
  }

  async remove(id: number): Promise<void> {
    this.confirmingDelete = null;
    const name = this.list.find((session) => session.id === id)?.name;
    await this.guard(async () => {
      await ipc.deleteSession(id);
      if (this.currentId === id) this.currentId = null;
      this.list = this.list.filter((session) => session.id !== id);
      this.report.notice(name ? `Session “${name}” deleted — its articles are still in the library` : "Session deleted");
    });
  }

  /** Runs an IPC action; a failure goes to the error reporter and yields `fallback`. */
  private async guard<T>(action: () => Promise<T>, fallback?: T): Promise<T> {
    try {
      return await action();
    } catch (error) {
      this.report.error(ipc.errorMessage(error));
      return fallback as T;
    }
  }
}

/**
 * The articles picked in the list for a comparison: a plain click picks one (and opens it in the
 * reader, as before), Ctrl/Cmd-click and Space toggle one, Shift-click picks the range from the last
 * picked row.
 */
export class ArticlePicker {
  picked = $state<number[]>([]);
  /** Where a Shift-click range starts. */
  anchor = $state<number | null>(null);

  has(id: number): boolean {
    return this.picked.includes(id);
  }

  /** A plain click: just this one. */
  only(id: number): void {
    this.picked = [id];
    this.anchor = id;
  }

  /** Ctrl/Cmd-click or Space: in or out. */
  toggle(id: number): void {
    this.picked = this.has(id) ? this.picked.filter((other) => other !== id) : [...this.picked, id];
    this.anchor = id;
  }

  /** Shift-click: every row from the anchor to `id` (in `rowIds`' order), replacing the picking. */
  range(id: number, rowIds: number[]): void {
    const from = this.anchor === null ? -1 : rowIds.indexOf(this.anchor);
    const to = rowIds.indexOf(id);
    if (from === -1 || to === -1) {
      this.only(id);
      return;
    }
    const [low, high] = from <= to ? [from, to] : [to, from];
    this.picked = rowIds.slice(low, high + 1);
  }

  clear(): void {
    this.picked = [];
    this.anchor = null;
  }

  /** The picked articles among `rowIds`, in list order (the panes' order). When `rowIds` is only
   * part of the list (a long list's pages not loaded), picks not among them are kept, after. */
  inOrder(rowIds: number[], complete = true): number[] {
    const listed = rowIds.filter((id) => this.picked.includes(id));
    if (complete) return listed;
    const shown = new Set(listed);
    return [...listed, ...this.picked.filter((id) => !shown.has(id))];
  }
}

/** Whether `count` picked articles can be compared. */
export function canCompare(count: number): boolean {
  return count >= MIN_REPORTS && count <= MAX_REPORTS;
}

function reportsLeft(count: number): string {
  if (count === 0) return "none of its reports is";
  return count === 1 ? "only 1 of its reports is" : `only ${count} of its reports are`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
