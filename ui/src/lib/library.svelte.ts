// The library screen's state and actions (Svelte 5 runes): what is listed, selected, being imported
// or edited, and the one place that turns IPC failures into the error banner.

import type { ArticleRow } from "./bindings/ArticleRow";
import type { ArticleSort } from "./bindings/ArticleSort";
import type { ArticleView } from "./bindings/ArticleView";
import type { EventOffer } from "./bindings/EventOffer";
import type { RefreshResult } from "./bindings/RefreshResult";
import type { EventSummary } from "./bindings/EventSummary";
import type { MetadataEdit } from "./bindings/MetadataEdit";
import type { LibraryChanged } from "./bindings/LibraryChanged";
import type { SearchResult } from "./bindings/SearchResult";
import type { SortColumn } from "./bindings/SortColumn";
import { debounce } from "./debounce";
import type { ImportEvent } from "./bindings/ImportEvent";
import { failBatch, finishedBatch, reduceImport, startBatch, type ImportBatch } from "./importProgress";
import type { Incoming } from "./incoming";
import * as ipc from "./ipc";
import { DEFAULT_SORT, sortRows, toggleSort } from "./sorting";

/** How long typing must pause before the search runs. */
export const SEARCH_DELAY_MS = 200;

/** Rows fetched at a time: the list holds only the pages scrolled to, so 100,000 articles cost
 * what a few hundred do. */
export const PAGE_SIZE = 200;

/** The longest list whose ids are fetched with its first page (so picks and ranges span pages not
 * loaded at once); a longer one fetches them when a range or a step needs them (a million ids
 * take seconds to fetch, and would hold up every sort). */
export const IDS_WITH_FIRST_PAGE = 20_000;

/** Search matches shown at once, best first (one more is asked for, to know there are more). */
export const SEARCH_SHOWN = 200;

/** How long the undo toast stays after a delete. */
export const UNDO_MS = 8000;

/** An article just deleted, restorable while the toast shows. */
export type PendingDelete = { id: number; title: string };

export class Library {
  /** The rows of the current list (all articles or one event's) by position; a hole is a row of
   * a page not fetched yet. */
  listed = $state.raw<(ArticleRow | undefined)[]>([]);
  /** Every id of the current list in order, once fetched (for ranges and the keyboard). */
  listedIds = $state.raw<number[] | null>(null);
  /** Articles in the whole library, for the sidebar and the welcome screen. */
  totalCount = $state(0);
  events = $state<EventSummary[]>([]);
  sort = $state<ArticleSort>(DEFAULT_SORT);
  /** The event whose articles are listed; `null` for all articles. */
  eventId = $state<number | null>(null);
  query = $state("");
  /** Search results for `query`, `null` when not searching. */
  results = $state<SearchResult[] | null>(null);
  /** More articles match than the results show. */
  searchMore = $state(false);
  selectedId = $state<number | null>(null);
  article = $state<ArticleView | null>(null);
  batch = $state<ImportBatch | null>(null);
  importing = $state(false);
  pendingDelete = $state<PendingDelete | null>(null);
  error = $state<string | null>(null);
  /** The "Import addresses…" dialog is open (the toolbar and the welcome screen open it). */
  askingAddresses = $state(false);
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
  /** Bumped whenever the list changes (sort, event, contents): older pages are dropped. */
  private listSeq = 0;
  private pagesAsked = new Set<number>();
  private lastWindow: [number, number] = [0, 0];
  private readonly debouncedSearch = debounce(() => void this.runSearch(), SEARCH_DELAY_MS);

  /** The library has no article at all: show the welcome screen. */
  get isEmpty(): boolean {
    return this.loaded && this.totalCount === 0 && this.batch === null;
  }

  /** Search results (sorted when a header was clicked), or `null` when listing. */
  get searchRows(): ArticleRow[] | null {
    if (this.results === null) return null;
    const rows = this.results.map((result) => result.article);
    return this.sortedSearch ? sortRows(rows, this.sort) : rows;
  }

  /** Rows on screen: the search results, or the whole list (loaded or not). */
  get rowCount(): number {
    return this.searchRows?.length ?? this.listed.length;
  }

  /** The row at `index` of what is on screen; `undefined` while its page loads. */
  rowAt(index: number): ArticleRow | undefined {
    return (this.searchRows ?? this.listed)[index];
  }

  /** The ids on screen in order, as far as known now (every id once fetched). */
  get knownIds(): number[] {
    const search = this.searchRows;
    if (search) return search.map((row) => row.id);
    return this.listedIds ?? this.listed.flatMap((row) => (row ? [row.id] : []));
  }

  /** Every id on screen in order when known without asking the backend (search results, a list
   * whose ids or rows are all here), else `null`. */
  idsIfKnown(): number[] | null {
    const search = this.searchRows;
    if (search) return search.map((row) => row.id);
    if (this.listedIds) return this.listedIds;
    const ids: number[] = [];
    for (const row of this.listed) {
      if (!row) return null;
      ids.push(row.id);
    }
    return ids;
  }

  /** Every id on screen in order, fetching the list's ids when not known yet. */
  async orderedIds(): Promise<number[]> {
    const known = this.idsIfKnown();
    if (known) return known;
    const seq = this.listSeq;
    const ids = await ipc.listArticleIds(this.sort, this.eventId);
    if (seq === this.listSeq) this.listedIds = ids;
    return ids;
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

  /** Reloads the list from its first page (and the pages last on screen). */
  private async refreshList(): Promise<void> {
    const seq = ++this.listSeq;
    this.pagesAsked.clear();
    this.listedIds = null;
    const first = await ipc.listArticles(this.sort, this.eventId, 0, PAGE_SIZE);
    if (seq !== this.listSeq) return;
    const rows = new Array<ArticleRow | undefined>(Number(first.listed));
    first.articles.forEach((row, index) => (rows[index] = row));
    this.listed = rows;
    this.totalCount = first.total;
    this.pagesAsked.add(0);
    // A long list fetches its ids too, so picks and ranges span pages not loaded.
    if (rows.length > PAGE_SIZE && rows.length <= IDS_WITH_FIRST_PAGE) void this.guard(() => this.orderedIds());
    await this.ensureRows(...this.lastWindow);
    if (this.query.trim() !== "") await this.runSearch();
  }

  /** Makes sure rows `first..=last` of the list are loaded or on their way (the table calls this
   * as it scrolls). */
  async ensureRows(first: number, last: number): Promise<void> {
    this.lastWindow = [first, last];
    if (this.listed.length === 0) return;
    const seq = this.listSeq;
    const lastPage = Math.floor(Math.min(last, this.listed.length - 1) / PAGE_SIZE);
    const wanted: number[] = [];
    for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= lastPage; page++) {
      if (!this.pagesAsked.has(page)) {
        this.pagesAsked.add(page);
        wanted.push(page);
      }
    }
    await this.guard(async () => {
      for (const page of wanted) {
        const list = await ipc.listArticles(this.sort, this.eventId, page * PAGE_SIZE, PAGE_SIZE);
        if (seq !== this.listSeq) return;
        const rows = this.listed.slice();
        list.articles.forEach((row, index) => (rows[list.offset + index] = row));
        this.listed = rows;
      }
    });
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
      const results = await ipc.search(query, SEARCH_SHOWN + 1);
      // A slower answer to an older query must not overwrite a newer one.
      if (seq === this.searchSeq) {
        this.searchMore = results.length > SEARCH_SHOWN;
        this.results = results.slice(0, SEARCH_SHOWN);
      }
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

  /** Moves the selection up or down the list (arrow keys); resolves to the new row's index. */
  async selectNext(step: 1 | -1): Promise<number | null> {
    // The neighbour of a row in view (or the first or last row, with none selected) is in the
    // page or one page away: no need for every id of the list.
    if (!this.searchRows && this.listed.length > 0) {
      const at = this.selectedId === null ? -1 : this.listed.findIndex((row) => row?.id === this.selectedId);
      if (this.selectedId === null || at !== -1) {
        const nextAt = stepFrom(at, step, this.listed.length);
        if (!this.listed[nextAt]) {
          const onScreen = this.lastWindow;
          await this.ensureRows(nextAt, nextAt);
          this.lastWindow = onScreen;
        }
        const next = this.listed[nextAt];
        if (next) {
          if (next.id !== this.selectedId) await this.select(next.id);
          return nextAt;
        }
      }
    }
    const ids = await this.orderedIds();
    if (ids.length === 0) return null;
    const next = stepFrom(this.selectedId === null ? -1 : ids.indexOf(this.selectedId), step, ids.length);
    const id = ids[next];
    if (id !== undefined && id !== this.selectedId) await this.select(id);
    return next;
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

  /** Imports asked for while a batch was running (drops, pastes); each runs as a next batch. */
  private queued: (() => Promise<void>)[] = [];

  /**
   * Runs one import batch, streaming its progress into the import panel; `label` names it if the
   * command itself fails. A batch asked for while one runs waits its turn.
   */
  private async runBatch(label: string, run: (onEvent: (event: ImportEvent) => void) => Promise<void>): Promise<void> {
    if (this.importing) {
      this.queued.push(() => this.runBatch(label, run));
      return;
    }
    this.batch = startBatch();
    this.importing = true;
    try {
      await run((event) => {
        if (this.batch) this.batch = reduceImport(this.batch, event);
      });
    } catch (error) {
      this.batch = failBatch(this.batch ?? startBatch(), label, ipc.errorMessage(error));
    } finally {
      this.importing = false;
    }
    await this.refresh();
    const next = this.queued.shift();
    if (next) await next();
  }

  /** Imports dropped or chosen paths. */
  async importPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.runBatch(paths.join(", "), (onEvent) => ipc.importPaths(paths, onEvent));
  }

  /** Imports web addresses: dropped links, pasted addresses, the "Import addresses…" dialog. */
  async importAddresses(addresses: string[]): Promise<void> {
    if (addresses.length === 0) return;
    await this.runBatch(addresses.join(", "), (onEvent) => ipc.importAddresses(addresses, onEvent));
  }

  /** Imports what was pasted or dropped from a browser (addresses, a page's HTML, or text). */
  async importIncoming(incoming: Incoming): Promise<void> {
    if (incoming === null) return;
    if (incoming.kind === "addresses") {
      await this.importAddresses(incoming.addresses);
    } else {
      const { text, html } = incoming;
      await this.runBatch("pasted text", (onEvent) => ipc.importPasted(text, html, onEvent));
    }
  }

  /** The article whose address is being checked again while the check runs (an event's, negated). */
  checking = $state<number | null>(null);

  /**
   * "Check for updates": fetches the article's address again. A new version is listed and shown
   * (the reader offers to compare the versions); otherwise a notice or the error says how it went.
   */
  async checkForUpdates(id: number): Promise<void> {
    if (this.checking !== null) return;
    this.checking = id;
    try {
      const result = await ipc.refreshArticle(id);
      switch (result.status) {
        case "unchanged":
          this.flash(
            result.sameAs === id
              ? "No change: the page still says what this version says"
              : `No change: the page's text is already article #${result.sameAs}`,
          );
          break;
        case "newVersion":
          await this.refresh();
          await this.select(result.id);
          this.flash(`The page changed: its new version is #${result.id}`);
          break;
        case "failed":
          this.error = `Could not check for updates: ${result.message}`;
          break;
      }
    } catch (error) {
      this.error = ipc.errorMessage(error);
    } finally {
      this.checking = null;
    }
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
        const first = this.listed[0];
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

  /** Renames an event; `version` is the one it had when the rename began (else the one shown). */
  async renameEvent(id: number, title: string, version?: number): Promise<void> {
    const name = title.trim();
    if (name === "") return;
    await this.guard(async () => {
      const expected = version ?? this.events.find((event) => event.id === id)?.version;
      await ipc.renameEvent(id, name, expected);
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

  /** "Check for updates" on an event: every article with a web address is fetched again. */
  async checkEventForUpdates(eventId: number): Promise<void> {
    if (this.checking !== null) return;
    this.checking = -eventId;
    try {
      const results = await ipc.refreshEvent(eventId);
      const count = (status: RefreshResult["status"]) => results.filter((r) => r.status === status).length;
      const failed = results.filter((r) => r.status === "failed");
      await this.refresh();
      if (results.length === 0) {
        this.flash("No article of this event has a web address to check");
      } else {
        const newer = count("newVersion");
        this.flash(
          `${results.length} checked: ${newer === 1 ? "1 new version" : `${newer} new versions`}, ` +
            `${count("unchanged")} unchanged${failed.length > 0 ? `, ${failed.length} failed` : ""}`,
        );
      }
      if (failed.length > 0) {
        this.error = `Could not check for updates: ${failed.map((f) => `#${f.id}: ${f.message}`).join("; ")}`;
      }
    } catch (error) {
      this.error = ipc.errorMessage(error);
    } finally {
      this.checking = null;
    }
  }

  /** Accepts an event offered for a newly imported article: adds it, and the offer goes. */
  async acceptOffer(offer: EventOffer): Promise<void> {
    await this.addToEvent(offer.eventId, offer.articleId);
    if (this.batch) {
      this.batch = {
        ...this.batch,
        suggestions: this.batch.suggestions.filter((o) => o.articleId !== offer.articleId),
      };
    }
    this.flash(`Added to “${offer.eventTitle}”`);
  }

  /** Creates the events of "Group by event" that the person kept, with the titles they gave. */
  async createProposedEvents(events: { title: string; articleIds: number[] }[]): Promise<void> {
    await this.guard(async () => {
      for (const event of events) {
        const created = await ipc.createEvent(event.title);
        await ipc.addToEvent(created.id, event.articleIds);
      }
      await this.refresh();
    });
    if (events.length > 0) this.flash(events.length === 1 ? "1 event created" : `${events.length} events created`);
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
  /** Colleagues changed a team library: the list and events are read again, and it is said. */
  async colleaguesChanged(change: LibraryChanged, inSession: boolean): Promise<void> {
    if (change.articles || change.events) await this.refresh();
    if (change.newArticles > 0) {
      this.flash(
        change.newArticles === 1 ? "1 new article from a colleague" : `${change.newArticles} new articles from colleagues`,
      );
    } else if (change.notes && inSession) {
      this.flash("A colleague changed notes: reopen the session to see them");
    } else if (change.articles || change.events) {
      this.flash("A colleague changed the library");
    }
  }

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

/** The index a step lands on from index `at` of `length` rows (from none, -1: the first row going
 * down, the last going up), held within the list. */
function stepFrom(at: number, step: 1 | -1, length: number): number {
  if (at === -1) return step === 1 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, at + step));
}
