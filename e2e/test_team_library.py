"""A team library in the real app: the library switcher connects to a PostgreSQL library (on the
throwaway server `cargo xtask test` starts), a colleague's import — the command line, a second
client of the same library — appears without a restart, and a metadata edit that crosses the
colleague's is refused with who changed it. The fixtures are fictional."""

from __future__ import annotations

import itertools
import os
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from parallax_e2e import App, fixture, target_dir

SERVER = os.environ.get("PARALLAX_E2E_POSTGRES", "")
PG_BIN = os.environ.get("PARALLAX_E2E_PG_BIN", "")

pytestmark = pytest.mark.skipif(
    not SERVER or not PG_BIN, reason="no PostgreSQL test server (cargo xtask test starts one)"
)

_databases = itertools.count()


def new_database() -> str:
    """An empty database on the test server; returns its address."""
    server = urlparse(SERVER)
    name = f"parallax_e2e_{os.getpid()}_{next(_databases)}"
    subprocess.run(
        [str(Path(PG_BIN) / "createdb"), "-h", server.hostname, "-p", str(server.port), "-U", server.username, name],
        check=True,
        capture_output=True,
    )
    return f"{SERVER}/{name}"


def colleague(library: str, *args: str) -> str:
    """Runs the command line as a colleague (Ben) on the team library; returns what it printed."""
    binary = target_dir() / "debug" / "parallax"
    env = dict(os.environ, PARALLAX_AUTHOR="Ben")
    done = subprocess.run(
        [str(binary), "--db", library, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"parallax {' '.join(args)}: {done.stderr}"
    return done.stdout


def connect(app: App, library: str) -> None:
    """Switches the app to the team library at `library` through the library switcher."""
    address = urlparse(library)
    app.click("library-switch")
    app.wait_for("library-dialog")
    app.click("library-kind-team")
    for test_id, value in [
        ("team-host", address.hostname),
        ("team-port", str(address.port)),
        ("team-database", address.path.lstrip("/")),
        ("team-user", address.username),
    ]:
        field = app.wait_for(test_id)
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.DELETE)
        field.send_keys(value)
    Select(app.find("team-tls")).select_by_value("disable")
    remember = app.find("team-remember")
    if remember.is_selected():
        remember.click()
    app.screenshot("79-library-switcher")
    app.click("library-connect")
    app.wait_until(
        lambda: "Team:" in app.text(app.find("library-switch")),
        lambda: f"the toolbar names the team library (it says {app.text(app.find('library-switch'))!r})",
        timeout=30,
    )


def test_the_switcher_opens_a_team_library_where_a_colleagues_work_arrives(app: App) -> None:
    library = new_database()
    connect(app, library)
    database = urlparse(library).path.lstrip("/")
    assert app.text(app.find("library-switch")) == f"Team: {database} on 127.0.0.1"
    app.wait_for("welcome")  # an empty team library

    # A colleague imports a report: it appears without a restart, and the app says so.
    printed = colleague(library, "import", fixture("tessel-herald-flood-en.txt"))
    assert "imported" in printed
    row = app.row_containing("Flood barrier holds", timeout=30)
    assert row is not None
    notice = app.wait_for("notice", timeout=30)
    assert "new article from a colleague" in app.text(notice)
    app.screenshot("80-team-library-colleague-import")

    # Both edit the article's title: the colleague saves first; the app's edit is refused.
    app.open_article("Flood barrier holds")
    app.click("edit-button")
    field = app.wait_for("edit-title")
    article_id = colleague(library, "--json", "list").split('"id":')[1].split(",")[0].strip()
    colleague(library, "edit", article_id, "--title", "Barrier title set by Ben")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys("Barrier title set in the app")
    app.click("edit-save")
    banner = app.wait_for("error-banner", timeout=20)
    assert "changed by Ben" in app.text(banner), app.text(banner)
    assert "Barrier title set by Ben" in colleague(library, "show", article_id)
    app.screenshot("81-team-library-conflict-refused")

    # The library dialog says which library is open; back to this computer's.
    app.click("library-switch")
    now = app.text(app.wait_for("library-now"))
    assert "team library" in now and "postgres://" in now and database in now
    app.click("library-kind-local")
    app.click("library-connect")
    app.wait_until(
        lambda: app.text(app.find("library-switch")) == "This computer",
        "the toolbar names this computer's library again",
        timeout=30,
    )
    assert not app.driver.find_elements(By.CSS_SELECTOR, App.css("article-row"))
