"""Importing by drop: per-file results (imported / error / duplicate), a batch that survives bad files,
and the library list that shows what arrived."""

import shutil
import time
from pathlib import Path

from parallax_e2e import GAZETTE_TITLE, LEDGER_TITLE, TEXT_REPORTS, App, fixture

GOOD = ["orvane-ledger-footbridge.html", "halden-gazette-footbridge.html", "radio-brannfeld-bulletin.txt"]
BAD = ["broken-image.html", "empty.txt"]


def test_dropped_files_are_imported_with_a_result_per_file(app: App):
    app.drop([fixture(name) for name in GOOD + BAD])
    outcomes = app.import_outcomes(len(GOOD + BAD))
    for name in GOOD:
        assert name in outcomes, f"{name} has a result row: {outcomes}"
        assert outcomes[name][0] == "imported", f"{name} was imported: {outcomes[name]}"
    for name in BAD:
        assert name in outcomes, f"{name} has a result row: {outcomes}"
        status, message = outcomes[name]
        assert status == "error", f"{name} is reported as an error: {outcomes[name]}"
        assert len(message.replace(name, "").strip()) > 5, f"the error for {name} says why: {message!r}"

    progress = app.find("import-progress")
    assert progress.get_attribute("data-done") == progress.get_attribute("data-total") == str(len(GOOD + BAD)), (
        "the progress bar counts every file of the batch"
    )
    rows = app.wait_row_count(len(GOOD))
    titles = " | ".join(app.text(row) for row in rows)
    assert "Orvane" in titles and "Weavers" in titles, f"the list shows the imported titles: {titles}"
    app.screenshot("03-import-results")


def test_dropping_the_same_files_again_reports_duplicates(app: App):
    app.import_text_reports()

    app.drop([fixture(name) for name in TEXT_REPORTS])

    def second_batch():
        rows = app.find_all("import-result")
        statuses = [row.get_attribute("data-status") for row in rows]
        return statuses.count("duplicate") >= len(TEXT_REPORTS) and rows

    rows = app.wait_until(second_batch, lambda: f"{len(TEXT_REPORTS)} duplicate results; seen "
                          f"{[r.get_attribute('data-status') for r in app.find_all('import-result')]}", 60)
    duplicate_text = " ".join(app.text(r) for r in rows if r.get_attribute("data-status") == "duplicate")
    for name in TEXT_REPORTS:
        assert name in duplicate_text, f"{name} is reported as a duplicate: {duplicate_text!r}"
    assert len(app.wait_row_count(len(TEXT_REPORTS))) == len(TEXT_REPORTS), "duplicates add no rows to the library"


def test_a_missing_file_is_an_error_and_the_rest_still_imports(app: App, tmp_path: Path):
    missing = tmp_path / "no-such-report.html"
    app.drop([str(missing), fixture("radio-brannfeld-bulletin.txt")])
    outcomes = app.import_outcomes(2)
    assert outcomes["radio-brannfeld-bulletin.txt"][0] == "imported", outcomes
    missing_rows = [v for k, v in outcomes.items() if "no-such-report" in k or "no-such-report" in v[1]]
    assert missing_rows and missing_rows[0][0] == "error", f"the missing file is reported as an error: {outcomes}"
    app.wait_row_count(1)


def test_dropping_a_folder_imports_the_articles_inside(app: App, tmp_path: Path):
    folder = tmp_path / "saved reports"
    (folder / "more").mkdir(parents=True)
    shutil.copy(fixture("orvane-ledger-brief.txt"), folder / "orvane-ledger-brief.txt")
    shutil.copy(fixture("halden-gazette-brief.txt"), folder / "more" / "halden-gazette-brief.txt")
    app.drop([str(folder)])
    rows = app.wait_row_count(2)
    titles = " | ".join(app.text(row) for row in rows)
    assert LEDGER_TITLE in titles and GAZETTE_TITLE in titles, f"both reports in the folder (and its subfolder): {titles}"
    imported = [r for r in app.find_all("import-result") if r.get_attribute("data-status") == "imported"]
    assert len(imported) == 2, "the batch reports each imported file"


def test_files_dragged_over_the_window_show_the_drop_overlay_until_they_leave(app: App):
    drag = {"paths": [fixture("radio-brannfeld-bulletin.txt")], "position": {"x": 300, "y": 300}}
    app.invoke("plugin:event|emit", {"event": "tauri://drag-enter", "payload": drag})
    app.wait_for("drop-overlay")
    app.invoke("plugin:event|emit", {"event": "tauri://drag-leave", "payload": None})
    app.wait_gone("drop-overlay")
    assert not app.find_all("import-result"), "files that only passed over the window are not imported"


def done_when_rows_show(app: App) -> int | None:
    """The files imported at the instant the list shows rows, or None while it shows none: both read
    in one script call (asking WebDriver about each of 200 rows takes seconds, longer than the rest of
    a batch of small files takes to import)."""
    rows, done = app.script(
        "return [document.querySelectorAll(\"[data-testid='article-row']\").length,"
        " Number(document.querySelector(\"[data-testid='import-progress']\").dataset.done)]"
    )
    return int(done) if rows > 0 else None


def test_the_app_stays_responsive_during_a_long_import(app: App, tmp_path: Path):
    """A folder of 2,000 reports: progress streams file by file, and the page keeps answering
    (script calls return at once, search runs) while the batch is still going."""
    folder = tmp_path / "archive"
    for n in range(2000):
        sub = folder / f"{n % 20:02}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"notice-{n}.txt").write_text(
            f"Harbour notice {n} (fictional)\n\n"
            f"The Halden Cross harbour office said pier {n} would close on weekday {n % 7} "
            f"for repairs to the mooring rings, and ferries would call at pier {n + 1} instead.\n",
            encoding="utf-8",
        )
    app.wait_ready()
    app.drop([str(folder)])

    progress = app.wait_for("import-progress")
    seen: list[int] = []
    slowest = 0.0
    searched_during_import = False
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        started = time.monotonic()
        done = int(progress.get_attribute("data-done") or 0)
        total = int(progress.get_attribute("data-total") or 0)
        slowest = max(slowest, time.monotonic() - started)
        if total and done >= total:
            break
        if done and (not seen or done != seen[-1]):
            seen.append(done)
        if len(seen) >= 3 and not searched_during_import:
            search = app.wait_for("search-input")
            search.send_keys("mooring")
            # Rows and progress read in one script call, at one instant (asking WebDriver about each
            # of 200 rows takes seconds, longer than the rest of this batch now takes to import).
            done_then = app.wait_until(
                lambda: done_when_rows_show(app), "search results while the import runs", 20
            )
            searched_during_import = done_then < 2000
        time.sleep(0.1)

    assert int(progress.get_attribute("data-done")) == 2000, "every file of the batch is counted"
    assert len(seen) >= 3, f"progress arrives file by file, not all at the end: saw {seen}"
    assert searched_during_import, "search answered while the batch was still importing"
    assert slowest < 2.0, f"the page answered every poll quickly during the import (slowest {slowest:.2f} s)"
