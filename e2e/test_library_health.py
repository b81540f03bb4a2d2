"""A damaged library: the app starts on a library with random bytes written into its middle (made
with the command line, then damaged) and says so in a banner, with the way back — instead of
carrying on as if nothing were wrong — and refuses to change it."""

import random
import subprocess
import tempfile
from pathlib import Path

import pytest

from parallax_e2e import App, running_app, target_dir


@pytest.fixture
def damaged_app():
    data = Path(tempfile.mkdtemp(prefix="parallax-e2e-damaged-"))
    library = data / "app.parallax.desktop" / "library.sqlite"
    library.parent.mkdir(parents=True)
    notices = data / "notices"
    notices.mkdir()
    for k in range(60):
        words = " ".join(f"harbour{k}w{w}" for w in range(400))
        (notices / f"notice-{k}.txt").write_text(f"Harbour notice {k} (fictional)\n\n{words}\n", encoding="utf-8")
    cli = target_dir() / "debug" / "parallax"
    subprocess.run([str(cli), "--db", str(library), "import", str(notices)], check=True, capture_output=True)
    raw = bytearray(library.read_bytes())
    middle = len(raw) // 2
    noise = random.Random(7)
    for k in range(middle, min(len(raw), middle + (64 << 10))):
        raw[k] = noise.randrange(256)
    library.write_bytes(bytes(raw))
    with running_app({"XDG_DATA_HOME": str(data)}, ready=False) as page:
        yield page


def test_a_damaged_library_is_reported_in_a_banner_at_start(damaged_app: App):
    app = damaged_app
    banner = app.wait_for("error-banner", timeout=60)
    text = app.text(banner)
    assert "damaged" in text or "could not open" in text.lower(), f"the banner says what is wrong: {text}"
    assert "parallax recover" in text, f"the banner names the way back: {text}"
    app.screenshot("62-library-damaged")
    # A damaged library is only read: a change is refused with the reason, the file left alone.
    with pytest.raises(RuntimeError) as refused:
        app.invoke("create_event", {"title": "Harbour works (fictional)"})
    assert '"damaged"' in str(refused.value) and "parallax recover" in str(refused.value), str(refused.value)
