"""The comparison screen in the dark theme (the system's, through GTK) and at 200% zoom: the session
palette of the shared brief, and controls that wrap instead of leaving the window."""

import pytest

from parallax_e2e import App, running_app
from sessions_e2e import open_ferry_session

FILL_JS = """
const of = cls => getComputedStyle(document.querySelector(`[data-testid='sentence'][data-class='${cls}']`)).backgroundColor;
return {changed: of('changed'), moved: of('moved'), unique: of('unique'),
        page: getComputedStyle(document.querySelector("[data-testid='session-screen']")).backgroundColor};
"""


def luminance(css: str) -> float:
    parts = [float(p) for p in css[css.index("(") + 1:-1].split(",")[:3]]
    return (0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]) / 255


@pytest.fixture
def dark_app():
    with running_app({"GTK_THEME": "Adwaita:dark"}) as page:
        yield page


def test_light_theme_uses_the_session_palette(app: App):
    open_ferry_session(app)
    assert not app.script("return matchMedia('(prefers-color-scheme: dark)').matches")
    fills = app.script(FILL_JS)
    assert fills["changed"] == "rgba(0, 114, 178, 0.1)", fills
    assert fills["moved"] == "rgba(230, 159, 0, 0.16)", fills
    assert fills["unique"] == "rgba(204, 121, 167, 0.16)", fills
    assert luminance(fills["page"]) > 0.8, f"a light page: {fills['page']}"


def test_dark_theme_follows_the_system(dark_app: App):
    app = dark_app
    assert app.script("return matchMedia('(prefers-color-scheme: dark)').matches"), "GTK's dark theme reaches the page"
    open_ferry_session(app)
    fills = app.script(FILL_JS)
    assert fills["changed"] == "rgba(86, 180, 233, 0.16)", fills
    assert fills["moved"] == "rgba(230, 159, 0, 0.22)", fills
    assert fills["unique"] == "rgba(204, 121, 167, 0.24)", fills
    assert luminance(fills["page"]) < 0.25, f"a dark page: {fills['page']}"
    app.screenshot("28-session-dark")


def test_the_session_screen_at_200_percent_zoom(app: App):
    open_ferry_session(app)
    app.script("document.documentElement.style.zoom = '2'")
    overflowing = app.script(
        """const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('.session .bar button, .compare-toolbar button, .compare-toolbar input')]
          .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
          .map(e => e.dataset.testid || e.textContent.trim());"""
    )
    assert not overflowing, f"toolbar controls leave the window at 200%: {overflowing}"
    assert app.script(
        "return [...document.querySelectorAll('[data-testid=sentence]')].some(e => { const r = e.getBoundingClientRect(); return r.width > 150 && r.top < innerHeight && r.bottom > 0; })"
    ), "sentences stay readable (a visible sentence at least 150 px wide)"
    app.screenshot("29-session-zoom-200")
