"""Comparison sessions: opening one from picked articles or from an event, the panes' classes, word
marks, connectors and headers; stepping through the differences with the keyboard, the "differences
only" filter, find and the keyboard help."""

from selenium.webdriver.common.keys import Keys

from parallax_e2e import App
from sessions_e2e import (
    FERRY_OUTLETS,
    FERRY_REPORTS,
    active_sentence,
    add_note_on_element,
    compare_picked,
    import_reports,
    compare_sample_event,
    open_ferry_session,
    pane_outlets,
    pick_rows,
    press,
    select_tab,
    sentences,
    wait_compare_view,
    wait_connectors,
)
from test_events import create_event


def by_pane(found: list[dict]) -> dict[int, list[dict]]:
    panes: dict[int, list[dict]] = {}
    for sentence in found:
        panes.setdefault(sentence["pane"], []).append(sentence)
    return panes


def test_picking_three_reports_and_compare_opens_them_side_by_side(app: App):
    open_ferry_session(app)

    assert sorted(pane_outlets(app)) == sorted(FERRY_OUTLETS), f"one pane per picked report: {pane_outlets(app)}"
    found = sentences(app)
    panes = by_pane(found)
    assert sorted(panes) == [0, 1, 2], f"three panes of sentences: {sorted(panes)}"
    classes = {s["cls"] for s in found}
    assert classes == {"identical", "changed", "moved", "unique"}, f"every class appears: {classes}"

    # The changed number: whichever pane carries 214, the 212/214 pair is marked word by word.
    number = [s for s in found if "passengers were taken off" in s["text"]]
    assert len(number) == 3, f"the passengers sentence in each pane: {number}"
    assert all(s["cls"] == "changed" for s in number), f"212 vs 214 makes the sentence changed: {number}"
    assert any("214" in "".join(s["differs"]) for s in number), f"214 is a marked word: {number}"
    assert any("212" in "".join(s["differs"]) for s in number), f"212 is a marked word: {number}"
    # The reworded quote: "lucky" / "fortunate" are the differing words.
    quote = [s for s in found if "Ilse Varnow" in s["text"]]
    marked = " ".join(w for s in quote for w in s["differs"])
    assert all(s["cls"] == "changed" for s in quote), f"the reworded quote is changed: {quote}"
    assert "lucky" in marked and "fortunate" in marked, f"the swapped words are marked: {marked!r}"
    # The reordered sentence and the sentences only one outlet has.
    moved = [s for s in found if s["text"].startswith("Crossings to Tolm")]
    assert moved and all(s["cls"] == "moved" for s in moved), f"the reordered sentence is moved: {moved}"
    unique = {s["text"] for s in found if s["cls"] == "unique"}
    assert any("Grey Heron" in t for t in unique) and any("built in 1998" in t for t in unique), (
        f"each outlet's own sentence is unique: {unique}"
    )
    identical = [s for s in found if s["text"].startswith("Divers will inspect the hull")]
    assert len(identical) == 3 and all(s["cls"] == "identical" for s in identical), identical
    assert not any(s["differs"] for s in identical), "identical sentences carry no word marks"
    assert app.script("return document.querySelectorAll('.s-changed .w-differs').length") >= 4

    # Connector bands between neighbouring panes, with the classes of their links.
    wait_connectors(app)
    gutters = app.find_all("gutter")
    assert len(gutters) == 2, f"a gutter between each pair of neighbours: {len(gutters)}"
    for gutter in gutters:
        kinds = [c.get_attribute("data-class") for c in app.find_all("connector", within=gutter)]
        assert kinds, f"connectors drawn in gutter {gutter.get_attribute('data-left')}"
        assert "identical" in kinds and "changed" in kinds, f"identical and changed links drawn: {kinds}"
    assert app.script(
        "return [...document.querySelectorAll('[data-testid=connector]')].every(p => (p.getAttribute('d') || '').length > 10)"
    ), "every connector has a path"
    all_kinds = {c.get_attribute("data-class") for c in app.find_all("connector")}
    assert "moved" in all_kinds, f"the reordered sentence's link is drawn as moved: {all_kinds}"

    # Pane headers: outlet, title, date, word count, shared share, unique count.
    headers = app.find_all("pane-header")
    assert len(headers) == 3
    for header in headers:
        text = app.text(header)
        assert app.text(app.find("pane-title", within=header)), f"a title in {text!r}"
        assert "2026" in app.text(app.find("pane-date", within=header)), f"a date in {text!r}"
        assert app.text(app.find("pane-words", within=header)).split()[0].isdigit(), f"a word count in {text!r}"
        assert "% shared" in app.text(app.find("pane-shared", within=header)), f"a shared share in {text!r}"
        assert "unique" in app.text(app.find("pane-unique", within=header)), f"a unique count in {text!r}"
    uniques = sorted(app.text(app.find("pane-unique", within=h)) for h in headers)
    assert uniques == ["0 unique", "1 unique", "1 unique"], f"two outlets have one sentence of their own: {uniques}"
    assert app.exists("legend"), "the legend is shown"
    duration = app.script("return performance.getEntriesByName('session-open').map(e => e.duration)")
    assert duration and duration[-1] > 0, f"the session-open measure is recorded: {duration}"
    app.screenshot("20-session-side-by-side")


def test_compare_event_opens_the_event_reports(app: App):
    import_reports(app, FERRY_REPORTS)
    rows = app.wait_row_count(3)
    ids = [int(row.get_attribute("data-id")) for row in rows]
    event = "Silver Wren grounding (test event)"
    create_event(app, event)
    item = next(i for i in app.find_all("event-item") if event in app.text(i))
    event_id = int(item.get_attribute("data-id"))
    app.invoke("add_to_event", {"eventId": event_id, "articleIds": ids})

    button = next(b for b in app.find_all("compare-event") if b.get_attribute("data-id") == str(event_id))
    button.click()
    wait_compare_view(app)
    assert len(app.find_all("pane")) == 3, "one pane per report of the event"
    assert sorted(pane_outlets(app)) == sorted(FERRY_OUTLETS)
    assert wait_connectors(app), "connectors are drawn"
    app.screenshot("21-session-from-event")


def test_compare_event_on_the_sample_library(app: App):
    compare_sample_event(app)
    assert len(app.find_all("pane")) == 5, "the sample event's five reports side by side"
    found = sentences(app)
    assert {s["cls"] for s in found} >= {"changed", "unique"}, "the sample's reports differ"
    # A mark says how many other reports carry a sentence: unique only when none does.
    for s in found:
        assert (s["cls"] == "unique") == (s["foundIn"] == 0), f"pane {s['pane']}: {s['text']!r} is {s['cls']}"
    treated = [s for s in found if s["text"].startswith("Thirty-one")]
    assert treated and all(s["cls"] != "unique" for s in treated), treated
    app.screenshot("46-sample-event-in-another-report")


def test_next_and_previous_difference_keys(app: App):
    open_ferry_session(app)
    status = app.find("compare-status")

    visited = []
    for chord in [(Keys.ALT, Keys.ARROW_DOWN), (Keys.F7,), (Keys.F7,)]:
        before = active_sentence(app)
        press(app, *chord)
        app.wait_until(
            lambda: (now := active_sentence(app)) is not None and now != before,
            lambda: f"{'+'.join(chord)!r} to move the focus from {before}; status {app.text(status)!r}",
        )
        now = active_sentence(app)
        assert now["cls"] != "identical", f"a difference stop is never an identical sentence: {now}"
        assert "Difference" in app.text(status), f"the status says which difference: {app.text(status)!r}"
        visited.append(now)
    indices = [v["index"] for v in visited]
    assert indices == sorted(indices) and len(set(indices)) == 3, f"each step goes further down: {visited}"
    app.screenshot("22-session-next-difference")

    for chord in [(Keys.ALT, Keys.ARROW_UP), (Keys.SHIFT, Keys.F7)]:
        before = active_sentence(app)
        press(app, *chord)
        app.wait_until(lambda: (now := active_sentence(app)) and now["index"] < before["index"],
                       lambda: f"{chord!r} to move up from {before}; now {active_sentence(app)}")
        assert active_sentence(app)["cls"] != "identical"
    assert active_sentence(app)["index"] == visited[0]["index"], "two steps back return to the first stop"


def test_differences_only_collapses_identical_runs(app: App):
    open_ferry_session(app)
    before = len(sentences(app))
    assert not app.find_all("fold"), "no folds before the filter"
    toggle = app.wait_for("diff-only-toggle")
    toggle.click()
    folds = app.wait_until(lambda: app.find_all("fold"), "identical runs folded")
    after = sentences(app)
    assert len(after) < before, f"fewer sentences shown with the filter: {len(after)} of {before}"
    counts = [int(f.get_attribute("data-count")) for f in folds]
    assert all(c >= 2 for c in counts), f"only runs of 2 or more identical sentences fold: {counts}"
    assert all("identical sentence" in app.text(f) for f in folds), [app.text(f) for f in folds]
    assert {s["cls"] for s in after} >= {"changed", "moved", "unique"}, "every difference stays in view"
    app.screenshot("23-session-differences-only")

    first = folds[0]
    hidden = int(first.get_attribute("data-count"))
    count_folds = len(folds)
    first.click()
    app.wait_until(lambda: len(app.find_all("fold")) == count_folds - 1, "the clicked fold to open")
    assert len(sentences(app)) == len(after) + hidden, "the fold's sentences are back"

    app.find("diff-only-toggle").click()
    app.wait_until(lambda: not app.find_all("fold"), "every fold gone when the filter is off")
    assert len(sentences(app)) == before


def test_find_in_session_and_keyboard_help(app: App):
    open_ferry_session(app)
    app.find("compare-view").click()
    press(app, Keys.CONTROL, "f")
    field = app.wait_for("find-input")
    assert app.script("return document.activeElement === arguments[0]", field), "Ctrl+F focuses the find field"
    field.send_keys("Tolm")
    count = app.find("find-count")
    app.wait_until(lambda: any(ch.isdigit() for ch in app.text(count)),
                   lambda: f"a match count; seen {app.text(count)!r}")
    hits = app.script("return document.querySelectorAll('[data-testid=sentence].hit').length")
    # "Tolm" is in two sentences of each of the three reports.
    assert hits == 6, f"every sentence naming Tolm is highlighted: {hits}"
    assert "6" in app.text(count), f"the count says 6 matches: {app.text(count)!r}"
    field.send_keys(Keys.ENTER)
    app.wait_until(lambda: app.script("return document.querySelectorAll('.current-hit').length") == 1,
                   "Enter marks the current match")
    assert "1" in app.text(count), f"the count says which match: {app.text(count)!r}"
    app.screenshot("24-session-find")
    field.send_keys(Keys.ESCAPE)
    app.wait_gone("find-bar")

    app.find_all("sentence")[0].click()
    press(app, "?")
    overlay = app.wait_for("help-overlay")
    text = app.text(overlay)
    for shortcut in ["F7", "Alt"]:
        assert shortcut in text, f"the help names {shortcut}: {text!r}"
    app.screenshot("25-session-help")
    press(app, Keys.ESCAPE)
    app.wait_gone("help-overlay")
    assert select_tab(app, "compare")


def difference_runs(classes: list[str]) -> list[int]:
    """First sentence of each run of non-identical sentences (what next/previous difference visits)."""
    return [i for i, cls in enumerate(classes) if cls != "identical" and (i == 0 or classes[i - 1] == "identical")]


def test_stepping_through_every_difference_of_a_pane(app: App):
    open_ferry_session(app)
    pane0 = [s["cls"] for s in sorted((s for s in sentences(app) if s["pane"] == 0), key=lambda s: s["index"])]
    expected = difference_runs(pane0)
    assert len(expected) >= 3, f"the first report has several differences: {pane0}"
    status = app.find("compare-status")
    stops = []
    for _ in range(len(expected) + 1):
        before = app.text(status)
        press(app, Keys.F7)
        app.wait_until(lambda: app.text(status) != before or "No more" in app.text(status),
                       lambda: f"the status to follow F7; seen {app.text(status)!r}")
        if "No more differences" in app.text(status):
            break
        now = active_sentence(app)
        assert now["pane"] == 0 and now["cls"] != "identical", now
        stops.append(now["index"])
    assert stops == expected, f"F7 visits each run of differences once, in order: {stops} vs {expected}"
    assert "No more differences below" in app.text(status), app.text(status)
    assert f"{len(expected)} of {len(expected)}" in app.text(status) or "No more" in app.text(status)


def test_focus_lights_counterparts_and_the_overview_bar_jumps(app: App):
    open_ferry_session(app)
    number = next(s for s in sentences(app) if s["pane"] == 1 and "214" in s["text"])
    app.driver.find_element(
        "css selector", f"[data-testid='sentence'][data-pane='1'][data-index='{number['index']}']"
    ).click()
    lit = app.wait_until(
        lambda: app.script(
            "return [...document.querySelectorAll('[data-testid=sentence].lit')].map(e => e.dataset.pane + ':' + e.querySelector('[data-sentence-text]').textContent)"
        ),
        "counterparts lit",
    )
    panes = {entry.split(":")[0] for entry in lit}
    assert panes == {"0", "1", "2"}, f"the sentence and its counterparts in both other panes are lit: {lit}"
    assert all("passengers were taken off" in entry for entry in lit), lit
    assert app.script("return document.querySelectorAll('[data-testid=connector].lit').length") >= 2, (
        "the connectors touching it are lit"
    )
    app.screenshot("26-session-counterparts-lit")

    bar = next(b for b in app.find_all("overview-bar") if b.get_attribute("data-pane") == "0")
    markers = app.find_all("overview-marker", within=bar)
    assert markers and {m.get_attribute("data-class") for m in markers} <= {"changed", "moved", "unique"}
    target = markers[-1]
    sentence = int(target.get_attribute("data-sentence"))
    app.script("arguments[0].click()", target)  # markers are a few px tall: click through the DOM
    focused = app.wait_until(lambda: (a := active_sentence(app)) and a["index"] == sentence and a,
                             lambda: f"the marker's sentence {sentence} focused; now {active_sentence(app)}")
    assert focused["pane"] == 0


def test_swapping_panes_and_the_inline_view_for_two(app: App):
    open_ferry_session(app)
    before = pane_outlets(app)
    next(b for b in app.find_all("pane-swap") if b.get_attribute("data-left") == "0").click()
    app.wait_until(lambda: pane_outlets(app) == [before[1], before[0], before[2]],
                   lambda: f"the first two panes swapped: {before} -> {pane_outlets(app)}")
    wait_compare_view(app)

    # Two reports: the inline layout interleaves them in reading order.
    app.click("session-close")
    app.wait_for("article-list")
    pick_rows(app, FERRY_OUTLETS[:2])
    compare_picked(app, 2)
    app.click("options-button")
    app.wait_for("options-panel")
    app.click("layout-inline")
    view = app.wait_for("inline-view")
    app.click("options-close")
    app.wait_gone("options-panel")
    rows = app.find_all("inline-row", within=view)
    kinds = {row.get_attribute("data-kind") for row in rows}
    assert "linked" in kinds and ("onlyA" in kinds or "onlyB" in kinds), f"linked rows and a report's own: {kinds}"
    edits = app.script(
        "return [...arguments[0].querySelectorAll('[data-kind=linked] del, [data-kind=linked] ins')].map(e => e.tagName + ':' + e.textContent.trim())",
        view,
    )
    assert {"DEL:214", "INS:212"} <= set(edits) or {"DEL:212", "INS:214"} <= set(edits), (
        f"the changed number is struck on one side and underlined on the other: {edits}"
    )
    app.screenshot("27-session-inline")

    # Notes in the inline view: on selected words of a report's own sentence, and (no selection) on
    # the focused row's sentence.
    own = next(row for row in rows if row.get_attribute("data-kind") in ("onlyA", "onlyB"))
    holder = app.script("return arguments[0].querySelector('[data-note-sentence]')", own)
    words = app.script("return arguments[0].querySelector('[data-sentence-text]').textContent", holder).split()
    quote = add_note_on_element(app, holder, words[0], words[1], "Only one outlet reports this.")
    assert f"“{words[0]} {words[1]}”" in quote, f"the draft quotes the selected words: {quote!r}"
    app.wait_until(lambda: app.find_all("note-badge", within=own), "a note badge on the inline row")
    app.click("notes-close")
    app.wait_gone("notes-panel")
    linked = next(row for row in rows if row.get_attribute("data-kind") == "linked")
    app.script("document.getSelection().removeAllRanges(); arguments[0].focus()", linked)
    app.click("note-add")
    draft = app.text(app.wait_for("note-quote"))
    quoted = draft.split("“", 1)[-1].rstrip("”")
    assert quoted.split()[:3] == app.text(linked).split()[:3], f"the focused row's sentence is quoted: {draft!r}"
    app.wait_for("note-text").send_keys("Check both wordings.")
    app.click("note-save")
    app.wait_until(lambda: app.find_all("note-badge", within=linked), "a note badge on the focused row")
    assert "(2)" in app.text(app.find("notes-toggle")), app.text(app.find("notes-toggle"))
    app.screenshot("27-session-inline-notes")


def test_a_base_pane_is_what_the_others_are_marked_against(app: App):
    compare_sample_event(app)
    headers = app.find_all("pane-header")
    last_outlet = app.text(headers[-1].find_element("css selector", ".outlet"))
    references = [app.text(ref).lower() for ref in app.find_all("pane-reference")]
    assert last_outlet.lower() not in references[0], f"pane 1 is marked against pane 2: {references}"
    app.find_all("pane-base")[-1].click()
    app.wait_until(
        lambda: app.find_all("pane-base")[-1].get_attribute("aria-pressed") == "true",
        "the last pane to become the base",
    )
    wait_compare_view(app)
    app.wait_until(
        lambda: len(app.find_all("pane-reference")) == 4
        and all(last_outlet.lower() in app.text(ref).lower() for ref in app.find_all("pane-reference")),
        "every other pane to be marked against the base",
    )
    found = sentences(app)
    for s in found:
        assert (s["cls"] == "unique") == (s["foundIn"] == 0), f"pane {s['pane']}: {s['text']!r} is {s['cls']}"
    app.screenshot("47-base-pane")


def test_reworded_sentences_mark_substance_and_every_word_on_request(app: App):
    compare_sample_event(app)
    reworded = app.script(
        "return [...document.querySelectorAll(\"[data-testid='sentence'][data-reworded]\")]"
        ".map(e => ({pane: Number(e.dataset.pane), marks: e.querySelectorAll('.w-differs').length,"
        " words: e.querySelector('[data-sentence-text]').textContent.split(/\\s+/).length}));"
    )
    assert reworded, "the sample's paraphrases read as reworded"
    pane = reworded[0]["pane"]
    before = sum(r["marks"] for r in reworded if r["pane"] == pane)
    toggle = next(t for t in app.find_all("pane-all-words") if t.find_element("xpath", "ancestor::*[@data-pane]").get_attribute("data-pane") == str(pane))
    app.screenshot("48-reworded-substance")
    toggle.click()
    app.wait_until(
        lambda: app.script(
            "return [...document.querySelectorAll(`[data-testid='sentence'][data-reworded][data-pane='${arguments[0]}']`)]"
            ".reduce((n, e) => n + e.querySelectorAll('.w-differs').length, 0);",
            pane,
        )
        > before,
        "every changed word to be marked",
    )
    app.screenshot("49-reworded-all-words")


def test_shared_copy_is_dimmed_counted_and_grouped_by_story(app: App):
    """The sample event's two versions of the Herald carry most sentences word for word: shared copy,
    dimmed in the panes with the reports named on hover, counted in the headers and grouped in the
    coverage view."""
    compare_sample_event(app)
    copies = app.script(
        "return [...document.querySelectorAll(\"[data-testid='sentence'][data-copy-in]\")]"
        ".map(e => ({pane: Number(e.dataset.pane), copyIn: e.dataset.copyIn, dimmed: e.classList.contains('copy'),"
        " title: e.getAttribute('title') || '',"
        " colour: getComputedStyle(e.querySelector('[data-sentence-text]')).color,"
        " plain: getComputedStyle(document.querySelector(\"[data-testid='sentence']:not([data-copy-in]) [data-sentence-text]\")).color}));"
    )
    assert copies, "the Herald's two versions share copy"
    assert all(c["dimmed"] and c["title"].startswith("Shared copy: ") for c in copies), copies[:3]
    assert all(c["colour"] != c["plain"] for c in copies), f"shared copy is drawn dimmed: {copies[0]}"
    panes_with_copy = {c["pane"] for c in copies}
    headers = [app.text(h) for h in app.find_all("pane-copy")]
    assert len(headers) == len(panes_with_copy), headers
    assert all("% shared copy," in h and h.endswith("% own") for h in headers), headers
    assert "Shared copy" in app.text(app.find("legend-copy"))
    app.screenshot("50-shared-copy")

    select_tab(app, "coverage")
    bands = app.find_all("coverage-family")
    assert bands, "the coverage view groups the reports that share copy"
    members = int(bands[0].get_attribute("colspan"))
    assert members >= 2
    columns = [b.get_attribute("data-pane") for b in app.find_all("coverage-sort-pane")]
    assert len(columns) == len(set(columns)), columns
    app.screenshot("51-coverage-copy-families")
