"""The library: the welcome screen of an empty library, the sample library, search as you type."""

from parallax_e2e import App, fixture


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
    texts = [row.text for row in rows]
    assert all(text.strip() for text in texts), f"every row shows its title: {texts}"
    assert any("Meridian Herald" in t or "Coastal Wire" in t or "Northline" in t for t in texts), (
        f"the rows name the sample's invented outlets: {texts}"
    )
    count = app.find("article-count").text
    assert str(len(rows)) in count, f"the article count {count!r} matches the {len(rows)} rows"
    assert not app.exists("welcome"), "the welcome screen is gone once the library has articles"
    assert app.exists("toolbar-import"), "a non-empty library offers import in the toolbar"
    app.screenshot("02-library-sample")


def test_search_as_you_type_filters_the_list(app: App):
    app.drop([fixture("orvane-ledger-footbridge.html"), fixture("halden-gazette-footbridge.html"),
              fixture("radio-brannfeld-bulletin.txt")])
    app.import_results(3)
    app.wait_row_count(3)
    search = app.wait_for("search-input")

    search.send_keys("pontoon")  # a word only the Orvane Ledger's body carries
    rows = app.wait_row_count(1)
    assert "Orvane" in rows[0].text or "Footbridge over Orvane" in rows[0].text, (
        f"the one match is the Ledger's article: {rows[0].text!r}"
    )

    for _ in range(len("pontoon")):
        search.send_keys("\b")
    search.send_keys("ferrymen")  # only in the Halden Cross Gazette
    rows = app.wait_row_count(1)
    assert "Weavers" in rows[0].text or "Gazette" in rows[0].text, f"the Gazette's article: {rows[0].text!r}"

    for _ in range(len("ferrymen")):
        search.send_keys("\b")
    app.wait_row_count(3)

    search.send_keys("zzyzzx-nothing-matches")
    app.wait_row_count(0)
