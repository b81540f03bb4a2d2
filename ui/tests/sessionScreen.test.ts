// The comparison screen mounted in jsdom with its IPC mocked: what a user sees in the compare view
// and which commands its actions send. (jsdom does no layout: geometry is all zeros here, so these
// tests check structure, keys and commands; scrolling is checked end to end in the real app.)

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionView } from "../src/lib/bindings/SessionView";
import SessionScreen from "../src/components/session/SessionScreen.svelte";
import { OPEN_MEASURE } from "../src/lib/session/session.svelte";
import { byTestId, until } from "./dom";
import { generatedView, threePaneView, twoPaneView } from "./sessionFixtures";

Element.prototype.scrollIntoView ??= function scrollIntoView() {};

type Call = { cmd: string; args: Record<string, unknown> };

let calls: Call[] = [];
let served: SessionView;
let screen: ReturnType<typeof mount> | undefined;
let closed = 0;

function serve(view: SessionView, fail = false) {
  served = view;
  calls = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "open_session":
        if (fail) throw { code: "notFound", message: "session #7 was not found" };
        return structuredClone(served);
      case "set_session_options":
      case "set_session_articles":
        return served.session;
      case "add_note": {
        const note = args.note as { articleId: number; start: number; end: number; note: string };
        return { id: 99 + callsTo("add_note").length, articleId: note.articleId, start: note.start, end: note.end, quote: "x", note: note.note, createdAt: "2026-03-20T11:00:00Z", author: null, version: 1 };
      }
      case "update_note":
        return { ...served.notes[0], note: args.note };
      case "delete_note":
        return null;
      default:
        throw { code: "invalid", message: `no command ${cmd} in this test` };
    }
  });
}

function callsTo(cmd: string): Record<string, unknown>[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

function all(selector: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(selector)];
}

function sentence(pane: number, index: number): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid="sentence"][data-pane="${pane}"][data-index="${index}"]`);
  if (!found) throw new Error(`no sentence ${index} in pane ${pane}`);
  return found;
}

function key(init: KeyboardEventInit, target: EventTarget = window) {
  target.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init }));
  flushSync();
}

async function open(view: SessionView = threePaneView()) {
  serve(view);
  screen = mount(SessionScreen, { target: document.body, props: { sessionId: view.session.id, onClose: () => (closed += 1) } });
  await until(() => expect(all("[data-testid='pane']")).toHaveLength(view.model.panes.length));
}

/** Opens the two-report session in the inline layout; returns its five rows. */
async function openInline(): Promise<HTMLElement[]> {
  await open(twoPaneView());
  byTestId("options-button").click();
  (await until(() => byTestId<HTMLInputElement>("layout-inline"))).click();
  return until(() => {
    const found = all("[data-testid='inline-row']");
    expect(found).toHaveLength(5);
    return found;
  });
}

beforeEach(() => {
  closed = 0;
});

afterEach(async () => {
  if (screen) unmount(screen);
  screen = undefined;
  await new Promise((resolve) => setTimeout(resolve, 10));
  document.body.innerHTML = "";
  clearMocks();
});

describe("opening a session", () => {
  it("shows its name, one pane per report with its header, and the classed sentences", async () => {
    await open();
    expect(callsTo("open_session")).toEqual([{ id: 7 }]);
    expect(byTestId("session-name").textContent).toBe("Port Maren march (fictional)");
    const headers = all("[data-testid='pane-header']");
    expect(headers.map((h) => h.querySelector("[data-testid='pane-title']")?.textContent)).toEqual([
      "Police and protesters clash in Port Maren",
      "Clashes at Port Maren water march",
      "Mayor calls for calm after march",
    ]);
    expect(headers[0]?.textContent).toContain("The Meridian Herald");
    expect(headers[0]?.querySelector("[data-testid='pane-shared']")?.textContent).toBe("75% shared");
    expect(headers[0]?.querySelector("[data-testid='pane-unique']")?.textContent).toBe("1 unique");
    expect(headers[0]?.querySelector("[data-testid='pane-date']")?.textContent).toBe("14 Mar 2026");
    expect(headers[2]?.querySelector("[data-testid='pane-date']")?.textContent).toBe("Date unknown");

    expect(all("[data-testid='sentence'][data-pane='0']").map((s) => s.dataset.class)).toEqual([
      "changed",
      "identical",
      "identical",
      "unique",
    ]);
    const changed = sentence(0, 0);
    expect(changed.classList.contains("s-changed")).toBe(true);
    expect(changed.querySelector(".w-differs")?.textContent).toBe("protesters");
    expect(changed.querySelector("[data-sentence-text]")?.textContent).toBe(
      "Police and protesters clashed in Port Maren on Saturday.",
    );
    expect(sentence(2, 0).dataset.class).toBe("moved");
    expect(byTestId("legend").textContent).toContain("Unique");
  });

  it("marks a reworded sentence's substance and shows every changed word on request", async () => {
    const view = threePaneView();
    const first = view.model.panes[0]!.sentences[0]!;
    first.reworded = true;
    first.allWords = first.parts.map((part) => ({ ...part, mark: "differs" }));
    first.parts = first.parts.map((part) => ({ ...part, mark: "same" }));
    await open(view);
    const reworded = sentence(0, 0);
    expect(reworded.querySelector(".mark")?.textContent).toBe("≈");
    expect(reworded.getAttribute("aria-describedby")).toBe("legend-reworded");
    expect(reworded.querySelectorAll(".w-differs")).toHaveLength(0);
    const toggle = all("[data-testid='pane-all-words']");
    expect(toggle).toHaveLength(1);
    toggle[0]!.click();
    await until(() => expect(sentence(0, 0).querySelectorAll(".w-differs").length).toBeGreaterThan(0));
    expect(byTestId("legend").textContent).toContain("Reworded");
  });

  it("makes a pane the base the others are marked against, and back", async () => {
    const view = threePaneView();
    await open(view);
    const headers = all("[data-testid='pane-header']");
    expect(headers[2]?.querySelector("[data-testid='pane-reference']")?.textContent).toContain("vs ");
    const base = headers[0]!.querySelector<HTMLButtonElement>("[data-testid='pane-base']")!;
    expect(base.getAttribute("aria-pressed")).toBe("false");
    base.click();
    await until(() => expect(callsTo("set_session_options")).toHaveLength(1));
    expect(callsTo("set_session_options")[0]?.options).toMatchObject({ baseArticle: view.articles[0]!.id });
  });

  it("marks a sentence another report carries, though not the one it is compared with, as in another report", async () => {
    const view = threePaneView();
    const last = view.model.panes[0]!.sentences[3]!;
    last.class = "elsewhere";
    last.counterparts = [{ pane: 2, sentences: [0] }];
    last.foundIn = 1;
    await open(view);
    const marked = sentence(0, 3);
    expect(marked.dataset.class).toBe("elsewhere");
    expect(marked.classList.contains("s-elsewhere")).toBe(true);
    expect(marked.querySelector(".mark")?.textContent).toBe("◦");
    expect(marked.getAttribute("aria-describedby")).toBe("legend-elsewhere");
    expect(byTestId("legend").textContent).toContain("In another report");
  });

  it("dims shared copy, names the reports that carry it and says how much of each pane it is", async () => {
    const view = threePaneView();
    const copied = view.model.panes[0]!.sentences[0]!;
    copied.copyIn = [1];
    view.model.panes[0]!.stats.copy = 1;
    view.model.panes[0]!.stats.copyShare = 0.25;
    view.model.panes[1]!.sentences[0]!.copyIn = [0];
    view.model.panes[1]!.stats.copy = 1;
    view.model.panes[1]!.stats.copyShare = 0.4;
    await open(view);
    const marked = sentence(0, 0);
    expect(marked.classList.contains("copy")).toBe(true);
    expect(marked.dataset.copyIn).toBe("1");
    expect(marked.getAttribute("title")).toMatch(/^Shared copy: .+ carries this sentence word for word or nearly$/);
    expect(sentence(0, 1).classList.contains("copy")).toBe(false);
    const headers = all("[data-testid='pane-copy']");
    expect(headers.map((h) => h.textContent?.trim())).toEqual(["25% shared copy, 75% own", "40% shared copy, 60% own"]);
    expect(byTestId("legend-copy").textContent).toContain("Shared copy");
  });

  it("draws a connector per link between neighbouring panes, pinned ones marked", async () => {
    await open();
    await until(() => expect(all("[data-testid='connector']")).toHaveLength(6));
    const second = all("[data-testid='gutter'][data-left='1'] [data-testid='connector']");
    expect(second.map((c) => c.dataset.class)).toEqual(["moved", "identical", "changed"]);
    expect(second.map((c) => c.dataset.pinned)).toEqual(["false", "false", "true"]);
    expect(second[0]?.getAttribute("d")).toMatch(/^M0 .* Z$/);
  });

  it("leaves a performance measure of the open for end-to-end tests", async () => {
    performance.clearMeasures(OPEN_MEASURE);
    await open();
    await until(() => expect(performance.getEntriesByName(OPEN_MEASURE, "measure")).toHaveLength(1));
  });

  it("says so when the session cannot be opened", async () => {
    serve(threePaneView(), true);
    screen = mount(SessionScreen, { target: document.body, props: { sessionId: 7, onClose: () => (closed += 1) } });
    await until(() => expect(byTestId("error-banner").textContent).toContain("Session #7 was not found"));
    byTestId("session-unavailable").querySelector("button")?.click();
    expect(closed).toBe(1);
  });

  it("paints a long session in chunks, then every sentence of two reports of 1,000 and six of 150", async () => {
    await open(generatedView(2, 1000));
    await until(() => expect(all("[data-testid='sentence']")).toHaveLength(2000), 30_000);
    expect(all("[data-testid='connector']").length).toBeGreaterThan(0);
    unmount(screen!);
    screen = undefined;
    document.body.innerHTML = "";
    await open(generatedView(6, 150));
    await until(() => expect(all("[data-testid='sentence']")).toHaveLength(900), 30_000);
    expect(all("[data-testid='gutter']")).toHaveLength(5);
  }, 60_000);
});

describe("tabs", () => {
  it("switches to the other views and shows Versions only for versions", async () => {
    await open();
    expect(document.querySelector("[data-testid='session-tab-versions']")).toBeNull();
    byTestId("session-tab-coverage").click();
    await until(() => byTestId("view-coverage"));
    expect(document.querySelector("[data-testid='compare-view']")).toBeNull();
    expect(byTestId("session-tab-coverage").getAttribute("aria-selected")).toBe("true");
    byTestId("session-tab-compare").click();
    await until(() => byTestId("compare-view"));
  });
});

describe("navigation", () => {
  it("steps through the differences with Alt+arrows and F7", async () => {
    await open();
    key({ key: "ArrowDown", altKey: true });
    await until(() => expect(document.activeElement).toBe(sentence(0, 0)));
    key({ key: "F7" });
    await until(() => expect(document.activeElement).toBe(sentence(0, 3)));
    expect(byTestId("compare-status").textContent).toBe("Difference 2 of 2 in The Meridian Herald");
    key({ key: "F7" });
    expect(byTestId("compare-status").textContent).toContain("No more differences below");
    key({ key: "ArrowUp", altKey: true });
    await until(() => expect(document.activeElement).toBe(sentence(0, 0)));
    byTestId("next-diff").click();
    await until(() => expect(document.activeElement).toBe(sentence(0, 3)));
  });

  it("moves between sentences with the arrow keys, across panes to the counterpart", async () => {
    await open();
    sentence(0, 0).focus();
    key({ key: "ArrowDown" }, sentence(0, 0));
    expect(document.activeElement).toBe(sentence(0, 1));
    expect(sentence(0, 1).getAttribute("tabindex")).toBe("0");
    key({ key: "ArrowRight" }, sentence(0, 1));
    await until(() => expect(document.activeElement).toBe(sentence(1, 1)));
    key({ key: "ArrowRight" }, sentence(1, 1));
    await until(() => expect(document.activeElement).toBe(sentence(2, 2)));
    key({ key: "End" }, sentence(2, 2));
    expect(document.activeElement).toBe(sentence(2, 2));
    key({ key: "Home" }, sentence(2, 2));
    expect(document.activeElement).toBe(sentence(2, 0));
  });

  it("lights up the counterparts of the hovered sentence in every pane", async () => {
    await open();
    sentence(0, 0).dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    flushSync();
    expect(all(".sentence.lit").map((s) => `${s.dataset.pane}:${s.dataset.index}`)).toEqual(["0:0", "1:0", "2:1"]);
    await until(() =>
      expect(all("[data-testid='connector'].lit").map((c) => `${c.closest("svg")?.dataset.left}:${c.dataset.a}`)).toEqual([
        "0:0",
        "1:0",
      ]),
    );
  });

  it("folds identical runs with differences only and saves the choice without comparing again", async () => {
    await open();
    byTestId<HTMLInputElement>("diff-only-toggle").click();
    await until(() => expect(all("[data-testid='fold']")).toHaveLength(2));
    expect(callsTo("set_session_options")[0]?.options).toMatchObject({ differencesOnly: true });
    expect(callsTo("open_session")).toHaveLength(1);
    const fold = all("[data-testid='fold'][data-first='1']")[0];
    expect(fold?.textContent).toContain("2 identical sentences");
    expect(() => sentence(0, 1)).toThrow();
    fold?.click();
    await until(() => sentence(0, 1));
  });

  it("finds across panes with Ctrl+F and steps with Enter", async () => {
    await open();
    key({ key: "f", ctrlKey: true });
    const input = await until(() => byTestId<HTMLInputElement>("find-input"));
    await until(() => expect(document.activeElement).toBe(input));
    input.value = "MAYOR";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await until(() => expect(byTestId("find-count").textContent).toBe("3 matches"));
    expect(all(".sentence.hit")).toHaveLength(3);
    expect(all(".sentence.hit mark").map((mark) => mark.textContent)).toEqual(["mayor", "mayor", "mayor"]);
    key({ key: "Enter" }, input);
    await until(() => expect(byTestId("find-count").textContent).toBe("1 of 3"));
    expect(sentence(0, 2).classList.contains("current-hit")).toBe(true);
    key({ key: "Enter", shiftKey: true }, input);
    await until(() => expect(byTestId("find-count").textContent).toBe("3 of 3"));
    key({ key: "Escape" }, input);
    await until(() => expect(document.querySelector("[data-testid='find-bar']")).toBeNull());
  });

  it("opens the keyboard help with ? and closes it with Escape", async () => {
    await open();
    sentence(1, 2).focus();
    key({ key: "?" }, sentence(1, 2));
    await until(() => expect(byTestId("help-overlay").textContent).toContain("Next difference"));
    expect(byTestId("notices").textContent).toContain("Universal Sentence Encoder Multilingual");
    await until(() => expect(document.activeElement).toBe(byTestId("help-close")));
    key({ key: "Escape" }, byTestId("help-close"));
    await until(() => expect(document.querySelector("[data-testid='help-overlay']")).toBeNull());
    await until(() => expect(document.activeElement).toBe(sentence(1, 2)));
  });
});

describe("options, links and pane order", () => {
  it("compares again when the threshold changes", async () => {
    await open();
    byTestId("options-button").click();
    const slider = await until(() => byTestId<HTMLInputElement>("options-threshold"));
    slider.value = "0.7";
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    slider.dispatchEvent(new Event("change", { bubbles: true }));
    await until(() => expect(callsTo("open_session")).toHaveLength(2));
    expect(callsTo("set_session_options")[0]?.options).toMatchObject({ threshold: 0.7, links: [] });
    byTestId<HTMLInputElement>("options-ignore-case").click();
    await until(() => expect(callsTo("open_session")).toHaveLength(3));
    expect(callsTo("set_session_options")[1]?.options).toMatchObject({ ignoreCase: true, ignorePunctuation: false });
  });

  it("switches matching from meaning to words, and compares again", async () => {
    await open();
    byTestId("options-button").click();
    const meaning = await until(() => byTestId<HTMLInputElement>("options-match-meaning"));
    expect(meaning.checked).toBe(true);
    byTestId<HTMLInputElement>("options-match-words").click();
    await until(() => expect(callsTo("open_session")).toHaveLength(2));
    expect(callsTo("set_session_options")[0]?.options).toMatchObject({ matchBy: "words" });
  });

  it("closes the options with Escape or a click elsewhere", async () => {
    await open();
    byTestId("options-button").click();
    const panel = await until(() => byTestId("options-panel"));
    key({ key: "Escape" }, panel);
    await until(() => expect(document.querySelector("[data-testid='options-panel']")).toBeNull());
    byTestId("options-button").click();
    await until(() => byTestId("options-panel"));
    sentence(0, 0).dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    await until(() => expect(document.querySelector("[data-testid='options-panel']")).toBeNull());
    expect(byTestId("options-button").getAttribute("aria-expanded")).toBe("false");
  });

  it("links a sentence with one in the neighbouring pane by article id", async () => {
    await open();
    sentence(0, 3).focus();
    flushSync();
    byTestId("link-button").click();
    flushSync();
    expect(sentence(0, 3).classList.contains("link-source")).toBe(true);
    sentence(1, 3).click();
    await until(() => expect(callsTo("set_session_options")).toHaveLength(1));
    expect(callsTo("set_session_options")[0]?.options).toMatchObject({
      links: [{ articleA: 11, sentenceA: 3, articleB: 12, sentenceB: 3, linked: true }],
    });
    await until(() => expect(callsTo("open_session")).toHaveLength(2));
  });

  it("unlinks the focused sentence from its neighbours", async () => {
    await open();
    const unlink = byTestId<HTMLButtonElement>("unlink-button");
    expect(unlink.disabled).toBe(true);
    sentence(0, 3).focus();
    flushSync();
    expect(unlink.disabled).toBe(true);
    sentence(2, 1).focus();
    flushSync();
    unlink.click();
    await until(() => expect(callsTo("set_session_options")).toHaveLength(1));
    expect(callsTo("set_session_options")[0]?.options).toMatchObject({
      links: [{ articleA: 12, sentenceA: 0, articleB: 13, sentenceB: 1, linked: false }],
    });
  });

  it("moves and swaps panes", async () => {
    await open();
    all("[data-testid='pane-move-right']")[0]?.click();
    await until(() => expect(callsTo("set_session_articles")).toEqual([{ id: 7, articleIds: [12, 11, 13] }]));
    all("[data-testid='pane-swap'][data-left='1']")[0]?.click();
    await until(() => expect(callsTo("set_session_articles")).toHaveLength(2));
    expect(callsTo("set_session_articles")[1]).toEqual({ id: 7, articleIds: [11, 13, 12] });
  });

  it("shows two reports inline, struck and underlined", async () => {
    const rows = await openInline();
    expect(rows[0]?.querySelector("del")?.textContent).toBe("protesters");
    expect(rows[0]?.querySelector("ins")?.textContent).toBe("demonstrators");
    expect(rows[0]?.textContent).toContain("Police and protestersdemonstrators clashed");
    expect(rows.map((row) => row.dataset.kind)).toEqual(["linked", "linked", "linked", "onlyB", "onlyA"]);
    expect(callsTo("set_session_options")[0]?.options).toMatchObject({ layout: "inline" });
    key({ key: "ArrowDown", altKey: true });
    await until(() => expect(document.activeElement).toBe(rows[3]));
  });
});

describe("notes", () => {
  /** Selects `words` inside a sentence's text element, as a mouse drag does. */
  function selectWords(root: Element, words: string): void {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode();
    while (text && !text.textContent?.includes(words)) text = walker.nextNode();
    if (!text) throw new Error(`no text node holds ${words}`);
    const start = text.textContent!.indexOf(words);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + words.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event("selectionchange"));
    flushSync();
  }

  /** Presses Add note, checks the draft quotes `quoted`, writes `note` and saves it. */
  async function addNote(quoted: string, note: string): Promise<void> {
    const saved = callsTo("add_note").length;
    byTestId("note-add").click();
    await until(() => expect(byTestId("note-quote").textContent).toContain(quoted));
    const box = byTestId<HTMLTextAreaElement>("note-text");
    box.value = note;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    byTestId("note-save").click();
    await until(() => expect(callsTo("add_note")).toHaveLength(saved + 1));
  }

  /** "café on Quay" in "Three officers were injured near the café on Quay Street." (the Herald, pane 0). */
  function cafeSpan(): { start: number; end: number } {
    const herald = threePaneView().model.panes[0]!.sentences[3]!;
    const before = new TextEncoder().encode("Three officers were injured near the ").length;
    const start = herald.start + before;
    return { start, end: start + new TextEncoder().encode("café on Quay").length };
  }

  it("adds a note on selected words with their byte offsets", async () => {
    await open();
    expect(all("[data-testid='note-badge']")).toHaveLength(1);
    selectWords(sentence(0, 3).querySelector("[data-sentence-text]")!, "café on Quay");
    await addNote("café on Quay", "Which café?");
    expect(callsTo("add_note")[0]?.note).toEqual({ sessionId: 7, articleId: 11, ...cafeSpan(), note: "Which café?" });
    await until(() => expect(all("[data-testid='note-item']")).toHaveLength(2));
    expect(all("[data-testid='note-badge']")).toHaveLength(2);
  });

  it("adds notes in the inline view: on selected words, or on the focused row's sentence", async () => {
    const rows = await openInline();
    // The existing note (the wire's "Police") shows on the linked row that holds its sentence.
    expect(rows[0]?.querySelector("[data-testid='note-badge']")).not.toBeNull();
    expect(all("[data-testid='note-badge']")).toHaveLength(1);

    selectWords(rows[4]!.querySelector("[data-sentence-text]")!, "café on Quay");
    await addNote("café on Quay", "Which café?");
    expect(callsTo("add_note")[0]?.note).toMatchObject({ articleId: 11, ...cafeSpan() });

    // No selection: the focused linked row's note goes on the second report's sentence, whole.
    document.getSelection()!.removeAllRanges();
    document.dispatchEvent(new Event("selectionchange"));
    rows[1]!.focus();
    flushSync();
    await addNote("About 2,000 people marched", "Police said 1,500.");
    const wire = threePaneView().model.panes[1]!.sentences[1]!;
    expect(callsTo("add_note")[1]?.note).toMatchObject({ articleId: 12, start: wire.start, end: wire.end });
  });

  it("lists, edits and deletes notes", async () => {
    await open();
    byTestId("notes-toggle").click();
    const item = await until(() => byTestId("note-item"));
    expect(item.textContent).toContain("Check who the wire quotes");
    expect(item.textContent).toContain("Coastal Wire");
    expect(byTestId("note-author").textContent, "a team library names who wrote it").toBe("Ana");
    byTestId("note-jump").click();
    await until(() => expect(document.activeElement).toBe(sentence(1, 0)));
    byTestId("note-edit").click();
    const edit = await until(() => byTestId<HTMLTextAreaElement>("note-edit-text"));
    edit.value = "Checked";
    edit.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    byTestId("note-edit-save").click();
    await until(() => expect(callsTo("update_note")).toEqual([{ id: 1, note: "Checked", version: 3 }]));
    await until(() => expect(byTestId("note-body").textContent).toBe("Checked"));
    byTestId("note-delete").click();
    await until(() => expect(all("[data-testid='note-item']")).toHaveLength(0));
    expect(callsTo("delete_note")).toEqual([{ id: 1 }]);
    expect(all("[data-testid='note-badge']")).toHaveLength(0);
    key({ key: "Escape" });
    await until(() => expect(document.querySelector("[data-testid='notes-panel']")).toBeNull());
  });
});
