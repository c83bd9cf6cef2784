"""Build the book into a temporary folder and publish it only when the build succeeded.

``python -m coursebook build`` (what ``make book`` runs) calls jupyter-book with its
output in ``_build/.staging/<edition>``, a folder that is kept between builds, so Sphinx's
doctrees and the executed notebooks make the next build incremental. Only when the build
succeeds is the site copied beside the published folder and swapped in with two renames.
A SIGTERM, a SIGINT or a crash at any moment therefore leaves the last good site whole
(or, in the instant between the two renames, none), never a half-built one.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

EDITIONS = ("student", "instructor")
FLAGS = ("-W", "-n", "--keep-going")


class BuildError(Exception):
    """A reason the book cannot be built, in one sentence."""


def published(root: Path, edition: str) -> Path:
    """Where the site of an edition is published."""
    return root / "_build" / "html" if edition == "student" else root / "_build" / "instructor" / "_build" / "html"


def preflight(root: Path) -> None:
    """One clear sentence for a ``_build`` that cannot be written."""
    build = root / "_build"
    if build.exists() and not build.is_dir():
        raise BuildError(f"{build} is a file, not a folder: move or delete it, and build again.")
    try:
        build.mkdir(exist_ok=True)
        probe = build / f".write-test-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise BuildError(
            f"cannot write in {build} ({exc.strerror or exc}): make it writable, or delete it, and build again."
        ) from None


def recover(target: Path) -> None:
    """Tidy what an interrupted build left beside ``target``: put back a site that was
    moved aside but not replaced, and remove unfinished copies."""
    parent = target.parent
    if not parent.is_dir():
        return
    old = sorted(parent.glob(".html-old-*"))
    if not target.exists() and old:
        os.rename(old.pop(), target)
    for leftover in [*old, *parent.glob(".html-new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def swap(built: Path, target: Path) -> None:
    """Copy ``built`` beside ``target``, then replace ``target`` with it by renaming."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = target.parent / f".html-new-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(built, fresh)
    old = target.parent / f".html-old-{os.getpid()}"
    blocked = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        if target.exists():
            os.rename(target, old)
        os.rename(fresh, target)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    shutil.rmtree(old, ignore_errors=True)


def _signal_group(child: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(child.pid, sig)
    except ProcessLookupError:
        pass


def _run(command: list[str], root: Path, env: dict[str, str]) -> int:
    """Run the build in its own process group. On SIGTERM, SIGINT or SIGHUP, stop it and
    everything it started (kernels included: SIGKILL after 3 s) and exit without publishing."""
    stopping: dict[str, float] = {}
    running: list[subprocess.Popen] = []

    def stop(signum, frame):  # noqa: ARG001 - signal handler signature
        stopping.setdefault("signal", signum)
        stopping.setdefault("at", time.monotonic())
        for child in running:
            _signal_group(child, signal.SIGTERM)

    handlers = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    try:
        child = subprocess.Popen(command, cwd=root, env=env, start_new_session=True)
        running.append(child)
        if stopping:
            _signal_group(child, signal.SIGTERM)
        while child.poll() is None:
            time.sleep(0.2)
            if stopping and time.monotonic() - stopping["at"] > 3:
                _signal_group(child, signal.SIGKILL)
    except BaseException:
        for child in running:
            _signal_group(child, signal.SIGKILL)
        raise
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    if stopping:
        sys.stderr.write("\nThe build was interrupted; the last good site was left as it was.\n")
        raise SystemExit(128 + int(stopping["signal"]))
    return running[0].returncode


def _sources_ok(root: Path) -> bool:
    """Check the sources first: a problem is reported in a second, before Sphinx starts."""
    from .book import Book
    from .errors import DataError

    try:
        Book.load(root)
    except DataError as exc:
        sys.stderr.write("The book was not built, because its sources have problems:\n\n")
        sys.stderr.write("".join(f"  {problem}\n" for problem in exc.problems))
        sys.stderr.write(f"\n{len(exc.problems)} problem(s). Fix them and build again (`make check` lists them).\n")
        return False
    return True


def edition_config(root: Path, edition: str, folder: Path) -> Path:
    """The configuration file for an edition. The student edition is the book's own
    ``_config.yml``; another edition is a copy of it, written in ``folder``, that sets the
    Sphinx config value ``coursebook_edition`` (a config value, not an environment
    variable: Sphinx sees the switch and the execution cache cannot mix editions)."""
    source = root / "_config.yml"
    if edition == "student":
        return source
    config = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    config.setdefault("sphinx", {}).setdefault("config", {})["coursebook_edition"] = edition
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "_config.yml"
    text = f"# Written by `coursebook build --edition {edition}` from {source}; edit that file instead.\n"
    path.write_text(text + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def command(root: Path, staging: Path, edition: str = "student", builder: str = "html") -> list[str]:
    """The jupyter-book command line that builds one edition of the book into ``staging``."""
    line = [sys.executable, "-m", "coursebook.jupyterbook", "build", str(root), "--path-output", str(staging), *FLAGS]
    if edition != "student":
        line += ["--config", str(edition_config(root, edition, staging))]
    if builder != "html":
        line += ["--builder", builder]
    return line


def build(root: Path, edition: str = "student") -> int:
    """Build one edition; publish it only on success. Returns the exit status."""
    if edition not in EDITIONS:
        raise BuildError(f"the edition must be one of {', '.join(EDITIONS)}, not “{edition}”.")
    preflight(root)
    target = published(root, edition)
    if not _sources_ok(root):
        sys.stderr.write(
            f"\nThe book was not built; the last good site in {target.relative_to(root)} was left as it was.\n"
        )
        return 1
    recover(target)
    staging = root / "_build" / ".staging" / edition
    if _run(command(root, staging, edition), root, dict(os.environ)) != 0:
        sys.stderr.write(f"\nThe build failed; the last good site in {target.relative_to(root)} was left as it was.\n")
        return 1
    built = staging / "_build" / "html"
    if not (built / "index.html").is_file():
        sys.stderr.write("\nThe build wrote no index.html; nothing was published.\n")
        return 1
    swap(built, target)
    print(f"Published the {edition} edition in {target.relative_to(root)}.")
    return 0
