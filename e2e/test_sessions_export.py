"""Exports of a session through the export menu: the HTML report (highlights, legend, the note), the
JSON of the comparison (parallax.session/1), the coverage CSV (outlets in the header), and print.
The app writes into the run's PARALLAX_EXPORT_DIR instead of asking where to save."""

import csv
import io
import json
from pathlib import Path

from parallax_e2e import App
from sessions_e2e import FERRY_OUTLETS, add_note_on_words, open_ferry_session, sentences

NOTE = "Check the passenger count with the lifeboat station."


def export(app: App, format: str) -> Path:
    """Presses an export button and returns the file the status line names."""
    before = set(app.export_dir.iterdir())
    app.click(f"export-{format}")
    status = app.wait_until(
        lambda: next((s for s in app.find_all("export-status") if s.get_attribute("data-kind") != "info"), None),
        f"the {format} export's status line",
        30,
    )
    text = app.text(status)
    assert status.get_attribute("data-kind") == "ok", f"the {format} export succeeded: {text!r}"
    written = set(app.export_dir.iterdir()) - before
    assert len(written) == 1, f"one new file in {app.export_dir}: {sorted(written)}"
    path = written.pop()
    assert path.suffix == f".{format}", path
    assert str(path) in text, f"the status names the file: {text!r}"
    assert path.stat().st_size > 0
    return path


def test_html_json_and_csv_exports_are_written_with_their_contents(app: App):
    open_ferry_session(app)
    index = next(s["index"] for s in sentences(app) if s["pane"] == 1 and "214 passengers" in s["text"])
    add_note_on_words(app, 1, index, "214", "passengers", NOTE)

    html = export(app, "html").read_text(encoding="utf-8")
    for mark in ("s-changed", "s-moved", "s-unique", "w-differs"):
        assert mark in html, f"the HTML report carries the {mark} highlights"
    assert 'class="legend"' in html, "the HTML report has the legend"
    assert NOTE in html, "the HTML report carries the note"
    assert f'<p class="s s-' in html and f'id="p1-s{index}"' in html
    marked = html.split(f'id="p1-s{index}"', 1)[1].split("</p>", 1)[0]
    assert 'class="note-mark" href="#note-1"' in marked, f"the noted sentence is marked in its pane: {marked!r}"
    assert "<script" not in html.lower(), "the report is script-free"
    for outlet in FERRY_OUTLETS:
        assert outlet in html, f"the report names {outlet}"
    app.screenshot("50-session-export-html-status")

    data = json.loads(export(app, "json").read_text(encoding="utf-8"))
    assert data["schema"] == "parallax.session/1", data.get("schema")
    [note] = data["notes"]
    assert note["note"] == NOTE and note["pane"] == 1 and note["end"] > note["start"], note
    outlets = [pane.get("outlet") for pane in data["model"]["panes"]] if "model" in data else [
        pane.get("outlet") for pane in data["panes"]
    ]
    assert sorted(outlets) == sorted(FERRY_OUTLETS), f"the JSON lists the three panes: {outlets}"

    raw = export(app, "csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark, so Excel reads it as UTF-8"
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    assert header[0] == "claim" and header[-1] == "carried_by", header
    assert sorted(header[1:-1]) == sorted(FERRY_OUTLETS), f"one column per outlet: {header}"
    assert len(rows) > 5 and all(len(row) == len(header) for row in rows), "a row per claim, every row complete"

    # The report opens on its own (file://, no app around it): the same highlights, shown as a page.
    path = next(app.export_dir.glob("*.html"))
    app.driver.get(path.as_uri())
    app.wait_until(lambda: app.script("return document.querySelectorAll('.s-changed').length") > 0,
                   "the exported report's highlights in a browser page")
    assert app.script("return document.querySelectorAll('.w-differs').length") > 0
    assert NOTE in app.script("return document.body.textContent")
    app.screenshot("51-session-export-html-report")


def test_print_calls_window_print(app: App):
    open_ferry_session(app)
    app.script("window.__printCalls = 0; window.print = () => { window.__printCalls += 1; };")
    app.click("export-print")
    app.wait_until(lambda: app.script("return window.__printCalls") == 1, "the Print button to call window.print")
