"""Every view of one invented event told by four outlets in two languages (the Orlov Bay barrier
fixtures): shared copy between a wire story and its edited copy, a translation, a paraphrase, a
statement quoted three ways and rendered in Spanish, a word in scare quotes, a swapped loaded word,
a count of people that differs (and an abbreviation that must not be flagged) — each view checked
and photographed at 100% and 200% zoom, with outlet names long enough to wrap."""

import pytest

from parallax_e2e import App
from sessions_e2e import compare_picked, import_reports, pick_rows, select_tab, sentences

REPORTS = [
    "tessel-wire-barrier-en.html",
    "orlov-chronicle-barrier-en.html",
    "valley-voice-barrier-en.html",
    "agencia-tessel-barrera-es.html",
]
TITLES = [
    "Flood barrier gate gives way as the Tessel peaks",
    "Barrier gate bursts: harbour district under water",
    "Families sleep in sports hall after barrier failure",
    "Cede la compuerta este de la barrera de Orlov Bay",
]

# Words of the given elements that the layout broke across two lines (each word's text range has
# one client rect per line it is drawn on), and elements wider than the window.
LAYOUT_JS = """
const selector = arguments[0];
const broken = [];
for (const element of document.querySelectorAll(selector)) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const re = /\\S+/g;
    let m;
    while ((m = re.exec(node.data))) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
}
const width = document.documentElement.clientWidth;
const outside = [...document.querySelectorAll('.session .bar button, .session .tab')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
  .map(e => e.dataset.testid || e.textContent.trim());
const clipped = [...document.querySelectorAll('.view-card, [data-testid=pane-header]')]
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => (e.dataset.testid || e.className) + ': ' + e.textContent.trim().slice(0, 40));
return {broken, outside, clipped};
"""

HEADERS = {
    "compare": "[data-testid=pane-header] .outlet, [data-testid=pane-header] .title",
    "coverage": ".outlet-head, [data-testid=coverage-family]",
    "quotes": "[data-testid=quote-group]",
    "terms": "[data-testid=view-terms] h3, [data-testid=view-terms] th",
    "facts": "[data-testid=fact-item]",
}


def open_barrier_session(app: App) -> None:
    import_reports(app, REPORTS)
    app.wait_row_count(len(REPORTS))
    pick_rows(app, TITLES)
    compare_picked(app, len(REPORTS))


def show_tab(app: App, name: str) -> None:
    """Opens a view by a script click: under CSS zoom WebDriver aims its clicks at unzoomed places."""
    app.script("arguments[0].click()", app.wait_for(f"session-tab-{name}"))
    app.wait_for("compare-view" if name == "compare" else f"view-{name}")


def check_every_view(app: App, zoom: str) -> None:
    app.script(f"document.documentElement.style.zoom = '{zoom}'")
    for name, selector in HEADERS.items():
        show_tab(app, name)
        layout = app.script(LAYOUT_JS, selector)
        assert not layout["broken"], f"{name} at zoom {zoom}: words broken across lines: {layout['broken']}"
        assert not layout["outside"], f"{name} at zoom {zoom}: controls outside the window: {layout['outside']}"
        assert not layout["clipped"], f"{name} at zoom {zoom}: cut off inside its card: {layout['clipped']}"
        app.screenshot(f"7{list(HEADERS).index(name)}-two-languages-{name}-{int(float(zoom) * 100)}")
    app.script("document.documentElement.style.zoom = ''")
    show_tab(app, "compare")


def test_every_view_of_a_two_language_event(app: App):
    open_barrier_session(app)

    # Compare: the wire story and its copy share copy; the Spanish rendering is translated; the
    # paraphrase reads as reworded; the copy's own sentence is unique.
    found = sentences(app)
    classes = {s["cls"] for s in found}
    assert "translated" in classes, classes
    copies = app.script(
        "return [...document.querySelectorAll(\"[data-testid='sentence'][data-copy-in]\")].map(e => Number(e.dataset.pane));"
    )
    by_pane = {pane: copies.count(pane) for pane in set(copies)}
    assert sum(1 for n in by_pane.values() if n >= 4) >= 2, f"the wire story and its copy share most sentences: {by_pane}"
    assert app.find_all("pane-copy"), "the headers say how much is shared copy"
    assert any(s["text"].startswith("Shopkeepers") and s["cls"] in ("unique", "elsewhere") for s in found)

    # Quotes: the mayor's statement in three wordings and a Spanish rendering, one group; the
    # scare-quoted "world-class" is no statement.
    select_tab(app, "quotes")
    groups = app.find_all("quote-group")
    mayor = [g for g in groups if "Ilse Varga" in app.text(g)]
    assert len(mayor) == 1, [app.text(g) for g in groups]
    assert app.find_all("quote-variant-translated", within=mayor[0]), "the Spanish rendering is marked as such"
    assert not any("world-class" in app.text(g) for g in groups), "a word in scare quotes is a term, not a quote"

    # Terms: "world-class" is a distanced term of the Chronicle; "ambitious" / "reckless" swapped.
    select_tab(app, "terms")
    assert any("world-class" in app.text(t) for t in app.find_all("distanced-term"))
    substitutions = [app.text(s) for s in app.find_all("substitution")]
    assert any("ambitious" in s and "reckless" in s for s in substitutions), substitutions
    assert not any("four" in s.lower() and "seven" in s.lower() for s in substitutions), "a number is a fact, not framing"

    # Facts: four vs seven people (and seven vs cuatro); the Town Council vs the Harbour Police
    # as the source of one toll; U.N. / UN is not a discrepancy.
    select_tab(app, "facts")
    facts = app.find_all("fact-item")
    items = [app.text(i) for i in facts]
    assert any("Four" in i and "Seven" in i for i in items), items
    sources = [app.text(f) for f in facts if f.get_attribute("data-kind") == "source"]
    assert any("Town Council" in s and "Harbour Police" in s for s in sources), items
    assert any(s.upper().startswith("SOURCE") for s in sources), sources
    assert not any("U.N." in i and "UN " in i for i in items), items

    select_tab(app, "compare")
    check_every_view(app, "1")
    check_every_view(app, "2")
