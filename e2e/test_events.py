"""Events: create one, add an article to it from the reader, and filter the library by it."""

from parallax_e2e import LEDGER_TITLE, TEXT_REPORTS, App
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

EVENT = "Weavers' Footbridge collapse (test event)"


def create_event(app: App, name: str) -> None:
    app.click("new-event")
    field = app.wait_for("event-name-input")
    field.send_keys(name)
    field.send_keys(Keys.ENTER)
    app.wait_until(
        lambda: any(name in app.text(item) for item in app.find_all("event-item")),
        lambda: f"an event item named {name!r}; seen {[app.text(i) for i in app.find_all('event-item')]}",
    )


def add_current_article_to(app: App, name: str) -> None:
    control = app.wait_for("add-to-event")
    if control.tag_name.lower() == "select":
        Select(control).select_by_visible_text(name)
        return
    control.click()  # a menu: pick the entry naming the event
    option = app.wait_until(
        lambda: next((el for el in app.driver.find_elements(By.XPATH, f"//*[normalize-space(text())={xpath_literal(name)}]")
                      if el.is_displayed() and el != control), None),
        f"a menu entry {name!r}",
    )
    option.click()


def xpath_literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def test_create_an_event_and_add_an_article(app: App):
    app.import_text_reports()
    create_event(app, EVENT)

    app.open_article(LEDGER_TITLE)
    add_current_article_to(app, EVENT)
    app.wait_until(
        lambda: any(EVENT in app.text(chip) for chip in app.find_all("event-chip", within=app.find("reader"))),
        "a chip for the event in the reader",
    )

    item = next(i for i in app.find_all("event-item") if EVENT in app.text(i))
    item.click()
    rows = app.wait_row_count(1)
    assert LEDGER_TITLE in app.text(rows[0]), f"the event lists its one article: {app.text(rows[0])!r}"

    app.click("all-articles")
    app.wait_row_count(len(TEXT_REPORTS))
    app.screenshot("05-event")


def test_removing_an_article_from_an_event_and_renaming_the_event(app: App):
    app.import_text_reports()
    create_event(app, EVENT)
    app.open_article(LEDGER_TITLE)
    add_current_article_to(app, EVENT)
    chip = app.wait_until(lambda: next((c for c in app.find_all("event-chip") if EVENT in app.text(c)), None),
                          "a chip for the event in the reader")
    app.find("remove-from-event", within=chip).click()
    app.wait_until(lambda: not any(EVENT in app.text(c) for c in app.find_all("event-chip")), "the chip to go away")

    item = next(i for i in app.find_all("event-item") if EVENT in app.text(i))
    item.click()
    app.wait_row_count(0)

    app.click("rename-event")
    field = app.wait_for("event-name-input")
    field.clear()
    field.send_keys("Renamed test event")
    field.send_keys(Keys.ENTER)
    app.wait_until(lambda: any("Renamed test event" in app.text(i) for i in app.find_all("event-item")),
                   lambda: f"the renamed event in the sidebar; seen {[app.text(i) for i in app.find_all('event-item')]}")
    assert not any(EVENT in app.text(i) for i in app.find_all("event-item")), "the old name is gone"
