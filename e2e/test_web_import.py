"""Articles from the browser in the real app: addresses pasted and typed into the dialog, a link
dropped as a browser drops it, a consent wall refused, and "Check for updates" making a version
that opens side by side. Pages come from a fixture server on 127.0.0.1."""

from __future__ import annotations

import pytest

from parallax_e2e import App
from sessions_e2e import select_tab
from web_fixture import FARES_TITLE, FERRY_OTHER_TITLE, FERRY_TITLE, web_fixture

# A browser's paste and drop, as the webview receives them: the event with its DataTransfer.
DELIVER_JS = """
const [kind, data] = arguments;
const transfer = new DataTransfer();
for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
const event = new Event(kind, { bubbles: true, cancelable: true });
Object.defineProperty(event, kind === "paste" ? "clipboardData" : "dataTransfer", { value: transfer });
document.body.dispatchEvent(event);
return event.defaultPrevented;
"""


@pytest.fixture
def web():
    with web_fixture() as base:
        yield base


def deliver(app: App, kind: str, data: dict[str, str]) -> None:
    assert app.script(DELIVER_JS, kind, data), f"the app took the {kind}"


def test_pasted_addresses_are_fetched_and_known_afterwards(app: App, web: str):
    deliver(app, "paste", {"text/plain": f"{web}/old-ferry-address\n{web}/consent\n"})
    rows = app.import_results(2)
    texts = " | ".join(app.text(row) for row in rows)
    assert sorted(row.get_attribute("data-status") for row in rows) == ["error", "imported"], texts
    assert "cookie-consent page" in texts, f"the wall is refused with a reason: {texts}"
    app.wait_row_count(1)
    reader = app.open_article(FERRY_TITLE)
    assert FERRY_TITLE in app.text(reader)
    fetched = app.text(app.find("meta-fetched"))
    assert f"{web}/ferry" in fetched, f"the reader says where the page came from: {fetched}"
    app.screenshot("40-fetched-article")

    # The same page by its final address is not fetched again.
    deliver(app, "paste", {"text/plain": f"{web}/ferry"})
    rows = app.import_results(1)
    assert rows[0].get_attribute("data-status") == "duplicate", app.text(rows[0])
    assert "already in the library" in app.text(rows[0])


def test_a_link_dropped_from_a_browser_and_the_address_dialog_import(app: App, web: str):
    deliver(app, "drop", {"text/uri-list": f"{web}/ferry", "text/plain": f"{web}/ferry"})
    app.import_results(1)
    app.wait_row_count(1)
    app.click("toolbar-import-addresses")
    app.wait_for("address-dialog")
    # Typed as a paste into the box puts it (WebKitWebDriver's keys give no new line in a textarea).
    app.script(
        "const box = arguments[0]; box.value = arguments[1]; box.dispatchEvent(new Event('input', {bubbles: true}));",
        app.find("address-list"),
        f"{web}/fares\nnot an address",
    )
    app.wait_until(lambda: "not a web address" in app.text(app.find("address-hint")), "the hint about the bad line")
    app.screenshot("41-address-dialog")
    app.click("address-import")
    app.wait_gone("address-dialog")
    app.import_results(1)
    app.wait_row_count(2)
    assert any(FARES_TITLE in text for text in app.row_texts())


def test_check_for_updates_makes_a_version_to_compare(app: App, web: str):
    deliver(app, "paste", {"text/plain": f"{web}/changing"})
    app.import_results(1)
    app.wait_row_count(1)
    app.open_article(FERRY_TITLE)
    app.click("check-updates")
    button = app.wait_for("reader-compare-versions", timeout=30)
    assert "Compare 2 versions" in app.text(button)
    app.wait_row_count(2)
    body = app.text(app.find("reader-body"))
    assert "not May" in body, f"the new version is shown: {body}"
    app.screenshot("42-new-version")
    app.click("reader-compare-versions")
    app.wait_for("session-screen", timeout=30)
    versions = select_tab(app, "versions")
    app.wait_until(lambda: "June" in app.text(versions), "the versions view to show the change")
    app.screenshot("43-versions-after-update")


def test_an_imported_report_is_offered_its_event(app: App, web: str):
    deliver(app, "paste", {"text/plain": f"{web}/ferry"})
    app.import_results(1)
    app.wait_row_count(1)
    event = app.invoke("create_event", {"title": "Eastbrook night ferry"})
    app.invoke("add_to_event", {"eventId": event["id"], "articleIds": [1]})
    deliver(app, "paste", {"text/plain": f"{web}/ferry-other"})
    offer = app.wait_for("event-offer", timeout=30)
    assert "Eastbrook night ferry" in app.text(offer)
    app.screenshot("44-event-offer")
    app.click("accept-event-offer")
    app.wait_gone("event-offer")
    app.wait_until(
        lambda: "2" in app.text(app.find("event-list")),
        "the event to count its two reports",
    )
    assert any(FERRY_OTHER_TITLE in t for t in app.row_texts())


def test_an_events_articles_are_checked_for_updates(app: App, web: str):
    deliver(app, "paste", {"text/plain": f"{web}/changing\n{web}/fares"})
    app.import_results(2)
    app.wait_row_count(2)
    event = app.invoke("create_event", {"title": "Eastbrook ferry"})
    app.invoke("add_to_event", {"eventId": event["id"], "articleIds": [1, 2]})
    app.driver.refresh()
    app.wait_ready()
    app.wait_until(lambda: app.find_all("event-item"), "the event in the sidebar")[0].click()
    app.click("check-event-updates")
    notice = app.wait_for("notice", timeout=30)
    assert "2 checked: 1 new version, 1 unchanged" in app.text(notice), app.text(notice)
    app.wait_row_count(3)  # the new version joined the event
    app.screenshot("45-event-checked")
