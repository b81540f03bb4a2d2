"""Comparison sessions in the real app: importing the fictional ferry reports, picking rows and
pressing Compare, reading the panes' sentences, and the other steps the session tests share."""

from __future__ import annotations

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement

from parallax_e2e import App, fixture

# Three reports of one invented event (a ferry aground off the invented town of Kelmsby), written so
# that the comparison has every class: the same sentences in all three, a changed number (212/214),
# a reworded quote (lucky/fortunate), a reordered sentence, a substituted word (sandbar/shoal) and
# a sentence only one outlet has. See fixtures/README.md.
FERRY_REPORTS = ["kelmsby-courier-ferry.html", "northmarch-post-ferry.html", "radio-estavel-ferry.html"]
FERRY_OUTLETS = ["The Kelmsby Courier", "Northmarch Daily Post", "Radio Estavel"]

SAMPLE_COMPARE_SESSION = "Port Maren march: four outlets (fictional sample)"
SAMPLE_VERSIONS_SESSION = "Meridian Herald: two versions (fictional sample)"

SENTENCES_JS = """
return [...document.querySelectorAll("[data-testid='compare-view'] [data-testid='sentence']")].map(e => ({
  pane: Number(e.dataset.pane),
  index: Number(e.dataset.index),
  cls: e.dataset.class,
  foundIn: Number(e.dataset.foundIn),
  differs: [...e.querySelectorAll('.w-differs')].map(w => w.textContent),
  text: e.querySelector('[data-sentence-text]').textContent,
}));
"""

ACTIVE_SENTENCE_JS = """
const e = document.activeElement && document.activeElement.closest("[data-testid='sentence']");
return e ? {pane: Number(e.dataset.pane), index: Number(e.dataset.index), cls: e.dataset.class,
            text: e.querySelector('[data-sentence-text]').textContent} : null;
"""


def import_reports(app: App, names: list[str]) -> None:
    """Drops fixture files on the window and waits until each is imported and listed."""
    app.drop([fixture(name) for name in names])
    outcomes = app.import_outcomes(len(names))
    assert all(status == "imported" for status, _ in outcomes.values()), f"every report imports: {outcomes}"
    dismiss_import_panel(app)


def dismiss_import_panel(app: App) -> None:
    """Closes the import panel so that it does not cover the panes in screenshots."""
    for button in app.find_all("import-dismiss"):
        if button.is_displayed() and button.is_enabled():
            button.click()
    app.wait_gone("import-panel")


def ctrl_click(app: App, element: WebElement) -> None:
    ActionChains(app.driver).key_down(Keys.CONTROL).click(element).key_up(Keys.CONTROL).perform()


def pick_rows(app: App, texts: list[str]) -> None:
    """Picks the rows containing each text for comparison: a plain click on the first, Ctrl+click
    on the rest (the library's multi-select)."""
    for position, text in enumerate(texts):
        row = app.row_containing(text)
        if position == 0:
            row.click()
        else:
            ctrl_click(app, row)
    app.wait_until(
        lambda: len([r for r in app.rows() if r.get_attribute("data-picked") == "true"]) == len(texts),
        lambda: f"{len(texts)} picked rows; picked: "
        f"{[app.text(r) for r in app.rows() if r.get_attribute('data-picked') == 'true']}",
    )


def wait_compare_view(app: App, timeout: float = 60) -> WebElement:
    """Waits until the compare view shows sentences in every pane and the session is not busy."""
    view = app.wait_for("compare-view", timeout)
    app.wait_until(
        lambda: app.find_all("pane")
        and all(app.find_all("sentence", within=pane) for pane in app.find_all("pane"))
        and app.find("session-screen").get_attribute("aria-busy") != "true",
        "sentences in every pane of the compare view",
        timeout,
    )
    return view


def wait_connectors(app: App) -> list[WebElement]:
    """Waits until every gutter shows connector bands (drawn in the animation frame after layout)."""
    return app.wait_until(
        lambda: app.find_all("gutter")
        and all(app.find_all("connector", within=gutter) for gutter in app.find_all("gutter"))
        and app.find_all("connector"),
        lambda: f"connectors in each of the {len(app.find_all('gutter'))} gutters",
    )


def compare_picked(app: App, count: int) -> WebElement:
    """Presses "Compare (N)" and waits for the compare view."""
    button = app.wait_for("compare-selected")
    app.wait_until(lambda: f"({count})" in app.text(button) and button.is_enabled(),
                   lambda: f"an enabled 'Compare ({count})' button; seen {app.text(button)!r}")
    button.click()
    return wait_compare_view(app)


def open_ferry_session(app: App) -> WebElement:
    """Imports the three ferry reports, picks them and compares them."""
    import_reports(app, FERRY_REPORTS)
    app.wait_row_count(len(FERRY_REPORTS))
    pick_rows(app, FERRY_OUTLETS)
    return compare_picked(app, len(FERRY_REPORTS))


def sentences(app: App) -> list[dict]:
    return app.script(SENTENCES_JS)


def active_sentence(app: App) -> dict | None:
    return app.script(ACTIVE_SENTENCE_JS)


def pane_outlets(app: App) -> list[str]:
    return [app.text(header.find_element("css selector", ".outlet")) for header in app.find_all("pane-header")]


def session_name(app: App) -> str:
    return app.text(app.wait_for("session-name"))


def close_session(app: App) -> None:
    """Back to the library."""
    app.click("session-close")
    app.wait_gone("session-screen")
    app.wait_for("article-list")


def session_item(app: App, name_part: str) -> WebElement:
    return app.wait_until(
        lambda: next((item for item in app.find_all("session-item") if name_part in app.text(item)), None),
        lambda: f"a session item containing {name_part!r}; seen {[app.text(i) for i in app.find_all('session-item')]}",
    )


def reopen_session(app: App, name_part: str) -> WebElement:
    """Opens a saved session from the sidebar's session list."""
    session_item(app, name_part).click()
    return wait_compare_view(app)


def sample_sessions_listed(app: App) -> bool:
    names = [app.text(item) for item in app.find_all("session-item")]
    return all(any(want in name for name in names) for want in (SAMPLE_COMPARE_SESSION, SAMPLE_VERSIONS_SESSION))


def open_sample(app: App, reload_for_sessions: bool = True) -> None:
    """The welcome screen's "Open the sample library": five fictional articles, an event and two
    sessions. With `reload_for_sessions`, a session list that did not follow is refreshed by
    reloading the page (the sessions exist in the backend; test_sessions_views checks the list
    follows by itself)."""
    app.click("open-sample")
    app.wait_until(lambda: len(app.rows()) >= 5, "the sample's five articles", 90)
    sessions = [s["name"] for s in app.invoke("list_sessions")]
    assert SAMPLE_COMPARE_SESSION in sessions and SAMPLE_VERSIONS_SESSION in sessions, (
        f"the sample creates its two sessions: {sessions}"
    )
    try:
        app.wait_until(lambda: sample_sessions_listed(app), "the sample sessions in the sidebar", timeout=5)
    except TimeoutException:
        if not reload_for_sessions:
            raise
        app.driver.refresh()
        app.wait_ready()
        app.wait_until(lambda: sample_sessions_listed(app), "the sample sessions in the sidebar after a reload")
    dismiss_import_panel(app)


def compare_sample_event(app: App) -> WebElement:
    """Opens the sample library and compares its event (five reports of the Port Maren march)."""
    open_sample(app)
    item = next(i for i in app.find_all("event-item") if "Port Maren" in app.text(i))
    button = next(b for b in app.find_all("compare-event") if b.get_attribute("data-id") == item.get_attribute("data-id"))
    button.click()
    return wait_compare_view(app)


def select_tab(app: App, name: str) -> WebElement:
    """Opens a view of the session (`compare`, `coverage`, `quotes`, `terms`, `facts`, `versions`)."""
    tab = app.wait_for(f"session-tab-{name}")
    tab.click()
    app.wait_until(lambda: tab.get_attribute("aria-selected") == "true", f"the {name} tab to be selected")
    return app.wait_for("compare-view" if name == "compare" else f"view-{name}")


def press(app: App, *keys: str) -> None:
    """Presses a key chord on the focused element (modifiers first, released in reverse)."""
    *modifiers, key = keys
    chain = ActionChains(app.driver)
    for modifier in modifiers:
        chain.key_down(modifier)
    chain.send_keys(key)
    for modifier in reversed(modifiers):
        chain.key_up(modifier)
    chain.perform()


def sentence_element(app: App, pane: int, index: int) -> WebElement:
    return app.driver.find_element(
        "css selector", f"[data-testid='sentence'][data-pane='{pane}'][data-index='{index}']"
    )


SELECT_JS = """
const [sentence, from, to] = arguments;
const root = sentence.querySelector('[data-sentence-text]');
const text = root.textContent;
const start = text.indexOf(from), end = text.indexOf(to) + to.length;
if (start < 0 || end < to.length) return null;
// Walk the text nodes (plain text and .w-differs spans) to place the range's ends.
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
const range = document.createRange();
let offset = 0, node;
while ((node = walker.nextNode())) {
  const length = node.textContent.length;
  if (start >= offset && start <= offset + length && !range.__started) { range.setStart(node, start - offset); range.__started = true; }
  if (end >= offset && end <= offset + length) { range.setEnd(node, end - offset); break; }
  offset += length;
}
const selection = document.getSelection();
selection.removeAllRanges();
selection.addRange(range);
return selection.toString();
"""


def add_note_on_words(app: App, pane: int, index: int, first: str, last: str, note: str) -> str:
    """Selects the words from `first` to `last` of a sentence (a DOM selection, as a mouse drag
    makes), presses "Add note", writes `note` and saves it; returns the quote the draft showed."""
    return add_note_on_element(app, sentence_element(app, pane, index), first, last, note)


def add_note_on_element(app: App, element, first: str, last: str, note: str) -> str:
    """`add_note_on_words` for any element holding a sentence's text (`[data-sentence-text]`)."""
    selected = app.script(SELECT_JS, element, first, last)
    assert selected and selected.startswith(first) and selected.endswith(last), f"the words are selected: {selected!r}"
    app.wait_until(lambda: app.script("return !document.getSelection().isCollapsed"), "a live selection")
    app.click("note-add")
    app.wait_for("notes-panel")
    quote = app.text(app.wait_for("note-quote"))
    app.wait_for("note-text").send_keys(note)
    app.click("note-save")
    app.wait_until(
        lambda: any(app.text(body) == note for body in app.find_all("note-body")),
        lambda: f"the note {note!r} in the list; seen {[app.text(b) for b in app.find_all('note-body')]}",
    )
    return quote
