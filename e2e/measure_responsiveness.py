"""How responsive the real app is on a big library: the time from an action in the window to the
rows it brings (WebDriver, under Xvfb), for the library named by PARALLAX_DB. Not a test (pytest
collects only test_*.py): a measurement run by hand, on a million-article team library beside a
local one, to compare the two.

    # a team library of 1,000,000 generated articles (crates/store/benches/library.rs makes one):
    PARALLAX_DB=postgres://parallax@127.0.0.1:55432/parallax_bench_NNN \
        xvfb-run -a -s "-screen 0 1400x900x24" target/e2e-venv/bin/python e2e/measure_responsiveness.py
    # a local library file:
    PARALLAX_DB=/path/to/library.sqlite xvfb-run -a … e2e/measure_responsiveness.py

The generated articles' words are the bench's: "harbour" is in most of them, "report 4242" in
one. Each action is timed `ROUNDS` times; the median is printed, with the slowest."""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from selenium.webdriver.common.keys import Keys  # noqa: E402

from parallax_e2e import App, running_app  # noqa: E402

ROUNDS = 5


def first_row(app: App) -> str:
    """The text of the topmost row in the page (read in one script: rows come and go)."""
    return app.script(
        "const rows = [...document.querySelectorAll(\"[data-testid='article-row']\")];"
        " rows.sort((a, b) => a.ariaRowIndex - b.ariaRowIndex);"
        " return rows.length ? rows[0].textContent.replace(/\\s+/g, ' ').trim() : '';"
    )


def shown_indexes(app: App) -> list[int]:
    return app.script(
        "return [...document.querySelectorAll(\"[data-testid='article-row']\")]"
        ".map((row) => Number(row.getAttribute('aria-rowindex')) - 2);"
    )


def timed(action, done) -> float:
    """Seconds from `action()` until `done()` holds (polled every 5 ms)."""
    started = time.monotonic()
    action()
    deadline = started + 60
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not follow within a minute")
        time.sleep(0.005)
    return time.monotonic() - started


def scroll_to(app: App, share: float) -> None:
    """Scrolls the list `share` of the way down (a million rows are shared out over a height the
    browser can hold, so a row's offset is not its index times the row height)."""
    app.script(
        "const list = document.querySelector('section.list');"
        " list.scrollTop = arguments[0] * (list.scrollHeight - list.clientHeight);"
        " list.dispatchEvent(new Event('scroll'));",
        share,
    )


def showing(app: App, low: int, high: int) -> bool:
    """Whether a loaded row with an index in `low..=high` is in the page."""
    return any(low <= index <= high for index in shown_indexes(app))


def measure(app: App) -> dict[str, list[float]]:
    grid = app.wait_for("article-list", timeout=120)
    app.wait_until(lambda: first_row(app), "the first rows", timeout=120)
    count = int(grid.get_attribute("aria-rowcount")) - 1
    print(f"library of {count:,} articles", flush=True)
    figures: dict[str, list[float]] = {}

    def record(name: str, seconds: float) -> None:
        figures.setdefault(name, []).append(seconds)

    for _ in range(ROUNDS):
        for column in ["sort-title", "sort-outlet", "sort-date", "sort-words"]:
            before = first_row(app)
            record(column, timed(lambda: app.click(column), lambda: first_row(app) not in ("", before)))
        for name, share, low, high in [
            ("scroll to the middle", 0.5, int(count * 0.45), int(count * 0.55)),
            ("scroll to the end", 1.0, count - 1, count - 1),
        ]:
            record(name, timed(lambda: scroll_to(app, share), lambda: showing(app, low, high)))
        scroll_to(app, 0)
        app.wait_until(lambda: showing(app, 0, 0), "back at the top")
        search = app.wait_for("search-input")
        for text in ["harbour", "report 4242"]:
            before = first_row(app)
            record(
                f"search {text!r}",
                timed(lambda: search.send_keys(text), lambda: first_row(app) not in ("", before)),
            )
            listed = first_row(app)
            search.send_keys(Keys.CONTROL, "a")
            search.send_keys(Keys.BACKSPACE)
            app.wait_until(lambda: first_row(app) not in ("", listed), "the list back after the search")
    return figures


def main() -> None:
    library = os.environ.get("PARALLAX_DB")
    if not library:
        sys.exit("PARALLAX_DB names the library to measure (a file or postgres://…)")
    started = time.monotonic()
    with running_app({"PARALLAX_DB": library}) as app:
        opened = time.monotonic() - started
        figures = measure(app)
        app.screenshot("90-responsiveness")
    print(f"window ready {opened:.2f} s after start")
    for name, seconds in figures.items():
        print(
            f"{name:<24} median {statistics.median(seconds) * 1000:7.0f} ms"
            f"   slowest {max(seconds) * 1000:7.0f} ms   ({len(seconds)} rounds)"
        )


if __name__ == "__main__":
    main()
