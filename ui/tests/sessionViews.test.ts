// The views over a session (coverage, quotes, terms, facts, versions) and the export menu, mounted
// alone from hand-made models: what they show, how they sort, where a click jumps, the empty states.

import { clearMocks } from "@tauri-apps/api/mocks";
import { flushSync, mount, unmount, type Component } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionView } from "../src/lib/bindings/SessionView";
import ExportMenu from "../src/components/ExportMenu.svelte";
import CoverageView from "../src/components/views/CoverageView.svelte";
import FactsView from "../src/components/views/FactsView.svelte";
import QuotesView from "../src/components/views/QuotesView.svelte";
import TermsView from "../src/components/views/TermsView.svelte";
import VersionsView from "../src/components/views/VersionsView.svelte";
import { allByTestId as all, byTestId as one, until } from "./dom";
import { FakeBackend } from "./fakeBackend";
import { emptyView, richView, versionsView } from "./fakeSessions";

type ViewProps = { view: SessionView; onJump: (pane: number, sentence: number) => void };

let mounted: ReturnType<typeof mount> | undefined;
let jumps: [number, number][];

function show(component: Component<ViewProps>, view: SessionView) {
  jumps = [];
  mounted = mount(component, {
    target: document.body,
    props: { view, onJump: (pane: number, sentence: number) => jumps.push([pane, sentence]) },
  });
  flushSync();
}

function click(element: Element | undefined) {
  if (!element) throw new Error("nothing to click");
  (element as HTMLElement).click();
  flushSync();
}

afterEach(() => {
  if (mounted) unmount(mounted);
  mounted = undefined;
  document.body.innerHTML = "";
});

describe("coverage", () => {
  it("draws claims × outlets with same, different and omitted cells", () => {
    const view = richView();
    show(CoverageView, view);
    const rows = all("coverage-row");
    expect(rows).toHaveLength(view.model.coverage.claims.length);
    expect(rows[0]?.textContent).toContain(view.model.coverage.claims[0]?.text);
    const first = all("coverage-cell", rows[0]).map((cell) => cell.dataset.state);
    expect(first).toEqual(["same", "different", "different"]);
    const second = all("coverage-cell", rows[1]).map((cell) => cell.dataset.state);
    expect(second).toEqual(["same", "omitted", "omitted"]);
    const headers = [...document.querySelectorAll("thead th")].map((th) => th.textContent?.trim());
    expect(headers).toContain("The Meridian Herald");
    expect(headers).toContain("Harbour Daily");
    expect(rows[1]?.textContent).toContain("1 / 3");
  });

  it("stands the reports of one story side by side under a band naming them", () => {
    const view = richView();
    view.model.copyFamilies = [[0, 2]];
    show(CoverageView, view);
    const band = all("coverage-family");
    expect(band).toHaveLength(1);
    expect(band[0]?.textContent).toContain("Shared copy 1");
    expect(band[0]?.getAttribute("colspan")).toBe("2");
    expect(band[0]?.getAttribute("title")).toContain("word for word");
    // Columns: the family (panes 0 and 2) first, then pane 1; cells follow the same order.
    const columns = all("coverage-sort-pane").map((button) => button.dataset.pane);
    expect(columns).toEqual(["0", "2", "1"]);
    const cells = all("coverage-cell", all("coverage-row")[0]).map((cell) => cell.dataset.pane);
    expect(cells).toEqual(["0", "2", "1"]);
    expect(all("coverage-summary-cell").map((cell) => cell.dataset.pane)).toEqual(["0", "2", "1"]);
  });

  it("jumps to an outlet's first sentence of a claim when its cell is clicked", () => {
    show(CoverageView, richView());
    const cell = document.querySelector('[data-testid="coverage-cell"][data-claim="0"][data-pane="2"]');
    click(cell ?? undefined);
    expect(jumps).toEqual([[2, 1]]);
    // An omitted cell has nothing to show and is no button.
    const omitted = document.querySelector('[data-testid="coverage-cell"][data-claim="1"][data-pane="1"]');
    expect(omitted?.tagName).toBe("SPAN");
  });

  it("sorts by how many carry a claim, by an outlet's column and back to report order", () => {
    const view = richView();
    // A third claim carried by two, so the three orders differ.
    view.model.coverage.claims.push({
      text: "The march ended at the harbour.",
      cells: [null, { sentences: [3], text: "The march ended at the harbour.", wording: "representative" }, { sentences: [2], text: "The march ended at the harbour.", wording: "same" }],
      carriedBy: 2,
    });
    show(CoverageView, view);
    const order = () => all("coverage-row").map((row) => Number(row.dataset.claim));
    expect(order()).toEqual([0, 1, 2]);
    click(one("coverage-sort-carried"));
    expect(order()).toEqual([0, 2, 1]);
    expect(one("coverage-sort-carried").closest("th")?.getAttribute("aria-sort")).toBe("descending");
    click(document.querySelector('[data-testid="coverage-sort-pane"][data-pane="1"]') ?? undefined);
    // Pane 1: the claim it words as the representative, then the one worded differently, then the omitted.
    expect(order()).toEqual([2, 0, 1]);
    click(one("coverage-sort-order"));
    expect(order()).toEqual([0, 1, 2]);
  });

  it("sums up per outlet the claims carried and those only it carries", () => {
    show(CoverageView, richView());
    const summary = all("coverage-summary-cell").map((cell) => cell.textContent?.replace(/\s+/g, " ").trim());
    expect(summary).toEqual(["2 · 1 only here", "1 · 0 only here", "1 · 0 only here"]);
  });

  it("draws a huge matrix in steps and sorts all of it", () => {
    const view = richView();
    const claims = Array.from({ length: 650 }, (_, index) => ({
      text: `Claim number ${index}.`,
      cells: [
        { sentences: [index], text: `Claim number ${index}.`, wording: "representative" as const },
        index === 640 ? { sentences: [0], text: "Claim.", wording: "same" as const } : null,
        null,
      ],
      carriedBy: index === 640 ? 2 : 1,
    }));
    view.model.coverage = { claims };
    show(CoverageView, view);
    expect(all("coverage-row")).toHaveLength(300);
    expect(one("coverage-more").textContent).toContain("Show 300 more of 350 remaining claims");
    click(one("coverage-sort-carried"));
    expect(all("coverage-row")[0]?.dataset.claim).toBe("640");
    click(one("coverage-more"));
    click(one("coverage-more"));
    expect(all("coverage-row")).toHaveLength(650);
    expect(document.querySelector("[data-testid='coverage-more']")).toBeNull();
  });

  it("says so when there are no claims", () => {
    show(CoverageView, emptyView());
    expect(one("view-empty").textContent).toContain("No claims");
    expect(all("coverage-cell")).toHaveLength(0);
  });
});

describe("quotes", () => {
  it("shows each quote group with its speaker, every outlet's wording and the flag", () => {
    show(QuotesView, richView());
    const groups = all("quote-group");
    expect(groups).toHaveLength(2);
    expect(one("quote-speaker", groups[0]).textContent).toBe("Mayor Ana Lund");
    expect(one("quote-speaker", groups[1]).textContent).toBe("Unattributed");
    expect(all("quote-occurrence", groups[0]).map((q) => q.querySelector("q")?.textContent)).toEqual([
      "We ask everyone to stay calm",
      "We ask everyone to remain calm",
      "We ask everyone to stay calm",
    ]);
    expect(groups[0]?.querySelector('[data-testid="quote-differs"]')).not.toBeNull();
    expect(groups[1]?.querySelector('[data-testid="quote-differs"]')).toBeNull();
  });

  it("renders the variant's word diff from the ops: deletion struck, insertion underlined", () => {
    show(QuotesView, richView());
    const variant = one("quote-variant");
    expect(variant.querySelector("del")?.textContent).toBe("stay");
    expect(variant.querySelector("ins")?.textContent).toBe("remain");
    expect(variant.querySelector(".ops-diff")?.textContent).toBe("We ask everyone to stayremain calm");
    expect(variant.textContent).toContain("The Meridian Herald → Coastal Wire");
  });

  it("shows no word diff between renderings in two languages", () => {
    const view = richView();
    const variant = view.model.quotes[0]!.variants[0]!;
    variant.translated = true;
    variant.ops = [];
    show(QuotesView, view);
    expect(one("quote-variant").querySelector("del, ins")).toBeNull();
    expect(one("quote-variant-translated").textContent).toContain("rendered in another language");
  });

  it("jumps to a quote's sentence", () => {
    show(QuotesView, richView());
    click(all("quote-jump")[2]);
    expect(jumps).toEqual([[2, 0]]);
  });

  it("says so when there are no quotes", () => {
    show(QuotesView, emptyView());
    expect(one("view-empty").textContent).toBe("No quotes in these reports.");
  });
});

describe("terms", () => {
  it("lists each outlet's distinctive terms with counts and z", () => {
    show(TermsView, richView());
    const columns = all("term-column");
    expect(columns).toHaveLength(3);
    const herald = all("term-item", columns[0]);
    expect(herald.map((row) => row.querySelector("button")?.textContent)).toEqual(["protesters", "café"]);
    expect([...(herald[0]?.querySelectorAll("td") ?? [])].map((td) => td.textContent?.trim())).toEqual([
      "protesters",
      "3",
      "0",
      "2.4",
    ]);
    expect(columns[2]?.textContent).toContain("Nothing stands out");
  });

  it("jumps to a term's first use", () => {
    show(TermsView, richView());
    click(all("term-item")[1]?.querySelector("button") ?? undefined);
    expect(jumps).toEqual([[0, 3]]);
  });

  it("shows substitutions in context with the swapped word marked, and jumps to each side", () => {
    show(TermsView, richView());
    const substitution = one("substitution");
    expect(substitution.textContent).toContain("protesters");
    expect(substitution.textContent).toContain("demonstrators");
    expect(substitution.textContent).toContain("2 times");
    const marked = [...substitution.querySelectorAll(".w-differs")].map((span) => span.textContent);
    expect(marked).toEqual(["protesters", "demonstrators"]);
    const sides = all("substitution-jump", substitution);
    click(sides[1]);
    click(sides[0]);
    expect(jumps).toEqual([
      [1, 0],
      [0, 0],
    ]);
  });

  it("lists the words an outlet puts in quotation marks without quoting anyone, and jumps to them", () => {
    show(TermsView, richView());
    const columns = all("distanced-column");
    expect(columns).toHaveLength(1);
    expect(columns[0]?.dataset.pane).toBe("1");
    const term = one("distanced-term");
    expect(term.textContent).toContain("“security operation”");
    click(term.querySelector("button") ?? undefined);
    expect(jumps).toEqual([[1, 2]]);
  });

  it("says so when nothing stands out and nothing is swapped", () => {
    show(TermsView, emptyView());
    expect(one("terms-empty").textContent).toContain("No outlet uses words the others avoid");
    expect(one("substitutions-empty")).toBeTruthy();
    expect(one("distanced-empty")).toBeTruthy();
  });
});

describe("facts", () => {
  it("shows each discrepancy with both values and both sentences", () => {
    show(FactsView, richView());
    const fact = one("fact-item");
    expect(fact.dataset.kind).toBe("number");
    expect(one("fact-value-a", fact).textContent).toBe("2,000");
    expect(one("fact-value-b", fact).textContent).toBe("3,000");
    expect(fact.textContent).toContain("The Meridian Herald");
    expect(fact.textContent).toContain("Harbour Daily");
    expect([...fact.querySelectorAll(".w-differs")].map((span) => span.textContent)).toEqual(["2,000", "3,000"]);
    expect(fact.textContent).toContain("Some 3,000 people marched against the water prices.");
  });

  it("jumps to either side", () => {
    show(FactsView, richView());
    const [a, b] = all("fact-jump");
    click(b);
    click(a);
    expect(jumps).toEqual([
      [2, 2],
      [0, 1],
    ]);
  });

  it("says so when the facts agree", () => {
    show(FactsView, emptyView());
    expect(one("view-empty").textContent).toContain("No discrepancies");
  });
});

describe("versions", () => {
  it("draws the timeline of versions with title, date and words", () => {
    show(VersionsView, versionsView());
    const versions = all("version-item");
    expect(versions).toHaveLength(3);
    expect(versions[0]?.textContent).toContain("Port Maren march, update 1");
    expect(versions[0]?.textContent).toContain("14 Mar 2026");
    expect(versions[2]?.textContent).toContain("340 words");
    expect(all("version-step")).toHaveLength(2);
  });

  it("ranks the changes by substance, or lists them in article order", () => {
    show(VersionsView, versionsView());
    const scores = () => all("version-change").map((change) => Number(change.dataset.score));
    expect(scores()).toEqual([90, 55, 30]);
    expect(all("version-change")[0]?.textContent).toContain("number changed");
    click(one("version-order-article"));
    expect(scores()).toEqual([30, 55, 90]);
    expect(one("version-order-article").getAttribute("aria-pressed")).toBe("true");
  });

  it("shows an edit as its word diff and an addition as inserted text", () => {
    show(VersionsView, versionsView());
    const [numberEdit, addition] = all("version-change");
    expect(numberEdit?.querySelector("del")?.textContent).toBe("Two");
    expect(numberEdit?.querySelector("ins")?.textContent).toBe("Three");
    expect(addition?.dataset.kind).toBe("addition");
    expect(addition?.querySelector("ins")?.textContent).toBe("Water prices rose by 40 percent this year.");
  });

  it("switches to the next revision and jumps to where a change is", () => {
    show(VersionsView, versionsView());
    click(all("version-jump")[0]);
    expect(jumps).toEqual([[1, 2]]);
    click(all("version-step")[1]);
    const changes = all("version-change");
    expect(changes).toHaveLength(1);
    expect(changes[0]?.dataset.kind).toBe("deletion");
    expect(changes[0]?.querySelector("del")?.textContent).toBe("The mayor called for calm.");
    // A deletion has no sentence in the new version: it jumps to the old one.
    click(one("version-jump"));
    expect(jumps.at(-1)).toEqual([1, 2]);
  });

  it("explains that the reports are not versions", () => {
    show(VersionsView, emptyView());
    expect(one("view-empty").textContent).toContain("not versions of one article");
  });
});

describe("export menu", () => {
  let backend: FakeBackend;

  beforeEach(() => {
    backend = new FakeBackend().install();
    backend.addSession("Port Maren march", [1, 2]);
  });

  afterEach(() => clearMocks());

  function menu() {
    mounted = mount(ExportMenu, { target: document.body, props: { sessionId: 1 } });
    flushSync();
  }

  it("exports each format and says where the file went", async () => {
    menu();
    for (const format of ["html", "json", "csv"] as const) {
      click(one(`export-${format}`));
      await until(() => expect(one("export-status").textContent).toContain(`.${format}`));
      expect(one("export-status").dataset.kind).toBe("ok");
    }
    expect(backend.callsTo("export_session")).toEqual([
      { id: 1, format: "html" },
      { id: 1, format: "json" },
      { id: 1, format: "csv" },
    ]);
    expect(one("export-status").textContent).toBe("Saved to /home/reporter/Parallax/export/Port-Maren-march.csv");
  });

  it("says the export was cancelled, or why it failed", async () => {
    menu();
    backend.exportAnswer = null;
    click(one("export-html"));
    await until(() => expect(one("export-status").textContent).toBe("Export cancelled."));
    backend.exportAnswer = { code: "library", message: "the folder is read-only" };
    click(one("export-json"));
    await until(() => expect(one("export-status").dataset.kind).toBe("error"));
    expect(one("export-status").textContent).toBe("Export failed: The folder is read-only");
  });

  it("prints", () => {
    const print = vi.fn();
    window.print = print;
    menu();
    click(one("export-print"));
    expect(print).toHaveBeenCalledOnce();
  });
});
