// The library screen's state and actions (Svelte 5 runes): what is listed, selected, being imported
// or edited, and the one place that turns IPC failures into the error banner.

import type { ArticleRow } from "./bindings/ArticleRow";
import type { ArticleSort } from "./bindings/ArticleSort";
import type { ArticleView } from "./bindings/ArticleView";
import type { EventSummary } from "./bindings/EventSummary";
import type { MetadataEdit } from "./bindings/MetadataEdit";
import type { SearchResult } from "./bindings/SearchResult";
import type { SortColumn } from "./bindings/SortColumn";
import { debounce } from "./debounce";
import { failBatch, finishedBatch, reduceImport, startBatch, type ImportBatch } from "./importProgress";
import * as ipc from "./ipc";
import { DEFAULT_SORT, sortRows, toggleSort } from "./sorting";

/** How long typing must pause before the search runs. */
export const SEARCH_DELAY_MS = 200;

/** How long the undo toast stays after a delete. */
export const UNDO_MS = 8000;

/** An article just deleted, restorable while the toast shows. */
export type PendingDelete = { id: number; title: string };

export class Library {
  /** The rows of the current list (all articles or one event's). */
  articles = $state<ArticleRow[]>([]);
  /** Articles in the whole library, for the sidebar and the welcome screen. */
  totalCount = $state(0);
  events = $state<EventSummary[]>([]);
  sort = $state<ArticleSort>(DEFAULT_SORT);
  /** The event whose articles are listed; `null` for all articles. */
  eventId = $state<number | null>(null);
  query = $state("");
  /** Search results for `query`, `null` when not searching. */
  results = $state<SearchResult[] | null>(null);
  selectedId = $state<number | null>(null);
  article = $state<ArticleView | null>(null);
  batch = $state<ImportBatch | null>(null);
  importing = $state(false);
  pendingDelete = $state<PendingDelete | null>(null);
  error = $state<string | null>(null);
  /** A short confirmation ("Event deleted"), shown briefly. */
  notice = $state<string | null>(null);
  loaded = $state(false);
  /** Which event name form is open: a new event, the rename of an event, or none. */
  naming = $state<"new" | number | null>(null);
  /** Search results are sorted by a column once the user clicks a header, else by relevance. */
  sortedSearch = $state(false);

  private undoTimer: ReturnType<typeof setTimeout> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private searchSeq = 0;
  private readonly debouncedSearch = debounce(() => void this.runSearch(), SEARCH_DELAY_MS);

  /** The library has no article at all: show the welcome screen. */
  get isEmpty(): boolean {
    return this.loaded && this.totalCount === 0 && this.batch === null;
  }

  /** The rows on screen: search results (sorted when a header was clicked) or the list. */
  get rows(): ArticleRow[] {
    if (this.results === null) return this.articles;
    const rows = this.results.map((result) => result.article);
    return this.sortedSearch ? sortRows(rows, this.sort) : rows;
  }

  get currentEvent(): EventSummary | null {
    return this.events.find((event) => event.id === this.eventId) ?? null;
  }

  /** First load: events and the article list. */
  async load(): Promise<void> {
    await this.guard(async () => {
      await Promise.all([this.refreshList(), this.refreshEvents()]);
    });
    this.loaded = true;
  }

  private async refreshList(): Promise<void> {
    const list = await ipc.listArticles(this.sort, this.eventId);
    this.articles = list.articles;
    this.totalCount = list.total;
    if (this.query.trim() !== "") await this.runSearch();
  }

  private async refreshEvents(): Promise<void> {
    this.events = await ipc.listEvents();
  }

  /** Reloads the list, the events and the open article (after imports and edits). */
  async refresh(): Promise<void> {
    await this.guard(async () => {
      await Promise.all([this.refreshList(), this.refreshEvents()]);
      if (this.selectedId !== null) {
        const id = this.selectedId;
        try {
          this.article = await ipc.getArticle(id);
        } catch {
          this.selectedId = null;
          this.article = null;
        }
      }
    });
  }

  /** A header was clicked. */
  async sortBy(column: SortColumn): Promise<void> {
    this.sort = toggleSort(this.sort, column);
    if (this.results !== null) {
      this.sortedSearch = true;
      return;
    }
    await this.guard(() => this.refreshList());
  }

  /** Shows one event's articles, or all of them for `null`. */
  async showEvent(eventId: number | null): Promise<void> {
    this.eventId = eventId;
    this.clearSearch();
    await this.guard(() => this.refreshList());
  }

  /** The search box changed: search once typing pauses. */
  setQuery(query: string): void {
    this.query = query;
    if (query.trim() === "") {
      this.clearSearch();
      return;
    }
    this.debouncedSearch();
  }

  clearSearch(): void {
    this.debouncedSearch.cancel();
    this.searchSeq += 1;
    this.query = "";
    this.results = null;
    this.sortedSearch = false;
  }

  private async runSearch(): Promise<void> {
    const query = this.query.trim();
    if (query === "") return;
    const seq = ++this.searchSeq;
    await this.guard(async () => {
      const results = await ipc.search(query);
      // A slower answer to an older query must not overwrite a newer one.
      if (seq === this.searchSeq) this.results = results;
    });
  }

  /** Opens an article in the reader. */
  async select(id: number): Promise<void> {
    this.selectedId = id;
    await this.guard(async () => {
      const article = await ipc.getArticle(id);
      if (this.selectedId === id) this.article = article;
    });
  }

  /** Moves the selection up or down the list (arrow keys). */
  async selectNext(step: 1 | -1): Promise<void> {
    const rows = this.rows;
    if (rows.length === 0) return;
    const at = rows.findIndex((row) => row.id === this.selectedId);
    const next = at === -1 ? (step === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step));
    const row = rows[next];
    if (row && row.id !== this.selectedId) await this.select(row.id);
  }

  /** Saves edited metadata; resolves true when saved. */
  async saveMetadata(id: number, edit: MetadataEdit): Promise<boolean> {
    return this.guard(async () => {
      this.article = await ipc.updateArticle(id, edit);
      await this.refreshList();
      return true;
    }, false);
  }

  /** Deletes the open article, with an undo toast. */
  async deleteSelected(): Promise<void> {
    const article = this.article;
    if (!article) return;
    await this.guard(async () => {
      await ipc.deleteArticle(article.id);
      this.selectedId = null;
      this.article = null;
      this.pendingDelete = { id: article.id, title: article.title };
      clearTimeout(this.undoTimer);
      this.undoTimer = setTimeout(() => (this.pendingDelete = null), UNDO_MS);
      await Promise.all([this.refreshList(), this.refreshEvents()]);
    });
  }

  /** Undoes the last delete and reopens the article. */
  async undoDelete(): Promise<void> {
    const pending = this.pendingDelete;
    if (!pending) return;
    clearTimeout(this.undoTimer);
    this.pendingDelete = null;
    await this.guard(async () => {
      await ipc.restoreArticle(pending.id);
      await Promise.all([this.refreshList(), this.refreshEvents()]);
    });
    await this.select(pending.id);
  }

  dismissUndo(): void {
    clearTimeout(this.undoTimer);
    this.pendingDelete = null;
  }

  /** Paths dropped while a batch was running; imported as the next batch. */
  private queued: string[] = [];

  /**
   * Imports dropped or chosen paths, streaming progress into the import panel. A drop during a
   * running batch waits and becomes the next batch.
   */
  async importPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    if (this.importing) {
      this.queued.push(...paths);
      return;
    }
    this.batch = startBatch();
    this.importing = true;
    try {
      await ipc.importPaths(paths, (event) => {
        if (this.batch) this.batch = reduceImport(this.batch, event);
      });
    } catch (error) {
      this.batch = failBatch(this.batch ?? startBatch(), paths.join(", "), ipc.errorMessage(error));
    } finally {
      this.importing = false;
    }
    await this.refresh();
    const next = this.queued;
    this.queued = [];
    await this.importPaths(next);
  }

  /** The toolbar's "Import files…" button. */
  async importFromDialog(kind: "files" | "folder"): Promise<void> {
    const paths = await this.guard(() => (kind === "files" ? ipc.chooseFiles() : ipc.chooseFolder()), []);
    await this.importPaths(paths);
  }

  dismissImport(): void {
    if (!this.importing) this.batch = null;
  }

  /** Imports the fictional sample event and shows it; pages that failed are listed like an import. */
  async openSample(): Promise<void> {
    this.importing = true;
    try {
      const sample = await this.guard(() => ipc.openSampleLibrary(), null);
      if (sample) {
        if (sample.outcomes.some((outcome) => outcome.status === "error")) {
          this.batch = finishedBatch(sample.outcomes);
        }
        this.eventId = sample.eventId;
        await this.refresh();
        const first = this.articles[0];
        if (first) await this.select(first.id);
      }
    } finally {
      this.importing = false;
    }
  }

  /** Creates an event; when `withArticle` is given, that article joins it. */
  async createEvent(title: string, withArticle?: number): Promise<void> {
    const name = title.trim();
    if (name === "") return;
    await this.guard(async () => {
      const event = await ipc.createEvent(name);
      if (withArticle !== undefined) await ipc.addToEvent(event.id, [withArticle]);
      await this.refreshEvents();
      if (withArticle !== undefined && this.selectedId === withArticle) {
        this.article = await ipc.getArticle(withArticle);
      }
    });
  }

  async renameEvent(id: number, title: string): Promise<void> {
    const name = title.trim();
    if (name === "") return;
    await this.guard(async () => {
      await ipc.renameEvent(id, name);
      await this.refresh();
    });
  }

  /** Deletes an event; its articles stay in the library. */
  async deleteEvent(id: number): Promise<void> {
    await this.guard(async () => {
      await ipc.deleteEvent(id);
      if (this.eventId === id) this.eventId = null;
      await this.refresh();
      this.flash("Event deleted — its articles are still in the library");
    });
  }

  async addToEvent(eventId: number, articleId: number): Promise<void> {
    await this.guard(async () => {
      await ipc.addToEvent(eventId, [articleId]);
      await this.refresh();
    });
  }

  async removeFromEvent(eventId: number, articleId: number): Promise<void> {
    await this.guard(async () => {
      await ipc.removeFromEvent(eventId, articleId);
      await this.refresh();
    });
  }

  dismissError(): void {
    this.error = null;
  }

  /** Shows a short confirmation for 4 s (also used by the sessions list). */
  flash(message: string): void {
    this.notice = message;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = null), 4000);
  }

  /** Runs an IPC action; a failure shows in the error banner and yields `fallback`. */
  private async guard<T>(action: () => Promise<T>, fallback?: T): Promise<T> {
    try {
      return await action();
    } catch (error) {
      this.error = ipc.errorMessage(error);
      return fallback as T;
    }
  }
}
