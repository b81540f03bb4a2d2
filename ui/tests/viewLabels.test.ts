// How the views name a pane: its outlet, else its title, else its position.

import { describe, expect, it } from "vitest";
import { paneLabel, plural } from "../src/components/views/labels";
import { threePaneView } from "./sessionFixtures";

describe("pane labels", () => {
  it("uses the outlet, then the title, then the position", () => {
    const view = threePaneView();
    expect(paneLabel(view, 0)).toBe("The Meridian Herald");
    view.articles[1] = { ...view.articles[1]!, outlet: null };
    view.model.panes[1] = { ...view.model.panes[1]!, outlet: "  " };
    expect(paneLabel(view, 1)).toBe("Clashes at Port Maren water march");
    view.articles[2] = { ...view.articles[2]!, outlet: null, title: "" };
    view.model.panes[2] = { ...view.model.panes[2]!, outlet: null, title: "" };
    expect(paneLabel(view, 2)).toBe("Report 3");
  });

  it("counts in words", () => {
    expect(plural(1, "claim")).toBe("1 claim");
    expect(plural(3, "claim")).toBe("3 claims");
    expect(plural(2, "discrepancy", "discrepancies")).toBe("2 discrepancies");
  });
});
