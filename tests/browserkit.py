"""Open pages of the built site like a student would, with every other host blocked.

``OfflinePage`` wraps a Playwright page: requests to any host but the local test
server are aborted and recorded, and console errors and uncaught page errors are
collected, so a test can assert that none happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@dataclass
class PageLog:
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"external request: {u}" for u in self.external]
            + [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"failed local request: {u}" for u in self.failed]
        )


def new_context(browser, **kwargs):
    return browser.new_context(service_workers="block", **kwargs)


def open_offline(context, base_url: str):
    """A new page in ``context`` whose requests may only reach ``base_url``'s host."""
    allowed = urlparse(base_url).netloc
    log = PageLog()
    page = context.new_page()

    def route(route):
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob") or parsed.netloc == allowed:
            route.continue_()
        else:
            log.external.append(url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))
    page.on(
        "requestfinished",
        lambda req: (
            log.failed.append(req.url)
            if urlparse(req.url).netloc == allowed and (resp := req.response()) is not None and resp.status >= 400
            else None
        ),
    )
    return page, log


def run_axe(page) -> list[dict]:
    """axe-core's serious and critical violations on the current page."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def wait_for_widgets(page, timeout: int = 20000) -> None:
    """Scroll to each widget that has not started, as a reader scrolling down the page does
    (js/host.js starts a widget as it comes near the screen; those left start a couple of
    seconds after the page loads), go back to where the page was, and wait until every
    widget has started."""
    where = page.evaluate("[window.scrollX, window.scrollY]")
    for widget in page.query_selector_all(".cb-widget:not([data-cb-ready])"):
        widget.scroll_into_view_if_needed()
    page.evaluate("([x, y]) => window.scrollTo(x, y)", where)
    page.wait_for_function(
        "[...document.querySelectorAll('.cb-widget')].every((w) => w.dataset.cbReady === 'true')", timeout=timeout
    )


def link_target(link) -> str:
    """Where a link leads: its address resolved against its page, as a click would take it."""
    return link.evaluate("a => a.href")
