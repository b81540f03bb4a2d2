// The opened comparison session's state and actions (Svelte 5 runes): loading it, saving options,
// manual links, pane order and notes, each through ipc.ts, with failures as a sentence in `error`.

import { tick } from "svelte";
import type { ManualLink } from "../bindings/ManualLink";
import type { Note } from "../bindings/Note";
import type { SessionOptions } from "../bindings/SessionOptions";
import type { SessionView } from "../bindings/SessionView";
import type { ViewPreferences } from "../bindings/ViewPreferences";
import * as ipc from "../ipc";

/** Performance mark and measure names end-to-end tests read (`performance.getEntriesByName`). */
export const OPEN_MARK = "session-open-start";
export const OPEN_MEASURE = "session-open";

/** The view preferences, which the screen applies by itself: saving them needs no new comparison.
 * (Every key of the type, checked by the compiler: a new preference must be listed here.) */
const VIEW_PREFERENCES = {
  layout: true,
  syncScroll: true,
  differencesOnly: true,
  allWords: true,
} satisfies Record<keyof ViewPreferences, true>;
const VIEW_ONLY: ReadonlySet<string> = new Set(Object.keys(VIEW_PREFERENCES));

/** Resolves after the browser has painted the current DOM (two animation frames). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== "function") {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** Whether a manual link is about the same two sentences (either way round). */
function samePair(link: ManualLink, a: number, sa: number, b: number, sb: number): boolean {
  return (
    (link.articleA === a && link.sentenceA === sa && link.articleB === b && link.sentenceB === sb) ||
    (link.articleA === b && link.sentenceA === sb && link.articleB === a && link.sentenceB === sa)
  );
}

export class SessionState {
  /** Replaced as a whole, never mutated (a raw state: no deep proxies over thousands of sentences). */
  view = $state.raw<SessionView | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  private openSeq = 0;

  get id(): number | null {
    return this.view?.session.id ?? null;
  }

  /** Loads a session and paints it; measures `session-open` from the request to the first paint. */
  async open(id: number): Promise<void> {
    const seq = ++this.openSeq;
    this.loading = true;
    performance.clearMarks(OPEN_MARK);
    performance.mark(OPEN_MARK);
    try {
      const view = await ipc.openSession(id);
      if (seq !== this.openSeq) return;
      this.view = view;
      this.error = null;
      // Nothing waits on the measure: a hidden window may not paint for a while.
      void this.measureOpen(seq);
    } catch (error) {
      if (seq === this.openSeq) this.error = ipc.errorMessage(error);
    } finally {
      if (seq === this.openSeq) this.loading = false;
    }
  }

  /** Leaves the `session-open` measure once the opened view has been painted. */
  private async measureOpen(seq: number): Promise<void> {
    await tick();
    await afterPaint();
    if (seq !== this.openSeq) return;
    performance.clearMeasures(OPEN_MEASURE);
    performance.measure(OPEN_MEASURE, OPEN_MARK);
  }

  /** Saves changed options; a change of the analysis settings (normalization, threshold, what
   * pairs sentences, links, base pane) compares again, a view preference does not. */
  async setOptions(partial: Partial<SessionOptions>): Promise<void> {
    const view = this.view;
    if (!view) return;
    const options: SessionOptions = { ...view.options, ...partial };
    const recompare = (Object.keys(partial) as (keyof SessionOptions)[]).some((key) => !VIEW_ONLY.has(key));
    // The screen follows at once; the save happens behind it, and a failed save puts the
    // options shown back to the saved ones.
    this.view = { ...view, options };
    const saved = await this.guard(async () => {
      await ipc.setSessionOptions(view.session.id, options);
      return true;
    }, false);
    if (!saved) {
      if (this.view?.session.id === view.session.id) this.view = { ...this.view, options: view.options };
      return;
    }
    if (recompare) await this.guard(() => this.open(view.session.id));
  }

  /** The article shown in a pane. */
  private articleOf(pane: number): number | null {
    return this.view?.articles[pane]?.id ?? null;
  }

  /**
   * Links (`linked`) or keeps apart (`!linked`) pairs of sentences `[paneA, sentenceA, paneB,
   * sentenceB]`, saved as manual links by article id, and compares again.
   */
  async setLinks(pairs: readonly (readonly [number, number, number, number])[], linked: boolean): Promise<void> {
    const view = this.view;
    if (!view || pairs.length === 0) return;
    let links = [...view.options.links];
    for (const [paneA, sentA, paneB, sentB] of pairs) {
      const a = this.articleOf(paneA);
      const b = this.articleOf(paneB);
      if (a === null || b === null) continue;
      links = links.filter((link) => !samePair(link, a, sentA, b, sentB));
      links.push({ articleA: a, sentenceA: sentA, articleB: b, sentenceB: sentB, linked });
    }
    await this.setOptions({ links });
  }

  /** Links two sentences of two panes by hand (the aligner keeps the link). */
  link(paneA: number, sentA: number, paneB: number, sentB: number): Promise<void> {
    return this.setLinks([[paneA, sentA, paneB, sentB]], true);
  }

  /** Forbids linking two sentences (the aligner leaves them apart). */
  unlink(paneA: number, sentA: number, paneB: number, sentB: number): Promise<void> {
    return this.setLinks([[paneA, sentA, paneB, sentB]], false);
  }

  private async setArticles(ids: number[]): Promise<void> {
    const view = this.view;
    if (!view) return;
    await this.guard(async () => {
      await ipc.setSessionArticles(view.session.id, ids);
      await this.open(view.session.id);
    });
  }

  /** Moves the pane at `from` to position `to`. */
  async reorder(from: number, to: number): Promise<void> {
    const ids = this.view?.articles.map((article) => article.id) ?? [];
    if (from === to || from < 0 || to < 0 || from >= ids.length || to >= ids.length) return;
    const [moved] = ids.splice(from, 1);
    if (moved === undefined) return;
    ids.splice(to, 0, moved);
    await this.setArticles(ids);
  }

  /** Swaps two panes. */
  async swap(a: number, b: number): Promise<void> {
    const ids = this.view?.articles.map((article) => article.id) ?? [];
    const [x, y] = [ids[a], ids[b]];
    if (x === undefined || y === undefined || a === b) return;
    ids[a] = y;
    ids[b] = x;
    await this.setArticles(ids);
  }

  /** Adds a note on a byte range of a pane's report; resolves to it, or null when it failed. */
  async addNote(pane: number, start: number, end: number, note: string): Promise<Note | null> {
    const view = this.view;
    const articleId = this.articleOf(pane);
    if (!view || articleId === null || note.trim() === "") return null;
    return this.guard(async () => {
      const added = await ipc.addNote({ sessionId: view.session.id, articleId, start, end, note: note.trim() });
      this.replaceNotes((notes) => [...notes, added]);
      return added;
    }, null);
  }

  async updateNote(id: number, note: string): Promise<void> {
    const view = this.view;
    if (!view || note.trim() === "") return;
    await this.guard(async () => {
      const version = view.notes.find((existing) => existing.id === id)?.version;
      const updated = await ipc.updateNote(id, note.trim(), version);
      this.replaceNotes((notes) => notes.map((existing) => (existing.id === id ? updated : existing)));
    });
  }

  async deleteNote(id: number): Promise<void> {
    const view = this.view;
    if (!view) return;
    await this.guard(async () => {
      await ipc.deleteNote(id);
      this.replaceNotes((notes) => notes.filter((existing) => existing.id !== id));
    });
  }

  /** Puts a changed list of notes into the (current) view. */
  private replaceNotes(change: (notes: Note[]) => Note[]): void {
    const view = this.view;
    if (view) this.view = { ...view, notes: change(view.notes) };
  }

  dismissError(): void {
    this.error = null;
  }

  /** Runs an IPC action; a failure lands in `error` and yields `fallback`. */
  private async guard<T>(action: () => Promise<T>, fallback?: T): Promise<T> {
    try {
      return await action();
    } catch (error) {
      this.error = ipc.errorMessage(error);
      return fallback as T;
    }
  }
}
