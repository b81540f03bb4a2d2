// An in-memory stand-in for the Rust commands, installed with mockIPC, so component tests drive the
// real UI through the real ipc.ts. It answers like the store does, and records every call.

import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { ArticleRow } from "../src/lib/bindings/ArticleRow";
import type { ArticleSort } from "../src/lib/bindings/ArticleSort";
import type { ArticleView } from "../src/lib/bindings/ArticleView";
import type { EventSummary } from "../src/lib/bindings/EventSummary";
import type { FileOutcome } from "../src/lib/bindings/FileOutcome";
import type { ImportEvent } from "../src/lib/bindings/ImportEvent";
import type { MetadataEdit } from "../src/lib/bindings/MetadataEdit";
import type { SearchResult } from "../src/lib/bindings/SearchResult";
import { sortRows } from "../src/lib/sorting";

type Call = { cmd: string; args: Record<string, unknown> };

/** A stored article: its view plus membership and deletion. */
type Stored = ArticleView & { deleted: boolean };

export class FakeBackend {
  calls: Call[] = [];
  articles: Stored[] = [];
  events: { id: number; title: string; articleIds: Set<number> }[] = [];
  /** Outcome per path for the next import (default: imported, titled after the file). */
  importOutcomes = new Map<string, FileOutcome>();
  /** Paths chosen in the next file dialog. */
  dialogPaths: string[] | null = null;
  /** Sample pages that fail to import (the rest import). */
  sampleFailures: FileOutcome[] = [];
  /** When set, an import waits for this promise before reporting (to test drops during a batch). */
  importGate: Promise<void> | null = null;
  /** When set, the next article listing waits for this promise (to test the screen before the first load). */
  listGate: Promise<void> | null = null;
  private nextId = 1;

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

  callsTo(cmd: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.cmd === cmd).map((call) => call.args);
  }

  private live(): Stored[] {
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

  private summaries(): EventSummary[] {
    return this.events.map((event) => ({
      id: event.id,
      title: event.title,
      notes: null,
      articleCount: this.live().filter((article) => event.articleIds.has(article.id)).length,
    }));
  }

  /** Sends a progress event down a channel the way the Rust side does. */
  private send(channel: unknown, index: number, message: ImportEvent) {
    const id = (channel as { id: number }).id;
    window.__TAURI_INTERNALS__.runCallback(id, { index, message });
  }

  /** Imports `args.paths`, reporting on `args.onProgress` as the Rust command does. */
  private runImport(args: Record<string, unknown>): null {
    const paths = args.paths as string[];
    const channel = args.onProgress;
    let index = 0;
    this.send(channel, index++, { event: "started", data: { total: paths.length } });
    const summary = { imported: 0, duplicates: 0, failed: 0 };
    paths.forEach((path, at) => {
      let outcome = this.importOutcomes.get(path);
      if (!outcome) {
        const article = this.add({ title: `Imported ${path}`, sourcePath: path });
        outcome = { status: "imported", path, id: article.id, title: article.title, outlet: null };
      }
      if (outcome.status === "imported") summary.imported += 1;
      else if (outcome.status === "duplicate") summary.duplicates += 1;
      else summary.failed += 1;
      this.send(channel, index++, { event: "files", data: { done: at + 1, total: paths.length, outcomes: [outcome] } });
    });
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
        const rows = this.live()
          .filter((article) => eventId === null || event?.articleIds.has(article.id))
          .map((article) => this.row(article));
        return { articles: sortRows(rows, sort), total: this.live().length };
      }
      case "search": {
        const words = String(args.query).toLowerCase().split(/\s+/).filter(Boolean);
        return this.live()
          .filter((article) => words.every((word) => article.title.toLowerCase().includes(word)))
          .map(
            (article): SearchResult => ({
              article: this.row(article),
              title: [{ text: article.title, matched: true }],
              snippet: [{ text: article.paragraphs[0] ?? "", matched: false }],
            }),
          );
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
      case "open_sample_library": {
        const first = this.add({ title: "Police and protesters clash in Port Maren", outlet: "The Meridian Herald" });
        const eventId = this.addEvent("Port Maren water-price march (fictional sample)", [first.id]);
        const imported: FileOutcome = {
          status: "imported",
          path: "sample-library/meridian-herald-v1.html",
          id: first.id,
          title: first.title,
          outlet: first.outlet,
        };
        return { eventId, outcomes: [imported, ...this.sampleFailures] };
      }
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
