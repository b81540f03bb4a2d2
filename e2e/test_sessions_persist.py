"""What a session keeps: a sentence link made by hand, and notes on selected words, both still there
after the session is closed and reopened from the sessions list."""

from parallax_e2e import App
from sessions_e2e import (
    add_note_on_words,
    close_session,
    open_ferry_session,
    reopen_session,
    sentence_element,
    sentences,
    session_name,
)

PINNED_JS = """
return [...document.querySelectorAll("[data-testid='connector'][data-pinned='true']")].map(c => ({
  left: Number(c.closest("[data-testid='gutter']").dataset.left), a: c.dataset.a, b: c.dataset.b,
  cls: c.dataset.class}));
"""


def unique_sentence(app: App, pane: int, words: str) -> int:
    found = [s for s in sentences(app) if s["pane"] == pane and words in s["text"]]
    assert len(found) == 1, f"one sentence with {words!r} in pane {pane}: {found}"
    return found[0]["index"]


def test_a_manual_link_survives_reopening_the_session(app: App):
    open_ferry_session(app)
    name = session_name(app)
    # The two outlets' own sentences (the second ferry; the ferry's age) are unique: link them.
    left = unique_sentence(app, 0, "Grey Heron")
    right = unique_sentence(app, 1, "built in 1998")
    assert sentence_element(app, 0, left).get_attribute("data-class") == "unique"
    assert not app.script(PINNED_JS), "no pinned link before"

    sentence_element(app, 0, left).click()
    app.click("link-button")
    assert app.find("link-button").get_attribute("aria-pressed") == "true", "linking is under way"
    sentence_element(app, 1, right).click()

    def pinned() -> list[dict]:
        return [p for p in app.script(PINNED_JS) if (p["left"], p["a"], p["b"]) == (0, str(left), str(right))]

    app.wait_until(pinned, lambda: f"a pinned connector from 0:{left} to 1:{right}; pinned: {app.script(PINNED_JS)}", 30)
    assert sentence_element(app, 0, left).get_attribute("data-class") != "unique", "the linked sentence has a counterpart"
    assert "Linked" in app.text(app.find("compare-status")), app.text(app.find("compare-status"))
    app.screenshot("40-session-manual-link")

    close_session(app)
    reopen_session(app, name)
    sentence_element(app, 0, left).click()  # bring it into view: connectors are drawn for what is shown
    app.wait_until(pinned, lambda: f"the pinned connector after reopening; pinned: {app.script(PINNED_JS)}", 30)
    assert sentence_element(app, 0, left).get_attribute("data-class") != "unique"
    session_id = int(app.find("session-screen").get_attribute("data-session-id"))
    links = app.invoke("open_session", {"id": session_id})["options"]["links"]
    assert any(link["linked"] and {link["sentenceA"], link["sentenceB"]} == {left, right} for link in links), links
    app.screenshot("41-session-manual-link-reopened")


def test_a_note_on_selected_words_is_listed_and_kept(app: App):
    open_ferry_session(app)
    name = session_name(app)
    index = unique_sentence(app, 1, "214 passengers")
    note = "Courier and Radio Estavel say 212: ask Northmarch for its source."
    quote = add_note_on_words(app, 1, index, "214", "passengers", note)
    assert "214 passengers" in quote, f"the draft quotes the selected words: {quote!r}"
    item = app.wait_until(lambda: next(iter(app.find_all("note-item")), None), "the saved note in the list")
    assert app.text(app.find("note-body", within=item)) == note
    assert "214 passengers" in app.text(item), f"the listed note quotes its words: {app.text(item)!r}"
    assert "(1)" in app.text(app.find("notes-toggle")), app.text(app.find("notes-toggle"))
    assert app.find_all("note-badge", within=sentence_element(app, 1, index)), "the sentence shows a note badge"
    app.screenshot("42-session-note")

    close_session(app)
    reopen_session(app, name)
    assert app.find_all("note-badge", within=sentence_element(app, 1, index)), "the badge is back after reopening"
    toggle = app.wait_for("notes-toggle")
    assert "(1)" in app.text(toggle), app.text(toggle)
    toggle.click()
    item = app.wait_until(lambda: next(iter(app.find_all("note-item")), None), "the note listed after reopening")
    assert app.text(app.find("note-body", within=item)) == note
    app.screenshot("43-session-note-reopened")
