"""The reader and article editing: title and paragraphs as text, metadata edits reflected in the list,
delete with undo."""

from parallax_e2e import GAZETTE_TITLE, TEXT_REPORTS, App, fixture
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def test_the_reader_shows_title_and_paragraphs_without_page_clutter(app: App):
    app.drop([fixture("orvane-ledger-footbridge.html"), fixture("halden-gazette-footbridge.html")])
    app.import_results(2)
    app.wait_row_count(2)
    reader = app.open_article("Orvane")
    title = app.text(app.find("reader-title"))
    assert "Footbridge over Orvane canal gives way" in title, f"reader title: {title!r}"
    body = app.find("reader-body", within=reader)
    paragraphs = [p.text for p in body.find_elements(By.TAG_NAME, "p") if p.text.strip()]
    assert len(paragraphs) >= 4, f"the body is shown as paragraphs: {paragraphs}"
    text = body.text
    assert "sending about thirty commuters into the water" in text, "the first paragraph is shown"
    assert "Fourteen people were taken to St Aldric Hospital" in text, "a later paragraph is shown"
    for clutter in ("We use cookies", "SHARE THIS ARTICLE", "Ledger Morning Brief", "Related stories"):
        assert clutter not in text, f"page clutter {clutter!r} was removed from the article body"
    meta = app.text(app.find("reader-meta"))
    assert "Orvane Ledger" in meta or "Kostand" in meta or "2026" in meta, f"the reader shows metadata: {meta!r}"
    app.screenshot("04-reader")


def test_editing_the_title_updates_the_list(app: App):
    app.import_text_reports()
    app.open_article(GAZETTE_TITLE)
    app.click("edit-button")
    field = app.wait_for("edit-title")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.clear()
    field.send_keys("Canal footbridge collapse (edited in test)")
    app.click("edit-save")
    app.wait_until(lambda: "edited in test" in app.text(app.find("reader-title")), "the reader to show the new title")
    app.row_containing("Canal footbridge collapse (edited in test)")
    assert not any(GAZETTE_TITLE in t for t in app.row_texts()), "the old title is gone from the list"


def test_cancelling_an_edit_keeps_the_title(app: App):
    app.import_text_reports()
    app.open_article(GAZETTE_TITLE)
    app.click("edit-button")
    field = app.wait_for("edit-title")
    field.clear()
    field.send_keys("This title must not be saved")
    app.click("edit-cancel")
    app.wait_until(lambda: GAZETTE_TITLE in app.text(app.find("reader-title")), "the original title back")
    assert not any("must not be saved" in t for t in app.row_texts()), "a cancelled edit changes nothing"


def test_delete_then_undo_restores_the_article(app: App):
    app.import_text_reports()
    app.open_article(GAZETTE_TITLE)
    app.click("delete-button")
    app.wait_row_count(len(TEXT_REPORTS) - 1)
    assert not any(GAZETTE_TITLE in t for t in app.row_texts()), "the deleted article left the list"
    app.wait_for("undo-toast")
    app.click("undo-delete")
    app.wait_row_count(len(TEXT_REPORTS))
    app.row_containing(GAZETTE_TITLE)
    app.wait_gone("undo-toast")
