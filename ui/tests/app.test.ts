// The whole UI mounted in jsdom against the fake backend: what a user sees and which commands run.

import { emit } from "@tauri-apps/api/event";
import { clearMocks } from "@tauri-apps/api/mocks";
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../src/App.svelte";
import { IMPORT_PANEL_COLLAPSE_MS } from "../src/lib/importProgress";
import { FakeBackend } from "./fakeBackend";
import { page } from "../src/lib/page";

// jsdom does no layout, so it lacks scrolling; the UI calls it when keys move the selection.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let backend: FakeBackend;
let app: ReturnType<typeof mount> | undefined;

/** Waits until `check` stops throwing (the UI settles after IPC promises resolve). */
async function until<T>(check: () => T, timeoutMs = 2000): Promise<T> {
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

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no element with data-testid="${id}"`);
  return found;
}

function allByTestId(id: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
}

/** The import rows are inside a `hidden` element (jsdom has no layout to ask about visibility). */
function importDetailsHidden(): boolean {
  return byTestId("import-results").closest("[hidden]") !== null;
}

function start() {
  app = mount(App, { target: document.body });
}

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

beforeEach(() => {
  backend = new FakeBackend().install();
});

afterEach(async () => {
  if (app) unmount(app);
  app = undefined;
  // Let listeners that were still being registered finish before the mocks go.
  await new Promise((resolve) => setTimeout(resolve, 20));
  document.body.innerHTML = "";
  clearMocks();
  vi.useRealTimers();
});

describe("starting", () => {
  it("shows neither the welcome screen nor the list until the library has loaded", async () => {
    backend.add({ title: "Ferry line approved" });
    let release: () => void = () => {};
    backend.listGate = new Promise((resolve) => (release = resolve));
    start();
    await until(() => expect(backend.callsTo("list_articles")).toHaveLength(1));
    flushSync();
    expect(byTestId("library-loading").getAttribute("aria-busy")).toBe("true");
    expect(document.querySelector("[data-testid='welcome']")).toBeNull();
    expect(document.querySelector("[data-testid='article-list']")).toBeNull();
    release();
    await until(() => expect(allByTestId("article-row")).toHaveLength(1));
    expect(document.querySelector("[data-testid='welcome']")).toBeNull();
    expect(document.querySelector("[data-testid='library-loading']")).toBeNull();
  });

  it("goes from loading straight to the welcome screen on an empty library", async () => {
    let release: () => void = () => {};
    backend.listGate = new Promise((resolve) => (release = resolve));
    start();
    await until(() => byTestId("library-loading"));
    expect(document.querySelector("[data-testid='article-list']")).toBeNull();
    release();
    await until(() => byTestId("welcome"));
    expect(document.querySelector("[data-testid='article-list']")).toBeNull();
  });
});

describe("an empty library", () => {
  it("shows the welcome screen with the sample library and import buttons", async () => {
    start();
    const welcome = await until(() => byTestId("welcome"));
    expect(welcome.textContent).toContain("Drop articles here");
    expect(byTestId("open-sample").textContent).toContain("Open the sample library");
    expect(byTestId("import-button")).toBeTruthy();
  });

  it("opens the sample library into its event and shows the first article", async () => {
    start();
    (await until(() => byTestId("open-sample"))).click();
    await until(() => expect(byTestId("reader-title").textContent).toContain("Port Maren"));
    expect(document.querySelector("[data-testid='welcome']")).toBeNull();
    expect(byTestId("event-item").textContent).toContain("fictional sample");
    expect(byTestId("event-item").getAttribute("aria-current")).toBe("page");
    expect(document.querySelector("[data-testid='import-panel']")).toBeNull();
    // The sample's session is listed at once, without a reload.
    await until(() => expect(byTestId("session-item").textContent).toContain("two versions"));
  });

  it("lists sample pages that failed to import, with the reason", async () => {
    backend.sampleFailures = [
      { status: "error", path: "sample-library/coastal-wire.html", message: "no article text found in the file" },
    ];
    start();
    (await until(() => byTestId("open-sample"))).click();
    const failed = await until(() => byTestId("import-result"));
    expect(failed.dataset.status).toBe("error");
    expect(failed.textContent).toContain("coastal-wire.html");
    expect(failed.textContent).toContain("no article text found in the file");
    expect(byTestId("import-panel").textContent).toContain("1 imported, 1 failed");
  });
});

describe("importing", () => {
  it("imports dropped files and lists each outcome", async () => {
    backend.importOutcomes.set("/news/old.html", {
      status: "duplicate",
      path: "/news/old.html",
      existingId: 4,
      title: "Old news",
    });
    backend.importOutcomes.set("/news/locked.pdf", {
      status: "error",
      path: "/news/locked.pdf",
      message: "the PDF is password-protected",
    });
    start();
    await until(() => byTestId("welcome"));

    await emit("tauri://drag-enter", { paths: ["/news/a.html"], position: { x: 5, y: 5 } });
    await until(() => byTestId("drop-overlay"));
    await emit("tauri://drag-drop", {
      paths: ["/news/a.html", "/news/old.html", "/news/locked.pdf"],
      position: { x: 5, y: 5 },
    });

    expect(backend.callsTo("import_paths")[0]?.paths).toEqual(["/news/a.html", "/news/old.html", "/news/locked.pdf"]);
    const progress = await until(() => {
      const bar = byTestId("import-progress");
      expect(bar.dataset.done).toBe("3");
      return bar;
    });
    expect(progress.dataset.total).toBe("3");
    expect(document.querySelector("[data-testid='drop-overlay']")).toBeNull();
    const results = await until(() => {
      const rows = allByTestId("import-result");
      expect(rows).toHaveLength(3);
      return rows;
    });
    const byStatus = Object.fromEntries(results.map((row) => [row.dataset.status, row.textContent ?? ""]));
    expect(byStatus.imported).toContain("Imported /news/a.html");
    expect(byStatus.duplicate).toContain("#4");
    expect(byStatus.error).toContain("the PDF is password-protected");
    expect(byTestId("import-panel").textContent).toContain("1 imported, 1 duplicate, 1 failed");
    await until(() => expect(allByTestId("article-row")).toHaveLength(1));

    byTestId<HTMLButtonElement>("import-dismiss").click();
    await until(() => expect(document.querySelector("[data-testid='import-panel']")).toBeNull());
  });

  it("folds the report to its headline a few seconds after a batch without failures", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    start();
    await until(() => byTestId("welcome"));
    await emit("tauri://drag-drop", { paths: ["/news/a.html", "/news/b.html"], position: { x: 1, y: 1 } });
    await until(() => expect(byTestId("import-panel").textContent).toContain("2 imported"));
    const toggle = byTestId<HTMLButtonElement>("import-toggle");
    expect(importDetailsHidden()).toBe(false);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");

    await vi.advanceTimersByTimeAsync(IMPORT_PANEL_COLLAPSE_MS);
    await until(() => expect(toggle.getAttribute("aria-expanded")).toBe("false"));
    expect(importDetailsHidden()).toBe(true);
    expect(allByTestId("import-result")).toHaveLength(2);
    expect(byTestId("import-panel").textContent).toContain("2 imported");

    toggle.click();
    await until(() => expect(toggle.getAttribute("aria-expanded")).toBe("true"));
    expect(importDetailsHidden()).toBe(false);
    await vi.advanceTimersByTimeAsync(IMPORT_PANEL_COLLAPSE_MS * 2);
    flushSync();
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
  });

  it("keeps the report open when a file failed", async () => {
    backend.importOutcomes.set("/news/locked.pdf", {
      status: "error",
      path: "/news/locked.pdf",
      message: "the PDF is password-protected",
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    start();
    await until(() => byTestId("welcome"));
    await emit("tauri://drag-drop", { paths: ["/news/a.html", "/news/locked.pdf"], position: { x: 1, y: 1 } });
    await until(() => expect(byTestId("import-panel").textContent).toContain("1 failed"));
    await vi.advanceTimersByTimeAsync(IMPORT_PANEL_COLLAPSE_MS * 2);
    flushSync();
    expect(byTestId("import-toggle").getAttribute("aria-expanded")).toBe("true");
    expect(importDetailsHidden()).toBe(false);
    byTestId<HTMLButtonElement>("import-toggle").click();
    await until(() => expect(importDetailsHidden()).toBe(true));
  });

  it("queues a drop that arrives during a running batch as the next batch", async () => {
    let release: () => void = () => {};
    backend.importGate = new Promise((resolve) => (release = resolve));
    start();
    await until(() => byTestId("welcome"));
    await emit("tauri://drag-drop", { paths: ["/news/first.html"], position: { x: 1, y: 1 } });
    await until(() => expect(backend.callsTo("import_paths")).toHaveLength(1));
    await emit("tauri://drag-drop", { paths: ["/news/second.html"], position: { x: 1, y: 1 } });
    expect(backend.callsTo("import_paths")).toHaveLength(1);
    backend.importGate = null;
    release();
    await until(() => expect(backend.callsTo("import_paths")).toHaveLength(2));
    expect(backend.callsTo("import_paths")[1]?.paths).toEqual(["/news/second.html"]);
    await until(() => expect(allByTestId("article-row")).toHaveLength(2));
    const results = allByTestId("import-result");
    expect(results).toHaveLength(1);
    expect(results[0]?.textContent).toContain("second.html");
  });

  it("imports the files chosen in the dialog", async () => {
    backend.add({ title: "Already here" });
    backend.dialogPaths = ["/picked/one.html", "/picked/two.md"];
    start();
    (await until(() => byTestId("toolbar-import"))).click();
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
    expect(backend.callsTo("import_paths")[0]?.paths).toEqual(["/picked/one.html", "/picked/two.md"]);
  });

  it("does nothing when the dialog is cancelled", async () => {
    backend.add({ title: "Already here" });
    backend.dialogPaths = null;
    start();
    (await until(() => byTestId("toolbar-import"))).click();
    await until(() => expect(backend.callsTo("plugin:dialog|open")).toHaveLength(1));
    expect(backend.callsTo("import_paths")).toHaveLength(0);
    expect(document.querySelector("[data-testid='import-panel']")).toBeNull();
  });
});

describe("articles from the browser", () => {
  /** A DataTransfer-like object holding `data` by type (jsdom has no DataTransfer). */
  function transfer(data: Record<string, string>): DataTransfer {
    return {
      types: Object.keys(data),
      getData: (type: string) => data[type] ?? "",
    } as unknown as DataTransfer;
  }

  function paste(data: Record<string, string>, target: EventTarget = document.body) {
    const event = new Event("paste", { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, "clipboardData", { value: transfer(data) });
    target.dispatchEvent(event);
    return event;
  }

  it("imports pasted addresses, and a copied page or text as an article", async () => {
    backend.add({ title: "Already here" });
    start();
    await until(() => byTestId("article-row"));
    expect(paste({ "text/plain": "https://harbour.example/a\nhttps://harbour.example/b" }).defaultPrevented).toBe(true);
    await until(() => expect(backend.callsTo("import_addresses")).toHaveLength(1));
    expect(backend.callsTo("import_addresses")[0]?.addresses).toEqual([
      "https://harbour.example/a",
      "https://harbour.example/b",
    ]);
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
    paste({ "text/html": "<p>The ferry sailed.</p>", "text/plain": "The ferry sailed." });
    await until(() => expect(backend.callsTo("import_pasted")).toHaveLength(1));
    expect(backend.callsTo("import_pasted")[0]).toMatchObject({
      text: "The ferry sailed.",
      html: "<p>The ferry sailed.</p>",
    });
  });

  it("leaves a paste into the search box to the search box", async () => {
    backend.add({ title: "Already here" });
    start();
    const search = await until(() => byTestId<HTMLInputElement>("search-input"));
    expect(paste({ "text/plain": "https://harbour.example/a" }, search).defaultPrevented).toBe(false);
    expect(backend.callsTo("import_addresses")).toHaveLength(0);
  });

  it("imports a link dropped from a browser", async () => {
    backend.add({ title: "Already here" });
    start();
    await until(() => byTestId("article-row"));
    const drop = new Event("drop", { bubbles: true, cancelable: true }) as DragEvent;
    Object.defineProperty(drop, "dataTransfer", {
      value: transfer({ "text/uri-list": "https://harbour.example/ferry", "text/plain": "https://harbour.example/ferry" }),
    });
    document.body.dispatchEvent(drop);
    await until(() => expect(backend.callsTo("import_addresses")[0]?.addresses).toEqual(["https://harbour.example/ferry"]));
  });

  it("imports the addresses typed into the dialog, leaving out other lines", async () => {
    backend.add({ title: "Already here" });
    start();
    (await until(() => byTestId("toolbar-import-addresses"))).click();
    const list = await until(() => byTestId<HTMLTextAreaElement>("address-list"));
    type(list as unknown as HTMLInputElement, "https://harbour.example/a\nnot an address\n");
    await until(() => expect(byTestId("address-hint").textContent).toContain("1 line is not a web address"));
    expect(byTestId("address-import").textContent).toContain("Import 1 address");
    byTestId("address-import").click();
    await until(() => expect(backend.callsTo("import_addresses")[0]?.addresses).toEqual(["https://harbour.example/a"]));
    expect(document.querySelector("[data-testid='address-dialog']")).toBeNull();
  });

  it("checks an article's address for updates and offers its versions", async () => {
    backend.add({ title: "Ferry line approved", url: "https://harbour.example/ferry" });
    start();
    (await until(() => byTestId("article-row"))).click();
    (await until(() => byTestId("check-updates"))).click();
    await until(() => expect(backend.callsTo("refresh_article")).toHaveLength(1));
    await until(() => expect(byTestId("reader-compare-versions").textContent).toContain("Compare 2 versions"));
    byTestId("reader-compare-versions").click();
    await until(() => expect(backend.callsTo("create_session")).toHaveLength(1));
    expect(backend.callsTo("create_session")[0]).toMatchObject({ session: { articleIds: [1, 2], mode: "versions" } });
  });
});

describe("events for new articles", () => {
  it("offers an imported article the event it covers, and adds it on request", async () => {
    backend.add({ title: "Already here" });
    const eventId = backend.addEvent("Eastbrook night ferry", [1]);
    backend.offerEvent = { eventId, eventTitle: "Eastbrook night ferry" };
    start();
    await until(() => byTestId("article-row"));
    await emit("tauri://drag-drop", { paths: ["/news/ferry-b.html"], position: { x: 5, y: 5 } });
    const offer = await until(() => byTestId("event-offer"));
    expect(offer.textContent).toContain("“Eastbrook night ferry”");
    byTestId("accept-event-offer").click();
    await until(() => expect(backend.callsTo("add_to_event")).toHaveLength(1));
    expect(backend.callsTo("add_to_event")[0]).toMatchObject({ eventId, articleIds: [2] });
    await until(() => expect(document.querySelector("[data-testid='event-offer']")).toBeNull());
  });

  it("checks an event's articles for updates and says what came of it", async () => {
    backend.add({ title: "Ferry A", url: "https://harbour.example/a" });
    backend.add({ title: "Ferry B", url: "https://harbour.example/b" });
    backend.addEvent("Eastbrook night ferry", [1, 2]);
    start();
    (await until(() => allByTestId("event-item")[0] ?? byTestId("event-item"))).click();
    (await until(() => byTestId("check-event-updates"))).click();
    await until(() => expect(backend.callsTo("refresh_event")).toHaveLength(1));
    await until(() => expect(document.body.textContent).toContain("2 checked: 1 new version, 1 unchanged"));
  });

  it("proposes events for the articles in none and creates the kept ones with their titles", async () => {
    backend.add({ title: "Ferry A" });
    backend.add({ title: "Ferry B" });
    backend.add({ title: "Dam A" });
    backend.add({ title: "Dam B" });
    backend.proposals = [
      { title: "Ferry A", articles: [{ id: 1, title: "Ferry A", outlet: null }, { id: 2, title: "Ferry B", outlet: null }] },
      { title: "Dam A", articles: [{ id: 3, title: "Dam A", outlet: null }, { id: 4, title: "Dam B", outlet: null }] },
    ];
    start();
    (await until(() => byTestId("group-by-event"))).click();
    await until(() => expect(allByTestId("group-proposal")).toHaveLength(2));
    type(allByTestId("group-title-input")[0] as HTMLInputElement, "Eastbrook night ferry");
    (allByTestId("group-keep")[1] as HTMLInputElement).click();
    await until(() => expect(byTestId("group-create").textContent).toContain("Create 1 event"));
    byTestId("group-create").click();
    await until(() => expect(backend.callsTo("create_event")).toHaveLength(1));
    expect(backend.callsTo("create_event")[0]).toMatchObject({ title: "Eastbrook night ferry" });
    await until(() => expect(backend.callsTo("add_to_event")[0]).toMatchObject({ articleIds: [1, 2] }));
  });
});

describe("a damaged library", () => {
  it("says so in a banner at start, with the way back", async () => {
    backend.libraryProblems = "*** in database main *** Page 7: btreeInitPage() returns error code 11";
    start();
    const banner = await until(() => byTestId("error-banner"));
    expect(banner.textContent).toContain("The library is damaged");
    expect(banner.textContent).toContain("restore-library");
    expect(banner.textContent).toContain("parallax recover");
  });

  it("shows no banner for a sound library", async () => {
    start();
    await until(() => byTestId("welcome"));
    expect(document.querySelector("[data-testid='error-banner']")).toBeNull();
  });
});

describe("preparing articles for comparison by meaning", () => {
  it("shows the background pass while it runs and hides it when done", async () => {
    start();
    await until(() => byTestId("welcome"));
    await emit("sentence-vectors", { done: 1, total: 3 });
    const status = await until(() => byTestId("vectors-progress"));
    expect(status.textContent).toContain("1 of 3");
    await emit("sentence-vectors", { done: 3, total: 3 });
    await until(() => expect(document.querySelector("[data-testid='vectors-progress']")).toBeNull());
  });
});

describe("a team library", () => {
  it("shows a colleague's imports without a restart and says how many", async () => {
    backend.add({ title: "Ferry line approved" });
    start();
    await until(() => expect(byTestId("article-list").textContent).toContain("Ferry line approved"));
    backend.add({ title: "Harbour wall repaired" });
    backend.add({ title: "Pier reopens" });
    await emit("library-changed", { newArticles: 2, articles: true, events: false, sessions: false, notes: false });
    await until(() => expect(byTestId("article-list").textContent).toContain("Pier reopens"));
    await until(() => expect(byTestId("notice").textContent).toBe("2 new articles from colleagues"));
  });
});

describe("the library switcher", () => {
  it("connects to a team library, says why it could not, and starts over on it", async () => {
    const reload = vi.spyOn(page, "reload").mockImplementation(() => {});
    start();
    const button = await until(() => byTestId("library-switch"));
    await until(() => expect(button.textContent).toBe("This computer"));
    button.click();
    await until(() => byTestId("library-dialog"));
    expect(byTestId("library-now").textContent).toContain("this computer's library");
    byTestId<HTMLInputElement>("library-kind-team").click();
    flushSync();
    const fill = (id: string, value: string) => {
      const field = byTestId<HTMLInputElement>(id);
      field.value = value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    };
    fill("team-host", "unreachable.example");
    fill("team-user", "ana");
    fill("team-password", "s3cret");
    flushSync();
    byTestId("library-connect").click();
    await until(() => expect(byTestId("library-problem").textContent).toContain("cannot be reached"));
    expect(reload).not.toHaveBeenCalled();
    fill("team-host", "db.newsroom.example");
    flushSync();
    byTestId("library-connect").click();
    await until(() => expect(reload).toHaveBeenCalled());
    expect(backend.callsTo("use_team_library").at(-1)).toEqual({
      settings: { host: "db.newsroom.example", port: 5432, database: "parallax", user: "ana", tls: "require" },
      password: "s3cret",
      remember: true,
    });
    expect(sessionStorage.getItem("parallax.library-switch-note")).toContain("team library");
  });
});

describe("untrusted article text", () => {
  it("renders markup in titles and bodies as text, never as elements", async () => {
    const hostile = `<img src=x onerror="document.body.dataset.pwned='yes'"><script>alert(1)</script>`;
    const article = backend.add({
      title: `Hostile ${hostile}`,
      paragraphs: [`Body ${hostile}`, "<b>not bold</b>"],
      outlet: `<i>Outlet</i>`,
      url: "javascript:alert(1)",
    });
    start();
    const row = await until(() => byTestId("article-row"));
    row.click();
    const title = await until(() => byTestId("reader-title"));
    expect(title.textContent).toBe(article.title);
    const body = byTestId("reader-body");
    expect(body.querySelectorAll("p")).toHaveLength(2);
    expect(body.querySelector("p")?.textContent).toBe(`Body ${hostile}`);
    for (const region of [title, body, byTestId("reader-meta"), byTestId("article-list")]) {
      expect(region.querySelector("img, script, b, i, a[href]")).toBeNull();
    }
    expect(document.body.dataset.pwned).toBeUndefined();
  });
});

describe("the library", () => {
  beforeEach(() => {
    backend.add({ title: "Banana report", outlet: "Northline Observer", publishedAt: "2026-03-14", wordCount: 300 });
    backend.add({ title: "Apple report", outlet: "Coastal Wire", publishedAt: "2026-03-15", wordCount: 50 });
    backend.add({ title: "Cherry report", outlet: null, publishedAt: null, wordCount: 900 });
  });

  const titles = () => allByTestId("article-row").map((row) => row.querySelector(".title-text")?.textContent?.trim());

  it("lists the articles with their count and sorts by a clicked header", async () => {
    start();
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
    expect(byTestId("article-count").textContent).toBe("3 articles");

    byTestId("sort-title").click();
    await until(() => expect(titles()).toEqual(["Apple report", "Banana report", "Cherry report"]));
    expect(backend.callsTo("list_articles").at(-1)?.sort).toEqual({ column: "title", direction: "asc" });

    byTestId("sort-title").click();
    await until(() => expect(titles()).toEqual(["Cherry report", "Banana report", "Apple report"]));
    expect(byTestId("sort-title").closest("[role='columnheader']")?.getAttribute("aria-sort")).toBe("descending");

    byTestId("sort-words").click();
    await until(() => expect(titles()).toEqual(["Cherry report", "Banana report", "Apple report"]));
    byTestId("sort-outlet").click();
    await until(() => expect(titles()).toEqual(["Apple report", "Banana report", "Cherry report"]));
  });

  it("searches once typing pauses", async () => {
    start();
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
    vi.useFakeTimers();
    const input = byTestId<HTMLInputElement>("search-input");
    type(input, "b");
    type(input, "ban");
    type(input, "bana");
    expect(backend.callsTo("search")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(250);
    vi.useRealTimers();
    expect(backend.callsTo("search")).toEqual([{ query: "bana", limit: 201 }]);
    await until(() => expect(titles()).toEqual(["Banana report"]));
    expect(byTestId("article-count").textContent).toBe("1 match");
    expect(byTestId("article-row").querySelector("mark")?.textContent).toBe("Banana report");

    type(input, "");
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
  });

  it("moves through the list with the arrow keys", async () => {
    start();
    const first = await until(() => byTestId("article-row"));
    first.click();
    await until(() => byTestId("reader-title"));
    first.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    const second = allByTestId("article-row")[1]!;
    await until(() => expect(second.getAttribute("aria-selected")).toBe("true"));
    await until(() => expect(byTestId("reader-title").textContent).toBe(second.querySelector(".title-text")?.textContent?.trim()));
  });

  it("edits the metadata inline and sends only what changed", async () => {
    start();
    (await until(() => byTestId("article-row"))).click();
    (await until(() => byTestId("edit-button"))).click();
    const title = await until(() => byTestId<HTMLInputElement>("edit-title"));
    const originalTitle = title.value;
    type(byTestId<HTMLInputElement>("edit-outlet"), "Kestria Daily Voice");
    type(byTestId<HTMLInputElement>("edit-date"), "2026-03-16");
    byTestId<HTMLButtonElement>("edit-save").click();
    await until(() => expect(document.querySelector("[data-testid='edit-title']")).toBeNull());
    const [call] = backend.callsTo("update_article");
    expect(call?.edit).toEqual({ title: null, outlet: "Kestria Daily Voice", publishedAt: "2026-03-16", url: null });
    expect(byTestId("reader-title").textContent).toBe(originalTitle);
    expect(byTestId("reader-meta").textContent).toContain("Kestria Daily Voice");
    expect(byTestId("reader-meta").textContent).toContain("16 Mar 2026");
  });

  it("cancels an edit without saving", async () => {
    start();
    (await until(() => byTestId("article-row"))).click();
    (await until(() => byTestId("edit-button"))).click();
    type(await until(() => byTestId<HTMLInputElement>("edit-title")), "Something else");
    byTestId<HTMLButtonElement>("edit-cancel").click();
    await until(() => expect(document.querySelector("[data-testid='edit-title']")).toBeNull());
    expect(backend.callsTo("update_article")).toHaveLength(0);
  });

  it("deletes an article and brings it back with undo", async () => {
    start();
    (await until(() => byTestId("article-row"))).click();
    const title = (await until(() => byTestId("reader-title"))).textContent;
    byTestId("delete-button").click();
    await until(() => expect(allByTestId("article-row")).toHaveLength(2));
    expect(byTestId("undo-toast").textContent).toContain(title ?? "");
    await until(() => expect((document.activeElement as HTMLElement).dataset.testid).toBe("article-row"));
    byTestId("undo-delete").click();
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
    await until(() => expect(byTestId("reader-title").textContent).toBe(title));
    expect(document.querySelector("[data-testid='undo-toast']")).toBeNull();
  });

  it("shows a failed command as a readable error banner", async () => {
    start();
    (await until(() => byTestId("article-row"))).click();
    await until(() => byTestId("reader-title"));
    backend.articles.forEach((article) => (article.deleted = true));
    byTestId("delete-button").click();
    const banner = await until(() => byTestId("error-banner"));
    expect(banner.textContent).toMatch(/Article #\d+ was not found/);
    byTestId("error-dismiss").click();
    await until(() => expect(document.querySelector("[data-testid='error-banner']")).toBeNull());
  });

  it("shows right-to-left articles right to left", async () => {
    backend.add({ title: "تقرير عن الاحتجاج", lang: "ar", paragraphs: ["فقرة أولى."] });
    start();
    const rows = await until(() => {
      const found = allByTestId("article-row");
      expect(found).toHaveLength(4);
      return found;
    });
    rows.find((row) => row.textContent?.includes("تقرير"))!.click();
    const body = await until(() => byTestId("reader-body"));
    expect(body.getAttribute("dir")).toBe("rtl");
    expect(byTestId("reader-title").getAttribute("dir")).toBe("rtl");
  });
});

describe("a big library", () => {
  /** The list's scrolling element, moved to `top` pixels as a wheel would. */
  function scrollListTo(top: number) {
    const list = document.querySelector<HTMLElement>("section.list")!;
    list.scrollTop = top;
    list.dispatchEvent(new Event("scroll"));
  }

  beforeEach(() => {
    for (let n = 0; n < 1000; n++) backend.add({ title: `Harbour report ${String(n).padStart(4, "0")}` });
  });

  it("puts only the rows in view in the page and fetches pages as they scroll into view", async () => {
    start();
    await until(() => expect(byTestId("article-list").dataset.rows).toBe(String(backend.live().length)));
    const total = backend.live().length;
    expect(byTestId("article-list").getAttribute("aria-rowcount")).toBe(String(total + 1));
    const shown = allByTestId("article-row").length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(100);
    expect(backend.callsTo("list_articles")[0]).toMatchObject({ offset: 0, limit: 200 });

    scrollListTo(500 * 40);
    await until(() => expect(backend.callsTo("list_articles").some((call) => call.offset === 400)).toBe(true));
    const indexes = await until(() => {
      const rows = allByTestId("article-row").map((row) => Number(row.getAttribute("aria-rowindex")) - 2);
      expect(rows).toContain(500);
      return rows;
    });
    expect(indexes.length).toBeLessThan(100);
    expect(Math.min(...indexes)).toBeGreaterThan(400);
  });

  it("says when more articles match than the search shows", async () => {
    start();
    await until(() => byTestId("article-row"));
    type(byTestId<HTMLInputElement>("search-input"), "harbour");
    await until(() => expect(byTestId("article-count").textContent).toBe("more than 200 matches (the best 200 shown)"));
    expect(backend.callsTo("search").at(-1)).toMatchObject({ query: "harbour", limit: 201 });
    expect(allByTestId("article-row")).toHaveLength(200);
  });

  it("picks a range with Shift-click across pages never loaded", async () => {
    start();
    const first = await until(() => byTestId("article-row"));
    first.click();
    scrollListTo(900 * 40);
    const far = await until(() => {
      const row = allByTestId("article-row").find((element) => element.getAttribute("aria-rowindex") === String(900 + 2));
      if (!row) throw new Error("row 900 not shown yet");
      return row;
    });
    far.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, shiftKey: true }));
    await until(() => expect(byTestId("compare-selected").textContent).toBe("Compare (901)"));
    expect(backend.callsTo("list_article_ids").length).toBeGreaterThan(0);
  });
});

describe("a very long library", () => {
  beforeEach(() => {
    for (let n = 0; n < 20_100; n++) backend.add({ title: `Tide table ${String(n).padStart(5, "0")}` });
  });

  it("fetches no list of every id with the first page, and steps with the arrow keys without one", async () => {
    start();
    const first = await until(() => byTestId("article-row"));
    await until(() => expect(byTestId("article-list").dataset.rows).toBe("20100"));
    first.click();
    await until(() => expect(first.getAttribute("aria-selected")).toBe("true"));
    first.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    await until(() => {
      const selected = allByTestId("article-row").find((row) => row.getAttribute("aria-selected") === "true");
      expect(selected?.getAttribute("aria-rowindex")).toBe("3");
    });
    expect(backend.callsTo("list_article_ids")).toHaveLength(0);
  });
});

describe("events", () => {
  beforeEach(() => {
    backend.add({ title: "Report one" });
    backend.add({ title: "Report two" });
  });

  it("creates an event, files an article under it, lists it and removes it again", async () => {
    start();
    (await until(() => byTestId("new-event"))).click();
    type(await until(() => byTestId<HTMLInputElement>("event-name-input")), "Harbour march");
    byTestId<HTMLFormElement>("event-name-input").form!.requestSubmit();
    const item = await until(() => byTestId("event-item"));
    expect(item.textContent).toContain("Harbour march");
    expect(item.textContent).toContain("0");

    const filed = byTestId("article-row");
    filed.click();
    const select = await until(() => byTestId<HTMLSelectElement>("add-to-event"));
    select.value = item.dataset.id!;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    const chip = await until(() => byTestId("remove-from-event"));
    expect(chip.getAttribute("aria-label")).toContain("Harbour march");
    await until(() => expect(byTestId("event-item").textContent).toContain("1"));

    byTestId("event-item").click();
    await until(() => expect(allByTestId("article-row")).toHaveLength(1));
    expect(byTestId("article-count").textContent).toBe("1 article");

    byTestId("remove-from-event").click();
    await until(() => expect(allByTestId("article-row")).toHaveLength(0));
    expect(backend.callsTo("remove_from_event")[0]).toEqual({
      eventId: Number(item.dataset.id),
      articleId: Number(filed.dataset.id),
    });
  });

  it("renames and deletes the event shown", async () => {
    const id = backend.addEvent("Draft name", [1]);
    start();
    (await until(() => byTestId("event-item"))).click();
    (await until(() => byTestId("rename-event"))).click();
    const input = await until(() => byTestId<HTMLInputElement>("event-name-input"));
    expect(input.value).toBe("Draft name");
    type(input, "Port Maren march");
    input.form!.requestSubmit();
    await until(() => expect(byTestId("event-item").textContent).toContain("Port Maren march"));
    expect(backend.callsTo("rename_event")[0]).toEqual({ id, title: "Port Maren march", version: 1 });

    byTestId("delete-event").click();
    await until(() => expect(allByTestId("event-item")).toHaveLength(0));
    expect(byTestId("all-articles").getAttribute("aria-current")).toBe("page");
    expect(allByTestId("article-row")).toHaveLength(2);
  });
});
