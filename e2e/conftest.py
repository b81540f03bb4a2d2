"""pytest fixtures for the end-to-end suite: a fresh app (own data directory, own tauri-driver, own
WebDriver session) per test, with the driver log and a screenshot attached when a test fails."""

from __future__ import annotations

import pytest

from parallax_e2e import App, Session


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def app(request) -> App:
    """The real app on an empty library, ready for input."""
    session = Session()
    assert session.driver is not None
    page = App(session.driver, export_dir=session.export_dir, home=session.home)
    try:
        page.wait_ready()
        yield page
    finally:
        report = getattr(request.node, "report_call", None)
        if report is None or report.failed:
            try:
                path = page.screenshot(f"FAILED-{request.node.name}")
                print(f"screenshot of the failure: {path}")
            except Exception as error:  # the session may be the thing that broke
                print(f"no failure screenshot: {error}")
            print("tauri-driver / app log (last lines):\n" + session.log_tail())
        session.close()
