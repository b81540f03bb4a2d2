// The sessions list and the article picker (src/lib/sessions.svelte.ts) against the fake backend:
// creating from articles or an event (and the 2–6 rule's message), rename, duplicate, delete, and
// restoring the last session at start only when it can still be compared.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArticlePicker, canCompare, Sessions } from "../src/lib/sessions.svelte";
import { FakeBackend } from "./fakeBackend";

let backend: FakeBackend;
let errors: string[];
let notices: string[];
let sessions: Sessions;

beforeEach(() => {
  backend = new FakeBackend().install();
  errors = [];
  notices = [];
  sessions = new Sessions({ error: (message) => errors.push(message), notice: (message) => notices.push(message) });
});

afterEach(() => clearMocks());

function articles(count: number): number[] {
  return Array.from({ length: count }, (_, index) => backend.add({ title: `Report ${index + 1}`, outlet: `Outlet ${index + 1}` }).id);
}

describe("creating", () => {
  it("creates a session from picked articles in their order, lists it and opens it", async () => {
    const [a, b, c] = articles(3);
    const created = await sessions.createFromArticles([c!, a!, b!]);
    expect(created?.articleIds).toEqual([c, a, b]);
    expect(created?.name).toBe("Report 3");
    expect(sessions.currentId).toBe(created?.id);
    expect(sessions.list.map((session) => session.id)).toEqual([created?.id]);
    expect(backend.callsTo("create_session")).toEqual([
      { session: { name: null, articleIds: [c, a, b], eventId: null, mode: null } },
    ]);
    expect(errors).toEqual([]);
  });

  it("asks for a versions session when the picked articles are versions of one article", async () => {
    const [a, b] = articles(2);
    const created = await sessions.createFromArticles([a!, b!], null, "versions");
    expect(created?.mode).toBe("versions");
    expect(backend.callsTo("create_session")).toEqual([
      { session: { name: null, articleIds: [a, b], eventId: null, mode: "versions" } },
    ]);
  });

  it("refuses fewer than 2 or more than 6 articles without asking the backend", async () => {
    const ids = articles(7);
    expect(await sessions.createFromArticles(ids.slice(0, 1))).toBeNull();
    expect(await sessions.createFromArticles(ids)).toBeNull();
    expect(errors).toEqual([
      "A comparison needs 2 to 6 articles; 1 is picked.",
      "A comparison needs 2 to 6 articles; 7 are picked.",
    ]);
    expect(backend.callsTo("create_session")).toEqual([]);
    expect(sessions.currentId).toBeNull();
  });

  it("creates a session from an event, named after it", async () => {
    const ids = articles(3);
    const eventId = backend.addEvent("Port Maren march (fictional)", ids);
    const created = await sessions.createFromEvent(eventId);
    expect(created?.name).toBe("Port Maren march (fictional)");
    expect(created?.eventId).toBe(eventId);
    expect(sessions.currentId).toBe(created?.id);
  });

  it("shows the backend's message when an event has too few or too many reports", async () => {
    const small = backend.addEvent("Ferry vote", articles(1));
    const big = backend.addEvent("Storm week", articles(7));
    expect(await sessions.createFromEvent(small)).toBeNull();
    expect(await sessions.createFromEvent(big)).toBeNull();
    expect(errors).toEqual([
      "The event “Ferry vote” has 1 report; a session compares 2 to 6 reports, so add more to the event first",
      "The event “Storm week” has 7 reports, more than the 6 a session shows side by side; choose up to 6 of them",
    ]);
    expect(sessions.currentId).toBeNull();
    expect(sessions.creating).toBe(false);
  });
});

describe("managing", () => {
  it("renames, ignoring a blank name", async () => {
    const ids = articles(2);
    const session = backend.addSession("Draft", ids);
    await sessions.load();
    await sessions.rename(session.id, "  Harbour budget  ");
    expect(sessions.list[0]?.name).toBe("Harbour budget");
    await sessions.rename(session.id, "   ");
    expect(sessions.list[0]?.name).toBe("Harbour budget");
    expect(backend.callsTo("rename_session")).toHaveLength(1);
    expect(sessions.renaming).toBeNull();
  });

  it("duplicates with a notice", async () => {
    const session = backend.addSession("Draft", articles(2));
    await sessions.load();
    await sessions.duplicate(session.id);
    expect(sessions.list.map((s) => s.name).sort()).toEqual(["Draft", "Draft (copy)"]);
    expect(notices).toEqual(["Duplicated as “Draft (copy)”"]);
  });

  it("deletes, leaving the session screen when it was open", async () => {
    const keep = backend.addSession("Keep", articles(2));
    const drop = backend.addSession("Drop", articles(2));
    await sessions.load();
    sessions.open(drop.id);
    await sessions.remove(drop.id);
    expect(sessions.currentId).toBeNull();
    expect(sessions.list.map((s) => s.id)).toEqual([keep.id]);
    expect(notices[0]).toContain("“Drop” deleted");
  });

  it("reports a failure in words", async () => {
    await sessions.rename(99, "Anything");
    expect(errors).toEqual(["Session #99 was not found"]);
  });

  it("closes back to the library with a fresh list", async () => {
    const session = backend.addSession("Draft", articles(2));
    sessions.open(session.id);
    await sessions.close();
    expect(sessions.currentId).toBeNull();
    expect(sessions.list.map((s) => s.id)).toEqual([session.id]);
  });
});

describe("restoring at start", () => {
  it("reopens the last session", async () => {
    const session = backend.addSession("Last week", articles(3));
    backend.lastOpened = session.id;
    await sessions.restore();
    expect(sessions.currentId).toBe(session.id);
    expect(errors).toEqual([]);
  });

  it("stays in the library when there is nothing to restore", async () => {
    backend.addSession("Never opened", articles(2));
    await sessions.restore();
    expect(sessions.currentId).toBeNull();
    expect(sessions.list).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("stays in the library, saying why, when the last session lost its reports", async () => {
    const ids = articles(2);
    const session = backend.addSession("Ferry vote", ids);
    backend.lastOpened = session.id;
    const lost = backend.articles.find((article) => article.id === ids[1]);
    if (lost) lost.deleted = true;
    await sessions.restore();
    expect(sessions.currentId).toBeNull();
    expect(errors).toEqual([
      "The last session “Ferry vote” was not reopened: only 1 of its reports is still in the library.",
    ]);
  });

  it("stays in the library, saying why, when the backend fails", async () => {
    mockIPC(() => {
      throw { code: "notOpen", message: "the library is not open" };
    });
    await sessions.restore();
    expect(sessions.currentId).toBeNull();
    expect(errors).toEqual(["The last session could not be restored: the library is not open"]);
  });
});

describe("picking articles", () => {
  it("picks one on a plain click, toggles with Ctrl, and takes ranges with Shift", () => {
    const picker = new ArticlePicker();
    const rows = [1, 2, 3, 4, 5];
    picker.only(2);
    expect(picker.picked).toEqual([2]);
    picker.toggle(4);
    expect(picker.inOrder(rows)).toEqual([2, 4]);
    picker.range(1, rows);
    expect(picker.inOrder(rows)).toEqual([1, 2, 3, 4]);
    picker.toggle(2);
    expect(picker.inOrder(rows)).toEqual([1, 3, 4]);
    picker.only(5);
    picker.range(3, rows);
    expect(picker.inOrder(rows)).toEqual([3, 4, 5]);
  });

  it("starts a Shift range at the clicked row when there is no anchor in the list", () => {
    const picker = new ArticlePicker();
    picker.range(3, [1, 2, 3]);
    expect(picker.picked).toEqual([3]);
    picker.only(9);
    picker.range(2, [1, 2, 3]);
    expect(picker.picked).toEqual([2]);
  });

  it("keeps list order and leaves out rows no longer listed", () => {
    const picker = new ArticlePicker();
    picker.toggle(3);
    picker.toggle(1);
    picker.toggle(7);
    expect(picker.inOrder([1, 2, 3])).toEqual([1, 3]);
  });

  it("keeps picks on pages not loaded when only part of a long list is known", () => {
    const picker = new ArticlePicker();
    picker.toggle(3);
    picker.toggle(900);
    picker.toggle(1);
    expect(picker.inOrder([1, 2, 3], false)).toEqual([1, 3, 900]);
  });

  it("compares 2 to 6", () => {
    expect([0, 1, 2, 6, 7].map(canCompare)).toEqual([false, false, true, true, false]);
  });
});
