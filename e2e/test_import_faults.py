"""The app under faults: a batch dropped with one page that runs past the extraction time bound
(files are extracted in worker processes, each file bounded in time) — the app stays up, the other
files import, and that file shows a clear error. The bound is shortened to one second for the test
(PARALLAX_EXTRACT_SECONDS); the page is 6 MB of text on one line (under the markup bound, so it is
parsed, which takes seconds)."""

from pathlib import Path

import pytest

from parallax_e2e import App, running_app


@pytest.fixture
def quick_bound_app():
    with running_app({"PARALLAX_EXTRACT_SECONDS": "1"}) as page:
        yield page


def test_a_page_past_the_time_bound_fails_alone_and_the_app_stays_up(quick_bound_app: App, tmp_path: Path):
    app = quick_bound_app
    heavy = tmp_path / "heavy-harbour-page.html"
    words = "the invented harbour of Kelmsby " * 200_000
    heavy.write_text(f"<html><head><title>Heavy page</title></head><body><p>{words}</p></body></html>")
    briefs = []
    for k in range(2):
        brief = tmp_path / f"kelmsby-brief-{k}.txt"
        brief.write_text(f"Kelmsby brief {k} (fictional)\n\nThe harbour office opened at nine on day {k}.\n")
        briefs.append(brief)
    app.drop([str(heavy)] + [str(b) for b in briefs])
    rows = app.import_results(3, timeout=90)
    texts = {app.text(row): row.get_attribute("data-status") for row in rows}
    heavy_rows = [(t, s) for t, s in texts.items() if "heavy-harbour-page" in t]
    assert heavy_rows and heavy_rows[0][1] == "error", f"the heavy page fails: {texts}"
    assert "longer than" in heavy_rows[0][0], f"and says why: {heavy_rows}"
    assert sum(1 for s in texts.values() if s == "imported") == 2, f"the briefs import: {texts}"
    # Still answering: the list shows the two briefs.
    app.wait_row_count(2)
    app.screenshot("61-import-time-bound")
