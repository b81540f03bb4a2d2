// The one bridge to the Rust side: every Tauri command, the file dialogs and the drag-drop events.
// Nothing else in the UI calls invoke() or creates a Channel; types come from the generated bindings.

import { Channel, invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open } from "@tauri-apps/plugin-dialog";
import type { AppError } from "./bindings/AppError";
import type { ArticleList } from "./bindings/ArticleList";
import type { ArticleSort } from "./bindings/ArticleSort";
import type { ArticleView } from "./bindings/ArticleView";
import type { EventProposalView } from "./bindings/EventProposalView";
import type { EventSummary } from "./bindings/EventSummary";
import type { ImportEvent } from "./bindings/ImportEvent";
import type { RefreshResult } from "./bindings/RefreshResult";
import type { MetadataEdit } from "./bindings/MetadataEdit";
import type { VectorsProgress } from "./bindings/VectorsProgress";
import type { LibraryChanged } from "./bindings/LibraryChanged";
import type { LibraryInfo } from "./bindings/LibraryInfo";
import type { TeamSettings } from "./bindings/TeamSettings";
import type { TeamConnected } from "./bindings/TeamConnected";
import type { CopyStep } from "./bindings/CopyStep";
import type { CopySummary } from "./bindings/CopySummary";
import type { SampleLibrary } from "./bindings/SampleLibrary";
import type { SearchResult } from "./bindings/SearchResult";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { NewNote } from "./bindings/NewNote";
import type { NewSession } from "./bindings/NewSession";
import type { Note } from "./bindings/Note";
import type { SessionOptions } from "./bindings/SessionOptions";
import type { SessionSummary } from "./bindings/SessionSummary";
import type { SessionView } from "./bindings/SessionView";

/** The articles of the library (or of one event), in the given order, and the library's size. */
export function listArticles(
  sort: ArticleSort,
  eventId: number | null,
  offset: number,
  limit: number,
): Promise<ArticleList> {
  return invoke("list_articles", { sort, eventId, offset, limit });
}

/** Every id of the list (the library or one event) in the order asked for. */
export function listArticleIds(sort: ArticleSort, eventId: number | null): Promise<number[]> {
  return invoke("list_article_ids", { sort, eventId });
}

/** Full-text search over titles and bodies, best matches first. */
export function search(query: string, limit: number): Promise<SearchResult[]> {
  return invoke("search", { query, limit });
}

/** One article with its paragraphs and events. */
export function getArticle(id: number): Promise<ArticleView> {
  return invoke("get_article", { id });
}

/** Corrects an article's metadata and returns it as now stored. */
export function updateArticle(id: number, edit: MetadataEdit): Promise<ArticleView> {
  return invoke("update_article", { id, edit });
}

/** Hides an article from the library; `restoreArticle` brings it back. */
export function deleteArticle(id: number): Promise<void> {
  return invoke("delete_article", { id });
}

/** Brings a deleted article back. */
export function restoreArticle(id: number): Promise<void> {
  return invoke("restore_article", { id });
}

/**
 * Imports files and folders; `onEvent` receives the progress as it happens. The promise settles when
 * the batch is over.
 */
export function importPaths(paths: string[], onEvent: (event: ImportEvent) => void): Promise<void> {
  const onProgress = new Channel<ImportEvent>(onEvent);
  return invoke("import_paths", { paths, onProgress });
}

/** Imports web addresses (fetched a few at a time), streaming progress as `importPaths` does. */
export function importAddresses(addresses: string[], onEvent: (event: ImportEvent) => void): Promise<void> {
  const onProgress = new Channel<ImportEvent>(onEvent);
  return invoke("import_addresses", { addresses, onProgress });
}

/** Imports pasted HTML (read as a page) or plain text (its first line the title) as an article. */
export function importPasted(
  text: string,
  html: string | null,
  onEvent: (event: ImportEvent) => void,
): Promise<void> {
  const onProgress = new Channel<ImportEvent>(onEvent);
  return invoke("import_pasted", { text, html, onProgress });
}

/** Fetches again every article of an event that has a web address: one result per article. */
export function refreshEvent(eventId: number): Promise<RefreshResult[]> {
  return invoke("refresh_event", { eventId });
}

/** Events proposed for the articles in none ("Group by event"). */
export function proposeEvents(): Promise<EventProposalView[]> {
  return invoke("propose_events");
}

/** Fetches an article's address again: unchanged, a new version, or why not. */
export function refreshArticle(id: number): Promise<RefreshResult> {
  return invoke("refresh_article", { id });
}

/** Imports the fictional sample articles and groups them under one event. */
export function openSampleLibrary(): Promise<SampleLibrary> {
  return invoke("open_sample_library");
}

/** All events with their article counts. */
export function listEvents(): Promise<EventSummary[]> {
  return invoke("list_events");
}

/** Creates an event with this title. */
export function createEvent(title: string): Promise<EventSummary> {
  return invoke("create_event", { title });
}

/** Renames an event. */
export function renameEvent(id: number, title: string, version?: number): Promise<EventSummary> {
  return invoke("rename_event", { id, title, version: version ?? null });
}

/** Deletes an event; its articles stay in the library. */
export function deleteEvent(id: number): Promise<void> {
  return invoke("delete_event", { id });
}

/** Groups articles under an event. */
export function addToEvent(eventId: number, articleIds: number[]): Promise<void> {
  return invoke("add_to_event", { eventId, articleIds });
}

/** Takes an article out of an event. */
export function removeFromEvent(eventId: number, articleId: number): Promise<void> {
  return invoke("remove_from_event", { eventId, articleId });
}

/** Saved comparison sessions, the most recently opened first. */
export function listSessions(): Promise<SessionSummary[]> {
  return invoke("list_sessions");
}

/** Creates a session from chosen articles (2–6), or from an event's articles when `articleIds` is empty. */
export function createSession(session: NewSession): Promise<SessionSummary> {
  return invoke("create_session", { session });
}

/** Opens a session: its articles, options, notes and the comparison; remembers it as the last opened. */
export function openSession(id: number): Promise<SessionView> {
  return invoke("open_session", { id });
}

/** The session to restore at start (the last one opened), if any. */
export function lastSession(): Promise<number | null> {
  return invoke("last_session");
}

/** Renames a session. */
export function renameSession(id: number, name: string): Promise<SessionSummary> {
  return invoke("rename_session", { id, name });
}

/** Copies a session with its articles, options and notes. */
export function duplicateSession(id: number): Promise<SessionSummary> {
  return invoke("duplicate_session", { id });
}

/** Deletes a session and its notes; the articles stay in the library. */
export function deleteSession(id: number): Promise<void> {
  return invoke("delete_session", { id });
}

/** Sets a session's articles in pane order (reorder, swap, add or remove panes). */
export function setSessionArticles(id: number, articleIds: number[]): Promise<SessionSummary> {
  return invoke("set_session_articles", { id, articleIds });
}

/** Saves a session's options (normalization, threshold, manual links, layout…). */
export function setSessionOptions(id: number, options: SessionOptions): Promise<SessionSummary> {
  return invoke("set_session_options", { id, options });
}

/** Adds a note on a span of one report. */
export function addNote(note: NewNote): Promise<Note> {
  return invoke("add_note", { note });
}

/** Changes a note's text. */
export function updateNote(id: number, note: string, version?: number): Promise<Note> {
  return invoke("update_note", { id, note, version: version ?? null });
}

/** Deletes a note. */
export function deleteNote(id: number): Promise<void> {
  return invoke("delete_note", { id });
}

/** Exports a session after asking where to save it; resolves to the written path, or null when cancelled. */
export function exportSession(id: number, format: ExportFormat): Promise<string | null> {
  return invoke("export_session", { id, format });
}

/** Asks the user for article files (several at once); `[]` when cancelled. */
export async function chooseFiles(): Promise<string[]> {
  const chosen = await open({
    title: "Import articles",
    multiple: true,
    directory: false,
    filters: [
      {
        name: "Articles",
        extensions: ["html", "htm", "xhtml", "mhtml", "mht", "txt", "md", "markdown", "pdf", "docx"],
      },
    ],
  });
  return chosen ?? [];
}

/** Asks the user for a folder of articles; `[]` when cancelled. */
export async function chooseFolder(): Promise<string[]> {
  const chosen = await open({ title: "Import a folder of articles", directory: true, multiple: false });
  return chosen === null ? [] : [chosen];
}

/** What the window reports while files are dragged over it. */
export type DropHandlers = {
  /** Files are over the window. */
  hover: () => void;
  /** They left without being dropped. */
  leave: () => void;
  /** They were dropped. */
  drop: (paths: string[]) => void;
};

/** Listens for files dragged onto the window; resolves to the function that stops listening. */
/** What a quick check finds wrong with the library, or null when it is sound. */
export function libraryHealth(): Promise<string | null> {
  return invoke("library_health");
}

/** Progress of the background pass that prepares imported articles for comparison by meaning. */
/** Which library is open: this computer's, or a team library. */
export function libraryInfo(): Promise<LibraryInfo> {
  return invoke("library_info");
}

/** Connects to a team library and works on it from now on (also at the next start). */
export function useTeamLibrary(settings: TeamSettings, password: string, remember: boolean): Promise<TeamConnected> {
  return invoke("use_team_library", { settings, password: password === "" ? null : password, remember });
}

/** Works on this computer's library again. */
export function useLocalLibrary(): Promise<LibraryInfo> {
  return invoke("use_local_library");
}

/** Copies this computer's library into the open team library, streaming each step. */
export function copyLocalLibrary(onStep: (step: CopyStep) => void): Promise<CopySummary> {
  const onProgress = new Channel<CopyStep>(onStep);
  return invoke("copy_local_library", { onProgress });
}

/** A team library's changes by colleagues (never sent for a local library). */
export function onLibraryChanged(handler: (change: LibraryChanged) => void): Promise<() => void> {
  return listen<LibraryChanged>("library-changed", (event) => handler(event.payload));
}

export function onVectorsProgress(handler: (progress: VectorsProgress) => void): Promise<() => void> {
  return listen<VectorsProgress>("sentence-vectors", (event) => handler(event.payload));
}

export function onFileDrop(handlers: DropHandlers): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const drag = event.payload;
    switch (drag.type) {
      case "enter":
      case "over":
        handlers.hover();
        break;
      case "leave":
        handlers.leave();
        break;
      case "drop":
        handlers.leave();
        if (drag.paths.length > 0) handlers.drop(drag.paths);
        break;
    }
  });
}

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { message?: unknown }).message === "string" &&
    typeof (value as { code?: unknown }).code === "string"
  );
}

/** A rejected command's message as a sentence for a person. */
export function errorMessage(error: unknown): string {
  const text = isAppError(error)
    ? error.message
    : error instanceof Error
      ? error.message
      : typeof error === "string"
        ? error
        : "something went wrong";
  const trimmed = text.trim() || "something went wrong";
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
