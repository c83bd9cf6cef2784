"""Never a half-built site: `coursebook build` (what `make book` runs) publishes only a
finished build. Interrupting a real build at any moment leaves the last good site whole;
a failed build leaves it as it was; an unusable `_build` or root gets one sentence."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import MINI, edit

COMMAND = [sys.executable, "-m", "coursebook"]


def snapshot(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def build(root: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*COMMAND, "--root", str(root), "build"], capture_output=True, text=True, timeout=300, **kwargs
    )


# The module-scoped fixtures below are costly: keep this file's tests in one xdist worker.
pytestmark = pytest.mark.xdist_group("atomic-build")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("atomic") / "mini"
    shutil.copytree(MINI, root)
    result = build(root)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return root


def test_an_interrupted_build_leaves_the_last_good_site_whole(built):
    site = built / "_build" / "html"
    good = snapshot(site)
    assert "index.html" in good and "chapters/reading.html" in good
    edit(built / "chapters" / "reading.md", "# The reading", "# The reading, edited")
    env = dict(os.environ)
    for delay, sig in ((0.5, signal.SIGTERM), (3.0, signal.SIGINT), (7.0, signal.SIGTERM)):
        # Like `timeout` and Ctrl-C: the signal goes to the whole process group.
        process = subprocess.Popen(
            [*COMMAND, "--root", str(built), "build"],
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass  # it had already finished
        process.wait(timeout=60)
        finished = process.returncode == 0
        now = snapshot(site)
        if finished:
            good = now  # the build won the race: the new site is whole
        assert now == good, f"after a signal at {delay}s the site changed: {set(now) ^ set(good)}"
    result = build(built, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "The reading, edited" in (site / "chapters" / "reading.html").read_text(encoding="utf-8")
    assert not list(site.parent.glob(".html-*"))


def test_a_failed_build_leaves_the_site_as_it_was(built):
    site = built / "_build" / "html"
    good = snapshot(site)
    objectives = built / "data" / "objectives.yaml"
    original = objectives.read_text(encoding="utf-8")
    objectives.write_text(original.replace("chapter: reading", "chapter: Reading"), encoding="utf-8")
    try:
        result = build(built)
    finally:
        objectives.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "data/objectives.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert "The book was not built; the last good site in _build/html was left as it was." in result.stderr
    assert snapshot(site) == good


def test_a_build_folder_that_is_a_file(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(MINI, root, ignore=shutil.ignore_patterns("_build"))
    (root / "_build").write_text("not a folder")
    result = build(root)
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"coursebook build: {root / '_build'} is a file, not a folder: move or delete it, and build again."
    )


def test_outside_a_book(tmp_path):
    result = subprocess.run([*COMMAND, "check"], cwd=tmp_path, capture_output=True, text=True, env=dict(os.environ))
    assert result.returncode == 2
    assert result.stderr.startswith("coursebook check: no book found: no folder at or above")
    assert "Traceback" not in result.stderr


def test_serve_on_a_busy_port(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [*COMMAND, "--root", str(MINI), "serve", "--port", str(port)], capture_output=True, text=True, timeout=60
        )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"coursebook serve: port {port} is already in use (another preview is running?): stop it, or pick another port with --port."
    )
