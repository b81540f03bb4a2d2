// How the views name a pane (outlet, else title, else "Report N") and a few shared words.

import type { SessionView } from "../../lib/bindings/SessionView";

/** The short name of pane `pane`: its outlet, else its title, else "Report N". */
export function paneLabel(view: SessionView, pane: number): string {
  const article = view.articles[pane];
  const model = view.model.panes[pane];
  const outlet = article?.outlet ?? model?.outlet ?? null;
  if (outlet && outlet.trim() !== "") return outlet;
  const title = article?.title ?? model?.title ?? "";
  return title.trim() !== "" ? title : `Report ${pane + 1}`;
}

/** "1 claim", "3 claims". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
