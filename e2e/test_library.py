"""The library: the welcome screen of an empty library, the sample library, search as you type."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from parallax_e2e import GAZETTE_TITLE, LEDGER_TITLE, TEXT_REPORTS, App


def test_empty_library_shows_the_welcome_screen(app: App):
    welcome = app.wait_for("welcome")
    assert app.find("open-sample").is_displayed(), "the welcome screen offers the sample library"
    assert app.find("import-button").is_displayed(), "the welcome screen offers to import files"
    assert not app.rows(), "an empty library lists no articles"
    assert welcome.text.strip(), "the welcome screen says something to a newcomer"
    app.screenshot("01-welcome")


def test_opening_the_sample_library_lists_its_articles(app: App):
    app.click("open-sample")
    app.wait_for("article-list", timeout=60)
    rows = app.wait_until(lambda: len(app.rows()) >= 3 and app.rows(), "at least 3 sample articles", 60)
    texts = [app.text(row) for row in rows]
    assert all(text.strip() for text in texts), f"every row shows its title: {texts}"
    assert any("Meridian Herald" in t or "Coastal Wire" in t or "Northline" in t for t in texts), (
        f"the rows name the sample's invented outlets: {texts}"
    )
    count = app.text(app.find("article-count"))
    assert str(len(rows)) in count, f"the article count {count!r} matches the {len(rows)} rows"
    assert not app.exists("welcome"), "the welcome screen is gone once the library has articles"
    app.wait_until(lambda: app.text(app.find("reader-title")), "the sample's first article open in the reader")
    assert app.exists("toolbar-import"), "a non-empty library offers import in the toolbar"
    app.screenshot("02-library-sample")


def test_search_as_you_type_filters_the_list(app: App):
    app.import_text_reports()
    search = app.wait_for("search-input")

    search.send_keys("pontoon")  # a word only the Ledger's report carries
    rows = app.wait_row_count(1)
    assert LEDGER_TITLE in app.text(rows[0]), f"the one match is the Ledger's report: {app.text(rows[0])!r}"
    assert "1" in app.text(app.find("article-count")), "the count follows the search"

    for _ in range(len("pontoon")):
        search.send_keys(Keys.BACKSPACE)
    search.send_keys("ferrymen")  # only in the Gazette's
    rows = app.wait_row_count(1)
    assert GAZETTE_TITLE in app.text(rows[0]), f"the one match is the Gazette's report: {app.text(rows[0])!r}"

    for _ in range(len("ferrymen")):
        search.send_keys(Keys.BACKSPACE)
    app.wait_row_count(len(TEXT_REPORTS))

    search.send_keys("zzyzzx")
    app.wait_row_count(0)


def test_sorting_by_title_orders_the_list_and_a_second_click_reverses_it(app: App):
    app.import_text_reports()

    def titles() -> list[str]:
        return [app.text(row.find_element(By.CSS_SELECTOR, ".title-text")) for row in app.rows()]

    app.click("sort-title")
    first = app.wait_until(lambda: (t := titles()) in (sorted(t), sorted(t, reverse=True)) and t,
                           lambda: f"titles in alphabetical order after sorting; seen {titles()}")
    app.click("sort-title")
    app.wait_until(lambda: titles() == list(reversed(first)),
                   lambda: f"the reverse of {first} after a second click; seen {titles()}")
