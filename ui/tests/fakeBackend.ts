// An in-memory stand-in for the Rust commands, installed with mockIPC, so component tests drive the
// real UI through the real ipc.ts. It answers like the store does, and records every call.

import type { LibraryInfo } from "../src/lib/bindings/LibraryInfo";
import type { TeamSettings } from "../src/lib/bindings/TeamSettings";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { ArticleRow } from "../src/lib/bindings/ArticleRow";
import type { ArticleSort } from "../src/lib/bindings/ArticleSort";
import type { ArticleView } from "../src/lib/bindings/ArticleView";
import type { EventSummary } from "../src/lib/bindings/EventSummary";
import type { FileOutcome } from "../src/lib/bindings/FileOutcome";
import type { ImportEvent } from "../src/lib/bindings/ImportEvent";
import type { MetadataEdit } from "../src/lib/bindings/MetadataEdit";
import type { NewNote } from "../src/lib/bindings/NewNote";
import type { NewSession } from "../src/lib/bindings/NewSession";
import type { Note } from "../src/lib/bindings/Note";
import type { SearchResult } from "../src/lib/bindings/SearchResult";
import type { SessionArticle } from "../src/lib/bindings/SessionArticle";
import type { SessionOptions } from "../src/lib/bindings/SessionOptions";
import type { SessionSummary } from "../src/lib/bindings/SessionSummary";
import type { SessionView } from "../src/lib/bindings/SessionView";
import { sortRows } from "../src/lib/sorting";
import { DEFAULT_OPTIONS, generatedView } from "./sessionFixtures";

/** This computer's library, as the fake reports it. */
const LOCAL_LIBRARY: LibraryInfo = {
  team: false,
  address: "/home/ana/.local/share/app.parallax.desktop/library.sqlite",
  settings: null,
  author: null,
  passwordKept: false,
};

type Call = { cmd: string; args: Record<string, unknown> };

/** A stored article: its view plus membership and deletion. */
type Stored = ArticleView & { deleted: boolean };

/** A stored session: its summary (article ids include deleted ones), options and notes. */
export type StoredSession = SessionSummary & { options: SessionOptions; notes: Note[]; openOrder: number | null };

/** Builds the comparison `open_session` returns for a session's articles (in pane order). */
export type ViewBuilder = (session: SessionSummary, articles: SessionArticle[]) => SessionView;

/**
 * The default comparison: the fixtures' generated reports (four sentences each), with the session's
 * own summary, articles, outlets and titles in the panes.
 */
export const generatedSessionView: ViewBuilder = (session, articles) => {
  const base = generatedView(articles.length, 4);
  return {
    ...base,
    session,
    articles,
    model: {
      ...base.model,
      panes: base.model.panes.map((pane, index) => ({
        ...pane,
        title: articles[index]?.title ?? pane.title,
        outlet: articles[index]?.outlet ?? null,
        publishedAt: articles[index]?.publishedAt ?? null,
      })),
    },
  };
};

const MIN_SESSION_ARTICLES = 2;
const MAX_SESSION_ARTICLES = 6;

function reports(count: number): string {
  return count === 1 ? "1 report" : `${count} reports`;
}

export class FakeBackend {
  /** Which library is open (the library switcher's view of it). */
  libraryInfo: LibraryInfo = { ...LOCAL_LIBRARY };
  calls: Call[] = [];
  articles: Stored[] = [];
  events: { id: number; title: string; articleIds: Set<number> }[] = [];
  /** Outcome per path for the next import (default: imported, titled after the file). */
  importOutcomes = new Map<string, FileOutcome>();
  /** What the quick check at start reports (null: a sound library). */
  libraryProblems: string | null = null;
  /** Paths chosen in the next file dialog. */
  dialogPaths: string[] | null = null;
  /** Sample pages that fail to import (the rest import). */
  sampleFailures: FileOutcome[] = [];
  /** When set, an import waits for this promise before reporting (to test drops during a batch). */
  importGate: Promise<void> | null = null;
  /** When set, the next article listing waits for this promise (to test the screen before the first load). */
  listGate: Promise<void> | null = null;
  sessions: StoredSession[] = [];
  /** The session `last_session` answers (the last one opened). */
  lastOpened: number | null = null;
  /** What `open_session` shows; replace to open a hand-made comparison. */
  viewFor: ViewBuilder = generatedSessionView;
  /** What the next `export_session` answers: a path (written), null (cancelled) or an error. */
  exportAnswer: string | null | { code: string; message: string } = "/home/reporter/Parallax/export";
  /** The event every article of the next imports is offered ("suggested"), if any. */
  offerEvent: { eventId: number; eventTitle: string } | null = null;
  /** What "Group by event" proposes. */
  proposals: { title: string; articles: { id: number; title: string; outlet: string | null }[] }[] = [];
  private nextId = 1;
  private nextSessionId = 1;
  private nextNoteId = 1;
  private openCounter = 0;
  private clock = 0;

  /** Adds an article as if imported. */
  add(fields: Partial<ArticleView> & { title: string }): ArticleView {
    const id = this.nextId++;
    const article: Stored = {
      id,
      byline: null,
      outlet: null,
      url: null,
      canonicalUrl: null,
      publishedAt: null,
      importedAt: `2026-03-20T10:00:0${id % 10}Z`,
      lang: "en",
      sourceFormat: "html",
      sourcePath: `/news/${id}.html`,
      wordCount: 100,
      paragraphs: ["First paragraph.", "Second paragraph."],
      events: [],
      fetchedAt: null,
      versions: [id],
      deleted: false,
      ...fields,
    };
    this.articles.push(article);
    return article;
  }

  addEvent(title: string, articleIds: number[] = []): number {
    const id = this.events.length + 100;
    this.events.push({ id, title, articleIds: new Set(articleIds) });
    return id;
  }

  /** Adds a session as if created (articles in pane order), never opened unless `opened`. */
  addSession(name: string, articleIds: number[], fields: Partial<StoredSession> = {}): StoredSession {
    const stamp = this.stamp();
    const session: StoredSession = {
      id: this.nextSessionId++,
      name,
      eventId: null,
      mode: "compare",
      articleIds: [...articleIds],
      createdAt: stamp,
      updatedAt: stamp,
      openedAt: null,
      options: { ...DEFAULT_OPTIONS, links: [] },
      notes: [],
      openOrder: null,
      ...fields,
    };
    this.sessions.push(session);
    return session;
  }

  callsTo(cmd: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.cmd === cmd).map((call) => call.args);
  }

  /** The articles not deleted. */
  live(): Stored[] {
    return this.articles.filter((article) => !article.deleted);
  }

  private row(article: Stored): ArticleRow {
    const { id, title, outlet, publishedAt, importedAt, wordCount, lang } = article;
    return { id, title, outlet, publishedAt, importedAt, wordCount, lang };
  }

  private view(article: Stored): ArticleView {
    const { deleted: _deleted, ...view } = article;
    const events = this.events
      .filter((event) => event.articleIds.has(article.id))
      .map((event) => ({ id: event.id, title: event.title }));
    return { ...view, events };
  }

  private find(id: unknown): Stored {
    const article = this.live().find((candidate) => candidate.id === id);
    if (!article) throw { code: "notFound", message: `article #${String(id)} was not found` };
    return article;
  }

  /** A distinct RFC 3339 time per call, so "most recent" orderings are deterministic. */
  private stamp(): string {
    this.clock += 1;
    return new Date(Date.UTC(2026, 2, 20, 10, 0, this.clock)).toISOString().replace(".000Z", "Z");
  }

  private sessionSummary(session: StoredSession): SessionSummary {
    const live = new Set(this.live().map((article) => article.id));
    const { options: _options, notes: _notes, openOrder: _order, ...summary } = session;
    return { ...summary, articleIds: session.articleIds.filter((id) => live.has(id)) };
  }

  private findSession(id: unknown): StoredSession {
    const session = this.sessions.find((candidate) => candidate.id === id);
    if (!session) throw { code: "notFound", message: `session #${String(id)} was not found` };
    return session;
  }

  /** The store's rule: 2 to 6 distinct articles, all in the library. */
  private checkArticles(ids: number[]): void {
    if (ids.length < MIN_SESSION_ARTICLES) {
      throw {
        code: "invalid",
        message: `a session compares 2 to 6 reports; choose at least 2 (${ids.length === 0 ? "none" : ids.length} chosen)`,
      };
    }
    if (ids.length > MAX_SESSION_ARTICLES) {
      throw { code: "invalid", message: `a session shows at most 6 reports side by side; ${ids.length} were chosen` };
    }
    ids.forEach((id, index) => {
      if (ids.slice(0, index).includes(id)) {
        throw { code: "invalid", message: `article #${id} was chosen twice; a session shows each report once` };
      }
      this.find(id);
    });
  }

  private createSession(request: NewSession): SessionSummary {
    if (request.articleIds.length === 0 && request.eventId !== null) {
      const event = this.events.find((candidate) => candidate.id === request.eventId);
      if (!event) throw { code: "notFound", message: `event #${String(request.eventId)} was not found` };
      const ids = this.live()
        .filter((article) => event.articleIds.has(article.id))
        .sort((a, b) => (a.publishedAt ?? "9999").localeCompare(b.publishedAt ?? "9999") || a.id - b.id)
        .map((article) => article.id);
      if (ids.length < MIN_SESSION_ARTICLES) {
        throw {
          code: "invalid",
          message: `the event “${event.title}” has ${reports(ids.length)}; a session compares 2 to 6 reports, so add more to the event first`,
        };
      }
      if (ids.length > MAX_SESSION_ARTICLES) {
        throw {
          code: "invalid",
          message: `the event “${event.title}” has ${reports(ids.length)}, more than the 6 a session shows side by side; choose up to 6 of them`,
        };
      }
      return this.sessionSummary(this.addSession(request.name ?? event.title, ids, { eventId: event.id }));
    }
    this.checkArticles(request.articleIds);
    const first = this.find(request.articleIds[0]);
    return this.sessionSummary(
      this.addSession(request.name ?? first.title, request.articleIds, {
        eventId: request.eventId,
        mode: request.mode ?? "compare",
      }),
    );
  }

  private openSession(id: unknown): SessionView {
    const session = this.findSession(id);
    const live = this.sessionSummary(session).articleIds;
    if (live.length < MIN_SESSION_ARTICLES) {
      throw {
        code: "invalid",
        message: `“${session.name}” has ${reports(live.length)} left in the library; a session compares 2 to 6`,
      };
    }
    session.openedAt = this.stamp();
    session.openOrder = ++this.openCounter;
    this.lastOpened = session.id;
    const articles: SessionArticle[] = live.map((articleId) => {
      const article = this.find(articleId);
      return {
        id: article.id,
        title: article.title,
        outlet: article.outlet,
        publishedAt: article.publishedAt,
        wordCount: article.wordCount,
      };
    });
    const summary = this.sessionSummary(session);
    const notes = session.notes.filter((note) => live.includes(note.articleId));
    return { ...this.viewFor(summary, articles), session: summary, options: session.options, notes };
  }

  private addNote(request: NewNote): Note {
    const session = this.findSession(request.sessionId);
    const article = this.find(request.articleId);
    if (request.note.trim() === "") throw { code: "invalid", message: "a note cannot be empty" };
    const body = new TextEncoder().encode(article.paragraphs.join("\n\n"));
    if (request.start >= request.end || request.end > body.length) {
      throw { code: "invalid", message: `the span ${request.start}–${request.end} is not in article #${article.id}` };
    }
    const note: Note = {
      id: this.nextNoteId++,
      articleId: article.id,
      start: request.start,
      end: request.end,
      quote: new TextDecoder().decode(body.slice(request.start, request.end)),
      note: request.note.trim(),
      createdAt: this.stamp(),
    };
    session.notes.push(note);
    return note;
  }

  private findNote(id: unknown): { session: StoredSession; note: Note } {
    for (const session of this.sessions) {
      const note = session.notes.find((candidate) => candidate.id === id);
      if (note) return { session, note };
    }
    throw { code: "notFound", message: `note #${String(id)} was not found` };
  }

  private summaries(): EventSummary[] {
    return this.events.map((event) => ({
      id: event.id,
      title: event.title,
      notes: null,
      articleCount: this.live().filter((article) => event.articleIds.has(article.id)).length,
      createdBy: null,
      version: 1,
    }));
  }

  /** Sends a progress event down a channel the way the Rust side does. */
  private send(channel: unknown, index: number, message: ImportEvent) {
    const id = (channel as { id: number }).id;
    window.__TAURI_INTERNALS__.runCallback(id, { index, message });
  }

  /** Imports `args.paths`, reporting on `args.onProgress` as the Rust command does. */
  private runImport(args: Record<string, unknown>): null {
    const paths = (args.paths ?? args.addresses ?? ["pasted text"]) as string[];
    const channel = args.onProgress;
    let index = 0;
    this.send(channel, index++, { event: "started", data: { total: paths.length } });
    const summary = { imported: 0, duplicates: 0, failed: 0 };
    const imported: number[] = [];
    paths.forEach((path, at) => {
      let outcome = this.importOutcomes.get(path);
      if (!outcome) {
        const article = this.add({ title: `Imported ${path}`, sourcePath: path });
        outcome = { status: "imported", path, id: article.id, title: article.title, outlet: null };
      }
      if (outcome.status === "imported") {
        summary.imported += 1;
        imported.push(outcome.id);
      }
      else if (outcome.status === "duplicate") summary.duplicates += 1;
      else summary.failed += 1;
      this.send(channel, index++, { event: "files", data: { done: at + 1, total: paths.length, outcomes: [outcome] } });
    });
    const offer = this.offerEvent;
    if (offer) {
      const suggestions = imported.map((articleId) => ({ articleId, ...offer }));
      this.send(channel, index++, { event: "suggested", data: { suggestions } });
    }
    this.send(channel, index++, { event: "finished", data: summary });
    return null;
  }

  private handle(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case "list_articles": {
        const gate = this.listGate;
        if (gate) {
          this.listGate = null;
          return gate.then(() => this.handle(cmd, args));
        }
        const sort = args.sort as ArticleSort;
        const eventId = args.eventId as number | null;
        const event = this.events.find((candidate) => candidate.id === eventId);
        const rows = sortRows(
          this.live()
            .filter((article) => eventId === null || event?.articleIds.has(article.id))
            .map((article) => this.row(article)),
          sort,
        );
        const offset = Number(args.offset ?? 0);
        const limit = Number(args.limit ?? rows.length);
        return {
          articles: rows.slice(offset, offset + limit),
          offset,
          listed: rows.length,
          total: this.live().length,
        };
      }
      case "list_article_ids": {
        const sort = args.sort as ArticleSort;
        const eventId = args.eventId as number | null;
        const event = this.events.find((candidate) => candidate.id === eventId);
        return sortRows(
          this.live()
            .filter((article) => eventId === null || event?.articleIds.has(article.id))
            .map((article) => this.row(article)),
          sort,
        ).map((row) => row.id);
      }
      case "search": {
        const words = String(args.query).toLowerCase().split(/\s+/).filter(Boolean);
        const limit = Number(args.limit ?? Infinity);
        return this.live()
          .filter((article) => words.every((word) => article.title.toLowerCase().includes(word)))
          .map(
            (article): SearchResult => ({
              article: this.row(article),
              title: [{ text: article.title, matched: true }],
              snippet: [{ text: article.paragraphs[0] ?? "", matched: false }],
            }),
          )
          .slice(0, limit);
      }
      case "get_article":
        return this.view(this.find(args.id));
      case "update_article": {
        const article = this.find(args.id);
        const edit = args.edit as MetadataEdit;
        if (edit.title !== null) article.title = edit.title;
        if (edit.outlet !== null) article.outlet = edit.outlet === "" ? null : edit.outlet;
        if (edit.publishedAt !== null) article.publishedAt = edit.publishedAt === "" ? null : edit.publishedAt;
        if (edit.url !== null) article.url = edit.url === "" ? null : edit.url;
        return this.view(article);
      }
      case "delete_article":
        this.find(args.id).deleted = true;
        return null;
      case "restore_article": {
        const article = this.articles.find((candidate) => candidate.id === args.id);
        if (article) article.deleted = false;
        return null;
      }
      case "import_paths": {
        const gate = this.importGate;
        if (gate) return gate.then(() => this.runImport(args));
        return this.runImport(args);
      }
      case "refresh_event":
        return [
          { status: "newVersion", previousId: 1, id: this.add({ title: "Newer" }).id, title: "Newer" },
          { status: "unchanged", id: 2, sameAs: 2 },
        ];
      case "propose_events":
        return this.proposals;
      case "import_addresses":
      case "import_pasted":
        return this.runImport(args);
      case "refresh_article": {
        const old = this.find(args.id);
        const newer = this.add({
          title: old.title,
          url: old.url,
          paragraphs: [...old.paragraphs, "An update."],
        });
        old.versions = [old.id, newer.id];
        newer.versions = [old.id, newer.id];
        return { status: "newVersion", previousId: old.id, id: newer.id, title: newer.title };
      }
      case "open_sample_library": {
        const first = this.add({ title: "Police and protesters clash in Port Maren", outlet: "The Meridian Herald" });
        const second = this.add({ title: "Dozens hurt in Port Maren", outlet: "The Meridian Herald" });
        const eventId = this.addEvent("Port Maren water-price march (fictional sample)", [first.id, second.id]);
        // Like the backend, the sample comes with a session (here: its two versions).
        this.addSession("Meridian Herald: two versions (fictional sample)", [first.id, second.id], {
          mode: "versions",
        });
        const imported: FileOutcome = {
          status: "imported",
          path: "sample-library/meridian-herald-v1.html",
          id: first.id,
          title: first.title,
          outlet: first.outlet,
        };
        return { eventId, outcomes: [imported, ...this.sampleFailures] };
      }
      case "library_info":
        return this.libraryInfo;
      case "use_team_library": {
        const settings = args.settings as TeamSettings;
        if (settings.host === "unreachable.example")
          throw { code: "library", message: "the library could not be used: its server cannot be reached" };
        this.libraryInfo = {
          team: true,
          address: `postgres://${settings.user}@${settings.host}:${settings.port}/${settings.database}?sslmode=${settings.tls}`,
          settings,
          author: "ana",
          passwordKept: args.remember === true && args.password !== null,
        };
        return { info: this.libraryInfo, keychainProblem: null };
      }
      case "use_local_library":
        this.libraryInfo = { ...LOCAL_LIBRARY };
        return this.libraryInfo;
      case "list_events":
        return this.summaries();
      case "create_event": {
        const id = this.addEvent(String(args.title));
        return this.summaries().find((event) => event.id === id);
      }
      case "rename_event": {
        const event = this.events.find((candidate) => candidate.id === args.id);
        if (!event) throw { code: "notFound", message: `event #${String(args.id)} was not found` };
        event.title = String(args.title);
        return this.summaries().find((summary) => summary.id === event.id);
      }
      case "delete_event":
        this.events = this.events.filter((event) => event.id !== args.id);
        return null;
      case "add_to_event": {
        const event = this.events.find((candidate) => candidate.id === args.eventId);
        for (const id of args.articleIds as number[]) event?.articleIds.add(id);
        return null;
      }
      case "remove_from_event":
        this.events.find((event) => event.id === args.eventId)?.articleIds.delete(args.articleId as number);
        return null;
      case "list_sessions":
        return [...this.sessions]
          .sort(
            (a, b) =>
              (b.openOrder ?? -1) - (a.openOrder ?? -1) || b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id,
          )
          .map((session) => this.sessionSummary(session));
      case "create_session":
        return this.createSession(args.session as NewSession);
      case "open_session":
        return this.openSession(args.id);
      case "library_health":
        return this.libraryProblems;
      case "last_session":
        return this.lastOpened !== null && this.sessions.some((session) => session.id === this.lastOpened)
          ? this.lastOpened
          : null;
      case "rename_session": {
        const session = this.findSession(args.id);
        const name = String(args.name).trim();
        if (name === "") throw { code: "invalid", message: "a session needs a name" };
        session.name = name;
        session.updatedAt = this.stamp();
        return this.sessionSummary(session);
      }
      case "duplicate_session": {
        const source = this.findSession(args.id);
        const copy = this.addSession(`${source.name} (copy)`, source.articleIds, {
          eventId: source.eventId,
          mode: source.mode,
          options: structuredClone(source.options),
        });
        copy.notes = source.notes.map((note) => ({ ...note, id: this.nextNoteId++ }));
        return this.sessionSummary(copy);
      }
      case "delete_session":
        this.findSession(args.id);
        this.sessions = this.sessions.filter((session) => session.id !== args.id);
        if (this.lastOpened === args.id) this.lastOpened = null;
        return null;
      case "set_session_articles": {
        const session = this.findSession(args.id);
        const ids = args.articleIds as number[];
        this.checkArticles(ids);
        session.articleIds = [...ids];
        session.updatedAt = this.stamp();
        return this.sessionSummary(session);
      }
      case "set_session_options": {
        const session = this.findSession(args.id);
        const options = args.options as SessionOptions;
        if (!(options.threshold >= 0 && options.threshold <= 1)) {
          throw {
            code: "invalid",
            message: `the similarity threshold is a share between 0 and 1, not ${options.threshold}`,
          };
        }
        session.options = structuredClone(options);
        session.updatedAt = this.stamp();
        return this.sessionSummary(session);
      }
      case "add_note":
        return this.addNote(args.note as NewNote);
      case "update_note": {
        const { note } = this.findNote(args.id);
        const text = String(args.note).trim();
        if (text === "") throw { code: "invalid", message: "a note cannot be empty" };
        note.note = text;
        return note;
      }
      case "delete_note": {
        const { session, note } = this.findNote(args.id);
        session.notes = session.notes.filter((candidate) => candidate !== note);
        return null;
      }
      case "export_session": {
        const session = this.findSession(args.id);
        const answer = this.exportAnswer;
        if (answer !== null && typeof answer === "object") throw answer;
        if (answer === null) return null;
        const format = String(args.format);
        return `${answer}/${session.name.replace(/[^\w-]+/g, "-")}.${format}`;
      }
      case "plugin:dialog|open":
        return this.dialogPaths;
      default:
        throw { code: "invalid", message: `the fake backend has no command ${cmd}` };
    }
  }

  /** Installs this backend behind invoke() (and the event plugin, for drag-drop). */
  install(): this {
    mockWindows("main");
    mockIPC(
      (cmd, payload) => {
        const args = (payload ?? {}) as Record<string, unknown>;
        this.calls.push({ cmd, args });
        return this.handle(cmd, args);
      },
      { shouldMockEvents: true },
    );
    return this;
  }
}
