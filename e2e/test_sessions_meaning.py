"""Pairing by meaning: an invented English report and its loose Spanish rendering open side by side
with their corresponding sentences linked as translated (connectors drawn, no word marks), each
report's extra sentence unique; the Facts view names the two news agencies the reports cite for one
figure (compared across languages); switching Options → Matching to words unpairs them."""

from parallax_e2e import App
from sessions_e2e import (
    compare_picked,
    import_reports,
    pick_rows,
    select_tab,
    sentences,
    wait_compare_view,
    wait_connectors,
)

REPORTS = ["tessel-herald-flood-en.txt", "diario-tessel-inundacion-es.txt"]
TITLES = ["Flood barrier holds as the Tessel peaks", "La barrera contra inundaciones resiste"]


def test_an_english_and_a_spanish_report_are_paired_by_meaning(app: App):
    import_reports(app, REPORTS)
    app.wait_row_count(len(REPORTS))
    pick_rows(app, TITLES)
    compare_picked(app, 2)

    found = sentences(app)
    translated = [s for s in found if s["cls"] == "translated"]
    by_pane = {pane: [s for s in translated if s["pane"] == pane] for pane in (0, 1)}
    assert all(len(v) >= 4 for v in by_pane.values()), f"the corresponding sentences are translated pairs: {found}"
    assert not any(s["differs"] for s in translated), "a translated pair carries no word marks"
    pairs = {s["text"].split()[0] for s in translated}
    assert "About" in pairs or "Unos" in pairs, f"the evacuation sentence is paired across languages: {pairs}"
    unique = {s["text"] for s in found if s["cls"] == "unique"}
    assert any("48 million crowns" in t for t in unique), f"the English report's own sentence is unique: {unique}"
    assert any("servicios de emergencia" in t for t in unique), f"the Spanish report's own sentence is unique: {unique}"
    assert not app.script(
        "return [...document.querySelectorAll('[data-testid=session-warning]')].some(e => /sentence model/.test(e.textContent))"
    ), "no missing-model warning: the model is there"

    wait_connectors(app)
    kinds = [c.get_attribute("data-class") for c in app.find_all("connector")]
    assert kinds.count("translated") >= 4, f"translated connectors join the panes: {kinds}"
    assert app.exists("legend") and "Translated" in app.text(app.find("legend")), "the legend names the class"
    app.screenshot("60-session-translated")

    # Facts across languages: each report cites another news agency for the evacuation figures.
    select_tab(app, "facts")

    def sources() -> list[str]:
        return [app.text(f) for f in app.find_all("fact-item") if f.get_attribute("data-kind") == "source"]

    app.wait_until(
        lambda: any("Velmar" in s and "Corvo" in s for s in sources()),
        lambda: f"Velmar vs Corvo as a source: {[app.text(f) for f in app.find_all('fact-item')]}",
    )
    assert not any("1,200" in app.text(f) for f in app.find_all("fact-item")), "1,200 and 1.200 are one number"
    app.screenshot("61-session-facts-across-languages")
    select_tab(app, "compare")
    wait_compare_view(app)

    # Options → Matching by words: across languages almost nothing is paired any more.
    app.click("options-button")
    app.wait_for("options-panel")
    app.click("options-match-words")
    app.wait_until(
        lambda: sum(1 for s in sentences(app) if s["cls"] == "translated") == 0,
        lambda: f"no translated pairs when matching by words: {[s['cls'] for s in sentences(app)]}",
    )
    app.click("options-close")
    app.wait_gone("options-panel")
    wait_compare_view(app)
