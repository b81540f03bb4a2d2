// The library's way into comparison sessions, with the whole app mounted against the fake backend:
// picking articles and comparing them, comparing an event, the sessions in the sidebar, and the
// last session restored at start.

import { clearMocks } from "@tauri-apps/api/mocks";
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import App from "../src/App.svelte";
import { allByTestId, byTestId, until } from "./dom";
import { FakeBackend } from "./fakeBackend";

Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let backend: FakeBackend;
let app: ReturnType<typeof mount> | undefined;

function row(id: number): HTMLElement {
  return byTestId<HTMLElement>("article-list").querySelector<HTMLElement>(`[data-id="${id}"]`) ?? byTestId("missing-row");
}

function clickWith(element: HTMLElement, keys: MouseEventInit = {}) {
  element.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ...keys }));
  flushSync();
}

function compareButton(): HTMLButtonElement {
  return byTestId<HTMLButtonElement>("compare-selected");
}

/** The library screen is gone and the session screen asked for the session. */
async function sessionShown(id: number) {
  await until(() => {
    expect(document.querySelector("[data-testid='article-list']")).toBeNull();
    expect(backend.callsTo("open_session").some((args) => args.id === id)).toBe(true);
  });
}

function start() {
  app = mount(App, { target: document.body });
}

beforeEach(() => {
  backend = new FakeBackend().install();
});

afterEach(async () => {
  if (app) unmount(app);
  app = undefined;
  await new Promise((resolve) => setTimeout(resolve, 20));
  document.body.innerHTML = "";
  clearMocks();
});

/** Three fictional reports, dated so the list (newest first by default) is deterministic. */
function threeReports(): number[] {
  return [
    backend.add({ title: "Police and protesters clash", outlet: "The Meridian Herald", publishedAt: "2026-03-14" }),
    backend.add({ title: "Clashes at water march", outlet: "Coastal Wire", publishedAt: "2026-03-15" }),
    backend.add({ title: "Mayor calls for calm", outlet: "Harbour Daily", publishedAt: "2026-03-16" }),
  ].map((article) => article.id);
}

describe("comparing picked articles", () => {
  it("picks three with a click and a Shift-click, then Compare creates and opens the session", async () => {
    threeReports();
    start();
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
    const order = allByTestId("article-row").map((element) => Number(element.dataset.id));
    expect(compareButton().disabled).toBe(true);
    expect(compareButton().textContent).toBe("Compare (0)");

    clickWith(row(order[0]!));
    await until(() => expect(row(order[0]!).getAttribute("aria-selected")).toBe("true"));
    expect(compareButton().textContent).toBe("Compare (1)");
    expect(compareButton().disabled).toBe(true);

    clickWith(row(order[2]!), { shiftKey: true });
    expect(allByTestId("article-row").map((element) => element.dataset.picked)).toEqual(["true", "true", "true"]);
    // Shift-click picks without opening another article.
    expect(row(order[0]!).getAttribute("aria-selected")).toBe("true");
    expect(compareButton().textContent).toBe("Compare (3)");
    expect(compareButton().disabled).toBe(false);

    compareButton().click();
    await until(() => expect(backend.callsTo("create_session")).toHaveLength(1));
    expect(backend.callsTo("create_session")[0]).toEqual({ session: { name: null, articleIds: order, eventId: null, mode: null } });
    await sessionShown(backend.sessions[0]!.id);
  });

  it("toggles rows with Ctrl-click and with Space", async () => {
    threeReports();
    start();
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
    const [first, second, third] = allByTestId("article-row").map((element) => Number(element.dataset.id));
    clickWith(row(first!), { ctrlKey: true });
    clickWith(row(third!), { metaKey: true });
    expect(compareButton().textContent).toBe("Compare (2)");
    // Ctrl-click does not open the article.
    expect(document.querySelector("[data-testid='article-row'][aria-selected='true']")).toBeNull();

    row(second!).dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true, cancelable: true }));
    flushSync();
    expect(compareButton().textContent).toBe("Compare (3)");
    row(first!).dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true, cancelable: true }));
    flushSync();
    expect(compareButton().textContent).toBe("Compare (2)");
    expect(row(first!).dataset.picked).toBeUndefined();

    // Enter still opens the row it is on.
    row(second!).dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    await until(() => expect(row(second!).getAttribute("aria-selected")).toBe("true"));
  });

  it("extends the picking with Shift+arrows", async () => {
    threeReports();
    start();
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
    const [first, second, third] = allByTestId("article-row").map((element) => Number(element.dataset.id));
    clickWith(row(first!));
    await until(() => expect(row(first!).getAttribute("aria-selected")).toBe("true"));
    const press = (id: number) =>
      row(id).dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", shiftKey: true, bubbles: true }));
    press(first!);
    await until(() => expect(compareButton().textContent).toBe("Compare (2)"));
    expect(row(second!).getAttribute("aria-selected")).toBe("true");
    press(second!);
    await until(() => expect(compareButton().textContent).toBe("Compare (3)"));
    expect(row(third!).getAttribute("aria-selected")).toBe("true");
    row(third!).dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp", shiftKey: true, bubbles: true }));
    await until(() => expect(compareButton().textContent).toBe("Compare (2)"));
    expect(row(third!).dataset.picked).toBeUndefined();
  });

  it("keeps Compare disabled beyond six reports", async () => {
    for (let index = 0; index < 7; index += 1) backend.add({ title: `Report ${index}`, publishedAt: `2026-03-0${index + 1}` });
    start();
    await until(() => expect(allByTestId("article-row")).toHaveLength(7));
    const rows = allByTestId("article-row");
    clickWith(rows[0]!);
    clickWith(rows[6]!, { shiftKey: true });
    expect(compareButton().textContent).toBe("Compare (7)");
    expect(compareButton().disabled).toBe(true);
    expect(compareButton().title).toContain("at most 6");
  });
});

describe("comparing an event", () => {
  it("creates a session of the event's reports and opens it", async () => {
    const ids = threeReports();
    const eventId = backend.addEvent("Port Maren march (fictional)", ids);
    start();
    const button = await until(() => byTestId<HTMLButtonElement>("compare-event"));
    expect(button.dataset.id).toBe(String(eventId));
    button.click();
    await until(() => expect(backend.sessions).toHaveLength(1));
    expect(backend.sessions[0]?.name).toBe("Port Maren march (fictional)");
    await sessionShown(backend.sessions[0]!.id);
  });

  it("shows the backend's reason when the event has too few reports", async () => {
    const [only] = threeReports();
    backend.addEvent("Ferry vote", [only!]);
    start();
    (await until(() => byTestId("compare-event"))).click();
    const banner = await until(() => byTestId("error-banner"));
    expect(banner.textContent).toContain("The event “Ferry vote” has 1 report");
    expect(byTestId("article-list")).toBeTruthy();
    expect(backend.sessions).toHaveLength(0);
  });
});

describe("sessions in the sidebar", () => {
  it("lists the saved sessions and opens one", async () => {
    const ids = threeReports();
    const session = backend.addSession("Port Maren march", ids);
    start();
    const item = await until(() => byTestId("session-item"));
    expect(item.dataset.id).toBe(String(session.id));
    expect(item.textContent).toContain("Port Maren march");
    expect(item.textContent).toContain("3");
    item.click();
    await sessionShown(session.id);
  });

  it("goes back to the library from the session screen", async () => {
    const session = backend.addSession("Port Maren march", threeReports());
    start();
    (await until(() => byTestId("session-item"))).click();
    await sessionShown(session.id);
    (await until(() => byTestId("session-close"))).click();
    await until(() => expect(allByTestId("article-row")).toHaveLength(3));
    expect(byTestId("session-item").dataset.id).toBe(String(session.id));
    expect(document.querySelector("[data-testid='session-screen']")).toBeNull();
  });

  it("renames inline: Enter saves, Escape cancels", async () => {
    const session = backend.addSession("Draft", threeReports());
    start();
    (await until(() => byTestId("session-rename"))).click();
    const input = await until(() => byTestId<HTMLInputElement>("session-name-input"));
    expect(input.value).toBe("Draft");
    input.value = "Harbour march";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    byTestId("session-rename-save").click();
    await until(() => expect(byTestId("session-item").textContent).toContain("Harbour march"));
    expect(backend.callsTo("rename_session")).toEqual([{ id: session.id, name: "Harbour march" }]);

    byTestId("session-rename").click();
    const again = await until(() => byTestId<HTMLInputElement>("session-name-input"));
    again.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await until(() => expect(document.querySelector("[data-testid='session-name-input']")).toBeNull());
    expect(backend.callsTo("rename_session")).toHaveLength(1);
  });

  it("duplicates, and deletes only after confirming", async () => {
    backend.addSession("Draft", threeReports());
    start();
    (await until(() => byTestId("session-duplicate"))).click();
    await until(() => expect(allByTestId("session-item")).toHaveLength(2));
    await until(() => expect(byTestId("notice").textContent).toContain("Draft (copy)"));

    const copy = allByTestId("session-item").find((item) => item.textContent?.includes("(copy)"));
    const copyId = Number(copy?.dataset.id);
    document.querySelector<HTMLElement>(`[data-testid='session-delete'][data-id='${copyId}']`)?.click();
    await until(() => byTestId("session-delete-prompt"));
    byTestId("session-delete-cancel").click();
    await until(() => expect(document.querySelector("[data-testid='session-delete-prompt']")).toBeNull());
    expect(allByTestId("session-item")).toHaveLength(2);

    document.querySelector<HTMLElement>(`[data-testid='session-delete'][data-id='${copyId}']`)?.click();
    (await until(() => byTestId("session-delete-confirm"))).click();
    await until(() => expect(allByTestId("session-item")).toHaveLength(1));
    expect(backend.callsTo("delete_session")).toEqual([{ id: copyId }]);
    expect(byTestId("article-list")).toBeTruthy();
  });

  it("says how to start when there is no session", async () => {
    threeReports();
    start();
    const list = await until(() => byTestId("session-list"));
    expect(list.textContent).toContain("Pick 2–6 articles");
  });
});

describe("restoring the last session", () => {
  it("reopens it at start", async () => {
    const session = backend.addSession("Port Maren march", threeReports());
    backend.lastOpened = session.id;
    start();
    await sessionShown(session.id);
    expect(document.querySelector("[data-testid='error-banner']")).toBeNull();
  });

  it("shows the library with a message when the session lost its reports", async () => {
    const ids = threeReports();
    const session = backend.addSession("Ferry vote", ids.slice(0, 2));
    backend.lastOpened = session.id;
    const gone = backend.articles.find((article) => article.id === ids[1]);
    if (gone) gone.deleted = true;
    start();
    const banner = await until(() => byTestId("error-banner"));
    expect(banner.textContent).toContain("“Ferry vote” was not reopened");
    await until(() => expect(allByTestId("article-row")).toHaveLength(2));
    expect(backend.callsTo("open_session")).toEqual([]);
  });
});
