"""The sessions list: rename, duplicate and delete a session from the sidebar, and the last opened
session restored when the app's page starts again."""

from selenium.webdriver.common.keys import Keys

from parallax_e2e import App
from sessions_e2e import (
    FERRY_REPORTS,
    close_session,
    open_ferry_session,
    session_item,
    session_name,
    wait_compare_view,
)

PINNED_JS = "return document.querySelectorAll(\"[data-testid='connector'][data-pinned='true']\").length"


def session_names(app: App) -> list[str]:
    return [app.text(item.find_element("css selector", ".label")) for item in app.find_all("session-item")]


def test_rename_duplicate_and_delete_a_session(app: App):
    open_ferry_session(app)
    name = session_name(app)
    close_session(app)
    item = session_item(app, name)
    session_id = item.get_attribute("data-id")
    assert str(len(FERRY_REPORTS)) in app.text(item), f"the item counts its reports: {app.text(item)!r}"

    next(b for b in app.find_all("session-rename") if b.get_attribute("data-id") == session_id).click()
    field = app.wait_for("session-name-input")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("Kelmsby ferry: three outlets")
    field.send_keys(Keys.ENTER)
    app.wait_until(lambda: "Kelmsby ferry: three outlets" in session_names(app),
                   lambda: f"the renamed session listed; seen {session_names(app)}")
    assert name not in session_names(app)

    next(b for b in app.find_all("session-duplicate") if b.get_attribute("data-id") == session_id).click()
    app.wait_until(lambda: "Kelmsby ferry: three outlets (copy)" in session_names(app),
                   lambda: f"the copy listed; seen {session_names(app)}")
    app.screenshot("44-sessions-list")

    copy = session_item(app, "(copy)")
    next(b for b in app.find_all("session-delete") if b.get_attribute("data-id") == copy.get_attribute("data-id")).click()
    app.wait_for("session-delete-prompt")
    app.click("session-delete-confirm")
    app.wait_until(lambda: session_names(app) == ["Kelmsby ferry: three outlets"],
                   lambda: f"only the original left; seen {session_names(app)}")
    assert len(app.rows()) == len(FERRY_REPORTS), "deleting a session keeps its articles"

    session_item(app, "Kelmsby ferry").click()
    wait_compare_view(app)
    assert session_name(app) == "Kelmsby ferry: three outlets"


def test_the_last_session_is_restored_with_its_manual_link_when_the_page_starts_again(app: App):
    open_ferry_session(app)
    name = session_name(app)
    left = app.driver.find_element("css selector", "[data-testid='sentence'][data-pane='0'][data-class='unique']")
    right = app.driver.find_element("css selector", "[data-testid='sentence'][data-pane='1'][data-class='unique']")
    left.click()
    app.click("link-button")
    right.click()
    app.wait_until(lambda: app.script(PINNED_JS) >= 1, "a pinned connector")

    app.driver.refresh()  # the page starts again on the same library, as after a restart of the window
    app.wait_for("session-screen", 45)
    wait_compare_view(app)
    assert session_name(app) == name, "the last opened session is back"
    app.driver.find_element("css selector", "[data-testid='sentence'][data-pane='0'][data-index='9']").click()
    app.wait_until(lambda: app.script(PINNED_JS) >= 1, "the manual link still pinned after the restart")
    app.screenshot("45-session-restored-at-start")
