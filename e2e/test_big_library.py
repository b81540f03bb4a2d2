"""A big library in the real app: 3,000 invented notices (imported with the command line before
the app starts). The list is virtual — only the rows in view are in the page — and fetched a page
at a time as it scrolls; the count, sorting, scrolling to the end, the keyboard and a Shift-click
range across pages never loaded all work as on a small library."""

import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from parallax_e2e import App, running_app, target_dir

NOTICES = 3000
ROW_HEIGHT = 40


@pytest.fixture(scope="module")
def big_library() -> Path:
    data = Path(tempfile.mkdtemp(prefix="parallax-e2e-big-"))
    library = data / "app.parallax.desktop" / "library.sqlite"
    library.parent.mkdir(parents=True)
    notices = data / "notices"
    notices.mkdir()
    for k in range(NOTICES):
        body = " ".join(f"tidewater{k % 97} berth{k % 13} ferry{k}" for _ in range(20))
        (notices / f"notice-{k:04d}.txt").write_text(
            f"Harbour notice {k:04d} (fictional)\n\n{body}.\n", encoding="utf-8"
        )
    cli = target_dir() / "debug" / "parallax"
    subprocess.run([str(cli), "--db", str(library), "import", str(notices)], check=True, capture_output=True)
    return data


@pytest.fixture
def app(big_library: Path):
    with running_app({"XDG_DATA_HOME": str(big_library)}) as page:
        yield page


def shown_indexes(app: App) -> list[int]:
    return [int(row.get_attribute("aria-rowindex")) - 2 for row in app.find_all("article-row")]


def scroll_list_to(app: App, top: int) -> None:
    app.script(
        "const list = document.querySelector('section.list'); list.scrollTop = arguments[0];"
        " list.dispatchEvent(new Event('scroll'));",
        top,
    )


def test_the_list_holds_only_the_rows_in_view_and_scrolls_to_the_end(app: App):
    started = time.monotonic()
    grid = app.wait_for("article-list", timeout=60)
    app.wait_until(lambda: len(app.rows()) > 0, "the first rows")
    first_rows = time.monotonic() - started
    assert grid.get_attribute("aria-rowcount") == str(NOTICES + 1)
    count = app.text(app.find("article-count"))
    assert f"{NOTICES:,}" in count or str(NOTICES) in count, count
    in_page = len(app.find_all("article-row"))
    assert 10 < in_page < 120, f"{in_page} rows in the page for {NOTICES} articles"
    app.screenshot("70-big-library-top")

    scroll_list_to(app, NOTICES * ROW_HEIGHT)
    last = app.wait_until(
        lambda: NOTICES - 1 in shown_indexes(app) or None,
        lambda: f"the last row after scrolling to the end; rows shown: {shown_indexes(app)[:5]}…",
    )
    assert last
    assert len(app.find_all("article-row")) < 120
    app.screenshot("71-big-library-end")
    print(f"first rows visible {first_rows:.2f} s after the window opened")


def test_sorting_and_a_range_across_pages(app: App):
    app.wait_until(lambda: len(app.rows()) > 0, "the first rows")
    app.click("sort-title")
    app.wait_until(
        lambda: "Harbour notice 0000" in app.text(app.rows()[0]) or None,
        lambda: f"A→Z by title; first row {app.text(app.rows()[0])!r}",
    )
    app.rows()[0].click()
    app.wait_for("reader")

    # Down arrow from the first row moves to the second, as in a small library.
    ActionChains(app.driver).send_keys(Keys.ARROW_DOWN).perform()
    app.wait_until(
        lambda: "Harbour notice 0001" in app.text(app.find("reader-title")) or None,
        "the second notice in the reader after ArrowDown",
    )

    scroll_list_to(app, 2500 * ROW_HEIGHT)
    target = app.wait_until(
        lambda: next(
            (row for row in app.find_all("article-row") if row.get_attribute("aria-rowindex") == str(2500 + 2)),
            None,
        ),
        "row 2,500 after scrolling",
    )
    ActionChains(app.driver).key_down(Keys.SHIFT).click(target).key_up(Keys.SHIFT).perform()
    app.wait_until(
        lambda: app.text(app.find("compare-selected")) == "Compare (2501)" or None,
        lambda: f"2,501 picked from the clicked notice 0000 to 2500; the button says "
        f"{app.text(app.find('compare-selected'))!r}",
    )
    app.screenshot("72-big-library-range")
