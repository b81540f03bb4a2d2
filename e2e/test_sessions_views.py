"""The views over one session: Coverage (cells jump back to the compare view), Quotes, Terms, Facts,
and Versions on the sample library's two versions of one article."""

from parallax_e2e import App
from sessions_e2e import (
    FERRY_REPORTS,
    SAMPLE_COMPARE_SESSION,
    SAMPLE_VERSIONS_SESSION,
    active_sentence,
    import_reports,
    open_ferry_session,
    open_sample,
    pick_rows,
    reopen_session,
    sample_sessions_listed,
    select_tab,
    wait_compare_view,
)


def test_coverage_matrix_and_a_cell_jumps_to_its_sentence(app: App):
    open_ferry_session(app)
    view = select_tab(app, "coverage")
    rows = app.find_all("coverage-row", within=view)
    cells = app.find_all("coverage-cell", within=view)
    assert len(rows) >= 9, f"a row per claim (the reports tell about ten): {len(rows)}"
    assert len(cells) == 3 * len(rows), f"one cell per claim and outlet: {len(cells)} for {len(rows)} claims"
    states = [c.get_attribute("data-state") for c in cells]
    assert set(states) == {"same", "different", "omitted"}, f"carried, worded differently and omitted: {set(states)}"
    summary = app.find_all("coverage-summary-cell", within=view)
    assert len(summary) == 3 and all(app.text(s) for s in summary), [app.text(s) for s in summary]
    app.screenshot("30-session-coverage")

    # Sorting by how many outlets carry a claim puts the most carried first.
    app.find("coverage-sort-carried", within=view).click()
    carried = [app.text(r.find_element("css selector", "td.carried")) for r in app.find_all("coverage-row")]
    numbers = [int(c.split("/")[0]) if "/" in c else None for c in carried]
    assert None not in numbers, f"each row ends with 'N / 3': {carried}"
    assert numbers == sorted(numbers, reverse=True), f"most carried first: {numbers}"

    # A cell worded differently jumps to that outlet's sentence in the compare view.
    cell = next(c for c in app.find_all("coverage-cell") if c.get_attribute("data-state") == "different")
    pane, wording = int(cell.get_attribute("data-pane")), cell.get_attribute("title")
    cell.click()
    app.wait_for("compare-view")
    assert app.find("session-tab-compare").get_attribute("aria-selected") == "true"
    focused = app.wait_until(lambda: active_sentence(app), "a focused sentence after the jump")
    assert focused["pane"] == pane, f"the jump lands in the cell's outlet: {focused} (cell pane {pane})"
    assert focused["text"].strip() == wording.strip(), f"at the cell's sentence: {focused['text']!r} vs {wording!r}"
    assert focused["cls"] != "identical"
    app.screenshot("31-session-coverage-jump")


def test_quotes_view_shows_the_reworded_quote(app: App):
    open_ferry_session(app)
    view = select_tab(app, "quotes")
    groups = app.find_all("quote-group", within=view)
    assert groups, "the harbour master's quote is listed"
    group = next((g for g in groups if "tide was rising" in app.text(g)), None)
    assert group is not None, f"a group for the tide quote: {[app.text(g) for g in groups]}"
    occurrences = app.find_all("quote-occurrence", within=group)
    assert len(occurrences) == 3, f"the quote in each of the three outlets: {[app.text(o) for o in occurrences]}"
    assert "Ilse Varnow" in app.text(app.find("quote-speaker", within=group)), app.text(group)
    assert app.find_all("quote-differs", within=group), "the group says the wordings differ"
    variant = app.find_all("quote-variant", within=group)
    assert variant, "the word diff between wordings is shown"
    diff = app.script(
        "return [...arguments[0].querySelectorAll('del, ins')].map(e => e.tagName + ':' + e.textContent)", group
    )
    assert any("lucky" in d for d in diff) and any("fortunate" in d for d in diff), f"lucky/fortunate: {diff}"
    app.screenshot("32-session-quotes")

    jump = app.find_all("quote-jump", within=group)[0]
    pane, sentence = int(jump.get_attribute("data-pane")), int(jump.get_attribute("data-sentence"))
    jump.click()
    focused = app.wait_until(lambda: active_sentence(app), "a focused sentence after the quote jump")
    assert (focused["pane"], focused["index"]) == (pane, sentence), f"{focused} vs {(pane, sentence)}"


def test_terms_view_shows_substitutions_in_context(app: App):
    open_ferry_session(app)
    view = select_tab(app, "terms")
    substitutions = app.find_all("substitution", within=view)
    texts = [app.text(s) for s in substitutions]
    assert any("sandbar" in t and "shoal" in t for t in texts), f"sandbar ↔ shoal: {texts}"
    assert any("lucky" in t and "fortunate" in t for t in texts), f"lucky ↔ fortunate: {texts}"
    sites = app.find_all("substitution-site", within=view)
    assert sites, "each substitution shows where it happens"
    for site in sites:
        marks = app.script("return [...arguments[0].querySelectorAll('.w-differs')].map(e => e.textContent)", site)
        assert len(marks) >= 2, f"the swapped word is marked on both sides: {marks}"
    # Ten-sentence reports are too short for a word to be distinctive of one outlet: the view says so.
    assert app.exists("terms-empty"), "an empty state for distinctive terms, not a blank"
    app.screenshot("33-session-terms-substitutions")


def test_terms_view_lists_distinctive_terms_per_outlet(app: App):
    open_sample(app)
    reopen_session(app, SAMPLE_COMPARE_SESSION)
    view = select_tab(app, "terms")
    columns = app.find_all("term-column", within=view)
    assert len(columns) == 4, f"a column per outlet of the sample's four: {len(columns)}"
    items = app.find_all("term-item", within=view)
    assert items, "distinctive terms are listed"
    assert {i.get_attribute("data-pane") for i in items} >= {"0", "1"}, "terms for more than one outlet"
    # Words in quotation marks that quote nobody are listed with the terms, not as quotes.
    distanced = app.find_all("distanced-term", within=view)
    assert distanced or app.exists("distanced-empty"), "the quotation-marks section is shown"
    for term in distanced:
        assert app.text(term).startswith("“"), app.text(term)
    app.screenshot("36-session-terms-sample")
    item = items[0]
    pane, sentence = int(item.get_attribute("data-pane")), int(item.get_attribute("data-sentence"))
    item.find_element("css selector", "button").click()
    focused = app.wait_until(lambda: active_sentence(app), "a focused sentence after the term jump")
    assert (focused["pane"], focused["index"]) == (pane, sentence), f"{focused} vs {(pane, sentence)}"


def test_facts_view_shows_the_differing_number(app: App):
    open_ferry_session(app)
    view = select_tab(app, "facts")
    facts = app.find_all("fact-item", within=view)
    numbers = [f for f in facts if f.get_attribute("data-kind") == "number"]
    values = [{app.text(app.find("fact-value-a", within=f)), app.text(app.find("fact-value-b", within=f))} for f in numbers]
    assert {"212", "214"} in values, f"212 vs 214 among the number discrepancies: {values}"
    fact = numbers[values.index({"212", "214"})]
    marks = app.script("return [...arguments[0].querySelectorAll('.w-differs')].map(e => e.textContent)", fact)
    assert "212" in " ".join(marks) and "214" in " ".join(marks), f"both values marked in their sentences: {marks}"
    app.screenshot("34-session-facts")


def test_versions_view_on_the_sample_versions_session(app: App):
    open_sample(app)
    reopen_session(app, SAMPLE_VERSIONS_SESSION)
    view = select_tab(app, "versions")
    timeline = app.find("version-timeline", within=view)
    assert len(app.find_all("version-item", within=timeline)) == 2, "two versions on the timeline"
    assert app.find_all("version-step", within=timeline), "a step between the two versions"
    changes = app.find_all("version-change", within=view)
    assert changes, "the revision's changes are listed"
    scores = [int(c.get_attribute("data-score")) for c in changes]
    assert scores == sorted(scores, reverse=True), f"ranked by substance by default: {scores}"
    kinds = {c.get_attribute("data-kind") for c in changes}
    assert kinds <= {"addition", "deletion", "edit", "move"} and kinds, kinds
    app.screenshot("35-session-versions")

    app.find("version-order-article", within=view).click()
    app.wait_until(lambda: app.find("version-order-article").get_attribute("aria-pressed") == "true",
                   "article order chosen")
    jump = app.find_all("version-jump")[0]
    pane, sentence = int(jump.get_attribute("data-pane")), int(jump.get_attribute("data-sentence"))
    jump.click()
    focused = app.wait_until(lambda: active_sentence(app), "a focused sentence after the version jump")
    assert (focused["pane"], focused["index"]) == (pane, sentence), f"{focused} vs {(pane, sentence)}"


def test_the_sample_sessions_appear_in_the_sidebar_without_a_reload(app: App):
    app.click("open-sample")
    app.wait_until(lambda: len(app.rows()) >= 5, "the sample's five articles", 90)
    app.wait_until(lambda: sample_sessions_listed(app),
                   lambda: "the two sample sessions in the sidebar's session list; seen "
                   f"{[app.text(i) for i in app.find_all('session-item')]}", timeout=10)


def test_as_versions_compares_picked_articles_oldest_first(app: App):
    import_reports(app, FERRY_REPORTS[:2])
    app.wait_row_count(2)
    # Picked newest first: the session still runs oldest first (the Courier's 21:40 before the Post's 22:05).
    pick_rows(app, ["Northmarch Daily Post", "The Kelmsby Courier"])
    button = app.wait_for("compare-versions")
    app.wait_until(lambda: button.is_enabled(), "an enabled 'As versions' button")
    button.click()
    wait_compare_view(app)
    view = select_tab(app, "versions")
    items = app.find_all("version-item", within=view)
    assert len(items) == 2, [app.text(i) for i in items]
    assert "Ferry Silver Wren runs aground" in app.text(items[0]), f"the older report is version 1: {app.text(items[0])!r}"
    assert "Lifeboats bring 214 ashore" in app.text(items[1]), app.text(items[1])
    changes = app.find_all("version-change", within=view)
    kinds = {c.get_attribute("data-kind") for c in changes}
    assert {"edit", "addition"} <= kinds, f"the changed number/quote and the added sentence: {kinds}"
    assert any("214" in app.text(c) for c in changes if c.get_attribute("data-kind") == "edit"), (
        "the edited passenger count is among the changes"
    )
    app.screenshot("37-session-as-versions")
