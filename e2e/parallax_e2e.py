"""Driving the real Parallax app through WebDriver: start/stop tauri-driver, find elements by test id,
deliver files the way a drop does, call commands, wait for conditions, save screenshots."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import urllib3
from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.webelement import WebElement

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
T = TypeVar("T")


def target_dir() -> Path:
    configured = os.environ.get("CARGO_TARGET_DIR")
    return Path(configured).resolve() if configured else REPO / "target"


def app_binary() -> Path:
    return Path(os.environ.get("PARALLAX_APP") or target_dir() / "debug" / "parallax-app")


def tauri_driver_binary() -> Path:
    configured = os.environ.get("TAURI_DRIVER")
    if configured:
        return Path(configured)
    installed = target_dir() / "tools" / "bin" / "tauri-driver"
    return installed if installed.exists() else Path(shutil.which("tauri-driver") or installed)


def screenshot_dir() -> Path:
    path = Path(os.environ.get("PARALLAX_E2E_SCREENSHOTS") or target_dir() / "e2e-screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def fixture(name: str) -> str:
    path = FIXTURES / name
    assert path.exists(), f"missing e2e fixture {path}"
    return str(path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"tauri-driver exited early with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"tauri-driver did not listen on port {port} within {timeout:.0f} s")


class Session:
    """One run of the app: its own data directory, its own tauri-driver, one WebDriver session."""

    def __init__(self, extra_env: dict[str, str] | None = None) -> None:
        app = app_binary()
        driver = tauri_driver_binary()
        assert app.is_file(), f"the app binary {app} is missing: build it (cargo xtask test --only e2e)"
        assert driver.is_file(), f"tauri-driver is missing at {driver} (cargo xtask test installs it)"
        self.home = Path(tempfile.mkdtemp(prefix="parallax-e2e-"))
        self.data_dir = self.home / "data"
        self.log_path = self.home / "tauri-driver.log"
        # Session exports are written here instead of through a save dialog (PARALLAX_EXPORT_DIR).
        self.export_dir = self.home / "exports"
        self.export_dir.mkdir(parents=True)
        env = dict(os.environ)
        # A fresh, empty library per session: the app keeps its database under XDG_DATA_HOME.
        env["XDG_DATA_HOME"] = str(self.data_dir)
        env["XDG_CONFIG_HOME"] = str(self.home / "config")
        env["XDG_CACHE_HOME"] = str(self.home / "cache")
        env["PARALLAX_EXPORT_DIR"] = str(self.export_dir)
        env.update(extra_env or {})
        port, native_port = free_port(), free_port()
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [str(driver), "--port", str(port), "--native-port", str(native_port)],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so teardown can stop WebKitWebDriver too
        )
        self.driver: webdriver.Remote | None = None
        try:
            # tauri-driver forwards to WebKitWebDriver: both must listen before a session can open.
            wait_for_port(native_port, self.process)
            wait_for_port(port, self.process)
            self.driver = self._open_session(port, app)
            self.driver.set_script_timeout(60)
        except Exception:
            self.close()
            raise

    @staticmethod
    def _open_session(port: int, app: Path) -> webdriver.Remote:
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": str(app)})
        for attempt in range(3):
            try:
                return webdriver.Remote(f"http://127.0.0.1:{port}", options=options)
            except (ConnectionError, urllib3.exceptions.ProtocolError) as error:
                # Under heavy load the drivers sometimes drop the first request; a retry opens it.
                if attempt == 2:
                    raise RuntimeError(f"could not open a WebDriver session: {error}") from error
                time.sleep(2)
        raise AssertionError("unreachable")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no tauri-driver log)"

    def close(self) -> None:
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:
                pass
            self.driver = None
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=5)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=5)
        self._log.close()
        shutil.rmtree(self.home, ignore_errors=True)


class App:
    """The app's page, addressed through the test ids of ui/TESTIDS.md."""

    def __init__(self, driver: webdriver.Remote, export_dir: Path | None = None, home: Path | None = None) -> None:
        self.driver = driver
        self.export_dir = export_dir
        """Where the app writes session exports (PARALLAX_EXPORT_DIR of its Session)."""
        self.home = home
        """The run's scratch folder (deleted when the run ends): generated inputs can go here."""

    # --- finding things -------------------------------------------------------------------------
    @staticmethod
    def css(test_id: str) -> str:
        return f'[data-testid="{test_id}"]'

    def find(self, test_id: str, within: WebElement | None = None) -> WebElement:
        return (within or self.driver).find_element(By.CSS_SELECTOR, self.css(test_id))

    def find_all(self, test_id: str, within: WebElement | None = None) -> list[WebElement]:
        return (within or self.driver).find_elements(By.CSS_SELECTOR, self.css(test_id))

    @staticmethod
    def text(element: WebElement) -> str:
        """An element's text content with whitespace collapsed. WebDriver's rendered `.text` drops
        text that CSS clips (line clamps, ellipses), which the list and sidebar use."""
        return " ".join((element.get_attribute("textContent") or "").split())

    def exists(self, test_id: str) -> bool:
        return any(el.is_displayed() for el in self.find_all(test_id))

    def wait_until(self, condition: Callable[[], T], what: str | Callable[[], str], timeout: float = 20) -> T:
        """Polls `condition` until it returns something truthy; fails saying `what` never happened
        (`what` may be a function, called at the end to describe what was seen instead)."""
        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            try:
                value = condition()
                if value:
                    return value
            except (NoSuchElementException, StaleElementReferenceException) as error:
                last_error = error
            time.sleep(0.15)
        detail = f" (last error: {last_error.__class__.__name__})" if last_error else ""
        description = what() if callable(what) else what
        raise TimeoutException(f"waited {timeout:.0f} s for: {description}{detail}")

    def wait_for(self, test_id: str, timeout: float = 20) -> WebElement:
        def visible() -> WebElement | None:
            return next((el for el in self.find_all(test_id) if el.is_displayed()), None)

        return self.wait_until(visible, f'a visible element [data-testid="{test_id}"]', timeout)

    def wait_gone(self, test_id: str, timeout: float = 20) -> None:
        self.wait_until(lambda: not self.exists(test_id), f'[data-testid="{test_id}"] to disappear', timeout)

    def click(self, test_id: str) -> None:
        self.wait_for(test_id).click()

    def wait_ready(self) -> None:
        """The app has started when it shows either the welcome screen or the library."""
        self.wait_until(
            lambda: self.exists("welcome") or self.exists("article-list"),
            "the welcome screen or the article list after start",
            timeout=45,
        )

    # --- the library ----------------------------------------------------------------------------
    def rows(self) -> list[WebElement]:
        return [row for row in self.find_all("article-row") if row.is_displayed()]

    def row_texts(self) -> list[str]:
        return [self.text(row) for row in self.rows()]

    def wait_row_count(self, count: int, timeout: float = 30) -> list[WebElement]:
        self.wait_until(
            lambda: len(self.rows()) == count,
            lambda: f"exactly {count} article rows; the list shows {self.row_texts()}",
            timeout,
        )
        return self.rows()

    def row_containing(self, text: str, timeout: float = 20) -> WebElement:
        return self.wait_until(
            lambda: next((row for row in self.rows() if text.lower() in self.text(row).lower()), None),
            f"an article row containing {text!r}",
            timeout,
        )

    def open_article(self, text: str) -> WebElement:
        """Opens the article whose row contains `text` and returns the reader."""
        self.row_containing(text).click()
        reader = self.wait_for("reader")
        self.wait_until(lambda: self.text(self.find("reader-title")), "the reader to show a title")
        return reader

    def import_text_reports(self) -> None:
        """Drops the plain-text reports and waits until the library lists all of them."""
        self.drop([fixture(name) for name in TEXT_REPORTS])
        self.import_results(len(TEXT_REPORTS))
        self.wait_row_count(len(TEXT_REPORTS))

    # --- importing --------------------------------------------------------------------------------
    def drop(self, paths: list[str]) -> None:
        """Delivers `paths` exactly as the window's drag-drop does: the `tauri://drag-*` events the
        webview's onDragDropEvent listens to, emitted through the event plugin."""
        position = {"x": 300, "y": 300}
        for event in ("tauri://drag-enter", "tauri://drag-drop"):
            self.invoke("plugin:event|emit", {"event": event, "payload": {"paths": paths, "position": position}})

    def import_results(self, expected: int, timeout: float = 60) -> list[WebElement]:
        """Waits until the import result list has `expected` rows and the batch is finished."""

        def finished() -> list[WebElement] | None:
            rows = self.find_all("import-result")
            if len(rows) < expected:
                return None
            progress = self.find_all("import-progress")
            if progress and progress[0].get_attribute("data-done") != progress[0].get_attribute("data-total"):
                return None
            return rows

        return self.wait_until(finished, f"{expected} import results", timeout)

    def import_outcomes(self, expected: int) -> dict[str, tuple[str, str]]:
        """{file name: (status, message)} for the last import batch."""
        outcomes = {}
        for row in self.import_results(expected):
            text = self.text(row)
            name = next((n for n in FIXTURE_NAMES if n in text), text)
            outcomes[name] = (row.get_attribute("data-status"), text)
        return outcomes

    # --- talking to the backend and the page --------------------------------------------------------
    def invoke(self, command: str, args: dict | None = None):
        """Calls a Tauri command from the page, as the UI does; raises with the backend's message."""
        result = self.driver.execute_async_script(
            "const [command, args, done] = arguments;"
            "window.__TAURI_INTERNALS__.invoke(command, args)"
            ".then(ok => done({ok: ok === undefined ? null : ok}), err => done({err: JSON.stringify(err) ?? String(err)}));",
            command,
            args or {},
        )
        if "err" in result:
            raise RuntimeError(f"{command} failed: {result['err']}")
        return result["ok"]

    def script(self, source: str, *args):
        return self.driver.execute_script(source, *args)

    def screenshot(self, name: str) -> Path:
        # WebKitWebDriver captures after the next painted frame. Without GPU compositing (how the
        # app runs here: no GPU) a page with nothing to repaint never paints one, and the capture
        # waited for ever; a one-pixel dot that changes every frame while the capture is taken keeps
        # frames coming. Two frames first, so the capture shows what the DOM already shows.
        self.driver.execute_async_script(KEEP_PAINTING_JS)
        time.sleep(0.3)
        path = screenshot_dir() / f"{name}.png"
        try:
            assert self.driver.save_screenshot(str(path)), f"could not save the screenshot {path}"
        finally:
            self.driver.execute_script(STOP_PAINTING_JS)
        return path


KEEP_PAINTING_JS = """
const done = arguments[0];
const dot = document.createElement('div');
dot.id = 'e2e-paint-dot';
dot.setAttribute('aria-hidden', 'true');
dot.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
document.body.appendChild(dot);
let frame = 0;
function tick() {
  frame += 1;
  dot.style.background = frame % 2 ? 'rgba(128,128,128,0.02)' : 'rgba(128,128,128,0.04)';
  window.__e2ePaintFrame = requestAnimationFrame(tick);
  if (frame === 2) done();
}
tick();
"""

STOP_PAINTING_JS = """
cancelAnimationFrame(window.__e2ePaintFrame);
document.getElementById('e2e-paint-dot')?.remove();
"""


# Plain-text reports of the fictional event: the library, reader and event tests use these so that
# they exercise the app, not the HTML extractor.
TEXT_REPORTS = ["orvane-ledger-brief.txt", "halden-gazette-brief.txt", "radio-brannfeld-bulletin.txt"]
LEDGER_TITLE = "Footbridge gives way over Orvane canal"
GAZETTE_TITLE = "Commuters plunge into canal as old bridge fails"

FIXTURE_NAMES = sorted((p.name for p in FIXTURES.iterdir() if p.is_file()), key=len, reverse=True)


@contextmanager
def running_app(extra_env: dict[str, str] | None = None, ready: bool = True) -> Iterator[App]:
    """The real app in a session of its own with `extra_env` added to its environment (a theme,
    a shorter extraction bound, another data folder); closed on leaving. With `ready`, waits until
    the page has loaded."""
    session = Session(extra_env)
    assert session.driver is not None
    page = App(session.driver, export_dir=session.export_dir, home=session.home)
    try:
        if ready:
            page.wait_ready()
        yield page
    finally:
        session.close()
