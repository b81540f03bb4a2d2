"""Imported content is untrusted: a page carrying scripts, event handlers, javascript: URLs, an iframe,
SVG and object payloads must not run anything in the app, and its markup-looking text stays text."""

import time

from parallax_e2e import App, fixture
from selenium.webdriver.common.by import By

HOSTILE = "hostile-quiet-hamlet-courier.html"

# Every payload in the fixture sets one of these globals, adds an element with an id starting with
# "pwned-", or changes document.title, if it ever runs.
MARKERS_SCRIPT = """
const globals = Object.keys(window).filter(k => k.startsWith('__pwned'));
return {
  globals: globals,
  marker_elements: Array.from(document.querySelectorAll('[id^="pwned"]')).map(e => e.id),
  title: document.title,
  frames: document.querySelectorAll('iframe, frame, object, embed').length,
  page_images: document.querySelectorAll('img[src="x"], svg[onload]').length,
  location: String(location.href),
};
"""


def assert_nothing_ran(app: App) -> None:
    found = app.script(MARKERS_SCRIPT)
    assert found["globals"] == [], f"a payload ran and set {found['globals']}"
    assert found["marker_elements"] == [], f"a payload ran and added {found['marker_elements']}"
    assert "PWNED" not in found["title"], f"a payload changed document.title to {found['title']!r}"
    assert found["frames"] == 0, "an iframe/object/embed from the imported page reached the DOM"
    assert found["page_images"] == 0, "an <img>/<svg> from the imported page reached the DOM"
    assert not found["location"].startswith("javascript:"), f"the page navigated: {found['location']}"


def test_the_marker_check_sees_a_payload_that_ran(app: App):
    """Control: the check used below does notice a global and an element set by running code."""
    app.script("window.__pwned_control = 1; document.body.appendChild(document.createElement('div')).id = 'pwned-control';")
    found = app.script(MARKERS_SCRIPT)
    assert found["globals"] == ["__pwned_control"] and found["marker_elements"] == ["pwned-control"], found


def test_a_hostile_page_runs_nothing_and_shows_as_text(app: App):
    app.drop([fixture(HOSTILE)])
    outcomes = app.import_outcomes(1)
    assert outcomes[HOSTILE][0] == "imported", f"the hostile page imports as an ordinary article: {outcomes}"
    app.wait_row_count(1)
    assert_nothing_ran(app)  # the list shows its title: nothing may run there either

    reader = app.open_article("Hamlet council")
    body = app.find("reader-body", within=reader)
    app.wait_until(lambda: "mill-stream bridge" in body.text, "the hostile page's first paragraph in the reader")

    dangerous = reader.find_elements(By.CSS_SELECTOR, "script, img, iframe, svg, object, embed, a[href^='javascript']")
    assert not dangerous, f"active elements from the page reached the reader: {[e.tag_name for e in dangerous]}"
    assert not body.find_elements(By.TAG_NAME, "b"), "markup in the article text became an element"

    text = body.text
    assert "<b>Council minutes</b>" in text, f"markup-looking text is shown literally: {text!r}"
    assert "<img src=x onerror=" in text, "the fake image tag is shown literally, as text"

    # The javascript: link's words may be shown as text: clicking them must do nothing.
    link_words = body.find_elements(By.XPATH, ".//*[contains(text(), 'Read the council statement in full')]")
    for element in link_words:
        element.click()
    time.sleep(1)  # let any onerror/onload handler fire
    assert_nothing_ran(app)
    app.screenshot("06-hostile-page-in-reader")

    # Search results show snippets around the match: the markup-looking text must stay text there too.
    app.wait_for("search-input").send_keys("leaflet")
    row = app.wait_until(lambda: len(app.rows()) == 1 and app.rows()[0], "the hostile article as the one search match")
    app.wait_until(lambda: "leaflet" in app.text(row).lower(), "a snippet around the match")
    assert not row.find_elements(By.CSS_SELECTOR, "img, b, script, svg, iframe"), "markup in a snippet became elements"
    time.sleep(1)
    assert_nothing_ran(app)
