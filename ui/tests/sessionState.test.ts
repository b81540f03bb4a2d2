// The opened session's state: what each action sends over IPC and how the view follows.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionView } from "../src/lib/bindings/SessionView";
import { SessionState } from "../src/lib/session/session.svelte";
import { threePaneView } from "./sessionFixtures";

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
let served: SessionView;
let failOpen = false;
let failSave = false;

beforeEach(() => {
  calls = [];
  failOpen = false;
  failSave = false;
  served = threePaneView();
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (cmd === "open_session") {
      if (failOpen) throw { code: "notFound", message: "session #7 was not found" };
      return structuredClone(served);
    }
    if (cmd === "add_note") return { id: 5, ...(args.note as object), quote: "Police", createdAt: "2026-03-20T12:00:00Z", author: null, version: 1 };
    if (cmd === "update_note") return { ...served.notes[0], note: args.note };
    // Saved options come back with the next open, as the store keeps them.
    if (cmd === "set_session_options" && failSave) throw { code: "library", message: "the library could not be used: the disk is full; free some space and try again" };
    if (cmd === "set_session_options") served.options = args.options as SessionView["options"];
    return cmd === "delete_note" ? null : served.session;
  });
});

afterEach(() => clearMocks());

const sent = (cmd: string) => calls.filter((call) => call.cmd === cmd).map((call) => call.args);

async function opened(): Promise<SessionState> {
  const state = new SessionState();
  await state.open(7);
  return state;
}

describe("session state", () => {
  it("opens a session and reports a failure as a sentence", async () => {
    const state = await opened();
    expect(state.view?.session.name).toBe("Port Maren march (fictional)");
    expect(state.loading).toBe(false);
    failOpen = true;
    await state.open(7);
    expect(state.error).toBe("Session #7 was not found");
    expect(state.view?.session.id).toBe(7);
  });

  it("puts the options shown back when saving them fails", async () => {
    const state = await opened();
    const before = state.view?.options.ignoreCase;
    failSave = true;
    await state.setOptions({ ignoreCase: !before });
    expect(state.error).toBe("The library could not be used: the disk is full; free some space and try again");
    expect(state.view?.options.ignoreCase).toBe(before);
    expect(sent("open_session")).toHaveLength(1);
  });

  it("saves view-only options without comparing again, and compares again for the rest", async () => {
    const state = await opened();
    await state.setOptions({ syncScroll: false, differencesOnly: true });
    expect(state.view?.options.syncScroll).toBe(false);
    expect(sent("open_session")).toHaveLength(1);
    await state.setOptions({ allWords: true, layout: "inline" });
    expect(state.view?.options.allWords).toBe(true);
    expect(sent("open_session")).toHaveLength(1);
    await state.setOptions({ ignoreCase: true });
    expect(sent("set_session_options").at(-1)?.options).toMatchObject({ ignoreCase: true, differencesOnly: true });
    expect(sent("open_session")).toHaveLength(2);
  });

  it("stores a manual link by article id, replacing an earlier choice for the same pair", async () => {
    const state = await opened();
    await state.link(0, 3, 1, 3);
    await state.unlink(1, 3, 0, 3);
    expect(sent("set_session_options")[1]?.options).toMatchObject({
      links: [{ articleA: 12, sentenceA: 3, articleB: 11, sentenceB: 3, linked: false }],
    });
    await state.setLinks(
      [
        [0, 0, 1, 0],
        [1, 1, 2, 2],
      ],
      true,
    );
    expect((sent("set_session_options")[2]?.options as { links: unknown[] }).links).toHaveLength(3);
  });

  it("reorders and swaps panes by article id", async () => {
    const state = await opened();
    await state.reorder(2, 0);
    await state.swap(0, 1);
    await state.reorder(1, 1);
    expect(sent("set_session_articles")).toEqual([
      { id: 7, articleIds: [13, 11, 12] },
      { id: 7, articleIds: [12, 11, 13] },
    ]);
  });

  it("adds, edits and deletes notes in the view", async () => {
    const state = await opened();
    const added = await state.addNote(1, 0, 6, "  Who says so?  ");
    expect(sent("add_note")[0]?.note).toEqual({ sessionId: 7, articleId: 12, start: 0, end: 6, note: "Who says so?" });
    expect(state.view?.notes.map((note) => note.id)).toEqual([1, added?.id]);
    expect(await state.addNote(1, 0, 6, "   ")).toBeNull();
    await state.updateNote(1, "Checked");
    expect(state.view?.notes[0]?.note).toBe("Checked");
    await state.deleteNote(1);
    expect(state.view?.notes.map((note) => note.id)).toEqual([5]);
  });
});
