"""A fixture web server on 127.0.0.1 for the end-to-end tests of importing by address: invented
pages (an article, a redirect to it, a consent wall, a page whose text changes on the second
fetch). It runs on a thread of the test process and stops with the test; nothing else is reached."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

FERRY_TITLE = "Night ferry line approved in Eastbrook"
FARES_TITLE = "Eastbrook sets the night ferry fare"

FERRY = [
    "The Eastbrook harbour council approved the new night ferry line on Tuesday after a debate that ran past midnight.",
    "Councillor Mara Fenwick said the line would carry about 1,200 passengers a night once it opens in May.",
    "The harbour master, Tomas Reyel, said two boats would run every forty minutes between the pier and the island.",
]
FERRY_OTHER_TITLE = "Eastbrook's night ferry to carry 1,200 a night"
FERRY_OTHER = [
    "Councillor Mara Fenwick told The Island Courier that the Eastbrook night ferry would carry 1,200 passengers a night.",
    "Tomas Reyel, the harbour master, said the boats would leave the pier every forty minutes from May.",
]
FARES = [
    "The harbour council set the night ferry fare at 4.50 crowns on Wednesday, after a vote of seven to two.",
    "Shift workers' groups had asked for a fare of three crowns and said they would keep campaigning.",
]
UPDATE = "Update: the council later said the first boat would sail in June, not May, because the new pier is not finished."
CONSENT = [
    "We use cookies and data to deliver and maintain our services and to measure audience engagement.",
    "If you choose to accept all, we will also use cookies for personalised advertising. Manage your privacy settings or accept all cookies to continue.",
]


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="The Harbour Wire"></head>'
        f"<body><article><h1>{title}</h1>\n{body}</article></body></html>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        hits = Handler.hits
        hits[self.path] = hits.get(self.path, 0) + 1
        if self.path == "/ferry":
            self.answer(page(FERRY_TITLE, FERRY))
        elif self.path == "/ferry-other":
            self.answer(page(FERRY_OTHER_TITLE, FERRY_OTHER))
        elif self.path == "/fares":
            self.answer(page(FARES_TITLE, FARES))
        elif self.path == "/old-ferry-address":
            self.send_response(301)
            self.send_header("Location", "/ferry")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/consent":
            self.answer(page("Before you continue", CONSENT))
        elif self.path == "/changing":
            paragraphs = FERRY + ([UPDATE] if hits[self.path] >= 2 else [])
            self.answer(page(FERRY_TITLE, paragraphs))
        else:
            self.answer(b"<h1>Not found</h1>", status=404)

    def answer(self, body: bytes, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # quiet
        pass


@contextmanager
def web_fixture() -> Iterator[str]:
    """Serves the fixture pages on a free port of 127.0.0.1; yields the base address."""
    Handler.hits = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
