"""Shared fixtures: the book's folders, the built site, a local server and a browser."""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def book():
    from coursebook import Book

    return Book.load(ROOT)


def instructor_pages(root: Path = ROOT) -> list[str]:
    """Pages only the instructor edition has (``coursebook_instructor_pages`` in _config.yml)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return config["sphinx"]["config"].get("coursebook_instructor_pages", [])


def toc_pages(edition: str = "student", root: Path = ROOT) -> list[str]:
    """Every page of one edition of the book at ``root``, as paths relative to the site
    root, in reading order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [entry["file"] for entry in part["chapters"]]
    if edition == "student":
        pages = [page for page in pages if page not in instructor_pages(root)]
    return [f"{page}.html" for page in pages]


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").exists():
        message = "needs the built book in _build/html: run `make book` (make test does it for you)"
        if os.environ.get("COURSEBOOK_REQUIRE_BUILD"):  # set by make test: there, a missing book is a failure
            pytest.fail(message)
        pytest.skip(message)
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


class SubPathHandler(_QuietHandler):
    """Serves the site under /course/book/, as ordinary hosting under a sub-path would."""

    prefix = "/course/book"

    def translate_path(self, path):
        if not path.startswith(self.prefix + "/"):
            return str(Path(self.directory) / "__not_under_prefix__")
        return super().translate_path(path[len(self.prefix) :])


def serve(site: Path):
    """Serve a built site under a sub-path on 127.0.0.1 (a generator for fixtures)."""
    handler = functools.partial(SubPathHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{SubPathHandler.prefix}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    yield from serve(site)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        pytest.fail(f"Chromium is not installed at {path}: run `make test`, which installs it, or set CHROMIUM")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def book_copy(tmp_path) -> Path:
    """A throwaway copy of the book's sources, to break on purpose."""
    from coursebook.paths import copy_sources

    return copy_sources(ROOT, tmp_path / "book")


@pytest.fixture
def mini_copy(tmp_path) -> Path:
    """A throwaway copy of the fixture book's sources (tests/books/mini), to break on purpose:
    for the tests that need a book, not the real book's content."""
    from coursebook.paths import copy_sources

    return copy_sources(MINI, tmp_path / "book")


@pytest.fixture(scope="session")
def _scratch_root(tmp_path_factory) -> Path:
    from coursebook.paths import copy_sources

    return copy_sources(ROOT, tmp_path_factory.mktemp("scratch") / "book")


@pytest.fixture
def scratch_book(_scratch_root) -> Path:
    """Like ``book_copy``, but one copy shared by the tests that only load the book: what a
    test changes is put back afterwards, so each load re-reads only the files it broke."""
    before = {p: p.read_bytes() for p in _scratch_root.rglob("*") if p.is_file()}
    yield _scratch_root
    for path in [p for p in _scratch_root.rglob("*") if p.is_file() and p not in before]:
        path.unlink()
    for path, data in before.items():
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)


@pytest.fixture
def context(browser):
    """A fresh browser context (its own localStorage) for one test."""
    from browserkit import new_context

    context = new_context(browser)
    yield context
    context.close()


def execute_with(path: Path, code: str):
    """Run a chapter as a notebook with one more cell at the end; return that cell's printed words."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    notebook = jupytext.read(path)
    notebook.cells.append(nbformat.v4.new_code_cell(code))
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    printed = "".join(o.get("text", "") for o in notebook.cells[-1].outputs).split()
    return notebook, printed


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def break_line(root: Path, rel: str, old: str, new: str) -> int:
    """Break the book at ``root`` on purpose: replace the first ``old`` in its file ``rel``
    (a path relative to ``root``) with ``new``. Returns the 1-based number of the line
    ``old`` started on, where the loader is expected to report the problem. ``old`` may
    span lines (end it with ``\\n`` to remove or change a whole line)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
    return text.count("\n", 0, index) + 1


def replace_line(root: Path, rel: str, needle: str, new_line: str, offset: int = 0) -> int:
    """Break the book at ``root`` on purpose: the line ``offset`` lines after the first
    line of its file ``rel`` that contains ``needle`` becomes ``new_line``, whatever it
    held. Returns that line's 1-based number."""
    path = root / rel
    number = line_of(path, needle) + offset
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = new_line
    path.write_text("\n".join(lines), encoding="utf-8")
    return number


MINI = ROOT / "tests" / "books" / "mini"


def built_href(link: str, page: str) -> str:
    """What the html builder makes of a book link (coursebook.links) on ``chapters/<page>``."""
    from coursebook import links

    document, anchor = links.parse(link)
    target = document.rsplit("/", 1)[-1]
    return f"#{anchor}" if target == page and anchor else f"{target}.html" + (f"#{anchor}" if anchor else "")


def build_book(source: Path, out: Path, edition: str, timeout: int = 300, builder: str = "html") -> Path:
    import subprocess

    from coursebook.building import command

    result = subprocess.run(
        command(source, out, edition, builder), cwd=source, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "_build" / builder


def sphinx_config(source: Path, config: Path) -> dict:
    """The Sphinx configuration jupyter-book makes from the book at ``source`` and the
    ``_config.yml`` at ``config``, with the overrides its ``build`` command adds for a
    book (the table of contents, and ``nitpicky`` for the engine's ``-n``)."""
    import importlib

    importlib.import_module("coursebook.jupyterbook")  # first: it skips a slow import, as the engine's command does
    from jupyter_book.config import get_final_config

    from coursebook.building import FLAGS

    overrides = {"external_toc_path": (source / "_toc.yml").as_posix(), "latex_individualpages": False}
    sphinx_config, _ = get_final_config(
        user_yaml=config, cli_config={**overrides, "nitpicky": "-n" in FLAGS}, sourcedir=source, use_external_toc=True
    )
    return sphinx_config


def build_in_process(source: Path, out: Path, edition: str, builder: str = "html") -> Path:
    """Build one edition of the book at ``source`` in this process, as the engine's
    ``jupyter-book build`` does (``coursebook.building.command``), warnings as errors.

    It uses ``sphinx.application.Sphinx`` with no configuration folder, as jupyter-book
    does, rather than ``sphinx.testing.util.SphinxTestApp``: that class always reads a
    ``conf.py`` from the source folder, and a jupyter-book has none (its whole
    configuration comes from ``_config.yml`` as overrides). Docutils' global registries
    are put back afterwards (``docutils_namespace``), and ``sys.path`` too. myst-nb runs
    the notebooks in kernels of their own, so executing them here is safe."""
    import io
    import sys

    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    from coursebook.building import FLAGS, edition_config

    config = sphinx_config(source, edition_config(source, edition, out))
    outdir, doctrees = out / "_build" / builder, out / "_build" / ".doctrees"
    status, warning, saved_path = io.StringIO(), io.StringIO(), sys.path.copy()
    # The extension passes the edition to the kernels it starts through the environment
    # (COURSEBOOK_EDITION); an instructor build must not leave it set for the tests that
    # follow in this process, whose book would then use the instructor's storage keys.
    saved_environ = os.environ.copy()
    try:
        with patch_docutils(source), docutils_namespace():
            app = Sphinx(source, None, outdir, doctrees, builder, confoverrides=config, status=status,
                         warning=warning, warningiserror="-W" in FLAGS, keep_going="--keep-going" in FLAGS)  # fmt: skip
            app.build()
    finally:
        sys.path[:] = saved_path
        os.environ.clear()
        os.environ.update(saved_environ)
    assert app.statuscode == 0, warning.getvalue()[-3000:] + status.getvalue()[-3000:]
    assert not warning.getvalue(), warning.getvalue()[-3000:]
    return outdir


def build_mini(out: Path, edition: str) -> Path:
    return build_in_process(MINI, out, edition)


def built_once(tmp_path_factory, name: str, make) -> Path:
    """Build something once per test run, even when pytest-xdist runs the tests in several
    workers: the first worker to ask builds it under a lock, the others wait and reuse it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by the workers of this run
    folder, done = base / name, base / f"{name}.built"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            done.write_text(str(make(folder)), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    """The fixture book in tests/books/mini, built with the real engine."""
    return built_once(tmp_path_factory, "mini", lambda folder: build_mini(folder, "student"))


@pytest.fixture(scope="session")
def mini_instructor_site(tmp_path_factory) -> Path:
    """The same fixture book, built as the instructor edition."""
    return built_once(tmp_path_factory, "mini-instructor", lambda folder: build_mini(folder, "instructor"))


def _build_instructor(folder: Path) -> Path:
    from coursebook.paths import copy_sources

    source = copy_sources(ROOT, folder / "book")
    edit(source / "_config.yml", "execute_notebooks: cache", 'execute_notebooks: "off"')
    return build_book(source, folder / "out", "instructor", timeout=600)


@pytest.fixture(scope="session")
def instructor_site(tmp_path_factory) -> Path:
    """The whole book's instructor edition, built once, without running the notebooks (the
    teaching material it adds is static; the student build runs every notebook)."""
    return built_once(tmp_path_factory, "instructor", _build_instructor)


@pytest.fixture(scope="session")
def mini_server(mini_site):
    yield from serve(mini_site)


@pytest.fixture(scope="session")
def instructor_server(instructor_site):
    yield from serve(instructor_site)


def problems(root: Path) -> list[str]:
    """What loading the book at ``root`` reports, as ``file:line: message`` lines."""
    from coursebook import Book, DataError

    with pytest.raises(DataError) as info:
        Book.load(root)
    return [str(p) for p in info.value.problems]
