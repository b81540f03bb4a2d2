"""Sessions on awkward input: an article deleted after the session was made, the same report twice,
two reports differing by one word, a report of one short sentence. Each opens with a clear message or
a usable view, never a blank pane. The generated reports are invented (see fixtures/README.md)."""

from pathlib import Path

from parallax_e2e import App
from sessions_e2e import (
    FERRY_OUTLETS,
    close_session,
    compare_picked,
    dismiss_import_panel,
    open_ferry_session,
    pane_outlets,
    pick_rows,
    reopen_session,
    sentences,
    session_item,
    session_name,
    wait_compare_view,
    wait_connectors,
)

NORTHMARCH_TITLE = "Lifeboats bring 214 ashore"

# An invented report of the invented ferry grounding, as plain text (title on the first line).
FERRY_NOTICE = [
    "The harbour office in Kelmsby issued a notice to mariners on Sunday morning.",
    "The channel west of the breakwater is closed to vessels drawing more than two metres.",
    "Pilots will guide the evening crossings to Tolm until the dredger arrives.",
    "The dredger Marrow Bay is expected from Port Sallow on Wednesday.",
    "Small craft are asked to keep clear of the salvage barge.",
]


def write_report(folder: Path, name: str, title: str, sentences_: list[str], marker: bool = True) -> str:
    """A plain-text report; without `marker` the fictional mark is only in the title, so that the body
    is exactly `sentences_`."""
    path = folder / name
    note = "Fictional fixture for Parallax tests, generated at run time: not a real event.\n\n" if marker else ""
    path.write_text(f"{title}\n\n{note}" + " ".join(sentences_) + "\n", encoding="utf-8")
    return str(path)


def drop_and_wait(app: App, paths: list[str]) -> dict[str, str]:
    """Drops files; returns {file name: status} of the batch."""
    app.drop(paths)
    rows = app.import_results(len(paths))
    statuses = {}
    for row in rows:
        text = app.text(row)
        name = next((Path(p).name for p in paths if Path(p).name in text), text)
        statuses[name] = row.get_attribute("data-status")
    dismiss_import_panel(app)
    return statuses


def delete_article(app: App, title: str) -> None:
    """Opens the article in the reader and deletes it (the library's Delete button)."""
    before = len(app.rows())
    app.open_article(title)
    app.click("delete-button")
    app.wait_row_count(before - 1)


def test_a_session_whose_article_was_deleted_warns_and_shows_the_others(app: App):
    open_ferry_session(app)
    name = session_name(app)
    close_session(app)
    delete_article(app, NORTHMARCH_TITLE)

    reopen_session(app, name)
    warnings = [app.text(w) for w in app.find_all("session-warning")]
    assert any("was deleted from the library" in w and NORTHMARCH_TITLE in w for w in warnings), (
        f"a warning names the deleted report: {warnings}"
    )
    outlets = pane_outlets(app)
    assert sorted(outlets) == sorted(o for o in FERRY_OUTLETS if o != "Northmarch Daily Post"), outlets
    found = sentences(app)
    for pane in range(2):
        assert any(s["pane"] == pane for s in found), f"pane {pane} shows its sentences, not a blank"
    assert wait_connectors(app), "the two remaining reports are compared (connectors drawn)"
    app.screenshot("60-session-deleted-article")


def test_a_session_left_with_one_report_says_so(app: App):
    open_ferry_session(app)
    name = session_name(app)
    close_session(app)
    delete_article(app, NORTHMARCH_TITLE)
    delete_article(app, "Ferry Silver Wren runs aground")

    session_item(app, name).click()
    wait_compare_view(app)
    warnings = [app.text(w) for w in app.find_all("session-warning")]
    assert sum("was deleted from the library" in w for w in warnings) == 2, f"both deletions named: {warnings}"
    assert any("Only one report" in w for w in warnings), f"a warning says one report is left: {warnings}"
    assert len(app.find_all("pane")) == 1, "the remaining report is shown in one pane"
    found = sentences(app)
    assert found and all(s["cls"] == "unique" for s in found), "its sentences are shown (nothing to match them)"
    app.screenshot("61-session-one-report-left")


def test_the_same_report_twice_is_a_duplicate_and_near_identical_reports_compare(app: App):
    folder = app.home
    first = write_report(folder, "harbour-notice-a.txt", "Kelmsby harbour notice (first issue)", FERRY_NOTICE)
    statuses = drop_and_wait(app, [first])
    assert statuses == {"harbour-notice-a.txt": "imported"}, statuses
    statuses = drop_and_wait(app, [first])
    assert statuses == {"harbour-notice-a.txt": "duplicate"}, f"the same file again is a duplicate: {statuses}"
    app.wait_row_count(1)

    # One word differs: "two metres" / "three metres".
    changed = [s.replace("two metres", "three metres") for s in FERRY_NOTICE]
    second = write_report(folder, "harbour-notice-b.txt", "Kelmsby harbour notice (corrected)", changed)
    assert drop_and_wait(app, [second]) == {"harbour-notice-b.txt": "imported"}
    app.wait_row_count(2)
    pick_rows(app, ["Kelmsby harbour notice (first issue)", "Kelmsby harbour notice (corrected)"])
    compare_picked(app, 2)
    found = sentences(app)
    changed_ones = [s for s in found if s["cls"] == "changed"]
    assert len(changed_ones) == 2, f"the one changed sentence, in each pane: {changed_ones}"
    assert {w for s in changed_ones for w in s["differs"]} == {"two", "three"}, changed_ones
    assert all(s["cls"] == "identical" for s in found if s not in changed_ones), found
    shared = [app.text(app.find("pane-shared", within=h)) for h in app.find_all("pane-header")]
    assert shared == ["100% shared", "100% shared"], shared
    app.screenshot("62-session-near-identical")


def test_the_same_text_under_two_titles_is_kept_once(app: App):
    """Two identical articles cannot both be in the library, so no session can hold them: the second
    copy of a text, even under another title, is reported as a duplicate (the engine's "Reports 1
    and 2 are identical" warning is covered by the core's session tests)."""
    folder = app.home
    paths = [
        write_report(folder, "notice-copy-1.txt", "Harbour notice, first copy", FERRY_NOTICE),
        write_report(folder, "notice-copy-2.txt", "Harbour notice, second copy", FERRY_NOTICE),
    ]
    statuses = drop_and_wait(app, paths)
    assert sorted(statuses.values()) == ["duplicate", "imported"], f"one copy is kept: {statuses}"
    app.wait_row_count(1)


def test_a_one_sentence_report_opens_beside_a_long_one(app: App):
    short = write_report(app.home, "one-line.txt", "Ferry aground (fictional)", ["Ferry aground off Kelmsby."], marker=False)
    statuses = drop_and_wait(app, [short, str(Path(__file__).parent / "fixtures" / "kelmsby-courier-ferry.html")])
    assert set(statuses.values()) == {"imported"}, statuses
    app.wait_row_count(2)
    pick_rows(app, ["Ferry aground", "Ferry Silver Wren runs aground"])
    compare_picked(app, 2)
    found = sentences(app)
    panes = {s["pane"] for s in found}
    assert panes == {0, 1}, f"both panes show sentences: {found}"
    one = [s for s in found if "Ferry aground off Kelmsby" in s["text"]]
    assert len(one) == 1, f"the one sentence is shown: {one}"
    headers = [app.text(h) for h in app.find_all("pane-header")]
    assert any("words" in h for h in headers), headers
    app.screenshot("64-session-one-sentence-report")
