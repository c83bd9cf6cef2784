"""Chapters open in JupyterLab as notebooks (MyST Markdown through jupytext), run top
to bottom, and their widgets are live there: the same ES modules, through anywidget.

JupyterLab runs on 127.0.0.1 with its own settings folder (open .md with jupytext's
notebook view; render every cell), against a copy of the book; every other host is
blocked, as for the static site.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from coursebook.paths import copy_sources

pytestmark = [pytest.mark.browser, pytest.mark.notebook, pytest.mark.xdist_group("jupyterlab")]  # one JupyterLab server

SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {
        "defaultViewers": {"markdown": "Jupytext Notebook"}
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    home = tmp_path_factory.mktemp("lab")
    book = copy_sources(ROOT, home / "book")
    settings = home / "settings"
    for name, value in SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(value))
    port = free_port()
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
    }
    log = open(home / "lab.log", "w")
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "jupyter"),
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--allow-root",
            f"--ServerApp.root_dir={book}",
        ],
        env=env,
        stdout=log,
        stderr=log,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.terminate()
        pytest.fail(f"JupyterLab did not start; see {home / 'lab.log'}")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=30)


def open_and_run(browser, lab, chapter):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    external, errors = [], []
    page.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith(lab) else (external.append(r.request.url), r.abort()),
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{lab}/lab/tree/chapters/{chapter}.md?reset", wait_until="networkidle")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    # Wait until the kernel has started and says it is idle (status bar), then run all.
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
    page.locator(".jp-NotebookPanel .jp-Notebook").click()
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_text("Run All Cells", exact=True).click()
    # The first code cell gets an execution number once the kernel has taken the work.
    page.locator(".jp-CodeCell .jp-InputPrompt", has_text="[1]:").wait_for(timeout=60_000)
    return context, page, external, errors


def test_a_chapter_runs_in_jupyterlab_with_live_widgets(browser, lab, book):
    context, page, external, errors = open_and_run(browser, lab, "iran-bargaining-chip")
    page.wait_for_selector(".cb-quiz .cb-q", timeout=60_000)
    page.wait_for_selector(".cb-iran .cb-model-sentence", timeout=60_000)
    # The notebook shows the chapter's article words (the cell the book hides).
    assert "Gore-Chernomyrdin Memorandum of June 30, 1995" in page.locator(".jp-OutputArea-output").first.inner_text()
    # The quiz answers, through anywidget, with the same module as the static book.
    question = book.quizzes["iran-bargaining-chip"][2]
    card = page.locator(f"#cb-q-{question.id}")
    card.scroll_into_view_if_needed()
    card.locator("input").first.check()
    card.get_by_role("button", name="Check answer").click()
    assert card.get_attribute("data-state") in ("correct", "wrong")
    # The Iran model recomputes when a slider moves.
    iran = page.locator(".cb-iran")
    before = iran.locator(".cb-model-sentence").inner_text()
    page.locator("#cb-iran-deliver_chance").focus()
    page.keyboard.press("End")
    assert iran.locator(".cb-model-sentence").inner_text() != before
    assert "model not found" not in page.content()
    # The options' order is the student's, kept in this browser as in the static book.
    seeds = page.evaluate(
        "Object.keys(localStorage).filter(k => k.endsWith(':settings:seed')).map(k => localStorage.getItem(k))"
    )
    assert len(seeds) == 1 and seeds[0]
    assert external == [] and errors == []
    context.close()


def test_the_progress_page_runs_in_jupyterlab_from_its_own_traits(browser, lab, book):
    """In the static book the progress widget reads its questions from the build's shared
    script; with a live kernel there is no such script, and its traits carry them."""
    context, page, external, errors = open_and_run(browser, lab, "progress")
    summary = page.locator(".cb-progress-summary")
    summary.wait_for(timeout=60_000)
    total = sum(len(questions) for questions in book.quizzes.values())
    assert f"of {total} questions" in summary.inner_text()
    assert page.locator(".cb-progress tr[data-chapter]").count() == len(book.quizzes)
    assert external == [] and errors == []
    context.close()
