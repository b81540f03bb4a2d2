"""Events: create one, add an article to it from the reader, and filter the library by it."""

from parallax_e2e import App, fixture
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
        lambda: any(name in item.text for item in app.find_all("event-item")),
        lambda: f"an event item named {name!r}; seen {[i.text for i in app.find_all('event-item')]}",
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
    app.drop([fixture("orvane-ledger-footbridge.html"), fixture("halden-gazette-footbridge.html"),
              fixture("radio-brannfeld-bulletin.txt")])
    app.import_results(3)
    app.wait_row_count(3)
    create_event(app, EVENT)

    app.open_article("Orvane")
    add_current_article_to(app, EVENT)
    app.wait_until(
        lambda: any(EVENT in chip.find_element(By.XPATH, "..").text for chip in app.find_all("remove-from-event")),
        "a chip for the event in the reader",
    )

    item = next(i for i in app.find_all("event-item") if EVENT in i.text)
    item.click()
    rows = app.wait_row_count(1)
    assert "Orvane" in rows[0].text, f"the event lists its one article: {rows[0].text!r}"

    app.click("all-articles")
    app.wait_row_count(3)
    app.screenshot("05-event")
